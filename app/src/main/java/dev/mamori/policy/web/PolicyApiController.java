package dev.mamori.policy.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.mamori.platform.InvalidInputException;
import dev.mamori.policy.DecisionRequest;
import dev.mamori.policy.HandlingRule;
import dev.mamori.policy.Level;
import dev.mamori.policy.Policy;
import dev.mamori.policy.PolicyDecision;

/**
 * The scheme, the standard and decisions over the API. Any signed-in caller may read the scheme and the
 * standard and ask about themselves; asking about another person needs IT_SECURITY, SYSTEM_ADMIN or
 * CHIEF_OFFICER (checked by the service).
 */
@RestController
@RequestMapping("/api/v1/policy")
@Tag(name = "policy", description = "秘密情報管理基準 / Handling standard")
class PolicyApiController {

    static final int MAX_BATCH = 500;

    private final Policy policy;
    private final MessageSource messages;

    PolicyApiController(Policy policy, MessageSource messages) {
        this.policy = policy;
        this.messages = messages;
    }

    record StandardResponse(List<Level> levels, List<HandlingRule> rules) {
    }

    record DecisionResponse(PolicyDecision decision, String reason) {
    }

    @GetMapping("/levels")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The classification levels, strictest first")
    List<Level> levels() {
        return policy.levels();
    }

    @GetMapping("/standard")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The handling standard: one rule per level, aspect and medium")
    StandardResponse standard() {
        var s = policy.standard();
        return new StandardResponse(s.levels(), s.rules());
    }

    @PostMapping("/decisions")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Decide one request (about the caller, or another person with IT_SECURITY/SYSTEM_ADMIN/CHIEF_OFFICER)")
    DecisionResponse decide(@RequestBody DecisionRequest request) {
        return respond(policy.ask(List.of(request))).get(0);
    }

    @PostMapping("/decisions/batch")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Decide many requests at once, answers in request order")
    List<DecisionResponse> batch(@RequestBody List<DecisionRequest> requests) {
        if (requests.size() > MAX_BATCH) {
            throw new InvalidInputException("policy.decision.batchTooLarge", MAX_BATCH);
        }
        return respond(policy.ask(requests));
    }

    private List<DecisionResponse> respond(List<PolicyDecision> decisions) {
        var locale = LocaleContextHolder.getLocale();
        return decisions.stream().map(d -> new DecisionResponse(d,
                messages.getMessage(d.reasonKey(), d.reasonArgs().toArray(), d.reasonKey(), locale))).toList();
    }
}
