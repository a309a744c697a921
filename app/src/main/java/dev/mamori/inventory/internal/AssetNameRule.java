package dev.mamori.inventory.internal;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The handbook asks for entries at the level of 「○△製品の設計内容に係る情報」, not 「○△業務に関する
 * 情報」: a name that covers a whole line of business mixes very important and ordinary information, so
 * the later evaluation cannot be done well. This rule warns (it never refuses) when a name looks like
 * that.
 */
public final class AssetNameRule {

    /** Endings that name a line of business rather than a body of information. */
    private static final Pattern BUSINESS_LINE = Pattern.compile(
            ".*業務(に関する|に係る|に関わる|関係の|関連の|の)?(情報|資料)(全般|一式)?$");
    /** Endings that describe "anything related to X" — fine only with a concrete object before them. */
    private static final Pattern RELATED = Pattern.compile(".*(関係|関連)(の)?(情報|資料)(全般|一式)?$");
    private static final Pattern CATCH_ALL = Pattern.compile(".*(情報|資料)?(全般|一式|その他)$");
    /** Words (or a model number) that point at a concrete object of information. */
    private static final List<String> CONCRETE = List.of("製品", "部品", "設計", "図面", "顧客", "価格", "単価", "原価",
            "配合", "工程", "条件", "名簿", "リスト", "台帳", "データ", "仕様", "契約", "金型", "試作", "レシピ", "手順",
            "マニュアル", "ソース", "評価結果", "実験", "計画", "見積", "給与", "人事考課");
    private static final Pattern MODEL_NUMBER = Pattern.compile(".*[A-Za-z0-9]{2,}.*");

    private AssetNameRule() {
    }

    /** A warning about a name, as a message key. */
    public record Warning(String messageKey) {
    }

    public static Optional<Warning> check(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String n = name.strip().replaceAll("[\\s　]+", "");
        if (BUSINESS_LINE.matcher(n).matches()) {
            return Optional.of(new Warning("inventory.name.warnBusinessLine"));
        }
        if (RELATED.matcher(n).matches() && !concrete(n)) {
            return Optional.of(new Warning("inventory.name.warnBusinessLine"));
        }
        if (CATCH_ALL.matcher(n).matches()) {
            return Optional.of(new Warning("inventory.name.warnCatchAll"));
        }
        return Optional.empty();
    }

    private static boolean concrete(String n) {
        return CONCRETE.stream().anyMatch(n::contains) || MODEL_NUMBER.matcher(n).matches();
    }
}
