/**
 * The CI gate: turns estimates with intervals into one {@link dev.evalgate.gate.Verdict} per check and per run
 * (eval-statistics §2.2, §3.4, §6).
 *
 * <p>Two kinds of check exist. An {@link dev.evalgate.gate.AbsoluteBudget} compares one run's interval with a fixed
 * limit. A {@link dev.evalgate.gate.Margin} compares a candidate with its baseline through the interval of the
 * difference or ratio and a one-sided p-value; the blocking margins of a gate are decided together by
 * {@link dev.evalgate.gate.BlockingFamily}, which Holm-adjusts their p-values. Front-ends only translate the
 * resulting {@link dev.evalgate.gate.GateCheck}s.
 */
package dev.evalgate.gate;
