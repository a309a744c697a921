package dev.mamori.vault.web;

import java.time.LocalDate;
import java.util.List;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.mamori.platform.InvalidInputException;
import dev.mamori.vault.Vault;

/** The numbered-copy tracker (配布・回収): issue copies from a document, download one, record its return. */
@Controller
class VaultCopyController {

    private final Vault vault;

    VaultCopyController(Vault vault) {
        this.vault = vault;
    }

    @GetMapping("/vault/copies")
    @PreAuthorize("isAuthenticated()")
    String list(Model model) {
        List<dev.mamori.vault.CopyView> copies = vault.numberedCopies();
        model.addAttribute("copies", copies);
        // the controls each row offers: only those the service would carry out for the caller
        dev.mamori.vault.CopyControls controls = vault.copyControls(copies);
        model.addAttribute("fetchable", controls.fetchable());
        model.addAttribute("settleable", controls.settleable());
        model.addAttribute("today", LocalDate.now(dev.mamori.directory.Directory.JAPAN));
        model.addAttribute("settlements", dev.mamori.vault.Settlement.values());
        if (!model.containsAttribute("settlementForm")) {
            model.addAttribute("settlementForm", SettlementForm.empty());
        }
        return "vault/copies";
    }

    @HxRequest
    @GetMapping("/vault/copies")
    @PreAuthorize("isAuthenticated()")
    String table(Model model) {
        list(model);
        return "vault/copies :: table";
    }

    @GetMapping("/vault/copies/{id}/file")
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<byte[]> show(@PathVariable long id) {
        return Files.attachment(vault.numberedCopyFile(id));
    }

    /**
     * Records the return or destruction; a malformed or refused input comes back beside its field in the copy's
     * row (HTTP 400, the table alone for htmx), with what was entered.
     */
    @PostMapping("/vault/copies/{id}/settlement")
    @PreAuthorize("isAuthenticated()")
    String update(@PathVariable long id, @Valid @ModelAttribute("settlementForm") SettlementForm form, BindingResult binding,
                  HtmxRequest htmx, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                vault.settle(id, form.settledAs(), form.note());
                redirect.addFlashAttribute("notice", "vault.copy.settledNotice");
                return VaultForms.redirect(htmx, "/vault/copies");
            } catch (InvalidInputException ex) {
                VaultForms.bind(ex, binding);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("settlementCopyId", id);
        list(model);
        return htmx.isHtmxRequest() ? "vault/copies :: table" : "vault/copies";
    }

    /** 社員番号 (employee numbers) one per line or separated by commas (also 、 or spaces), as typed. */
    static List<String> employeeNumbers(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(text.split("[,，、\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
