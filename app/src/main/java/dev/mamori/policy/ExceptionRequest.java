package dev.mamori.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * A department's exception to one rule of the standard (部署ごとの例外): requested by the department's
 * 管理責任者, in force once the 統括責任者 or the committee approves it, for the entries that department
 * owns, until its end date or until it is revoked.
 *
 * @param permitted         who may act instead (null: unchanged)
 * @param approval          whose approval is needed instead (null: unchanged)
 * @param prohibited        prohibited or not instead (null: unchanged)
 * @param waivedObligations obligations the department need not fulfil
 * @param endsOn            last day in force (null: until revoked)
 * @param decisionNote      the approver's note, or the reason of a rejection or revocation
 */
public record ExceptionRequest(long id, String levelCode, Aspect aspect, Medium medium, long departmentId,
                               String departmentCode, String departmentName, Permitted permitted, Approver approval,
                               Boolean prohibited, Set<Obligation> waivedObligations, String reason, LocalDate endsOn,
                               ExceptionStatus status, long requestedByAccount, String requestedBy,
                               Instant requestedAt, String decidedBy, Instant decidedAt, String decisionNote) {

    public ExceptionRequest {
        waivedObligations = Set.copyOf(waivedObligations);
    }

    /** The rule it changes: {@code LEVEL/ASPECT/MEDIUM}. */
    public String ruleId() {
        return levelCode + "/" + aspect + "/" + medium;
    }

    /** How decisions cite it: {@code LEVEL/ASPECT/MEDIUM#exception-ID}. */
    public String citedId() {
        return ruleId() + "#exception-" + id;
    }

    /** The instant it stops applying: the start of the day after {@code endsOn} in Japan (null: never). */
    public Instant endsAt() {
        return endsOn == null ? null : endsOn.plusDays(1).atStartOfDay(HandlingRule.JAPAN).toInstant();
    }

    /** The day it was requested, in Japan. */
    public LocalDate requestedOn() {
        return requestedAt == null ? null : LocalDate.ofInstant(requestedAt, HandlingRule.JAPAN);
    }

    /** The day of the last decision (approval, rejection, withdrawal, revocation), in Japan; null when none. */
    public LocalDate decidedOn() {
        return decidedAt == null ? null : LocalDate.ofInstant(decidedAt, HandlingRule.JAPAN);
    }

    /** The base rule as this department handles it under the exception. */
    public HandlingRule applyTo(HandlingRule base) {
        return applyTo(base, permitted, approval, prohibited, waivedObligations);
    }

    /** The base rule with the changes of an exception. */
    public static HandlingRule applyTo(HandlingRule base, Permitted permitted, Approver approval, Boolean prohibited,
                                       Set<Obligation> waived) {
        Set<Obligation> obligations = copy(base.obligations());
        Set<Obligation> outside = copy(base.outsideOfficeObligations());
        obligations.removeAll(waived);
        outside.removeAll(waived);
        return new HandlingRule(base.levelCode(), base.aspect(), base.medium(),
                permitted == null ? base.permitted() : permitted, approval == null ? base.approval() : approval,
                prohibited == null ? base.prohibited() : prohibited, obligations, outside, base.source(),
                base.editedAt(), base.editedBy());
    }

    private static Set<Obligation> copy(Set<Obligation> s) {
        return s.isEmpty() ? EnumSet.noneOf(Obligation.class) : EnumSet.copyOf(s);
    }
}
