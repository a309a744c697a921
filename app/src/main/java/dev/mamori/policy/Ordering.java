package dev.mamori.policy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds where a laxer level is treated more strictly than a stricter one: for every pair of levels, every
 * action, medium, place and kind of person (access holder, 管理責任者, both), the stricter level's answer must
 * be at least as strict (outcome, and the manager's approval). Checking each action without a recipient is
 * enough: the recipient rules combine two such answers and keep that order.
 */
final class Ordering {

    private static final boolean[][] PEOPLE = {{true, false}, {false, true}, {true, true}};

    private Ordering() {
    }

    static List<OrderingWarning> of(Standard standard) {
        List<Level> levels = standard.levels();
        Set<OrderingWarning> warnings = new LinkedHashSet<>();
        for (int i = 0; i < levels.size(); i++) {
            for (int j = i + 1; j < levels.size(); j++) {
                Level strict = levels.get(i);
                Level lax = levels.get(j);
                for (Action action : Action.values()) {
                    for (Medium medium : Medium.values()) {
                        for (Location location : Location.values()) {
                            for (boolean[] person : PEOPLE) {
                                PolicyDecision s = standard.decide(new DecisionRequest(null, person[0], person[1],
                                        strict.code(), action, medium, location, Recipient.NONE));
                                PolicyDecision l = standard.decide(new DecisionRequest(null, person[0], person[1],
                                        lax.code(), action, medium, location, Recipient.NONE));
                                if (laxerIsStricter(s, l)) {
                                    warnings.add(new OrderingWarning(strict.code(), strict.marking(), lax.code(),
                                            lax.marking(), action.aspect(),
                                            action == Action.EMAIL_OUTSIDE ? Medium.ELECTRONIC : medium));
                                }
                            }
                        }
                    }
                }
            }
        }
        return List.copyOf(warnings);
    }

    /** The property the standard should keep: the stricter level never allows what the laxer one forbids. */
    static boolean laxerIsStricter(PolicyDecision stricterLevel, PolicyDecision laxerLevel) {
        return laxerLevel.outcome().stricterThan(stricterLevel.outcome())
                || laxerLevel.approvalBy() == Approver.MANAGER && stricterLevel.allowed()
                && stricterLevel.approvalBy() != Approver.MANAGER;
    }
}
