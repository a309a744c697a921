package dev.mamori.inventory.web;

import static dev.mamori.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import dev.mamori.directory.Directory;
import dev.mamori.inventory.AccessHolder;
import dev.mamori.inventory.Inventory;
import dev.mamori.inventory.Register;
import dev.mamori.platform.internal.security.MamoriUserDetails;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;

/**
 * Every page and API endpoint of the register, one by one: anonymous callers go to the login page or
 * get 401; an employee without access is refused (403) every change; a manager of another department
 * is refused; and for an entry at the highest level every endpoint answers an outsider 404, as for a
 * missing id.
 */
@MamoriTest
class InventoryAuthorizationTests {

    @Autowired MockMvc mvc;
    @Autowired Directory directory;
    @Autowired Inventory inventory;
    @Autowired TestUsers users;
    @Autowired List<RequestMappingHandlerMapping> mappings;

    Register reg;
    long dept;
    long otherDept;
    MamoriUserDetails manager;
    MamoriUserDetails otherManager;
    MamoriUserDetails employee;
    long plain;
    long topSecret;

    record Endpoint(HttpMethod method, String path, boolean write) {

        boolean api() {
            return path.startsWith("/api/");
        }

        MockHttpServletRequestBuilder build() {
            MockHttpServletRequestBuilder r = request(method, path);
            if (api() && method != HttpMethod.GET) {
                r.contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"x\",\"stage\":\"IN_USE\",\"name\":\"x\","
                        + "\"departmentId\":1,\"responsiblePersonId\":1,\"kind\":\"TECHNICAL\",\"origin\":\"OWN\"}");
            }
            return api() ? r : r.with(csrf());
        }
    }

    @BeforeEach
    void setUp() {
        reg = new Register(directory, inventory, users);
        dept = reg.department(null);
        otherDept = reg.department(null);
        manager = reg.manager(dept);
        otherManager = reg.manager(otherDept);
        employee = reg.employee(otherDept);
        plain = reg.asset(manager, dept, Register.unique("AUTHZ") + "製品の設計図面");
        topSecret = reg.asset(manager, dept, Register.unique("AUTHZ") + "新素材の配合");
        reg.designate(manager, topSecret, "TOP_SECRET", AccessHolder.person(manager.personId()));
    }

    List<Endpoint> endpoints(long id) {
        String a = "/api/v1/assets/" + id;
        String p = "/inventory/assets/" + id;
        return List.of(
                new Endpoint(HttpMethod.GET, "/api/v1/assets", false),
                new Endpoint(HttpMethod.POST, "/api/v1/assets", true),
                new Endpoint(HttpMethod.GET, a, false),
                new Endpoint(HttpMethod.GET, a + "/timeline", false),
                new Endpoint(HttpMethod.PUT, a, true),
                new Endpoint(HttpMethod.GET, a + "/evaluations", false),
                new Endpoint(HttpMethod.POST, a + "/evaluations", true),
                new Endpoint(HttpMethod.GET, a + "/standing", false),
                new Endpoint(HttpMethod.POST, a + "/decision/recommendation", false),
                new Endpoint(HttpMethod.GET, a + "/decisions", false),
                new Endpoint(HttpMethod.POST, a + "/decisions", true),
                new Endpoint(HttpMethod.POST, a + "/stage", true),
                new Endpoint(HttpMethod.POST, a + "/unneeded", true),
                new Endpoint(HttpMethod.POST, a + "/disposal", true),
                new Endpoint(HttpMethod.PUT, a + "/designation", true),
                new Endpoint(HttpMethod.POST, a + "/declassification", true),
                new Endpoint(HttpMethod.GET, "/api/v1/assets/declarations", false),
                new Endpoint(HttpMethod.POST, "/api/v1/assets/declarations/" + id + "/designation", true),
                new Endpoint(HttpMethod.POST, "/api/v1/assets/declarations/" + id + "/rejection", true),
                new Endpoint(HttpMethod.GET, "/inventory/declarations", false),
                new Endpoint(HttpMethod.GET, "/inventory/declarations/new", false),
                new Endpoint(HttpMethod.POST, "/inventory/declarations/" + id + "/designation", true),
                new Endpoint(HttpMethod.POST, "/inventory/declarations/" + id + "/rejection", true),
                new Endpoint(HttpMethod.GET, "/api/v1/assets/standings", false),
                new Endpoint(HttpMethod.GET, "/inventory/evaluations", false),
                new Endpoint(HttpMethod.GET, "/inventory/assets", false),
                new Endpoint(HttpMethod.GET, "/inventory/assets/new", true),
                new Endpoint(HttpMethod.POST, "/inventory/assets", true),
                new Endpoint(HttpMethod.GET, p, false),
                new Endpoint(HttpMethod.GET, p + "/edit", true),
                new Endpoint(HttpMethod.POST, p, true),
                new Endpoint(HttpMethod.POST, p + "/stage", true),
                new Endpoint(HttpMethod.GET, p + "/evaluation", true),
                new Endpoint(HttpMethod.GET, p + "/decision", false),
                new Endpoint(HttpMethod.POST, p + "/decision/recommendation", false),
                new Endpoint(HttpMethod.POST, p + "/decision", true),
                new Endpoint(HttpMethod.POST, p + "/evaluation", true),
                new Endpoint(HttpMethod.POST, p + "/unneeded", true),
                new Endpoint(HttpMethod.POST, p + "/disposal", true),
                new Endpoint(HttpMethod.POST, p + "/designation", true),
                new Endpoint(HttpMethod.POST, p + "/declassification", true));
    }

    /** Lists and inboxes: open to every signed-in user, filtered by what they may see. */
    static boolean isList(Endpoint e) {
        return e.path().endsWith("/assets") || e.path().endsWith("/standings") || e.path().equals("/inventory/evaluations");
    }

    @Test
    void everyHandlerOfTheModuleIsListedAndAuthorized() {
        List<String> handlers = new ArrayList<>();
        mappings.forEach(m -> m.getHandlerMethods().forEach((info, method) -> {
            if (method.getBeanType().getPackageName().startsWith("dev.mamori.inventory")) {
                assertThat(method.hasMethodAnnotation(PreAuthorize.class)).as(method.toString()).isTrue();
                handlers.add(method.getMethod().getName());
            }
        }));
        assertThat(handlers).hasSizeGreaterThanOrEqualTo(39);
    }

    @Test
    void anonymousCallersAreSentToLoginOrRefusedWith401() throws Exception {
        for (Endpoint e : endpoints(plain)) {
            int status = mvc.perform(e.build()).andReturn().getResponse().getStatus();
            if (e.api()) {
                assertThat(status).as(e.toString()).isEqualTo(401);
            } else {
                assertThat(status).as(e.toString()).isIn(302, 401, 403);
            }
        }
    }

    @Test
    void anEmployeeIsRefusedEveryChangeAndCannotReadAnEntryOutsideTheirAccess() throws Exception {
        for (Endpoint e : endpoints(plain)) {
            int status = mvc.perform(e.build().with(as(employee))).andReturn().getResponse().getStatus();
            if (e.write()) {
                assertThat(status).as(e.toString()).isEqualTo(403);
            } else if (isList(e) || e.path().contains("declarations")) {
                assertThat(status).as(e.toString()).isEqualTo(200);
            } else {
                assertThat(status).as(e.toString()).isEqualTo(403);
            }
        }
    }

    @Test
    void aManagerOfAnotherDepartmentIsRefusedEveryEndpointOfTheEntry() throws Exception {
        for (Endpoint e : endpoints(plain)) {
            if (isList(e) || e.path().endsWith("/new") || e.path().contains("declarations")) {
                continue;
            }
            int status = mvc.perform(e.build().with(as(otherManager))).andReturn().getResponse().getStatus();
            assertThat(status).as(e.toString()).isEqualTo(403);
        }
    }

    @Test
    void everyEndpointAnswersAnOutsider404ForATopSecretEntryAsForAMissingId() throws Exception {
        for (MamoriUserDetails outsider : List.of(otherManager, reg.manager(dept))) {
            for (Endpoint e : endpoints(topSecret)) {
                if (isList(e) || e.path().endsWith("/new") || e.path().contains("declarations")) {
                    continue;
                }
                int hidden = mvc.perform(e.build().with(as(outsider))).andReturn().getResponse().getStatus();
                Endpoint missing = endpoints(topSecret + 1_000_000).get(endpoints(topSecret).indexOf(e));
                int absent = mvc.perform(missing.build().with(as(outsider))).andReturn().getResponse().getStatus();
                assertThat(hidden).as(e.toString()).isEqualTo(absent);
            }
        }
        assertThat(mvc.perform(request(HttpMethod.GET, "/api/v1/assets/" + topSecret).with(as(otherManager)))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
    }
}
