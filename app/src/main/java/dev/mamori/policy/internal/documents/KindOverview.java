package dev.mamori.policy.internal.documents;

/** A kind of document with its newest published version (null when never published). */
public record KindOverview(DocumentKind kind, VersionSummary latest) {
}
