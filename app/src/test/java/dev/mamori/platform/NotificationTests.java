package dev.mamori.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import dev.mamori.platform.internal.notify.NotificationService;
import dev.mamori.platform.internal.security.RoleGrant;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;

/**
 * Notification inboxes: modules send notices, each person reads and clears only their own.
 */
@MamoriTest
class NotificationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    Notifications notifications;

    @Autowired
    NotificationService inbox;

    @Test
    void aNoticeShowsInTheRecipientsInboxInTheirLanguageWithAnUnreadCount() throws Exception {
        var reader = users.create(Role.EMPLOYEE);
        var other = users.create(Role.EMPLOYEE);
        assertThat(notifications.toAccount(reader.accountId(),
                new Notice("platform.notification.unread", List.of("42"), "/tasks"))).isEqualTo(1);

        mvc.perform(get("/notifications").with(TestUsers.as(reader)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("未読 42件")))
                .andExpect(content().string(containsString("class=\"badge-count\"")));
        mvc.perform(get("/notifications").with(TestUsers.as(other)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("未読 42件"))));
        mvc.perform(get("/api/v1/notifications").header("Authorization", TestUsers.bearer(users.token(reader)))
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].text").value("42 unread"))
                .andExpect(jsonPath("$[0].href").value("/tasks"))
                .andExpect(jsonPath("$[0].readAt").doesNotExist());
    }

    @Test
    void onlyTheOwnerMarksANoticeRead() throws Exception {
        var reader = users.create(Role.EMPLOYEE);
        var other = users.create(Role.EMPLOYEE);
        notifications.toAccount(reader.accountId(), new Notice("platform.tasks.open", List.of("3"), "/tasks"));
        long id = inbox.inbox(reader.accountId()).get(0).id();

        mvc.perform(post("/notifications/{id}/read", id).with(TestUsers.as(other)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/notifications/{id}/read", id).header("Authorization", TestUsers.bearer(users.token(other))))
                .andExpect(status().isNotFound());
        assertThat(inbox.unread(reader.accountId())).isEqualTo(1);

        mvc.perform(post("/notifications/{id}/read", id).with(TestUsers.as(reader)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(inbox.unread(reader.accountId())).isZero();
        assertThat(inbox.inbox(reader.accountId()).get(0).readAt()).isNotNull();
    }

    @Test
    void markAllReadClearsOnlyTheCallersInbox() throws Exception {
        var reader = users.create(Role.EMPLOYEE);
        var other = users.create(Role.EMPLOYEE);
        notifications.toAccount(reader.accountId(), new Notice("platform.tasks.open", List.of("1"), null));
        notifications.toAccount(reader.accountId(), new Notice("platform.tasks.open", List.of("2"), null));
        notifications.toAccount(other.accountId(), new Notice("platform.tasks.open", List.of("3"), null));

        mvc.perform(post("/notifications/read").with(TestUsers.as(reader)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(inbox.unread(reader.accountId())).isZero();
        assertThat(inbox.unread(other.accountId())).isEqualTo(1);
    }

    @Test
    void roleAndManagerNoticesReachExactlyTheirHolders() {
        var auditor = users.create(Role.AUDITOR);
        var employee = users.create(Role.EMPLOYEE);
        long department = newDepartment();
        var manager = users.create(null, List.of(new RoleGrant(Role.MANAGER, department)));
        var otherManager = users.create(null, List.of(new RoleGrant(Role.MANAGER, newDepartment())));

        notifications.toRole(Role.AUDITOR, new Notice("platform.tasks.open", List.of("7"), null));
        assertThat(notifications.toManagersOf(department, new Notice("platform.tasks.open", List.of("8"), null)))
                .isEqualTo(1);

        assertThat(texts(auditor.accountId())).contains("7");
        assertThat(texts(employee.accountId())).doesNotContain("7");
        assertThat(texts(manager.accountId())).containsExactly("8");
        assertThat(texts(otherManager.accountId())).isEmpty();
    }

    @Test
    void aPersonWithoutAnAccountHasNoInbox() {
        assertThat(notifications.toPerson(-12345L, new Notice("platform.tasks.open", List.of("1"), null))).isZero();
    }

    @Test
    void onlyLinksInsideMamoriAreFollowed() throws Exception {
        var reader = users.create(Role.EMPLOYEE);
        notifications.toAccount(reader.accountId(), new Notice("platform.tasks.open", List.of("9"), "https://evil.example/"));
        notifications.toAccount(reader.accountId(), new Notice("platform.tasks.open", List.of("10"), "//evil.example/"));
        mvc.perform(get("/notifications").with(TestUsers.as(reader)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("evil.example"))));
    }

    @Test
    void theTaskPageAndTheDashboardCardShowTheCallersTasks() throws Exception {
        var fresh = users.create(Role.EMPLOYEE);
        mvc.perform(get("/tasks").with(TestUsers.as(fresh)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("わたしのタスク")));
        mvc.perform(get("/tasks").with(TestUsers.as(fresh)).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"platform-tasks\"")))
                .andExpect(content().string(not(containsString("<html"))));
        mvc.perform(get("/").with(TestUsers.as(fresh)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/tasks\"")));
        mvc.perform(get("/api/v1/tasks").header("Authorization", TestUsers.bearer(users.token(fresh))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$").isArray());
    }

    @Test
    void anonymousCallersAreRefused() throws Exception {
        mvc.perform(get("/api/v1/notifications")).andExpect(status().isUnauthorized());
        mvc.perform(get("/notifications")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/tasks")).andExpect(status().isUnauthorized());
        mvc.perform(get("/tasks")).andExpect(status().is3xxRedirection());
    }

    @Autowired
    dev.mamori.directory.Directory directory;

    private long newDepartment() {
        var hr = users.create(Role.HR);
        var before = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
                org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(hr, null, hr.getAuthorities()));
        try {
            String code = "N" + java.util.UUID.randomUUID().toString().substring(0, 8);
            return directory.createDepartment(new dev.mamori.directory.DepartmentDraft(code, "通知" + code, null, null));
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(before);
        }
    }

    private List<String> texts(long accountId) {
        return inbox.inbox(accountId).stream().flatMap(n -> n.args().stream()).toList();
    }
}
