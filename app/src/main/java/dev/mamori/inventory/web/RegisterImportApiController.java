package dev.mamori.inventory.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.mamori.inventory.internal.importing.ColumnMapping;
import dev.mamori.inventory.internal.importing.Finding;
import dev.mamori.inventory.internal.importing.ImportField;
import dev.mamori.inventory.internal.importing.ImportPreview;
import dev.mamori.inventory.internal.importing.RegisterImport;
import dev.mamori.platform.InvalidInputException;

/**
 * Register imports over the API: upload a file (multipart {@code file}, optional {@code encoding},
 * {@code departmentId} for rows without a department, and {@code mapping} as JSON — the field of each column
 * in order, {@code ["NAME","IGNORE",…]}, or fields by header, {@code {"資産名":"NAME",…}}) to get its preview
 * with every finding kept (see {@code mamori.import.kept-findings}); map the columns when
 * {@code needsMapping}; then apply it by id.
 */
@RestController
@RequestMapping("/api/v1/assets/imports")
@Tag(name = "asset imports", description = "情報資産台帳の取込 / Importing a register")
class RegisterImportApiController {

    private static final int MAX_LISTED = 1000;
    private final RegisterImport imports;
    private final MessageSource messages;
    private final JsonMapper json;

    RegisterImportApiController(RegisterImport imports, MessageSource messages, JsonMapper json) {
        this.imports = imports;
        this.messages = messages;
        this.json = json;
    }

    /** A preview as the API shows it. */
    record PreviewJson(UUID id, String fileName, String format, String encoding, String sha256, String layout,
                       boolean needsMapping, List<ColumnJson> columns, int rows, int toCreate, int toChange,
                       int unchanged, int errorCount, int warningCount, boolean applicable, Instant expiresAt,
                       Instant appliedAt, List<FindingJson> findings) {
    }

    record ColumnJson(int index, String header, String field, List<String> samples) {
    }

    record FindingJson(int row, Integer column, String columnHeader, String severity, String code, List<String> args,
                       String message, String message_ja, String message_en) {
    }

    /** A column mapping sent as JSON. */
    record MappingRequest(JsonNode mapping) {
    }

    @PreAuthorize(InventoryAccess.IMPORTER)
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a register (CSV or XLSX) and get its preview: layout, mapping, counts, every row's findings")
    PreviewJson create(@RequestPart(required = false) MultipartFile file, @RequestParam(required = false) String encoding,
                       @RequestParam(required = false) Long departmentId,
                       @Parameter(description = "JSON: [\"NAME\",\"IGNORE\",…] by column, or {\"header\":\"FIELD\"}")
                       @RequestParam(required = false) String mapping) {
        if (file == null || file.isEmpty()) {
            throw InvalidInputException.onField("file", "inventory.import.fileRequired");
        }
        ColumnMapping columns = mapping == null || mapping.isBlank() ? null : mapping(parse(mapping));
        try {
            return json(imports.preview(file.getOriginalFilename(), file.getInputStream(), encoding, departmentId, columns));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PreAuthorize(InventoryAccess.IMPORTER)
    @GetMapping("/{id}")
    @Operation(summary = "A preview of the caller's")
    PreviewJson show(@PathVariable UUID id) {
        return json(imports.find(id));
    }

    @PreAuthorize(InventoryAccess.IMPORTER)
    @PutMapping("/{id}/mapping")
    @Operation(summary = "Map the columns of a preview (remembered for files with the same headers) and check it again")
    PreviewJson update(@PathVariable UUID id, @RequestBody MappingRequest request) {
        return json(imports.map(id, mapping(request.mapping())));
    }

    @PreAuthorize(InventoryAccess.IMPORTER)
    @PostMapping("/{id}/apply")
    @Operation(summary = "Apply a preview without errors: every row or, on any error, nothing")
    PreviewJson apply(@PathVariable UUID id) {
        return json(imports.apply(id));
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (RuntimeException e) {
            throw InvalidInputException.onField("mapping", "inventory.import.mappingInvalid");
        }
    }

    private static ColumnMapping mapping(JsonNode node) {
        if (node != null && node.isArray()) {
            List<ImportField> fields = new ArrayList<>();
            for (JsonNode n : node) {
                fields.add(field(n));
            }
            return ColumnMapping.of(fields);
        }
        if (node != null && node.isObject()) {
            Map<String, ImportField> fields = new LinkedHashMap<>();
            for (var e : node.properties()) {
                fields.put(e.getKey(), field(e.getValue()));
            }
            return ColumnMapping.byHeader(fields);
        }
        throw InvalidInputException.onField("mapping", "inventory.import.mappingInvalid");
    }

    private static ImportField field(JsonNode n) {
        return ImportField.parse(n.isString() ? n.asString() : null)
                .orElseThrow(() -> InvalidInputException.onField("mapping", "inventory.import.mappingInvalid"));
    }

    private PreviewJson json(ImportPreview p) {
        List<ColumnJson> columns = new ArrayList<>();
        for (int i = 0; i < p.headers().size(); i++) {
            columns.add(new ColumnJson(i, p.headers().get(i), p.needsMapping() ? null : p.fieldOf(i).name(),
                    p.samplesOf(i)));
        }
        List<FindingJson> findings = imports.findings(p.id(), null, 0, MAX_LISTED).stream().map(f -> finding(p, f)).toList();
        return new PreviewJson(p.id(), p.fileName(), p.format(), p.encoding(), p.sha256(), p.layout().name(),
                p.needsMapping(), columns, p.rows(), p.toCreate(), p.toChange(), p.unchanged(), p.errorCount(),
                p.warningCount(), p.applicable(), p.expiresAt(), p.appliedAt(), findings);
    }

    private FindingJson finding(ImportPreview p, Finding f) {
        Locale locale = LocaleContextHolder.getLocale();
        return new FindingJson(f.row(), f.column(), f.column() == null ? null : p.header(f.column()), f.severity().name(),
                f.messageKey(), f.args(), messages.getMessage(f.messageKey(), f.argArray(), f.messageKey(), locale),
                messages.getMessage(f.messageKey(), f.argArray(), f.messageKey(), Locale.JAPANESE),
                messages.getMessage(f.messageKey(), f.argArray(), f.messageKey(), Locale.ENGLISH));
    }
}
