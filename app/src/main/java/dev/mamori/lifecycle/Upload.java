package dev.mamori.lifecycle;

/** A file handed in with a confirmation (a signed pledge), or null fields for none. */
public record Upload(String fileName, String contentType, byte[] content) {

    public static Upload none() {
        return new Upload(null, null, null);
    }

    public boolean present() {
        return content != null && content.length > 0;
    }
}
