package dev.mamori.access.web;

import static dev.mamori.support.TestUsers.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.mamori.inventory.Register;
import dev.mamori.platform.Role;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;
import dev.mamori.vault.Vault;
import dev.mamori.vault.VaultFixture;

/**
 * The check endpoint served outside the annotated controllers: it answers as before, also about a vault
 * document, and its refusals and malformed questions get the API's usual problem+json in both languages.
 */
@MamoriTest
class CheckEndpointTests {

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired Vault vault;
    @Autowired TestUsers users;
    @Autowired JsonMapper json;

    VaultFixture f;
    String integration;

    @BeforeEach
    void fixture() {
        f = new VaultFixture(context);
        integration = bearer(users.token(users.create(Role.IT_SECURITY)));
    }


    JsonNode ask(String path, String body) throws Exception {
        String answer = mvc.perform(post(path).header("Authorization", integration)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("application/json")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return json.readTree(answer);
    }

    @Test
    void aQuestionAboutADocumentIsAnsweredAsTheQuestionAboutItsEntry() throws Exception {
        long doc = f.uploadPdf("文書で問う");
        for (long person : new long[] {f.holder.personId(), f.outsider.personId(), f.manager.personId()}) {
            for (String action : new String[] {"VIEW", "COPY", "TAKE_OUT"}) {
                JsonNode byEntry = ask("/api/v1/access/check",
                        "{\"personId\":" + person + ",\"action\":\"" + action + "\",\"assetId\":" + f.assetId + "}");
                JsonNode byDocument = ask("/api/v1/access/check",
                        "{\"personId\":" + person + ",\"action\":\"" + action + "\",\"documentId\":" + doc + "}");
                assertThat(byDocument).as(person + " " + action).isEqualTo(byEntry);
                assertThat(byDocument.get("assetId").asLong()).isEqualTo(f.assetId);
            }
        }
        JsonNode outsider = ask("/api/v1/access/check",
                "{\"personId\":" + f.outsider.personId() + ",\"action\":\"VIEW\",\"documentId\":" + doc + "}");
        assertThat(outsider.get("permitted").asBoolean()).isFalse();
        assertThat(outsider.get("levelCode").asString()).isEqualTo("TOP_SECRET");
    }

    @Test
    void aDisposedDocumentIsRefusedToEveryoneEvenWhereItsEntryIsAllowed() throws Exception {
        long doc = f.uploadPdf("廃棄される文書");
        JsonNode before = ask("/api/v1/access/check",
                "{\"personId\":" + f.manager.personId() + ",\"action\":\"VIEW\",\"documentId\":" + doc + "}");
        assertThat(before.get("permitted").asBoolean()).isTrue();
        Register.as(f.manager, () -> vault.dispose(doc, "保存期間満了"));
        JsonNode batch = ask("/api/v1/access/check/batch", "{\"checks\":["
                + "{\"personId\":" + f.manager.personId() + ",\"action\":\"VIEW\",\"documentId\":" + doc + "},"
                + "{\"personId\":" + f.manager.personId() + ",\"action\":\"VIEW\",\"assetId\":" + f.assetId + "}]}");
        JsonNode disposed = batch.get("results").get(0);
        assertThat(disposed.get("permitted").asBoolean()).isFalse();
        assertThat(disposed.get("outcome").asString()).isEqualTo("DENY");
        assertThat(disposed.get("reason").get("key").asString()).isEqualTo("access.check.documentDisposed");
        assertThat(disposed.get("reason").get("ja").asString()).contains("廃棄");
        assertThat(disposed.get("reason").get("en").asString()).contains("disposed");
        assertThat(batch.get("results").get(1).get("permitted").asBoolean()).isTrue();
        // an ordinary employee may still not ask about someone else, disposed or not
        mvc.perform(post("/api/v1/access/check").header("Authorization", bearer(users.token(f.outsider)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"personId\":" + f.manager.personId() + ",\"action\":\"VIEW\",\"documentId\":" + doc + "}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("access.check.outOfScope"));
    }

    @Test
    void anUnknownDocumentOrAnIncompleteQuestionIsRefusedInBothLanguages() throws Exception {
        mvc.perform(post("/api/v1/access/check").header("Authorization", integration).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"personId\":" + f.holder.personId() + ",\"action\":\"VIEW\",\"documentId\":987654321}"))
                .andExpect(status().isNotFound())
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("application/problem+json")))
                .andExpect(jsonPath("$.code").value("access.check.unknownDocument"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("987654321")))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("not found")))
                .andExpect(jsonPath("$.detail_ja").value(org.hamcrest.Matchers.containsString("見つかりません")))
                .andExpect(jsonPath("$.instance").value("/api/v1/access/check"));
        mvc.perform(post("/api/v1/access/check").header("Authorization", integration)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"personId\":" + f.holder.personId() + ",\"action\":\"VIEW\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("access.check.incomplete"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("文書")));
    }

    @Test
    void malformedQuestionsWrongMethodsAndWrongMediaTypesGetProblemsNotStackTraces() throws Exception {
        for (String body : new String[] {"{\"personId\":", "{\"personId\":1,\"action\":\"FLY\",\"assetId\":1}", "",
                "{\"personId\":\"abc\",\"action\":\"VIEW\",\"assetId\":1}"}) {
            mvc.perform(post("/api/v1/access/check").header("Authorization", integration)
                            .contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("platform.error.unreadable"))
                    .andExpect(jsonPath("$.detail_en").value("The request is malformed."));
        }
        mvc.perform(get("/api/v1/access/check").header("Authorization", integration))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(header().string("Allow", "POST"))
                .andExpect(jsonPath("$.code").value("access.check.postOnly"));
        mvc.perform(post("/api/v1/access/check/batch").header("Authorization", integration)
                        .contentType(MediaType.TEXT_PLAIN).content("{\"checks\":[]}"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.code").value("access.check.jsonOnly"));
        StringBuilder many = new StringBuilder("{\"checks\":[");
        for (int i = 0; i <= CheckEndpoint.MAX_BATCH; i++) {
            many.append(i == 0 ? "" : ",").append("{\"personId\":1,\"action\":\"VIEW\",\"assetId\":1}");
        }
        mvc.perform(post("/api/v1/access/check/batch").header("Authorization", integration)
                        .contentType(MediaType.APPLICATION_JSON).content(many.append("]}").toString()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("access.check.batchTooLarge"));
        // anonymous callers are stopped by the API's filter chain before the endpoint
        mvc.perform(get("/api/v1/access/check")).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/access/check").header("Authorization", "Bearer not-a-token")
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void itsProblemsHaveTheSameFieldsAsTheAnnotatedControllersProblems() throws Exception {
        String fromController = mvc.perform(post("/api/v1/access/grants").header("Authorization", integration)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"assetId\":"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String fromEndpoint = mvc.perform(post("/api/v1/access/check").header("Authorization", integration)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"assetId\":"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        JsonNode controller = json.readTree(fromController);
        JsonNode endpoint = json.readTree(fromEndpoint);
        assertThat(names(endpoint)).isEqualTo(names(controller));
        for (String field : new String[] {"type", "title", "status", "code", "detail", "detail_ja", "detail_en"}) {
            assertThat(endpoint.get(field)).as(field).isEqualTo(controller.get(field));
        }
    }

    @Test
    void theOpenApiDocumentDescribesBothOperations() throws Exception {
        String doc = mvc.perform(get("/v3/api-docs").with(TestUsers.as(users.create(Role.EMPLOYEE))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        JsonNode api = json.readTree(doc);
        JsonNode single = api.get("paths").get("/api/v1/access/check").get("post");
        assertThat(single.get("requestBody").toString()).contains("#/components/schemas/CheckRequest");
        assertThat(single.get("responses").get("200").toString()).contains("#/components/schemas/CheckResponse");
        assertThat(api.get("paths").get("/api/v1/access/check/batch").get("post").get("requestBody").toString())
                .contains("#/components/schemas/BatchRequest");
        JsonNode request = api.get("components").get("schemas").get("CheckRequest").get("properties");
        assertThat(names(request)).contains("personId", "employeeNumber", "action", "assetId", "documentId", "medium",
                "location", "recipient");
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = node.propertyNames().iterator(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
