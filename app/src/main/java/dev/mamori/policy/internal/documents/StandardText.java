package dev.mamori.policy.internal.documents;

import java.util.List;
import java.util.Optional;

import dev.mamori.policy.Aspect;
import dev.mamori.policy.HandlingRule;
import dev.mamori.policy.Level;
import dev.mamori.policy.Medium;
import dev.mamori.policy.Standard;

/**
 * 秘密情報管理基準: general provisions, then one chapter per configured level and in it one article per
 * aspect, whose paragraphs are the rules for each medium rendered by {@link RuleWording} (every configured
 * rule appears; a cell without a rule says it is not allowed, as the decision function decides).
 */
final class StandardText {

    private StandardText() {
    }

    static DocModel build(DocumentContext c, RuleWording w) {
        var t = c.titles();
        Standard standard = c.standard();
        var b = DocumentTexts.start(DocumentKind.STANDARD, c);

        b.chapter("総則");
        b.article("目的").para("この基準は、秘密情報管理規程（以下「規程」という。）第4条に定める分類ごとに、"
                + "秘密情報を記録した文書等、電子化情報及び物件の取扱いの方法を定める。");
        b.article("用語").para("この基準で用いる用語は、規程の例による。この基準で「取扱いの場面」とは、"
                + "表示、保管、複製（印刷及び撮影を含む。）、閲覧、配布、社外への持出し（テレワークのための持出し及び"
                + "電子メール等による社外への送信を含む。）、第三者への提供並びに廃棄（電子化情報の消去を含む。）をいう。");
        b.article("基本原則")
                .para("秘密情報は、アクセス権者以外の者に知らせてはならない。アクセス権者以外の者に渡す必要があるときは、"
                        + "あらかじめ" + t.manager() + "の許可を得る。")
                .para("この基準に定めのない取扱いは、行ってはならない。")
                .para("会社の外（テレワークの場所を含む。）で取り扱うときは、この基準が社外について定める事項もあわせて守る。")
                .para("部門の事情によりこの基準と異なる取扱いが必要なときは、" + t.manager() + "が申請し、"
                        + t.chiefOfficer() + "又は" + t.committee() + "が承認した範囲と期間に限り、例外として認める。");

        for (Level level : standard.levels()) {
            String name = level.nameJa() + "情報";
            b.chapter("「" + level.nameJa() + "」の取扱い");
            b.text("「" + level.marking() + "」に分類された秘密情報（以下この章において「" + name
                    + "」という。）を含む文書等、電子化情報及び物件の取扱いは、次のとおりとする。");
            for (Aspect aspect : Aspect.values()) {
                b.article(name + "の" + w.aspectName(aspect));
                for (Medium medium : Medium.values()) {
                    Optional<HandlingRule> rule = standard.rule(level.code(), aspect, medium);
                    if (rule.isEmpty()) {
                        b.para(w.noRule(medium));
                        continue;
                    }
                    b.para(w.paragraph(rule.get()));
                    w.items(level, rule.get()).forEach(b::item);
                    List<String> outside = w.outsideItems(level, rule.get());
                    if (!outside.isEmpty()) {
                        b.item(RuleWording.OUTSIDE_LEAD);
                        outside.forEach(b::sub);
                    }
                }
            }
        }

        b.section("附則").text(c.effectiveSentence("この基準"));
        return b.footer(DocumentTexts.footer("本基準", "参考資料2 第2-2「秘密情報管理基準の例」")).build();
    }
}
