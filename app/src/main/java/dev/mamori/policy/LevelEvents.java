package dev.mamori.policy;

/**
 * Events of the classification scheme, published in the transaction of the change; ids and codes only.
 */
public final class LevelEvents {

    private LevelEvents() {
    }

    /** Merging {@code fromCode} into {@code intoCode} was proposed; the entries at the old level await review. */
    public record LevelMergeProposed(long changeId, String fromCode, String intoCode) {
    }

    /** No entry remained at {@code fromCode}; the level was retired. */
    public record LevelMergeCompleted(long changeId, String fromCode, String intoCode) {
    }

    /** The proposer withdrew the merge; entries already reviewed keep their new level. */
    public record LevelMergeCancelled(long changeId, String fromCode, String intoCode) {
    }

    /** An unused level was retired. */
    public record LevelRetired(String code) {
    }
}
