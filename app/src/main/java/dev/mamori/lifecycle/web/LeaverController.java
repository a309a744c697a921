package dev.mamori.lifecycle.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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
import org.springframework.web.multipart.MultipartFile;

import dev.mamori.lifecycle.LeaverStep;
import dev.mamori.lifecycle.LentKind;
import dev.mamori.lifecycle.Lifecycle;
import dev.mamori.lifecycle.StoredDocument;
import dev.mamori.platform.InvalidInputException;
import dev.mamori.platform.tabular.ExportFormat;
import dev.mamori.platform.web.FormErrors;

/** The leaver dashboard and one leaver's checklist. */
@Controller
@RequestMapping("/lifecycle/leavers")
class LeaverController {

    private final Lifecycle lifecycle;

    LeaverController(Lifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @GetMapping
    @PreAuthorize(Roles.LEAVER_READERS)
    String list(@RequestParam(defaultValue = "open") String show, Model model) {
        model.addAttribute("leavers", lifecycle.leavers(!"all".equals(show)));
        model.addAttribute("show", "all".equals(show) ? "all" : "open");
        model.addAttribute("today", lifecycle.today());
        return "lifecycle/leavers";
    }

    @HxRequest
    @GetMapping
    @PreAuthorize(Roles.LEAVER_READERS)
    String table(@RequestParam(defaultValue = "open") String show, Model model) {
        list(show, model);
        return "lifecycle/leavers :: table";
    }

    @GetMapping("/{personId}")
    @PreAuthorize(Roles.LEAVER_READERS)
    String show(@PathVariable long personId, Model model) {
        model.addAttribute("c", lifecycle.checklist(personId));
        model.addAttribute("today", lifecycle.today());
        model.addAttribute("kinds", LentKind.values());
        model.addAttribute("canLend", lifecycle.canLendTo(personId));
        var alumni = lifecycle.alumniContact(personId).orElse(null);
        model.addAttribute("alumni", alumni);
        if (!model.containsAttribute("alumniForm")) {
            model.addAttribute("alumniForm", alumni == null ? new Forms.AlumniForm(null, null, null, null, null)
                    : new Forms.AlumniForm(alumni.consent(), alumni.address(), alumni.email(), alumni.recordedOn(), alumni.note()));
        }
        return "lifecycle/leaver";
    }

    /** Records the alumni (OB会) contact; a refusal shows beside its field again with what was typed (HTTP 400). */
    @PostMapping("/{personId}/alumni-contact")
    @PreAuthorize(Roles.LEAVER_EDITORS)
    String createAlumniContact(@PathVariable long personId, @Valid @ModelAttribute("alumniForm") Forms.AlumniForm form,
                               BindingResult binding, Model model, HttpServletResponse response) {
        if (!binding.hasErrors()) {
            try {
                lifecycle.recordAlumniContact(personId, form.consent(), form.address(), form.email(), form.on(), form.note());
                return "redirect:/lifecycle/leavers/" + personId + "#lifecycle-alumni";
            } catch (InvalidInputException e) {
                FormErrors.bind(binding, e);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return show(personId, model);
    }

    @PostMapping("/{personId}/steps/{step}")
    @PreAuthorize(Roles.LEAVER_EDITORS)
    String update(@PathVariable long personId, @PathVariable LeaverStep step, @Valid Forms.StepForm form,
                  BindingResult binding, @RequestParam(name = "file", required = false) MultipartFile file) {
        Forms.refuseInvalid(binding);
        lifecycle.confirmStep(personId, step, form.status(), form.on(), form.note(), Forms.upload(file));
        return "redirect:/lifecycle/leavers/" + personId + "#lifecycle-step-" + step;
    }

    @GetMapping("/{personId}/secrets")
    @PreAuthorize(Roles.LEAVER_READERS)
    void export(@PathVariable long personId, @RequestParam(defaultValue = "csv") String format,
                @RequestParam(required = false) String encoding, HttpServletResponse response) throws java.io.IOException {
        ExportFormat f = ExportFormat.of(format, encoding);
        response.setContentType(f.contentType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("secrets-" + personId + "." + f.extension()).build().toString());
        lifecycle.exportSecrets(personId, f, response.getOutputStream());
    }

    @GetMapping("/{personId}/documents/{documentId}")
    @PreAuthorize(Roles.LEAVER_READERS)
    ResponseEntity<byte[]> document(@PathVariable long personId, @PathVariable long documentId) {
        return download(lifecycle.stepDocument(personId, documentId));
    }

    static ResponseEntity<byte[]> download(StoredDocument d) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(d.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-SHA256", d.sha256())
                .contentType(MediaType.APPLICATION_OCTET_STREAM).body(d.content());
    }
}
