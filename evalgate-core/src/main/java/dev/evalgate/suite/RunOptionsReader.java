package dev.evalgate.suite;

import dev.evalgate.config.ConfigNode;
import dev.evalgate.config.Options;

/** Reads the {@code run:} section. */
final class RunOptionsReader {

    private RunOptionsReader() {
    }

    static RunOptions read(ConfigNode node) {
        Options o = Options.of(node);
        RunOptions d = RunOptions.DEFAULT;
        RunOptions run = new RunOptions(
                o.integer("concurrency", 1, 10_000).orElse(d.concurrency()),
                o.positiveDuration("timeout", "30s").orElse(d.timeout()),
                o.integer("retries", 0, 100).orElse(d.retries()),
                o.integer("repeat", 1, 1_000).orElse(d.repeat()),
                o.integer("seed", 0, Integer.MAX_VALUE).map(Integer::longValue).orElse(d.seed()),
                o.integer("limit", 0, Integer.MAX_VALUE).orElse(0),
                o.integer("sample", 0, Integer.MAX_VALUE).orElse(0),
                o.integer("warmup", 0, 100_000).orElse(0),
                o.bool("warm_harness").orElse(d.warmHarness()));
        o.done();
        return run;
    }
}
