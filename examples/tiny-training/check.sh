#!/bin/sh
# Validates this task outside Ratchet: runs the program (default: the shipped one) and the trusted scorer in
# temporary folders laid out as Ratchet's two sandboxes lay them out, on the visible inputs and on the
# sealed holdout, and prints both scores. Needs Debian's python3 and the .NET SDK (it builds the program with Ratchet's CSharpBuilder).
# Usage: ./check.sh [--program FILE]
here=$(cd "$(dirname "$0")" && pwd)
exec /usr/bin/python3 "$here/../tools/check_task.py" "$here" "$@"
