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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.mamori.access.Access;
import dev.mamori.access.ReviewItem;

/** The review campaign of a 管理責任者: their entries' grants, when each review is due, keep or remove. */
@Controller
@RequestMapping("/access/reviews")
class ReviewController {

    /** Managers, the 統括責任者, and anyone responsible for an entry (each action is checked per entry by Access). */
    static final String REVIEWERS = "hasAnyRole('MANAGER','CHIEF_OFFICER') or @access.managesAnyEntry()";

    private final Access access;

    ReviewController(Access access) {
        this.access = access;
    }

    @GetMapping
    @PreAuthorize(REVIEWERS)
    String list(Model model) {
        List<ReviewItem> reviews = access.reviews();
        model.addAttribute("reviews", reviews);
        model.addAttribute("names", access.names(reviews.stream().flatMap(r -> r.grants().stream()).toList(), List.of(),
                List.of(), List.of(), List.of()));
        return "access/reviews";
    }

    @HxRequest
    @GetMapping
    @PreAuthorize(REVIEWERS)
    String table(Model model) {
        list(model);
        return "access/reviews :: table";
    }

    @PostMapping("/grants/{id}/confirm")
    @PreAuthorize(REVIEWERS)
    String update(@PathVariable long id, HtmxRequest htmx, RedirectAttributes redirect) {
        access.confirm(id);
        redirect.addFlashAttribute("notice", "access.reviews.keptNotice");
        return GrantController.redirect(htmx, "/access/reviews");
    }

    @PostMapping("/grants/{id}/remove")
    @PreAuthorize(REVIEWERS)
    String delete(@PathVariable long id, @Valid NoteForm form, BindingResult binding, HtmxRequest htmx, Model model) {
        if (binding.hasErrors()) {
            model.addAttribute("noteFailure", NoteFailure.tooLong(id, "remove", form));
            return list(model);
        }
        access.removeInReview(id, form.note());
        return GrantController.redirect(htmx, "/access/reviews");
    }

    @PostMapping("/{assetId}/complete")
    @PreAuthorize(REVIEWERS)
    String create(@PathVariable long assetId, HtmxRequest htmx, RedirectAttributes redirect) {
        access.completeReview(assetId);
        redirect.addFlashAttribute("notice", "access.reviews.completedNotice");
        return GrantController.redirect(htmx, "/access/reviews");
    }
}
