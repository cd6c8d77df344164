package dev.evalgate.config;

import dev.evalgate.error.ConfigException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptionsTest {

    private static Options options(String yaml) {
        return Options.of(YamlTree.parse("evalgate.yaml", yaml, Interpolator.of(Map.of())));
    }

    private static Duration duration(String text) {
        return Options.parseDuration(new ConfigNode.Scalar("evalgate.yaml", 3, "run.timeout", text, false));
    }

    @Test
    void done_rejects_an_unread_key_and_suggests_the_nearest_read_one() {
        Options run = options("""
                concurency: 4
                timeout: 30s
                """);
        run.integer("concurrency", 1, 100);
        run.duration("timeout");

        assertThatThrownBy(run::done).isInstanceOf(ConfigException.class)
                .hasMessage("evalgate.yaml:1: unknown key 'concurency'. Did you mean 'concurrency'? Valid keys here:"
                        + " concurrency, timeout.");
    }

    @Test
    void a_missing_required_key_names_the_misspelt_key_that_is_there_instead() {
        ConfigNode targets = Options.of(YamlTree.parse("evalgate.yaml", """
                targets:
                  - id: bot
                    type: openai
                    modle: gpt-4o-mini
                """, Interpolator.of(Map.of()))).node("targets").orElseThrow();
        Options first = Options.of(Options.items(targets).getFirst());
        first.string("id");
        first.string("type");

        assertThatThrownBy(() -> first.requiredString("model", "the model name, e.g. model: gpt-4o-mini"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("evalgate.yaml:4: unknown key 'targets[0].modle'. Did you mean 'model'? (key"
                        + " 'targets[0].model' is required: the model name, e.g. model: gpt-4o-mini)");
    }

    @Test
    void a_missing_required_key_with_no_near_key_says_it_is_required() {
        Options run = options("id: bot\n");
        run.string("id");

        assertThatThrownBy(() -> run.requiredString("model", "")).isInstanceOf(ConfigException.class)
                .hasMessage("evalgate.yaml:1: key 'model' is required");
    }

    @Test
    void a_zero_timeout_is_rejected_rather_than_read_as_no_timeout() {
        Options run = options("timeout: 0s\n");

        assertThatThrownBy(() -> run.positiveDuration("timeout", "30s")).isInstanceOf(ConfigException.class)
                .hasMessage("evalgate.yaml:1: key 'timeout' must be longer than 0, such as 30s, but is '0s'");
        assertThat(options("timeout: 250ms\n").positiveDuration("timeout", "30s")).contains(Duration.ofMillis(250));
    }

    @Test
    void done_lists_the_valid_keys_when_nothing_is_close() {
        Options run = options("zzzzzz: 1\n");
        run.string("model");

        assertThatThrownBy(run::done).hasMessage("evalgate.yaml:1: unknown key 'zzzzzz'. Valid keys here: model.");
    }

    @Test
    void done_names_the_full_path_of_a_nested_key() {
        Options root = options("""
                run:
                  repaet: 2
                """);
        Options run = Options.of(root.node("run").orElseThrow());
        run.integer("repeat", 1, 100);

        assertThatThrownBy(run::done).hasMessageStartingWith("evalgate.yaml:2: unknown key 'run.repaet'."
                + " Did you mean 'repeat'?");
    }

    @Test
    void done_accepts_keys_that_were_read_or_allowed() {
        Options o = options("""
                model: m
                extra: x
                """);
        o.string("model");
        o.allow("extra");

        o.done();
    }

    @Test
    void durations_accept_milliseconds_seconds_minutes_hours_and_bare_seconds() {
        assertThat(duration("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(duration("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(duration("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(duration("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(duration("45")).isEqualTo(Duration.ofSeconds(45));
        assertThat(duration("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(duration(" 10 s ")).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void a_malformed_duration_names_key_and_accepted_forms() {
        assertThatThrownBy(() -> duration("fast")).isInstanceOf(ConfigException.class)
                .hasMessage("evalgate.yaml:3: key 'run.timeout' must be a duration such as 30s, 250ms or 2m,"
                        + " but is 'fast'");
        assertThatThrownBy(() -> duration("-5s")).hasMessageEndingWith("but is '-5s'");
    }

    @Test
    void an_integer_out_of_bounds_names_key_bounds_and_value() {
        Options o = options("retries: 101\n");

        assertThatThrownBy(() -> o.integer("retries", 0, 100)).isInstanceOf(ConfigException.class)
                .hasMessage("evalgate.yaml:1: key 'retries' must be between 0 and 100, but is 101");
    }

    @Test
    void a_non_integer_names_key_and_value() {
        Options o = options("retries: three\n");

        assertThatThrownBy(() -> o.integer("retries", 0, 100))
                .hasMessage("evalgate.yaml:1: key 'retries' must be a whole number, but is 'three'");
    }

    @Test
    void an_integer_within_bounds_is_read_and_an_absent_one_is_empty() {
        Options o = options("retries: 3\n");

        assertThat(o.integer("retries", 0, 100)).contains(3);
        assertThat(o.integer("concurrency", 1, 100)).isEmpty();
    }

    @Test
    void a_required_key_that_is_missing_says_what_to_write() {
        Options o = options("type: java\n");

        assertThatThrownBy(() -> o.requiredString("class", "the class to load"))
                .hasMessage("evalgate.yaml:1: key 'class' is required: the class to load");
    }

    @Test
    void strings_reads_a_single_value_as_a_list_of_one() {
        Options o = options("""
                one: a.jar
                many: [a.jar, b.jar]
                """);

        assertThat(o.strings("one")).containsExactly("a.jar");
        assertThat(o.strings("many")).containsExactly("a.jar", "b.jar");
        assertThat(o.strings("none")).isEqualTo(List.of());
    }

    @Test
    void booleans_accept_yes_no_forms_and_reject_others() {
        Options o = options("""
                a: yes
                b: off
                c: maybe
                """);

        assertThat(o.bool("a")).contains(true);
        assertThat(o.bool("b")).contains(false);
        assertThatThrownBy(() -> o.bool("c")).hasMessage("evalgate.yaml:3: key 'c' must be true or false,"
                + " but is 'maybe'");
    }
}
