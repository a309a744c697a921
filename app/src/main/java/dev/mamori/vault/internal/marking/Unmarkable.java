package dev.mamori.vault.internal.marking;

/**
 * Why a file cannot be marked for its recipients, so the vault would never be able to hand it out: found at
 * upload by {@link Markers#problem}, each with the message that tells the uploader what to do.
 */
public enum Unmarkable {
    /** A PDF that opens only with its (user) password. */
    PDF_PASSWORD("vault.file.pdfPassword"),
    /** A PDF the reader cannot parse. */
    PDF_UNREADABLE("vault.file.pdfUnreadable"),
    /**
     * A Word, Excel or PowerPoint file encrypted with a password (an OLE2 container holding the encrypted package,
     * or a legacy .doc, .xls or .ppt file that says it is encrypted).
     */
    ENCRYPTED_OFFICE("vault.file.encryptedOffice"),
    /** A Word, Excel or PowerPoint file that cannot be opened. */
    OFFICE_UNREADABLE("vault.file.officeUnreadable"),
    /** A legacy .doc, .xls or .ppt file LibreOffice could not convert to its OOXML successor, or whose conversion cannot be marked. */
    LEGACY_UNCONVERTIBLE("vault.file.legacyUnconvertible"),
    /**
     * A legacy .doc, .xls or .ppt file where no LibreOffice is configured to convert it (and the operator did not
     * consent to handing such files out unmarked).
     */
    LEGACY_NO_CONVERTER("vault.file.legacyNoConverter"),
    /** A PNG or JPEG Java's image reader cannot read (damaged, or e.g. a CMYK JPEG). */
    IMAGE_UNREADABLE("vault.file.imageUnreadable");

    private final String messageKey;

    Unmarkable(String messageKey) {
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
