package dev.mamori.policy.web;

import java.util.List;

import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.mamori.platform.ConflictException;
import dev.mamori.platform.CurrentUsers;
import dev.mamori.platform.InvalidInputException;
import dev.mamori.platform.NotFoundException;
import dev.mamori.policy.Level;
import dev.mamori.policy.LevelChangeProposal;
import dev.mamori.policy.Policy;

/**
 * Changes of the scheme that move designated entries: the merge proposal with every affected entry, the
 * list of proposals, one proposal with the entries still waiting for their manager, and its cancellation.
 */
@Controller
class LevelChangeController {

    private final Policy policy;
    private final CurrentUsers users;

    LevelChangeController(Policy policy, CurrentUsers users) {
        this.policy = policy;
        this.users = users;
    }

    @GetMapping("/policy/levels/{code}/merge")
    @PreAuthorize(SchemeAccess.EDITORS)
    String newForm(@PathVariable String code, @RequestParam(defaultValue = "false") boolean retiring, Model model) {
        Level from = level(code);
        model.addAttribute("from", from);
        model.addAttribute("retiring", retiring);
        model.addAttribute("targets", policy.levels().stream().filter(l -> !l.code().equals(from.code())).toList());
        model.addAttribute("entries", policy.entriesAt(from.code()));
        if (!model.containsAttribute("mergeForm")) {
            model.addAttribute("mergeForm", new MergeForm(null, null, null));
        }
        return "policy/merge";
    }

    @PostMapping("/policy/levels/{code}/merge")
    @PreAuthorize(SchemeAccess.EDITORS)
    String create(@PathVariable String code, @Valid @ModelAttribute("mergeForm") MergeForm form, BindingResult binding,
                  Model model) {
        if (!binding.hasErrors()) {
            try {
                long id = policy.proposeMerge(code, form.into(), form.reason(), form.reviewBy()).id();
                return "redirect:/policy/level-changes/" + id;
            } catch (InvalidInputException | ConflictException ex) {
                if (ex.field() != null && MergeForm.FIELDS.contains(ex.field())) {
                    binding.rejectValue(ex.field(), ex.messageKey(), ex.args(), ex.messageKey());
                } else {
                    binding.reject(ex.messageKey(), ex.args(), ex.messageKey());
                }
            }
        }
        return newForm(code, false, model);
    }

    @GetMapping("/policy/level-changes")
    @PreAuthorize(SchemeAccess.EDITORS)
    String list(Model model) {
        model.addAttribute("changes", policy.levelChanges());
        return "policy/level-changes";
    }

    @GetMapping("/policy/level-changes/{id}")
    @PreAuthorize(SchemeAccess.EDITORS)
    String show(@PathVariable long id, Model model) {
        LevelChangeProposal change = change(id);
        model.addAttribute("change", change);
        model.addAttribute("levels", policy.levels());
        model.addAttribute("remaining", change.open() ? policy.entriesAt(change.fromCode()) : List.of());
        model.addAttribute("canCancel", change.open()
                && users.current().map(u -> u.accountId() == change.proposedByAccountId()).orElse(false));
        return "policy/level-change";
    }

    @PostMapping("/policy/level-changes/{id}/cancel")
    @PreAuthorize(SchemeAccess.EDITORS)
    String delete(@PathVariable long id) {
        policy.cancelLevelChange(id);
        return "redirect:/policy/level-changes/" + id;
    }

    private Level level(String code) {
        return policy.levels().stream().filter(l -> l.code().equals(code)).findFirst()
                .orElseThrow(() -> new NotFoundException("policy.level.notFound", (Object) code));
    }

    private LevelChangeProposal change(long id) {
        return policy.levelChange(id)
                .orElseThrow(() -> new NotFoundException("policy.levelChange.notFound", (Object) String.valueOf(id)));
    }
}
