package sample;

import dev.evalgate.target.Reply;
import dev.evalgate.target.Request;
import dev.evalgate.target.Target;

import java.util.List;
import java.util.Locale;

/** The project's own "model": positive when the text holds a positive word, else negative. */
public final class WordSentiment implements Target {

    private static final List<String> POSITIVE = List.of("good", "great", "love", "excellent", "happy");

    @Override
    public Reply call(Request request) {
        String text = request.kase().input().toLowerCase(Locale.ROOT);
        return Reply.of(POSITIVE.stream().anyMatch(text::contains) ? "positive" : "negative");
    }
}
