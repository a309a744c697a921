package dev.mamori.vault.web;

import java.time.LocalDate;
import java.util.List;

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

import dev.mamori.vault.Settlement;
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
        model.addAttribute("copies", vault.numberedCopies());
        model.addAttribute("today", LocalDate.now(dev.mamori.directory.Directory.JAPAN));
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

    @PostMapping("/vault/copies/{id}/settlement")
    @PreAuthorize("isAuthenticated()")
    String update(@PathVariable long id, @RequestParam Settlement settledAs, @RequestParam(required = false) String note,
                  RedirectAttributes redirect) {
        vault.settle(id, settledAs, note);
        redirect.addFlashAttribute("notice", "vault.copy.settledNotice");
        return "redirect:/vault/copies";
    }

    /** Person ids separated by commas, spaces or new lines; anything else is refused by the service as unknown. */
    static List<Long> ids(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(text.split("[,\\s、]+")).filter(s -> !s.isBlank()).map(s -> {
            try {
                return Long.parseLong(s.strip());
            } catch (NumberFormatException e) {
                throw dev.mamori.platform.InvalidInputException.onField("recipientPersonIds", "vault.copy.recipientUnknown", s);
            }
        }).toList();
    }
}
