package dev.evalgate.targets.java;

import dev.evalgate.target.JavaTargetKind;
import dev.evalgate.target.Target;
import dev.evalgate.targets.TestSpecs;
import dev.evalgate.testkit.TargetContract;

/** The {@code java} kind passes the same contract as every other target kind. */
class JavaTargetContractTest extends TargetContract {

    @Override
    protected Target newTarget() {
        return TestSpecs.create(new JavaTargetKind(), "class: " + EchoJavaTarget.class.getName() + "\n");
    }

    @Override
    protected boolean reportsTokens() {
        return true;
    }
}
