package dev.mamori.ledger.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class JcsTests {

    @Test
    void sortsMembersByUtf16CodeUnitsAndDropsWhiteSpace() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("\u20ac", "Euro Sign");
        m.put("\r", "Carriage Return");
        m.put("\ufb33", "Hebrew Letter Dalet With Dagesh");
        m.put("1", "One");
        m.put("\ud83d\ude00", "Emoji: Grinning Face");
        m.put("\u0080", "Control");
        m.put("\u00f6", "Latin Small Letter O With Diaeresis");
        // the member order of RFC 8785 section 3.2.3's example
        assertThat(Jcs.canonical(m)).isEqualTo("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
                + "\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
    }

    @Test
    void writesNumbersAsEcmaScriptDoes() {
        assertThat(Jcs.canonical(List.of(0, -0.0, 1, -1, 1.5, 0.000001, 1e-7, 1e21, 1e20, 123456789012345L, 4.5e15, 0.1)))
                .isEqualTo("[0,0,1,-1,1.5,0.000001,1e-7,1e+21,100000000000000000000,123456789012345,4500000000000000,0.1]");
    }

    @Test
    void escapesOnlyWhatJsonRequires() {
        assertThat(Jcs.canonical(Map.of("k", "a\"b\\c\n\u0001日本語/"))).isEqualTo("{\"k\":\"a\\\"b\\\\c\\n\\u0001日本語/\"}");
        assertThat(Jcs.canonical(Map.of("a", List.of(true, false), "b", new LinkedHashMap<>()))).isEqualTo("{\"a\":[true,false],\"b\":{}}");
        Map<String, Object> withNull = new LinkedHashMap<>();
        withNull.put("z", null);
        assertThat(Jcs.canonical(withNull)).isEqualTo("{\"z\":null}");
    }
}
