package dev.mamori.inventory.web;

import java.io.IOException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.mamori.inventory.AssetForm;
import dev.mamori.inventory.AssetKind;
import dev.mamori.inventory.Inventory;
import dev.mamori.inventory.Stage;
import dev.mamori.inventory.internal.importing.RegisterExport;
import dev.mamori.platform.tabular.ExportFormat;

/**
 * Exports of the register (情報資産台帳) and the designation register (秘密情報管理台帳) as XLSX (or CSV), with
 * the register list's filters ({@code assetKind} filters the kind of information, since {@code kind} names
 * the register). Everyone signed in may export; the export holds exactly the entries the caller's register
 * list shows. The same handler serves the register page's links (session) and the API (token).
 */
@RestController
@Tag(name = "assets", description = "情報資産台帳 / Information-asset register")
class RegisterExportController {

    private final RegisterExport exports;
    private final Inventory inventory;

    RegisterExportController(RegisterExport exports, Inventory inventory) {
        this.exports = exports;
        this.inventory = inventory;
    }

    @GetMapping({"/inventory/assets/export", "/api/v1/assets/export"})
    @PreAuthorize(InventoryAccess.SIGNED_IN)
    @Operation(summary = "The register or the designation register as XLSX, filtered like the list and limited to "
            + "the entries the caller sees")
    void list(@Parameter(description = "register | designation") @RequestParam(required = false) String kind,
              @Parameter(description = "xlsx (default) | csv") @RequestParam(required = false) String format,
              @RequestParam(required = false) String encoding, @RequestParam(required = false) String q,
              @RequestParam(required = false) Long departmentId, @RequestParam(required = false) AssetKind assetKind,
              @RequestParam(required = false) AssetForm form, @RequestParam(required = false) String levelId,
              @RequestParam(required = false) String regime, @RequestParam(required = false) Stage stage,
              @RequestParam(required = false) Boolean reviewDue, @RequestParam(required = false) Boolean secrecyEnded,
              HttpServletResponse response) throws IOException {
        RegisterExport.Kind register = RegisterExport.Kind.of(kind);
        ExportFormat exportFormat = ExportFormat.of(format == null || format.isBlank() ? "xlsx" : format, encoding);
        AssetFilter filter = new AssetFilter(q, departmentId, assetKind, form, levelId, regime, stage, reviewDue,
                secrecyEnded);
        response.setContentType(exportFormat.contentType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(register.fileName() + "-" + inventory.today() + "." + exportFormat.extension()).build().toString());
        exports.export(register, filter.toQuery(inventory.today()), exportFormat, response.getOutputStream());
    }
}
