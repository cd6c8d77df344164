package dev.evalgate.cli.imports.promptfoo;

import java.util.Map;

/**
 * One promptfoo provider as an evalgate target, before it is paired with the prompts.
 *
 * @param name    the provider's label, or a name made from its id; candidate ids start with it
 * @param options the target's keys in the order they are written ({@code type} first)
 */
record PfTarget(String name, Map<String, Object> options) {
}
