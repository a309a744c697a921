package dev.mamori.agreement.internal;

import java.time.Instant;

/** A document generated from a template version with its values, and the SHA-256 of its text and files. */
public record GeneratedDocument(long id, TemplateKind kind, long templateVersionId, int templateNumber, String title,
                                Long personId, String counterparty, String textSha256, String docxSha256,
                                String pdfSha256, Instant createdAt, String createdBy) {
}
