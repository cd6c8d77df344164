package dev.evalgate.target;

import dev.evalgate.dataset.Case;
import dev.evalgate.dataset.Expected;
import dev.evalgate.error.TargetException;
import dev.evalgate.run.CallError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class ResilientCallerTest {

    private static final Request REQUEST = new Request(Case.of("c1", "hello", Expected.none()), null, 0);
    private static final Duration NO_TIMEOUT = Duration.ZERO;

    /** Fast retries: 1 ms backoff, capped at 1 s so a Retry-After in the tests is honoured in full. */
    private static CallPolicy policy(int concurrency, int rpm, Duration timeout, int retries) {
        return new CallPolicy(concurrency, rpm, timeout, retries, Duration.ofMillis(1), Duration.ofSeconds(1), 7);
    }

    private static Attempted callOnce(Target target, CallPolicy policy) throws InterruptedException {
        try (ResilientCaller caller = new ResilientCaller(target, policy)) {
            return caller.call(REQUEST);
        }
    }

    @Test
    void a_reply_timed_on_the_wire_is_latency_by_its_wire_time_not_by_the_work_around_it() throws InterruptedException {
        Target target = request -> {
            Thread.sleep(30); // the client's own building and parsing, which is not the target's time
            return Reply.of("hi", 1, 1).onWire(4.5);
        };

        Attempted attempted = callOnce(target, policy(1, 0, NO_TIMEOUT, 0));

        assertThat(attempted.latencyMs()).isEqualTo(4.5);
    }

    @Test
    void a_reply_without_wire_time_is_latency_by_the_whole_call() throws InterruptedException {
        Target target = request -> {
            Thread.sleep(30);
            return Reply.of("hi", 1, 1);
        };

        Attempted attempted = callOnce(target, policy(1, 0, NO_TIMEOUT, 0));

        assertThat(attempted.latencyMs()).isGreaterThanOrEqualTo(30);
    }

    @Test
    void a_cached_copy_keeps_no_wire_time() {
        assertThat(Reply.of("hi", 1, 1).onWire(3).untimed().wireMs()).isNaN();
        assertThat(Reply.of("hi", 1, 1).onWire(3).withText("masked").wireMs()).isEqualTo(3);
    }

    @Test
    void answers_on_the_first_attempt_and_times_the_call_at_the_boundary() throws InterruptedException {
        long[] inside = new long[2];
        Target target = request -> {
            inside[0] = System.nanoTime();
            Reply reply = Reply.of("hi " + request.userText(), 3, 2);
            inside[1] = System.nanoTime();
            return reply;
        };

        long before = System.nanoTime();
        Attempted attempted = callOnce(target, policy(1, 0, NO_TIMEOUT, 3));
        long after = System.nanoTime();

        assertThat(attempted.failed()).isFalse();
        assertThat(attempted.reply()).isEqualTo(Reply.of("hi hello", 3, 2));
        assertThat(attempted.attempts()).isEqualTo(1);
        assertThat(attempted.latencyMs()).isGreaterThanOrEqualTo((inside[1] - inside[0]) / 1e6)
                .isLessThanOrEqualTo((after - before) / 1e6);
    }

    @Test
    void a_retriable_failure_is_retried_and_the_second_attempt_answers() throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();
        Target target = request -> {
            if (calls.incrementAndGet() == 1) {
                throw TargetException.retriable("http_503", "service unavailable");
            }
            return Reply.of("ok");
        };

        Attempted attempted = callOnce(target, policy(1, 0, NO_TIMEOUT, 3));

        assertThat(attempted.reply().text()).isEqualTo("ok");
        assertThat(attempted.error()).isNull();
        assertThat(attempted.attempts()).isEqualTo(2);
        assertThat(calls).hasValue(2);
    }

    @Test
    void the_wait_a_server_asked_for_is_honoured_before_the_next_attempt() throws InterruptedException {
        List<Long> starts = new CopyOnWriteArrayList<>();
        Target target = request -> {
            starts.add(System.nanoTime());
            if (starts.size() == 1) {
                throw TargetException.retriable("http_429", "slow down", Duration.ofMillis(50), null);
            }
            return Reply.of("ok");
        };

        Attempted attempted = callOnce(target, policy(1, 0, NO_TIMEOUT, 3));

        assertThat(attempted.attempts()).isEqualTo(2);
        assertThat(starts.get(1) - starts.get(0)).isGreaterThanOrEqualTo(Duration.ofMillis(50).toNanos());
    }

    @Test
    void a_negative_retry_after_means_retry_at_once_rather_than_a_crash() throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();
        Target target = request -> {
            if (calls.incrementAndGet() == 1) {
                throw TargetException.retriable("http_429", "slow down", Duration.ofSeconds(-5), null);
            }
            return Reply.of("ok");
        };

        Attempted attempted = callOnce(target, policy(1, 0, NO_TIMEOUT, 3));

        assertThat(attempted.reply().text()).isEqualTo("ok");
        assertThat(attempted.attempts()).isEqualTo(2);
    }

    @Test
    void a_fatal_failure_is_not_retried_and_keeps_its_kind() throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();
        Target target = request -> {
            calls.incrementAndGet();
            throw TargetException.fatal("http_401", "the API key was rejected");
        };

        Attempted attempted = callOnce(target, policy(1, 0, NO_TIMEOUT, 3));

        assertThat(attempted.error()).isEqualTo(new CallError("http_401", "the API key was rejected"));
        assertThat(attempted.reply()).isNull();
        assertThat(attempted.attempts()).isEqualTo(1);
        assertThat(calls).hasValue(1);
    }

    @Test
    void retries_run_out_after_the_configured_number_and_the_last_error_is_kept() throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();
        Target target = request -> {
            throw TargetException.retriable("http_500", "internal error " + calls.incrementAndGet());
        };

        Attempted attempted = callOnce(target, policy(1, 0, NO_TIMEOUT, 2));

        assertThat(attempted.error()).isEqualTo(new CallError("http_500", "internal error 3"));
        assertThat(attempted.attempts()).isEqualTo(3);
        assertThat(calls).hasValue(3);
    }

    @Test
    @Timeout(10)
    void an_attempt_that_outlives_the_timeout_is_cancelled_retried_and_reported_as_a_timeout()
            throws InterruptedException {
        CountDownLatch never = new CountDownLatch(1);
        CountDownLatch cancelled = new CountDownLatch(2);
        AtomicInteger calls = new AtomicInteger();
        Target target = request -> {
            calls.incrementAndGet();
            try {
                never.await();
            } catch (InterruptedException e) {
                cancelled.countDown();
                throw e;
            }
            return Reply.of("too late");
        };

        Attempted attempted = callOnce(target, policy(1, 0, Duration.ofMillis(50), 1));

        assertThat(attempted.error()).isEqualTo(new CallError("timeout", "no answer within 50 ms"));
        assertThat(attempted.attempts()).isEqualTo(2);
        assertThat(attempted.latencyMs()).isEqualTo(50.0);
        assertThat(calls).hasValue(2);
        cancelled.await();
    }

    /** A target that gives up when interrupted, as an HTTP call in the JDK's client does. */
    private interface InterruptibleTarget extends Target, Interruptible {
    }

    @Test
    @Timeout(10)
    void an_interruptible_target_is_called_on_the_callers_thread_and_timed_out_by_an_interrupt()
            throws InterruptedException {
        List<Thread> threads = new CopyOnWriteArrayList<>();
        InterruptibleTarget target = request -> {
            threads.add(Thread.currentThread());
            new CountDownLatch(1).await();
            return Reply.of("too late");
        };

        Attempted attempted = callOnce(target, policy(1, 0, Duration.ofMillis(50), 1));

        assertThat(attempted.error()).isEqualTo(new CallError("timeout", "no answer within 50 ms"));
        assertThat(attempted.attempts()).isEqualTo(2);
        assertThat(attempted.latencyMs()).isEqualTo(50.0);
        assertThat(threads).containsExactly(Thread.currentThread(), Thread.currentThread());
        assertThat(Thread.currentThread().isInterrupted()).as("the timeout's interrupt does not outlive the call")
                .isFalse();
    }

    @Test
    void an_interruptible_target_that_answers_in_time_runs_on_the_callers_thread_and_leaves_it_uninterrupted()
            throws InterruptedException {
        List<Thread> threads = new CopyOnWriteArrayList<>();
        InterruptibleTarget target = request -> {
            threads.add(Thread.currentThread());
            return Reply.of("yes");
        };

        try (ResilientCaller caller = new ResilientCaller(target, policy(1, 0, Duration.ofSeconds(30), 0))) {
            for (int i = 0; i < 100; i++) {
                assertThat(caller.call(REQUEST).reply().text()).isEqualTo("yes");
            }
        }

        assertThat(threads).hasSize(100).containsOnly(Thread.currentThread());
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    @Timeout(10)
    void a_target_that_ignores_interrupts_still_times_out_on_a_thread_of_its_own() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> threads = new CopyOnWriteArrayList<>();
        Target target = request -> {
            threads.add(Thread.currentThread());
            while (release.getCount() > 0) {
                try {
                    release.await();
                } catch (InterruptedException ignored) {
                    // like a worker blocked reading a pipe: an interrupt does not end the call
                }
            }
            return Reply.of("too late");
        };

        Attempted attempted = callOnce(target, policy(1, 0, Duration.ofMillis(50), 0));
        release.countDown();

        assertThat(attempted.error()).isEqualTo(new CallError("timeout", "no answer within 50 ms"));
        assertThat(threads).doesNotContain(Thread.currentThread());
    }

    @Test
    void any_other_exception_becomes_an_error_named_by_its_class_with_or_without_a_timeout()
            throws InterruptedException {
        for (Duration timeout : List.of(NO_TIMEOUT, Duration.ofSeconds(5))) {
            CallPolicy policy = policy(1, 0, timeout, 3);

            assertThat(callOnce(request -> {
                throw new IllegalStateException("socket closed");
            }, policy)).satisfies(a -> {
                assertThat(a.error()).isEqualTo(new CallError("IllegalStateException", "socket closed"));
                assertThat(a.attempts()).isEqualTo(1);
            });
            assertThat(callOnce(request -> {
                throw new java.io.IOException();
            }, policy).error()).isEqualTo(new CallError("IOException", "IOException"));
            assertThat(callOnce(request -> {
                throw new AssertionError("broken plugin");
            }, policy).error()).isEqualTo(new CallError("AssertionError", "broken plugin"));
        }
    }

    @Test
    @Timeout(10)
    void never_more_calls_are_in_flight_than_the_concurrency_limit() throws Exception {
        int limit = 3;
        int callers = 16;
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        CountDownLatch rendezvous = new CountDownLatch(limit);
        CountDownLatch allCalling = new CountDownLatch(callers);
        Target target = request -> {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            // The first `limit` calls meet here, so the limit is reached; they stay until every caller has asked,
            // so a caller let through past the limit would be seen in flight with them.
            rendezvous.countDown();
            rendezvous.await();
            allCalling.await();
            inFlight.decrementAndGet();
            return Reply.of("ok");
        };

        List<Future<Attempted>> results = new ArrayList<>();
        try (ResilientCaller caller = new ResilientCaller(target, policy(limit, 0, NO_TIMEOUT, 0));
             ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < callers; i++) {
                results.add(threads.submit(() -> {
                    allCalling.countDown();
                    return caller.call(REQUEST);
                }));
            }
            for (Future<Attempted> result : results) {
                assertThat(result.get().failed()).isFalse();
            }
        }

        assertThat(maxInFlight).hasValue(limit);
    }

    @Test
    @Timeout(10)
    void a_target_that_serves_fewer_calls_at_once_lowers_the_limit_so_its_queue_is_not_timed() throws Exception {
        int served = 2;
        int callers = 8;
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        CountDownLatch rendezvous = new CountDownLatch(served);
        CountDownLatch allCalling = new CountDownLatch(callers);
        Target target = new Target() {
            @Override
            public Reply call(Request request) throws Exception {
                maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                rendezvous.countDown();
                rendezvous.await();
                allCalling.await();
                inFlight.decrementAndGet();
                return Reply.of("ok");
            }

            @Override
            public int maxConcurrency() {
                return served;
            }
        };

        List<Future<Attempted>> results = new ArrayList<>();
        try (ResilientCaller caller = new ResilientCaller(target, policy(callers, 0, NO_TIMEOUT, 0));
             ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < callers; i++) {
                results.add(threads.submit(() -> {
                    allCalling.countDown();
                    return caller.call(REQUEST);
                }));
            }
            for (Future<Attempted> result : results) {
                assertThat(result.get().failed()).isFalse();
            }
        }

        assertThat(maxInFlight).hasValue(served);
    }

    @Test
    void the_requests_per_minute_limit_spaces_call_starts() throws InterruptedException {
        List<Long> starts = new CopyOnWriteArrayList<>();
        Target target = request -> {
            starts.add(System.nanoTime());
            return Reply.of("ok");
        };
        long interval = Duration.ofMillis(10).toNanos(); // 6000 per minute

        long before;
        try (ResilientCaller caller = new ResilientCaller(target, policy(4, 6000, NO_TIMEOUT, 0))) {
            before = System.nanoTime();
            for (int i = 0; i < 5; i++) {
                caller.call(REQUEST);
            }
        }

        // The limiter hands out start slots 10 ms apart from the first call on, and no call starts before its slot.
        assertThat(starts).hasSize(5);
        for (int i = 1; i < 5; i++) {
            assertThat(starts.get(i) - before).as("start of call %d", i + 1).isGreaterThanOrEqualTo(i * interval);
        }
    }

    @Test
    void closing_the_caller_closes_the_target() {
        AtomicBoolean closed = new AtomicBoolean();
        Target target = new Target() {
            @Override
            public Reply call(Request request) {
                return Reply.of("ok");
            }

            @Override
            public void close() {
                closed.set(true);
            }
        };

        new ResilientCaller(target, policy(1, 0, Duration.ofSeconds(1), 0)).close();

        assertThat(closed).isTrue();
    }
}
