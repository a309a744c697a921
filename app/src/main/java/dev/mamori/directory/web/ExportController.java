package dev.mamori.directory.web;

import java.io.IOException;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.mamori.directory.Directory;
import dev.mamori.directory.internal.importing.DirectoryExport;
import dev.mamori.platform.tabular.ExportFormat;

/**
 * Exports of people and departments as CSV (UTF-8 with BOM, or Shift_JIS) or XLSX, with the columns
 * imports take. The same handler serves the UI's download links ({@code /directory/export/...}, with
 * the session) and the API ({@code /api/v1/.../export}, with a token).
 * <p>
 * Who may export: everyone who may read the directory beyond themselves — SYSTEM_ADMIN, HR and the
 * other organisation-wide roles (CHIEF_OFFICER, COMMITTEE, LEGAL, IT_SECURITY, AUDITOR) get everyone,
 * a MANAGER gets the people of their departments and those below (the people search's scope).
 * A plain EMPLOYEE is refused. The department list is not confidential within the company and is
 * exported whole.
 */
@RestController
@PreAuthorize("hasAnyRole('SYSTEM_ADMIN','HR','CHIEF_OFFICER','COMMITTEE','LEGAL','IT_SECURITY','AUDITOR','MANAGER')")
class ExportController {

    private final DirectoryExport exports;

    ExportController(DirectoryExport exports) {
        this.exports = exports;
    }

    // literal paths: "/api/v1/{kind}/export" would be as specific as "/api/v1/people/{id}" and so ambiguous
    @GetMapping({"/directory/export/people", "/api/v1/people/export"})
    void people(@RequestParam(required = false) String format, @RequestParam(required = false) String encoding,
                HttpServletResponse response) throws IOException {
        show("people", format, encoding, response);
    }

    @GetMapping({"/directory/export/departments", "/api/v1/departments/export"})
    void departments(@RequestParam(required = false) String format, @RequestParam(required = false) String encoding,
                     HttpServletResponse response) throws IOException {
        show("departments", format, encoding, response);
    }

    private void show(String kind, String format, String encoding, HttpServletResponse response) throws IOException {
        ExportFormat exportFormat = ExportFormat.of(format, encoding);
        response.setContentType(exportFormat.contentType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(kind + "-" + LocalDate.now(Directory.JAPAN) + "." + exportFormat.extension()).build().toString());
        if (kind.equals("people")) {
            exports.exportPeople(exportFormat, response.getOutputStream());
        } else {
            exports.exportDepartments(exportFormat, response.getOutputStream());
        }
    }
}
