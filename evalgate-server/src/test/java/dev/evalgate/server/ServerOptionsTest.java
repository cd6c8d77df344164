package dev.evalgate.server;

import dev.evalgate.error.ConfigException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerOptionsTest {

    @Test
    void binds_loopback_by_default() {
        assertThat(new ServerOptions(null, 0, null).host()).isEqualTo("127.0.0.1");
    }

    @Test
    void treats_only_loopback_addresses_and_localhost_as_this_machine() {
        assertThat(ServerOptions.isLoopback("127.0.0.1")).isTrue();
        assertThat(ServerOptions.isLoopback("127.1.2.3")).isTrue();
        assertThat(ServerOptions.isLoopback("localhost")).isTrue();
        assertThat(ServerOptions.isLoopback("[::1]")).isTrue();
        assertThat(ServerOptions.isLoopback("0.0.0.0")).isFalse();
        assertThat(ServerOptions.isLoopback("::")).isFalse();
        assertThat(ServerOptions.isLoopback("127.0.0.1.evil.example")).isFalse();
        assertThat(ServerOptions.isLoopback("localhost.evil.example")).isFalse();
    }

    @Test
    void allows_another_interface_with_a_token() {
        assertThat(new ServerOptions("0.0.0.0", 8080, "t0ken").hasToken()).isTrue();
    }

    @Test
    void never_prints_the_token() {
        assertThat(new ServerOptions("0.0.0.0", 8080, "t0ken").toString()).doesNotContain("t0ken").contains("***");
    }

    @Test
    void rejects_a_port_out_of_range() {
        assertThatThrownBy(() -> new ServerOptions(null, 70_000, null)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("--port 70000");
    }

    @Test
    void reads_the_host_name_of_a_host_header() {
        assertThat(AccessGuard.hostName("localhost:7070")).isEqualTo("localhost");
        assertThat(AccessGuard.hostName("[::1]:7070")).isEqualTo("[::1]");
        assertThat(AccessGuard.hostName("example.com")).isEqualTo("example.com");
        assertThat(AccessGuard.hostName(null)).isEmpty();
    }

    @Test
    void the_redirect_after_a_token_keeps_the_other_parameters_and_stays_on_this_server() {
        assertThat(AccessGuard.withoutToken("/compare", "base=a&token=t&head=b")).isEqualTo("/compare?base=a&head=b");
        assertThat(AccessGuard.withoutToken("/runs/x", "token=t")).isEqualTo("/runs/x");
        assertThat(AccessGuard.withoutToken("//evil.example/x", "token=t")).isEqualTo("/");
    }
}
