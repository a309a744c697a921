package dev.mamori.measure.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import dev.mamori.measure.Coverage;
import dev.mamori.measure.CustomMeasureDraft;
import dev.mamori.measure.Evidence;
import dev.mamori.measure.Measures;
import dev.mamori.measure.Purpose;
import dev.mamori.measure.Route;
import dev.mamori.measure.Selection;
import dev.mamori.measure.SelectionDraft;
import dev.mamori.measure.SelectionStatus;
import dev.mamori.measure.StatusUpdate;
import dev.mamori.platform.InvalidInputException;

/**
 * The catalog, selections and coverage over the API. Everyone signed in reads the catalog; CHIEF_OFFICER and
 * COMMITTEE change selections and add their own measures; the reading roles read selections and coverage;
 * owners report status and evidence of their own selections (checked by the service).
 */
@RestController
@RequestMapping("/api/v1/measures")
@Tag(name = "measures", description = "情報漏えい対策 / Leak-prevention measures")
class MeasureApiController {

    static final String EDITORS = "hasAnyRole('CHIEF_OFFICER', 'COMMITTEE')";
    static final String READERS = "hasAnyRole('CHIEF_OFFICER', 'COMMITTEE', 'MANAGER', 'IT_SECURITY', 'HR', 'LEGAL', 'AUDITOR')";

    private final Measures measures;
    private final MessageSource messages;
    private final dev.mamori.measure.MeasureExports exports;
    private final dev.mamori.measure.GuidedStart start;

    MeasureApiController(Measures measures, MessageSource messages, dev.mamori.measure.MeasureExports exports,
                         dev.mamori.measure.GuidedStart start) {
        this.measures = measures;
        this.messages = messages;
        this.exports = exports;
        this.start = start;
    }


    record CatalogResponse(CatalogItem.Version version, List<CatalogItem> measures) {
    }

    record SelectionRequest(Long measureId, List<String> levelCodes, Long ownerPersonId, SelectionStatus status,
                            String statusReason, LocalDate dueDate, String reviewInterval, String note, Integer version) {

        SelectionDraft draft(Long fixedMeasureId) {
            Long m = fixedMeasureId != null && measureId == null ? fixedMeasureId : measureId;
            if (m == null) {
                throw InvalidInputException.onField("measureId", "measure.selection.measureRequired");
            }
            return new SelectionDraft(m, levelCodes, ownerPersonId, status, statusReason, dueDate,
                    period(reviewInterval), note);
        }
    }

    record StatusRequest(SelectionStatus status, String statusReason, String note, Boolean reviewed) {
    }

    record EvidenceRequest(String label, String url, String sourceKey) {
    }

    record FindingResponse(Coverage.Finding finding, String text) {
    }

    record CoverageResponse(Coverage coverage, List<FindingResponse> findings) {
    }

    @GetMapping("/catalog")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The current catalog (参考資料1) and the company's own measures, optionally by route and purpose (1-5); "
            + "texts in the caller's language (Accept-Language) with the Japanese and English beside them")
    CatalogResponse catalog(@RequestParam(required = false) Route route, @RequestParam(required = false) Integer purpose) {
        var locale = LocaleContextHolder.getLocale();
        return new CatalogResponse(CatalogItem.Version.of(measures.currentCatalog(), locale),
                measures.catalog(route, purpose == null ? null : purposeOf(purpose)).stream()
                        .map(m -> CatalogItem.of(m, locale)).toList());
    }

    @PostMapping("/catalog")
    @PreAuthorize(EDITORS)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a measure of the company's own beside the catalog's (titleEn optional)")
    CatalogItem create(@RequestBody CustomMeasureDraft draft) {
        return CatalogItem.of(measures.addCustom(draft), LocaleContextHolder.getLocale());
    }

    @GetMapping("/selections")
    @PreAuthorize(READERS)
    @Operation(summary = "Selected measures, optionally of one level")
    List<Selection> list(@RequestParam(required = false) String level) {
        return measures.selections(level);
    }

    @GetMapping("/selections/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "One selection (reading roles, or its owner)")
    Selection show(@PathVariable long id) {
        return measures.selection(id);
    }

    @PostMapping("/selections")
    @PreAuthorize(EDITORS)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Select a measure for one or more levels")
    Selection select(@RequestBody SelectionRequest request) {
        return measures.select(request.draft(null));
    }

    @PutMapping("/selections/{id}")
    @PreAuthorize(EDITORS)
    @Operation(summary = "Change a selection (send the version you read)")
    Selection update(@PathVariable long id, @RequestBody SelectionRequest request) {
        Selection current = measures.selection(id);
        int version = request.version() == null ? current.version() : request.version();
        return measures.update(id, request.draft(current.measure().id()), version);
    }

    @PutMapping("/selections/{id}/status")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Report the status of a selection (its owner, CHIEF_OFFICER or COMMITTEE)")
    Selection report(@PathVariable long id, @RequestBody StatusRequest request) {
        return measures.report(id, new StatusUpdate(request.status(), request.statusReason(), request.note(),
                Boolean.TRUE.equals(request.reviewed())));
    }

    @PostMapping(path = "/selections/{id}/evidence", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("isAuthenticated()")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a link (url) or computed evidence (sourceKey) to a selection (its owner, CHIEF_OFFICER or COMMITTEE)")
    Evidence addEvidence(@PathVariable long id, @RequestBody EvidenceRequest request) {
        return request.sourceKey() != null ? measures.addComputed(id, request.sourceKey())
                : measures.addLink(id, request.label(), request.url());
    }

    @PostMapping(path = "/selections/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("isAuthenticated()")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Upload an evidence file (stored with its SHA-256)")
    Evidence upload(@PathVariable long id, @RequestPart("file") MultipartFile file,
                    @RequestParam(required = false) String label) {
        try {
            return measures.addFile(id, label, file.getOriginalFilename(), file.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/coverage")
    @PreAuthorize(READERS)
    @Operation(summary = "Routes × purposes of one level, gaps by priority and the guidance findings")
    CoverageResponse coverage(@RequestParam String level) {
        Coverage c = measures.coverage(level);
        var locale = LocaleContextHolder.getLocale();
        return new CoverageResponse(c, c.findings().stream()
                .map(f -> new FindingResponse(f, FindingText.of(f, messages, locale))).toList());
    }

    @PostMapping("/start/proposal")
    @PreAuthorize(EDITORS)
    @Operation(summary = "Guided start: the first selection the answers about the company suggest, with reasons (nothing changes)")
    dev.mamori.measure.StartProposal propose(@RequestBody StartForm answers) {
        return start.propose(answers.answers());
    }

    @PostMapping("/start")
    @PreAuthorize(EDITORS)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Guided start: the answers and the codes of the accepted measures of their proposal")
    List<Selection> accept(@RequestBody StartForm request) {
        return start.accept(request.answers(), request.codes());
    }

    @GetMapping("/export/selection.xlsx")
    @PreAuthorize(READERS)
    @Operation(summary = "The selections and a heatmap sheet per level as XLSX")
    org.springframework.http.ResponseEntity<byte[]> export() {
        return MeasureExportController.download(exports.workbook(LocaleContextHolder.getLocale()), MeasureExportController.XLSX,
                "measures.xlsx");
    }

    @GetMapping("/export/coverage.pdf")
    @PreAuthorize(READERS)
    @Operation(summary = "The coverage report with the heatmap of every level as PDF")
    org.springframework.http.ResponseEntity<byte[]> report() {
        return MeasureExportController.download(exports.coverageReport(LocaleContextHolder.getLocale()), MediaType.APPLICATION_PDF,
                "coverage.pdf");
    }

    static Purpose purposeOf(int n) {
        if (n < 1 || n > 5) {
            throw InvalidInputException.onField("purpose", "measure.catalog.purposeInvalid");
        }
        return Purpose.of(n);
    }

    static Period period(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Period.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw InvalidInputException.onField("reviewInterval", "measure.selection.intervalInvalid");
        }
    }
}
