# Sourced by the check_*.sh scripts: strict mode, their arguments (BOARDPACK BATCH.yaml), this
# folder as $here and a temporary folder $dir removed on exit.
set -euo pipefail
boardpack=$1 batch=$2
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
