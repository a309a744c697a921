package dev.mamori.vault.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.mamori.platform.InvalidInputException;
import dev.mamori.vault.DistributionDraft;
import dev.mamori.vault.DocumentView;
import dev.mamori.vault.Vault;

/**
 * One document: its versions (the viewer and download; also the htmx fragment {@code vault-versions}), a new
 * version, numbered copies for a meeting, its viewing record, and its disposal with the certificate.
 */
@Controller
@RequestMapping("/vault/documents/{id}")
class VaultDocumentPageController {

    private final Vault vault;

    VaultDocumentPageController(Vault vault) {
        this.vault = vault;
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    String show(@PathVariable long id, Model model) {
        DocumentView d = vault.document(id);
        model.addAttribute("document", d);
        model.addAttribute("entryName", vault.entryNames(java.util.List.of(d.assetId())).get(d.assetId()));
        model.addAttribute("manages", vault.manages(d.assetId()));
        model.addAttribute("mayReadRecords", vault.mayReadRecords(id));
        model.addAttribute("canUpload", !d.disposed() && vault.canUpload(d.assetId()));
        model.addAttribute("mayDownload", !d.disposed() && vault.mayDownload(id));
        model.addAttribute("mayDistribute", !d.disposed() && vault.mayDistribute(id));
        model.addAttribute("outstandingCopies", d.disposed() ? 0 : vault.outstandingCopies(id));
        if (!model.containsAttribute("versionForm")) {
            model.addAttribute("versionForm", new FileForm(null));
        }
        if (!model.containsAttribute("distributionForm")) {
            model.addAttribute("distributionForm", DistributionForm.empty());
        }
        if (!model.containsAttribute("disposalForm")) {
            model.addAttribute("disposalForm", new DisposalForm(null));
        }
        return "vault/document";
    }

    @HxRequest
    @GetMapping
    @PreAuthorize("isAuthenticated()")
    String versions(@PathVariable long id, Model model) {
        show(id, model);
        return "vault/document :: versions";
    }

    @PostMapping("/versions")
    @PreAuthorize("isAuthenticated()")
    String update(@PathVariable long id, @ModelAttribute("versionForm") FileForm form, BindingResult binding, Model model,
                  RedirectAttributes redirect, HttpServletResponse response) {
        try {
            if (vault.addVersion(id, Files.upload(form.file())).latestUnmarked()) {
                redirect.addFlashAttribute("warning", "vault.upload.unmarked");
            }
        } catch (InvalidInputException ex) {
            VaultForms.bind(ex, binding);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return show(id, model);
        }
        redirect.addFlashAttribute("notice", "vault.version.uploaded");
        return "redirect:/vault/documents/" + id;
    }

    @PostMapping("/copies")
    @PreAuthorize("isAuthenticated()")
    String create(@PathVariable long id, @Valid @ModelAttribute("distributionForm") DistributionForm form,
                  BindingResult binding, HtmxRequest htmx, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        if (!binding.hasErrors()) {
            try {
                vault.distribute(id, DistributionDraft.byEmployeeNumbers(form.purpose(), form.dueOn(),
                        VaultCopyController.employeeNumbers(form.recipients())));
                redirect.addFlashAttribute("notice", "vault.copy.distributedNotice");
                return VaultForms.redirect(htmx, "/vault/copies");
            } catch (InvalidInputException ex) {
                VaultForms.bind(ex, binding);
            }
        }
        return refused(id, "distribute", htmx, model, response);
    }

    @PostMapping("/disposal")
    @PreAuthorize("isAuthenticated()")
    String delete(@PathVariable long id, @Valid @ModelAttribute("disposalForm") DisposalForm form, BindingResult binding,
                  HtmxRequest htmx, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        if (!binding.hasErrors()) {
            try {
                vault.dispose(id, form.reason());
                redirect.addFlashAttribute("notice", "vault.document.disposedNotice");
                return VaultForms.redirect(htmx, "/vault/documents/" + id);
            } catch (InvalidInputException ex) {
                VaultForms.bind(ex, binding);
            }
        }
        return refused(id, "dispose", htmx, model, response);
    }

    /** The page again (for htmx the form's fragment alone) with the errors beside the fields, HTTP 400. */
    private String refused(long id, String fragment, HtmxRequest htmx, Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        String page = show(id, model);
        return htmx.isHtmxRequest() ? page + " :: " + fragment : page;
    }

    @GetMapping("/download")
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<byte[]> download(@PathVariable long id, @RequestParam(required = false) Integer version) {
        return Files.attachment(vault.download(id, version));
    }

    @GetMapping("/records")
    @PreAuthorize("isAuthenticated()")
    String records(@PathVariable long id, Model model) {
        model.addAttribute("records", vault.records(id));
        model.addAttribute("document", vault.recordedDocument(id));
        return "vault/records";
    }

    @GetMapping("/certificate.pdf")
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<byte[]> certificate(@PathVariable long id) {
        return Files.pdf(vault.certificate(id), "disposal-certificate-" + id + ".pdf");
    }
}
