package dev.mamori.vault;

import java.util.Optional;

/**
 * What a file tells about itself: the fingerprint found (if any) and the copy it was issued as (if the
 * fingerprint is one of ours and the caller may see it).
 */
public record Identification(String format, Optional<String> fingerprint, Optional<CopyView> copy) {
}
