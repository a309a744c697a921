package dev.mamori.policy.internal.documents;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.mamori.directory.DepartmentView;
import dev.mamori.directory.Directory;
import dev.mamori.ledger.AuditRecord;
import dev.mamori.ledger.Ledger;
import dev.mamori.platform.AccessRefusedException;
import dev.mamori.platform.ConflictException;
import dev.mamori.platform.CurrentUser;
import dev.mamori.platform.CurrentUsers;
import dev.mamori.platform.NotFoundException;
import dev.mamori.platform.Notice;
import dev.mamori.platform.Notifications;
import dev.mamori.platform.Role;

/**
 * Acknowledgements of published versions: each person reads and acknowledges their own (recorded in the
 * ledger with the version's SHA-256), the 統括責任者, the committee and HR follow progress across the company
 * and a 管理責任者 (MANAGER) in their own departments, and people still pending after the due date are
 * reminded together with their department's managers.
 */
@Service
public class Acknowledgements {

    private final DocumentRepository repository;
    private final Documents documents;
    private final Directory directory;
    private final Ledger ledger;
    private final Notifications notifications;
    private final CurrentUsers users;
    private final DocumentProperties properties;
    private final Clock clock;

    Acknowledgements(DocumentRepository repository, Documents documents, Directory directory, Ledger ledger,
                     Notifications notifications, CurrentUsers users, DocumentProperties properties, Clock clock) {
        this.repository = repository;
        this.documents = documents;
        this.directory = directory;
        this.ledger = ledger;
        this.notifications = notifications;
        this.users = users;
        this.properties = properties;
        this.clock = clock;
    }

    /** The caller's own acknowledgements, newest publications first (none for an account without a person). */
    @Transactional(readOnly = true)
    public List<PersonAcknowledgement> mine() {
        Long person = users.require().personId();
        return person == null ? List.of() : repository.ofPerson(person);
    }

    /** The caller's acknowledgement of a version, if they were asked for one. */
    @Transactional(readOnly = true)
    public Optional<PersonAcknowledgement> mine(VersionSummary version) {
        Long person = users.require().personId();
        return person == null ? Optional.empty() : repository.find(version.id(), person);
    }

    /** The caller acknowledges that they have read the version; ledger: {@code policy.document.acknowledged}. */
    @Transactional
    public PersonAcknowledgement acknowledge(DocumentKind kind, int number) {
        CurrentUser user = users.require();
        VersionSummary version = documents.version(kind, number);
        if (user.personId() == null) {
            throw new ConflictException("policy.acknowledgement.noPerson");
        }
        PersonAcknowledgement ack = repository.find(version.id(), user.personId())
                .orElseThrow(() -> new ConflictException("policy.acknowledgement.notAsked", (Object) kind.titleJa(), number));
        if (ack.acknowledgedAt() != null) {
            throw new ConflictException("policy.acknowledgement.already", (Object) kind.titleJa(), number);
        }
        if (ack.superseded()) {
            throw new ConflictException("policy.acknowledgement.superseded", (Object) kind.titleJa(), number);
        }
        Instant at = Instant.now(clock);
        repository.acknowledge(version.id(), user.personId(), at, user.accountId());
        ledger.record("policy.document.acknowledged", Documents.subject(kind, number), details(version, ack));
        return repository.find(version.id(), user.personId()).orElseThrow();
    }

    /** Acknowledgements the demo company made in the past, recorded in one ledger batch. */
    void acknowledgeForDemo(VersionSummary version, List<PersonAcknowledgement> people, List<Instant> at) {
        List<AuditRecord> records = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            PersonAcknowledgement ack = people.get(i);
            if (repository.acknowledge(version.id(), ack.personId(), at.get(i), null)) {
                Map<String, Object> details = details(version, ack);
                details.put("demo", true);
                records.add(AuditRecord.of("policy.document.acknowledged", Documents.subject(version.kind(),
                        version.number()), details));
            }
        }
        ledger.recordAll(records);
    }

    List<PersonAcknowledgement> addressees(VersionSummary version) {
        return repository.ofVersion(version.id());
    }

    private static Map<String, Object> details(VersionSummary version, PersonAcknowledgement ack) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("personId", ack.personId());
        details.put("employeeNumber", ack.employeeNumber());
        details.put("kind", version.kind().name());
        details.put("number", version.number());
        details.put("textSha256", version.textSha256());
        details.put("docxSha256", version.docxSha256());
        details.put("pdfSha256", version.pdfSha256());
        return details;
    }

    // ------------------------------------------------------------ progress

    /** Whether the caller may follow progress (and in which departments: see {@link #progress}). */
    public boolean canFollow() {
        return users.current().map(u -> u.hasAny(Role.CHIEF_OFFICER, Role.COMMITTEE, Role.HR, Role.MANAGER))
                .orElse(false);
    }

    /**
     * Progress of a version by department: everywhere for CHIEF_OFFICER, COMMITTEE and HR, in the
     * departments (and sub-departments) a MANAGER manages otherwise; refused for anyone else.
     */
    @Transactional(readOnly = true)
    public Progress progress(DocumentKind kind, int number) {
        CurrentUser user = users.require();
        VersionSummary version = documents.version(kind, number);
        boolean everywhere = user.hasAny(Role.CHIEF_OFFICER, Role.COMMITTEE, Role.HR);
        if (!everywhere && !user.has(Role.MANAGER)) {
            throw new AccessRefusedException("policy.acknowledgement.progressRefused");
        }
        Set<Long> visible = new HashSet<>();
        if (!everywhere) {
            user.managedDepartmentIds().forEach(d -> visible.addAll(directory.departmentSubtree(d)));
        }
        Map<Long, DepartmentView> departments = directory.listDepartments().stream()
                .collect(Collectors.toMap(DepartmentView::id, d -> d));
        Map<Long, List<PersonAcknowledgement>> byDepartment = new LinkedHashMap<>();
        for (PersonAcknowledgement a : repository.ofVersion(version.id())) {
            if (everywhere || a.departmentId() != null && visible.contains(a.departmentId())) {
                byDepartment.computeIfAbsent(a.departmentId(), k -> new ArrayList<>()).add(a);
            }
        }
        List<Progress.DepartmentProgress> rows = new ArrayList<>();
        int total = 0;
        int done = 0;
        int pending = 0;
        int superseded = 0;
        for (var e : byDepartment.entrySet()) {
            List<PersonAcknowledgement> people = e.getValue();
            int d = (int) people.stream().filter(a -> a.acknowledgedAt() != null).count();
            List<PersonAcknowledgement> open = people.stream().filter(PersonAcknowledgement::pending).toList();
            int s = (int) people.stream().filter(a -> a.acknowledgedAt() == null && a.superseded()).count();
            DepartmentView dept = e.getKey() == null ? null : departments.get(e.getKey());
            rows.add(new Progress.DepartmentProgress(e.getKey(), dept == null ? null : dept.nameJa(),
                    dept == null ? null : dept.nameEn(), people.size(), d, open.size(), s, open));
            total += people.size();
            done += d;
            pending += open.size();
            superseded += s;
        }
        rows.sort(Comparator.comparing((Progress.DepartmentProgress r) -> r.departmentId() == null)
                .thenComparing(r -> r.nameJa() == null ? "" : r.nameJa()));
        return new Progress(version, rows, total, done, pending, superseded, everywhere);
    }

    // ------------------------------------------------------------ reminders

    @Transactional
    public ReminderRun remindOverdue() {
        return remindOverdue(documents.today());
    }

    /**
     * Reminds everyone still pending after the due date (again every {@code reminderIntervalDays}) and the
     * MANAGER accounts of their departments, one notice per department and version; ledger:
     * {@code policy.acknowledgement.reminded} per version.
     */
    @Transactional
    public ReminderRun remindOverdue(LocalDate today) {
        Map<Long, List<PersonAcknowledgement>> byVersion = new LinkedHashMap<>();
        for (PersonAcknowledgement a : repository.dueForReminder(today, properties.reminderIntervalDays())) {
            byVersion.computeIfAbsent(a.versionId(), k -> new ArrayList<>()).add(a);
        }
        Set<Long> people = new HashSet<>();
        Set<Long> departments = new HashSet<>();
        for (var e : byVersion.entrySet()) {
            List<PersonAcknowledgement> due = e.getValue();
            PersonAcknowledgement first = due.get(0);
            String href = "/policy/documents/" + first.kind().slug() + "/versions/" + first.number();
            for (PersonAcknowledgement a : due) {
                notifications.toPerson(a.personId(), new Notice("policy.acknowledgement.reminder",
                        List.of(first.title(), String.valueOf(first.number()), a.dueOn().toString()), href));
                people.add(a.personId());
            }
            Map<Long, Long> perDepartment = due.stream().filter(a -> a.departmentId() != null)
                    .collect(Collectors.groupingBy(PersonAcknowledgement::departmentId, Collectors.counting()));
            perDepartment.forEach((department, count) -> notifications.toManagersOf(department,
                    new Notice("policy.acknowledgement.reminderManagers", List.of(first.title(),
                            String.valueOf(first.number()), String.valueOf(count)),
                            "/policy/acknowledgements?kind=" + first.kind().slug() + "&number=" + first.number())));
            departments.addAll(perDepartment.keySet());
            repository.markReminded(e.getKey(), due.stream().map(PersonAcknowledgement::personId).toList(), today);
            ledger.record("policy.acknowledgement.reminded", Documents.subject(first.kind(), first.number()),
                    Map.of("people", due.size(), "departments", perDepartment.size(), "on", today.toString()));
        }
        return new ReminderRun(people, departments.stream().filter(Objects::nonNull).collect(Collectors.toSet()));
    }
}
