# shellcheck shell=bash
# Finds a JDK 21 or newer. Sourced by src/dist/crawler, src/scripts/test and .ci/run.
#
#   source src/scripts/java-env.sh
#   crawler_find_java || exit 1     # sets and exports JAVA_HOME, sets JAVA (the java binary) and
#                                   # CRAWLER_JAVA_FEATURE (its feature version: 21, 25, ...)
#
# Order: $JAVA_HOME if it is 21+, then `java` on the PATH if it is 21+, then the newest
# JDK 21+ under /usr/lib/jvm (and /usr/local/lib/jvm, /opt/java). Otherwise an error.

CRAWLER_MIN_JAVA=21

# Sets REPLY to the feature version (8, 17, 21, 25, ...) of the java binary $1; fails if unknown.
# Reads JAVA_VERSION from the JDK's `release` file when there is one, with shell builtins only:
# starting a JVM to ask its version costs about 0.1 s of CPU, and each forked helper a few ms,
# on every start of the crawler command.
crawler_java_feature() {
    local java_bin=$1 real spec="" line
    REPLY=""
    [[ -x $java_bin ]] || return 1
    real=$java_bin
    if [[ -L $real ]]; then
        real=$(readlink -f "$real") || return 1
    fi
    if [[ $real == */bin/java && -f ${real%/bin/java}/release ]]; then
        while IFS= read -r line; do
            if [[ $line =~ ^JAVA_VERSION=\"?([0-9._]+) ]]; then
                spec=${BASH_REMATCH[1]}
                break
            fi
        done <"${real%/bin/java}/release"
    fi
    if [[ -z $spec ]]; then
        spec=$("$java_bin" -XshowSettings:properties -version 2>&1 \
            | sed -n 's/^ *java\.specification\.version = *//p' | head -n 1) || return 1
    fi
    spec=${spec#1.}             # 1.8.0_402 -> 8.0_402
    spec=${spec%%[._]*}         # 25.0.3 -> 25
    [[ $spec =~ ^[0-9]+$ ]] || return 1
    REPLY=$spec
}

# Prints the feature version of the java binary $1, or nothing (see crawler_java_feature).
crawler_java_version() {
    crawler_java_feature "$1" || return 1
    printf '%s\n' "$REPLY"
}

# Whether the java binary $1 is at least CRAWLER_MIN_JAVA.
crawler_java_ok() {
    crawler_java_feature "$1" || return 1
    ((REPLY >= CRAWLER_MIN_JAVA))
}

# The JDK home of a java binary (resolving symlinks such as /usr/bin/java).
crawler_java_home_of() {
    local real
    real=$(readlink -f "$1") || return 1
    dirname "$(dirname "$real")"
}

crawler_find_java() {
    local candidate best="" best_version=0 dir
    if [[ -n ${JAVA_HOME:-} ]] && crawler_java_ok "$JAVA_HOME/bin/java"; then
        JAVA="$JAVA_HOME/bin/java"
        CRAWLER_JAVA_FEATURE=$REPLY
        export JAVA_HOME
        return 0
    fi
    if candidate=$(command -v java 2>/dev/null) && crawler_java_ok "$candidate"; then
        JAVA=$candidate
        CRAWLER_JAVA_FEATURE=$REPLY
        JAVA_HOME=$(crawler_java_home_of "$candidate")
        export JAVA_HOME
        return 0
    fi
    for dir in /usr/lib/jvm/* /usr/local/lib/jvm/* /opt/java/*; do
        [[ -x $dir/bin/java && -x $dir/bin/javac ]] || continue
        crawler_java_feature "$dir/bin/java" || continue
        if ((REPLY >= CRAWLER_MIN_JAVA && REPLY > best_version)); then
            best=$dir
            best_version=$REPLY
        fi
    done
    if [[ -n $best ]]; then
        JAVA_HOME=$best
        JAVA="$best/bin/java"
        CRAWLER_JAVA_FEATURE=$best_version
        export JAVA_HOME
        return 0
    fi
    echo "crawler needs Java ${CRAWLER_MIN_JAVA} or newer; set JAVA_HOME to a JDK ${CRAWLER_MIN_JAVA}+" \
        "(found: ${JAVA_HOME:-no JAVA_HOME}, $(command -v java || echo 'no java on PATH'))." >&2
    return 1
}
