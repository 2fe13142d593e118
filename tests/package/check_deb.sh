#!/usr/bin/env bash
# Builds the .deb with cpack from a release build, unpacks it into a
# temporary root with dpkg -x (no system change), and checks that the
# installed binary runs, the man page renders with man -l, and the
# completion scripts are where each shell looks for them.
#   tests/package/check_deb.sh BUILD_DIR
set -euo pipefail
build=${1:?usage: check_deb.sh BUILD_DIR}
(cd "$build" && cpack -G DEB > /dev/null)
deb=$(ls -t "$build"/papers_*.deb | head -1)
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
dpkg -x "$deb" "$root"
depends=$(dpkg-deb -f "$deb" Depends)
for lib in libcmark libfmt libutf8proc; do
  case $depends in *"$lib"*) ;; *) echo "check_deb: Depends lacks $lib: $depends" >&2; exit 1 ;; esac
done
"$root/usr/bin/papers" --version | grep -q '^papers ' || { echo "check_deb: --version failed" >&2; exit 1; }
man -l "$root/usr/share/man/man1/papers.1" 2>&1 | grep -q 'papers' ||
  { echo "check_deb: man -l shows nothing" >&2; exit 1; }
for f in usr/share/bash-completion/completions/papers usr/share/zsh/vendor-completions/_papers \
         usr/share/fish/vendor_completions.d/papers.fish; do
  [ -s "$root/$f" ] || { echo "check_deb: missing $f" >&2; exit 1; }
done
echo "check_deb: $(basename "$deb") OK (Depends: $depends)"
