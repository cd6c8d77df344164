package dev.evalgate.cli.imports.promptfoo;

import dev.evalgate.config.ConfigNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads promptfoo's {@code providers:} (or {@code targets:}) into evalgate targets: OpenAI and Anthropic chat
 * models, HTTP services and {@code exec:} scripts. A provider without a counterpart is listed as not imported.
 */
final class ProvidersReader {

    private final Findings findings;
    private final ProviderConfig config;
    private final ExecCommand exec;

    ProvidersReader(Findings findings, ExecCommand exec) {
        this.findings = findings;
        this.config = new ProviderConfig(findings);
        this.exec = exec;
    }

    List<PfTarget> read(ConfigNode providers) {
        List<PfTarget> out = new ArrayList<>();
        for (ConfigNode item : providers instanceof ConfigNode.Sequence s ? s.items() : List.of(providers)) {
            one(item).ifPresent(out::add);
        }
        return out;
    }

    /** One provider: an id text, or a mapping with {@code id}, {@code label} and {@code config}. */
    Optional<PfTarget> one(ConfigNode item) {
        ConfigNode.Scalar id;
        String label = null;
        ConfigNode.Mapping cfg = null;
        if (item instanceof ConfigNode.Scalar s && !s.isNull()) {
            id = s;
        } else if (item instanceof ConfigNode.Mapping m && m.entries().get("id") instanceof ConfigNode.Scalar s) {
            id = s;
            label = m.entries().get("label") instanceof ConfigNode.Scalar l ? l.value() : null;
            cfg = m.entries().get("config") instanceof ConfigNode.Mapping c ? c : null;
            m.entries().forEach((key, value) -> {
                if (!List.of("id", "label", "config").contains(key)) {
                    findings.skip(value, "provider key '" + key + "'", "has no counterpart on an evalgate target");
                }
            });
        } else if (item instanceof ConfigNode.Mapping m && m.entries().size() == 1
                && m.entries().values().iterator().next() instanceof ConfigNode.Scalar s && !s.isNull()) {
            // '- exec: python run.py' is YAML for a mapping: the id was written with a space after its colon
            var entry = m.entries().entrySet().iterator().next();
            id = new ConfigNode.Scalar(m.file(), m.line(), m.path(), entry.getKey() + ":" + s.value(), false);
        } else if (item instanceof ConfigNode.Mapping m && m.entries().size() == 1) {
            var entry = m.entries().entrySet().iterator().next();
            id = new ConfigNode.Scalar(m.file(), m.line(), m.path(), entry.getKey(), false);
            ConfigNode body = entry.getValue();
            if (body instanceof ConfigNode.Mapping b) {
                label = b.entries().get("label") instanceof ConfigNode.Scalar l ? l.value() : null;
                cfg = b.entries().get("config") instanceof ConfigNode.Mapping c ? c : null;
            }
        } else {
            findings.skip(item, "provider", "is " + item.describe() + "; a provider is an id such as "
                    + "'openai:gpt-4o-mini' or a mapping with 'id'");
            return Optional.empty();
        }
        String name = label != null ? label : id.value();
        return target(id, cfg).map(options -> new PfTarget(name, options));
    }

    private Optional<Map<String, Object>> target(ConfigNode.Scalar idNode, ConfigNode.Mapping cfg) {
        String id = idNode.value().trim();
        Map<String, Object> options = new LinkedHashMap<>();
        if (id.startsWith("openai:chat:") || id.startsWith("openai:") && id.split(":").length == 2) {
            options.put("type", "openai");
            options.put("model", id.substring(id.lastIndexOf(':') + 1));
            config.openAi(cfg, options);
        } else if (id.startsWith("ollama:chat:")) {
            // Ollama serves the OpenAI chat protocol beside its own, on the same models
            options.put("type", "openai");
            options.put("model", id.substring("ollama:chat:".length()));
            config.ollama(cfg, options);
        } else if (id.startsWith("anthropic:messages:")) {
            options.put("type", "anthropic");
            options.put("model", id.substring("anthropic:messages:".length()));
            config.anthropic(cfg, options);
        } else if (id.equals("http") || id.equals("https") || id.startsWith("http://") || id.startsWith("https://")) {
            options.put("type", "http");
            if (!config.http(idNode, cfg, options)) {
                return Optional.empty();
            }
        } else if (id.startsWith("exec:")) {
            options.put("type", "command");
            options.putAll(exec.target(id.substring("exec:".length()).trim()));
            if (cfg != null) {
                findings.skip(cfg, "exec provider config", "an exec script receives only the prompt and the test's "
                        + "variables through the bridge; its config is not passed on");
            }
        } else {
            String code = id.startsWith("file://") ? PromptsReader.codeFile(id.substring(7))
                    : id.startsWith("python:") ? "Python" : null;
            findings.skip(idNode, "provider " + id, code != null
                    ? "a " + code + " provider runs promptfoo's in-process " + code + " API, which evalgate cannot "
                    + "call; wrap it as a command worker (README: the command protocol) or a java target"
                    : "evalgate has no target for it (openai:chat:, openai:, anthropic:messages:, ollama:chat:, http and "
                    + "exec: providers are imported)");
            return Optional.empty();
        }
        return Optional.of(options);
    }
}
