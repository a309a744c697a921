package dev.mamori.access.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The access module's texts: English without Japanese words, headers that say what the cells show. */
class AccessMessagesTests {

    private static final Pattern JAPANESE = Pattern.compile("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]");

    private static Properties load(String name) throws Exception {
        Properties p = new Properties();
        try (InputStream in = AccessMessagesTests.class.getResourceAsStream("/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void theEnglishAccessMessagesAreWrittenInEnglish() throws Exception {
        Properties en = load("messages_en.properties");
        assertThat(en.stringPropertyNames()).filteredOn(k -> k.startsWith("access."))
                .allSatisfy(k -> assertThat(en.getProperty(k)).as(k).doesNotContainPattern(JAPANESE));
    }

    @Test
    void columnsOfPeopleDoNotPromiseIds() throws Exception {
        for (String file : new String[] {"messages_ja.properties", "messages_en.properties"}) {
            Properties p = load(file);
            for (String key : new String[] {"access.request.requester", "access.delegation.approver", "access.delegation.delegate"}) {
                assertThat(p.getProperty(key)).as(file + " " + key).doesNotContainIgnoringCase("id");
            }
        }
    }

    @Test
    void anEntryWithoutItsNameIsWrittenOneWay() throws Exception {
        Properties ja = load("messages_ja.properties");
        Properties en = load("messages_en.properties");
        assertThat(ja.getProperty("access.names.entryId")).endsWith("（No.{0,number,#}）");
        assertThat(ja.getProperty("access.names.hiddenEntry")).endsWith("（No.{0,number,#}）");
        assertThat(en.getProperty("access.names.entryId")).endsWith("(no. {0,number,#})");
        assertThat(en.getProperty("access.names.hiddenEntry")).endsWith("(no. {0,number,#})");
        // an id is a number without grouping: No.1234, not No.1,234
        assertThat(new java.text.MessageFormat(ja.getProperty("access.names.hiddenEntry"), java.util.Locale.JAPANESE)
                .format(new Object[] {1234L})).isEqualTo("非開示の情報（No.1234）");
    }
}
