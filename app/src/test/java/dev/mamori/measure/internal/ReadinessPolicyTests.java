package dev.mamori.measure.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.mamori.measure.Indicator;
import dev.mamori.measure.PublicityCheck;
import dev.mamori.measure.Readiness;
import dev.mamori.measure.ReadinessIndicator;
import dev.mamori.measure.Requirement;
import dev.mamori.measure.SecretUnderReview;
import dev.mamori.policy.RegulationAcknowledgements;

/** The readiness rules as plain Java: assembling indicators, and the scores of the built-in indicators. */
class ReadinessPolicyTests {

    final ReadinessPolicy policy = new ReadinessPolicy();
    final LocalDate today = LocalDate.of(2026, 11, 27);

    static ReadinessIndicator of(Indicator i, int score) {
        return new ReadinessIndicator(i, score, "test", "k", List.of(), List.of());
    }

    @Test
    void indicatorsNobodyContributesAreShownAsNoRecordsAndPullTheRequirementDown() {
        Readiness r = policy.assemble(1, "x", "CONFIDENTIAL", "秘", List.of(of(Indicator.PUBLICITY_CHECKED, 100),
                of(Indicator.USEFULNESS_RECORDED, 50)));
        assertThat(r.indicators()).extracting(ReadinessIndicator::indicator).containsExactly(Indicator.values());
        assertThat(r.indicator(Indicator.PLEDGES_COVER_HOLDERS).missing().get(0).messageKey())
                .isEqualTo("measure.readiness.missing.noPledgeRecords");
        assertThat(r.score(Requirement.SECRECY_MANAGED)).isZero();
        assertThat(r.score(Requirement.USEFULNESS)).isEqualTo(50);
        assertThat(r.score(Requirement.NOT_PUBLIC)).isEqualTo(100);
        assertThat(r.overall()).isZero();
    }

    @Test
    void theLowerOfTwoContributionsStandsAndARequirementIsTheMeanOfItsIndicators() {
        List<ReadinessIndicator> all = new java.util.ArrayList<>();
        for (Indicator i : Indicator.values()) {
            all.add(of(i, 90));
        }
        all.add(of(Indicator.ACCESS_LOGGED, 30));
        Readiness r = policy.assemble(1, "x", "L", "L", all);
        assertThat(r.indicator(Indicator.ACCESS_LOGGED).score()).isEqualTo(30);
        assertThat(r.score(Requirement.SECRECY_MANAGED)).isEqualTo(80);
        assertThat(r.overall()).isEqualTo(80);
    }

    @Test
    void aPublicityCheckCountsFullyForAYearThenHalfAndNotAtAllWhenItFoundSomething() {
        PublicityCheck fresh = new PublicityCheck(1, 1, today.minusMonths(11), "a", "web", PublicityCheck.Result.NOT_FOUND,
                null, Instant.EPOCH);
        PublicityCheck old = new PublicityCheck(1, 1, today.minusMonths(13), "a", "web", PublicityCheck.Result.NOT_FOUND,
                null, Instant.EPOCH);
        PublicityCheck found = new PublicityCheck(1, 1, today, "a", "web", PublicityCheck.Result.FOUND, null, Instant.EPOCH);
        assertThat(PublicityReadiness.indicator(fresh, today).score()).isEqualTo(100);
        assertThat(PublicityReadiness.indicator(old, today).score()).isEqualTo(50);
        assertThat(PublicityReadiness.indicator(found, today).score()).isZero();
        assertThat(PublicityReadiness.indicator(null, today).score()).isZero();
    }

    @Test
    void acknowledgementsScoreTheShareOfHoldersAndNameThePendingAndTheNotAsked() {
        SecretUnderReview s = new SecretUnderReview(1, "x", 1, "L", "秘", today, Set.of(1L, 2L, 3L, 4L), List.of(), 1);
        var acks = new RegulationAcknowledgements(3, Instant.EPOCH, Set.of(1L, 2L, 3L), Map.of(1L, Instant.EPOCH));
        ReadinessIndicator i = AcknowledgementReadiness.indicator(s, acks);
        assertThat(i.score()).isEqualTo(25);
        assertThat(i.missing()).extracting(ReadinessIndicator.Missing::messageKey)
                .containsExactly("measure.readiness.missing.ackPending", "measure.readiness.missing.ackNotAsked");
        assertThat(i.missing().get(0).args()).containsExactly(2L, 3);
        assertThat(AcknowledgementReadiness.indicator(s, null).score()).isZero();
    }

    @Test
    void levelMeasuresScoreTheShareInOperation() {
        assertThat(LevelMeasuresReadiness.indicator("L", 0, 0).score()).isZero();
        assertThat(LevelMeasuresReadiness.indicator("L", 4, 3).score()).isEqualTo(75);
        assertThat(LevelMeasuresReadiness.indicator("L", 4, 4).missing()).isEmpty();
    }
}
