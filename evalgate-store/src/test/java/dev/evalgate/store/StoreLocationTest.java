package dev.evalgate.store;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class StoreLocationTest {

    private final Path suiteDir = Path.of("/work/suites/tickets");

    @Test
    void defaults_to_a_sqlite_file_beside_the_suite() {
        assertThat(StoreLocation.resolve(null, null, suiteDir)).isEqualTo("/work/suites/tickets/.evalgate/evalgate.db");
    }

    @Test
    void resolves_a_configured_relative_path_against_the_suite() {
        assertThat(StoreLocation.resolve("runs.db", "", suiteDir)).isEqualTo("/work/suites/tickets/runs.db");
    }

    @Test
    void keeps_a_configured_jdbc_url_as_is() {
        assertThat(StoreLocation.resolve("jdbc:postgresql://db/evalgate", null, suiteDir))
                .isEqualTo("jdbc:postgresql://db/evalgate");
    }

    @Test
    void the_environment_wins_over_the_config() {
        assertThat(StoreLocation.resolve("runs.db", "jdbc:postgresql://team/evalgate", suiteDir))
                .isEqualTo("jdbc:postgresql://team/evalgate");
    }
}
