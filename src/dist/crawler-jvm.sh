# shellcheck shell=bash
# The JVM options the crawler command starts with: defaults for a command-line crawler, and the
# start-up cache. Sourced by src/dist/crawler, after java-env.sh (which sets JAVA). The benchmarks'
# jar (crawler-bench.jar: `crawler bench`, `crawler frontier-bench`) gets the defaults, not the cache.
#
#   crawler_default_jvm_opts      prints the memory, GC and JIT defaults (JAVA_OPTS, placed after
#                                 them, overrides them)
#   crawler_aot_opts JAR          prints the options that use the start-up cache of JAR, creating
#                                 it first when it is missing or older than JAR (CRAWLER_AOT=off: none)

# Defaults, one per line, for the options JAVA_OPTS leaves alone (later options win, so JAVA_OPTS,
# placed after these, overrides any of them; a GC is only chosen here when JAVA_OPTS names none,
# as two would be an error). Measured on a 10,245-page crawl of the JDK API docs (README: Memory):
#  - Serial GC and a 128 MB heap limit: the JVM's defaults (G1, a quarter of the machine's memory)
#    let the heap grow to 330 MB and the process to 570 MB; Serial and G1 both grow the heap
#    towards the limit whatever the live data, so the limit is the lever. 128 MB crawls the
#    10,000 pages with no more CPU than 256 MB within the noise, and Serial runs no collector
#    threads beside the crawl.
#  - C1 only (TieredStopAtLevel=1): C2's compilations peak at about 35 MB of arena memory and
#    its code cache at about 20 MB; without it peak RSS drops by about 60 MB, below 256 MB, and a
#    10,000-page crawl used no more CPU (C2's compile time is saved). Long crawls may want C2
#    back: JAVA_OPTS=-XX:TieredStopAtLevel=4.
# One option per line: an option may hold spaces.
crawler_default_jvm_opts() {
    local given=" ${JAVA_OPTS:-} "
    if [[ ! $given =~ \ -XX:[+]Use[A-Za-z]*GC\  ]]; then
        echo "-XX:+UseSerialGC"
    fi
    echo "-Xmx${CRAWLER_DEFAULT_HEAP:-128m}"
    echo "-XX:TieredStopAtLevel=1"
    # out of heap, the JVM stops at once rather than limp on with a thread gone (an event loop
    # that dies leaves nothing to finish the crawl); the crawl state survives this as a kill -9
    echo "-XX:+ExitOnOutOfMemoryError"
    echo "-XX:OnOutOfMemoryError=echo 'crawler: out of memory: the Java heap is too small for this crawl. Run the same command again to resume, with more heap (JAVA_OPTS=-Xmx1g) or a lower --concurrency.' >&2"
}

# The start-up cache, kept next to the jar and named after the JDK that made it (a cache only
# works with the JVM build that wrote it):
#   JDK 25+   an AOT cache (JEP 483/514/515): classes loaded and linked, and method profiles, from
#             a training run; -XX:AOTCacheOutput writes it at the end of that run.
#   JDK 21-24 a dynamic CDS archive: the classes the training run loaded, parsed and verified.
# The training run is `crawler demo` on a small simulated web of about 120 realistic pages (in-process, with
# the JVM options of a real run: a cache made under another GC is partly unusable), in a temporary directory. It runs
# once per jar build (the cache is remade when the jar is newer), under a lock so that two
# launches do not both train. Nothing here can fail a crawl: if the cache cannot be made (a
# read-only directory, a JVM that refuses the options), the crawl runs without it.
crawler_aot_opts() {
    local jar=$1 version dir cache lock log
    [[ ${CRAWLER_AOT:-on} == off ]] && return 0
    version=${CRAWLER_JAVA_FEATURE:-}
    [[ -n $version ]] || { crawler_java_feature "$JAVA" && version=$REPLY; } || return 0
    dir=${jar%/*}
    cache="$dir/crawler-java$version.jsa"
    ((version >= 25)) && cache="$dir/crawler-java$version.aot"
    if [[ -f $cache && $cache -nt $jar ]]; then
        crawler_aot_use "$version" "$cache"
        return 0
    fi
    # not writable (an installed copy), or training failed for this jar already: no cache
    [[ -w $dir && ! $cache.failed -nt $jar ]] || return 0
    lock="$cache.lock"
    log="$cache.log"
    (
        # another launch is training: run without the cache this time rather than wait
        command -v flock >/dev/null 2>&1 && { flock -n 9 || exit 1; }
        crawler_aot_train "$jar" "$version" "$cache" "$log"
    ) 9>"$lock" || return 0
    [[ -f $cache ]] && crawler_aot_use "$version" "$cache"
}

# A cache the JVM cannot use (made by another build of the same JDK version, damaged) is skipped
# by the JVM, which goes on without it; its complaint is silenced, the crawl does not need it.
crawler_aot_use() {
    local version=$1 cache=$2
    if ((version >= 25)); then
        echo "-XX:AOTCache=$cache"
        echo "-Xlog:aot=off"
    else
        echo "-XX:SharedArchiveFile=$cache"
        echo "-Xlog:cds=off"
    fi
}

# Runs the training crawl and writes the cache atomically (a crash leaves no half-written cache).
crawler_aot_train() {
    local jar=$1 version=$2 cache=$3 log=$4 tmp work record
    tmp="$cache.$$.tmp"
    work=$(mktemp -d "${TMPDIR:-/tmp}/crawler-aot.XXXXXX") || return 1
    if ((version >= 25)); then
        record="-XX:AOTCacheOutput=$tmp"
    else
        record="-XX:ArchiveClassesAtExit=$tmp"
    fi
    echo "crawler: creating the start-up cache $cache (once per build; CRAWLER_AOT=off skips it)..." >&2
    local -a defaults
    mapfile -t defaults < <(crawler_default_jvm_opts)
    # shellcheck disable=SC2086  # JAVA_OPTS is a list of options, split on spaces on purpose
    if "$JAVA" "${defaults[@]}" ${JAVA_OPTS:-} "${crawler_fixed_jvm_opts[@]}" "$record" -jar "$jar" \
        demo --out "$work/demo" --progress none --delay 0ms --latency-ms 0 --hosts 2 --pages 60 --page-profile realistic \
        >"$log" 2>&1 && [[ -s $tmp ]]; then
        mv -f "$tmp" "$cache"
    else
        rm -f "$tmp"
        echo "crawler: could not create the start-up cache (see $log); running without it" >&2
        touch "$cache.failed"
    fi
    rm -rf "$work"
}
