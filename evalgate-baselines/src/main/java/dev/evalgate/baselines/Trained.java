package dev.evalgate.baselines;

import java.time.Duration;

/**
 * A trained model as {@link ModelCache} hands it out: the model and how it was obtained.
 *
 * @param fromCache    true when the model was read from the cache file instead of trained
 * @param trainingTime how long training took, or reading the cache file when {@code fromCache}
 * @param sizeBytes    the size of the model as stored in the cache file
 */
public record Trained<M>(M model, boolean fromCache, Duration trainingTime, long sizeBytes) {
}
