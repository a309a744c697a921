package dev.mamori.access.web;

import jakarta.validation.constraints.Size;

/** A note with a decision or an ending. */
record NoteForm(@Size(max = 2000, message = "{access.note.tooLong}") String note) {
}
