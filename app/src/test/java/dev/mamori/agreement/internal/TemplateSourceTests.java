package dev.mamori.agreement.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mamori.platform.InvalidInputException;
import dev.mamori.policy.PrintedDocument;

public class TemplateSourceTests {

    public static Map<String, Object> values() {
        Map<String, Object> v = new HashMap<>();
        v.put("company", "株式会社朝霧精工");
        v.put("representative", "代表取締役");
        v.put("date", LocalDate.of(2026, 11, 27));
        v.put("regulationTitle", "秘密情報管理規程");
        v.put("personName", "山田 太郎");
        v.put("employeeNumber", "E001");
        v.put("department", "設計部");
        v.put("secrets", List.of("試作品Bの強度試験データ", "C工程の添加剤の配合"));
        v.put("projectName", "次世代軸受");
        v.put("leavingDate", LocalDate.of(2026, 12, 31));
        v.put("obligationYears", 3);
        v.put("site", "富士工場");
        v.put("visitorCompany", "株式会社見学");
        v.put("visitorRepresentative", "代表取締役 見学 一郎");
        v.put("visitors", "見学 二郎");
        v.put("visitDate", LocalDate.of(2026, 12, 1));
        v.put("employeeYears", 2);
        v.put("counterparty", "株式会社相手");
        v.put("purpose", "部品の共同調達");
        v.put("writtenDays", 14);
        v.put("termYears", 3);
        v.put("court", "東京地方裁判所");
        v.put("research", "新素材の評価");
        v.put("survivalYears", 5);
        v.put("disclosures", "2026-11-01　試作図面 A-12　紙");
        return v;
    }

    static String text(PrintedDocument d) {
        return String.join("\n", d.lines().stream().map(PrintedDocument.Line::text).toList());
    }

    @Test
    void everyDefaultTemplateParsesAndRendersWithArticlesNumberedInOrder() {
        for (TemplateKind kind : TemplateKind.values()) {
            TemplateSource source = TemplateSource.parse(kind, Templates.defaultSource(kind));
            PrintedDocument doc = source.render("株式会社朝霧精工", values());
            assertThat(doc.title()).as(kind.name()).isNotBlank();
            assertThat(text(doc)).as(kind.name()).contains("第1条（").doesNotContain("{{").doesNotContain("＿＿＿＿");
            assertThat(doc.lines()).filteredOn(l -> l.kind() == PrintedDocument.Kind.FOOTER)
                    .singleElement().satisfies(l -> assertThat(l.text()).contains("秘密情報の保護ハンドブック"));
        }
    }

    @Test
    void theSecretsAreListedAsNumberedItemsAndTheDateIsWrittenInJapanese() {
        PrintedDocument doc = TemplateSource.parse(TemplateKind.JOINING, Templates.defaultSource(TemplateKind.JOINING))
                .render("株式会社朝霧精工", values());
        assertThat(text(doc)).contains("（1）試作品Bの強度試験データ", "（2）C工程の添加剤の配合", "2026年11月27日",
                "第6条（業務上の成果の報告と帰属）");
    }

    @Test
    void theNonCompeteClauseAppearsOnlyWhenAskedForAndRenumbersTheArticles() {
        TemplateSource leaving = TemplateSource.parse(TemplateKind.LEAVING, Templates.defaultSource(TemplateKind.LEAVING));
        String without = text(leaving.render("社", values()));
        assertThat(without).doesNotContain("競業避止").contains("第4条（期間）");
        Map<String, Object> v = values();
        v.put("nonCompete", true);
        v.put("nonCompetePeriod", "1年間");
        v.put("nonCompeteActivities", List.of("軸受の設計業務を競合他社で行うこと"));
        v.put("nonCompeteCompensation", "500,000円");
        String with = text(leaving.render("社", v));
        assertThat(with).contains("第4条（競業避止）", "退職後1年間", "（1）軸受の設計業務を競合他社で行うこと",
                "第5条（代償）", "補償手当 500,000円", "第6条（期間）");
    }

    @Test
    void cautionsStandBesideTheLineAndTheVariablesTheyConcernAndAreNeverPrinted() {
        TemplateSource leaving = TemplateSource.parse(TemplateKind.LEAVING, Templates.defaultSource(TemplateKind.LEAVING));
        assertThat(leaving.cautionsByVariable().get("nonCompete")).singleElement().asString().contains("1年以内");
        assertThat(leaving.cautionsByVariable().get("secrets")).isNotEmpty();
        assertThat(text(leaving.render("社", values()))).doesNotContain("1年以内が認められやすく");
    }

    @Test
    void aMissingRequiredValueIsRefusedOnItsField() {
        TemplateSource nda = TemplateSource.parse(TemplateKind.NDA, Templates.defaultSource(TemplateKind.NDA));
        Map<String, Object> v = values();
        v.remove("counterparty");
        assertThatThrownBy(() -> nda.render("社", v)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("counterparty"));
    }

    @Test
    void anEditUsingAnUnknownVariableOrUnbalancedIfIsRefusedNamingTheLine() {
        assertThatThrownBy(() -> TemplateSource.parse(TemplateKind.JOINING, "TITLE\t誓約書\nTEXT\t{{salary}}"))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).args()).containsExactly(2, "salary"));
        assertThatThrownBy(() -> TemplateSource.parse(TemplateKind.LEAVING, "TITLE\t誓約書\nIF\tnonCompete\nTEXT\tx"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> TemplateSource.parse(TemplateKind.JOINING, "TEXT\tno title"))
                .isInstanceOf(InvalidInputException.class);
    }
}
