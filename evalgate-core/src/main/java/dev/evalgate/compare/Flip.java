package dev.evalgate.compare;

/** A case whose outcome changed between two runs, with what each run answered. */
public record Flip(String caseId, String expected, String baseOutput, String headOutput) {
}
