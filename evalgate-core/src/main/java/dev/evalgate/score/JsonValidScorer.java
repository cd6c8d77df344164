package dev.evalgate.score;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.evalgate.config.Options;
import dev.evalgate.dataset.Case;

/** The {@code json-valid} scorer: the whole output, apart from surrounding whitespace, must be one JSON value. */
final class JsonValidScorer implements Scorer {

    static final String ID = "json-valid";

    @Override
    public Score score(Case kase, String output) {
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
            return new JsonValidScorer();
        }
    }
}
