package dev.mamori.measure.internal;

import java.util.List;

import dev.mamori.measure.Coverage.Finding;
import dev.mamori.measure.Route;

/**
 * Leavers are the handbook's most frequent route of leaks (3-4 (2)): the measures specific to leaving —
 * access ended at the right time, loaned media and devices returned, a confidentiality agreement at leaving,
 * the duty to return or delete made clear, and measures tightened around the leaving date — matter beyond the
 * re-listed employee measures. Once a level has measures for leavers, the specific ones it lacks are named.
 */
final class LeaverRule implements CoverageRule {

    static final String ID = "leaver";
    static final String[] POINTS = {"LEAVER-1-a", "LEAVER-2-k", "LEAVER-4-a", "LEAVER-4-c", "LEAVER-3-q"};

    @Override
    public List<Finding> apply(CoverageInput in) {
        if (in.selectedForRoute(Route.LEAVER) == 0) {
            return List.of();
        }
        List<String> missing = in.missing(POINTS);
        return missing.isEmpty() ? List.of() : List.of(new Finding(ID, Finding.Severity.ADVICE, Route.LEAVER,
                "measure.rule.leaver", List.of(String.join(", ", missing))));
    }
}
