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

# The application jar, rebuilt (without tests) when it is missing or a main source, resource or POM is newer.
CD_JAR="$CD_ROOT/modules/app/target/community-defender.jar"
ensure_built() {
  if [ ! -f "$CD_JAR" ] || [ -n "$(cd "$CD_ROOT" && find pom.xml modules -newer "$CD_JAR" \
      \( -path '*/src/main/*' -o -name 'pom.xml' \) -type f -print -quit 2>/dev/null)" ]; then
    echo "community-defender: building (first run or sources changed)…" >&2
    (cd "$CD_ROOT" && mvn -B -q -DskipTests install >&2)
    touch "$CD_JAR"
  fi
}

# The Debian packages the tests use, installed when missing: chromium and chromium-driver (console tests in a real
# browser), libzstd1 (compression library of the embedded Elasticsearch node). As root, or with sudo that does not ask
# for a password; otherwise prints the command to run and fails.
ensure_test_packages() {
  local missing=() zstd=0 f
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
  for f in /usr/lib/*/libzstd.so.1 /usr/lib/libzstd.so.1 /usr/lib64/libzstd.so.1; do [ -e "$f" ] && zstd=1; done
  [ "$zstd" -eq 1 ] || missing+=(libzstd1)
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      sudo="sudo -n"
    else
      echo "community-defender: the tests need Debian packages that are missing; install them, then run again:" >&2
      echo "  sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
      return 1
    fi
  fi
  echo "community-defender: installing ${missing[*]} (Debian packages, needed by the tests)…" >&2
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq >&2
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Harnesses read public datasets from paths you give. A path argument (a token with a '/' or a data file extension)
# that does not exist stops the harness naming the dataset it expects and where it is published (docs/datasets.md).
#   require_dataset "DATASET (publisher, URL, licence)" "$@"
require_dataset() {
  local what="$1"; shift
  local arg skip=""
  for arg in "$@"; do
    if [ -n "$skip" ]; then skip=""; continue; fi
    case "$arg" in
      --out|--model-dir|--corrections|--by) skip=1; continue ;;  # not input files
      --*) continue ;;
      */*|*.csv|*.txt|*.tsv|*.jsonl|*.json)
        if [ ! -e "$arg" ]; then
          echo "$(basename "$0"): $arg: not found." >&2
          echo "  This harness expects $what." >&2
          echo "  Download it, then pass the path of your local copy (see docs/datasets.md)." >&2
          exit 2
        fi ;;
    esac
  done
}
