package dev.evalgate.targets.internal;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class HttpTransportOpenIT {

    @Test
    void opens_the_connections_asked_for_at_once() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             HttpTransport transport = new HttpTransport(Duration.ofSeconds(5), Secrets.none())) {
            // the kernel completes each handshake into the listening socket's backlog: no accept is needed
            int opened = transport.open(URI.create("http://127.0.0.1:" + server.getLocalPort() + "/v1/chat"), 4);

            assertThat(opened).isEqualTo(4);
        }
    }

    @Test
    void an_endpoint_that_refuses_is_left_for_the_calls_to_report() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        try (HttpTransport transport = new HttpTransport(Duration.ofSeconds(5), Secrets.none())) {
            assertThat(transport.open(URI.create("http://127.0.0.1:" + closedPort + "/"), 3)).isZero();
        }
    }
}
