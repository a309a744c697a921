package dev.mamori.lifecycle;

import java.time.LocalDate;

/** An item of the register of lent equipment and media, with its return (null while outstanding). */
public record LentItem(long id, long personId, String personName, LentKind kind, String label, String serial,
                       LocalDate lentOn, LocalDate returnedOn, String returnNote) {

    public boolean outstanding() {
        return returnedOn == null;
    }
}
