package dev.mamori.inventory.web;

import static dev.mamori.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import dev.mamori.directory.Directory;
import dev.mamori.inventory.AssetQuery;
import dev.mamori.inventory.Inventory;
import dev.mamori.inventory.Register;
import dev.mamori.platform.internal.security.MamoriUserDetails;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;

/**
 * The register's pages: list and its htmx fragment, the form with the naming guidance, the entry page
 * with its timeline, and refused actions shown beside the entry.
 */
@MamoriTest
class InventoryPagesTests {

    @Autowired MockMvc mvc;
    @Autowired Directory directory;
    @Autowired Inventory inventory;
    @Autowired TestUsers users;

    Register reg;
    long dept;
    MamoriUserDetails manager;
    String employeeNumber;

    @BeforeEach
    void setUp() {
        reg = new Register(directory, inventory, users);
        dept = reg.department(null);
        manager = reg.manager(dept);
        employeeNumber = directory.findPerson(manager.personId()).orElseThrow().employeeNumber();
    }

    String html(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void listsEntriesAsAPageAndAsAnHtmxFragment() throws Exception {
        String name = Register.unique("P") + " C300型ギアの設計図面";
        reg.asset(manager, dept, name);
        Document page = Jsoup.parse(html(get("/inventory/assets").param("q", name).with(as(manager))));
        assertThat(page.select("#inventory-table td a").text()).isEqualTo(name);
        assertThat(page.select("#inventory-filters")).isNotEmpty();
        String fragment = html(get("/inventory/assets").param("q", name).header("HX-Request", "true").with(as(manager)));
        assertThat(fragment).contains(name).doesNotContain("<html");
    }

    @Test
    void theFormShowsTheHandbooksExamplesAndWarnsAboutABusinessLineName() throws Exception {
        Document form = Jsoup.parse(html(get("/inventory/assets/new").with(as(manager))));
        assertThat(form.select("#name-examples").text()).contains("良い例").contains("悪い例").contains("出典：経済産業省");
        String warning = html(get("/inventory/assets/new").param("name", "営業業務に関する情報")
                .header("HX-Request", "true").with(as(manager)));
        assertThat(warning).contains("inventory-nameWarning").contains("業務全体");
        String none = html(get("/inventory/assets/new").param("name", "A100型ポンプの設計内容に係る情報")
                .header("HX-Request", "true").with(as(manager)));
        assertThat(none).doesNotContain("alert");
    }

    @Test
    void registersThroughTheFormWithAWarningButNoRefusal() throws Exception {
        String name = Register.unique("F") + "開発業務に関する情報";
        String location = mvc.perform(post("/inventory/assets").with(csrf()).with(as(manager))
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("name", name).param("departmentId", String.valueOf(dept))
                        .param("responsibleEmployeeNumber", employeeNumber).param("kind", "TECHNICAL")
                        .param("electronic", "true").param("electronicLocation", "\\\\fs01\\dev").param("origin", "OWN"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        Document page = Jsoup.parse(html(get(location).with(as(manager))));
        assertThat(page.select("h1").text()).contains(name);
        assertThat(page.select(".alert-warn").text()).contains("業務全体");
        assertThat(page.select("#inventory-timeline td").text()).contains("登録");
    }

    @Test
    void showsFieldErrorsOnTheForm() throws Exception {
        Document page = Jsoup.parse(html(post("/inventory/assets").with(csrf()).with(as(manager))
                .param("name", "X").param("departmentId", String.valueOf(dept)).param("responsibleEmployeeNumber", "NOPE")
                .param("kind", "TECHNICAL").param("origin", "OWN").param("electronic", "true")));
        assertThat(page.select(".field-error").text()).contains("NOPE");
    }

    @Test
    void aRefusedActionIsShownBesideTheEntry() throws Exception {
        long id = reg.asset(manager, dept, Register.unique("R") + " D400型の検査手順");
        String body = mvc.perform(post("/inventory/assets/" + id + "/disposal").with(csrf()).with(as(manager))
                        .param("method", "シュレッダー").param("on", "2026-01-01").param("byEmployeeNumber", employeeNumber))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(body).select(".alert-error").text()).contains("不要情報");
        mvc.perform(post("/inventory/assets/" + id + "/unneeded").with(csrf()).with(as(manager)).param("reason", "不要"))
                .andExpect(status().is3xxRedirection());
        assertThat(Register.as(manager, () -> inventory.search(new AssetQuery(null, dept, null, null, null, null, null), 0, 10))
                .assets().get(0).unneeded()).isTrue();
    }
}
