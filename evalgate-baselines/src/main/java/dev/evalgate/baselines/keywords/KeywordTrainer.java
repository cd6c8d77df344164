package dev.evalgate.baselines.keywords;

import dev.evalgate.baselines.Tokens;
import dev.evalgate.baselines.TrainingSet;
import dev.evalgate.baselines.majority.MajorityModel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Learns keyword rules: per label, the words whose presence most raises the odds of that label over the rest.
 *
 * <p>A word's weight for a label is the log-odds ratio of "a text of this label contains the word" against "a
 * text of another label does", each smoothed by half a count so that a word never seen outside the label gets a
 * large but finite weight. Counting texts rather than occurrences keeps one long, repetitive text from dominating.
 */
public final class KeywordTrainer {

    private static final double PRIOR = 0.5;

    private final int perLabel;
    private final int minCount;

    /**
     * @param perLabel keywords kept per label (option {@code keywords})
     * @param minCount texts of the label a word must occur in to be a keyword (option {@code min_count})
     */
    public KeywordTrainer(int perLabel, int minCount) {
        this.perLabel = perLabel;
        this.minCount = minCount;
    }

    public KeywordModel train(TrainingSet set) {
        List<String> labels = set.distinctLabels();
        Map<String, Integer> labelIndex = new HashMap<>();
        labels.forEach(label -> labelIndex.put(label, labelIndex.size()));
        int[] textsPerLabel = new int[labels.size()];
        Map<String, int[]> textsWithWord = new HashMap<>();
        for (int i = 0; i < set.size(); i++) {
            int label = labelIndex.get(set.labels().get(i));
            textsPerLabel[label]++;
            for (String word : new HashSet<>(Tokens.content(set.texts().get(i)))) {
                textsWithWord.computeIfAbsent(word, w -> new int[labels.size()])[label]++;
            }
        }
        List<KeywordModel.Rule> rules = new ArrayList<>();
        for (int label = 0; label < labels.size(); label++) {
            rules.add(new KeywordModel.Rule(labels.get(label), keywords(label, textsPerLabel, textsWithWord, set.size())));
        }
        return new KeywordModel(rules, MajorityModel.train(set.labels()).label());
    }

    private List<KeywordModel.Keyword> keywords(int label, int[] textsPerLabel, Map<String, int[]> textsWithWord,
                                                int total) {
        int inLabel = textsPerLabel[label];
        int inRest = total - inLabel;
        List<KeywordModel.Keyword> candidates = new ArrayList<>();
        textsWithWord.forEach((word, counts) -> {
            int here = counts[label];
            if (here < minCount) {
                return;
            }
            int elsewhere = 0;
            for (int count : counts) {
                elsewhere += count;
            }
            elsewhere -= here;
            double weight = logOdds(here, inLabel) - logOdds(elsewhere, inRest);
            if (weight > 0) {
                candidates.add(new KeywordModel.Keyword(word, weight));
            }
        });
        candidates.sort(Comparator.comparingDouble(KeywordModel.Keyword::weight).reversed()
                .thenComparing(KeywordModel.Keyword::word));
        return candidates.subList(0, Math.min(perLabel, candidates.size()));
    }

    private static double logOdds(int with, int texts) {
        return Math.log((with + PRIOR) / (texts - with + PRIOR));
    }
}
