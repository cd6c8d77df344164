package dev.evalgate.suite;

import dev.evalgate.config.SecretValues;
import dev.evalgate.cost.PriceSource;
import dev.evalgate.prompt.OutputTransform;
import dev.evalgate.prompt.PromptTemplate;
import dev.evalgate.target.CallPolicy;
import dev.evalgate.target.Target;

/**
 * One candidate as the suite defines it: the built target plus what the runner does around it.
 *
 * @param prompt        the target's own prompt, or the suite's; null when neither has one
 * @param model         the model name used for pricing, or null
 * @param spec          a canonical description of the target's settings with secrets removed, for reports
 * @param cacheIdentity a hash of the target's real settings, secrets and environment values included, that keys
 *                      the response cache: two settings that differ only in a masked value must not share answers
 * @param secrets       values that must never leave the process in what this target says (its replies and errors)
 */
public record TargetConfig(String id, String type, Target target, PromptTemplate prompt, OutputTransform transform,
                           CallPolicy policy, PriceSource price, String model, String spec, String cacheIdentity,
                           SecretValues secrets) {

    public TargetConfig {
        secrets = secrets == null ? SecretValues.none() : secrets;
        cacheIdentity = cacheIdentity == null ? spec : cacheIdentity;
    }

    /** A target built in code, whose spec says everything about it and which knows no secret. */
    public TargetConfig(String id, String type, Target target, PromptTemplate prompt, OutputTransform transform,
                        CallPolicy policy, PriceSource price, String model, String spec) {
        this(id, type, target, prompt, transform, policy, price, model, spec, spec, SecretValues.none());
    }

    /** The same target under another call policy. */
    public TargetConfig withPolicy(CallPolicy other) {
        return new TargetConfig(id, type, target, prompt, transform, other, price, model, spec, cacheIdentity,
                secrets);
    }
}
