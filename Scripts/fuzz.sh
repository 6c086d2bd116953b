#!/usr/bin/env bash
# Runs Folio's libFuzzer targets, each for a given time, from seed corpora, and checks that every
# PDF the render target's corpus produces is valid (qpdf --check, text extractable, fonts embedded).
#
#   Scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET…]
#   Scripts/fuzz.sh 600                         # decoding, rendering (and billing when present), 10 min each
#   Scripts/fuzz.sh 60 DocumentDecodingFuzzer   # one target
#
# Environment: FUZZ_JOBS (parallel libFuzzer workers per target, default 1), FUZZ_CONFIG (debug or
# release, default release), FUZZ_OUT (default .fuzz/), FUZZ_SKIP_BUILD=1 (use the binaries built
# last time), FUZZ_RENDER_SCRATCH (build folder of the plain `render` used to check output PDFs). Findings (crash-*, leak-*, timeout-*, oom-*)
# land in $FUZZ_OUT/<target>/findings; copy each into Fuzz/Regressions/<target>/ and the
# HostileInputTests replay them forever. Exit status: 0 no finding, 1 findings, 2 usage or build error.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH=/opt/swift/usr/bin:$PATH

seconds=${1:-600}
shift || true
config=${FUZZ_CONFIG:-release}
out=${FUZZ_OUT:-.fuzz}
jobs=${FUZZ_JOBS:-1}
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(DocumentDecodingFuzzer DocumentRenderingFuzzer)
    [ -d Fuzz/BillingRequestFuzzer ] && targets+=(BillingRequestFuzzer)
fi

scratch=.build-fuzz
build() {
    # `--sanitize fuzzer` links libFuzzer's main; SwiftPM does not pass it to the compile jobs, so
    # coverage (the counters libFuzzer reads) is asked for explicitly.
    FOLIO_FUZZ=1 swift build -c "$config" --scratch-path "$scratch" --sanitize fuzzer --sanitize address -Xswiftc -g \
        -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp \
        --product "$1" >"$out/$1/build.log" 2>&1
}

seed() { # target → seed folder
    local target=$1 dir="$out/$1/seeds"
    rm -rf "$dir"; mkdir -p "$dir"
    case $target in
    Document*)
        for f in Samples/*/input.json Tests/DocumentModelTests/Fixtures/examples/*.json Tests/HostileInputTests/Corpus/*.json; do
            # The 40-page invoice is kept out: libFuzzer would size every input after it.
            [ "$(wc -c <"$f")" -le 65536 ] && cp "$f" "$dir/$(echo "$f" | tr / _)"
        done ;;
    BillingRequestFuzzer)
        cp Fuzz/BillingRequestFuzzer/Seeds/* "$dir/" 2>/dev/null ;;
    esac
    [ -d "Fuzz/Regressions/$target" ] && cp Fuzz/Regressions/"$target"/* "$dir/" 2>/dev/null
    echo "$dir"
}

# A dictionary of the schema's keys and JSON tokens helps mutations stay near valid documents.
dictionary() {
    local dict="$out/json.dict"
    {
        cat <<'TOKENS'
"{"
"}"
"["
"]"
":"
","
"\""
"\\"
"null"
"true"
"false"
"\\u0000"
"\\uD800"
"\\u202E"
"-0"
"1e999"
"0.000000001"
TOKENS
        # Every property name of the samples, as `"name":`.
        cat Samples/*/input.json | grep -o '"[A-Za-z0-9-]*":' | sort -u | sed 's/"/\\"/g; s/.*/"&"/'
    } >"$dict"
    echo "$dict"
}

# Every document of the render corpus that renders must give a valid PDF.
check_outputs() {
    local corpus=$1 pdfs="$out/$2/pdfs" render bad=0 count=0
    # An ordinary (uninstrumented) debug `render` replays the corpus; FUZZ_RENDER_SCRATCH reuses a build folder.
    local scratch_render=${FUZZ_RENDER_SCRATCH:-.build}
    swift build --scratch-path "$scratch_render" --product render >"$out/$2/render-build.log" 2>&1 || { echo "render build failed"; return 1; }
    render=$(swift build --scratch-path "$scratch_render" --show-bin-path)/render
    rm -rf "$pdfs"; mkdir -p "$pdfs"
    for input in "$corpus"/*; do
        local name; name=$(basename "$input")
        cp "$input" "$pdfs/$name.json"
        "$render" "$pdfs/$name.json" --max-pages 40 --time-budget 20 >/dev/null 2>&1 || { rm -f "$pdfs/$name.json"; continue; }
        rm -f "$pdfs/$name.json"
        count=$((count + 1))
        local pdf="$pdfs/$name.pdf"
        if ! qpdf --check "$pdf" >/dev/null 2>&1; then echo "qpdf --check fails: $pdf"; bad=$((bad + 1)); continue; fi
        if [ -z "$(pdftotext -enc UTF-8 "$pdf" - 2>/dev/null | tr -d '[:space:]')" ]; then echo "no extractable text: $pdf"; bad=$((bad + 1)); fi
        if pdffonts "$pdf" 2>/dev/null | awk 'NR > 2 && $(NF-4) != "yes" { found = 1 } END { exit !found }'; then echo "font not embedded: $pdf"; bad=$((bad + 1)); fi
        rm -f "$pdf"
    done
    echo "$2: $count corpus documents rendered, $bad invalid PDFs"
    return $((bad > 0))
}

mkdir -p "$out"
dict=$(dictionary)
status=0
for target in "${targets[@]}"; do
    mkdir -p "$out/$target/corpus" "$out/$target/findings"
    echo "== $target: building ($config, ASan + libFuzzer)"
    if [ -z "${FUZZ_SKIP_BUILD:-}" ] && ! build "$target"; then echo "build failed: $out/$target/build.log"; exit 2; fi
    binary=$(FOLIO_FUZZ=1 swift build -c "$config" --scratch-path "$scratch" --show-bin-path)/$target
    seeds=$(seed "$target")
    extra=()
    [ "$target" != BillingRequestFuzzer ] && extra+=(-dict="$dict")
    # -jobs forks workers that log to fuzz-N.log; one job runs in this process and logs here.
    [ "$jobs" -gt 1 ] && extra+=(-jobs="$jobs" -workers="$jobs")
    echo "== $target: fuzzing for $seconds s"
    ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 LSAN_OPTIONS=suppressions=$PWD/Scripts/lsan-suppressions.txt "$binary" "$out/$target/corpus" "$seeds" \
        -max_total_time="$seconds" -timeout=30 -rss_limit_mb=4096 -max_len=65536 \
        -artifact_prefix="$out/$target/findings/" -print_final_stats=1 "${extra[@]}" >"$out/$target/fuzz.log" 2>&1
    fuzz_status=$?
    grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb|^#[0-9]+.*DONE" "$out/$target/fuzz.log" | tail -3
    findings=$(find "$out/$target/findings" -type f | wc -l)
    echo "== $target: exit $fuzz_status, $findings finding(s) in $out/$target/findings"
    [ "$findings" -gt 0 ] || [ "$fuzz_status" -ne 0 ] && status=1
    if [ "$target" = DocumentRenderingFuzzer ]; then check_outputs "$out/$target/corpus" "$target" || status=1; fi
done
exit $status
