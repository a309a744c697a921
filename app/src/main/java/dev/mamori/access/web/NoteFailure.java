package dev.mamori.access.web;

import java.util.List;

import dev.mamori.platform.MamoriException;

/**
 * A refused note of one row's form (ending a grant, deciding a request, removing in a review): the page is
 * shown again with the typed note in that row and the message (key and arguments) beside it.
 */
public record NoteFailure(long id, String form, String note, String key, List<Object> args) {

    /** The note of the row's form {@code form} (approve, reject, end, …) broke its only constraint, its length. */
    static NoteFailure tooLong(long id, String form, NoteForm note) {
        return new NoteFailure(id, form, note.note(), "access.note.tooLong", List.of(2000));
    }

    static NoteFailure of(long id, String form, NoteForm note, MamoriException ex) {
        return new NoteFailure(id, form, note.note(), ex.messageKey(), ex.args() == null ? List.of() : List.of(ex.args()));
    }

    /** Whether the failure is about the row {@code rowId} (whichever of its forms). */
    public boolean on(long rowId) {
        return id == rowId;
    }

    /**
     * Whether the failure is that of the form whose note input is {@code inputId} ({@code form-row}, e.g.
     * {@code approve-4}): a row with two forms (approve and reject) shows the message and the typed note only on
     * the one that was submitted.
     */
    public boolean at(String inputId) {
        return (form + "-" + id).equals(inputId);
    }
}
