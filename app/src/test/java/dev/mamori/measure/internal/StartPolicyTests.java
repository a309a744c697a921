package dev.mamori.measure.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.mamori.measure.StartAnswers;
import dev.mamori.measure.StartAnswers.Size;

/** The guided start's rules: each answer brings the handbook measures it calls for, each with its reason. */
class StartPolicyTests {

    final StartPolicy policy = new StartPolicy();

    @Test
    void aSmallCompanyWithNothingSpecialGetsTheBaselineOnly() {
        var p = policy.propose(new StartAnswers(Size.SMALL, false, false, false, false, false, false));
        assertThat(p.keySet()).contains("EMPLOYEE-4-b", "LEAVER-1-a", "OUTSIDER-1-f").doesNotContain("EMPLOYEE-2-c",
                "PARTNER-4-a", "EMPLOYEE-1-b");
        assertThat(p.values()).allSatisfy(r -> assertThat(r).containsExactly("measure.start.reason.baseline"));
    }

    @Test
    void teleworkBringsEncryptionAndRemoteWipeWithTheTeleworkReason() {
        var p = policy.propose(new StartAnswers(Size.SMALL, true, false, false, false, false, false));
        assertThat(p.get("EMPLOYEE-2-c")).containsExactly("measure.start.reason.telework");
        assertThat(p.get("EMPLOYEE-2-d")).containsExactly("measure.start.reason.telework");
        assertThat(p.get("EMPLOYEE-3-o")).containsExactly("measure.start.reason.baseline", "measure.start.reason.telework");
    }

    @Test
    void eachAnswerAddsItsOwnMeasures() {
        var p = policy.propose(new StartAnswers(Size.LARGE, false, true, true, true, true, true));
        assertThat(p.get("EMPLOYEE-2-j")).contains("measure.start.reason.personalDevices");
        assertThat(p.get("EMPLOYEE-2-e")).contains("measure.start.reason.cloudServices");
        assertThat(p.get("PARTNER-4-a")).contains("measure.start.reason.supplyChain");
        assertThat(p.get("EMPLOYEE-4-b")).contains("measure.start.reason.baseline", "measure.start.reason.hiring");
        assertThat(p.get("OUTSIDER-3-c")).contains("measure.start.reason.visits");
        assertThat(p.get("EMPLOYEE-3-i")).contains("measure.start.reason.large");
        assertThat(p.get("EMPLOYEE-1-b")).contains("measure.start.reason.size", "measure.start.reason.cloudServices");
    }
}
