package dev.mamori.measure.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.mamori.measure.Coverage;
import dev.mamori.measure.Coverage.Finding;
import dev.mamori.measure.Coverage.Gap;
import dev.mamori.measure.Purpose;
import dev.mamori.measure.Route;

/** The coverage rules as plain Java: gaps by priority, empty routes, balance, and wide scope leaning on visibility. */
class CoveragePolicyTests {

    static Set<CoverageInput.Key> everyCellButOutsiderTrust() {
        Set<CoverageInput.Key> keys = new HashSet<>();
        for (Route r : Route.values()) {
            for (Purpose p : Purpose.values()) {
                if (!(r == Route.OUTSIDER && p == Purpose.TRUST)) {
                    keys.add(new CoverageInput.Key(r, p));
                }
            }
        }
        return keys;
    }

    static CoverageInput input(boolean wide, Map<CoverageInput.Key, Integer> selected, Map<CoverageInput.Key, Integer> inPlace) {
        return new CoverageInput("L", "社外秘", wide, everyCellButOutsiderTrust(), selected, inPlace);
    }

    static CoverageInput.Key k(Route r, Purpose p) {
        return new CoverageInput.Key(r, p);
    }

    @Test
    void cellsWithNothingSelectedComeBeforeCellsWithNothingInPlace() {
        Map<CoverageInput.Key, Integer> selected = new HashMap<>();
        selected.put(k(Route.EMPLOYEE, Purpose.ACCESS_CONTROL), 2);
        Coverage c = new CoveragePolicy().evaluate(input(false, selected, Map.of()));
        assertThat(c.gaps()).hasSize(19);
        assertThat(c.gaps().get(0)).isEqualTo(new Gap(Route.EMPLOYEE, Purpose.HARDER_TO_TAKE_OUT, Gap.Kind.NOTHING_SELECTED, 1));
        assertThat(c.gaps().get(18)).isEqualTo(new Gap(Route.EMPLOYEE, Purpose.ACCESS_CONTROL, Gap.Kind.NOTHING_IN_PLACE, 19));
        assertThat(c.cell(Route.OUTSIDER, Purpose.TRUST).applicable()).isFalse();
        assertThat(c.cell(Route.EMPLOYEE, Purpose.ACCESS_CONTROL).selected()).isEqualTo(2);
    }

    @Test
    void aRouteWithNothingSelectedIsWarnedAndNotAlsoCalledUnbalanced() {
        Map<CoverageInput.Key, Integer> selected = Map.of(k(Route.EMPLOYEE, Purpose.AWARENESS), 1);
        Coverage c = new CoveragePolicy().evaluate(input(false, selected, selected));
        assertThat(c.findings()).filteredOn(f -> f.rule().equals(EmptyRouteRule.ID)).extracting(Finding::route)
                .containsExactly(Route.LEAVER, Route.PARTNER, Route.OUTSIDER);
        assertThat(c.findings()).filteredOn(f -> f.rule().equals(BalanceRule.ID)).singleElement()
                .satisfies(f -> {
                    assertThat(f.route()).isEqualTo(Route.EMPLOYEE);
                    assertThat(f.args()).containsExactly("①②③⑤");
                });
        assertThat(c.findings().get(0).severity()).isEqualTo(Finding.Severity.WARNING);
    }

    @Test
    void balanceIgnoresPurposesTheCatalogHasNoMeasuresFor() {
        Map<CoverageInput.Key, Integer> selected = new HashMap<>();
        for (Purpose p : Purpose.values()) {
            if (p != Purpose.TRUST) {
                selected.put(k(Route.OUTSIDER, p), 1);
            }
        }
        Coverage c = new CoveragePolicy().evaluate(input(false, selected, Map.of()));
        assertThat(c.findings()).noneMatch(f -> f.rule().equals(BalanceRule.ID) && f.route() == Route.OUTSIDER);
    }

    @Test
    void wideScopeInformationLeaningOnAccessControlIsAdvisedTowardsVisibility() {
        Map<CoverageInput.Key, Integer> selected = new HashMap<>();
        selected.put(k(Route.EMPLOYEE, Purpose.ACCESS_CONTROL), 3);
        selected.put(k(Route.EMPLOYEE, Purpose.VISIBILITY), 1);
        Coverage wide = new CoveragePolicy().evaluate(input(true, selected, Map.of()));
        assertThat(wide.findings()).filteredOn(f -> f.rule().equals(WideScopeRule.ID)).singleElement()
                .satisfies(f -> assertThat(f.args()).containsExactly("社外秘", 3, 1));
        Coverage narrow = new CoveragePolicy().evaluate(input(false, selected, Map.of()));
        assertThat(narrow.findings()).noneMatch(f -> f.rule().equals(WideScopeRule.ID));
        selected.put(k(Route.EMPLOYEE, Purpose.VISIBILITY), 3);
        Coverage balanced = new CoveragePolicy().evaluate(input(true, selected, Map.of()));
        assertThat(balanced.findings()).noneMatch(f -> f.rule().equals(WideScopeRule.ID));
    }

    @Test
    void teleworkPointsMissingAtALevelWithEmployeeMeasuresAreNamed() {
        Map<CoverageInput.Key, Integer> selected = Map.of(k(Route.EMPLOYEE, Purpose.ACCESS_CONTROL), 2);
        var in = new CoverageInput("L", "社外秘", false, everyCellButOutsiderTrust(), selected, Map.of(),
                java.util.Set.of("EMPLOYEE-1-b", "EMPLOYEE-2-c", "EMPLOYEE-3-o", "EMPLOYEE-4-a"));
        assertThat(new CoveragePolicy().evaluate(in).findings()).filteredOn(f -> f.rule().equals(TeleworkRule.ID))
                .singleElement().satisfies(f -> {
                    assertThat(f.route()).isEqualTo(Route.EMPLOYEE);
                    assertThat(f.severity()).isEqualTo(Finding.Severity.ADVICE);
                    assertThat(f.args()).containsExactly("EMPLOYEE-2-d, EMPLOYEE-2-j");
                });
        var complete = new CoverageInput("L", "社外秘", false, everyCellButOutsiderTrust(), selected, Map.of(),
                java.util.Set.of(TeleworkRule.POINTS));
        assertThat(new CoveragePolicy().evaluate(complete).findings()).noneMatch(f -> f.rule().equals(TeleworkRule.ID));
    }

    @Test
    void leaverSpecificPointsAreNamedOnlyOnceTheLevelHasLeaverMeasures() {
        var none = new CoverageInput("L", "社外秘", false, everyCellButOutsiderTrust(), Map.of(), Map.of(), java.util.Set.of());
        assertThat(new CoveragePolicy().evaluate(none).findings()).noneMatch(f -> f.rule().equals(LeaverRule.ID));
        var some = new CoverageInput("L", "社外秘", false, everyCellButOutsiderTrust(),
                Map.of(k(Route.LEAVER, Purpose.ACCESS_CONTROL), 1), Map.of(), java.util.Set.of("LEAVER-1-a", "LEAVER-4-a"));
        assertThat(new CoveragePolicy().evaluate(some).findings()).filteredOn(f -> f.rule().equals(LeaverRule.ID))
                .singleElement().satisfies(f -> assertThat(f.args()).containsExactly("LEAVER-2-k, LEAVER-4-c, LEAVER-3-q"));
    }
}
