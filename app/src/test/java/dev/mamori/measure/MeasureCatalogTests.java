package dev.mamori.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import dev.mamori.platform.Role;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;

/**
 * The catalog shipped by migration equals the handbook's 参考資料1 as read independently from the text file:
 * order, route, purpose, headings, letters, titles and pages; counts per route and purpose also as numbers
 * counted by hand; re-listed items point at what they repeat; every original item has Mamori's description.
 */
@MamoriTest
class MeasureCatalogTests {

    static final String ATTRIBUTION = "出典：経済産業省「秘密情報の保護ハンドブック」(令和4年5月改訂)";

    @Autowired Measures measures;
    @Autowired TestUsers users;

    @BeforeEach
    void signIn() {
        var user = users.create(Role.EMPLOYEE);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void catalogItemsEqualTheHandbooksListInOrder() {
        List<HandbookCatalog.Item> handbook = HandbookCatalog.read();
        List<MeasureView> catalog = measures.catalogVersion("2022-05");
        assertThat(catalog).hasSameSizeAs(handbook);
        for (int i = 0; i < handbook.size(); i++) {
            HandbookCatalog.Item h = handbook.get(i);
            MeasureView m = catalog.get(i);
            assertThat(new HandbookCatalog.Item(m.route(), m.purpose(), m.groupHeading(), m.subHeading(), m.letter(),
                    m.title(), m.page())).as("item %d", i + 1).isEqualTo(h);
            assertThat(m.code()).isEqualTo(h.route() + "-" + h.purpose().number() + "-" + h.letter());
        }
    }

    @Test
    void countsPerRouteAndPurposeMatchTheHandbookAndTheHandCount() {
        Map<Route, int[]> handbook = counts(HandbookCatalog.read(), HandbookCatalog.Item::route, HandbookCatalog.Item::purpose);
        Map<Route, int[]> catalog = counts(measures.catalogVersion("2022-05"), MeasureView::route, MeasureView::purpose);
        Map<Route, int[]> byHand = Map.of(
                Route.EMPLOYEE, new int[] {5, 11, 16, 3, 5},
                Route.LEAVER, new int[] {1, 11, 18, 3, 2},
                Route.PARTNER, new int[] {2, 2, 2, 5, 3},
                Route.OUTSIDER, new int[] {7, 4, 3, 3, 0});
        for (Route r : Route.values()) {
            assertThat(catalog.get(r)).as("catalog %s", r).containsExactly(handbook.get(r));
            assertThat(catalog.get(r)).as("hand count %s", r).containsExactly(byHand.get(r));
        }
        assertThat(measures.catalogVersion("2022-05")).hasSize(106);
    }

    @Test
    void relistedItemsNameTheItemTheyRepeatAndOriginalsHaveMamorisText() {
        Map<String, MeasureView> byCode = measures.catalogVersion("2022-05").stream()
                .collect(Collectors.toMap(MeasureView::code, Function.identity()));
        assertThat(byCode.get("LEAVER-2-a").repeatsCode()).isEqualTo("EMPLOYEE-2-a");
        assertThat(byCode.get("LEAVER-3-p").repeatsCode()).isEqualTo("EMPLOYEE-3-p");
        assertThat(byCode.get("LEAVER-3-d").subHeading()).isEqualTo("目につきやすい状況を作り出す対策");
        assertThat(byCode.get("EMPLOYEE-2-f").repeatsCode()).isEqualTo("EMPLOYEE-2-c");
        assertThat(byCode.get("EMPLOYEE-2-g").repeatsCode()).isEqualTo("EMPLOYEE-2-d");
        assertThat(byCode.get("OUTSIDER-4-a").repeatsCode()).isEqualTo("OUTSIDER-3-a");
        assertThat(byCode.get("LEAVER-2-k").repeatsCode()).isNull();
        assertThat(byCode.values().stream().filter(MeasureView::relisted)).hasSize(29);
        for (MeasureView m : byCode.values()) {
            if (m.relisted()) {
                MeasureView target = byCode.get(m.repeatsCode());
                assertThat(target).as(m.code()).isNotNull();
                assertThat(m.title()).startsWith(target.title().replace("（再掲）", ""));
            }
            assertThat(m.description()).as(m.code()).isNotBlank();
            assertThat(m.examples()).as(m.code()).isNotBlank();
        }
    }

    @Test
    void theCatalogVersionCarriesTheAttribution() {
        assertThat(measures.currentCatalog().code()).isEqualTo("2022-05");
        assertThat(measures.currentCatalog().attribution()).isEqualTo(ATTRIBUTION);
        assertThat(measures.catalog(Route.PARTNER, Purpose.AWARENESS)).extracting(MeasureView::letter)
                .startsWith("a", "b", "c", "d", "e");
    }

    private static <T> Map<Route, int[]> counts(List<T> items, Function<T, Route> route, Function<T, Purpose> purpose) {
        Map<Route, int[]> counts = new EnumMap<>(Route.class);
        for (Route r : Route.values()) {
            counts.put(r, new int[5]);
        }
        items.forEach(i -> counts.get(route.apply(i))[purpose.apply(i).number() - 1]++);
        return counts;
    }
}
