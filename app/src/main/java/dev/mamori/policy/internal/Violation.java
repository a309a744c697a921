package dev.mamori.policy.internal;

/** A broken rule of the editor: the form field it concerns and the message key explaining it. */
record Violation(String field, String messageKey) {
}
