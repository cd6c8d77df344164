package dev.evalgate.target;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A timeout for a call made on the calling thread: a shared timer interrupts the thread if the call outlives it,
 * and the call's failure is then reported as a {@link TimeoutException}.
 *
 * <p>Compared with handing each call to another thread and waiting for it, no thread is started and none woken per
 * call: on a busy machine every such hand-off waited for a core inside the timed window, and cost CPU.
 */
final class CallDeadline {

    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private CallDeadline() {
    }

    /** Runs {@code call}; interrupted after {@code timeout}, it fails with TimeoutException instead. */
    static <T> T call(Callable<T> call, Duration timeout) throws Exception {
        Alarm alarm = new Alarm(Thread.currentThread());
        ScheduledFuture<?> scheduled = TIMER.schedule(alarm::ring, timeout.toNanos(), TimeUnit.NANOSECONDS);
        boolean rang = false;
        try {
            T result = call.call();
            rang = alarm.disarm();
            return result;
        } catch (Exception e) {
            rang = alarm.disarm();
            if (rang) {
                TimeoutException timedOut = new TimeoutException("no answer within " + timeout);
                timedOut.initCause(e);
                throw timedOut;
            }
            throw e;
        } finally {
            scheduled.cancel(false);
            if (rang) {
                // the alarm's interrupt was meant for this call only; the thread goes on uninterrupted
                Thread.interrupted();
            }
        }
    }

    /** Interrupts its thread once, unless disarmed first; both under one lock, so an interrupt never lands late. */
    private static final class Alarm {
        private final Thread thread;
        private boolean done;
        private boolean rang;

        Alarm(Thread thread) {
            this.thread = thread;
        }

        synchronized void ring() {
            if (!done) {
                rang = true;
                thread.interrupt();
            }
        }

        /** Ends the alarm; whether it rang (then its interrupt has been delivered). */
        synchronized boolean disarm() {
            done = true;
            return rang;
        }
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "evalgate-call-timeouts");
            t.setDaemon(true);
            return t;
        });
        // cancelled alarms leave the queue at once: a long timeout times thousands of calls would otherwise pile up
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}
