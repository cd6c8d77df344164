package dev.evalgate.maven.publish;

import org.apache.maven.model.Dependency;
import org.apache.maven.model.Model;
import org.apache.maven.model.Parent;
import org.apache.maven.model.Repository;
import org.apache.maven.model.building.DefaultModelBuilderFactory;
import org.apache.maven.model.building.DefaultModelBuildingRequest;
import org.apache.maven.model.building.FileModelSource;
import org.apache.maven.model.building.ModelBuildingException;
import org.apache.maven.model.building.ModelBuildingRequest;
import org.apache.maven.model.building.ModelBuildingResult;
import org.apache.maven.model.building.ModelSource;
import org.apache.maven.model.resolution.ModelResolver;
import org.apache.maven.model.resolution.UnresolvableModelException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * A module's POM as a consumer of the published artifact sees it: the raw file and the effective model Maven's
 * own model builder makes of it (parent merged, inheritance rules such as URL path appending applied, properties
 * interpolated), with imported BOMs and parents outside the reactor read from a local repository, offline.
 */
public record EffectivePom(Path file, Model raw, Model effective) {

    /** Builds the effective model of {@code pom}; no profile is active unless {@code properties} activate one. */
    public static EffectivePom of(Path pom, Path localRepository, Properties properties) {
        return of(pom, localRepository, properties, List.of());
    }

    /** Builds the effective model of {@code pom} with the profiles {@code -P} would name active. */
    public static EffectivePom of(Path pom, Path localRepository, Properties properties, List<String> profiles) {
        DefaultModelBuildingRequest request = new DefaultModelBuildingRequest();
        request.setActiveProfileIds(profiles);
        request.setPomFile(pom.toFile());
        request.setValidationLevel(ModelBuildingRequest.VALIDATION_LEVEL_MINIMAL);
        request.setProcessPlugins(false);
        // the JDK's version, as Maven itself sets it: parents and imported BOMs activate profiles on it (jdk9+)
        Properties system = new Properties();
        system.setProperty("java.version", System.getProperty("java.version"));
        system.putAll(properties);
        request.setSystemProperties(system);
        request.setModelResolver(new LocalRepositoryResolver(localRepository));
        try {
            ModelBuildingResult result = new DefaultModelBuilderFactory().newInstance().build(request);
            return new EffectivePom(pom, result.getRawModel(), result.getEffectiveModel());
        } catch (ModelBuildingException e) {
            throw new IllegalStateException("cannot build the effective POM of " + pom + ": " + e.getMessage(), e);
        }
    }

    /** True when the module's deploy step is switched off, i.e. it is not published. */
    public boolean deploySkipped() {
        return Boolean.parseBoolean(effective.getProperties().getProperty("maven.deploy.skip", "false"));
    }

    /** Finds POMs in the repository layout of a local repository; it never downloads anything. */
    private record LocalRepositoryResolver(Path repository) implements ModelResolver {

        @Override
        public ModelSource resolveModel(String groupId, String artifactId, String version)
                throws UnresolvableModelException {
            Path pom = repository.resolve(groupId.replace('.', '/')).resolve(artifactId).resolve(version)
                    .resolve(artifactId + "-" + version + ".pom");
            if (!Files.isRegularFile(pom)) {
                throw new UnresolvableModelException("not in the local repository: " + pom, groupId, artifactId,
                        version);
            }
            return new FileModelSource(pom.toFile());
        }

        @Override
        public ModelSource resolveModel(Parent parent) throws UnresolvableModelException {
            return resolveModel(parent.getGroupId(), parent.getArtifactId(), parent.getVersion());
        }

        @Override
        public ModelSource resolveModel(Dependency dependency) throws UnresolvableModelException {
            return resolveModel(dependency.getGroupId(), dependency.getArtifactId(), dependency.getVersion());
        }

        @Override
        public void addRepository(Repository repository) {
            // offline: remote repositories named in POMs are not consulted
        }

        @Override
        public void addRepository(Repository repository, boolean replace) {
            // offline: remote repositories named in POMs are not consulted
        }

        @Override
        public ModelResolver newCopy() {
            return this;
        }
    }
}
