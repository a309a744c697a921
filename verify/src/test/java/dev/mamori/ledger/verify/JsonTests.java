package dev.mamori.ledger.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class JsonTests {

    @Test
    void readsCanonicalEntriesBackToTheSameBytes() {
        String line = "{\"action\":\"directory.person.transferred\",\"actor\":{\"accountId\":7,\"kind\":\"USER\",\"personId\":null,"
                + "\"username\":\"山田\"},\"details\":{\"list\":[1,\"two\",true,false],\"q\":\"\\\"\\\\\\n\\u001f\"},"
                + "\"recordedAt\":\"2026-11-26T23:40:00.123456Z\",\"seq\":42,\"subject\":{\"id\":\"p-1\",\"type\":\"person\"}}";
        Object parsed = Json.parse(line);
        assertThat(Jcs.canonical(parsed)).isEqualTo(line);
        assertThat(((Map<?, ?>) parsed).get("seq")).isEqualTo(42L);
    }

    @Test
    void readsNumbersAsLongsOrDecimals() {
        assertThat(Json.parse("[0,-5,9007199254740993,1.5,2e3]")).isEqualTo(
                List.of(0L, -5L, 9007199254740993L, new BigDecimal("1.5"), new BigDecimal("2e3")));
        assertThat(Json.parse("123456789012345678901234567890")).isEqualTo(new BigDecimal("123456789012345678901234567890"));
    }

    @Test
    void refusesWhatIsNotStrictJson() {
        for (String bad : List.of("", "{", "{\"a\":1,}", "[1 2]", "01", "1.", "{\"a\":1}x", "'a'", "{\"a\":1,\"a\":2}",
                "\"\\x\"", "\"a\nb\"", "tru", "NaN")) {
            assertThatThrownBy(() -> Json.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> Json.object("[]")).isInstanceOf(IllegalArgumentException.class);
    }
}
