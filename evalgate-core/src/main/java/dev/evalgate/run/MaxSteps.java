package dev.evalgate.run;

import dev.evalgate.score.Outcome;
import dev.evalgate.score.Score;
import dev.evalgate.tools.Exchange;
import dev.evalgate.tools.ToolCall;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** The failure of a conversation that reached {@code max_steps} with the model still calling tools. */
final class MaxSteps {

    static final String SCORER = "max-steps";

    private MaxSteps() {
    }

    /** The sample as a FAIL whose first score says the loop was stopped, and by which calls. */
    static Sample failed(Sample s) {
        Exchange x = s.exchange();
        LinkedHashSet<String> last = new LinkedHashSet<>();
        x.calls().getLast().toolCalls().stream().map(ToolCall::name).forEach(last::add);
        Score stop = Score.fail(SCORER, "stopped at max_steps " + x.maxSteps() + ": the model was still calling "
                + String.join(", ", last) + " after " + x.steps() + " model calls");
        List<Score> scores = new ArrayList<>();
        scores.add(stop);
        scores.addAll(s.scores());
        Outcome outcome = s.outcome() == Outcome.ERROR ? Outcome.ERROR : Outcome.FAIL;
        return new Sample(s.repeat(), s.rawOutput(), s.output(), outcome, 0, scores, s.latencyMs(), s.usage(),
                s.costUsd(), s.attempts(), s.error(), s.cached(), x);
    }
}
