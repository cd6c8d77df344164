package dev.evalgate.springai;

import dev.evalgate.config.ConfigNode;
import dev.evalgate.config.Options;
import dev.evalgate.target.Target;
import dev.evalgate.target.TargetKind;
import dev.evalgate.target.TargetSpec;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatModel;

/**
 * The {@code spring} target: a bean of the running Spring application, named by {@code bean:}.
 *
 * <pre>{@code
 * targets:
 *   - id: assistant
 *     type: spring
 *     bean: supportAssistant      # a Target, a ChatModel or a ChatClient bean
 * }</pre>
 *
 * <p>A {@link Target} bean is called as it is; a {@link ChatModel} bean becomes a {@link ChatModelTarget} and a
 * {@link ChatClient} bean a {@link ChatClientTarget}, so the application's own configured model is what the suite
 * measures. Beans live as long as their context, so closing the run does not close them. Their answers are never
 * taken from the response cache: a bean is the application's code and configuration, which change from one build
 * to the next while the suite file, the cache's key, stays the same.
 */
public final class SpringTargetKind implements TargetKind {

    @Override
    public String id() {
        return "spring";
    }

    @Override
    public Target create(TargetSpec spec) {
        Options options = spec.options();
        String name = options.requiredString("bean", "the name of a Spring bean that is a Target, a ChatModel or a"
                + " ChatClient, e.g. 'bean: supportAssistant'");
        ConfigNode where = options.node("bean").orElseThrow();
        Object bean = SpringBeans.bean(name, where);
        return switch (bean) {
            case Target target -> new Borrowed(target);
            case ChatModel model -> new Borrowed(ChatModelTarget.of(model));
            case ChatClient client -> new Borrowed(ChatClientTarget.of(client));
            default -> throw where.error("names Spring bean '" + name + "', a " + bean.getClass().getName()
                    + ", which is neither an evalgate Target nor a Spring AI ChatModel or ChatClient");
        };
    }

    /** A bean the run calls every time and never closes: the application context owns it. */
    private record Borrowed(Target target) implements Target {
        @Override
        public dev.evalgate.target.Reply call(dev.evalgate.target.Request request) throws Exception {
            return target.call(request);
        }

        @Override
        public int maxConcurrency() {
            return target.maxConcurrency();
        }

        @Override
        public boolean cacheable() {
            return false;
        }
    }
}
