package dev.mamori.directory;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.mamori.directory.internal.Change;
import dev.mamori.directory.internal.DepartmentChanges;
import dev.mamori.directory.internal.DepartmentRepository;
import dev.mamori.directory.internal.LifecycleState;
import dev.mamori.directory.internal.PersonChanges;
import dev.mamori.directory.internal.PersonRepository;
import dev.mamori.directory.internal.PersonRules;
import dev.mamori.directory.internal.Scope;
import dev.mamori.directory.internal.Violation;
import dev.mamori.ledger.Ledger;
import dev.mamori.ledger.Subject;
import dev.mamori.platform.AccessRefusedException;
import dev.mamori.platform.ConflictException;
import dev.mamori.platform.CurrentUser;
import dev.mamori.platform.CurrentUsers;
import dev.mamori.platform.InvalidInputException;
import dev.mamori.platform.NotFoundException;

/**
 * The directory's API: departments, people and their lifecycle. Every change is recorded in the
 * ledger and published as an event in the same transaction; reads apply the viewer's scope
 * (organisation-wide roles see everyone, a 管理責任者 their departments and those below, anyone else
 * only themselves).
 */
@Service
public class Directory {

    public static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    private final DepartmentRepository departments;
    private final PersonRepository people;
    private final Ledger ledger;
    private final ApplicationEventPublisher events;
    private final CurrentUsers users;
    private final Clock clock;

    Directory(DepartmentRepository departments, PersonRepository people, Ledger ledger, ApplicationEventPublisher events,
              CurrentUsers users, Clock clock) {
        this.departments = departments;
        this.people = people;
        this.ledger = ledger;
        this.events = events;
        this.users = users;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(JAPAN));
    }

    // ---------------------------------------------------------------- departments

    @Transactional
    public long createDepartment(DepartmentDraft draft) {
        checkDepartment(draft, null);
        long id = departments.insert(draft);
        publish(DepartmentChanges.created(id, draft));
        return id;
    }

    @Transactional
    public void updateDepartment(long id, DepartmentDraft draft) {
        DepartmentView before = requireDepartment(id);
        checkDepartment(draft, id);
        departments.update(id, draft);
        publish(DepartmentChanges.updated(before, draft));
    }

    @Transactional
    public void abolishDepartment(long id, LocalDate on) {
        DepartmentView department = requireDepartment(id);
        if (!department.active()) {
            throw new InvalidInputException("directory.department.alreadyAbolished");
        }
        boolean hasActiveChildren = departments.findAll().stream()
                .anyMatch(d -> Objects.equals(d.parentId(), id) && d.active());
        if (hasActiveChildren) {
            throw new InvalidInputException("directory.department.hasActiveChildren");
        }
        if (people.countCurrentMembers(id) > 0) {
            throw new InvalidInputException("directory.department.hasMembers");
        }
        LocalDate date = on == null ? today() : on;
        departments.abolish(id, date);
        publish(DepartmentChanges.abolished(id, department.code(), date));
    }

    /** Names the 管理責任者 of a department. */
    @Transactional
    public void assignManagers(long departmentId, List<Long> personIds) {
        requireDepartment(departmentId);
        List<Long> distinct = personIds.stream().distinct().toList();
        for (Long personId : distinct) {
            PersonView person = people.findById(personId)
                    .orElseThrow(() -> InvalidInputException.onField("managers", "directory.person.notFound", personId));
            if (!person.status().current()) {
                throw InvalidInputException.onField("managers", "directory.department.managerLeft", person.name());
            }
        }
        List<Long> before = departments.managerIds(departmentId);
        departments.replaceManagers(departmentId, distinct);
        ledger.record("directory.department.managersAssigned", Subject.of("department", departmentId),
                Map.of("before", before, "managers", distinct));
        events.publishEvent(new DepartmentEvents.DepartmentManagersChanged(departmentId, before, distinct));
    }

    @Transactional(readOnly = true)
    public List<DepartmentView> listDepartments() {
        return departments.findAll();
    }

    @Transactional(readOnly = true)
    public DepartmentView department(long id) {
        return requireDepartment(id);
    }

    @Transactional(readOnly = true)
    public java.util.Optional<DepartmentView> findDepartmentByCode(String code) {
        return departments.findByCode(code);
    }

    /** The department tree with current headcounts; abolished departments only when asked. */
    @Transactional(readOnly = true)
    public List<DepartmentNode> departmentTree(boolean includeAbolished) {
        List<DepartmentView> all = departments.findAll().stream().filter(d -> includeAbolished || d.active()).toList();
        Map<Long, Long> headcounts = departments.headcounts();
        Set<Long> ids = new HashSet<>();
        all.forEach(d -> ids.add(d.id()));
        return children(null, all, ids, headcounts);
    }

    private List<DepartmentNode> children(Long parentId, List<DepartmentView> all, Set<Long> ids, Map<Long, Long> headcounts) {
        List<DepartmentNode> nodes = new ArrayList<>();
        for (DepartmentView d : all) {
            boolean root = d.parentId() == null || !ids.contains(d.parentId());
            if (parentId == null ? root : Objects.equals(d.parentId(), parentId)) {
                nodes.add(new DepartmentNode(d, children(d.id(), all, ids, headcounts), headcounts.getOrDefault(d.id(), 0L)));
            }
        }
        return nodes;
    }

    @Transactional(readOnly = true)
    public Set<Long> departmentSubtree(long departmentId) {
        return departments.subtreeOf(List.of(departmentId));
    }

    @Transactional(readOnly = true)
    public long countActiveDepartments() {
        return departments.countActive();
    }

    // ---------------------------------------------------------------- people

    /**
     * Enters a person. With a joining date in the future the person is 入社予定 (PROSPECTIVE),
     * otherwise 在職 (ACTIVE).
     */
    @Transactional
    public long registerPerson(PersonDraft draft) {
        checkPerson(draft, null);
        LocalDate joinOn = draft.joinedOn() == null ? today() : draft.joinedOn();
        boolean prospective = joinOn.isAfter(today());
        LifecycleState state = prospective ? LifecycleState.registered(joinOn) : LifecycleState.joined(joinOn);
        long id = people.insert(draft, state);
        publish(PersonChanges.registered(id, draft, state));
        return id;
    }

    /** Changes a person's details and departments; a change of departments is a transfer (異動). */
    @Transactional
    public void updatePerson(long id, PersonDraft draft, int expectedVersion) {
        PersonView before = requirePerson(id);
        checkPerson(draft, id);
        people.updateDetails(id, draft, expectedVersion);
        if (PersonChanges.transferred(before, draft)) {
            people.replaceDepartments(id, draft.primaryDepartmentId(), draft.allDepartmentIds());
        }
        PersonChanges.updated(before, draft, today()).forEach(this::publish);
    }

    @Transactional
    public void join(long id, LocalDate on) {
        PersonView p = requirePerson(id);
        LifecycleState next = people.lifecycleOf(p).join(on);
        people.updateLifecycle(id, next);
        publish(PersonChanges.joined(id, p.employeeNumber(), on, p.employmentType(),
                p.primaryDepartment() == null ? null : p.primaryDepartment().id()));
    }

    @Transactional
    public void startLeaveOfAbsence(long id, LocalDate from) {
        PersonView p = requirePerson(id);
        people.updateLifecycle(id, people.lifecycleOf(p).startLeaveOfAbsence(from));
        publish(PersonChanges.leaveOfAbsenceStarted(id, from));
    }

    @Transactional
    public void returnFromLeave(long id, LocalDate on) {
        PersonView p = requirePerson(id);
        people.updateLifecycle(id, people.lifecycleOf(p).returnFromLeave(on));
        publish(PersonChanges.returnedFromLeave(id, on));
    }

    /** Records a notice of leaving (退職の申出), or a new last working day. */
    @Transactional
    public void notifyLeave(long id, LocalDate noticeDate, LocalDate lastWorkingDay) {
        PersonView p = requirePerson(id);
        LifecycleState next = people.lifecycleOf(p).notifyLeave(noticeDate, lastWorkingDay);
        if (p.status() == PersonStatus.LEAVING && Objects.equals(p.noticeDate(), noticeDate)
                && Objects.equals(p.lastWorkingDay(), lastWorkingDay)) {
            return;
        }
        people.updateLifecycle(id, next);
        publish(PersonChanges.leaveNotified(id, p.employeeNumber(), noticeDate, lastWorkingDay, p.lastWorkingDay()));
    }

    @Transactional
    public void retractLeave(long id) {
        PersonView p = requirePerson(id);
        people.updateLifecycle(id, people.lifecycleOf(p).retractLeave());
        publish(PersonChanges.leaveRetracted(id));
    }

    /** The person has left (退職済). */
    @Transactional
    public void markLeft(long id, LocalDate on) {
        PersonView p = requirePerson(id);
        people.updateLifecycle(id, people.lifecycleOf(p).leave(on));
        publish(PersonChanges.left(id, p.employeeNumber(), on));
    }

    /** A person, if the current user may see them. */
    @Transactional(readOnly = true)
    public PersonView person(long id) {
        PersonView p = requirePerson(id);
        if (!visible(p, scopeOf(users.require()))) {
            throw new AccessRefusedException("directory.person.outOfScope");
        }
        return p;
    }

    /** A person without any scope check, for other modules' services. */
    @Transactional(readOnly = true)
    public java.util.Optional<PersonView> findPerson(long id) {
        return people.findById(id);
    }

    @Transactional(readOnly = true)
    public java.util.Optional<PersonView> findPersonByEmployeeNumber(String employeeNumber) {
        return people.findByEmployeeNumber(employeeNumber);
    }

    /** People matching the query within the current user's scope. */
    @Transactional(readOnly = true)
    public PersonPage searchPeople(PersonQuery query, int page, int size) {
        int safeSize = Math.min(Math.max(size, 1), 200);
        List<Long> departmentFilter = query.departmentId() == null ? null
                : List.copyOf(departments.subtreeOf(List.of(query.departmentId())));
        return people.search(query, scopeOf(users.require()), departmentFilter, Math.max(page, 0), safeSize);
    }

    /** Whether the current user may see this person. */
    @Transactional(readOnly = true)
    public boolean canView(long personId) {
        return people.findById(personId).map(p -> visible(p, scopeOf(users.require()))).orElse(false);
    }

    @Transactional(readOnly = true)
    public Map<PersonStatus, Long> countPeopleByStatus() {
        return people.countByStatus(scopeOf(users.require()));
    }

    // ---------------------------------------------------------------- scope

    Scope scopeOf(CurrentUser user) {
        if (user.seesWholeOrganisation()) {
            return Scope.EVERYONE;
        }
        Set<Long> managed = new HashSet<>(user.managedDepartmentIds());
        if (user.personId() != null) {
            managed.addAll(departments.managedBy(user.personId()));
        }
        if (managed.isEmpty() || !user.has(dev.mamori.platform.Role.MANAGER)) {
            return Scope.onlySelf(user.personId());
        }
        return new Scope(false, departments.subtreeOf(managed), user.personId());
    }

    private static boolean visible(PersonView p, Scope scope) {
        return scope.everyone() || Objects.equals(p.id(), scope.selfPersonId())
                || p.departments().stream().anyMatch(d -> scope.departmentIds().contains(d.id()));
    }

    // ---------------------------------------------------------------- rules

    private void checkDepartment(DepartmentDraft d, Long id) {
        if (d.code() == null || !d.code().matches("[A-Za-z0-9_.-]{1,32}")) {
            throw InvalidInputException.onField("code", "directory.department.codeInvalid");
        }
        if (d.nameJa() == null || d.nameJa().isBlank()) {
            throw InvalidInputException.onField("nameJa", "directory.department.nameRequired");
        }
        departments.findByCode(d.code()).filter(other -> !Objects.equals(other.id(), id)).ifPresent(other -> {
            throw ConflictException.onField("code", "directory.department.codeTaken", d.code());
        });
        if (d.parentId() != null) {
            DepartmentView parent = departments.findById(d.parentId())
                    .orElseThrow(() -> InvalidInputException.onField("parentId", "directory.department.parentUnknown"));
            if (!parent.active()) {
                throw InvalidInputException.onField("parentId", "directory.department.parentAbolished");
            }
            if (id != null && departments.wouldCycle(id, d.parentId())) {
                throw InvalidInputException.onField("parentId", "directory.department.parentCycle");
            }
        }
    }

    private void checkPerson(PersonDraft d, Long id) {
        List<Violation> violations = PersonRules.check(d);
        if (!violations.isEmpty()) {
            Violation v = violations.get(0);
            throw InvalidInputException.onField(v.field(), v.messageKey(), v.args());
        }
        people.findByEmployeeNumber(d.employeeNumber()).filter(other -> !Objects.equals(other.id(), id)).ifPresent(other -> {
            throw ConflictException.onField("employeeNumber", "directory.person.employeeNumberTaken", d.employeeNumber());
        });
        for (Long departmentId : d.allDepartmentIds()) {
            DepartmentView dept = departments.findById(departmentId)
                    .orElseThrow(() -> InvalidInputException.onField("primaryDepartmentId", "directory.department.unknown", departmentId));
            if (!dept.active()) {
                throw InvalidInputException.onField("primaryDepartmentId", "directory.department.abolishedCannotAssign", dept.code());
            }
        }
    }

    private DepartmentView requireDepartment(long id) {
        return departments.findById(id).orElseThrow(() -> new NotFoundException("directory.department.notFound", id));
    }

    private PersonView requirePerson(long id) {
        return people.findById(id).orElseThrow(() -> new NotFoundException("directory.person.notFound", id));
    }

    /** Records the change in the ledger and publishes its event, in the caller's transaction. */
    private void publish(Change change) {
        ledger.record(change.record().action(), change.record().subject(), change.record().details());
        events.publishEvent(change.event());
    }

    // ---------------------------------------------------------------- exports

    /**
     * Every person the current user may see (the same scope as {@link #searchPeople}), in 社員番号
     * order, handed to {@code sink} a page at a time so that exports stream in bounded memory.
     */
    @Transactional(readOnly = true)
    public void forEachVisiblePerson(int pageSize, java.util.function.Consumer<List<PersonView>> sink) {
        people.forEachPage(scopeOf(users.require()), Math.max(pageSize, 1), sink);
    }

    /**
     * Every person, without any scope check, for other modules' services (e.g. everyone a regulation
     * applies to), in 社員番号 order, a page at a time.
     */
    @Transactional(readOnly = true)
    public void forEachPerson(int pageSize, java.util.function.Consumer<List<PersonView>> sink) {
        people.forEachPage(Scope.EVERYONE, Math.max(pageSize, 1), sink);
    }

    // ---------------------------------------------------------------- for the directory's pages and API

    /** The audit trail of a person the current user may see, newest first. */
    @Transactional(readOnly = true)
    public List<dev.mamori.ledger.LedgerEntry> historyOfPerson(long id) {
        person(id);
        List<dev.mamori.ledger.LedgerEntry> entries = new ArrayList<>(ledger.historyOf(Subject.of("person", id)));
        java.util.Collections.reverse(entries);
        return entries;
    }

    /** Names the 管理責任者 of a department by their 社員番号. */
    @Transactional
    public void assignManagersByEmployeeNumber(long departmentId, List<String> employeeNumbers) {
        requireDepartment(departmentId);
        List<Long> ids = new ArrayList<>();
        for (String number : employeeNumbers) {
            ids.add(people.findByEmployeeNumber(number).map(PersonView::id).orElseThrow(
                    () -> InvalidInputException.onField("managers", "directory.department.managerUnknown", number)));
        }
        assignManagers(departmentId, ids);
    }
    // ---------------------------------------------------------------- lookups for large lists (one query each)

    /** Names of the given people (those that exist), for lists that show many people at once. */
    @Transactional(readOnly = true)
    public Map<Long, String> personNames(java.util.Collection<Long> ids) {
        return people.namesOf(ids);
    }

    /** The given people (those that exist) as short references with their 社員番号, in one query. */
    @Transactional(readOnly = true)
    public Map<Long, DepartmentView.PersonRef> people(java.util.Collection<Long> ids) {
        return people.refsOf(ids);
    }

    /** The given departments (those that exist), with their managers. */
    @Transactional(readOnly = true)
    public Map<Long, DepartmentView> departmentsById(java.util.Collection<Long> ids) {
        Map<Long, DepartmentView> found = new java.util.HashMap<>();
        departments.findAllById(ids).forEach(d -> found.put(d.id(), d));
        return found;
    }

    /** The departments the person is a 管理責任者 of (without their sub-departments). */
    @Transactional(readOnly = true)
    public Set<Long> departmentsManagedBy(long personId) {
        return new java.util.LinkedHashSet<>(departments.managedBy(personId));
    }

    /** The given departments and all departments below them. */
    @Transactional(readOnly = true)
    public Set<Long> departmentSubtrees(java.util.Collection<Long> roots) {
        return departments.subtreeOf(roots);
    }

    /** The given departments and all departments above them. */
    @Transactional(readOnly = true)
    public Set<Long> departmentsWithAncestors(java.util.Collection<Long> ids) {
        return departments.withAncestors(ids);
    }
}
