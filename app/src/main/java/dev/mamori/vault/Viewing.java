package dev.mamori.vault;

/**
 * A document opened in the viewer. When the format can be shown ({@code shown}), the viewing was issued as a
 * marked copy ({@code copyId}, {@code copyNumber}: one line in the viewing record) whose {@code pages} page
 * images are served to the person who opened it; otherwise nothing was issued and the viewer tells the person
 * that the file has to be downloaded, which {@code mayDownload} says whether they may.
 */
public record Viewing(long documentId, int versionNumber, String format, Long copyId, Integer copyNumber, int pages,
                      boolean mayDownload) {

    public boolean shown() {
        return copyId != null;
    }
}
