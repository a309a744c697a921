package dev.mamori.measure.web;

import static dev.mamori.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import dev.mamori.inventory.Register;
import dev.mamori.measure.CustomMeasureDraft;
import dev.mamori.measure.MeasureExports;
import dev.mamori.measure.MeasureView;
import dev.mamori.measure.Measures;
import dev.mamori.measure.Purpose;
import dev.mamori.measure.Route;
import dev.mamori.measure.SelectionDraft;
import dev.mamori.measure.SelectionStatus;
import dev.mamori.platform.Role;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;

/**
 * The catalog speaks the reader's language: every item of the shipped catalog has an English title, description
 * and examples (and English headings where it has headings); English readers see them on the pages, in the API
 * and in the workbook, Japanese readers see the Japanese as before, with the attribution kept; a company's own
 * measure shows its English title where it has one and the Japanese otherwise.
 */
@MamoriTest
class CatalogLanguageTests {

    static final String ATTRIBUTION = "出典：経済産業省「秘密情報の保護ハンドブック」(令和4年5月改訂)";

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Measures measures;
    @Autowired MeasureExports exports;

    @Test
    void everyCatalogItemHasAnEnglishTitleDescriptionAndExamples() {
        var employee = users.create(Role.EMPLOYEE);
        List<MeasureView> catalog = Register.as(employee, () -> measures.catalogVersion("2022-05"));
        assertThat(catalog).hasSize(106);
        for (MeasureView m : catalog) {
            assertThat(m.titleEn()).as(m.code()).isNotBlank().doesNotMatch(".*[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}].*");
            assertThat(m.descriptionEn()).as(m.code()).isNotBlank().doesNotMatch(".*[\\p{IsHiragana}\\p{IsHan}].*");
            assertThat(m.examplesEn()).as(m.code()).isNotBlank();
            assertThat(m.groupHeadingEn() == null).as(m.code()).isEqualTo(m.groupHeading() == null);
            assertThat(m.subHeadingEn() == null).as(m.code()).isEqualTo(m.subHeading() == null);
            assertThat(m.titleEn().endsWith("(re-listed)")).as(m.code()).isEqualTo(m.title().endsWith("（再掲）"));
            assertThat(m.title(Locale.ENGLISH)).isEqualTo(m.titleEn());
            assertThat(m.title(Locale.JAPANESE)).isEqualTo(m.title());
        }
        assertThat(catalog.stream().filter(m -> m.code().equals("LEAVER-2-f")).findFirst().orElseThrow().titleEn())
                .isEqualTo("Restricting viewing by encrypting electronic data (re-listed)");
        assertThat(Register.as(employee, measures::currentCatalog).titleEn()).isNotBlank();
    }

    @Test
    void theEnglishCatalogPageShowsEnglishTextsAndTheAttribution() throws Exception {
        var english = users.inLanguage(users.create(Role.EMPLOYEE), Locale.ENGLISH);
        mvc.perform(get("/measures").param("route", "OUTSIDER").with(as(english))).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(Matchers.allOf(
                        Matchers.containsString("Separating networks (several LANs)"),
                        Matchers.containsString("Keep design data on a stand-alone PC"),
                        Matchers.containsString(ATTRIBUTION),
                        Matchers.not(Matchers.containsString("ネットワークの分離")))));
        mvc.perform(get("/measures").param("route", "LEAVER").header("HX-Request", "true").with(as(english)))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(Matchers.allOf(
                        Matchers.containsString("Measures for staff that also work for leavers"),
                        Matchers.containsString("Making actions easy to notice"),
                        Matchers.not(Matchers.containsString("目につきやすい状況を作り出す対策")))));
    }

    @Test
    void theJapaneseCatalogPageIsUnchanged() throws Exception {
        var japanese = users.create(Role.EMPLOYEE);
        mvc.perform(get("/measures").param("route", "OUTSIDER").with(as(japanese))).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(Matchers.allOf(
                        Matchers.containsString("ネットワークの分離（複数のLANを構築）"),
                        Matchers.containsString("設計データを独立したPCに保存する"),
                        Matchers.containsString(ATTRIBUTION),
                        Matchers.not(Matchers.containsString("Separating networks")))));
    }

    @Test
    void theApiGivesTheCallersLanguageWithBothBeside() throws Exception {
        var employee = users.create(Role.EMPLOYEE);
        mvc.perform(get("/api/v1/measures/catalog").param("route", "PARTNER").param("purpose", "4")
                        .header("Accept-Language", "en").with(as(employee)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version.attribution").value(ATTRIBUTION))
                .andExpect(jsonPath("$.version.title").value(Matchers.startsWith("Handbook")))
                .andExpect(jsonPath("$.measures[0].title").value("Confidentiality clauses for business partners"))
                .andExpect(jsonPath("$.measures[0].titleJa").value("取引先に対する秘密保持義務条項"))
                .andExpect(jsonPath("$.measures[0].titleEn").value("Confidentiality clauses for business partners"))
                .andExpect(jsonPath("$.measures[0].descriptionEn").value(Matchers.startsWith("Set the business partner")))
                .andExpect(jsonPath("$.measures[0].descriptionJa").value(Matchers.startsWith("契約で取引先")));
        mvc.perform(get("/api/v1/measures/catalog").param("route", "PARTNER").param("purpose", "4").with(as(employee)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.measures[0].title").value("取引先に対する秘密保持義務条項"))
                .andExpect(jsonPath("$.measures[0].description").value(Matchers.startsWith("契約で取引先")));
    }

    @Test
    void aCompanysOwnMeasureShowsItsEnglishTitleOrFallsBackToJapanese() throws Exception {
        var chief = users.create(Role.CHIEF_OFFICER);
        String ja = Register.unique("夜間巡回");
        String en = Register.unique("Night patrol");
        String jaOnly = Register.unique("入館証の棚卸し");
        String body = "{\"route\":\"OUTSIDER\",\"purpose\":\"VISIBILITY\",\"title\":\"" + ja + "\",\"titleEn\":\"" + en + "\"}";
        mvc.perform(post("/api/v1/measures/catalog").contentType(MediaType.APPLICATION_JSON).content(body)
                        .header("Accept-Language", "en").with(as(chief)).with(csrf()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.title").value(en)).andExpect(jsonPath("$.titleJa").value(ja));
        MeasureView plain = Register.as(chief, () -> measures.addCustom(new CustomMeasureDraft(Route.OUTSIDER,
                Purpose.VISIBILITY, jaOnly, null)));
        assertThat(plain.titleEn()).isNull();
        assertThat(plain.title(Locale.ENGLISH)).isEqualTo(jaOnly);
        var english = users.inLanguage(users.create(Role.EMPLOYEE), Locale.ENGLISH);
        mvc.perform(get("/measures").param("route", "OUTSIDER").with(as(english))).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(Matchers.allOf(
                        Matchers.containsString(en), Matchers.containsString(jaOnly), Matchers.not(Matchers.containsString(ja)))));
    }

    @Test
    void theWorkbookNamesMeasuresInTheReadersLanguage() throws Exception {
        var chief = users.create(Role.CHIEF_OFFICER);
        String ja = Register.unique("持込み検査");
        String en = Register.unique("Inspection of items brought in");
        MeasureView m = Register.as(chief, () -> measures.addCustom(new CustomMeasureDraft(Route.OUTSIDER,
                Purpose.HARDER_TO_TAKE_OUT, ja, null, en)));
        Register.as(chief, () -> measures.select(new SelectionDraft(m.id(), List.of("CONFIDENTIAL"), null,
                SelectionStatus.IN_OPERATION, null, null, null, null)));
        assertThat(measureColumn(Register.as(chief, () -> exports.workbook(Locale.ENGLISH)))).contains(en).doesNotContain(ja);
        assertThat(measureColumn(Register.as(chief, () -> exports.workbook(Locale.JAPANESE)))).contains(ja).doesNotContain(en);
    }

    static List<String> measureColumn(byte[] xlsx) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            DataFormatter f = new DataFormatter();
            List<String> titles = new java.util.ArrayList<>();
            for (Row row : wb.getSheetAt(0)) {
                titles.add(f.formatCellValue(row.getCell(3)));
            }
            return titles;
        }
    }
}
