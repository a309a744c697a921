package dev.mamori.measure.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import dev.mamori.measure.Coverage.Finding;
import dev.mamori.measure.Purpose;
import dev.mamori.measure.Route;

/**
 * The handbook asks for measures balanced across the five purposes (3-2): a route that has measures but none
 * for some purpose the catalog offers measures for is lopsided. Routes with nothing selected at all are left
 * to {@link EmptyRouteRule}.
 */
final class BalanceRule implements CoverageRule {

    static final String ID = "balance";

    @Override
    public List<Finding> apply(CoverageInput in) {
        List<Finding> findings = new ArrayList<>();
        for (Route route : Route.values()) {
            if (in.selectedForRoute(route) == 0) {
                continue;
            }
            List<Purpose> missing = new ArrayList<>();
            for (Purpose p : Purpose.values()) {
                if (in.applicable(route, p) && in.selected(route, p) == 0) {
                    missing.add(p);
                }
            }
            if (!missing.isEmpty()) {
                findings.add(new Finding(ID, Finding.Severity.ADVICE, route, "measure.rule.balance",
                        List.of(missing.stream().map(CoverageInput::circled).collect(Collectors.joining("")))));
            }
        }
        return findings;
    }
}
