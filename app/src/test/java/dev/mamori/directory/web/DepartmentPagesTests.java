package dev.mamori.directory.web;

import static dev.mamori.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import dev.mamori.directory.DepartmentView;
import dev.mamori.directory.Directory;
import dev.mamori.platform.Role;
import dev.mamori.platform.internal.security.MamoriUserDetails;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;

@MamoriTest
class DepartmentPagesTests {

    @Autowired MockMvc mvc;
    @Autowired Directory directory;
    @Autowired TestUsers users;

    Organisation org;
    MamoriUserDetails hr;
    MamoriUserDetails employee;

    @BeforeEach
    void setUp() {
        org = new Organisation(directory, users);
        hr = users.create(Role.HR);
        employee = users.create(Role.EMPLOYEE);
    }

    Document page(String url, MamoriUserDetails user) throws Exception {
        String html = mvc.perform(get(url).with(as(user))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("<html");
        return Jsoup.parse(html);
    }

    Document fragment(String url, MamoriUserDetails user) throws Exception {
        String html = mvc.perform(get(url).header("HX-Request", "true").with(as(user))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).doesNotContain("<html").doesNotContain("sidenav");
        return Jsoup.parse(html);
    }

    DepartmentView department(long id) {
        return org.asHr(() -> directory.department(id));
    }

    @Test
    void rendersTheTreeAsAFullPageAndOnlyTheTreeForHtmx() throws Exception {
        long top = org.department(null);
        long child = org.department(top);
        org.person(child);
        org.person(top);
        String code = department(top).code();

        Document full = page("/directory/departments", employee);
        assertThat(full.getElementById("directory-tree")).isNotNull();
        Element row = full.selectFirst("li[data-code=" + code + "] > .tree-row");
        assertThat(row.selectFirst(".headcount").text()).isEqualTo("2 名");
        assertThat(full.selectFirst("li[data-code=" + code + "] li[data-code=" + department(child).code() + "]")).isNotNull();
        assertThat(full.select("a[href=/directory/departments/new]")).as("no add button for an employee").isEmpty();

        Document tree = fragment("/directory/departments", employee);
        assertThat(tree.getElementById("directory-tree")).isNotNull();
        assertThat(tree.getElementById("directory-tree-filters")).isNull();
    }

    @Test
    void showsAbolishedDepartmentsGreyedOnlyWhenAsked() throws Exception {
        long gone = org.department(null);
        org.asHr(() -> directory.abolishDepartment(gone, directory.today()));
        String code = department(gone).code();

        assertThat(page("/directory/departments", employee).select("li[data-code=" + code + "]")).isEmpty();
        Element li = fragment("/directory/departments?abolished=true", employee).selectFirst("li[data-code=" + code + "]");
        assertThat(li.hasClass("abolished")).isTrue();
    }

    @Test
    void rendersTheFormsAsFullPagesAndOnlyTheFormForHtmx() throws Exception {
        long id = org.department(null);
        assertThat(page("/directory/departments/new", hr).getElementById("directory-form")).isNotNull();
        assertThat(fragment("/directory/departments/new", hr).getElementById("directory-form")).isNotNull();
        Document edit = page("/directory/departments/" + id + "/edit", hr);
        assertThat(edit.getElementById("directory-form").selectFirst("input[name=code]").val()).isEqualTo(department(id).code());
        assertThat(edit.getElementById("directory-managers")).isNotNull();
        assertThat(edit.getElementById("directory-abolish")).isNotNull();
        Document editFragment = fragment("/directory/departments/" + id + "/edit", hr);
        assertThat(editFragment.getElementById("directory-form")).isNotNull();
        assertThat(editFragment.getElementById("directory-managers")).isNull();
    }

    @Test
    void createsADepartmentUnderAParentFromTheForm() throws Exception {
        long parent = org.department(null);
        String code = Organisation.unique("NEW");
        mvc.perform(post("/directory/departments").with(as(hr)).with(csrf())
                        .param("code", code).param("nameJa", "新部署").param("nameEn", "New team")
                        .param("parentId", String.valueOf(parent)))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/directory/departments"));
        DepartmentView created = org.asHr(() -> directory.findDepartmentByCode(code)).orElseThrow();
        assertThat(created.parentId()).isEqualTo(parent);
        assertThat(created.nameEn()).isEqualTo("New team");
    }

    @Test
    void answersAnHtmxSubmissionWithARedirectHeader() throws Exception {
        mvc.perform(post("/directory/departments").with(as(hr)).with(csrf()).header("HX-Request", "true")
                        .param("code", Organisation.unique("HX")).param("nameJa", "htmx 部署"))
                .andExpect(status().isOk()).andExpect(header().string("HX-Redirect", "/directory/departments"));
    }

    @Test
    void showsErrorsBesideTheFieldsAndKeepsTheInput() throws Exception {
        String taken = department(org.department(null)).code();
        String html = mvc.perform(post("/directory/departments").with(as(hr)).with(csrf())
                        .param("code", taken).param("nameJa", "").param("nameEn", "Kept"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Document doc = Jsoup.parse(html);
        assertThat(doc.getElementById("nameJa-error").text()).isEqualTo("部署名を入力してください。");
        assertThat(doc.selectFirst("input[name=nameEn]").val()).isEqualTo("Kept");

        html = mvc.perform(post("/directory/departments").with(as(hr)).with(csrf()).header("HX-Request", "true")
                        .param("code", taken).param("nameJa", "重複"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        doc = Jsoup.parse(html);
        assertThat(html).doesNotContain("<html");
        assertThat(doc.getElementById("code-error").text()).contains(taken).contains("既に使われています");
    }

    @Test
    void refusesAParentThatWouldMakeACycle() throws Exception {
        long top = org.department(null);
        long child = org.department(top);
        DepartmentView t = department(top);
        String html = mvc.perform(post("/directory/departments/" + top).with(as(hr)).with(csrf())
                        .param("code", t.code()).param("nameJa", t.nameJa()).param("parentId", String.valueOf(child)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(html).getElementById("parentId-error").text()).contains("下位部署");
        assertThat(department(top).parentId()).isNull();
    }

    @Test
    void assignsManagersByEmployeeNumberAndNamesUnknownNumbers() throws Exception {
        long id = org.department(null);
        String number = Organisation.unique("M");
        long manager = org.person(id, number, "管理 花子", "かんり はなこ");
        mvc.perform(post("/directory/departments/" + id + "/managers").with(as(hr)).with(csrf()).param("managers", number))
                .andExpect(status().is3xxRedirection());
        assertThat(department(id).managers()).extracting(DepartmentView.PersonRef::id).containsExactly(manager);

        String html = mvc.perform(post("/directory/departments/" + id + "/managers").with(as(hr)).with(csrf())
                        .param("managers", number + ", NOBODY-" + number))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(html).getElementById("managers-error").text()).contains("NOBODY-" + number);
        assertThat(department(id).managers()).hasSize(1);
    }

    @Test
    void abolishesADepartmentOnADateAndRefusesOneWithMembers() throws Exception {
        long empty = org.department(null);
        mvc.perform(post("/directory/departments/" + empty + "/abolish").with(as(hr)).with(csrf())
                        .param("abolishedOn", "2026-03-31"))
                .andExpect(status().is3xxRedirection());
        assertThat(department(empty).active()).isFalse();
        assertThat(department(empty).abolishedOn()).hasToString("2026-03-31");

        long staffed = org.department(null);
        org.person(staffed);
        String html = mvc.perform(post("/directory/departments/" + staffed + "/abolish").with(as(hr)).with(csrf())
                        .param("abolishedOn", "2026-03-31"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(html).getElementById("directory-abolish").text()).contains("所属している従業員等がいる");
        assertThat(department(staffed).active()).isTrue();
    }

    @Test
    void showsEnglishNamesToEnglishReaders() throws Exception {
        long id = org.asHr(() -> directory.createDepartment(new dev.mamori.directory.DepartmentDraft(
                Organisation.unique("EN"), "営業部", "Sales", null)));
        var english = users.inLanguage(users.create(Role.EMPLOYEE), java.util.Locale.ENGLISH);
        Element row = page("/directory/departments", english).selectFirst("li[data-code=" + department(id).code() + "] strong");
        assertThat(row.text()).isEqualTo("Sales");
        assertThat(List.of(row.text())).doesNotContain("営業部");
    }
}
