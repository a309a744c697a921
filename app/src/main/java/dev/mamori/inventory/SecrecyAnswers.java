package dev.mamori.inventory;

/**
 * Answers to the handbook's questions for deciding what to keep secret (第2章 2-2(1)), plus the
 * cost-benefit view. Null means "not answered".
 *
 * @param revealedByProductAnalysis  技術: analysing our products on the market reveals it quickly
 * @param infringementHardToDetect   技術: even if patented, infringement would be hard to detect or prove
 * @param leakBreachesLawOrContract  a leak would breach a law or a contract with another company
 * @param infrastructureOrStandard   技術: infrastructure or standard technology whose market we want to grow
 * @param ownAndWeakensUs            営業: it is our own and a leak would weaken our competitiveness
 * @param sharedDataForPartners      data meant to be provided to or shared with several companies
 * @param managementCostYen          expected cost of managing it as a secret
 * @param litigationCostYen          expected cost of litigation (evidence, fees, time)
 * @param expectedLossYen            loss if it leaked (from the evaluation, or estimated here)
 * @param lossRecoverable            damages or an injunction would easily recover the loss
 */
public record SecrecyAnswers(Boolean revealedByProductAnalysis, Boolean infringementHardToDetect,
                             Boolean leakBreachesLawOrContract, Boolean infrastructureOrStandard,
                             Boolean ownAndWeakensUs, Boolean sharedDataForPartners, Long managementCostYen,
                             Long litigationCostYen, Long expectedLossYen, Boolean lossRecoverable) {

    static boolean yes(Boolean b) {
        return Boolean.TRUE.equals(b);
    }
}
