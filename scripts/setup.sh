#!/usr/bin/env bash
# Installs what NeuroRnn needs on a fresh Debian 12 machine with the .NET 10 SDK, idempotently:
#   - Intel MKL (Debian non-free: libmkl-rt) for the fast numerics back-end
#   - Debian's Jupyter client, nbclient and nbconvert (integration tests drive the real kernel with them) and
#     Jupyter's kernel test suite (jupyter_kernel_test); the kernel itself needs no native ZeroMQ (NetMQ is managed)
#   - Chromium (headless rendering checks of exported charts); GNU Octave (writes the MAT v5 files of the cross-reader tests)
#   - Slurm (slurm-wlm) and munge: the sweep tests start a real single-node cluster with scripts/slurm-local.sh
#   - plotly.js and mermaid from npm (pinned in package-lock.json; embedded into NeuroRnn.Charts / NeuroRnn.Kernel at build time)
# Without root (or on another OS) it prints what to install and carries on: the managed back-end still works.
# Usage: scripts/setup.sh [--tests]   (--tests also installs what only the test suite needs)
set -euo pipefail
cd "$(dirname "$0")/.."

want_tests=0
[[ "${1:-}" == "--tests" ]] && want_tests=1

runtime_pkgs=(libmkl-rt)
test_pkgs=(python3-jupyter-client python3-nbclient jupyter-nbconvert python3-ipykernel python3-jupyter-kernel-test chromium python3-h5py slurm-wlm munge octave)
pkgs=("${runtime_pkgs[@]}")
(( want_tests )) && pkgs+=("${test_pkgs[@]}")

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if (( ${#missing[@]} )); then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    # MKL lives in Debian's non-free component, which a default bookworm image does not enable.
    src=/etc/apt/sources.list.d/neurornn-nonfree.sources
    if ! grep -rqs "non-free" /etc/apt/sources.list /etc/apt/sources.list.d/; then
      codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-bookworm}")
      cat > "$src" <<SRC
Types: deb
URIs: http://deb.debian.org/debian
Suites: $codename
Components: non-free
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
    fi
    echo "setup: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >/dev/null
    apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "setup: not root or no apt-get; please install: ${missing[*]}" >&2
    echo "setup: (MKL: enable Debian's non-free component, then 'apt-get install libmkl-rt'). Continuing; NeuroRnn falls back to its managed back-end." >&2
  fi
fi

# plotly.js for the charts and mermaid for #!mermaid cells (pinned by package-lock.json; never committed).
if [[ -f package-lock.json ]]; then
  if [[ ! -f node_modules/plotly.js-dist-min/plotly.min.js ]] || [[ ! -f node_modules/mermaid/dist/mermaid.min.js ]] || [[ package-lock.json -nt node_modules/.package-lock.json ]]; then
    if command -v npm >/dev/null; then
      echo "setup: npm ci (plotly.js-dist-min, mermaid)"
      npm ci --no-audit --no-fund --loglevel=error >/dev/null
    else
      echo "setup: npm is missing; install Node.js/npm to build NeuroRnn.Charts (it embeds plotly.js)" >&2
      exit 1
    fi
  fi
fi

# The real .NET Interactive (tests run the same notebook under it and under NeuroRnn's kernel): the dotnet-interactive
# tool in a private folder, its Jupyter kernelspecs next to it with --http-local-only (else its HTTP server listens on
# every interface). Tests find it at NEURORNN_DOTNET_INTERACTIVE or this default.
if (( want_tests )); then
  di_version=1.0.712001
  di_dir=${NEURORNN_DOTNET_INTERACTIVE:-$HOME/.cache/neurornn/dotnet-interactive-$di_version}
  if [[ ! -x "$di_dir/dotnet-interactive" ]]; then
    echo "setup: dotnet tool install Microsoft.dotnet-interactive $di_version → $di_dir"
    dotnet tool install Microsoft.dotnet-interactive --version "$di_version" --tool-path "$di_dir" >/dev/null
  fi
  if [[ ! -f "$di_dir/jupyter/kernels/.net-csharp/kernel.json" ]]; then
    mkdir -p "$di_dir/jupyter/kernels"
    PATH="$di_dir:$PATH" DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT=1 "$di_dir/dotnet-interactive" jupyter install --path "$di_dir/jupyter/kernels" >/dev/null
  fi
  for spec in "$di_dir"/jupyter/kernels/.net-*/kernel.json; do
    /usr/bin/python3 - "$spec" <<'PY'
import json, sys
path = sys.argv[1]
spec = json.load(open(path))
if "--http-local-only" not in spec["argv"]:
    spec["argv"].append("--http-local-only")
    json.dump(spec, open(path, "w"), indent=2)
PY
  done
fi

# The toolkit's NuGet packages for the notebooks' #r "nuget: …" lines are not made here (the main job does not use
# them): scripts/test.sh packs them before the notebook tests, users run scripts/pack-local.sh (notebooks/README.md).
dotnet build Kernel.sln -c Release -nologo -clp:ErrorsOnly
