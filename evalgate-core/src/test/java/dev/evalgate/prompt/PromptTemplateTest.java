package dev.evalgate.prompt;

import dev.evalgate.dataset.Case;
import dev.evalgate.dataset.Expected;
import dev.evalgate.error.ConfigException;
import dev.evalgate.target.RenderedPrompt;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PromptTemplateTest {

    private static Case kase(Map<String, Object> vars) {
        return new Case("c7", vars, Expected.none(), Map.of(), null, "cases.jsonl:7");
    }

    @Test
    void fills_system_and_user_parts_from_the_case() {
        PromptTemplate template = PromptTemplate.of("You sort {{team}} tickets.", "Ticket: {{input}}", "prompt");

        RenderedPrompt prompt = template.render(kase(Map.of("input", "refund please", "team", "billing")), Map.of());

        assertThat(prompt).isEqualTo(new RenderedPrompt("You sort billing tickets.", "Ticket: refund please"));
    }

    @Test
    void a_template_without_a_system_part_renders_a_null_system() {
        RenderedPrompt prompt = PromptTemplate.of(null, "{{input}}", "prompt").render(kase(Map.of("input", "hi")),
                Map.of());

        assertThat(prompt.system()).isNull();
        assertThat(prompt.user()).isEqualTo("hi");
    }

    @Test
    void inserts_values_without_html_escaping() {
        RenderedPrompt prompt = PromptTemplate.of(null, "Q: {{input}}", "prompt")
                .render(kase(Map.of("input", "<b>a & b</b> \"quoted\" 'single'")), Map.of());

        assertThat(prompt.user()).isEqualTo("Q: <b>a & b</b> \"quoted\" 'single'");
    }

    @Test
    void suite_variables_fill_gaps_and_case_variables_win() {
        PromptTemplate template = PromptTemplate.of("Tone: {{tone}}", "{{input}} in {{lang}}", "prompt");

        RenderedPrompt prompt = template.render(kase(Map.of("input", "hello", "tone", "casual")),
                Map.of("tone", "formal", "lang", "French"));

        assertThat(prompt).isEqualTo(new RenderedPrompt("Tone: casual", "hello in French"));
    }

    @Test
    void a_missing_variable_names_the_placeholder_the_case_and_the_fix() {
        PromptTemplate template = PromptTemplate.of(null, "Answer in {{lang}}: {{input}}", "prompt");

        assertThatThrownBy(() -> template.render(kase(Map.of("input", "hi")), Map.of()))
                .isInstanceOf(PromptTemplate.PromptException.class)
                .hasMessage("the prompt uses {{lang}}, but case c7 (cases.jsonl:7) has no field 'lang'. Add it to the"
                        + " case, or to 'vars:' in the suite.");
    }

    @Test
    void a_missing_variable_in_the_system_part_is_reported_too() {
        PromptTemplate template = PromptTemplate.of("Be {{persona}}.", "{{input}}", "prompt");

        assertThatThrownBy(() -> template.render(kase(Map.of("input", "hi")), Map.of("lang", "en")))
                .isInstanceOf(PromptTemplate.PromptException.class)
                .hasMessageStartingWith("the prompt uses {{persona}}, but case c7 (cases.jsonl:7)");
    }

    @Test
    void an_unclosed_section_is_a_config_error_naming_the_key() {
        assertThatThrownBy(() -> PromptTemplate.of("{{#strict}}Be strict.", "{{input}}", "targets[0].prompt"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("key 'targets[0].prompt.system' is not a valid template: ")
                .hasMessageEndingWith(". Placeholders look like {{input}} or {{field}}.");
    }

    @Test
    void an_unclosed_placeholder_is_rejected_rather_than_sent_literally() {
        assertThatThrownBy(() -> PromptTemplate.of(null, "Q: {{input\nA:", "targets[0].prompt"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("key 'targets[0].prompt.user' is not a valid template: '{{input' has no closing '}}'."
                        + " Placeholders look like {{input}} or {{field}}.");
        assertThatThrownBy(() -> PromptTemplate.of(null, "{{lang} then {{input}}", "prompt"))
                .hasMessageContaining("'{{lang} then {{input' has no closing '}}'");
    }

    @Test
    void triple_braces_and_literal_single_braces_are_accepted() {
        RenderedPrompt prompt = PromptTemplate.of(null, "{{{input}}} as JSON: {\"a\": {\"b\": 1}}", "prompt")
                .render(kase(Map.of("input", "x")), Map.of());

        assertThat(prompt.user()).isEqualTo("x as JSON: {\"a\": {\"b\": 1}}");
    }

    @Test
    void keeps_its_sources_for_reports() {
        PromptTemplate template = PromptTemplate.of("sys", "Q: {{input}}", "prompt");

        assertThat(template.systemSource()).isEqualTo("sys");
        assertThat(template.userSource()).isEqualTo("Q: {{input}}");
    }
}
