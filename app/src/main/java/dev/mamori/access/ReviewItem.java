package dev.mamori.access;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An entry whose grants its 管理責任者 reviews: when the review is due, whether it is overdue, and the live
 * grants (flagged ones need a decision). {@code lastReviewedAt}: when the last review was completed (null: never).
 */
public record ReviewItem(long assetId, String assetName, String levelCode, LocalDate lastReviewedOn, LocalDate due,
                         boolean overdue, List<Grant> grants, Instant lastReviewedAt) {

    /**
     * Whether the grant was kept (継続) in the review under way: confirmed after the last review was completed.
     * Completing a review confirms every grant at that moment, which belongs to the review it completed.
     */
    public boolean keptInThisReview(Grant g) {
        return g.confirmedAt() != null && (lastReviewedAt == null || g.confirmedAt().isAfter(lastReviewedAt));
    }

    public long flagged() {
        return grants.stream().filter(g -> g.reviewFlag() != null).count();
    }
}
