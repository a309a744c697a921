package dev.mamori.access;

import static dev.mamori.access.AccessWorld.as;
import static dev.mamori.support.TestUsers.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import dev.mamori.directory.Directory;
import dev.mamori.inventory.AccessHolder;
import dev.mamori.inventory.Inventory;
import dev.mamori.platform.internal.security.MamoriUserDetails;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;

/**
 * Who is refused: a manager of another department may not keep, remove or complete the review of an entry that is
 * not theirs, nor approve its requests through the page; an outsider may not read another's grant or request
 * through the API; nothing changes when they try. A grant past its end is neither kept nor ended again.
 */
@MamoriTest
class AccessRefusalTests {

    @Autowired Directory directory;
    @Autowired Inventory inventory;
    @Autowired TestUsers users;
    @Autowired Access access;
    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;

    @Test
    void aManagerOfAnotherDepartmentIsRefusedEveryReviewActionAndApproval() throws Exception {
        AccessWorld w = new AccessWorld(directory, inventory, users);
        MamoriUserDetails person = w.outsider();
        Grant g = as(w.manager, () -> access.grant(new GrantDraft(w.confidential, AccessHolder.person(person.personId()),
                AccessLevel.VIEW, "担当", null, null)));
        AccessWorld other = new AccessWorld(directory, inventory, users);
        MamoriUserDetails stranger = other.manager;

        mvc.perform(post("/access/reviews/grants/{id}/confirm", g.id()).with(TestUsers.as(stranger)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/access/reviews/grants/{id}/remove", g.id()).with(TestUsers.as(stranger)).with(csrf())
                .param("note", "不要")).andExpect(status().isForbidden());
        mvc.perform(post("/access/reviews/{assetId}/complete", w.confidential).with(TestUsers.as(stranger)).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select ended_at is null and confirmed_at is null from access.entry_grant where id = ?")
                .param(g.id()).query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("select count(*) from access.entry_review where asset_id = ?").param(w.confidential)
                .query(Long.class).single()).isZero();

        MamoriUserDetails requester = w.outsider();
        AccessRequest r = as(requester, () -> access.submit(new RequestDraft(RequestKind.ACCESS, w.topSecret,
                AccessLevel.VIEW, "確認のため", null, null, null, null)));
        mvc.perform(post("/access/inbox/{id}/approve", r.id()).with(TestUsers.as(stranger)).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(as(requester, () -> access.request(r.id())).status()).isEqualTo(AccessRequest.Status.PENDING);
        assertThat(as(requester, () -> access.request(r.id())).steps()).isEmpty();
    }

    @Test
    void anOutsiderMayNotReadAnothersGrantOrRequestThroughTheApi() throws Exception {
        AccessWorld w = new AccessWorld(directory, inventory, users);
        MamoriUserDetails holder = w.outsider();
        Grant g = as(w.manager, () -> access.grant(new GrantDraft(w.confidential, AccessHolder.person(holder.personId()),
                AccessLevel.VIEW, "担当", null, null)));
        AccessRequest r = as(holder, () -> access.submit(new RequestDraft(RequestKind.ACCESS, w.topSecret,
                AccessLevel.VIEW, "確認のため", null, null, null, null)));
        String outsider = bearer(users.token(w.outsider()));

        mvc.perform(get("/api/v1/access/grants/{id}", g.id()).header("Authorization", outsider))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("access.grant.outOfScope"));
        mvc.perform(get("/api/v1/access/requests/{id}", r.id()).header("Authorization", outsider))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("access.request.outOfScope"));
        // the people concerned may
        mvc.perform(get("/api/v1/access/grants/{id}", g.id()).header("Authorization", bearer(users.token(holder))))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/access/requests/{id}", r.id()).header("Authorization", bearer(users.token(w.manager))))
                .andExpect(status().isOk());
    }

    @Test
    void aGrantPastItsEndIsNeitherKeptNorEndedAgain() throws Exception {
        AccessWorld w = new AccessWorld(directory, inventory, users);
        MamoriUserDetails person = w.outsider();
        Grant g = as(w.manager, () -> access.grant(new GrantDraft(w.confidential, AccessHolder.person(person.personId()),
                AccessLevel.VIEW, "短期", null, null)));
        jdbc.sql("update access.entry_grant set starts_at = now() - interval '3 days', ends_at = now() - interval '1 day' where id = ?")
                .param(g.id()).update();

        mvc.perform(post("/api/v1/access/grants/{id}/end", g.id()).header("Authorization", bearer(users.token(w.manager)))
                        .contentType("application/json").content("{\"note\":\"終了\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("access.grant.alreadyEnded"));
        mvc.perform(get("/access/grants").param("assetId", String.valueOf(w.confidential)).with(TestUsers.as(w.manager)))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("期間満了")));
        assertThat(as(w.manager, () -> access.reviews())).noneMatch(r -> r.grants().stream().anyMatch(x -> x.id() == g.id()));
        assertThat(jdbc.sql("select end_reason is null from access.entry_grant where id = ?").param(g.id())
                .query(Boolean.class).single()).isTrue();
    }
}
