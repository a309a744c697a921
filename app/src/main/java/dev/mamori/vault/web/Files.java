package dev.mamori.vault.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;

import dev.mamori.vault.IssuedFile;
import dev.mamori.vault.Upload;
import dev.mamori.vault.internal.marking.FileFormat;

/**
 * Marked copies as responses (never cached) and uploads as {@link Upload}s. A file is shown in the browser only
 * when it is in a format that runs nothing and that the vault marks (PDF, PNG, JPEG); anything else is an
 * attachment typed {@code application/octet-stream}, whatever the uploader claimed. Every file answer carries
 * {@code Content-Security-Policy: sandbox; default-src 'none'} and {@code X-Content-Type-Options: nosniff}, so a
 * stored file can never run script in Mamori's origin.
 */
final class Files {

    static final String SANDBOX = "sandbox; default-src 'none'";

    /** Shown inline: inert formats the vault tells by their content and marks. */
    private static final Set<String> INLINE = Set.of(FileFormat.PDF.contentType(), FileFormat.PNG.contentType(),
            FileFormat.JPEG.contentType());

    /** Types the vault itself assigns (from the content); any other type is served as octet-stream. */
    private static final Set<String> KNOWN = Arrays.stream(FileFormat.values()).map(FileFormat::contentType)
            .collect(Collectors.toUnmodifiableSet());

    private Files() {
    }

    static ResponseEntity<byte[]> attachment(IssuedFile f) {
        return send(f.content(), f.fileName(), f.contentType(), false, f.copyNumber());
    }

    /** In the browser when the format is inert, else as an attachment. */
    static ResponseEntity<byte[]> inline(IssuedFile f) {
        return send(f.content(), f.fileName(), f.contentType(), INLINE.contains(f.contentType()), f.copyNumber());
    }

    /** A page image of the document viewer (a PNG the vault drew itself), shown in the browser. */
    static ResponseEntity<byte[]> png(byte[] bytes, String fileName) {
        return send(bytes, fileName, FileFormat.PNG.contentType(), true, null);
    }

    static ResponseEntity<byte[]> pdf(byte[] bytes, String fileName) {
        return send(bytes, fileName, MediaType.APPLICATION_PDF_VALUE, false, null);
    }

    private static ResponseEntity<byte[]> send(byte[] bytes, String fileName, String type, boolean inline, Integer copy) {
        ContentDisposition.Builder d = inline ? ContentDisposition.inline() : ContentDisposition.attachment();
        MediaType mediaType = type != null && KNOWN.contains(type) ? MediaType.parseMediaType(type)
                : MediaType.APPLICATION_OCTET_STREAM;
        var r = ResponseEntity.ok().contentType(mediaType)
                .cacheControl(CacheControl.noStore())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", SANDBOX)
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
