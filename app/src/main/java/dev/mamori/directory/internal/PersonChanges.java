package dev.mamori.directory.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.mamori.directory.EmploymentType;
import dev.mamori.directory.PersonDraft;
import dev.mamori.directory.PersonEvents;
import dev.mamori.directory.PersonView;
import dev.mamori.ledger.AuditRecord;
import dev.mamori.ledger.Subject;

/**
 * How each change to a person is told: the ledger entry and the event. The {@code Directory} facade
 * and the HR import both describe changes through here, so the same change always leaves the same
 * trace whichever way it was made.
 */
public final class PersonChanges {

    private PersonChanges() {
    }

    /** A person was entered, either as 入社予定 or as already working. */
    public static Change registered(long id, PersonDraft draft, LifecycleState state) {
        Map<String, Object> details = personDetails(draft);
        details.put("status", state.status().name());
        Object event = state.status() == dev.mamori.directory.PersonStatus.PROSPECTIVE
                ? new PersonEvents.PersonRegistered(id, draft.employeeNumber(), state.joinedOn())
                : new PersonEvents.PersonJoined(id, draft.employeeNumber(), state.joinedOn(), draft.employmentType(),
                        draft.primaryDepartmentId());
        return change("directory.person.registered", id, details, event);
    }

    /** Whether the draft moves the person to other departments (異動). */
    public static boolean transferred(PersonView before, PersonDraft draft) {
        List<Long> beforeDepartments = departmentIds(before);
        return !Objects.equals(primaryId(before), draft.primaryDepartmentId())
                || !new HashSet<>(beforeDepartments).equals(new HashSet<>(draft.allDepartmentIds()));
    }

    /**
     * The changes an edit of a person's details makes: details changed, transferred, both or none.
     */
    public static List<Change> updated(PersonView before, PersonDraft draft, LocalDate today) {
        long id = before.id();
        List<Change> changes = new ArrayList<>();
        List<String> changed = changedFields(before, draft);
        if (!changed.isEmpty()) {
            Map<String, Object> details = personDetails(draft);
            details.put("changed", changed);
            changes.add(change("directory.person.updated", id, details,
                    new PersonEvents.PersonDetailsChanged(id, changed)));
        }
        if (transferred(before, draft)) {
            List<Long> beforeDepartments = departmentIds(before);
            List<Long> afterDepartments = draft.allDepartmentIds();
            Long beforePrimary = primaryId(before);
            changes.add(change("directory.person.transferred", id,
                    Map.of("fromDepartments", beforeDepartments, "toDepartments", afterDepartments,
                            "fromPrimary", String.valueOf(beforePrimary), "toPrimary", draft.primaryDepartmentId()),
                    new PersonEvents.PersonTransferred(id, beforePrimary, draft.primaryDepartmentId(),
                            beforeDepartments, afterDepartments, today)));
        }
        return changes;
    }

    public static Change joined(long id, String employeeNumber, LocalDate on, EmploymentType type, Long primaryDepartmentId) {
        return change("directory.person.joined", id, Map.of("joinedOn", on.toString()),
                new PersonEvents.PersonJoined(id, employeeNumber, on, type, primaryDepartmentId));
    }

    public static Change leaveOfAbsenceStarted(long id, LocalDate from) {
        return change("directory.person.leaveOfAbsenceStarted", id, Map.of("from", from.toString()),
                new PersonEvents.PersonLeaveOfAbsenceStarted(id, from));
    }

    public static Change returnedFromLeave(long id, LocalDate on) {
        return change("directory.person.returnedFromLeave", id, Map.of("on", on.toString()),
                new PersonEvents.PersonReturnedFromLeave(id, on));
    }

    /** A notice of leaving, or a new last working day ({@code previousLastWorkingDay} is the one before). */
    public static Change leaveNotified(long id, String employeeNumber, LocalDate noticeDate, LocalDate lastWorkingDay,
                                       LocalDate previousLastWorkingDay) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("noticeDate", noticeDate.toString());
        details.put("lastWorkingDay", lastWorkingDay.toString());
        details.put("previousLastWorkingDay", previousLastWorkingDay == null ? null : previousLastWorkingDay.toString());
        return change("directory.person.leaveNotified", id, details,
                new PersonEvents.PersonLeaveNotified(id, employeeNumber, noticeDate, lastWorkingDay, previousLastWorkingDay));
    }

    public static Change leaveRetracted(long id) {
        return change("directory.person.leaveRetracted", id, Map.of(), new PersonEvents.PersonLeaveRetracted(id));
    }

    public static Change left(long id, String employeeNumber, LocalDate on) {
        return change("directory.person.left", id, Map.of("leftOn", on.toString()),
                new PersonEvents.PersonLeft(id, employeeNumber, on));
    }

    /** The fields of the draft that differ from the person (blank and missing text count as the same). */
    public static List<String> changedFields(PersonView before, PersonDraft d) {
        List<String> changed = new ArrayList<>();
        if (!sameText(before.employeeNumber(), d.employeeNumber())) changed.add("employeeNumber");
        if (!sameText(before.name(), d.name())) changed.add("name");
        if (!sameText(before.nameKana(), d.nameKana())) changed.add("nameKana");
        if (!sameText(before.email(), d.email())) changed.add("email");
        if (!sameText(before.position(), d.position())) changed.add("position");
        if (before.employmentType() != d.employmentType()) changed.add("employmentType");
        if (!sameText(before.employer(), d.employer())) changed.add("employer");
        if (d.joinedOn() != null && !Objects.equals(before.joinedOn(), d.joinedOn())) changed.add("joinedOn");
        return changed;
    }

    static Map<String, Object> personDetails(PersonDraft d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("employeeNumber", d.employeeNumber());
        m.put("name", d.name());
        m.put("nameKana", d.nameKana());
        m.put("email", d.email());
        m.put("position", d.position());
        m.put("employmentType", d.employmentType() == null ? null : d.employmentType().name());
        m.put("employer", d.employer());
        m.put("departments", d.allDepartmentIds());
        return m;
    }

    private static List<Long> departmentIds(PersonView p) {
        return p.departments().stream().map(PersonView.DepartmentRef::id).toList();
    }

    private static Long primaryId(PersonView p) {
        return p.primaryDepartment() == null ? null : p.primaryDepartment().id();
    }

    private static boolean sameText(String a, String b) {
        return Objects.equals(a == null || a.isBlank() ? null : a, b == null || b.isBlank() ? null : b);
    }

    private static Change change(String action, long id, Map<String, ?> details, Object event) {
        return new Change(AuditRecord.of(action, Subject.of("person", id), details), event);
    }
}
