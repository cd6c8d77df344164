package dev.evalgate.targets.http;

import com.fasterxml.jackson.databind.node.TextNode;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class MinimalAnswerTest {

    @ParameterizedTest
    @ValueSource(strings = {"$.label", "$.result.label", "$.choices[0].message.content", "$['data'][\"out\"]",
            "$.items[2].text", "$.items[*].text", "$..label", "$.a-b.c_d"})
    void a_plain_path_finds_the_value_it_was_given(String path) {
        MinimalAnswer answer = new MinimalAnswer();

        assertThat(answer.put(path, TextNode.valueOf("ok"))).isTrue();

        Object found = JsonPath.read(answer.json(), path);
        assertThat(found.toString()).contains("ok");
    }

    @Test
    void two_paths_share_their_common_parents() {
        MinimalAnswer answer = new MinimalAnswer();
        answer.put("$.meta.in", TextNode.valueOf("a"));
        answer.put("$.meta.out", TextNode.valueOf("b"));

        assertThat(answer.json()).isEqualTo("{\"meta\":{\"in\":\"a\",\"out\":\"b\"}}");
    }

    @Test
    void the_root_path_makes_the_whole_answer_the_value() {
        MinimalAnswer answer = new MinimalAnswer();
        answer.put("$", TextNode.valueOf("ok"));

        assertThat(answer.json()).isEqualTo("\"ok\"");
    }

    @Test
    void a_filter_is_not_a_plain_path() {
        assertThat(new MinimalAnswer().put("$.items[?(@.score > 1)].label", TextNode.valueOf("ok"))).isFalse();
    }
}
