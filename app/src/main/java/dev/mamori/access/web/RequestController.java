package dev.mamori.access.web;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.mamori.access.Access;
import dev.mamori.access.AccessRequest;
import dev.mamori.access.AccessLevel;
import dev.mamori.access.RequestKind;
import dev.mamori.platform.ConflictException;
import dev.mamori.platform.InvalidInputException;
import dev.mamori.platform.NotFoundException;
import dev.mamori.policy.Location;
import dev.mamori.policy.Medium;

/** My requests with the form for a new one, and withdrawing. */
@Controller
@RequestMapping("/access/requests")
class RequestController {

    private final Access access;

    RequestController(Access access) {
        this.access = access;
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    String list(@RequestParam(required = false) Long assetId, Model model) {
        List<AccessRequest> requests = access.myRequests();
        model.addAttribute("requests", requests);
        model.addAttribute("now", java.time.Instant.now());
        model.addAttribute("names", access.names(List.of(), requests, List.of(), List.of(), List.of()));
        model.addAttribute("kinds", RequestKind.values());
        model.addAttribute("levels", AccessLevel.values());
        model.addAttribute("media", Medium.values());
        model.addAttribute("locations", Location.values());
        if (!model.containsAttribute("requestForm")) {
            model.addAttribute("requestForm", RequestForm.empty(assetId));
        }
        if (!model.containsAttribute("namesRecipient")) {
            model.addAttribute("namesRecipient", model.getAttribute("requestForm") instanceof RequestForm f && f.namesRecipient());
        }
        return "access/requests";
    }

    @HxRequest
    @GetMapping
    @PreAuthorize("isAuthenticated()")
    String table(@RequestParam(required = false) Long assetId, Model model) {
        list(assetId, model);
        return "access/requests :: table";
    }

    @PostMapping
    @PreAuthorize("isAuthenticated()")
    String create(@Valid @ModelAttribute("requestForm") RequestForm form, BindingResult binding, HtmxRequest htmx,
                  Model model, RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                access.submitNamingRecipient(form.toDraft());
                redirect.addFlashAttribute("notice", "access.requests.submittedNotice");
                return GrantController.redirect(htmx, "/access/requests");
            } catch (InvalidInputException | ConflictException | NotFoundException ex) {
                FormErrors.bind(ex, binding, RequestForm.FIELDS);
            }
        }
        // the form comes back with the recipient field when the typed kind asks for one (also when nothing bound)
        model.addAttribute("namesRecipient", namesRecipient(binding.getFieldValue("kind")));
        return list(null, model);
    }

    /** The recipient field of the form for the chosen kind (htmx swaps it in when the kind changes). */
    @GetMapping("/recipient")
    @PreAuthorize("isAuthenticated()")
    String recipient(@RequestParam(required = false) RequestKind kind, HtmxRequest htmx, Model model) {
        model.addAttribute("requestForm", RequestForm.ofKind(kind, null));
        model.addAttribute("namesRecipient", kind != null && kind.namesRecipient());
        // opened as a page (a bookmark, no script): the whole requests page with that kind chosen
        return htmx.isHtmxRequest() ? "access/requests :: recipient" : list(null, model);
    }

    private static boolean namesRecipient(Object kind) {
        if (kind instanceof RequestKind k) {
            return k.namesRecipient();
        }
        try {
            return kind != null && RequestKind.valueOf(kind.toString()).namesRecipient();
        } catch (IllegalArgumentException notAKind) {
            return false;
        }
    }

    /** The requester gives back a running approval once done with it. */
    @PostMapping("/{id}/give-back")
    @PreAuthorize("isAuthenticated()")
    String giveBack(@PathVariable long id, HtmxRequest htmx, Model model) {
        try {
            access.revokeApproval(id, null);
        } catch (ConflictException ex) {
            model.addAttribute("noteFailure", NoteFailure.of(id, "give-back", new NoteForm(null), ex));
            return list(null, model);
        }
        return GrantController.redirect(htmx, "/access/requests");
    }

    @PostMapping("/{id}/withdraw")
    @PreAuthorize("isAuthenticated()")
    String delete(@PathVariable long id, HtmxRequest htmx) {
        access.withdraw(id);
        return GrantController.redirect(htmx, "/access/requests");
    }
}
