package dev.mamori.measure.internal;

import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.mamori.directory.Directory;
import dev.mamori.directory.PersonView;
import dev.mamori.ledger.Ledger;
import dev.mamori.ledger.Subject;
import dev.mamori.measure.CatalogVersion;
import dev.mamori.measure.Coverage;
import dev.mamori.measure.CustomMeasureDraft;
import dev.mamori.measure.Evidence;
import dev.mamori.measure.EvidenceKind;
import dev.mamori.measure.EvidenceSource;
import dev.mamori.measure.EvidenceSummary;
import dev.mamori.measure.MeasureView;
import dev.mamori.measure.Measures;
import dev.mamori.measure.Purpose;
import dev.mamori.measure.Route;
import dev.mamori.measure.Selection;
import dev.mamori.measure.SelectionDraft;
import dev.mamori.measure.SelectionStatus;
import dev.mamori.measure.StatusUpdate;
import dev.mamori.platform.AccessRefusedException;
import dev.mamori.platform.ConflictException;
import dev.mamori.platform.CurrentUser;
import dev.mamori.platform.CurrentUsers;
import dev.mamori.platform.InvalidInputException;
import dev.mamori.platform.NotFoundException;
import dev.mamori.platform.Role;
import dev.mamori.policy.Level;
import dev.mamori.policy.Policy;

/**
 * The catalog, the selections and their coverage. Checks who may do what (the controllers' annotations are
 * the first gate, this the second), validates, and records every change in the ledger in the same transaction.
 */
@Service
class MeasureService implements Measures {

    /** Mamori's choice: the handbook asks for periodic review of measures but names no interval; yearly. */
    static final Period DEFAULT_REVIEW_INTERVAL = Period.ofMonths(12);
    static final int MAX_TEXT = 2000;

    private static final Role[] EDITORS = {Role.CHIEF_OFFICER, Role.COMMITTEE};
    private static final Role[] READERS = {Role.CHIEF_OFFICER, Role.COMMITTEE, Role.MANAGER, Role.IT_SECURITY,
            Role.HR, Role.LEGAL, Role.AUDITOR};

    private final CatalogRepository catalog;
    private final SelectionRepository selections;
    private final EvidenceStore store;
    private final Map<String, EvidenceSource> sources;
    private final Policy policy;
    private final Directory directory;
    private final Ledger ledger;
    private final CurrentUsers users;
    private final Clock clock;
    private final CoveragePolicy coveragePolicy = new CoveragePolicy();

    MeasureService(CatalogRepository catalog, SelectionRepository selections, EvidenceStore store,
                   List<EvidenceSource> sources, Policy policy, Directory directory, Ledger ledger, CurrentUsers users,
                   Clock clock) {
        this.catalog = catalog;
        this.selections = selections;
        this.store = store;
        this.sources = sources.stream().collect(Collectors.toMap(EvidenceSource::key, Function.identity(),
                (a, b) -> a, LinkedHashMap::new));
        this.policy = policy;
        this.directory = directory;
        this.ledger = ledger;
        this.users = users;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(Directory.JAPAN));
    }

    // ------------------------------------------------------------------ catalog

    @Override
    @Transactional(readOnly = true)
    public CatalogVersion currentCatalog() {
        users.require();
        return catalog.versions().get(0);
    }

    @Override
    @Transactional(readOnly = true)
    public List<CatalogVersion> catalogVersions() {
        users.require();
        return catalog.versions();
    }

    @Override
    @Transactional(readOnly = true)
    public List<MeasureView> catalog(Route route, Purpose purpose) {
        users.require();
        return catalog.catalog(catalog.versions().get(0).code(), route, purpose);
    }

    @Override
    @Transactional(readOnly = true)
    public List<MeasureView> catalogVersion(String version) {
        users.require();
        if (catalog.versions().stream().noneMatch(v -> v.code().equals(version))) {
            throw new NotFoundException("measure.catalog.versionNotFound", (Object) version);
        }
        return catalog.ofVersion(version);
    }

    @Override
    @Transactional(readOnly = true)
    public MeasureView measure(long id) {
        users.require();
        return requireMeasure(id);
    }

    @Override
    @Transactional
    public MeasureView addCustom(CustomMeasureDraft draft) {
        requireEditor();
        return addCustomUnchecked(draft);
    }

    MeasureView addCustomUnchecked(CustomMeasureDraft draft) {
        if (draft.route() == null) {
            throw InvalidInputException.onField("route", "measure.custom.routeRequired");
        }
        if (draft.purpose() == null) {
            throw InvalidInputException.onField("purpose", "measure.custom.purposeRequired");
        }
        String title = text(draft.title(), "title", 200);
        if (title == null) {
            throw InvalidInputException.onField("title", "measure.custom.titleRequired");
        }
        String titleEn = text(draft.titleEn(), "titleEn", 200);
        long id = catalog.insertCustom(draft.route(), draft.purpose(), title, text(draft.description(), "description", MAX_TEXT),
                titleEn);
        Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("route", draft.route().name());
        details.put("purpose", draft.purpose().number());
        details.put("title", title);
        if (titleEn != null) {
            details.put("titleEn", titleEn);
        }
        ledger.record("measure.custom.added", Subject.of("measure", id), details);
        return requireMeasure(id);
    }

    // ------------------------------------------------------------------ selections

    @Override
    @Transactional(readOnly = true)
    public List<Selection> selections(String levelCode) {
        CurrentUser user = users.require();
        List<SelectionRepository.Row> rows;
        if (user.hasAny(READERS)) {
            rows = selections.all(blankToNull(levelCode));
        } else if (user.personId() != null) {
            rows = selections.ownedBy(user.personId()).stream()
                    .filter(r -> blankToNull(levelCode) == null || r.levelCodes().contains(levelCode)).toList();
        } else {
            rows = List.of();
        }
        return views(rows, true);
    }

    /** Selections the person owns, without a signed-in user (tasks). */
    List<Selection> ownedBy(long personId) {
        return views(selections.ownedBy(personId), false);
    }

    /** Every selection, without a signed-in user (tasks for CHIEF_OFFICER/COMMITTEE). */
    List<Selection> allUnchecked() {
        return views(selections.all(null), false);
    }

    @Override
    @Transactional(readOnly = true)
    public Selection selection(long id) {
        SelectionRepository.Row row = requireRow(id);
        requireReaderOrOwner(row);
        return views(List.of(row), true).get(0);
    }

    @Override
    @Transactional
    public Selection select(SelectionDraft draft) {
        requireEditor();
        return selectUnchecked(draft);
    }

    Selection selectUnchecked(SelectionDraft draft) {
        MeasureView measure = requireMeasure(draft.measureId());
        if (selections.measureSelected(measure.id())) {
            throw new ConflictException("measure.selection.alreadySelected", (Object) measure.title());
        }
        SelectionRepository.Row row = validated(0, measure.id(), draft, null, null);
        long id = selections.insert(row);
        ledger.record("measure.selection.created", Subject.of("measure-selection", id), details(measure, row));
        return views(List.of(requireRow(id)), false).get(0);
    }

    @Override
    @Transactional
    public Selection update(long id, SelectionDraft draft, int expectedVersion) {
        requireEditor();
        SelectionRepository.Row current = requireRow(id);
        if (draft.measureId() != current.measureId()) {
            throw InvalidInputException.onField("measureId", "measure.selection.measureFixed");
        }
        SelectionRepository.Row row = validated(id, current.measureId(), draft, current.lastReviewed(), current);
        if (selections.update(row, expectedVersion) == 0) {
            throw new ConflictException("measure.selection.staleVersion");
        }
        ledger.record("measure.selection.updated", Subject.of("measure-selection", id),
                details(requireMeasure(current.measureId()), row));
        return views(List.of(requireRow(id)), true).get(0);
    }

    @Override
    @Transactional
    public Selection report(long id, StatusUpdate update) {
        SelectionRepository.Row current = requireRow(id);
        requireEditorOrOwner(current);
        if (update.status() == null) {
            throw InvalidInputException.onField("status", "measure.selection.statusRequired");
        }
        String reason = requireReason(update.status(), update.statusReason());
        LocalDate today = today();
        LocalDate lastReviewed = update.reviewed() ? today : current.lastReviewed();
        LocalDate nextReview = nextReview(current.status(), update.status(), update.reviewed(), current.nextReview(),
                current.reviewInterval(), today);
        String note = update.note() == null ? current.note() : text(update.note(), "note", MAX_TEXT);
        SelectionRepository.Row row = new SelectionRepository.Row(id, current.measureId(), current.levelCodes(),
                current.ownerPersonId(), update.status(), reason, current.dueDate(), current.reviewInterval(),
                lastReviewed, nextReview, note, current.version());
        if (selections.update(row, current.version()) == 0) {
            throw new ConflictException("measure.selection.staleVersion");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("from", current.status().name());
        details.put("to", update.status().name());
        details.put("reviewed", update.reviewed());
        if (reason != null) {
            details.put("reason", reason);
        }
        ledger.record("measure.selection.statusChanged", Subject.of("measure-selection", id), details);
        return views(List.of(requireRow(id)), true).get(0);
    }

    // ------------------------------------------------------------------ evidence

    @Override
    @Transactional
    public Evidence addLink(long selectionId, String label, String url) {
        requireEditorOrOwner(requireRow(selectionId));
        return addLinkUnchecked(selectionId, label, url, actorName());
    }

    Evidence addLinkUnchecked(long selectionId, String label, String url, String by) {
        String cleanUrl = text(url, "url", 1000);
        if (cleanUrl == null || !(cleanUrl.startsWith("https://") || cleanUrl.startsWith("http://"))) {
            throw InvalidInputException.onField("url", "measure.evidence.urlInvalid");
        }
        return addEvidence(new SelectionRepository.EvidenceRow(0, selectionId, EvidenceKind.LINK,
                label(label, cleanUrl), cleanUrl, null, null, null, null, null, by, null));
    }

    @Override
    @Transactional
    public Evidence addFile(long selectionId, String label, String fileName, InputStream content) {
        requireEditorOrOwner(requireRow(selectionId));
        return addFileUnchecked(selectionId, label, fileName, content, actorName());
    }

    Evidence addFileUnchecked(long selectionId, String label, String fileName, InputStream content, String by) {
        String name = text(fileName == null ? null : fileName.replaceAll("[\\\\/]", "_"), "file", 255);
        if (name == null) {
            throw InvalidInputException.onField("file", "measure.evidence.fileRequired");
        }
        EvidenceStore.Stored stored = store.store(selectionId, content);
        if (stored.size() == 0) {
            throw InvalidInputException.onField("file", "measure.evidence.fileRequired");
        }
        return addEvidence(new SelectionRepository.EvidenceRow(0, selectionId, EvidenceKind.FILE, label(label, name),
                null, name, stored.relativePath(), stored.sha256(), stored.size(), null, by, null));
    }

    @Override
    @Transactional
    public Evidence addComputed(long selectionId, String sourceKey) {
        requireEditorOrOwner(requireRow(selectionId));
        return addComputedUnchecked(selectionId, sourceKey, actorName());
    }

    Evidence addComputedUnchecked(long selectionId, String sourceKey, String by) {
        if (sourceKey == null || !sources.containsKey(sourceKey)) {
            throw InvalidInputException.onField("sourceKey", "measure.evidence.sourceUnknown", String.valueOf(sourceKey));
        }
        return addEvidence(new SelectionRepository.EvidenceRow(0, selectionId, EvidenceKind.COMPUTED, sourceKey, null,
                null, null, null, null, sourceKey, by, null));
    }

    private Evidence addEvidence(SelectionRepository.EvidenceRow row) {
        long id = selections.insertEvidence(row);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("evidence", id);
        details.put("kind", row.kind().name());
        details.put("label", row.label());
        if (row.sha256() != null) {
            details.put("sha256", row.sha256());
        }
        if (row.url() != null) {
            details.put("url", row.url());
        }
        ledger.record("measure.selection.evidenceAdded", Subject.of("measure-selection", row.selectionId()), details);
        return selections.evidenceOf(List.of(row.selectionId())).stream().filter(e -> e.id() == id)
                .map(e -> evidence(e, false)).findFirst().orElseThrow();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<StoredFile> file(long selectionId, long evidenceId) {
        requireReaderOrOwner(requireRow(selectionId));
        return selections.evidenceOf(List.of(selectionId)).stream()
                .filter(e -> e.id() == evidenceId && e.kind() == EvidenceKind.FILE)
                .map(e -> new StoredFile(e.fileName(), e.sha256(), e.sizeBytes(), store.resolve(e.storedPath())))
                .findFirst();
    }

    @Override
    @Transactional(readOnly = true)
    public List<EvidenceSummary> evidenceSources() {
        CurrentUser user = users.require();
        if (!user.hasAny(READERS)) {
            throw new AccessRefusedException("measure.selection.refused");
        }
        return sources.values().stream().map(EvidenceSource::current).toList();
    }

    // ------------------------------------------------------------------ coverage

    @Override
    @Transactional(readOnly = true)
    public Coverage coverage(String levelCode) {
        CurrentUser user = users.require();
        if (!user.hasAny(READERS)) {
            throw new AccessRefusedException("measure.selection.refused");
        }
        List<Level> levels = policy.levels();
        Level level = levels.stream().filter(l -> l.code().equals(levelCode)).findFirst()
                .orElseThrow(() -> new NotFoundException("measure.level.notFound", (Object) String.valueOf(levelCode)));
        int strictest = levels.stream().mapToInt(Level::rank).min().orElse(level.rank());
        Set<CoverageInput.Key> applicable = new HashSet<>();
        for (int[] c : catalog.applicableCells(catalog.versions().get(0).code())) {
            applicable.add(new CoverageInput.Key(Route.values()[c[0]], Purpose.of(c[1])));
        }
        Map<CoverageInput.Key, Integer> selected = new HashMap<>();
        Map<CoverageInput.Key, Integer> inPlace = new HashMap<>();
        Set<String> codes = new HashSet<>();
        for (SelectionRepository.Brief b : selections.briefs()) {
            if (!b.levelCodes().contains(levelCode) || b.status() == SelectionStatus.NOT_APPLICABLE) {
                continue;
            }
            if (b.code() != null) {
                codes.add(b.code());
            }
            CoverageInput.Key key = new CoverageInput.Key(Route.valueOf(b.route()), Purpose.of(b.purpose()));
            selected.merge(key, 1, Integer::sum);
            if (b.status().inPlace()) {
                inPlace.merge(key, 1, Integer::sum);
            }
        }
        boolean japanese = "ja".equals(user.locale() == null ? "ja" : user.locale().getLanguage());
        return coveragePolicy.evaluate(new CoverageInput(level.code(), japanese ? level.nameJa() : level.nameEn(),
                level.rank() > strictest, applicable, selected, inPlace, codes));
    }

    @Override
    @Transactional(readOnly = true)
    public long[] inPlaceAndSelected() {
        long inPlace = 0;
        long selected = 0;
        for (SelectionRepository.Brief b : selections.briefs()) {
            if (b.status() != SelectionStatus.NOT_APPLICABLE) {
                selected++;
                inPlace += b.status().inPlace() ? 1 : 0;
            }
        }
        return new long[] {inPlace, selected};
    }

    @Override
    @Transactional(readOnly = true)
    public Long ownerByEmployeeNumber(String employeeNumber) {
        requireEditor();
        if (employeeNumber == null || employeeNumber.isBlank()) {
            return null;
        }
        return directory.findPersonByEmployeeNumber(employeeNumber.strip()).map(PersonView::id)
                .orElseThrow(() -> InvalidInputException.onField("ownerEmployeeNumber", "measure.selection.ownerUnknown",
                        employeeNumber.strip()));
    }

    // ------------------------------------------------------------------ helpers

    private SelectionRepository.Row validated(long id, long measureId, SelectionDraft draft, LocalDate lastReviewed,
                                              SelectionRepository.Row current) {
        Set<String> known = policy.levels().stream().map(Level::code).collect(Collectors.toSet());
        List<String> levels = draft.levelCodes() == null ? List.of()
                : new ArrayList<>(new LinkedHashSet<>(draft.levelCodes().stream().filter(Objects::nonNull)
                .map(String::strip).filter(s -> !s.isEmpty()).toList()));
        if (levels.isEmpty()) {
            throw InvalidInputException.onField("levelCodes", "measure.selection.levelsRequired");
        }
        for (String l : levels) {
            if (!known.contains(l)) {
                throw InvalidInputException.onField("levelCodes", "measure.level.notFound", l);
            }
        }
        if (draft.ownerPersonId() != null && directory.findPerson(draft.ownerPersonId()).isEmpty()) {
            throw InvalidInputException.onField("ownerPersonId", "measure.selection.ownerUnknown", draft.ownerPersonId());
        }
        SelectionStatus status = draft.status() == null ? SelectionStatus.NOT_STARTED : draft.status();
        String reason = requireReason(status, draft.statusReason());
        Period interval = draft.reviewInterval() == null ? DEFAULT_REVIEW_INTERVAL : draft.reviewInterval();
        if (interval.isNegative() || interval.isZero()) {
            throw InvalidInputException.onField("reviewInterval", "measure.selection.intervalInvalid");
        }
        LocalDate today = today();
        LocalDate nextReview = current == null
                ? (status.inPlace() ? today.plus(interval) : null)
                : nextReview(current.status(), status, false, current.nextReview(), interval, today);
        if (current != null && !interval.equals(current.reviewInterval()) && current.lastReviewed() != null) {
            nextReview = current.lastReviewed().plus(interval);
        }
        return new SelectionRepository.Row(id, measureId, levels, draft.ownerPersonId(), status, reason,
                draft.dueDate(), interval, lastReviewed, nextReview, text(draft.note(), "note", MAX_TEXT),
                current == null ? 0 : current.version());
    }

    private static LocalDate nextReview(SelectionStatus from, SelectionStatus to, boolean reviewed, LocalDate next,
                                        Period interval, LocalDate today) {
        if (reviewed || (to.inPlace() && !from.inPlace() && next == null)) {
            return today.plus(interval);
        }
        return next;
    }

    private static String requireReason(SelectionStatus status, String reason) {
        String clean = text(reason, "statusReason", MAX_TEXT);
        if (status == SelectionStatus.NOT_APPLICABLE && clean == null) {
            throw InvalidInputException.onField("statusReason", "measure.selection.reasonRequired");
        }
        return status == SelectionStatus.NOT_APPLICABLE ? clean : null;
    }

    private static String text(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String s = value.strip();
        if (s.length() > max) {
            throw InvalidInputException.onField(field, "measure.text.tooLong", max);
        }
        return s;
    }

    private static String label(String label, String fallback) {
        String l = text(label, "label", 200);
        return l == null ? (fallback.length() > 200 ? fallback.substring(0, 200) : fallback) : l;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private Map<String, Object> details(MeasureView m, SelectionRepository.Row row) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("measure", m.code());
        d.put("catalogVersion", m.catalogVersion() == null ? "own" : m.catalogVersion());
        d.put("levels", row.levelCodes());
        d.put("status", row.status().name());
        if (row.ownerPersonId() != null) {
            d.put("owner", row.ownerPersonId());
        }
        if (row.statusReason() != null) {
            d.put("reason", row.statusReason());
        }
        if (row.dueDate() != null) {
            d.put("due", row.dueDate().toString());
        }
        d.put("reviewInterval", row.reviewInterval().toString());
        return d;
    }

    private MeasureView requireMeasure(long id) {
        return catalog.find(id).orElseThrow(() -> new NotFoundException("measure.measure.notFound", id));
    }

    private SelectionRepository.Row requireRow(long id) {
        return selections.find(id).orElseThrow(() -> new NotFoundException("measure.selection.notFound", id));
    }

    private CurrentUser requireEditor() {
        CurrentUser user = users.require();
        if (!user.hasAny(EDITORS)) {
            throw new AccessRefusedException("measure.selection.refused");
        }
        return user;
    }

    private void requireReaderOrOwner(SelectionRepository.Row row) {
        CurrentUser user = users.require();
        if (!user.hasAny(READERS) && !owns(user, row)) {
            throw new AccessRefusedException("measure.selection.refused");
        }
    }

    private void requireEditorOrOwner(SelectionRepository.Row row) {
        CurrentUser user = users.require();
        if (!user.hasAny(EDITORS) && !owns(user, row)) {
            throw new AccessRefusedException("measure.selection.refused");
        }
    }

    private static boolean owns(CurrentUser user, SelectionRepository.Row row) {
        return user.personId() != null && user.personId().equals(row.ownerPersonId());
    }

    private String actorName() {
        return users.current().map(CurrentUser::username).orElse("system");
    }

    private List<Selection> views(List<SelectionRepository.Row> rows, boolean computeEvidence) {
        Map<Long, List<Evidence>> evidence = new HashMap<>();
        for (SelectionRepository.EvidenceRow e : selections.evidenceOf(rows.stream().map(SelectionRepository.Row::id).toList())) {
            evidence.computeIfAbsent(e.selectionId(), k -> new ArrayList<>()).add(evidence(e, computeEvidence));
        }
        Map<Long, MeasureView> measures = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        List<Selection> out = new ArrayList<>();
        for (SelectionRepository.Row r : rows) {
            MeasureView m = measures.computeIfAbsent(r.measureId(), this::requireMeasure);
            String owner = r.ownerPersonId() == null ? null : names.computeIfAbsent(r.ownerPersonId(),
                    p -> directory.findPerson(p).map(PersonView::name).orElse("#" + p));
            out.add(new Selection(r.id(), m, r.levelCodes(), r.ownerPersonId(), owner, r.status(), r.statusReason(),
                    r.dueDate(), r.reviewInterval(), r.lastReviewed(), r.nextReview(), r.note(), r.version(),
                    evidence.getOrDefault(r.id(), List.of())));
        }
        return out;
    }

    private Evidence evidence(SelectionRepository.EvidenceRow e, boolean compute) {
        EvidenceSummary current = null;
        if (compute && e.kind() == EvidenceKind.COMPUTED && sources.containsKey(e.sourceKey())) {
            current = sources.get(e.sourceKey()).current();
        }
        return new Evidence(e.id(), e.selectionId(), e.kind(), e.label(), e.url(), e.fileName(), e.sha256(),
                e.sizeBytes(), e.sourceKey(), e.addedBy(), e.addedAt(), current);
    }
}
