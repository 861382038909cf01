#!/usr/bin/env bash
# Prints the home folder of an installed JDK of one major version, for example:
#   JAVA_HOME="$(scripts/select-jdk.sh 25)"
# Looks at JAVA_HOME_<MAJOR>_X64 (set on GitHub's runners), JAVA_HOME, then the usual folders.
# A JDK counts when it has bin/javac and its `release` file names that major. Exit status 1, with
# the folders searched, when there is none; 2 on bad usage.
set -euo pipefail

if [ $# -ne 1 ] || ! [[ $1 =~ ^[0-9]+$ ]]; then
  echo "usage: select-jdk.sh MAJOR   (for example 17 or 25)" >&2
  exit 2
fi
want=$1

# Major version from a JDK's `release` file: JAVA_VERSION="17.0.15" -> 17, "1.8.0_402" -> 8.
major_of() {
  local version
  version=$(sed -n 's/^JAVA_VERSION="\([0-9._]*\).*/\1/p' "$1/release" 2>/dev/null | head -n 1)
  version=${version#1.}
  echo "${version%%[._]*}"
}

candidates=()
var="JAVA_HOME_${want}_X64"
[ -n "${!var:-}" ] && candidates+=("${!var}")
[ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
folders=(/usr/lib/jvm /opt/java /usr/local/lib/jvm "$HOME/.sdkman/candidates/java" /Library/Java/JavaVirtualMachines)
for folder in "${folders[@]}"; do
  for d in "$folder"/*/ "$folder"/*/Contents/Home/; do
    [ -d "$d" ] && candidates+=("${d%/}")
  done
done

for d in "${candidates[@]}"; do
  if [ -x "$d/bin/javac" ] && [ "$(major_of "$d")" = "$want" ]; then
    # Symlinked homes (Debian's java-1.17.0-openjdk-amd64) print as their real folder.
    readlink -f "$d"
    exit 0
  fi
done

echo "select-jdk: no JDK $want found (looked at \$$var, \$JAVA_HOME and ${folders[*]});" \
  "install one or set $var to its folder" >&2
exit 1
