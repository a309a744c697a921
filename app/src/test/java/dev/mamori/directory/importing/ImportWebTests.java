package dev.mamori.directory.importing;

import static dev.mamori.directory.importing.ImportFiles.PEOPLE_HEADER;
import static dev.mamori.directory.importing.ImportFiles.unique;
import static dev.mamori.directory.importing.ImportFiles.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

import dev.mamori.directory.DepartmentDraft;
import dev.mamori.directory.Directory;
import dev.mamori.directory.PersonEvents;
import dev.mamori.platform.Role;
import dev.mamori.platform.internal.security.MamoriUserDetails;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@MamoriTest
class ImportWebTests {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Directory directory;
    @Autowired JsonMapper json;

    MamoriUserDetails hr;
    String department;
    long departmentId;

    @BeforeEach
    void setUp() {
        hr = users.create(Role.HR);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(hr, null, hr.getAuthorities()));
        department = unique("W");
        departmentId = directory.createDepartment(new DepartmentDraft(department, "総務部", "General affairs", null));
        SecurityContextHolder.clearContext();
    }

    byte[] people(String... numbers) {
        List<String> lines = new java.util.ArrayList<>(List.of(PEOPLE_HEADER));
        for (String n : numbers) {
            lines.add(n + ",高橋 次郎,たかはし じろう,takahashi@example.jp," + department + ",,主任,正社員,,在職,2022-04-01,,,,");
        }
        return utf8(lines.toArray(String[]::new));
    }

    @Test
    void walksThroughTheWizardFromUploadToResult() throws Exception {
        String number = unique("W");
        mvc.perform(get("/directory/import").with(TestUsers.as(hr)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"directory-import-file\"")))
                .andExpect(content().string(containsString("id=\"directory-import-kind\"")))
                .andExpect(content().string(containsString("id=\"directory-import-preview\"")));
        String location = mvc.perform(multipart("/directory/import").file(new MockMultipartFile("file", "people.csv",
                                "text/csv", people(number))).param("kind", "people").with(TestUsers.as(hr)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/directory/import/*"))
                .andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(location).with(TestUsers.as(hr)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"directory-import-summary\"")))
                .andExpect(content().string(containsString("id=\"directory-import-apply\"")));
        mvc.perform(get(location).header("HX-Request", "true").with(TestUsers.as(hr)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"directory-import-errors\"")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("<html"))));
        mvc.perform(post(location + "/apply").with(TestUsers.as(hr)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/directory/import/*/result"));
        mvc.perform(get(location + "/result").with(TestUsers.as(hr)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"directory-import-result\"")));
        assertThat(directory.findPersonByEmployeeNumber(number)).isPresent();
    }

    @Test
    void importsAndAppliesOverTheApi() throws Exception {
        String token = users.token(hr);
        String number = unique("I");
        String body = mvc.perform(multipart("/api/v1/people/import")
                        .file(new MockMultipartFile("file", "people.csv", "text/csv", people(number, number)))
                        .header("Authorization", TestUsers.bearer(token)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.errorCount").value(1))
                .andExpect(jsonPath("$.errors[0].row").value(3))
                .andExpect(jsonPath("$.errors[0].code").value("directory.import.duplicateKey"))
                .andExpect(jsonPath("$.errors[0].message_ja").value(containsString("重複")))
                .andExpect(jsonPath("$.errors[0].message_en").value(containsString("more than once")))
                .andReturn().getResponse().getContentAsString();
        String refusedId = json.readTree(body).get("id").asString();
        mvc.perform(post("/api/v1/imports/" + refusedId + "/apply").header("Authorization", TestUsers.bearer(token)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("directory.import.hasErrors"));

        body = mvc.perform(multipart("/api/v1/people/import")
                        .file(new MockMultipartFile("file", "people.csv", "text/csv", people(number)))
                        .param("encoding", "utf-8").header("Authorization", TestUsers.bearer(token)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.toCreate").value(1))
                .andExpect(jsonPath("$.events[0].event").value("PersonJoined"))
                .andReturn().getResponse().getContentAsString();
        JsonNode preview = json.readTree(body);
        mvc.perform(post("/api/v1/imports/" + preview.get("id").asString() + "/apply").header("Authorization", TestUsers.bearer(token)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.appliedAt").isNotEmpty());
        assertThat(directory.findPersonByEmployeeNumber(number)).isPresent();
    }

    @Test
    void exportsReimportUnchangedInEveryFormatAndOpenInPoi() throws Exception {
        String a = unique("R");
        String b = unique("R");
        String token = users.token(hr);
        String id = json.readTree(mvc.perform(multipart("/api/v1/people/import")
                        .file(new MockMultipartFile("file", "people.csv", "text/csv", people(a, b)))
                        .header("Authorization", TestUsers.bearer(token)))
                .andReturn().getResponse().getContentAsString()).get("id").asString();
        mvc.perform(post("/api/v1/imports/" + id + "/apply").header("Authorization", TestUsers.bearer(token))).andExpect(status().isOk());

        // a manager of the department exports exactly its people (their scope)
        MamoriUserDetails manager = users.manager(null, departmentId);
        for (String[] format : new String[][] {{"csv", "utf-8"}, {"csv", "shift_jis"}, {"xlsx", ""}}) {
            byte[] export = mvc.perform(get("/directory/export/people").param("format", format[0]).param("encoding", format[1])
                            .with(TestUsers.as(manager)))
                    .andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsByteArray();
            if (format[0].equals("xlsx")) {
                try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(export))) {
                    assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("社員番号");
                    assertThat(workbook.getSheetAt(0).getPhysicalNumberOfRows()).isEqualTo(3);
                }
            } else if (format[1].equals("utf-8")) {
                assertThat(export[0] & 0xff).isEqualTo(0xEF);
                assertThat(new String(export, StandardCharsets.UTF_8)).contains(a, b, "高橋 次郎");
            } else {
                assertThat(new String(export, ImportFiles.SHIFT_JIS)).contains(a, b, "高橋 次郎");
            }
            mvc.perform(multipart("/api/v1/people/import")
                            .file(new MockMultipartFile("file", "export." + format[0], "application/octet-stream", export))
                            .header("Authorization", TestUsers.bearer(token)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.errorCount").value(0))
                    .andExpect(jsonPath("$.rows").value(2))
                    .andExpect(jsonPath("$.toCreate").value(0))
                    .andExpect(jsonPath("$.toChange").value(0))
                    .andExpect(jsonPath("$.unchanged").value(2));
        }

        byte[] departments = mvc.perform(get("/api/v1/departments/export").param("format", "xlsx")
                        .header("Authorization", TestUsers.bearer(token)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        mvc.perform(multipart("/api/v1/departments/import")
                        .file(new MockMultipartFile("file", "departments.xlsx", "application/octet-stream", departments))
                        .header("Authorization", TestUsers.bearer(token)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.errorCount").value(0))
                .andExpect(jsonPath("$.toCreate").value(0))
                .andExpect(jsonPath("$.toChange").value(0));
    }

    @Test
    void refusesAnonymousAndUnprivilegedCallers() throws Exception {
        MamoriUserDetails employee = users.create(Role.EMPLOYEE);
        MockMultipartFile file = new MockMultipartFile("file", "people.csv", "text/csv", people(unique("Z")));
        mvc.perform(get("/directory/import")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/directory/import").with(TestUsers.as(employee))).andExpect(status().isForbidden());
        mvc.perform(multipart("/directory/import").file(file).with(TestUsers.as(employee)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/directory/export/people").with(TestUsers.as(employee))).andExpect(status().isForbidden());
        mvc.perform(multipart("/api/v1/people/import").file(file)).andExpect(status().isUnauthorized());
        String employeeToken = users.token(employee);
        mvc.perform(multipart("/api/v1/people/import").file(file).header("Authorization", TestUsers.bearer(employeeToken)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/people/export").header("Authorization", TestUsers.bearer(employeeToken)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/people/export")).andExpect(status().isUnauthorized());

        // another HR user cannot apply someone else's preview
        String id = json.readTree(mvc.perform(multipart("/api/v1/people/import").file(file)
                        .header("Authorization", TestUsers.bearer(users.token(hr))))
                .andReturn().getResponse().getContentAsString()).get("id").asString();
        mvc.perform(post("/api/v1/imports/" + id + "/apply")
                        .header("Authorization", TestUsers.bearer(users.token(users.create(Role.HR)))))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/imports/" + id + "/apply")
                        .header("Authorization", TestUsers.bearer(employeeToken)))
                .andExpect(status().isForbidden());
    }
}
