package dev.mamori.inventory.internal;

import java.util.ArrayList;
import java.util.List;

import dev.mamori.inventory.AssetKind;
import dev.mamori.inventory.LegalRegimes;
import dev.mamori.inventory.SecrecyAnswers;
import dev.mamori.inventory.SecrecyOutcome;
import dev.mamori.inventory.SecrecyRecommendation;

/**
 * Recommends what to do with an entry, following the handbook's viewpoints (第2章 2-2): information that
 * law or a contract requires us to protect, or personal information, stays secret; data meant for
 * several companies is provided as 限定提供データ; technology whose market we want to grow is
 * standardised or published; technology that our products reveal is better patented (secret until the
 * application is published); technology whose infringement would be hard to detect stays secret; and
 * where managing and litigating would certainly cost more than a leak could lose, it is not published
 * but no secrecy cost is spent. The checks run in that order; the first that applies decides.
 */
public final class SecrecyDecisionPolicy {

    private SecrecyDecisionPolicy() {
    }

    public static SecrecyRecommendation recommend(AssetKind kind, LegalRegimes regimes, SecrecyAnswers a) {
        List<String> reasons = new ArrayList<>();
        boolean bound = yes(a.leakBreachesLawOrContract()) || regimes.personalInfo() || regimes.contractualDuty()
                || regimes.exportControlled();
        if (bound) {
            reasons.add("inventory.reason.boundByLawOrContract");
            if (regimes.personalInfo()) {
                reasons.add("inventory.reason.personalInfo");
            }
            return new SecrecyRecommendation(SecrecyOutcome.KEEP_SECRET, reasons);
        }
        if (costsExceedLoss(a)) {
            reasons.add("inventory.reason.costsExceedLoss");
            return new SecrecyRecommendation(SecrecyOutcome.UNPUBLISHED_WITHOUT_MANAGEMENT_COST, reasons);
        }
        if (yes(a.sharedDataForPartners()) || regimes.limitedProvisionData()) {
            reasons.add("inventory.reason.sharedData");
            return new SecrecyRecommendation(SecrecyOutcome.PROVIDE_AS_LIMITED_DATA, reasons);
        }
        if (kind == AssetKind.TECHNICAL) {
            if (yes(a.infrastructureOrStandard())) {
                reasons.add("inventory.reason.growMarket");
                return new SecrecyRecommendation(SecrecyOutcome.STANDARDISE_OR_PUBLISH, reasons);
            }
            if (yes(a.revealedByProductAnalysis())) {
                reasons.add("inventory.reason.revealedByProducts");
                if (yes(a.infringementHardToDetect())) {
                    reasons.add("inventory.reason.keepKnowhowSecret");
                }
                reasons.add("inventory.reason.secretUntilPublication");
                return new SecrecyRecommendation(SecrecyOutcome.PATENT_SECRET_UNTIL_PUBLICATION, reasons);
            }
            if (yes(a.infringementHardToDetect())) {
                reasons.add("inventory.reason.hardToDetect");
                return new SecrecyRecommendation(SecrecyOutcome.KEEP_SECRET, reasons);
            }
            reasons.add("inventory.reason.notRevealed");
            return new SecrecyRecommendation(SecrecyOutcome.KEEP_SECRET, reasons);
        }
        if (yes(a.ownAndWeakensUs())) {
            reasons.add("inventory.reason.weakensUs");
            reasons.add("inventory.reason.businessNotPatentable");
            return new SecrecyRecommendation(SecrecyOutcome.KEEP_SECRET, reasons);
        }
        reasons.add("inventory.reason.littleAtStake");
        return new SecrecyRecommendation(SecrecyOutcome.UNPUBLISHED_WITHOUT_MANAGEMENT_COST, reasons);
    }

    /** Managing and litigating would certainly cost more than the loss, and the loss is not recoverable anyway. */
    static boolean costsExceedLoss(SecrecyAnswers a) {
        if (a.expectedLossYen() == null || a.managementCostYen() == null) {
            return false;
        }
        long costs = a.managementCostYen() + (a.litigationCostYen() == null ? 0 : a.litigationCostYen());
        return costs > a.expectedLossYen();
    }

    private static boolean yes(Boolean b) {
        return Boolean.TRUE.equals(b);
    }
}
