package dev.mamori.policy.web;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Downloads of generated documents, with their Japanese file names (RFC 6266 {@code filename*}). */
final class DocumentFiles {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private DocumentFiles() {
    }

    static ResponseEntity<byte[]> docx(byte[] bytes, String fileName) {
        return download(bytes, fileName, MediaType.parseMediaType(DOCX));
    }

    static ResponseEntity<byte[]> pdf(byte[] bytes, String fileName) {
        return download(bytes, fileName, MediaType.APPLICATION_PDF);
    }

    private static ResponseEntity<byte[]> download(byte[] bytes, String fileName, MediaType type) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
                .body(bytes);
    }
}
