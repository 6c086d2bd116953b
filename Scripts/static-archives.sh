#!/usr/bin/env bash
# Prepares DIR so that a release `render` links SQLite, FriBidi, libjpeg, libdeflate, libhyphen and
# libstdc++ from their static archives; used by `make release` and bench/compare.py:
#
#   Scripts/static-archives.sh .build/static-libs
#   swift build -c release -Xswiftc -L.build/static-libs --pkg-config-path .build/static-libs/pkgconfig …
#
# DIR gets one linker script `libNAME.so` per library, naming its archive. The linker takes the first
# `libNAME.so` it finds along the -L folders, and the pkg-config files of the C modules put
# `-L/usr/lib/x86_64-linux-gnu` (where the shared libraries are) before any folder given on the
# command line; so DIR/pkgconfig gets copies of those .pc files that name DIR first.
#
# Why: each shared library costs every process its mapping and the dynamic loader's symbol binding
# before `main` (callgrind, an empty C program linked with each: SQLite 1.1 M instructions; FriBidi,
# libjpeg, libdeflate and libhyphen 0.4 M together). HarfBuzz and zint stay shared (Debian ships no
# static archive of either), and with HarfBuzz FreeType, libpng and zlib, which it loads anyway;
# Cairo is opened only on the first PNG page.
set -euo pipefail
dir=${1:?usage: Scripts/static-archives.sh DIR}
dir=$(mkdir -p "$dir" && cd "$dir" && pwd)
mkdir -p "$dir/pkgconfig"
for name in stdc++ sqlite3 fribidi jpeg deflate hyphen; do
    archive=$(gcc -print-file-name="lib$name.a")
    if [ ! -f "$archive" ]; then
        echo "static-archives: lib$name.a not found (install its -dev package)" >&2
        exit 1
    fi
    echo "INPUT($archive)" > "$dir/lib$name.so"
done
# The pkg-config names of Package.swift's system library targets.
for module in harfbuzz freetype2 fribidi libjpeg libpng libdeflate zlib; do
    pc="$(pkg-config --variable=pcfiledir "$module")/$module.pc"
    sed "s|^Libs: |Libs: -L$dir |" "$pc" > "$dir/pkgconfig/$module.pc"
done
