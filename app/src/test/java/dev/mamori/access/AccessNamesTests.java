package dev.mamori.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mamori.directory.DepartmentView;

/** People are named with their 社員番号 in the brackets of the page's language. */
class AccessNamesTests {

    private final AccessNames names = new AccessNames(Map.of(12L, new DepartmentView.PersonRef(12L, "000012", "松田 明美"),
            13L, new DepartmentView.PersonRef(13L, null, "派遣 太郎")), Map.of(), Map.of(), Map.of());

    @Test
    void japanesePagesUseFullWidthBracketsAndOthersPlainOnes() {
        assertThat(names.person(12L, Locale.JAPANESE)).isEqualTo("松田 明美（000012）");
        assertThat(names.person(12L, Locale.ENGLISH)).isEqualTo("松田 明美 (000012)");
        assertThat(names.person(13L, Locale.ENGLISH)).isEqualTo("派遣 太郎");
        assertThat(names.person(99L, Locale.JAPANESE)).isNull();
    }
}
