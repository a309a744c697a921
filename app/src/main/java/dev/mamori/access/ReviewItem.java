package dev.mamori.access;

import java.time.LocalDate;
import java.util.List;

/**
 * An entry whose grants its 管理責任者 reviews: when the review is due, whether it is overdue, and the live
 * grants (flagged ones need a decision).
 */
public record ReviewItem(long assetId, String assetName, String levelCode, LocalDate lastReviewedOn, LocalDate due,
                         boolean overdue, List<Grant> grants) {

    public long flagged() {
        return grants.stream().filter(g -> g.reviewFlag() != null).count();
    }
}
