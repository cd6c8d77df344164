package dev.evalgate.suite;

import dev.evalgate.config.ConfigNode;
import dev.evalgate.config.Interpolator;
import dev.evalgate.config.KnownSecrets;
import dev.evalgate.config.Options;
import dev.evalgate.config.Redacted;
import dev.evalgate.config.SecretValues;
import dev.evalgate.config.YamlTree;
import dev.evalgate.gate.GateConfig;
import dev.evalgate.judge.JudgeScorerKind;
import dev.evalgate.judge.Judges;
import dev.evalgate.score.ConfiguredScorer;
import dev.evalgate.score.ScorerSpecs;
import dev.evalgate.score.Scorers;
import dev.evalgate.target.TargetKinds;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a suite file into a validated {@link Suite}, or fails with one message naming file, line and key.
 */
public final class SuiteLoader {

    private final Interpolator interpolator;
    private final TargetKinds targetKinds;
    private final Scorers scorers;

    public SuiteLoader(Interpolator interpolator, TargetKinds targetKinds, Scorers scorers) {
        this.interpolator = interpolator;
        this.targetKinds = targetKinds;
        this.scorers = scorers;
    }

    public static SuiteLoader standard() {
        return new SuiteLoader(Interpolator.ofSystem(), TargetKinds.discover(), Scorers.builtIn());
    }

    public Suite load(Path file) {
        return load(file, Set.of());
    }

    /**
     * Loads the suite, creating only the targets whose ids are in {@code only} (every target when it is empty), so
     * a baseline left out of the run is not trained. The others are not checked beyond their id.
     */
    public Suite load(Path file, Set<String> only) {
        ConfigNode root = YamlTree.read(file, interpolator);
        return load(file, root, only);
    }

    Suite load(Path file, ConfigNode root) {
        return load(file, root, Set.of());
    }

    private Suite load(Path file, ConfigNode root, Set<String> only) {
        Path baseDir = file.toAbsolutePath().getParent();
        SecretValues secrets = secrets(root);
        KnownSecrets.add(secrets);
        Options top = Options.of(root);
        String name = top.requiredString("suite", "give the suite a name, e.g. 'suite: ticket-routing'");
        top.string("description");
        ConfigNode datasetNode = top.required("dataset", "the path of a .jsonl, .csv or .yaml file of cases");
        DatasetRef dataset = DatasetRef.read(datasetNode, baseDir, "Paths are relative to the suite file's folder.");
        Map<String, Object> vars = vars(top);
        var suitePrompt = top.node("prompt").map(p -> Prompts.parse(p)).orElse(null);
        ConfigNode scorersNode = top.required("scorers", "list how outputs are judged, e.g. 'scorers: [ equals ]'");
        List<String> slices = top.strings("slices");
        RunOptions run = top.node("run").map(RunOptionsReader::read).orElse(RunOptions.DEFAULT);
        ConfigNode judgesNode = top.node("judges").orElse(null);
        top.node("gate"); // read below, once the whole file's keys are known to be valid
        String store = top.string("store").orElse(null);
        ConfigNode train = top.node("train").orElse(null); // the training set of the local baselines
        var tools = ToolboxReader.read(top.node("tools").orElse(null), top.node("agent").orElse(null));
        ConfigNode targetsNode = top.required("targets", "list at least one candidate under 'targets:'");
        top.done();
        // the gate is checked before any target is created, so a bad gate never costs a call
        GateConfig gate = GateConfig.ofSuite(root);
        TargetsReader reader = new TargetsReader(targetKinds, baseDir, suitePrompt, run, interpolator::env)
                .training(train).only(only).secrets(secrets);
        // judges are read like targets (no suite prompt: a judge is given its own) but are never candidates
        JudgesReader judgesReader = new JudgesReader(new TargetsReader(targetKinds, baseDir, null, run,
                interpolator::env).secrets(secrets), interpolator::env);
        Judges judges = judgesReader.read(judgesNode);
        List<ConfiguredScorer> scorerList;
        List<TargetConfig> targets;
        try {
            scorerList = ScorerSpecs.parse(judgesReader.scorers(scorersNode),
                    scorers.with(new JudgeScorerKind(judges, baseDir)));
            targets = reader.read(targetsNode);
        } catch (RuntimeException e) {
            judges.close();
            throw e;
        }
        List<String> notes = new ArrayList<>(reader.skipped());
        notes.addAll(judgesReader.notes());
        String snapshot = Redacted.of(root, secrets).toPrettyString();
        // scorers that compare against an answer make a dataset without one an error when it is read, before calls
        return new Suite(name, file, dataset.file(), dataset.open(ConfiguredScorer.needingExpected(scorerList)),
                vars, targets, scorerList, slices,
                run, snapshot, gate, store, notes, judges, tools);
    }

    /**
     * The suite's scorers and the judges they use, without creating a target or opening the dataset: what
     * rescoring stored outputs needs. Close the result to release the judges.
     */
    public Scoring scoring(Path file) {
        ConfigNode root = YamlTree.read(file, interpolator);
        Path baseDir = file.toAbsolutePath().getParent();
        SecretValues secrets = secrets(root);
        KnownSecrets.add(secrets);
        Options top = Options.of(root);
        RunOptions run = top.node("run").map(RunOptionsReader::read).orElse(RunOptions.DEFAULT);
        JudgesReader judgesReader = new JudgesReader(new TargetsReader(targetKinds, baseDir, null, run,
                interpolator::env).secrets(secrets), interpolator::env);
        Judges judges = judgesReader.read(top.node("judges").orElse(null));
        try {
            List<ConfiguredScorer> list = ScorerSpecs.parse(judgesReader.scorers(top.required("scorers",
                    "list how outputs are judged")), scorers.with(new JudgeScorerKind(judges, baseDir)));
            return new Scoring(list, judges, judgesReader.notes());
        } catch (RuntimeException e) {
            judges.close();
            throw e;
        }
    }

    /** A suite's scorers with the judges they call; closing it closes the judges. */
    public record Scoring(List<ConfiguredScorer> scorers, Judges judges, List<String> notes)
            implements AutoCloseable {
        @Override
        public void close() {
            judges.close();
        }
    }

    /** Every secret the suite holds: credentials written in it and every value it took from the environment. */
    private SecretValues secrets(ConfigNode root) {
        List<String> fromEnvironment = new ArrayList<>();
        interpolator.substituted().forEach(value -> fromEnvironment.addAll(SecretValues.fromEnvironment(value)));
        return SecretValues.in(root).and(SecretValues.of(fromEnvironment));
    }

    private static Map<String, Object> vars(Options top) {
        Map<String, Object> vars = new LinkedHashMap<>();
        top.node("vars").ifPresent(node -> {
            if (!(node instanceof ConfigNode.Mapping map)) {
                throw node.error("must be a mapping of names to values, e.g. 'vars: { labels: \"billing, refund\" }'");
            }
            map.entries().forEach((k, v) -> vars.put(k, plain(v)));
        });
        return vars;
    }

    /** A config value as plain Java values, for templates: text, lists and maps. */
    static Object plain(ConfigNode node) {
        return switch (node) {
            case ConfigNode.Scalar s -> s.value() == null ? "" : s.value();
            case ConfigNode.Sequence seq -> {
                List<Object> list = new ArrayList<>();
                seq.items().forEach(i -> list.add(plain(i)));
                yield list;
            }
            case ConfigNode.Mapping map -> {
                Map<String, Object> out = new LinkedHashMap<>();
                map.entries().forEach((k, v) -> out.put(k, plain(v)));
                yield out;
            }
        };
    }
}
