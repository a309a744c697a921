package dev.mamori.lifecycle;

import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.mamori.directory.Directory;
import dev.mamori.directory.PersonView;
import dev.mamori.inventory.HeldSecret;
import dev.mamori.inventory.SecretHoldings;
import dev.mamori.ledger.Ledger;
import dev.mamori.ledger.LedgerEntry;
import dev.mamori.ledger.LedgerPage;
import dev.mamori.ledger.LedgerQuery;
import dev.mamori.ledger.Subject;
import dev.mamori.lifecycle.internal.AlumniContactRepository;
import dev.mamori.lifecycle.internal.Deadlines;
import dev.mamori.lifecycle.internal.PledgeFileRepository;
import dev.mamori.lifecycle.internal.LeaverRepository;
import dev.mamori.lifecycle.internal.LentItemRepository;
import dev.mamori.lifecycle.internal.LifecycleProperties;
import dev.mamori.lifecycle.internal.ManagerScope;
import dev.mamori.platform.AccessRefusedException;
import dev.mamori.platform.ConflictException;
import dev.mamori.platform.CurrentUser;
import dev.mamori.platform.CurrentUsers;
import dev.mamori.platform.InvalidInputException;
import dev.mamori.platform.NotFoundException;
import dev.mamori.platform.PersonAccounts;
import dev.mamori.platform.Role;
import dev.mamori.platform.tabular.ExportFormat;
import dev.mamori.platform.tabular.TableWriter;

/**
 * The leaver checklists, the register of lent equipment and the leavers' monitoring windows. Every change is
 * recorded in the ledger in the same transaction. HR, 統括責任者, IT security and auditors see every leaver;
 * a 管理責任者 those of their departments (with sub-departments); HR and the 管理責任者 confirm steps, never
 * on their own checklist.
 */
@Service
public class Lifecycle {

    /** At most this many ledger entries by a leaver are read to find what they accessed. */
    static final int MAX_ACCESS_ENTRIES = 10_000;

    private final LeaverRepository leavers;
    private final LentItemRepository items;
    private final AlumniContactRepository alumni;
    private final PledgeFileRepository documents;
    private final Directory directory;
    private final SecretHoldings holdings;
    private final PersonAccounts accounts;
    private final List<LeaverStepSource> sources;
    private final Ledger ledger;
    private final ApplicationEventPublisher events;
    private final CurrentUsers users;
    private final LifecycleProperties properties;
    private final Deadlines deadlines;
    private final ManagerScope scope;
    private final Clock clock;

    Lifecycle(LeaverRepository leavers, LentItemRepository items, AlumniContactRepository alumni,
              PledgeFileRepository documents, Directory directory,
              SecretHoldings holdings, PersonAccounts accounts, List<LeaverStepSource> sources, Ledger ledger,
              ApplicationEventPublisher events, CurrentUsers users, LifecycleProperties properties, ManagerScope scope, Clock clock) {
        this.scope = scope;
        this.leavers = leavers;
        this.items = items;
        this.alumni = alumni;
        this.documents = documents;
        this.directory = directory;
        this.holdings = holdings;
        this.accounts = accounts;
        this.sources = List.copyOf(sources);
        this.ledger = ledger;
        this.events = events;
        this.users = users;
        this.properties = properties;
        this.deadlines = new Deadlines(properties);
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(Directory.JAPAN));
    }

    // ---------------------------------------------------------------- following the directory (no user needed)

    /**
     * Opens the person's checklist on a notice of leaving, or moves its dates (a new last working day, a notice
     * given again after a retraction). Publishes the monitoring window. A leaver whose last day lies further back
     * than the monitoring window (an imported past leaver) gets no checklist.
     */
    @Transactional
    public void leaveNotified(long personId, LocalDate noticeDate, LocalDate lastWorkingDay) {
        leavers.lock(personId);
        Optional<LeaverRepository.Row> existing = leavers.find(personId);
        if (existing.isEmpty()) {
            open(personId, noticeDate, lastWorkingDay, null);
            return;
        }
        LeaverRepository.Row r = existing.get();
        moveDates(r, noticeDate, lastWorkingDay, r.leftOn(), false);
    }

    /** The notice was withdrawn: the checklist is kept but set aside, the window closed. */
    @Transactional
    public void leaveRetracted(long personId) {
        leavers.lock(personId);
        leavers.find(personId).filter(r -> !r.retracted()).ifPresent(r -> {
            leavers.updateDates(new LeaverRepository.Row(personId, r.noticeDate(), r.lastWorkingDay(), r.leftOn(), true,
                    r.monitoringFrom(), r.monitoringUntil(), r.alumniContact()));
            ledger.record("lifecycle.leaver.retracted", Subject.of("leaver", personId), Map.of());
            events.publishEvent(new LifecycleEvents.MonitoringWindowClosed(personId));
        });
    }

    /** The person left: the checklist records the day (opening one for a leaver who gave no notice). */
    @Transactional
    public void left(long personId, LocalDate leftOn) {
        leavers.lock(personId);
        Optional<LeaverRepository.Row> existing = leavers.find(personId);
        if (existing.isEmpty()) {
            open(personId, null, null, leftOn);
            return;
        }
        LeaverRepository.Row r = existing.get();
        moveDates(r, r.noticeDate(), r.lastWorkingDay(), leftOn, false);
    }

    private void open(long personId, LocalDate notice, LocalDate lastWorkingDay, LocalDate leftOn) {
        LocalDate last = Deadlines.lastDay(notice, lastWorkingDay, leftOn);
        if (last == null || last.isBefore(today().minusDays(properties.monitoringDaysAfterLeaving()))) {
            return;
        }
        MonitoringWindow w = deadlines.window(personId, notice, lastWorkingDay, leftOn);
        leavers.insert(new LeaverRepository.Row(personId, notice, lastWorkingDay, leftOn, false, w.from(), w.until(), null));
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("noticeDate", str(notice));
        d.put("lastWorkingDay", str(lastWorkingDay));
        d.put("leftOn", str(leftOn));
        d.put("monitoringFrom", w.from().toString());
        d.put("monitoringUntil", w.until().toString());
        ledger.record("lifecycle.leaver.opened", Subject.of("leaver", personId), d);
        events.publishEvent(new LifecycleEvents.MonitoringWindowOpened(personId, w.from(), w.until()));
    }

    private void moveDates(LeaverRepository.Row r, LocalDate notice, LocalDate lastWorkingDay, LocalDate leftOn,
                           boolean retracted) {
        MonitoringWindow w = deadlines.window(r.personId(), notice, lastWorkingDay, leftOn);
        boolean same = Objects.equals(r.noticeDate(), notice) && Objects.equals(r.lastWorkingDay(), lastWorkingDay)
                && Objects.equals(r.leftOn(), leftOn) && r.retracted() == retracted;
        if (same) {
            return;
        }
        leavers.updateDates(new LeaverRepository.Row(r.personId(), notice, lastWorkingDay, leftOn, retracted, w.from(),
                w.until(), r.alumniContact()));
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("noticeDate", str(notice));
        d.put("lastWorkingDay", str(lastWorkingDay));
        d.put("leftOn", str(leftOn));
        d.put("monitoringFrom", w.from().toString());
        d.put("monitoringUntil", w.until().toString());
        ledger.record(leftOn != null && r.leftOn() == null ? "lifecycle.leaver.left" : "lifecycle.leaver.datesChanged",
                Subject.of("leaver", r.personId()), d);
        if (r.retracted()) {
            events.publishEvent(new LifecycleEvents.MonitoringWindowOpened(r.personId(), w.from(), w.until()));
        } else if (!w.from().equals(r.monitoringFrom()) || !w.until().equals(r.monitoringUntil())) {
            events.publishEvent(new LifecycleEvents.MonitoringWindowChanged(r.personId(), w.from(), w.until()));
        }
    }

    // ---------------------------------------------------------------- monitoring windows (for the detection module)

    /** The windows covering the given day, of leavers whose notice stands. */
    @Transactional(readOnly = true)
    public List<MonitoringWindow> monitoringWindowsOn(LocalDate day) {
        return leavers.findAll(false).stream()
                .map(r -> new MonitoringWindow(r.personId(), r.monitoringFrom(), r.monitoringUntil()))
                .filter(w -> w.covers(day)).toList();
    }

    /** The person's window, if their notice stands. */
    @Transactional(readOnly = true)
    public Optional<MonitoringWindow> monitoringWindowOf(long personId) {
        return leavers.find(personId).filter(r -> !r.retracted())
                .map(r -> new MonitoringWindow(r.personId(), r.monitoringFrom(), r.monitoringUntil()));
    }

    // ---------------------------------------------------------------- the dashboard and the checklist

    /** Every leaver the current user may see; {@code openOnly} leaves out completed checklists. */
    @Transactional(readOnly = true)
    public List<LeaverSummary> leavers(boolean openOnly) {
        CurrentUser user = requireReader();
        List<LeaverRepository.Row> rows = leavers.findAll(false).stream().filter(r -> inScope(user, r.personId())).toList();
        List<LeaverSummary> out = summaries(rows);
        return openOnly ? out.stream().filter(s -> !s.complete()).toList() : out;
    }

    /** Leavers with steps past their deadline that this user works on (HR: all; 管理責任者: their departments). */
    @Transactional(readOnly = true)
    public List<LeaverSummary> workFor(CurrentUser user) {
        if (!user.hasAny(Role.HR, Role.MANAGER)) {
            return List.of();
        }
        List<LeaverRepository.Row> rows = leavers.findAll(false).stream()
                .filter(r -> !Objects.equals(r.personId(), user.personId()) && inScope(user, r.personId())).toList();
        return summaries(rows).stream().filter(s -> !s.complete()).toList();
    }

    /** The checklist of one leaver. */
    @Transactional(readOnly = true)
    public LeaverChecklist checklist(long personId) {
        CurrentUser user = requireReader();
        LeaverRepository.Row r = requireLeaver(personId);
        requireScope(user, personId);
        LeaverSummary summary = summaries(List.of(r)).get(0);
        List<StepView> steps = steps(r, leavers.steps(List.of(personId)).getOrDefault(personId, List.of()),
                items.outstandingCounts(List.of(personId)).getOrDefault(personId, 0));
        Optional<PersonAccounts.AccountState> account = accounts.ofPerson(personId);
        List<LentItem> lent = named(items.ofPerson(personId));
        return new LeaverChecklist(summary, steps, exposedSecrets(personId, account), lent, account.orElse(null),
                r.alumniContact(), mayEdit(user, personId));
    }

    /** Confirms a step by hand (done, refused or not applicable) with a note and an optional file. */
    @Transactional
    public void confirmStep(long personId, LeaverStep step, StepState.Status status, LocalDate on, String note,
                            Upload file) {
        CurrentUser user = requireEditor(personId);
        LeaverRepository.Row r = requireLeaver(personId);
        if (r.retracted()) {
            throw new ConflictException("lifecycle.leaver.retracted");
        }
        if (step.computed()) {
            throw InvalidInputException.onField("step", "lifecycle.step.computed");
        }
        if (sourceOf(step).flatMap(s -> s.stateOf(step, personId)).isPresent()) {
            throw InvalidInputException.onField("step", "lifecycle.step.fromSource");
        }
        if (status == null || !step.outcomes().contains(status)) {
            throw InvalidInputException.onField("status", "lifecycle.step.outcomeInvalid");
        }
        if (note == null || note.isBlank()) {
            throw InvalidInputException.onField("note", "lifecycle.step.noteRequired");
        }
        if (note.length() > 2000) {
            throw InvalidInputException.onField("note", "lifecycle.step.noteTooLong");
        }
        LocalDate day = on == null ? today() : on;
        if (day.isAfter(today())) {
            throw InvalidInputException.onField("on", "lifecycle.step.future");
        }
        Long documentId = null;
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("step", step.name());
        d.put("status", status.name());
        d.put("on", day.toString());
        d.put("note", note.strip());
        if (file != null && file.present()) {
            String sha = sha256(file.content());
            documentId = documents.insert(fileName(file), contentType(file), sha, file.content());
            d.put("file", fileName(file));
            d.put("sha256", sha);
        }
        leavers.saveStep(personId, step, new StepState(status, day, note.strip(), null), user.username(), documentId);
        if (step == LeaverStep.ALUMNI_CONTACT) {
            leavers.updateAlumniContact(personId, status == StepState.Status.DONE ? note.strip() : null);
        }
        ledger.record("lifecycle.step.confirmed", Subject.of("leaver", personId), d);
        LeaverSummary after = summaries(List.of(requireLeaver(personId))).get(0);
        if (after.complete()) {
            events.publishEvent(new LifecycleEvents.LeaverChecklistCompleted(personId));
        }
    }

    /** The leaver's alumni (OB会) contact, for those who may see the checklist. */
    @Transactional(readOnly = true)
    public Optional<AlumniContact> alumniContact(long personId) {
        CurrentUser user = requireReader();
        requireLeaver(personId);
        requireScope(user, personId);
        return alumni.find(personId);
    }

    /**
     * Records (or corrects) the leaver's alumni (OB会) contact: with consent, a postal address or an e-mail is
     * needed and the checklist's step is done; without, the step is recorded as refused (nothing kept but the
     * note). The ledger gets {@code lifecycle.alumni.recorded} with the consent, which channels were given and the
     * day — not the address itself.
     */
    @Transactional
    public void recordAlumniContact(long personId, Boolean consent, String address, String email, LocalDate on,
                                    String note) {
        CurrentUser user = requireEditor(personId);
        leavers.lock(personId);
        LeaverRepository.Row r = requireLeaver(personId);
        if (r.retracted()) {
            throw new ConflictException("lifecycle.leaver.retracted");
        }
        if (consent == null) {
            throw InvalidInputException.onField("consent", "lifecycle.alumni.consentRequired");
        }
        String a = consent ? blankToNull(address) : null;
        String e = consent ? blankToNull(email) : null;
        String n = blankToNull(note);
        if (consent && a == null && e == null) {
            throw InvalidInputException.onField("email", "lifecycle.alumni.contactRequired");
        }
        if (e != null && !e.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw InvalidInputException.onField("email", "lifecycle.alumni.emailInvalid");
        }
        if ((a != null && a.length() > 500) || (e != null && e.length() > 320)) {
            throw InvalidInputException.onField(a != null && a.length() > 500 ? "address" : "email", "lifecycle.text.tooLong");
        }
        if (n != null && n.length() > 2000) {
            throw InvalidInputException.onField("note", "lifecycle.text.tooLong");
        }
        LocalDate day = on == null ? today() : on;
        if (day.isAfter(today())) {
            throw InvalidInputException.onField("on", "lifecycle.step.future");
        }
        alumni.save(new AlumniContact(personId, consent, a, e, day, n, user.username()));
        String stepNote = consent ? (e != null ? e : a) : (n != null ? n : "OB会への連絡を希望しない");
        leavers.saveStep(personId, LeaverStep.ALUMNI_CONTACT,
                new StepState(consent ? StepState.Status.DONE : StepState.Status.REFUSED, day,
                        stepNote.length() > 2000 ? stepNote.substring(0, 2000) : stepNote, null), user.username(), null);
        leavers.updateAlumniContact(personId, consent ? stepNote : null);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("consent", consent);
        d.put("address", a != null);
        d.put("email", e != null);
        d.put("on", day.toString());
        ledger.record("lifecycle.alumni.recorded", Subject.of("leaver", personId), d);
        LeaverSummary after = summaries(List.of(requireLeaver(personId))).get(0);
        if (after.complete()) {
            events.publishEvent(new LifecycleEvents.LeaverChecklistCompleted(personId));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Writes the leaver's secrets (held and accessed) as CSV or XLSX for the leaving pledge; recorded in the ledger. */
    @Transactional
    public void exportSecrets(long personId, ExportFormat format, OutputStream out) {
        CurrentUser user = requireReader();
        requireLeaver(personId);
        requireScope(user, personId);
        List<ExposedSecret> secrets = exposedSecrets(personId, accounts.ofPerson(personId));
        PersonView person = directory.findPerson(personId).orElseThrow();
        try (TableWriter w = TableWriter.open(format, out, "secrets")) {
            w.row(List.of("社員番号", "氏名", "台帳ID", "名称", "区分", "表示", "部門", "アクセス権者として", "利用記録件数", "最終利用"));
            for (ExposedSecret s : secrets) {
                w.row(List.of(person.employeeNumber(), person.name(), String.valueOf(s.assetId()), nz(s.name()),
                        nz(s.levelId()), nz(s.marking()), nz(s.departmentName()), String.join(" ", s.through()),
                        String.valueOf(s.accessCount()), s.lastAccess() == null ? "" : s.lastAccess().toString()));
            }
        }
        ledger.record("lifecycle.secrets.exported", Subject.of("leaver", personId),
                Map.of("format", format.name(), "count", secrets.size(),
                        "assets", secrets.stream().map(ExposedSecret::assetId).toList()));
    }

    /** A kept file of a leaver's step, for those who may see the checklist. */
    @Transactional(readOnly = true)
    public StoredDocument stepDocument(long personId, long documentId) {
        CurrentUser user = requireReader();
        requireScope(user, personId);
        if (!documents.ownerPersonOfStepDocument(documentId).map(p -> p == personId).orElse(false)) {
            throw new NotFoundException("lifecycle.document.notFound", documentId);
        }
        return documents.find(documentId).orElseThrow(() -> new NotFoundException("lifecycle.document.notFound", documentId));
    }

    // ---------------------------------------------------------------- lent equipment and media

    /** Lends an item to a person (HR, IT security, or the person's 管理責任者). */
    @Transactional
    public long lend(LentItemDraft draft) {
        if (draft.employeeNumber() == null || draft.employeeNumber().isBlank()) {
            throw InvalidInputException.onField("employeeNumber", "lifecycle.item.personRequired");
        }
        PersonView person = directory.findPersonByEmployeeNumber(draft.employeeNumber().strip())
                .orElseThrow(() -> InvalidInputException.onField("employeeNumber", "lifecycle.item.personUnknown",
                        draft.employeeNumber().strip()));
        requireLender(person.id());
        if (!person.status().current()) {
            throw InvalidInputException.onField("employeeNumber", "lifecycle.item.personLeft", person.name());
        }
        if (draft.kind() == null) {
            throw InvalidInputException.onField("kind", "lifecycle.item.kindRequired");
        }
        if (draft.label() == null || draft.label().isBlank()) {
            throw InvalidInputException.onField("label", "lifecycle.item.labelRequired");
        }
        LocalDate on = draft.lentOn() == null ? today() : draft.lentOn();
        String serial = draft.serial() == null || draft.serial().isBlank() ? null : draft.serial().strip();
        long id = items.insert(person.id(), draft.kind(), draft.label().strip(), serial, on);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("personId", person.id());
        d.put("kind", draft.kind().name());
        d.put("label", draft.label().strip());
        d.put("serial", serial);
        d.put("lentOn", on.toString());
        ledger.record("lifecycle.item.lent", Subject.of("lentItem", id), d);
        return id;
    }

    /** Records the return of an item. */
    @Transactional
    public void returnItem(long itemId, LocalDate on, String note) {
        LentItem item = items.find(itemId).orElseThrow(() -> new NotFoundException("lifecycle.item.notFound", itemId));
        requireLender(item.personId());
        LocalDate day = on == null ? today() : on;
        if (day.isBefore(item.lentOn()) || day.isAfter(today())) {
            throw InvalidInputException.onField("returnedOn", "lifecycle.item.returnDateInvalid");
        }
        String clean = note == null || note.isBlank() ? null : note.strip();
        if (items.markReturned(itemId, day, clean) == 0) {
            throw new ConflictException("lifecycle.item.alreadyReturned");
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("personId", item.personId());
        d.put("returnedOn", day.toString());
        d.put("note", clean);
        ledger.record("lifecycle.item.returned", Subject.of("lentItem", itemId), d);
    }

    /** The register of lent items the current user may see (HR, IT security: all; 管理責任者: their people). */
    @Transactional(readOnly = true)
    public List<LentItem> lentItems(boolean outstandingOnly) {
        CurrentUser user = users.require();
        if (user.hasAny(Role.HR, Role.IT_SECURITY, Role.CHIEF_OFFICER, Role.AUDITOR)) {
            return named(items.search(null, outstandingOnly, 500));
        }
        if (!user.has(Role.MANAGER)) {
            throw new AccessRefusedException("lifecycle.item.refused");
        }
        return named(items.search(null, outstandingOnly, 2000)).stream()
                .filter(i -> inScope(user, i.personId())).limit(500).toList();
    }

    /** Whether the current user may lend to or take back from the person. */
    @Transactional(readOnly = true)
    public boolean canLendTo(long personId) {
        CurrentUser user = users.require();
        return user.hasAny(Role.HR, Role.IT_SECURITY) || (user.has(Role.MANAGER) && inScope(user, personId)
                && !Objects.equals(user.personId(), personId));
    }

    // ---------------------------------------------------------------- computing the checklist

    private List<LeaverSummary> summaries(List<LeaverRepository.Row> rows) {
        List<Long> ids = rows.stream().map(LeaverRepository.Row::personId).toList();
        Map<Long, List<LeaverRepository.Step>> confirmed = leavers.steps(ids);
        Map<Long, Integer> outstanding = items.outstandingCounts(ids);
        LocalDate today = today();
        List<LeaverSummary> out = new ArrayList<>();
        for (LeaverRepository.Row r : rows) {
            Optional<PersonView> p = directory.findPerson(r.personId());
            List<StepView> steps = steps(r, confirmed.getOrDefault(r.personId(), List.of()),
                    outstanding.getOrDefault(r.personId(), 0));
            int settled = (int) steps.stream().filter(s -> s.state().status().settled()).count();
            int overdue = (int) steps.stream().filter(StepView::overdue).count();
            LocalDate next = steps.stream().filter(s -> !s.state().status().settled() && s.due() != null)
                    .map(StepView::due).min(LocalDate::compareTo).orElse(null);
            out.add(new LeaverSummary(r.personId(), p.map(PersonView::employeeNumber).orElse(null),
                    p.map(PersonView::name).orElse(String.valueOf(r.personId())),
                    p.map(PersonView::primaryDepartment).map(PersonView.DepartmentRef::nameJa).orElse(null),
                    p.map(PersonView::status).orElse(null), r.noticeDate(), r.lastWorkingDay(), r.leftOn(),
                    r.retracted(), settled, steps.size(), overdue, next,
                    new MonitoringWindow(r.personId(), r.monitoringFrom(), r.monitoringUntil())));
        }
        return out;
    }

    private List<StepView> steps(LeaverRepository.Row r, List<LeaverRepository.Step> confirmed, int outstandingItems) {
        Map<LeaverStep, LeaverRepository.Step> byStep = new HashMap<>();
        confirmed.forEach(s -> byStep.put(s.step(), s));
        LocalDate today = today();
        List<StepView> out = new ArrayList<>();
        for (LeaverStep step : LeaverStep.values()) {
            LocalDate due = deadlines.due(step, r.noticeDate(), r.lastWorkingDay(), r.leftOn());
            StepState state;
            boolean confirmable = false;
            Long doc = null;
            String docName = null;
            if (step == LeaverStep.MONITORING) {
                state = new StepState(StepState.Status.DONE, r.monitoringFrom(), null, "computed");
            } else if (step == LeaverStep.EQUIPMENT_RETURNED) {
                state = outstandingItems == 0 ? new StepState(StepState.Status.DONE, null, null, "computed")
                        : new StepState(StepState.Status.PENDING, null, String.valueOf(outstandingItems), "computed");
            } else {
                Optional<LeaverStepSource> source = sourceOf(step);
                Optional<StepState> answered = source.flatMap(s -> s.stateOf(step, r.personId()))
                        .map(s -> new StepState(s.status(), s.on(), s.note(), source.get().name()));
                if (answered.isPresent()) {
                    state = answered.get();
                } else {
                    confirmable = true;
                    LeaverRepository.Step hand = byStep.get(step);
                    state = hand == null ? StepState.pending() : hand.state();
                    if (hand != null) {
                        doc = hand.documentId();
                        docName = hand.documentName();
                    }
                }
            }
            boolean overdue = !state.status().settled() && due != null && due.isBefore(today);
            out.add(new StepView(step, state, due, overdue, confirmable, doc, docName));
        }
        return out;
    }

    private Optional<LeaverStepSource> sourceOf(LeaverStep step) {
        return sources.stream().filter(s -> s.steps().contains(step)).findFirst();
    }

    /** Designated entries the person holds, merged with those the ledger shows them accessing. */
    private List<ExposedSecret> exposedSecrets(long personId, Optional<PersonAccounts.AccountState> account) {
        Set<String> roles = account.map(a -> a.roles().stream().map(Role::name).collect(Collectors.toSet()))
                .orElse(Set.of());
        Map<Long, HeldSecret> held = new LinkedHashMap<>();
        holdings.heldBy(personId, roles).forEach(h -> held.put(h.assetId(), h));
        Map<Long, List<LedgerEntry>> accessed = new HashMap<>();
        if (account.isPresent()) {
            int page = 0;
            int read = 0;
            while (read < MAX_ACCESS_ENTRIES) {
                LedgerPage p = ledger.search(new LedgerQuery("asset", null, account.get().username(), null, null, null),
                        page++, 500);
                p.entries().forEach(e -> accessed.computeIfAbsent(parse(e.subject().id()), k -> new ArrayList<>()).add(e));
                read += p.entries().size();
                if (!p.hasNext()) {
                    break;
                }
            }
            accessed.remove(-1L);
        }
        Map<Long, HeldSecret> all = new LinkedHashMap<>(held);
        List<Long> others = accessed.keySet().stream().filter(id -> !held.containsKey(id)).toList();
        holdings.designated(others).forEach(h -> all.put(h.assetId(), h));
        List<ExposedSecret> out = new ArrayList<>();
        for (HeldSecret h : all.values()) {
            List<LedgerEntry> entries = accessed.getOrDefault(h.assetId(), List.of());
            Instant last = entries.stream().map(LedgerEntry::recordedAt).max(Instant::compareTo).orElse(null);
            out.add(new ExposedSecret(h.assetId(), h.name(), h.levelId(), h.marking(), h.departmentName(),
                    h.through().stream().map(t -> t.kind() + ":" + t.ref()).toList(), entries.size(), last,
                    List.copyOf(entries.stream().map(LedgerEntry::action).collect(Collectors.toCollection(TreeSet::new))),
                    h.hidden()));
        }
        out.sort(java.util.Comparator.comparing(ExposedSecret::name, java.util.Comparator.nullsLast(String::compareTo))
                .thenComparing(ExposedSecret::assetId));
        return out;
    }

    private List<LentItem> named(List<LentItem> list) {
        Map<Long, String> names = new HashMap<>();
        return list.stream().map(i -> new LentItem(i.id(), i.personId(),
                names.computeIfAbsent(i.personId(), k -> directory.findPerson(k).map(PersonView::name).orElse(String.valueOf(k))),
                i.kind(), i.label(), i.serial(), i.lentOn(), i.returnedOn(), i.returnNote())).toList();
    }

    // ---------------------------------------------------------------- who may do what

    private CurrentUser requireReader() {
        CurrentUser user = users.require();
        if (!user.hasAny(Role.HR, Role.MANAGER, Role.CHIEF_OFFICER, Role.AUDITOR, Role.IT_SECURITY)) {
            throw new AccessRefusedException("lifecycle.leaver.refused");
        }
        return user;
    }

    private CurrentUser requireEditor(long personId) {
        CurrentUser user = users.require();
        if (!mayEdit(user, personId)) {
            throw new AccessRefusedException("lifecycle.leaver.editRefused");
        }
        return user;
    }

    private boolean mayEdit(CurrentUser user, long personId) {
        if (Objects.equals(user.personId(), personId)) {
            return false;
        }
        return user.has(Role.HR) || (user.has(Role.MANAGER) && inScope(user, personId));
    }

    private void requireLender(long personId) {
        if (!canLendTo(personId)) {
            throw new AccessRefusedException("lifecycle.item.refused");
        }
    }

    private void requireScope(CurrentUser user, long personId) {
        if (!inScope(user, personId)) {
            throw new AccessRefusedException("lifecycle.leaver.outOfScope");
        }
    }

    /** Organisation-wide readers see everyone; a 管理責任者 the people of their departments. */
    private boolean inScope(CurrentUser user, long personId) {
        if (user.hasAny(Role.HR, Role.CHIEF_OFFICER, Role.AUDITOR, Role.IT_SECURITY)) {
            return true;
        }
        return scope.covers(user, personId);
    }

    private LeaverRepository.Row requireLeaver(long personId) {
        return leavers.find(personId).orElseThrow(() -> new NotFoundException("lifecycle.leaver.notFound", personId));
    }

    // ---------------------------------------------------------------- helpers

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String fileName(Upload file) {
        String name = file.fileName() == null || file.fileName().isBlank() ? "upload" : file.fileName().strip();
        name = name.replaceAll("[\\\\/\\r\\n\"]", "_");
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    static String contentType(Upload file) {
        return file.contentType() == null || file.contentType().isBlank() ? "application/octet-stream" : file.contentType();
    }

    private static long parse(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            return -1L;
        }
    }

    private static String str(LocalDate d) {
        return d == null ? null : d.toString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
