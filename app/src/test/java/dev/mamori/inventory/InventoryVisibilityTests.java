package dev.mamori.inventory;

import static dev.mamori.inventory.Register.as;
import static dev.mamori.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import dev.mamori.directory.Directory;
import dev.mamori.platform.AccessRefusedException;
import dev.mamori.platform.NotFoundException;
import dev.mamori.platform.Role;
import dev.mamori.platform.internal.security.MamoriUserDetails;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;

/**
 * Who sees which entries: managers their departments' subtree, employees only what they are access
 * holders of, organisation-wide readers everything — and an entry at the highest level cannot be
 * discovered by anyone outside its access holders, by list, search, API or page.
 */
@MamoriTest
class InventoryVisibilityTests {

    @Autowired MockMvc mvc;
    @Autowired Directory directory;
    @Autowired Inventory inventory;
    @Autowired TestUsers users;

    Register reg;
    long a, a1, b;
    MamoriUserDetails managerA, otherManagerA, managerB, memberA1, holder, outsider, groupMember;
    long plain, confidential, topSecret;
    String tag;

    @BeforeEach
    void setUp() {
        reg = new Register(directory, inventory, users);
        a = reg.department(null);
        a1 = reg.department(a);
        b = reg.department(null);
        managerA = reg.manager(a);
        otherManagerA = reg.manager(a);
        managerB = reg.manager(b);
        memberA1 = reg.employee(a1);
        holder = reg.employee(b);
        outsider = reg.employee(b);
        groupMember = reg.employee(b);
        tag = Register.unique("T");
        plain = reg.asset(managerA, a1, tag + " A1型金型の図面");
        confidential = reg.asset(managerA, a1, tag + " A1型の試験データ");
        topSecret = reg.asset(managerA, a, tag + " 新素材の配合比率");
        reg.designate(managerA, confidential, "CONFIDENTIAL", AccessHolder.department(a));
        long group = as(managerA, () -> inventory.createProjectGroup(Register.unique("PJ"), List.of(groupMember.personId())));
        reg.designate(managerA, topSecret, "TOP_SECRET", AccessHolder.person(holder.personId()), AccessHolder.group(group));
    }

    List<Long> visibleTo(MamoriUserDetails user) {
        return as(user, () -> inventory.search(new AssetQuery(tag, null, null, null, null, null, null), 0, 50))
                .assets().stream().map(AssetView::id).toList();
    }

    @Test
    void aManagerSeesEntriesOfTheDepartmentSubtreeButNotTopSecretOnesOutsideTheHolders() {
        assertThat(visibleTo(managerA)).containsExactlyInAnyOrder(plain, confidential, topSecret); // responsible
        assertThat(visibleTo(otherManagerA)).containsExactlyInAnyOrder(plain, confidential);
        assertThat(visibleTo(managerB)).isEmpty();
    }

    @Test
    void anEmployeeSeesOnlyEntriesTheyHoldAccessTo() {
        assertThat(visibleTo(memberA1)).containsExactly(confidential); // through the parent department A
        assertThat(visibleTo(holder)).containsExactly(topSecret);
        assertThat(visibleTo(groupMember)).containsExactly(topSecret);
        assertThat(visibleTo(outsider)).isEmpty();
    }

    @Test
    void aRestrictedViewersPagesAreInNameOrderWithTheTotalOnEveryPage() {
        AssetQuery query = new AssetQuery(tag, null, null, null, null, null, null);
        // managerA sees the three entries: pages of two, then one, then none past the end, total 3 on each
        AssetPage first = as(managerA, () -> inventory.search(query, 0, 2));
        AssetPage second = as(managerA, () -> inventory.search(query, 1, 2));
        AssetPage beyond = as(managerA, () -> inventory.search(query, 5, 2));
        List<String> names = new java.util.ArrayList<>();
        first.assets().forEach(x -> names.add(x.name()));
        second.assets().forEach(x -> names.add(x.name()));
        assertThat(names).hasSize(3).isSorted();
        assertThat(first.total()).isEqualTo(3);
        assertThat(second.total()).isEqualTo(3);
        assertThat(beyond.assets()).isEmpty();
        assertThat(beyond.total()).isEqualTo(3);
        // an employee's filtered page counts only what they hold
        AssetPage held = as(memberA1, () -> inventory.search(query, 0, 1));
        assertThat(held.total()).isEqualTo(1);
        assertThat(held.assets()).extracting(AssetView::id).containsExactly(confidential);
    }

    @Test
    void organisationWideReadersSeeEveryEntry() {
        for (Role role : List.of(Role.AUDITOR, Role.CHIEF_OFFICER, Role.COMMITTEE)) {
            assertThat(visibleTo(reg.withRole(role))).as(role.name()).containsExactlyInAnyOrder(plain, confidential, topSecret);
        }
        assertThat(visibleTo(reg.withRole(Role.SYSTEM_ADMIN))).isEmpty();
    }

    @Test
    void aTopSecretEntryIsMissingForOutsidersButALowerOneIsRefused() {
        assertThatThrownBy(() -> as(outsider, () -> inventory.asset(topSecret))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(otherManagerA, () -> inventory.asset(topSecret))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(outsider, () -> inventory.asset(confidential))).isInstanceOf(AccessRefusedException.class);
        assertThat(as(holder, () -> inventory.asset(topSecret)).name()).endsWith("新素材の配合比率");
    }

    @Test
    void theApiAnswersATopSecretIdExactlyLikeAMissingOne() throws Exception {
        long missing = topSecret + 1_000_000;
        MvcResult hidden = mvc.perform(get("/api/v1/assets/" + topSecret).with(as(outsider))).andExpect(status().isNotFound()).andReturn();
        MvcResult absent = mvc.perform(get("/api/v1/assets/" + missing).with(as(outsider))).andExpect(status().isNotFound()).andReturn();
        assertThat(hidden.getResponse().getContentAsString().replace(String.valueOf(topSecret), "ID"))
                .isEqualTo(absent.getResponse().getContentAsString().replace(String.valueOf(missing), "ID"));
        assertThat(hidden.getResponse().getContentType()).isEqualTo(absent.getResponse().getContentType());
        mvc.perform(get("/api/v1/assets/" + topSecret + "/timeline").with(as(outsider))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/assets/" + topSecret).with(as(holder))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/assets/" + confidential).with(as(outsider))).andExpect(status().isForbidden());
    }

    @Test
    void theApiListAndSearchNeverMentionATopSecretEntryToOutsiders() throws Exception {
        String list = mvc.perform(get("/api/v1/assets").param("q", tag).with(as(outsider)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).doesNotContain("配合比率").contains("\"total\":0");
        String byName = mvc.perform(get("/api/v1/assets").param("q", "配合比率").param("size", "200").with(as(otherManagerA)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(byName).doesNotContain(tag);
    }

    @Test
    void thePagesAnswerATopSecretIdExactlyLikeAMissingOne() throws Exception {
        mvc.perform(get("/inventory/assets/" + topSecret).with(as(outsider))).andExpect(status().isNotFound());
        mvc.perform(get("/inventory/assets/" + (topSecret + 1_000_000)).with(as(outsider))).andExpect(status().isNotFound());
        mvc.perform(get("/inventory/assets/" + topSecret).with(as(holder))).andExpect(status().isOk());
        String page = mvc.perform(get("/inventory/assets").param("q", tag).with(as(outsider)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("配合比率");
    }

    @Test
    void aManagerOutsideTheSubtreeCannotChangeAnEntry() {
        AssetView v = as(managerA, () -> inventory.asset(plain));
        assertThatThrownBy(() -> as(managerB, () -> {
            inventory.update(plain, v.toDraft(), v.version());
            return null;
        })).isInstanceOf(AccessRefusedException.class);
        assertThatThrownBy(() -> as(memberA1, () -> {
            inventory.update(confidential, v.toDraft(), v.version());
            return null;
        })).isInstanceOf(AccessRefusedException.class);
    }

    @Test
    void onlyTheResponsibleManagerDesignates() {
        assertThatThrownBy(() -> reg.designate(otherManagerA, plain, "CONFIDENTIAL", AccessHolder.department(a)))
                .isInstanceOf(AccessRefusedException.class);
    }
}
