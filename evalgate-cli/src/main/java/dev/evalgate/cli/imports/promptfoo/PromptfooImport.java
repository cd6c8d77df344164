package dev.evalgate.cli.imports.promptfoo;

import dev.evalgate.config.ConfigNode;
import dev.evalgate.error.ConfigException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Translates a promptfoo config into an evalgate suite and its dataset: prompts x providers become candidates,
 * tests become cases whose assertions are checked by the {@code case-asserts} scorer, model-graded assertions
 * become {@code judge} scorers, cost and latency assertions become gate budgets.
 */
public final class PromptfooImport {

    static final String DATASET = "cases.jsonl";
    private static final List<String> TOP_KEYS = List.of("description", "prompts", "providers", "targets", "tests",
            "defaultTest", "evaluateOptions");

    private PromptfooImport() {
    }

    /**
     * @param config   the promptfoo config file
     * @param suiteDir where the suite will be written, for paths relative to it
     * @throws ConfigException when the file is missing, is not YAML, or is not shaped like a promptfoo config
     */
    public static Translation translate(Path config, Path suiteDir) {
        Path baseDir = config.toAbsolutePath().getParent();
        ConfigNode root = PfYaml.read(config);
        if (!(root instanceof ConfigNode.Mapping top)) {
            throw ConfigException.at(config.toString(), root.line(), "is " + root.describe() + ", not a promptfoo "
                    + "config: expected a mapping with 'prompts', 'providers' and 'tests'");
        }
        Map<String, ConfigNode> keys = top.entries();
        ConfigNode providers = keys.containsKey("providers") ? keys.get("providers") : keys.get("targets");
        for (String required : List.of("prompts", "tests")) {
            if (!keys.containsKey(required)) {
                throw ConfigException.at(config.toString(), 1, "has no '" + required + "', so it is not a promptfoo "
                        + "config evalgate can import (it needs 'prompts', 'providers' and 'tests')");
            }
        }
        if (providers == null) {
            throw ConfigException.at(config.toString(), 1, "has no 'providers', so it is not a promptfoo config "
                    + "evalgate can import (it needs 'prompts', 'providers' and 'tests')");
        }
        Findings findings = new Findings();
        keys.forEach((key, value) -> {
            if (!TOP_KEYS.contains(key)) {
                findings.skip(value, "'" + key + "'", "has no counterpart in an evalgate suite");
            }
        });
        List<PfPrompt> prompts = new PromptsReader(baseDir, findings).read(keys.get("prompts"));
        ProvidersReader providerReader = new ProvidersReader(findings, new ExecCommand(suiteDir, baseDir));
        List<PfTarget> targets = providerReader.read(ConfigRefs.resolveEach(baseDir, providers));
        ConfigNode defaultTest = keys.get("defaultTest") == null ? null
                : ConfigRefs.resolve(baseDir, keys.get("defaultTest"));
        List<PfTest> tests = new TestsReader(baseDir, findings).read(keys.get("tests"), defaultTest);
        CaseRows rows = CaseRows.of(tests, new AssertMapper(baseDir, findings));
        if (prompts.isEmpty() || targets.isEmpty() || rows.cases().isEmpty()) {
            String missing = prompts.isEmpty() ? "prompt" : targets.isEmpty() ? "provider" : "test";
            findings.skip(new Skipped(config.toString(), 0, "the whole config", "no " + missing + " could be "
                    + "imported, so no suite was written"));
            return new Translation(null, List.of(), 0, findings.skipped(), findings.notes());
        }
        Map<String, Object> suite = new LinkedHashMap<>();
        suite.put("suite", Candidates.slug(config.toAbsolutePath().getParent().getFileName() == null ? "promptfoo"
                : config.toAbsolutePath().getParent().getFileName().toString()));
        if (keys.get("description") instanceof ConfigNode.Scalar d && !d.isNull()) {
            suite.put("description", Templates.literal(d.value()));
        }
        Map<String, Object> dataset = new LinkedHashMap<>();
        dataset.put("path", DATASET);
        dataset.put("input", "vars"); // a test's variables are the case's input object
        suite.put("dataset", dataset);
        if (prompts.size() == 1) {
            suite.put("prompt", Candidates.shape(prompts.getFirst()));
        }
        List<Map<String, Object>> candidates = Candidates.of(targets, prompts);
        suite.put("targets", candidates);
        List<Map<String, Object>> judgeScorers = rows.judges().scorers("grader", rows.fields(), findings);
        if (!judgeScorers.isEmpty()) {
            suite.put("judges", Map.of("grader", grader(rows.judges().provider(), defaultTest, providerReader,
                    findings, config)));
        }
        List<Object> scorers = new ArrayList<>();
        if (rows.anyChecks() || judgeScorers.isEmpty()) {
            scorers.add("case-asserts");
        }
        judgeScorers.forEach(options -> scorers.add(Map.of("judge", options)));
        suite.put("scorers", scorers);
        Map<String, Object> run = RunOptions.of(keys.get("evaluateOptions"), findings);
        if (!run.isEmpty()) {
            suite.put("run", run);
        }
        Map<String, Object> budgets = rows.budgets(findings, config.toString());
        if (!budgets.isEmpty()) {
            suite.put("gate", Map.of("absolute", budgets));
        }
        String header = "# Imported from " + config.getFileName() + " by evalgate import promptfoo; see docs/promptfoo.md\n";
        return new Translation(header + YamlText.of(suite), rows.lines(), candidates.size(), findings.skipped(),
                findings.notes());
    }

    /** The judge: the assertion's or defaultTest's grading provider, else promptfoo's default grader. */
    private static Map<String, Object> grader(ConfigNode provider, ConfigNode defaultTest, ProvidersReader reader,
                                              Findings findings, Path config) {
        ConfigNode chosen = provider;
        if (chosen == null && defaultTest instanceof ConfigNode.Mapping d
                && d.entries().get("options") instanceof ConfigNode.Mapping o) {
            chosen = o.entries().get("provider");
        }
        if (chosen != null) {
            var target = reader.one(chosen);
            if (target.isPresent()) {
                return target.get().options();
            }
        }
        ConfigNode fallback = new ConfigNode.Scalar(config.toString(), 0, "grader", "openai:gpt-4o", false);
        findings.note(fallback, "no grading provider is named (defaultTest.options.provider), so the judge is "
                + "openai:gpt-4o, promptfoo's documented default grader");
        return reader.one(fallback).orElseThrow().options();
    }
}
