package dev.mamori.policy.internal;

import static dev.mamori.policy.internal.StandardDecisionTests.CONF;
import static dev.mamori.policy.internal.StandardDecisionTests.TOP;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.mamori.policy.Action;
import dev.mamori.policy.Approver;
import dev.mamori.policy.Aspect;
import dev.mamori.policy.DecisionRequest;
import dev.mamori.policy.ExceptionRequest;
import dev.mamori.policy.ExceptionStatus;
import dev.mamori.policy.Location;
import dev.mamori.policy.Medium;
import dev.mamori.policy.Obligation;
import dev.mamori.policy.Outcome;
import dev.mamori.policy.Permitted;
import dev.mamori.policy.PolicyDecision;
import dev.mamori.policy.Recipient;
import dev.mamori.policy.Standard;

/**
 * Departments' exceptions in the decision function: only approved ones, only for the owning department's
 * entries, cited in the answer, and no longer after their last day, without anyone reloading anything.
 */
class StandardExceptionTests {

    static final long SALES = 7L;
    static final long LAB = 8L;

    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        Instant now;

        HandClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static ExceptionRequest exception(long id, long department, ExceptionStatus status, Permitted permitted,
                                      Approver approval, Set<Obligation> waived, LocalDate endsOn) {
        return new ExceptionRequest(id, "TOP_SECRET", Aspect.COPYING, Medium.ELECTRONIC, department, null, null, permitted,
                approval, null, waived, "理由", endsOn, status, 1L, "申請者", Instant.EPOCH, null, null, null);
    }

    static DecisionRequest copy(Long department) {
        return new DecisionRequest(1L, true, false, "TOP_SECRET", Action.COPY, Medium.ELECTRONIC, Location.INSIDE_OFFICE,
                Recipient.NONE, department);
    }

    static Instant japan(String dateTime) {
        return java.time.LocalDateTime.parse(dateTime).atZone(ZoneId.of("Asia/Tokyo")).toInstant();
    }

    @Test
    void anApprovedExceptionAppliesOnlyToTheOwningDepartmentsEntriesAndIsCited() {
        Standard s = Standard.of(List.of(TOP, CONF), DefaultStandard.rules(), List.of(
                exception(12, SALES, ExceptionStatus.APPROVED, Permitted.ACCESS_HOLDERS, null, Set.of(), null)),
                Clock.systemUTC());

        PolicyDecision sales = s.decide(copy(SALES));
        assertThat(sales.outcome()).isEqualTo(Outcome.ALLOW_WITH_CONDITIONS);
        assertThat(sales.ruleIds()).containsExactly("TOP_SECRET/COPYING/ELECTRONIC#exception-12");
        assertThat(sales.reasonKey()).isEqualTo("policy.decision.withObligationsByException");
        assertThat(sales.reasonArgs()).containsExactly("極秘", "12");
        assertThat(sales.sources().get(0)).contains("秘密情報の保護ハンドブック").contains("部署ごとの例外 #12");
        assertThat(sales.obligations()).contains(Obligation.MARK_LEVEL, Obligation.NO_PRIVATE_DEVICES);

        for (Long other : new Long[] {LAB, null}) {
            PolicyDecision d = s.decide(copy(other));
            assertThat(d.outcome()).isEqualTo(Outcome.DENY);
            assertThat(d.reasonKey()).isEqualTo("policy.decision.managerOnly");
            assertThat(d.ruleIds()).containsExactly("TOP_SECRET/COPYING/ELECTRONIC");
        }
        assertThat(s.decide(copy(SALES).ownedBy(SALES)).ruleIds()).allMatch(id -> id.endsWith("#exception-12"));
        assertThat(s.exceptions()).extracting(ExceptionRequest::id).containsExactly(12L);
    }

    @Test
    void onlyApprovedExceptionsChangeDecisions() {
        for (ExceptionStatus status : List.of(ExceptionStatus.PENDING, ExceptionStatus.REJECTED,
                ExceptionStatus.WITHDRAWN, ExceptionStatus.REVOKED)) {
            Standard s = Standard.of(List.of(TOP, CONF), DefaultStandard.rules(),
                    List.of(exception(3, SALES, status, Permitted.ACCESS_HOLDERS, null, Set.of(), null)), Clock.systemUTC());
            assertThat(s.decide(copy(SALES)).outcome()).as(status.name()).isEqualTo(Outcome.DENY);
            assertThat(s.exceptions()).isEmpty();
        }
    }

    @Test
    void waivedObligationsAndApprovalChangesApply() {
        ExceptionRequest takeOut = new ExceptionRequest(20, "TOP_SECRET", Aspect.TAKE_OUT, Medium.ELECTRONIC, SALES, null,
                null, null, Approver.NONE, null, Set.of(Obligation.CARRY_PERSONALLY), "出張が多い", null,
                ExceptionStatus.APPROVED, 1L, "申請者", Instant.EPOCH, null, null, null);
        Standard s = Standard.of(List.of(TOP, CONF), DefaultStandard.rules(), List.of(takeOut), Clock.systemUTC());
        PolicyDecision d = s.decide(new DecisionRequest(1L, true, false, "TOP_SECRET", Action.TAKE_OUT,
                Medium.ELECTRONIC, Location.OUTSIDE_OFFICE, Recipient.NONE, SALES));
        assertThat(d.approvalBy()).isEqualTo(Approver.NONE);
        assertThat(d.obligations()).containsExactly(Obligation.ENCRYPT);
        assertThat(d.reasonKey()).isEqualTo("policy.decision.withObligationsByException");
        PolicyDecision elsewhere = s.decide(new DecisionRequest(1L, true, false, "TOP_SECRET", Action.TAKE_OUT,
                Medium.ELECTRONIC, Location.OUTSIDE_OFFICE, Recipient.NONE, LAB));
        assertThat(elsewhere.approvalBy()).isEqualTo(Approver.MANAGER);
    }

    @Test
    void anExceptionStopsApplyingAfterItsLastDayByItself() {
        HandClock clock = new HandClock(japan("2026-11-30T09:00"));
        Standard s = Standard.of(List.of(TOP, CONF), DefaultStandard.rules(), List.of(exception(5, SALES,
                ExceptionStatus.APPROVED, Permitted.ACCESS_HOLDERS, null, Set.of(), LocalDate.of(2026, 12, 1))), clock);

        assertThat(s.decide(copy(SALES)).allowed()).isTrue();
        clock.now = japan("2026-12-01T23:59:59");
        assertThat(s.decide(copy(SALES)).allowed()).isTrue();
        assertThat(s.exceptionsInForce()).hasSize(1);
        clock.now = japan("2026-12-02T00:00");
        PolicyDecision after = s.decide(copy(SALES));
        assertThat(after.outcome()).isEqualTo(Outcome.DENY);
        assertThat(after.ruleIds()).containsExactly("TOP_SECRET/COPYING/ELECTRONIC");
        assertThat(s.exceptionsInForce()).isEmpty();

        assertThat(s.decideAt(copy(SALES), japan("2026-12-01T12:00")).allowed()).isTrue();
        assertThat(s.decideAt(copy(SALES), japan("2026-12-03T12:00")).allowed()).isFalse();
    }

    @Test
    void anExceptionToARuleThatIsGoneIsIgnored() {
        Standard s = Standard.of(List.of(TOP, CONF), DefaultStandard.rules(), List.of(
                exception(9, SALES, ExceptionStatus.APPROVED, Permitted.ACCESS_HOLDERS, null, Set.of(), null)),
                Clock.systemUTC()).replacing("TOP_SECRET", Aspect.COPYING, Medium.ELECTRONIC, null);
        assertThat(s.decide(copy(SALES)).reasonKey()).isEqualTo("policy.decision.noRule");
        assertThat(s.exceptions()).isEmpty();
    }
}
