package dev.mamori.inventory.web;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.mamori.inventory.AssetForm;
import dev.mamori.inventory.AssetKind;
import dev.mamori.inventory.AssetPage;
import dev.mamori.inventory.AssetQuery;
import dev.mamori.inventory.Inventory;
import dev.mamori.inventory.Stage;

/**
 * The register over the API. Every caller sees only the entries visible to them; an entry at the
 * highest level outside the caller's access is answered 404, exactly like a missing id.
 */
@RestController
@RequestMapping("/api/v1/assets")
@Tag(name = "assets", description = "情報資産台帳 / Information-asset register")
class AssetApiController {

    private final Inventory inventory;

    AssetApiController(Inventory inventory) {
        this.inventory = inventory;
    }

    @GetMapping
    @PreAuthorize(InventoryAccess.SIGNED_IN)
    @Operation(summary = "The entries visible to the caller, filtered")
    AssetPage list(@RequestParam(required = false) String q, @RequestParam(required = false) Long departmentId,
                   @RequestParam(required = false) AssetKind kind, @RequestParam(required = false) AssetForm form,
                   @RequestParam(required = false) String levelId, @RequestParam(required = false) String regime,
                   @RequestParam(required = false) Stage stage, @RequestParam(defaultValue = "0") int page,
                   @RequestParam(defaultValue = "50") int size) {
        return inventory.search(new AssetQuery(q, departmentId, kind, form, levelId, regime, stage), page, size);
    }

    @GetMapping("/standings")
    @PreAuthorize(InventoryAccess.SIGNED_IN)
    @Operation(summary = "Evaluated entries visible to the caller with relative tier and absolute loss band")
    java.util.List<dev.mamori.inventory.StandingEntry> standings() {
        return inventory.standings();
    }

    @PostMapping
    @PreAuthorize(InventoryAccess.MANAGER)
    @Operation(summary = "Register an entry in a department the caller manages")
    ResponseEntity<AssetResponse> create(@Valid @RequestBody AssetRequest request) {
        long id = inventory.register(request.toDraft());
        return ResponseEntity.created(URI.create("/api/v1/assets/" + id)).body(show(id));
    }

    @GetMapping("/{id}")
    @PreAuthorize(InventoryAccess.SIGNED_IN)
    @Operation(summary = "One entry")
    AssetResponse show(@PathVariable long id) {
        var asset = inventory.asset(id);
        return new AssetResponse(asset, inventory.nameWarning(asset.name()).orElse(null));
    }

    @GetMapping("/{id}/timeline")
    @PreAuthorize(InventoryAccess.SIGNED_IN)
    @Operation(summary = "The entry's audit trail, newest first")
    java.util.List<dev.mamori.ledger.LedgerEntry> timeline(@PathVariable long id) {
        return inventory.timeline(id);
    }

    @PutMapping("/{id}")
    @PreAuthorize(InventoryAccess.MANAGER)
    @Operation(summary = "Change an entry (send the version that was read)")
    AssetResponse update(@PathVariable long id, @Valid @RequestBody AssetRequest request) {
        inventory.update(id, request.toDraft(), request.version() == null ? -1 : request.version());
        return show(id);
    }

    @PostMapping("/{id}/stage")
    @PreAuthorize(InventoryAccess.MANAGER)
    @Operation(summary = "Move the entry between 生成, 利用 and 保存")
    AssetResponse moveStage(@PathVariable long id, @RequestBody ActionRequests.StageRequest request) {
        inventory.moveStage(id, request.stage());
        return show(id);
    }

    @PostMapping("/{id}/unneeded")
    @PreAuthorize(InventoryAccess.MANAGER)
    @Operation(summary = "Mark the entry as 不要情報 with a reason")
    AssetResponse markUnneeded(@PathVariable long id, @RequestBody ActionRequests.ReasonRequest request) {
        inventory.markUnneeded(id, request.reason());
        return show(id);
    }

    @PostMapping("/{id}/disposal")
    @PreAuthorize(InventoryAccess.MANAGER)
    @Operation(summary = "Record the disposal (method, date, who, witness) of an entry marked 不要情報")
    AssetResponse dispose(@PathVariable long id, @RequestBody ActionRequests.DisposalRequest request) {
        inventory.dispose(id, request.toDisposal());
        return show(id);
    }

    @PutMapping("/{id}/designation")
    @PreAuthorize(InventoryAccess.SIGNED_IN)
    @Operation(summary = "Designate (指定) or reclassify the entry; only its 管理責任者")
    AssetResponse designate(@PathVariable long id, @RequestBody ActionRequests.DesignationRequest request) {
        inventory.designate(id, request.toDraft());
        return show(id);
    }

    @PostMapping("/{id}/declassification")
    @PreAuthorize(InventoryAccess.SIGNED_IN)
    @Operation(summary = "End the entry's secrecy (指定の解除) with a reason; only its 管理責任者")
    AssetResponse declassify(@PathVariable long id, @RequestBody ActionRequests.ReasonRequest request) {
        inventory.declassify(id, request.reason());
        return show(id);
    }
}
