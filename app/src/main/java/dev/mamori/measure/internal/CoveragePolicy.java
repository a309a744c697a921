package dev.mamori.measure.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.mamori.measure.Coverage;
import dev.mamori.measure.Coverage.Cell;
import dev.mamori.measure.Coverage.Finding;
import dev.mamori.measure.Coverage.Gap;
import dev.mamori.measure.Purpose;
import dev.mamori.measure.Route;

/**
 * Builds a level's coverage from counts: the heatmap cells, the gaps by priority (cells with nothing selected
 * before cells with nothing in place; within each, routes and purposes in the handbook's order), and the
 * findings of the guidance rules. Plain Java, no database.
 */
final class CoveragePolicy {

    private final List<CoverageRule> rules = List.of(new EmptyRouteRule(), new WideScopeRule(), new BalanceRule(),
            new TeleworkRule(), new LeaverRule());

    Coverage evaluate(CoverageInput in) {
        List<Cell> cells = new ArrayList<>();
        List<Gap> gaps = new ArrayList<>();
        for (Route route : Route.values()) {
            for (Purpose purpose : Purpose.values()) {
                boolean applicable = in.applicable(route, purpose);
                int selected = in.selected(route, purpose);
                int inPlace = in.inPlace(route, purpose);
                cells.add(new Cell(route, purpose, applicable, selected, inPlace));
                if (!applicable) {
                    continue;
                }
                if (selected == 0) {
                    gaps.add(new Gap(route, purpose, Gap.Kind.NOTHING_SELECTED, 0));
                } else if (inPlace == 0) {
                    gaps.add(new Gap(route, purpose, Gap.Kind.NOTHING_IN_PLACE, 0));
                }
            }
        }
        gaps.sort(Comparator.comparing(Gap::kind).thenComparing(Gap::route).thenComparing(Gap::purpose));
        List<Gap> ranked = new ArrayList<>();
        for (int i = 0; i < gaps.size(); i++) {
            Gap g = gaps.get(i);
            ranked.add(new Gap(g.route(), g.purpose(), g.kind(), i + 1));
        }
        List<Finding> findings = new ArrayList<>();
        rules.forEach(rule -> findings.addAll(rule.apply(in)));
        findings.sort(Comparator.comparing(Finding::severity));
        return new Coverage(in.levelCode(), in.levelName(), cells, ranked, findings);
    }
}
