package dev.mamori.vault.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.mamori.platform.InvalidInputException;
import dev.mamori.vault.DocumentView;
import dev.mamori.vault.Upload;
import dev.mamori.vault.Vault;

/**
 * Documents: those the caller may view (or those of one entry number, the filter of the list), and the
 * documents of one entry with the upload form. Each list is also an htmx fragment ({@code vault-table}).
 */
@Controller
class VaultDocumentController {

    private final Vault vault;

    VaultDocumentController(Vault vault) {
        this.vault = vault;
    }

    @GetMapping("/vault")
    @PreAuthorize("isAuthenticated()")
    String list(@RequestParam(required = false) Long assetId, Model model) {
        model.addAttribute("assetId", assetId);
        documents(model, assetId == null ? vault.visibleDocuments(200) : vault.documents(assetId));
        return "vault/documents";
    }

    @HxRequest
    @GetMapping("/vault")
    @PreAuthorize("isAuthenticated()")
    String table(@RequestParam(required = false) Long assetId, Model model) {
        list(assetId, model);
        return "vault/documents :: table";
    }

    @GetMapping("/vault/assets/{assetId}/documents")
    @PreAuthorize("isAuthenticated()")
    String show(@PathVariable long assetId, Model model) {
        model.addAttribute("assetId", assetId);
        documents(model, vault.documents(assetId));
        model.addAttribute("entryName", vault.entryNames(java.util.List.of(assetId)).get(assetId));
        model.addAttribute("canUpload", vault.canUpload(assetId));
        if (!model.containsAttribute("uploadForm")) {
            model.addAttribute("uploadForm", new UploadForm(null, null));
        }
        return "vault/asset-documents";
    }

    @HxRequest
    @GetMapping("/vault/assets/{assetId}/documents")
    @PreAuthorize("isAuthenticated()")
    String assetTable(@PathVariable long assetId, Model model) {
        show(assetId, model);
        return "vault/asset-documents :: table";
    }

    @PostMapping("/vault/assets/{assetId}/documents")
    @PreAuthorize("isAuthenticated()")
    String create(@PathVariable long assetId, @Valid @ModelAttribute("uploadForm") UploadForm form, BindingResult binding,
                  Model model, RedirectAttributes redirect, jakarta.servlet.http.HttpServletResponse response) {
        if (binding.hasErrors() && Upload.missing(Files.upload(form.file()))) {
            // the title's error came from the form's validation: name the missing file at once too, not on the next round
            binding.rejectValue("file", "vault.file.empty", "vault.file.empty");
        }
        if (!binding.hasErrors()) {
            try {
                DocumentView d = vault.create(assetId, form.title(), Files.upload(form.file()));
                redirect.addFlashAttribute("notice", "vault.document.uploaded");
                if (d.latestUnmarked()) {
                    redirect.addFlashAttribute("warning", "vault.upload.unmarked");
                }
                return "redirect:/vault/documents/" + d.id();
            } catch (InvalidInputException ex) {
                VaultForms.bind(ex, binding);
            }
        }
        response.setStatus(jakarta.servlet.http.HttpServletResponse.SC_BAD_REQUEST);
        return show(assetId, model);
    }

    /** The documents with the names of their entries, read at once for the page. */
    private void documents(Model model, java.util.List<dev.mamori.vault.DocumentView> documents) {
        model.addAttribute("documents", documents);
        model.addAttribute("entryNames", vault.entryNames(documents.stream().map(dev.mamori.vault.DocumentView::assetId).toList()));
    }
}
