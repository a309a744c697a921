package dev.mamori.measure.web;

import java.nio.charset.StandardCharsets;

import jakarta.validation.Valid;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import dev.mamori.measure.PublicityCheck;
import dev.mamori.measure.PublicityCheckDraft;
import dev.mamori.measure.Requirement;
import dev.mamori.measure.SecretReadiness;

/**
 * Readiness pages: every secret the reader may see, one secret with its indicators, missing pieces and
 * publicity checks (with the form to record one, field errors shown beside the fields), and its dossier PDF.
 */
@Controller
@RequestMapping("/measures/readiness")
class ReadinessController {

    private final SecretReadiness readiness;
    private final MessageSource messages;

    ReadinessController(SecretReadiness readiness, MessageSource messages) {
        this.readiness = readiness;
        this.messages = messages;
    }

    @GetMapping
    @PreAuthorize(ReadinessApiController.READERS)
    String list(Model model) {
        model.addAttribute("secrets", readiness.all());
        model.addAttribute("requirements", Requirement.values());
        return "measure/readinesses";
    }

    @GetMapping("/{assetId}")
    @PreAuthorize(ReadinessApiController.READERS)
    String show(@PathVariable long assetId, Model model) {
        model.addAttribute("r", ReadinessText.of(readiness.readiness(assetId), messages, LocaleContextHolder.getLocale()));
        model.addAttribute("checks", readiness.publicityChecks(assetId));
        model.addAttribute("results", PublicityCheck.Result.values());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new PublicityCheckForm(null, null, null, null));
        }
        return "measure/readiness";
    }

    @PostMapping("/{assetId}/publicity-checks")
    @PreAuthorize(ReadinessApiController.CHECKERS)
    String create(@PathVariable long assetId, @Valid PublicityCheckForm form, BindingResult binding, Model model) {
        if (binding.hasErrors()) {
            model.addAttribute("form", form);
            model.addAttribute("org.springframework.validation.BindingResult.form", binding);
            show(assetId, model);
            return "measure/readiness";
        }
        readiness.recordPublicityCheck(assetId, new PublicityCheckDraft(form.checkedOn(), form.sources(), form.result(),
                form.note()));
        return "redirect:/measures/readiness/" + assetId;
    }

    @GetMapping("/{assetId}/dossier")
    @PreAuthorize(ReadinessApiController.READERS)
    ResponseEntity<byte[]> dossier(@PathVariable long assetId) {
        byte[] pdf = readiness.dossier(assetId);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("dossier-" + assetId + ".pdf", StandardCharsets.UTF_8).build().toString())
                .body(pdf);
    }
}
