package dev.mamori.policy;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The scheme and the handling standard as one immutable in-memory structure, with the departments' approved
 * exceptions, and the decision function. Plain Java: no database or framework on the decision path; every
 * list and set a decision hands out is prepared when the standard is built. The module builds a new
 * instance on change. An exception stops applying at the end of its last day by itself (read from the
 * clock only when an exception could apply).
 * Rules follow 出典：経済産業省「秘密情報の保護ハンドブック」(令和4年5月改訂) unless edited.
 */
public final class Standard {

    /** The principle that only access holders may be given the information (規程例 第10条). */
    public static final String ACCESS_PRINCIPLE_SOURCE = "秘密情報の保護ハンドブック 参考資料2 第2-1 秘密情報管理規程の例 第10条";

    private static final Medium[] MEDIA = Medium.values();
    private static final int CELLS = Aspect.values().length * MEDIA.length;
    private static final long NOW = Long.MIN_VALUE;
    private static final long NEVER = Long.MAX_VALUE;
    private static final List<String> ACCESS_PRINCIPLE = List.of(ACCESS_PRINCIPLE_SOURCE);

    private final List<Level> levels;
    private final Map<String, Slot> slots = new HashMap<>();
    private final List<HandlingRule> ruleList;
    private final List<ExceptionRequest> exceptionList;
    private final Clock clock;
    private volatile List<OrderingWarning> orderingWarnings;

    /** One level's rules (and the exceptions to them by department), indexed by aspect and medium. */
    private static final class Slot {
        final Level level;
        final List<String> marking;
        final Cell[] cells = new Cell[CELLS];
        final Map<Long, Cell>[] exceptions;

        @SuppressWarnings("unchecked")
        Slot(Level level) {
            this.level = level;
            this.marking = List.of(level.marking());
            this.exceptions = new Map[CELLS];
        }
    }

    /** A rule as decisions use it, with its id, sources, obligations and reason arguments ready. */
    private record Cell(HandlingRule rule, List<String> ids, List<String> sources, Set<Obligation> inside,
                        Set<Obligation> outside, List<String> args, long endsAtMillis, boolean exception) {

        static Cell of(HandlingRule rule, List<String> marking) {
            return new Cell(rule, List.of(rule.id()), List.of(rule.citation()), Set.copyOf(rule.obligations()),
                    union(rule), marking, NEVER, false);
        }

        static Cell of(ExceptionRequest e, HandlingRule base, String marking) {
            HandlingRule rule = e.applyTo(base);
            Instant end = e.endsAt();
            return new Cell(rule, List.of(e.citedId()),
                    List.of(base.citation() + " / 部署ごとの例外 #" + e.id()), Set.copyOf(rule.obligations()),
                    union(rule), List.of(marking, String.valueOf(e.id())),
                    end == null ? NEVER : end.toEpochMilli(), true);
        }

        private static Set<Obligation> union(HandlingRule rule) {
            Set<Obligation> all = EnumSet.noneOf(Obligation.class);
            all.addAll(rule.obligations());
            all.addAll(rule.outsideOfficeObligations());
            return Set.copyOf(all);
        }
    }

    private Standard(List<Level> levels, List<HandlingRule> rules, List<ExceptionRequest> exceptions, Clock clock) {
        this.levels = levels.stream().sorted(Comparator.comparingInt(Level::rank)).toList();
        this.ruleList = List.copyOf(rules);
        this.clock = clock;
        this.levels.forEach(l -> slots.put(l.code(), new Slot(l)));
        for (HandlingRule r : ruleList) {
            Slot slot = slots.get(r.levelCode());
            if (slot != null) {
                slot.cells[index(r.aspect(), r.medium())] = Cell.of(r, slot.marking);
            }
        }
        List<ExceptionRequest> kept = new ArrayList<>();
        exceptions.stream().filter(e -> e.status() == ExceptionStatus.APPROVED)
                .sorted(Comparator.comparingLong(ExceptionRequest::id)).forEach(e -> {
                    Slot slot = slots.get(e.levelCode());
                    int i = index(e.aspect(), e.medium());
                    if (slot == null || slot.cells[i] == null) {
                        return; // the rule is gone: nothing to make an exception to
                    }
                    if (slot.exceptions[i] == null) {
                        slot.exceptions[i] = new HashMap<>();
                    }
                    Cell previous = slot.exceptions[i].put(e.departmentId(),
                            Cell.of(e, slot.cells[i].rule(), slot.level.marking()));
                    if (previous != null) {
                        kept.removeIf(k -> k.citedId().equals(previous.ids().get(0)));
                    }
                    kept.add(e);
                });
        this.exceptionList = List.copyOf(kept);
    }

    public static Standard of(List<Level> levels, List<HandlingRule> rules) {
        return new Standard(levels, rules, List.of(), Clock.systemUTC());
    }

    /**
     * A standard with the departments' exceptions: those APPROVED apply (to the department's entries, until
     * the end of their last day by {@code clock}); others are ignored.
     */
    public static Standard of(List<Level> levels, List<HandlingRule> rules, List<ExceptionRequest> exceptions,
                              Clock clock) {
        return new Standard(levels, rules, exceptions, clock);
    }

    /** The same standard with one cell's rule replaced (null: removed), e.g. to check an edit before saving. */
    public Standard replacing(String levelCode, Aspect aspect, Medium medium, HandlingRule rule) {
        List<HandlingRule> rules = new ArrayList<>(ruleList.size() + 1);
        String id = levelCode + "/" + aspect + "/" + medium;
        ruleList.stream().filter(r -> !r.id().equals(id)).forEach(rules::add);
        if (rule != null) {
            rules.add(rule);
        }
        return new Standard(levels, rules, exceptionList, clock);
    }

    /** Levels, strictest first. */
    public List<Level> levels() {
        return levels;
    }

    public List<HandlingRule> rules() {
        return ruleList;
    }

    /** The approved exceptions in this standard (including those whose end date has passed since). */
    public List<ExceptionRequest> exceptions() {
        return exceptionList;
    }

    /** The approved exceptions still in force now. */
    public List<ExceptionRequest> exceptionsInForce() {
        Instant now = clock.instant();
        return exceptionList.stream().filter(e -> e.endsAt() == null || now.isBefore(e.endsAt())).toList();
    }

    public Optional<Level> level(String code) {
        Slot slot = code == null ? null : slots.get(code);
        return slot == null ? Optional.empty() : Optional.of(slot.level);
    }

    public Optional<HandlingRule> rule(String levelCode, Aspect aspect, Medium medium) {
        Slot slot = levelCode == null ? null : slots.get(levelCode);
        Cell cell = slot == null ? null : slot.cells[index(aspect, medium)];
        return cell == null ? Optional.empty() : Optional.of(cell.rule());
    }

    /**
     * Where a laxer level is handled more strictly than a stricter one (the company may want that, but it is
     * usually a slip); empty for the handbook's example. Computed once per standard.
     */
    public List<OrderingWarning> orderingWarnings() {
        List<OrderingWarning> w = orderingWarnings;
        if (w == null) {
            w = Ordering.of(this);
            orderingWarnings = w;
        }
        return w;
    }

    /** Decides now. */
    public PolicyDecision decide(DecisionRequest request) {
        return decide(request, NOW);
    }

    /** Decides as at the given instant (which exceptions are still in force). */
    public PolicyDecision decideAt(DecisionRequest request, Instant at) {
        return decide(request, at.toEpochMilli());
    }

    private PolicyDecision decide(DecisionRequest request, long at) {
        if (request.action() == null) {
            return deny("policy.decision.noAction", List.of(), List.of());
        }
        Slot slot = request.levelCode() == null ? null : slots.get(request.levelCode());
        if (slot == null) {
            return deny("policy.decision.unknownLevel", List.of(), List.of(String.valueOf(request.levelCode())));
        }
        if (!request.accessHolder() && !request.manager()) {
            return new PolicyDecision(Outcome.DENY, Approver.NONE, Set.of(), List.of(), ACCESS_PRINCIPLE,
                    "policy.decision.notAccessHolder", slot.marking);
        }
        Medium medium = request.action() == Action.EMAIL_OUTSIDE ? Medium.ELECTRONIC : request.medium();
        PolicyDecision decision = apply(slot, request.action().aspect(), medium, request, at);
        if (request.action() != Action.DISPOSE && request.action().aspect() != Aspect.THIRD_PARTY) {
            if (request.recipient() == Recipient.THIRD_PARTY) {
                decision = stricter(decision, apply(slot, Aspect.THIRD_PARTY, medium, request, at));
            } else if (request.recipient() == Recipient.COLLEAGUE_WITHOUT_ACCESS && !request.manager()) {
                decision = stricter(decision, new PolicyDecision(Outcome.ALLOW_WITH_CONDITIONS, Approver.MANAGER,
                        Set.of(), List.of(), ACCESS_PRINCIPLE, "policy.decision.recipientWithoutAccess", slot.marking));
            }
        }
        return decision;
    }

    private PolicyDecision apply(Slot slot, Aspect aspect, Medium medium, DecisionRequest request, long at) {
        int i = index(aspect, medium);
        Cell cell = slot.cells[i];
        if (cell == null) {
            return deny("policy.decision.noRule", List.of(), slot.marking);
        }
        if (request.departmentId() != null && slot.exceptions[i] != null) {
            Cell local = slot.exceptions[i].get(request.departmentId());
            if (local != null && (local.endsAtMillis() == NEVER
                    || (at == NOW ? clock.millis() : at) < local.endsAtMillis())) {
                cell = local;
            }
        }
        HandlingRule rule = cell.rule();
        boolean exception = cell.exception();
        if (rule.permitted() == Permitted.MANAGER_ONLY && !request.manager()) {
            return new PolicyDecision(Outcome.DENY, Approver.NONE, Set.of(), cell.ids(), cell.sources(),
                    exception ? "policy.decision.managerOnlyByException" : "policy.decision.managerOnly", cell.args());
        }
        if (rule.prohibited() && rule.approval() == Approver.NONE) {
            return new PolicyDecision(Outcome.DENY, Approver.NONE, Set.of(), cell.ids(), cell.sources(),
                    exception ? "policy.decision.prohibitedByException" : "policy.decision.prohibited", cell.args());
        }
        Approver approval = request.manager() ? Approver.NONE : rule.approval();
        Set<Obligation> obligations = request.location() == Location.OUTSIDE_OFFICE ? cell.outside() : cell.inside();
        if (approval == Approver.NONE && obligations.isEmpty()) {
            return new PolicyDecision(Outcome.ALLOW, Approver.NONE, Set.of(), cell.ids(), cell.sources(),
                    exception ? "policy.decision.allowedByException" : "policy.decision.allowed", cell.args());
        }
        String key;
        if (rule.prohibited()) {
            key = exception ? "policy.decision.exceptionByException" : "policy.decision.exception";
        } else if (approval != Approver.NONE) {
            key = exception ? "policy.decision.needsApprovalByException" : "policy.decision.needsApproval";
        } else {
            key = exception ? "policy.decision.withObligationsByException" : "policy.decision.withObligations";
        }
        return new PolicyDecision(Outcome.ALLOW_WITH_CONDITIONS, approval, obligations, cell.ids(), cell.sources(), key,
                cell.args());
    }

    private static int index(Aspect aspect, Medium medium) {
        return aspect.ordinal() * MEDIA.length + medium.ordinal();
    }

    private static PolicyDecision deny(String key, List<String> sources, List<String> args) {
        return new PolicyDecision(Outcome.DENY, Approver.NONE, Set.of(), List.of(), sources, key, args);
    }

    private static PolicyDecision stricter(PolicyDecision a, PolicyDecision b) {
        if (a.outcome() == Outcome.DENY) {
            return a;
        }
        if (b.outcome() == Outcome.DENY) {
            return b;
        }
        Outcome outcome = b.outcome().stricterThan(a.outcome()) ? b.outcome() : a.outcome();
        Approver approval = a.approvalBy() == Approver.MANAGER || b.approvalBy() == Approver.MANAGER
                ? Approver.MANAGER : Approver.NONE;
        Set<Obligation> obligations = EnumSet.noneOf(Obligation.class);
        obligations.addAll(a.obligations());
        obligations.addAll(b.obligations());
        List<String> ids = new ArrayList<>(a.ruleIds());
        ids.addAll(b.ruleIds());
        List<String> sources = new ArrayList<>(a.sources());
        sources.addAll(b.sources());
        PolicyDecision lead = b.outcome().stricterThan(a.outcome()) || b.approvalBy() != Approver.NONE ? b : a;
        return new PolicyDecision(outcome, approval, obligations, ids, sources, lead.reasonKey(), lead.reasonArgs());
    }
}
