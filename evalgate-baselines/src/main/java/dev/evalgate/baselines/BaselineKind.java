package dev.evalgate.baselines;

import dev.evalgate.target.TargetKind;

/**
 * A target kind for a model that is trained here and runs in process: its id, and the fact that it is local
 * (costs 0, stated as local, unless the suite prices it).
 */
public abstract class BaselineKind implements TargetKind {

    private final String id;

    protected BaselineKind(String id) {
        this.id = id;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final boolean local() {
        return true;
    }
}
