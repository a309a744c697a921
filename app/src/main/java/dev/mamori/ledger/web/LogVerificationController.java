package dev.mamori.ledger.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import dev.mamori.ledger.Ledger;
import dev.mamori.ledger.internal.LogVerification;

/**
 * "Verify the whole log now": starts a background run and shows its progress; the htmx fragment polls itself
 * every second while the run is going.
 */
@Controller
@RequestMapping("/ledger/verification")
@PreAuthorize("hasAnyRole('AUDITOR','SYSTEM_ADMIN','CHIEF_OFFICER','COMMITTEE','IT_SECURITY')")
class LogVerificationController {

    private final LogVerification verification;
    private final Ledger ledger;

    LogVerificationController(LogVerification verification, Ledger ledger) {
        this.verification = verification;
        this.ledger = ledger;
    }

    @GetMapping
    String show(Model model) {
        model.addAttribute("progress", verification.progress());
        model.addAttribute("checkpoint", ledger.latestCheckpoint().orElse(null));
        return "ledger/verification";
    }

    @HxRequest
    @GetMapping
    String status(Model model) {
        show(model);
        return "ledger/verification :: verification";
    }

    @PostMapping
    String create() {
        verification.start();
        return "redirect:/ledger/verification";
    }

    @HxRequest
    @PostMapping
    String createHx(Model model) {
        verification.start();
        return status(model);
    }
}
