package dev.mamori.policy.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.mamori.policy.internal.documents.Acknowledgements;
import dev.mamori.policy.internal.documents.DocumentKind;
import dev.mamori.policy.internal.documents.Documents;
import dev.mamori.policy.internal.documents.LineDiff;
import dev.mamori.policy.internal.documents.VersionSummary;

/**
 * One published version: read it (the same text as its DOCX and PDF), download it, acknowledge it when
 * asked to, and compare two versions. Open to everyone signed in; each acknowledges only for themselves.
 */
@Controller
class DocumentVersionController {

    private final Documents documents;
    private final Acknowledgements acknowledgements;

    DocumentVersionController(Documents documents, Acknowledgements acknowledgements) {
        this.documents = documents;
        this.acknowledgements = acknowledgements;
    }

    @GetMapping("/policy/documents/{kind}/versions/{number}")
    @PreAuthorize("isAuthenticated()")
    String show(@PathVariable String kind, @PathVariable int number, Model model) {
        VersionSummary version = documents.version(DocumentKind.of(kind), number);
        model.addAttribute("version", version);
        model.addAttribute("lines", documents.lines(version));
        model.addAttribute("mine", acknowledgements.mine(version).orElse(null));
        model.addAttribute("today", documents.today());
        return "policy/documents-version";
    }

    @GetMapping("/policy/documents/{kind}/versions/{number}.docx")
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<byte[]> docx(@PathVariable String kind, @PathVariable int number) {
        DocumentKind k = DocumentKind.of(kind);
        return DocumentFiles.docx(documents.docx(k, number), k.fileName(number, "docx"));
    }

    @GetMapping("/policy/documents/{kind}/versions/{number}.pdf")
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<byte[]> pdf(@PathVariable String kind, @PathVariable int number) {
        DocumentKind k = DocumentKind.of(kind);
        return DocumentFiles.pdf(documents.pdf(k, number), k.fileName(number, "pdf"));
    }

    @PostMapping("/policy/documents/{kind}/versions/{number}/acknowledgement")
    @PreAuthorize("isAuthenticated()")
    String create(@PathVariable String kind, @PathVariable int number, RedirectAttributes redirect) {
        acknowledgements.acknowledge(DocumentKind.of(kind), number);
        redirect.addFlashAttribute("notice", "policy.acknowledgement.recorded");
        return "redirect:/policy/documents/" + kind + "/versions/" + number;
    }

    @GetMapping("/policy/documents/{kind}/diff")
    @PreAuthorize("isAuthenticated()")
    String diff(@PathVariable String kind, @RequestParam int from, @RequestParam int to, Model model) {
        DocumentKind k = DocumentKind.of(kind);
        var diff = documents.diff(k, from, to);
        model.addAttribute("kind", k);
        model.addAttribute("versions", documents.versions(k));
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("diff", diff);
        model.addAttribute("changed", LineDiff.changed(diff));
        return "policy/documents-diff";
    }

    @HxRequest
    @GetMapping("/policy/documents/{kind}/diff")
    @PreAuthorize("isAuthenticated()")
    String diffFragment(@PathVariable String kind, @RequestParam int from, @RequestParam int to, Model model) {
        diff(kind, from, to, model);
        return "policy/documents-diff :: policy-diff";
    }
}
