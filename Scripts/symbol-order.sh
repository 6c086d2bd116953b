#!/usr/bin/env bash
# Writes Scripts/render.order: the functions of `render` that rendering the samples runs, which
# `make release` asks the linker to place first and together (lld --symbol-ordering-file, with
# Swift functions in sections of their own).
#
#   Scripts/symbol-order.sh        # after `make release`; about a minute under callgrind
#
# Why: a process reads its code from the binary a page fault at a time, each fault mapping up to
# 64 KB around it. The code one invoice runs is about 3,000 functions spread over 22 MB of text:
# 11 MB of the binary were mapped to render one invoice. Placed together, the same code faults in
# with about 85 fewer faults, and a `render` process is about 4 % faster (bench/README.md).
#
# The list only orders code: a stale list (functions renamed since) costs speed, never behaviour;
# names it does not find are skipped. Regenerate it after large changes to what rendering runs.
# Order: the French delivery invoice first (the common case, and the bench's small invoice runs the
# same code), then what each other sample adds, so the hottest code is the densest.
set -euo pipefail
cd "$(dirname "$0")/.."
binary=.build/release/render
[ -x "$binary" ] || { echo "symbol-order: build first (make release)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Callgrind reads symbols without the debug sections faster and the same.
objcopy --strip-debug "$binary" "$work/render"
samples=(invoice-delivery-fr)
for dir in Samples/*/; do
    name=$(basename "$dir")
    [ "$name" = invoice-delivery-fr ] || [ ! -f "$dir/input.json" ] || samples+=("$name")
done
index=0
for name in "${samples[@]}"; do
    index=$((index + 1))
    valgrind --tool=callgrind --demangle=no --callgrind-out-file="$work/$(printf %02d $index).out" \
        "$work/render" "Samples/$name/input.json" -o "$work/out.pdf" >/dev/null 2>&1 || true
done
# One PNG page: Cairo's drawing code is opened on demand, but the Swift side of it is ours.
valgrind --tool=callgrind --demangle=no --callgrind-out-file="$work/99.out" \
    "$work/render" Samples/invoice-delivery-fr/input.json --format png -o "$work/png/" >/dev/null 2>&1 || true
python3 - "$work" >Scripts/render.order <<'PY'
import glob, re, sys
# Callgrind names an object or function once, as `ob=(N) name` / `fn=(N) name` (or with a `c`
# prefix when first met as a callee), then by `(N)` alone.
seen, order = set(), []
for path in sorted(glob.glob(sys.argv[1] + "/*.out")):
    objects, functions, current = {}, {}, None
    for line in open(path, errors="replace"):
        match = re.match(r"(c?)(ob|fn)=\((\d+)\)(?: (.*))?$", line.rstrip("\n"))
        if not match:
            continue
        callee, kind, number, name = match.groups()
        table = objects if kind == "ob" else functions
        if name:
            table[number] = name
        if callee:
            continue
        if kind == "ob":
            current = objects.get(number, "")
        elif current.endswith("/render"):
            function = re.sub(r"'\d+$", "", functions.get(number, ""))  # recursion marks
            if function and not function.startswith("0x") and function not in seen:
                seen.add(function)
                order.append(function)
print("\n".join(order))
PY
echo "symbol-order: $(wc -l <Scripts/render.order) functions in Scripts/render.order"
