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
import dev.mamori.access.Grant;
import dev.mamori.access.GrantDraft;
import dev.mamori.inventory.AccessHolder;
import dev.mamori.platform.InvalidInputException;

/**
 * Need-to-know grants over the API. Reading: an entry's grants for its 管理責任者 and organisation-wide readers,
 * a person's for themselves and them; issuing and ending: the entry's 管理責任者 or the 統括責任者 (the
 * service checks the scope).
 */
@RestController
@RequestMapping("/api/v1/access/grants")
@Tag(name = "access")
class GrantApiController {

    private final Access access;

    GrantApiController(Access access) {
        this.access = access;
    }

    record GrantRequest(Long assetId, AccessHolder.Kind holderKind, String holderRef, AccessLevel level, String reason,
                        LocalDate startsOn, LocalDate endsOn) {
    }

    record EndRequest(String note) {
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Grants of an entry (assetId) or held by a person (personId)")
    List<Grant> list(@RequestParam(required = false) Long assetId, @RequestParam(required = false) Long personId) {
        if (assetId != null) {
            return access.grantsOfEntry(assetId);
        }
        if (personId != null) {
            return access.grantsOfPerson(personId);
        }
        throw new InvalidInputException("access.grant.filterRequired");
    }

    @GetMapping("/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "One grant")
    Grant show(@PathVariable long id) {
        return access.grantById(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(ReviewController.REVIEWERS)
    @Operation(summary = "Issue a grant (the entry's 管理責任者 or the 統括責任者)")
    Grant create(@RequestBody GrantRequest r) {
        if (r.assetId() == null || r.holderKind() == null) {
            throw new InvalidInputException("access.grant.holderRequired");
        }
        return access.grant(new GrantDraft(r.assetId(), new AccessHolder(r.holderKind(), r.holderRef()), r.level(),
                r.reason(), r.startsOn(), r.endsOn()));
    }

    @PostMapping("/{id}/end")
    @PreAuthorize(ReviewController.REVIEWERS)
    @Operation(summary = "End a grant before its time")
    Grant delete(@PathVariable long id, @RequestBody(required = false) EndRequest r) {
        access.revoke(id, r == null ? null : r.note());
        return access.grantById(id);
    }
}
