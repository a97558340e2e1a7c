#!/bin/sh
# Validates this task outside Ratchet: runs the program (default: program.py) and the trusted scorer in
# temporary folders laid out as Ratchet's two sandboxes lay them out, on the visible inputs and on the
# sealed holdout, and prints both scores. Needs only Debian's python3.
# Usage: ./check.sh [--program path/to/program.py]
here=$(cd "$(dirname "$0")" && pwd)
exec /usr/bin/python3 "$here/../tools/check_task.py" "$here" "$@"
