package dev.mamori.measure.web;

import java.io.IOException;
import java.io.UncheckedIOException;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.FileSystemResource;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import dev.mamori.measure.Measures;
import dev.mamori.measure.SelectionDraft;
import dev.mamori.measure.SelectionStatus;
import dev.mamori.measure.StatusUpdate;
import dev.mamori.platform.InvalidInputException;
import dev.mamori.platform.NotFoundException;
import dev.mamori.policy.Policy;

/**
 * The selection board per level (reading roles; CHIEF_OFFICER and COMMITTEE select), and one selection's page
 * where its owner reports status and adds evidence.
 */
@Controller
@RequestMapping("/measures/selections")
class SelectionController {

    private final Measures measures;
    private final Policy policy;
    private final MessageSource messages;

    SelectionController(Measures measures, Policy policy, MessageSource messages) {
        this.measures = measures;
        this.policy = policy;
        this.messages = messages;
    }

    @GetMapping
    @PreAuthorize(MeasureApiController.READERS)
    String list(@RequestParam(required = false) String level, Model model) {
        var levels = policy.levels();
        String chosen = level == null || level.isBlank() ? levels.get(0).code() : level;
        model.addAttribute("levels", levels);
        model.addAttribute("level", chosen);
        model.addAttribute("selections", measures.selections(chosen));
        model.addAttribute("catalog", measures.catalog(null, null));
        model.addAttribute("statuses", SelectionStatus.values());
        model.addAttribute("errors", Map.of());
        return "measure/selections";
    }

    @HxRequest
    @GetMapping
    @PreAuthorize(MeasureApiController.READERS)
    String table(@RequestParam(required = false) String level, Model model) {
        list(level, model);
        return "measure/selections :: board";
    }

    /**
     * Selects a measure; refusals about a field (a date that is not one, a missing reason for 対象外, an unknown
     * owner, a bad interval) show beside that field on the board again, with what was entered (HTTP 400).
     */
    @PostMapping
    @PreAuthorize(MeasureApiController.EDITORS)
    String create(@Valid SelectionForm form, BindingResult binding, Model model, HttpServletResponse response) {
        var locale = LocaleContextHolder.getLocale();
        Map<String, String> errors = new LinkedHashMap<>();
        for (var e : binding.getFieldErrors()) {
            errors.putIfAbsent(e.getField(), e.isBindingFailure()
                    ? messages.getMessage("dueDate".equals(e.getField()) ? "measure.selection.dateInvalid"
                    : "measure.form.invalid", null, locale) : messages.getMessage(e, locale));
        }
        if (errors.isEmpty()) {
            try {
                Long owner = measures.ownerByEmployeeNumber(form.ownerEmployeeNumber());
                var s = measures.select(new SelectionDraft(form.measureId(), form.levelCodes(), owner, form.status(),
                        form.statusReason(), form.dueDate(), MeasureApiController.period(form.reviewInterval()), null));
                return "redirect:/measures/selections/" + s.id();
            } catch (InvalidInputException e) {
                if (e.field() == null) {
                    throw e;
                }
                errors.put(e.field(), messages.getMessage(e.messageKey(), e.args(), locale));
            }
        }
        response.setStatus(400);
        list(form.levelCodes() == null || form.levelCodes().isEmpty() ? null : form.levelCodes().get(0), model);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "measure/selections";
    }

    @GetMapping("/{id}")
    @PreAuthorize("isAuthenticated()")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("s", measures.selection(id));
        model.addAttribute("statuses", SelectionStatus.values());
        model.addAttribute("levels", policy.levels());
        return "measure/selection";
    }

    @PostMapping("/{id}/status")
    @PreAuthorize("isAuthenticated()")
    String update(@PathVariable long id, @Valid StatusForm form, BindingResult binding) {
        if (binding.hasErrors()) {
            throw InvalidInputException.onField(binding.getFieldErrors().get(0).getField(), "measure.form.invalid");
        }
        measures.report(id, new StatusUpdate(form.status(), form.statusReason(), form.note(), Boolean.TRUE.equals(form.reviewed())));
        return "redirect:/measures/selections/" + id;
    }

    @PostMapping("/{id}/links")
    @PreAuthorize("isAuthenticated()")
    String createLink(@PathVariable long id, @RequestParam(required = false) String label, @RequestParam String url) {
        measures.addLink(id, label, url);
        return "redirect:/measures/selections/" + id;
    }

    @PostMapping("/{id}/computed")
    @PreAuthorize("isAuthenticated()")
    String createComputed(@PathVariable long id, @RequestParam String sourceKey) {
        measures.addComputed(id, sourceKey);
        return "redirect:/measures/selections/" + id;
    }

    @PostMapping("/{id}/files")
    @PreAuthorize("isAuthenticated()")
    String createFile(@PathVariable long id, @RequestParam(required = false) String label,
                      @RequestParam("file") MultipartFile file) {
        try {
            measures.addFile(id, label, file.getOriginalFilename(), file.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "redirect:/measures/selections/" + id;
    }

    @GetMapping("/{id}/files/{evidenceId}")
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<FileSystemResource> download(@PathVariable long id, @PathVariable long evidenceId) {
        var file = measures.file(id, evidenceId)
                .orElseThrow(() -> new NotFoundException("measure.evidence.notFound", evidenceId));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-SHA256", file.sha256())
                .body(new FileSystemResource(file.path()));
    }
}
