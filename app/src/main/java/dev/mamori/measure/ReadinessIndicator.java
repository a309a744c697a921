package dev.mamori.measure;

import java.util.List;

/**
 * How well one module's records support one {@link Indicator} of a secret: a score from 0 to 100, a summary of
 * what the records show, and the missing pieces, each with what to do about it. All texts are message keys with
 * arguments (ja/en); {@code source} names the contributing module.
 */
public record ReadinessIndicator(Indicator indicator, int score, String source, String summaryKey,
                                 List<Object> summaryArgs, List<Missing> missing) {

    public ReadinessIndicator {
        if (score < 0 || score > 100) {
            throw new IllegalArgumentException("score " + score);
        }
        summaryArgs = List.copyOf(summaryArgs);
        missing = List.copyOf(missing);
    }

    /** A missing piece ({@code messageKey} with {@code args}) and what to do about it ({@code actionKey}). */
    public record Missing(String messageKey, List<Object> args, String actionKey) {

        public Missing {
            args = List.copyOf(args);
        }

        public static Missing of(String messageKey, String actionKey, Object... args) {
            return new Missing(messageKey, List.of(args), actionKey);
        }
    }

    /** Score as a share: {@code part} of {@code whole} (100 when whole is 0). */
    public static int share(long part, long whole) {
        return whole == 0 ? 100 : (int) Math.max(0, Math.min(100, Math.round(100.0 * part / whole)));
    }
}
