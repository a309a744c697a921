package dev.mamori.platform;

import java.util.List;

/**
 * A count on the dashboard with the page it links to, and optionally a line under it
 * ({@code detailKey} with its arguments; null for none).
 */
public record DashboardCard(String messageKey, long count, String path, int order, String detailKey, List<Object> detailArgs) {

    public DashboardCard(String messageKey, long count, String path, int order) {
        this(messageKey, count, path, order, null, List.of());
    }
}
