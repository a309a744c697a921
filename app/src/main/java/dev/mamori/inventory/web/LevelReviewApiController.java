package dev.mamori.inventory.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.mamori.inventory.Inventory;
import dev.mamori.inventory.LevelReview;
import dev.mamori.platform.NotFoundException;

/**
 * The review of an entry whose level is being merged away, over the API. Reading it follows the entry's
 * visibility; answering is for the entry's 管理責任者 (checked by the register).
 */
@RestController
@RequestMapping("/api/v1/assets/{id}/level-review")
@Tag(name = "assets", description = "情報資産台帳 / Information-asset register")
class LevelReviewApiController {

    private final Inventory inventory;

    LevelReviewApiController(Inventory inventory) {
        this.inventory = inventory;
    }

    /** The level to move to (empty: the proposed one) and the reason. */
    record LevelReviewRequest(String levelId, String reason) {
    }

    @GetMapping
    @PreAuthorize(InventoryAccess.SIGNED_IN)
    @Operation(summary = "The pending level review of the entry (404 when there is none)")
    LevelReview show(@PathVariable long id) {
        return inventory.pendingLevelReview(id)
                .orElseThrow(() -> new NotFoundException("inventory.levelReview.none", (Object) String.valueOf(id)));
    }

    @PostMapping
    @PreAuthorize(InventoryAccess.SIGNED_IN)
    @Operation(summary = "Answer the review: confirm the proposed level or choose another, with a reason; reclassifies the entry")
    AssetResponse update(@PathVariable long id, @RequestBody LevelReviewRequest request) {
        inventory.reviewLevel(id, request.levelId(), request.reason());
        var asset = inventory.asset(id);
        return new AssetResponse(asset, inventory.nameWarning(asset.name()).orElse(null));
    }
}
