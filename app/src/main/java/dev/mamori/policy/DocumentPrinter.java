package dev.mamori.policy;

/**
 * Prints documents of other modules (pledges, contracts) with the renderers of the generated regulations,
 * so every document Mamori produces looks the same and the font is configured in one place
 * ({@code mamori.documents.font}).
 */
public interface DocumentPrinter {

    /** The company's name as the regulations print it ({@code mamori.company.name}). */
    String companyName();

    /** The document as a Word file. */
    byte[] docx(PrintedDocument document);

    /**
     * The document as a PDF with the Japanese font embedded; refused (HTTP 503, a message naming the font
     * package) when no usable Japanese TrueType font is installed.
     */
    byte[] pdf(PrintedDocument document);
}
