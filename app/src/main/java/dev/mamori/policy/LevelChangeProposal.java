package dev.mamori.policy;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A proposed change of the scheme that moves designated entries: the level {@code fromCode} merges into
 * {@code intoCode}. Every entry at the old level is reviewed by its 管理責任者, who confirms the new level
 * or chooses another; the change completes (and the old level is retired) when none remains.
 *
 * @param reviewBy      when the managers' reviews are due
 * @param affectedCount how many entries were at the old level when it was proposed
 */
public record LevelChangeProposal(long id, String fromCode, String intoCode, String reason, LocalDate reviewBy,
                                  Status status, long proposedByAccountId, String proposedByName,
                                  Instant proposedAt, int affectedCount, Instant closedAt) {

    public enum Status {
        PROPOSED, COMPLETED, CANCELLED;

        public String messageKey() {
            return "policy.levelChange.status." + name();
        }
    }

    public boolean open() {
        return status == Status.PROPOSED;
    }
}
