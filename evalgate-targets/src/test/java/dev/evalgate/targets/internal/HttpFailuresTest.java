package dev.evalgate.targets.internal;

import dev.evalgate.error.TargetException;
import org.junit.jupiter.api.Test;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class HttpFailuresTest {

    private static final URI URI = java.net.URI.create("https://api.example.com:8443/v1/chat?key=abc");
    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

    /** Header lookup by name in any case, as a response's head answers it. */
    private static Function<String, Optional<String>> headers(Map<String, String> values) {
        return name -> values.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst();
    }

    private static TargetException status(int status) {
        return HttpFailures.forStatus(status, headers(Map.of()), "", URI, NOW);
    }

    @Test
    void retries_rate_limits_conflicts_request_timeouts_and_server_errors() {
        for (int code : new int[]{429, 408, 409, 500, 502, 503, 529}) {
            assertThat(status(code).retriable()).as("HTTP %d", code).isTrue();
            assertThat(status(code).kind()).isEqualTo("http_" + code);
        }
    }

    @Test
    void does_not_retry_client_errors() {
        for (int code : new int[]{400, 401, 403, 404, 422}) {
            assertThat(status(code).retriable()).as("HTTP %d", code).isFalse();
            assertThat(status(code).kind()).isEqualTo("http_" + code);
        }
    }

    @Test
    void reads_retry_after_as_seconds_milliseconds_or_an_http_date() {
        assertThat(HttpFailures.retryAfter(headers(Map.of("Retry-After", "2")), NOW)).contains(Duration.ofSeconds(2));
        assertThat(HttpFailures.retryAfter(headers(Map.of("retry-after-ms", "250", "Retry-After", "1")), NOW))
                .contains(Duration.ofMillis(250));
        assertThat(HttpFailures.retryAfter(headers(Map.of("Retry-After", "Wed, 01 Jan 2025 00:00:30 GMT")), NOW))
                .contains(Duration.ofSeconds(30));
        assertThat(HttpFailures.retryAfter(headers(Map.of("Retry-After", "Tue, 31 Dec 2024 23:00:00 GMT")), NOW))
                .contains(Duration.ZERO);
        assertThat(HttpFailures.retryAfter(headers(Map.of("Retry-After", "soon")), NOW)).isEmpty();
    }

    @Test
    void carries_the_retry_after_wait_on_a_429() {
        TargetException e = HttpFailures.forStatus(429, headers(Map.of("Retry-After", "3")), "", URI, NOW);

        assertThat(((TargetException.Retriable) e).retryAfter()).contains(Duration.ofSeconds(3));
    }

    @Test
    void quotes_the_provider_error_message_and_hides_the_query_of_the_url() {
        TargetException e = HttpFailures.forStatus(404, headers(Map.of()),
                "{\"error\": {\"message\": \"The model `gpt-9` does not exist\"}}", URI, NOW);

        assertThat(e.getMessage()).isEqualTo("HTTP 404 from https://api.example.com:8443/v1/chat: The model "
                + "`gpt-9` does not exist. Check the target's URL ('base_url' or 'url') and 'model'.");
    }

    @Test
    void shows_the_start_of_a_body_that_is_not_json() {
        TargetException e = HttpFailures.forStatus(502, headers(Map.of()), "<html>" + "x".repeat(500), URI, NOW);

        assertThat(e.getMessage()).contains(": <html>xxx").contains("…").hasSizeLessThan(300);
    }

    @Test
    void classifies_transport_failures() {
        assertThat(HttpFailures.forException(new ConnectException("refused"), URI).kind()).isEqualTo("connection");
        assertThat(HttpFailures.forException(new HttpConnectTimeoutException("slow"), URI).kind())
                .isEqualTo("connection");
        assertThat(HttpFailures.forException(new HttpTimeoutException("slow"), URI).kind()).isEqualTo("timeout");
        assertThat(HttpFailures.forException(new EOFException("EOF reached while reading"), URI).kind())
                .isEqualTo("connection");
        assertThat(HttpFailures.forException(new IOException("Connection reset"), URI).retriable()).isTrue();
    }

    @Test
    void tls_failures_a_retry_would_meet_again_are_fatal_and_say_what_to_fix() {
        TargetException plain = HttpFailures.forException(
                new javax.net.ssl.SSLException("Unsupported or unrecognized SSL message"), URI);
        assertThat(plain.retriable()).isFalse();
        assertThat(plain.kind()).isEqualTo("tls");
        assertThat(plain.getMessage()).contains("did not answer in TLS").contains("http:// instead of https://");
        TargetException untrusted = HttpFailures.forException(new javax.net.ssl.SSLHandshakeException(
                "PKIX path building failed: unable to find valid certification path to requested target"), URI);
        assertThat(untrusted.retriable()).isFalse();
        assertThat(untrusted.getMessage()).contains("certificate").contains("javax.net.ssl.trustStore");
        javax.net.ssl.SSLException broken = new javax.net.ssl.SSLException("Connection reset",
                new java.net.SocketException("Connection reset"));
        assertThat(HttpFailures.forException(broken, URI).retriable()).as("a connection broken mid-handshake")
                .isTrue();
    }

    @Test
    void an_unusable_proxy_setting_is_fatal() {
        TargetException e = HttpFailures.forException(
                new dev.evalgate.targets.wire.Proxies.SettingException("the proxy setting HTTPS_PROXY is not ..."), URI);
        assertThat(e.retriable()).isFalse();
        assertThat(e.kind()).isEqualTo("proxy");
    }

    @Test
    void masks_secrets_longest_first() {
        Secrets secrets = Secrets.of(List.of("abcd", "xxabcdxx", "12"));

        assertThat(secrets.mask("key xxabcdxx or abcd, 12")).isEqualTo("key *** or ***, 12");
    }

    @Test
    void a_key_across_the_200_character_cut_of_a_provider_error_leaves_no_prefix_once_masked() {
        String key = "sk-straddle-0123456789";
        Secrets secrets = Secrets.of(List.of(key));
        for (int offset = 180; offset <= 200; offset++) {
            String body = "{\"error\": {\"message\": \"" + "x".repeat(offset) + key + "\"}}";

            String shown = secrets.mask(HttpFailures.forStatus(400, headers(Map.of()), body, URI, NOW).getMessage());

            assertThat(shown).as("key at offset %d", offset).doesNotContain(key.substring(0, 4));
        }
    }
}
