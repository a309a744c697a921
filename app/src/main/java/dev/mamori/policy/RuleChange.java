package dev.mamori.policy;

import java.util.List;

/**
 * The result of saving or resetting a rule: the rule now in force (null when the cell has no rule any
 * more), whether anything changed, and the ordering warnings the change introduced.
 */
public record RuleChange(HandlingRule rule, boolean changed, List<OrderingWarning> warnings) {

    public RuleChange {
        warnings = List.copyOf(warnings);
    }
}
