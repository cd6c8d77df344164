package dev.evalgate.baselines;

import dev.evalgate.target.Reply;
import dev.evalgate.target.Request;
import dev.evalgate.target.Target;

import java.util.Objects;

/**
 * A target that answers with the label a trained classifier predicts for the case's text.
 *
 * <p>It ignores the suite prompt on purpose: a baseline classifies the text it was trained on
 * ({@link TextSource}), not an instruction written for a language model. Replies carry no tokens.
 */
public abstract class BaselineTarget implements Target {

    private final TextSource text;

    protected BaselineTarget(TextSource text) {
        this.text = Objects.requireNonNull(text, "text");
    }

    /** The label for one text; never null. */
    public abstract String predict(String text);

    @Override
    public final Reply call(Request request) {
        return Reply.of(predict(text.of(request.kase())));
    }

    /** A trained model in this JVM: calling it costs nothing, so the harness is warmed on the suite's cases. */
    @Override
    public final boolean freeToCall() {
        return true;
    }

    /** Never cached: a local model is cheap to call, its latency is worth measuring, and it may be retrained. */
    @Override
    public final boolean cacheable() {
        return false;
    }
}
