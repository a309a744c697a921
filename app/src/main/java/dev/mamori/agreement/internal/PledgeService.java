package dev.mamori.agreement.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.mamori.agreement.Agreements;
import dev.mamori.agreement.NonCompeteClause;
import dev.mamori.agreement.PledgeDraft;
import dev.mamori.agreement.PledgeEvents;
import dev.mamori.agreement.PledgeKind;
import dev.mamori.agreement.PledgeState;
import dev.mamori.agreement.PledgeStatus;
import dev.mamori.directory.DepartmentView;
import dev.mamori.directory.Directory;
import dev.mamori.directory.PersonView;
import dev.mamori.ledger.Ledger;
import dev.mamori.ledger.Subject;
import dev.mamori.platform.AccessRefusedException;
import dev.mamori.platform.ConflictException;
import dev.mamori.platform.CurrentUser;
import dev.mamori.platform.CurrentUsers;
import dev.mamori.platform.InvalidInputException;
import dev.mamori.platform.NotFoundException;
import dev.mamori.platform.Notice;
import dev.mamori.platform.Notifications;
import dev.mamori.platform.Role;
import dev.mamori.policy.Level;
import dev.mamori.policy.Policy;

/**
 * The pledge register: asking people for pledges (generated from the newest template with the secrets named),
 * their signature in Mamori (the document's SHA-256 and the time in the ledger) or on paper (the scan's
 * SHA-256), refusals, escalation of overdue pledges to HR, projects and their closing confirmations.
 * A person sees and signs only their own pledges; HR, the 統括責任者, the committee, LEGAL and AUDITOR see
 * everyone's, a MANAGER those of their departments.
 */
@Service
public class PledgeService implements Agreements {

    /** Roles that see every pledge. */
    static final Role[] READ_ALL = {Role.HR, Role.CHIEF_OFFICER, Role.COMMITTEE, Role.LEGAL, Role.AUDITOR};

    private final PledgeRepository repository;
    private final Templates templates;
    private final Directory directory;
    private final Policy policy;
    private final Ledger ledger;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;
    private final CurrentUsers users;
    private final AgreementProperties properties;
    private final Clock clock;

    PledgeService(PledgeRepository repository, Templates templates, Directory directory, Policy policy, Ledger ledger,
                  Notifications notifications, ApplicationEventPublisher events, CurrentUsers users,
                  AgreementProperties properties, Clock clock) {
        this.repository = repository;
        this.templates = templates;
        this.directory = directory;
        this.policy = policy;
        this.ledger = ledger;
        this.notifications = notifications;
        this.events = events;
        this.users = users;
        this.properties = properties;
        this.clock = clock;
    }

    LocalDate today() {
        return templates.today();
    }

    // ------------------------------------------------------------ the public API

    @Override
    @Transactional(readOnly = true)
    public PledgeStatus pledgeStatus(long personId, PledgeKind kind) {
        return statuses(personId, repository.ofPerson(personId)).get(kind);
    }

    @Override
    @Transactional(readOnly = true)
    public List<PledgeStatus> pledgeStatuses(long personId) {
        return List.copyOf(statuses(personId, repository.ofPerson(personId)).values());
    }

    @Override
    @Transactional(readOnly = true)
    public boolean hasLastingObligation(long personId) {
        LocalDate today = today();
        return repository.ofPerson(personId).stream().anyMatch(p -> p.lasting(today));
    }

    /** The standing per kind from pledges ordered newest first. */
    Map<PledgeKind, PledgeStatus> statuses(long personId, List<Pledge> newestFirst) {
        LocalDate today = today();
        Map<PledgeKind, PledgeStatus> out = new EnumMap<>(PledgeKind.class);
        for (PledgeKind kind : PledgeKind.values()) {
            out.put(kind, newestFirst.stream().filter(p -> p.kind() == kind).findFirst()
                    .map(p -> status(p, today)).orElse(PledgeStatus.none(personId, kind)));
        }
        return out;
    }

    static PledgeStatus status(Pledge p, LocalDate today) {
        return new PledgeStatus(p.personId(), p.kind(), p.state(today), p.id(), p.requestedAt(), p.dueOn(), p.signedAt(),
                p.refusedAt(), p.validUntil(), p.survivesLeaving());
    }

    @Override
    @Transactional
    public long requestPledge(PledgeDraft draft) {
        var user = users.current();
        if (user.isPresent()) {
            requireRequester(user.get(), draft);
        }
        return request(draft, user.map(CurrentUser::displayName).orElse(Templates.SYSTEM)).id();
    }

    private void requireRequester(CurrentUser user, PledgeDraft draft) {
        if (user.hasAny(Role.HR, Role.CHIEF_OFFICER)) {
            return;
        }
        boolean project = draft.kind() == PledgeKind.PROJECT || draft.kind() == PledgeKind.PROJECT_CLOSING;
        if (project && user.has(Role.MANAGER) && directory.canView(draft.personId())) {
            return;
        }
        throw new AccessRefusedException("agreement.pledge.requestRefused");
    }

    Pledge request(PledgeDraft draft, String requestedBy) {
        PersonView person = directory.findPerson(draft.personId())
                .orElseThrow(() -> InvalidInputException.onField("personId", "agreement.pledge.personUnknown", draft.personId()));
        if (draft.kind() == PledgeKind.PROJECT || draft.kind() == PledgeKind.PROJECT_CLOSING) {
            if (draft.projectKey() == null || draft.projectKey().isBlank()) {
                throw InvalidInputException.onField("projectName", "agreement.pledge.projectRequired");
            }
        }
        repository.lockPerson(person.id());
        TemplateKind kind = TemplateKind.of(draft.kind());
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("personName", person.name());
        values.put("employeeNumber", person.employeeNumber());
        values.put("department", person.primaryDepartment() == null ? "" : person.primaryDepartment().nameJa());
        List<String> secrets = draft.secrets().isEmpty() && draft.kind() == PledgeKind.JOINING ? defaultSecrets()
                : draft.secrets();
        values.put("secrets", secrets);
        values.put("projectName", draft.projectName());
        Integer validYears = null;
        if (draft.kind() == PledgeKind.LEAVING) {
            LocalDate leaving = draft.leavingOn() != null ? draft.leavingOn() : person.lastWorkingDay();
            values.put("leavingDate", leaving);
            validYears = properties.leavingObligationYears();
            values.put("obligationYears", validYears);
            NonCompeteClause nc = draft.nonCompete();
            if (nc != null) {
                if (nc.periodMonths() <= 0) {
                    throw InvalidInputException.onField("nonCompetePeriodMonths", "agreement.pledge.nonCompetePeriod");
                }
                values.put("nonCompete", true);
                values.put("nonCompetePeriod", period(nc.periodMonths()));
                values.put("nonCompeteActivities", TemplateSource.list(nc.activities()));
                values.put("nonCompeteCompensation", nc.compensation());
            }
        }
        List<Long> replaced = new ArrayList<>();
        for (Pledge old : repository.pending(person.id(), draft.kind(), draft.projectKey())) {
            repository.withdraw(old.id());
            replaced.add(old.id());
        }
        GeneratedDocument doc = templates.create(kind, values, person.id(), null, requestedBy, false);
        LocalDate due = draft.dueOn() != null ? draft.dueOn() : today().plusDays(properties.pledgeDays());
        Long department = person.primaryDepartment() == null ? null : person.primaryDepartment().id();
        long id = repository.insert(new PledgeRepository.NewPledge(person.id(), department, draft.kind(), doc.id(),
                blankToNull(draft.projectKey()), blankToNull(draft.projectName()), Instant.now(clock), requestedBy, due,
                true, validYears));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("personId", person.id());
        details.put("employeeNumber", person.employeeNumber());
        details.put("kind", draft.kind().name());
        details.put("templateNumber", doc.templateNumber());
        details.put("projectKey", draft.projectKey());
        details.put("secrets", secrets.size());
        details.put("dueOn", due.toString());
        details.put("nonCompete", draft.nonCompete() == null ? null : Map.of("periodMonths", draft.nonCompete().periodMonths(),
                "compensation", String.valueOf(draft.nonCompete().compensation())));
        details.put("replaced", replaced);
        details.put("textSha256", doc.textSha256());
        ledger.record("agreement.pledge.requested", subject(id), details);
        events.publishEvent(new PledgeEvents.PledgeRequested(id, person.id(), draft.kind()));
        notifications.toPerson(person.id(), new Notice("agreement.notice.requested", List.of(doc.title()),
                "/agreements/pledges/" + id));
        return repository.find(id).orElseThrow();
    }

    private List<String> defaultSecrets() {
        List<String> out = new ArrayList<>();
        for (Level level : policy.levels()) {
            out.add("「" + level.marking() + "」と表示された文書・電子データ・物件に記録された情報");
        }
        out.add("貴社の業務を通じて知った製品の技術資料、製造原価、価格の決め方その他の情報のうち、"
                + properties.regulationTitle() + "により秘密情報として指定されたもの");
        return out;
    }

    static String period(int months) {
        return months % 12 == 0 ? (months / 12) + "年間" : months + "か月間";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static Subject subject(long pledgeId) {
        return Subject.of("pledge", pledgeId);
    }

    /** A request made on the register page: the person by 社員番号, the secrets one a line. */
    @Transactional
    public long requestByForm(String employeeNumber, PledgeKind kind, String secrets, String projectName,
                              LocalDate leavingOn, Integer nonCompeteMonths, String nonCompeteActivities,
                              String nonCompeteCompensation, LocalDate dueOn) {
        PersonView person = directory.findPersonByEmployeeNumber(employeeNumber == null ? "" : employeeNumber.strip())
                .orElseThrow(() -> InvalidInputException.onField("employeeNumber", "agreement.pledge.employeeUnknown",
                        employeeNumber));
        String project = blankToNull(projectName);
        NonCompeteClause nc = kind == PledgeKind.LEAVING && nonCompeteMonths != null && nonCompeteMonths > 0
                ? new NonCompeteClause(nonCompeteMonths, nonCompeteActivities, blankToNull(nonCompeteCompensation)) : null;
        if (nc != null && TemplateSource.list(nonCompeteActivities).isEmpty()) {
            throw InvalidInputException.onField("nonCompeteActivities", "agreement.pledge.nonCompeteActivities");
        }
        if ((kind == PledgeKind.PROJECT || kind == PledgeKind.PROJECT_CLOSING) && project == null) {
            throw InvalidInputException.onField("projectName", "agreement.pledge.projectRequired");
        }
        return requestPledge(new PledgeDraft(person.id(), kind, TemplateSource.list(secrets),
                project == null ? null : "manual:" + project, project, nc, leavingOn, dueOn));
    }

    public LocalDate todayPublic() {
        return today();
    }

    public boolean isOwn(Pledge p) {
        return users.current().map(u -> u.personId() != null && u.personId() == p.personId()).orElse(false);
    }

    /** Active departments for the register's filter. */
    @Transactional(readOnly = true)
    public List<DepartmentView> departmentOptions() {
        return directory.listDepartments().stream().filter(DepartmentView::active).toList();
    }

    // ------------------------------------------------------------ signing and refusing

    /** The person signs their own pledge in Mamori; ledger {@code agreement.pledge.signed} with the hashes. */
    @Transactional
    public Pledge sign(long id) {
        CurrentUser user = users.require();
        Pledge p = require(id);
        if (user.personId() == null || user.personId() != p.personId()) {
            throw new AccessRefusedException("agreement.pledge.notYours");
        }
        if (!p.pending()) {
            throw new ConflictException("agreement.pledge.notPending");
        }
        templates.ensureFiles(p.documentId());
        p = require(id);
        Instant at = Instant.now(clock);
        LocalDate validUntil = p.validYears() == null ? null : today().plusYears(p.validYears());
        repository.sign(id, at, user.accountId(), "IN_APP", validUntil);
        Map<String, Object> details = details(p);
        details.put("method", "IN_APP");
        details.put("signedAt", at.toString());
        details.put("validUntil", validUntil == null ? null : validUntil.toString());
        ledger.record("agreement.pledge.signed", subject(id), details);
        events.publishEvent(new PledgeEvents.PledgeSigned(id, p.personId(), p.kind(), false, p.pdfSha256() != null
                ? p.pdfSha256() : p.docxSha256()));
        return repository.find(id).orElseThrow();
    }

    /** HR records a copy signed on paper; the scan's SHA-256 goes to the ledger. */
    @Transactional
    public Pledge uploadSigned(long id, String fileName, byte[] scan) {
        CurrentUser user = users.require();
        if (!user.hasAny(Role.HR, Role.CHIEF_OFFICER)) {
            throw new AccessRefusedException("agreement.pledge.uploadRefused");
        }
        Pledge p = require(id);
        if (!p.pending() && !"REFUSED".equals(p.stored())) {
            throw new ConflictException("agreement.pledge.notPending");
        }
        if (scan == null || scan.length == 0) {
            throw InvalidInputException.onField("file", "agreement.pledge.scanRequired");
        }
        templates.ensureFiles(p.documentId());
        p = require(id);
        Instant at = Instant.now(clock);
        String sha = Templates.sha256(scan);
        String name = fileName == null || fileName.isBlank() ? "scan" : fileName.strip();
        LocalDate validUntil = p.validYears() == null ? null : today().plusYears(p.validYears());
        repository.sign(id, at, user.accountId(), "SCAN", validUntil);
        repository.attachScan(id, name, scan, sha);
        Map<String, Object> details = details(p);
        details.put("method", "SCAN");
        details.put("scanName", name);
        details.put("scanSha256", sha);
        details.put("recordedAt", at.toString());
        details.put("validUntil", validUntil == null ? null : validUntil.toString());
        ledger.record("agreement.pledge.signed", subject(id), details);
        events.publishEvent(new PledgeEvents.PledgeSigned(id, p.personId(), p.kind(), true, sha));
        return repository.find(id).orElseThrow();
    }

    /** The person refuses, or HR records a refusal; ledger {@code agreement.pledge.refused}. */
    @Transactional
    public Pledge refuse(long id, String reason) {
        CurrentUser user = users.require();
        Pledge p = require(id);
        boolean own = user.personId() != null && user.personId() == p.personId();
        if (!own && !user.hasAny(Role.HR, Role.CHIEF_OFFICER)) {
            throw new AccessRefusedException("agreement.pledge.notYours");
        }
        if (!p.pending()) {
            throw new ConflictException("agreement.pledge.notPending");
        }
        String clean = reason == null || reason.isBlank() ? null : reason.strip();
        repository.refuse(id, Instant.now(clock), clean);
        Map<String, Object> details = details(p);
        details.put("recordedByPerson", own);
        details.put("reason", clean);
        ledger.record("agreement.pledge.refused", subject(id), details);
        events.publishEvent(new PledgeEvents.PledgeRefused(id, p.personId(), p.kind()));
        notifications.toRole(Role.HR, new Notice("agreement.notice.refused", List.of(p.title(), personName(p.personId())),
                "/agreements/pledges/" + id));
        return repository.find(id).orElseThrow();
    }

    /** Demo: a signature in the past, recorded like one made in Mamori (files rendered when first viewed). */
    void signForDemo(Pledge p, Instant at) {
        LocalDate on = LocalDate.ofInstant(at, Directory.JAPAN);
        repository.sign(p.id(), at, null, "IN_APP", p.validYears() == null ? null : on.plusYears(p.validYears()));
        Map<String, Object> details = details(p);
        details.put("method", "IN_APP");
        details.put("signedAt", at.toString());
        details.put("demo", true);
        ledger.record("agreement.pledge.signed", subject(p.id()), details);
    }

    void refuseForDemo(Pledge p, String reason) {
        repository.refuse(p.id(), Instant.now(clock), reason);
        Map<String, Object> details = details(p);
        details.put("reason", reason);
        details.put("demo", true);
        ledger.record("agreement.pledge.refused", subject(p.id()), details);
    }

    private static Map<String, Object> details(Pledge p) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("personId", p.personId());
        d.put("kind", p.kind().name());
        d.put("projectKey", p.projectKey());
        d.put("documentId", p.documentId());
        d.put("textSha256", p.textSha256());
        d.put("docxSha256", p.docxSha256());
        d.put("pdfSha256", p.pdfSha256());
        return d;
    }

    private Pledge require(long id) {
        return repository.find(id).orElseThrow(() -> new NotFoundException("agreement.pledge.notFound", id));
    }

    private String personName(long personId) {
        return directory.findPerson(personId).map(PersonView::name).orElse(String.valueOf(personId));
    }

    // ------------------------------------------------------------ reading

    /** The caller's own pledges, newest first. */
    @Transactional(readOnly = true)
    public List<Pledge> mine() {
        Long person = users.require().personId();
        return person == null ? List.of() : repository.ofPerson(person);
    }

    /** One pledge, to its person and to those who may follow theirs. */
    @Transactional(readOnly = true)
    public Pledge pledge(long id) {
        Pledge p = require(id);
        requireReader(p.personId());
        return p;
    }

    /** A person's pledges, to themselves and those who may follow theirs. */
    @Transactional(readOnly = true)
    public List<Pledge> ofPerson(long personId) {
        requireReader(personId);
        return repository.ofPerson(personId);
    }

    private void requireReader(long personId) {
        CurrentUser user = users.require();
        if (user.personId() != null && user.personId() == personId || user.hasAny(READ_ALL)) {
            return;
        }
        if (user.has(Role.MANAGER) && directory.canView(personId)) {
            return;
        }
        throw new AccessRefusedException("agreement.pledge.outOfScope");
    }

    public boolean canManage() {
        return users.current().map(u -> u.hasAny(Role.HR, Role.CHIEF_OFFICER)).orElse(false);
    }

    @Transactional
    public byte[] file(long id, String format) {
        Pledge p = pledge(id);
        return switch (format) {
            case "pdf" -> templates.fileOf(p.documentId(), true);
            case "docx" -> templates.fileOf(p.documentId(), false);
            case "scan" -> repository.scan(id).orElseThrow(() -> new NotFoundException("agreement.pledge.noScan", id));
            default -> throw new NotFoundException("agreement.pledge.notFound", id);
        };
    }

    /** The text of a pledge's document as lines {@code KIND<TAB>text}. */
    @Transactional(readOnly = true)
    public List<String[]> text(long id) {
        Pledge p = pledge(id);
        return templates.content(p.documentId()).lines().map(l -> l.split("\t", 2))
                .filter(a -> a.length == 2).toList();
    }

    // ------------------------------------------------------------ the register

    /** Register readers: everyone for READ_ALL roles, a MANAGER's departments otherwise. */
    public boolean canReadRegister() {
        return users.current().map(u -> u.hasAny(READ_ALL) || u.has(Role.MANAGER)).orElse(false);
    }

    private void requireRegisterReader() {
        users.require();
        if (!canReadRegister()) {
            throw new AccessRefusedException("agreement.register.refused");
        }
    }

    /**
     * The register within the caller's scope: people working now and people who left with pledges, filtered
     * by department (with sub-departments), by a state any of their pledges is in, or by a lasting obligation.
     */
    @Transactional(readOnly = true)
    public List<RegisterRow> register(Long departmentId, PledgeState state, boolean lastingOnly) {
        requireRegisterReader();
        Set<Long> departments = departmentId == null ? null : directory.departmentSubtree(departmentId);
        List<PersonView> people = new ArrayList<>();
        directory.forEachVisiblePerson(1000, page -> {
            for (PersonView p : page) {
                if (departments != null && p.departments().stream().noneMatch(d -> departments.contains(d.id()))) {
                    continue;
                }
                people.add(p);
            }
        });
        Map<Long, List<Pledge>> byPerson = repository.ofPeople(people.stream().map(PersonView::id).toList()).stream()
                .collect(Collectors.groupingBy(Pledge::personId));
        LocalDate today = today();
        List<RegisterRow> rows = new ArrayList<>();
        for (PersonView p : people) {
            List<Pledge> pledges = byPerson.getOrDefault(p.id(), List.of());
            if (!p.status().current() && pledges.isEmpty()) {
                continue;
            }
            Map<PledgeKind, PledgeStatus> statuses = statuses(p.id(), pledges);
            boolean lasting = pledges.stream().anyMatch(x -> x.lasting(today));
            if (state != null && statuses.values().stream().noneMatch(s -> s.state() == state)) {
                continue;
            }
            if (lastingOnly && !lasting) {
                continue;
            }
            rows.add(new RegisterRow(p, statuses, lasting));
        }
        return rows;
    }

    /** The register summed up per primary department (people working now). */
    @Transactional(readOnly = true)
    public List<DepartmentSummary> departments() {
        List<RegisterRow> rows = register(null, null, false);
        Map<Long, DepartmentView> all = new HashMap<>();
        directory.listDepartments().forEach(d -> all.put(d.id(), d));
        Map<Long, List<RegisterRow>> byDepartment = new LinkedHashMap<>();
        for (RegisterRow r : rows) {
            if (!r.person().status().current()) {
                continue;
            }
            Long d = r.person().primaryDepartment() == null ? null : r.person().primaryDepartment().id();
            byDepartment.computeIfAbsent(d, k -> new ArrayList<>()).add(r);
        }
        List<DepartmentSummary> out = new ArrayList<>();
        byDepartment.forEach((d, list) -> {
            DepartmentView view = d == null ? null : all.get(d);
            int[] joining = new int[PledgeState.values().length];
            int pending = 0;
            int refused = 0;
            int lasting = 0;
            for (RegisterRow r : list) {
                joining[r.status(PledgeKind.JOINING).state().ordinal()]++;
                pending += (int) r.statuses().values().stream().filter(s -> s.state() == PledgeState.PENDING).count();
                refused += (int) r.statuses().values().stream().filter(s -> s.state() == PledgeState.REFUSED).count();
                lasting += r.lasting() ? 1 : 0;
            }
            out.add(new DepartmentSummary(d, view == null ? "—" : view.nameJa(), view == null ? "—" : view.nameEn(),
                    list.size(), joining[PledgeState.SIGNED.ordinal()], joining[PledgeState.EXPIRED.ordinal()],
                    joining[PledgeState.PENDING.ordinal()], joining[PledgeState.REFUSED.ordinal()],
                    joining[PledgeState.NONE.ordinal()], pending, refused, lasting));
        });
        out.sort(java.util.Comparator.comparing(DepartmentSummary::nameJa));
        return out;
    }

    // ------------------------------------------------------------ escalation

    /**
     * Pledges still pending after their due date are escalated once to HR (and the person is reminded);
     * ledger {@code agreement.pledge.escalated}. Returns how many were escalated.
     */
    @Transactional
    public int escalateOverdue() {
        LocalDate today = today();
        List<Pledge> due = repository.dueForEscalation(today);
        for (Pledge p : due) {
            repository.markEscalated(p.id(), today);
            String name = personName(p.personId());
            notifications.toRole(Role.HR, new Notice("agreement.notice.escalated", List.of(p.title(), name,
                    p.dueOn().toString()), "/agreements/pledges/" + p.id()));
            notifications.toPerson(p.personId(), new Notice("agreement.notice.reminder", List.of(p.title(),
                    p.dueOn().toString()), "/agreements/pledges/" + p.id()));
            Map<String, Object> details = details(p);
            details.put("dueOn", p.dueOn().toString());
            ledger.record("agreement.pledge.escalated", subject(p.id()), details);
        }
        return due.size();
    }

    /**
     * People working now, those of them with a signed joining pledge in force, and those whose latest joining
     * pledge is refused (evidence; no scope: the numbers are the company's).
     */
    @Transactional(readOnly = true)
    public int[] coverage() {
        List<Long> working = new ArrayList<>();
        directory.forEachPerson(1000, page -> page.stream().filter(p -> p.status().current()
                && p.status() != dev.mamori.directory.PersonStatus.PROSPECTIVE).forEach(p -> working.add(p.id())));
        LocalDate today = today();
        Map<Long, List<Pledge>> byPerson = repository.ofPeople(working).stream()
                .filter(p -> p.kind() == PledgeKind.JOINING).collect(Collectors.groupingBy(Pledge::personId));
        int signed = 0;
        int refused = 0;
        for (List<Pledge> list : byPerson.values()) {
            PledgeState s = list.get(0).state(today);
            signed += s == PledgeState.SIGNED ? 1 : 0;
            refused += s == PledgeState.REFUSED ? 1 : 0;
        }
        return new int[] {working.size(), signed, refused};
    }

    List<Pledge> pendingOf(long personId) {
        return repository.pendingOf(personId);
    }

    long countEscalated() {
        return repository.countEscalated();
    }

    // ------------------------------------------------------------ projects

    /**
     * People were made access holders of a secret: the secret joins its project (the group, or the entry
     * itself), and each person is asked for the project pledge listing the project's secrets — unless their
     * pledge for the project already covers it.
     */
    @Transactional
    public int onHoldersAdded(long assetId, String assetName, List<Holder> holders) {
        int asked = 0;
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, List<Long>> people = new LinkedHashMap<>();
        for (Holder h : holders) {
            String key = h.groupId() == null ? "asset:" + assetId : "group:" + h.groupId();
            names.put(key, h.groupId() == null ? assetName : Objects.requireNonNullElse(h.groupName(), assetName));
            people.computeIfAbsent(key, k -> new ArrayList<>()).add(h.personId());
        }
        for (var e : people.entrySet()) {
            String key = e.getKey();
            boolean newSecret = repository.addProjectSecret(key, names.get(key), assetId, assetName);
            List<String> secrets = repository.projectSecrets(key);
            Set<Long> covered = new HashSet<>();
            if (!newSecret) {
                repository.ofProject(key).stream().filter(p -> p.kind() == PledgeKind.PROJECT)
                        .filter(p -> p.pending() || "SIGNED".equals(p.stored())).forEach(p -> covered.add(p.personId()));
            }
            for (Long person : new java.util.LinkedHashSet<>(e.getValue())) {
                if (covered.contains(person) || directory.findPerson(person).filter(p -> p.status().current()).isEmpty()) {
                    continue;
                }
                request(new PledgeDraft(person, PledgeKind.PROJECT, secrets, key, names.get(key), null, null, null),
                        Templates.SYSTEM);
                asked++;
            }
        }
        return asked;
    }

    /** A person made holder, through a group or directly. */
    public record Holder(long personId, Long groupId, String groupName) {
    }

    @Transactional(readOnly = true)
    public List<ProjectView> projects() {
        requireRegisterReader();
        Map<Long, PersonView> people = new HashMap<>();
        return repository.projects().stream().map(p -> {
            List<Pledge> pledges = visible(repository.ofProject(p.key()));
            Map<Long, PersonView> named = new LinkedHashMap<>();
            for (Pledge x : pledges) {
                PersonView person = people.computeIfAbsent(x.personId(), id -> directory.findPerson(id).orElse(null));
                if (person != null) {
                    named.put(x.personId(), person);
                }
            }
            return new ProjectView(p.key(), p.name(), p.endedOn(), p.endedBy(), repository.projectSecrets(p.key()),
                    pledges, named);
        }).toList();
    }

    private List<Pledge> visible(List<Pledge> pledges) {
        CurrentUser user = users.require();
        if (user.hasAny(READ_ALL)) {
            return pledges;
        }
        return pledges.stream().filter(p -> directory.canView(p.personId())).toList();
    }

    /**
     * Ends a project: each person with a project pledge is asked for the closing confirmation listing its
     * secrets; ledger {@code agreement.project.ended}. HR, the 統括責任者 and managers end projects.
     */
    @Transactional
    public int endProject(String key) {
        CurrentUser user = users.require();
        if (!user.hasAny(Role.HR, Role.CHIEF_OFFICER, Role.MANAGER)) {
            throw new AccessRefusedException("agreement.project.endRefused");
        }
        var project = repository.project(key).orElseThrow(() -> new NotFoundException("agreement.project.notFound", key));
        if (!repository.endProject(key, today(), user.displayName())) {
            throw new ConflictException("agreement.project.alreadyEnded", project.name());
        }
        List<String> secrets = repository.projectSecrets(key);
        Set<Long> people = new java.util.LinkedHashSet<>();
        repository.ofProject(key).stream().filter(p -> p.kind() == PledgeKind.PROJECT).forEach(p -> people.add(p.personId()));
        int asked = 0;
        for (Long person : people) {
            if (directory.findPerson(person).filter(p -> p.status().current()).isPresent()) {
                request(new PledgeDraft(person, PledgeKind.PROJECT_CLOSING, secrets, key, project.name(), null, null, null),
                        user.displayName());
                asked++;
            }
        }
        ledger.record("agreement.project.ended", Subject.of("agreement-project", key),
                Map.of("name", project.name(), "secrets", secrets.size(), "closingConfirmations", asked));
        return asked;
    }
}
