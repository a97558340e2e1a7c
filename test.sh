#!/usr/bin/env bash
# test.sh: installs what the tests need (as root) and runs every test project. Ends with one plain line
# "N passed, N failed" and exits non-zero on any failure. Usage: ./test.sh [extra dotnet test arguments]
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
"$root/scripts/ensure-deps.sh" || exit 3
results="$root/.build/test-results"
rm -rf "$results"
mkdir -p "$results"
dotnet build Ratchet.sln -c Debug --nologo -v quiet 2>&1 | tail -n 20
if [[ ${PIPESTATUS[0]} -ne 0 ]]; then
  echo "0 passed, 1 failed"
  echo "test.sh: the build failed (see above)" >&2
  exit 1
fi
status=0
for project in tests/Ratchet.Tests tests/Ratchet.IntegrationTests; do
  name="$(basename "$project")"
  dotnet test --project "$project" --no-build --results-directory "$results" \
    --report-trx --report-trx-filename "$name.trx" "$@" || status=1
done
python3 "$root/scripts/count-trx.py" "$results" || status=1
exit $status
