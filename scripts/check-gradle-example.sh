#!/usr/bin/env bash
# Checks the Java side of examples/gradle without Gradle (none usable is available here; docs/publishing.md):
# compiles the example's main and test sources against the evalgate-junit jars this checkout builds, with the
# JUnit dependencies its build.gradle.kts declares, and runs its tests on the JUnit Platform. Exit 0 when they pass.
# It builds offline and never installs anything into ~/.m2.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
example="$root/examples/gradle"
work="$example/build/evalgate-check"

. "$root/scripts/find-java.sh"
java_bin="$(find_java)" || { echo "check-gradle-example: needs Java 21 or newer" >&2; exit 2; }
java_home="$(dirname "$(dirname "$(readlink -f "$java_bin")")")"

# The reactor resolves evalgate-junit's evalgate dependencies to this checkout's jars, never to ~/.m2's.
(cd "$root" && mvn -o -q -B -DskipTests -pl evalgate-junit -am package dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/example-classpath.txt)
cp="$root/evalgate-junit/target/evalgate-junit-$(cd "$root" && sed -n 's:^  <version>\(.*\)</version>$:\1:p' pom.xml | head -n 1).jar"
cp="$cp:$(cat "$root/evalgate-junit/target/example-classpath.txt")"

rm -rf "$work" && mkdir -p "$work/main" "$work/test"
"$java_home/bin/javac" --release 21 -d "$work/main" $(find "$example/src/main/java" -name '*.java')
"$java_home/bin/javac" --release 21 -cp "$work/main:$cp" -d "$work/test" $(find "$example/src/test/java" -name '*.java')
cp -r "$example/src/test/resources/." "$work/test/"

# As the Gradle build's test task: native access for SQLite, the store under build/.
cd "$example"
EVALGATE_STORE="$work/evalgate.db" "$java_bin" --enable-native-access=ALL-UNNAMED \
    -cp "$work/main:$work/test:$cp" "$root/scripts/RunJUnitTests.java" "$work/test"
