package dev.mamori.platform.pdf;

import dev.mamori.platform.MamoriException;

/**
 * No usable Japanese TrueType font, so no PDF (rather than one printing empty boxes). The message names the
 * package to install. HTTP 503: the server lacks something, not the request.
 */
public class PdfFontMissingException extends MamoriException {

    PdfFontMissingException(String messageKey, Object... args) {
        super(messageKey, null, args);
    }

    @Override
    public int status() {
        return 503;
    }
}
