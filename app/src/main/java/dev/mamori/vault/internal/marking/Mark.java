package dev.mamori.vault.internal.marking;

/**
 * What a copy carries: the visible line (level and its access scope, the recipient's name and 社員番号, the date
 * and time in Japan and the copy number, already worded) and the invisible fingerprint that leads back to the
 * copy's record.
 *
 * @param line        the visible mark, e.g. 「極秘（アクセス権者限り）　交付先 山田 太郎（社員番号 E0001）　2026-11-27 14:05　No.3」
 * @param copyLabel   the copy number alone, shown large where the format has room (e.g. 「No.3」)
 * @param fingerprint the copy's fingerprint ({@link Fingerprints#newFingerprint()})
 */
public record Mark(String line, String copyLabel, String fingerprint) {

    public Mark {
        if (!Fingerprints.valid(fingerprint)) {
            throw new IllegalArgumentException("not a fingerprint: " + fingerprint);
        }
    }
}
