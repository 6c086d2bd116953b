#!/usr/bin/env python3
"""Regenerates ../schema-verdicts.json: mutations of the spec examples (as set/delete operations on
JSON paths, applied by the Swift test), each with the verdict of
the JSON Schema (the same check as shared/spec/tools/validate.py: formats asserted, dispatch on kind).

The Swift tests read the fixture, so they never need Python. Run from anywhere:
    python3 Tests/DocumentModelTests/Fixtures/tools/make_schema_verdicts.py

`libraryOnly` marks mutations the schema cannot see (currency decimals, ISO tables, totals, the
rules of the schema's $comment): schema-valid, yet the library must reject them.
"""
import copy
import json
import pathlib

from jsonschema import Draft202012Validator

HERE = pathlib.Path(__file__).resolve().parent
FIX = HERE.parent
SCHEMA = json.loads((FIX / "document.schema.json").read_text(encoding="utf-8"))
BRANCH = {"invoice": "invoice", "cbp-7501": "cbp7501", "cbsa-b3": "cbsaB3"}


def schema_valid(doc):
    if not isinstance(doc, dict) or doc.get("kind") not in BRANCH:
        return False
    sub = {"$ref": f"#/$defs/{BRANCH[doc['kind']]}", "$defs": SCHEMA["$defs"]}
    v = Draft202012Validator(sub, format_checker=Draft202012Validator.FORMAT_CHECKER)
    return not any(True for _ in v.iter_errors(doc))


def load(name):
    return json.loads((FIX / "examples" / f"{name}.json").read_text(encoding="utf-8"))


def walk(doc, path):
    node = doc
    for p in path[:-1]:
        node = node[p]
    return node, path[-1]


def set_(path, value):
    def f(doc):
        node, key = walk(doc, path)
        node[key] = value
    return f


def delete(path):
    def f(doc):
        node, key = walk(doc, path)
        del node[key]
    return f


def append(path, value):
    def f(doc):
        node, key = walk(doc, path)
        node[key].append(value)
    return f


FR, US, CN, BR, E7501, B3 = ("invoice-delivery-fr", "invoice-delivery-us", "credit-note-fr",
                             "invoice-import-brokerage-fr", "cbp-7501", "cbsa-b3")
S0C0 = ["shipments", 0, "charges", 0]

MUTATIONS = [
    # (name, example, mutation, libraryOnly reason or None)
    ("unchanged-fr", FR, lambda d: None, None),
    ("no-schema-key", FR, delete(["$schema"]), None),
    ("no-totals", FR, delete(["totals"]), None),
    ("no-pdf-no-theme", FR, lambda d: (d.pop("pdf"), d.pop("theme")), None),
    ("font-family", FR, set_(["theme", "fontFamily"], "Noto Sans"), None),
    ("packages-as-2.0", FR, set_(["shipments", 0, "packages"], 2.0), None),
    ("exemption-reason-on-S", FR, set_(S0C0 + ["exemptionReason"], "n/a"), None),
    ("rate-20.00-same-group", FR, set_(S0C0 + ["vatRate"], "20.00"), None),
    ("no-due-date", FR, delete(["dueDate"]), None),
    ("missing-kind", FR, delete(["kind"]), None),
    ("missing-billTo", FR, delete(["billTo"]), None),
    ("missing-seller-city", FR, delete(["seller", "city"]), None),
    ("missing-charge-description", FR, delete(S0C0 + ["description"]), None),
    ("unknown-top-level", FR, set_(["colour"], "blue"), None),
    ("unknown-in-charge", FR, set_(S0C0 + ["discount"], "1.00"), None),
    ("unknown-in-party", FR, set_(["billTo", "fax"], "+33 1 00 00 00 00"), None),
    ("amount-as-number", FR, set_(S0C0 + ["publishedAmount"], 31.10), None),
    ("amount-with-comma", FR, set_(S0C0 + ["publishedAmount"], "31,10"), None),
    ("amount-with-plus", FR, set_(S0C0 + ["publishedAmount"], "+31.10"), None),
    ("amount-exponent", FR, set_(S0C0 + ["publishedAmount"], "3.11e1"), None),
    ("amount-three-decimals", FR, set_(S0C0 + ["incentiveAmount"], "7.780"), "EUR has 2 decimals"),
    ("impossible-date", FR, set_(["issueDate"], "2025-02-30"), None),
    ("date-with-slashes", FR, set_(["issueDate"], "08/03/2025"), None),
    ("instant-without-offset", FR, set_(["pdf", "creationDate"], "2025-03-08T06:00:00"), None),
    ("instant-hour-25", FR, set_(["pdf", "creationDate"], "2025-03-08T25:00:00Z"), None),
    ("locale-underscore", FR, set_(["locale"], "fr_FR"), None),
    ("currency-lowercase", FR, set_(["currency"], "eur"), None),
    ("currency-unknown", FR, set_(["currency"], "XXX"), "XXX has no minor units"),
    ("country-unassigned", FR, set_(["billTo", "country"], "ZZ"), "ZZ is not assigned"),
    ("country-lowercase", FR, set_(["billTo", "country"], "fr"), None),
    ("vat-E-without-reason", FR, lambda d: d["shipments"][0]["charges"][0].update(vatCategory="E", vatRate="0"), None),
    ("vat-rate-without-category", US, set_(S0C0 + ["vatRate"], "20"), None),
    ("vat-S-without-rate", FR, delete(S0C0 + ["vatRate"]), None),
    ("vat-Z-with-rate-20", FR, set_(S0C0 + ["vatCategory"], "Z"), None),
    ("vat-category-unknown", FR, set_(S0C0 + ["vatCategory"], "X"), None),
    ("vat-rate-over-100", FR, set_(S0C0 + ["vatRate"], "120"), None),
    ("vat-on-some-lines-only", FR, lambda d: [d["shipments"][0]["charges"][0].pop(k) for k in ("vatCategory", "vatRate")], "vatCategory on every line or none"),
    ("inf-with-amount", BR, set_(S0C0 + ["publishedAmount"], "1.00"), None),
    ("import-charges-on-delivery", FR, set_(["importCharges"], []), None),
    ("credit-note-without-original", CN, delete(["originalInvoiceNumber"]), None),
    ("kind-unknown", FR, set_(["kind"], "invoices"), None),
    ("family-unknown", FR, set_(["family"], "parcel"), None),
    ("name-too-long", FR, set_(["billTo", "name"], "x" * 141), None),
    ("name-empty", FR, set_(["billTo", "name"], ""), None),
    ("address-lines-five", FR, set_(["billTo", "addressLines"], ["a", "b", "c", "d", "e"]), None),
    ("accent-colour-short", FR, set_(["theme", "accentColor"], "#12345"), None),
    ("logo-parent-dir", FR, set_(["theme", "logo"], "../logo.png"), None),
    ("logo-absolute", FR, set_(["theme", "logo"], "/etc/logo.png"), None),
    ("logo-relative-ok", FR, set_(["theme", "logo"], "img/logo.png"), None),
    ("email-without-at", FR, set_(["billTo", "email"], "compta.example"), None),
    ("phone-letters", FR, set_(["billTo", "phone"], "call me"), None),
    ("siren-8-digits", FR, set_(["seller", "siren"], "81234567"), None),
    ("iban-lowercase", FR, set_(["payment", "iban"], "fr97 3000 4008 1900 0123 4567 889"), None),
    ("packages-zero", FR, set_(["shipments", 0, "packages"], 0), None),
    ("packages-string", FR, set_(["shipments", 0, "packages"], "2"), None),
    ("packages-fraction", FR, set_(["shipments", 0, "packages"], 1.5), None),
    ("weight-unit-stone", FR, set_(["shipments", 0, "billedWeight", "unit"], "st"), None),
    ("weight-value-number", FR, set_(["shipments", 0, "billedWeight", "value"], 2), None),
    ("charges-empty", FR, set_(["shipments", 0, "charges"], []), None),
    ("references-eight", FR, set_(["shipments", 0, "references"], ["r"] * 8), None),
    ("remittance-stub-string", FR, set_(["remittanceStub"], "true"), None),
    ("due-date-null", FR, set_(["dueDate"], None), None),
    ("notes-object", FR, set_(["notes"], {"a": "b"}), None),
    ("adjustment-category-unknown", FR, set_(["adjustments", 0, "category"], "REFUND"), None),
    ("tracking-with-space", FR, set_(["shipments", 0, "trackingNumber"], "1Z 7X4"), None),
    ("totals-net-wrong", FR, set_(["totals", "net"], "247.51"), "totals checked"),
    ("totals-vat-amount-wrong", FR, set_(["totals", "vat", 0, "amount"], "49.49"), "totals checked"),
    ("due-before-issue", FR, set_(["dueDate"], "2025-03-01"), "dueDate >= issueDate"),
    ("period-reversed", FR, set_(["billingPeriod", "end"], "2025-02-01"), "start <= end"),
    ("reverse-charge-without-vat-id", FR, lambda d: (d.update(totals={}), d["billTo"].pop("vatId"),
                                                      [c.update(vatCategory="AE", vatRate="0") for s in d["shipments"] for c in s["charges"]],
                                                      [a.update(vatCategory="AE", vatRate="0") for a in d["adjustments"]]), "AE requires billTo.vatId"),
    ("reverse-charge-with-vat-id", FR, lambda d: (d.update(totals={}),
                                                   [c.update(vatCategory="AE", vatRate="0") for s in d["shipments"] for c in s["charges"]],
                                                   [a.update(vatCategory="AE", vatRate="0") for a in d["adjustments"]]), None),
    ("instant-leap-second", FR, set_(["pdf", "creationDate"], "2025-03-08T23:59:60Z"), None),
    ("instant-nanoseconds", FR, set_(["pdf", "creationDate"], "2025-03-08T06:00:00.123456789+01:00"), None),
    ("date-year-zero", FR, set_(["billingPeriod", "start"], "0000-03-01"), None),
    ("email-two-at", FR, set_(["billTo", "email"], "a@b@c.example"), "stricter e-mail check than the schema's"),
    ("vat-rate-00.00-for-E", BR, set_(["importCharges", 0, "vatRate"], "00.00"), None),
    ("locale-with-script", FR, set_(["locale"], "zh-Hant-TW"), None),
    ("iban-without-spaces", FR, set_(["payment", "iban"], "FR9730004008190001234567889"), None),
    # 7501
    ("7501-country-multi", E7501, set_(["countryOfOrigin"], "MULTI"), None),
    ("unchanged-7501", E7501, lambda d: None, None),
    ("7501-no-totals-no-amounts", E7501, lambda d: (d.pop("totals"), [l.pop("dutyAmount") for l in d["lines"]], [f.pop("amount") for f in d["fees"]]), None),
    ("7501-currency-eur", E7501, set_(["currency"], "EUR"), None),
    ("7501-2009-with-melt", E7501, lambda d: d.update(formRevision="2009", countryOfMeltAndPour="VN"), None),
    ("7501-2024-with-melt", E7501, set_(["countryOfMeltAndPour"], "VN"), None),
    ("7501-fee-500-without-amount", E7501, append(["fees"], {"classCode": "500"}), None),
    ("7501-fee-500-with-amount", E7501, lambda d: (d["fees"].append({"classCode": "500", "amount": "0.00"})), None),
    ("7501-rate-lowercase-free", E7501, set_(["lines", 0, "htsRate"], "free"), None),
    ("7501-rate-empty-object", E7501, set_(["lines", 0, "htsRate"], {}), None),
    ("7501-rate-number", E7501, set_(["lines", 1, "htsRate"], {"adValorem": 16.5}), None),
    ("7501-lines-empty", E7501, set_(["lines"], []), None),
    ("7501-entry-number-bad", E7501, set_(["entryNumber"], "F7Q-041234-6"), None),
    ("7501-negative-value", E7501, set_(["lines", 0, "enteredValue"], "-1.00"), None),
    ("7501-line-number-zero", E7501, set_(["lines", 0, "lineNumber"], 0), None),
    ("7501-lines-descending", E7501, lambda d: (d["lines"][0].update(lineNumber=3)), "line numbers ascending"),
    ("7501-duty-wrong", E7501, set_(["lines", 1, "dutyAmount"], "1320.07"), "duty checked"),
    ("7501-total-wrong", E7501, set_(["totals", "total"], "1415.90"), "totals checked"),
    ("7501-mpf-wrong", E7501, set_(["fees", 0, "amount"], "70.47"), "MPF checked"),
    ("7501-gross-weight-lb", E7501, set_(["lines", 0, "grossWeight", "unit"], "lb"), None),
    # B3
    ("unchanged-b3", B3, lambda d: None, None),
    ("b3-no-computed-fields", B3, lambda d: (d.pop("totals"), d.pop("totalValueForDuty"),
                                             [d["lines"][0].pop(k) for k in ("valueForDuty", "customsDuties", "valueForTax", "gst")]), None),
    ("b3-no-exchange-rate", B3, delete(["exchangeRate"]), None),
    ("b3-cad-no-exchange-rate", B3, lambda d: (d.update(currencyCode="CAD", totals={}), d.pop("exchangeRate"), d.pop("totalValueForDuty"),
                                               [d["lines"][0].pop(k) for k in ("valueForDuty", "customsDuties", "valueForTax", "gst")]), None),
    ("b3-excise-rate-without-tax", B3, set_(["lines", 0, "exciseTaxRate"], "10"), None),
    ("b3-business-number-bad", B3, set_(["businessNumber"], "874219365RT0001"), None),
    ("b3-vfd-code-bad", B3, set_(["lines", 0, "vfdCode"], "32"), None),
    ("b3-field-9-wrong", B3, set_(["totalValueForDuty"], "116"), "field 9 checked"),
    ("b3-gst-wrong", B3, set_(["lines", 0, "gst"], "5.97"), "field 42 checked"),
    ("b3-jpy-with-cents", B3, lambda d: d.update(currencyCode="JPY"), "JPY has 0 decimals"),
    ("b3-currency-usd", B3, set_(["currency"], "USD"), None),
    ("b3-us-state-origin", B3, set_(["countryOfOrigin"], "UNY"), None),
]


def diff(base, doc, path=()):
    """Operations turning `base` into `doc`: ["set", path, value] or ["delete", path]."""
    if isinstance(base, dict) and isinstance(doc, dict):
        ops = [["delete", list(path + (k,))] for k in base if k not in doc]
        for k, v in doc.items():
            ops += diff(base[k], v, path + (k,)) if k in base else [["set", list(path + (k,)), v]]
        return ops
    if isinstance(base, list) and isinstance(doc, list) and len(base) == len(doc):
        return [op for i, (a, b) in enumerate(zip(base, doc)) for op in diff(a, b, path + (i,))]
    same = type(base) is type(doc) and base == doc
    return [] if same else [["set", list(path), doc]]


def main():
    out = []
    for name, example, mutate, library_only in MUTATIONS:
        base = load(example)
        doc = copy.deepcopy(base)
        mutate(doc)
        out.append({"name": name, "example": example, "schemaValid": schema_valid(doc), "libraryOnly": library_only,
                    "operations": diff(base, doc)})
    # One case per line keeps the fixture reviewable in diffs.
    lines = ",\n".join(json.dumps(case, ensure_ascii=False, separators=(",", ":")) for case in out)
    (FIX / "schema-verdicts.json").write_text("[\n" + lines + "\n]\n", encoding="utf-8")
    print(f"{len(out)} cases, {sum(c['schemaValid'] for c in out)} schema-valid")


if __name__ == "__main__":
    main()
