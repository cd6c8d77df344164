package dev.evalgate.score;

import dev.evalgate.config.ConfigNode;
import dev.evalgate.config.Options;
import dev.evalgate.error.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScorersTest {

    private static final ConfigNode WHERE = new ConfigNode.Scalar("suite.yaml", 7, "scorers[0]", "x", false);

    @Test
    void every_built_in_id_resolves_to_a_kind_with_that_id() {
        Scorers scorers = Scorers.builtIn();
        for (String id : scorers.ids()) {
            assertThat(scorers.get(id, WHERE).id()).isEqualTo(id);
        }
    }

    @Test
    void built_in_ids_are_unique_and_complete() {
        List<String> ids = Scorers.builtInKinds().stream().map(ScorerKind::id).toList();
        assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
        assertThat(ids).containsExactly("equals", "contains", "not-contains", "regex", "one-of", "numeric",
                "json-valid", "json-schema", "json-fields", "label", "tool-calls", "tool-args-valid", "case-asserts");
    }

    @Test
    void only_label_is_a_classification_scorer() {
        assertThat(Scorers.builtInKinds()).filteredOn(ScorerKind::classification)
                .extracting(ScorerKind::id).containsExactly("label");
    }

    @Test
    void unknown_id_names_the_place_the_nearest_id_and_the_known_ones() {
        assertThatThrownBy(() -> Scorers.builtIn().get("equal", WHERE))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("suite.yaml:7: key 'scorers[0]' names scorer 'equal', which is not known.")
                .hasMessageContaining("Did you mean 'equals'?")
                .hasMessageContaining("Known scorers: equals, contains, not-contains, regex");
    }

    @Test
    void two_kinds_with_one_id_are_refused() {
        assertThatThrownBy(() -> Scorers.of(List.of(new EqualsScorer.Kind(), new EqualsScorer.Kind())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'equals'");
    }

    @Test
    void third_party_kinds_are_found_through_the_service_loader(@TempDir Path dir) throws Exception {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve(ScorerKind.class.getName()), Shout.class.getName() + "\n");
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[]{dir.toUri().toURL()}, getClass().getClassLoader())) {
            thread.setContextClassLoader(loader);
            Scorers scorers = Scorers.builtIn();
            assertThat(scorers.ids()).endsWith("shout").contains("equals");
            assertThat(scorers.get("shout", WHERE)).isInstanceOf(Shout.class);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** A third-party kind for the service-loader test. */
    public static final class Shout implements ScorerKind {
        @Override
        public String id() {
            return "shout";
        }

        @Override
        public Scorer create(Options options) {
            return (kase, output) -> output.equals(output.toUpperCase())
                    ? Score.pass("shout", "all caps") : Score.fail("shout", "not all caps");
        }
    }
}
