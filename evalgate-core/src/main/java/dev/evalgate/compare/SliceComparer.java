package dev.evalgate.compare;

import dev.evalgate.stats.McNemar;
import dev.evalgate.stats.Multiplicity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The per-slice half of a target comparison: McNemar on each slice value's paired cases, then Benjamini–Hochberg
 * at q = {@value SliceComparison#FDR} over all of them, report only (eval-statistics §6).
 *
 * <p>A value with fewer than {@value #MIN_PAIRED} paired cases is left out: it cannot show anything, and leaving
 * it out of the family keeps it from diluting the others. Every value that is shown is counted in the family.
 */
final class SliceComparer {

    static final int MIN_PAIRED = 2;

    private SliceComparer() {
    }

    /** Slice comparisons of {@code pairs} (base, head) for each key, sorted by key then value. */
    static List<SliceComparison> compare(List<CaseRecord[]> pairs, List<String> keys) {
        // Tags are read from the head: it carries the dataset as it is now.
        Map<String, Map<String, List<CaseRecord[]>>> groups = new TreeMap<>();
        for (String key : new TreeSet<>(keys)) {
            Map<String, List<CaseRecord[]>> byValue = groups.computeIfAbsent(key, k -> new TreeMap<>());
            for (CaseRecord[] p : pairs) {
                String value = p[1].tags().getOrDefault(key, SliceComparison.NONE);
                byValue.computeIfAbsent(value, v -> new ArrayList<>()).add(p);
            }
        }
        List<String[]> names = new ArrayList<>();
        List<long[]> tables = new ArrayList<>();
        groups.forEach((key, byValue) -> byValue.forEach((value, cases) -> {
            if (cases.size() >= MIN_PAIRED) {
                names.add(new String[] {key, value});
                tables.add(table(cases));
            }
        }));
        double[] p = tables.stream().mapToDouble(t -> McNemar.test(t[1], t[2]).midPTwoSided()).toArray();
        double[] adjusted = Multiplicity.benjaminiHochberg(p);
        List<SliceComparison> slices = new ArrayList<>();
        for (int i = 0; i < p.length; i++) {
            long[] t = tables.get(i);
            double n = t[0] + t[1] + t[2] + t[3];
            double baseRate = (t[0] + t[1]) / n;
            double headRate = (t[0] + t[2]) / n;
            slices.add(new SliceComparison(names.get(i)[0], names.get(i)[1], (int) n, baseRate, headRate,
                    headRate - baseRate, p[i], adjusted[i], adjusted[i] < SliceComparison.FDR));
        }
        return slices;
    }

    /** The 2×2 counts a = both pass, b = base only, c = head only, d = neither. */
    private static long[] table(List<CaseRecord[]> pairs) {
        long[] t = new long[4];
        for (CaseRecord[] p : pairs) {
            boolean base = p[0].passed();
            boolean head = p[1].passed();
            t[base && head ? 0 : base ? 1 : head ? 2 : 3]++;
        }
        return t;
    }
}
