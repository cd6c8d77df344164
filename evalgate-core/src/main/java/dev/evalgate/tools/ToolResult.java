package dev.evalgate.tools;

/**
 * What a scripted tool returned for one call: its content as text (JSON for structured results), or an error.
 */
public record ToolResult(String content, boolean error) {
}
