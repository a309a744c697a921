package dev.mamori.directory.web;

import static dev.mamori.support.TestUsers.as;
import static dev.mamori.support.TestUsers.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;

import org.jsoup.Jsoup;
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
import dev.mamori.platform.Role;
import dev.mamori.platform.internal.security.MamoriUserDetails;
import dev.mamori.platform.internal.security.RoleGrant;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;

/**
 * Every page and API endpoint of the directory, one by one: anonymous callers are sent to the login
 * page (pages) or refused with 401 (API); an employee is refused every change with 403; managers
 * and employees see only the people in their scope.
 */
@MamoriTest
class DirectoryAuthorizationTests {

    @Autowired MockMvc mvc;
    @Autowired Directory directory;
    @Autowired TestUsers users;
    @Autowired List<RequestMappingHandlerMapping> mappings;

    Organisation org;
    long department;
    long person;

    static final String DEPARTMENT = "{\"code\":\"AUTHZ\",\"nameJa\":\"権限確認\"}";
    static final String PERSON = "{\"employeeNumber\":\"AUTHZ\",\"name\":\"権限 確認\",\"nameKana\":\"けんげん\","
            + "\"employmentType\":\"REGULAR\",\"primaryDepartmentId\":1,\"version\":0}";

    record Endpoint(HttpMethod method, String path, boolean write) {

        boolean api() {
            return path.startsWith("/api/");
        }

        MockHttpServletRequestBuilder build() {
            MockHttpServletRequestBuilder r = request(method, path);
            if (api() && method != HttpMethod.GET) {
                // a well-formed body, so that the refusal comes from the authorization and not the validation
                String body = path.matches("/api/v1/departments(/\\d+)?") ? DEPARTMENT
                        : path.matches("/api/v1/people(/\\d+)?") ? PERSON : "{}";
                r.contentType(MediaType.APPLICATION_JSON).content(body);
            }
            return api() ? r : r.with(csrf());
        }
    }

    @BeforeEach
    void setUp() {
        org = new Organisation(directory, users);
        department = org.department(null);
        person = org.person(department);
    }

    List<Endpoint> endpoints() {
        String d = "/directory/departments/" + department;
        String p = "/directory/people/" + person;
        String ad = "/api/v1/departments/" + department;
        String ap = "/api/v1/people/" + person;
        List<Endpoint> all = new ArrayList<>(List.of(
                new Endpoint(HttpMethod.GET, "/directory/departments", false),
                new Endpoint(HttpMethod.GET, "/directory/departments/new", true),
                new Endpoint(HttpMethod.POST, "/directory/departments", true),
                new Endpoint(HttpMethod.GET, d + "/edit", true),
                new Endpoint(HttpMethod.POST, d, true),
                new Endpoint(HttpMethod.POST, d + "/managers", true),
                new Endpoint(HttpMethod.POST, d + "/abolish", true),
                new Endpoint(HttpMethod.GET, "/directory/people", false),
                new Endpoint(HttpMethod.GET, p, false),
                new Endpoint(HttpMethod.GET, "/directory/people/new", true),
                new Endpoint(HttpMethod.POST, "/directory/people", true),
                new Endpoint(HttpMethod.GET, p + "/edit", true),
                new Endpoint(HttpMethod.POST, p, true),
                new Endpoint(HttpMethod.GET, "/api/v1/departments", false),
                new Endpoint(HttpMethod.GET, "/api/v1/departments?tree=true", false),
                new Endpoint(HttpMethod.POST, "/api/v1/departments", true),
                new Endpoint(HttpMethod.GET, ad, false),
                new Endpoint(HttpMethod.PUT, ad, true),
                new Endpoint(HttpMethod.POST, ad + "/abolish", true),
                new Endpoint(HttpMethod.PUT, ad + "/managers", true),
                new Endpoint(HttpMethod.GET, "/api/v1/people", false),
                new Endpoint(HttpMethod.POST, "/api/v1/people", true),
                new Endpoint(HttpMethod.GET, ap, false),
                new Endpoint(HttpMethod.PUT, ap, true)));
        for (LifecycleAction action : LifecycleAction.values()) {
            all.add(new Endpoint(HttpMethod.POST, p + "/" + action.path(), true));
            all.add(new Endpoint(HttpMethod.POST, ap + "/" + action.path(), true));
        }
        return all;
    }

    @Test
    void sendsAnonymousVisitorsToTheLoginPageAndRefusesAnonymousApiCalls() throws Exception {
        for (Endpoint e : endpoints()) {
            if (e.api()) {
                mvc.perform(e.build()).andExpect(status().isUnauthorized());
            } else {
                mvc.perform(e.build()).andExpect(status().is3xxRedirection())
                        .andExpect(header().string("Location", endsWith("/login")));
            }
        }
    }

    @Test
    void tellsHtmxToReloadWhenTheSessionHasExpired() throws Exception {
        mvc.perform(request(HttpMethod.GET, "/directory/people?q=x").header("HX-Request", "true"))
                .andExpect(header().string("HX-Refresh", "true"));
    }

    @Test
    void refusesEveryChangeToAnEmployee() throws Exception {
        var self = users.create(person, List.of(new RoleGrant(Role.EMPLOYEE, null)));
        String token = users.token(self);
        for (Endpoint e : endpoints()) {
            MockHttpServletRequestBuilder r = e.api() ? e.build().header("Authorization", bearer(token))
                    : e.build().with(as(self));
            int expected = e.write() ? 403 : 200;
            int actual = mvc.perform(r).andReturn().getResponse().getStatus();
            assertThat(actual).as(e.method() + " " + e.path()).isEqualTo(expected);
        }
    }

    @Test
    void refusesManagersPeopleOutsideTheirDepartmentsButShowsThoseInside() throws Exception {
        long top = org.department(null);
        long child = org.department(top);
        long inside = org.person(child);
        MamoriUserDetails manager = users.manager(null, top);

        mvc.perform(request(HttpMethod.GET, "/directory/people/" + inside).with(as(manager))).andExpect(status().isOk());
        mvc.perform(request(HttpMethod.GET, "/directory/people/" + person).with(as(manager))).andExpect(status().isForbidden());
        mvc.perform(request(HttpMethod.GET, "/directory/people/" + person).header("HX-Request", "true").with(as(manager)))
                .andExpect(status().isForbidden());
        String html = mvc.perform(request(HttpMethod.GET, "/directory/people?departmentId=" + department).with(as(manager)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(html).select("#directory-table tbody a")).isEmpty();
        mvc.perform(request(HttpMethod.POST, "/directory/people/" + inside + "/left").with(as(manager)).with(csrf())
                .param("date", "2026-12-31")).andExpect(status().isForbidden());
    }

    @Test
    void showsAnEmployeeOnlyThemselvesInTheList() throws Exception {
        org.person(department);
        var self = users.create(person, List.of(new RoleGrant(Role.EMPLOYEE, null)));
        String html = mvc.perform(request(HttpMethod.GET, "/directory/people").with(as(self)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(html).select("#directory-table tbody a").eachAttr("href"))
                .containsExactly("/directory/people/" + person);
    }

    @Test
    void declaresWhoMayCallEveryHandler() {
        List<String> handlers = new ArrayList<>();
        for (RequestMappingHandlerMapping mapping : mappings) {
            mapping.getHandlerMethods().forEach((info, method) -> {
                if (method.getBeanType().getPackageName().equals(LifecycleAction.class.getPackageName())) {
                    handlers.add(method.getBeanType().getSimpleName() + "." + method.getMethod().getName());
                    assertThat(method.hasMethodAnnotation(PreAuthorize.class)
                            || method.getBeanType().isAnnotationPresent(PreAuthorize.class)).as(method.toString()).isTrue();
                }
            });
        }
        assertThat(handlers).hasSizeGreaterThanOrEqualTo(endpoints().size() - 2);
    }
}
