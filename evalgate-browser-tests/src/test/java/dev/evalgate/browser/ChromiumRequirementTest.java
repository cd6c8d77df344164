package dev.evalgate.browser;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChromiumRequirementTest {

    private static final Path MISSING = Path.of("/nonexistent/evalgate/chromium");

    @Test
    void skips_with_the_install_command_when_chromium_is_missing_outside_ci() {
        assertThatThrownBy(() -> new ChromiumRequirement(MISSING, Map.of()).check())
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("/nonexistent/evalgate/chromium")
                .hasMessageContaining("apt-get install -y chromium");
    }

    @Test
    void fails_instead_of_skipping_when_ci_is_set() {
        assertThatThrownBy(() -> new ChromiumRequirement(MISSING, Map.of("CI", "true")).check())
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("apt-get install -y chromium")
                .hasMessageContaining("CI is set");
    }

    @Test
    void returns_the_executable_when_it_exists() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");

        assertThat(new ChromiumRequirement(java, Map.of("CI", "true")).check()).isEqualTo(java);
    }
}
