package dev.mamori.inventory.web;

import static dev.mamori.inventory.Register.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import dev.mamori.directory.Directory;
import dev.mamori.inventory.AccessHolder;
import dev.mamori.inventory.Criterion;
import dev.mamori.inventory.EvaluationDraft;
import dev.mamori.inventory.Inventory;
import dev.mamori.inventory.Register;
import dev.mamori.inventory.StandingEntry;
import dev.mamori.platform.internal.security.MamoriUserDetails;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;

/**
 * The evaluation chart: exactly the evaluated entries the viewer sees, each a point linked to its entry
 * and a row of the table beside it, coloured by level, with no inline styles.
 */
@MamoriTest
class StandingChartTests {

    @Autowired Inventory inventory;
    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Directory directory;

    MamoriUserDetails manager;
    MamoriUserDetails colleague;
    Register reg;
    long dept;
    long plain;
    long confidential;
    long topSecret;
    long unevaluated;

    @BeforeEach
    void setUp() {
        reg = new Register(directory, inventory, users);
        dept = reg.department(null);
        manager = reg.manager(dept);
        colleague = reg.manager(dept);
        String tag = Register.unique("CH");
        plain = reg.asset(manager, dept, tag + " 工程表");
        confidential = reg.asset(manager, dept, tag + " 試験データ");
        topSecret = reg.asset(manager, dept, tag + " 新素材の配合比率");
        unevaluated = reg.asset(manager, dept, tag + " 会議資料の写し");
        evaluate(plain, 2, 3_000_000);
        evaluate(confidential, 3, 80_000_000);
        evaluate(topSecret, 5, 5_000_000_000L);
        reg.designate(manager, confidential, "CONFIDENTIAL", AccessHolder.department(dept));
        reg.designate(manager, topSecret, "TOP_SECRET", AccessHolder.person(manager.personId()));
    }

    void evaluate(long asset, int score, long max) {
        Map<String, EvaluationDraft.Score> scores = new HashMap<>();
        for (Criterion c : as(manager, () -> inventory.criteria())) {
            scores.put(c.code(), new EvaluationDraft.Score(score, "理由"));
        }
        as(manager, () -> inventory.evaluate(asset, new EvaluationDraft(scores, max / 10, max, null)));
    }

    Document chart(MamoriUserDetails user) throws Exception {
        return Jsoup.parse(mvc.perform(get("/inventory/chart").with(TestUsers.as(user))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    static Set<Long> ids(List<Element> elements) {
        return elements.stream().map(e -> Long.valueOf(e.attr("data-asset"))).collect(Collectors.toSet());
    }

    @Test
    void listsExactlyTheEvaluatedEntriesTheViewerSeesAsPointsAndAsTableRows() throws Exception {
        for (MamoriUserDetails viewer : List.of(manager, colleague, reg.employee(dept))) {
            Document page = chart(viewer);
            Set<Long> expected = as(viewer, () -> inventory.standings()).stream().map(StandingEntry::assetId)
                    .collect(Collectors.toSet());
            Set<Long> points = ids(page.select("#inventory-chart-svg a.chart-link"));
            Set<Long> rows = ids(page.select("#inventory-chart-table tbody tr[data-asset]"));
            assertThat(points).isEqualTo(expected);
            assertThat(rows).isEqualTo(expected);
            assertThat(points).doesNotContain(unevaluated);
        }
        assertThat(ids(chart(manager).select("#inventory-chart-table tr[data-asset]")))
                .contains(plain, confidential, topSecret);
        Set<Long> colleagues = ids(chart(colleague).select("#inventory-chart-table tr[data-asset]"));
        assertThat(colleagues).contains(plain, confidential).doesNotContain(topSecret);
        Document employees = chart(reg.employee(dept));
        assertThat(ids(employees.select("#inventory-chart-svg a.chart-link"))).contains(confidential)
                .doesNotContain(plain, topSecret);
        assertThat(employees.text()).doesNotContain("新素材の配合比率");
    }

    @Test
    void eachPointLinksToItsEntryAndIsColouredByLevelWithoutInlineStyles() throws Exception {
        Document page = chart(manager);
        Element top = page.selectFirst("#inventory-chart-svg a.chart-link[data-asset=" + topSecret + "]");
        assertThat(top.attr("href")).isEqualTo("/inventory/assets/" + topSecret);
        assertThat(top.attr("aria-label")).contains("新素材の配合比率");
        assertThat(top.selectFirst("circle").classNames()).contains("chart-point", "chart-level-0");
        assertThat(page.selectFirst("a.chart-link[data-asset=" + confidential + "] circle").classNames())
                .contains("chart-level-1");
        assertThat(page.selectFirst("a.chart-link[data-asset=" + plain + "] circle").classNames())
                .contains("chart-level-none");
        double yTop = Double.parseDouble(top.selectFirst("circle").attr("cy"));
        double yPlain = Double.parseDouble(page.selectFirst("a.chart-link[data-asset=" + plain + "] circle").attr("cy"));
        assertThat(yTop).as("a larger loss is drawn higher").isLessThan(yPlain);
        assertThat(page.select("#inventory-chart-svg text.chart-tick")).isNotEmpty();
        assertThat(page.select("[style]")).isEmpty();
        assertThat(page.select("script:not([src])")).isEmpty();
        assertThat(page.select("nav a[href=/inventory/chart]")).isNotEmpty();
    }
}
