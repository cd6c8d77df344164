package dev.evalgate.targets.command;

import dev.evalgate.dataset.Case;
import dev.evalgate.dataset.Expected;
import dev.evalgate.error.TargetException;
import dev.evalgate.target.Attempted;
import dev.evalgate.target.CallPolicy;
import dev.evalgate.target.Request;
import dev.evalgate.target.ResilientCaller;
import dev.evalgate.target.Target;
import dev.evalgate.targets.TestSpecs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandWorkerFailuresIT {

    @TempDir
    Path temp;

    private Target scripted(String more) {
        String marker = temp.resolve("crashed").toString();
        return TestSpecs.create(new CommandTargetKind(),
                Workers.yaml("ScriptedWorker.java", "env: { CRASH_MARKER: \"" + marker + "\" }\n" + more),
                Workers.folder().getParent());
    }

    private static Request request(String id, String input) {
        return new Request(Case.of(id, input, Expected.none()), null, 0);
    }

    @Test
    void a_worker_that_dies_mid_call_is_retriable_with_exit_code_and_stderr_and_restarts() throws Exception {
        try (Target target = scripted("")) {
            assertThatThrownBy(() -> target.call(request("c-crash", "crash")))
                    .isInstanceOfSatisfying(TargetException.Retriable.class, e -> {
                        assertThat(e.kind()).isEqualTo("worker_died");
                        assertThat(e.getMessage()).contains("exited with code 3")
                                .contains("case c-crash")
                                .contains("about to crash on purpose");
                    });

            assertThat(target.call(request("c-crash", "crash")).text()).isEqualTo("survived");
            assertThat(target.call(request("c-next", "next")).text()).isEqualTo("echo:next");
        }
    }

    @Test
    void the_resilient_caller_retries_a_crash_on_a_restarted_worker() throws Exception {
        CallPolicy policy = new CallPolicy(1, 0, Duration.ofSeconds(60), 2, Duration.ofMillis(10),
                Duration.ofSeconds(1), 1);
        try (ResilientCaller caller = new ResilientCaller(scripted(""), policy)) {

            Attempted attempted = caller.call(request("c-crash", "crash"));

            assertThat(attempted.error()).isNull();
            assertThat(attempted.reply().text()).isEqualTo("survived");
            assertThat(attempted.attempts()).isEqualTo(2);
        }
    }

    @Test
    void an_error_line_from_the_worker_is_fatal_with_its_message() {
        try (Target target = scripted("")) {
            assertThatThrownBy(() -> target.call(request("c1", "error")))
                    .isInstanceOfSatisfying(TargetException.Fatal.class, e -> {
                        assertThat(e.kind()).isEqualTo("worker_error");
                        assertThat(e.getMessage()).contains("cannot classify this input");
                    });
        }
    }

    @Test
    void a_line_that_is_not_json_is_fatal_and_says_to_log_to_stderr() {
        try (Target target = scripted("")) {
            assertThatThrownBy(() -> target.call(request("c1", "garbage")))
                    .isInstanceOfSatisfying(TargetException.Fatal.class, e -> {
                        assertThat(e.kind()).isEqualTo("malformed_response");
                        assertThat(e.getMessage()).contains("Loading model weights...").contains("stderr");
                    });
        }
    }

    @Test
    void a_late_answer_to_a_timed_out_call_is_not_given_to_the_next_case() throws Exception {
        CallPolicy policy = new CallPolicy(1, 0, Duration.ofMillis(300), 0, Duration.ofMillis(10),
                Duration.ofSeconds(1), 1);
        Target target = scripted("workers: 1");
        try (ResilientCaller caller = new ResilientCaller(target, policy)) {
            Attempted slow = caller.call(request("c-slow", "slow"));
            assertThat(slow.error().kind()).isEqualTo("timeout");

            assertThat(target.call(request("c-next", "next")).text()).isEqualTo("echo:next");
        }
    }

    @Test
    void a_worker_that_gives_no_first_answer_within_startup_timeout_is_stopped() {
        try (Target target = scripted("startup_timeout: 200ms")) {
            assertThatThrownBy(() -> target.call(request("c1", "slow")))
                    .isInstanceOfSatisfying(TargetException.Fatal.class, e -> {
                        assertThat(e.kind()).isEqualTo("worker_startup");
                        assertThat(e.getMessage()).contains("startup_timeout (200 ms)");
                    });
        }
    }

    @Test
    void a_worker_that_does_not_answer_the_probe_in_time_reports_it_on_its_first_call_without_waiting_again()
            throws Exception {
        try (Target target = scripted("startup_timeout: 200ms\nworkers: 2")) {
            target.prepare(request("c0", "slow"));

            long start = System.nanoTime();
            assertThatThrownBy(() -> target.call(request("c1", "next")))
                    .isInstanceOfSatisfying(TargetException.Fatal.class, e -> {
                        assertThat(e.kind()).isEqualTo("worker_startup");
                        assertThat(e.getMessage()).contains("startup_timeout (200 ms)");
                    });
            assertThat((System.nanoTime() - start) / 1_000_000).as("the prepared failure is reported at once")
                    .isLessThan(200);
        }
    }

    @Test
    void a_prepared_pool_answers_the_calls_that_follow() throws Exception {
        try (Target target = scripted("workers: 2")) {
            target.prepare(request("c0", "first"));

            assertThat(target.call(request("c1", "one")).text()).isEqualTo("echo:one");
            assertThat(target.call(request("c2", "two")).text()).isEqualTo("echo:two");
        }
    }

    @Test
    void a_worker_that_exits_at_once_reports_its_stderr() {
        try (Target target = TestSpecs.create(new CommandTargetKind(), Workers.yaml("Missing.java", ""),
                Workers.folder().getParent())) {
            assertThatThrownBy(() -> target.call(request("c1", "x")))
                    .isInstanceOfSatisfying(TargetException.Retriable.class, e -> {
                        assertThat(e.kind()).isEqualTo("worker_died");
                        assertThat(e.getMessage()).contains("exited with code 1").contains("Missing.java");
                    });
        }
    }
}
