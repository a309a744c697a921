package dev.mamori.vault.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
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
    String newForm(Model model) {
        if (!model.containsAttribute("identifyForm")) {
            model.addAttribute("identifyForm", new FileForm(null));
        }
        return "vault/identify";
    }

    @PostMapping("/vault/identify")
    @PreAuthorize(IDENTIFIERS)
    String create(@ModelAttribute("identifyForm") FileForm form, BindingResult binding, Model model,
                  jakarta.servlet.http.HttpServletResponse response) {
        MultipartFile file = form.file();
        if (file == null || file.isEmpty()) {
            binding.rejectValue("file", "vault.identify.fileEmpty", "vault.identify.fileEmpty");
            response.setStatus(jakarta.servlet.http.HttpServletResponse.SC_BAD_REQUEST);
        } else {
            dev.mamori.vault.Identification result = vault.identify(Files.upload(file).content());
            model.addAttribute("result", result);
            // documents the investigator may open are linked; the others are named only
            model.addAttribute("openable", result.matches().stream().map(m -> m.copy().documentId()).distinct()
                    .filter(vault::mayOpen).collect(java.util.stream.Collectors.toSet()));
        }
        return newForm(model);
    }
}
