package dev.evalgate.run;

import org.junit.jupiter.api.Test;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;

import static org.assertj.core.api.Assertions.assertThat;

class CallThreadsTest {

    private static boolean virtual(ExecutorService pool) throws ExecutionException, InterruptedException {
        try (pool) {
            return pool.submit(() -> Thread.currentThread().isVirtual()).get();
        }
    }

    @Test
    void up_to_the_limit_calls_get_daemon_platform_threads() throws Exception {
        try (ExecutorService pool = CallThreads.forCalls(CallThreads.PLATFORM_LIMIT)) {
            Thread thread = pool.submit(Thread::currentThread).get();
            assertThat(thread.isVirtual()).isFalse();
            assertThat(thread.isDaemon()).as("a call left running never keeps the JVM alive").isTrue();
            assertThat(thread.getName()).startsWith("evalgate-call-");
        }
    }

    @Test
    void above_the_limit_calls_run_on_virtual_threads() throws Exception {
        assertThat(virtual(CallThreads.forCalls(CallThreads.PLATFORM_LIMIT + 1))).isTrue();
    }

    @Test
    void no_concurrency_still_gets_one_thread() throws Exception {
        assertThat(virtual(CallThreads.forCalls(0))).isFalse();
    }

    @Test
    void the_override_picks_either_kind_and_a_typo_is_refused_with_the_choices() {
        assertThat(CallThreads.platform("virtual", 4)).isFalse();
        assertThat(CallThreads.platform("platform", 1000)).isTrue();
        assertThat(CallThreads.platform("", CallThreads.PLATFORM_LIMIT)).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CallThreads.platform("platfrom", 4))
                .isInstanceOf(dev.evalgate.error.ConfigException.class)
                .hasMessageContaining("-Devalgate.call-threads=platfrom").hasMessageContaining("platform or virtual");
    }
}
