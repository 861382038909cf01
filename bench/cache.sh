#!/usr/bin/env bash
# Side-by-side benchmark of the cache store (FileCacheStore: tar + zstd level 1 in-process) against
# `tar -c | zstd -T0 -3` and `zstd -d | tar -x` (and, for reference, `zstd -T0 -1`) on the same generated tree: 20,000 files, about
# 500 MB, half compressible text and half random bytes, in nested folders, with a few symlinks and
# executables. Each side runs RUNS times (default 3) alternately; the median wall time is printed
# (the store's time is measured inside its JVM: start-up excluded, JIT warm-up included).
# Usage: bench/cache.sh [RUNS]     (WORK=/some/dir to keep the tree between invocations)
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."
runs="${1:-3}"
command -v zstd >/dev/null || { echo "cache.sh: needs zstd (apt-get install zstd)" >&2; exit 2; }

jdk=""
for d in "${JAVA_HOME:-}" "$(dirname "$(dirname "$(readlink -f "$(command -v java || echo /nonexistent)")")")" \
         /usr/lib/jvm/* /opt/java/* /opt/jdk*; do
  v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$d/release" 2>/dev/null | head -n1 || true)
  if [ -x "$d/bin/java" ] && [ "${v:-0}" -ge 21 ]; then jdk="$d"; break; fi
done
[ -n "$jdk" ] || { echo "cache.sh: needs a JDK 21 or newer (set JAVA_HOME)" >&2; exit 2; }

work="${WORK:-$(mktemp -d)}"
[ -n "${WORK:-}" ] || trap 'rm -rf "$work"' EXIT
tree="$work/tree"

if [ ! -f "$tree/.complete" ]; then
  rm -rf "$tree"
  python3 - "$tree" <<'PY'
import os, random, sys
root = sys.argv[1]
rnd = random.Random(42)
words = [("w%d" % i).encode() * rnd.randint(1, 4) for i in range(4000)]
total = 0
for i in range(20000):
    d = os.path.join(root, "d%02d" % (i % 40), "s%02d" % ((i // 40) % 25))
    os.makedirs(d, exist_ok=True)
    size = rnd.randint(2000, 48000) if i % 200 else 60000
    if i % 2:
        data = os.urandom(size)                       # incompressible
    else:
        buf = bytearray()
        while len(buf) < size:                        # text: compresses about 4:1
            buf += b" ".join(rnd.choice(words) for _ in range(64)) + b"\n"
        data = bytes(buf[:size])
    p = os.path.join(d, "f%05d.%s" % (i, "bin" if i % 2 else "txt"))
    with open(p, "wb") as f:
        f.write(data)
    if i % 1000 == 0:
        os.chmod(p, 0o755)
        os.symlink(os.path.basename(p), p + ".link")
    total += size
open(os.path.join(root, ".complete"), "w").close()
print("generated %d files, %.1f MB" % (20000, total / 1e6))
PY
fi

# Every side reads the tree from the page cache: the first reader would otherwise pay for the disk
# (this machine also pages out memory that has been idle for a minute).
find "$tree" -type f -exec cat {} + > /dev/null

mvn -q -B -o -pl gantry-runner -am test-compile
mvn -q -B -o -pl gantry-runner -am dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
cp="gantry-runner/target/test-classes:gantry-runner/target/classes:$(cat gantry-runner/target/bench.classpath)"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }

# The JVM flags of the ./gantry launcher (serial GC, C1 only), so the store runs as it does in gantry run.
java_side() { "$jdk/bin/java" -XX:+UseSerialGC -XX:-UsePerfData -XX:TieredStopAtLevel=1 --enable-native-access=ALL-UNNAMED -cp "$cp" \
  dev.gantry.runner.store.bench.CacheBench "$@"; }

# Every run writes new folders and deletes nothing until the end: ext4 slows down creating files
# right after many were deleted, which would punish whichever side runs next (without a journal, as
# on this machine, it passes over every inode freed in the last one to six minutes, one by one, when
# it picks one for a new file: wait that long between two invocations). Each phase starts after
# `sync`, so that the write-back of one side's files does not slow the other.
: > "$work/store-save"; : > "$work/store-restore"; : > "$work/tar-save"; : > "$work/tar-restore"; : > "$work/tar-save-1"
: > "$work/store-save-warm"; : > "$work/store-restore-warm"
for i in $(seq 1 "$runs"); do
  mkdir -p "$work/run-$i/tar-out"; sync
  java_side save "$tree" "$work/run-$i/store" > "$work/out"
  awk '/^ms/ {print $2}' "$work/out" >> "$work/store-save"
  archive=$(awk '/^archive-bytes/ {print $2}' "$work/out")
  sync
  t=$(date +%s%N); tar -C "$tree" -cf - . | zstd -T0 -3 -q -o "$work/run-$i/tree.tar.zst"; ms "$t" >> "$work/tar-save"
  sync
  t=$(date +%s%N); tar -C "$tree" -cf - . | zstd -T0 -1 -q -o "$work/run-$i/tree-1.tar.zst"; ms "$t" >> "$work/tar-save-1"
  sync
  java_side restore "$work/run-$i/store" "$work/run-$i/gantry-out" | awk '/^ms/ {print $2}' >> "$work/store-restore"
  sync
  t=$(date +%s%N); zstd -d -q -c "$work/run-$i/tree.tar.zst" | tar -C "$work/run-$i/tar-out" -xf -; ms "$t" >> "$work/tar-restore"
  sync
  java_side save "$tree" "$work/run-$i/store-w" warm | awk '/^ms/ {print $2}' >> "$work/store-save-warm"
  sync
  java_side restore "$work/run-$i/store" "$work/run-$i/gantry-out-w" warm | awk '/^ms/ {print $2}' >> "$work/store-restore-warm"
done
diff -r "$tree" "$work/run-1/gantry-out" >/dev/null || { echo "cache.sh: the restored tree differs from the original" >&2; exit 1; }

printf 'tree: %s files, %s MB; archives: gantry %s MB, zstd -3 %s MB, zstd -1 %s MB; load average %s\n' \
  "$(find "$tree" -type f | wc -l)" "$(du -sm "$tree" | cut -f1)" "$((archive / 1000000))" \
  "$(($(stat -c %s "$work/run-1/tree.tar.zst") / 1000000))" "$(($(stat -c %s "$work/run-1/tree-1.tar.zst") / 1000000))" \
  "$(cut -d' ' -f1-3 /proc/loadavg)"
for f in store-save store-save-warm tar-save tar-save-1 store-restore store-restore-warm tar-restore; do
  printf '%-18s median %6s ms   runs: %s\n' "$f" "$(median < "$work/$f")" "$(tr '\n' ' ' < "$work/$f")"
done
rm -rf "$work"/run-*
