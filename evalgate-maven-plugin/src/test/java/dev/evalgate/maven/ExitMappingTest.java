package dev.evalgate.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExitMappingTest {

    private static ForkedCli.Result exit(int code, List<String> out, List<String> err) {
        return new ForkedCli.Result(code, out, err);
    }

    @Test
    void exit_0_is_success() {
        assertThatCode(() -> ExitMapping.requireOk("evalgate run", exit(0, List.of(), List.of())))
                .doesNotThrowAnyException();
    }

    @Test
    void exit_2_carries_the_clis_error_line_without_its_prefix() {
        var result = exit(2, List.of(), List.of("error: evalgate.yaml:4: targets[0].class names class 'x.Y', which"
                + " is not on the class path"));

        assertThatThrownBy(() -> ExitMapping.requireOk("evalgate run", result))
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("evalgate run rejected the suite or its options: evalgate.yaml:4: targets[0].class"
                        + " names class 'x.Y', which is not on the class path");
    }

    @Test
    void exit_1_names_the_error_and_where_to_see_more() {
        var result = exit(1, List.of(), List.of("error: disk full", "(run again with --stacktrace for the details)"));

        assertThat(ExitMapping.describe("evalgate check", result))
                .isEqualTo("evalgate check failed (exit 1): disk full. Rerun the build with -X to see evalgate's full output.");
    }

    @Test
    void a_crash_without_an_error_line_reports_its_last_line() {
        var result = exit(1, List.of(), List.of("Exception in thread \"main\" java.lang.OutOfMemoryError", "  "));

        assertThat(ExitMapping.errorLine(result.err())).isEqualTo("Exception in thread \"main\" java.lang.OutOfMemoryError");
    }

    @Test
    void the_verdict_is_the_gates_check_lines_and_its_closing_line() {
        List<String> out = List.of("Gate of suite s on run r1", "",
                "PASS               s/t pass rate is 0.900, within minimum 0.600",
                "PASS with warning  s/t p95 latency is 10.000, within maximum 20.000, but significantly worse than baseline",
                "FAIL               s/t pass rate change is -0.300, but expected minimum is -0.050", "",
                "note: with 30 cases the interval is wide", "", "verdict: FAIL (fails the build)");

        assertThat(ExitMapping.verdict(out)).isEqualTo("""
                PASS               s/t pass rate is 0.900, within minimum 0.600
                PASS with warning  s/t p95 latency is 10.000, within maximum 20.000, but significantly worse than baseline
                FAIL               s/t pass rate change is -0.300, but expected minimum is -0.050
                verdict: FAIL (fails the build)""");
    }
}
