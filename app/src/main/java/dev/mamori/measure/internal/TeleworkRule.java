package dev.mamori.measure.internal;

import java.util.List;

import dev.mamori.measure.Coverage.Finding;
import dev.mamori.measure.Route;

/**
 * Telework moves secret information out of the office, so the handbook's telework points ask for the measures
 * that still work at home: access only with registered IDs, encrypted data, remote wipe of lost devices, logs of
 * use, limits on private devices and the handling rules made known. Once a level has measures for employees,
 * the points it lacks are named (advice: only relevant where staff work remotely).
 */
final class TeleworkRule implements CoverageRule {

    static final String ID = "telework";
    static final String[] POINTS = {"EMPLOYEE-1-b", "EMPLOYEE-2-c", "EMPLOYEE-2-d", "EMPLOYEE-3-o", "EMPLOYEE-2-j",
            "EMPLOYEE-4-a"};

    @Override
    public List<Finding> apply(CoverageInput in) {
        if (in.selectedForRoute(Route.EMPLOYEE) == 0) {
            return List.of();
        }
        List<String> missing = in.missing(POINTS);
        return missing.isEmpty() ? List.of() : List.of(new Finding(ID, Finding.Severity.ADVICE, Route.EMPLOYEE,
                "measure.rule.telework", List.of(String.join(", ", missing))));
    }
}
