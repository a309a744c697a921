package dev.mamori.measure.web;

import java.nio.charset.StandardCharsets;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import dev.mamori.measure.MeasureExports;

/**
 * Downloads of the selection and coverage, for the reading roles: the XLSX workbook and the PDF report with
 * the heatmaps ({@code /measures/export/…}; the API has the same under {@code /api/v1/measures/export/…}).
 */
@Controller
class MeasureExportController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final MeasureExports exports;

    MeasureExportController(MeasureExports exports) {
        this.exports = exports;
    }

    @GetMapping("/measures/export/selection.xlsx")
    @PreAuthorize(MeasureApiController.READERS)
    ResponseEntity<byte[]> list() {
        return download(exports.workbook(LocaleContextHolder.getLocale()), XLSX, "measures.xlsx");
    }

    @GetMapping("/measures/export/coverage.pdf")
    @PreAuthorize(MeasureApiController.READERS)
    ResponseEntity<byte[]> show() {
        return download(exports.coverageReport(LocaleContextHolder.getLocale()), MediaType.APPLICATION_PDF, "coverage.pdf");
    }

    static ResponseEntity<byte[]> download(byte[] body, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString()).body(body);
    }
}
