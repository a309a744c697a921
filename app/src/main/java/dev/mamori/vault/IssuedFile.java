package dev.mamori.vault;

/** A marked copy handed to its recipient: the bytes, their name and type, and the copy's number and id. */
public record IssuedFile(String fileName, String contentType, byte[] content, long copyId, int copyNumber) {
}
