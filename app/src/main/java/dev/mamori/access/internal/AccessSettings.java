package dev.mamori.access.internal;

import org.springframework.stereotype.Component;

/**
 * The settings in force, read from {@link AccessProperties} at start; four-eyes approval can be switched
 * while running (by tests, and later by a settings page).
 */
@Component
public class AccessSettings {

    private final AccessProperties properties;
    private volatile boolean fourEyes;

    AccessSettings(AccessProperties properties) {
        this.properties = properties;
        this.fourEyes = properties.fourEyes();
    }

    public AccessProperties properties() {
        return properties;
    }

    public boolean fourEyes() {
        return fourEyes;
    }

    public void setFourEyes(boolean on) {
        this.fourEyes = on;
    }
}
