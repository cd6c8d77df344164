# Sourced by ./evalgate and the bench scripts: find_java prints the newest java >= 21 found in JAVA_HOME, PATH,
# /usr/lib/jvm, /opt and SDKMAN, or fails. No exports needed on a machine whose default java is older.

# The JDK's release file answers without starting a JVM (each start costs ~0.1 s, and there may be several
# candidates); `java -version` is the fallback for a runtime that has none.
java_major() {
  local release
  release="$(dirname "$(dirname "$(readlink -f "$1")")")/release"
  { if [ -f "$release" ]; then sed -n 's/^JAVA_VERSION=/version /p' "$release"; else "$1" -version 2>&1; fi; } |
    awk -F'"' '/version/ { split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]); exit }'
}

find_java() {
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME/bin/java")
  command -v java >/dev/null 2>&1 && candidates+=("$(command -v java)")
  for d in /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/*; do
    [ -x "$d/bin/java" ] && candidates+=("$d/bin/java")
  done
  local best="" best_major=0 major
  for c in "${candidates[@]}"; do
    [ -x "$c" ] || continue
    major="$(java_major "$c" || echo 0)"
    if [ "${major:-0}" -ge 21 ] && [ "$major" -gt "$best_major" ]; then best="$c"; best_major="$major"; fi
  done
  [ -n "$best" ] || return 1
  echo "$best"
}
