package dev.evalgate.target;

import dev.evalgate.config.ConfigNode;
import dev.evalgate.config.Options;
import dev.evalgate.error.ConfigException;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code java} target: a class implementing {@link Target}, from the class path or from the jars and class
 * directories named in config.
 *
 * <p>Each {@code jar:} entry is a jar file or a directory of compiled classes (such as Maven's {@code target/classes}
 * and {@code target/test-classes}), relative to the suite file, so a suite can name a project's own classes right
 * after {@code mvn test-compile}. The class needs a public constructor taking either a {@code Map<String, String>} (the {@code options:}
 * mapping) or nothing.
 */
public final class JavaTargetKind implements TargetKind {

    @Override
    public String id() {
        return "java";
    }

    @Override
    public Target create(TargetSpec spec) {
        Options options = spec.options();
        String className = options.requiredString("class", "the fully qualified name of a class implementing "
                + Target.class.getName());
        List<String> jars = options.strings("jar");
        Map<String, String> params = new LinkedHashMap<>();
        options.stringMap("options").forEach((k, v) -> params.put(k, v.isNull() ? "" : v.value()));
        ConfigNode where = options.node("class").orElseThrow();
        ClassLoader loader = loader(jars, spec.baseDir(), options);
        Class<?> type;
        try {
            type = Class.forName(className, true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw where.error("names class '" + className + "', which is not on the class path"
                    + (jars.isEmpty() ? "; add the jar or classes directory that holds it, e.g."
                            + " 'jar: path/to/lib.jar' or 'jar: [target/classes, target/test-classes]'"
                            : " nor in " + jars + "; check the class name and that the jar or directory holds it"));
        }
        if (!Target.class.isAssignableFrom(type)) {
            throw where.error("names class '" + className + "', which does not implement " + Target.class.getName());
        }
        Target target = instantiate(type.asSubclass(Target.class), params, where);
        return decidesCaching(type) ? target : new Uncached(target);
    }

    private static ClassLoader loader(List<String> jars, Path baseDir, Options options) {
        ClassLoader parent = Thread.currentThread().getContextClassLoader();
        if (jars.isEmpty()) {
            return parent;
        }
        List<URL> urls = new ArrayList<>();
        for (String jar : jars) {
            Path path = baseDir.resolve(jar).normalize();
            if (!Files.exists(path)) {
                throw options.node("jar").orElseThrow().error("names '" + jar + "', but " + path
                        + " does not exist. Each entry is a jar or a directory of classes, relative to the suite"
                        + " file: build it first (for target/classes and target/test-classes run 'mvn test-compile'),"
                        + " or fix the path.");
            }
            try {
                urls.add(path.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new ConfigException("cannot use jar " + path + ": " + e.getMessage());
            }
        }
        return new URLClassLoader(urls.toArray(URL[]::new), parent);
    }

    /**
     * Whether the class overrides {@link Target#cacheable()}. A suite does not change when the user's code does, so
     * a cached answer could come from yesterday's code: Java targets are called every time unless they say
     * otherwise.
     */
    private static boolean decidesCaching(Class<?> type) {
        try {
            return type.getMethod("cacheable").getDeclaringClass() != Target.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** A user's target, kept out of the response cache; everything else is passed through. */
    private record Uncached(Target target) implements Target {
        @Override
        public Reply call(Request request) throws Exception {
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

        @Override
        public void close() {
            target.close();
        }
    }

    private static Target instantiate(Class<? extends Target> type, Map<String, String> params, ConfigNode where) {
        try {
            try {
                Constructor<? extends Target> withOptions = type.getConstructor(Map.class);
                return withOptions.newInstance(Map.copyOf(params));
            } catch (NoSuchMethodException e) {
                return type.getConstructor().newInstance();
            }
        } catch (NoSuchMethodException e) {
            throw where.error("names class '" + type.getName()
                    + "', which has no public constructor taking Map<String, String> or nothing");
        } catch (InvocationTargetException e) {
            throw where.error("names class '" + type.getName() + "', whose constructor failed: " + e.getCause());
        } catch (ReflectiveOperationException e) {
            throw where.error("names class '" + type.getName() + "', which cannot be created: " + e);
        }
    }
}
