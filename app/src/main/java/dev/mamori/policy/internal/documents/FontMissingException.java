package dev.mamori.policy.internal.documents;

import dev.mamori.platform.MamoriException;

/**
 * No usable Japanese TrueType font: PDFs cannot be made (rather than printing boxes). The message names the
 * package to install and the setting to use instead. HTTP 503: the server lacks something, not the request.
 */
public class FontMissingException extends MamoriException {

    FontMissingException(String messageKey, Object... args) {
        super(messageKey, null, args);
    }

    @Override
    public int status() {
        return 503;
    }
}
