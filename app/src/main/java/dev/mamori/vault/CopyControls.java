package dev.mamori.vault;

import java.util.Set;

/**
 * The numbered copies (by id) whose controls the copy tracker offers the caller: {@code fetchable}, the file may be
 * taken now; {@code settleable}, its return or destruction may be recorded.
 */
public record CopyControls(Set<Long> fetchable, Set<Long> settleable) {
}
