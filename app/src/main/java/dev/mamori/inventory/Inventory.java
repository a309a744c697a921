package dev.mamori.inventory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.mamori.directory.DepartmentView;
import dev.mamori.directory.Directory;
import dev.mamori.directory.PersonView;
import dev.mamori.inventory.internal.AssetNameRule;
import dev.mamori.inventory.internal.AssetRepository;
import dev.mamori.inventory.internal.AssetRules;
import dev.mamori.inventory.internal.InventoryProperties;
import dev.mamori.inventory.internal.Lifecycle;
import dev.mamori.inventory.internal.RegisterFactsRepository;
import dev.mamori.inventory.internal.Viewer;
import dev.mamori.inventory.internal.Viewers;
import dev.mamori.ledger.Ledger;
import dev.mamori.ledger.LedgerEntry;
import dev.mamori.ledger.Subject;
import dev.mamori.platform.AccessRefusedException;
import dev.mamori.platform.CurrentUser;
import dev.mamori.platform.CurrentUsers;
import dev.mamori.platform.InvalidInputException;
import dev.mamori.platform.NotFoundException;
import dev.mamori.platform.Role;
import dev.mamori.policy.Level;
import dev.mamori.policy.Policy;

/**
 * The register's API: entries, their lifecycle and their designation. Every change is recorded in the
 * ledger and published as an event in the same transaction. Reads apply the viewer's visibility in SQL;
 * an entry at the highest level that the viewer may not see is reported as missing, exactly like an
 * id that does not exist.
 */
@Service
public class Inventory {

    private final AssetRepository assets;
    private final dev.mamori.inventory.internal.EvaluationRepository evaluations;
    private final dev.mamori.inventory.internal.DecisionRepository decisions;
    private final dev.mamori.inventory.internal.DeclarationRepository declarations;
    private final RegisterFactsRepository facts;
    private final Directory directory;
    private final Ledger ledger;
    private final ApplicationEventPublisher events;
    private final CurrentUsers users;
    private final InventoryProperties properties;
    private final Clock clock;
    private final Policy policy;
    private final Viewers viewers;
    private final dev.mamori.inventory.internal.DesignationLookup designationLookup;

    Inventory(AssetRepository assets, dev.mamori.inventory.internal.EvaluationRepository evaluations,
              dev.mamori.inventory.internal.DecisionRepository decisions,
              dev.mamori.inventory.internal.DeclarationRepository declarations, RegisterFactsRepository facts,
              Directory directory, Ledger ledger, ApplicationEventPublisher events,
              CurrentUsers users, InventoryProperties properties, Clock clock, Policy policy, Viewers viewers,
              dev.mamori.inventory.internal.DesignationLookup designationLookup) {
        this.designationLookup = designationLookup;
        this.assets = assets;
        this.evaluations = evaluations;
        this.decisions = decisions;
        this.declarations = declarations;
        this.facts = facts;
        this.directory = directory;
        this.ledger = ledger;
        this.events = events;
        this.users = users;
        this.properties = properties;
        this.clock = clock;
        this.policy = policy;
        this.viewers = viewers;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(Directory.JAPAN));
    }

    // ---------------------------------------------------------------- register

    /** Registers an entry in a department the current MANAGER manages. */
    @Transactional
    public long register(AssetDraft draft) {
        AssetRules.checkDraft(draft);
        Viewer viewer = viewer();
        checkDepartmentAndPerson(draft, viewer);
        return create(draft, details(draft), r -> ledger.record(r.action(), r.subject(), r.details()));
    }

    /** Inserts the entry; its record goes to {@code recorder} (the ledger, or a batch of an import). */
    private long create(AssetDraft draft, Map<String, Object> details,
                        java.util.function.Consumer<dev.mamori.ledger.AuditRecord> recorder) {
        long id = assets.insert(draft, today().plus(properties.reviewInterval()));
        recorder.accept(dev.mamori.ledger.AuditRecord.of("inventory.asset.registered", Subject.of("asset", id), details));
        events.publishEvent(new AssetEvents.AssetRegistered(id, draft.departmentId()));
        return id;
    }

    @Transactional
    public void update(long id, AssetDraft draft, int expectedVersion) {
        Viewer viewer = viewer();
        AssetRepository.Row before = requireVisible(id, viewer);
        requireEditable(before, viewer);
        Lifecycle.checkMove(before.stage(), before.stage());
        AssetRules.checkDraft(draft);
        checkDepartmentAndPerson(draft, viewer);
        assets.update(id, draft, expectedVersion);
        List<String> changed = changedFields(before, draft);
        Map<String, Object> d = details(draft);
        d.put("changed", changed);
        ledger.record("inventory.asset.updated", Subject.of("asset", id), d);
        events.publishEvent(new AssetEvents.AssetChanged(id, changed));
    }

    /** Moves an entry between 生成, 利用 and 保存. */
    @Transactional
    public void moveStage(long id, Stage to) {
        Viewer viewer = viewer();
        AssetRepository.Row row = requireVisible(id, viewer);
        requireEditable(row, viewer);
        if (to == null) {
            throw InvalidInputException.onField("stage", "inventory.lifecycle.stageRequired");
        }
        Lifecycle.checkMove(row.stage(), to);
        if (row.stage() == to) {
            return;
        }
        assets.updateStage(id, to);
        ledger.record("inventory.asset.stageChanged", Subject.of("asset", id),
                Map.of("from", row.stage().name(), "to", to.name()));
        events.publishEvent(new AssetEvents.AssetStageChanged(id, row.stage(), to));
    }

    /** Marks an entry as 不要情報: no longer needed, or another company's information we may no longer hold. */
    @Transactional
    public void markUnneeded(long id, String reason) {
        Viewer viewer = viewer();
        AssetRepository.Row row = requireVisible(id, viewer);
        requireEditable(row, viewer);
        Lifecycle.checkMarkUnneeded(row.stage(), row.unneeded(), reason);
        assets.markUnneeded(id, reason.strip());
        ledger.record("inventory.asset.markedUnneeded", Subject.of("asset", id), Map.of("reason", reason.strip()));
        events.publishEvent(new AssetEvents.AssetMarkedUnneeded(id));
    }

    /** Records the disposal of an entry marked 不要情報 (method, date, who, witness). */
    @Transactional
    public void dispose(long id, Disposal disposal) {
        Viewer viewer = viewer();
        AssetRepository.Row row = requireVisible(id, viewer);
        requireEditable(row, viewer);
        Lifecycle.checkDisposal(row.stage(), row.unneeded(), disposal, today());
        requireCurrentPerson(disposal.byPersonId(), "byPersonId");
        if (disposal.witnessPersonId() != null) {
            requireCurrentPerson(disposal.witnessPersonId(), "witnessPersonId");
        }
        assets.dispose(id, disposal);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("method", disposal.method());
        d.put("on", disposal.on().toString());
        d.put("byPersonId", disposal.byPersonId());
        d.put("witnessPersonId", disposal.witnessPersonId());
        ledger.record("inventory.asset.disposed", Subject.of("asset", id), d);
        events.publishEvent(new AssetEvents.AssetDisposed(id));
    }

    // ---------------------------------------------------------------- evaluation

    /**
     * Records an evaluation (every criterion scored with a rationale, the loss as a yen range); the
     * entry's next review moves one review interval ahead.
     */
    @Transactional
    public long evaluate(long id, EvaluationDraft draft) {
        Viewer viewer = viewer();
        AssetRepository.Row row = requireVisible(id, viewer);
        requireEditable(row, viewer);
        List<String> criteria = evaluations.criteria().stream().map(Criterion::code).toList();
        Set<Integer> scale = evaluations.scale().stream().map(ScaleStep::value).collect(Collectors.toSet());
        int total = dev.mamori.inventory.internal.EvaluationPolicy.check(draft, criteria, scale);
        long evaluationId = evaluations.insert(id, viewer.personId(), total, draft);
        LocalDate next = today().plus(properties.reviewInterval());
        evaluations.markLatest(id, evaluationId, next);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("evaluationId", evaluationId);
        d.put("total", total);
        d.put("scores", draft.scores().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().score())));
        d.put("lossMinYen", draft.lossMinYen());
        d.put("lossMaxYen", draft.lossMaxYen());
        d.put("nextReviewOn", next.toString());
        ledger.record("inventory.asset.evaluated", Subject.of("asset", id), d);
        events.publishEvent(new AssetEvents.AssetEvaluated(id, evaluationId, total));
        return evaluationId;
    }

    /** The entry's evaluations, newest first. */
    @Transactional(readOnly = true)
    public List<EvaluationView> evaluations(long id) {
        requireVisible(id, viewer());
        return evaluations.history(id).stream().map(e -> new EvaluationView(e.id(), e.assetId(), e.evaluatedByPersonId(),
                e.evaluatedByPersonId() == null ? null
                        : directory.findPerson(e.evaluatedByPersonId()).map(PersonView::name).orElse(null),
                e.evaluatedAt(), e.total(), e.lossMinYen(), e.lossMaxYen(), e.note(), e.scores())).toList();
    }

    /** The relative tier and absolute loss band of the entry's latest evaluation, if it has one. */
    @Transactional(readOnly = true)
    public Optional<Standing> standing(long id) {
        requireVisible(id, viewer());
        List<EvaluationView> history = evaluations.history(id);
        if (history.isEmpty() || assets.findById(id).map(r -> r.stage() == Stage.DISPOSED).orElse(true)) {
            return Optional.empty();
        }
        EvaluationView latest = history.get(0);
        double rank = evaluations.percentRank(id).orElse(0.0);
        return Optional.of(new Standing(dev.mamori.inventory.internal.EvaluationPolicy.tier(rank),
                dev.mamori.inventory.internal.EvaluationPolicy.lossBand(latest.lossMaxYen()), latest.lossMinYen(),
                latest.lossMaxYen(), latest.total()));
    }

    /**
     * Every evaluated entry the current user sees with its relative tier and absolute loss band — the
     * handbook's two views side by side (図表2(2)), highest first.
     */
    @Transactional(readOnly = true)
    public List<StandingEntry> standings() {
        Map<Long, String> names = new HashMap<>();
        directory.listDepartments().forEach(d -> names.put(d.id(), d.nameJa()));
        return assets.standings(viewer(), 1000).stream().map(r -> new StandingEntry(r.id(), r.name(),
                names.get(r.departmentId()), new Standing(dev.mamori.inventory.internal.EvaluationPolicy.tier(r.percentRank()),
                dev.mamori.inventory.internal.EvaluationPolicy.lossBand(r.lossMaxYen()), r.lossMinYen(), r.lossMaxYen(),
                r.total()), r.levelId(), r.percentRank())).toList();
    }

    @Transactional(readOnly = true)
    public List<Criterion> criteria() {
        return evaluations.criteria();
    }

    @Transactional(readOnly = true)
    public List<ScaleStep> scale() {
        return evaluations.scale();
    }

    /** The review interval in force (setting {@code mamori.inventory.review-interval}). */
    public java.time.Period reviewInterval() {
        return properties.reviewInterval();
    }

    // ---------------------------------------------------------------- deciding what is secret

    /**
     * Mamori's recommendation for the entry from the answers; the expected loss defaults to the upper end
     * of the latest evaluation.
     */
    @Transactional(readOnly = true)
    public SecrecyRecommendation recommend(long id, SecrecyAnswers answers) {
        AssetRepository.Row row = requireVisible(id, viewer());
        return dev.mamori.inventory.internal.SecrecyDecisionPolicy.recommend(row.kind(), row.regimes(),
                withExpectedLoss(id, answers));
    }

    /** Records the decision of the entry's 管理責任者 with the reason; the recommendation is kept beside it. */
    @Transactional
    public long decide(long id, SecrecyAnswers answers, SecrecyOutcome chosen, String reason) {
        Viewer viewer = viewer();
        AssetRepository.Row row = requireVisible(id, viewer);
        requireResponsible(row, viewer);
        if (chosen == null) {
            throw InvalidInputException.onField("chosen", "inventory.decision.outcomeRequired");
        }
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.onField("reason", "inventory.decision.reasonRequired");
        }
        SecrecyAnswers complete = withExpectedLoss(id, answers);
        SecrecyRecommendation r = dev.mamori.inventory.internal.SecrecyDecisionPolicy.recommend(row.kind(), row.regimes(), complete);
        long decisionId = decisions.insert(id, complete, r.outcome(), chosen, reason.strip(), viewer.personId());
        ledger.record("inventory.asset.secrecyDecided", Subject.of("asset", id), Map.of("decisionId", decisionId,
                "recommended", r.outcome().name(), "chosen", chosen.name(), "reason", reason.strip()));
        events.publishEvent(new AssetEvents.AssetSecrecyDecided(id, chosen));
        return decisionId;
    }

    /**
     * The newest evaluation of each of the entries (those without one are left out, and so are entries the current
     * user does not see), by entry id; without the evaluator's name. Two queries whatever the number of entries
     * (for measure's readiness of every secret).
     */
    @Transactional(readOnly = true)
    public Map<Long, EvaluationView> latestEvaluations(java.util.Collection<Long> ids) {
        return ids.isEmpty() ? Map.of() : evaluations.latestOf(assets.visibleAmong(ids, viewer()));
    }

    /** {@link #latestEvaluations} for secrecy decisions: the newest of each entry, without the decider's name. */
    @Transactional(readOnly = true)
    public Map<Long, DecisionView> latestDecisions(java.util.Collection<Long> ids) {
        return ids.isEmpty() ? Map.of() : decisions.latestOf(assets.visibleAmong(ids, viewer()));
    }

    @Transactional(readOnly = true)
    public List<DecisionView> decisions(long id) {
        requireVisible(id, viewer());
        return decisions.history(id).stream().map(d -> new DecisionView(d.id(), d.answers(), d.recommended(), d.chosen(),
                d.reason(), d.decidedByPersonId(), d.decidedByPersonId() == null ? null
                : directory.findPerson(d.decidedByPersonId()).map(PersonView::name).orElse(null), d.decidedAt())).toList();
    }

    private SecrecyAnswers withExpectedLoss(long id, SecrecyAnswers a) {
        SecrecyAnswers answers = a == null ? new SecrecyAnswers(null, null, null, null, null, null, null, null, null, null) : a;
        if (answers.expectedLossYen() != null) {
            return answers;
        }
        List<EvaluationView> history = evaluations.history(id);
        return history.isEmpty() ? answers : new SecrecyAnswers(answers.revealedByProductAnalysis(),
                answers.infringementHardToDetect(), answers.leakBreachesLawOrContract(), answers.infrastructureOrStandard(),
                answers.ownAndWeakensUs(), answers.sharedDataForPartners(), answers.managementCostYen(),
                answers.litigationCostYen(), history.get(0).lossMaxYen(), answers.lossRecoverable());
    }

    // ---------------------------------------------------------------- declarations (申告)

    /** Any employee declares information; it goes to the 管理責任者 of their primary department. */
    @Transactional
    public long declare(DeclarationDraft draft) {
        CurrentUser user = users.require();
        if (user.personId() == null) {
            throw new InvalidInputException("inventory.declaration.noPerson");
        }
        if (draft.title() == null || draft.title().isBlank()) {
            throw InvalidInputException.onField("title", "inventory.asset.nameRequired");
        }
        if (draft.kind() == null || draft.form() == null || draft.origin() == null) {
            throw InvalidInputException.onField("kind", "inventory.declaration.incomplete");
        }
        PersonView person = directory.findPerson(user.personId()).filter(p -> p.primaryDepartment() != null)
                .orElseThrow(() -> new InvalidInputException("inventory.declaration.noDepartment"));
        long departmentId = person.primaryDepartment().id();
        long id = declarations.insert(person.id(), departmentId, draft, today());
        ledger.record("inventory.declaration.submitted", Subject.of("declaration", id),
                Map.of("title", draft.title().strip(), "departmentId", departmentId));
        events.publishEvent(new AssetEvents.DeclarationSubmitted(id, departmentId));
        return id;
    }

    /** Declarations the current user may see: their own and those to handle, open ones first. */
    @Transactional(readOnly = true)
    public List<DeclarationView> declarations() {
        Viewer viewer = viewer();
        return declarations.visible(viewer).stream().map(this::named).toList();
    }

    @Transactional(readOnly = true)
    public boolean canHandle(DeclarationView d) {
        return d.open() && viewer().managedDepartments().contains(d.departmentId());
    }

    /**
     * The department's 管理責任者 designates a declaration: it becomes a register entry with the handler
     * as its 管理責任者, designated at once.
     */
    @Transactional
    public long designateDeclaration(long declarationId, DesignationDraft designation) {
        DeclarationView d = requireHandleable(declarationId);
        Viewer viewer = viewer();
        long assetId = register(new AssetDraft(d.title(), d.description(), d.departmentId(), viewer.personId(), d.kind(),
                null, List.of(new FormEntry(d.form(), d.location())), d.origin(), d.originParty(), null, null));
        designate(assetId, designation);
        declarations.handle(declarationId, "DESIGNATED", viewer.personId(), today(), designation.reason(), assetId);
        ledger.record("inventory.declaration.designated", Subject.of("declaration", declarationId), Map.of("assetId", assetId));
        events.publishEvent(new AssetEvents.DeclarationDesignated(declarationId, assetId));
        return assetId;
    }

    @Transactional
    public void rejectDeclaration(long declarationId, String reason) {
        DeclarationView d = requireHandleable(declarationId);
        AssetRules.checkReason(reason);
        declarations.handle(declarationId, "REJECTED", viewer().personId(), today(), reason.strip(), null);
        ledger.record("inventory.declaration.rejected", Subject.of("declaration", declarationId), Map.of("reason", reason.strip()));
        events.publishEvent(new AssetEvents.DeclarationRejected(d.id()));
    }

    /**
     * Reminds the managers of every declaration left unanswered for the configured number of days (and
     * again after as many days); returns the declarations reminded. Run by the scheduled job.
     */
    @Transactional
    public List<Long> remindUnansweredDeclarations() {
        LocalDate today = today();
        List<Long> reminded = new ArrayList<>();
        for (DeclarationView d : declarations.dueForReminder(today, properties.declarationReminderDays())) {
            declarations.markReminded(d.id(), today);
            ledger.record("inventory.declaration.reminded", Subject.of("declaration", d.id()),
                    Map.of("departmentId", d.departmentId(), "declaredOn", d.declaredOn().toString()));
            events.publishEvent(new AssetEvents.DeclarationReminderDue(d.id(), d.departmentId()));
            reminded.add(d.id());
        }
        return reminded;
    }

    public int declarationReminderDays() {
        return properties.declarationReminderDays();
    }

    private DeclarationView requireHandleable(long id) {
        Viewer viewer = viewer();
        DeclarationView d = declarations.findById(id)
                .orElseThrow(() -> new NotFoundException("inventory.declaration.notFound", String.valueOf(id)));
        if (!viewer.managedDepartments().contains(d.departmentId())) {
            if (viewer.seesAll() || Objects.equals(viewer.personId(), d.declarantPersonId())) {
                throw new AccessRefusedException("inventory.declaration.notHandler");
            }
            throw new NotFoundException("inventory.declaration.notFound", String.valueOf(id));
        }
        if (!d.open()) {
            throw new dev.mamori.platform.ConflictException("inventory.declaration.alreadyHandled");
        }
        return d;
    }

    private DeclarationView named(DeclarationView d) {
        String who = directory.findPerson(d.declarantPersonId()).map(PersonView::name).orElse(null);
        String dept = directory.listDepartments().stream().filter(x -> x.id() == d.departmentId()).map(DepartmentView::nameJa)
                .findFirst().orElse(null);
        return new DeclarationView(d.id(), d.declarantPersonId(), who, d.departmentId(), dept, d.title(), d.description(),
                d.kind(), d.form(), d.location(), d.origin(), d.originParty(), d.status(), d.handledByPersonId(),
                d.handledOn(), d.handlingReason(), d.assetId(), d.declaredOn(), d.remindedOn());
    }

    // ---------------------------------------------------------------- designation

    /**
     * Designates an entry as a secret, or changes its designation (a change of level is a
     * reclassification and needs a reason). Only the entry's 管理責任者 designates.
     */
    @Transactional
    public void designate(long id, DesignationDraft draft) {
        Viewer viewer = viewer();
        AssetRepository.Row row = requireVisible(id, viewer);
        requireResponsible(row, viewer);
        if (row.stage() == Stage.DISPOSED) {
            throw new InvalidInputException("inventory.lifecycle.disposed");
        }
        Map<String, Level> levels = levelsById();
        AssetRules.checkDesignation(draft, draft.levelId() != null && levels.containsKey(draft.levelId()), today());
        if (!Objects.equals(row.levelId(), draft.levelId())) {
            refuseLevelBeingMerged(draft.levelId());
        }
        boolean reclassified = row.levelId() != null && !row.levelId().equals(draft.levelId());
        if (reclassified) {
            AssetRules.checkReason(draft.reason());
        }
        checkHolders(draft.holders());
        String marking = draft.marking() == null || draft.marking().isBlank()
                ? levels.get(draft.levelId()).marking() : draft.marking().strip();
        assets.designate(id, draft, marking, viewer.personId(), today());
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("levelId", draft.levelId());
        d.put("previousLevelId", row.levelId());
        d.put("holders", draft.holders().stream().map(h -> h.kind() + ":" + h.ref()).toList());
        d.put("secretUntil", draft.secretUntil() == null ? null : draft.secretUntil().toString());
        d.put("secretUntilEvent", draft.secretUntilEvent());
        d.put("marking", marking);
        d.put("reason", draft.reason());
        if (reclassified) {
            ledger.record("inventory.asset.reclassified", Subject.of("asset", id), d);
            events.publishEvent(new AssetEvents.AssetReclassified(id, row.levelId(), draft.levelId()));
        } else {
            ledger.record("inventory.asset.designated", Subject.of("asset", id), d);
            events.publishEvent(new AssetEvents.AssetDesignated(id, draft.levelId()));
        }
        publishHoldersAdded(row, draft);
    }

    /** People newly made holders (directly or through a project group), for the agreement module's pledges. */
    private void publishHoldersAdded(AssetRepository.Row row, DesignationDraft draft) {
        Set<AccessHolder> before = new HashSet<>(row.holders());
        Map<Long, String> groupNames = assets.groups();
        List<AssetEvents.AccessHoldersAdded.Holder> added = new ArrayList<>();
        for (AccessHolder h : draft.holders().stream().distinct().toList()) {
            if (before.contains(h)) {
                continue;
            }
            if (h.kind() == AccessHolder.Kind.PERSON) {
                added.add(new AssetEvents.AccessHoldersAdded.Holder(Long.parseLong(h.ref()), null, null));
            } else if (h.kind() == AccessHolder.Kind.GROUP) {
                long group = Long.parseLong(h.ref());
                assets.groupMembers(group).forEach(p -> added.add(
                        new AssetEvents.AccessHoldersAdded.Holder(p, group, groupNames.get(group))));
            }
        }
        if (!added.isEmpty()) {
            events.publishEvent(new AssetEvents.AccessHoldersAdded(row.id(), row.name(), draft.levelId(), added));
        }
    }

    /** Ends the secrecy of an entry (指定の解除) with a reason. */
    @Transactional
    public void declassify(long id, String reason) {
        Viewer viewer = viewer();
        AssetRepository.Row row = requireVisible(id, viewer);
        requireResponsible(row, viewer);
        if (row.levelId() == null) {
            throw new InvalidInputException("inventory.designation.notDesignated");
        }
        AssetRules.checkReason(reason);
        assets.declassify(id);
        ledger.record("inventory.asset.declassified", Subject.of("asset", id),
                Map.of("previousLevelId", row.levelId(), "reason", reason.strip()));
        events.publishEvent(new AssetEvents.AssetDeclassified(id, row.levelId()));
    }

    /** Creates a named project group whose members can be access holders together. */
    @Transactional
    public long createProjectGroup(String name, List<Long> memberPersonIds) {
        CurrentUser user = users.require();
        if (!user.hasAny(Role.MANAGER, Role.CHIEF_OFFICER)) {
            throw new AccessRefusedException("inventory.group.refused");
        }
        if (name == null || name.isBlank()) {
            throw InvalidInputException.onField("name", "inventory.group.nameRequired");
        }
        for (Long p : memberPersonIds) {
            requireCurrentPerson(p, "members");
        }
        long id = assets.createGroup(name.strip(), memberPersonIds);
        ledger.record("inventory.group.created", Subject.of("projectGroup", id),
                Map.of("name", name.strip(), "members", memberPersonIds));
        return id;
    }

    // ---------------------------------------------------------------- level reviews (changes of the scheme)

    /** The review the entry awaits because its level is being merged away, if any. */
    @Transactional(readOnly = true)
    public Optional<LevelReview> pendingLevelReview(long id) {
        return levelReviewOf(requireVisible(id, viewer()));
    }

    /**
     * The entry's 管理責任者 answers a level review: confirms the proposed level or chooses another, with a
     * reason. The entry is reclassified through {@link #designate} (ledger and history) keeping its access
     * holders and secrecy period; its marking follows the new level unless the entry had its own.
     */
    @Transactional
    public void reviewLevel(long id, String levelId, String reason) {
        Viewer viewer = viewer();
        AssetRepository.Row row = requireVisible(id, viewer);
        requireResponsible(row, viewer);
        LevelReview review = levelReviewOf(row)
                .orElseThrow(() -> new dev.mamori.platform.ConflictException("inventory.levelReview.none"));
        String chosen = levelId == null || levelId.isBlank() ? review.proposedLevelId() : levelId.strip();
        if (chosen.equals(review.fromLevelId())) {
            throw InvalidInputException.onField("levelId", "inventory.levelReview.sameLevel");
        }
        AssetRules.checkReason(reason);
        Level from = levelsById().get(review.fromLevelId());
        String marking = from != null && from.marking().equals(row.marking()) ? null : row.marking();
        designate(id, new DesignationDraft(chosen, row.holders(), row.secretUntil(), row.secretUntilEvent(), marking,
                reason));
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("changeId", review.changeId());
        d.put("fromLevelId", review.fromLevelId());
        d.put("proposedLevelId", review.proposedLevelId());
        d.put("chosenLevelId", chosen);
        d.put("confirmed", chosen.equals(review.proposedLevelId()));
        d.put("reason", reason.strip());
        ledger.record("inventory.asset.levelReviewed", Subject.of("asset", id), d);
    }

    private Optional<LevelReview> levelReviewOf(AssetRepository.Row row) {
        if (row.levelId() == null || row.stage() == Stage.DISPOSED) {
            return Optional.empty();
        }
        return policy.openMergeFrom(row.levelId()).map(c -> new LevelReview(c.id(), c.fromCode(), c.intoCode(),
                c.reviewBy(), c.reason()));
    }

    /** A level that is being merged away takes no further entries. */
    private void refuseLevelBeingMerged(String levelId) {
        if (levelId != null && policy.openMergeFrom(levelId).isPresent()) {
            throw InvalidInputException.onField("levelId", "inventory.designation.levelBeingMerged", levelId);
        }
    }

    // ---------------------------------------------------------------- reads

    /** One entry the current user may see. */
    @Transactional(readOnly = true)
    public AssetView asset(long id) {
        return view(List.of(requireVisible(id, viewer()))).get(0);
    }

    /**
     * One entry when the current user may see it in the register; empty when it does not exist or they may not see
     * it. Unlike {@link #asset(long)} it throws nothing, so a caller can ask inside its own transaction without that
     * transaction being marked rollback-only.
     */
    @Transactional(readOnly = true)
    public Optional<AssetView> findAsset(long id) {
        Viewer viewer = viewer();
        return assets.findById(id).filter(r -> assets.visible(id, viewer)).map(r -> view(List.of(r)).get(0));
    }

    @Transactional(readOnly = true)
    public AssetPage search(AssetQuery query, int page, int size) {
        int safeSize = Math.min(Math.max(size, 1), 200);
        int safePage = Math.max(page, 0);
        List<Long> departmentFilter = query.departmentId() == null ? null
                : List.copyOf(directory.departmentSubtree(query.departmentId()));
        AssetRepository.Found found = assets.search(query, viewer(), departmentFilter, safePage, safeSize);
        return new AssetPage(view(found.rows()), safePage, safeSize, found.total());
    }

    /** Which of the entries the current user sees in the register (unknown ids are simply not among them). */
    @Transactional(readOnly = true)
    public Set<Long> visibleEntries(Collection<Long> ids) {
        return ids.isEmpty() ? Set.of() : assets.visibleAmong(ids, viewer());
    }

    /** Whether the current user may change the entry (a MANAGER of its department who sees it). */
    @Transactional(readOnly = true)
    public boolean canEdit(long id) {
        Viewer viewer = viewer();
        return assets.findById(id).filter(r -> assets.visible(id, viewer))
                .map(r -> viewer.managedDepartments().contains(r.departmentId()) && r.stage() != Stage.DISPOSED)
                .orElse(false);
    }

    /** Whether the current user is the entry's 管理責任者 (who designates it). */
    @Transactional(readOnly = true)
    public boolean canDesignate(long id) {
        Viewer viewer = viewer();
        return assets.findById(id).map(r -> Objects.equals(r.responsiblePersonId(), viewer.personId())).orElse(false);
    }

    /** The entry's audit trail, newest first. */
    @Transactional(readOnly = true)
    public List<LedgerEntry> timeline(long id) {
        requireVisible(id, viewer());
        List<LedgerEntry> entries = new ArrayList<>(ledger.historyOf(Subject.of("asset", id)));
        Collections.reverse(entries);
        return entries;
    }

    /** The policy module's classification levels, strictest first. */
    public List<Level> levels() {
        return policy.levels();
    }

    @Transactional(readOnly = true)
    public Map<Long, String> projectGroups() {
        return assets.groups();
    }

    @Transactional(readOnly = true)
    public long countVisible() {
        return assets.countVisible(viewer());
    }

    /** Entries visible to the current user whose review date has passed. */
    @Transactional(readOnly = true)
    public long countReviewOverdue() {
        return assets.countReviewOverdue(viewer(), today());
    }

    /** Designated entries visible to the current user whose secrecy end date has passed. */
    @Transactional(readOnly = true)
    public long countSecrecyEnded() {
        return assets.countSecrecyEnded(viewer(), today());
    }

    /** The naming warning for a proposed name, if any, as a message key. */
    public Optional<String> nameWarning(String name) {
        return AssetNameRule.check(name).map(AssetNameRule.Warning::messageKey);
    }

    /** Departments the current user may register entries in. */
    @Transactional(readOnly = true)
    public List<DepartmentView> registrableDepartments() {
        Set<Long> managed = viewer().managedDepartments();
        return directory.listDepartments().stream().filter(d -> d.active() && managed.contains(d.id())).toList();
    }

    // ---------------------------------------------------------------- for other modules' readiness checks
    // (added for measure's trade-secret readiness; reads only, with the same visibility as asset(id))

    /**
     * The people who hold access to an entry the current user sees: named people, the current members of
     * holding departments (with their sub-departments) and of holding project groups. Role holders are not
     * people and are left out (they are in the entry's holders). Refused as not found like {@link #asset}.
     */
    @Transactional(readOnly = true)
    public Set<Long> holderPeople(long id) {
        AssetView asset = asset(id);
        Set<Long> people = new java.util.HashSet<>();
        Set<Long> departments = new java.util.HashSet<>();
        List<Long> groups = new ArrayList<>();
        for (AccessHolder h : asset.holders()) {
            switch (h.kind()) {
                case PERSON -> people.add(Long.parseLong(h.ref()));
                case DEPARTMENT -> departments.addAll(directory.departmentSubtree(Long.parseLong(h.ref())));
                case GROUP -> groups.add(Long.parseLong(h.ref()));
                case ROLE -> {
                    // accounts, not people
                }
            }
        }
        people.addAll(assets.groupMembers(groups));
        if (!departments.isEmpty()) {
            directory.forEachPerson(500, page -> page.stream().filter(p -> p.status().current())
                    .filter(p -> p.departments().stream().anyMatch(d -> departments.contains(d.id())))
                    .forEach(p -> people.add(p.id())));
        }
        return people;
    }

    // ---------------------------------------------------------------- import and export (取込・出力)

    /**
     * Departments the current user may import entries into: every active one for an administrator, the
     * 統括責任者 and the committee; for a MANAGER those of their departments' subtree.
     */
    @Transactional(readOnly = true)
    public List<DepartmentView> importableDepartments() {
        Set<Long> scope = importScope(requireImporter());
        return directory.listDepartments().stream().filter(d -> d.active() && (scope == null || scope.contains(d.id())))
                .toList();
    }

    /** What importing the entries would do, one outcome per entry in order; nothing is changed. */
    @Transactional(readOnly = true)
    public List<ImportedEntry.Outcome> planImport(List<ImportedEntry> entries) {
        return plan(entries).stream().map(Planned::outcome).toList();
    }

    /**
     * Imports the entries: each is registered (through the same path, records and events as
     * {@link #register}, at the start of the lifecycle and not designated) or, when an entry of that name
     * already exists in the department, updated like {@link #update}; unchanged entries are left alone.
     * When any entry is refused, nothing is changed and the first refusal is thrown.
     */
    @Transactional
    public List<ImportedEntry.Outcome> applyImport(List<ImportedEntry> entries) {
        List<Planned> plans = plan(entries);
        for (Planned p : plans) {
            ImportedEntry.Outcome o = p.outcome();
            if (o.action() == ImportedEntry.Action.REFUSED) {
                throw new InvalidInputException(o.messageKey(), o.field(), o.args().toArray());
            }
        }
        List<dev.mamori.ledger.AuditRecord> records = new ArrayList<>();
        List<ImportedEntry.Outcome> done = new ArrayList<>();
        for (Planned p : plans) {
            ImportedEntry.Outcome o = p.outcome();
            Map<String, Object> d = details(p.draft());
            d.put("imported", factDetails(p.facts()));
            if (o.action() == ImportedEntry.Action.CREATE) {
                long id = create(p.draft(), d, records::add);
                facts.record(id, p.facts());
                done.add(new ImportedEntry.Outcome(o.action(), id, List.of(), null, null, null));
            } else if (o.action() == ImportedEntry.Action.CHANGE) {
                assets.update(o.assetId(), p.draft(), p.version());
                facts.record(o.assetId(), p.facts());
                d.put("changed", o.changed());
                records.add(dev.mamori.ledger.AuditRecord.of("inventory.asset.updated", Subject.of("asset", o.assetId()), d));
                events.publishEvent(new AssetEvents.AssetChanged(o.assetId(), o.changed()));
                done.add(o);
            } else {
                done.add(o);
            }
        }
        ledger.recordAll(records);
        return done;
    }

    /**
     * {@link #holderPeople(long)} of many entries at once, by entry id; entries the current user does not see are
     * left out. One pass over the people and one query per project group, whatever the number of entries (for
     * measure's readiness of every secret).
     */
    @Transactional(readOnly = true)
    public Map<Long, Set<Long>> holderPeople(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Set<Long> visible = assets.visibleAmong(ids, viewer());
        List<AssetRepository.Row> rows = new ArrayList<>();
        for (Long id : ids) {
            if (visible.contains(id)) {
                assets.findById(id).ifPresent(rows::add);
            }
        }
        List<AssetView> views = view(rows);
        Map<Long, Set<Long>> subtrees = new HashMap<>();
        Map<Long, List<Long>> groupMembers = new HashMap<>();
        for (AssetView a : views) {
            for (AccessHolder h : a.holders()) {
                if (h.kind() == AccessHolder.Kind.DEPARTMENT) {
                    subtrees.computeIfAbsent(Long.parseLong(h.ref()), directory::departmentSubtree);
                } else if (h.kind() == AccessHolder.Kind.GROUP) {
                    groupMembers.computeIfAbsent(Long.parseLong(h.ref()), assets::groupMembers);
                }
            }
        }
        // the current members of every department named as a holder, in one pass over the people
        Map<Long, Set<Long>> membersOfDepartment = new HashMap<>();
        if (!subtrees.isEmpty()) {
            Set<Long> wanted = subtrees.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
            directory.forEachPerson(500, page -> page.stream().filter(p -> p.status().current())
                    .forEach(p -> p.departments().stream().filter(d -> wanted.contains(d.id()))
                            .forEach(d -> membersOfDepartment.computeIfAbsent(d.id(), k -> new HashSet<>()).add(p.id()))));
        }
        Map<Long, Set<Long>> result = new LinkedHashMap<>();
        for (AssetView a : views) {
            Set<Long> people = new HashSet<>();
            for (AccessHolder h : a.holders()) {
                long ref = h.kind() == AccessHolder.Kind.ROLE ? 0 : Long.parseLong(h.ref());
                switch (h.kind()) {
                    case PERSON -> people.add(ref);
                    case DEPARTMENT -> subtrees.get(ref).forEach(d -> people.addAll(membersOfDepartment.getOrDefault(d, Set.of())));
                    case GROUP -> people.addAll(groupMembers.get(ref));
                    case ROLE -> {
                        // accounts, not people
                    }
                }
            }
            result.put(a.id(), people);
        }
        return result;
    }

    /** What the entry keeps beside the register's fields (registration date, retention, imported hints). */
    @Transactional(readOnly = true)
    public ImportedFacts importedFacts(long id) {
        requireVisible(id, viewer());
        return facts.find(List.of(id)).get(id).facts();
    }

    /**
     * Hands every entry the current user sees that matches the query to {@code sink}, {@code batchSize} at
     * a time in the list's order (name, then id) — the same visibility and filters as {@link #search}.
     */
    @Transactional(readOnly = true)
    public void forEachVisible(AssetQuery query, int batchSize, java.util.function.Consumer<List<AssetView>> sink) {
        Viewer viewer = viewer();
        List<Long> departmentFilter = query.departmentId() == null ? null
                : List.copyOf(directory.departmentSubtree(query.departmentId()));
        int size = Math.min(Math.max(batchSize, 1), 1000);
        AssetRepository.Row last = null;
        while (true) {
            List<AssetRepository.Row> rows = assets.searchAfter(query, viewer, departmentFilter,
                    last == null ? null : last.name(), last == null ? null : last.id(), size);
            if (rows.isEmpty()) {
                return;
            }
            sink.accept(view(rows));
            if (rows.size() < size) {
                return;
            }
            last = rows.get(rows.size() - 1);
        }
    }

    /** An import entry checked against the register: the outcome, and what to write for it. */
    private record Planned(ImportedEntry.Outcome outcome, AssetDraft draft, ImportedFacts facts, int version) {
    }

    private Viewer requireImporter() {
        if (!users.require().hasAny(Role.SYSTEM_ADMIN, Role.CHIEF_OFFICER, Role.COMMITTEE, Role.MANAGER)) {
            throw new AccessRefusedException("inventory.import.refused");
        }
        return viewer();
    }

    /** Null: every department; else the departments a MANAGER manages (with their sub-departments). */
    private Set<Long> importScope(Viewer viewer) {
        return users.require().hasAny(Role.SYSTEM_ADMIN, Role.CHIEF_OFFICER, Role.COMMITTEE) ? null
                : viewer.managedDepartments();
    }

    /** Checks the entries against the register, looking up what they need once for all of them. */
    private List<Planned> plan(List<ImportedEntry> entries) {
        Viewer viewer = requireImporter();
        Set<Long> scope = importScope(viewer);
        List<DepartmentView> departments = directory.listDepartments();
        List<AssetRepository.ImportKey> keys = entries.stream()
                .filter(e -> e.draft().name() != null && !e.draft().name().isBlank() && e.draft().departmentId() != null)
                .map(e -> new AssetRepository.ImportKey(e.draft().name().strip(), e.draft().departmentId())).distinct()
                .toList();
        Map<AssetRepository.ImportKey, List<AssetRepository.Row>> matches = assets.findForImport(keys, viewer);
        Map<Long, RegisterFactsRepository.Extras> extras = facts.find(matches.values().stream().flatMap(List::stream)
                .map(AssetRepository.Row::id).toList());
        Map<Long, Optional<PersonView>> people = new HashMap<>();
        ImportLookups lookups = new ImportLookups(scope, departments, matches, extras,
                id -> people.computeIfAbsent(id, directory::findPerson));
        return entries.stream().map(e -> plan(e, lookups)).toList();
    }

    /** What planning an import needs, looked up once per batch. */
    private record ImportLookups(Set<Long> scope, List<DepartmentView> departments,
                                 Map<AssetRepository.ImportKey, List<AssetRepository.Row>> matches,
                                 Map<Long, RegisterFactsRepository.Extras> extras,
                                 java.util.function.Function<Long, Optional<PersonView>> people) {
    }

    private Planned plan(ImportedEntry e, ImportLookups lookups) {
        AssetDraft d = e.draft();
        try {
            if (d.name() == null || d.name().isBlank()) {
                throw InvalidInputException.onField("name", "inventory.asset.nameRequired");
            }
            if (d.departmentId() == null) {
                throw InvalidInputException.onField("departmentId", "inventory.asset.departmentRequired");
            }
            checkDepartment(d.departmentId(), lookups.scope(), lookups.departments());
            List<AssetRepository.Row> matches = lookups.matches()
                    .getOrDefault(new AssetRepository.ImportKey(d.name().strip(), d.departmentId()), List.of());
            if (matches.size() > 1) {
                throw InvalidInputException.onField("name", "inventory.import.ambiguous", d.name().strip());
            }
            AssetRepository.Row before = matches.isEmpty() ? null : matches.get(0);
            if (before == null) {
                AssetDraft draft = normalised(d, d.responsiblePersonId() != null ? d.responsiblePersonId()
                        : e.defaultResponsiblePersonId());
                AssetRules.checkDraft(draft);
                requireCurrentPerson(lookups.people().apply(draft.responsiblePersonId()), draft.responsiblePersonId(),
                        "responsiblePersonId");
                return new Planned(new ImportedEntry.Outcome(ImportedEntry.Action.CREATE, null, List.of(), null, null,
                        null), draft, e.facts(), 0);
            }
            AssetDraft draft = merged(before, e);
            AssetRules.checkDraft(draft);
            if (draft.responsiblePersonId() != before.responsiblePersonId()) {
                requireCurrentPerson(lookups.people().apply(draft.responsiblePersonId()), draft.responsiblePersonId(),
                        "responsiblePersonId");
            }
            ImportedFacts old = lookups.extras().get(before.id()).facts();
            ImportedFacts now = mergedFacts(old, e);
            List<String> changed = new ArrayList<>(changedFields(before, draft));
            if (!Objects.equals(old.registeredOn(), now.registeredOn())) changed.add("registeredOn");
            if (!Objects.equals(old.retention(), now.retention())) changed.add("retention");
            if (!Objects.equals(old.accessHint(), now.accessHint())) changed.add("accessHint");
            if (!Objects.equals(List.of(opt(old.confidentiality()), opt(old.integrity()), opt(old.availability()),
                    opt(old.importance())), List.of(opt(now.confidentiality()), opt(now.integrity()),
                    opt(now.availability()), opt(now.importance())))) changed.add("hints");
            ImportedEntry.Action action = changed.isEmpty() ? ImportedEntry.Action.UNCHANGED : ImportedEntry.Action.CHANGE;
            return new Planned(new ImportedEntry.Outcome(action, before.id(), changed, null, null, null), draft, now,
                    before.version());
        } catch (InvalidInputException | AccessRefusedException ex) {
            return new Planned(new ImportedEntry.Outcome(ImportedEntry.Action.REFUSED, null, List.of(), ex.messageKey(),
                    ex.field(), java.util.Arrays.stream(ex.args()).map(String::valueOf).toList()), d, e.facts(), 0);
        }
    }

    private static Optional<Integer> opt(Integer i) {
        return Optional.ofNullable(i);
    }

    /** The row's values over the entry's, field by field as far as the file gives them. */
    private static AssetDraft merged(AssetRepository.Row b, ImportedEntry e) {
        AssetDraft d = e.draft();
        LegalRegimes o = b.regimes();
        LegalRegimes n = d.regimes();
        boolean personal = e.gives(ImportedEntry.PERSONAL);
        boolean contract = e.gives(ImportedEntry.CONTRACT);
        LegalRegimes regimes = new LegalRegimes(
                e.gives(ImportedEntry.TRADE_SECRET) ? n.tradeSecret() : o.tradeSecret(),
                e.gives(ImportedEntry.LIMITED_DATA) ? n.limitedProvisionData() : o.limitedProvisionData(),
                personal ? n.personalInfo() : o.personalInfo(),
                e.gives(ImportedEntry.PERSONAL_COUNT) ? n.personalInfoCount() : o.personalInfoCount(),
                personal ? n.sensitivePersonalInfo() : o.sensitivePersonalInfo(),
                e.gives(ImportedEntry.EXPORT) ? n.exportControlled() : o.exportControlled(),
                contract ? n.contractualDuty() : o.contractualDuty(),
                contract ? n.contractualDutyTo() : o.contractualDutyTo());
        boolean kind = e.gives(ImportedEntry.KIND);
        boolean origin = e.gives(ImportedEntry.ORIGIN);
        AssetDraft draft = new AssetDraft(b.name(),
                e.gives(ImportedEntry.DESCRIPTION) ? d.description() : b.description(), b.departmentId(),
                b.responsiblePersonId(), kind ? d.kind() : b.kind(), kind ? d.subKind() : b.subKind(),
                e.gives(ImportedEntry.FORMS) ? d.forms() : b.forms(), origin ? d.origin() : b.origin(),
                origin ? d.originParty() : b.originParty(), origin ? d.originDuty() : b.originDuty(), regimes);
        return normalised(draft, d.responsiblePersonId() != null ? d.responsiblePersonId() : b.responsiblePersonId());
    }

    private static ImportedFacts mergedFacts(ImportedFacts o, ImportedEntry e) {
        ImportedFacts n = e.facts();
        boolean hints = e.gives(ImportedEntry.HINTS);
        return new ImportedFacts(
                e.gives(ImportedEntry.REGISTERED_ON) && n.registeredOn() != null ? n.registeredOn() : o.registeredOn(),
                e.gives(ImportedEntry.RETENTION) ? n.retention() : o.retention(),
                e.gives(ImportedEntry.ACCESS_HINT) ? n.accessHint() : o.accessHint(),
                hints ? n.confidentiality() : o.confidentiality(), hints ? n.integrity() : o.integrity(),
                hints ? n.availability() : o.availability(), hints ? n.importance() : o.importance());
    }

    /** The draft as it will be stored (texts stripped, blanks as null, forms in order), with the 管理責任者. */
    private static AssetDraft normalised(AssetDraft d, Long responsible) {
        List<FormEntry> forms = d.forms().stream().map(f -> new FormEntry(f.form(), text(f.location())))
                .sorted(java.util.Comparator.comparing(FormEntry::form, java.util.Comparator.nullsLast(
                        java.util.Comparator.naturalOrder()))).toList();
        LegalRegimes r = d.regimes();
        return new AssetDraft(d.name() == null ? null : d.name().strip(), text(d.description()), d.departmentId(),
                responsible, d.kind(), d.subKind(), forms, d.origin(), text(d.originParty()), text(d.originDuty()),
                new LegalRegimes(r.tradeSecret(), r.limitedProvisionData(), r.personalInfo(), r.personalInfoCount(),
                        r.sensitivePersonalInfo(), r.exportControlled(), r.contractualDuty(), text(r.contractualDutyTo())));
    }

    private static String text(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Map<String, Object> factDetails(ImportedFacts f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("registeredOn", f.registeredOn() == null ? null : f.registeredOn().toString());
        m.put("retention", f.retention());
        m.put("accessHint", f.accessHint());
        m.put("confidentiality", f.confidentiality());
        m.put("integrity", f.integrity());
        m.put("availability", f.availability());
        m.put("importance", f.importance());
        return m;
    }

    // ---------------------------------------------------------------- visibility

    Viewer viewer() {
        return viewers.of(users.require());
    }

    private AssetRepository.Row requireVisible(long id, Viewer viewer) {
        AssetRepository.Row row = assets.findById(id).orElseThrow(() -> notFound(id));
        if (!assets.visible(id, viewer)) {
            if (viewer.conceals(row.levelId())) {
                throw notFound(id);
            }
            throw new AccessRefusedException("inventory.asset.outOfScope");
        }
        return row;
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("inventory.asset.notFound", String.valueOf(id));
    }

    private void requireEditable(AssetRepository.Row row, Viewer viewer) {
        if (!viewer.managedDepartments().contains(row.departmentId())) {
            throw new AccessRefusedException("inventory.asset.notEditable");
        }
        if (row.stage() == Stage.DISPOSED) {
            throw new InvalidInputException("inventory.lifecycle.disposed");
        }
    }

    private static void requireResponsible(AssetRepository.Row row, Viewer viewer) {
        if (!Objects.equals(row.responsiblePersonId(), viewer.personId())) {
            throw new AccessRefusedException("inventory.designation.onlyResponsible");
        }
    }

    private void checkDepartmentAndPerson(AssetDraft draft, Viewer viewer) {
        checkDepartment(draft.departmentId(), viewer.managedDepartments());
        requireCurrentPerson(draft.responsiblePersonId(), "responsiblePersonId");
    }

    /** The department exists, is active and lies in {@code allowed} (null: anywhere). */
    private void checkDepartment(long departmentId, Set<Long> allowed) {
        checkDepartment(departmentId, allowed, directory.listDepartments());
    }

    private static void checkDepartment(long departmentId, Set<Long> allowed, List<DepartmentView> departments) {
        DepartmentView department = departments.stream()
                .filter(d -> d.id() == departmentId).findFirst()
                .orElseThrow(() -> InvalidInputException.onField("departmentId", "inventory.asset.departmentUnknown"));
        if (!department.active()) {
            throw InvalidInputException.onField("departmentId", "inventory.asset.departmentAbolished");
        }
        if (allowed != null && !allowed.contains(department.id())) {
            throw new AccessRefusedException("inventory.asset.departmentOutOfScope");
        }
    }

    private void requireCurrentPerson(Long personId, String field) {
        requireCurrentPerson(directory.findPerson(personId), personId, field);
    }

    private static void requireCurrentPerson(Optional<PersonView> found, Long personId, String field) {
        PersonView p = found.orElseThrow(() -> InvalidInputException.onField(field, "inventory.person.unknown", personId));
        if (!p.status().current()) {
            throw InvalidInputException.onField(field, "inventory.person.notCurrent", p.name());
        }
    }

    private void checkHolders(List<AccessHolder> holders) {
        Set<Long> departmentIds = directory.listDepartments().stream().map(DepartmentView::id).collect(Collectors.toSet());
        Map<Long, String> groups = assets.groups();
        for (AccessHolder h : holders) {
            boolean known = switch (h.kind()) {
                case PERSON -> directory.findPerson(Long.parseLong(h.ref())).isPresent();
                case DEPARTMENT -> departmentIds.contains(Long.parseLong(h.ref()));
                case ROLE -> java.util.Arrays.stream(Role.values()).anyMatch(r -> r.name().equals(h.ref()));
                case GROUP -> groups.containsKey(Long.parseLong(h.ref()));
            };
            if (!known) {
                throw InvalidInputException.onField("holders", "inventory.designation.holderUnknown", h.kind() + ":" + h.ref());
            }
        }
    }

    private Map<String, Level> levelsById() {
        Map<String, Level> m = new LinkedHashMap<>();
        policy.levels().forEach(l -> m.put(l.code(), l));
        return m;
    }

    // ---------------------------------------------------------------- views and details

    private List<AssetView> view(List<AssetRepository.Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        // one query for the page's departments and one for its people, whatever the page's size
        Map<Long, DepartmentView> departments = directory.departmentsById(
                rows.stream().map(AssetRepository.Row::departmentId).collect(java.util.stream.Collectors.toSet()));
        Map<Long, String> names = directory.personNames(
                rows.stream().map(AssetRepository.Row::responsiblePersonId).collect(java.util.stream.Collectors.toSet()));
        return rows.stream().map(r -> {
            DepartmentView d = departments.get(r.departmentId());
            String person = names.getOrDefault(r.responsiblePersonId(), String.valueOf(r.responsiblePersonId()));
            return new AssetView(r.id(), r.name(), r.description(), r.departmentId(), d == null ? null : d.nameJa(),
                    r.responsiblePersonId(), person, r.kind(), r.subKind(), r.forms(), r.origin(), r.originParty(),
                    r.originDuty(), r.regimes(), r.stage(), r.unneeded(), r.unneededReason(), r.disposal(), r.levelId(),
                    r.marking(), r.secretUntil(), r.secretUntilEvent(), r.designatedByPersonId(), r.designatedOn(),
                    r.holders(), r.nextReviewOn(), r.version());
        }).toList();
    }

    private static Map<String, Object> details(AssetDraft d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", d.name());
        m.put("departmentId", d.departmentId());
        m.put("responsiblePersonId", d.responsiblePersonId());
        m.put("kind", d.kind().name());
        m.put("subKind", d.subKind() == null ? null : d.subKind().name());
        m.put("forms", d.forms().stream().map(f -> f.form().name()).toList());
        m.put("origin", d.origin().name());
        m.put("originParty", d.originParty());
        LegalRegimes r = d.regimes();
        m.put("tradeSecret", r.tradeSecret());
        m.put("limitedProvisionData", r.limitedProvisionData());
        m.put("personalInfo", r.personalInfo());
        m.put("personalInfoCount", r.personalInfoCount());
        m.put("sensitivePersonalInfo", r.sensitivePersonalInfo());
        m.put("exportControlled", r.exportControlled());
        m.put("contractualDutyTo", r.contractualDuty() ? r.contractualDutyTo() : null);
        return m;
    }

    private static List<String> changedFields(AssetRepository.Row b, AssetDraft d) {
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(b.name(), d.name().strip())) changed.add("name");
        if (!Objects.equals(b.description(), d.description())) changed.add("description");
        if (b.departmentId() != d.departmentId()) changed.add("departmentId");
        if (b.responsiblePersonId() != d.responsiblePersonId()) changed.add("responsiblePersonId");
        if (b.kind() != d.kind() || b.subKind() != d.subKind()) changed.add("kind");
        if (!Objects.equals(b.forms(), d.forms())) changed.add("forms");
        if (b.origin() != d.origin() || !Objects.equals(b.originParty(), d.originParty())) changed.add("origin");
        if (!Objects.equals(b.regimes(), d.regimes())) changed.add("regimes");
        return changed;
    }

    // ---------------------------------------------------------------- lookups for the access module
    // Bulk reads of designations without any caller check: the access module keeps its own index of them
    // and applies its own rules. Not for pages.

    /** Every entry's designation, in id order, a batch at a time (no caller checks). */
    @Transactional(readOnly = true)
    public void forEachDesignation(int batchSize, java.util.function.Consumer<List<AssetDesignation>> sink) {
        designationLookup.forEach(Math.max(batchSize, 1), sink);
    }

    /** The designations of the given entries (missing ids are left out; no caller checks). */
    @Transactional(readOnly = true)
    public List<AssetDesignation> designations(List<Long> assetIds) {
        return assetIds.isEmpty() ? List.of() : designationLookup.byIds(assetIds);
    }

    /** Project groups by member: person id to the ids of their groups (no caller checks). */
    @Transactional(readOnly = true)
    public Map<Long, List<Long>> projectGroupsByPerson() {
        return designationLookup.groupsByPerson();
    }

    /** The ids of the project groups the person belongs to (no caller checks). */
    @Transactional(readOnly = true)
    public List<Long> projectGroupsOf(long personId) {
        return designationLookup.groupsOf(personId);
    }
}
