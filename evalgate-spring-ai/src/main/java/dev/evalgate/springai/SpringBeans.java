package dev.evalgate.springai;

import dev.evalgate.config.ConfigNode;
import org.springframework.context.ApplicationContext;

/**
 * The Spring application context whose beans the {@code spring} target and scorer kinds name.
 *
 * <p>In a Spring test ({@code @SpringBootTest}, {@code @SpringJUnitConfig}) it is the test's own context, set by
 * {@link SpringBeansListener} before each test method and cleared after it, so a suite run from the method (with
 * {@code @EvalSuite} or {@code Evaluation}) sees the beans the test sees. An application that runs suites itself
 * sets it with {@link #use(ApplicationContext)}. Spring's tests run one method at a time per class loader, so one
 * context at a time is enough.
 */
public final class SpringBeans {

    private static volatile ApplicationContext current;

    private SpringBeans() {
    }

    /** Makes {@code context} the one suites look beans up in; null to clear. */
    public static void use(ApplicationContext context) {
        current = context;
    }

    /** The bean called {@code name}, or a config error at {@code where} saying why there is none and the fix. */
    static Object bean(String name, ConfigNode where) {
        ApplicationContext context = current;
        if (context == null) {
            throw where.error("names Spring bean '" + name + "', but no Spring application context"
                    + " is running: run the suite from a Spring test (@SpringBootTest or @SpringJUnitConfig, with"
                    + " evalgate-spring-ai on the test class path), or call SpringBeans.use(context) first");
        }
        if (!context.containsBean(name)) {
            throw where.error("names Spring bean '" + name + "', which the application context does"
                    + " not hold; beans it holds include: " + String.join(", ", sample(context)));
        }
        return context.getBean(name);
    }

    private static java.util.List<String> sample(ApplicationContext context) {
        return java.util.Arrays.stream(context.getBeanDefinitionNames())
                .filter(n -> !n.startsWith("org.springframework") && !n.contains("."))
                .limit(20).toList();
    }
}
