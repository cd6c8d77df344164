package dev.evalgate.maven.publish;

import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.model.Profile;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * The POMs this reactor would publish, read as Maven builds them: every published module carries what a public
 * repository requires, what is not published says so, and the release profile adds sources, Javadoc and (only on
 * request) signatures.
 */
class PublishedPomsTest {

    private static final Path ROOT = Path.of(System.getProperty("evalgate.root", "..")).toAbsolutePath().normalize();
    private static final Path REPOSITORY = Path.of(System.getProperty("evalgate.localRepository",
            Path.of(System.getProperty("user.home"), ".m2", "repository").toString()));

    @TempDir
    Path dir;

    @Test
    void every_published_module_carries_name_description_url_license_scm_and_developers() {
        List<EffectivePom> published = reactor().stream().filter(pom -> !pom.deploySkipped()).toList();

        assertThat(published).extracting(pom -> pom.effective().getArtifactId())
                .contains("evalgate-parent", "evalgate-core", "evalgate-junit", "evalgate-maven-plugin");
        assertThat(published).flatExtracting(PublishedPomRules::violations).isEmpty();
        assertThat(published).allSatisfy(pom -> assertThat(pom.effective().getLicenses())
                .extracting("name", "url")
                .containsExactly(tuple(PublishedPomRules.LICENSE_NAME, PublishedPomRules.LICENSE_URL)));
    }

    @Test
    void modules_that_are_not_published_skip_deploy_and_say_so() {
        List<EffectivePom> modules = reactor();
        List<EffectivePom> examples = modules.stream().filter(pom -> !ours(pom)).toList();
        List<EffectivePom> unpublished = modules.stream().filter(pom -> ours(pom) && pom.deploySkipped()).toList();

        assertThat(examples).isNotEmpty();
        assertThat(examples).filteredOn(pom -> !pom.deploySkipped()).extracting(EffectivePom::file)
                .as("reactor modules outside dev.evalgate (examples) set <maven.deploy.skip>true</maven.deploy.skip>")
                .isEmpty();
        assertThat(unpublished).extracting(pom -> pom.effective().getArtifactId())
                .contains("evalgate-bench", "evalgate-browser-tests");
        assertThat(unpublished).filteredOn(pom -> !pom.raw().getDescription().contains("Not published"))
                .extracting(EffectivePom::file)
                .as("modules that skip deploy end their <description> with 'Not published.'")
                .isEmpty();
    }

    @Test
    void a_new_module_inherits_everything_but_its_own_name_and_description() throws IOException {
        Path bare = childPom("evalgate-new", "");
        Path described = childPom("evalgate-described",
                "<name>evalgate-described</name><description>Something a user can use.</description>");

        assertThat(PublishedPomRules.violations(EffectivePom.of(bare, REPOSITORY, new Properties())))
                .hasSize(2)
                .anySatisfy(line -> assertThat(line).contains("name is missing"))
                .anySatisfy(line -> assertThat(line).contains("description is missing"));
        assertThat(PublishedPomRules.violations(EffectivePom.of(described, REPOSITORY, new Properties()))).isEmpty();
    }

    @Test
    void a_pom_without_license_scm_developers_or_issue_tracker_is_reported() throws IOException {
        Path pom = dir.resolve("pom.xml");
        Files.writeString(pom, """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>dev.example</groupId><artifactId>bare</artifactId><version>1.0</version>
                  <name>bare</name><description>No metadata.</description><url>https://example.org/${missing}</url>
                </project>
                """);

        assertThat(PublishedPomRules.violations(EffectivePom.of(pom, REPOSITORY, new Properties())))
                .anySatisfy(line -> assertThat(line).contains("url 'https://example.org/${missing}' has an unresolved property"))
                .anySatisfy(line -> assertThat(line).contains("<licenses> is missing"))
                .anySatisfy(line -> assertThat(line).contains("<developers> is missing"))
                .anySatisfy(line -> assertThat(line).contains("<scm> is missing"))
                .anySatisfy(line -> assertThat(line).contains("<issueManagement> is missing"));
    }

    @Test
    void the_release_profile_builds_sources_and_javadoc_and_signs_only_when_asked() {
        Path parent = ROOT.resolve("pom.xml");
        Profile release = EffectivePom.of(parent, REPOSITORY, new Properties()).raw().getProfiles().stream()
                .filter(profile -> profile.getId().equals("release")).findFirst().orElseThrow();

        assertThat(goals(release, "maven-source-plugin")).containsExactly("jar-no-fork");
        assertThat(goals(release, "maven-javadoc-plugin")).containsExactly("jar");
        assertThat(goals(release, "maven-gpg-plugin")).containsExactly("sign");
        Properties sign = new Properties();
        sign.setProperty("sign", "true");   // what -Dsign sets
        List<String> releaseProfile = List.of("release");
        assertThat(skipSigning(EffectivePom.of(parent, REPOSITORY, new Properties(), releaseProfile).effective()))
                .isEqualTo("true");
        assertThat(skipSigning(EffectivePom.of(parent, REPOSITORY, sign, releaseProfile).effective()))
                .isEqualTo("false");
    }

    @Test
    void the_license_file_names_the_apache_license_and_its_address() throws IOException {
        String notice = Files.readString(ROOT.resolve("LICENSE"));

        assertThat(notice).contains("Apache License, Version 2.0").contains("https://www.apache.org/licenses/LICENSE-2.0");
    }

    private static boolean ours(EffectivePom pom) {
        return "dev.evalgate".equals(pom.effective().getGroupId());
    }

    /** The parent and every module it lists, as effective POMs. */
    private static List<EffectivePom> reactor() {
        EffectivePom parent = EffectivePom.of(ROOT.resolve("pom.xml"), REPOSITORY, new Properties());
        return Stream.concat(Stream.of(parent), parent.raw().getModules().stream()
                .map(module -> EffectivePom.of(ROOT.resolve(module).resolve("pom.xml"), REPOSITORY, new Properties())))
                .toList();
    }

    private Path childPom(String artifactId, String own) throws IOException {
        Path module = Files.createDirectories(dir.resolve(artifactId));
        Model parent = EffectivePom.of(ROOT.resolve("pom.xml"), REPOSITORY, new Properties()).effective();
        Path pom = module.resolve("pom.xml");
        Files.writeString(pom, """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <parent>
                    <groupId>dev.evalgate</groupId><artifactId>evalgate-parent</artifactId><version>%s</version>
                    <relativePath>%s</relativePath>
                  </parent>
                  <artifactId>%s</artifactId>
                  %s
                </project>
                """.formatted(parent.getVersion(), module.relativize(ROOT.resolve("pom.xml")), artifactId, own));
        return pom;
    }

    private static List<String> goals(Profile profile, String artifactId) {
        Plugin plugin = profile.getBuild().getPlugins().stream()
                .filter(candidate -> candidate.getArtifactId().equals(artifactId)).findFirst().orElseThrow();
        return plugin.getExecutions().stream().map(PluginExecution::getGoals).flatMap(List::stream).toList();
    }

    /** The {@code skip} the gpg plugin's sign execution is configured with, as Maven would pass it. */
    private static String skipSigning(Model model) {
        Plugin gpg = model.getBuild().getPlugins().stream()
                .filter(plugin -> plugin.getArtifactId().equals("maven-gpg-plugin")).findFirst().orElseThrow();
        Xpp3Dom configuration = (Xpp3Dom) gpg.getExecutions().getFirst().getConfiguration();
        return configuration.getChild("skip").getValue();
    }
}
