package dev.mamori.policy.web;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.mamori.directory.DepartmentView;
import dev.mamori.directory.Directory;
import dev.mamori.policy.internal.documents.Acknowledgements;
import dev.mamori.policy.internal.documents.DocumentKind;
import dev.mamori.policy.internal.documents.Documents;
import dev.mamori.policy.internal.documents.LineDiff;
import dev.mamori.policy.internal.documents.VersionSummary;

/**
 * The regulations: every kind with its versions for everyone signed in; the draft generated from the
 * standard in force, its downloads and publishing for the 統括責任者 and the committee.
 */
@Controller
class DocumentController {

    private static final String PUBLISHERS = "hasAnyRole('CHIEF_OFFICER','COMMITTEE')";

    private final Documents documents;
    private final Acknowledgements acknowledgements;
    private final Directory directory;

    DocumentController(Documents documents, Acknowledgements acknowledgements, Directory directory) {
        this.documents = documents;
        this.acknowledgements = acknowledgements;
        this.directory = directory;
    }

    @GetMapping("/policy/documents")
    @PreAuthorize("isAuthenticated()")
    String list(Model model) {
        model.addAttribute("kinds", documents.overview());
        model.addAttribute("mine", acknowledgements.mine());
        model.addAttribute("today", documents.today());
        return "policy/documents";
    }

    @GetMapping("/policy/documents/{kind}")
    @PreAuthorize("isAuthenticated()")
    String show(@PathVariable String kind, Model model) {
        DocumentKind k = DocumentKind.of(kind);
        var versions = documents.versions(k);
        model.addAttribute("kind", k);
        model.addAttribute("versions", versions);
        model.addAttribute("canPublish", documents.canPublish());
        model.addAttribute("today", documents.today());
        model.addAttribute("departments", documents.canPublish()
                ? directory.listDepartments().stream().filter(DepartmentView::active).toList() : java.util.List.of());
        return "policy/documents-kind";
    }

    @GetMapping("/policy/documents/{kind}/draft")
    @PreAuthorize(PUBLISHERS)
    String draft(@PathVariable String kind, Model model) {
        DocumentKind k = DocumentKind.of(kind);
        var changes = documents.draftChanges(k);
        model.addAttribute("kind", k);
        model.addAttribute("lines", documents.draft(k).lines());
        model.addAttribute("changes", changes);
        model.addAttribute("changed", LineDiff.changed(changes));
        model.addAttribute("latest", documents.versions(k).stream().findFirst().orElse(null));
        return "policy/documents-draft";
    }

    @GetMapping("/policy/documents/{kind}/draft.docx")
    @PreAuthorize(PUBLISHERS)
    ResponseEntity<byte[]> draftDocx(@PathVariable String kind) {
        DocumentKind k = DocumentKind.of(kind);
        return DocumentFiles.docx(documents.draftDocx(k), k.titleJa() + "_草案.docx");
    }

    @GetMapping("/policy/documents/{kind}/draft.pdf")
    @PreAuthorize(PUBLISHERS)
    ResponseEntity<byte[]> draftPdf(@PathVariable String kind) {
        DocumentKind k = DocumentKind.of(kind);
        return DocumentFiles.pdf(documents.draftPdf(k), k.titleJa() + "_草案.pdf");
    }

    @PostMapping("/policy/documents/{kind}/versions")
    @PreAuthorize(PUBLISHERS)
    String create(@PathVariable String kind, @ModelAttribute PublishForm form, RedirectAttributes redirect) {
        VersionSummary published = documents.publish(DocumentKind.of(kind), form.request());
        redirect.addFlashAttribute("notice", "policy.document.published");
        return "redirect:/policy/documents/" + published.slug() + "/versions/" + published.number();
    }
}
