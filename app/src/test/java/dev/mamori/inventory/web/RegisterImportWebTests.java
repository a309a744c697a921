package dev.mamori.inventory.web;

import static dev.mamori.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.mamori.directory.DepartmentView;
import dev.mamori.directory.Directory;
import dev.mamori.inventory.AssetQuery;
import dev.mamori.inventory.Inventory;
import dev.mamori.inventory.Register;
import dev.mamori.platform.Role;
import dev.mamori.platform.internal.security.MamoriUserDetails;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;

/**
 * The import wizard's pages (upload → mapping → preview → apply → result, with the findings table as an
 * htmx fragment), the import API with the mapping as a JSON field and every finding in Japanese and
 * English, and who may use them: anonymous callers and plain employees are refused every endpoint.
 */
@MamoriTest
class RegisterImportWebTests {

    @Autowired JsonMapper json;
    @Autowired MockMvc mvc;
    @Autowired Inventory inventory;
    @Autowired Directory directory;
    @Autowired TestUsers users;

    long dept;
    Register reg;
    DepartmentView department;
    MamoriUserDetails manager;
    MamoriUserDetails employee;
    String tag;

    @BeforeEach
    void setUp() {
        reg = new Register(directory, inventory, users);
        dept = reg.department(null);
        department = directory.department(dept);
        manager = reg.manager(dept);
        reg.assignManager(dept, manager.personId());
        employee = reg.employee(dept);
        tag = Register.unique("WEB");
    }

    byte[] csv(String... lines) {
        return (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    MockMultipartFile file(byte[] bytes) {
        return new MockMultipartFile("file", "register.csv", "text/csv", bytes);
    }

    long count(MamoriUserDetails user) {
        return Register.as(user, () -> inventory.search(new AssetQuery(tag, null, null, null, null, null, null), 0, 50))
                .total();
    }

    @Test
    void walksThroughTheWizardFromUploadThroughMappingToTheResult() throws Exception {
        Document start = Jsoup.parse(mvc.perform(get("/inventory/import").with(as(manager)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(start.select("#inventory-import-file")).hasSize(1);
        assertThat(start.select("#inventory-import-department option[value=" + dept + "]")).hasSize(1);

        byte[] bytes = csv("資産" + tag + ",置き場所,メモ", tag + "顧客訪問記録,紙,", tag + "営業業務に関する情報,クラウド,まとめ");
        String mapping = mvc.perform(multipart("/inventory/import").file(file(bytes)).param("departmentId", String.valueOf(dept))
                        .with(as(manager)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(mapping).matches("/inventory/import/[0-9a-f-]{36}/mapping");
        String id = mapping.split("/")[3];
        Document form = Jsoup.parse(mvc.perform(get(mapping).with(as(manager))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(form.select("#inventory-import-mapping select")).hasSize(3);
        assertThat(form.text()).contains(tag + "顧客訪問記録");

        Document refused = Jsoup.parse(mvc.perform(post(mapping).param("column0", "IGNORE").param("column1", "FORMS")
                        .with(as(manager)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(refused.select("#inventory-import-mapping-error").text()).contains("名称");

        mvc.perform(post(mapping).param("column0", "NAME").param("column1", "FORMS").param("column2", "DESCRIPTION")
                        .with(as(manager)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        Document preview = Jsoup.parse(mvc.perform(get("/inventory/import/" + id).with(as(manager)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(preview.select("#inventory-import-to-create").text()).isEqualTo("2");
        assertThat(preview.select("#inventory-import-warning-count").text()).isEqualTo("1");
        assertThat(preview.select("#inventory-import-findings").text()).contains("注意");
        assertThat(preview.select("#inventory-import-apply")).hasSize(1);

        String fragment = mvc.perform(get("/inventory/import/" + id).header("HX-Request", "true").with(as(manager)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(fragment).select("#inventory-import-findings")).hasSize(1);
        assertThat(fragment).doesNotContain("<html");

        mvc.perform(post("/inventory/import/" + id + "/apply").with(as(manager)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        Document result = Jsoup.parse(mvc.perform(get("/inventory/import/" + id + "/result").with(as(manager)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(result.select("#inventory-import-created").text()).isEqualTo("2");
        assertThat(count(manager)).isEqualTo(2);
    }

    @Test
    void theApiTakesTheMappingAsJsonAndReportsEveryFindingInBothLanguages() throws Exception {
        byte[] bytes = csv("資産" + tag + ",置き場所,部署", tag + "仕入先一覧,紙," + department.code(),
                tag + "仕入単価表,紙,NO-SUCH");
        String token = TestUsers.bearer(users.token(manager));
        String body = mvc.perform(multipart("/api/v1/assets/imports").file(file(bytes))
                        .param("mapping", "[\"NAME\",\"FORMS\",\"DEPARTMENT\"]").header("Authorization", token))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        JsonNode preview = json.readTree(body);
        assertThat(preview.get("layout").asString()).isEqualTo("MAPPED");
        assertThat(preview.get("needsMapping").asBoolean()).isFalse();
        assertThat(preview.get("errorCount").asInt()).isEqualTo(1);
        JsonNode error = preview.get("findings").get(0);
        assertThat(error.get("row").asInt()).isEqualTo(3);
        assertThat(error.get("columnHeader").asString()).isEqualTo("部署");
        assertThat(error.get("message_ja").asString()).contains("NO-SUCH").contains("見つかりません");
        assertThat(error.get("message_en").asString()).contains("NO-SUCH").contains("not found");
        String id = preview.get("id").asString();
        mvc.perform(post("/api/v1/assets/imports/" + id + "/apply").header("Authorization", token))
                .andExpect(status().isBadRequest());
        assertThat(count(manager)).isZero();

        String mapped = mvc.perform(put("/api/v1/assets/imports/" + id + "/mapping").header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"mapping\":{\"資産" + tag + "\":\"NAME\",\"置き場所\":\"FORMS\"}}"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(json.readTree(mapped).get("detail_en").asString()).contains("department");

        byte[] good = csv("資産" + tag + ",置き場所,部署", tag + "仕入先一覧,紙," + department.code());
        JsonNode second = json.readTree(mvc.perform(multipart("/api/v1/assets/imports").file(file(good))
                        .header("Authorization", token))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(second.get("layout").asString()).isEqualTo("REMEMBERED");
        JsonNode applied = json.readTree(mvc.perform(post("/api/v1/assets/imports/" + second.get("id").asString() + "/apply")
                        .header("Authorization", token))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(applied.get("appliedAt").isNull()).isFalse();
        assertThat(applied.get("toCreate").asInt()).isEqualTo(1);
        assertThat(count(manager)).isEqualTo(1);
    }

    List<Supplier<AbstractMockHttpServletRequestBuilder<?>>> endpoints(String id) {
        byte[] bytes = csv("情報資産名称,管理部署,媒体・保存先", tag + "x," + department.code() + ",紙");
        return List.of(
                () -> get("/inventory/import"),
                () -> multipart("/inventory/import").file(file(bytes)).with(csrf()),
                () -> get("/inventory/import/" + id),
                () -> get("/inventory/import/" + id).header("HX-Request", "true"),
                () -> get("/inventory/import/" + id + "/mapping"),
                () -> post("/inventory/import/" + id + "/mapping").param("column0", "NAME").with(csrf()),
                () -> post("/inventory/import/" + id + "/apply").with(csrf()),
                () -> get("/inventory/import/" + id + "/result"),
                () -> multipart("/api/v1/assets/imports").file(file(bytes)),
                () -> get("/api/v1/assets/imports/" + id),
                () -> put("/api/v1/assets/imports/" + id + "/mapping").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"mapping\":[\"NAME\"]}"),
                () -> post("/api/v1/assets/imports/" + id + "/apply"));
    }

    String upload(MamoriUserDetails user) {
        try {
            byte[] bytes = csv("情報資産名称,管理部署,媒体・保存先", tag + "x," + department.code() + ",紙");
            return json.readTree(mvc.perform(multipart("/api/v1/assets/imports").file(file(bytes))
                            .header("Authorization", TestUsers.bearer(users.token(user))))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).get("id").asString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anonymousCallersAndPlainEmployeesAreRefusedEveryImportEndpoint() throws Exception {
        String id = upload(manager);
        for (Supplier<AbstractMockHttpServletRequestBuilder<?>> e : endpoints(id)) {
            var r = e.get().buildRequest(new org.springframework.mock.web.MockServletContext());
            boolean api = r.getRequestURI().startsWith("/api/");
            int anonymous = mvc.perform(e.get()).andReturn().getResponse().getStatus();
            assertThat(anonymous).as("anonymous " + r.getMethod() + " " + r.getRequestURI()).isIn(api ? List.of(401)
                    : List.of(302, 401, 403));
            int plain = mvc.perform(e.get().with(as(employee))).andReturn().getResponse().getStatus();
            assertThat(plain).as("employee " + r.getMethod() + " " + r.getRequestURI()).isEqualTo(403);
        }
        String token = TestUsers.bearer(users.token(employee));
        mvc.perform(get("/api/v1/assets/imports/" + id).header("Authorization", token)).andExpect(status().isForbidden());
        assertThat(count(manager)).isZero();
    }

    @Test
    void anotherImportersPreviewIsNotFound() throws Exception {
        String id = upload(manager);
        MamoriUserDetails chief = reg.withRole(Role.CHIEF_OFFICER);
        mvc.perform(get("/inventory/import/" + id).with(as(chief))).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/assets/imports/" + id + "/apply").header("Authorization", TestUsers.bearer(users.token(chief))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/assets/imports/" + UUID.randomUUID()).header("Authorization",
                TestUsers.bearer(users.token(manager)))).andExpect(status().isNotFound());
    }

    @Test
    void exportAndChartAreForSignedInUsersOnly() throws Exception {
        for (String path : List.of("/inventory/assets/export", "/inventory/chart")) {
            assertThat(mvc.perform(request(HttpMethod.GET, path)).andReturn().getResponse().getStatus()).isIn(302, 401);
            mvc.perform(get(path).with(as(employee))).andExpect(status().isOk());
        }
        mvc.perform(get("/api/v1/assets/export")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/assets/export").param("kind", "nonsense").header("Authorization",
                TestUsers.bearer(users.token(employee)))).andExpect(status().isBadRequest());
    }
}
