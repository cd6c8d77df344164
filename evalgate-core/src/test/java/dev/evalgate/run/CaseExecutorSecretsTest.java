package dev.evalgate.run;

import dev.evalgate.config.ConfigNode;
import dev.evalgate.config.Interpolator;
import dev.evalgate.config.SecretValues;
import dev.evalgate.config.YamlTree;
import dev.evalgate.cost.PriceSource;
import dev.evalgate.dataset.Case;
import dev.evalgate.dataset.Dataset;
import dev.evalgate.dataset.Expected;
import dev.evalgate.error.TargetException;
import dev.evalgate.prompt.OutputTransform;
import dev.evalgate.score.Outcome;
import dev.evalgate.score.ScorerSpecs;
import dev.evalgate.score.Scorers;
import dev.evalgate.suite.RunOptions;
import dev.evalgate.suite.Suite;
import dev.evalgate.suite.TargetConfig;
import dev.evalgate.target.CallPolicy;
import dev.evalgate.target.Reply;
import dev.evalgate.target.Target;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/** What a target says (its reply or its error) reaches no sink and no cache with a suite secret in it. */
class CaseExecutorSecretsTest {

    private static final String KEY = "sk-planted-0123456789";
    private static final CallPolicy POLICY = new CallPolicy(1, 0, Duration.ZERO, 0, Duration.ofMillis(1),
            Duration.ofMillis(10), 1);
    private static final RunInfo INFO = new RunInfo("run-1", "demo", "evalgate.yaml", "cases.jsonl", "0", List.of(),
            List.of("equals"), List.of(), 1, 1, "all", "none", "test");

    private static List<CaseResult> run(Target target, ResponseCache cache) throws InterruptedException {
        TargetConfig config = new TargetConfig("t", "test", target, null, OutputTransform.IDENTITY, POLICY,
                PriceSource.unknown(), null, "t", "t", SecretValues.of(List.of(KEY)));
        ConfigNode scorers = YamlTree.parse("evalgate.yaml", "- equals\n", Interpolator.of(Map.of()));
        Suite suite = new Suite("demo", Path.of("evalgate.yaml"), Path.of("cases.jsonl"), Dataset.of(List.of()),
                Map.of(), List.of(config), ScorerSpecs.parse(scorers, Scorers.builtIn()), List.of(),
                new RunOptions(1, Duration.ZERO, 0, 1, 1, 0, 0, 0), "", null, null, null);
        List<Case> cases = List.of(new Case("c1", Map.of("input", "q"), Expected.text("yes"), Map.of(), null,
                "cases.jsonl:1"));
        List<CaseResult> results = java.util.Collections.synchronizedList(new ArrayList<>());
        new Runner(suite, Dataset.of(cases), INFO, cache).run(results::add, new CancelToken());
        return results;
    }

    @Test
    void an_error_that_quotes_a_secret_or_its_start_at_a_cut_is_masked() throws InterruptedException {
        Target echoing = request -> {
            throw TargetException.fatal("http_400", "bad key " + KEY + "; body began: x" + KEY.substring(0, 9) + "…");
        };

        Sample sample = run(echoing, ResponseCache.NONE).getFirst().samples().getFirst();

        assertThat(sample.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(sample.error().message()).isEqualTo("bad key ***; body began: x***…");
    }

    @Test
    void a_reply_that_quotes_a_secret_is_masked_before_it_is_cached_or_scored() throws InterruptedException {
        Map<String, Reply> kept = new ConcurrentHashMap<>();
        ResponseCache cache = new ResponseCache() {
            @Override
            public Optional<Reply> get(String key) {
                return Optional.ofNullable(kept.get(key));
            }

            @Override
            public void put(String key, Reply reply) {
                kept.put(key, reply);
            }
        };

        Sample sample = run(request -> Reply.of("my key is " + KEY), cache).getFirst().samples().getFirst();

        assertThat(sample.rawOutput()).isEqualTo("my key is ***");
        assertThat(sample.output()).isEqualTo("my key is ***");
        assertThat(kept.values()).extracting(Reply::text).containsExactly("my key is ***");
    }
}
