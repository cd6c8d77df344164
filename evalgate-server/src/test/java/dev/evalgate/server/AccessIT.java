package dev.evalgate.server;

import dev.evalgate.error.ConfigException;
import dev.evalgate.store.GitInfo;
import dev.evalgate.store.Store;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Who may read the dashboard: the token rule, the session cookie, and the loopback host check. */
class AccessIT {

    private static final String TOKEN = "s3cret-token-for-tests";

    @TempDir
    static Path dir;
    private static Store store;
    private static DashboardServer guarded;
    private static DashboardServer open;

    @BeforeAll
    static void start() {
        store = Store.open(dir.resolve("evalgate.db").toString());
        SyntheticRuns.write(store, "tickets", "run-1", 4, GitInfo.unknown(), (t, i) -> i % 2 == 0);
        guarded = DashboardServer.start(store, ServerOptions.local().withToken(TOKEN));
        open = DashboardServer.start(store, ServerOptions.local());
    }

    @AfterAll
    static void stop() {
        guarded.close();
        open.close();
        store.close();
    }

    @Test
    void refuses_to_serve_another_interface_without_a_token() {
        assertThatThrownBy(() -> new ServerOptions("0.0.0.0", 0, null))
                .isInstanceOf(ConfigException.class)
                .hasMessage("--host 0.0.0.0 lets other machines reach the dashboard, which needs a token then; pass "
                        + "--token <secret> or set EVALGATE_TOKEN, or keep the default --host 127.0.0.1");
        assertThatThrownBy(() -> new ServerOptions("192.168.1.5", 0, "  ")).isInstanceOf(ConfigException.class);
    }

    @Test
    void answers_401_without_a_token_or_with_a_wrong_one() {
        Http http = Http.to(guarded);

        HttpResponse<String> none = http.get("/api/suites");
        HttpResponse<String> wrong = http.get("/api/suites", "Authorization", "Bearer not-" + TOKEN);
        HttpResponse<String> page = http.get("/");

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.body()).contains("Authorization: Bearer").doesNotContain(TOKEN);
        assertThat(none.headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(page.statusCode()).isEqualTo(401);
        assertThat(http.get("/assets/dashboard.js").statusCode()).isEqualTo(401);
    }

    @Test
    void answers_200_with_the_bearer_token() {
        HttpResponse<String> response = Http.to(guarded).get("/api/suites", "Authorization", "Bearer " + TOKEN);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("tickets");
    }

    @Test
    void token_in_the_address_sets_an_http_only_cookie_and_redirects_without_it() {
        Http http = Http.to(guarded);

        HttpResponse<String> login = http.get("/suites/tickets?token=" + TOKEN);

        assertThat(login.statusCode()).isEqualTo(303);
        assertThat(login.headers().firstValue("Location")).contains("/suites/tickets");
        String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).startsWith(AccessGuard.COOKIE + "=").contains("HttpOnly").containsIgnoringCase("SameSite=Lax")
                .doesNotContain(TOKEN);
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        assertThat(http.get("/api/suites", "Cookie", cookie).statusCode()).isEqualTo(200);
        assertThat(http.get("/api/suites", "Cookie", AccessGuard.COOKIE + "=forged").statusCode()).isEqualTo(401);
        assertThat(http.get("/?token=wrong").statusCode()).isEqualTo(401);
    }

    @Test
    void a_loopback_dashboard_refuses_requests_addressed_to_another_host() throws IOException {
        assertThat(statusWithHost(open.port(), "evil.example")).isEqualTo(403);
        assertThat(statusWithHost(open.port(), "localhost:" + open.port())).isEqualTo(200);
        assertThat(statusWithHost(open.port(), "127.0.0.1:" + open.port())).isEqualTo(200);
    }

    // The JDK client will not send a Host header of our choosing, so this speaks HTTP/1.1 over a socket.
    private static int statusWithHost(int port, String host) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/suites HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(status.substring(9, 12));
        }
    }
}
