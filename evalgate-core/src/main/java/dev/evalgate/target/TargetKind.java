package dev.evalgate.target;

/**
 * A kind of target that a suite names by {@code type}, such as {@code openai} or {@code command}.
 *
 * <p>Built-in kinds are listed in {@link TargetKinds}; others register through {@link java.util.ServiceLoader}.
 */
public interface TargetKind {

    /** The stable name used in suite files, the store and reports. */
    String id();

    /**
     * Builds a target from its options. Read every option through {@code spec.options()} so that unknown keys
     * are reported with a suggestion; throw {@link dev.evalgate.error.ConfigException} for bad values.
     */
    Target create(TargetSpec spec);

    /**
     * True for kinds that run on this machine (the built-in baselines): with no price in config their calls cost
     * 0, stated as local, rather than unknown.
     */
    default boolean local() {
        return false;
    }
}
