package dev.mamori.agreement.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

import dev.mamori.agreement.internal.GeneratedDocument;
import dev.mamori.agreement.internal.TemplateKind;
import dev.mamori.agreement.internal.TemplateVersion;
import dev.mamori.agreement.internal.Templates;
import dev.mamori.platform.InvalidInputException;
import dev.mamori.platform.web.FormErrors;

/**
 * The templates: the list, one template's newest (or a chosen) version with the drafting cautions beside the
 * lines and fields they concern, its versions, the editor, and documents generated for other companies.
 */
@Controller
@RequestMapping("/agreements")
class TemplateController {

    private final Templates templates;

    TemplateController(Templates templates) {
        this.templates = templates;
    }

    @GetMapping("/templates")
    @PreAuthorize("isAuthenticated()")
    String list(Model model) {
        model.addAttribute("overview", templates.overview());
        return "agreement/templates";
    }

    @GetMapping("/templates/{slug}")
    @PreAuthorize("isAuthenticated()")
    String show(@PathVariable String slug, Model model) {
        TemplateKind kind = TemplateKind.of(slug);
        return show(kind, templates.latest(kind), model);
    }

    @GetMapping("/templates/{slug}/versions/{number}")
    @PreAuthorize("isAuthenticated()")
    String showVersion(@PathVariable String slug, @PathVariable int number, Model model) {
        TemplateKind kind = TemplateKind.of(slug);
        return show(kind, templates.version(kind, number), model);
    }

    private String show(TemplateKind kind, TemplateVersion version, Model model) {
        model.addAttribute("kind", kind);
        model.addAttribute("version", version);
        model.addAttribute("parsed", version.parsed());
        model.addAttribute("versions", templates.versions(kind));
        model.addAttribute("canEdit", templates.canEdit());
        boolean generate = !kind.personal() && templates.canGenerate();
        model.addAttribute("canGenerate", generate);
        model.addAttribute("generated", generate ? templates.generated(kind) : List.of());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new TemplateForm(templates.latest(kind).source(), null));
        }
        return "agreement/template";
    }

    /** Publishes a new version; a refusal shows beside the text or the note again, with what was typed (HTTP 400). */
    @PostMapping("/templates/{slug}")
    @PreAuthorize(AgreementAccess.EDIT_TEMPLATES)
    String update(@PathVariable String slug, @Valid @ModelAttribute("form") TemplateForm form, BindingResult binding,
                  Model model, HttpServletResponse response) {
        TemplateKind kind = TemplateKind.of(slug);
        if (!binding.hasErrors()) {
            try {
                TemplateVersion v = templates.publish(kind, form.source(), form.note());
                return "redirect:/agreements/templates/" + kind.slug() + "/versions/" + v.number();
            } catch (InvalidInputException e) {
                FormErrors.bind(binding, e);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return show(kind, templates.latest(kind), model);
    }

    /** Generates a document for another company from the values entered (one list entry a line). */
    @PostMapping("/templates/{slug}/documents")
    @PreAuthorize(AgreementAccess.GENERATE)
    String create(@PathVariable String slug, @RequestParam Map<String, String> params) {
        TemplateKind kind = TemplateKind.of(slug);
        Map<String, Object> values = new LinkedHashMap<>();
        for (TemplateKind.Variable v : kind.own()) {
            String value = params.get(v.name());
            if (v.type() == TemplateKind.Type.DATE && value != null && !value.isBlank()) {
                try {
                    values.put(v.name(), java.time.LocalDate.parse(value.strip()));
                } catch (java.time.format.DateTimeParseException e) {
                    throw InvalidInputException.onField(v.name(), "agreement.form.date");
                }
            } else {
                values.put(v.name(), value);
            }
        }
        GeneratedDocument doc = templates.generate(kind, values);
        return "redirect:/agreements/templates/" + kind.slug() + "?generated=" + doc.id();
    }

    @GetMapping("/documents/{id}/{format:pdf|docx}")
    @PreAuthorize(AgreementAccess.GENERATE)
    ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable String format) {
        GeneratedDocument doc = templates.document(id);
        boolean pdf = "pdf".equals(format);
        return AgreementAccess.file(templates.file(doc, pdf), doc.title() + "_" + doc.id() + (pdf ? ".pdf" : ".docx"),
                pdf ? "pdf" : "docx");
    }
}
