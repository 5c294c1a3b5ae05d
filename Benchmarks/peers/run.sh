#!/usr/bin/env bash
# Peer comparison: pbit against thrml, dwave-samplers and OpenJij on one Pegasus P14
# instance with Gaussian J and h. Creates (or reuses) a virtual environment, builds pbit,
# exports the instance, runs compare.py, and leaves the table and a JSON file in $OUT_DIR.
#
#   Benchmarks/peers/run.sh [compare.py options...]     e.g. --thrml-batches 64 --pbit-repeats 5
#
# Environment: VENV (default Benchmarks/peers/.venv), OUT_DIR (default Benchmarks/peers/out),
# MODEL_SEED (default 14), PYTHON (default python3).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
venv="${VENV:-$here/.venv}"
out="${OUT_DIR:-$here/out}"
seed="${MODEL_SEED:-14}"
python="${PYTHON:-python3}"

# Versions verified on 2026-11-24 (Python 3.11).
pins=(thrml==0.1.4 jax==0.10.2 jaxlib==0.10.2 dwave-samplers==1.8.0 dimod==0.12.23
      dwave-networkx==0.8.19 numpy==2.4.6)
openjij_pin=openjij==0.12.2

if [[ ! -x "$venv/bin/python" ]]; then
    echo "creating $venv" >&2
    "$python" -m venv "$venv"
fi
if ! "$venv/bin/python" -c 'import thrml, dwave.samplers, dwave_networkx, numpy' 2>/dev/null; then
    echo "installing ${pins[*]}" >&2
    "$venv/bin/pip" install --quiet "${pins[@]}"
fi
if ! "$venv/bin/python" -c 'import openjij' 2>/dev/null; then
    echo "installing $openjij_pin (optional)" >&2
    if ! "$venv/bin/pip" install --quiet "$openjij_pin"; then
        echo "OpenJij did not install; it is skipped" >&2
    fi
fi

echo "building pbit (release)" >&2
(cd "$root" && swift build -c release --product pbit >&2)
pbit="$root/.build/release/pbit"

mkdir -p "$out"
echo "exporting pegasus:14, Gaussian J and h (scale 1), model seed $seed" >&2
"$pbit" sample --topology pegasus:14 --couplings gaussian --model-seed "$seed" \
    --sweeps 1 --burn-in 0 --replicas 1 \
    --export-model "$out/J.mtx" --export-bias "$out/h.mtx" >/dev/null
"$pbit" topology pegasus 14 --colors-out "$out/pegasus-14.colors" >/dev/null

"$venv/bin/python" "$here/compare.py" --model "$out/J.mtx" --bias "$out/h.mtx" \
    --colors "$out/pegasus-14.colors" --topology pegasus:14 --pbit "$pbit" \
    --json "$out/results.json" "$@" | tee "$out/table.txt"
