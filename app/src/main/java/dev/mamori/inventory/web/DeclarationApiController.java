package dev.mamori.inventory.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.mamori.inventory.DeclarationView;
import dev.mamori.inventory.Inventory;

/**
 * Declarations (申告) over the API: any employee declares; the department's 管理責任者 designates or rejects.
 */
@RestController
@RequestMapping("/api/v1/assets/declarations")
@Tag(name = "declarations", description = "申告 / Declarations")
class DeclarationApiController {

    private final Inventory inventory;

    DeclarationApiController(Inventory inventory) {
        this.inventory = inventory;
    }

    @GetMapping
    @PreAuthorize(InventoryAccess.SIGNED_IN)
    @Operation(summary = "The caller's declarations and those of the departments they manage")
    List<DeclarationView> list() {
        return inventory.declarations();
    }

    @PostMapping
    @PreAuthorize(InventoryAccess.SIGNED_IN)
    @Operation(summary = "Declare information created or obtained at work")
    ResponseEntity<List<DeclarationView>> create(@Valid @RequestBody DeclarationForm request) {
        inventory.declare(request.toDraft());
        return ResponseEntity.status(201).body(inventory.declarations());
    }

    @PostMapping("/{id}/designation")
    @PreAuthorize(InventoryAccess.MANAGER)
    @Operation(summary = "Designate the declared information: it becomes a designated register entry")
    ResponseEntity<Void> designate(@PathVariable long id, @RequestBody ActionRequests.DesignationRequest request) {
        long assetId = inventory.designateDeclaration(id, request.toDraft());
        return ResponseEntity.created(java.net.URI.create("/api/v1/assets/" + assetId)).build();
    }

    @PostMapping("/{id}/rejection")
    @PreAuthorize(InventoryAccess.MANAGER)
    @Operation(summary = "Reject the declaration with a reason")
    ResponseEntity<Void> reject(@PathVariable long id, @RequestBody ActionRequests.ReasonRequest request) {
        inventory.rejectDeclaration(id, request.reason());
        return ResponseEntity.noContent().build();
    }
}
