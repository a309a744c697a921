package dev.mamori.vault;

/** A file as it was uploaded: its name and the type the browser claimed (the content decides the format). */
public record Upload(String fileName, String contentType, byte[] content) {
}
