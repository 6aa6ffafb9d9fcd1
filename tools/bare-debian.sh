#!/usr/bin/env bash
# A new user's machine, honestly: a minimal Debian 12 root (debootstrap --variant=minbase, nothing
# installed), a fresh clone of this repository in it, and the README's two commands run exactly as
# the README writes them (read from its "Twee opdrachten" block): `bash tools/demo.sh` installs,
# builds and runs the example, `bash tools/test.sh` runs the whole suite. This is CI's test stage
# (.ci/run): the one Release build and the one run of the suite. Then the Debian package: built in
# that root with cpack, installed with apt-get into a second bare root, and run from /.
# Needs root (chroot, mount) and network access to a Debian mirror.
#   usage: bash tools/bare-debian.sh            (docs/installeren.md)
#          SWVSIM_BARE_DEB=build/swvsim_0.4.0_amd64.deb bash tools/bare-debian.sh   (only the package)
# Caches, all kept between runs on this machine (none changes what is installed or built):
# - the bare root as a tarball in SWVSIM_BARE_CACHE (default /var/cache/swvsim-bookworm.tar):
#   debootstrap runs once per machine, every run unpacks a fresh copy;
# - the downloaded .deb files in SWVSIM_BARE_APT (default /var/cache/swvsim-bare-apt), mounted as
#   the roots' /var/cache/apt/archives (apt still installs every package, it only skips the download);
# - ccache: installed in the root before the README's commands (tools/setup.sh uses it when present)
#   with its folder SWVSIM_BARE_CCACHE (default /var/cache/swvsim-bare-ccache) mounted in; the root's
#   build is always at /root/swvsim/build, so an unchanged file is a cache hit.
# CI=true is passed into the root (tools/setup.sh: warnings are errors); nothing else of this
# environment is.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
[ "$(id -u)" -eq 0 ] || { echo "bare-debian: draai als root (chroot en mount)" >&2; exit 1; }
cache=${SWVSIM_BARE_CACHE:-/var/cache/swvsim-bookworm.tar}
apt_cache=${SWVSIM_BARE_APT:-/var/cache/swvsim-bare-apt}
ccache_dir=${SWVSIM_BARE_CCACHE:-/var/cache/swvsim-bare-ccache}
mkdir -p "$apt_cache/partial" "$ccache_dir"

# The README's two commands, exactly as written: the lines of the sh block under "## Twee opdrachten".
readme_cmds=$(awk '/^## Twee opdrachten/{s=1} s&&/^```sh/{b=1;next} b&&/^```/{exit} b' README.md | sed 's/ *#.*$//' | grep -v '^$')
[ "$(wc -l <<<"$readme_cmds")" -eq 2 ] || { echo "bare-debian: README heeft geen blok met twee opdrachten" >&2; exit 1; }
echo "bare-debian: opdrachten uit README.md:"; sed 's/^/  /' <<<"$readme_cmds"

if [ ! -f "$cache" ]; then
  command -v debootstrap >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null; }
  # The mirror this machine's apt uses (deb822 sources of Debian 12, else the classic list).
  mirror=$(sed -n 's/^URIs: *//p' /etc/apt/sources.list.d/*.sources 2>/dev/null | grep -v security | head -1 || true)
  [ -n "$mirror" ] || mirror=$(awk '/^deb /{print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
  [ -n "$mirror" ] || { echo "bare-debian: geen Debian-spiegel gevonden in /etc/apt" >&2; exit 1; }
  tmp=$(mktemp -d)
  echo "bare-debian: debootstrap bookworm (eenmalig, daarna uit $cache)"
  if ! debootstrap --variant=minbase bookworm "$tmp" "$mirror" >"$tmp.log" 2>&1; then
    tail -5 "$tmp.log"; rm -rf "$tmp"; exit 1
  fi
  tar -C "$tmp" -cf "$cache.part" . && mv "$cache.part" "$cache"
  rm -rf "$tmp" "$tmp.log"
fi

roots=()
cleanup() {  # the caches are bind mounts on the same file system: never delete while one is mounted
  for r in "${roots[@]}"; do
    local busy=0
    for m in root/.cache/ccache var/cache/apt/archives dev proc; do
      umount -R "$r/$m" 2>/dev/null || true
      if mountpoint -q "$r/$m" 2>/dev/null; then busy=1; fi
    done
    if [ "$busy" = 0 ]; then rm -rf --one-file-system "$r"; else echo "bare-debian: $r nog aangekoppeld, niet verwijderd" >&2; fi
  done
}
trap cleanup EXIT
new_root() {  # prints the path of a fresh bare root with proc, dev and the apt cache mounted
  local r; r=$(mktemp -d /var/tmp/swvsim-bare.XXXXXX)
  tar -C "$r" -xf "$cache"
  cp /etc/resolv.conf "$r/etc/resolv.conf"
  # The Debian installer writes /etc/hosts, debootstrap does not: without it "localhost" does not
  # resolve (the browser tests' WebDriver connects to localhost).
  [ -f "$r/etc/hosts" ] || printf '127.0.0.1\tlocalhost\n::1\t\tlocalhost ip6-localhost ip6-loopback\n' >"$r/etc/hosts"
  mount -t proc proc "$r/proc"; mount --rbind /dev "$r/dev"; mount --make-rslave "$r/dev"
  mount --bind "$apt_cache" "$r/var/cache/apt/archives"
  echo "$r"
}
in_root() {  # root, commands: a login shell as a new user's, with a clean environment (and CI)
  chroot "$1" /usr/bin/env -i HOME=/root TERM=dumb LANG=C.UTF-8 PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    ${CI:+CI=$CI} /bin/bash -c "$2"
}

if [ -n "${SWVSIM_BARE_DEB:-}" ]; then
  # Only the package step, for a .deb made elsewhere (checking the package alone is quicker).
  deb=$(realpath "$SWVSIM_BARE_DEB")
else
  t0=$SECONDS
  root=$(new_root); roots+=("$root")
  git clone -q "$repo" "$root/root/swvsim"
  # The suite runs a few cases as a user without processes (setpriv: thread limits, --uit /); that user
  # must reach the binary, which a home folder of mode 0700 would hide.
  chmod 0755 "$root/root"
  # ccache (not a build dependency: the README's commands still install everything they need).
  mkdir -p "$root/root/.cache/ccache" && mount --bind "$ccache_dir" "$root/root/.cache/ccache"
  in_root "$root" "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ccache >/dev/null"
  in_root "$root" "ccache --zero-stats >/dev/null"
  echo "bare-debian: kale root klaar in $((SECONDS - t0)) s"
  t1=$SECONDS
  in_root "$root" "cd /root/swvsim && set -e && $(paste -sd'&' <<<"$readme_cmds" | sed 's/&/ \&\& /g')"
  echo "bare-debian: README-opdrachten (installeren, bouwen, voorbeeld, hele testsuite) geslaagd op een kale Debian 12 in $((SECONDS - t1)) s"
  in_root "$root" "ccache --show-stats" | grep -E "Hits|Misses" | head -2 | sed 's/^/bare-debian: ccache /' || true
  # The Debian package, built where the project was just built.
  in_root "$root" "cd /root/swvsim/build && cpack -G DEB >/dev/null"
  deb=$(ls "$root"/root/swvsim/build/swvsim_*.deb)
fi

# The package, installed with apt-get into a second bare root and run from /.
t1=$SECONDS
echo "bare-debian: pakket $(basename "$deb"), $(du -k "$deb" | cut -f1) KiB"
pkgroot=$(new_root); roots+=("$pkgroot")
cp "$deb" "$pkgroot/tmp/"
in_root "$pkgroot" "set -e; apt-get update -qq; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq /tmp/$(basename "$deb") >/dev/null
  cd / && swvsim --version && swvsim controleer /usr/share/swvsim/voorbeelden/voorbeeld-po.toml
  swvsim run /usr/share/swvsim/voorbeelden/voorbeeld-vo.toml --paden 1000 --stil --uit /tmp/uit >/dev/null && test -s /tmp/uit/resultaat.json"
echo "bare-debian: pakket geïnstalleerd en gedraaid op een kale Debian 12 in $((SECONDS - t1)) s"
