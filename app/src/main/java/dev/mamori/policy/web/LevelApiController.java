package dev.mamori.policy.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.mamori.platform.InvalidInputException;
import dev.mamori.platform.NotFoundException;
import dev.mamori.policy.DesignatedEntries;
import dev.mamori.policy.Level;
import dev.mamori.policy.LevelChangeProposal;
import dev.mamori.policy.LevelEdit;
import dev.mamori.policy.Policy;

/**
 * Editing the scheme over the API, for the 統括責任者 and the committee: add, change (and reorder),
 * retire an unused level, list the entries at a level, propose a merge, follow and cancel proposals.
 * Reading the levels is {@code GET /api/v1/policy/levels} (PolicyApiController).
 */
@RestController
@RequestMapping("/api/v1/policy")
@Tag(name = "policy", description = "秘密情報管理基準 / Handling standard")
class LevelApiController {

    private final Policy policy;

    LevelApiController(Policy policy) {
        this.policy = policy;
    }

    /** A level and, when the scheme has grown beyond the handbook's advice, the warning's message key. */
    record LevelResponse(Level level, String warning) {
    }

    /** Fields left out keep their value; a new rank reorders (the level holding it takes the old rank). */
    record LevelUpdate(String nameJa, String nameEn, String colour, String marking, String defaultScope,
                       Boolean concealed, Integer rank) {
    }

    record MergeRequest(String into, String reason, LocalDate reviewBy) {
    }

    /** A proposal with the entries still at the old level (empty once it is closed). */
    record LevelChangeResponse(LevelChangeProposal change, List<DesignatedEntries.Entry> remaining) {
    }

    @PostMapping("/levels")
    @PreAuthorize(SchemeAccess.EDITORS)
    @Operation(summary = "Add a level (answer carries a warning beyond three levels)")
    ResponseEntity<LevelResponse> create(@Valid @RequestBody LevelForm request) {
        var change = policy.addLevel(request.toDraft());
        return ResponseEntity.created(URI.create("/api/v1/policy/levels/" + change.level().code()))
                .body(new LevelResponse(change.level(), change.warningKey().orElse(null)));
    }

    @PutMapping("/levels/{code}")
    @PreAuthorize(SchemeAccess.EDITORS)
    @Operation(summary = "Change a level's names, colour, marking, default scope, concealment or rank")
    LevelResponse update(@PathVariable String code, @RequestBody LevelUpdate request) {
        Level before = level(code);
        if (request.rank() != null && request.rank() < 1) {
            throw InvalidInputException.onField("rank", "policy.level.rankRequired");
        }
        Level after = policy.updateLevel(code, new LevelEdit(or(request.nameJa(), before.nameJa()),
                or(request.nameEn(), before.nameEn()), or(request.colour(), before.colour()),
                or(request.marking(), before.marking()), or(request.defaultScope(), before.defaultScope()),
                request.concealed() == null ? before.concealed() : request.concealed()));
        int rank = request.rank() == null ? before.rank() : request.rank();
        if (rank != before.rank()) {
            policy.moveLevel(code, rank);
        }
        return new LevelResponse(new Level(after.code(), after.nameJa(), after.nameEn(), rank, after.colour(),
                after.marking(), after.defaultScope(), after.concealed()), policy.schemeWarning().orElse(null));
    }

    @DeleteMapping("/levels/{code}")
    @PreAuthorize(SchemeAccess.EDITORS)
    @Operation(summary = "Retire a level no entry is designated at (409 otherwise: propose a merge)")
    ResponseEntity<Void> delete(@PathVariable String code) {
        policy.retireLevel(code);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/levels/{code}/entries")
    @PreAuthorize(SchemeAccess.EDITORS)
    @Operation(summary = "The live entries designated at a level, with department and 管理責任者")
    List<DesignatedEntries.Entry> entries(@PathVariable String code) {
        return policy.entriesAt(code);
    }

    @PostMapping("/levels/{code}/merge")
    @PreAuthorize(SchemeAccess.EDITORS)
    @Operation(summary = "Propose merging the level into another; the entries' managers review each entry")
    ResponseEntity<LevelChangeResponse> merge(@PathVariable String code, @RequestBody MergeRequest request) {
        var change = policy.proposeMerge(code, request.into(), request.reason(), request.reviewBy());
        return ResponseEntity.created(URI.create("/api/v1/policy/level-changes/" + change.id())).body(show(change.id()));
    }

    @GetMapping("/level-changes")
    @PreAuthorize(SchemeAccess.EDITORS)
    @Operation(summary = "Proposed changes of the scheme, newest first")
    List<LevelChangeProposal> changes() {
        return policy.levelChanges();
    }

    @GetMapping("/level-changes/{id}")
    @PreAuthorize(SchemeAccess.EDITORS)
    @Operation(summary = "One proposed change with the entries still waiting for review")
    LevelChangeResponse show(@PathVariable long id) {
        var change = policy.levelChange(id)
                .orElseThrow(() -> new NotFoundException("policy.levelChange.notFound", (Object) String.valueOf(id)));
        return new LevelChangeResponse(change, change.open() ? policy.entriesAt(change.fromCode()) : List.of());
    }

    @PostMapping("/level-changes/{id}/cancel")
    @PreAuthorize(SchemeAccess.EDITORS)
    @Operation(summary = "Cancel an open change (its proposer only); entries already reviewed keep their new level")
    LevelChangeResponse cancel(@PathVariable long id) {
        policy.cancelLevelChange(id);
        return show(id);
    }

    private Level level(String code) {
        return policy.levels().stream().filter(l -> l.code().equals(code)).findFirst()
                .orElseThrow(() -> new NotFoundException("policy.level.notFound", (Object) code));
    }

    private static String or(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
