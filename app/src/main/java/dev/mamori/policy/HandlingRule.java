package dev.mamori.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Set;

/**
 * One cell of the handling standard: how information of a level in one medium is handled in one aspect.
 *
 * @param prohibited              prohibited in principle; when {@code approval} is not NONE that approval
 *                                opens an exception, otherwise the action is refused
 * @param obligations             what the person must do when acting
 * @param outsideOfficeObligations further obligations when acting outside the office
 * @param source                  where the rule comes from (handbook section; empty for a rule the company
 *                                added itself). An edit keeps it: the rule then cites it plus the edit.
 * @param editedAt                when the company last changed the rule (null: as the handbook has it)
 * @param editedBy                who changed it (display name; null when not edited)
 */
public record HandlingRule(String levelCode, Aspect aspect, Medium medium, Permitted permitted, Approver approval,
                           boolean prohibited, Set<Obligation> obligations, Set<Obligation> outsideOfficeObligations,
                           String source, Instant editedAt, String editedBy) {

    /** Rule sources and edit dates are Japanese documents' dates. */
    public static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    public HandlingRule {
        obligations = Set.copyOf(obligations);
        outsideOfficeObligations = Set.copyOf(outsideOfficeObligations);
        source = source == null ? "" : source;
    }

    /** A rule as the handbook (or the company, unedited) has it. */
    public HandlingRule(String levelCode, Aspect aspect, Medium medium, Permitted permitted, Approver approval,
                        boolean prohibited, Set<Obligation> obligations, Set<Obligation> outsideOfficeObligations,
                        String source) {
        this(levelCode, aspect, medium, permitted, approval, prohibited, obligations, outsideOfficeObligations, source,
                null, null);
    }

    /** A stable id for citing the rule: {@code LEVEL/ASPECT/MEDIUM}. */
    public String id() {
        return levelCode + "/" + aspect + "/" + medium;
    }

    public boolean edited() {
        return editedAt != null;
    }

    /** The day of the last edit in Japan, or null. */
    public LocalDate editedOn() {
        return editedAt == null ? null : LocalDate.ofInstant(editedAt, JAPAN);
    }

    /** Whether the rule was added by the company (no handbook source). */
    public boolean companyOwn() {
        return source.isBlank();
    }

    /**
     * The citation decisions carry: the handbook section, plus the company's edit and its date when edited
     * (in Japanese, like the sources themselves).
     */
    public String citation() {
        if (editedAt == null) {
            return companyOwn() ? "会社が定めた基準" : source;
        }
        String base = companyOwn() ? "会社が定めた基準" : source;
        return base + "（" + editedOn() + " 会社が変更）";
    }

    /** The same handling (who, approval, prohibition, obligations), whatever the source and edit stamp. */
    public boolean sameHandling(HandlingRule other) {
        return other != null && permitted == other.permitted && approval == other.approval
                && prohibited == other.prohibited && obligations.equals(other.obligations)
                && outsideOfficeObligations.equals(other.outsideOfficeObligations)
                && Objects.equals(id(), other.id());
    }

    /** The rule with other handling, stamped as edited. */
    public HandlingRule withHandling(RuleDraft draft, Instant at, String by) {
        return new HandlingRule(levelCode, aspect, medium, draft.permitted(), draft.approval(), draft.prohibited(),
                draft.obligations(), draft.outsideOfficeObligations(), source, at, by);
    }
}
