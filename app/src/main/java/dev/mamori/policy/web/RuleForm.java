package dev.mamori.policy.web;

import java.util.Set;

import jakarta.validation.constraints.NotNull;

import dev.mamori.policy.Approver;
import dev.mamori.policy.HandlingRule;
import dev.mamori.policy.Obligation;
import dev.mamori.policy.Permitted;
import dev.mamori.policy.RuleDraft;

/** The editor's form for one cell of the standard. */
record RuleForm(@NotNull(message = "{policy.rule.permittedRequired}") Permitted permitted,
                @NotNull(message = "{policy.rule.approvalRequired}") Approver approval,
                Boolean prohibited, Set<Obligation> obligations, Set<Obligation> outsideOfficeObligations) {

    static final Set<String> FIELDS = Set.of("permitted", "approval", "prohibited", "obligations",
            "outsideOfficeObligations");

    static RuleForm of(HandlingRule r) {
        return r == null ? new RuleForm(Permitted.ACCESS_HOLDERS, Approver.NONE, false, Set.of(), Set.of())
                : new RuleForm(r.permitted(), r.approval(), r.prohibited(), r.obligations(), r.outsideOfficeObligations());
    }

    RuleDraft toDraft() {
        return new RuleDraft(permitted, approval, Boolean.TRUE.equals(prohibited), obligations, outsideOfficeObligations);
    }
}
