#!/usr/bin/env python3
"""Writes Samples/<case>/input.json (and the themed case's logo) from the spec examples.

Deterministic: run it again and nothing changes. Then `render samples` renders the pages.

    python3 Scripts/make-sample-inputs.py [path/to/shared/spec/examples]
"""
import copy
import json
import os
import random
import struct
import sys
import zlib
from decimal import Decimal, ROUND_HALF_UP

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXAMPLES = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "spec", "examples")
SAMPLES = os.path.join(ROOT, "Samples")


def load(name):
    with open(os.path.join(EXAMPLES, name), encoding="utf-8") as f:
        return json.load(f)


def write(case, document, extra=None):
    folder = os.path.join(SAMPLES, case)
    os.makedirs(folder, exist_ok=True)
    document.pop("$schema", None)
    with open(os.path.join(folder, "input.json"), "w", encoding="utf-8") as f:
        json.dump(document, f, ensure_ascii=False, indent=1)
        f.write("\n")
    for name, data in (extra or {}).items():
        with open(os.path.join(folder, name), "wb") as f:
            f.write(data)


def cents(value):
    return str(Decimal(value).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def tracking(rng, account):
    # UPS-style 1Z + account + service + 8 digits + check digit (mod-10 over the UPS mapping).
    body = account + "01" + "".join(rng.choice("0123456789") for _ in range(7))
    total = 0
    for index, ch in enumerate(body):
        value = int(ch) if ch.isdigit() else (ord(ch) - 63) % 10
        total += value * (2 if index % 2 else 1)
    return "1Z" + body + str((10 - total % 10) % 10)


def long_french_invoice(base):
    """About 40 pages: 470 shipments over a month, carried subtotals at every break."""
    rng = random.Random(7501)
    doc = copy.deepcopy(base)
    doc["number"] = "0000F2503310"
    doc["pdf"] = {"title": "Facture 0000F2503310", "author": "Vélocité Colis France SAS", "creationDate": "2025-04-01T06:00:00+02:00"}
    doc["billingPeriod"] = {"start": "2025-03-01", "end": "2025-03-31"}
    doc["issueDate"], doc["dueDate"] = "2025-04-01", "2025-05-01"
    services = [("UPS Standard", "31.10", "7.78"), ("UPS Express Saver", "9.85", "2.46"), ("UPS Express", "42.60", "10.65")]
    cities = [("Lyon", "Mme Élodie Marchand"), ("Grenoble", "Boulangerie du Pont"), ("Annecy", "M. Théo Lambert"),
              ("Marseille", "Cabinet Rivière & Associés"), ("Dijon", "Mme Inès Garnier"), ("Besançon", "Garage des Alpes")]
    shipments = []
    for index in range(470):
        day = 1 + index * 31 // 470
        service, published, incentive = services[rng.randrange(len(services))]
        city, name = cities[rng.randrange(len(cities))]
        weight = Decimal(rng.randrange(5, 300)) / 10
        charges = [{"code": "FRT", "description": f"Transport {service}", "publishedAmount": published,
                    "incentiveAmount": incentive, "vatCategory": "S", "vatRate": "20"},
                   {"code": "FSC", "classification": "FSC", "description": "Surcharge carburant",
                    "publishedAmount": cents(Decimal(published) * Decimal("0.1085")), "vatCategory": "S", "vatRate": "20"}]
        if rng.random() < 0.3:
            charges.append({"code": "RES", "classification": "ACC", "description": "Supplément livraison résidentielle",
                            "publishedAmount": "4.20", "vatCategory": "S", "vatRate": "20"})
        shipments.append({
            "date": f"2025-03-{day:02d}", "trackingNumber": tracking(rng, "7X49E2"), "service": service,
            "zone": f"{rng.randrange(1, 9):03d}", "packages": rng.randrange(1, 4),
            "enteredWeight": {"value": str(weight), "unit": "kg"},
            "billedWeight": {"value": str(weight.to_integral_value(rounding="ROUND_CEILING")), "unit": "kg"},
            "billedWeightType": "actual",
            "sender": {"name": "Atelier Lumière & Bois", "city": "Lyon", "country": "FR"},
            "receiver": {"name": name, "city": city, "country": "FR"},
            "references": [f"CMD-2025-{4200 + index}"],
            "charges": charges,
        })
    doc["shipments"] = shipments
    doc.pop("totals", None)
    doc["payment"]["reference"] = doc["number"]
    return doc


def rtl_parties_invoice(base):
    doc = copy.deepcopy(base)
    doc["number"] = "0000F2501299"
    doc["pdf"] = {"title": "Facture 0000F2501299", "creationDate": "2025-03-12T06:00:00+01:00"}
    doc["billTo"] = {"name": "شركة النخيل للتجارة", "legalForm": "SARL", "addressLines": ["12 rue de la République", "Bâtiment B"],
                     "postalCode": "13001", "city": "Marseille", "country": "FR", "vatId": "FR40123456789"}
    doc["shipments"] = doc["shipments"][:4]
    doc["shipments"][0]["receiver"] = {"name": "מאפיית הכרמל", "city": "Haïfa", "country": "IL"}
    doc["shipments"][1]["receiver"] = {"name": "مكتبة الأندلس", "city": "Casablanca", "country": "MA"}
    doc["adjustments"] = []
    doc.pop("totals", None)
    doc["notes"] = ["Merci de votre confiance — شكرا لثقتكم — תודה על אמונכם.",
                    "Nature des opérations : prestations de services."]
    return doc


def world_scripts_invoice(base):
    """Customer text in the scripts and emoji a customer may type: Thai and Chinese without spaces
    between words, Japanese, Korean, Devanagari, Greek, Cyrillic, flags, skin tones, ZWJ families."""
    doc = copy.deepcopy(base)
    doc["number"] = "0000F2501300"
    doc["pdf"] = {"title": "Facture 0000F2501300", "creationDate": "2025-03-12T06:00:00+01:00"}
    doc["billTo"] = {"name": "บริษัท สยามโลจิสติกส์ 🚚", "legalForm": "SAS", "addressLines": ["8 quai de la Loire", "Bâtiment 🅱️"],
                     "postalCode": "75019", "city": "Paris", "country": "FR", "vatId": "FR40123456789"}
    doc["shipments"] = doc["shipments"][:5]
    receivers = [
        {"name": "上海华东贸易有限公司", "city": "上海", "country": "CN"},
        {"name": "株式会社さくら商事", "city": "大阪", "country": "JP"},
        {"name": "서울무역 주식회사", "city": "서울", "country": "KR"},
        {"name": "भारत ट्रेडर्स 🇮🇳", "city": "मुंबई", "country": "IN"},
        {"name": "Αθηνά Εμπορική 🇬🇷 · Торговый дом «Волга»", "city": "Athína", "country": "GR"},
    ]
    for shipment, receiver in zip(doc["shipments"], receivers):
        shipment["receiver"] = receiver
    doc["adjustments"] = []
    doc.pop("totals", None)
    doc["notes"] = [
        "Merci 🙏🏽 — ขอบคุณที่ใช้บริการของเรา การจัดส่งสินค้าทุกรายการได้รับการตรวจสอบเรียบร้อยแล้วและพร้อมสำหรับการเรียกเก็บเงินตามรอบบัญชีนี้",
        "感谢您选择我们的快递服务。本发票列出了本结算期内的全部运输费用，请在到期日之前完成付款。如有疑问，请联系客户服务中心。",
        "Équipe 👨‍👩‍👧‍👦 · 🇫🇷 🇹🇭 🇨🇳 🇯🇵 🇰🇷 · 1️⃣ 2️⃣ 3️⃣ · 👍🏻👍🏿 · 🧑🏽‍💻 · Nature des opérations : prestations de services.",
    ]
    return doc


def png(width, height, pixel):
    raw = b"".join(b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(width)) for y in range(height))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def logo():
    # A teal roundel with a white arrow, 240×96: a recognisable mark with no font involved.
    def pixel(x, y):
        cx, cy, r = 48, 48, 44
        inside = (x - cx) ** 2 + (y - cy) ** 2 <= r * r
        arrow = inside and 30 <= x <= 70 and abs(y - cy) <= (12 if x < 56 else max(0, 22 - (x - 56) * 1.6))
        bar = 108 <= x <= 236 and (30 <= y <= 42 or 54 <= y <= 66)
        if arrow:
            return (255, 255, 255)
        if inside:
            return (0, 128, 128)
        if bar:
            return (0, 96, 96) if y < 48 else (240, 140, 0)
        return (255, 255, 255)
    return png(240, 96, pixel)


def themed_invoice(base):
    doc = copy.deepcopy(base)
    doc["number"] = "000004W8A002"
    doc["pdf"] = {"title": "Invoice 000004W8A002", "creationDate": "2025-03-22T09:00:00-05:00"}
    doc["theme"] = {"accentColor": "#00706F", "logo": "logo.png", "fontFamily": "Noto Sans"}
    doc.pop("totals", None)
    return doc


def long_7501(base):
    doc = copy.deepcopy(base)
    doc["entryNumber"] = "F7Q-0412398-2"
    template = doc["lines"][1]
    lines = [doc["lines"][0]]
    for index in range(2, 19):
        line = copy.deepcopy(template)
        line["lineNumber"] = index
        line["description"] = f"Men's pullovers, knitted, of cotton — style {1000 + index}"
        line["enteredValue"] = cents(Decimal("800.00") + index * Decimal("37.15"))
        line.pop("dutyAmount", None)
        lines.append(line)
    doc["lines"] = lines
    doc.pop("totals", None)
    for fee in doc["fees"]:
        fee.pop("amount", None)
    return doc


def long_b3(base):
    doc = copy.deepcopy(base)
    lines = []
    for index in range(1, 16):
        line = copy.deepcopy(base["lines"][0])
        line["lineNumber"] = index
        for key in list(line):
            if key in ("valueForDuty", "customsDuties", "valueForTax", "gst", "vfd", "duty"):
                line.pop(key)
        lines.append(line)
    doc["lines"] = lines
    doc.pop("totals", None)
    doc.pop("totalValueForDuty", None)
    return doc


def france_2026(document, **fields):
    """The France 2026 mentions the spec examples predate (README "France 2026 fields")."""
    document = copy.deepcopy(document)
    document.update(fields)
    return document


def main():
    fr = load("invoice-delivery-fr.json")
    us = load("invoice-delivery-us.json")
    write("invoice-delivery-fr", france_2026(
        load("invoice-delivery-fr.json"), operationNature="services", vatOnDebits=True,
        deliveryAddress={"name": "Atelier Lumière & Bois — atelier", "addressLines": ["4 rue de l'Industrie"],
                         "postalCode": "69200", "city": "Vénissieux", "country": "FR"}))
    write("invoice-delivery-us", us)
    write("credit-note-fr", france_2026(load("credit-note-fr.json"), operationNature="services", originalInvoiceDate="2025-03-08"))
    write("invoice-import-brokerage-fr", france_2026(load("invoice-import-brokerage-fr.json"), operationNature="services"))
    write("cbp-7501", load("cbp-7501.json"))
    write("cbsa-b3", load("cbsa-b3.json"))
    write("invoice-long-fr", long_french_invoice(fr))
    write("invoice-rtl-parties", rtl_parties_invoice(fr))
    write("invoice-world-scripts", world_scripts_invoice(fr))
    write("invoice-themed-logo", themed_invoice(us), {"logo.png": logo()})
    write("cbp-7501-continuation", long_7501(load("cbp-7501.json")))
    write("cbsa-b3-continuation", long_b3(load("cbsa-b3.json")))


if __name__ == "__main__":
    main()
