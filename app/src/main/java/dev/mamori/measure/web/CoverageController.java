package dev.mamori.measure.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.mamori.measure.Coverage;
import dev.mamori.measure.Measures;
import dev.mamori.measure.Purpose;
import dev.mamori.measure.Route;
import dev.mamori.policy.Policy;

/** The heatmap of one level (routes × purposes), its gaps and the guidance findings, for the reading roles. */
@Controller
@RequestMapping("/measures/coverage")
class CoverageController {

    private final Measures measures;
    private final Policy policy;
    private final MessageSource messages;

    CoverageController(Measures measures, Policy policy, MessageSource messages) {
        this.measures = measures;
        this.policy = policy;
        this.messages = messages;
    }

    record ShownFinding(Coverage.Finding finding, String text) {
    }

    @GetMapping
    @PreAuthorize(MeasureApiController.READERS)
    String show(@RequestParam(required = false) String level, Model model) {
        var levels = policy.levels();
        String chosen = level == null || level.isBlank() ? levels.get(0).code() : level;
        Coverage c = measures.coverage(chosen);
        var locale = LocaleContextHolder.getLocale();
        model.addAttribute("levels", levels);
        model.addAttribute("level", chosen);
        model.addAttribute("coverage", c);
        model.addAttribute("findings", c.findings().stream()
                .map(f -> new ShownFinding(f, FindingText.of(f, messages, locale))).toList());
        model.addAttribute("routes", Route.values());
        model.addAttribute("purposes", Purpose.values());
        return "measure/coverage";
    }

    @HxRequest
    @GetMapping
    @PreAuthorize(MeasureApiController.READERS)
    String table(@RequestParam(required = false) String level, Model model) {
        show(level, model);
        return "measure/coverage :: heatmap";
    }
}
