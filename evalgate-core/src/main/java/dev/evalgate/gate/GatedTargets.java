package dev.evalgate.gate;

import dev.evalgate.config.ConfigNode;
import dev.evalgate.config.Options;
import dev.evalgate.config.Suggest;

import java.util.ArrayList;
import java.util.List;

/**
 * The check that every id under {@code gate.targets} is the id of one of the suite's targets.
 *
 * <p>A gate that names a target the suite does not have would check nothing and pass, so a misspelt id is a
 * config error at its line. The ids come from the whole {@code targets:} list as written, so targets that a run
 * leaves out ({@code --target}) or skips (an unset {@code requires_env}) still count.
 */
final class GatedTargets {

    private GatedTargets() {
    }

    /** Fails on the first gated id that is not a target id; does nothing when either section is absent. */
    static void check(ConfigNode gate, ConfigNode targets) {
        if (!(gate instanceof ConfigNode.Mapping map) || map.entries().get("targets") == null || targets == null) {
            return;
        }
        List<String> ids = ids(targets);
        for (ConfigNode item : Options.items(map.entries().get("targets"))) {
            if (item instanceof ConfigNode.Scalar s && !s.isNull() && !ids.contains(s.value())) {
                String nearest = Suggest.nearest(s.value(), ids);
                throw item.error("names no target of the suite: '" + s.value() + "'."
                        + (nearest == null ? "" : " Did you mean '" + nearest + "'?")
                        + " The suite's targets: " + String.join(", ", ids) + ".");
            }
        }
    }

    /** The {@code id} of every entry of the {@code targets:} list, in file order. */
    static List<String> ids(ConfigNode targets) {
        List<String> ids = new ArrayList<>();
        for (ConfigNode item : Options.items(targets)) {
            if (item instanceof ConfigNode.Mapping target && target.entries().get("id") instanceof ConfigNode.Scalar id
                    && !id.isNull()) {
                ids.add(id.value());
            }
        }
        return ids;
    }
}
