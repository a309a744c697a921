package dev.mamori.vault.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import dev.mamori.vault.Vault;

/** Identify a leaked copy: upload a file, learn whose copy it was and when it was issued. */
@Controller
class VaultIdentifyController {

    static final String IDENTIFIERS = "hasAnyRole('CHIEF_OFFICER','IT_SECURITY','AUDITOR','LEGAL','MANAGER')";

    private final Vault vault;

    VaultIdentifyController(Vault vault) {
        this.vault = vault;
    }

    @GetMapping("/vault/identify")
    @PreAuthorize(IDENTIFIERS)
    String newForm() {
        return "vault/identify";
    }

    @PostMapping("/vault/identify")
    @PreAuthorize(IDENTIFIERS)
    String create(@RequestParam MultipartFile file, Model model) {
        model.addAttribute("result", vault.identify(Files.upload(file).content()));
        return "vault/identify";
    }
}
