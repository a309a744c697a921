package dev.mamori.directory.internal.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.mamori.directory.internal.Change;

/**
 * What a run over a file found: counts of rows to create, change and leave alone, the errors and the
 * events applying would publish. Counts are exact; only the first {@code keep} errors and events are
 * kept for showing, so a large file does not fill the memory.
 */
final class Tally {

    private final int keep;
    int rows;
    int toCreate;
    int toChange;
    int unchanged;
    int errorCount;
    int eventCount;
    final Map<String, Integer> eventCounts = new TreeMap<>();
    final List<Finding> errors = new ArrayList<>();
    final List<Finding> events = new ArrayList<>();

    Tally(int keep) {
        this.keep = keep;
    }

    void error(Finding finding) {
        errorCount++;
        if (errors.size() < keep) {
            errors.add(finding);
        }
    }

    void change(int row, String key, Change change) {
        String name = change.event().getClass().getSimpleName();
        eventCount++;
        eventCounts.merge(name, 1, Integer::sum);
        if (events.size() < keep) {
            events.add(new Finding(row, key, null, name, List.of(change.record().action())));
        }
    }
}
