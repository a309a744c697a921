package dev.mamori.inventory;

import java.time.LocalDate;

/**
 * A review the entry's 管理責任者 owes because the entry's level is being merged away: confirm the proposed
 * level or choose another, with a reason.
 *
 * @param changeId        the policy module's proposed change
 * @param fromLevelId     the entry's current level, which is going away
 * @param proposedLevelId the level the proposer suggests
 * @param reviewBy        when the review is due
 * @param changeReason    why the scheme changes (the proposer's reason)
 */
public record LevelReview(long changeId, String fromLevelId, String proposedLevelId, LocalDate reviewBy,
                          String changeReason) {
}
