package dev.evalgate.maven.publish;

import org.apache.maven.model.Developer;
import org.apache.maven.model.License;
import org.apache.maven.model.Model;
import org.apache.maven.model.Scm;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What a public repository (Maven Central's rules) requires of a published POM, checked on its effective model:
 * each broken rule comes back as one line naming the POM, the element and the fix.
 */
public final class PublishedPomRules {

    /** The licence every published module declares, by its canonical name and address. */
    public static final String LICENSE_NAME = "Apache License, Version 2.0";
    public static final String LICENSE_URL = "https://www.apache.org/licenses/LICENSE-2.0.txt";

    private PublishedPomRules() {
    }

    /** The rules {@code pom} breaks; empty when it may be published. */
    public static List<String> violations(EffectivePom pom) {
        Model model = pom.effective();
        List<String> found = new ArrayList<>();
        String where = pom.file() + " (" + model.getArtifactId() + ")";
        // name is never inherited, and an inherited description would describe the parent: each module says its own
        requireOwn(found, where, "name", pom.raw().getName());
        requireOwn(found, where, "description", pom.raw().getDescription());
        require(found, where, "url", model.getUrl(), "set <url> in the parent POM");
        List<License> licenses = model.getLicenses();
        if (licenses.isEmpty()) {
            found.add(where + ": <licenses> is missing; the parent POM declares " + LICENSE_NAME);
        }
        for (License license : licenses) {
            require(found, where, "license name", license.getName(), "name it '" + LICENSE_NAME + "'");
            require(found, where, "license url", license.getUrl(), "give its canonical URL " + LICENSE_URL);
        }
        List<Developer> developers = model.getDevelopers();
        if (developers.isEmpty()) {
            found.add(where + ": <developers> is missing; list at least one developer with a <name> in the parent POM");
        }
        for (Developer developer : developers) {
            require(found, where, "developer name", developer.getName(), "give each <developer> a <name>");
        }
        Scm scm = model.getScm();
        if (scm == null) {
            found.add(where + ": <scm> is missing; declare connection, developerConnection, url and tag in the parent POM");
        } else {
            requireScm(found, where, scm, "connection", Scm::getConnection);
            requireScm(found, where, scm, "developerConnection", Scm::getDeveloperConnection);
            requireScm(found, where, scm, "url", Scm::getUrl);
            requireScm(found, where, scm, "tag", Scm::getTag);
        }
        if (model.getIssueManagement() == null) {
            found.add(where + ": <issueManagement> is missing; name the issue tracker's URL in the parent POM");
        } else {
            require(found, where, "issueManagement url", model.getIssueManagement().getUrl(),
                    "name the issue tracker's URL in the parent POM");
        }
        return found;
    }

    private static void requireScm(List<String> found, String where, Scm scm, String element,
                                   Function<Scm, String> value) {
        require(found, where, "scm " + element, value.apply(scm), "set <scm><" + element + "> in the parent POM");
    }

    private static void requireOwn(List<String> found, String where, String element, String value) {
        require(found, where, element, value, "give the module its own <" + element + "> in its pom.xml");
    }

    private static void require(List<String> found, String where, String element, String value, String fix) {
        if (value == null || value.isBlank()) {
            found.add(where + ": " + element + " is missing; " + fix);
        } else if (value.contains("${")) {
            found.add(where + ": " + element + " '" + value + "' has an unresolved property; " + fix);
        }
    }
}
