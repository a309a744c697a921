package dev.mamori.policy.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.mamori.policy.internal.documents.Acknowledgements;
import dev.mamori.policy.internal.documents.DocumentKind;
import dev.mamori.policy.internal.documents.Documents;

/**
 * Acknowledgement progress by department: the whole company for the 統括責任者, the committee and HR, own
 * departments for a 管理責任者. Without a version chosen, the newest version of the chosen kind.
 */
@Controller
class AcknowledgementController {

    static final String FOLLOWERS = "hasAnyRole('CHIEF_OFFICER','COMMITTEE','HR','MANAGER')";

    private final Documents documents;
    private final Acknowledgements acknowledgements;

    AcknowledgementController(Documents documents, Acknowledgements acknowledgements) {
        this.documents = documents;
        this.acknowledgements = acknowledgements;
    }

    @GetMapping("/policy/acknowledgements")
    @PreAuthorize(FOLLOWERS)
    String list(@RequestParam(defaultValue = "regulation") String kind, @RequestParam(required = false) Integer number,
                Model model) {
        DocumentKind k = DocumentKind.of(kind);
        var versions = documents.versions(k);
        model.addAttribute("kind", k);
        model.addAttribute("kinds", DocumentKind.values());
        model.addAttribute("versions", versions);
        Integer chosen = number != null ? number : versions.isEmpty() ? null : versions.get(0).number();
        model.addAttribute("progress", chosen == null ? null : acknowledgements.progress(k, chosen));
        model.addAttribute("today", documents.today());
        return "policy/documents-progress";
    }

    @HxRequest
    @GetMapping("/policy/acknowledgements")
    @PreAuthorize(FOLLOWERS)
    String table(@RequestParam(defaultValue = "regulation") String kind, @RequestParam(required = false) Integer number,
                 Model model) {
        list(kind, number, model);
        return "policy/documents-progress :: policy-progress";
    }
}
