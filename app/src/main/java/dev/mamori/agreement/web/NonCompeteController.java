package dev.mamori.agreement.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;

import dev.mamori.agreement.internal.CourtCase;
import dev.mamori.agreement.internal.NonCompeteCheck;

/**
 * The non-compete check: the form, and with its answers (a GET, so a result can be linked) the rating per
 * factor with the cases cited, the overall risk and the statement that this is not legal advice.
 */
@Controller
@RequestMapping("/agreements/non-compete")
class NonCompeteController {

    /** The form alone when nothing was asked yet; answers with errors beside their fields are a 400 with the form kept. */
    @GetMapping
    @PreAuthorize(AgreementAccess.NON_COMPETE)
    String show(@Valid @ModelAttribute("form") NonCompeteForm form, BindingResult binding, Model model,
                HttpServletResponse response) {
        model.addAttribute("interests", NonCompeteCheck.Interest.values());
        model.addAttribute("involvements", NonCompeteCheck.Involvement.values());
        model.addAttribute("regions", NonCompeteCheck.Region.values());
        model.addAttribute("activitiesList", NonCompeteCheck.Activities.values());
        model.addAttribute("compensations", NonCompeteCheck.Compensation.values());
        model.addAttribute("cases", CourtCase.all());
        model.addAttribute("source", CourtCase.SOURCE);
        boolean asked = (form != null && form.asked()) || binding.getFieldErrors().stream().anyMatch(e -> e.isBindingFailure());
        model.addAttribute("asked", asked);
        if (!binding.hasErrors()) {
            model.addAttribute("assessment", NonCompeteCheck.assess(form.input()));
        } else if (asked) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        return "agreement/non-compete";
    }
}
