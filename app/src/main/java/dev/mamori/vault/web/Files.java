package dev.mamori.vault.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;

import dev.mamori.vault.IssuedFile;
import dev.mamori.vault.Upload;

/** Marked copies as responses (never cached) and uploads as {@link Upload}s. */
final class Files {

    private Files() {
    }

    static ResponseEntity<byte[]> attachment(IssuedFile f) {
        return send(f.content(), f.fileName(), f.contentType(), false, f.copyNumber());
    }

    static ResponseEntity<byte[]> inline(IssuedFile f) {
        return send(f.content(), f.fileName(), f.contentType(), true, f.copyNumber());
    }

    static ResponseEntity<byte[]> pdf(byte[] bytes, String fileName) {
        return send(bytes, fileName, MediaType.APPLICATION_PDF_VALUE, false, null);
    }

    private static ResponseEntity<byte[]> send(byte[] bytes, String fileName, String type, boolean inline, Integer copy) {
        ContentDisposition.Builder d = inline ? ContentDisposition.inline() : ContentDisposition.attachment();
        var r = ResponseEntity.ok().contentType(MediaType.parseMediaType(type))
                .cacheControl(CacheControl.noStore())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CONTENT_DISPOSITION, d.filename(fileName, StandardCharsets.UTF_8).build().toString());
        if (copy != null) {
            r.header("X-Mamori-Copy-Number", String.valueOf(copy));
        }
        return r.body(bytes);
    }

    static Upload upload(MultipartFile file) {
        if (file == null) {
            return null;
        }
        try {
            return new Upload(file.getOriginalFilename(), file.getContentType(), file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
