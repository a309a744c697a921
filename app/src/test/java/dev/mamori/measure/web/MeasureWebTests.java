package dev.mamori.measure.web;

import static dev.mamori.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

import dev.mamori.directory.DepartmentDraft;
import dev.mamori.directory.Directory;
import dev.mamori.directory.EmploymentType;
import dev.mamori.directory.PersonDraft;
import dev.mamori.ledger.Ledger;
import dev.mamori.ledger.LedgerEntry;
import dev.mamori.ledger.Subject;
import dev.mamori.measure.CustomMeasureDraft;
import dev.mamori.measure.Measures;
import dev.mamori.measure.Purpose;
import dev.mamori.measure.Route;
import dev.mamori.measure.Selection;
import dev.mamori.measure.SelectionDraft;
import dev.mamori.measure.SelectionStatus;
import dev.mamori.platform.InvalidInputException;
import dev.mamori.platform.Role;
import dev.mamori.platform.TaskContributor;
import dev.mamori.platform.internal.security.MamoriUserDetails;
import dev.mamori.platform.internal.security.RoleGrant;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;

/**
 * The measure API and pages: who may read and change what (anonymous, EMPLOYEE, owner, readers, editors), the
 * ledger entries of every change, owner reports with evidence files and their SHA-256, and tasks for overdue work.
 */
@MamoriTest
class MeasureWebTests {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Directory directory;
    @Autowired Measures measures;
    @Autowired Ledger ledger;
    @Autowired List<TaskContributor> contributors;

    <T> T signedIn(MamoriUserDetails user, java.util.function.Supplier<T> work) {
        var before = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(before);
        }
    }

    /** An EMPLOYEE account linked to a new person. */
    MamoriUserDetails employeeWithPerson() {
        MamoriUserDetails hr = users.create(Role.HR);
        long person = signedIn(hr, () -> {
            String u = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
            long dept = directory.createDepartment(new DepartmentDraft("D" + u, "部署" + u, null, null));
            return directory.registerPerson(new PersonDraft("E" + u, "担当 花子", "たんとう はなこ", null, "主任",
                    EmploymentType.REGULAR, null, dept, List.of(), LocalDate.now(Directory.JAPAN)));
        });
        return users.create(person, List.of(new RoleGrant(Role.EMPLOYEE, null)));
    }

    /** A selection of a fresh own measure, owned by the given person. */
    Selection selectionOwnedBy(MamoriUserDetails chief, Long ownerPersonId, SelectionStatus status, LocalDate due) {
        return signedIn(chief, () -> {
            var m = measures.addCustom(new CustomMeasureDraft(Route.EMPLOYEE, Purpose.VISIBILITY,
                    "巡回点検 " + UUID.randomUUID(), "週一回の職場巡回"));
            return measures.select(new SelectionDraft(m.id(), List.of("TOP_SECRET"), ownerPersonId, status, null, due,
                    null, null));
        });
    }

    @Test
    void anonymousCallersAreRefused() throws Exception {
        mvc.perform(get("/api/v1/measures/catalog")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/measures/selections")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/measures/coverage").param("level", "TOP_SECRET")).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/measures/selections").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/measures")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/measures/coverage")).andExpect(status().is3xxRedirection());
    }

    @Test
    void everyoneSignedInReadsTheCatalogAsPageFragmentAndJson() throws Exception {
        var employee = users.create(Role.EMPLOYEE);
        mvc.perform(get("/api/v1/measures/catalog").param("route", "PARTNER").param("purpose", "4").with(as(employee)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version.attribution").value(Matchers.containsString("令和4年5月改訂")))
                .andExpect(jsonPath("$.measures[0].title").value("取引先に対する秘密保持義務条項"))
                .andExpect(jsonPath("$.measures[0].page").value(89));
        mvc.perform(get("/measures").param("route", "OUTSIDER").with(as(employee))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("ネットワークの分離")))
                .andExpect(content().string(Matchers.containsString("<html")));
        mvc.perform(get("/measures").param("route", "OUTSIDER").header("HX-Request", "true").with(as(employee)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"measure-table\"")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("<html"))));
    }

    @Test
    void employeesMayNotReadOrEditSelectionsOrCoverage() throws Exception {
        var employee = users.create(Role.EMPLOYEE);
        mvc.perform(get("/api/v1/measures/selections").with(as(employee))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/measures/coverage").param("level", "TOP_SECRET").with(as(employee)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/measures/selections").with(as(employee)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"measureId\":1,\"levelCodes\":[\"TOP_SECRET\"]}")).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/measures/catalog").with(as(employee)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"route\":\"EMPLOYEE\",\"purpose\":\"TRUST\",\"title\":\"x\"}")).andExpect(status().isForbidden());
        mvc.perform(get("/measures/selections").with(as(employee))).andExpect(status().isForbidden());
        mvc.perform(get("/measures/coverage").with(as(employee))).andExpect(status().isForbidden());
        var auditor = users.create(Role.AUDITOR);
        mvc.perform(post("/api/v1/measures/selections").with(as(auditor)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"measureId\":1,\"levelCodes\":[\"TOP_SECRET\"]}")).andExpect(status().isForbidden());
    }

    @Test
    void chiefSelectsOverTheApiAndReadersSeeSelectionsAndCoverage() throws Exception {
        var chief = users.create(Role.CHIEF_OFFICER);
        long measureId = signedIn(chief, () -> measures.addCustom(new CustomMeasureDraft(Route.PARTNER, Purpose.TRUST,
                "取引先懇談会 " + UUID.randomUUID(), null)).id());
        mvc.perform(post("/api/v1/measures/selections").with(as(chief)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"measureId\":" + measureId + ",\"levelCodes\":[\"TOP_SECRET\",\"CONFIDENTIAL\"],"
                                + "\"status\":\"IN_OPERATION\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.reviewInterval").value("P12M"))
                .andExpect(jsonPath("$.nextReview").value(LocalDate.now(Directory.JAPAN).plusMonths(12).toString()));
        mvc.perform(post("/api/v1/measures/selections").with(as(chief)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"measureId\":" + measureId + ",\"levelCodes\":[\"TOP_SECRET\"]}"))
                .andExpect(status().isConflict());
        var auditor = users.create(Role.AUDITOR);
        mvc.perform(get("/api/v1/measures/selections").param("level", "CONFIDENTIAL").with(as(auditor)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.measure.id == " + measureId + ")]").exists());
        mvc.perform(get("/api/v1/measures/coverage").param("level", "CONFIDENTIAL").with(as(auditor)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.coverage.cells.length()").value(20))
                .andExpect(jsonPath("$.findings").isArray());
        mvc.perform(get("/measures/coverage").param("level", "CONFIDENTIAL").with(as(auditor))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"measure-heatmap\"")));
        mvc.perform(get("/measures/coverage").header("HX-Request", "true").with(as(auditor))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("<html"))));
        mvc.perform(get("/measures/selections").with(as(users.create(Role.IT_SECURITY)))).andExpect(status().isOk());
    }

    @Test
    void notApplicableNeedsAReason() {
        var chief = users.create(Role.CHIEF_OFFICER);
        assertThatThrownBy(() -> signedIn(chief, () -> {
            var m = measures.addCustom(new CustomMeasureDraft(Route.LEAVER, Purpose.TRUST, "x " + UUID.randomUUID(), null));
            return measures.select(new SelectionDraft(m.id(), List.of("TOP_SECRET"), null, SelectionStatus.NOT_APPLICABLE,
                    " ", null, null, null));
        })).isInstanceOf(InvalidInputException.class).hasMessageContaining("measure.selection.reasonRequired");
    }

    @Test
    void ownersReportStatusAndEvidenceOthersAreRefusedAndEverythingIsInTheLedger() throws Exception {
        var chief = users.create(Role.CHIEF_OFFICER);
        var owner = employeeWithPerson();
        var other = employeeWithPerson();
        Selection s = selectionOwnedBy(chief, owner.personId(), SelectionStatus.IN_PROGRESS, null);
        String report = "{\"status\":\"IN_OPERATION\",\"reviewed\":true}";
        mvc.perform(put("/api/v1/measures/selections/" + s.id() + "/status").with(as(other))
                .contentType(MediaType.APPLICATION_JSON).content(report)).andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/measures/selections/" + s.id()).with(as(owner))
                .contentType(MediaType.APPLICATION_JSON).content("{\"levelCodes\":[\"TOP_SECRET\"]}"))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/measures/selections/" + s.id() + "/status").with(as(owner))
                        .contentType(MediaType.APPLICATION_JSON).content(report))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("IN_OPERATION"));
        byte[] body = "巡回記録 2026-11".getBytes(StandardCharsets.UTF_8);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        mvc.perform(multipart("/api/v1/measures/selections/" + s.id() + "/evidence")
                        .file(new MockMultipartFile("file", "巡回記録.txt", "text/plain", body)).with(as(owner)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.sha256").value(sha));
        mvc.perform(post("/api/v1/measures/selections/" + s.id() + "/evidence").with(as(owner))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"sourceKey\":\"ledger.trail\"}"))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/measures/selections/" + s.id() + "/evidence").with(as(other))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"url\":\"https://example.com/x\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/measures/selections/" + s.id()).with(as(owner))).andExpect(status().isOk())
                .andExpect(jsonPath("$.evidence[1].current.sourceKey").value("ledger.trail"));
        mvc.perform(get("/api/v1/measures/selections/" + s.id()).with(as(other))).andExpect(status().isForbidden());
        long fileId = signedIn(owner, () -> measures.selection(s.id()).evidence().get(0).id());
        mvc.perform(get("/measures/selections/" + s.id() + "/files/" + fileId).with(as(owner)))
                .andExpect(status().isOk()).andExpect(content().bytes(body));
        mvc.perform(get("/measures/selections/" + s.id() + "/files/" + fileId).with(as(other)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/measures/selections/" + s.id()).with(as(owner))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(sha)));
        mvc.perform(post("/measures/selections/" + s.id() + "/status").with(as(owner)).with(csrf())
                .param("status", "NEEDS_REVIEW")).andExpect(status().is3xxRedirection());
        assertThat(ledger.historyOf(Subject.of("measure-selection", s.id()))).extracting(LedgerEntry::action)
                .containsExactly("measure.selection.created", "measure.selection.statusChanged",
                        "measure.selection.evidenceAdded", "measure.selection.evidenceAdded",
                        "measure.selection.statusChanged");
    }

    @Test
    void overdueSelectionsBecomeTasksForTheirOwnerAndTheChief() {
        var chief = users.create(Role.CHIEF_OFFICER);
        var owner = employeeWithPerson();
        Selection s = selectionOwnedBy(chief, owner.personId(), SelectionStatus.IN_PROGRESS,
                LocalDate.now(Directory.JAPAN).minusDays(3));
        String href = "/measures/selections/" + s.id();
        var ownerTasks = contributors.stream().flatMap(c -> c.tasksFor(owner.toCurrentUser()).stream()).toList();
        assertThat(ownerTasks).anySatisfy(t -> {
            assertThat(t.href()).isEqualTo(href);
            assertThat(t.kind()).isEqualTo("past-due");
        });
        var chiefTasks = contributors.stream().flatMap(c -> c.tasksFor(chief.toCurrentUser()).stream()).toList();
        assertThat(chiefTasks).anyMatch(t -> t.href().equals(href));
        var stranger = employeeWithPerson();
        assertThat(contributors.stream().flatMap(c -> c.tasksFor(stranger.toCurrentUser()).stream()))
                .noneMatch(t -> t.href().equals(href));
    }
}
