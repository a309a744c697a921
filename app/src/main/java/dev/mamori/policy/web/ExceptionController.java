package dev.mamori.policy.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
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
import org.springframework.web.bind.annotation.RequestParam;

import dev.mamori.platform.web.FormErrors;
import dev.mamori.platform.AccessRefusedException;
import dev.mamori.platform.ConflictException;
import dev.mamori.platform.InvalidInputException;
import dev.mamori.policy.Aspect;
import dev.mamori.policy.ExceptionStatus;
import dev.mamori.policy.Medium;
import dev.mamori.policy.Policy;

/**
 * The departments' exceptions: the list by status with approve / reject for the 統括責任者 and the committee,
 * withdraw / revoke, and the request form for 管理責任者.
 */
@Controller
@RequestMapping("/policy/exceptions")
class ExceptionController {

    static final String READERS = "hasAnyRole('MANAGER','CHIEF_OFFICER','COMMITTEE','AUDITOR')";
    static final String APPROVERS = "hasAnyRole('CHIEF_OFFICER','COMMITTEE')";
    static final String ENDERS = "hasAnyRole('MANAGER','CHIEF_OFFICER','COMMITTEE')";

    private final Policy policy;
    private final ExceptionPageModel pages;

    ExceptionController(Policy policy, ExceptionPageModel pages) {
        this.policy = policy;
        this.pages = pages;
    }

    @GetMapping
    @PreAuthorize(READERS)
    String list(@RequestParam(required = false) ExceptionStatus status, Model model) {
        model.addAttribute("status", status);
        model.addAttribute("statuses", ExceptionStatus.values());
        model.addAttribute("exceptions", policy.exceptions(status));
        model.addAttribute("standard", policy.standard());
        return "policy/exceptions";
    }

    @HxRequest
    @GetMapping
    @PreAuthorize(READERS)
    String table(@RequestParam(required = false) ExceptionStatus status, Model model) {
        list(status, model);
        return "policy/exceptions :: table";
    }

    @GetMapping("/new")
    @PreAuthorize("hasRole('MANAGER')")
    String newForm(@RequestParam(required = false) String levelCode, @RequestParam(required = false) Aspect aspect,
                   @RequestParam(required = false) Medium medium, Model model) {
        return pages.formPage(model, ExceptionForm.forRule(levelCode, aspect, medium, null), null);
    }

    @HxRequest
    @GetMapping("/new")
    @PreAuthorize("hasRole('MANAGER')")
    String newFormFragment(@RequestParam(required = false) String levelCode, @RequestParam(required = false) Aspect aspect,
                           @RequestParam(required = false) Medium medium, Model model) {
        return pages.formPage(model, ExceptionForm.forRule(levelCode, aspect, medium, null), "editor");
    }

    @PostMapping
    @PreAuthorize("hasRole('MANAGER')")
    String create(@Valid @ModelAttribute("exceptionForm") ExceptionForm form, BindingResult binding, HtmxRequest htmx,
                  Model model) {
        if (!binding.hasErrors()) {
            try {
                policy.requestException(form.toDraft());
                return redirect(htmx, ExceptionStatus.PENDING);
            } catch (InvalidInputException | ConflictException | AccessRefusedException ex) {
                FormErrors.bind(binding, ex, ExceptionForm.FIELDS);
            }
        }
        return pages.formPage(model, null, htmx.isHtmxRequest() ? "editor" : null);
    }

    @PostMapping("/{id}/approve")
    @PreAuthorize(APPROVERS)
    String approve(@PathVariable long id, @Valid ExceptionDecisionForm form, HtmxRequest htmx) {
        policy.approveException(id, form.text());
        return redirect(htmx, ExceptionStatus.APPROVED);
    }

    @PostMapping("/{id}/reject")
    @PreAuthorize(APPROVERS)
    String reject(@PathVariable long id, @Valid ExceptionDecisionForm form, HtmxRequest htmx) {
        policy.rejectException(id, form.text());
        return redirect(htmx, ExceptionStatus.REJECTED);
    }

    @PostMapping("/{id}/revoke")
    @PreAuthorize(ENDERS)
    String revoke(@PathVariable long id, @Valid ExceptionDecisionForm form, HtmxRequest htmx) {
        var ended = policy.revokeException(id, form.text());
        return redirect(htmx, ended.status());
    }

    private static String redirect(HtmxRequest htmx, ExceptionStatus status) {
        return (htmx.isHtmxRequest() ? "redirect:htmx:" : "redirect:") + "/policy/exceptions?status=" + status;
    }
}
