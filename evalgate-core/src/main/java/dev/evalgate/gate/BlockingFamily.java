package dev.evalgate.gate;

import dev.evalgate.stats.Multiplicity;

import java.util.ArrayList;
import java.util.List;

/**
 * The margins that can FAIL a change, decided together so that the chance of a spurious FAIL stays at α_fail
 * however many metrics are gated (eval-statistics §3.4, §6).
 *
 * <p>FAIL fires on any member, so its significance question uses Holm-adjusted p-values. PASS needs every member
 * to pass (an intersection–union test) and so needs no adjustment; the margin question stays on each member's
 * own interval. Members without a p-value decide significance on their unadjusted interval: Holm needs a p-value
 * to rank, so such a member is neither adjusted nor counted in the family size. Give latency and cost ratios a
 * permutation p-value to bring them into the family.
 */
public final class BlockingFamily {

    /** One-sided 0.025, matching the two-sided 95% intervals that are displayed. */
    public static final double DEFAULT_ALPHA_FAIL = 0.025;

    private BlockingFamily() {
    }

    /** One check per member, in input order, after Holm adjustment of the members' p-values. */
    public static List<GateCheck> decide(List<MarginEvidence> members, double alphaFail) {
        double[] adjusted = holmOverPValues(members);
        List<GateCheck> checks = new ArrayList<>(members.size());
        for (int i = 0; i < members.size(); i++) {
            MarginEvidence member = members.get(i);
            checks.add(member.margin().check(member.actual(), member.interval(), adjusted[i], alphaFail));
        }
        return List.copyOf(checks);
    }

    /** The Holm-adjusted p of each member that has one, NaN for the rest. */
    private static double[] holmOverPValues(List<MarginEvidence> members) {
        double[] raw = members.stream().filter(MarginEvidence::hasPValue)
                .mapToDouble(MarginEvidence::pValue).toArray();
        double[] holm = Multiplicity.holm(raw);
        double[] adjusted = new double[members.size()];
        int next = 0;
        for (int i = 0; i < members.size(); i++) {
            adjusted[i] = members.get(i).hasPValue() ? holm[next++] : Double.NaN;
        }
        return adjusted;
    }
}
