package dev.evalgate.tools;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How the tool calls of one conversation meet a case's expectations: which calls matched, what is missing, extra,
 * forbidden or out of order, and the resulting precision, recall and F1.
 *
 * <p>Calls are assigned to the required occurrences of the expected calls by a maximum bipartite matching, so an
 * expectation with loose arguments never steals the only call a stricter one could use. Calls beyond the required
 * count of an {@code at_least} expectation count as matched; beyond an {@code exactly} one they are extra.
 *
 * @param calls    the calls the model made
 * @param matched  calls that met an expectation
 * @param required occurrences the expectations ask for
 * @param filled   required occurrences met
 * @param problems one phrase per missing, extra, forbidden or mis-ordered call, in that order
 * @param violated whether a forbidden call happened or an order was broken (a failure whatever the F1)
 */
public record CallMatch(int calls, int matched, int required, int filled, List<String> problems, boolean violated) {

    public double precision() {
        return calls == 0 ? 1 : (double) matched / calls;
    }

    public double recall() {
        return required == 0 ? 1 : (double) filled / required;
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public boolean perfect() {
        return problems.isEmpty();
    }

    public static CallMatch of(CallExpectations expectations, List<ToolCall> made) {
        List<ExpectedCall> expected = expectations.expected();
        List<Integer> slotOwner = new ArrayList<>(); // slot -> index of its expectation
        for (int e = 0; e < expected.size(); e++) {
            for (int t = 0; t < expected.get(e).times(); t++) {
                slotOwner.add(e);
            }
        }
        int[] slotOf = new int[made.size()];
        int[] callOf = new int[slotOwner.size()];
        Arrays.fill(slotOf, -1);
        Arrays.fill(callOf, -1);
        for (int c = 0; c < made.size(); c++) {
            augment(c, made, expected, slotOwner, slotOf, callOf, new boolean[slotOwner.size()]);
        }
        int[] filledOf = new int[expected.size()];
        int filled = 0;
        for (int s = 0; s < callOf.length; s++) {
            if (callOf[s] >= 0) {
                filledOf[slotOwner.get(s)]++;
                filled++;
            }
        }
        boolean[] absorbed = new boolean[made.size()];
        int matched = filled;
        for (int c = 0; c < made.size(); c++) {
            if (slotOf[c] < 0) {
                for (ExpectedCall e : expected) {
                    if (e.atLeast() && e.pattern().matches(made.get(c))) {
                        absorbed[c] = true;
                        matched++;
                        break;
                    }
                }
            }
        }
        List<String> problems = new ArrayList<>();
        Set<Integer> explained = new HashSet<>();
        boolean violated = forbidden(expectations, made, problems, explained);
        missing(expected, made, filledOf, slotOf, problems, explained);
        extra(expected, made, slotOf, absorbed, problems, explained);
        violated |= order(expectations, made, problems);
        return new CallMatch(made.size(), matched, slotOwner.size(), filled, List.copyOf(problems), violated);
    }

    /** Kuhn's augmenting path: tries to give call {@code c} a slot, moving earlier calls where needed. */
    private static boolean augment(int c, List<ToolCall> made, List<ExpectedCall> expected, List<Integer> slotOwner,
                                   int[] slotOf, int[] callOf, boolean[] seen) {
        for (int s = 0; s < slotOwner.size(); s++) {
            if (seen[s] || !expected.get(slotOwner.get(s)).pattern().matches(made.get(c))) {
                continue;
            }
            seen[s] = true;
            if (callOf[s] < 0 || augment(callOf[s], made, expected, slotOwner, slotOf, callOf, seen)) {
                callOf[s] = c;
                slotOf[c] = s;
                return true;
            }
        }
        return false;
    }

    private static boolean forbidden(CallExpectations x, List<ToolCall> made, List<String> problems,
                                     Set<Integer> explained) {
        boolean any = false;
        for (int c = 0; c < made.size(); c++) {
            for (CallPattern p : x.forbidden()) {
                if (p.matches(made.get(c))) {
                    problems.add("forbidden call " + made.get(c).shown());
                    explained.add(c);
                    any = true;
                    break;
                }
            }
        }
        return any;
    }

    private static void missing(List<ExpectedCall> expected, List<ToolCall> made, int[] filledOf, int[] slotOf,
                                List<String> problems, Set<Integer> explained) {
        for (int e = 0; e < expected.size(); e++) {
            ExpectedCall x = expected.get(e);
            if (filledOf[e] >= x.times()) {
                continue;
            }
            int near = nearest(x, made, slotOf, explained);
            if (near >= 0) {
                ToolCall call = made.get(near);
                explained.add(near);
                List<String> why = x.pattern().mismatches(call);
                problems.add(call.parsed().isEmpty()
                        ? x.pattern().tool() + " was called with arguments that are not valid JSON: " + call.arguments()
                        : x.pattern().tool() + " was called with " + String.join("; ", why));
            } else if (filledOf[e] == 0) {
                problems.add("missing call " + x.pattern().tool() + (x.times() > 1 ? " (expected " + x.count()
                        + " calls)" : ""));
            } else {
                problems.add(x.pattern().tool() + " was called " + times(filledOf[e]) + ", but expected "
                        + x.count());
            }
        }
    }

    /** An unassigned call of the expected tool not yet explained, to name the argument that did not match. */
    private static int nearest(ExpectedCall x, List<ToolCall> made, int[] slotOf, Set<Integer> explained) {
        for (int c = 0; c < made.size(); c++) {
            if (slotOf[c] < 0 && !explained.contains(c) && made.get(c).name().equals(x.pattern().tool())
                    && !x.pattern().matches(made.get(c))) {
                return c;
            }
        }
        return -1;
    }

    private static void extra(List<ExpectedCall> expected, List<ToolCall> made, int[] slotOf, boolean[] absorbed,
                              List<String> problems, Set<Integer> explained) {
        for (int c = 0; c < made.size(); c++) {
            if (slotOf[c] >= 0 || absorbed[c] || explained.contains(c)) {
                continue;
            }
            ToolCall call = made.get(c);
            ExpectedCall full = expected.stream().filter(e -> e.pattern().matches(call)).findFirst().orElse(null);
            if (full != null) {
                long total = made.stream().filter(full.pattern()::matches).count();
                String phrase = full.pattern().tool() + " was called " + times((int) total) + ", but expected "
                        + full.count();
                if (!problems.contains(phrase)) {
                    problems.add(phrase);
                }
            } else {
                problems.add("extra call " + call.shown());
            }
        }
    }

    private static boolean order(CallExpectations x, List<ToolCall> made, List<String> problems) {
        boolean any = false;
        for (CallExpectations.Before b : x.order()) {
            for (int c = 0; c < made.size(); c++) {
                if (made.get(c).name().equals(b.first())) {
                    break; // the first call of 'first' came before every call of 'then' still to come
                }
                if (made.get(c).name().equals(b.then())) {
                    problems.add(b.then() + " (call " + (c + 1) + ") came before any " + b.first() + "; expected "
                            + b.first() + " before " + b.then());
                    any = true;
                    break;
                }
            }
        }
        return any;
    }

    private static String times(int n) {
        return n == 1 ? "once" : n + " times";
    }
}
