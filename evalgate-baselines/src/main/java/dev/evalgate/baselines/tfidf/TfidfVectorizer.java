package dev.evalgate.baselines.tfidf;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import dev.evalgate.baselines.Tokens;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a text into a sparse TF-IDF vector over word n-grams seen in training.
 *
 * <p>Term frequency is sublinear ({@code 1 + ln tf}), so a word said five times does not count five times as
 * much; idf is smoothed ({@code ln((1 + N) / (1 + df)) + 1}); vectors are l2-normalised so long and short
 * texts compare. Feature indexes are 1-based, as liblinear wants, and follow the n-grams' alphabetical order so
 * the same training file always gives the same model. A last feature holds the constant bias term.
 */
public final class TfidfVectorizer implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final int ngrams;
    private final Map<String, Integer> vocabulary;
    private final double[] idf;

    private TfidfVectorizer(int ngrams, Map<String, Integer> vocabulary, double[] idf) {
        this.ngrams = ngrams;
        this.vocabulary = vocabulary;
        this.idf = idf;
    }

    /** Learns the vocabulary: every n-gram found in at least {@code minDf} training texts. */
    public static TfidfVectorizer fit(List<String> texts, int ngrams, int minDf) {
        Map<String, Integer> documentFrequency = new HashMap<>();
        for (String text : texts) {
            for (String gram : new HashSet<>(grams(text, ngrams))) {
                documentFrequency.merge(gram, 1, Integer::sum);
            }
        }
        TreeMap<String, Integer> kept = new TreeMap<>();
        documentFrequency.forEach((gram, df) -> {
            if (df >= minDf) {
                kept.put(gram, df);
            }
        });
        Map<String, Integer> vocabulary = new HashMap<>(kept.size() * 2);
        double[] idf = new double[kept.size()];
        for (Map.Entry<String, Integer> entry : kept.entrySet()) {
            int index = vocabulary.size();
            vocabulary.put(entry.getKey(), index);
            idf[index] = Math.log((1.0 + texts.size()) / (1.0 + entry.getValue())) + 1.0;
        }
        return new TfidfVectorizer(ngrams, vocabulary, idf);
    }

    /** The number of n-gram features, not counting the bias. */
    public int features() {
        return idf.length;
    }

    /** The sparse vector of one text, indexes ascending, ending with the bias feature. */
    public Feature[] transform(String text) {
        TreeMap<Integer, Integer> counts = new TreeMap<>();
        for (String gram : grams(text, ngrams)) {
            Integer index = vocabulary.get(gram);
            if (index != null) {
                counts.merge(index, 1, Integer::sum);
            }
        }
        double[] values = new double[counts.size()];
        double norm = 0;
        int i = 0;
        for (Map.Entry<Integer, Integer> entry : counts.entrySet()) {
            values[i] = (1.0 + Math.log(entry.getValue())) * idf[entry.getKey()];
            norm += values[i] * values[i];
            i++;
        }
        norm = Math.sqrt(norm);
        Feature[] vector = new Feature[counts.size() + 1];
        i = 0;
        for (Integer index : counts.keySet()) {
            vector[i] = new FeatureNode(index + 1, values[i] / norm);
            i++;
        }
        vector[i] = new FeatureNode(idf.length + 1, 1.0);
        return vector;
    }

    private static List<String> grams(String text, int n) {
        List<String> words = Tokens.all(text);
        List<String> out = new ArrayList<>(words);
        for (int size = 2; size <= n; size++) {
            for (int start = 0; start + size <= words.size(); start++) {
                out.add(String.join(" ", words.subList(start, start + size)));
            }
        }
        return out;
    }
}
