package dev.mamori.access.web;

import java.util.List;
import java.util.Set;

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

import dev.mamori.access.Access;
import dev.mamori.access.AccessRequest;
import dev.mamori.access.Delegation;
import dev.mamori.platform.ConflictException;
import dev.mamori.platform.InvalidInputException;

/** The approver's inbox: pending requests to approve or reject, and delegations while away. */
@Controller
@RequestMapping("/access/inbox")
class InboxController {

    private final Access access;

    InboxController(Access access) {
        this.access = access;
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    String list(Model model) {
        List<AccessRequest> requests = access.inbox();
        List<Delegation> delegations = access.myDelegations();
        model.addAttribute("requests", requests);
        model.addAttribute("delegations", delegations);
        model.addAttribute("names", access.names(List.of(), requests, delegations, List.of(), List.of()));
        if (!model.containsAttribute("delegationForm")) {
            model.addAttribute("delegationForm", new DelegationForm(null, access.today(), access.today().plusDays(7)));
        }
        return "access/inbox";
    }

    @HxRequest
    @GetMapping
    @PreAuthorize("isAuthenticated()")
    String table(Model model) {
        list(model);
        return "access/inbox :: table";
    }

    @PostMapping("/{id}/approve")
    @PreAuthorize("isAuthenticated()")
    String update(@PathVariable long id, @Valid NoteForm form, BindingResult binding, HtmxRequest htmx, Model model) {
        if (binding.hasErrors()) {
            model.addAttribute("noteFailure", NoteFailure.tooLong(id, "approve", form));
            return list(model);
        }
        try {
            access.approve(id, form.note());
        } catch (InvalidInputException | ConflictException ex) { // e.g. the entry was disposed of meanwhile
            model.addAttribute("noteFailure", NoteFailure.of(id, "approve", form, ex));
            return list(model);
        }
        return GrantController.redirect(htmx, "/access/inbox");
    }

    @PostMapping("/{id}/reject")
    @PreAuthorize("isAuthenticated()")
    String delete(@PathVariable long id, @Valid NoteForm form, BindingResult binding, HtmxRequest htmx, Model model) {
        if (binding.hasErrors()) {
            model.addAttribute("noteFailure", NoteFailure.tooLong(id, "reject", form));
            return list(model);
        }
        try {
            access.reject(id, form.note());
        } catch (InvalidInputException | ConflictException ex) {
            model.addAttribute("noteFailure", NoteFailure.of(id, "reject", form, ex));
            return list(model);
        }
        return GrantController.redirect(htmx, "/access/inbox");
    }

    @PostMapping("/delegations")
    @PreAuthorize("isAuthenticated()")
    String create(@Valid @ModelAttribute("delegationForm") DelegationForm form, BindingResult binding, HtmxRequest htmx,
                  Model model) {
        if (!binding.hasErrors()) {
            try {
                access.delegateToEmployee(form.delegateEmployeeNumber(), form.startsOn(), form.endsOn());
                return GrantController.redirect(htmx, "/access/inbox");
            } catch (InvalidInputException ex) {
                FormErrors.bind(ex, binding, Set.of("delegateEmployeeNumber", "startsOn", "endsOn"));
            }
        }
        return list(model);
    }

    @PostMapping("/delegations/{id}/end")
    @PreAuthorize("isAuthenticated()")
    String end(@PathVariable long id, HtmxRequest htmx) {
        access.endDelegation(id);
        return GrantController.redirect(htmx, "/access/inbox");
    }
}
