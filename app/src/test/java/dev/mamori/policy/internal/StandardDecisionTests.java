package dev.mamori.policy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.mamori.policy.Action;
import dev.mamori.policy.Approver;
import dev.mamori.policy.Aspect;
import dev.mamori.policy.DecisionRequest;
import dev.mamori.policy.Level;
import dev.mamori.policy.Location;
import dev.mamori.policy.Medium;
import dev.mamori.policy.Obligation;
import dev.mamori.policy.Outcome;
import dev.mamori.policy.PolicyDecision;
import dev.mamori.policy.Recipient;
import dev.mamori.policy.Standard;

/**
 * The decision function over the handbook's two-level example, without Spring or a database.
 */
class StandardDecisionTests {

    static final Level TOP = new Level("TOP_SECRET", "極秘", "Strictly confidential", 1, "#b00020", "極秘", "アクセス権者限り");
    static final Level CONF = new Level("CONFIDENTIAL", "社外秘", "Internal only", 2, "#c77700", "社外秘", "社内限り");
    static final Standard STANDARD = Standard.of(List.of(CONF, TOP), DefaultStandard.rules());

    static DecisionRequest req(String level, Action action, Medium medium, boolean holder, boolean manager) {
        return new DecisionRequest(1L, holder, manager, level, action, medium, Location.INSIDE_OFFICE, Recipient.NONE);
    }

    @Test
    void defaultStandardCoversEveryLevelAspectAndMedium() {
        for (Level l : List.of(TOP, CONF)) {
            for (Aspect a : Aspect.values()) {
                for (Medium m : Medium.values()) {
                    assertThat(STANDARD.rule(l.code(), a, m)).as(l.code() + a + m).isPresent();
                }
            }
        }
        assertThat(STANDARD.rules()).allSatisfy(r -> assertThat(r.source()).contains("秘密情報の保護ハンドブック"));
        assertThat(STANDARD.levels()).extracting(Level::code).containsExactly("TOP_SECRET", "CONFIDENTIAL");
    }

    @Test
    void onlyTheManagerMayCopyTopSecret() {
        assertThat(STANDARD.decide(req("TOP_SECRET", Action.COPY, Medium.DOCUMENT, true, false)).outcome())
                .isEqualTo(Outcome.DENY);
        PolicyDecision d = STANDARD.decide(req("TOP_SECRET", Action.PRINT, Medium.ELECTRONIC, true, true));
        assertThat(d.outcome()).isEqualTo(Outcome.ALLOW_WITH_CONDITIONS);
        assertThat(d.ruleIds()).containsExactly("TOP_SECRET/COPYING/ELECTRONIC");
    }

    @Test
    void viewingTopSecretLogsTheViewer() {
        PolicyDecision d = STANDARD.decide(req("TOP_SECRET", Action.VIEW, Medium.ELECTRONIC, true, false));
        assertThat(d.outcome()).isEqualTo(Outcome.ALLOW_WITH_CONDITIONS);
        assertThat(d.obligations()).contains(Obligation.LOG_VIEWER, Obligation.SCREEN_PRIVACY);
        assertThat(d.reasonKey()).isEqualTo("policy.decision.withObligations");
        assertThat(d.reasonArgs()).containsExactly("極秘");
    }

    @Test
    void viewingAnInternalDocumentInTheOfficeIsSimplyAllowed() {
        PolicyDecision d = STANDARD.decide(req("CONFIDENTIAL", Action.VIEW, Medium.DOCUMENT, true, false));
        assertThat(d.outcome()).isEqualTo(Outcome.ALLOW);
        PolicyDecision outside = STANDARD.decide(new DecisionRequest(1L, true, false, "CONFIDENTIAL", Action.VIEW,
                Medium.DOCUMENT, Location.OUTSIDE_OFFICE, Recipient.NONE));
        assertThat(outside.obligations()).containsExactly(Obligation.MIND_SURROUNDINGS);
    }

    @Test
    void takingTopSecretOutNeedsTheManagersApprovalAndEncryption() {
        PolicyDecision d = STANDARD.decide(req("TOP_SECRET", Action.TAKE_OUT, Medium.ELECTRONIC, true, false));
        assertThat(d.outcome()).isEqualTo(Outcome.ALLOW_WITH_CONDITIONS);
        assertThat(d.approvalBy()).isEqualTo(Approver.MANAGER);
        assertThat(d.obligations()).contains(Obligation.ENCRYPT, Obligation.CARRY_PERSONALLY);
    }

    @Test
    void emailingOutsideIsJudgedAsElectronicInformation() {
        PolicyDecision d = STANDARD.decide(req("CONFIDENTIAL", Action.EMAIL_OUTSIDE, Medium.DOCUMENT, true, false));
        assertThat(d.ruleIds()).containsExactly("CONFIDENTIAL/TAKE_OUT/ELECTRONIC");
        assertThat(d.obligations()).contains(Obligation.ENCRYPT);
    }

    @Test
    void providingTopSecretToAThirdPartyIsAnExceptionNeedingApprovalAndAPledge() {
        PolicyDecision d = STANDARD.decide(req("TOP_SECRET", Action.PROVIDE_TO_THIRD_PARTY, Medium.DOCUMENT, true, false));
        assertThat(d.outcome()).isEqualTo(Outcome.ALLOW_WITH_CONDITIONS);
        assertThat(d.approvalBy()).isEqualTo(Approver.MANAGER);
        assertThat(d.reasonKey()).isEqualTo("policy.decision.exception");
        assertThat(d.obligations()).contains(Obligation.RECIPIENT_PLEDGE_FIRST, Obligation.MINIMISE_DISCLOSURE);
    }

    @Test
    void distributingToAThirdPartyAlsoAppliesTheThirdPartyRule() {
        PolicyDecision d = STANDARD.decide(new DecisionRequest(1L, true, false, "CONFIDENTIAL", Action.DISTRIBUTE,
                Medium.DOCUMENT, Location.INSIDE_OFFICE, Recipient.THIRD_PARTY));
        assertThat(d.ruleIds()).containsExactly("CONFIDENTIAL/DISTRIBUTION/DOCUMENT", "CONFIDENTIAL/THIRD_PARTY/DOCUMENT");
        assertThat(d.obligations()).contains(Obligation.RECIPIENT_PLEDGE_FIRST, Obligation.CONFIRM_RETRIEVAL);
    }

    @Test
    void passingToAColleagueWithoutAccessNeedsTheManagersApproval() {
        PolicyDecision d = STANDARD.decide(new DecisionRequest(1L, true, false, "CONFIDENTIAL", Action.DISTRIBUTE,
                Medium.ELECTRONIC, Location.INSIDE_OFFICE, Recipient.COLLEAGUE_WITHOUT_ACCESS));
        assertThat(d.approvalBy()).isEqualTo(Approver.MANAGER);
        assertThat(d.reasonKey()).isEqualTo("policy.decision.recipientWithoutAccess");
    }

    @Test
    void disposingOfTopSecretHappensUnderTheManagersControl() {
        PolicyDecision d = STANDARD.decide(req("TOP_SECRET", Action.DISPOSE, Medium.OBJECT, true, false));
        assertThat(d.approvalBy()).isEqualTo(Approver.MANAGER);
        assertThat(d.obligations()).contains(Obligation.UNDER_MANAGER_CONTROL, Obligation.DISPOSE_BY_SHREDDING);
    }

    @Test
    void unknownLevelIsRefused() {
        PolicyDecision d = STANDARD.decide(req("NOPE", Action.VIEW, Medium.DOCUMENT, true, true));
        assertThat(d.outcome()).isEqualTo(Outcome.DENY);
        assertThat(d.reasonKey()).isEqualTo("policy.decision.unknownLevel");
    }

    @Test
    void levelWithoutRulesRefusesEverything() {
        Level extra = new Level("EXTRA", "部外秘", "Department only", 3, "#555555", "部外秘", "");
        Standard s = Standard.of(List.of(TOP, CONF, extra), DefaultStandard.rules());
        assertThat(s.decide(req("EXTRA", Action.VIEW, Medium.DOCUMENT, true, false)).reasonKey())
                .isEqualTo("policy.decision.noRule");
    }

    static DecisionRequest random(Random rnd, String level) {
        return new DecisionRequest(rnd.nextLong(1, 1000), rnd.nextBoolean(), rnd.nextBoolean(), level,
                pick(rnd, Action.values()), pick(rnd, Medium.values()), pick(rnd, Location.values()),
                pick(rnd, Recipient.values()));
    }

    static <T> T pick(Random rnd, T[] values) {
        return values[rnd.nextInt(values.length)];
    }

    @Test
    void aStricterLevelNeverAllowsWhatALaxerLevelForbids() {
        Random rnd = new Random(20261126L);
        for (int i = 0; i < 20_000; i++) {
            DecisionRequest lax = random(rnd, "CONFIDENTIAL");
            DecisionRequest strict = new DecisionRequest(lax.personId(), lax.accessHolder(), lax.manager(), "TOP_SECRET",
                    lax.action(), lax.medium(), lax.location(), lax.recipient());
            PolicyDecision laxer = STANDARD.decide(lax);
            PolicyDecision stricter = STANDARD.decide(strict);
            if (laxer.outcome() == Outcome.DENY) {
                assertThat(stricter.outcome()).as(strict.toString()).isEqualTo(Outcome.DENY);
            }
            assertThat(laxer.outcome().stricterThan(stricter.outcome())).as(strict.toString()).isFalse();
            if (laxer.approvalBy() == Approver.MANAGER && stricter.allowed()) {
                assertThat(stricter.approvalBy()).as(strict.toString()).isEqualTo(Approver.MANAGER);
            }
        }
    }

    @Test
    void aPersonOutsideTheAccessHoldersIsNeverAllowedToView() {
        Random rnd = new Random(4L);
        for (int i = 0; i < 20_000; i++) {
            DecisionRequest r = random(rnd, rnd.nextBoolean() ? "TOP_SECRET" : "CONFIDENTIAL");
            DecisionRequest outsider = new DecisionRequest(r.personId(), false, false, r.levelCode(), Action.VIEW,
                    r.medium(), r.location(), r.recipient());
            PolicyDecision d = STANDARD.decide(outsider);
            assertThat(d.outcome()).as(outsider.toString()).isEqualTo(Outcome.DENY);
            assertThat(d.reasonKey()).isEqualTo("policy.decision.notAccessHolder");
        }
    }
}
