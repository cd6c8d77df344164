package dev.evalgate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.evalgate.server.DashboardServer;
import dev.evalgate.server.ServerOptions;
import dev.evalgate.store.RunFilter;
import dev.evalgate.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secrets planted in every place a suite can hold one, and echoed back by a failing server and a failing worker at
 * many offsets, appear in no file evalgate writes, nothing it prints and no row of its store.
 */
class SecretsLeakIT {

    private static final String API_KEY = "sk-LITqz7w3e9r1t5y2u8i4";
    private static final String ENV_VALUE = "envVALxk4m8n2b6v9c3";
    private static final String AUTHORIZATION = "auTOKpj5h7g3f1d9s2a6";
    private static final String COOKIE = "ckSESSwq8e2r4t6y1u3";
    private static final String SUBSCRIPTION = "ocpSUBzm5x7c9v2b4n6";
    private static final String WORKER_ENV = "wkENVlo9k8j7h6g5f4d";
    private static final List<String> SECRETS = List.of(API_KEY, ENV_VALUE, AUTHORIZATION, COOKIE, SUBSCRIPTION,
            WORKER_ENV);
    /** The places the server starts its echo, so each secret in turn straddles the 200-character cut. */
    private static final List<Integer> OFFSETS = List.of(0, 57, 150, 190, 194, 197, 199, 202);
    private static final List<String> ECHOED = List.of("authorization", "cookie", "ocp-apim-subscription-key",
            "x-trace", "body");
    private static final Pattern ASK = Pattern.compile("k:(\\d+):([a-z-]+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private HttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", SecretsLeakIT::echoAndFail);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    /** Fails every request with an error message that echoes its headers and body, starting at the asked offset. */
    private static void echoAndFail(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Matcher ask = ASK.matcher(body);
        int offset = ask.find() ? Integer.parseInt(ask.group(1)) : 0;
        String first = ask.group(2);
        StringBuilder message = new StringBuilder("x".repeat(offset));
        message.append(first.equals("body") ? body : String.valueOf(exchange.getRequestHeaders().get(first)));
        exchange.getRequestHeaders().forEach((name, values) -> message.append(" | ").append(name).append(": ")
                .append(values));
        message.append(" | body: ").append(body);
        byte[] answer = JSON.writeValueAsBytes(Map.of("error", Map.of("message", message.toString())));
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(400, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    private Path writeSuite() throws IOException {
        Path in = Files.createDirectories(dir.resolve("suite"));
        StringBuilder cases = new StringBuilder();
        int n = 0;
        for (String echoed : ECHOED) {
            for (int offset : OFFSETS) {
                cases.append("{\"id\": \"c").append(n++).append("\", \"input\": \"k:").append(offset).append(':')
                        .append(echoed).append("\", \"expected\": \"yes\"}\n");
            }
        }
        for (int offset : OFFSETS) {
            cases.append("{\"id\": \"c").append(n++).append("\", \"input\": \"k:").append(offset)
                    .append(":crash\", \"expected\": \"yes\"}\n");
        }
        Files.writeString(in.resolve("cases.jsonl"), cases);
        // The worker reports its own env in errors at the asked offset (+300, so 500-character cuts are straddled)
        // and, asked to crash, writes it to stderr past the 500-character line cut and exits.
        Files.writeString(in.resolve("worker.sh"), """
                while IFS= read -r line; do
                  n=$(printf '%s' "$line" | sed -n 's/.*k:\\([0-9]*\\):\\([a-z-]*\\).*/\\1/p')
                  what=$(printf '%s' "$line" | sed -n 's/.*k:\\([0-9]*\\):\\([a-z-]*\\).*/\\2/p')
                  pad=$(printf "%0$((n + 300))d" 0)
                  if [ "$what" = crash ]; then
                    printf '%s%s\\n' "$pad" "$WORKER_SECRET" >&2
                    printf 'the secret is %s\\n' "$WORKER_SECRET" >&2
                    exit 3
                  fi
                  printf '{"error": "%s%s and again %s"}\\n' "$pad" "$WORKER_SECRET" "$WORKER_SECRET"
                done
                """);
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
        Path suite = in.resolve("evalgate.yaml");
        Files.writeString(suite, """
                suite: leaks
                dataset: cases.jsonl
                targets:
                  - id: keyed
                    type: openai
                    base_url: "%s"
                    model: m
                    api_key: %s
                    headers:
                      Cookie: "session=%s"
                      Ocp-Apim-Subscription-Key: %s
                      X-Trace: "${TRACE_VALUE}"
                  - id: bearer
                    type: openai
                    base_url: "%s"
                    model: m
                    api_key: unused-key
                    headers:
                      Authorization: "Bearer %s"
                  - id: worker
                    type: command
                    command: [sh, worker.sh]
                    env: { WORKER_SECRET: "%s" }
                scorers: [ equals ]
                run: { retries: 0 }
                gate:
                  absolute: { pass_rate: ">= 0.5" }
                """.formatted(url, API_KEY, COOKIE, SUBSCRIPTION, url, AUTHORIZATION, WORKER_ENV));
        return suite;
    }

    /** Runs the CLI in its own JVM, so {@code ${TRACE_VALUE}} comes from a real environment. */
    private String cli(Path suite, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(suite.getParent().toFile());
        builder.environment().put("TRACE_VALUE", ENV_VALUE);
        builder.environment().remove("EVALGATE_STORE");
        Process process = builder.start();
        process.getOutputStream().close();
        var err = process.getErrorStream();
        StringBuilder stderr = new StringBuilder();
        Thread errText = Thread.ofVirtual().start(() -> {
            try {
                stderr.append(new String(err.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException ignored) {
                // the process is gone
            }
        });
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        errText.join();
        return "$ evalgate " + String.join(" ", args) + " -> exit " + process.exitValue() + "\n" + stdout + "\n"
                + stderr;
    }

    @Test
    void no_planted_secret_or_prefix_of_one_reaches_any_output_file_console_or_store_row() throws Exception {
        Path suite = writeSuite();
        Path out = Files.createDirectories(dir.resolve("out"));
        String store = out.resolve("evalgate.db").toString();
        Map<String, String> seen = new LinkedHashMap<>();
        seen.put("run", cli(suite, "run", "evalgate.yaml", "--store", store, "--output", out.resolve("results.json")
                .toString(), "--junit", out.resolve("junit.xml").toString(), "--markdown",
                out.resolve("summary.md").toString()));
        seen.put("baseline", cli(suite, "baseline", "save", "last", out.resolve("baseline.json").toString(),
                "--store", store));
        seen.put("report", cli(suite, "report", "--store", store, "--html", out.resolve("report.html").toString()));
        seen.put("check", cli(suite, "check", "--store", store, "--baseline", out.resolve("baseline.json")
                .toString(), "--markdown", out.resolve("check.md").toString(), "--junit",
                out.resolve("check.xml").toString(), "--json", out.resolve("check.json").toString()));

        assertThat(seen.get("run")).contains("worker_error").contains("http_400");
        assertThat(out.resolve("results.json")).exists();
        assertThat(out.resolve("baseline.json")).exists();
        assertThat(out.resolve("report.html")).exists();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.toString().contains(".db")).toList()) {
                seen.put(file.getFileName().toString(), Files.readString(file));
            }
        }
        seen.put("store", dump(store));
        seen.putAll(dashboard(store));

        assertThat(seen.get("store")).contains("HTTP 400").contains("reported");
        List<String> leaks = new ArrayList<>();
        seen.forEach((where, text) -> SECRETS.forEach(secret -> {
            for (int i = 0; i + 8 <= secret.length(); i++) {
                int at = text.indexOf(secret.substring(i, i + 8));
                if (at >= 0) {
                    leaks.add(where + " leaks part of " + secret + ": ..."
                            + text.substring(Math.max(0, at - 120), Math.min(text.length(), at + 40)) + "...");
                    break;
                }
            }
        }));
        assertThat(leaks).isEmpty();
    }

    /** The dashboard's pages and API answers about the run, as the server sends them. */
    private static Map<String, String> dashboard(String storePath) throws Exception {
        Map<String, String> answers = new LinkedHashMap<>();
        try (Store store = Store.open(storePath);
             DashboardServer server = DashboardServer.start(store, ServerOptions.local());
             HttpClient client = HttpClient.newHttpClient()) {
            String runId = store.runs(RunFilter.all()).getFirst().runId();
            List<String> paths = new ArrayList<>(List.of("/", "/suites/leaks", "/runs/" + runId, "/api/suites",
                    "/api/suites/leaks/runs", "/api/runs/" + runId, "/api/runs/" + runId + "/failures"));
            for (String target : List.of("keyed", "bearer", "worker")) {
                paths.add("/api/runs/" + runId + "/failures?limit=100&target=" + target);
            }
            for (String path : paths) {
                HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(server.url().replaceAll("/$", "") + path))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).as(path).isEqualTo(200);
                answers.put("dashboard " + path, answer.body());
            }
            assertThat(answers.get("dashboard /api/runs/" + runId + "/failures?limit=100&target=worker"))
                    .contains("reported");
        }
        return answers;
    }

    /** Every row of every table of the SQLite store, as text. */
    private static String dump(String store) throws SQLException {
        StringBuilder all = new StringBuilder();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store);
             Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            assertThat(tables).contains("response_cache");
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        all.append(table).append(':');
                        for (int i = 1; i <= columns; i++) {
                            Object value = rs.getObject(i);
                            all.append(' ').append(value instanceof byte[] bytes
                                    ? new String(bytes, StandardCharsets.UTF_8) : value);
                        }
                        all.append('\n');
                    }
                }
            }
        }
        return all.toString();
    }
}
