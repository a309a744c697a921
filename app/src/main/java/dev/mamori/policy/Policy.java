package dev.mamori.policy;

import java.util.List;
import java.util.Optional;

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
}
