package dev.evalgate.suite;

import dev.evalgate.cost.PriceSource;
import dev.evalgate.prompt.OutputTransform;
import dev.evalgate.prompt.PromptTemplate;
import dev.evalgate.target.CallPolicy;
import dev.evalgate.target.Target;

/**
 * One candidate as the suite defines it: the built target plus what the runner does around it.
 *
 * @param prompt    the target's own prompt, or the suite's; null when neither has one
 * @param model     the model name used for pricing, or null
 * @param spec      a canonical description of the target's settings with secrets removed, for reports
 */
public record TargetConfig(String id, String type, Target target, PromptTemplate prompt, OutputTransform transform,
                           CallPolicy policy, PriceSource price, String model, String spec) {
}
