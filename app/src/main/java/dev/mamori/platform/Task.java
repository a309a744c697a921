package dev.mamori.platform;

import java.time.LocalDate;
import java.util.List;

/**
 * Something the signed-in person should do, computed by the module that owns the work (a review that is
 * due, a declaration to answer, a document to acknowledge). Tasks are not stored: they disappear when
 * the work is done.
 *
 * @param module    the contributing module, e.g. {@code inventory}
 * @param kind      a stable kind within the module, used for grouping and counting (e.g. {@code review-due})
 * @param titleKey  message key of the title, with {@code titleArgs}
 * @param href      the page where the work is done
 * @param due       when it is due (null: no date)
 * @param priority  how urgent it is
 */
public record Task(String module, String kind, String titleKey, List<Object> titleArgs, String href, LocalDate due,
                   Priority priority) {

    public Task {
        titleArgs = List.copyOf(titleArgs);
    }

    public boolean overdue(LocalDate today) {
        return due != null && due.isBefore(today);
    }

    public enum Priority {
        HIGH, NORMAL, LOW
    }
}
