package dev.evalgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evalgate.testkit.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each promptfoo config under {@code src/test/resources/promptfoo/} is imported, and the suite it becomes is run by
 * {@code evalgate run} against a loopback model whose answers the test scripts. Every case's PASS or FAIL is the
 * verdict promptfoo's documented semantics give for that answer, written by hand beside each config.
 */
class PromptfooImportIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void deterministic_assertions_give_promptfoos_verdicts() {
        Map<String, String> replies = Map.of("Q: capital of France", "Paris", "Q: capital of Spain", "Madrid ",
                "Q: greet", "Hello there, friend", "Q: greet loudly", "HELLO", "Q: order number", "Your order is A-1234.");
        try (ScriptedModel model = new ScriptedModel((m, user) -> replies.getOrDefault(user, "?"))) {
            Cli imported = importConfig("basic", model.port());
            assertThat(imported.exitCode()).as(imported.out() + imported.err()).isZero();
            assertThat(imported.out()).doesNotContain("Not imported");
            // equals is exact (a trailing space fails), contains is case-sensitive, starts-with anchors at the start
            assertThat(run()).containsExactlyEntriesOf(sorted(
                    "openai-chat-mini|t1", "PASS", "openai-chat-mini|t2", "FAIL", "openai-chat-mini|t3", "PASS",
                    "openai-chat-mini|t4", "FAIL", "openai-chat-mini|t5", "FAIL"));
            JsonNode body = body(model.requests().getLast());
            assertThat(body.path("temperature").asDouble()).isZero();
            assertThat(body.path("max_tokens").asInt()).isEqualTo(50);
        }
    }

    @Test
    void csv_tests_read_expected_description_and_metadata_columns() throws IOException {
        Map<String, String> replies = Map.of("Q: capital of France", "Paris", "Q: capital of Spain",
                "The capital is Madrid", "Q: capital of Peru", "It is LIMA", "Q: two plus two", "4",
                "Q: largest planet", "Saturn");
        try (ScriptedModel model = new ScriptedModel((m, user) -> replies.getOrDefault(user, "?"))) {
            Cli imported = importConfig("csv-special", model.port());
            assertThat(imported.exitCode()).as(imported.out()).isZero();
            assertThat(run()).containsExactlyEntriesOf(sorted("openai-mini|t1", "PASS", "openai-mini|t2", "PASS",
                    "openai-mini|t3", "PASS", "openai-mini|t4", "PASS", "openai-mini|t5", "FAIL"));
            JsonNode t2 = caseResult("t2");
            assertThat(t2.path("tags").path("topic").asText()).isEqualTo("geo");
            assertThat(t2.path("tags").path("description").asText()).isEqualTo("Spain sentence");
            assertThat(t2.path("source").asText()).endsWith("cases.jsonl:2");
        }
    }

    @Test
    void default_test_vars_and_assertions_apply_to_every_test_and_a_tests_own_vars_win() {
        Map<String, String> replies = Map.of("Hi, answer in English: colour of the sky", "Blue",
                "Hi, answer in French: colour of grass", "Vert", "Hi, answer in English: who are you",
                "As an AI, I am a model");
        try (ScriptedModel model = new ScriptedModel((m, user) -> replies.getOrDefault(user, "?"))) {
            assertThat(importConfig("default-test", model.port()).exitCode()).isZero();
            assertThat(run()).containsExactlyEntriesOf(sorted("openai-mini|t1", "PASS", "openai-mini|t2", "PASS",
                    "openai-mini|t3", "FAIL"));
        }
    }

    @Test
    void providers_and_default_test_may_live_in_files_of_their_own() {
        Map<String, String> replies = Map.of("Hi, answer in English: colour of the sky", "Blue",
                "Hi, answer in French: colour of grass", "Vert", "Hi, answer in English: who are you",
                "As an AI, I am a model");
        try (ScriptedModel model = new ScriptedModel((m, user) -> replies.getOrDefault(user, "?"))) {
            Cli imported = importConfig("config-files", model.port());
            assertThat(imported.exitCode()).as(imported.out() + imported.err()).isZero();
            assertThat(imported.out()).contains("2 candidates, 3 cases");
            assertThat(run()).containsExactlyEntriesOf(sorted("openai-mini|t1", "PASS", "openai-mini|t2", "PASS",
                    "openai-mini|t3", "FAIL", "second|t1", "PASS", "second|t2", "PASS", "second|t3", "FAIL"));
        }
    }

    @Test
    void an_ollama_chat_provider_becomes_an_openai_target_on_ollamas_compatible_endpoint() throws IOException {
        Cli imported = importConfig("ollama", 0);

        assertThat(imported.exitCode()).as(imported.out() + imported.err()).isEqualTo(3);
        assertThat(imported.out()).contains("promptfooconfig.yaml:6: config.num_ctx: has no counterpart on Ollama's "
                + "OpenAI-compatible endpoint");
        String suite = Files.readString(dir.resolve("out/evalgate.yaml"));
        assertThat(suite).contains("type: \"openai\"", "model: \"llama3.2\"", "temperature: 0", "max_tokens: 16",
                "base_url: \"${OLLAMA_BASE_URL:-http://localhost:11434}/v1\"").doesNotContain("api_key");
    }

    @Test
    void several_prompts_times_several_providers_become_one_candidate_each() {
        try (ScriptedModel model = new ScriptedModel((m, user) -> m.equals("model-b") && user.startsWith("Where")
                ? "I do not know" : user.startsWith("Where") ? "Oslo is in Norway" : "Norway")) {
            Cli imported = importConfig("prompts-providers", model.port());
            assertThat(imported.exitCode()).isZero();
            assertThat(imported.out()).contains("4 candidates, 1 case");
            assertThat(run()).containsExactlyEntriesOf(sorted("openai-chat-model-a-p1|t1", "PASS",
                    "openai-chat-model-a-short|t1", "PASS", "b-p1|t1", "FAIL", "b-short|t1", "PASS"));
        }
    }

    @Test
    void file_prompts_and_tests_are_read_through_globs_and_every_format() {
        Map<String, String> replies = Map.ofEntries(Map.entry("Translate to French: cat", "Chat"),
                Map.entry("French for cat?", "chat"), Map.entry("Translate to French: dog", "chien"),
                Map.entry("French for dog?", "Chien"), Map.entry("Translate to French: house", "maison"),
                Map.entry("French for house?", "la maison"), Map.entry("Translate to French: bird", "oiseau"),
                Map.entry("French for bird?", "pigeon"));
        try (ScriptedModel model = new ScriptedModel((m, user) -> replies.getOrDefault(user, "?"))) {
            Cli imported = importConfig("file-globs", model.port());
            assertThat(imported.exitCode()).as(imported.out()).isZero();
            assertThat(run()).containsExactlyEntriesOf(sorted(
                    "openai-chat-translator-a|t1", "PASS", "openai-chat-translator-a|t2", "PASS",
                    "openai-chat-translator-a|t3", "PASS", "openai-chat-translator-a|t4", "PASS",
                    "openai-chat-translator-b|t1", "PASS", "openai-chat-translator-b|t2", "FAIL",
                    "openai-chat-translator-b|t3", "PASS", "openai-chat-translator-b|t4", "FAIL"));
        }
    }

    @Test
    void chat_message_prompts_send_their_system_message() {
        try (ScriptedModel model = new ScriptedModel((m, user) -> "Santiago")) {
            assertThat(importConfig("chat-prompt", model.port()).exitCode()).isZero();
            assertThat(run()).containsExactlyEntriesOf(sorted("openai-chat-mini-tutor|t1", "PASS",
                    "openai-chat-mini-p2|t1", "PASS"));
            assertThat(model.requests()).extracting(r -> body(r).path("messages").get(0).path("content").asText())
                    .contains("You are a geography tutor.", "Be terse.");
        }
    }

    @Test
    void negated_assertions_invert_the_verdict() {
        Map<String, String> replies = Map.of("fine", "All good", "broken", "Error: disk full", "hello",
                "Hello world", "colours", "red and blue", "json", "{\"a\": 1}", "plain", "plain text");
        try (ScriptedModel model = new ScriptedModel((m, user) -> replies.getOrDefault(user, "?"))) {
            assertThat(importConfig("negated", model.port()).exitCode()).isZero();
            assertThat(run()).containsExactlyEntriesOf(sorted("openai-mini|t1", "PASS", "openai-mini|t2", "FAIL",
                    "openai-mini|t3", "FAIL", "openai-mini|t4", "FAIL", "openai-mini|t5", "FAIL",
                    "openai-mini|t6", "PASS"));
        }
    }

    @Test
    void json_assertions_check_whole_outputs_embedded_objects_and_schemas() {
        Map<String, String> replies = Map.of("person", "{\"name\": \"Ada\", \"age\": 36}", "person-bad-age",
                "{\"name\": \"Ada\", \"age\": \"old\"}", "prose", "Here you go: {\"city\": \"Oslo\"} thanks",
                "none", "no json here", "fenced", "```json\n{\"city\": 5}\n```");
        try (ScriptedModel model = new ScriptedModel((m, user) -> replies.getOrDefault(user, "?"))) {
            assertThat(importConfig("json", model.port()).exitCode()).isZero();
            assertThat(run()).containsExactlyEntriesOf(sorted("openai-mini|t1", "PASS", "openai-mini|t2", "FAIL",
                    "openai-mini|t3", "FAIL", "openai-mini|t4", "PASS", "openai-mini|t5", "FAIL",
                    "openai-mini|t6", "FAIL"));
            assertThat(body(model.requests().getLast()).path("response_format").path("type").asText())
                    .isEqualTo("json_object");
        }
    }

    @Test
    void similar_compares_sentence_embeddings_against_the_threshold() {
        Map<String, String> replies = Map.of("same", "The cat sat on the mat.", "unrelated",
                "Quarterly revenue rose by four percent.");
        try (ScriptedModel model = new ScriptedModel((m, user) -> replies.getOrDefault(user, "?"))) {
            assertThat(importConfig("similar", model.port()).exitCode()).isZero();
            assertThat(run()).containsExactlyEntriesOf(sorted("openai-mini|t1", "PASS", "openai-mini|t2", "FAIL",
                    "openai-mini|t3", "PASS"));
        }
    }

    @Test
    void what_has_no_counterpart_is_listed_with_file_and_line_and_the_import_exits_3() {
        try (ScriptedModel model = new ScriptedModel((m, user) -> user.equals("Answer: ping") ? "pong" : "x")) {
            Cli imported = importConfig("unsupported", model.port());
            assertThat(imported.exitCode()).isEqualTo(ExitCode.NOT_ALL_IMPORTED);
            String config = "promptfooconfig.yaml:";
            assertThat(imported.out()).contains("Not imported (10):",
                    config + "3: prompt \"{{ q | upper }}\": uses the Nunjucks expression {{ q | upper }}",
                    config + "4: prompt file://build_prompt.py: a prompt built by Python code",
                    config + "8: provider file://provider.py: a Python provider",
                    config + "9: provider bedrock:anthropic.claude-v2: evalgate has no target for it",
                    config + "14: provider http: its transformResponse is code",
                    config + "20: assertion javascript: a JavaScript assertion runs code",
                    config + "22: assertion python: a Python assertion runs code",
                    config + "24: assertion webhook: evalgate has no scorer",
                    config + "28: assertion llm-rubric: appears in 1 of 2 cases",
                    config + "30: 'sharing': has no counterpart");
            // what was imported still runs: the javascript check is not silently counted as passed or failed
            assertThat(run()).containsExactlyEntriesOf(sorted("openai-chat-mini|t1", "PASS",
                    "openai-chat-mini|t2", "PASS"));
        }
    }

    @Test
    void anthropic_and_openai_providers_run_side_by_side_with_their_config() {
        try (ScriptedModel model = new ScriptedModel((m, user) -> m.equals("claude-test") ? "Bonjour" : "Hello")) {
            Cli imported = importConfig("anthropic", model.port());
            assertThat(imported.exitCode()).as(imported.out()).isZero();
            assertThat(run()).containsExactlyEntriesOf(sorted("claude|t1", "PASS", "gpt|t1", "FAIL"));
            RecordedRequest anthropic = model.requests().stream().filter(r -> r.path().endsWith("/messages"))
                    .findFirst().orElseThrow();
            assertThat(body(anthropic).path("max_tokens").asInt()).isEqualTo(64);
            assertThat(body(anthropic).path("system").asText()).isEqualTo("Answer in French.");
        }
    }

    @Test
    void an_http_provider_reads_its_answer_where_transform_response_points() {
        try (ScriptedModel model = new ScriptedModel((m, q) -> q.contains("France") ? "Paris" : "none")) {
            Cli imported = importConfig("http-provider", model.port());
            assertThat(imported.exitCode()).as(imported.out()).isZero();
            assertThat(run()).containsExactlyEntriesOf(sorted("qa-service|t1", "PASS", "qa-service|t2", "FAIL"));
            assertThat(model.requests().getLast().path()).isEqualTo("/http/ask");
        }
    }

    @Test
    void an_exec_provider_runs_its_script_with_the_prompt_as_an_argument() throws IOException {
        Cli imported = importConfig("exec-provider", 1);
        assertThat(imported.exitCode()).as(imported.out()).isZero();
        assertThat(Files.readString(dir.resolve("out/evalgate.yaml"))).contains("type: \"command\"", "\"sh\"",
                "\"answer.sh\"");
        assertThat(run()).containsExactlyEntriesOf(sorted("exec-sh-answer.sh|t1", "PASS",
                "exec-sh-answer.sh|t2", "FAIL"));
    }

    @Test
    void weights_and_a_test_threshold_decide_by_weighted_score_and_levenshtein_counts_edits() {
        Map<String, String> replies = Map.of("answer", "The answer is 42", "kitten", "kitten");
        try (ScriptedModel model = new ScriptedModel((m, user) -> replies.getOrDefault(user, "?"))) {
            assertThat(importConfig("weights-threshold", model.port()).exitCode()).isZero();
            // 3/4 >= 0.7 passes, 1/4 does not; kitten -> sitting is 3 edits (<= 3), the other is far beyond 5
            assertThat(run()).containsExactlyEntriesOf(sorted("openai-mini|t1", "PASS", "openai-mini|t2", "FAIL",
                    "openai-mini|t3", "PASS", "openai-mini|t4", "FAIL", "openai-mini|t5", "FAIL"));
        }
    }

    @Test
    void model_graded_assertions_become_judge_scorers_with_the_named_grader() throws IOException {
        try (ScriptedModel model = new ScriptedModel((m, user) -> user.contains("cats") ? "a good answer about cats"
                : "a bad answer", prompt -> prompt.contains("good answer"))) {
            Cli imported = importConfig("judged", model.port());
            assertThat(imported.exitCode()).as(imported.out()).isZero();
            String suite = Files.readString(dir.resolve("out/evalgate.yaml"));
            assertThat(suite).contains("judges:", "model: \"grader\"", "rubric: \"The answer is polite\"",
                    "rubric_var: \"rubric_model_graded_closedqa_1\"", "mode: \"reference\"");
            assertThat(run()).containsExactlyEntriesOf(sorted("openai-chat-mini|t1", "PASS",
                    "openai-chat-mini|t2", "FAIL"));
            assertThat(model.requests()).filteredOn(r -> r.path().startsWith("/judge"))
                    .extracting(r -> r.body()).anyMatch(b -> b.contains("mentions cats"))
                    .anyMatch(b -> b.contains("Dogs are mammals"));
        }
    }

    @Test
    void literal_secrets_are_never_written_and_become_environment_references() throws IOException {
        Cli imported = importConfig("secrets", 1);
        assertThat(imported.exitCode()).isEqualTo(ExitCode.NOT_ALL_IMPORTED);
        String suite = Files.readString(dir.resolve("out/evalgate.yaml"));
        assertThat(suite).doesNotContain("sk-live-0123456789abcdef", "tok-secret-999", "abc-literal-123")
                .contains("api_key: \"${OPENAI_API_KEY}\"", "\"Bearer ${AUTHORIZATION}\"", "\"${MY_KEY}\"",
                        "requires_env: [\"OPENAI_API_KEY\"]", "api_key: \"${API_KEY}\"", "keywords: \"refund\"");
        assertThat(imported.out()).contains("promptfooconfig.yaml:5: config.apiKey: holds a literal secret",
                "promptfooconfig.yaml:9: header Authorization: holds a literal secret")
                .doesNotContain("sk-live", "tok-secret");
    }

    @Test
    void cost_and_latency_become_gate_budgets_and_evaluate_options_the_run_settings() throws IOException {
        try (ScriptedModel model = new ScriptedModel((m, user) -> "ok")) {
            Cli imported = importConfig("budgets-options", model.port());
            assertThat(imported.exitCode()).as(imported.out()).isZero();
            String suite = Files.readString(dir.resolve("out/evalgate.yaml"));
            assertThat(suite).contains("concurrency: 2", "repeat: 3", "cost_per_request_usd: \"<= 0.01\"",
                    "p95_latency_ms: \"<= 5000\"");
            assertThat(imported.out()).contains("not a per-test verdict");
            assertThat(run()).containsExactlyEntriesOf(sorted("openai-mini|t1-1", "PASS", "openai-mini|t1-2", "PASS",
                    "openai-mini|t1-3", "PASS"));
            assertThat(model.requests()).hasSize(9);
        }
    }

    @Test
    void bad_input_is_a_usage_error_naming_the_file_and_line() throws IOException {
        Cli missing = Cli.run("import", "promptfoo", dir.resolve("nope.yaml").toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(missing.err()).contains("nope.yaml: file not found");

        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, "prompts:\n  - \"open\n providers: [x\n");
        Cli invalid = Cli.run("import", "promptfoo", broken.toString());
        assertThat(invalid.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(invalid.err()).containsPattern("broken.yaml:\\d+: not valid YAML");
        assertThat(invalid.err().lines().count()).isEqualTo(1);

        Path list = dir.resolve("list.yaml");
        Files.writeString(list, "- a\n- b\n");
        Cli shape = Cli.run("import", "promptfoo", list.toString());
        assertThat(shape.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(shape.err()).contains("list.yaml:1: is a list", "not a promptfoo config");

        Path noProviders = dir.resolve("np.yaml");
        Files.writeString(noProviders, "prompts: [hi]\ntests: []\n");
        Cli np = Cli.run("import", "promptfoo", noProviders.toString());
        assertThat(np.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(np.err()).contains("np.yaml:1: has no 'providers'");
    }

    @Test
    void an_existing_suite_is_kept_unless_force_is_given() throws IOException {
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("evalgate.yaml"), "suite: mine\n");
        Cli refused = importConfig("basic", 1);
        assertThat(refused.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(refused.err()).contains("evalgate.yaml already exists; pass --force");
        assertThat(Files.readString(out.resolve("evalgate.yaml"))).isEqualTo("suite: mine\n");

        Cli forced = Cli.run("import", "promptfoo", dir.resolve("basic/promptfooconfig.yaml").toString(), "--out",
                out.toString(), "--force");
        assertThat(forced.exitCode()).isZero();
        assertThat(Files.readString(out.resolve("evalgate.yaml"))).contains("case-asserts");
    }

    // --- helpers

    /** Copies the named config folder into the temp folder with the loopback port filled in, and imports it. */
    private Cli importConfig(String name, int port) {
        Path target = dir.resolve(name);
        try {
            Path source = Path.of(PromptfooImportIT.class.getResource("/promptfoo/" + name).toURI());
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : files.toList()) {
                    Path copy = target.resolve(source.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(copy);
                    } else {
                        Files.writeString(copy, Files.readString(file, StandardCharsets.UTF_8)
                                .replace("127.0.0.1:PORT", "127.0.0.1:" + port));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return Cli.run("import", "promptfoo", target.resolve("promptfooconfig.yaml").toString(), "--out",
                dir.resolve("out").toString());
    }

    /** Runs the imported suite and returns each {@code target|case} outcome. */
    private Map<String, String> run() {
        Path results = dir.resolve("results.json");
        Cli cli = Cli.run("run", dir.resolve("out/evalgate.yaml").toString(), "--quiet", "--no-store",
                "--output", results.toString());
        assertThat(cli.exitCode()).as(cli.out() + cli.err()).isZero();
        Map<String, String> out = new TreeMap<>();
        for (JsonNode c : read(results).path("cases")) {
            out.put(c.path("target").asText() + "|" + c.path("id").asText(), c.path("outcome").asText());
            if (c.path("outcome").asText().equals("ERROR")) {
                System.err.println("ERROR case " + c);
            }
        }
        return out;
    }

    private JsonNode caseResult(String id) {
        for (JsonNode c : read(dir.resolve("results.json")).path("cases")) {
            if (c.path("id").asText().equals(id)) {
                return c;
            }
        }
        throw new AssertionError("no case " + id);
    }

    private static Map<String, String> sorted(String... pairs) {
        Map<String, String> out = new TreeMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put(pairs[i], pairs[i + 1]);
        }
        return out;
    }

    private static JsonNode body(RecordedRequest request) {
        try {
            return JSON.readTree(request.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
