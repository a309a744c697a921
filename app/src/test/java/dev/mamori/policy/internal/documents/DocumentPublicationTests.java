package dev.mamori.policy.internal.documents;

import static dev.mamori.support.TestUsers.as;
import static dev.mamori.support.TestUsers.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import dev.mamori.directory.Directory;
import dev.mamori.ledger.Ledger;
import dev.mamori.ledger.LedgerEntry;
import dev.mamori.platform.Role;
import dev.mamori.policy.Level;
import dev.mamori.policy.Policy;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishing: immutable versions with the SHA-256 of their files, downloads whose bytes match, the
 * acknowledgements a publication asks for, and differences between versions after the scheme changes.
 */
@MamoriTest
class DocumentPublicationTests {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Directory directory;
    @Autowired Policy policy;
    @Autowired Ledger ledger;
    @Autowired JdbcClient jdbc;
    @Autowired Documents documents;

    final JsonMapper json = JsonMapper.builder().build();
    DocumentFixture org;
    String chief;

    @BeforeEach
    void organisation() {
        org = new DocumentFixture(directory, users).build();
        chief = users.token(users.create(Role.CHIEF_OFFICER));
    }

    int publish(String kind, String body) throws Exception {
        String response = mvc.perform(post("/api/v1/policy/documents/{kind}/publish", kind)
                        .header("Authorization", bearer(chief)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value(kind))
                .andReturn().getResponse().getContentAsString();
        return json.readTree(response).get("number").asInt();
    }

    @Test
    void aPublishedVersionKeepsItsFilesWhoseHashesMatchAndAsksEveryoneInScope() throws Exception {
        int n = publish("regulation", "{\"effectiveOn\":\"2027-04-01\",\"departmentIds\":[" + org.a + "," + org.b + "]}");
        String version = mvc.perform(get("/api/v1/policy/documents/regulation/versions/{n}", n)
                        .header("Authorization", bearer(chief)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version.effectiveOn").value("2027-04-01"))
                .andExpect(jsonPath("$.version.scopeAll").value(false))
                .andExpect(jsonPath("$.lines[0].text").value("秘密情報管理規程"))
                .andReturn().getResponse().getContentAsString();
        var v = json.readTree(version).get("version");

        String employee = users.token(users.create(Role.EMPLOYEE));
        byte[] docx = mvc.perform(get("/api/v1/policy/documents/regulation/versions/{n}.docx", n)
                        .header("Authorization", bearer(employee)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", DocumentFilesType.DOCX))
                .andExpect(header().string("Content-Disposition", containsString("filename*=UTF-8''")))
                .andReturn().getResponse().getContentAsByteArray();
        byte[] pdf = mvc.perform(get("/api/v1/policy/documents/regulation/versions/{n}.pdf", n)
                        .header("Authorization", bearer(employee)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(Documents.sha256(docx)).isEqualTo(v.get("docxSha256").asString());
        assertThat(Documents.sha256(pdf)).isEqualTo(v.get("pdfSha256").asString());
        try (var document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            for (Level level : policy.levels()) {
                assertThat(text).contains(level.nameJa());
            }
            assertThat(text).contains("第" + n + "版").contains("2027年4月1日");
        }

        List<Long> asked = jdbc.sql("""
                        select a.person_id from policy.acknowledgement a join policy.document_version v on v.id = a.version_id
                        where v.kind = 'REGULATION' and v.number = ? order by a.person_id""")
                .param(n).query(Long.class).list();
        assertThat(asked).containsExactlyInAnyOrder(org.peopleA.get(0), org.peopleA.get(1), org.personA1, org.personB);

        List<LedgerEntry> history = ledger.historyOf(Documents.subject(DocumentKind.REGULATION, n));
        assertThat(history).extracting(LedgerEntry::action).containsExactly("policy.document.published");
        assertThat(history.get(0).detailsJson()).contains(v.get("pdfSha256").asString())
                .contains(v.get("docxSha256").asString()).contains("\"people\": 4");

        assertThatThrownBy(() -> jdbc.sql("update policy.document_version set title = 'x' where kind = 'REGULATION' and number = ?")
                .param(n).update()).hasMessageContaining("immutable");
    }

    @Test
    void theDiffShowsARenamedLevelBetweenTwoPublications() throws Exception {
        int before = publish("standard", "{\"departmentIds\":[" + org.b + "]}");
        Level top = policy.levels().get(0);
        String renamed = top.nameJa() + "扱" + org.tag.substring(0, 3);
        DocumentFixture.as(users.create(Role.CHIEF_OFFICER), () -> policy.renameLevel(top.code(), renamed, top.nameEn()));
        try {
            int after = publish("standard", "{\"departmentIds\":[" + org.b + "]}");
            var viewer = users.create(Role.EMPLOYEE);
            String page = mvc.perform(get("/policy/documents/standard/diff").param("from", String.valueOf(before))
                            .param("to", String.valueOf(after)).with(as(viewer)))
                    .andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            var doc = Jsoup.parse(page);
            assertThat(doc.select("p.diff-removed del").eachText())
                    .contains("第2章　「" + top.nameJa() + "」の取扱い");
            assertThat(doc.select("p.diff-added ins").eachText())
                    .contains("第2章　「" + renamed + "」の取扱い");
            assertThat(doc.select("p.diff-same").eachText()).contains("第1章　総則");
            // the version line is not reported as a change
            assertThat(doc.select("p.diff-added ins").eachText()).noneMatch(t -> t.startsWith("第" + after + "版"));

            mvc.perform(get("/policy/documents/standard/diff").param("from", String.valueOf(before))
                            .param("to", String.valueOf(after)).header("HX-Request", "true").with(as(viewer)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("id=\"policy-diff\"")))
                    .andExpect(content().string(not(containsString("<html"))));
        } finally {
            DocumentFixture.as(users.create(Role.CHIEF_OFFICER), () -> policy.renameLevel(top.code(), top.nameJa(), top.nameEn()));
        }
    }

    @Test
    void theDraftShowsWhatWouldChangeAndOnlyPublishersSeeIt() throws Exception {
        var committee = users.create(Role.COMMITTEE);
        mvc.perform(get("/policy/documents/telework/draft").with(as(committee)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("草案（未公表）")))
                .andExpect(content().string(containsString("テレワーク時の秘密情報取扱規程")));
        mvc.perform(get("/policy/documents/telework/draft.docx").with(as(committee)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", DocumentFilesType.DOCX));
        mvc.perform(get("/policy/documents/telework/draft.pdf").with(as(committee)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", MediaType.APPLICATION_PDF_VALUE));
        var employee = users.create(Role.EMPLOYEE);
        mvc.perform(get("/policy/documents/telework/draft").with(as(employee))).andExpect(status().isForbidden());
        mvc.perform(get("/policy/documents/telework/draft.pdf").with(as(employee))).andExpect(status().isForbidden());
        mvc.perform(get("/policy/documents/nonsense").with(as(employee))).andExpect(status().isNotFound());
    }

    @Test
    void publishingFromThePageRedirectsToTheNewVersion() throws Exception {
        var committee = users.create(Role.COMMITTEE);
        String location = mvc.perform(post("/policy/documents/work-rules/versions").with(as(committee)).with(csrf())
                        .param("effectiveOn", "2027-01-01").param("departmentIds", String.valueOf(org.b)))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/policy/documents/work-rules/versions/");
        mvc.perform(get(location).with(as(committee)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("モニタリング")))
                .andExpect(content().string(containsString("従業員を不当な疑いから守るためにも行う")));
        mvc.perform(get("/policy/documents/work-rules").with(as(users.create(Role.EMPLOYEE))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(location + ".pdf")));
    }

    /** The media type of DOCX downloads (as the controllers send it). */
    static final class DocumentFilesType {
        static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    }
}
