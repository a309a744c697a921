package dev.mamori.access.web;

import java.util.List;

import dev.mamori.platform.MamoriException;

/**
 * A refused note of one row's form (ending a grant, deciding a request, removing in a review): the page is
 * shown again with the typed note in that row and the message (key and arguments) beside it.
 */
public record NoteFailure(long id, String note, String key, List<Object> args) {

    /** The note broke its only constraint, its length. */
    static NoteFailure tooLong(long id, NoteForm form) {
        return new NoteFailure(id, form.note(), "access.note.tooLong", List.of(2000));
    }

    static NoteFailure of(long id, NoteForm form, MamoriException ex) {
        return new NoteFailure(id, form.note(), ex.messageKey(), ex.args() == null ? List.of() : List.of(ex.args()));
    }

    /** The message for the row {@code rowId}, or null. */
    public boolean on(long rowId) {
        return id == rowId;
    }
}
