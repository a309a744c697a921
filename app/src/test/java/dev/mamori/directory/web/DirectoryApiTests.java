package dev.mamori.directory.web;

import static dev.mamori.support.TestUsers.as;
import static dev.mamori.support.TestUsers.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import dev.mamori.directory.Directory;
import dev.mamori.ledger.Ledger;
import dev.mamori.ledger.LedgerEntry;
import dev.mamori.ledger.Subject;
import dev.mamori.platform.Role;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;

@MamoriTest
class DirectoryApiTests {

    @Autowired MockMvc mvc;
    @Autowired Directory directory;
    @Autowired Ledger ledger;
    @Autowired TestUsers users;

    Organisation org;
    String hr;

    @BeforeEach
    void setUp() {
        org = new Organisation(directory, users);
        hr = users.token(users.create(Role.HR));
    }

    ResultActions call(MockHttpServletRequestBuilder request, String token) throws Exception {
        return mvc.perform(request.header("Authorization", bearer(token)));
    }

    ResultActions send(MockHttpServletRequestBuilder request, String token, String json) throws Exception {
        return call(request.contentType(MediaType.APPLICATION_JSON).content(json), token);
    }

    static long id(ResultActions result) throws Exception {
        return ((Number) JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.id")).longValue();
    }

    @Test
    void createsReadsChangesAndAbolishesADepartment() throws Exception {
        String code = Organisation.unique("API");
        ResultActions created = send(post("/api/v1/departments"), hr,
                "{\"code\":\"" + code + "\",\"nameJa\":\"開発部\",\"nameEn\":\"Development\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.code").value(code))
                .andExpect(jsonPath("$.active").value(true));
        long id = id(created);
        created.andExpect(header().string("Location", "/api/v1/departments/" + id));

        long child = id(send(post("/api/v1/departments"), hr,
                "{\"code\":\"" + code + "-1\",\"nameJa\":\"第一課\",\"parentId\":" + id + "}").andExpect(status().isCreated()));
        call(get("/api/v1/departments/" + child), hr).andExpect(jsonPath("$.parentId").value(id));

        send(put("/api/v1/departments/" + child), hr, "{\"code\":\"" + code + "-1\",\"nameJa\":\"第一グループ\",\"parentId\":" + id + "}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.nameJa").value("第一グループ"));

        call(get("/api/v1/departments"), hr)
                .andExpect(jsonPath("$[?(@.code == '" + code + "-1')].nameJa").value("第一グループ"));
        call(get("/api/v1/departments?tree=true"), hr)
                .andExpect(jsonPath("$[?(@.code == '" + code + "')].children[0].code").value(code + "-1"));

        send(post("/api/v1/departments/" + child + "/abolish"), hr, "{\"abolishedOn\":\"2026-03-31\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.active").value(false))
                .andExpect(jsonPath("$.abolishedOn").value("2026-03-31"));
        call(get("/api/v1/departments"), hr).andExpect(jsonPath("$[?(@.code == '" + code + "-1')]").isEmpty());
        call(get("/api/v1/departments?includeAbolished=true"), hr)
                .andExpect(jsonPath("$[?(@.code == '" + code + "-1')].active").value(false));
    }

    @Test
    void assignsManagersByIdOrEmployeeNumber() throws Exception {
        long dept = org.department(null);
        String number = Organisation.unique("M");
        long manager = org.person(dept, number, "管理 一郎", "かんり いちろう");
        send(put("/api/v1/departments/" + dept + "/managers"), hr, "{\"employeeNumbers\":[\"" + number + "\"]}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.managers[0].personId").value(manager));
        send(put("/api/v1/departments/" + dept + "/managers"), hr, "{\"personIds\":[]}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.managers").isEmpty());
        send(put("/api/v1/departments/" + dept + "/managers"), hr, "{\"employeeNumbers\":[\"NO-" + number + "\"]}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("managers"))
                .andExpect(jsonPath("$.detail_en").value(Matchers.containsString("NO-" + number)));
    }

    @Test
    void roundTripsAPersonAndRefusesAStaleVersion() throws Exception {
        long dept = org.department(null);
        long other = org.department(null);
        String number = Organisation.unique("R");
        ResultActions created = send(post("/api/v1/people"), hr, """
                {"employeeNumber":"%s","name":"佐藤 花子","nameKana":"さとう はなこ","email":"hanako@example.jp",
                 "position":"主任","employmentType":"REGULAR","primaryDepartmentId":%d,"additionalDepartmentIds":[%d],
                 "joinedOn":"2020-04-01"}""".formatted(number, dept, other))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.departments[0].id").value(dept))
                .andExpect(jsonPath("$.departments[0].primary").value(true))
                .andExpect(jsonPath("$.departments[1].id").value(other));
        long id = id(created);
        int version = JsonPath.read(created.andReturn().getResponse().getContentAsString(), "$.version");

        call(get("/api/v1/people/" + id), hr).andExpect(jsonPath("$.employeeNumber").value(number))
                .andExpect(jsonPath("$.joinedOn").value("2020-04-01"));
        call(get("/api/v1/people?q=" + number), hr).andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(id)).andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(50));

        String change = """
                {"employeeNumber":"%s","name":"佐藤 花子","nameKana":"さとう はなこ","position":"係長",
                 "employmentType":"REGULAR","primaryDepartmentId":%d,"version":%d}""";
        send(put("/api/v1/people/" + id), hr, change.formatted(number, dept, version))
                .andExpect(status().isOk()).andExpect(jsonPath("$.position").value("係長"))
                .andExpect(jsonPath("$.version").value(version + 1));
        send(put("/api/v1/people/" + id), hr, change.formatted(number, other, version))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("directory.person.changedMeanwhile"))
                .andExpect(jsonPath("$.detail_ja").value(Matchers.containsString("他の人によって更新")))
                .andExpect(jsonPath("$.detail_en").isNotEmpty());
        send(put("/api/v1/people/" + id), hr, """
                {"employeeNumber":"%s","name":"佐藤 花子","nameKana":"さとう はなこ","employmentType":"REGULAR",
                 "primaryDepartmentId":%d}""".formatted(number, dept))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("version"));
        call(get("/api/v1/people/" + id), hr).andExpect(jsonPath("$.departments.length()").value(1));
    }

    @Test
    void walksThroughTheLifecycleAndRecordsEachStepInTheLedger() throws Exception {
        long dept = org.department(null);
        String number = Organisation.unique("LC");
        long id = id(send(post("/api/v1/people"), hr, """
                {"employeeNumber":"%s","name":"新人 一郎","nameKana":"しんじん いちろう","employmentType":"CONTRACT",
                 "primaryDepartmentId":%d,"joinedOn":"2099-04-01"}""".formatted(number, dept))
                .andExpect(jsonPath("$.status").value("PROSPECTIVE")));
        String base = "/api/v1/people/" + id;
        send(post(base + "/join"), hr, "{\"date\":\"2026-04-01\"}").andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.joinedOn").value("2026-04-01"));
        send(post(base + "/leave-of-absence"), hr, "{\"date\":\"2026-06-01\"}").andExpect(jsonPath("$.status").value("ON_LEAVE"))
                .andExpect(jsonPath("$.leaveFrom").value("2026-06-01"));
        send(post(base + "/return"), hr, "{\"date\":\"2026-09-01\"}").andExpect(jsonPath("$.status").value("ACTIVE"));
        send(post(base + "/leave-notice"), hr, "{\"noticeDate\":\"2026-10-01\",\"lastWorkingDay\":\"2026-12-31\"}")
                .andExpect(jsonPath("$.status").value("LEAVING")).andExpect(jsonPath("$.lastWorkingDay").value("2026-12-31"));
        call(post(base + "/leave-notice/withdraw"), hr).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ACTIVE"));
        send(post(base + "/left"), hr, "{\"date\":\"2027-01-31\"}").andExpect(jsonPath("$.status").value("LEFT"))
                .andExpect(jsonPath("$.leftOn").value("2027-01-31"));
        send(post(base + "/return"), hr, "{\"date\":\"2027-02-01\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("directory.lifecycle.returnOnlyOnLeave"));

        assertThat(ledger.historyOf(Subject.of("person", id))).extracting(LedgerEntry::action).containsExactly(
                "directory.person.registered", "directory.person.joined", "directory.person.leaveOfAbsenceStarted",
                "directory.person.returnedFromLeave", "directory.person.leaveNotified", "directory.person.leaveRetracted",
                "directory.person.left");
        assertThat(ledger.historyOf(Subject.of("person", id))).allSatisfy(e -> assertThat(e.actor().kind().name()).isEqualTo("TOKEN"));
    }

    @Test
    void answersBadInputWithProblemDetailsInJapaneseAndEnglish() throws Exception {
        send(post("/api/v1/people"), hr, "{\"employeeNumber\":\"\",\"nameKana\":\"やまだ\"}")
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", Matchers.containsString("application/problem+json")))
                .andExpect(jsonPath("$.detail_ja").value("入力内容に誤りがあります。"))
                .andExpect(jsonPath("$.detail_en").isNotEmpty())
                .andExpect(jsonPath("$.errors[?(@.field == 'name')].message_ja").value("氏名を入力してください。"))
                .andExpect(jsonPath("$.errors[?(@.field == 'name')].message_en").value("Enter the name."))
                .andExpect(jsonPath("$.errors[?(@.field == 'employeeNumber')]").isNotEmpty())
                .andExpect(jsonPath("$.errors[?(@.field == 'primaryDepartmentId')]").isNotEmpty());

        long dept = org.department(null);
        send(post("/api/v1/people"), hr, """
                {"employeeNumber":"%s","name":"山田","nameKana":"yamada","employmentType":"REGULAR","primaryDepartmentId":%d}"""
                .formatted(Organisation.unique("B"), dept))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("nameKana"))
                .andExpect(jsonPath("$.detail_ja").value("ふりがなはひらがなまたはカタカナで入力してください。"))
                .andExpect(jsonPath("$.detail_en").isNotEmpty());

        send(post("/api/v1/departments"), hr, "{\"code\":\"bad code!\",\"nameJa\":\"x\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("code"));
        call(get("/api/v1/people?status=SLEEPING"), hr).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail_ja").isNotEmpty());
    }

    @Test
    void limitsWhatEachCallerSees() throws Exception {
        long top = org.department(null);
        long child = org.department(top);
        long elsewhere = org.department(null);
        long inside = org.person(child);
        long outside = org.person(elsewhere);
        String manager = users.token(users.manager(null, top));
        call(get("/api/v1/people/" + inside), manager).andExpect(status().isOk());
        call(get("/api/v1/people/" + outside), manager).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail_ja").isNotEmpty());
        call(get("/api/v1/people?departmentId=" + top), manager).andExpect(jsonPath("$.total").value(1));
        call(get("/api/v1/people?departmentId=" + elsewhere), manager).andExpect(jsonPath("$.total").value(0));

        var self = users.create(inside, List.of(new dev.mamori.platform.internal.security.RoleGrant(Role.EMPLOYEE, null)));
        String employee = users.token(self);
        call(get("/api/v1/people?size=200"), employee).andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(inside));
        call(get("/api/v1/people/" + inside), employee).andExpect(status().isOk());
        call(get("/api/v1/people/" + outside), employee).andExpect(status().isForbidden());
    }

    @Test
    void publishesTheApiDescriptionToSignedInUsers() throws Exception {
        mvc.perform(get("/v3/api-docs").with(as(users.create(Role.EMPLOYEE))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/departments']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/departments/{id}/managers'].put").exists())
                .andExpect(jsonPath("$.paths['/api/v1/departments/{id}/abolish'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/people'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/people/{id}'].put").exists())
                .andExpect(jsonPath("$.paths['/api/v1/people/{id}/leave-notice/withdraw'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/people/{id}/left'].post").exists());
        mvc.perform(get("/v3/api-docs")).andExpect(status().is3xxRedirection());
    }
}
