package dev.mamori.policy.internal.documents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A published version without its contents: who published it when, from when it applies, whom it asks to
 * acknowledge it by when, and the SHA-256 of its text, DOCX and PDF.
 */
public record VersionSummary(long id, DocumentKind kind, int number, String title, String company,
                             LocalDate effectiveOn, Instant publishedAt, String publishedBy, boolean scopeAll,
                             List<Long> departmentIds, LocalDate dueOn, String textSha256, String docxSha256,
                             String pdfSha256) {

    public VersionSummary {
        departmentIds = List.copyOf(departmentIds);
    }

    public String slug() {
        return kind.slug();
    }
}
