package dev.mamori.measure.internal;

import java.util.ArrayList;
import java.util.List;

import dev.mamori.measure.Coverage.Finding;
import dev.mamori.measure.Route;

/**
 * A level with nothing selected for a route leaves that whole route of leakage open (handbook 3-2: measures
 * are chosen per route — employees, leavers, partners, outsiders). Warns once per empty route.
 */
final class EmptyRouteRule implements CoverageRule {

    static final String ID = "empty-route";

    @Override
    public List<Finding> apply(CoverageInput in) {
        List<Finding> findings = new ArrayList<>();
        for (Route route : Route.values()) {
            if (in.selectedForRoute(route) == 0) {
                findings.add(new Finding(ID, Finding.Severity.WARNING, route, "measure.rule.emptyRoute",
                        List.of(in.levelName())));
            }
        }
        return findings;
    }
}
