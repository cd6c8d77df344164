package dev.evalgate.targets;

import dev.evalgate.target.TargetKind;
import dev.evalgate.target.TargetKinds;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

class TargetKindsDiscoveryTest {

    @Test
    void discovers_the_builtin_and_every_kind_of_this_module() {
        assertThat(TargetKinds.discover().ids()).contains("java", "openai", "anthropic", "http", "command");
    }

    @Test
    void registers_each_kind_once_under_a_unique_id() {
        List<String> ids = ServiceLoader.load(TargetKind.class).stream().map(p -> p.get().id()).toList();

        assertThat(ids).containsExactlyInAnyOrder("openai", "anthropic", "http", "command");
    }
}
