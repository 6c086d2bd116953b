#!/usr/bin/env bash
# Runs the whole test suite under AddressSanitizer (with LeakSanitizer) and ThreadSanitizer, each
# in its own build folder, and prints how long each build and run took.
#
#   Scripts/sanitizers.sh            # both
#   Scripts/sanitizers.sh address    # only ASan: what `make test` and CI run
#   Scripts/sanitizers.sh thread -- --filter HostileInputTests   # extra arguments go to swift test
#
# ThreadSanitizer is not in CI: on the 2-core machine its build takes about 4 minutes and the suite
# about 7.5 (ASan: 2 + 3), which would take CI past its 20 minutes; and on Linux it does not see the
# locking of Synchronization's `Mutex` (not instrumented), so it reports every access under
# `withLock` as a race: even an 8-line program with one Mutex-guarded dictionary gets 5 reports.
#
# Exit status: 0 when every requested variant passed, 1 otherwise.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH=/opt/swift/usr/bin:$PATH

variants=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do variants+=("$1"); shift; done
[ "${1:-}" = "--" ] && shift
[ ${#variants[@]} -eq 0 ] && variants=(address thread)

# Leaks in the Swift runtime's and Foundation's one-time caches are not Folio's; everything else counts.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:halt_on_error=1:detect_stack_use_after_return=0}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/Scripts/lsan-suppressions.txt:print_suppressions=0}
export TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1}

status=0
for variant in "${variants[@]}"; do
    scratch=.build-$variant-sanitizer
    log=.build-sanitizers-$variant.log
    start=$(date +%s)
    # SwiftPM reports an import of an undeclared target but goes on building: fail on the report.
    if ! swift build --build-tests --sanitize "$variant" --scratch-path "$scratch" --explicit-target-dependency-import-check error >"$log" 2>&1; then
        echo "$variant: build failed (see $log)"; status=1; continue
    fi
    if grep "without declaring it a dependency" "$log"; then
        echo "$variant: an import of an undeclared target (see $log)"; status=1; continue
    fi
    built=$(date +%s)
    swift test --skip-build --sanitize "$variant" --scratch-path "$scratch" "$@" >>"$log" 2>&1
    result=$?
    finished=$(date +%s)
    summary=$(grep -E "Test run with|Executed [0-9]+ tests" "$log" | tail -2 | tr '\n' ' ')
    reports=$(grep -cE "ERROR: (AddressSanitizer|LeakSanitizer)|WARNING: ThreadSanitizer" "$log")
    echo "$variant: build $((built - start)) s, tests $((finished - built)) s, exit $result, $reports sanitizer report(s); $summary"
    # What failed, where CI shows it (the whole log stays in $log).
    if [ "$result" -ne 0 ] || [ "$reports" -ne 0 ]; then
        grep -E "✘|error:|ERROR: (AddressSanitizer|LeakSanitizer)|WARNING: ThreadSanitizer|SUMMARY:" "$log" | head -60
    fi
    [ "$result" -eq 0 ] && [ "$reports" -eq 0 ] || status=1
done
exit $status
