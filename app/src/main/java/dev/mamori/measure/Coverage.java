package dev.mamori.measure;

import java.util.List;

/**
 * The coverage of one classification level: a cell per route and purpose (cells the catalog has no measures
 * for are marked {@code applicable=false}), the gaps by priority, and the findings of the guidance rules.
 */
public record Coverage(String levelCode, String levelName, List<Cell> cells, List<Gap> gaps, List<Finding> findings) {

    public record Cell(Route route, Purpose purpose, boolean applicable, int selected, int inPlace) {
    }

    /** A cell with nothing selected ({@code NOTHING_SELECTED}) or nothing in place ({@code NOTHING_IN_PLACE}). */
    public record Gap(Route route, Purpose purpose, Kind kind, int priority) {

        public enum Kind {
            NOTHING_SELECTED, NOTHING_IN_PLACE
        }
    }

    /**
     * A finding of a guidance rule that explains itself: {@code messageKey} with {@code args} says what was found,
     * why it matters and what to do.
     */
    public record Finding(String rule, Severity severity, Route route, String messageKey, List<Object> args) {

        public Finding {
            args = List.copyOf(args);
        }

        public enum Severity {
            WARNING, ADVICE
        }
    }

    public Cell cell(Route route, Purpose purpose) {
        return cells.stream().filter(c -> c.route() == route && c.purpose() == purpose).findFirst().orElseThrow();
    }
}
