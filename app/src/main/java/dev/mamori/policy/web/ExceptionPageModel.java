package dev.mamori.policy.web;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import dev.mamori.policy.Approver;
import dev.mamori.policy.Aspect;
import dev.mamori.policy.HandlingRule;
import dev.mamori.policy.Medium;
import dev.mamori.policy.Obligation;
import dev.mamori.policy.Permitted;
import dev.mamori.policy.Policy;

/** What the exception request form needs: the scheme, the caller's departments and the current rule. */
@Component
class ExceptionPageModel {

    private final Policy policy;

    ExceptionPageModel(Policy policy) {
        this.policy = policy;
    }

    /** Fills the model for the request form ({@code form} null: keep the bound one) and names the view. */
    String formPage(Model model, ExceptionForm form, String fragment) {
        if (form != null) {
            model.addAttribute("exceptionForm", form);
        }
        ExceptionForm current = (ExceptionForm) model.getAttribute("exceptionForm");
        var standard = policy.standard();
        model.addAttribute("levels", standard.levels());
        model.addAttribute("aspects", Aspect.values());
        model.addAttribute("media", Medium.values());
        model.addAttribute("permittedChoices", Permitted.values());
        model.addAttribute("approverChoices", Approver.values());
        model.addAttribute("departments", policy.exceptionDepartments());
        HandlingRule rule = current == null || current.levelCode() == null || current.aspect() == null
                || current.medium() == null ? null
                : standard.rule(current.levelCode(), current.aspect(), current.medium()).orElse(null);
        model.addAttribute("rule", rule);
        // only the rule's own obligations can be waived
        Set<Obligation> waivable = new TreeSet<>();
        if (rule != null) {
            waivable.addAll(rule.obligations());
            waivable.addAll(rule.outsideOfficeObligations());
        }
        model.addAttribute("waivable", List.copyOf(waivable));
        return fragment == null ? "policy/exception-form" : "policy/exception-form :: " + fragment;
    }
}
