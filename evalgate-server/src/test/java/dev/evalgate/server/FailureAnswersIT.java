package dev.evalgate.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Failures of every kind answered as one JSON line, on a real server with handlers that throw. */
class FailureAnswersIT {

    private static Javalin app;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.before(FailureAnswers.guard(ctx -> {
                if (ctx.path().equals("/api/before")) {
                    throw new AssertionError("a before-handler broke");
                }
            }));
            config.routes.get("/api/overflow", FailureAnswers.guard(ctx -> {
                throw new StackOverflowError();
            }));
            config.routes.get("/api/bug", FailureAnswers.guard(ctx -> {
                throw new IllegalStateException("a bug");
            }));
            config.routes.get("/api/missing", FailureAnswers.guard(ctx -> {
                throw ApiError.notFound("no run \"x\" in the store");
            }));
            config.routes.get("/api/before", FailureAnswers.guard(ctx -> ctx.result("must not be reached")));
            config.routes.get("/page", FailureAnswers.guard(ctx -> {
                throw new OutOfMemoryError("Java heap space");
            }));
            FailureAnswers.register(config);
        }).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String error(HttpResponse<String> response) throws Exception {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode body = Http.JSON.readTree(response.body());
        assertThat(body.size()).isEqualTo(1);
        return body.get("error").asText();
    }

    @Test
    void an_error_in_a_handler_answers_500_with_one_json_line_naming_it() throws Exception {
        HttpResponse<String> response = get("/api/overflow");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(error(response)).isEqualTo("the dashboard failed to answer this request (StackOverflowError)");
        assertThat(response.body()).doesNotContain("\n").doesNotContain("at dev.evalgate");
    }

    @Test
    void an_error_in_a_before_handler_stops_the_request_with_the_same_answer() throws Exception {
        HttpResponse<String> response = get("/api/before");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(error(response)).isEqualTo("the dashboard failed to answer this request (AssertionError)");
    }

    @Test
    void an_exception_is_answered_as_before() throws Exception {
        HttpResponse<String> bug = get("/api/bug");
        HttpResponse<String> missing = get("/api/missing");

        assertThat(bug.statusCode()).isEqualTo(500);
        assertThat(error(bug)).isEqualTo("the dashboard failed to answer this request (IllegalStateException)");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(error(missing)).isEqualTo("no run \"x\" in the store");
    }

    @Test
    void an_error_on_a_page_answers_plain_text() throws Exception {
        HttpResponse<String> response = get("/page");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).isEqualTo("500 Server Error: the dashboard failed to answer this request"
                + " (OutOfMemoryError)\n");
    }
}
