package dev.mamori.platform;

import java.util.List;

/**
 * Implemented by modules that show counts on the dashboard; gets the viewer so counts respect scopes.
 */
public interface DashboardContributor {

    List<DashboardCard> cards(CurrentUser viewer);
}
