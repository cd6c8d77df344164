package dev.evalgate.bench;

import java.util.List;

/**
 * The benchmark entry point: {@code inproc}, {@code http}, {@code memory} or {@code all}, run by hand.
 *
 * <p>Exit codes: 0 every goal met, 3 a goal missed (the figures are still printed), 2 bad usage, 1 a crash.
 * Goals are checked on whatever machine runs this, so a busy machine can miss them; read the figures.
 */
public final class Bench {

    static final String USAGE = """
            usage: bench.sh <inproc|http|memory|judge|all> [--cases N] [--rounds N] [--warmup N] [--concurrency N]
                                                     [--delay-ms N] [--seconds N] [--timeout-ms N]
              inproc  runner throughput with an instant in-process target (goal >= 50,000 cases/s)
              http    openai target against a loopback server that answers after 50 ms (goal >= 90% of C/L)
              memory  1,000,000 in-process cases; run with -Xmx512m (goal: completes, peak heap < 512 MB)
              judge   judge calls per second: an openai judge at concurrency 50 against a loopback judge (no goal)
              all     the three in turn, with their defaults""";

    private Bench() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            System.out.println(USAGE);
            System.exit(args.length == 0 ? 2 : 0);
        }
        BenchArgs options;
        try {
            options = BenchArgs.parse(List.of(args).subList(1, args.length));
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        System.out.println(Machine.describe());
        try {
            boolean met = switch (args[0]) {
                case "inproc" -> InProcessBench.run(options);
                case "http" -> HttpBench.run(options);
                case "memory" -> MemoryBench.run(options);
                case "judge" -> JudgeBench.run(options);
                case "all" -> InProcessBench.run(options) & HttpBench.run(options) & MemoryBench.run(options);
                default -> {
                    System.err.println("bench: unknown benchmark '" + args[0] + "'. Use inproc, http, memory or all.");
                    System.exit(2);
                    yield false;
                }
            };
            System.exit(met ? 0 : 3);
        } catch (Exception e) {
            System.err.println("bench: crashed: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }
}
