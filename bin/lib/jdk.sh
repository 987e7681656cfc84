# Sourced by bin/seat-ledger, bin/bench and .ci/run: makes a JDK 25 or newer the `java` of this
# shell and the JDK Maven runs on (JAVA_HOME), so the build, the broker, both apps, every test JVM
# and every child process the tests start run on it, whatever `java` on PATH is (often 17).
# Order: JAVA_HOME if it is 25+, then `java` on PATH if it is 25+, then the newest JDK 25+
# under /usr/lib/jvm; otherwise one line saying what to install, and exit 1.

jdk_major() { # java executable -> its feature version (17, 25, ...), or 0
  local v
  v=$("$1" -version 2>&1 | awk -F'"' '/version/ {print $2; exit}') || true
  v=${v#1.}
  v=${v%%[.+-]*}
  [[ "$v" =~ ^[0-9]+$ ]] && echo "$v" || echo 0
}

use_jdk25() {
  local candidate found=""
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ "$(jdk_major "$JAVA_HOME/bin/java")" -ge 25 ]; then
    found="$JAVA_HOME"
  elif command -v java >/dev/null && [ "$(jdk_major java)" -ge 25 ] && command -v javac >/dev/null; then
    found=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
  else
    for candidate in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -V -r); do
      candidate=${candidate%/}
      if [ -x "$candidate/bin/javac" ] && [ "$(jdk_major "$candidate/bin/java")" -ge 25 ]; then
        found="$candidate"; break
      fi
    done
  fi
  if [ -z "$found" ]; then
    echo "Seat Ledger needs a JDK 25 or newer (java on PATH is $(java -version 2>&1 | head -1 || echo 'missing')): install one, e.g. Temurin 25, and set JAVA_HOME to it" >&2
    exit 1
  fi
  export JAVA_HOME="$found"
  export PATH="$JAVA_HOME/bin:$PATH"
}
