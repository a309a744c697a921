package dev.mamori.inventory.internal.importing;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import dev.mamori.platform.tabular.Headers;

/**
 * The register fields a column of an imported file can fill. Each knows the headers it is recognised by:
 * Mamori's own export headers, the columns of IPA's 情報資産管理台帳 (業務分類, 情報資産名称, 備考, 利用者範囲,
 * 管理部署, 媒体・保存先, 個人情報の種類, 機密性・完全性・可用性, 重要度, 保存期限, 登録日), common variants and
 * English names — compared after {@link Headers#normalise}. A few fields are also recognised by a word a
 * longer header contains (「重要度（機密性）」).
 */
public enum ImportField {
    NAME(List.of("名称", "情報資産名称", "情報資産名", "資産名", "情報の名称", "name", "asset name"), List.of()),
    DESCRIPTION(List.of("説明", "備考", "内容", "概要", "description", "notes", "remarks"), List.of()),
    BUSINESS_AREA(List.of("業務分類", "業務区分", "業務", "business area", "business"), List.of()),
    DEPARTMENT(List.of("管理部署コード", "管理部署", "管理部門", "部署コード", "部署", "department", "department code",
            "owning department"), List.of()),
    RESPONSIBLE(List.of("管理責任者社員番号", "管理責任者", "責任者社員番号", "responsible", "responsible employee number"),
            List.of()),
    KIND(List.of("種別", "情報の区分", "kind"), List.of()),
    SUB_KIND(List.of("細分類", "sub kind", "subkind"), List.of()),
    FORMS(List.of("形態・保管場所", "媒体・保存先", "媒体・保管場所", "媒体", "保存先", "保管場所", "forms", "storage"), List.of()),
    ORIGIN(List.of("取得経緯", "origin"), List.of()),
    ORIGIN_PARTY(List.of("相手先", "取得元", "origin party"), List.of()),
    ORIGIN_DUTY(List.of("守秘義務の内容", "origin duty"), List.of()),
    TRADE_SECRET(List.of("営業秘密", "trade secret"), List.of()),
    LIMITED_DATA(List.of("限定提供データ", "limited provision data"), List.of()),
    PERSONAL_INFO(List.of("個人情報の種類", "個人情報", "personal information", "personal info"), List.of()),
    SENSITIVE(List.of("要配慮個人情報", "sensitive personal information"), List.of("要配慮")),
    MY_NUMBER(List.of("特定個人情報", "マイナンバー", "my number"), List.of("特定個人情報")),
    PERSONAL_COUNT(List.of("個人情報の件数", "件数", "personal info count"), List.of()),
    EXPORT_CONTROLLED(List.of("外為法該当", "外為法", "export controlled"), List.of()),
    CONTRACT_DUTY_TO(List.of("契約上の守秘義務の相手先", "守秘義務の相手先", "contractual duty to"), List.of()),
    ACCESS_HINT(List.of("利用者範囲", "利用範囲", "利用者", "users", "user scope"), List.of("利用者範囲")),
    CONFIDENTIALITY(List.of("機密性", "c", "confidentiality"), List.of("機密性")),
    INTEGRITY(List.of("完全性", "i", "integrity"), List.of("完全性")),
    AVAILABILITY(List.of("可用性", "a", "availability"), List.of("可用性")),
    IMPORTANCE(List.of("重要度", "importance"), List.of()),
    RETENTION(List.of("保存期限", "保存期間", "保管期限", "retention"), List.of("保存期限")),
    REGISTERED_ON(List.of("登録日", "登録年月日", "registered on", "registered"), List.of()),
    /** The column is not imported. */
    IGNORE(List.of(), List.of());

    private final List<String> aliases;
    private final List<String> words;

    ImportField(List<String> aliases, List<String> words) {
        this.aliases = aliases.stream().map(Headers::normalise).toList();
        this.words = words.stream().map(Headers::normalise).toList();
    }

    public String messageKey() {
        return "inventory.import.field." + name();
    }

    /** Fields a mapping must contain (the department may come from the default department instead). */
    public boolean required() {
        return this == NAME || this == FORMS;
    }

    /** The field a header names: an exact alias first, else a field whose word the header contains. */
    static Optional<ImportField> recognise(String header) {
        String n = Headers.normalise(header);
        if (n.isEmpty()) {
            return Optional.empty();
        }
        Optional<ImportField> exact = Arrays.stream(values()).filter(f -> f.aliases.contains(n)).findFirst();
        return exact.isPresent() ? exact : Arrays.stream(values()).filter(f -> f.words.stream().anyMatch(n::contains))
                .findFirst();
    }

    /** The field of each header, each field taken by its first column only; the rest are ignored. */
    static List<ImportField> guess(List<String> headers) {
        java.util.Set<ImportField> taken = java.util.EnumSet.noneOf(ImportField.class);
        return headers.stream().map(h -> recognise(h).filter(taken::add).orElse(IGNORE)).toList();
    }

    public static Optional<ImportField> parse(String text) {
        return Arrays.stream(values()).filter(f -> f.name().equalsIgnoreCase(text == null ? "" : text.strip())).findFirst();
    }
}
