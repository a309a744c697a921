package dev.mamori.inventory.web;

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

import dev.mamori.platform.web.FormErrors;
import dev.mamori.inventory.Inventory;
import dev.mamori.inventory.LevelReview;
import dev.mamori.platform.ConflictException;
import dev.mamori.platform.InvalidInputException;

/**
 * The review of an entry whose level is being merged away: its 管理責任者 confirms the proposed level or
 * chooses another, with a reason. Others who see the entry see the pending review but cannot answer.
 */
@Controller
@RequestMapping("/inventory/assets/{id}/level-review")
class LevelReviewController {

    private final Inventory inventory;

    LevelReviewController(Inventory inventory) {
        this.inventory = inventory;
    }

    @GetMapping
    @PreAuthorize(InventoryAccess.SIGNED_IN)
    String editForm(@PathVariable long id, Model model) {
        var asset = inventory.asset(id);
        LevelReview review = inventory.pendingLevelReview(id).orElse(null);
        model.addAttribute("asset", asset);
        model.addAttribute("review", review);
        model.addAttribute("levels", inventory.levels().stream()
                .filter(l -> review == null || !l.code().equals(review.fromLevelId())).toList());
        model.addAttribute("canReview", review != null && inventory.canDesignate(id));
        if (!model.containsAttribute("levelReviewForm")) {
            model.addAttribute("levelReviewForm", new LevelReviewForm(review == null ? null : review.proposedLevelId(), null));
        }
        return "inventory/level-review";
    }

    @PostMapping
    @PreAuthorize(InventoryAccess.SIGNED_IN)
    String update(@PathVariable long id, @Valid @ModelAttribute("levelReviewForm") LevelReviewForm form,
                  BindingResult binding, Model model) {
        inventory.asset(id); // missing or hidden: 404 before anything else
        if (!binding.hasErrors()) {
            try {
                inventory.reviewLevel(id, form.levelId(), form.reason());
                return "redirect:/inventory/assets/" + id;
            } catch (InvalidInputException | ConflictException ex) {
                FormErrors.bind(binding, ex, LevelReviewForm.FIELDS);
            }
        }
        return editForm(id, model);
    }
}
