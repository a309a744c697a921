package dev.mamori.inventory;

import static dev.mamori.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import dev.mamori.directory.Directory;
import dev.mamori.platform.DashboardCard;
import dev.mamori.platform.DashboardContributor;
import dev.mamori.platform.NavigationContributor;
import dev.mamori.platform.internal.security.MamoriUserDetails;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;

/**
 * Overdue reviews on the dashboard and in the register filter, counted with the viewer's visibility;
 * navigation; and the API in the OpenAPI document.
 */
@MamoriTest
class InventoryDashboardTests {

    @Autowired MockMvc mvc;
    @Autowired Directory directory;
    @Autowired Inventory inventory;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired List<DashboardContributor> dashboards;
    @Autowired List<NavigationContributor> navigation;

    long overdue(MamoriUserDetails user) {
        return Register.as(user, () -> dashboards.stream().flatMap(d -> d.cards(user.toCurrentUser()).stream())
                .filter(c -> c.messageKey().equals("inventory.dashboard.reviewOverdue")).mapToLong(DashboardCard::count)
                .sum());
    }

    @Test
    void countsOverdueReviewsOnlyAmongEntriesTheViewerSees() throws Exception {
        Register reg = new Register(directory, inventory, users);
        long dept = reg.department(null);
        MamoriUserDetails manager = reg.manager(dept);
        MamoriUserDetails outsider = reg.manager(reg.department(null));
        String name = Register.unique("OV") + " F600型バルブの検査データ";
        long asset = reg.asset(manager, dept, name);
        long managerBefore = overdue(manager);
        long outsiderBefore = overdue(outsider);
        // a review date in the past (as if a year went by)
        jdbc.sql("update inventory.asset set next_review_on = current_date - 1 where id = ?").param(asset).update();
        assertThat(overdue(manager)).isEqualTo(managerBefore + 1);
        assertThat(overdue(outsider)).isEqualTo(outsiderBefore);
        String list = mvc.perform(get("/inventory/assets").param("reviewDue", "true").param("q", name).with(as(manager)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).contains(name);
        mvc.perform(get("/").with(as(manager))).andExpect(status().isOk());
    }

    @Test
    void listsTheRegisterAndDeclarationsInTheNavigation() {
        assertThat(navigation.stream().flatMap(n -> n.navigationItems().stream()).map(i -> i.path()))
                .contains("/inventory/assets", "/inventory/declarations");
    }

    @Test
    void documentsTheApiInOpenApi() throws Exception {
        MamoriUserDetails user = users.create(dev.mamori.platform.Role.AUDITOR);
        String doc = mvc.perform(get("/v3/api-docs").with(as(user))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(doc).contains("/api/v1/assets/{id}/designation", "/api/v1/assets/{id}/evaluations",
                "/api/v1/assets/{id}/decisions", "/api/v1/assets/declarations", "/api/v1/assets/{id}/disposal");
    }
}
