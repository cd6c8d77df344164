package dev.evalgate.target;

/** A prompt with its placeholders filled for one case; {@code system} may be null. */
public record RenderedPrompt(String system, String user) {
}
