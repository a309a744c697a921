package dev.mamori.measure.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.mamori.measure.GuidedStart;
import dev.mamori.measure.StartAnswers;

/**
 * The guided start for CHIEF_OFFICER and COMMITTEE: the questionnaire, the proposal it leads to (same page,
 * {@code answered=true}) with a reason per measure, and accepting all or some of it.
 */
@Controller
@RequestMapping("/measures/start")
class StartController {

    private final GuidedStart start;

    StartController(GuidedStart start) {
        this.start = start;
    }

    @GetMapping
    @PreAuthorize(MeasureApiController.EDITORS)
    String newForm(StartForm form, @RequestParam(required = false) boolean answered, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("sizes", StartAnswers.Size.values());
        if (answered) {
            model.addAttribute("proposal", start.propose(form.answers()));
        }
        return "measure/start";
    }

    @PostMapping
    @PreAuthorize(MeasureApiController.EDITORS)
    String create(StartForm form) {
        start.accept(form.answers(), form.codes());
        return "redirect:/measures/selections";
    }
}
