package dev.mamori.directory.internal;

/**
 * One broken rule of an input: the field, a message key and its arguments.
 */
public record Violation(String field, String messageKey, Object... args) {
}
