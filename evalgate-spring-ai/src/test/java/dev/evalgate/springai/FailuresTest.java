package dev.evalgate.springai;

import dev.evalgate.error.TargetException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.ai.retry.NonTransientAiException;
import org.springframework.ai.retry.TransientAiException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class FailuresTest {

    static Stream<Arguments> classified() {
        return Stream.of(
                Arguments.of(new TransientAiException("HTTP 429 - Too many requests"), "http_429", true),
                Arguments.of(new TransientAiException("HTTP 503 - overloaded"), "http_503", true),
                Arguments.of(new TransientAiException("overloaded"), "retriable", true),
                Arguments.of(new NonTransientAiException("HTTP 401 - bad key"), "http_401", false),
                Arguments.of(new NonTransientAiException("max_tokens 4096 is too large"), "rejected", false),
                Arguments.of(HttpClientErrorException.create(HttpStatus.TOO_MANY_REQUESTS, "slow", null, null, null),
                        "http_429", true),
                Arguments.of(HttpClientErrorException.create(HttpStatus.UNAUTHORIZED, "no", null, null, null),
                        "http_401", false),
                Arguments.of(HttpServerErrorException.create(HttpStatus.BAD_GATEWAY, "gw", null, null, null),
                        "http_502", true),
                Arguments.of(new ResourceAccessException("I/O error", new SocketTimeoutException("Read timed out")),
                        "timeout", true),
                Arguments.of(new RuntimeException("call failed", new InterruptedIOException("timeout")), "timeout", true),
                Arguments.of(new ResourceAccessException("I/O error", new ConnectException("Connection refused")),
                        "connection", true),
                Arguments.of(new SdkStyleException(408), "http_408", true),
                Arguments.of(new SdkStyleException(404), "http_404", false));
    }

    @ParameterizedTest(name = "{0} becomes {1}")
    @MethodSource("classified")
    void exceptions_are_classified_as_the_http_targets_do(RuntimeException thrown, String kind, boolean retriable) {
        RuntimeException translated = Failures.translate(thrown);

        assertThat(translated).isInstanceOf(TargetException.class).hasCause(thrown);
        assertThat(((TargetException) translated).kind()).isEqualTo(kind);
        assertThat(((TargetException) translated).retriable()).isEqualTo(retriable);
    }

    @Test
    void retry_after_from_spring_response_headers_is_kept_in_seconds_or_milliseconds() {
        HttpHeaders seconds = new HttpHeaders();
        seconds.add("Retry-After", "3");
        HttpHeaders millis = new HttpHeaders();
        millis.add("retry-after-ms", "250");
        millis.add("Retry-After", "9");

        assertThat(retryAfter(HttpClientErrorException.create(HttpStatus.TOO_MANY_REQUESTS, "slow", seconds, null, null)))
                .contains(Duration.ofSeconds(3));
        assertThat(retryAfter(HttpServerErrorException.create(HttpStatus.SERVICE_UNAVAILABLE, "busy", millis, null, null)))
                .contains(Duration.ofMillis(250));
        assertThat(retryAfter(HttpClientErrorException.create(HttpStatus.TOO_MANY_REQUESTS, "slow", null, null, null)))
                .isEmpty();
    }

    private static java.util.Optional<Duration> retryAfter(RuntimeException thrown) {
        return ((TargetException.Retriable) Failures.translate(thrown)).retryAfter();
    }

    @Test
    void an_unclassified_exception_is_left_as_it_is() {
        IllegalStateException bug = new IllegalStateException("a bug in the application");

        assertThat(Failures.translate(bug)).isSameAs(bug);
    }

    @Test
    void an_authentication_failure_says_what_to_check() {
        TargetException e = (TargetException) Failures.translate(new SdkStyleException(401));

        assertThat(e.getMessage()).contains("HTTP 401").contains("check the API key");
    }

    /** The shape of the providers' SDK exceptions (OpenAI's, Anthropic's): the status as {@code statusCode()}. */
    public static final class SdkStyleException extends RuntimeException {
        private final int status;

        SdkStyleException(int status) {
            super(status + ": rejected by the provider");
            this.status = status;
        }

        public int statusCode() {
            return status;
        }
    }
}
