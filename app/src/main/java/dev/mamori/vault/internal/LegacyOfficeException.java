package dev.mamori.vault.internal;

import dev.mamori.platform.MamoriException;

/**
 * A copy of a legacy Word, Excel or PowerPoint file could not be made: LibreOffice failed or ran out of time
 * converting it, or there is none. HTTP 503: the server could not do it, not the request; nothing was issued
 * (the transaction that would have recorded the copy rolls back with it).
 */
class LegacyOfficeException extends MamoriException {

    LegacyOfficeException(String messageKey) {
        super(messageKey, null);
    }

    @Override
    public int status() {
        return 503;
    }
}
