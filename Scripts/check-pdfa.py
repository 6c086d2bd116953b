#!/usr/bin/env python3
"""Structural PDF/A-3b check of a PDF file (no veraPDF can be installed here).

    python3 Scripts/check-pdfa.py file.pdf

Prints one JSON object: {"problems": [...], "glyphsChecked": N, "annotations": N,
"attachments": [{"name", "relationship", "subtype", "size", "sha256", "modDate"}], "xmp": {...}}
and exits 0 when the file could be read (problems or not), 2 when it could not (pikepdf missing,
unreadable file) — a test that runs this must fail then, never skip.

What is checked (ISO 19005-3 clauses in brackets), each as far as a structural reading allows:
- header %PDF-1.n with n <= 7 and a binary comment of >= 4 bytes above 127 [6.1.2]; nothing after
  the last %%EOF but one end-of-line [6.1.3]; trailer /ID of two strings, no /Encrypt [6.1.3];
- the catalog's /Metadata stream (Type Metadata, Subtype XML, unfiltered) whose packet header has
  no bytes=/encoding= [6.6.2.2], with pdfaid:part 3 and conformance B [6.6.4], and every Info
  entry equal to its XMP counterpart, dates as instants with explicit offsets in both [6.6.2.3.1];
  any property outside the predefined schemas described in a pdfaExtension schema [6.6.2.3.3];
- one /GTS_PDFA1 output intent whose ICC profile is v2 or v4, RGB, class mntr or prtr, /N 3,
  and whose size field equals its length [6.2.3];
- no JavaScript, Launch or other forbidden actions, no /AA, no LZW or Crypt filters, no external
  streams (/F, /FFilter, /FDecodeParms), no /Interpolate true, no DeviceCMYK (names or k/K
  operators), no transfer functions, standard blend modes only [6.1.7, 6.2.4, 6.2.8, 6.2.10, 6.6.1];
- annotations: Print flag set, Hidden, Invisible, NoView, ToggleNoView clear, /AP on all but Link
  and Popup [6.3.2, 6.3.3];
- fonts: every font program embedded; CIDFontType2 with /CIDToGIDMap; no /CIDSet; for every glyph
  shown in a page's text, GID != 0 (.notdef) and /W (or /DW) equal to the embedded hmtx advance
  within one unit [6.2.11.4, 6.2.11.5, 6.2.11.8];
- embedded files: each filespec in the catalog's /AF with /F, /UF, /AFRelationship and /EF /F a
  stream of /Type /EmbeddedFile with a MIME /Subtype and /Params /ModDate; the /EmbeddedFiles name
  tree and /AF list the same files [6.8];
- implementation limits: strings <= 32767 bytes, names <= 127 bytes [6.1.13].
"""
import datetime
import hashlib
import json
import re
import struct
import sys
import xml.etree.ElementTree as ET

try:
    import pikepdf
except ImportError:
    print("check-pdfa.py needs pikepdf: pip install pikepdf", file=sys.stderr)
    sys.exit(2)

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
NS = {
    "rdf": RDF,
    "x": "adobe:ns:meta/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
    "pdfaExtension": "http://www.aiim.org/pdfa/ns/extension/",
    "pdfaSchema": "http://www.aiim.org/pdfa/ns/schema#",
    "pdfaProperty": "http://www.aiim.org/pdfa/ns/property#",
}
# Schemas PDF/A predefines (XMP 2005 core schemas); anything else needs an extension schema.
PREDEFINED = {
    NS["dc"], NS["xmp"], NS["pdf"], NS["pdfaid"], NS["pdfaExtension"], NS["pdfaSchema"], NS["pdfaProperty"],
    "http://ns.adobe.com/xap/1.0/rights/", "http://ns.adobe.com/xap/1.0/mm/", "http://ns.adobe.com/xap/1.0/bj/",
    "http://ns.adobe.com/xap/1.0/t/pg/", "http://ns.adobe.com/xap/1.0/g/img/", "http://ns.adobe.com/photoshop/1.0/",
    "http://ns.adobe.com/tiff/1.0/", "http://ns.adobe.com/exif/1.0/", "http://ns.adobe.com/exif/1.0/aux/",
    "http://www.aiim.org/pdfua/ns/id/",
}
STANDARD_BLEND_MODES = {"/Normal", "/Compatible", "/Multiply", "/Screen", "/Overlay", "/Darken", "/Lighten",
                        "/ColorDodge", "/ColorBurn", "/HardLight", "/SoftLight", "/Difference", "/Exclusion",
                        "/Hue", "/Saturation", "/Color", "/Luminosity"}

problems = []


def problem(text):
    problems.append(text)


def pdf_date(text):
    """A PDF date string as an aware datetime; None when it has no explicit offset."""
    m = re.fullmatch(r"D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(Z|[+-]\d{2}'\d{2}'?)(00'00')?", text)
    if not m:
        return None
    year, month, day, hour, minute, second, zone = m.group(1, 2, 3, 4, 5, 6, 7)
    if zone == "Z":
        offset = datetime.timedelta(0)
    else:
        sign = 1 if zone[0] == "+" else -1
        offset = sign * datetime.timedelta(hours=int(zone[1:3]), minutes=int(zone[4:6]))
    return datetime.datetime(int(year), int(month), int(day), int(hour), int(minute), int(second),
                             tzinfo=datetime.timezone(offset))


def xmp_date(text):
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|[+-]\d{2}:\d{2})", text)
    if not m:
        return None
    zone = m.group(7)
    offset = datetime.timedelta(0) if zone == "Z" else (1 if zone[0] == "+" else -1) * datetime.timedelta(
        hours=int(zone[1:3]), minutes=int(zone[4:6]))
    return datetime.datetime(*(int(m.group(i)) for i in range(1, 7)), tzinfo=datetime.timezone(offset))


def check_file_layout(raw):
    first_line = raw.split(b"\n", 1)[0].rstrip(b"\r")
    m = re.fullmatch(rb"%PDF-1\.([0-7])", first_line)
    if not m:
        problem(f"header {first_line[:16]!r} is not %PDF-1.n with n <= 7")
    rest = raw[len(first_line):].lstrip(b"\r\n")
    comment = rest.split(b"\n", 1)[0].rstrip(b"\r")
    if not (comment.startswith(b"%") and len(comment) >= 5 and all(b > 127 for b in comment[1:5])):
        problem("no binary comment (% and four bytes above 127) after the header")
    end = raw.rfind(b"%%EOF")
    if end < 0 or raw[end + 5:] not in (b"", b"\n", b"\r\n", b"\r"):
        problem("bytes after the last %%EOF other than one end-of-line")


def check_trailer(pdf):
    trailer = pdf.trailer
    ids = trailer.get("/ID")
    if ids is None or len(ids) != 2 or not all(isinstance(x, pikepdf.String) for x in ids):
        problem("trailer /ID is not an array of two strings")
    if "/Encrypt" in trailer:
        problem("trailer has /Encrypt")


def text_of(element):
    return "".join(element.itertext()) if element is not None else None


def check_xmp(pdf):
    info = {}
    root = pdf.Root
    metadata = root.get("/Metadata")
    if metadata is None or not isinstance(metadata, pikepdf.Stream):
        problem("catalog has no /Metadata stream")
        return info
    if metadata.get("/Type") != "/Metadata" or metadata.get("/Subtype") != "/XML":
        problem("metadata stream is not /Type /Metadata /Subtype /XML")
    if "/Filter" in metadata:
        problem("metadata stream is filtered (keep it uncompressed)")
    packet = metadata.read_raw_bytes()
    header = re.match(rb"<\?xpacket([^?]*)\?>", packet)
    if not header:
        problem("metadata stream does not start with an xpacket header")
    elif b"bytes=" in header.group(1) or b"encoding=" in header.group(1):
        problem("xpacket header has bytes= or encoding=")
    if not re.search(rb"<\?xpacket end=['\"][rw]['\"]\?>\s*$", packet):
        problem("metadata stream does not end with an xpacket trailer")
    try:
        tree = ET.fromstring(re.sub(rb"<\?xpacket[^?]*\?>", b"", packet))
    except ET.ParseError as error:
        problem(f"XMP is not well-formed XML: {error}")
        return info
    descriptions = tree.findall(f".//{{{RDF}}}Description")

    def prop(ns, name):
        for d in descriptions:
            found = d.find(f"{{{NS[ns]}}}{name}")
            if found is not None:
                return found
            attribute = d.get(f"{{{NS[ns]}}}{name}")
            if attribute is not None:
                element = ET.Element("v")
                element.text = attribute
                return element
        return None

    part, conformance = text_of(prop("pdfaid", "part")), text_of(prop("pdfaid", "conformance"))
    info["part"], info["conformance"] = part, conformance
    if part != "3" or conformance != "B":
        problem(f"pdfaid is part {part} conformance {conformance}, not 3 B")

    def alt_default(element):
        if element is None:
            return None
        items = element.findall(f"{{{RDF}}}Alt/{{{RDF}}}li")
        for li in items:
            if li.get("{http://www.w3.org/XML/1998/namespace}lang") == "x-default":
                return li.text or ""
        return None

    docinfo = pdf.trailer.get("/Info")
    docinfo = docinfo if docinfo is not None else pikepdf.Dictionary()

    def info_string(key):
        value = docinfo.get(key)
        return str(value) if value is not None else None

    creators = prop("dc", "creator")
    creator_items = [li.text or "" for li in creators.findall(f"{{{RDF}}}Seq/{{{RDF}}}li")] if creators is not None else None
    pairs = [
        ("/Title", "dc:title", alt_default(prop("dc", "title"))),
        ("/Author", "dc:creator", None if creator_items is None else (creator_items[0] if len(creator_items) == 1 else f"{len(creator_items)} entries")),
        ("/Subject", "dc:description", alt_default(prop("dc", "description"))),
        ("/Keywords", "pdf:Keywords", text_of(prop("pdf", "Keywords"))),
        ("/Creator", "xmp:CreatorTool", text_of(prop("xmp", "CreatorTool"))),
        ("/Producer", "pdf:Producer", text_of(prop("pdf", "Producer"))),
    ]
    for key, name, xmp_value in pairs:
        info_value = info_string(key)
        info[name] = xmp_value
        if info_value != xmp_value:
            problem(f"Info {key} {info_value!r} differs from XMP {name} {xmp_value!r}")
    for key, name in (("/CreationDate", "CreateDate"), ("/ModDate", "ModifyDate")):
        info_value, xmp_value = info_string(key), text_of(prop("xmp", name))
        info[f"xmp:{name}"] = xmp_value
        if info_value is None and xmp_value is None:
            continue
        a = pdf_date(info_value) if info_value else None
        b = xmp_date(xmp_value) if xmp_value else None
        if a is None or b is None:
            problem(f"Info {key} {info_value!r} / XMP xmp:{name} {xmp_value!r}: missing or without an explicit offset")
        elif a != b:
            problem(f"Info {key} {info_value!r} is not the instant of XMP xmp:{name} {xmp_value!r}")
    if prop("xmp", "MetadataDate") is None:
        problem("no xmp:MetadataDate")

    # Extension schemas: every property outside the predefined namespaces must be described.
    described = {}
    for schema in tree.findall(f".//{{{NS['pdfaExtension']}}}schemas/{{{RDF}}}Bag/{{{RDF}}}li"):
        uri = text_of(schema.find(f"{{{NS['pdfaSchema']}}}namespaceURI"))
        prefix = text_of(schema.find(f"{{{NS['pdfaSchema']}}}prefix"))
        names = {}
        for p in schema.findall(f"{{{NS['pdfaSchema']}}}property/{{{RDF}}}Seq/{{{RDF}}}li"):
            names[text_of(p.find(f"{{{NS['pdfaProperty']}}}name"))] = (
                text_of(p.find(f"{{{NS['pdfaProperty']}}}valueType")), text_of(p.find(f"{{{NS['pdfaProperty']}}}category")),
                text_of(p.find(f"{{{NS['pdfaProperty']}}}description")))
        described[uri] = (prefix, text_of(schema.find(f"{{{NS['pdfaSchema']}}}schema")), names)
    info["extensionSchemas"] = {uri: {"prefix": v[0], "schema": v[1], "properties": sorted(v[2])} for uri, v in described.items()}
    custom = {}
    for d in descriptions:
        for child in list(d) + [ET.Element(k) for k in d.attrib if not k.startswith(f"{{{RDF}}}")]:
            m = re.match(r"\{(.*)\}(.*)", child.tag)
            if not m or m.group(1) in PREDEFINED:
                continue
            uri, name = m.group(1), m.group(2)
            custom[f"{uri}{name}"] = text_of(child)
            if uri not in described:
                problem(f"XMP property {name} of {uri} has no extension schema")
            elif name not in described[uri][2]:
                problem(f"XMP property {name} is not described in the extension schema of {uri}")
            elif described[uri][2][name][0] != "Text" or described[uri][2][name][1] != "external":
                problem(f"XMP property {name}: valueType/category {described[uri][2][name][:2]}, not Text/external")
            if len(child.attrib) and d.get(child.tag) is not None:
                problem(f"XMP property {name} is an attribute, not a child element")
    info["custom"] = custom
    return info


def check_output_intent(pdf):
    intents = pdf.Root.get("/OutputIntents")
    if intents is None or len(intents) == 0:
        problem("catalog has no /OutputIntents")
        return
    pdfa = [i for i in intents if i.get("/S") == "/GTS_PDFA1"]
    if len(pdfa) != 1:
        problem(f"{len(pdfa)} /GTS_PDFA1 output intents, not one")
        return
    intent = pdfa[0]
    if "/OutputConditionIdentifier" not in intent:
        problem("output intent has no /OutputConditionIdentifier")
    profile = intent.get("/DestOutputProfile")
    if profile is None:
        problem("output intent has no /DestOutputProfile")
        return
    if profile.get("/N") != 3:
        problem(f"ICC stream /N is {profile.get('/N')}, not 3")
    icc = profile.read_bytes()
    if len(icc) < 128:
        problem("ICC profile shorter than its header")
        return
    size, = struct.unpack(">I", icc[0:4])
    if size != len(icc):
        problem(f"ICC header size {size} differs from the stream's {len(icc)} bytes")
    if icc[8] not in (2, 4):
        problem(f"ICC version {icc[8]} is neither 2 nor 4")
    if icc[12:16] not in (b"mntr", b"prtr"):
        problem(f"ICC class {icc[12:16]!r} is not mntr or prtr")
    if icc[16:20] != b"RGB ":
        problem(f"ICC colour space {icc[16:20]!r} is not RGB")
    if icc[36:40] != b"acsp":
        problem("ICC header lacks the acsp signature")


def walk_objects(pdf):
    """Every dictionary and stream reachable in the file, once."""
    for obj in pdf.objects:
        if isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream, pikepdf.Array)):
            yield from walk_direct(obj, set())


def walk_direct(obj, seen):
    stack = [obj]
    while stack:
        current = stack.pop()
        if isinstance(current, (pikepdf.Dictionary, pikepdf.Stream)):
            yield current
            for key in current.keys():
                value = current.get(key)
                if isinstance(value, (pikepdf.Dictionary, pikepdf.Array, pikepdf.Stream)) and not value.is_indirect:
                    stack.append(value)
        elif isinstance(current, pikepdf.Array):
            for value in current:
                if isinstance(value, (pikepdf.Dictionary, pikepdf.Array, pikepdf.Stream)) and not value.is_indirect:
                    stack.append(value)


def check_objects(pdf):
    for obj in walk_objects(pdf):
        keys = set(obj.keys())
        if obj.get("/S") in ("/JavaScript", "/Launch", "/Sound", "/Movie", "/ResetForm", "/ImportData", "/Hide",
                             "/SetOCGState", "/Rendition", "/Trans", "/GoTo3DView"):
            problem(f"forbidden action {obj.get('/S')}")
        if "/JS" in keys:
            problem("a /JS entry")
        if "/AA" in keys:
            problem("an /AA additional-actions entry")
        if obj.get("/Interpolate") is True:
            problem("an image with /Interpolate true")
        if "/TR" in keys or ("/TR2" in keys and obj.get("/TR2") != "/Default"):
            problem("a transfer function in a graphics state")
        if "/BM" in keys:
            modes = obj.get("/BM")
            for mode in (modes if isinstance(modes, pikepdf.Array) else [modes]):
                if str(mode) not in STANDARD_BLEND_MODES:
                    problem(f"non-standard blend mode {mode}")
        if isinstance(obj, pikepdf.Stream):
            filters = obj.get("/Filter")
            for f in (filters if isinstance(filters, pikepdf.Array) else [filters] if filters is not None else []):
                if f in ("/LZWDecode", "/Crypt"):
                    problem(f"stream filter {f}")
            for key in ("/F", "/FFilter", "/FDecodeParms"):
                if key in keys and obj.get("/Type") != "/EmbeddedFile":
                    problem(f"stream with external-file key {key}")
        for key in keys:
            value = obj.get(key)
            if value == "/DeviceCMYK" or (isinstance(value, pikepdf.Array) and any(v == "/DeviceCMYK" for v in value)):
                problem(f"DeviceCMYK in {key}")
            if len(key) - 1 > 127:
                problem(f"a name longer than 127 bytes: {key[:40]}…")
            if isinstance(value, pikepdf.String) and len(bytes(value)) > 32767:
                problem(f"a string longer than 32767 bytes in {key}")


def check_annotations(pdf):
    count = 0
    for page in pdf.pages:
        for annot in page.obj.get("/Annots", []):
            count += 1
            flags = int(annot.get("/F", 0))
            subtype = annot.get("/Subtype")
            if not flags & 4:
                problem(f"{subtype} annotation without the Print flag")
            if flags & (1 | 2 | 32 | 256):
                problem(f"{subtype} annotation hidden, invisible or not viewable (flags {flags})")
            if subtype not in ("/Link", "/Popup") and "/AP" not in annot:
                problem(f"{subtype} annotation without an appearance")
    return count


class TrueTypeMetrics:
    def __init__(self, data):
        count, = struct.unpack(">H", data[4:6])
        tables = {}
        for i in range(count):
            tag, _, offset, length = struct.unpack(">4sIII", data[12 + 16 * i:28 + 16 * i])
            tables[tag.decode("latin-1")] = (offset, length)
        head, hhea, hmtx, maxp = (tables[t][0] for t in ("head", "hhea", "hmtx", "maxp"))
        self.units_per_em, = struct.unpack(">H", data[head + 18:head + 20])
        self.metric_count, = struct.unpack(">H", data[hhea + 34:hhea + 36])
        self.glyph_count, = struct.unpack(">H", data[maxp + 4:maxp + 6])
        self.data, self.hmtx = data, hmtx

    def advance(self, gid):
        index = min(gid, self.metric_count - 1)
        return struct.unpack(">H", self.data[self.hmtx + 4 * index:self.hmtx + 4 * index + 2])[0]


def cid_widths(cid_font):
    widths, default = {}, float(cid_font.get("/DW", 1000))
    w = list(cid_font.get("/W", []))
    i = 0
    while i < len(w):
        first = int(w[i])
        if isinstance(w[i + 1], pikepdf.Array):
            for k, value in enumerate(w[i + 1]):
                widths[first + k] = float(value)
            i += 2
        else:
            last, value = int(w[i + 1]), float(w[i + 2])
            for cid in range(first, last + 1):
                widths[cid] = value
            i += 3
    return widths, default


class FontCheck:
    """A Type 0 / CIDFontType2 font's glyph map, widths and embedded metrics, read once."""

    def __init__(self, font):
        self.font = font
        self.ok = False
        subtype = font.get("/Subtype")
        if subtype == "/Type3":
            return
        if subtype == "/Type0":
            descendant = font.DescendantFonts[0]
            descriptor = descendant.get("/FontDescriptor")
            if descriptor is None:
                problem(f"font {font.get('/BaseFont')} has no descriptor")
                return
            if "/CIDSet" in descriptor:
                problem(f"font {font.get('/BaseFont')} has a /CIDSet")
            if descendant.get("/Subtype") == "/CIDFontType2":
                if "/CIDToGIDMap" not in descendant:
                    problem(f"CIDFontType2 {font.get('/BaseFont')} has no /CIDToGIDMap")
                if "/FontFile2" not in descriptor:
                    problem(f"CIDFontType2 {font.get('/BaseFont')} is not embedded (no /FontFile2)")
                    return
                self.metrics = TrueTypeMetrics(descriptor.FontFile2.read_bytes())
                cid_map = descendant.get("/CIDToGIDMap")
                self.gid_map = None if cid_map == "/Identity" else cid_map.read_bytes()
                self.widths, self.default_width = cid_widths(descendant)
                self.identity = font.get("/Encoding") == "/Identity-H"
                self.ok = self.identity
                if not self.identity:
                    problem(f"font {font.get('/BaseFont')}: encoding other than Identity-H not checked")
            elif not any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                problem(f"font {font.get('/BaseFont')} is not embedded")
        else:
            descriptor = font.get("/FontDescriptor")
            if descriptor is None or not any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                problem(f"font {font.get('/BaseFont')} is not embedded")

    def check_codes(self, codes, reported):
        shown = 0
        for i in range(0, len(codes) - 1, 2):
            cid = codes[i] << 8 | codes[i + 1]
            gid = cid if self.gid_map is None else (self.gid_map[2 * cid] << 8 | self.gid_map[2 * cid + 1]) if 2 * cid + 1 < len(self.gid_map) else 0
            shown += 1
            key = (self.font.objgen, cid)
            if key in reported:
                continue
            reported.add(key)
            if gid == 0:
                problem(f"font {self.font.get('/BaseFont')}: CID {cid} shows GID 0 (.notdef)")
                continue
            if gid >= self.metrics.glyph_count:
                problem(f"font {self.font.get('/BaseFont')}: CID {cid} maps to GID {gid} beyond the font")
                continue
            expected = self.metrics.advance(gid) * 1000 / self.metrics.units_per_em
            actual = self.widths.get(cid, self.default_width)
            if abs(expected - actual) > 1:
                problem(f"font {self.font.get('/BaseFont')}: CID {cid} width {actual} but hmtx advance {expected:.1f}")
        return shown


def check_text(pdf):
    fonts = {}
    reported = set()
    glyphs = 0
    for page in pdf.pages:
        resources = page.obj.get("/Resources", pikepdf.Dictionary())
        page_fonts = resources.get("/Font", pikepdf.Dictionary())
        for name in page_fonts.keys():
            font = page_fonts[name]
            if font.objgen not in fonts:
                fonts[font.objgen] = FontCheck(font)
        current = None
        for operands, operator in pikepdf.parse_content_stream(page):
            op = str(operator)
            if op in ("k", "K"):
                problem("a DeviceCMYK colour operator (k/K) in a content stream")
            elif op in ("cs", "CS") and operands and operands[0] == "/DeviceCMYK":
                problem("DeviceCMYK colour space set in a content stream")
            elif op == "Tf":
                font = page_fonts.get(operands[0])
                current = fonts.get(font.objgen) if font is not None else None
            elif op in ("Tj", "'", '"', "TJ"):
                if current is None or not current.ok:
                    continue
                strings = operands[0] if op == "TJ" else [operands[-1]]
                for s in strings:
                    if isinstance(s, pikepdf.String):
                        glyphs += current.check_codes(bytes(s), reported)
    return glyphs


def check_attachments(pdf):
    root = pdf.Root
    attachments = []
    af = list(root.get("/AF", []))
    names = root.get("/Names", pikepdf.Dictionary()).get("/EmbeddedFiles")
    tree_specs = {}
    if names is not None:
        for key, spec in pikepdf.NameTree(names).items():
            tree_specs[key] = spec
    af_ids = {spec.objgen for spec in af}
    for key, spec in tree_specs.items():
        if spec.objgen not in af_ids:
            problem(f"embedded file {key} is not in the catalog's /AF")
    tree_ids = {spec.objgen for spec in tree_specs.values()}
    for spec in af:
        if spec.objgen not in tree_ids:
            problem("a file specification in /AF is not in /Names /EmbeddedFiles")
        for key in ("/F", "/UF", "/AFRelationship", "/EF"):
            if key not in spec:
                problem(f"file specification without {key}")
        if "/EF" not in spec:
            continue
        stream = spec.EF.get("/F")
        if stream is None or not isinstance(stream, pikepdf.Stream):
            problem("file specification /EF without an /F stream")
            continue
        if stream.get("/Type") != "/EmbeddedFile":
            problem("embedded file stream without /Type /EmbeddedFile")
        subtype = stream.get("/Subtype")
        if subtype is None or "/" not in str(subtype)[1:]:
            problem(f"embedded file stream /Subtype {subtype} is not a MIME type")
        params = stream.get("/Params", pikepdf.Dictionary())
        mod_date = params.get("/ModDate")
        if mod_date is None:
            problem("embedded file stream without /Params /ModDate")
        data = stream.read_bytes()
        if params.get("/Size") is not None and int(params.Size) != len(data):
            problem(f"embedded file /Params /Size {params.Size} differs from its {len(data)} bytes")
        attachments.append({
            "name": str(spec.get("/UF", "")), "f": str(spec.get("/F", "")), "description": str(spec.get("/Desc", "")),
            "relationship": str(spec.get("/AFRelationship", "")), "subtype": str(subtype), "size": len(data),
            "sha256": hashlib.sha256(data).hexdigest(), "modDate": str(mod_date) if mod_date is not None else None,
        })
    return attachments


def main():
    if len(sys.argv) != 2:
        print("usage: check-pdfa.py FILE.pdf", file=sys.stderr)
        sys.exit(2)
    try:
        raw = open(sys.argv[1], "rb").read()
        pdf = pikepdf.open(sys.argv[1])
    except Exception as error:
        print(f"cannot read {sys.argv[1]}: {error}", file=sys.stderr)
        sys.exit(2)
    check_file_layout(raw)
    if pdf.pdf_version > "1.7":
        problem(f"PDF version {pdf.pdf_version} above 1.7")
    check_trailer(pdf)
    xmp = check_xmp(pdf)
    check_output_intent(pdf)
    check_objects(pdf)
    annotations = check_annotations(pdf)
    glyphs = check_text(pdf)
    attachments = check_attachments(pdf)
    print(json.dumps({"problems": problems, "glyphsChecked": glyphs, "annotations": annotations,
                      "attachments": attachments, "xmp": xmp}, indent=1, sort_keys=True))


main()
