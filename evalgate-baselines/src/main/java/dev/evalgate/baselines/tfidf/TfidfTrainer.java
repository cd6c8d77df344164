package dev.evalgate.baselines.tfidf;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import dev.evalgate.baselines.TrainingSet;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains a {@link TfidfModel}: fits the vectorizer on the training texts, then a liblinear classifier.
 *
 * @param ngrams word n-grams up to this length (option {@code ngrams}, default 2)
 * @param minDf  texts an n-gram must occur in to be a feature (option {@code min_df}, default 1)
 * @param c      inverse regularisation strength (option {@code C}, default 4)
 * @param solver {@link SolverType#L2R_LR} (one-vs-rest logistic regression) or {@link SolverType#MCSVM_CS}
 */
public record TfidfTrainer(int ngrams, int minDf, double c, SolverType solver) {

    /** liblinear's default stopping tolerance for these solvers. */
    private static final double EPSILON = 0.1;

    /** liblinear seeds one shared generator; resetting it under a lock keeps training repeatable. */
    private static final Object RANDOM_LOCK = new Object();

    /** A short text for the model cache key. */
    public String settings() {
        return "tfidf/1 ngrams=" + ngrams + " min_df=" + minDf + " C=" + c + " solver=" + solver;
    }

    public TfidfModel train(TrainingSet set) {
        TfidfVectorizer vectorizer = TfidfVectorizer.fit(set.texts(), ngrams, minDf);
        List<String> labels = set.distinctLabels();
        Map<String, Integer> classOf = new HashMap<>();
        labels.forEach(label -> classOf.put(label, classOf.size()));

        Problem problem = new Problem();
        problem.l = set.size();
        problem.n = vectorizer.features() + 1;
        problem.bias = 1;
        problem.x = new Feature[set.size()][];
        problem.y = new double[set.size()];
        for (int i = 0; i < set.size(); i++) {
            problem.x[i] = vectorizer.transform(set.texts().get(i));
            problem.y[i] = classOf.get(set.labels().get(i));
        }
        Model model;
        synchronized (RANDOM_LOCK) {
            Linear.disableDebugOutput();
            Linear.resetRandom();
            model = Linear.train(problem, new Parameter(solver, c, EPSILON));
        }
        return new TfidfModel(vectorizer, labels, model);
    }
}
