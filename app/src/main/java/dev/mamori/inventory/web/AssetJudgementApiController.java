package dev.mamori.inventory.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.mamori.inventory.Inventory;

/**
 * Evaluating an entry and deciding what to keep secret, over the API.
 */
@RestController
@RequestMapping("/api/v1/assets/{id}")
@Tag(name = "assets", description = "情報資産台帳 / Information-asset register")
class AssetJudgementApiController {

    private final Inventory inventory;

    AssetJudgementApiController(Inventory inventory) {
        this.inventory = inventory;
    }

    @GetMapping("/evaluations")
    @PreAuthorize(InventoryAccess.SIGNED_IN)
    @Operation(summary = "The entry's evaluations, newest first")
    java.util.List<dev.mamori.inventory.EvaluationView> evaluations(@PathVariable long id) {
        return inventory.evaluations(id);
    }

    @PostMapping("/evaluations")
    @PreAuthorize(InventoryAccess.MANAGER)
    @Operation(summary = "Evaluate the entry: every criterion scored with a rationale, the loss as a yen range")
    ResponseEntity<java.util.List<dev.mamori.inventory.EvaluationView>> evaluate(@PathVariable long id,
            @RequestBody dev.mamori.inventory.EvaluationDraft request) {
        inventory.evaluate(id, request);
        return ResponseEntity.status(201).body(inventory.evaluations(id));
    }

    @GetMapping("/standing")
    @PreAuthorize(InventoryAccess.SIGNED_IN)
    @Operation(summary = "Relative tier and absolute loss band of the latest evaluation (204 when not evaluated)")
    ResponseEntity<dev.mamori.inventory.Standing> standing(@PathVariable long id) {
        return inventory.standing(id).map(ResponseEntity::ok).orElse(ResponseEntity.noContent().build());
    }

    @PostMapping("/decision/recommendation")
    @PreAuthorize(InventoryAccess.SIGNED_IN)
    @Operation(summary = "Mamori's recommended outcome for the answers, with reasons (nothing is recorded)")
    dev.mamori.inventory.SecrecyRecommendation recommend(@PathVariable long id,
            @RequestBody dev.mamori.inventory.SecrecyAnswers answers) {
        return inventory.recommend(id, answers);
    }

    @GetMapping("/decisions")
    @PreAuthorize(InventoryAccess.SIGNED_IN)
    @Operation(summary = "The entry's recorded secrecy decisions, newest first")
    java.util.List<dev.mamori.inventory.DecisionView> decisions(@PathVariable long id) {
        return inventory.decisions(id);
    }

    @PostMapping("/decisions")
    @PreAuthorize(InventoryAccess.SIGNED_IN)
    @Operation(summary = "Record the decision (秘密情報の決定) with a reason; only the entry's 管理責任者")
    ResponseEntity<java.util.List<dev.mamori.inventory.DecisionView>> decide(@PathVariable long id,
            @RequestBody DecisionForm request) {
        inventory.decide(id, request.answers(), request.chosen(), request.reason());
        return ResponseEntity.status(201).body(inventory.decisions(id));
    }
}
