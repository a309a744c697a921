package dev.mamori.inventory.internal.importing;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.mamori.inventory.AssetForm;
import dev.mamori.inventory.AssetKind;
import dev.mamori.inventory.AssetSubKind;
import dev.mamori.inventory.FormEntry;

/**
 * How the cells of registers kept in spreadsheets are read: yes/no marks, importance levels, counts, the
 * kinds of personal information, and free-text media such as 「紙・電子（ファイルサーバ）」. Plain Java; a
 * cell that cannot be read gives an empty result, which the caller reports.
 */
final class Cells {

    private static final List<String> YES = List.of("○", "◯", "〇", "●", "◎", "✓", "✔", "レ", "有", "有り", "あり", "はい",
            "該当", "該当あり", "要", "y", "yes", "true", "1");
    private static final List<String> NO = List.of("×", "✕", "無", "無し", "なし", "いいえ", "非該当", "該当なし", "不要",
            "-", "ー", "－", "―", "n", "no", "false", "0", "none");
    /** Words that mark 要配慮個人情報 (個人情報保護法 第2条第3項 and its order): 病歴, 信条, 犯罪歴 and the like. */
    private static final List<String> SENSITIVE = List.of("要配慮", "人種", "信条", "宗教", "思想", "社会的身分", "病歴",
            "既往歴", "病名", "診療", "診断", "健康診断", "健診", "調剤", "障害", "犯罪歴", "前科", "逮捕", "犯罪被害",
            "被害を被った", "刑事事件", "少年の保護事件", "ゲノム", "遺伝");
    private static final Pattern LEVEL = Pattern.compile("\\d");
    private static final Pattern SEGMENT = Pattern.compile("[\\n;；、，,]+");
    private static final Pattern LABELLED = Pattern.compile("^([^:：]{1,40})[:：]\\s*(.*)$", Pattern.DOTALL);

    private Cells() {
    }

    static String normalise(String text) {
        return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    }

    /** A yes/no mark: blank is no; empty when the cell says something else. */
    static Optional<Boolean> flag(String text) {
        String n = normalise(text);
        if (n.isEmpty() || NO.contains(n)) {
            return Optional.of(false);
        }
        return YES.contains(n) ? Optional.of(true) : Optional.empty();
    }

    /**
     * 個人情報の種類 as registers write it: a mark, a list of items (「氏名、住所、病歴」) or a word of denial.
     * Blank or denial is no personal information; anything else is.
     */
    static boolean personal(String text) {
        String n = normalise(text);
        return !n.isEmpty() && !NO.contains(n);
    }

    /** Whether the text names a kind of 要配慮個人情報. */
    static boolean sensitive(String text) {
        String n = normalise(text);
        return SENSITIVE.stream().anyMatch(n::contains);
    }

    /** An importance level 0-5, also 高/中/低, 大/中/小 and H/M/L (as 3/2/1). */
    static Optional<Integer> level(String text) {
        String n = normalise(text);
        Integer word = switch (n) {
            case "高", "大", "h", "high" -> 3;
            case "中", "m", "medium", "middle" -> 2;
            case "低", "小", "l", "low" -> 1;
            default -> null;
        };
        if (word != null) {
            return Optional.of(word);
        }
        return n.matches("[0-5]") ? Optional.of(Integer.parseInt(n)) : Optional.empty();
    }

    /** Every digit of a combined importance such as 「3/2/2」 or 「C3 I2 A1」, in order. */
    static List<Integer> levels(String text) {
        List<Integer> found = new ArrayList<>();
        Matcher m = LEVEL.matcher(normalise(text));
        while (m.find()) {
            found.add(Integer.parseInt(m.group()));
        }
        return found;
    }

    /** A count such as 「1,200」, 「約500件」 or 「300名」. */
    static Optional<Integer> count(String text) {
        String n = normalise(text).replace(",", "").replaceAll("^約", "").replaceAll("(件|名|人|人分|レコード)$", "").strip();
        if (!n.matches("\\d{1,9}")) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(n));
    }

    /** The forms read from a media cell, and whether any had to be assumed. */
    record Forms(List<FormEntry> entries, boolean assumed) {
    }

    /**
     * Reads 媒体・保存先 / 形態・保管場所. Mamori's own exports write 「電子化情報: \\fs01\design; 文書等: 設計室」;
     * other registers write free text, where keywords decide the forms (紙・書類 → 文書等; サーバ, PC, クラウド,
     * USB … → 電子化情報; 金型, 試作品 … → 物件; ノウハウ, 記憶 … → ノウハウ) and the words themselves become
     * the place. Text without any keyword is taken as 電子化情報 and reported as assumed.
     */
    static Forms forms(String text, Labels labels) {
        Map<AssetForm, List<String>> places = new EnumMap<>(AssetForm.class);
        boolean assumed = false;
        AssetForm previous = null;
        for (String raw : text.strip().split(";|；|\\n")) {
            Matcher m = LABELLED.matcher(raw.strip());
            Optional<AssetForm> labelled = m.matches() ? labels.form(m.group(1)) : Optional.empty();
            if (labelled.isPresent()) {
                add(places, labelled.get(), m.group(2));
                previous = labelled.get();
                continue;
            }
            for (String segment : SEGMENT.split(raw)) {
                if (segment.isBlank()) {
                    continue;
                }
                List<AssetForm> found = keywords(segment);
                if (found.isEmpty() && previous == null) {
                    found = List.of(AssetForm.ELECTRONIC);
                    assumed = true;
                } else if (found.isEmpty()) {
                    found = List.of(previous);
                }
                for (AssetForm f : found) {
                    add(places, f, segment);
                }
                previous = found.get(found.size() - 1);
            }
        }
        List<FormEntry> entries = new ArrayList<>();
        places.forEach((form, where) -> entries.add(new FormEntry(form, where.isEmpty() ? null : String.join("、", where))));
        return new Forms(entries, assumed);
    }

    private static void add(Map<AssetForm, List<String>> places, AssetForm form, String where) {
        List<String> list = places.computeIfAbsent(form, k -> new ArrayList<>());
        if (where != null && !where.isBlank() && !list.contains(where.strip())) {
            list.add(where.strip());
        }
    }

    private static final Map<AssetForm, List<String>> FORM_WORDS = Map.of(
            AssetForm.ELECTRONIC, List.of("電子", "データ", "サーバ", "pc", "パソコン", "クラウド", "usb", "dvd", "cd-r", "hdd",
                    "ssd", "nas", "共有フォルダ", "フォルダ", "システム", "db", "データベース", "メール", "saas", "sharepoint",
                    "onedrive", "google", "box", "teams", "slack", "excel", "スマートフォン", "タブレット", "\\\\", "http",
                    "electronic", "server", "cloud"),
            AssetForm.KNOWHOW, List.of("ノウハウ", "記憶", "頭の中", "口頭", "口伝", "経験", "熟練", "know-how", "knowhow"),
            AssetForm.OBJECT, List.of("金型", "試作", "現物", "サンプル", "実物", "模型", "設備", "装置", "レイアウト", "苗",
                    "種子", "mould", "mold", "prototype", "sample"),
            AssetForm.DOCUMENT, List.of("紙", "書類", "書面", "文書", "帳票", "印刷", "綴", "バインダ", "キャビネット", "書庫",
                    "金庫", "ロッカー", "paper", "document", "cabinet"));

    private static List<AssetForm> keywords(String segment) {
        String n = normalise(segment);
        List<AssetForm> found = new ArrayList<>();
        for (AssetForm f : AssetForm.values()) {
            if (FORM_WORDS.get(f).stream().anyMatch(n::contains)) {
                found.add(f);
            }
        }
        return found;
    }

    private static final Map<AssetSubKind, List<String>> SUB_KIND_WORDS = new EnumMap<>(Map.ofEntries(
            Map.entry(AssetSubKind.CUSTOMER, List.of("顧客", "会員", "得意先", "ユーザー名簿", "customer")),
            Map.entry(AssetSubKind.PRICING, List.of("価格", "単価", "見積", "原価", "値引", "price")),
            Map.entry(AssetSubKind.SUPPLIER, List.of("取引先", "仕入先", "外注先", "協力会社", "supplier")),
            Map.entry(AssetSubKind.SALES_PLAN, List.of("販売計画", "営業計画", "販促", "マーケティング")),
            Map.entry(AssetSubKind.MANUAL, List.of("マニュアル", "手順書", "接客")),
            Map.entry(AssetSubKind.DESIGN, List.of("設計", "図面", "仕様", "cad", "ソースコード", "design")),
            Map.entry(AssetSubKind.MANUFACTURING_KNOWHOW, List.of("製造", "工程", "生産", "加工条件", "ノウハウ")),
            Map.entry(AssetSubKind.RESEARCH, List.of("研究", "開発", "特許", "発明", "実験")),
            Map.entry(AssetSubKind.MATERIAL_RECIPE, List.of("配合", "レシピ", "素材", "組成", "原料")),
            Map.entry(AssetSubKind.TEST_DATA, List.of("試験", "検査", "評価データ", "テスト")),
            Map.entry(AssetSubKind.HR_FINANCE, List.of("人事", "給与", "賞与", "社員名簿", "従業員", "採用", "経理", "財務",
                    "会計", "決算", "税務", "マイナンバー")),
            Map.entry(AssetSubKind.MANAGEMENT, List.of("経営", "取締役", "役員", "事業計画", "中期計画", "m&a"))));

    /** The finer kind a name (and the business area) suggests, checked in the enum's order. */
    static Optional<AssetSubKind> subKindFrom(String text) {
        String n = normalise(text);
        for (AssetSubKind s : AssetSubKind.values()) {
            if (SUB_KIND_WORDS.get(s).stream().anyMatch(n::contains)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** The broad kind a business area such as 「営業」 or 「技術開発」 suggests. */
    static Optional<AssetKind> kindFrom(String text) {
        String n = normalise(text);
        if (List.of("技術", "開発", "設計", "製造", "研究", "生産", "品質", "工場").stream().anyMatch(n::contains)) {
            return Optional.of(AssetKind.TECHNICAL);
        }
        if (List.of("営業", "販売", "顧客", "購買", "調達", "マーケ", "商品", "仕入").stream().anyMatch(n::contains)) {
            return Optional.of(AssetKind.BUSINESS);
        }
        if (List.of("人事", "総務", "経理", "財務", "法務", "経営", "その他").stream().anyMatch(n::contains)) {
            return Optional.of(AssetKind.OTHER);
        }
        return Optional.empty();
    }
}
