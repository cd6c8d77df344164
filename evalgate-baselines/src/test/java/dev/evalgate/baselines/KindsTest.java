package dev.evalgate.baselines;

import dev.evalgate.target.TargetKind;
import dev.evalgate.target.TargetKinds;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

class KindsTest {

    @Test
    void the_three_classic_baselines_are_registered_as_local_kinds() {
        List<TargetKind> kinds = ServiceLoader.load(TargetKind.class).stream().map(ServiceLoader.Provider::get)
                .filter(kind -> List.of("baseline:majority", "baseline:keywords", "baseline:tfidf").contains(kind.id()))
                .toList();
        assertThat(kinds).hasSize(3).allMatch(TargetKind::local);
        assertThat(TargetKinds.discover().ids()).contains("baseline:majority", "baseline:keywords", "baseline:tfidf");
    }

    @Test
    void the_creation_line_says_what_was_trained_and_whether_it_came_from_the_cache() {
        TrainingSet set = new TrainingSet(List.of("a", "b"), List.of("x", "y"), "00", null);
        assertThat(Kinds.line("fast", "baseline:tfidf", set, new Trained<>("m", false, Duration.ofMillis(42), 2048)))
                .isEqualTo("fast: trained baseline:tfidf on 2 cases in 42 ms (model 2.0 KB)");
        assertThat(Kinds.line("fast", "baseline:tfidf", set, new Trained<>("m", true, Duration.ofMillis(3), 900)))
                .isEqualTo("fast: trained baseline:tfidf on 2 cases in 3 ms (model 900 B) from cache");
    }

    @Test
    void tokens_are_lowercase_words_and_digits_without_stop_words() {
        assertThat(Tokens.all("I can't log-in to MY account #42")).containsExactly("i", "cant", "log", "in", "to", "my",
                "account", "42");
        assertThat(Tokens.content("I can't log-in to MY account #42")).containsExactly("cant", "log", "account", "42");
    }
}
