package dev.evalgate.junit;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** Run ids in the CLI's form, so stored JUnit runs sort among {@code evalgate run}'s in {@code evalgate runs}. */
final class RunIds {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private RunIds() {
    }

    /** The start time plus a random suffix, so that two evaluations in the same second never collide. */
    static String next() {
        return LocalDateTime.now().format(TIME) + "-"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 6);
    }
}
