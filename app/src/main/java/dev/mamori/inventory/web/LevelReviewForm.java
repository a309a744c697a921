package dev.mamori.inventory.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The 管理責任者's answer to a level review: the level the entry moves to (the proposed one or another)
 * and why.
 */
record LevelReviewForm(@NotBlank(message = "{inventory.levelReview.levelRequired}") String levelId,
                       @NotBlank(message = "{inventory.designation.reasonRequired}")
                       @Size(max = 1000, message = "{inventory.levelReview.reasonTooLong}") String reason) {

    static final java.util.Set<String> FIELDS = java.util.Set.of("levelId", "reason");
}
