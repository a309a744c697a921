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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.mamori.directory.Directory;
import dev.mamori.directory.PersonStatus;
import dev.mamori.directory.PersonView;
import dev.mamori.platform.Role;
import dev.mamori.platform.internal.security.MamoriUserDetails;
import dev.mamori.platform.internal.security.RoleGrant;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;

@MamoriTest
class PersonPagesTests {

    @Autowired MockMvc mvc;
    @Autowired Directory directory;
    @Autowired TestUsers users;

    Organisation org;
    MamoriUserDetails hr;

    @BeforeEach
    void setUp() {
        org = new Organisation(directory, users);
        hr = users.create(Role.HR);
    }

    String html(MockHttpServletRequestBuilder request, MamoriUserDetails user) throws Exception {
        return mvc.perform(request.with(as(user))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    Document page(String url, MamoriUserDetails user) throws Exception {
        String html = html(get(url), user);
        assertThat(html).contains("<html").contains("class=\"sidenav\"");
        return Jsoup.parse(html);
    }

    Document fragment(String url, MamoriUserDetails user) throws Exception {
        String html = html(get(url).header("HX-Request", "true"), user);
        assertThat(html).doesNotContain("<html").doesNotContain("sidenav");
        return Jsoup.parse(html);
    }

    static List<String> numbersIn(Document doc) {
        return doc.select("#directory-table tbody tr td:first-child a").eachText();
    }

    PersonView person(long id) {
        return org.asHr(() -> directory.person(id));
    }

    @Test
    void rendersTheListAsAFullPageAndOnlyTheTableForHtmx() throws Exception {
        long dept = org.department(null);
        String number = Organisation.unique("L");
        org.person(dept, number, "一覧 太郎", "いちらん たろう");

        Document full = page("/directory/people?q=" + number, hr);
        Element search = full.getElementById("directory-search");
        assertThat(search.attr("name")).isEqualTo("q");
        assertThat(search.val()).isEqualTo(number);
        assertThat(search.attr("hx-trigger")).isEqualTo("input changed delay:300ms, search");
        assertThat(search.attr("hx-target")).isEqualTo("#directory-table");
        assertThat(search.attr("hx-push-url")).isEqualTo("true");
        assertThat(full.select("#directory-filters select[hx-get]")).hasSize(3);
        assertThat(numbersIn(full)).containsExactly(number);
        Element row = full.selectFirst("#directory-table tbody tr");
        assertThat(row.select("td").eachText()).containsSubsequence("一覧 太郎", "いちらん たろう", "主任", "正社員", "在職");

        Document table = fragment("/directory/people?q=" + number, hr);
        assertThat(table.getElementById("directory-table")).isNotNull();
        assertThat(table.select("table")).hasSize(1);
        assertThat(table.getElementById("directory-search")).isNull();
        assertThat(numbersIn(table)).containsExactly(number);
    }

    @Test
    void findsPeopleByKanaInEitherScriptAndByEmployeeNumberPrefix() throws Exception {
        long dept = org.department(null);
        String prefix = Organisation.unique("P");
        org.person(dept, prefix + "01", "源 義経", "みなもと よしつね");
        org.person(dept, prefix + "02", "平 清盛", "たいら きよもり");
        org.person(dept, Organisation.unique("Q"), "源 頼朝", "ミナモト ヨリトモ");

        assertThat(numbersIn(fragment("/directory/people?q=" + prefix, hr)))
                .containsExactly(prefix + "01", prefix + "02");
        assertThat(numbersIn(fragment("/directory/people?q=" + prefix + "0", hr))).hasSize(2);
        assertThat(fragment("/directory/people?q=よしつね", hr).select("#directory-table td").eachText())
                .contains("源 義経");
        assertThat(fragment("/directory/people?q=みなもとよりとも", hr).select("#directory-table td").eachText())
                .as("hiragana finds a name written in katakana, spaces ignored").contains("源 頼朝");
        assertThat(fragment("/directory/people?q=ヨシツネ", hr).select("#directory-table td").eachText())
                .as("katakana finds a name written in hiragana").contains("源 義経");
    }

    @Test
    void filtersByDepartmentIncludingSubDepartmentsAndByStatus() throws Exception {
        long top = org.department(null);
        long child = org.department(top);
        long elsewhere = org.department(null);
        String inTop = Organisation.unique("T");
        String inChild = Organisation.unique("C");
        String outside = Organisation.unique("O");
        org.person(top, inTop, "上 一郎", "うえ いちろう");
        long childPerson = org.person(child, inChild, "下 二郎", "した じろう");
        org.person(elsewhere, outside, "外 三郎", "そと さぶろう");

        assertThat(numbersIn(fragment("/directory/people?departmentId=" + top, hr)))
                .containsExactlyInAnyOrder(inTop, inChild);
        assertThat(numbersIn(fragment("/directory/people?departmentId=" + child, hr))).containsExactly(inChild);

        org.asHr(() -> directory.startLeaveOfAbsence(childPerson, directory.today()));
        assertThat(numbersIn(fragment("/directory/people?departmentId=" + top + "&status=ON_LEAVE", hr)))
                .containsExactly(inChild);
        assertThat(numbersIn(fragment("/directory/people?departmentId=" + top + "&employmentType=DISPATCHED", hr))).isEmpty();
    }

    @Test
    void pagesThroughFiftyPeopleAtATime() throws Exception {
        long dept = org.department(null);
        String prefix = Organisation.unique("PG");
        for (int i = 0; i < 52; i++) {
            org.person(dept, prefix + String.format("%03d", i), "頁 太郎", "ぺーじ たろう");
        }
        Document first = fragment("/directory/people?departmentId=" + dept, hr);
        assertThat(numbersIn(first)).hasSize(50);
        String next = first.selectFirst(".pager a[hx-get]").attr("hx-get");
        assertThat(next).contains("departmentId=" + dept).contains("page=1");
        assertThat(numbersIn(fragment(next, hr))).containsExactly(prefix + "050", prefix + "051");
    }

    @Test
    void rendersThePersonAsAFullPageWithHistoryNewestFirstAndAFragmentForHtmx() throws Exception {
        long dept = org.department(null);
        long id = org.person(dept);
        org.asHr(() -> directory.startLeaveOfAbsence(id, directory.today()));

        Document full = page("/directory/people/" + id, hr);
        assertThat(full.getElementById("directory-person")).isNotNull();
        assertThat(full.select("#directory-history tbody tr td:nth-child(3)").eachText())
                .containsExactly("休職", "登録");
        assertThat(full.select("#directory-lifecycle form h3").eachText())
                .containsExactly("復職", "退職の申出", "退職");

        Document fragment = fragment("/directory/people/" + id, hr);
        assertThat(fragment.getElementById("directory-person")).isNotNull();
    }

    @Test
    void offersLifecycleActionsOnlyToHrAndSystemAdministrators() throws Exception {
        long dept = org.department(null);
        long id = org.person(dept);
        var self = users.create((long) id, List.of(new RoleGrant(Role.EMPLOYEE, null)));
        Document own = page("/directory/people/" + id, self);
        assertThat(own.getElementById("directory-lifecycle")).isNull();
        assertThat(own.select("a[href$=/edit]")).isEmpty();
    }

    @Test
    void carriesOutALifecycleActionFromThePageAndShowsRefusalsBesideIt() throws Exception {
        long id = org.person(org.department(null));
        mvc.perform(post("/directory/people/" + id + "/leave-notice").with(as(hr)).with(csrf())
                        .param("noticeDate", "2026-11-01").param("lastWorkingDay", "2026-12-31"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/directory/people/" + id));
        assertThat(person(id).status()).isEqualTo(PersonStatus.LEAVING);

        String html = html(post("/directory/people/" + id + "/leave-notice").with(csrf()).header("HX-Request", "true")
                .param("noticeDate", "2026-11-01").param("lastWorkingDay", "2026-10-01"), hr);
        Document doc = Jsoup.parse(html);
        assertThat(html).doesNotContain("<html");
        assertThat(doc.getElementById("directory-action-leave-notice").selectFirst(".alert-error").text())
                .isEqualTo("最終出勤日は退職の申出日以降の日付にしてください。");
        assertThat(doc.getElementById("directory-action-left").select(".alert-error")).isEmpty();

        mvc.perform(post("/directory/people/" + id + "/leave-notice/withdraw").with(as(hr)).with(csrf())
                        .header("HX-Request", "true"))
                .andExpect(header().string("HX-Redirect", "/directory/people/" + id));
        assertThat(person(id).status()).isEqualTo(PersonStatus.ACTIVE);
    }

    @Test
    void rendersTheFormsAsFullPagesAndOnlyTheFormForHtmx() throws Exception {
        long id = org.person(org.department(null));
        assertThat(page("/directory/people/new", hr).getElementById("directory-form")).isNotNull();
        assertThat(fragment("/directory/people/new", hr).getElementById("directory-form")).isNotNull();
        Document edit = page("/directory/people/" + id + "/edit", hr);
        assertThat(edit.selectFirst("#directory-form input[name=version]").val())
                .isEqualTo(String.valueOf(person(id).version()));
        assertThat(edit.selectFirst("#directory-form input[name=employeeNumber]").val()).isEqualTo(person(id).employeeNumber());
        assertThat(fragment("/directory/people/" + id + "/edit", hr).getElementById("directory-form")).isNotNull();
    }

    @Test
    void registersAPersonWithAdditionalDepartmentsAndAnEmployer() throws Exception {
        long main = org.department(null);
        long extra = org.department(null);
        String number = Organisation.unique("N");
        String location = mvc.perform(post("/directory/people").with(as(hr)).with(csrf())
                        .param("employeeNumber", number).param("name", "派遣 花子").param("nameKana", "はけん はなこ")
                        .param("employmentType", "DISPATCHED").param("employer", "株式会社テスト派遣")
                        .param("primaryDepartmentId", String.valueOf(main))
                        .param("additionalDepartmentIds", String.valueOf(extra)).param("joinedOn", "2026-04-01"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        PersonView p = org.asHr(() -> directory.findPersonByEmployeeNumber(number)).orElseThrow();
        assertThat(location).isEqualTo("/directory/people/" + p.id());
        assertThat(p.employer()).isEqualTo("株式会社テスト派遣");
        assertThat(p.departments()).extracting(PersonView.DepartmentRef::id).containsExactly(main, extra);
    }

    @Test
    void showsFieldErrorsFromValidationAndFromTheDirectory() throws Exception {
        long dept = org.department(null);
        Document doc = Jsoup.parse(html(post("/directory/people").with(csrf())
                .param("employeeNumber", "X1").param("name", "").param("nameKana", "yamada")
                .param("employmentType", "REGULAR").param("primaryDepartmentId", String.valueOf(dept)), hr));
        assertThat(doc.getElementById("name-error").text()).isEqualTo("氏名を入力してください。");
        assertThat(doc.selectFirst("input[name=nameKana]").val()).isEqualTo("yamada");

        doc = Jsoup.parse(html(post("/directory/people").with(csrf())
                .param("employeeNumber", Organisation.unique("K")).param("name", "山田").param("nameKana", "yamada")
                .param("employmentType", "REGULAR").param("primaryDepartmentId", String.valueOf(dept)), hr));
        assertThat(doc.getElementById("nameKana-error").text()).isEqualTo("ふりがなはひらがなまたはカタカナで入力してください。");
    }

    @Test
    void refusesAStaleEditAndShowsTheFormAgainWithTheInput() throws Exception {
        long dept = org.department(null);
        long id = org.person(dept);
        PersonView before = person(id);
        org.asHr(() -> directory.updatePerson(id, new dev.mamori.directory.PersonDraft(before.employeeNumber(),
                "別の 変更", before.nameKana(), null, "課長", before.employmentType(), null, dept, List.of(), null),
                before.version()));

        Document doc = Jsoup.parse(html(post("/directory/people/" + id).with(csrf())
                .param("employeeNumber", before.employeeNumber()).param("name", "私の 変更").param("nameKana", "わたし")
                .param("employmentType", "REGULAR").param("primaryDepartmentId", String.valueOf(dept))
                .param("version", String.valueOf(before.version())), hr));
        assertThat(doc.selectFirst("#directory-form .alert-error").text())
                .isEqualTo("この従業員等の情報は他の人によって更新されています。画面を開き直してから変更してください。");
        assertThat(doc.selectFirst("input[name=name]").val()).isEqualTo("私の 変更");
        assertThat(person(id).name()).isEqualTo("別の 変更");
    }

    @Test
    void updatesAPersonAndRecordsTheTransfer() throws Exception {
        long from = org.department(null);
        long to = org.department(null);
        long id = org.person(from);
        PersonView p = person(id);
        mvc.perform(post("/directory/people/" + id).with(as(hr)).with(csrf())
                        .param("employeeNumber", p.employeeNumber()).param("name", p.name()).param("nameKana", p.nameKana())
                        .param("position", "部長").param("employmentType", "REGULAR")
                        .param("primaryDepartmentId", String.valueOf(to)).param("version", String.valueOf(p.version())))
                .andExpect(status().is3xxRedirection());
        assertThat(person(id).primaryDepartment().id()).isEqualTo(to);
        assertThat(page("/directory/people/" + id, hr).select("#directory-history tbody tr td:nth-child(3)").eachText())
                .containsExactly("異動", "基本情報の変更", "登録");
    }
}
