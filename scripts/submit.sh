#!/usr/bin/env bash
# spark-submit wrapper: Spark options first, then the wiretrace command.
#   scripts/submit.sh --master spark://host:7077 --conf spark.executor.memory=8g \
#       run --input hdfs:///news/2026-11-27 --output hdfs:///reports --run-date 2026-11-27
# Uses the installed spark-submit (SPARK_HOME or PATH). Without a Spark distribution (as on a
# developer machine) it runs org.apache.spark.deploy.SparkSubmit from the Spark jars Maven fetched,
# which is what spark-submit does after its launcher. SPARK_SUBMIT_OPTS (JVM options of the
# driver in client mode) is honoured as spark-submit does.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
spark_opts=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    run|generate|eval|schema|help) break ;;
    --verbose|-v|--supervise) spark_opts+=("$1"); shift ;;
    --*=*) spark_opts+=("$1"); shift ;;
    --*) [[ $# -ge 2 ]] || { echo "submit.sh: $1 needs a value" >&2; exit 2; }
         spark_opts+=("$1" "$2"); shift 2 ;;
    *) echo "submit.sh: expected a Spark option or a wiretrace command (run, generate, eval, schema), got '$1'" >&2; exit 2 ;;
  esac
done
[[ $# -gt 0 ]] || { echo "usage: submit.sh [spark-submit options] run|generate|eval|schema [wiretrace options]" >&2; exit 2; }
JAR="$(ls "$ROOT"/target/wiretrace-*.jar 2>/dev/null | grep -v original | head -n 1 || true)"
if [[ -z "$JAR" || ! -f "$ROOT/target/spark.classpath" ]]; then
  (cd "$ROOT" && mvn -q -B -ntp -DskipTests package) >&2
  JAR="$(ls "$ROOT"/target/wiretrace-*.jar | grep -v original | head -n 1)"
fi
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
SUBMIT="${SPARK_HOME:+$SPARK_HOME/bin/spark-submit}"
[[ -n "$SUBMIT" && -x "$SUBMIT" ]] || SUBMIT="$(command -v spark-submit || true)"
if [[ -n "$SUBMIT" ]]; then
  exec "$SUBMIT" --class io.wiretrace.cli.Main "${spark_opts[@]}" "$JAR" "$@"
fi
exec "${JAVA:-java}" ${SPARK_SUBMIT_OPTS:-} @"$ROOT/conf/spark-java17.options" \
  -Dlog4j2.configurationFile="$ROOT/conf/log4j2.properties" \
  -cp "$(cat "$ROOT/target/spark.classpath")" org.apache.spark.deploy.SparkSubmit \
  --class io.wiretrace.cli.Main "${spark_opts[@]}" "$JAR" "$@"
