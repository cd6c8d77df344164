package dev.evalgate.cli;

import dev.evalgate.dataset.Case;
import dev.evalgate.dataset.CaseReader;
import dev.evalgate.dataset.Dataset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Which cases of a dataset go to the test side of a train/test split, chosen so no input text is on both sides.
 *
 * <p>Cases whose normalised input text is the same form one group and always land on the same side: a model
 * trained on one copy of a text and tested on another would score a memorised answer. A group belongs to the
 * stratum of its first case's expected label. Per stratum, the groups are shuffled (Fisher–Yates, one
 * {@code SplittableRandom(seed)} for all strata in order of first appearance) and taken while they fit in
 * {@code round(share · cases)} test cases; a stratum of two or more cases gets at least one test and one train
 * case when its groups allow.
 *
 * @param test            the ordinals (file positions) of the cases on the test side
 * @param cases           how many cases the dataset has
 * @param duplicateGroups how many texts occur more than once and were kept on one side
 */
record SplitPlan(BitSet test, int cases, int duplicateGroups) {

    /** Reads {@code dataset} once and chooses the test side. */
    static SplitPlan choose(Dataset dataset, double share, boolean stratify, long seed) {
        Map<String, Integer> groupOfText = new HashMap<>();
        List<String> groupLabel = new ArrayList<>();
        int[] groupSize = new int[16];
        int[] groupOf = new int[64];
        int total = 0;
        try (CaseReader reader = dataset.open()) {
            while (reader.hasNext()) {
                Case kase = reader.next();
                int group = groupOfText.computeIfAbsent(normalised(kase.input()), t -> {
                    groupLabel.add(stratify ? kase.expected().primary() : "");
                    return groupLabel.size() - 1;
                });
                if (group == groupSize.length) {
                    groupSize = Arrays.copyOf(groupSize, group * 2);
                }
                groupSize[group]++;
                if (total == groupOf.length) {
                    groupOf = Arrays.copyOf(groupOf, total * 2);
                }
                groupOf[total++] = group;
            }
        }
        BitSet testGroups = chooseGroups(groupLabel, groupSize, share, new SplittableRandom(seed));
        BitSet test = new BitSet(total);
        for (int i = 0; i < total; i++) {
            if (testGroups.get(groupOf[i])) {
                test.set(i);
            }
        }
        int duplicates = (int) Arrays.stream(groupSize, 0, groupLabel.size()).filter(size -> size > 1).count();
        return new SplitPlan(test, total, duplicates);
    }

    private static BitSet chooseGroups(List<String> groupLabel, int[] groupSize, double share,
                                       SplittableRandom random) {
        Map<String, List<Integer>> strata = new LinkedHashMap<>();
        for (int g = 0; g < groupLabel.size(); g++) {
            strata.computeIfAbsent(groupLabel.get(g), label -> new ArrayList<>()).add(g);
        }
        BitSet chosen = new BitSet(groupLabel.size());
        for (List<Integer> groups : strata.values()) {
            int n = groups.stream().mapToInt(g -> groupSize[g]).sum();
            int wanted = testSize(n, share);
            for (int i = groups.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                groups.set(i, groups.set(j, groups.get(i)));
            }
            int taken = 0;
            for (int g : groups) {
                if (taken == wanted) {
                    break;
                }
                if (taken + groupSize[g] <= wanted) {
                    chosen.set(g);
                    taken += groupSize[g];
                }
            }
        }
        return chosen;
    }

    /** {@code round(share · n)}, but at least one test and one train case when the stratum has two or more. */
    static int testSize(int n, double share) {
        int wanted = (int) Math.round(share * n);
        return n < 2 ? wanted : Math.min(n - 1, Math.max(1, wanted));
    }

    /** An input text as the leak check compares it: trimmed, lower case, runs of white space as one space. */
    static String normalised(String text) {
        return text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }
}
