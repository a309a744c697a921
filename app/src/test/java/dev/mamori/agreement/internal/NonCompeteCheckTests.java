package dev.mamori.agreement.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.mamori.agreement.internal.NonCompeteCheck.Activities;
import dev.mamori.agreement.internal.NonCompeteCheck.Assessment;
import dev.mamori.agreement.internal.NonCompeteCheck.Compensation;
import dev.mamori.agreement.internal.NonCompeteCheck.Factor;
import dev.mamori.agreement.internal.NonCompeteCheck.Input;
import dev.mamori.agreement.internal.NonCompeteCheck.Interest;
import dev.mamori.agreement.internal.NonCompeteCheck.Involvement;
import dev.mamori.agreement.internal.NonCompeteCheck.Rating;
import dev.mamori.agreement.internal.NonCompeteCheck.Region;
import dev.mamori.agreement.internal.NonCompeteCheck.Risk;

class NonCompeteCheckTests {

    static Rating rating(Assessment a, Factor f) {
        return a.ratings().stream().filter(r -> r.factor() == f).findFirst().orElseThrow();
    }

    @Test
    void theHandbooksTableOfCasesIsLoadedWithItsMarks() {
        assertThat(CourtCase.all()).hasSize(18);
        assertThat(CourtCase.all()).filteredOn(c -> c.id().equals("tokyo-h24-01-23")).singleElement()
                .satisfies(c -> {
                    assertThat(c.periodMonths()).isEqualTo(60);
                    assertThat(c.period()).isEqualTo("●");
                    assertThat(c.valid()).isFalse();
                });
        assertThat(CourtCase.all()).filteredOn(CourtCase::valid).hasSize(9);
    }

    @Test
    void aNarrowOneYearClauseWithCompensationForAnEngineerHandlingTradeSecretsIsLowRisk() {
        Assessment a = NonCompeteCheck.assess(new Input("設計課長", Interest.TRADE_SECRET, Involvement.CORE, false, 12,
                Region.LIMITED, Activities.SPECIFIC_DUTIES_OR_CUSTOMERS, Compensation.EXPLICIT_ALLOWANCE));
        assertThat(a.overall()).isEqualTo(Risk.LOW);
        assertThat(a.ratings()).extracting(Rating::risk).containsOnly(Risk.LOW);
        assertThat(rating(a, Factor.PERIOD).cases()).extracting(CourtCase::id).contains("tokyo-h19-04-24", "tokyo-h06-09-29")
                .doesNotContain("tokyo-h24-01-23");
    }

    @Test
    void fiveYearsAgainstAnyCompetitorWithoutCompensationIsHighRiskCitingTheFiveYearCase() {
        Assessment a = NonCompeteCheck.assess(new Input("営業", Interest.TRADE_SECRET, Involvement.CORE, false, 60,
                Region.NOT_STATED, Activities.ANY_COMPETITOR, Compensation.NONE));
        assertThat(a.overall()).isEqualTo(Risk.HIGH);
        assertThat(rating(a, Factor.PERIOD).risk()).isEqualTo(Risk.HIGH);
        assertThat(rating(a, Factor.PERIOD).cases()).extracting(CourtCase::id).contains("tokyo-h24-01-23");
        assertThat(rating(a, Factor.COMPENSATION).cases()).allMatch(c -> "●".equals(c.compensation()));
        assertThat(a.overallKey()).isEqualTo("agreement.nc.overall.HIGH");
    }

    @Test
    void withoutAnInterestToProtectTheClauseLacksItsPremiseWhateverElseItSays() {
        Assessment a = NonCompeteCheck.assess(new Input("事務", Interest.GENERAL_SKILLS, Involvement.CORE, false, 6,
                Region.LIMITED, Activities.SPECIFIC_DUTIES_OR_CUSTOMERS, Compensation.EXPLICIT_ALLOWANCE));
        assertThat(a.overall()).isEqualTo(Risk.HIGH);
        assertThat(a.overallKey()).isEqualTo("agreement.nc.overall.premise");
    }

    @Test
    void twoYearsIsMediumAndBindingEveryoneIsHigh() {
        Assessment two = NonCompeteCheck.assess(new Input(null, Interest.KNOWHOW, Involvement.CORE, false, 24,
                Region.LIMITED, Activities.SAME_BUSINESS, Compensation.HIGH_PAY));
        assertThat(rating(two, Factor.PERIOD).risk()).isEqualTo(Risk.MEDIUM);
        assertThat(two.overall()).isEqualTo(Risk.MEDIUM);
        Assessment everyone = NonCompeteCheck.assess(new Input(null, Interest.KNOWHOW, Involvement.CORE, true, 6,
                Region.LIMITED, Activities.SPECIFIC_DUTIES_OR_CUSTOMERS, Compensation.EXPLICIT_ALLOWANCE));
        assertThat(rating(everyone, Factor.POSITION).risk()).isEqualTo(Risk.HIGH);
    }
}
