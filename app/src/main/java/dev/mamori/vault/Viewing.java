package dev.mamori.vault;

/**
 * A document opened in the viewer. When the document can be shown ({@code shown}), the viewing was issued as a
 * marked copy ({@code copyId}, {@code copyNumber}: one line in the viewing record) whose {@code pages} page
 * images are served to the person who opened it. Otherwise nothing was issued: either the format is not shown
 * in the browser, and the viewer tells the person that the file has to be downloaded, or ({@code conversionFailed})
 * a Word, Excel or PowerPoint file could not be converted for display this time; {@code mayDownload} says whether
 * they may download it. {@code noCopies}: the version is a legacy .doc, .xls or .ppt file of which no copy can be
 * handed out here at all (no LibreOffice to convert it, and no consent to hand it out unmarked), so neither viewing
 * nor downloading it is possible, whatever the person's rights. {@code marked}: whether copies of the version (a
 * download as well as a viewing) carry the visible mark and the fingerprint; a file in a format that cannot be
 * marked is handed out as it is, only recorded.
 */
public record Viewing(long documentId, int versionNumber, String format, Long copyId, Integer copyNumber, int pages,
                      boolean mayDownload, boolean conversionFailed, boolean noCopies, boolean marked) {

    public boolean shown() {
        return copyId != null;
    }
}
