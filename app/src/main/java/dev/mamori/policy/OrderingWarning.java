package dev.mamori.policy;

/**
 * The standard treats a laxer level more strictly than a stricter one for some action: e.g. 社外秘 may not be
 * copied where 極秘 may. Allowed (the company decides), but the editor warns.
 *
 * @param stricterLevel the level ranked stricter (smaller rank)
 * @param laxerLevel    the level ranked laxer, whose rule is stricter here
 */
public record OrderingWarning(String stricterLevel, String stricterMarking, String laxerLevel, String laxerMarking,
                              Aspect aspect, Medium medium) {

    public String messageKey() {
        return "policy.rule.orderingWarning";
    }
}
