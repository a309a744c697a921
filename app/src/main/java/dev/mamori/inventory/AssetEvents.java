package dev.mamori.inventory;

import java.util.List;

/**
 * Events of the register, published in the transaction of the change; ids and small values only.
 */
public final class AssetEvents {

    private AssetEvents() {
    }

    public record AssetRegistered(long assetId, long departmentId) {
    }

    public record AssetChanged(long assetId, List<String> changedFields) {
    }

    public record AssetStageChanged(long assetId, Stage from, Stage to) {
    }

    public record AssetMarkedUnneeded(long assetId) {
    }

    public record AssetDisposed(long assetId) {
    }

    public record AssetEvaluated(long assetId, long evaluationId, int total) {
    }

    public record AssetSecrecyDecided(long assetId, SecrecyOutcome outcome) {
    }

    public record DeclarationSubmitted(long declarationId, long departmentId) {
    }

    public record DeclarationDesignated(long declarationId, long assetId) {
    }

    public record DeclarationRejected(long declarationId) {
    }

    /** A declaration was left unanswered for the configured number of days. */
    public record DeclarationReminderDue(long declarationId, long departmentId) {
    }

    public record AssetDesignated(long assetId, String levelId) {
    }

    public record AssetReclassified(long assetId, String fromLevelId, String toLevelId) {
    }

    public record AssetDeclassified(long assetId, String fromLevelId) {
    }

    // ---------------------------------------------------------------- access holders (for the agreement module)

    /**
     * People were newly made access holders of a designated entry: directly, or as members of a project group
     * that was made a holder ({@code groupId}/{@code groupName} then name the group). Departments and roles are
     * not expanded. Published with the designation, after {@link AssetDesignated} or {@link AssetReclassified}.
     */
    public record AccessHoldersAdded(long assetId, String assetName, String levelId, List<Holder> people) {

        public AccessHoldersAdded {
            people = List.copyOf(people);
        }

        /** One person made a holder, and the project group through which (null: directly). */
        public record Holder(long personId, Long groupId, String groupName) {
        }
    }
}
