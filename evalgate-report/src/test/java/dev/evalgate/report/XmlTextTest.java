package dev.evalgate.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class XmlTextTest {

    @Test
    void keeps_text_xml_accepts_including_tabs_newlines_and_emoji() {
        String text = "a\tb\nc\r\nd é 中 \uD83D\uDE00 <&>";
        assertThat(XmlText.clean(text)).isSameAs(text);
    }

    @Test
    void replaces_control_characters_lone_surrogates_and_non_characters() {
        assertThat(XmlText.clean("\u0000a\u001bb\u007fc\uD83Dd\uDE00e\uFFFE"))
                .isEqualTo("\uFFFDa\uFFFDb\u007fc\uFFFDd\uFFFDe\uFFFD");
    }

    @Test
    void null_becomes_empty_text() {
        assertThat(XmlText.clean(null)).isEmpty();
    }
}
