package dev.evalgate.suite;

import dev.evalgate.config.ConfigNode;
import dev.evalgate.config.Options;
import dev.evalgate.error.ConfigException;
import dev.evalgate.prompt.PromptTemplate;

/** Reads a {@code prompt:} value: a text (the user message) or {@code { system: ..., user: ... }}. */
final class Prompts {

    private Prompts() {
    }

    static PromptTemplate parse(ConfigNode node) {
        try {
            if (node instanceof ConfigNode.Scalar s && !s.isNull()) {
                return PromptTemplate.of(null, s.value(), node.path());
            }
            Options options = Options.of(node);
            String system = options.string("system").orElse(null);
            String user = options.requiredString("user", "the user message, e.g. 'user: \"Classify: {{input}}\"'");
            options.done();
            return PromptTemplate.of(system, user, node.path());
        } catch (ConfigException e) {
            if (e.getMessage().startsWith(node.file())) {
                throw e;
            }
            throw ConfigException.at(node.file(), node.line(), e.getMessage());
        }
    }
}
