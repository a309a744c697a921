package dev.mamori.measure.internal;

import java.util.Map;
import java.util.Set;

import dev.mamori.measure.Purpose;
import dev.mamori.measure.Route;

/**
 * What the coverage rules look at for one level: counts per route and purpose of selected measures (not
 * 対象外) and of those in operation, which cells the catalog has measures for, and whether the level's access
 * scope is wide (any level broader than the scheme's strictest), and the catalog codes of the selected measures.
 */
record CoverageInput(String levelCode, String levelName, boolean wideScope, Set<Key> applicable,
                     Map<Key, Integer> selected, Map<Key, Integer> inPlace, Set<String> selectedCodes) {

    CoverageInput(String levelCode, String levelName, boolean wideScope, Set<Key> applicable,
                  Map<Key, Integer> selected, Map<Key, Integer> inPlace) {
        this(levelCode, levelName, wideScope, applicable, selected, inPlace, Set.of());
    }

    /** Catalog codes given, in order, that are not among the level's selected measures. */
    java.util.List<String> missing(String... codes) {
        return java.util.Arrays.stream(codes).filter(c -> !selectedCodes.contains(c)).toList();
    }

    record Key(Route route, Purpose purpose) {
    }

    int selected(Route r, Purpose p) {
        return selected.getOrDefault(new Key(r, p), 0);
    }

    int inPlace(Route r, Purpose p) {
        return inPlace.getOrDefault(new Key(r, p), 0);
    }

    boolean applicable(Route r, Purpose p) {
        return applicable.contains(new Key(r, p));
    }

    int selectedForRoute(Route r) {
        int n = 0;
        for (Purpose p : Purpose.values()) {
            n += selected(r, p);
        }
        return n;
    }

    static String circled(Purpose p) {
        return String.valueOf("①②③④⑤".charAt(p.number() - 1));
    }
}
