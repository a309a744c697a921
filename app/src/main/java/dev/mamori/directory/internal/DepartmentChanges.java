package dev.mamori.directory.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.mamori.directory.DepartmentDraft;
import dev.mamori.directory.DepartmentEvents;
import dev.mamori.directory.DepartmentView;
import dev.mamori.ledger.AuditRecord;
import dev.mamori.ledger.Subject;

/**
 * How each change to a department is told (ledger entry and event), shared by the {@code Directory}
 * facade and the HR import.
 */
public final class DepartmentChanges {

    private DepartmentChanges() {
    }

    public static Change created(long id, DepartmentDraft draft) {
        return change("directory.department.created", id, details(draft),
                new DepartmentEvents.DepartmentCreated(id, draft.code(), draft.parentId()));
    }

    public static Change updated(DepartmentView before, DepartmentDraft draft) {
        Map<String, Object> details = details(draft);
        details.put("before", details(new DepartmentDraft(before.code(), before.nameJa(), before.nameEn(), before.parentId())));
        return change("directory.department.updated", before.id(), details,
                new DepartmentEvents.DepartmentChanged(before.id(), draft.code(), draft.parentId()));
    }

    public static Change abolished(long id, String code, LocalDate on) {
        return change("directory.department.abolished", id, Map.of("code", code, "abolishedOn", on.toString()),
                new DepartmentEvents.DepartmentAbolished(id, code));
    }

    /** Whether the draft differs from the department (blank and missing English names count as the same). */
    public static boolean differs(DepartmentView before, DepartmentDraft draft) {
        String beforeEn = before.nameEn() == null || before.nameEn().isBlank() ? null : before.nameEn();
        String draftEn = draft.nameEn() == null || draft.nameEn().isBlank() ? null : draft.nameEn().strip();
        return !before.code().equals(draft.code()) || !before.nameJa().equals(draft.nameJa())
                || !java.util.Objects.equals(beforeEn, draftEn)
                || !java.util.Objects.equals(before.parentId(), draft.parentId());
    }

    private static Map<String, Object> details(DepartmentDraft d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", d.code());
        m.put("nameJa", d.nameJa());
        m.put("nameEn", d.nameEn());
        m.put("parentId", d.parentId());
        return m;
    }

    private static Change change(String action, long id, Map<String, ?> details, Object event) {
        return new Change(AuditRecord.of(action, Subject.of("department", id), details), event);
    }
}
