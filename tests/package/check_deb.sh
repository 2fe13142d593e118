#!/usr/bin/env bash
# Builds the .deb with cpack from a release build, unpacks it into a
# temporary root with dpkg -x (no system change), and checks that the
# installed binary runs, the man page renders with man -l, the completion
# scripts are where each shell looks for them, the copyright file and
# changelog are there, lintian finds no error and no warning, and the
# binary is hardened (BIND_NOW and relro, PIE, the stack protector).
#   tests/package/check_deb.sh BUILD_DIR
set -euo pipefail
build=${1:?usage: check_deb.sh BUILD_DIR}
fail() { echo "check_deb: $*" >&2; exit 1; }
(cd "$build" && cpack -G DEB > /dev/null)
debs=$(ls -t "$build"/papers_*.deb)
deb=${debs%%$'\n'*}  # the newest
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
dpkg -x "$deb" "$root"
depends=$(dpkg-deb -f "$deb" Depends)
bin=$root/usr/bin/papers
# Every shared library the binary needs is a dependency (the libraries
# linked statically, and fmt used header-only, are none: build option
# PAPERS_STATIC_LIBS).
needed=$(readelf -d "$bin" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
grep -q '^libc\.so' <<<"$needed" || fail "no NEEDED libraries read: $needed"
# The cache is read whole first: `ldconfig -p | awk '... exit'` under
# pipefail failed with status 141 whenever awk's early exit killed
# ldconfig mid-write (it did in a CI run).
cache=$(ldconfig -p)
for soname in $needed; do
  case $soname in ld-linux*) continue ;; esac
  path=$(awk -v s="$soname" '$1 == s && /x86-64/ {print $NF; exit}' <<<"$cache")
  [ -n "$path" ] || fail "cannot find $soname"
  # dpkg knows the file under /lib or /usr/lib, as its package put it.
  real=$(readlink -f "$path")
  pkg=$(dpkg-query -S "$real" "${real#/usr}" 2>/dev/null | sed -n '1s/:.*//p' || true)
  [ -n "$pkg" ] || fail "no package holds $real"
  case $depends in *"$pkg"*) ;; *) fail "Depends lacks $pkg (for $soname): $depends" ;; esac
done
for pkg in libcmark-dev libre2-dev libutf8proc-dev libsqlite3-dev libfmt-dev; do
  if ! grep -q "${pkg%-dev}" <<<"$needed"; then
    # Linked statically: the library's notices come with the package.
    [ -s "$root/usr/share/doc/papers/copyright.$pkg" ] ||
      fail "linked statically but no copyright.$pkg"
  fi
done
case $(dpkg-deb -f "$deb" Maintainer) in
  *@localhost*|"") fail "no real Maintainer: $(dpkg-deb -f "$deb" Maintainer)" ;;
esac
# The long description: the lines after the summary.
[ "$(dpkg-deb -f "$deb" Description | wc -l)" -ge 3 ] || fail "no long description"
# Each output is read whole before grep looks at it: `tool | grep -q`
# under pipefail fails at random when grep's early exit kills the tool
# with SIGPIPE.
version=$("$bin" --version) || fail "--version failed"
grep -q '^papers ' <<<"$version" || fail "--version printed: $version"
man=$root/usr/share/man/man1/papers.1.gz
[ -s "$man" ] || fail "no compressed man page"
rendered=$(man -l "$man" 2>&1) || fail "man -l failed: $rendered"
grep -q 'papers' <<<"$rendered" || fail "man -l shows nothing"
for f in usr/share/bash-completion/completions/papers usr/share/zsh/vendor-completions/_papers \
         usr/share/fish/vendor_completions.d/papers.fish usr/share/doc/papers/changelog.gz; do
  [ -s "$root/$f" ] || fail "missing $f"
done
grep -q '^Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/' \
  "$root/usr/share/doc/papers/copyright" || fail "copyright is not machine-readable"

# Hardening, read from the binary itself.
dynamic=$(readelf -d "$bin")
grep -Eq 'FLAGS.*BIND_NOW|FLAGS_1.*NOW' <<<"$dynamic" || fail "not linked with -z now (no BIND_NOW)"
segments=$(readelf -lW "$bin")
header=$(readelf -hW "$bin")
symbols=$(nm -D "$bin")
grep -q 'GNU_RELRO' <<<"$segments" || fail "no RELRO segment"
grep -Eq 'Type: +DYN' <<<"$header" || fail "not a position-independent executable"
grep -q ' __stack_chk_fail' <<<"$symbols" || fail "no stack protector (__stack_chk_fail not used)"
grep -Eq ' __[a-z_]+_chk(@|$)' <<<"$symbols" || fail "no FORTIFY_SOURCE checked functions"

if command -v lintian > /dev/null; then
  # --fail-on error,warning: any error or warning tag fails the check.
  lintian --fail-on error,warning --tag-display-limit 0 "$deb" ||
    fail "lintian reports errors or warnings (above)"
else
  fail "lintian is not installed (it is in .ci/packages)"
fi
echo "check_deb: $(basename "$deb") OK (lintian clean; Depends: $depends)"
