package dev.mamori.agreement.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Rates, factor by factor, the risk that a court would find a post-employment non-compete clause invalid,
 * following the handbook's summary of the case law (参考資料5 (2)(3); 出典：経済産業省「秘密情報の保護
 * ハンドブック」(令和4年5月改訂)) and citing the cases of its table that judged the factor the same way.
 * Courts weigh the factors together; this is an aid for drafting, not legal advice. Plain Java, no Spring.
 */
public final class NonCompeteCheck {

    private NonCompeteCheck() {
    }

    /** The factors courts weigh (①〜⑥). */
    public enum Factor {
        INTEREST, POSITION, REGION, PERIOD, ACTIVITIES, COMPENSATION;

        public String messageKey() {
            return "agreement.nc.factor." + name();
        }
    }

    public enum Risk {
        LOW, MEDIUM, HIGH;

        public String messageKey() {
            return "agreement.nc.risk." + name();
        }
    }

    /** ① What the company protects. */
    public enum Interest { TRADE_SECRET, KNOWHOW, CUSTOMER_RELATIONS, GENERAL_SKILLS, NONE }

    /** ② How the person's actual work relates to the protected interest. */
    public enum Involvement { CORE, SOME, NONE }

    /** ③ The region the clause covers. */
    public enum Region { LIMITED, MATCHES_BUSINESS, NOT_STATED, BROAD }

    /** ⑤ What the clause forbids. */
    public enum Activities { SPECIFIC_DUTIES_OR_CUSTOMERS, SAME_BUSINESS, ANY_COMPETITOR }

    /** ⑥ What the person receives for it. */
    public enum Compensation { EXPLICIT_ALLOWANCE, HIGH_PAY, TOKEN, NONE }

    /** What is assessed; {@code position} is only shown, {@code appliesToEveryone}: the clause binds all staff or a whole rank. */
    public record Input(String position, Interest interest, Involvement involvement, boolean appliesToEveryone,
                        int periodMonths, Region region, Activities activities, Compensation compensation) {
    }

    public record Rating(Factor factor, Risk risk, String reasonKey, List<CourtCase> cases) {
    }

    /** The ratings, the overall risk with its reason, and the handbook's summary points that apply. */
    public record Assessment(Input input, List<Rating> ratings, Risk overall, String overallKey) {
    }

    public static Assessment assess(Input in) {
        List<Rating> r = new ArrayList<>();
        r.add(switch (in.interest()) {
            case TRADE_SECRET -> rate(Factor.INTEREST, Risk.LOW, "tradeSecret");
            case KNOWHOW -> rate(Factor.INTEREST, Risk.LOW, "knowhow");
            case CUSTOMER_RELATIONS -> rate(Factor.INTEREST, Risk.MEDIUM, "customers");
            case GENERAL_SKILLS -> rate(Factor.INTEREST, Risk.HIGH, "generalSkills");
            case NONE -> rate(Factor.INTEREST, Risk.HIGH, "noInterest");
        });
        if (in.appliesToEveryone()) {
            r.add(rate(Factor.POSITION, Risk.HIGH, "everyone"));
        } else {
            r.add(switch (in.involvement()) {
                case CORE -> rate(Factor.POSITION, Risk.LOW, "core");
                case SOME -> rate(Factor.POSITION, Risk.MEDIUM, "some");
                case NONE -> rate(Factor.POSITION, Risk.HIGH, "none");
            });
        }
        r.add(switch (in.region()) {
            case LIMITED -> rate(Factor.REGION, Risk.LOW, "limited");
            case MATCHES_BUSINESS -> rate(Factor.REGION, Risk.LOW, "matchesBusiness");
            case NOT_STATED -> rate(Factor.REGION, Risk.MEDIUM, "notStated");
            case BROAD -> rate(Factor.REGION, Risk.HIGH, "broad");
        });
        int months = Math.max(0, in.periodMonths());
        if (months <= 12) {
            r.add(new Rating(Factor.PERIOD, Risk.LOW, reason(Factor.PERIOD, "upToOneYear"),
                    cases(c -> "○".equals(c.period()) && c.periodMonths() != null && c.periodMonths() <= 12)));
        } else if (months <= 24) {
            r.add(new Rating(Factor.PERIOD, Risk.MEDIUM, reason(Factor.PERIOD, "upToTwoYears"),
                    cases(c -> c.periodMonths() != null && c.periodMonths() > 12 && c.periodMonths() <= 24)));
        } else {
            r.add(new Rating(Factor.PERIOD, Risk.HIGH, reason(Factor.PERIOD, "overTwoYears"),
                    cases(c -> c.periodMonths() != null && c.periodMonths() > 24)));
        }
        r.add(switch (in.activities()) {
            case SPECIFIC_DUTIES_OR_CUSTOMERS -> rate(Factor.ACTIVITIES, Risk.LOW, "specific");
            case SAME_BUSINESS -> rate(Factor.ACTIVITIES, Risk.MEDIUM, "sameBusiness");
            case ANY_COMPETITOR -> rate(Factor.ACTIVITIES, Risk.HIGH, "anyCompetitor");
        });
        r.add(switch (in.compensation()) {
            case EXPLICIT_ALLOWANCE -> rate(Factor.COMPENSATION, Risk.LOW, "explicit");
            case HIGH_PAY -> rate(Factor.COMPENSATION, Risk.MEDIUM, "highPay");
            case TOKEN -> rate(Factor.COMPENSATION, Risk.HIGH, "token");
            case NONE -> rate(Factor.COMPENSATION, Risk.HIGH, "none");
        });
        return new Assessment(in, List.copyOf(r), overall(r), overallKey(r));
    }

    /**
     * Without an interest to protect, or binding someone whose work does not touch it, the clause lacks its
     * premise: HIGH whatever else it says. Otherwise two or more HIGH factors: HIGH; one HIGH or three or
     * more MEDIUM: MEDIUM; else LOW.
     */
    static Risk overall(List<Rating> ratings) {
        if (premiseMissing(ratings)) {
            return Risk.HIGH;
        }
        long high = ratings.stream().filter(x -> x.risk() == Risk.HIGH).count();
        long medium = ratings.stream().filter(x -> x.risk() == Risk.MEDIUM).count();
        if (high >= 2) {
            return Risk.HIGH;
        }
        return high == 1 || medium >= 3 ? Risk.MEDIUM : Risk.LOW;
    }

    private static String overallKey(List<Rating> ratings) {
        if (premiseMissing(ratings)) {
            return "agreement.nc.overall.premise";
        }
        return "agreement.nc.overall." + overall(ratings).name();
    }

    private static boolean premiseMissing(List<Rating> ratings) {
        return ratings.stream().anyMatch(x -> x.risk() == Risk.HIGH
                && (x.factor() == Factor.INTEREST || x.factor() == Factor.POSITION));
    }

    private static Rating rate(Factor factor, Risk risk, String reason) {
        String mark = risk == Risk.LOW ? "○" : "●";
        List<CourtCase> cited = risk == Risk.MEDIUM
                ? cases(c -> "○".equals(c.mark(factor)) || "●".equals(c.mark(factor)))
                : cases(c -> mark.equals(c.mark(factor)));
        return new Rating(factor, risk, reason(factor, reason), cited);
    }

    private static String reason(Factor factor, String reason) {
        return "agreement.nc.reason." + factor.name() + "." + reason;
    }

    private static List<CourtCase> cases(Predicate<CourtCase> p) {
        return CourtCase.all().stream().filter(p).toList();
    }
}
