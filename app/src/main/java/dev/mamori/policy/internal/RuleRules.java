package dev.mamori.policy.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.mamori.policy.Approver;
import dev.mamori.policy.Aspect;
import dev.mamori.policy.Obligation;
import dev.mamori.policy.Permitted;
import dev.mamori.policy.RuleDraft;

/**
 * What makes a rule of the standard coherent, whoever writes it (the committee's editor, or a department's
 * exception applied to a rule). Plain Java; the service refuses the first violation.
 */
final class RuleRules {

    static final Set<Obligation> DISPOSAL_METHODS = EnumSet.of(Obligation.DISPOSE_BY_SHREDDING,
            Obligation.DISPOSE_BY_INCINERATION, Obligation.DISPOSE_BY_DISSOLUTION, Obligation.DISPOSE_BY_ERASURE);

    private RuleRules() {
    }

    static List<Violation> check(Aspect aspect, RuleDraft d) {
        List<Violation> v = new ArrayList<>();
        if (d.permitted() == null) {
            v.add(new Violation("permitted", "policy.rule.permittedRequired"));
        }
        if (d.approval() == null) {
            v.add(new Violation("approval", "policy.rule.approvalRequired"));
        }
        if (!v.isEmpty()) {
            return v;
        }
        boolean refused = d.prohibited() && d.approval() == Approver.NONE;
        if (d.permitted() == Permitted.MANAGER_ONLY && d.approval() != Approver.NONE) {
            // the 管理責任者 would have to approve their own action
            v.add(new Violation("approval", "policy.rule.managerOnlyWithApproval"));
        }
        if (refused && (!d.obligations().isEmpty() || !d.outsideOfficeObligations().isEmpty())) {
            v.add(new Violation("obligations", "policy.rule.prohibitedWithObligations"));
        }
        boolean namesMethod = d.obligations().stream().anyMatch(DISPOSAL_METHODS::contains);
        if (aspect == Aspect.DISPOSAL && !refused && !namesMethod) {
            v.add(new Violation("obligations", "policy.rule.disposalMethodRequired"));
        }
        if (aspect != Aspect.DISPOSAL && (namesMethod
                || d.outsideOfficeObligations().stream().anyMatch(DISPOSAL_METHODS::contains))) {
            v.add(new Violation("obligations", "policy.rule.disposalMethodOutsideDisposal"));
        }
        return v;
    }
}
