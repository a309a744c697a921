package dev.mamori.access.web;

import java.time.LocalDate;
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

import dev.mamori.access.Access;
import dev.mamori.access.AccessLevel;
import dev.mamori.access.AccessRequest;
import dev.mamori.access.RequestDraft;
import dev.mamori.access.RequestKind;
import dev.mamori.policy.Location;
import dev.mamori.policy.Medium;
import dev.mamori.policy.Recipient;

/**
 * Requests and their approval over the API: anyone linked to a person requests; the entry's 管理責任者, their
 * delegates and the 統括責任者 decide (the service checks who may).
 */
@RestController
@RequestMapping("/api/v1/access/requests")
@Tag(name = "access")
class RequestApiController {

    private final Access access;

    RequestApiController(Access access) {
        this.access = access;
    }

    /**
     * {@code recipient}: the kind of recipient the policy decides on; {@code recipientName} (optional): whom an
     * e-mail outside the company or a provision to a third party goes to, shown to the approver.
     */
    record NewRequest(RequestKind kind, long assetId, AccessLevel level, String reason, LocalDate untilOn, Medium medium,
                      Location location, Recipient recipient, String recipientName) {
    }

    record Decision(String note) {
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The caller's requests (box=mine, default) or those awaiting the caller's decision (box=inbox)")
    List<AccessRequest> list(@RequestParam(defaultValue = "mine") String box) {
        return "inbox".equals(box) ? access.inbox() : access.myRequests();
    }

    @GetMapping("/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "One request with its steps")
    AccessRequest show(@PathVariable long id) {
        return access.request(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Submit a request, routed by the policy decision")
    AccessRequest create(@RequestBody NewRequest r) {
        return access.submit(new RequestDraft(r.kind(), r.assetId(), r.level(), r.reason(), r.untilOn(), r.medium(),
                r.location(), r.recipient(), r.recipientName()));
    }

    @PostMapping("/{id}/approve")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Approve (the entry's 管理責任者, a delegate, or the 統括責任者; never the requester)")
    AccessRequest approve(@PathVariable long id, @RequestBody(required = false) Decision d) {
        return access.approve(id, d == null ? null : d.note());
    }

    @PostMapping("/{id}/reject")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Reject with a reason")
    AccessRequest reject(@PathVariable long id, @RequestBody(required = false) Decision d) {
        return access.reject(id, d == null ? null : d.note());
    }

    @PostMapping("/{id}/revoke")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Take back a running approval (not ACCESS): the entry's 管理責任者, a delegate or the 統括責任者 "
            + "with a reason; or the requester gives it back once done")
    AccessRequest revoke(@PathVariable long id, @RequestBody(required = false) Decision d) {
        return access.revokeApproval(id, d == null ? null : d.note());
    }

    @GetMapping(params = "runningOn")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The approvals still running on an entry (its 管理責任者 and organisation-wide readers)")
    List<AccessRequest> running(@RequestParam long runningOn) {
        return access.runningApprovals(runningOn);
    }

    @PostMapping("/{id}/withdraw")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The requester withdraws a pending request")
    AccessRequest withdraw(@PathVariable long id) {
        return access.withdraw(id);
    }
}
