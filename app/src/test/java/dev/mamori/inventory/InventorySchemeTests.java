package dev.mamori.inventory;

import static dev.mamori.inventory.Register.as;
import static dev.mamori.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import dev.mamori.directory.Directory;
import dev.mamori.platform.AccessRefusedException;
import dev.mamori.platform.NotFoundException;
import dev.mamori.platform.Role;
import dev.mamori.platform.internal.security.MamoriUserDetails;
import dev.mamori.policy.Level;
import dev.mamori.policy.LevelDraft;
import dev.mamori.policy.LevelEdit;
import dev.mamori.policy.Policy;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;

/**
 * The register uses the policy module's scheme: its levels are the register's levels, and whether an
 * entry's existence is hidden from people outside its access holders follows the level's {@code concealed}
 * flag — switching it on or off changes who can find the entry at once.
 */
@MamoriTest
class InventorySchemeTests {

    @Autowired MockMvc mvc;
    @Autowired Directory directory;
    @Autowired Inventory inventory;
    @Autowired Policy policy;
    @Autowired TestUsers users;

    Register reg;
    long dept;
    MamoriUserDetails responsible, otherManager, holder, outsider, chief;
    String code, tag;
    long entry;

    @BeforeEach
    void setUp() {
        reg = new Register(directory, inventory, users);
        dept = reg.department(null);
        responsible = reg.manager(dept);
        otherManager = reg.manager(dept);
        holder = reg.employee(dept);
        outsider = reg.employee(reg.department(null));
        chief = users.create(Role.CHIEF_OFFICER);
        code = "LV" + Long.toString(System.nanoTime(), 36).toUpperCase();
        as(chief, () -> policy.addLevel(new LevelDraft(code, "部外秘", "Department only",
                200_000 + ThreadLocalRandom.current().nextInt(1_000_000), "#336699", "部外秘", "部内限り")));
        tag = Register.unique("S");
        entry = reg.asset(responsible, dept, tag + " 試作ラインの歩留まりデータ");
        reg.designate(responsible, entry, code, AccessHolder.person(holder.personId()));
    }

    List<Long> found(MamoriUserDetails user) {
        return as(user, () -> inventory.search(new AssetQuery(tag, null, null, null, null, null, null), 0, 50))
                .assets().stream().map(AssetView::id).toList();
    }

    void conceal(boolean concealed) {
        Level l = policy.levels().stream().filter(x -> x.code().equals(code)).findFirst().orElseThrow();
        as(chief, () -> policy.updateLevel(code, new LevelEdit(l.nameJa(), l.nameEn(), l.colour(), l.marking(),
                l.defaultScope(), concealed)));
    }

    @Test
    void theRegisterOffersThePolicySchemesLevelsStrictestFirst() {
        assertThat(inventory.levels()).isEqualTo(policy.levels());
        assertThat(inventory.levels()).extracting(Level::code).startsWith("TOP_SECRET", "CONFIDENTIAL").contains(code);
        assertThat(policy.concealedLevelCodes()).contains("TOP_SECRET").doesNotContain("CONFIDENTIAL", code);
        assertThat(as(responsible, () -> inventory.asset(entry)).marking()).isEqualTo("部外秘");
    }

    @Test
    void aLevelThatDoesNotConcealLetsTheDepartmentsManagersSeeTheEntryAndRefusesOutsidersOpenly() throws Exception {
        assertThat(found(otherManager)).containsExactly(entry);
        assertThat(found(holder)).containsExactly(entry);
        assertThat(found(outsider)).isEmpty();
        assertThatThrownBy(() -> as(outsider, () -> inventory.asset(entry))).isInstanceOf(AccessRefusedException.class);
        mvc.perform(get("/api/v1/assets/" + entry).with(as(outsider))).andExpect(status().isForbidden());
    }

    @Test
    void concealingTheLevelHidesTheEntryFromEveryoneOutsideItsHoldersAndUnconcealingShowsItAgain() throws Exception {
        conceal(true);
        try {
            assertThat(policy.concealedLevelCodes()).contains(code);
            assertThat(found(otherManager)).isEmpty();
            assertThat(found(outsider)).isEmpty();
            assertThat(found(holder)).containsExactly(entry);
            assertThat(found(responsible)).containsExactly(entry);
            assertThatThrownBy(() -> as(otherManager, () -> inventory.asset(entry))).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> as(outsider, () -> inventory.asset(entry))).isInstanceOf(NotFoundException.class);
            mvc.perform(get("/api/v1/assets/" + entry).with(as(outsider))).andExpect(status().isNotFound());
            mvc.perform(get("/inventory/assets/" + entry).with(as(otherManager))).andExpect(status().isNotFound());
            String list = mvc.perform(get("/api/v1/assets").param("q", tag).with(as(otherManager)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(list).doesNotContain("歩留まり").contains("\"total\":0");
            for (Role role : List.of(Role.AUDITOR, Role.CHIEF_OFFICER, Role.COMMITTEE)) {
                assertThat(found(users.create(role))).as(role.name()).containsExactly(entry);
            }
        } finally {
            conceal(false);
        }
        assertThat(found(otherManager)).containsExactly(entry);
        assertThatThrownBy(() -> as(outsider, () -> inventory.asset(entry))).isInstanceOf(AccessRefusedException.class);
    }

    @Test
    void theStrictestLevelStaysConcealedByDefault() {
        long secret = reg.asset(responsible, dept, tag + " 新合金の熱処理条件");
        reg.designate(responsible, secret, "TOP_SECRET", AccessHolder.person(holder.personId()));
        assertThat(found(otherManager)).containsExactly(entry);
        assertThat(found(holder)).containsExactlyInAnyOrder(entry, secret);
        assertThatThrownBy(() -> as(otherManager, () -> inventory.asset(secret))).isInstanceOf(NotFoundException.class);
    }
}
