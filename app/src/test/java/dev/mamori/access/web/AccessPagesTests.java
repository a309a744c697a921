package dev.mamori.access.web;

import static dev.mamori.support.TestUsers.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import dev.mamori.directory.Directory;
import dev.mamori.inventory.AccessHolder;
import dev.mamori.inventory.Inventory;
import dev.mamori.inventory.Register;
import dev.mamori.platform.internal.security.MamoriUserDetails;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;

/** The grants, review, request and inbox pages: full pages, htmx fragments, and who may use them. */
@MamoriTest
class AccessPagesTests {

    @Autowired MockMvc mvc;
    @Autowired Directory directory;
    @Autowired Inventory inventory;
    @Autowired TestUsers users;

    @Test
    void theManagerGrantsFromTheEntrysPageAndTheGrantIsListedForThePerson() throws Exception {
        Register reg = new Register(directory, inventory, users);
        long dept = reg.department(null);
        MamoriUserDetails manager = reg.manager(dept);
        reg.assignManager(dept, manager.personId());
        long secret = reg.asset(manager, dept, Register.unique("極秘"));
        reg.designate(manager, secret, "TOP_SECRET", AccessHolder.person(manager.personId()));
        MamoriUserDetails employee = reg.employee(reg.department(null));

        mvc.perform(get("/access/grants").param("assetId", String.valueOf(secret)).with(as(manager)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("access-grant-form")));
        mvc.perform(post("/access/grants").param("assetId", String.valueOf(secret)).with(as(manager)).with(csrf())
                        .param("holderKind", "PERSON").param("holderRef", directory.findPerson(employee.personId()).orElseThrow().employeeNumber())
                        .param("level", "VIEW").param("reason", "評価のため"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/access/grants?assetId=" + secret));
        mvc.perform(get("/access/grants").with(as(employee)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("評価のため")));
        mvc.perform(get("/access/grants").param("personId", String.valueOf(employee.personId()))
                        .with(as(employee)).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"access-table\"")))
                .andExpect(content().string(not(containsString("<html"))));
        // the employee may neither see the entry's grants nor grant
        mvc.perform(get("/access/grants").param("assetId", String.valueOf(secret)).with(as(employee)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/access/grants").param("assetId", String.valueOf(secret)).with(as(employee)).with(csrf())
                        .param("holderKind", "PERSON").param("holderRef", "1").param("level", "VIEW").param("reason", "x"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/access/grants")).andExpect(status().is3xxRedirection());
    }

    @Test
    void requestInboxAndReviewPagesRenderAsPagesAndFragments() throws Exception {
        Register reg = new Register(directory, inventory, users);
        long dept = reg.department(null);
        MamoriUserDetails manager = reg.manager(dept);
        reg.assignManager(dept, manager.personId());
        long secret = reg.asset(manager, dept, Register.unique("極秘"));
        reg.designate(manager, secret, "TOP_SECRET", AccessHolder.person(manager.personId()));
        MamoriUserDetails employee = reg.employee(reg.department(null));

        mvc.perform(post("/access/requests").with(as(employee)).with(csrf()).param("kind", "ACCESS")
                        .param("assetId", String.valueOf(secret)).param("level", "VIEW").param("reason", "設計レビュー")
                        .param("medium", "ELECTRONIC").param("location", "INSIDE_OFFICE"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/access/requests").with(as(employee)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("設計レビュー")));
        mvc.perform(get("/access/inbox").with(as(manager)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("設計レビュー")));
        mvc.perform(get("/access/inbox").with(as(manager)).header("HX-Request", "true"))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("<html"))));
        mvc.perform(get("/access/reviews").with(as(manager))).andExpect(status().isOk());
        mvc.perform(get("/access/reviews").with(as(employee))).andExpect(status().isForbidden());
    }
}
