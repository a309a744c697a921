package dev.mamori.platform;

import java.util.List;

/**
 * Implemented by each module that has pages, so the navigation lists only modules that exist.
 */
public interface NavigationContributor {

    List<NavigationItem> navigationItems();
}
