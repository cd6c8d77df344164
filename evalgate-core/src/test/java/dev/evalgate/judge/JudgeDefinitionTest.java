package dev.evalgate.judge;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class JudgeDefinitionTest {

    @TempDir
    Path dir;

    @Test
    void a_judge_is_identified_by_its_entry_as_written_with_environment_references_unresolved() throws Exception {
        Path suite = dir.resolve("evalgate.yaml");
        Files.writeString(suite, """
                suite: s
                judges:
                  grader: { type: openai, model: gpt-4o-mini, api_key: "${OPENAI_API_KEY}" }
                  local: { type: command, command: ["${EVALGATE_JAVA:-java}", Judge.java] }
                """);
        assertThat(JudgeDefinition.asWritten(suite.toString(), "grader"))
                .isEqualTo("{\"type\":\"openai\",\"model\":\"gpt-4o-mini\",\"api_key\":\"${OPENAI_API_KEY}\"}");
        assertThat(JudgeDefinition.asWritten(suite.toString(), "local")).contains("${EVALGATE_JAVA:-java}");
    }

    @Test
    void an_unknown_judge_or_an_unreadable_file_gives_nothing_and_the_spec_serves_instead() {
        assertThat(JudgeDefinition.asWritten(dir.resolve("none.yaml").toString(), "grader")).isNull();
        assertThat(JudgeDefinition.asWritten(null, "grader")).isNull();
    }
}
