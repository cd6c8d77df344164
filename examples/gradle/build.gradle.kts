// How a Gradle build uses evalgate: the JUnit module as a test dependency, tests on the JUnit Platform.
//
// NOT TESTED by evalgate's own build. The machines that build evalgate have no Gradle that can run a Kotlin DSL
// build on Java 21 (Debian ships Gradle 4.4.1; Gradle's distributions are not served by the package registries
// those machines reach), so this file is written to Gradle's documented API but has never been run there. The
// Java sources beside it are compiled and their test run against the evalgate jars by
// scripts/check-gradle-example.sh, which is what is checked. See docs/publishing.md.
plugins {
    java
}

group = "com.example.helpdesk"
version = "1.0.0-SNAPSHOT"

// evalgate needs Java 21 or newer; Gradle provisions or finds a matching JDK.
java {
    toolchain {
        languageVersion = JavaLanguageVersion.of(21)
    }
}

repositories {
    mavenCentral()
    // Only while using a -SNAPSHOT evalgate built from source with `mvn install`; drop it for a release.
    mavenLocal()
}

val evalgateVersion = "0.1.0-SNAPSHOT"

dependencies {
    testImplementation("dev.evalgate:evalgate-junit:$evalgateVersion")
    // evalgate is built with these versions; the platforms keep every library on them.
    testImplementation(platform("com.fasterxml.jackson:jackson-bom:2.23.0"))
    testImplementation(platform("org.junit:junit-bom:6.1.3"))
    testImplementation("org.junit.jupiter:junit-jupiter")
    testRuntimeOnly("org.junit.platform:junit-platform-launcher")
}

tasks.test {
    useJUnitPlatform()
    // The SQLite driver of evalgate's store loads native code.
    jvmArgs("--enable-native-access=ALL-UNNAMED")
    // evalgate keeps runs under target/ in a Maven build; under Gradle, point its store into build/ instead.
    environment("EVALGATE_STORE", layout.buildDirectory.file("evalgate/evalgate.db").get().asFile.path)
}
