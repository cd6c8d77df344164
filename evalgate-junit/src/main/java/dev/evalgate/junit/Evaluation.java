package dev.evalgate.junit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evalgate.config.ConfigNode;
import dev.evalgate.config.Interpolator;
import dev.evalgate.config.YamlTree;
import dev.evalgate.cost.Price;
import dev.evalgate.cost.PriceSource;
import dev.evalgate.dataset.Case;
import dev.evalgate.dataset.Dataset;
import dev.evalgate.dataset.DatasetFiles;
import dev.evalgate.error.ConfigException;
import dev.evalgate.gate.GateConfig;
import dev.evalgate.prompt.OutputTransform;
import dev.evalgate.score.ConfiguredScorer;
import dev.evalgate.score.ScorerSpecs;
import dev.evalgate.score.Scorers;
import dev.evalgate.store.StoreLocation;
import dev.evalgate.suite.RunOptions;
import dev.evalgate.suite.Suite;
import dev.evalgate.suite.TargetConfig;
import dev.evalgate.target.CallPolicy;
import dev.evalgate.target.Reply;
import dev.evalgate.target.Target;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The entry point for a suite written in Java instead of YAML: name it, give it cases, targets and scorers, run it.
 *
 * <pre>{@code
 * EvalResult result = Evaluation.suite("intent")
 *         .dataset(Path.of("cases.jsonl"))
 *         .target("mini", input -> classifier.classify(input))
 *         .scorer("equals")
 *         .run();
 * EvalAssertions.assertThat(result).passRateAtLeast(0.9);
 * }</pre>
 *
 * <p>The suite runs through the same {@link dev.evalgate.run.Runner} as {@code evalgate run}, so its metrics are
 * the CLI's. Scorer ids and options are read by the same parser as a suite file's {@code scorers:} list. A suite
 * already written as YAML runs with {@link #fromSuite(Path)}.
 *
 * <p>Every run is kept in the store ({@code target/evalgate/evalgate.db} for a suite built here, unless
 * {@code EVALGATE_STORE} names another), so {@code evalgate runs --store target/evalgate/evalgate.db} lists it.
 */
public final class Evaluation {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Evaluation() {
    }

    /** Starts a suite called {@code name}; the name scopes verdict lines and names the files under target/evalgate. */
    public static Builder suite(String name) {
        return new Builder(name);
    }

    /**
     * A suite file such as {@code evalgate.yaml}, run exactly as {@code evalgate run} runs it and kept in the same
     * store; its {@code gate:} is what {@link EvalAssertions.Assert#passesGate} applies.
     */
    public static SuiteEvaluation fromSuite(Path file) {
        return new SuiteEvaluation(file);
    }

    /** A suite being defined; not thread-safe, build it on one thread. */
    public static final class Builder {

        private final String name;
        private Dataset dataset;
        private Path datasetFile;
        private String datasetHash = "";
        private final List<TargetConfig> targets = new ArrayList<>();
        private final List<Object> scorers = new ArrayList<>();
        private int concurrency = RunOptions.DEFAULT.concurrency();
        private GateConfig gate = GateConfig.NONE;

        private Builder(String name) {
            if (name == null || name.isBlank()) {
                throw new ConfigException("Evaluation.suite(name): the name is blank; give the suite a name such as"
                        + " \"intent\"");
            }
            this.name = name;
        }

        /** Reads cases from a JSONL, JSON or CSV file, as a suite file's {@code dataset:} does. */
        public Builder dataset(Path file) {
            this.dataset = DatasetFiles.open(file);
            this.datasetFile = file;
            this.datasetHash = Fingerprint.ofFile(file);
            return this;
        }

        /**
         * Reads cases from a file on the test class path, e.g. {@code datasetResource("tickets.jsonl")} for
         * {@code src/test/resources/tickets.jsonl}.
         */
        public Builder datasetResource(String name) {
            Objects.requireNonNull(name, "name");
            return dataset(ClassPathDataset.locate(name));
        }

        /** Uses these cases, in this order. */
        public Builder dataset(List<Case> cases) {
            this.dataset = Dataset.of(List.copyOf(cases));
            this.datasetFile = null;
            this.datasetHash = Fingerprint.ofCases(cases);
            return this;
        }

        /** Adds a candidate that maps a case's input to an output in process; it has no token usage or cost. */
        public Builder target(String id, Function<String, String> fn) {
            Objects.requireNonNull(fn, "fn");
            return callTarget(id, request -> Reply.of(fn.apply(request.userText())));
        }

        /**
         * Adds a candidate that is a full {@link Target}, such as one built by evalgate-targets, or a lambda that
         * reports token usage; it is closed when the run ends. Named apart from {@link #target(String, Function)}
         * because a lambda would fit both.
         */
        public Builder callTarget(String id, Target target) {
            return callTarget(id, target, PriceSource.unknown());
        }

        /**
         * Adds a candidate that reports token usage in its {@link Reply} and is charged at {@code price}, e.g.
         * {@code Price.perMtok(0.15, 0.60)}, so cost budgets can judge it.
         */
        public Builder callTarget(String id, Target target, Price price) {
            Objects.requireNonNull(price, "price");
            return callTarget(id, target, new PriceSource(price, PriceSource.CONFIG));
        }

        private Builder callTarget(String id, Target target, PriceSource price) {
            Objects.requireNonNull(target, "target");
            CallPolicy policy = CallPolicy.DEFAULT.withConcurrency(concurrency);
            targets.add(new TargetConfig(id, "java", target, null, OutputTransform.IDENTITY, policy, price, null,
                    "java " + id));
            return this;
        }

        /**
         * Gives the suite a gate, written as a suite file's {@code gate:} section, e.g.
         * {@code "absolute: { pass_rate: '>= 0.85' }\nbaseline: { pass_rate: { margin: 0.05 } }"};
         * {@link EvalAssertions.Assert#passesGate} applies it.
         */
        public Builder gate(String yaml) {
            ConfigNode node = YamlTree.parse("Evaluation " + name + " gate", yaml, Interpolator.of(Map.of()));
            this.gate = GateConfig.parse(node);
            return this;
        }

        /**
         * Adds a built-in scorer by id, such as {@code equals}, {@code contains} or {@code label}; a suite with no
         * scorer uses {@code equals}.
         */
        public Builder scorer(String id) {
            scorers.add(id);
            return this;
        }

        /** Adds a scorer with options, as {@code - equals: { normalize: [trim] }} would in a suite file. */
        public Builder scorer(String id, Map<String, Object> options) {
            scorers.add(Map.of(id, options));
            return this;
        }

        /** Calls in flight per target; applies to the targets added so far and after. */
        public Builder concurrency(int n) {
            if (n < 1) {
                throw new ConfigException("Evaluation.concurrency(" + n + "): must be at least 1");
            }
            this.concurrency = n;
            targets.replaceAll(t -> t.withPolicy(t.policy().withConcurrency(n)));
            return this;
        }

        /** Runs every case through every target, stores the run and returns the metrics and per-case records. */
        public EvalResult run() {
            Suite suite = suite();
            String file = datasetFile == null ? "in-memory" : datasetFile.toString();
            Path here = Path.of("").toAbsolutePath();
            return new EvalRun(suite, suite.dataset(), SuiteEvaluation.info(suite, file, datasetHash, "all cases"),
                    gate, store(here), here).run();
        }

        /** target/evalgate/evalgate.db, or EVALGATE_STORE; nothing outside a build that has a target/ folder. */
        private static String store(Path here) {
            String env = System.getenv(StoreLocation.ENV);
            if ((env == null || env.isBlank()) && !Files.isDirectory(here.resolve("target"))) {
                return null;
            }
            return StoreLocation.resolve("target/evalgate/evalgate.db", env, here);
        }

        Suite suite() {
            if (dataset == null) {
                throw new ConfigException("Evaluation '" + name + "' has no cases; call .dataset(path) or"
                        + " .dataset(cases) before run()");
            }
            if (targets.isEmpty()) {
                throw new ConfigException("Evaluation '" + name + "' has no targets; call .target(id, fn) before run()");
            }
            RunOptions run = RunOptions.DEFAULT.withConcurrency(concurrency);
            return new Suite(name, Path.of(name + ".java"), datasetFile, dataset, Map.of(), targets, parseScorers(),
                    List.of(), run, "", null, null, null);
        }

        private List<ConfiguredScorer> parseScorers() {
            List<Object> items = scorers.isEmpty() ? List.of("equals") : scorers;
            try {
                ConfigNode node = YamlTree.parse("Evaluation " + name + " scorers", JSON.writeValueAsString(items),
                        Interpolator.of(Map.of()));
                return ScorerSpecs.parse(node, Scorers.builtIn());
            } catch (JsonProcessingException e) {
                throw new ConfigException("Evaluation '" + name + "': scorer options cannot be written as YAML: "
                        + e.getOriginalMessage() + "; use strings, numbers, booleans, lists and maps");
            }
        }
    }
}
