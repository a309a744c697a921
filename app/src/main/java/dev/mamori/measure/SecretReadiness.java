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

    /** The secret's publicity checks, newest first. */
    List<PublicityCheck> publicityChecks(long assetId);

    /** Records a publicity check (ledger: {@code measure.publicityCheck.recorded}). */
    PublicityCheck recordPublicityCheck(long assetId, PublicityCheckDraft draft);

    /** The dossier for legal counsel as PDF (ledger: {@code measure.dossier.exported}). */
    byte[] dossier(long assetId);
}
