package dev.evalgate.suite;

import dev.evalgate.config.ConfigNode;
import dev.evalgate.config.Fingerprint;
import dev.evalgate.config.Options;
import dev.evalgate.config.Redacted;
import dev.evalgate.config.SecretValues;
import dev.evalgate.cost.PriceSource;
import dev.evalgate.cost.Pricing;
import dev.evalgate.error.ConfigException;
import dev.evalgate.prompt.OutputTransform;
import dev.evalgate.prompt.PromptTemplate;
import dev.evalgate.target.CallPolicy;
import dev.evalgate.target.Target;
import dev.evalgate.target.TargetKind;
import dev.evalgate.target.TargetKinds;
import dev.evalgate.target.TargetSpec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the {@code targets:} list: the keys every target has, then the kind's own options. */
final class TargetsReader {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final TargetKinds kinds;
    private final Path baseDir;
    private final PromptTemplate suitePrompt;
    private final RunOptions run;
    private final java.util.function.Function<String, String> env;
    private ConfigNode suiteTrain;
    private SecretValues secrets = SecretValues.none();
    private Set<String> only = Set.of();
    private final List<String> skipped = new ArrayList<>();

    TargetsReader(TargetKinds kinds, Path baseDir, PromptTemplate suitePrompt, RunOptions run,
                  java.util.function.Function<String, String> env) {
        this.env = env;
        this.kinds = kinds;
        this.baseDir = baseDir;
        this.suitePrompt = suitePrompt;
        this.run = run;
    }

    List<TargetConfig> read(ConfigNode node) {
        if (!(node instanceof ConfigNode.Sequence seq) || seq.items().isEmpty()) {
            throw node.error("must list at least one target, e.g.\n  targets:\n"
                    + "    - { id: mini, type: openai, model: gpt-4o-mini, api_key: \"${OPENAI_API_KEY}\" }");
        }
        List<TargetConfig> targets = new ArrayList<>();
        Map<String, ConfigNode> seen = new HashMap<>();
        try {
            for (ConfigNode item : seq.items()) {
                if (!only.isEmpty() && !only.contains(idOf(item))) {
                    continue; // not created at all: a left-out baseline is not trained
                }
                String missing = missingEnvironment(item);
                if (missing != null) {
                    skipped.add(missing);
                    continue;
                }
                TargetConfig target = readOne(withSuiteTrain(item));
                ConfigNode first = seen.putIfAbsent(target.id(), item);
                if (first != null) {
                    target.target().close();
                    throw item.error("repeats target id '" + target.id() + "' (first used on line " + first.line()
                            + "); give each target its own id");
                }
                targets.add(target);
            }
        } catch (RuntimeException e) {
            targets.forEach(t -> t.target().close());
            throw e;
        }
        if (targets.isEmpty() && only.isEmpty()) {
            throw node.error("lists no target that can run here: " + String.join("; ", skipped));
        }
        return targets;
    }

    /** Creates only the targets with these ids (all when empty); the caller says which asked-for ids are missing. */
    TargetsReader only(Set<String> ids) {
        this.only = Set.copyOf(ids);
        return this;
    }

    private static String idOf(ConfigNode item) {
        return item instanceof ConfigNode.Mapping map && map.entries().get("id") instanceof ConfigNode.Scalar id
                ? id.value() : null;
    }

    /** The suite's {@code train:} dataset, given to every local target that names none of its own. */
    TargetsReader training(ConfigNode train) {
        this.suiteTrain = train;
        return this;
    }

    /** The suite's secrets: masked in every target's spec, replies and errors. */
    TargetsReader secrets(SecretValues suiteSecrets) {
        this.secrets = suiteSecrets;
        return this;
    }

    private ConfigNode withSuiteTrain(ConfigNode item) {
        if (suiteTrain == null || !(item instanceof ConfigNode.Mapping map) || map.entries().containsKey("train")
                || !(map.entries().get("type") instanceof ConfigNode.Scalar type) || type.isNull()
                || !kinds.get(type.value(), type).local()) {
            return item;
        }
        Map<String, ConfigNode> entries = new java.util.LinkedHashMap<>(map.entries());
        entries.put("train", suiteTrain);
        return new ConfigNode.Mapping(map.file(), map.line(), map.path(), entries);
    }

    /** One line per target left out because an environment variable it requires is not set. */
    List<String> skipped() {
        return List.copyOf(skipped);
    }

    /**
     * A target with {@code requires_env: [OPENAI_API_KEY]} is left out, with a note, when a variable is unset: a
     * suite can list a hosted model beside offline candidates and still run where no key is present.
     */
    private String missingEnvironment(ConfigNode item) {
        String name = missingVariable(item, env);
        if (name == null) {
            return null;
        }
        ConfigNode id = ((ConfigNode.Mapping) item).entries().get("id");
        String label = id instanceof ConfigNode.Scalar i ? i.value() : "at line " + item.line();
        return "target " + label + " skipped: " + name + " is not set (export " + name + "=... to include it)";
    }

    /** The first variable {@code item}'s {@code requires_env} names that is unset or blank, or null. */
    static String missingVariable(ConfigNode item, java.util.function.Function<String, String> env) {
        if (!(item instanceof ConfigNode.Mapping map) || !map.entries().containsKey("requires_env")) {
            return null;
        }
        for (ConfigNode name : Options.items(map.entries().get("requires_env"))) {
            if (!(name instanceof ConfigNode.Scalar s) || s.isNull()) {
                throw name.error("must name an environment variable, e.g. requires_env: [OPENAI_API_KEY]");
            }
            String value = env.apply(s.value());
            if (value == null || value.isBlank()) {
                return s.value();
            }
        }
        return null;
    }

    TargetConfig readOne(ConfigNode node) {
        Options o = Options.of(node);
        ConfigNode idNode = o.required("id", "a short name for this candidate, e.g. 'id: mini-prompt-v2'");
        String id = o.requiredString("id", "");
        if (!ID.matcher(id).matches()) {
            throw idNode.error("is '" + id + "'; use letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        ConfigNode typeNode = o.required("type", "one of " + String.join(", ", kinds.ids()));
        TargetKind kind = kinds.get(o.requiredString("type", ""), typeNode);
        PromptTemplate prompt = o.node("prompt").map(Prompts::parse).orElse(suitePrompt);
        OutputTransform transform = o.node("transform").map(OutputTransform::parse).orElse(OutputTransform.IDENTITY);
        CallPolicy policy = new CallPolicy(
                o.integer("concurrency", 1, 10_000).orElse(run.concurrency()),
                o.integer("rpm", 0, 1_000_000).orElse(0),
                o.positiveDuration("timeout", "30s").orElse(run.timeout()),
                o.integer("retries", 0, 100).orElse(run.retries()),
                Duration.ofMillis(500), Duration.ofSeconds(60), run.seed());
        String model = o.string("model").orElse(null);
        PriceSource price = Pricing.forTarget(o, model);
        o.strings("requires_env"); // decided before the target is read: see missingEnvironment
        if (!price.known() && kind.local()) {
            price = new PriceSource(dev.evalgate.cost.Price.perRequest(0), "local");
        }
        Target target = kind.create(new TargetSpec(id, kind.id(), o, baseDir));
        try {
            o.done();
        } catch (ConfigException e) {
            target.close();
            throw e;
        }
        String spec = Redacted.of(node, secrets).toString();
        return new TargetConfig(id, kind.id(), target, prompt, transform, policy, price, model, spec,
                Fingerprint.of(node), secrets);
    }
}
