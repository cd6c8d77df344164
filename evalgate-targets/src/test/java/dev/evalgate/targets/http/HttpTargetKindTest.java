package dev.evalgate.targets.http;

import dev.evalgate.error.ConfigException;
import dev.evalgate.targets.TestSpecs;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpTargetKindTest {

    private final HttpTargetKind kind = new HttpTargetKind();

    @Test
    void requires_an_output_path() {
        assertThatThrownBy(() -> TestSpecs.create(kind, "url: http://127.0.0.1:9/p\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("key 'output' is required")
                .hasMessageContaining("$.label");
    }

    @Test
    void rejects_an_invalid_json_path_naming_the_line() {
        assertThatThrownBy(() -> TestSpecs.create(kind, "url: http://127.0.0.1:9/p\noutput: \"$.[\"\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("suite.yaml:2: key 'output' is not a valid JSONPath");
    }

    @Test
    void rejects_a_header_the_protocol_does_not_allow_when_the_suite_is_read_without_showing_its_value() {
        assertThatThrownBy(() -> TestSpecs.create(kind, "url: http://127.0.0.1:9/p\noutput: $.x\n"
                + "headers: { Authorization: \"Bearer sk-live-123\\r\\nX-Evil: 1\" }\n"))
                .hasMessageContaining("suite.yaml:3").hasMessageContaining("headers.Authorization").hasMessageContaining("line breaks")
                .hasMessageNotContaining("sk-live-123");
        assertThatThrownBy(() -> TestSpecs.create(kind, "url: http://127.0.0.1:9/p\noutput: $.x\n"
                + "headers: { Host: example.com }\n"))
                .hasMessageContaining("restricted header name");
    }

    @Test
    void rejects_a_url_that_is_not_http() {
        assertThatThrownBy(() -> TestSpecs.create(kind, "url: localhost:8080/p\noutput: $.x\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("key 'url' must be an http or https URL");
    }

    @Test
    void rejects_a_body_on_a_get_request() {
        assertThatThrownBy(() -> TestSpecs.create(kind,
                "url: http://127.0.0.1:9/p\nmethod: GET\nbody: {a: b}\noutput: $.x\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("GET requests carry no body");
    }

    @Test
    void rejects_an_unknown_method() {
        assertThatThrownBy(() -> TestSpecs.create(kind, "url: http://127.0.0.1:9/p\nmethod: FETCH\noutput: $.x\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("key 'method' must be one of GET, POST, PUT, PATCH, DELETE, but is 'FETCH'");
    }

    @Test
    void rejects_a_broken_template_naming_the_key() {
        assertThatThrownBy(() -> TestSpecs.create(kind, "url: http://127.0.0.1:9/p\nbody: '{{#items}} x'\noutput: $.x\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("key 'body' is not a valid template");
    }
}
