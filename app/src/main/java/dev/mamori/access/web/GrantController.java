package dev.mamori.access.web;

import java.time.Instant;
import java.util.List;

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

import dev.mamori.access.Access;
import dev.mamori.access.AccessLevel;
import dev.mamori.access.AccessRequest;
import dev.mamori.access.Grant;
import dev.mamori.inventory.AccessHolder;
import dev.mamori.platform.CurrentUsers;
import dev.mamori.platform.AccessRefusedException;
import dev.mamori.platform.ConflictException;
import dev.mamori.platform.InvalidInputException;

/** Grants per entry (with the grant form for its 管理責任者) and per person. */
@Controller
@RequestMapping("/access/grants")
class GrantController {

    private final Access access;
    private final CurrentUsers users;

    GrantController(Access access, CurrentUsers users) {
        this.access = access;
        this.users = users;
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    String list(@RequestParam(required = false) Long assetId, @RequestParam(required = false) Long personId, Model model) {
        List<Grant> grants;
        List<AccessRequest> approvals = List.of();
        if (assetId != null) {
            grants = access.grantsOfEntry(assetId);
            model.addAttribute("canGrant", access.canGrant(assetId));
            try {
                approvals = access.runningApprovals(assetId);
                model.addAttribute("approvals", approvals);
            } catch (AccessRefusedException notTheirs) {
                // the running approvals are shown to the entry's 管理責任者 and organisation-wide readers only
            }
        } else {
            long person = personId != null ? personId : users.require().personId() == null ? -1 : users.require().personId();
            grants = access.grantsOfPerson(person);
            model.addAttribute("canGrant", false);
            personId = person;
        }
        model.addAttribute("grants", grants);
        model.addAttribute("now", Instant.now());
        model.addAttribute("names", access.names(grants, approvals, List.of(),
                personId == null ? List.of() : List.of(personId), assetId == null ? List.of() : List.of(assetId)));
        model.addAttribute("assetId", assetId);
        model.addAttribute("personId", personId);
        model.addAttribute("kinds", AccessHolder.Kind.values());
        model.addAttribute("levels", AccessLevel.values());
        if (!model.containsAttribute("grantForm")) {
            model.addAttribute("grantForm", GrantForm.empty());
        }
        return "access/grants";
    }

    @HxRequest
    @GetMapping
    @PreAuthorize("isAuthenticated()")
    String table(@RequestParam(required = false) Long assetId, @RequestParam(required = false) Long personId, Model model) {
        list(assetId, personId, model);
        return "access/grants :: #access-table";
    }

    @PostMapping
    @PreAuthorize(ReviewController.REVIEWERS)
    String create(@RequestParam long assetId, @Valid @ModelAttribute("grantForm") GrantForm form, BindingResult binding,
                  HtmxRequest htmx, Model model) {
        if (!binding.hasErrors()) {
            try {
                access.grantByNumbers(form.toDraft(assetId));
                return redirect(htmx, "/access/grants?assetId=" + assetId);
            } catch (InvalidInputException ex) {
                FormErrors.bind(ex, binding, GrantForm.FIELDS);
            }
        }
        return list(assetId, null, model);
    }

    @PostMapping("/{id}/end")
    @PreAuthorize(ReviewController.REVIEWERS)
    String delete(@PathVariable long id, @Valid NoteForm form, BindingResult binding, HtmxRequest htmx, Model model) {
        Grant g = access.grantById(id);
        if (binding.hasErrors()) {
            model.addAttribute("noteFailure", NoteFailure.tooLong(id, "end", form));
            return list(g.assetId(), null, model);
        }
        access.revoke(id, form.note());
        return redirect(htmx, "/access/grants?assetId=" + g.assetId());
    }

    /** Takes back a running approval on the entry (its 管理責任者, their delegate, the 統括責任者), with a reason. */
    @PostMapping("/approvals/{requestId}/revoke")
    @PreAuthorize("isAuthenticated()")
    String revokeApproval(@PathVariable long requestId, @RequestParam long assetId, @Valid NoteForm form,
                          BindingResult binding, HtmxRequest htmx, Model model) {
        if (binding.hasErrors()) {
            model.addAttribute("noteFailure", NoteFailure.tooLong(requestId, "revoke", form));
            return list(assetId, null, model);
        }
        try {
            access.revokeApproval(requestId, form.note());
        } catch (InvalidInputException | ConflictException ex) {
            model.addAttribute("noteFailure", NoteFailure.of(requestId, "revoke", form, ex));
            return list(assetId, null, model);
        }
        return redirect(htmx, "/access/grants?assetId=" + assetId);
    }

    static String redirect(HtmxRequest htmx, String path) {
        return (htmx.isHtmxRequest() ? "redirect:htmx:" : "redirect:") + path;
    }
}
