package dev.mamori.vault.web;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.mamori.vault.DocumentView;
import dev.mamori.vault.Vault;

/**
 * Documents: those the caller may view, the documents of one entry with the upload form, one document with its
 * versions (view and download buttons), its viewing record, and its disposal.
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
        if (assetId != null) {
            return "redirect:/vault/assets/" + assetId + "/documents";
        }
        model.addAttribute("documents", vault.visibleDocuments(200));
        return "vault/documents";
    }

    @GetMapping("/vault/assets/{assetId}/documents")
    @PreAuthorize("isAuthenticated()")
    String show(@PathVariable long assetId, Model model) {
        model.addAttribute("assetId", assetId);
        model.addAttribute("documents", vault.documents(assetId));
        model.addAttribute("canUpload", vault.canUpload(assetId));
        return "vault/asset-documents";
    }

    @PostMapping("/vault/assets/{assetId}/documents")
    @PreAuthorize("isAuthenticated()")
    String create(@PathVariable long assetId, @RequestParam String title, @RequestParam MultipartFile file,
                  RedirectAttributes redirect) {
        DocumentView d = vault.create(assetId, title, Files.upload(file));
        redirect.addFlashAttribute("notice", "vault.document.uploaded");
        return "redirect:/vault/documents/" + d.id();
    }

    @GetMapping("/vault/documents/{id}")
    @PreAuthorize("isAuthenticated()")
    String showDocument(@PathVariable long id, Model model) {
        DocumentView d = vault.document(id);
        model.addAttribute("document", d);
        model.addAttribute("manages", vault.manages(d.assetId()));
        model.addAttribute("canUpload", !d.disposed() && vault.canUpload(d.assetId()));
        return "vault/document";
    }

    @PostMapping("/vault/documents/{id}/versions")
    @PreAuthorize("isAuthenticated()")
    String update(@PathVariable long id, @RequestParam MultipartFile file, RedirectAttributes redirect) {
        vault.addVersion(id, Files.upload(file));
        redirect.addFlashAttribute("notice", "vault.version.uploaded");
        return "redirect:/vault/documents/" + id;
    }

    @GetMapping("/vault/documents/{id}/view")
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<byte[]> view(@PathVariable long id, @RequestParam(required = false) Integer version) {
        return Files.inline(vault.view(id, version));
    }

    @GetMapping("/vault/documents/{id}/download")
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<byte[]> download(@PathVariable long id, @RequestParam(required = false) Integer version) {
        return Files.attachment(vault.download(id, version));
    }

    @GetMapping("/vault/documents/{id}/records")
    @PreAuthorize("isAuthenticated()")
    String records(@PathVariable long id, Model model) {
        model.addAttribute("records", vault.records(id));
        model.addAttribute("document", vault.document(id));
        return "vault/records";
    }

    @PostMapping("/vault/documents/{id}/disposal")
    @PreAuthorize("isAuthenticated()")
    String delete(@PathVariable long id, @RequestParam String reason, RedirectAttributes redirect) {
        vault.dispose(id, reason);
        redirect.addFlashAttribute("notice", "vault.document.disposedNotice");
        return "redirect:/vault/documents/" + id;
    }

    @GetMapping("/vault/documents/{id}/certificate.pdf")
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<byte[]> certificate(@PathVariable long id) {
        return Files.pdf(vault.certificate(id), "disposal-certificate-" + id + ".pdf");
    }
}
