package dev.evalgate.baselines.tfidf;

import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;

import java.io.Serial;
import java.io.Serializable;
import java.util.List;

/**
 * A TF-IDF vectorizer and the liblinear model trained on its vectors.
 *
 * @param labels the label names; liblinear's class {@code i} is {@code labels.get(i)}
 */
public record TfidfModel(TfidfVectorizer vectorizer, List<String> labels, Model linear) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public TfidfModel {
        labels = List.copyOf(labels);
    }

    /** The label with the highest decision value. */
    public String predict(String text) {
        return labels.get((int) Linear.predict(linear, vectorizer.transform(text)));
    }
}
