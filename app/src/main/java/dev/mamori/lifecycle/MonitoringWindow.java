package dev.mamori.lifecycle;

import java.time.LocalDate;

/**
 * A period of heightened monitoring of a leaver's activity, from some days before the notice of leaving
 * until some time after leaving (both inclusive), for the detection module to come.
 */
public record MonitoringWindow(long personId, LocalDate from, LocalDate until) {

    public boolean covers(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(until);
    }
}
