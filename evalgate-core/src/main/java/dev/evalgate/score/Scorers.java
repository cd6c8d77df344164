package dev.evalgate.score;

import dev.evalgate.config.ConfigNode;
import dev.evalgate.config.Suggest;
import dev.evalgate.error.ConfigException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/** Every scorer kind this installation knows: the built-ins listed here plus those found by {@link ServiceLoader}. */
public final class Scorers {

    private final Map<String, ScorerKind> byId = new LinkedHashMap<>();

    private Scorers(List<ScorerKind> kinds) {
        for (ScorerKind kind : kinds) {
            ScorerKind previous = byId.putIfAbsent(kind.id(), kind);
            if (previous != null) {
                throw new IllegalStateException("two scorer kinds claim the id '" + kind.id() + "': "
                        + previous.getClass().getName() + " and " + kind.getClass().getName());
            }
        }
    }

    /** The built-in kinds, in the order the documentation lists them. */
    static List<ScorerKind> builtInKinds() {
        return List.of(
                new EqualsScorer.Kind(),
                ContainsScorer.Kind.contains(),
                ContainsScorer.Kind.notContains(),
                new RegexScorer.Kind(),
                new OneOfScorer.Kind(),
                new NumericScorer.Kind(),
                new JsonValidScorer.Kind(),
                new JsonSchemaScorer.Kind(),
                new JsonFieldsScorer.Kind(),
                new EqualsScorer.LabelKind(),
                new ToolCallsScorer.Kind(),
                new ToolArgsValidScorer.Kind(),
                new CaseAssertsScorer.Kind());
    }

    /** The built-ins plus every {@link ScorerKind} registered in {@code META-INF/services} on the class path. */
    public static Scorers builtIn() {
        List<ScorerKind> kinds = new ArrayList<>(builtInKinds());
        ServiceLoader.load(ScorerKind.class).forEach(kinds::add);
        return new Scorers(kinds);
    }

    /** Exactly these kinds; for tests and embedders. */
    public static Scorers of(List<ScorerKind> kinds) {
        return new Scorers(kinds);
    }

    /** These kinds with {@code kind} added, replacing a kind of the same id (a suite's own {@code judge} kind). */
    public Scorers with(ScorerKind kind) {
        List<ScorerKind> kinds = new ArrayList<>(byId.values());
        kinds.removeIf(k -> k.id().equals(kind.id()));
        kinds.add(kind);
        return new Scorers(kinds);
    }

    public List<String> ids() {
        return List.copyOf(byId.keySet());
    }

    /** The kind with this id, or a config error at {@code where} naming the nearest known id. */
    public ScorerKind get(String id, ConfigNode where) {
        ScorerKind kind = byId.get(id);
        if (kind == null) {
            String nearest = Suggest.nearest(id, byId.keySet());
            throw ConfigException.at(where.file(), where.line(), "key '" + where.path() + "' names scorer '" + id
                    + "', which is not known." + (nearest == null ? "" : " Did you mean '" + nearest + "'?")
                    + " Known scorers: " + String.join(", ", byId.keySet()) + ".");
        }
        return kind;
    }
}
