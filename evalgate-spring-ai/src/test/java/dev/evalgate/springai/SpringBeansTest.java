package dev.evalgate.springai;

import dev.evalgate.error.ConfigException;
import dev.evalgate.junit.Evaluation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.support.GenericApplicationContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpringBeansTest {

    @TempDir
    Path dir;

    @AfterEach
    void clear() {
        SpringBeans.use(null);
    }

    private Path suite(String target, String scorer) throws IOException {
        Files.writeString(dir.resolve("cases.jsonl"), "{\"id\": \"c1\", \"input\": \"hi\", \"expected\": \"hello\"}\n");
        Path file = dir.resolve("evalgate.yaml");
        Files.writeString(file, """
                suite: beans
                dataset: cases.jsonl
                targets:
                  - id: app
                    type: spring
                    bean: %s
                scorers:
                  - %s
                """.formatted(target, scorer));
        return file;
    }

    @Test
    void a_spring_target_outside_a_spring_test_says_how_to_run_it() throws IOException {
        Path file = suite("assistant", "equals");

        assertThatThrownBy(() -> Evaluation.fromSuite(file).run())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("evalgate.yaml")
                .hasMessageContaining("names Spring bean 'assistant', but no Spring application context is running")
                .hasMessageContaining("@SpringBootTest");
    }

    @Test
    void a_bean_the_context_lacks_is_named_with_the_beans_it_has() throws IOException {
        GenericApplicationContext context = new GenericApplicationContext();
        context.registerBean("supportAssistant", String.class, () -> "not a target");
        context.refresh();
        SpringBeans.use(context);
        Path file = suite("assistant", "equals");

        assertThatThrownBy(() -> Evaluation.fromSuite(file).run())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("which the application context does not hold")
                .hasMessageContaining("supportAssistant");
    }

    @Test
    void a_bean_of_the_wrong_type_is_refused_with_what_would_do() throws IOException {
        GenericApplicationContext context = new GenericApplicationContext();
        context.registerBean("supportAssistant", String.class, () -> "not a target");
        context.refresh();
        SpringBeans.use(context);
        Path file = suite("supportAssistant", "equals");

        assertThatThrownBy(() -> Evaluation.fromSuite(file).run())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("java.lang.String, which is neither an evalgate Target nor a Spring AI"
                        + " ChatModel or ChatClient");
    }
}
