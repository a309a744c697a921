package dev.mamori.ledger.web;

import java.time.LocalDate;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.mamori.ledger.Ledger;
import dev.mamori.ledger.LedgerPage;
import dev.mamori.ledger.LedgerQuery;
import dev.mamori.ledger.internal.LogVerification;

/**
 * The audit trail page: filter by subject, actor, action and period; the latest checkpoint with its time-stamp,
 * each shown entry's verification status, and the whole-log verification.
 */
@Controller
@RequestMapping("/ledger")
@PreAuthorize("hasAnyRole('AUDITOR','CHIEF_OFFICER','COMMITTEE')")
class AuditTrailController {

    private static final int PAGE_SIZE = 50;
    private final Ledger ledger;
    private final LogVerification verification;

    AuditTrailController(Ledger ledger, LogVerification verification) {
        this.ledger = ledger;
        this.verification = verification;
    }

    @GetMapping
    String list(@RequestParam(required = false) String subjectType, @RequestParam(required = false) String subjectId,
                @RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(defaultValue = "0") int page,
                @RequestParam(required = false) String bundleError, Model model) {
        LedgerQuery query = new LedgerQuery(subjectType, subjectId, actor, action, from, to);
        model.addAttribute("query", query);
        if (bundleError != null && bundleError.matches("ledger\\.bundle\\.(empty|tooMany|invalid)")) {
            model.addAttribute("bundleError", bundleError);
        }
        model.addAttribute("trailUrl", url(query));
        LedgerPage entries = ledger.search(query, page, PAGE_SIZE);
        var checkpoint = ledger.latestCheckpoint();
        model.addAttribute("entries", entries);
        model.addAttribute("checkpoint", checkpoint.orElse(null));
        model.addAttribute("statuses", verification.statusOf(entries.entries(),
                checkpoint.map(c -> c.treeSize()).orElse(0L)));
        model.addAttribute("progress", verification.progress());
        return "ledger/trail";
    }

    @HxRequest
    @GetMapping
    String table(@RequestParam(required = false) String subjectType, @RequestParam(required = false) String subjectId,
                 @RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                 @RequestParam(defaultValue = "0") int page, Model model) {
        list(subjectType, subjectId, actor, action, from, to, page, null, model);
        return "ledger/trail :: table";
    }

    /** The trail's address with the filter, for the shared pager (which adds the page). */
    private static String url(LedgerQuery q) {
        org.springframework.web.util.UriComponentsBuilder b =
                org.springframework.web.util.UriComponentsBuilder.fromPath("/ledger");
        add(b, "subjectType", q.subjectType());
        add(b, "subjectId", q.subjectId());
        add(b, "actor", q.actor());
        add(b, "action", q.action());
        add(b, "from", q.from());
        add(b, "to", q.to());
        return b.encode().build().toUriString();
    }

    private static void add(org.springframework.web.util.UriComponentsBuilder b, String name, Object value) {
        if (value != null && !value.toString().isBlank()) {
            b.queryParam(name, value.toString().strip());
        }
    }
}
