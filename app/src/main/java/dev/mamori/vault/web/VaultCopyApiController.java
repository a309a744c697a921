package dev.mamori.vault.web;

import java.time.LocalDate;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.mamori.vault.CopyView;
import dev.mamori.vault.DistributionDraft;
import dev.mamori.vault.Settlement;
import dev.mamori.vault.Vault;

/** {@code /api/v1/vault/copies}: numbered copies for meetings — issue, list, download one, record its return. */
@RestController
@RequestMapping("/api/v1/vault/copies")
class VaultCopyApiController {

    private final Vault vault;

    VaultCopyApiController(Vault vault) {
        this.vault = vault;
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    List<CopyView> list() {
        return vault.numberedCopies();
    }

    /** Recipients by {@code employeeNumbers} (社員番号) and/or by {@code recipientPersonIds} (kept for older clients). */
    record DistributionJson(long documentId, String purpose, LocalDate dueOn, List<Long> recipientPersonIds,
                            List<String> employeeNumbers) {
    }

    @PostMapping
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<List<CopyView>> create(@RequestBody DistributionJson body) {
        return ResponseEntity.status(201).body(vault.distribute(body.documentId(),
                new DistributionDraft(body.purpose(), body.dueOn(),
                        body.recipientPersonIds() == null ? List.of() : body.recipientPersonIds(),
                        body.employeeNumbers() == null ? List.of() : body.employeeNumbers())));
    }

    @GetMapping("/{id}/file")
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<byte[]> show(@PathVariable long id) {
        return Files.attachment(vault.numberedCopyFile(id));
    }

    record SettlementJson(Settlement settledAs, String note) {
    }

    @PostMapping("/{id}/settlement")
    @PreAuthorize("isAuthenticated()")
    CopyView update(@PathVariable long id, @RequestBody SettlementJson body) {
        return vault.settle(id, body.settledAs(), body.note());
    }
}
