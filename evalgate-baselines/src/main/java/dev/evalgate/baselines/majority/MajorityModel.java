package dev.evalgate.baselines.majority;

import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The majority baseline's whole model: the most frequent training label.
 *
 * <p>Any classifier worth shipping must beat it; its accuracy is the share of the largest class.
 */
public record MajorityModel(String label) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The most frequent label; a tie goes to the alphabetically first, so the result never depends on order. */
    public static MajorityModel train(List<String> labels) {
        Map<String, Integer> counts = new TreeMap<>();
        labels.forEach(label -> counts.merge(label, 1, Integer::sum));
        String best = null;
        int bestCount = 0;
        for (Map.Entry<String, Integer> entry : counts.entrySet()) {
            if (entry.getValue() > bestCount) {
                best = entry.getKey();
                bestCount = entry.getValue();
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("no labels to count");
        }
        return new MajorityModel(best);
    }
}
