package dev.mamori.policy.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.mamori.policy.ExceptionDraft;
import dev.mamori.policy.ExceptionRequest;
import dev.mamori.policy.HandlingRule;
import dev.mamori.policy.Obligation;
import dev.mamori.policy.RuleDraft;

/**
 * What makes a department's exception request acceptable: a reason, a real change to an existing rule,
 * only the rule's own obligations waived, an end date not already past, and a rule that is still coherent
 * with the change applied. Plain Java.
 */
final class ExceptionRules {

    static final int MAX_REASON = 2000;

    private ExceptionRules() {
    }

    static List<Violation> check(ExceptionDraft d, HandlingRule base, LocalDate today) {
        List<Violation> v = new ArrayList<>();
        if (d.departmentId() == null) {
            v.add(new Violation("departmentId", "policy.exception.departmentRequired"));
        }
        if (d.reason() == null || d.reason().isBlank()) {
            v.add(new Violation("reason", "policy.exception.reasonRequired"));
        } else if (d.reason().strip().length() > MAX_REASON) {
            v.add(new Violation("reason", "policy.exception.reasonTooLong"));
        }
        if (d.endsOn() != null && d.endsOn().isBefore(today)) {
            v.add(new Violation("endsOn", "policy.exception.endsInPast"));
        }
        Set<Obligation> own = EnumSet.noneOf(Obligation.class);
        own.addAll(base.obligations());
        own.addAll(base.outsideOfficeObligations());
        if (!own.containsAll(d.waivedObligations())) {
            v.add(new Violation("waivedObligations", "policy.exception.notAnObligation"));
            return v;
        }
        HandlingRule changed = ExceptionRequest.applyTo(base, d.permitted(), d.approval(), d.prohibited(),
                d.waivedObligations());
        if (changed.sameHandling(base)) {
            v.add(new Violation("permitted", "policy.exception.noChange"));
            return v;
        }
        RuleRules.check(base.aspect(), RuleDraft.of(changed)).forEach(r -> v.add(
                new Violation(r.field().equals("obligations") ? "waivedObligations" : r.field(), r.messageKey())));
        return v;
    }
}
