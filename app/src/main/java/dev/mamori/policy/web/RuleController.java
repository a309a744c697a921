package dev.mamori.policy.web;

import java.util.Arrays;
import java.util.List;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxResponse;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.mamori.platform.web.FormErrors;
import dev.mamori.platform.InvalidInputException;
import dev.mamori.platform.NotFoundException;
import dev.mamori.policy.Aspect;
import dev.mamori.policy.Medium;
import dev.mamori.policy.Obligation;
import dev.mamori.policy.Policy;
import dev.mamori.policy.RuleChange;

/**
 * One cell of the standard: shown to everyone, edited by the 統括責任者 and the committee. With htmx the cell
 * turns into its form and back; a save announces {@code policy-standard-changed}. Every URL is also a page.
 */
@Controller
@RequestMapping("/policy/standard/rules/{level}/{aspect}/{medium}")
class RuleController {

    static final String EDITORS = "hasAnyRole('CHIEF_OFFICER','COMMITTEE')";

    private final Policy policy;

    RuleController(Policy policy) {
        this.policy = policy;
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    String show(@PathVariable String level, @PathVariable Aspect aspect, @PathVariable Medium medium, Model model) {
        cell(level, aspect, medium, model);
        String id = level + "/" + aspect + "/" + medium;
        model.addAttribute("ruleExceptions",
                policy.exceptionsInForce().stream().filter(e -> e.ruleId().equals(id)).toList());
        return "policy/rule";
    }

    @HxRequest
    @GetMapping
    @PreAuthorize("isAuthenticated()")
    String cellFragment(@PathVariable String level, @PathVariable Aspect aspect, @PathVariable Medium medium, Model model) {
        cell(level, aspect, medium, model);
        return "policy/rule :: cell";
    }

    @GetMapping("/edit")
    @PreAuthorize(EDITORS)
    String editForm(@PathVariable String level, @PathVariable Aspect aspect, @PathVariable Medium medium, Model model) {
        form(level, aspect, medium, model, null);
        return "policy/rule";
    }

    @HxRequest
    @GetMapping("/edit")
    @PreAuthorize(EDITORS)
    String editFormFragment(@PathVariable String level, @PathVariable Aspect aspect, @PathVariable Medium medium,
                            Model model) {
        form(level, aspect, medium, model, null);
        return "policy/rule :: editor";
    }

    @PostMapping
    @PreAuthorize(EDITORS)
    String update(@PathVariable String level, @PathVariable Aspect aspect, @PathVariable Medium medium,
                  @Valid @ModelAttribute("ruleForm") RuleForm form, BindingResult binding, HtmxRequest htmx,
                  HtmxResponse htmxResponse, Model model, RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                RuleChange change = policy.saveRule(level, aspect, medium, form.toDraft());
                return saved(level, aspect, medium, change, htmx, htmxResponse, model, redirect);
            } catch (InvalidInputException ex) {
                FormErrors.bind(binding, ex, RuleForm.FIELDS);
            }
        }
        form(level, aspect, medium, model, form);
        return htmx.isHtmxRequest() ? "policy/rule :: editor" : "policy/rule";
    }

    @PostMapping("/reset")
    @PreAuthorize(EDITORS)
    String reset(@PathVariable String level, @PathVariable Aspect aspect, @PathVariable Medium medium,
                 HtmxRequest htmx, HtmxResponse htmxResponse, Model model, RedirectAttributes redirect) {
        RuleChange change = policy.resetRule(level, aspect, medium);
        return saved(level, aspect, medium, change, htmx, htmxResponse, model, redirect);
    }

    private String saved(String level, Aspect aspect, Medium medium, RuleChange change, HtmxRequest htmx,
                         HtmxResponse htmxResponse, Model model, RedirectAttributes redirect) {
        if (htmx.isHtmxRequest()) {
            htmxResponse.addTrigger("policy-standard-changed");
            cell(level, aspect, medium, model);
            model.addAttribute("changeWarnings", change.warnings());
            return "policy/rule :: cell";
        }
        redirect.addFlashAttribute("changeWarnings", change.warnings());
        return "redirect:/policy/standard/rules/" + level + "/" + aspect + "/" + medium;
    }

    private void cell(String level, Aspect aspect, Medium medium, Model model) {
        var standard = policy.standard();
        model.addAttribute("level", standard.level(level)
                .orElseThrow(() -> new NotFoundException("policy.level.notFound", (Object) level)));
        model.addAttribute("aspect", aspect);
        model.addAttribute("medium", medium);
        model.addAttribute("rule", standard.rule(level, aspect, medium).orElse(null));
        model.addAttribute("handbook", policy.handbookRule(level, aspect, medium).orElse(null));
    }

    private void form(String level, Aspect aspect, Medium medium, Model model, RuleForm form) {
        cell(level, aspect, medium, model);
        model.addAttribute("editing", true);
        // disposal methods are offered only where they may go: among a disposal rule's obligations
        List<Obligation> others = Arrays.stream(Obligation.values())
                .filter(o -> !o.name().startsWith("DISPOSE_BY_")).toList();
        model.addAttribute("obligations", aspect == Aspect.DISPOSAL ? List.of(Obligation.values()) : others);
        model.addAttribute("outsideObligations", others);
        if (form == null) {
            model.addAttribute("ruleForm", RuleForm.of((dev.mamori.policy.HandlingRule) model.getAttribute("rule")));
        }
    }
}
