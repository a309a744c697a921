package dev.mamori.policy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.mamori.policy.Approver;
import dev.mamori.policy.Aspect;
import dev.mamori.policy.ExceptionDraft;
import dev.mamori.policy.HandlingRule;
import dev.mamori.policy.Medium;
import dev.mamori.policy.Obligation;
import dev.mamori.policy.Permitted;
import dev.mamori.policy.RuleDraft;

/** The editor's rules for a coherent rule, and for an acceptable exception request, without Spring. */
class RuleRulesTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    static RuleDraft draft(Permitted p, Approver a, boolean prohibited, Set<Obligation> o) {
        return new RuleDraft(p, a, prohibited, o, Set.of());
    }

    static String firstKey(Aspect aspect, RuleDraft d) {
        var v = RuleRules.check(aspect, d);
        return v.isEmpty() ? null : v.get(0).messageKey();
    }

    @Test
    void everyHandbookRulePasses() {
        for (HandlingRule r : DefaultStandard.rules()) {
            assertThat(RuleRules.check(r.aspect(), RuleDraft.of(r))).as(r.id()).isEmpty();
        }
    }

    @Test
    void aDisposalRuleNamesAMethod() {
        assertThat(firstKey(Aspect.DISPOSAL, draft(Permitted.ANYONE_IN_SCOPE, Approver.NONE, false,
                Set.of(Obligation.BRING_TO_DESIGNATED_PLACE)))).isEqualTo("policy.rule.disposalMethodRequired");
        assertThat(firstKey(Aspect.DISPOSAL, draft(Permitted.ANYONE_IN_SCOPE, Approver.NONE, false,
                Set.of(Obligation.DISPOSE_BY_SHREDDING)))).isNull();
        assertThat(firstKey(Aspect.DISPOSAL, draft(Permitted.ANYONE_IN_SCOPE, Approver.NONE, true, Set.of()))).isNull();
        assertThat(firstKey(Aspect.COPYING, draft(Permitted.ANYONE_IN_SCOPE, Approver.NONE, false,
                Set.of(Obligation.DISPOSE_BY_ERASURE)))).isEqualTo("policy.rule.disposalMethodOutsideDisposal");
    }

    @Test
    void theManagerAloneCannotNeedTheManagersApproval() {
        assertThat(firstKey(Aspect.COPYING, draft(Permitted.MANAGER_ONLY, Approver.MANAGER, false, Set.of())))
                .isEqualTo("policy.rule.managerOnlyWithApproval");
    }

    @Test
    void aProhibitionWithoutExceptionCarriesNoObligations() {
        assertThat(firstKey(Aspect.THIRD_PARTY, draft(Permitted.ACCESS_HOLDERS, Approver.NONE, true,
                Set.of(Obligation.MINIMISE_DISCLOSURE)))).isEqualTo("policy.rule.prohibitedWithObligations");
        assertThat(firstKey(Aspect.THIRD_PARTY, draft(Permitted.ACCESS_HOLDERS, Approver.MANAGER, true,
                Set.of(Obligation.MINIMISE_DISCLOSURE)))).isNull();
    }

    @Test
    void whoAndApprovalAreRequired() {
        assertThat(RuleRules.check(Aspect.VIEWING, draft(null, null, false, Set.of())))
                .extracting(Violation::field).containsExactly("permitted", "approval");
    }

    @Test
    void anExceptionMustChangeSomethingWaiveOnlyTheRulesOwnObligationsAndStayCoherent() {
        HandlingRule copy = DefaultStandard.rules().stream().filter(r -> r.id().equals("TOP_SECRET/COPYING/ELECTRONIC"))
                .findFirst().orElseThrow();
        ExceptionDraft nothing = new ExceptionDraft("TOP_SECRET", Aspect.COPYING, Medium.ELECTRONIC, 1L, null, null, null,
                Set.of(), "理由", null);
        assertThat(ExceptionRules.check(nothing, copy, TODAY)).extracting(Violation::messageKey)
                .containsExactly("policy.exception.noChange");
        ExceptionDraft foreign = new ExceptionDraft("TOP_SECRET", Aspect.COPYING, Medium.ELECTRONIC, 1L, null, null, null,
                Set.of(Obligation.ENCRYPT), "理由", null);
        assertThat(ExceptionRules.check(foreign, copy, TODAY)).extracting(Violation::messageKey)
                .containsExactly("policy.exception.notAnObligation");
        ExceptionDraft selfApproval = new ExceptionDraft("TOP_SECRET", Aspect.COPYING, Medium.ELECTRONIC, 1L, null,
                Approver.MANAGER, null, Set.of(), "理由", null);
        assertThat(ExceptionRules.check(selfApproval, copy, TODAY)).extracting(Violation::messageKey)
                .containsExactly("policy.rule.managerOnlyWithApproval");
        ExceptionDraft late = new ExceptionDraft("TOP_SECRET", Aspect.COPYING, Medium.ELECTRONIC, 1L,
                Permitted.ACCESS_HOLDERS, null, null, Set.of(), " ", TODAY.minusDays(1));
        assertThat(ExceptionRules.check(late, copy, TODAY)).extracting(Violation::messageKey)
                .containsExactly("policy.exception.reasonRequired", "policy.exception.endsInPast");
        ExceptionDraft fine = new ExceptionDraft("TOP_SECRET", Aspect.COPYING, Medium.ELECTRONIC, 1L,
                Permitted.ACCESS_HOLDERS, null, null, Set.of(Obligation.NO_PRIVATE_DEVICES), "量産準備のため", TODAY);
        assertThat(ExceptionRules.check(fine, copy, TODAY)).isEmpty();
    }
}
