package dev.mamori.lifecycle;

/** A kept file with its SHA-256 (hex). */
public record StoredDocument(long id, String fileName, String contentType, String sha256, byte[] content) {
}
