package dev.evalgate.targets.wire;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** https against a loopback TLS server with a certificate made for the test, and requests through HTTP proxies. */
class TlsAndProxyIT {

    private static final Duration CONNECT = Duration.ofSeconds(5);
    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    static Path dir;
    private static HttpsServer tls;
    private static SSLContext trusting;
    private static final AtomicInteger TLS_CONNECTIONS = new AtomicInteger();

    @BeforeAll
    static void startTlsServer() throws Exception {
        Path store = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-keyalg", "EC", "-groupname", "secp256r1", "-alias", "server", "-dname", "CN=test",
                "-ext", "san=dns:api.example.test,ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        keytool.getInputStream().transferTo(OutputStream.nullOutputStream());
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).isZero();
        KeyStore keys = KeyStore.getInstance(store.toFile(), PASSWORD);
        KeyManagerFactory km = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        km.init(keys, PASSWORD);
        SSLContext serverContext = SSLContext.getInstance("TLS");
        serverContext.init(km.getKeyManagers(), null, null);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("server", keys.getCertificate("server"));
        TrustManagerFactory tm = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tm.init(trust);
        trusting = SSLContext.getInstance("TLS");
        trusting.init(null, tm.getTrustManagers(), null);

        tls = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        tls.setHttpsConfigurator(new HttpsConfigurator(serverContext));
        tls.createContext("/", exchange -> {
            byte[] body = ("secure " + exchange.getRequestMethod() + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        tls.start();
    }

    @AfterAll
    static void stop() {
        tls.stop(0);
    }

    private static URI tlsUri(String host) {
        return URI.create("https://" + host + ":" + tls.getAddress().getPort() + "/v1/chat");
    }

    @Test
    void speaks_https_to_a_server_whose_certificate_is_trusted_and_reuses_the_connection() throws Exception {
        try (Http1Client client = new Http1Client(CONNECT, Proxies.none(), trusting)) {
            for (int i = 0; i < 3; i++) {
                String text = client.send(WireRequest.post(tlsUri("127.0.0.1"), Map.of(), "{\"i\":" + i + "}"),
                        WireResponse::text);
                assertThat(text).isEqualTo("secure POST {\"i\":" + i + "}");
            }
        }
    }

    @Test
    void refuses_a_server_whose_certificate_the_jdk_does_not_trust() {
        try (Http1Client client = new Http1Client(CONNECT, Proxies.none())) {
            assertThatThrownBy(() -> client.send(WireRequest.post(tlsUri("127.0.0.1"), Map.of(), "{}"),
                    WireResponse::text)).isInstanceOf(javax.net.ssl.SSLHandshakeException.class);
        }
    }

    @Test
    void sends_plain_http_to_the_proxy_from_the_environment_naming_the_whole_uri() throws Exception {
        try (RawServer proxy = new RawServer((request, out) -> {
            RawServer.ok(out, "via proxy");
            return true;
        }); Http1Client viaProxy = new Http1Client(CONNECT, new Proxies(
                Map.of("http_proxy", "http://user:p%40ss@127.0.0.1:" + proxy.port()), null))) {
            String text = viaProxy.send(WireRequest.post(URI.create("http://api.example.test/v1/chat?x=1"),
                    Map.of(), "{}"), WireResponse::text);
            assertThat(text).isEqualTo("via proxy");
            RawServer.Seen seen = proxy.seen.getFirst();
            assertThat(seen.requestLine()).isEqualTo("POST http://api.example.test/v1/chat?x=1 HTTP/1.1");
            assertThat(seen.head()).contains("Host: api.example.test\r\n")
                    .contains("Proxy-Authorization: Basic dXNlcjpwQHNz\r\n");
        }
    }

    @Test
    void tunnels_https_through_the_proxy_and_checks_the_certificate_of_the_real_host() throws Exception {
        try (Tunnels proxy = new Tunnels(tls.getAddress().getPort());
             Http1Client client = new Http1Client(CONNECT,
                     new Proxies(Map.of("HTTPS_PROXY", "127.0.0.1:" + proxy.port()), null), trusting)) {
            String text = client.send(WireRequest.post(tlsUri("api.example.test"), Map.of(), "{}"),
                    WireResponse::text);
            assertThat(text).isEqualTo("secure POST {}");
            assertThat(proxy.requests).containsExactly("CONNECT api.example.test:" + tls.getAddress().getPort()
                    + " HTTP/1.1");
        }
    }

    @Test
    void reaches_hosts_listed_in_no_proxy_and_loopback_directly() throws Exception {
        Proxies proxies = new Proxies(Map.of("HTTPS_PROXY", "http://127.0.0.1:9", "NO_PROXY", "localhost,.example.test"),
                null);
        try (Http1Client client = new Http1Client(CONNECT, proxies, trusting)) {
            // not through the proxy (nothing listens on port 9): directly, where the name does not resolve
            assertThatThrownBy(() -> client.send(WireRequest.post(tlsUri("api.example.test"), Map.of(), "{}"),
                    WireResponse::text)).isInstanceOf(UnknownHostException.class)
                    .hasMessageContaining("api.example.test");
            assertThat(client.send(WireRequest.post(tlsUri("127.0.0.1"), Map.of(), "{}"), WireResponse::text))
                    .isEqualTo("secure POST {}");
        }
    }

    @Test
    void a_proxy_setting_that_is_not_an_http_url_is_refused_naming_the_variable_not_its_value() {
        Proxies proxies = new Proxies(Map.of("HTTPS_PROXY", "ftp://user:s3cret@proxy.example:21"), null);
        try (Http1Client client = new Http1Client(CONNECT, proxies, trusting)) {
            assertThatThrownBy(() -> client.send(WireRequest.post(tlsUri("api.example.test"), Map.of(), "{}"),
                    WireResponse::text)).isInstanceOf(Proxies.SettingException.class)
                    .hasMessageContaining("HTTPS_PROXY").hasMessageNotContaining("s3cret");
        }
    }

    /** A CONNECT proxy that tunnels every request to the loopback TLS server, whatever host it names. */
    private static final class Tunnels implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        final List<String> requests = new CopyOnWriteArrayList<>();

        Tunnels(int target) throws IOException {
            threads.execute(() -> {
                try {
                    while (true) {
                        Socket client = socket.accept();
                        threads.execute(() -> tunnel(client, target));
                    }
                } catch (IOException e) {
                    // closed
                }
            });
        }

        int port() {
            return socket.getLocalPort();
        }

        private void tunnel(Socket client, int target) {
            try (client; Socket server = new Socket(InetAddress.getLoopbackAddress(), target)) {
                InputStream in = client.getInputStream();
                StringBuilder head = new StringBuilder();
                while (!head.toString().endsWith("\r\n\r\n")) {
                    head.append((char) in.read());
                }
                requests.add(head.toString().lines().findFirst().orElse(""));
                client.getOutputStream().write("HTTP/1.1 200 Connection established\r\n\r\n"
                        .getBytes(StandardCharsets.ISO_8859_1));
                threads.execute(() -> {
                    try {
                        server.getInputStream().transferTo(client.getOutputStream());
                    } catch (IOException e) {
                        // one side closed
                    }
                });
                in.transferTo(server.getOutputStream());
            } catch (IOException e) {
                // one side closed
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
            threads.shutdownNow();
        }
    }
}
