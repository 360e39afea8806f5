# Shared by the scripts: finds a JDK 21+ and the project root. Sourced, not run.
CD_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

java_major() { # prints the major version of the java binary $1
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n1
}

find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    local v; v=$(java_major "$JAVA_HOME/bin/java")
    if [ "${v:-0}" -ge 21 ] 2>/dev/null; then echo "$JAVA_HOME"; return 0; fi
  fi
  local best="" best_v=0 d v
  for d in /usr/lib/jvm/*/; do
    d=${d%/}
    [ -x "$d/bin/java" ] && [ -x "$d/bin/javac" ] || continue
    [ -L "$d" ] && continue
    v=$(java_major "$d/bin/java")
    if [ "${v:-0}" -gt "$best_v" ] 2>/dev/null; then best="$d"; best_v="$v"; fi
  done
  if [ "$best_v" -ge 21 ]; then echo "$best"; return 0; fi
  echo "community-defender: no JDK 21 or newer found (set JAVA_HOME or install one under /usr/lib/jvm)" >&2
  return 1
}

setup_java() {
  JAVA_HOME="$(find_jdk)" || exit 1
  export JAVA_HOME
  export PATH="$JAVA_HOME/bin:$PATH"
}
