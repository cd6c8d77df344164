package dev.evalgate.baselines.similarity;

/** The Levenshtein distance: the fewest single-character insertions, deletions and substitutions between two texts. */
public final class Levenshtein {

    private Levenshtein() {
    }

    public static int distance(String a, String b) {
        return distance(a.codePoints().toArray(), b.codePoints().toArray());
    }

    /** Over code points, keeping two rows of the table so memory stays linear in the shorter text. */
    static int distance(int[] a, int[] b) {
        if (a.length < b.length) {
            int[] swap = a;
            a = b;
            b = swap;
        }
        int[] previous = new int[b.length + 1];
        int[] current = new int[b.length + 1];
        for (int j = 0; j <= b.length; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length; i++) {
            current[0] = i;
            for (int j = 1; j <= b.length; j++) {
                int substitute = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length];
    }
}
