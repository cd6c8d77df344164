package dev.evalgate.report;

import dev.evalgate.metric.ConversationMetrics;
import dev.evalgate.metric.TargetMetrics;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** The console table of conversation figures: tool-call precision and recall, steps, time and cost. */
final class ConversationLines {

    private ConversationLines() {
    }

    static void print(List<TargetMetrics> metrics, PrintWriter out) {
        TextTable table = null;
        for (TargetMetrics m : metrics) {
            ConversationMetrics c = m.conversations();
            if (c == null) {
                continue;
            }
            if (table == null) {
                table = new TextTable("target", "tool precision", "tool recall", "max_steps hit", "steps mean/p95",
                        "latency/conv mean/p95", "latency/call mean", "cost/conv", "cost/call");
            }
            table.row(m.targetId(), ratio(c.precision()), ratio(c.recall()),
                    c.hitMaxSteps() + " (" + Format.percent(c.maxStepsRate()) + ")",
                    String.format(Locale.ROOT, "%.2f / %s", c.stepsMean(), plain(c.stepsP95())),
                    Format.millis(c.latencyMeanMs()) + " / " + Format.millis(c.latencyP95Ms()),
                    Format.millis(c.callLatencyMeanMs()), usd(c.costMeanUsd()), usd(c.callCostMeanUsd()));
        }
        if (table != null) {
            out.println("Conversations");
            table.print(out);
            out.println();
        }
    }

    private static String ratio(double v) {
        return Double.isNaN(v) ? "-" : Format.percent(v);
    }

    private static String usd(double v) {
        return Double.isNaN(v) ? "-" : Format.usd(v);
    }

    private static String plain(double v) {
        return Double.isNaN(v) ? "-" : v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
