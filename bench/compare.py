#!/usr/bin/env python3
"""Folio against the invoice peers, in one run, one table.

    python3 bench/compare.py [WORKDIR] [--peers c-floor,typst,...] [--quick]
                             [--instructions] [--huge] [--no-build] [--scratch-path DIR]

WORKDIR (default /tmp/folio-bench) receives data/ (the neutral bench invoices, from gen_data.py),
folio/ (the same invoices converted with to_folio.py), out/ (PDFs), folio-results.json (every raw
figure) and folio-table.md.

The peers and their measuring code stay where they are shared: ../shared/bench relative to the
repository root (or --peer-dir). This script imports its bench.py and count_instructions.py and
calls them; Folio takes part through `folio-bench peer`, which speaks the peers' command line
(SRC|@LIST OUT [--loop N]), and `render` for the whole-process figure.

Measured, Folio and every peer alike (same functions, same run):
  small in-process   50 distinct small invoices in one process, median ms/doc; rounds interleaved
                     across systems, Folio/peer ratio = median of per-round ratios
  small same         small.json 50 times in one process
  small whole        hyperfine -N, one process rendering small.json (`render IN -o OUT` for Folio)
  large              distinct variants of large.json in one process, median ms/doc / pages
  peak RSS           /usr/bin/time -v, one process rendering large.json (`render` for Folio)
  checks             bytes, pdftotext words/total/trackings, pdffonts, qpdf --check
Folio only:
  batch              1,000 small documents through FolioRenderer.renderPDFs on 1 and 2 workers: speed-up
  --instructions     callgrind, instructions per warm small document ((Ir(4) - Ir(1)) / 3), Folio
                     and the floor (and the other chosen peers: slow)
  --huge             peak RSS and time of `render` on an invoice of 50,000 shipments (large.json's
                     repeated; the decoder's limit on shipments), and of TableBench on a
                     100,000-row table
"""
import json
import os
import re
import shlex
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def log(t0, message):
    print("[%5.0fs] %s" % (time.time() - t0, message), file=sys.stderr, flush=True)


def parse_args(argv):
    opts = {"work": "/tmp/folio-bench", "peers": None, "quick": False, "instructions": False, "huge": False,
            "build": True, "scratch": os.path.join(ROOT, ".build"), "peer_dir": os.path.join(os.path.dirname(ROOT), "shared", "bench")}
    args = list(argv)
    while args:
        a = args.pop(0)
        if a == "--peers":
            opts["peers"] = args.pop(0).split(",")
        elif a == "--peer-dir":
            opts["peer_dir"] = os.path.abspath(args.pop(0))
        elif a == "--scratch-path":
            opts["scratch"] = os.path.abspath(args.pop(0))
        elif a == "--quick":
            opts["quick"] = True
        elif a == "--instructions":
            opts["instructions"] = True
        elif a == "--huge":
            opts["huge"] = True
        elif a == "--no-build":
            opts["build"] = False
        elif a.startswith("--"):
            sys.exit("unknown option %s (see the docstring)" % a)
        else:
            opts["work"] = os.path.abspath(a)
    return opts


# As `make release` builds `render` (see the Makefile for why): the Swift runtime, Foundation and
# libstdc++ linked statically, generic metadata by direct accessors.
# `make release`'s flags, read from the Makefile so both build alike.
SWIFT_BUILD = ["swift", "build", "-c", "release"] + shlex.split(
    subprocess.run(["make", "-s", "--no-print-directory", "release-flags"], cwd=ROOT, check=True, capture_output=True, text=True).stdout)


def build(opts):
    # As `make release`: `-lNAME` finds these linker scripts first, which name the static archives.
    script_dir = os.path.join(opts["scratch"], "static-libs")
    subprocess.run(["bash", os.path.join(ROOT, "Scripts", "static-archives.sh"), script_dir], check=True)
    SWIFT_BUILD.extend(["-Xswiftc", "-L" + os.path.abspath(script_dir), "--pkg-config-path", os.path.join(os.path.abspath(script_dir), "pkgconfig")])
    for product in ("folio-bench", "render", "TableBench"):
        subprocess.run(SWIFT_BUILD + ["--scratch-path", opts["scratch"], "--product", product],
                       cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    out = subprocess.run(SWIFT_BUILD + ["--scratch-path", opts["scratch"], "--show-bin-path"],
                         cwd=ROOT, check=True, capture_output=True, text=True).stdout.strip()
    return out


def prepare_data(opts, peer_dir):
    work = opts["work"]
    data = os.path.join(work, "data")
    if not os.path.exists(os.path.join(data, "large.json")):
        subprocess.run([sys.executable, os.path.join(peer_dir, "gen_data.py"), data], check=True, stdout=subprocess.DEVNULL)
    folio = os.path.join(work, "folio")
    convert = os.path.join(peer_dir, "to_folio.py")
    pairs = [(os.path.join(data, n), os.path.join(folio, n)) for n in ("small.json", "large.json")]
    for sub in ("batch", "batch_large"):
        for name in sorted(os.listdir(os.path.join(data, sub))):
            pairs.append((os.path.join(data, sub, name), os.path.join(folio, sub, name)))
    for src, dst in pairs:
        if not os.path.exists(dst) or os.path.getmtime(dst) < os.path.getmtime(src):
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            subprocess.run([sys.executable, convert, src, dst], check=True)
    lists = {}
    for key, directory, base in (("batch", os.path.join(data, "batch"), work), ("batch_large", os.path.join(data, "batch_large"), work),
                                 ("folio_batch", os.path.join(folio, "batch"), folio), ("folio_batch_large", os.path.join(folio, "batch_large"), folio)):
        path = os.path.join(base, key.replace("folio_", "") + ".txt")
        with open(path, "w") as f:
            f.write("\n".join(os.path.join(directory, n) for n in sorted(os.listdir(directory))) + "\n")
        lists[key] = path
    return data, folio, lists


def huge_document(folio_dir, rows):
    """A Folio invoice of `rows` shipments: large.json's, repeated."""
    path = os.path.join(folio_dir, "huge-%d.json" % rows)
    if not os.path.exists(path):
        with open(os.path.join(folio_dir, "large.json"), encoding="utf-8") as f:
            doc = json.load(f)
        base = doc["shipments"]
        doc["shipments"] = [dict(base[i % len(base)]) for i in range(rows)]
        with open(path, "w", encoding="utf-8") as f:
            json.dump(doc, f, ensure_ascii=False)
    return path


def whole_process(cmd, runs, work):
    jf = os.path.join(work, "hyperfine.json")
    subprocess.run(["hyperfine", "-N", "--warmup", "1", "--runs", str(runs), "--export-json", jf, "--style", "none",
                    " ".join(cmd)], check=True, capture_output=True, text=True)
    with open(jf) as f:
        res = json.load(f)["results"][0]
    return {"median_ms": res["median"] * 1000, "min_ms": res["min"] * 1000, "max_ms": res["max"] * 1000, "runs": len(res["times"])}


def peak_rss(cmd):
    """Maximum resident set size (MB) and wall time of one process, from /usr/bin/time -v."""
    res = subprocess.run(["/usr/bin/time", "-v"] + cmd, capture_output=True, text=True)
    if res.returncode != 0:
        raise RuntimeError(res.stderr[-2000:])
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", res.stderr)
    w = re.search(r"Elapsed \(wall clock\) time.*: (\S+)", res.stderr)
    return int(m.group(1)) / 1024.0, w.group(1) if w else ""


def label_only_words(words, data):
    """Words the bench data has only in its `labels` (fixed page texts). Folio's template sets its
    own labels ("Date de facture", "FACTURÉ À"), so these are no test of its text layer."""
    content = json.dumps({k: v for k, v in data.items() if k != "labels"}, ensure_ascii=False)
    return [w for w in words if w not in content]


def ratio_text(x):
    if x is None:
        return "-"
    return "%.2f" % x if x < 10 else "%.0f" % x


def main():
    opts = parse_args(sys.argv[1:])
    peer_dir = opts["peer_dir"]
    sys.path.insert(0, peer_dir)
    import bench as B  # the shared measuring code, used as is

    t0 = time.time()
    work = opts["work"]
    out_dir = os.path.join(work, "out")
    os.makedirs(out_dir, exist_ok=True)
    if opts["build"]:
        log(t0, "building folio-bench and render (release) ...")
        bin_dir = build(opts)
    else:
        bin_dir = os.path.join(opts["scratch"], "release")
    folio_bench, render, table_bench = (os.path.join(bin_dir, n) for n in ("folio-bench", "render", "TableBench"))
    if not os.path.exists(os.path.join(peer_dir, "floor", "invoice_floor")):
        subprocess.run(["make", "-s", "-C", os.path.join(peer_dir, "floor")], check=True)
    data_dir, folio_dir, lists = prepare_data(opts, peer_dir)
    with open(os.path.join(data_dir, "small.json"), encoding="utf-8") as f:
        small_data = json.load(f)
    with open(os.path.join(data_dir, "large.json"), encoding="utf-8") as f:
        large_data = json.load(f)

    quick = opts["quick"]
    small_loop = 10 if quick else B.SMALL_LOOP
    rounds = 1 if quick else B.SMALL_ROUNDS
    whole_runs = 3 if quick else B.WHOLE_RUNS
    peers = [p for p in B.PEERS if not opts["peers"] or p[0] in opts["peers"]]
    folio_prefix = [folio_bench, "peer"]
    # Every system: (name, loop prefix, whole-process command maker, large iterations, sources)
    systems = [("folio", folio_prefix, lambda src, out: [render, src, "-o", out], 3,
                {"small": os.path.join(folio_dir, "small.json"), "large": os.path.join(folio_dir, "large.json"),
                 "batch": lists["folio_batch"], "batch_large": lists["folio_batch_large"]})]
    for name, prefix, iters in peers:
        systems.append((name, prefix, (lambda p: lambda src, out: p + [src, out])(prefix), iters,
                        {"small": os.path.join(data_dir, "small.json"), "large": os.path.join(data_dir, "large.json"),
                         "batch": lists["batch"], "batch_large": lists["batch_large"]}))

    rounds_ms = {s[0]: [] for s in systems}
    samples = {s[0]: [] for s in systems}
    for k in range(rounds):
        log(t0, "small in-process, round %d/%d ..." % (k + 1, rounds))
        for name, prefix, _, _, src in systems:
            t = B.loop_times(prefix, "@" + src["batch"], os.path.join(out_dir, name + "_tmp.pdf"), small_loop)
            samples[name].extend(t)
            rounds_ms[name].append(statistics.median(t))

    versions = B.versions()
    results = []
    for name, prefix, whole_cmd, large_iters, src in systems:
        log(t0, "%s ..." % name)
        r = {"system": name, "version": versions.get(name, "folio (this tree)")}
        tmp = os.path.join(out_dir, name + "_tmp.pdf")
        r["small_inproc_distinct_ms"] = statistics.median(samples[name])
        r["small_inproc_distinct_round_medians_ms"] = rounds_ms[name]
        r["small_inproc_same_ms"] = statistics.median(B.loop_times(prefix, src["small"], tmp, small_loop))
        small_pdf = os.path.join(out_dir, name + "_small.pdf")
        large_pdf = os.path.join(out_dir, name + "_large.pdf")
        r["small_whole"] = whole_process(whole_cmd(src["small"], small_pdf), whole_runs, work)
        r["large_peak_rss_mb"], r["large_whole_wall"] = peak_rss(whole_cmd(src["large"], large_pdf))
        r["small_pages"], r["large_pages"] = B.pages_of(small_pdf), B.pages_of(large_pdf)
        lt = B.loop_times(prefix, "@" + src["batch_large"], tmp, 1 + (1 if quick else large_iters))[1:]
        r["large_inproc_ms_doc"] = statistics.median(lt)
        r["large_inproc_ms_page"] = r["large_inproc_ms_doc"] / r["large_pages"]
        r["bytes_small"], r["bytes_large"] = os.path.getsize(small_pdf), os.path.getsize(large_pdf)
        r["text_small"] = B.text_checks(small_pdf, small_data)
        if name == "folio":
            r["text_small"]["label_only_words_missing"] = label_only_words(r["text_small"]["missing_words"], small_data)
        r["text_large"] = B.text_checks(large_pdf, large_data)
        r["fonts_small"] = B.font_checks(small_pdf)
        r["qpdf_small"], r["qpdf_large"] = B.qpdf_check(small_pdf), B.qpdf_check(large_pdf)
        if os.path.exists(tmp):
            os.unlink(tmp)
        results.append(r)

    folio = results[0]
    log(t0, "folio batch, 1 and 2 workers ...")
    batch_files = [l.strip() for l in open(lists["folio_batch"]) if l.strip()]
    copies = 200 if quick else 1000
    batch = {}
    for workers in (1, 2):
        out = subprocess.run([folio_bench, "batch", str(workers), str(copies)] + batch_files, check=True, capture_output=True, text=True).stdout
        batch[workers] = json.loads(out.strip().splitlines()[-1])
    folio["batch"] = {"documents": copies, "one_worker_s": batch[1]["seconds"], "two_workers_s": batch[2]["seconds"],
                      "speedup": batch[1]["seconds"] / batch[2]["seconds"], "peak_rss_mib_two_workers": batch[2]["peak_rss_mib"]}

    if opts["huge"]:
        log(t0, "folio 50,000-shipment invoice and 100,000-row table ...")
        huge = huge_document(folio_dir, 50_000)
        huge_pdf = os.path.join(out_dir, "folio_huge.pdf")
        rss, wall = peak_rss([render, huge, "-o", huge_pdf])
        folio["huge"] = {"rows": 50_000, "peak_rss_mb": rss, "wall": wall, "pages": B.pages_of(huge_pdf)}
        # The same invoice decoded whole and rendered from the model (what `render` did before it
        # streamed shipments): its text — totals, carried subtotals, "page N of M" — must be the same.
        whole_pdf = os.path.join(out_dir, "folio_huge_whole_model.pdf")
        whole = json.loads(subprocess.run([folio_bench, "whole-model", huge, whole_pdf], check=True, capture_output=True,
                                          text=True).stdout.strip().splitlines()[-1])
        streamed_text = subprocess.run(["pdftotext", "-layout", huge_pdf, "-"], check=True, capture_output=True).stdout
        whole_text = subprocess.run(["pdftotext", "-layout", whole_pdf, "-"], check=True, capture_output=True).stdout
        folio["huge"]["whole_model"] = {"peak_rss_mib": whole["peak_rss_mib"], "ms": whole["ms"], "pages": whole["pages"],
                                        "same_text": streamed_text == whole_text}
        if streamed_text != whole_text:
            log(t0, "WARNING: the streamed 50,000-shipment render's text differs from the whole-model render's")
        table_pdf = os.path.join(out_dir, "folio_table.pdf")
        rss, wall = peak_rss([table_bench, "100000", table_pdf])
        folio["table_100k"] = {"rows": 100_000, "peak_rss_mb": rss, "wall": wall, "pages": B.pages_of(table_pdf)}

    if opts["instructions"]:
        import count_instructions as C
        for r, (name, prefix, _, _, src) in zip(results, systems):
            if name not in ("folio", "c-floor") and not opts["peers"]:
                continue
            log(t0, "callgrind %s ..." % name)
            if name == "folio":
                prefix = [without_debug_info(prefix[0], out_dir)] + prefix[1:]
            ir = [C.instructions(prefix + ["--loop", str(n), "@" + src["batch"], os.path.join(out_dir, "cg_tmp.pdf")]) for n in C.LOOPS]
            r["instructions_per_small_doc"] = (ir[1] - ir[0]) / (C.LOOPS[1] - C.LOOPS[0])

    with open(os.path.join(work, "folio-results.json"), "w") as f:
        json.dump(results, f, indent=1, ensure_ascii=False)
    table = render_table(results)
    with open(os.path.join(work, "folio-table.md"), "w") as f:
        f.write(table)
    print(table)
    print("total %.0f s; raw figures in %s" % (time.time() - t0, os.path.join(work, "folio-results.json")))


def without_debug_info(binary, out_dir):
    """A copy of `binary` without DWARF: Valgrind 3.19 cannot read the DWARF 5 forms LLD writes and
    gives up ("unhandled dwarf2 abbrev form code 0x25"). The code is the same, so are the counts."""
    copy = os.path.join(out_dir, os.path.basename(binary) + ".nodebug")
    subprocess.run(["objcopy", "--strip-debug", binary, copy], check=True)
    return copy


def render_table(results):
    folio = results[0]

    def paired(r):
        """Folio / r on the small in-process figure: median of per-round ratios."""
        return statistics.median(a / b for a, b in zip(folio["small_inproc_distinct_round_medians_ms"], r["small_inproc_distinct_round_medians_ms"]))

    def text_ok(r):
        ts, tl = r["text_small"], r["text_large"]
        labels = ts.get("label_only_words_missing", [])
        missing = [w for w in ts["missing_words"] if w not in labels]
        ok = not missing and ts["total_found"] and tl["total_found"] and tl["tracking_numbers_found"] == tl["items"]
        return ("yes" if ok else "NO") + (" (own labels: %s not in its template)" % ", ".join(labels) if labels else "")

    lines = ["| system | small in-proc ms/doc distinct (same) | Folio / it | instructions per small doc (M) | Folio / it | "
             "small whole-process ms | Folio / it | large ms/page (pages) | Folio / it | peak RSS large MB | bytes small / large | "
             "text pdftotext | qpdf |", "|" + "---|" * 13]
    for r in results:
        me = r is folio
        ins = r.get("instructions_per_small_doc")
        lines.append("| " + " | ".join([
            r["system"],
            "%.2f (%.2f)" % (r["small_inproc_distinct_ms"], r["small_inproc_same_ms"]),
            "" if me else ratio_text(paired(r)),
            "%.1f" % (ins / 1e6) if ins else "-",
            "" if me or not ins or not folio.get("instructions_per_small_doc") else ratio_text(folio["instructions_per_small_doc"] / ins),
            "%.0f" % r["small_whole"]["median_ms"],
            "" if me else ratio_text(folio["small_whole"]["median_ms"] / r["small_whole"]["median_ms"]),
            "%.2f (%d)" % (r["large_inproc_ms_page"], r["large_pages"]),
            "" if me else ratio_text(folio["large_inproc_ms_page"] / r["large_inproc_ms_page"]),
            "%.0f" % r["large_peak_rss_mb"],
            "%d / %d" % (r["bytes_small"], r["bytes_large"]),
            text_ok(r), r["qpdf_small"] if r["qpdf_small"] == r["qpdf_large"] else "%s/%s" % (r["qpdf_small"], r["qpdf_large"]),
        ]) + " |")
    b = folio["batch"]
    lines.append("")
    lines.append("Folio batch: %d small documents, 1 worker %.2f s, 2 workers %.2f s: speed-up %.2fx (peak RSS %.0f MiB)."
                 % (b["documents"], b["one_worker_s"], b["two_workers_s"], b["speedup"], b["peak_rss_mib_two_workers"]))
    lines.append("Folio pages: small %d, large %d (its template adds a summary table, shipment detail, totals and notes)."
                 % (folio["small_pages"], folio["large_pages"]))
    if "huge" in folio:
        h, t = folio["huge"], folio["table_100k"]
        lines.append("Folio `render` of a %d-shipment invoice: peak RSS %.0f MB, wall %s, %d pages; TableBench %d rows: "
                     "peak RSS %.0f MB, wall %s, %d pages." % (h["rows"], h["peak_rss_mb"], h["wall"], h["pages"],
                                                              t["rows"], t["peak_rss_mb"], t["wall"], t["pages"]))
        w = h.get("whole_model")
        if w:
            lines.append("The same invoice decoded whole and rendered from the model in memory (folio-bench whole-model): "
                         "peak RSS %.0f MiB, %.0f ms, %d pages; text of the two PDFs (pdftotext) %s."
                         % (w["peak_rss_mib"], w["ms"], w["pages"], "identical" if w["same_text"] else "DIFFERENT"))
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
