package dev.evalgate.score;

/** How a case ended: it passed, it failed the scorers, or the target errored before it could be judged. */
public enum Outcome {
    PASS, FAIL, ERROR
}
