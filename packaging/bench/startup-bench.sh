#!/usr/bin/env bash
# The register's installer measured (docs/benchmarks.md): the .deb's size, the installed size,
# and cold starts of the packaged launcher (its own runtime and class-data sharing archive) against
# `java -jar` on the same jars, in the same run, alternating, headless:
#   --version    the JVM, the command line and the build information;
#   --self-test  also JavaFX's toolkit and natives, SQLite, jSerialComm, libusb, PDFBox and the font;
#   --exit-after-first-frame  the register's window (the enrollment wizard of a new terminal) to
#                its first frame, under Xvfb when xvfb-run is installed.
# bin/kasa is the start the menu entry and the kiosk use; bin/Kasa is jpackage's own launcher.
# Build first: ./mvnw -q install -DskipTests && ./mvnw -q -pl packaging verify -Dit.test=InstallerIT
# Then:        packaging/bench/startup-bench.sh [RUNS]   (default 15 of each)
set -euo pipefail
runs="${1:-15}"
here="$(cd "$(dirname "$0")/.." && pwd)"
work="$here/target/jpackage"
deb="$(ls "$work"/installer/kasa_*.deb)"
bench="$(mktemp -d)"
trap 'rm -rf "$bench"' EXIT
dpkg-deb -x "$deb" "$bench/root"
# java -jar: the register's jar, its dependencies and JavaFX's jars side by side (its manifest's
# Class-Path), on the JDK that builds the project.
mkdir "$bench/jar"
cp "$work"/input/*.jar "$work"/javafx/*.jar "$bench/jar/"
jar="$(ls "$bench"/jar/terminal-ui-*.jar)"

echo "Installer: $(basename "$deb") $(du -m "$deb" | cut -f1) MB;" \
  "installed: $(du -sm "$bench/root/opt/kasa" | cut -f1) MB" \
  "(runtime $(du -sm "$bench/root/opt/kasa/lib/runtime" | cut -f1) MB," \
  "jars $(du -cm "$bench"/root/opt/kasa/lib/app/*.jar | tail -1 | cut -f1) MB," \
  "CDS archive $(du -m "$bench/root/opt/kasa/lib/app/kasa.jsa" | cut -f1) MB)"

# Every timed command runs inside one mount namespace where the package sits at /opt/kasa,
# as installed (the archive is only taken there). Times in ms, one per line.
cat >"$bench/time.sh" <<'INNER'
set -eu
mount -t tmpfs kasa /opt && mkdir /opt/kasa && mount --bind "$1/root/opt/kasa" /opt/kasa
runs="$2"; jar="$3"; data="$1/data"
whats="--version --self-test"
# With a display (the script runs under Xvfb when it is installed): the window's first frame too.
[ -n "${DISPLAY:-}" ] && whats="$whats --exit-after-first-frame"
export KASA_LOG_DIR="$1/logs"
ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
for i in $(seq "$runs"); do
  for what in $whats; do
    extra=(); [ "$what" != --version ] && extra=(--data "$data")
    echo "packaged $what $(ms /opt/kasa/bin/kasa "$what" "${extra[@]}")"
    echo "jpackage $what $(ms /opt/kasa/bin/Kasa "$what" "${extra[@]}")"
    echo "java-jar $what $(ms java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx256m -jar "$jar" "$what" "${extra[@]}")"
  done
done
INNER
display=(env -u DISPLAY -u WAYLAND_DISPLAY)
command -v xvfb-run >/dev/null && display=(xvfb-run -a -s "-screen 0 1280x800x24")
"${display[@]}" unshare -rm bash "$bench/time.sh" "$bench" "$runs" "$jar" >"$bench/times"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }
printf '%-12s %16s %22s %12s %8s %8s\n' "start" "bin/kasa (CDS)" "bin/Kasa jpackage(CDS)" "java -jar" "kasa/jar" "Kasa/jar"
for what in --version --self-test --exit-after-first-frame; do
  grep -q "^packaged $what " "$bench/times" || continue
  p=$(grep "^packaged $what " "$bench/times" | cut -d' ' -f3 | median)
  b=$(grep "^jpackage $what " "$bench/times" | cut -d' ' -f3 | median)
  j=$(grep "^java-jar $what " "$bench/times" | cut -d' ' -f3 | median)
  printf '%-12s %13s ms %19s ms %9s ms %8s %8s\n' "$what" "$p" "$b" "$j" \
    "$(awk -v p="$p" -v j="$j" 'BEGIN {printf "%.2f", p/j}')" \
    "$(awk -v p="$b" -v j="$j" 'BEGIN {printf "%.2f", p/j}')"
done
echo "(medians of $runs runs each, alternating; java -jar: $(java -version 2>&1 | head -1))"
