package dev.evalgate.target;

import dev.evalgate.config.Suggest;
import dev.evalgate.error.ConfigException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/** Every target kind this installation knows: the built-ins in core plus those found by {@link ServiceLoader}. */
public final class TargetKinds {

    private final Map<String, TargetKind> byId = new LinkedHashMap<>();

    private TargetKinds(List<TargetKind> kinds) {
        for (TargetKind kind : kinds) {
            TargetKind previous = byId.putIfAbsent(kind.id(), kind);
            if (previous != null && previous.getClass() != kind.getClass()) {
                throw new IllegalStateException("two target kinds claim the id '" + kind.id() + "': "
                        + previous.getClass().getName() + " and " + kind.getClass().getName());
            }
        }
    }

    public static TargetKinds discover() {
        return discover(Thread.currentThread().getContextClassLoader());
    }

    public static TargetKinds discover(ClassLoader loader) {
        List<TargetKind> kinds = new ArrayList<>(List.of(new JavaTargetKind()));
        ServiceLoader.load(TargetKind.class, loader).forEach(kinds::add);
        return new TargetKinds(kinds);
    }

    public static TargetKinds of(List<TargetKind> kinds) {
        return new TargetKinds(kinds);
    }

    public List<String> ids() {
        return List.copyOf(byId.keySet());
    }

    /** The kind with this id, or a config error naming the nearest known kind. */
    public TargetKind get(String id, dev.evalgate.config.ConfigNode where) {
        TargetKind kind = byId.get(id);
        if (kind == null) {
            String nearest = Suggest.nearest(id, byId.keySet());
            throw ConfigException.at(where.file(), where.line(), "key '" + where.path() + "' names target type '"
                    + id + "', which is not known." + (nearest == null ? "" : " Did you mean '" + nearest + "'?")
                    + " Known types: " + String.join(", ", byId.keySet()) + ".");
        }
        return kind;
    }
}
