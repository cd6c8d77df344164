package dev.evalgate.baselines.embeddings;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;

import java.util.List;
import java.util.Random;

/**
 * One-vs-rest L2-regularised logistic regression (liblinear {@code L2R_LR}) over the 384 embedding dimensions
 * plus a bias term.
 */
final class LogisticClassifier implements Classifier {

    private static final double STOPPING_TOLERANCE = 0.01;
    private static final long SEED = 1;

    private final List<String> classes;
    private final Model model;

    LogisticClassifier(EmbeddedSet set, double c) {
        this.classes = set.classes();
        Problem problem = new Problem();
        problem.l = set.size();
        problem.n = Embedder.DIMENSIONS + 1;
        problem.bias = 1;
        problem.x = new Feature[set.size()][];
        problem.y = new double[set.size()];
        for (int i = 0; i < set.size(); i++) {
            problem.x[i] = features(set.vectors()[i]);
            problem.y[i] = classes.indexOf(set.labels().get(i));
        }
        Parameter parameter = new Parameter(SolverType.L2R_LR, c, STOPPING_TOLERANCE);
        parameter.setRandom(new Random(SEED));
        Linear.disableDebugOutput();
        this.model = Linear.train(problem, parameter);
    }

    @Override
    public String classify(float[] vector) {
        return classes.get((int) Linear.predict(model, features(vector)));
    }

    /** Dense features 1..384 and the bias feature 385; liblinear indexes features from 1. */
    private static Feature[] features(float[] vector) {
        Feature[] out = new Feature[vector.length + 1];
        for (int d = 0; d < vector.length; d++) {
            out[d] = new FeatureNode(d + 1, vector[d]);
        }
        out[vector.length] = new FeatureNode(vector.length + 1, 1);
        return out;
    }
}
