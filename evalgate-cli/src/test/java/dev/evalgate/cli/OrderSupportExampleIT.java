package dev.evalgate.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order-support example runs offline as its README says: the scripted agent's conversations are scored, the
 * summary names the calls that went wrong, {@code show --case} prints a whole exchange and the HTML report holds it.
 */
class OrderSupportExampleIT {

    private static final Path SUITE = Path.of("../examples/order-support/evalgate.yaml");

    @TempDir
    Path dir;

    @Test
    void the_example_runs_offline_and_shows_its_conversations() throws Exception {
        String store = dir.resolve("store.db").toString();

        Cli run = Cli.run("run", SUITE.toString(), "--store", store);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out() + run.err()).contains("target gpt-4o-mini skipped: OPENAI_API_KEY is not set");
        assertThat(run.out()).contains("scripted-agent   73.4% (47/64)")
                .contains("Conversations")
                .contains("track-01  tool-calls: tool calls F1 1.00: track_shipment (call 1) came before any "
                        + "lookup_order; expected lookup_order before track_shipment");

        Cli show = Cli.run("show", "last", "--store", store, "--case", "refund-03");

        assertThat(show.exitCode()).as(show.err()).isZero();
        assertThat(show.out()).contains("Case refund-03 of scripted-agent (repeat 0): FAIL")
                .contains("user: Can I get my money back for A-2027? It is damaged.")
                .contains("    lookup_order({\"order_id\":\"A-2027\"})  -> {\"order_id\":\"A-2027\",\"status\":"
                        + "\"delivered\",\"total\":23.5,\"delivered_on\":\"2026-11-20\"}")
                .contains("    issue_refund({\"order_id\":\"A-2027\",\"amount\":33.5,\"reason\":\"damaged\"})  -> "
                        + "error: amount exceeds the order total")
                .contains("tool-calls FAIL: tool calls F1 0.50: issue_refund was called with amount 33.5, but "
                        + "expected a number from 0 to 23.5");

        Path html = dir.resolve("report.html");
        Cli report = Cli.run("report", "last", "--store", store, "--html", html.toString(), "--config",
                SUITE.toString());

        assertThat(report.exitCode()).as(report.err()).isZero();
        assertThat(Files.readString(html)).contains("failure-transcript").contains("issue_refund(")
                .contains("error: amount exceeds the order total");
    }
}
