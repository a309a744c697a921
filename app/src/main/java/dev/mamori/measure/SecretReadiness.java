package dev.mamori.measure;

import java.util.List;

/**
 * Trade-secret readiness (営業秘密の3要件) of designated secrets, their publicity checks and the dossier for legal
 * counsel. Open to CHIEF_OFFICER, COMMITTEE, LEGAL, AUDITOR and the entry's MANAGER, for entries the inventory
 * lets them see: an entry they may not see is reported as not found.
 */
public interface SecretReadiness {

    /** The readiness of one designated secret. */
    Readiness readiness(long assetId);

    /** The readiness of every designated secret the reader may see, weakest first. */
    List<Readiness> all();

    /**
     * One page ({@code size} 1 to 200) of the readiness of the designated secrets the reader may see that match the
     * query, in its order. Every matching secret is scored (the order is by score), through the contributors'
     * batch form: a query or two per contributor for all of them rather than per secret.
     */
    ReadinessPage page(ReadinessQuery query, int page, int size);

    /** The classification levels the readiness list can be filtered by (code and name in the reader's language). */
    java.util.Map<String, String> levelChoices();

    /** The departments the readiness list can be filtered by (id and name in the reader's language), in order. */
    java.util.Map<Long, String> departmentChoices();

    /** The secret's publicity checks, newest first. */
    List<PublicityCheck> publicityChecks(long assetId);

    /** Records a publicity check (ledger: {@code measure.publicityCheck.recorded}). */
    PublicityCheck recordPublicityCheck(long assetId, PublicityCheckDraft draft);

    /** The dossier for legal counsel as PDF (ledger: {@code measure.dossier.exported}). */
    byte[] dossier(long assetId);
}
