package dev.mamori.ledger.web;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

import dev.mamori.ledger.LedgerQuery;
import dev.mamori.ledger.internal.Bundles;

/**
 * The audit trail page's "export evidence bundle" button: the same ZIP as {@code POST /api/v1/ledger/bundles}
 * for the filter shown, downloaded with the browser session. A filter that selects nothing or too much sends
 * the person back to the trail with the reason.
 */
@Controller
@PreAuthorize("hasAnyRole('AUDITOR','LEGAL','CHIEF_OFFICER')")
class BundlePageController {

    private final Bundles bundles;

    BundlePageController(Bundles bundles) {
        this.bundles = bundles;
    }

    @PostMapping("/ledger/bundle")
    ResponseEntity<byte[]> create(@RequestParam(required = false) String subjectType,
                                  @RequestParam(required = false) String subjectId,
                                  @RequestParam(required = false) String actor,
                                  @RequestParam(required = false) String action,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        try {
            Bundles.Bundle bundle = bundles.export(new LedgerQuery(subjectType, subjectId, actor, action, from, to));
            return ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType("application/zip"))
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename("mamori-evidence-" + bundle.id() + ".zip").build().toString())
                    .header("X-Mamori-Bundle-Id", bundle.id())
                    .body(bundle.zip());
        } catch (IllegalArgumentException e) {
            String key = e.getMessage() != null && e.getMessage().startsWith("ledger.bundle.") ? e.getMessage()
                    : "ledger.bundle.invalid";
            UriComponentsBuilder back = ServletUriComponentsBuilder.fromCurrentContextPath().path("/ledger")
                    .queryParam("bundleError", key);
            add(back, "subjectType", subjectType);
            add(back, "subjectId", subjectId);
            add(back, "actor", actor);
            add(back, "action", action);
            add(back, "from", from);
            add(back, "to", to);
            return ResponseEntity.status(303).header(HttpHeaders.LOCATION, back.build().encode().toUriString()).build();
        }
    }

    private static void add(UriComponentsBuilder b, String name, Object value) {
        if (value != null && !value.toString().isBlank()) {
            b.queryParam(name, value);
        }
    }
}
