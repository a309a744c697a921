package dev.mamori.agreement.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.core.io.ClassPathResource;

/**
 * A court decision from the handbook's table of non-compete cases (参考資料5; 出典：経済産業省「秘密情報の保護
 * ハンドブック」(令和4年5月改訂)), with its marks per factor: ○ favourable, ● unfavourable, △ not really
 * judged or unclear, — a clause without a judgement, / no compensation and nothing said, blank none or unknown.
 */
public record CourtCase(String id, String court, String form, String interest, String position, String region,
                        String period, Integer periodMonths, String activities, String compensation, String outcome,
                        boolean retirementBenefit, String note) {

    public static final String SOURCE = "出典：経済産業省「秘密情報の保護ハンドブック」(令和4年5月改訂) 参考資料5";

    private static final List<CourtCase> ALL = load();

    public static List<CourtCase> all() {
        return ALL;
    }

    /** The mark of a factor. */
    public String mark(NonCompeteCheck.Factor factor) {
        return switch (factor) {
            case INTEREST -> interest;
            case POSITION -> position;
            case REGION -> region;
            case PERIOD -> period;
            case ACTIVITIES -> activities;
            case COMPENSATION -> compensation;
        };
    }

    public boolean valid() {
        return "○".equals(outcome);
    }

    private static List<CourtCase> load() {
        try (InputStream in = new ClassPathResource("agreement/noncompete-cases.psv").getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.split("\\|", -1))
                    .map(f -> new CourtCase(f[0], f[1], f[2], f[3], f[4], f[5], f[6],
                            f[7].isBlank() ? null : Integer.valueOf(f[7]), f[8], f[9], f[10], "☆".equals(f[11]), f[12]))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
