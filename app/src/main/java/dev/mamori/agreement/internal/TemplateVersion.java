package dev.mamori.agreement.internal;

import java.time.Instant;

/** One immutable version of a template: its text and the text's SHA-256. */
public record TemplateVersion(long id, TemplateKind kind, int number, String source, String sha256, String note,
                              Instant createdAt, String createdBy) {

    public TemplateSource parsed() {
        return TemplateSource.parse(kind, source);
    }
}
