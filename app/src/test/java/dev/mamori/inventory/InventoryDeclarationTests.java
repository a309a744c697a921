package dev.mamori.inventory;

import static dev.mamori.inventory.Register.as;
import static dev.mamori.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import dev.mamori.directory.Directory;
import dev.mamori.inventory.internal.DeclarationRepository;
import dev.mamori.platform.NotFoundException;
import dev.mamori.platform.internal.security.MamoriUserDetails;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;

/**
 * Declarations (申告): any employee declares, the department's manager designates or rejects with a
 * reason, managers elsewhere cannot even see it, and unanswered ones are selected for a reminder.
 */
@MamoriTest
class InventoryDeclarationTests {

    @Autowired MockMvc mvc;
    @Autowired Directory directory;
    @Autowired Inventory inventory;
    @Autowired DeclarationRepository repository;
    @Autowired TestUsers users;

    Register reg;
    long dept;
    MamoriUserDetails manager;
    MamoriUserDetails employee;

    @BeforeEach
    void setUp() {
        reg = new Register(directory, inventory, users);
        dept = reg.department(null);
        manager = reg.manager(dept);
        employee = reg.employee(dept);
    }

    long declare(String title) {
        return as(employee, () -> inventory.declare(new DeclarationDraft(title, "試作で見つけた条件", AssetKind.TECHNICAL,
                AssetForm.KNOWHOW, "本人", Origin.OWN, null)));
    }

    @Test
    void theDepartmentsManagerDesignatesADeclarationIntoTheRegister() {
        String title = Register.unique("DL") + " 接着工程の硬化条件";
        long id = declare(title);
        assertThat(as(manager, () -> inventory.declarations())).anyMatch(d -> d.id() == id && d.open());
        long assetId = as(manager, () -> inventory.designateDeclaration(id, new DesignationDraft("CONFIDENTIAL",
                List.of(AccessHolder.department(dept)), null, "特許出願の公開まで", null, "製法の中核")));
        AssetView asset = as(manager, () -> inventory.asset(assetId));
        assertThat(asset.name()).isEqualTo(title);
        assertThat(asset.levelId()).isEqualTo("CONFIDENTIAL");
        assertThat(asset.responsiblePersonId()).isEqualTo(manager.personId());
        assertThat(as(employee, () -> inventory.asset(assetId)).name()).isEqualTo(title); // access through the department
        assertThat(as(employee, () -> inventory.declarations())).anyMatch(d -> d.id() == id && d.assetId() == assetId);
    }

    @Test
    void rejectionNeedsAReasonAndManagersElsewhereCannotSeeOrAnswer() {
        long id = declare(Register.unique("DL") + " 会議メモ");
        MamoriUserDetails elsewhere = reg.manager(reg.department(null));
        assertThat(as(elsewhere, () -> inventory.declarations())).noneMatch(d -> d.id() == id);
        assertThatThrownBy(() -> as(elsewhere, () -> {
            inventory.rejectDeclaration(id, "x");
            return null;
        })).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(manager, () -> {
            inventory.rejectDeclaration(id, " ");
            return null;
        })).hasMessageContaining("reasonRequired");
        as(manager, () -> {
            inventory.rejectDeclaration(id, "一般に公開済みの情報のため");
            return null;
        });
        assertThat(as(employee, () -> inventory.declarations())).anyMatch(d -> d.id() == id && d.status().equals("REJECTED"));
    }

    @Test
    void selectsUnansweredDeclarationsForAReminderAfterTheConfiguredDays() {
        long id = declare(Register.unique("DL") + " 見積の算定式");
        LocalDate today = inventory.today();
        int days = inventory.declarationReminderDays();
        assertThat(repository.dueForReminder(today, days)).noneMatch(d -> d.id() == id);
        assertThat(repository.dueForReminder(today.plusDays(days - 1), days)).noneMatch(d -> d.id() == id);
        assertThat(repository.dueForReminder(today.plusDays(days), days)).anyMatch(d -> d.id() == id);
        repository.markReminded(id, today.plusDays(days));
        assertThat(repository.dueForReminder(today.plusDays(days + 1), days)).noneMatch(d -> d.id() == id);
        assertThat(repository.dueForReminder(today.plusDays(2L * days), days)).anyMatch(d -> d.id() == id);
        assertThat(inventory.remindUnansweredDeclarations()).doesNotContain(id);
    }

    @Test
    void declaresThroughThePageAndShowsTheInbox() throws Exception {
        String title = Register.unique("DP") + " 顧客別の値引き条件";
        mvc.perform(post("/inventory/declarations").with(csrf()).with(as(employee)).param("title", title)
                .param("kind", "BUSINESS").param("form", "ELECTRONIC").param("origin", "OWN"))
                .andExpect(status().is3xxRedirection());
        String inbox = mvc.perform(get("/inventory/declarations").with(as(manager)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(inbox).contains(title).contains("/rejection");
        mvc.perform(get("/inventory/declarations/new").with(as(employee))).andExpect(status().isOk());
    }
}
