package dev.mamori.platform;

import java.util.Collection;
import java.util.Set;

/**
 * An entry of the side navigation. Shown to users holding any of {@code visibleTo}
 * (empty: every signed-in user).
 */
public record NavigationItem(String id, String messageKey, String path, int order, Set<Role> visibleTo) {

    public boolean visibleFor(CurrentUser user) {
        return visibleTo.isEmpty() || visibleTo.stream().anyMatch(user::has);
    }

    /**
     * The path of the one item a page belongs to: the item whose path is the page's, or the longest one the page's
     * path lies under ({@code /vault/copies/3} belongs to {@code /vault/copies}, not also to {@code /vault}); null
     * when none (the dashboard, {@code /}, only for itself).
     */
    public static String activePath(Collection<NavigationItem> items, String requestPath) {
        String best = null;
        for (NavigationItem item : items) {
            String p = item.path();
            boolean under = requestPath.equals(p) || !p.equals("/") && requestPath.startsWith(p.endsWith("/") ? p : p + "/");
            if (under && (best == null || p.length() > best.length())) {
                best = p;
            }
        }
        return best;
    }
}
