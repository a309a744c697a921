package dev.mamori.policy.web;

import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.mamori.policy.Aspect;
import dev.mamori.policy.HandlingRule;
import dev.mamori.policy.Medium;
import dev.mamori.policy.OrderingWarning;
import dev.mamori.policy.Policy;
import dev.mamori.policy.RuleChange;
import dev.mamori.policy.RuleDraft;

/** Editing the standard over the API: CHIEF_OFFICER and COMMITTEE only (reading it: {@code GET /standard}). */
@RestController
@RequestMapping("/api/v1/policy/standard/rules/{level}/{aspect}/{medium}")
@Tag(name = "policy", description = "秘密情報管理基準 / Handling standard")
class StandardApiController {

    private final Policy policy;
    private final MessageSource messages;

    StandardApiController(Policy policy, MessageSource messages) {
        this.policy = policy;
        this.messages = messages;
    }

    record WarningResponse(OrderingWarning warning, String message, String message_ja, String message_en) {
    }

    /** The rule now in force (null when the cell has none), whether it changed, and new ordering warnings. */
    record RuleChangeResponse(HandlingRule rule, String citation, boolean changed, List<WarningResponse> warnings) {
    }

    @PutMapping
    @PreAuthorize(RuleController.EDITORS)
    @Operation(summary = "Save one cell's rule (adds it when the cell has none); warns when a laxer level becomes stricter")
    RuleChangeResponse update(@PathVariable String level, @PathVariable Aspect aspect, @PathVariable Medium medium,
                              @RequestBody RuleDraft draft) {
        return respond(policy.saveRule(level, aspect, medium, draft));
    }

    @PostMapping("/reset")
    @PreAuthorize(RuleController.EDITORS)
    @Operation(summary = "Put the handbook's rule back into the cell (removes a rule the handbook does not have)")
    RuleChangeResponse reset(@PathVariable String level, @PathVariable Aspect aspect, @PathVariable Medium medium) {
        return respond(policy.resetRule(level, aspect, medium));
    }

    private RuleChangeResponse respond(RuleChange change) {
        return new RuleChangeResponse(change.rule(), change.rule() == null ? null : change.rule().citation(),
                change.changed(), change.warnings().stream().map(w -> new WarningResponse(w,
                        text(w, LocaleContextHolder.getLocale()), text(w, Locale.JAPANESE), text(w, Locale.ENGLISH)))
                .toList());
    }

    private String text(OrderingWarning w, Locale locale) {
        Object[] args = {w.laxerMarking(), w.stricterMarking(), new DefaultMessageSourceResolvable(w.aspect().messageKey()),
                new DefaultMessageSourceResolvable(w.medium().messageKey())};
        return messages.getMessage(w.messageKey(), args, locale);
    }
}
