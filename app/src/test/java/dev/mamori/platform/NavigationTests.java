package dev.mamori.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;

/** The side navigation marks the one item a page belongs to. */
@MamoriTest
class NavigationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    /** The side navigation of the page as the user sees it. */
    private String sidenav(String page, dev.mamori.platform.internal.security.MamoriUserDetails user) throws Exception {
        String html = mvc.perform(get(page).with(TestUsers.as(user)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String nav = html.substring(html.indexOf("<nav class=\"sidenav\""));
        return nav.substring(0, nav.indexOf("</nav>"));
    }

    private static NavigationItem item(String path) {
        return new NavigationItem(path, "k", path, 0, Set.of());
    }

    @Test
    void aPageBelongsToTheLongestItemItLiesUnderAndToNoItemWhosePathMerelyBeginsTheSame() {
        List<NavigationItem> items = List.of(item("/"), item("/vault"), item("/vault/copies"), item("/vault/identify"));
        assertThat(NavigationItem.activePath(items, "/vault/copies")).isEqualTo("/vault/copies");
        assertThat(NavigationItem.activePath(items, "/vault/copies/12/file")).isEqualTo("/vault/copies");
        assertThat(NavigationItem.activePath(items, "/vault/documents/3")).isEqualTo("/vault");
        assertThat(NavigationItem.activePath(items, "/vault")).isEqualTo("/vault");
        assertThat(NavigationItem.activePath(items, "/vaulted")).isNull();
        assertThat(NavigationItem.activePath(items, "/")).isEqualTo("/");
        assertThat(NavigationItem.activePath(items, "/account")).isNull();
    }

    @Test
    void theLayoutMarksExactlyOneItemOnAPageUnderANestedItem() throws Exception {
        String sidenav = sidenav("/vault/copies", users.create(Role.EMPLOYEE));
        Matcher active = Pattern.compile("<a href=\"([^\"]*)\"[^>]*class=\"[^\"]*\\bactive\\b").matcher(sidenav);
        List<String> marked = active.results().map(r -> r.group(1)).toList();
        assertThat(marked).containsExactly("/vault/copies");
    }

    @Test
    void eachModulesPagesStandTogetherInTheNavigation() throws Exception {
        String sidenav = sidenav("/", users.create(Role.CHIEF_OFFICER));
        // the first path segment of each item, in the order shown: /access/…, /vault, /agreements/…
        List<String> modules = Pattern.compile("<a href=\"/([^/\"?]*)").matcher(sidenav).results().map(r -> r.group(1))
                .filter(m -> !m.isEmpty()).toList();
        assertThat(modules).contains("access", "vault", "agreements");
        List<String> seen = new java.util.ArrayList<>();
        for (String m : modules) {
            if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(m)) {
                assertThat(seen).as("%s listed again after other modules' pages: %s", m, modules).doesNotContain(m);
                seen.add(m);
            }
        }
    }
}
