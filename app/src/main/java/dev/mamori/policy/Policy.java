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

    /**
     * Decides requests on behalf of the signed-in caller: a request without a person, or about the caller's
     * own person, is open to anyone signed in; a request about another person needs IT_SECURITY,
     * SYSTEM_ADMIN or CHIEF_OFFICER (refused with AccessRefusedException otherwise).
     */
    List<PolicyDecision> ask(List<DecisionRequest> requests);

    /** Adds a level (ledger: {@code policy.level.added}); warns when the scheme exceeds three levels. */
    LevelChange addLevel(LevelDraft draft);

    /** Renames a level (ledger: {@code policy.level.renamed}). */
    Level renameLevel(String code, String nameJa, String nameEn);
}
