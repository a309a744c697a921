package dev.mamori.ledger.web;

import java.time.LocalDate;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.mamori.ledger.LedgerQuery;
import dev.mamori.ledger.internal.Bundles;

/**
 * Evidence bundles over the API: the entries a filter selects, with proofs, signed and time-stamped checkpoints,
 * certificates, the verifier key and a README, as a ZIP. Each export is recorded in the ledger.
 */
@RestController
@RequestMapping("/api/v1/ledger/bundles")
@PreAuthorize("hasAnyRole('AUDITOR','LEGAL','CHIEF_OFFICER')")
class BundleApiController {

    private final Bundles bundles;
    private final MessageSource messages;

    BundleApiController(Bundles bundles, MessageSource messages) {
        this.bundles = bundles;
        this.messages = messages;
    }

    /** The filter of the entries to export; blank fields do not filter; dates inclusive, Japan time. */
    record BundleRequest(String subjectType, String subjectId, String actor, String action, LocalDate from, LocalDate to) {
    }

    @PostMapping(produces = {"application/zip", MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    ResponseEntity<byte[]> create(@RequestBody BundleRequest request) {
        Bundles.Bundle bundle = bundles.export(new LedgerQuery(request.subjectType(), request.subjectId(),
                request.actor(), request.action(), request.from(), request.to()));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("mamori-evidence-" + bundle.id() + ".zip").build().toString())
                .header("X-Mamori-Bundle-Id", bundle.id())
                .body(bundle.zip());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> invalid(IllegalArgumentException e) {
        String key = e.getMessage() != null && e.getMessage().startsWith("ledger.bundle.") ? e.getMessage() : "ledger.bundle.invalid";
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setDetail(messages.getMessage(key, new Object[] {Bundles.MAX_ENTRIES}, LocaleContextHolder.getLocale()));
        problem.setProperty("detail_ja", messages.getMessage(key, new Object[] {Bundles.MAX_ENTRIES}, Locale.JAPANESE));
        problem.setProperty("detail_en", messages.getMessage(key, new Object[] {Bundles.MAX_ENTRIES}, Locale.ENGLISH));
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
