#!/usr/bin/env python3
"""Structural PDF/UA-1 check of a tagged PDF (no veraPDF can be installed here).

    python3 Scripts/check-pdfua.py file.pdf

Prints one JSON object and exits 0 when the file could be read (problems or not), 2 when it could
not (pikepdf missing, unreadable file) — a test that runs this must fail then, never skip:

    {"problems": [...], "roles": {"P": 12, ...}, "markedContent": N, "elements": N,
     "figures": [alt, ...], "headings": [text, ...], "lang": "fr-FR",
     "artifactText": {"Pagination/Header": "...", ...}}

What is checked (ISO 14289-1 clauses and Matterhorn checkpoints in brackets):
- catalog: /StructTreeRoot, /MarkInfo /Marked true [7.1], /Lang non-empty [7.2],
  /ViewerPreferences /DisplayDocTitle true and a dc:title in the XMP [7.1], pdfuaid:part 1 [5];
- content: every text-showing operator and every image inside either a marked-content sequence
  with an MCID or an /Artifact sequence [7.1]; no MCID sequence nested in another or in an
  artifact; text inside an artifact only when it is a pagination artifact (running header or
  footer, repeated table header);
- tree: every page with marked content has /StructParents, and the ParentTree entry lists, for
  every MCID of the page, the element whose /K holds that MCID on that page; every MCR of the tree
  exists in its page's content (nothing dangling, nothing unreachable); every element's /P is the
  element listing it; structure types are standard (no /RoleMap needed) [7.1];
- figures have a non-empty /Alt [7.3]; table header cells have /Scope [7.5];
- annotations: each has /StructParent mapping (ParentTree) to an element whose /K holds an OBJR to
  it, link annotations have /Contents [7.18.1, 7.18.5]; pages with annotations have /Tabs /S [7.18.3].
"""
import json
import re
import sys

try:
    import pikepdf
except ImportError:
    print("check-pdfua.py needs pikepdf: pip install pikepdf", file=sys.stderr)
    sys.exit(2)

STANDARD = {
    "Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI", "Index", "NonStruct", "Private",
    "H", "H1", "H2", "H3", "H4", "H5", "H6", "P", "L", "LI", "Lbl", "LBody", "Table", "TR", "TH", "TD", "THead", "TBody",
    "TFoot", "Span", "Quote", "Note", "Reference", "BibEntry", "Code", "Link", "Annot", "Ruby", "RB", "RT", "RP", "Warichu",
    "WT", "WP", "Figure", "Formula", "Form",
}
TEXT_OPERATORS = {"Tj", "TJ", "'", '"'}


def cmap_of(font):
    """Code (2 bytes) → text from the font's ToUnicode bfchar/bfrange entries."""
    mapping = {}
    if "/ToUnicode" not in font:
        return mapping
    data = font.ToUnicode.read_bytes().decode("latin-1")
    for block in re.findall(r"beginbfchar(.*?)endbfchar", data, re.S):
        for code, text in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>", block):
            mapping[int(code, 16)] = bytes.fromhex(text).decode("utf-16-be", "replace")
    for block in re.findall(r"beginbfrange(.*?)endbfrange", data, re.S):
        for low, high, text in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            start = int(text, 16)
            for offset, code in enumerate(range(int(low, 16), int(high, 16) + 1)):
                mapping[code] = chr(start + offset)
    return mapping


def decode(operands, operator, cmap):
    strings = []
    if operator == "TJ":
        strings = [item for item in operands[0] if isinstance(item, pikepdf.String)]
    elif operator in ("Tj", "'"):
        strings = [operands[0]]
    elif operator == '"':
        strings = [operands[2]]
    text = ""
    for string in strings:
        raw = bytes(string)
        for index in range(0, len(raw) - 1, 2):
            text += cmap.get(raw[index] << 8 | raw[index + 1], "")
    return text


def main(path):
    problems = []
    pdf = pikepdf.open(path)
    root = pdf.Root
    report = {"problems": problems, "roles": {}, "markedContent": 0, "elements": 0, "figures": [], "headings": [],
              "lang": str(root.get("/Lang", "")), "artifactText": {}}

    if "/StructTreeRoot" not in root:
        problems.append("catalog has no /StructTreeRoot")
        print(json.dumps(report))
        return
    if not bool(root.get("/MarkInfo", {}).get("/Marked", False)):
        problems.append("catalog /MarkInfo /Marked is not true")
    if not report["lang"]:
        problems.append("catalog has no /Lang")
    if not bool(root.get("/ViewerPreferences", {}).get("/DisplayDocTitle", False)):
        problems.append("catalog /ViewerPreferences /DisplayDocTitle is not true")
    xmp = root.Metadata.read_bytes().decode("utf-8") if "/Metadata" in root else ""
    if not re.search(r"<pdfuaid:part>1</pdfuaid:part>", xmp):
        problems.append("XMP has no pdfuaid:part 1")
    if not re.search(r"<dc:title>.*?<rdf:li[^>]*>[^<]+</rdf:li>", xmp, re.S):
        problems.append("XMP has no dc:title")
    if "/RoleMap" in root.StructTreeRoot:
        problems.append("a /RoleMap is present though only standard types are used")

    # Content: MCIDs and what they hold, page by page.
    content_mcids = {}  # page objgen → set of MCIDs
    mcid_text = {}  # (page objgen, mcid) → text
    page_index = {}
    for number, page in enumerate(pdf.pages):
        key = page.objgen
        page_index[key] = number + 1
        content_mcids[key] = set()
        fonts = {}
        resources = page.obj.get("/Resources", {})
        for name, font in resources.get("/Font", {}).items():
            fonts[name] = cmap_of(font)
        cmap = {}
        stack = []  # entries: ("mcid", n) / ("artifact", kind) / ("other", tag)
        for operands, operator in pikepdf.parse_content_stream(page):
            op = str(operator)
            if op == "BDC":
                tag = str(operands[0])
                properties = operands[1]
                if tag == "/Artifact":
                    kind = str(properties.get("/Type", "")).lstrip("/")
                    subtype = str(properties.get("/Subtype", "")).lstrip("/")
                    stack.append(("artifact", kind + ("/" + subtype if subtype else "")))
                elif isinstance(properties, pikepdf.Dictionary) and "/MCID" in properties:
                    if any(entry[0] in ("mcid", "artifact") for entry in stack):
                        problems.append(f"page {number + 1}: MCID sequence nested in another or in an artifact")
                    mcid = int(properties.MCID)
                    if mcid in content_mcids[key]:
                        problems.append(f"page {number + 1}: MCID {mcid} used twice")
                    content_mcids[key].add(mcid)
                    stack.append(("mcid", mcid))
                else:
                    stack.append(("other", tag))
            elif op == "BMC":
                tag = str(operands[0])
                stack.append(("artifact", "") if tag == "/Artifact" else ("other", tag))
            elif op == "EMC":
                if not stack:
                    problems.append(f"page {number + 1}: EMC without BDC")
                else:
                    stack.pop()
            elif op == "Tf":
                cmap = fonts.get(str(operands[0]), {})
            elif op in TEXT_OPERATORS or op == "Do":
                owner = next((entry for entry in reversed(stack) if entry[0] in ("mcid", "artifact")), None)
                artifact = next((entry for entry in stack if entry[0] == "artifact"), None)
                what = "text" if op != "Do" else "an image"
                if owner is None:
                    problems.append(f"page {number + 1}: {what} outside any marked-content sequence or artifact")
                    continue
                if op == "Do":
                    continue
                text = decode(operands, op, cmap)
                if artifact is not None:
                    kind = artifact[1]
                    report["artifactText"][kind] = report["artifactText"].get(kind, "") + text + " "
                    if not kind.startswith("Pagination"):
                        problems.append(f"page {number + 1}: text “{text}” in a {kind or 'untyped'} artifact")
                else:
                    mcid_text[(key, owner[1])] = mcid_text.get((key, owner[1]), "") + text
        if stack:
            problems.append(f"page {number + 1}: {len(stack)} marked-content sequences left open")
        report["markedContent"] += len(content_mcids[key])

    # The tree: walk from the root, collect MCRs and OBJRs, check parents.
    tree = root.StructTreeRoot
    parent_tree = {}
    nums = []

    def collect(node):
        if "/Nums" in node:
            nums.extend(node.Nums)
        for kid in node.get("/Kids", []):
            collect(kid)
    collect(tree.ParentTree)
    for index in range(0, len(nums), 2):
        parent_tree[int(nums[index])] = nums[index + 1]

    reached = set()  # (page objgen, mcid)
    owner_of = {}  # (page objgen, mcid) → element objgen
    objr_owner = {}  # annotation objgen → element objgen
    seen = set()

    def text_of(element):
        text = ""
        page = element.get("/Pg")
        kids = element.get("/K")
        if kids is None:
            return text
        for kid in (kids if isinstance(kids, pikepdf.Array) else [kids]):
            if isinstance(kid, int):
                text += mcid_text.get((page.objgen, int(kid)), "") if page is not None else ""
            elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
                text += mcid_text.get((kid.Pg.objgen, int(kid.MCID)), "")
            elif isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                text += text_of(kid)
        return text

    def walk(element, parent):
        if element.objgen in seen:
            problems.append(f"element {element.objgen} reached twice")
            return
        seen.add(element.objgen)
        role = str(element.S).lstrip("/")
        report["elements"] += 1
        report["roles"][role] = report["roles"].get(role, 0) + 1
        if role not in STANDARD:
            problems.append(f"non-standard structure type {role}")
        if element.get("/P") is None or element.P.objgen != parent.objgen:
            problems.append(f"{role} element {element.objgen}: /P is not the element that lists it")
        if role == "Figure":
            alt = str(element.get("/Alt", ""))
            if not alt.strip():
                problems.append(f"Figure {element.objgen} has no /Alt")
            report["figures"].append(alt)
        if role == "TH":
            attributes = element.get("/A")
            if attributes is None or "/Scope" not in attributes:
                problems.append(f"TH {element.objgen} has no /Scope")
        if role in ("H", "H1", "H2", "H3", "H4", "H5", "H6"):
            report["headings"].append(text_of(element))
        page = element.get("/Pg")
        kids = element.get("/K")
        if kids is None:
            return
        for kid in (kids if isinstance(kids, pikepdf.Array) else [kids]):
            if isinstance(kid, int):
                if page is None:
                    problems.append(f"{role} element {element.objgen}: MCID {kid} without /Pg")
                    continue
                reached.add((page.objgen, int(kid)))
                owner_of[(page.objgen, int(kid))] = element.objgen
            elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
                reached.add((kid.Pg.objgen, int(kid.MCID)))
                owner_of[(kid.Pg.objgen, int(kid.MCID))] = element.objgen
            elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/OBJR":
                objr_owner[kid.Obj.objgen] = element.objgen
            elif isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                walk(kid, element)
            else:
                problems.append(f"{role} element {element.objgen}: unexpected kid {kid!r}")

    top = tree.K
    for element in (top if isinstance(top, pikepdf.Array) else [top]):
        walk(element, tree)

    for page in pdf.pages:
        key = page.objgen
        number = page_index[key]
        mcids = content_mcids[key]
        for mcid in sorted(mcids):
            if (key, mcid) not in reached:
                problems.append(f"page {number}: MCID {mcid} is not reachable from the structure tree")
        for (page_key, mcid) in reached:
            if page_key == key and mcid not in mcids:
                problems.append(f"page {number}: the tree refers to MCID {mcid}, which the content does not have")
        if mcids:
            if "/StructParents" not in page.obj:
                problems.append(f"page {number}: marked content but no /StructParents")
            else:
                entry = parent_tree.get(int(page.obj.StructParents))
                if entry is None or not isinstance(entry, pikepdf.Array):
                    problems.append(f"page {number}: no ParentTree array for /StructParents {int(page.obj.StructParents)}")
                else:
                    for mcid in mcids:
                        if mcid >= len(entry) or entry[mcid].objgen != owner_of.get((key, mcid)):
                            problems.append(f"page {number}: ParentTree entry for MCID {mcid} is not the element holding it")
        annotations = page.obj.get("/Annots", [])
        if len(annotations) > 0 and str(page.obj.get("/Tabs", "")) != "/S":
            problems.append(f"page {number}: annotations but no /Tabs /S")
        for annotation in annotations:
            if str(annotation.get("/Subtype")) == "/Popup":
                continue
            if annotation.get("/Subtype") == "/Link" and not str(annotation.get("/Contents", "")).strip():
                problems.append(f"page {number}: link annotation without /Contents")
            if "/StructParent" not in annotation:
                problems.append(f"page {number}: annotation without /StructParent")
                continue
            owner = parent_tree.get(int(annotation.StructParent))
            if owner is None or objr_owner.get(annotation.objgen) != owner.objgen:
                problems.append(f"page {number}: annotation's ParentTree entry is not the element holding its OBJR")
    print(json.dumps(report, ensure_ascii=False))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    try:
        main(sys.argv[1])
    except pikepdf.PdfError as error:
        print(f"cannot read {sys.argv[1]}: {error}", file=sys.stderr)
        sys.exit(2)
