package dev.mamori.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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

    // ---------------------------------------------------------------- scheme editing (3-1)

    /** Codes of the levels whose entries are hidden from everyone outside their access holders. */
    Set<String> concealedLevelCodes();

    /** The warning (a message key) when the scheme has more levels than the handbook's advice allows. */
    Optional<String> schemeWarning();

    /**
     * Changes a level's names, colour, marking, default scope and whether it conceals its entries
     * (ledger: {@code policy.level.changed}).
     */
    Level updateLevel(String code, LevelEdit edit);

    /**
     * Moves a level to another rank; a level already holding that rank takes the level's old rank
     * (ledger: {@code policy.level.reordered}). Returns the levels, strictest first.
     */
    List<Level> moveLevel(String code, int rank);

    /**
     * Retires a level that no live entry is designated at, with its rules (ledger: {@code policy.level.retired});
     * a level with entries is refused with a ConflictException — propose a merge instead.
     */
    void retireLevel(String code);

    /** The live entries designated at a level: what merging or retiring it affects. */
    List<DesignatedEntries.Entry> entriesAt(String code);

    /**
     * Proposes merging {@code fromCode} into {@code intoCode} (ledger: {@code policy.level.mergeProposed},
     * event {@link LevelEvents.LevelMergeProposed}); the caller is the proposer. With no entry at the old
     * level it completes at once.
     */
    LevelChangeProposal proposeMerge(String fromCode, String intoCode, String reason, LocalDate reviewBy);

    /** Every proposed change, newest first. */
    List<LevelChangeProposal> levelChanges();

    Optional<LevelChangeProposal> levelChange(long id);

    /** The open merge that takes the level away, if any. */
    Optional<LevelChangeProposal> openMergeFrom(String code);

    /** The proposer withdraws an open change (ledger: {@code policy.level.mergeCancelled}). */
    LevelChangeProposal cancelLevelChange(long id);

    /**
     * Completes every open merge whose old level has no live entry left: the old level is retired
     * (ledger: {@code policy.level.merged}, event {@link LevelEvents.LevelMergeCompleted}). Returns their ids.
     */
    List<Long> completeSettledChanges();

    // ---------------------------------------------------------------- the standard editor

    /**
     * Saves the handling of one cell (adds a rule where the cell has none). Only CHIEF_OFFICER and COMMITTEE;
     * the rule keeps its handbook citation and is stamped as edited; ledger {@code policy.rule.changed} with
     * before and after; the in-memory standard follows after commit. Warns, without refusing, when the edit
     * makes a laxer level stricter than a stricter one.
     */
    RuleChange saveRule(String levelCode, Aspect aspect, Medium medium, RuleDraft draft);

    /** Puts the handbook's rule back into the cell (removes the rule where the handbook has none). */
    RuleChange resetRule(String levelCode, Aspect aspect, Medium medium);

    /** The handbook's example rule for the cell, if it has one. */
    Optional<HandlingRule> handbookRule(String levelCode, Aspect aspect, Medium medium);

    // ---------------------------------------------------------------- departments' exceptions

    /**
     * Exception requests with the given status (null: all), newest first: every request for CHIEF_OFFICER,
     * COMMITTEE and AUDITOR; a 管理責任者's departments' requests and their own otherwise.
     */
    List<ExceptionRequest> exceptions(ExceptionStatus status);

    /** The approved exceptions in force now, for everyone who reads the standard. */
    List<ExceptionRequest> exceptionsInForce();

    /** The departments the caller may ask exceptions for (a 管理責任者's departments and those below). */
    List<ExceptionDepartment> exceptionDepartments();

    /** A 管理責任者 asks for an exception for one of their departments (ledger {@code policy.exception.requested}). */
    ExceptionRequest requestException(ExceptionDraft draft);

    /** CHIEF_OFFICER or COMMITTEE approves a pending request; it applies from then on (ledger {@code policy.exception.approved}). */
    ExceptionRequest approveException(long id, String note);

    /** CHIEF_OFFICER or COMMITTEE rejects a pending request with a reason (ledger {@code policy.exception.rejected}). */
    ExceptionRequest rejectException(long id, String reason);

    /**
     * Ends a request: a pending one is withdrawn ({@code policy.exception.withdrawn}), an approved one revoked
     * ({@code policy.exception.revoked}). By the approvers, or the department's 管理責任者.
     */
    ExceptionRequest revokeException(long id, String reason);

    // ---------------------------------------------------------------- for other modules' readiness checks
    // (added for measure's trade-secret readiness; a read without access check: the caller checks)

    /**
     * The given people's acknowledgements of the newest published 秘密情報管理規程; empty while none is published.
     */
    Optional<RegulationAcknowledgements> regulationAcknowledgements(java.util.Collection<Long> personIds);
}
