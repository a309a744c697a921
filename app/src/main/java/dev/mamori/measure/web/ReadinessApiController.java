package dev.mamori.measure.web;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.mamori.measure.PublicityCheck;
import dev.mamori.measure.PublicityCheckDraft;
import dev.mamori.measure.ReadinessPage;
import dev.mamori.measure.ReadinessQuery;
import dev.mamori.measure.SecretReadiness;

/**
 * Trade-secret readiness over the API: CHIEF_OFFICER, COMMITTEE, LEGAL, AUDITOR and the entry's MANAGER read
 * (an entry the caller may not see is 404); all but AUDITOR record publicity checks.
 */
@RestController
@RequestMapping("/api/v1/measures/readiness")
@Tag(name = "measures", description = "情報漏えい対策 / Leak-prevention measures")
class ReadinessApiController {

    static final String READERS = "hasAnyRole('CHIEF_OFFICER', 'COMMITTEE', 'LEGAL', 'AUDITOR', 'MANAGER')";
    static final String CHECKERS = "hasAnyRole('CHIEF_OFFICER', 'COMMITTEE', 'LEGAL', 'MANAGER')";

    private final SecretReadiness readiness;
    private final MessageSource messages;

    ReadinessApiController(SecretReadiness readiness, MessageSource messages) {
        this.readiness = readiness;
        this.messages = messages;
    }

    record CheckRequest(LocalDate checkedOn, String sources, PublicityCheck.Result result, String note) {
    }

    record PageResponse(List<ReadinessText> items, int page, int size, long total) {
    }

    @GetMapping
    @PreAuthorize(READERS)
    @Operation(summary = "Readiness (営業秘密の3要件) of the designated secrets the caller may see, a page at a time "
            + "(size up to 200, default 50), optionally of one level and department, ordered WEAKEST_FIRST (default), "
            + "STRONGEST_FIRST or NAME")
    PageResponse list(@RequestParam(required = false) String level, @RequestParam(required = false) Long departmentId,
                      @RequestParam(required = false) ReadinessQuery.Order order,
                      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        ReadinessPage p = readiness.page(new ReadinessQuery(level, departmentId, order), page, size);
        var locale = LocaleContextHolder.getLocale();
        return new PageResponse(p.items().stream().map(r -> ReadinessText.of(r, messages, locale)).toList(), p.page(),
                p.size(), p.total());
    }

    @GetMapping("/{assetId}")
    @PreAuthorize(READERS)
    @Operation(summary = "Readiness of one designated secret: indicators with score, missing pieces and what to do")
    ReadinessText show(@PathVariable long assetId) {
        return ReadinessText.of(readiness.readiness(assetId), messages, LocaleContextHolder.getLocale());
    }

    @GetMapping("/{assetId}/publicity-checks")
    @PreAuthorize(READERS)
    @Operation(summary = "The secret's publicity checks (非公知性), newest first")
    List<PublicityCheck> checks(@PathVariable long assetId) {
        return readiness.publicityChecks(assetId);
    }

    @PostMapping("/{assetId}/publicity-checks")
    @PreAuthorize(CHECKERS)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a check that the secret is not published or patented")
    PublicityCheck create(@PathVariable long assetId, @RequestBody CheckRequest request) {
        return readiness.recordPublicityCheck(assetId, new PublicityCheckDraft(request.checkedOn(), request.sources(),
                request.result(), request.note()));
    }
}
