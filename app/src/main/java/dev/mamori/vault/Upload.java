package dev.mamori.vault;

/** A file as it was uploaded: its name and the type the browser claimed (the content decides the format). */
public record Upload(String fileName, String contentType, byte[] content) {

    /** Whether there is no file to store: none was chosen, or it is empty (refused: {@code vault.file.empty}). */
    public static boolean missing(Upload file) {
        return file == null || file.content() == null || file.content().length == 0;
    }
}
