package dev.evalgate.score;

import dev.evalgate.config.Options;
import dev.evalgate.dataset.Case;
import dev.evalgate.tools.Exchange;
import dev.evalgate.tools.Schemas;
import dev.evalgate.tools.ToolCall;
import dev.evalgate.tools.ToolSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code tool-args-valid} scorer: every tool call names an offered tool and its arguments are a JSON object
 * valid against that tool's schema. Its value is the share of valid calls.
 */
record ToolArgsValidScorer() implements Scorer {

    static final String ID = "tool-args-valid";

    @Override
    public Score score(Case kase, String output) {
        return Score.pass(ID, "no tool calls to check");
    }

    @Override
    public Score score(Case kase, String output, Exchange exchange) {
        List<ToolCall> calls = exchange.toolCalls();
        if (calls.isEmpty()) {
            return Score.pass(ID, "no tool calls to check");
        }
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            problem(calls.get(i), i + 1, exchange.tools()).ifPresent(problems::add);
        }
        if (problems.isEmpty()) {
            return Score.pass(ID, "all " + calls.size() + " tool calls have valid arguments");
        }
        double value = (double) (calls.size() - problems.size()) / calls.size();
        return new Score(ID, value, Outcome.FAIL, String.join("; ", problems));
    }

    private static Optional<String> problem(ToolCall call, int n, List<ToolSpec> tools) {
        String which = call.name() + " (call " + n + ")";
        Optional<ToolSpec> tool = tools.stream().filter(t -> t.name().equals(call.name())).findFirst();
        if (tool.isEmpty()) {
            return Optional.of(which + " is not an offered tool");
        }
        var args = call.parsed();
        if (args.isEmpty()) {
            return Optional.of(which + " has arguments that are not a JSON object: " + call.arguments());
        }
        String violation = Schemas.firstViolation(tool.get().parameters(), args.get());
        return violation == null ? Optional.empty()
                : Optional.of(which + " has arguments that do not match its schema: " + violation);
    }

    static final class Kind implements ScorerKind {
        @Override
        public String id() {
            return ID;
        }

        @Override
        public Scorer create(Options options) {
            options.done();
            return new ToolArgsValidScorer();
        }
    }
}
