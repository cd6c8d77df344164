package dev.evalgate.cli.imports.promptfoo;

import dev.evalgate.config.ConfigNode;

import java.util.List;
import java.util.Map;

/**
 * One promptfoo test after {@code defaultTest} is merged in, before its variables are expanded.
 *
 * @param where     the test's node, for line numbers
 * @param vars      its variables; a list value expands into one case per value, as promptfoo does
 * @param asserts   its assertions as written (or as made from a CSV {@code __expected} cell)
 * @param threshold the test's {@code threshold}, or null
 */
record PfTest(ConfigNode where, String description, Map<String, Object> vars, List<ConfigNode> asserts,
              Double threshold, Map<String, Object> metadata) {
}
