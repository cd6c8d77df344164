package dev.evalgate.springai;

import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Hands the test's application context to {@link SpringBeans} around each test method. Spring's test framework
 * finds it by itself (it is listed in this jar's {@code META-INF/spring.factories}), so a {@code @SpringBootTest}
 * needs no extra annotation for its suites to name its beans.
 */
public final class SpringBeansListener implements TestExecutionListener, Ordered {

    @Override
    public void beforeTestMethod(TestContext testContext) {
        SpringBeans.use(testContext.getApplicationContext());
    }

    @Override
    public void afterTestMethod(TestContext testContext) {
        SpringBeans.use(null);
    }

    /** After Spring's own listeners have prepared the context and injected the test. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
