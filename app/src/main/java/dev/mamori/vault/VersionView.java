package dev.mamori.vault;

import java.time.Instant;

/**
 * One stored version of a document. {@code format} is the kind of file told by its content ({@code PDF},
 * {@code DOCX}, …, the legacy {@code DOC}, {@code XLS}, {@code PPT}, {@code OTHER}); {@code markable} says whether
 * copies of it carry a mark (a legacy file's only where LibreOffice converts it); {@code shredded}
 * that its key was destroyed.
 */
public record VersionView(long id, int number, String fileName, String contentType, long sizeBytes, String sha256,
                          Instant uploadedAt, long uploadedByPersonId, String uploadedByName, String format,
                          boolean markable, boolean shredded) {
}
