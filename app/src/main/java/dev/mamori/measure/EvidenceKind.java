package dev.mamori.measure;

/** An uploaded file, a link, or evidence Mamori computes from its own records. */
public enum EvidenceKind {
    FILE, LINK, COMPUTED
}
