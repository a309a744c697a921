package dev.mamori.access.web;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.mamori.access.Access;
import dev.mamori.access.AccessCheck;
import dev.mamori.access.AccessQuestion;
import dev.mamori.platform.InvalidInputException;
import dev.mamori.policy.Action;
import dev.mamori.policy.Approver;
import dev.mamori.policy.Location;
import dev.mamori.policy.Medium;
import dev.mamori.policy.Obligation;
import dev.mamori.policy.Outcome;
import dev.mamori.policy.Recipient;

/**
 * The authorization endpoint for other systems (a file server, a DLP tool, a document system): may this
 * subject do this with this entry? IT_SECURITY and SYSTEM_ADMIN accounts (integrations use their bearer
 * token) ask about anyone; any other signed-in person only about themselves (checked by the service).
 */
@RestController
@RequestMapping("/api/v1/access/check")
@Tag(name = "access", description = "接近の制御 / Need-to-know access")
class CheckApiController {

    static final int MAX_BATCH = 1000;
    static final int MAX_REASONS = 10_000;

    private final java.util.concurrent.ConcurrentHashMap<List<Object>, Reason> reasons = new java.util.concurrent.ConcurrentHashMap<>();

    private final Access access;
    private final MessageSource messages;

    CheckApiController(Access access, MessageSource messages) {
        this.access = access;
        this.messages = messages;
    }

    /** The subject is a person id or an employee number (社員番号). */
    record CheckRequest(Long personId, String employeeNumber, Action action, Long assetId, Medium medium,
                        Location location, Recipient recipient) {
    }

    record Reason(String key, String ja, String en) {
    }

    record CheckResponse(boolean permitted, Outcome outcome, Approver approvalBy, Set<Obligation> obligations,
                         String levelCode, Reason reason) {
    }

    record BatchRequest(List<CheckRequest> checks) {
    }

    record BatchResponse(List<CheckResponse> results) {
    }

    @PostMapping
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Decide one action of a subject on an entry, with obligations and the reason in Japanese and English")
    CheckResponse check(@RequestBody CheckRequest request) {
        return respond(access.checkAs(List.of(question(request)))).get(0);
    }

    @PostMapping("/batch")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Decide many checks at once (at most 1,000), answers in request order")
    BatchResponse batch(@RequestBody BatchRequest request) {
        List<CheckRequest> checks = request == null || request.checks() == null ? List.of() : request.checks();
        if (checks.size() > MAX_BATCH) {
            throw new InvalidInputException("access.check.batchTooLarge", MAX_BATCH);
        }
        return new BatchResponse(respond(access.checkAs(checks.stream().map(this::question).toList())));
    }

    private AccessQuestion question(CheckRequest r) {
        if (r == null || r.action() == null || r.assetId() == null) {
            throw new InvalidInputException("access.check.incomplete");
        }
        long person;
        if (r.personId() != null) {
            person = r.personId();
        } else if (r.employeeNumber() != null && !r.employeeNumber().isBlank()) {
            person = access.personByEmployeeNumber(r.employeeNumber().strip());
        } else {
            throw new InvalidInputException("access.check.subjectRequired");
        }
        return new AccessQuestion(person, r.action(), r.assetId(), r.medium(), r.location(), r.recipient());
    }

    private List<CheckResponse> respond(List<AccessCheck> checks) {
        return checks.stream().map(c -> new CheckResponse(c.permitted(), c.outcome(), c.approvalBy(), c.obligations(),
                c.levelCode(), reason(c))).toList();
    }

    /**
     * The reason in both languages, remembered per message key and arguments: there are few distinct reasons,
     * and formatting them anew took a lock per message format that the busy endpoint's threads queued on
     * (profiled with JFR under load). Bounded: forgotten wholesale past {@link #MAX_REASONS}.
     */
    private Reason reason(AccessCheck c) {
        List<Object> key = new java.util.ArrayList<>(c.reasonArgs().size() + 1);
        key.add(c.reasonKey());
        key.addAll(c.reasonArgs());
        Reason known = reasons.get(key);
        if (known != null) {
            return known;
        }
        Reason r = new Reason(c.reasonKey(), text(c, Locale.JAPANESE), text(c, Locale.ENGLISH));
        if (reasons.size() >= MAX_REASONS) {
            reasons.clear();
        }
        reasons.put(java.util.Collections.unmodifiableList(key), r);
        return r;
    }

    private String text(AccessCheck c, Locale locale) {
        return messages.getMessage(c.reasonKey(), c.reasonArgs().toArray(), c.reasonKey(), locale);
    }
}
