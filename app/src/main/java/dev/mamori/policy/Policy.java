package dev.mamori.policy;

import java.util.List;

/**
 * The policy module's API: the classification scheme, the handling standard and decisions against it.
 */
public interface Policy {

    /** Levels of the scheme, strictest first. */
    List<Level> levels();

    /** The current standard (immutable; replaced when the scheme or the rules change). */
    Standard standard();

    /** Decides one request against the current standard; no database access. */
    PolicyDecision decide(DecisionRequest request);

    /** Adds a level (ledger: {@code policy.level.added}); warns when the scheme exceeds three levels. */
    LevelChange addLevel(LevelDraft draft);

    /** Renames a level (ledger: {@code policy.level.renamed}). */
    Level renameLevel(String code, String nameJa, String nameEn);
}
