package dev.mamori.measure.web;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import dev.mamori.measure.PublicityCheck;
import dev.mamori.measure.PublicityCheckDraft;
import dev.mamori.measure.ReadinessQuery;
import dev.mamori.measure.Requirement;
import dev.mamori.measure.SecretReadiness;

/**
 * Readiness pages: every secret the reader may see (50 a page, filtered by level and department, ordered by score
 * or name; the table alone for htmx), one secret with its indicators, missing pieces and
 * publicity checks (with the form to record one, field errors shown beside the fields), and its dossier PDF.
 */
@Controller
@RequestMapping("/measures/readiness")
class ReadinessController {

    static final int PAGE_SIZE = 50;

    private final SecretReadiness readiness;
    private final MessageSource messages;

    ReadinessController(SecretReadiness readiness, MessageSource messages) {
        this.readiness = readiness;
        this.messages = messages;
    }

    @GetMapping
    @PreAuthorize(ReadinessApiController.READERS)
    String list(@RequestParam(required = false) String level, @RequestParam(required = false) Long departmentId,
                @RequestParam(required = false) ReadinessQuery.Order order, @RequestParam(defaultValue = "0") int page,
                Model model) {
        ReadinessQuery query = new ReadinessQuery(level, departmentId, order);
        model.addAttribute("secrets", readiness.page(query, page, PAGE_SIZE));
        model.addAttribute("query", query);
        model.addAttribute("baseUrl", UriComponentsBuilder.fromPath("/measures/readiness")
                .queryParamIfPresent("level", Optional.ofNullable(query.levelCode()))
                .queryParamIfPresent("departmentId", Optional.ofNullable(departmentId))
                .queryParam("order", query.order()).build().toUriString());
        model.addAttribute("levels", readiness.levelChoices());
        model.addAttribute("departments", readiness.departmentChoices());
        model.addAttribute("orders", ReadinessQuery.Order.values());
        model.addAttribute("requirements", Requirement.values());
        return "measure/readinesses";
    }

    @HxRequest
    @GetMapping
    @PreAuthorize(ReadinessApiController.READERS)
    String table(@RequestParam(required = false) String level, @RequestParam(required = false) Long departmentId,
                 @RequestParam(required = false) ReadinessQuery.Order order, @RequestParam(defaultValue = "0") int page,
                 Model model) {
        list(level, departmentId, order, page, model);
        return "measure/readinesses :: table";
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
