package dev.mamori.measure.internal;

import java.util.ArrayList;
import java.util.List;

import dev.mamori.measure.Coverage.Finding;
import dev.mamori.measure.Purpose;
import dev.mamori.measure.Route;

/**
 * Information many people may access cannot be protected by tight access control alone; the handbook says
 * such information leans on 視認性の確保 (making misconduct easy to see) instead (3-2). For a level whose
 * scope is wide, advises when, for the people inside (従業員等, 退職者等), fewer visibility measures than
 * access-control measures are selected.
 */
final class WideScopeRule implements CoverageRule {

    static final String ID = "wide-scope";

    @Override
    public List<Finding> apply(CoverageInput in) {
        if (!in.wideScope()) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (Route route : List.of(Route.EMPLOYEE, Route.LEAVER)) {
            int access = in.selected(route, Purpose.ACCESS_CONTROL);
            int visibility = in.selected(route, Purpose.VISIBILITY);
            if (in.selectedForRoute(route) > 0 && visibility < Math.max(access, 1)) {
                findings.add(new Finding(ID, Finding.Severity.ADVICE, route, "measure.rule.wideScope",
                        List.of(in.levelName(), access, visibility)));
            }
        }
        return findings;
    }
}
