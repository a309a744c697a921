package dev.mamori.inventory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.mamori.inventory.AssetKind;
import dev.mamori.inventory.LegalRegimes;
import dev.mamori.inventory.SecrecyAnswers;
import dev.mamori.inventory.SecrecyOutcome;
import dev.mamori.inventory.SecrecyRecommendation;

class SecrecyDecisionPolicyTests {

    static SecrecyAnswers answers(Boolean revealed, Boolean hard, Boolean breach, Boolean standard, Boolean weakens,
                                  Boolean shared) {
        return new SecrecyAnswers(revealed, hard, breach, standard, weakens, shared, null, null, null, null);
    }

    static SecrecyRecommendation tech(SecrecyAnswers a) {
        return SecrecyDecisionPolicy.recommend(AssetKind.TECHNICAL, LegalRegimes.none(), a);
    }

    @Test
    void keepsManufacturingKnowhowThatIsHardToDetectSecret() {
        SecrecyRecommendation r = tech(answers(false, true, false, false, null, false));
        assertThat(r.outcome()).isEqualTo(SecrecyOutcome.KEEP_SECRET);
        assertThat(r.reasonKeys()).containsExactly("inventory.reason.hardToDetect");
    }

    @Test
    void patentsTechnologyOurProductsRevealAndKeepsItSecretUntilPublication() {
        SecrecyRecommendation r = tech(answers(true, false, false, false, null, false));
        assertThat(r.outcome()).isEqualTo(SecrecyOutcome.PATENT_SECRET_UNTIL_PUBLICATION);
        assertThat(r.reasonKeys()).contains("inventory.reason.revealedByProducts", "inventory.reason.secretUntilPublication");
    }

    @Test
    void standardisesInfrastructureTechnology() {
        assertThat(tech(answers(true, false, false, true, null, false)).outcome()).isEqualTo(SecrecyOutcome.STANDARDISE_OR_PUBLISH);
    }

    @Test
    void keepsWhatLawOrContractBindsSecretWhateverElseIsAnswered() {
        assertThat(tech(answers(true, false, true, true, null, true)).outcome()).isEqualTo(SecrecyOutcome.KEEP_SECRET);
        LegalRegimes personal = new LegalRegimes(false, false, true, 12000, false, false, false, null);
        SecrecyRecommendation r = SecrecyDecisionPolicy.recommend(AssetKind.BUSINESS, personal, answers(null, null, false, null, false, false));
        assertThat(r.outcome()).isEqualTo(SecrecyOutcome.KEEP_SECRET);
        assertThat(r.reasonKeys()).contains("inventory.reason.personalInfo");
    }

    @Test
    void providesSharedDataAsLimitedProvisionData() {
        assertThat(tech(answers(false, false, false, false, null, true)).outcome()).isEqualTo(SecrecyOutcome.PROVIDE_AS_LIMITED_DATA);
    }

    @Test
    void spendsNothingOnSecrecyWhenCostsCertainlyExceedTheLoss() {
        SecrecyAnswers a = new SecrecyAnswers(false, true, false, false, null, false, 3_000_000L, 5_000_000L, 1_000_000L, false);
        assertThat(tech(a).outcome()).isEqualTo(SecrecyOutcome.UNPUBLISHED_WITHOUT_MANAGEMENT_COST);
        assertThat(tech(a).reasonKeys()).containsExactly("inventory.reason.costsExceedLoss");
    }

    @Test
    void keepsBusinessInformationThatWouldWeakenUsSecretAndLetsTheRestGo() {
        assertThat(SecrecyDecisionPolicy.recommend(AssetKind.BUSINESS, LegalRegimes.none(),
                answers(null, null, false, null, true, false)).outcome()).isEqualTo(SecrecyOutcome.KEEP_SECRET);
        assertThat(SecrecyDecisionPolicy.recommend(AssetKind.BUSINESS, LegalRegimes.none(),
                answers(null, null, false, null, false, false)).outcome())
                .isEqualTo(SecrecyOutcome.UNPUBLISHED_WITHOUT_MANAGEMENT_COST);
    }
}
