package dev.mamori.inventory.web;

import java.time.LocalDate;
import java.util.List;

import dev.mamori.inventory.AccessHolder;
import dev.mamori.inventory.DesignationDraft;
import dev.mamori.inventory.Disposal;
import dev.mamori.inventory.Stage;

/**
 * Bodies of the register's actions over the API.
 */
final class ActionRequests {

    private ActionRequests() {
    }

    record StageRequest(Stage stage) {
    }

    record ReasonRequest(String reason) {
    }

    record DisposalRequest(String method, LocalDate on, Long byPersonId, Long witnessPersonId) {
        Disposal toDisposal() {
            return new Disposal(method, on, byPersonId, witnessPersonId);
        }
    }

    record DesignationRequest(String levelId, List<AccessHolder> holders, LocalDate secretUntil,
                              String secretUntilEvent, String marking, String reason) {
        DesignationDraft toDraft() {
            return new DesignationDraft(levelId, holders, secretUntil, secretUntilEvent, marking, reason);
        }
    }
}
