package dev.evalgate.dataset;

import dev.evalgate.error.ConfigException;
import dev.evalgate.tools.CaseScript;
import dev.evalgate.tools.Turn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.evalgate.dataset.Cases.readFile;
import static dev.evalgate.dataset.Cases.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConversationCasesTest {

    @TempDir
    Path dir;

    private static final List<Turn> TURNS = List.of(Turn.of("system", "Be brief."), Turn.of("user", "Hi, order A-1"),
            Turn.of("assistant", "How can I help?"), Turn.of("user", "Refund it"));

    @Test
    void a_jsonl_case_holds_a_conversation_with_its_id_tags_and_last_user_turn_as_input() {
        Path file = write(dir, "cases.jsonl", """
                {"id": "c1", "tags": {"intent": "refund"}, "messages": [{"role": "system", "content": "Be brief."}, \
                {"role": "user", "content": "Hi, order A-1"}, {"role": "assistant", "content": "How can I help?"}, \
                {"role": "user", "content": "Refund it"}], "expected_calls": ["lookup_order"]}
                """);

        Case kase = readFile(file).getFirst();

        assertThat(kase.id()).isEqualTo("c1");
        assertThat(kase.tags()).containsEntry("intent", "refund");
        assertThat(kase.input()).isEqualTo("Refund it");
        assertThat(CaseScript.of(kase).messages()).isEqualTo(TURNS);
        assertThat(CaseScript.of(kase).expectations().expected()).hasSize(1);
    }

    @Test
    void a_csv_cell_holds_the_conversation_as_json_text() {
        Path file = write(dir, "cases.csv", "id,messages,expected\n"
                + "c1,\"[{\"\"role\"\": \"\"system\"\", \"\"content\"\": \"\"Be brief.\"\"}, "
                + "{\"\"role\"\": \"\"user\"\", \"\"content\"\": \"\"Hi, order A-1\"\"}, "
                + "{\"\"role\"\": \"\"assistant\"\", \"\"content\"\": \"\"How can I help?\"\"}, "
                + "{\"\"role\"\": \"\"user\"\", \"\"content\"\": \"\"Refund it\"\"}]\",done\n");

        Case kase = readFile(file).getFirst();

        assertThat(CaseScript.of(kase).messages()).isEqualTo(TURNS);
        assertThat(kase.input()).isEqualTo("Refund it");
    }

    @Test
    void a_yaml_case_holds_the_conversation_as_a_list() {
        Path file = write(dir, "cases.yaml", """
                - id: c1
                  messages:
                    - { role: system, content: "Be brief." }
                    - { role: user, content: "Hi, order A-1" }
                    - { role: assistant, content: "How can I help?" }
                    - { role: user, content: "Refund it" }
                """);

        assertThat(CaseScript.of(readFile(file).getFirst()).messages()).isEqualTo(TURNS);
    }

    @Test
    void conversations_without_ids_get_distinct_ids_even_when_their_last_turns_agree() {
        Path file = write(dir, "cases.jsonl", """
                {"messages": [{"role": "user", "content": "order A-1"}, {"role": "user", "content": "refund"}]}
                {"messages": [{"role": "user", "content": "order A-2"}, {"role": "user", "content": "refund"}]}
                """);

        List<Case> cases = readFile(file);

        assertThat(cases.get(0).id()).isNotEqualTo(cases.get(1).id());
    }

    @Test
    void a_turn_with_an_unknown_role_is_refused_with_its_line() {
        Path file = write(dir, "cases.jsonl", """
                {"id": "ok", "input": "hi"}
                {"id": "c2", "messages": [{"role": "robot", "content": "beep"}]}
                """);

        assertThatThrownBy(() -> readFile(file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("cases.jsonl:2: turn 1 of 'messages' has role 'robot'; use system, user or "
                        + "assistant.");
    }

    @Test
    void a_csv_cell_that_is_not_json_is_refused_with_its_line() {
        Path file = write(dir, "cases.csv", "id,messages\nc1,[not json\n");

        assertThatThrownBy(() -> readFile(file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("cases.csv:2: 'messages' holds text that is not JSON");
    }
}
