package dev.mamori.directory.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import dev.mamori.directory.Directory;
import dev.mamori.platform.InvalidInputException;
import dev.mamori.platform.NotFoundException;

/**
 * The lifecycle operations from the person page: join, leave of absence, return, notice of leaving,
 * withdrawing it, and leaving. A refusal is shown beside the operation.
 */
@Controller
@RequestMapping("/directory/people/{id}")
class PersonLifecycleController {

    private final Directory directory;
    private final PersonPageModel pages;

    PersonLifecycleController(Directory directory, PersonPageModel pages) {
        this.directory = directory;
        this.pages = pages;
    }

    @PostMapping("/{action:join|leave-of-absence|return|leave-notice|left}")
    @PreAuthorize(DirectoryAccess.ADMIN)
    String update(@PathVariable long id, @PathVariable String action,
                  @ModelAttribute("lifecycleForm") LifecycleForm form, BindingResult binding, HtmxRequest htmx,
                  Model model) {
        return act(id, LifecycleAction.ofPath(action).orElseThrow(() -> new NotFoundException("directory.lifecycle.unknown")),
                form, binding, htmx, model);
    }

    @PostMapping("/leave-notice/withdraw")
    @PreAuthorize(DirectoryAccess.ADMIN)
    String withdraw(@PathVariable long id, @ModelAttribute("lifecycleForm") LifecycleForm form, BindingResult binding,
                    HtmxRequest htmx, Model model) {
        return act(id, LifecycleAction.WITHDRAW_NOTICE, form, binding, htmx, model);
    }

    private String act(long id, LifecycleAction action, LifecycleForm form, BindingResult binding, HtmxRequest htmx,
                       Model model) {
        if (!binding.hasErrors()) {
            try {
                action.apply(directory, id, form.date(), form.noticeDate(), form.lastWorkingDay());
                return (htmx.isHtmxRequest() ? "redirect:htmx:" : "redirect:") + "/directory/people/" + id;
            } catch (InvalidInputException ex) {
                binding.reject(ex.messageKey(), ex.args(), ex.messageKey());
            }
        }
        model.addAttribute("failedAction", action);
        pages.fill(id, model);
        return htmx.isHtmxRequest() ? "directory/person :: lifecycle" : "directory/person";
    }
}
