package dev.mamori.policy.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.mamori.policy.ExceptionDraft;
import dev.mamori.policy.ExceptionRequest;
import dev.mamori.policy.ExceptionStatus;
import dev.mamori.policy.Policy;

/**
 * Departments' exceptions over the API: 管理責任者 request for their departments, CHIEF_OFFICER and COMMITTEE
 * approve or reject, approvers and the department's 管理責任者 withdraw or revoke.
 */
@RestController
@RequestMapping("/api/v1/policy/exceptions")
@Tag(name = "policy", description = "秘密情報管理基準 / Handling standard")
class ExceptionApiController {

    private final Policy policy;

    ExceptionApiController(Policy policy) {
        this.policy = policy;
    }

    /** The note of an approval, or the reason of a rejection or revocation. */
    record DecisionBody(String note, String reason) {

        String text() {
            return reason != null ? reason : note;
        }
    }

    @GetMapping
    @PreAuthorize(ExceptionController.READERS)
    @Operation(summary = "Exception requests by status (a 管理責任者 sees their departments' requests)")
    List<ExceptionRequest> list(@RequestParam(required = false) ExceptionStatus status) {
        return policy.exceptions(status);
    }

    @PostMapping
    @PreAuthorize("hasRole('MANAGER')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Ask for an exception to one rule for one of the caller's departments")
    ExceptionRequest create(@RequestBody ExceptionDraft draft) {
        return policy.requestException(draft);
    }

    @PostMapping("/{id}/approve")
    @PreAuthorize(ExceptionController.APPROVERS)
    @Operation(summary = "Approve a pending request (not one's own); it applies from now on")
    ExceptionRequest approve(@PathVariable long id, @RequestBody(required = false) DecisionBody body) {
        return policy.approveException(id, body == null ? null : body.text());
    }

    @PostMapping("/{id}/reject")
    @PreAuthorize(ExceptionController.APPROVERS)
    @Operation(summary = "Reject a pending request with a reason")
    ExceptionRequest reject(@PathVariable long id, @RequestBody(required = false) DecisionBody body) {
        return policy.rejectException(id, body == null ? null : body.text());
    }

    @PostMapping("/{id}/revoke")
    @PreAuthorize(ExceptionController.ENDERS)
    @Operation(summary = "Withdraw a pending request or revoke an approved exception")
    ExceptionRequest revoke(@PathVariable long id, @RequestBody(required = false) DecisionBody body) {
        return policy.revokeException(id, body == null ? null : body.text());
    }
}
