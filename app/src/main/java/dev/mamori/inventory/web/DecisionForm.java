package dev.mamori.inventory.web;

import dev.mamori.inventory.SecrecyAnswers;
import dev.mamori.inventory.SecrecyOutcome;

/**
 * The decision wizard's answers, and (when recording) the chosen outcome and the reason.
 */
public record DecisionForm(Boolean revealedByProductAnalysis, Boolean infringementHardToDetect,
                           Boolean leakBreachesLawOrContract, Boolean infrastructureOrStandard, Boolean ownAndWeakensUs,
                           Boolean sharedDataForPartners, Long managementCostYen, Long litigationCostYen,
                           Long expectedLossYen, Boolean lossRecoverable, SecrecyOutcome chosen, String reason) {

    static DecisionForm empty() {
        return new DecisionForm(null, null, null, null, null, null, null, null, null, null, null, null);
    }

    SecrecyAnswers answers() {
        return new SecrecyAnswers(revealedByProductAnalysis, infringementHardToDetect, leakBreachesLawOrContract,
                infrastructureOrStandard, ownAndWeakensUs, sharedDataForPartners, managementCostYen, litigationCostYen,
                expectedLossYen, lossRecoverable);
    }
}
