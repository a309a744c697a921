package dev.mamori.platform;

/**
 * A count on the dashboard with the page it links to.
 */
public record DashboardCard(String messageKey, long count, String path, int order) {
}
