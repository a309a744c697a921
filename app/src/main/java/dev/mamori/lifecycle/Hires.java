package dev.mamori.lifecycle;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.mamori.directory.Directory;
import dev.mamori.directory.PersonView;
import dev.mamori.ledger.Ledger;
import dev.mamori.ledger.Subject;
import dev.mamori.lifecycle.internal.PledgeFileRepository;
import dev.mamori.lifecycle.internal.HireRepository;
import dev.mamori.lifecycle.internal.LifecycleProperties;
import dev.mamori.lifecycle.internal.ManagerScope;
import dev.mamori.platform.AccessRefusedException;
import dev.mamori.platform.ConflictException;
import dev.mamori.platform.CurrentUser;
import dev.mamori.platform.CurrentUsers;
import dev.mamori.platform.InvalidInputException;
import dev.mamori.platform.NotFoundException;
import dev.mamori.platform.Role;

/**
 * Hires from competitors (handbook 5-2(1)): what was established about the duties they still owe their previous
 * employer, their pledge not to bring or use others' secrets, why they were hired, and the periodic confirmation
 * that their assigned work does not rely on the previous employer's secrets. HR, LEGAL and the 統括責任者 see
 * every record, a 管理責任者 those of their departments' people; HR and LEGAL record, HR and the 管理責任者
 * confirm the work. Every change is recorded in the ledger.
 */
@Service
public class Hires {

    private final HireRepository hires;
    private final PledgeFileRepository documents;
    private final Directory directory;
    private final Ledger ledger;
    private final CurrentUsers users;
    private final LifecycleProperties properties;
    private final Clock clock;
    private final ManagerScope scope;

    Hires(HireRepository hires, PledgeFileRepository documents, Directory directory, Ledger ledger, CurrentUsers users,
          LifecycleProperties properties, ManagerScope scope, Clock clock) {
        this.scope = scope;
        this.hires = hires;
        this.documents = documents;
        this.directory = directory;
        this.ledger = ledger;
        this.users = users;
        this.properties = properties;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(Directory.JAPAN));
    }

    @Transactional
    public long record(HireDraft draft) {
        requireRecorder();
        PersonView person = check(draft);
        if (hires.findByPerson(person.id()).isPresent()) {
            throw ConflictException.onField("employeeNumber", "lifecycle.hire.exists", person.name());
        }
        long id = hires.insert(person.id(), draft, today());
        ledger.record("lifecycle.hire.recorded", Subject.of("hire", id), details(person.id(), draft));
        return id;
    }

    @Transactional
    public void update(long id, HireDraft draft, int expectedVersion) {
        requireRecorder();
        HireView before = require(id);
        PersonView person = check(draft);
        if (person.id() != before.personId()) {
            throw InvalidInputException.onField("employeeNumber", "lifecycle.hire.personFixed");
        }
        hires.update(id, draft, expectedVersion);
        ledger.record("lifecycle.hire.updated", Subject.of("hire", id), details(person.id(), draft));
    }

    /** Keeps the signed pledge (scan or file) with its SHA-256. */
    @Transactional
    public void attachPledge(long id, Upload file) {
        requireRecorder();
        require(id);
        if (file == null || !file.present()) {
            throw InvalidInputException.onField("file", "lifecycle.hire.fileRequired");
        }
        String sha = Lifecycle.sha256(file.content());
        long doc = documents.insert(Lifecycle.fileName(file), Lifecycle.contentType(file), sha, file.content());
        hires.attachPledge(id, doc);
        ledger.record("lifecycle.hire.pledgeAttached", Subject.of("hire", id),
                Map.of("file", Lifecycle.fileName(file), "sha256", sha));
    }

    /** Confirms that the hire's assigned work does not rely on the previous employer's secrets. */
    @Transactional
    public void confirmWork(long id, LocalDate on, String note) {
        CurrentUser user = users.require();
        HireView h = require(id);
        boolean may = user.has(Role.HR) || (user.has(Role.MANAGER) && managerOf(user, h.personId()));
        if (!may || Objects.equals(user.personId(), h.personId())) {
            throw new AccessRefusedException("lifecycle.hire.checkRefused");
        }
        if (note == null || note.isBlank()) {
            throw InvalidInputException.onField("note", "lifecycle.hire.checkNoteRequired");
        }
        LocalDate day = on == null ? today() : on;
        if (day.isAfter(today())) {
            throw InvalidInputException.onField("checkedOn", "lifecycle.step.future");
        }
        hires.addCheck(id, day, note.strip(), user.username());
        ledger.record("lifecycle.hire.workChecked", Subject.of("hire", id),
                Map.of("checkedOn", day.toString(), "note", note.strip()));
    }

    @Transactional(readOnly = true)
    public List<HireView> list() {
        CurrentUser user = requireReader();
        return hires.findAll().stream().filter(h -> visible(user, h.personId())).map(this::named).toList();
    }

    @Transactional(readOnly = true)
    public HireView hire(long id) {
        CurrentUser user = requireReader();
        HireView h = require(id);
        if (!visible(user, h.personId())) {
            throw new AccessRefusedException("lifecycle.hire.outOfScope");
        }
        return named(h);
    }

    @Transactional(readOnly = true)
    public StoredDocument pledge(long id) {
        HireView h = hire(id);
        if (h.pledgeDocumentId() == null) {
            throw new NotFoundException("lifecycle.document.notFound", id);
        }
        return documents.find(h.pledgeDocumentId()).orElseThrow(() -> new NotFoundException("lifecycle.document.notFound", id));
    }

    /** Whether the current user may record or change hires. */
    public boolean canRecord() {
        return users.current().map(u -> u.hasAny(Role.HR, Role.LEGAL)).orElse(false);
    }

    /** Hires whose work check is due within 14 days, for HR (all) and the 管理責任者 of their departments. */
    @Transactional(readOnly = true)
    public List<HireView> checksDueFor(CurrentUser user) {
        if (!user.hasAny(Role.HR, Role.MANAGER)) {
            return List.of();
        }
        LocalDate soon = today().plusDays(14);
        return hires.findAll().stream()
                .filter(h -> !Objects.equals(user.personId(), h.personId()))
                .filter(h -> user.has(Role.HR) || managerOf(user, h.personId()))
                .map(this::named)
                .filter(h -> h.nextCheckDue() != null && !h.nextCheckDue().isAfter(soon)).toList();
    }

    private HireView named(HireView h) {
        PersonView p = directory.findPerson(h.personId()).orElse(null);
        LocalDate base = h.lastCheckedOn() != null ? h.lastCheckedOn() : h.recordedOn();
        LocalDate next = p != null && !p.status().current() ? null : base.plus(properties.hireCheckInterval());
        return new HireView(h.id(), h.personId(), p == null ? null : p.employeeNumber(),
                p == null ? String.valueOf(h.personId()) : p.name(),
                p == null || p.primaryDepartment() == null ? null : p.primaryDepartment().nameJa(),
                h.previousEmployer(), h.previousPosition(), h.keyPerson(), h.confidentialityDuties(), h.nonCompeteDuties(),
                h.nonCompeteUntil(), h.interviewedOn(), h.interviewRecord(), h.pledgeSignedOn(), h.pledgeNote(),
                h.pledgeDocumentId(), h.pledgeDocumentName(), h.pledgeSha256(), h.hiringReason(), h.recordedOn(),
                h.lastCheckedOn(), next, hires.checks(h.id()), h.version());
    }

    private PersonView check(HireDraft d) {
        if (d.employeeNumber() == null || d.employeeNumber().isBlank()) {
            throw InvalidInputException.onField("employeeNumber", "lifecycle.item.personRequired");
        }
        PersonView person = directory.findPersonByEmployeeNumber(d.employeeNumber().strip())
                .orElseThrow(() -> InvalidInputException.onField("employeeNumber", "lifecycle.item.personUnknown",
                        d.employeeNumber().strip()));
        if (d.previousEmployer() == null || d.previousEmployer().isBlank()) {
            throw InvalidInputException.onField("previousEmployer", "lifecycle.hire.previousEmployerRequired");
        }
        if (d.pledgeSignedOn() != null && d.pledgeSignedOn().isAfter(today())) {
            throw InvalidInputException.onField("pledgeSignedOn", "lifecycle.step.future");
        }
        if (d.interviewedOn() != null && d.interviewedOn().isAfter(today())) {
            throw InvalidInputException.onField("interviewedOn", "lifecycle.step.future");
        }
        return person;
    }

    private static Map<String, Object> details(long personId, HireDraft d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("personId", personId);
        m.put("previousEmployer", d.previousEmployer().strip());
        m.put("previousPosition", d.previousPosition());
        m.put("keyPerson", d.keyPerson());
        m.put("confidentialityDuties", d.confidentialityDuties());
        m.put("nonCompeteDuties", d.nonCompeteDuties());
        m.put("nonCompeteUntil", d.nonCompeteUntil() == null ? null : d.nonCompeteUntil().toString());
        m.put("interviewedOn", d.interviewedOn() == null ? null : d.interviewedOn().toString());
        m.put("interviewRecord", d.interviewRecord());
        m.put("pledgeSignedOn", d.pledgeSignedOn() == null ? null : d.pledgeSignedOn().toString());
        m.put("pledgeNote", d.pledgeNote());
        m.put("hiringReason", d.hiringReason());
        return m;
    }

    private CurrentUser requireReader() {
        CurrentUser user = users.require();
        if (!user.hasAny(Role.HR, Role.LEGAL, Role.CHIEF_OFFICER, Role.MANAGER)) {
            throw new AccessRefusedException("lifecycle.hire.refused");
        }
        return user;
    }

    private void requireRecorder() {
        if (!canRecord()) {
            throw new AccessRefusedException("lifecycle.hire.refused");
        }
    }

    private boolean visible(CurrentUser user, long personId) {
        return user.hasAny(Role.HR, Role.LEGAL, Role.CHIEF_OFFICER) || managerOf(user, personId);
    }

    /** A 管理責任者 whose departments (with sub-departments) include the person. */
    private boolean managerOf(CurrentUser user, long personId) {
        return scope.covers(user, personId);
    }

    private HireView require(long id) {
        return hires.find(id).orElseThrow(() -> new NotFoundException("lifecycle.hire.notFound", id));
    }
}
