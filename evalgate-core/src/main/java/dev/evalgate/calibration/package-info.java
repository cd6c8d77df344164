/**
 * Human labels for a judge and what they say about it: the labels file kept beside the suite, the sample of a run's
 * outputs offered for labelling, and the calibration (how often the judge agrees with people) that corrects judged
 * pass rates.
 */
package dev.evalgate.calibration;
