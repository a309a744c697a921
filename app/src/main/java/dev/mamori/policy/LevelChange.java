package dev.mamori.policy;

import java.util.Optional;

/** The result of adding a level: the level and, if the scheme has grown large, a warning message key. */
public record LevelChange(Level level, Optional<String> warningKey) {
}
