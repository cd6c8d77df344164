package dev.evalgate.score;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.evalgate.config.Options;
import dev.evalgate.dataset.Case;

/**
 * The {@code json-valid} scorer: the whole output, apart from surrounding whitespace, must be one JSON value; with
 * {@code extract: true}, the output must hold a JSON object somewhere in its text.
 */
final class JsonValidScorer implements Scorer {

    static final String ID = "json-valid";

    private final boolean extract;

    JsonValidScorer(boolean extract) {
        this.extract = extract;
    }

    @Override
    public Score score(Case kase, String output) {
        if (extract) {
            return JsonText.embeddedObjects(output).isEmpty()
                    ? Score.fail(ID, "no JSON object found in " + Texts.quote(output))
                    : Score.pass(ID, "output holds a JSON object");
        }
        if (output.isBlank()) {
            return Score.fail(ID, "output is empty, not JSON");
        }
        try {
            JsonText.parse(output);
            return Score.pass(ID, "output is valid JSON");
        } catch (JsonProcessingException e) {
            return Score.fail(ID, "output is not valid JSON: " + JsonText.describe(e));
        }
    }

    static final class Kind implements ScorerKind {
        @Override
        public String id() {
            return ID;
        }

        @Override
        public Scorer create(Options options) {
            return new JsonValidScorer(options.bool("extract").orElse(false));
        }
    }
}
