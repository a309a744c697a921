package dev.mamori.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The scheme and the handling standard as one immutable in-memory structure, and the decision function.
 * Plain Java: no database or framework on the decision path. The module reloads a new instance on change.
 * Rules follow 出典：経済産業省「秘密情報の保護ハンドブック」(令和4年5月改訂) unless edited.
 */
public final class Standard {

    /** The principle that only access holders may be given the information (規程例 第10条). */
    public static final String ACCESS_PRINCIPLE_SOURCE = "秘密情報の保護ハンドブック 参考資料2 第2-1 秘密情報管理規程の例 第10条";

    private final List<Level> levels;
    private final Map<String, Level> byCode = new HashMap<>();
    private final Map<String, HandlingRule> rules = new HashMap<>();
    private final List<HandlingRule> ruleList;

    private Standard(List<Level> levels, List<HandlingRule> rules) {
        this.levels = levels.stream().sorted(Comparator.comparingInt(Level::rank)).toList();
        this.levels.forEach(l -> byCode.put(l.code(), l));
        this.ruleList = List.copyOf(rules);
        rules.forEach(r -> this.rules.put(r.id(), r));
    }

    public static Standard of(List<Level> levels, List<HandlingRule> rules) {
        return new Standard(levels, rules);
    }

    /** Levels, strictest first. */
    public List<Level> levels() {
        return levels;
    }

    public List<HandlingRule> rules() {
        return ruleList;
    }

    public Optional<Level> level(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    public Optional<HandlingRule> rule(String levelCode, Aspect aspect, Medium medium) {
        return Optional.ofNullable(rules.get(levelCode + "/" + aspect + "/" + medium));
    }

    public PolicyDecision decide(DecisionRequest request) {
        if (request.action() == null) {
            return deny("policy.decision.noAction", List.of(), List.of());
        }
        Level level = byCode.get(request.levelCode());
        if (level == null) {
            return deny("policy.decision.unknownLevel", List.of(), List.of(String.valueOf(request.levelCode())));
        }
        if (!request.accessHolder() && !request.manager()) {
            return new PolicyDecision(Outcome.DENY, Approver.NONE, Set.of(), List.of(), List.of(ACCESS_PRINCIPLE_SOURCE),
                    "policy.decision.notAccessHolder", List.of(level.marking()));
        }
        Medium medium = request.action() == Action.EMAIL_OUTSIDE ? Medium.ELECTRONIC : request.medium();
        PolicyDecision decision = apply(level, request.action().aspect(), medium, request);
        if (request.action() != Action.DISPOSE && request.action().aspect() != Aspect.THIRD_PARTY) {
            if (request.recipient() == Recipient.THIRD_PARTY) {
                decision = stricter(decision, apply(level, Aspect.THIRD_PARTY, medium, request));
            } else if (request.recipient() == Recipient.COLLEAGUE_WITHOUT_ACCESS && !request.manager()) {
                decision = stricter(decision, new PolicyDecision(Outcome.ALLOW_WITH_CONDITIONS, Approver.MANAGER,
                        Set.of(), List.of(), List.of(ACCESS_PRINCIPLE_SOURCE), "policy.decision.recipientWithoutAccess",
                        List.of(level.marking())));
            }
        }
        return decision;
    }

    private PolicyDecision apply(Level level, Aspect aspect, Medium medium, DecisionRequest request) {
        HandlingRule rule = rules.get(level.code() + "/" + aspect + "/" + medium);
        if (rule == null) {
            return deny("policy.decision.noRule", List.of(), List.of(level.marking()));
        }
        List<String> ids = List.of(rule.id());
        List<String> sources = List.of(rule.source());
        String marking = level.marking();
        if (rule.permitted() == Permitted.MANAGER_ONLY && !request.manager()) {
            return new PolicyDecision(Outcome.DENY, Approver.NONE, Set.of(), ids, sources, "policy.decision.managerOnly",
                    List.of(marking));
        }
        if (rule.prohibited() && rule.approval() == Approver.NONE) {
            return new PolicyDecision(Outcome.DENY, Approver.NONE, Set.of(), ids, sources, "policy.decision.prohibited",
                    List.of(marking));
        }
        Approver approval = request.manager() ? Approver.NONE : rule.approval();
        Set<Obligation> obligations = EnumSet.noneOf(Obligation.class);
        obligations.addAll(rule.obligations());
        if (request.location() == Location.OUTSIDE_OFFICE) {
            obligations.addAll(rule.outsideOfficeObligations());
        }
        if (approval == Approver.NONE && obligations.isEmpty()) {
            return new PolicyDecision(Outcome.ALLOW, Approver.NONE, Set.of(), ids, sources, "policy.decision.allowed",
                    List.of(marking));
        }
        String key = rule.prohibited() ? "policy.decision.exception"
                : approval != Approver.NONE ? "policy.decision.needsApproval" : "policy.decision.withObligations";
        return new PolicyDecision(Outcome.ALLOW_WITH_CONDITIONS, approval, obligations, ids, sources, key, List.of(marking));
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
