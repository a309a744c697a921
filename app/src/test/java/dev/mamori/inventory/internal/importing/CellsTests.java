package dev.mamori.inventory.internal.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import dev.mamori.inventory.AssetForm;
import dev.mamori.inventory.AssetKind;
import dev.mamori.inventory.AssetSubKind;
import dev.mamori.inventory.FormEntry;

/**
 * How cells of registers kept in spreadsheets are read, without the database.
 */
class CellsTests {

    static Labels labels() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new Labels(messages);
    }

    @Test
    void readsMarksAsYesOrNoAndRefusesAnythingElse() {
        for (String yes : List.of("○", "〇", "有", "あり", "該当", "Yes", "１", "✓")) {
            assertThat(Cells.flag(yes)).as(yes).contains(true);
        }
        for (String no : List.of("", " ", "×", "無", "なし", "非該当", "-", "no", "0")) {
            assertThat(Cells.flag(no)).as(no).contains(false);
        }
        assertThat(Cells.flag("たぶん")).isEmpty();
    }

    @Test
    void tellsSensitivePersonalInformationFromTheWordsOfItsKinds() {
        assertThat(Cells.personal("氏名、住所、電話番号")).isTrue();
        assertThat(Cells.sensitive("氏名、住所、電話番号")).isFalse();
        assertThat(Cells.sensitive("氏名、病歴")).isTrue();
        assertThat(Cells.sensitive("信条")).isTrue();
        assertThat(Cells.sensitive("犯罪歴の有無")).isTrue();
        assertThat(Cells.personal("なし")).isFalse();
        assertThat(Cells.personal("")).isFalse();
    }

    @Test
    void readsImportanceLevelsAndCombinedTriples() {
        assertThat(Cells.level("3")).contains(3);
        assertThat(Cells.level("２")).contains(2);
        assertThat(Cells.level("高")).contains(3);
        assertThat(Cells.level("L")).contains(1);
        assertThat(Cells.level("9")).isEmpty();
        assertThat(Cells.levels("C3 I2 A1")).containsExactly(3, 2, 1);
        assertThat(Cells.levels("3/2/2")).containsExactly(3, 2, 2);
        assertThat(Cells.count("約1,200件")).contains(1200);
        assertThat(Cells.count("多数")).isEmpty();
    }

    @Test
    void readsFreeTextMediaByKeywordsAndKeepsTheWordsAsThePlace() {
        Cells.Forms forms = Cells.forms("紙（総務部キャビネット）、ファイルサーバ \\\\fs01\\soumu", labels());
        assertThat(forms.assumed()).isFalse();
        assertThat(forms.entries()).containsExactly(new FormEntry(AssetForm.DOCUMENT, "紙（総務部キャビネット）"),
                new FormEntry(AssetForm.ELECTRONIC, "ファイルサーバ \\\\fs01\\soumu"));
        assertThat(Cells.forms("試作品（開発棟の保管庫）", labels()).entries()).extracting(FormEntry::form)
                .containsExactly(AssetForm.OBJECT);
        assertThat(Cells.forms("熟練工のノウハウ", labels()).entries()).extracting(FormEntry::form)
                .containsExactly(AssetForm.KNOWHOW);
        Cells.Forms unknown = Cells.forms("本社3階", labels());
        assertThat(unknown.assumed()).isTrue();
        assertThat(unknown.entries()).containsExactly(new FormEntry(AssetForm.ELECTRONIC, "本社3階"));
    }

    @Test
    void readsMamorisOwnFormsColumnExactly() {
        Cells.Forms forms = Cells.forms("電子化情報: \\\\fs01\\design; 文書等: 設計室キャビネット; 物件:", labels());
        assertThat(forms.assumed()).isFalse();
        assertThat(forms.entries()).containsExactly(new FormEntry(AssetForm.DOCUMENT, "設計室キャビネット"),
                new FormEntry(AssetForm.ELECTRONIC, "\\\\fs01\\design"), new FormEntry(AssetForm.OBJECT, null));
    }

    @Test
    void estimatesTheKindFromTheNameAndTheBusinessArea() {
        assertThat(Cells.subKindFrom("顧客名簿")).contains(AssetSubKind.CUSTOMER);
        assertThat(Cells.subKindFrom("A型エンジンの設計図面")).contains(AssetSubKind.DESIGN);
        assertThat(Cells.subKindFrom("給与台帳")).contains(AssetSubKind.HR_FINANCE);
        assertThat(Cells.kindFrom("技術開発")).contains(AssetKind.TECHNICAL);
        assertThat(Cells.kindFrom("営業")).contains(AssetKind.BUSINESS);
        assertThat(Cells.kindFrom("総務")).contains(AssetKind.OTHER);
    }

    @Test
    void recognisesHeadersOfIpaAndMamoriAndLongerHeadersByTheirWord() {
        assertThat(ImportField.guess(List.of("No.", "業務分類", "情報資産名称", "備考", "利用者範囲", "管理部署", "媒体・保存先",
                "個人情報の種類", "重要度（機密性）", "完全性", "可用性", "保存期限", "登録日")))
                .containsExactly(ImportField.IGNORE, ImportField.BUSINESS_AREA, ImportField.NAME, ImportField.DESCRIPTION,
                        ImportField.ACCESS_HINT, ImportField.DEPARTMENT, ImportField.FORMS, ImportField.PERSONAL_INFO,
                        ImportField.CONFIDENTIALITY, ImportField.INTEGRITY, ImportField.AVAILABILITY, ImportField.RETENTION,
                        ImportField.REGISTERED_ON);
        assertThat(Layout.of(List.of("業務分類", "情報資産名称", "管理部署", "媒体・保存先"))).isEqualTo(Layout.IPA);
        assertThat(Layout.of(RegisterExport.REGISTER_HEADERS)).isEqualTo(Layout.MAMORI);
        assertThat(Layout.of(List.of("資産", "場所"))).isEqualTo(Layout.UNKNOWN);
        List<ImportField> own = ImportField.guess(RegisterExport.REGISTER_HEADERS);
        assertThat(own.stream().filter(f -> f != ImportField.IGNORE)).doesNotHaveDuplicates().hasSize(24);
    }
}
