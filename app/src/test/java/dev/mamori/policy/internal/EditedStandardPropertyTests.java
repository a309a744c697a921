package dev.mamori.policy.internal;

import static dev.mamori.policy.internal.StandardDecisionTests.CONF;
import static dev.mamori.policy.internal.StandardDecisionTests.TOP;
import static dev.mamori.policy.internal.StandardDecisionTests.pick;
import static dev.mamori.policy.internal.StandardDecisionTests.random;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.mamori.policy.Action;
import dev.mamori.policy.Approver;
import dev.mamori.policy.Aspect;
import dev.mamori.policy.DecisionRequest;
import dev.mamori.policy.ExceptionDraft;
import dev.mamori.policy.ExceptionRequest;
import dev.mamori.policy.ExceptionStatus;
import dev.mamori.policy.HandlingRule;
import dev.mamori.policy.Level;
import dev.mamori.policy.Medium;
import dev.mamori.policy.Obligation;
import dev.mamori.policy.Outcome;
import dev.mamori.policy.OrderingWarning;
import dev.mamori.policy.Permitted;
import dev.mamori.policy.PolicyDecision;
import dev.mamori.policy.Recipient;
import dev.mamori.policy.RuleDraft;
import dev.mamori.policy.Standard;

/**
 * The two properties under any edit the editor accepts. "A person outside the access holders never
 * views" holds for every valid standard and every approved exception. "A stricter level never allows what a
 * laxer one forbids" cannot hold for arbitrary edits (a company may make 社外秘 stricter than 極秘 somewhere),
 * so the editor warns instead: whenever the property is broken, the standard's ordering warnings name the
 * cell; with no warning, it holds.
 */
class EditedStandardPropertyTests {

    static final Level EXTRA = new Level("DEPT_ONLY", "部外秘", "Department only", 3, "#555555", "部外秘", "部内限り");

    /** A random rule the editor accepts for the aspect. */
    static RuleDraft validDraft(Random rnd, Aspect aspect) {
        while (true) {
            Set<Obligation> obligations = EnumSet.noneOf(Obligation.class);
            Set<Obligation> outside = EnumSet.noneOf(Obligation.class);
            for (Obligation o : Obligation.values()) {
                boolean method = RuleRules.DISPOSAL_METHODS.contains(o);
                if (rnd.nextInt(method && aspect == Aspect.DISPOSAL ? 2 : 8) == 0) {
                    obligations.add(o);
                } else if (!method && rnd.nextInt(12) == 0) {
                    outside.add(o);
                }
            }
            RuleDraft d = new RuleDraft(pick(rnd, Permitted.values()), pick(rnd, Approver.values()), rnd.nextInt(4) == 0,
                    obligations, outside);
            if (d.prohibited() && d.approval() == Approver.NONE && rnd.nextBoolean()) {
                d = new RuleDraft(d.permitted(), d.approval(), true, Set.of(), Set.of());
            }
            if (RuleRules.check(aspect, d).isEmpty()) {
                return d;
            }
        }
    }

    /**
     * The default standard after a few random accepted edits; with {@code extra}, plus a third, laxest level
     * that starts without rules (so it forbids everything: an ordering warning in itself).
     */
    static Standard edited(Random rnd, boolean extra) {
        Level[] levels = extra ? new Level[] {TOP, CONF, EXTRA} : new Level[] {TOP, CONF};
        Standard s = Standard.of(List.of(levels), DefaultStandard.rules());
        int edits = 1 + rnd.nextInt(extra ? 6 : 3);
        for (int i = 0; i < edits; i++) {
            Level level = pick(rnd, levels);
            Aspect aspect = pick(rnd, Aspect.values());
            Medium medium = pick(rnd, Medium.values());
            HandlingRule rule = rnd.nextInt(10) == 0 ? null : new HandlingRule(level.code(), aspect, medium, null,
                    null, false, Set.of(), Set.of(), "", Instant.EPOCH, "test")
                    .withHandling(validDraft(rnd, aspect), Instant.EPOCH, "test");
            s = s.replacing(level.code(), aspect, medium, rule);
        }
        return s;
    }

    @Test
    void theHandbookStandardHasNoOrderingWarnings() {
        assertThat(StandardDecisionTests.STANDARD.orderingWarnings()).isEmpty();
    }

    @Test
    void makingTheLaxerLevelStricterIsWarnedAbout() {
        Standard s = StandardDecisionTests.STANDARD.replacing("CONFIDENTIAL", Aspect.COPYING, Medium.ELECTRONIC,
                new HandlingRule("CONFIDENTIAL", Aspect.COPYING, Medium.ELECTRONIC, Permitted.ANYONE_IN_SCOPE,
                        Approver.NONE, true, Set.of(), Set.of(), "src"));
        assertThat(s.orderingWarnings()).containsExactly(new OrderingWarning("TOP_SECRET", "極秘", "CONFIDENTIAL", "社外秘",
                Aspect.COPYING, Medium.ELECTRONIC));
    }

    @Test
    void aStricterLevelNeverAllowsWhatALaxerLevelForbidsUnlessTheEditorWarns() {
        Random rnd = new Random(20261127L);
        int warned = 0;
        int clean = 0;
        for (int round = 0; round < 300; round++) {
            Standard s = edited(rnd, round % 2 == 0);
            List<OrderingWarning> warnings = s.orderingWarnings();
            if (warnings.isEmpty()) {
                clean++;
            } else {
                warned++;
            }
            List<Level> levels = s.levels();
            for (int i = 0; i < 400; i++) {
                int a = rnd.nextInt(levels.size());
                int b = rnd.nextInt(levels.size());
                if (a == b) {
                    continue;
                }
                Level strict = levels.get(Math.min(a, b));
                Level lax = levels.get(Math.max(a, b));
                DecisionRequest laxRequest = random(rnd, lax.code());
                DecisionRequest strictRequest = new DecisionRequest(laxRequest.personId(), laxRequest.accessHolder(),
                        laxRequest.manager(), strict.code(), laxRequest.action(), laxRequest.medium(),
                        laxRequest.location(), laxRequest.recipient());
                PolicyDecision stricter = s.decide(strictRequest);
                PolicyDecision laxer = s.decide(laxRequest);
                boolean broken = laxer.outcome() == Outcome.DENY && stricter.allowed()
                        || laxer.outcome().stricterThan(stricter.outcome())
                        || laxer.approvalBy() == Approver.MANAGER && stricter.allowed()
                        && stricter.approvalBy() != Approver.MANAGER;
                if (broken) {
                    Medium medium = laxRequest.action() == Action.EMAIL_OUTSIDE ? Medium.ELECTRONIC : laxRequest.medium();
                    OrderingWarning direct = new OrderingWarning(strict.code(), strict.marking(), lax.code(),
                            lax.marking(), laxRequest.action().aspect(), medium);
                    OrderingWarning viaThirdParty = new OrderingWarning(strict.code(), strict.marking(), lax.code(),
                            lax.marking(), Aspect.THIRD_PARTY, medium);
                    assertThat(warnings).as(strictRequest + " / " + laxRequest).containsAnyOf(direct, viaThirdParty);
                }
            }
        }
        assertThat(warned).as("edits that break the order").isPositive();
        assertThat(clean).as("edits that keep the order").isPositive();
    }

    @Test
    void aPersonOutsideTheAccessHoldersNeverViewsUnderAnyValidEditOrException() {
        Random rnd = new Random(27L);
        LocalDate today = LocalDate.of(2026, 11, 27);
        for (int round = 0; round < 200; round++) {
            Standard base = edited(rnd, true);
            List<ExceptionRequest> exceptions = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Level level = pick(rnd, new Level[] {TOP, CONF, EXTRA});
                Aspect aspect = rnd.nextBoolean() ? Aspect.VIEWING : pick(rnd, Aspect.values());
                Medium medium = pick(rnd, Medium.values());
                HandlingRule rule = base.rule(level.code(), aspect, medium).orElse(null);
                if (rule == null) {
                    continue;
                }
                Set<Obligation> waived = EnumSet.noneOf(Obligation.class);
                rule.obligations().stream().filter(o -> rnd.nextBoolean()).forEach(waived::add);
                ExceptionDraft draft = new ExceptionDraft(level.code(), aspect, medium, (long) rnd.nextInt(1, 4),
                        rnd.nextBoolean() ? null : pick(rnd, Permitted.values()),
                        rnd.nextBoolean() ? null : pick(rnd, Approver.values()),
                        rnd.nextBoolean() ? null : rnd.nextBoolean(), waived, "理由", null);
                if (ExceptionRules.check(draft, rule, today).isEmpty()) {
                    exceptions.add(new ExceptionRequest(100 + i, level.code(), aspect, medium, draft.departmentId(),
                            null, null, draft.permitted(), draft.approval(), draft.prohibited(), waived, "理由", null,
                            ExceptionStatus.APPROVED, 1L, "x", Instant.EPOCH, "y", Instant.EPOCH, null));
                }
            }
            Standard s = Standard.of(base.levels(), base.rules(), exceptions, Clock.systemUTC());
            for (int i = 0; i < 200; i++) {
                DecisionRequest r = random(rnd, pick(rnd, new Level[] {TOP, CONF, EXTRA}).code());
                DecisionRequest outsider = new DecisionRequest(r.personId(), false, false, r.levelCode(), Action.VIEW,
                        r.medium(), r.location(), r.recipient(), rnd.nextBoolean() ? null : (long) rnd.nextInt(1, 4));
                PolicyDecision d = s.decide(outsider);
                assertThat(d.outcome()).as(outsider.toString()).isEqualTo(Outcome.DENY);
                assertThat(d.reasonKey()).isEqualTo("policy.decision.notAccessHolder");
            }
        }
    }
}
