# shellcheck shell=bash
# Finds a JDK 21 or newer. Sourced by src/dist/crawler, src/scripts/test and .ci/run.
#
#   source src/scripts/java-env.sh
#   crawler_find_java || exit 1     # sets and exports JAVA_HOME, sets JAVA (the java binary)
#
# Order: $JAVA_HOME if it is 21+, then `java` on the PATH if it is 21+, then the newest
# JDK 21+ under /usr/lib/jvm (and /usr/local/lib/jvm, /opt/java). Otherwise an error.

CRAWLER_MIN_JAVA=21

# Prints the feature version (8, 17, 21, 25, ...) of the java binary $1, or nothing.
# Reads JAVA_VERSION from the JDK's `release` file when there is one: starting a JVM only to ask
# its version costs about 0.1 s of CPU, twice on every start of the crawler command.
crawler_java_version() {
    local java_bin=$1 spec release
    [[ -x $java_bin ]] || return 1
    release="$(dirname "$(dirname "$(readlink -f "$java_bin")")")/release"
    if [[ -f $release ]]; then
        spec=$(sed -n 's/^JAVA_VERSION="\{0,1\}\([0-9.]*\).*/\1/p' "$release" | head -n 1)
        spec=${spec#1.}         # 1.8.0_402 -> 8.0_402
        spec=${spec%%.*}        # 25.0.3 -> 25
        if [[ $spec =~ ^[0-9]+$ ]]; then
            printf '%s\n' "$spec"
            return 0
        fi
    fi
    spec=$("$java_bin" -XshowSettings:properties -version 2>&1 \
        | sed -n 's/^ *java\.specification\.version = *//p' | head -n 1) || return 1
    spec=${spec#1.}             # 1.8 -> 8
    [[ $spec =~ ^[0-9]+$ ]] || return 1
    printf '%s\n' "$spec"
}

# Whether the java binary $1 is at least CRAWLER_MIN_JAVA.
crawler_java_ok() {
    local v
    v=$(crawler_java_version "$1") || return 1
    ((v >= CRAWLER_MIN_JAVA))
}

# The JDK home of a java binary (resolving symlinks such as /usr/bin/java).
crawler_java_home_of() {
    local real
    real=$(readlink -f "$1") || return 1
    dirname "$(dirname "$real")"
}

crawler_find_java() {
    local candidate best="" best_version=0 v dir
    if [[ -n ${JAVA_HOME:-} ]] && crawler_java_ok "$JAVA_HOME/bin/java"; then
        JAVA="$JAVA_HOME/bin/java"
        export JAVA_HOME
        return 0
    fi
    if candidate=$(command -v java 2>/dev/null) && crawler_java_ok "$candidate"; then
        JAVA=$candidate
        JAVA_HOME=$(crawler_java_home_of "$candidate")
        export JAVA_HOME
        return 0
    fi
    for dir in /usr/lib/jvm/* /usr/local/lib/jvm/* /opt/java/*; do
        [[ -x $dir/bin/java && -x $dir/bin/javac ]] || continue
        v=$(crawler_java_version "$dir/bin/java") || continue
        if ((v >= CRAWLER_MIN_JAVA && v > best_version)); then
            best=$dir
            best_version=$v
        fi
    done
    if [[ -n $best ]]; then
        JAVA_HOME=$best
        JAVA="$best/bin/java"
        export JAVA_HOME
        return 0
    fi
    echo "crawler needs Java ${CRAWLER_MIN_JAVA} or newer; set JAVA_HOME to a JDK ${CRAWLER_MIN_JAVA}+" \
        "(found: ${JAVA_HOME:-no JAVA_HOME}, $(command -v java || echo 'no java on PATH'))." >&2
    return 1
}
