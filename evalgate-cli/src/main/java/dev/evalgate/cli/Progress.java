package dev.evalgate.cli;

import dev.evalgate.run.CaseResult;
import dev.evalgate.run.ResultSink;
import dev.evalgate.run.Sample;
import dev.evalgate.score.Outcome;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * Progress on stderr: a redrawn bar on a terminal, a plain line every few seconds otherwise (CI logs).
 *
 * <p>Shows done/total, rate, ETA, the running pass rate and the spend so far.
 */
class Progress implements ResultSink {

    private static final long TTY_INTERVAL_NANOS = 100_000_000L;
    private static final long PLAIN_INTERVAL_NANOS = 5_000_000_000L;

    private final PrintWriter err;
    private final long total;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong passed = new AtomicLong();
    private final DoubleAdder spend = new DoubleAdder();
    private final AtomicLong unpriced = new AtomicLong();
    private final DoubleAdder gradingSpend = new DoubleAdder();
    private final AtomicLong gradingUnpriced = new AtomicLong();
    private final AtomicBoolean graded = new AtomicBoolean();
    private volatile long lastPrint = System.nanoTime();

    private Progress(PrintWriter err, long total, boolean terminal) {
        this.err = err;
        this.total = total;
        this.terminal = terminal;
    }

    static Progress to(PrintWriter err, long cases, int targets) {
        return new Progress(err, cases * targets, isTerminal());
    }

    static Progress silent() {
        return new Progress(null, 0, false) {
            @Override
            public void accept(CaseResult result) {
            }

            @Override
            void done() {
            }
        };
    }

    /** The launcher passes -Devalgate.tty=true when stderr is a terminal; the JVM cannot tell reliably alone. */
    private static boolean isTerminal() {
        return Boolean.getBoolean("evalgate.tty") && System.getenv("CI") == null;
    }

    @Override
    public void accept(CaseResult result) {
        long n = done.incrementAndGet();
        if (result.outcome() == Outcome.PASS) {
            passed.incrementAndGet();
        }
        for (Sample s : result.samples()) {
            addGrading(s);
            if (s.cached()) {
                continue; // answered from the cache: nothing was spent this run
            }
            if (s.costUsd() != null) {
                spend.add(s.costUsd());
            } else if (s.error() == null) {
                unpriced.incrementAndGet();
            }
        }
        long now = System.nanoTime();
        if (now - lastPrint >= (terminal ? TTY_INTERVAL_NANOS : PLAIN_INTERVAL_NANOS) && n < total) {
            synchronized (this) {
                if (now - lastPrint >= (terminal ? TTY_INTERVAL_NANOS : PLAIN_INTERVAL_NANOS)) {
                    lastPrint = now;
                    print(n, now);
                }
            }
        }
    }

    /** Ends the progress display: the terminal line is cleared, plain mode prints a last line. */
    void done() {
        synchronized (this) {
            if (terminal) {
                err.print("\r\033[2K");
            } else if (done.get() > 0) {
                print(done.get(), System.nanoTime());
            }
            err.flush();
        }
    }

    private void print(long n, long now) {
        double seconds = (now - start) / 1e9;
        double rate = seconds > 0 ? n / seconds : 0;
        String eta = rate > 0 && total > n ? formatSeconds((total - n) / rate) : "-";
        String line = String.format(Locale.ROOT, "%d/%d %3.0f%%  %.1f/s  ETA %s  pass %.1f%%  spend %s",
                n, total, total == 0 ? 100.0 : 100.0 * n / total, rate, eta,
                100.0 * Math.min(passed.get(), n) / n, spend());
        if (terminal) {
            int width = 24;
            int filled = total == 0 ? width : (int) (width * n / total);
            err.print("\r\033[2K[" + "=".repeat(filled) + " ".repeat(width - filled) + "] " + line);
        } else {
            err.println("progress: " + line);
        }
        err.flush();
    }

    /** A judge's spend on the sample, kept apart: the candidates' spend and the grading spend are shown side by side. */
    private void addGrading(Sample s) {
        for (var score : s.scores()) {
            var g = score.grading();
            if (g == null) {
                continue;
            }
            graded.set(true);
            if (g.costUsd() != null) {
                gradingSpend.add(g.costUsd());
            } else if (g.calls() > 0) {
                gradingUnpriced.addAndGet(g.calls());
            }
        }
    }

    private String spend() {
        String known = String.format(Locale.ROOT, "$%.4f", spend.sum());
        String candidates = unpriced.get() > 0 ? known + " (+" + unpriced.get() + " calls unpriced)" : known;
        if (!graded.get()) {
            return candidates;
        }
        String grading = String.format(Locale.ROOT, "$%.4f", gradingSpend.sum())
                + (gradingUnpriced.get() > 0 ? " (+" + gradingUnpriced.get() + " judge calls unpriced)" : "");
        return candidates + " + grading " + grading;
    }

    private static String formatSeconds(double s) {
        long secs = Math.round(s);
        return secs >= 3600 ? secs / 3600 + "h" + (secs % 3600) / 60 + "m"
                : secs >= 60 ? secs / 60 + "m" + secs % 60 + "s" : secs + "s";
    }
}
