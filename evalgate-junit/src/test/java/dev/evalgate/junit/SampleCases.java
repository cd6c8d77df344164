package dev.evalgate.junit;

import dev.evalgate.dataset.Case;
import dev.evalgate.dataset.Expected;

import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

/** Test cases whose answers a lambda gets wrong on a known share, so pass rates are exact. */
final class SampleCases {

    static final int SIZE = 200;

    private SampleCases() {
    }

    /** Case {@code i} asks "question i" and expects "answer i". */
    static List<Case> cases() {
        return IntStream.range(0, SIZE)
                .mapToObj(i -> Case.of(String.format("c%03d", i), "question " + i, Expected.text("answer " + i)))
                .toList();
    }

    /** Answers every case correctly. */
    static Function<String, String> alwaysRight() {
        return input -> "answer " + input.substring("question ".length());
    }

    /** Answers correctly except on every {@code every}-th case: wrong on 1/every of them. */
    static Function<String, String> wrongEvery(int every) {
        return input -> {
            int i = Integer.parseInt(input.substring("question ".length()));
            return i % every == 0 ? "no idea" : "answer " + i;
        };
    }
}
