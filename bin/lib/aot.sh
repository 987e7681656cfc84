# Sourced by bin/seat-ledger: runs each app from Spring Boot's extracted layout with a JDK AOT cache
# (JEP 483/514/515: classes loaded and linked ahead of time, and the JIT's method profiles). Both
# caches come from one training run under load (aot_train_under_load: a broker of its own, both apps,
# ~40 s of buyers on the real command path; ~1.5 minutes once per build), so a new instance starts
# warm instead of learning the command path from an on-sale's first seconds. If that fails, or with
# SEATLEDGER_AOT=refresh, each cache comes from a run that stops right after the application
# context is refreshed (classes only; no broker). Start-up is most of the time a restarted ledger
# takes to decide again. A cache is made again whenever its jar is newer; if none can be made, the
# plain jar runs. SEATLEDGER_AOT=false turns it off.

# aot_stale NAME JAR DIR: true when DIR has no cache for JAR, or an older one
aot_stale() {
  local cache="$3/$1.aot"
  [ ! -f "$cache" ] || [ "$2" -nt "$cache" ]
}

# aot_train_under_load KAFKA_CLASSPATH_FILE LEDGER_JAR LEDGER_DIR API_JAR API_DIR: both caches from one
# training run under load (harness AotTraining), made again whatever is there; returns non-zero if it
# could not make them
aot_train_under_load() {
  local kcp=$1 ljar=$2 ldir=$3 ajar=$4 adir=$5
  # written by bin/seat-ledger's build, with this build's sibling jars
  local hcp="harness/target/module.classpath"
  : >"$VAR/aot-training.log"
  if [ ! -f "$hcp" ]; then
    echo "$hcp is missing: build with mvn package dependency:build-classpath -Dmdep.outputFile=target/module.classpath" \
      >>"$VAR/aot-training.log"
    return 1
  fi
  java -cp "harness/target/classes:$(cat "$hcp")" com.seatledger.harness.AotTraining "$kcp" "$VAR/aot-training" \
    "$APP_JAVA_OPTS" "$ljar" "$ldir" "$ajar" "$adir" >>"$VAR/aot-training.log" 2>&1
}

# aot_prepare NAME JAR DIR [training args...]: sets AOT_LAUNCH to the java arguments that run JAR.
# The training run gets $APP_JAVA_OPTS too: a cache only fits a JVM with its collector and header
# settings, so DIR must change with them (bin/seat-ledger names it after them).
aot_prepare() {
  local name=$1 jar=$2 dir=$3
  shift 3
  local cache="$dir/$name.aot"
  AOT_LAUNCH=(-jar "$jar")
  if [ "${SEATLEDGER_AOT:-true}" = "false" ]; then return 0; fi
  if aot_stale "$name" "$jar" "$dir"; then
    rm -rf "$dir" && mkdir -p "$dir"
    if ! { java -Djarmode=tools -jar "$jar" extract --destination "$dir" --force \
        && java $APP_JAVA_OPTS -XX:AOTCacheOutput="$cache" -Dspring.context.exit=onRefresh -jar "$dir/$(basename "$jar")" \
             --spring.kafka.admin.auto-create=false --spring.kafka.streams.auto-startup=false "$@"; } >"$dir/training.log" 2>&1 || [ ! -f "$cache" ]; then
      echo "no AOT cache for $name (see $dir/training.log); running the plain jar" >&2
      rm -f "$cache"
      return 0
    fi
  fi
  # methods with a training profile compiled as soon as their class is initialised, at the level
  # they reached in training, not after thousands of interpreted calls under the first buyers
  # (JDK 25, experimental; the harness's AotCache passes the same); SEATLEDGER_AOT_EAGER=false leaves it out
  AOT_LAUNCH=(-XX:AOTCache="$cache")
  if [ "${SEATLEDGER_AOT_EAGER:-true}" != "false" ]; then
    AOT_LAUNCH+=(-XX:+UnlockExperimentalVMOptions -XX:+AOTCompileEagerly)
  fi
  # RocksDB's native library, unpacked once: otherwise every start copies ~15 MB out of the jar
  # to a temporary file before the first store opens (~0.2 s idle, more on a busy restart)
  local rocksdb="" f
  for f in "$dir"/lib/rocksdbjni-*.jar; do
    if [ -f "$f" ]; then rocksdb=$f; fi
  done
  if [ -n "$rocksdb" ] && [ "$(uname -s)-$(uname -m)" = "Linux-x86_64" ]; then
    if [ -f "$dir/native/librocksdbjni-linux64.so" ] || { mkdir -p "$dir/native" \
        && (cd "$dir/native" && jar xf "$rocksdb" librocksdbjni-linux64.so) 2>/dev/null; }; then
      AOT_LAUNCH+=(-Djava.library.path="$dir/native")
    fi
  fi
  AOT_LAUNCH+=(-jar "$dir/$(basename "$jar")")
}
