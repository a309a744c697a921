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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.mamori.platform.ConflictException;
import dev.mamori.platform.CurrentUsers;
import dev.mamori.platform.InvalidInputException;
import dev.mamori.platform.MamoriException;
import dev.mamori.platform.NotFoundException;
import dev.mamori.platform.Role;
import dev.mamori.policy.Level;
import dev.mamori.policy.LevelChangeProposal;
import dev.mamori.policy.Policy;

/**
 * The scheme editor (3-1): everyone reads the levels; the 統括責任者 and the committee add levels, change
 * them, reorder them and retire unused ones. Beyond three levels the page warns, as the handbook does.
 */
@Controller
class LevelController {

    private final Policy policy;
    private final CurrentUsers users;

    LevelController(Policy policy, CurrentUsers users) {
        this.policy = policy;
        this.users = users;
    }

    @GetMapping("/policy/levels")
    @PreAuthorize(SchemeAccess.SIGNED_IN)
    String list(Model model) {
        List<Level> levels = policy.levels();
        model.addAttribute("levels", levels);
        model.addAttribute("warning", policy.schemeWarning().orElse(null));
        boolean editor = users.current().map(u -> u.hasAny(Role.CHIEF_OFFICER, Role.COMMITTEE)).orElse(false);
        model.addAttribute("editor", editor);
        if (editor) {
            model.addAttribute("openChanges", policy.levelChanges().stream().filter(LevelChangeProposal::open).toList());
            if (!model.containsAttribute("levelForm")) {
                model.addAttribute("levelForm", LevelForm.empty(levels.stream().mapToInt(Level::rank).max().orElse(0) + 1));
            }
        }
        return "policy/levels";
    }

    @PostMapping("/policy/levels")
    @PreAuthorize(SchemeAccess.EDITORS)
    String create(@Valid @ModelAttribute("levelForm") LevelForm form, BindingResult binding, Model model,
                  RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                redirect.addFlashAttribute("added", policy.addLevel(form.toDraft()).level().code());
                return "redirect:/policy/levels";
            } catch (InvalidInputException | ConflictException ex) {
                reject(binding, ex);
            }
        }
        return list(model);
    }

    @GetMapping("/policy/levels/{code}/edit")
    @PreAuthorize(SchemeAccess.EDITORS)
    String editForm(@PathVariable String code, Model model) {
        Level level = find(code);
        model.addAttribute("level", level);
        if (!model.containsAttribute("levelForm")) {
            model.addAttribute("levelForm", LevelForm.of(level));
        }
        model.addAttribute("entries", policy.entriesAt(code).size());
        return "policy/level-form";
    }

    @PostMapping("/policy/levels/{code}")
    @PreAuthorize(SchemeAccess.EDITORS)
    String update(@PathVariable String code, @Valid @ModelAttribute("levelForm") LevelForm form, BindingResult binding,
                  Model model) {
        if (!binding.hasErrors()) {
            try {
                policy.updateLevel(code, form.toEdit());
                return "redirect:/policy/levels";
            } catch (InvalidInputException | ConflictException ex) {
                reject(binding, ex);
            }
        }
        return editForm(code, model);
    }

    /** Moves the level one place stricter ({@code up}) or laxer ({@code down}), swapping with its neighbour. */
    @PostMapping("/policy/levels/{code}/rank")
    @PreAuthorize(SchemeAccess.EDITORS)
    String move(@PathVariable String code, @RequestParam String direction) {
        List<Level> levels = policy.levels();
        int i = levels.indexOf(find(code));
        int j = "up".equals(direction) ? i - 1 : i + 1;
        if (j >= 0 && j < levels.size()) {
            policy.moveLevel(code, levels.get(j).rank());
        }
        return "redirect:/policy/levels";
    }

    @PostMapping("/policy/levels/{code}/retirement")
    @PreAuthorize(SchemeAccess.EDITORS)
    String delete(@PathVariable String code) {
        if (!policy.entriesAt(find(code).code()).isEmpty()) {
            return "redirect:/policy/levels/" + code + "/merge?retiring=true"; // its entries must move first
        }
        policy.retireLevel(code);
        return "redirect:/policy/levels";
    }

    private Level find(String code) {
        return policy.levels().stream().filter(l -> l.code().equals(code)).findFirst()
                .orElseThrow(() -> new NotFoundException("policy.level.notFound", (Object) code));
    }

    private static void reject(BindingResult binding, MamoriException ex) {
        if (ex.field() != null && LevelForm.FIELDS.contains(ex.field())) {
            binding.rejectValue(ex.field(), ex.messageKey(), ex.args(), ex.messageKey());
        } else {
            binding.reject(ex.messageKey(), ex.args(), ex.messageKey());
        }
    }
}
