package dev.mamori.vault;

import java.util.List;
import java.util.Optional;

/**
 * What a file tells about itself: every fingerprint found in it, and the copies they were issued as (those the
 * caller may see), the most recently issued first. A file carries several fingerprints when someone built a
 * new version on their marked copy and that version was marked again for someone else: the most recent copy is
 * the likely source of the file, the earlier ones usually come from versions built on earlier copies.
 *
 * @param format                  the file's format ({@code PDF}, …, {@code OTHER}), told by its content
 * @param formatCarriesFingerprint whether a copy in that format can carry a fingerprint at all (if not, finding
 *                                 none says nothing about where the file came from)
 * @param fingerprints every fingerprint found, in the order found
 * @param matches      the issued copies of those fingerprints the caller may see, most recently issued first
 */
public record Identification(String format, boolean formatCarriesFingerprint, List<String> fingerprints,
                             List<Match> matches) {

    /** A fingerprint and the copy it was issued as. */
    public record Match(String fingerprint, CopyView copy) {
    }

    public Identification {
        fingerprints = List.copyOf(fingerprints);
        matches = List.copyOf(matches);
    }

    /** The likely source: the most recently issued copy found. */
    public Optional<CopyView> copy() {
        return matches.isEmpty() ? Optional.empty() : Optional.of(matches.get(0).copy());
    }

    /** The likely source's fingerprint, or (no copy found) the first fingerprint found. */
    public Optional<String> fingerprint() {
        return !matches.isEmpty() ? Optional.of(matches.get(0).fingerprint())
                : fingerprints.isEmpty() ? Optional.empty() : Optional.of(fingerprints.get(0));
    }

    /** Fingerprints found that lead to no copy the caller may see. */
    public List<String> unknownFingerprints() {
        List<String> known = matches.stream().map(Match::fingerprint).toList();
        return fingerprints.stream().filter(f -> !known.contains(f)).toList();
    }
}
