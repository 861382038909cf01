#!/usr/bin/env bash
# The lint job's formatting check, with no tool beyond the shell: in Java, XML, YAML, shell and
# Markdown files, no tab characters, no trailing spaces, a newline at the end, and Java lines of at
# most 120 characters. Prints FILE:LINE: problem for each, and exits 1 when there is any.
set -euo pipefail
cd "$(dirname "$0")/.."

mapfile -t files < <(find . \( -name target -o -name .m2 -o -name deploy -o -name reports -o -name .git \) -prune \
  -o -type f \( -name '*.java' -o -name '*.xml' -o -name '*.yml' -o -name '*.sh' -o -name '*.md' \) -print | sort)

problems=$(awk '
  /\t/ { print FILENAME ":" FNR ": tab character" }
  / +$/ { print FILENAME ":" FNR ": trailing spaces" }
  FILENAME ~ /\.java$/ && length($0) > 120 { print FILENAME ":" FNR ": " length($0) " characters (at most 120)" }
' "${files[@]}")
for f in "${files[@]}"; do
  if [ -s "$f" ] && [ -n "$(tail -c 1 "$f")" ]; then
    problems+=$'\n'"$f: no newline at the end"
  fi
done

problems=$(sed '/^$/d' <<<"$problems")
if [ -n "$problems" ]; then
  echo "$problems"
  echo "check-format: $(wc -l <<<"$problems") problem(s) in ${#files[@]} files" >&2
  exit 1
fi
echo "check-format: ${#files[@]} files OK"
