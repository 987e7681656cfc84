# Sourced by bin/seat-ledger: runs each app from Spring Boot's extracted layout with a JDK AOT cache
# (JEP 483/514: classes loaded and linked ahead of time by one training run that stops right after
# the application context is refreshed; it needs no broker). Start-up is most of the time a
# restarted ledger takes to decide again. The cache is made again whenever the jar is newer;
# if it cannot be made, the plain jar runs. SEATLEDGER_AOT=false turns it off.

# aot_prepare NAME JAR DIR [training args...]: sets AOT_LAUNCH to the java arguments that run JAR.
# The training run gets $APP_JAVA_OPTS too: a cache only fits a JVM with its collector and header
# settings, so DIR must change with them (bin/seat-ledger names it after them).
aot_prepare() {
  local name=$1 jar=$2 dir=$3
  shift 3
  local cache="$dir/$name.aot"
  AOT_LAUNCH=(-jar "$jar")
  if [ "${SEATLEDGER_AOT:-true}" = "false" ]; then return 0; fi
  if [ ! -f "$cache" ] || [ "$jar" -nt "$cache" ]; then
    rm -rf "$dir" && mkdir -p "$dir"
    if ! { java -Djarmode=tools -jar "$jar" extract --destination "$dir" --force \
        && java $APP_JAVA_OPTS -XX:AOTCacheOutput="$cache" -Dspring.context.exit=onRefresh -jar "$dir/$(basename "$jar")" \
             --spring.kafka.admin.auto-create=false --spring.kafka.streams.auto-startup=false "$@"; } >"$dir/training.log" 2>&1 || [ ! -f "$cache" ]; then
      echo "no AOT cache for $name (see $dir/training.log); running the plain jar" >&2
      rm -f "$cache"
      return 0
    fi
  fi
  AOT_LAUNCH=(-XX:AOTCache="$cache")
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
