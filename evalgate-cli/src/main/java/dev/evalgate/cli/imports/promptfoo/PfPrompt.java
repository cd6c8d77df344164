package dev.evalgate.cli.imports.promptfoo;

/**
 * One promptfoo prompt in evalgate's shape: an optional system message and the user message, with {@code {{var}}}
 * placeholders.
 *
 * @param label  a short name for the candidate ids when there are several prompts
 * @param system the system message, or null
 */
record PfPrompt(String label, String system, String user) {
}
