package dev.evalgate.testkit;

import dev.evalgate.target.Target;

/** The contract suite run against the simplest target that follows its fixture, so the suite itself is tested. */
class FakeTargetContractTest extends TargetContract {

    @Override
    protected Target newTarget() {
        return FakeTarget.replying(request -> answerFor(request.userText()));
    }

    @Override
    protected boolean reportsTokens() {
        return false;
    }
}
