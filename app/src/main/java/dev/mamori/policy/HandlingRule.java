package dev.mamori.policy;

import java.util.Set;

/**
 * One cell of the handling standard: how information of a level in one medium is handled in one aspect.
 *
 * @param prohibited              prohibited in principle; when {@code approval} is not NONE that approval
 *                                opens an exception, otherwise the action is refused
 * @param obligations             what the person must do when acting
 * @param outsideOfficeObligations further obligations when acting outside the office
 * @param source                  where the rule comes from (handbook section)
 */
public record HandlingRule(String levelCode, Aspect aspect, Medium medium, Permitted permitted, Approver approval,
                           boolean prohibited, Set<Obligation> obligations, Set<Obligation> outsideOfficeObligations,
                           String source) {

    public HandlingRule {
        obligations = Set.copyOf(obligations);
        outsideOfficeObligations = Set.copyOf(outsideOfficeObligations);
    }

    /** A stable id for citing the rule: {@code LEVEL/ASPECT/MEDIUM}. */
    public String id() {
        return levelCode + "/" + aspect + "/" + medium;
    }
}
