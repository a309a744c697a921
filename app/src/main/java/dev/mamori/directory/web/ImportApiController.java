package dev.mamori.directory.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import dev.mamori.directory.internal.importing.DirectoryImport;
import dev.mamori.directory.internal.importing.Finding;
import dev.mamori.directory.internal.importing.ImportKind;
import dev.mamori.directory.internal.importing.ImportPreview;
import dev.mamori.platform.InvalidInputException;

/**
 * Imports over the API: upload a file (multipart {@code file}, optional {@code encoding}) to get
 * its preview with all errors kept (see {@code mamori.import.kept-findings}), then apply it by id.
 * SYSTEM_ADMIN and HR only.
 */
@RestController
@RequestMapping("/api/v1")
@PreAuthorize("hasAnyRole('SYSTEM_ADMIN','HR')")
class ImportApiController {

    private static final int MAX_LISTED = 1000;
    private final DirectoryImport imports;
    private final MessageSource messages;

    ImportApiController(DirectoryImport imports, MessageSource messages) {
        this.imports = imports;
        this.messages = messages;
    }

    /** A preview as the API shows it. */
    record PreviewJson(UUID id, String kind, String fileName, String format, String encoding, int rows, int toCreate,
                       int toChange, int unchanged, int errorCount, int eventCount, Map<String, Integer> eventCounts,
                       boolean applicable, Instant expiresAt, Instant appliedAt, List<ErrorJson> errors,
                       List<EventJson> events) {
    }

    record ErrorJson(int row, String key, String column, String columnHeader, String code, List<String> args,
                     String message, String message_ja, String message_en) {
    }

    record EventJson(int row, String key, String event, String action) {
    }

    @PostMapping("/{kind:people|departments}/import")
    PreviewJson create(@PathVariable String kind, @RequestParam(required = false) MultipartFile file,
                       @RequestParam(required = false) String encoding) {
        if (file == null || file.isEmpty()) {
            throw InvalidInputException.onField("file", "directory.import.fileRequired");
        }
        try {
            ImportPreview preview = imports.preview(ImportKind.parse(kind).orElseThrow(), file.getOriginalFilename(),
                    file.getInputStream(), encoding);
            return json(preview, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PostMapping("/imports/{previewId}/apply")
    PreviewJson update(@PathVariable UUID previewId) {
        return json(imports.apply(previewId), false);
    }

    private PreviewJson json(ImportPreview p, boolean withFindings) {
        List<ErrorJson> errors = withFindings ? imports.errors(p.id(), 0, MAX_LISTED).items().stream().map(this::error).toList()
                : List.of();
        List<EventJson> events = withFindings ? imports.events(p.id(), 0, MAX_LISTED).items().stream()
                .map(f -> new EventJson(f.row(), f.key(), f.messageKey(), f.args().isEmpty() ? null : f.args().get(0)))
                .toList() : List.of();
        return new PreviewJson(p.id(), p.kind().path(), p.fileName(), p.format(), p.encoding(), p.rows(), p.toCreate(),
                p.toChange(), p.unchanged(), p.errorCount(), p.eventCount(), p.eventCounts(), p.applicable(),
                p.expiresAt(), p.appliedAt(), errors, events);
    }

    private ErrorJson error(Finding f) {
        Locale locale = LocaleContextHolder.getLocale();
        return new ErrorJson(f.row(), f.key(), f.column() == null ? null : f.column().name(),
                f.column() == null ? null : f.column().header(), f.messageKey(), f.args(),
                messages.getMessage(f.messageKey(), f.argArray(), f.messageKey(), locale),
                messages.getMessage(f.messageKey(), f.argArray(), f.messageKey(), Locale.JAPANESE),
                messages.getMessage(f.messageKey(), f.argArray(), f.messageKey(), Locale.ENGLISH));
    }
}
