#!/usr/bin/env python3
# make-regions.py: build data/regions.csv from the idn-area-data reference lists and the BPS codes
# of the OCHA COD-AB tabular workbook
#
# Copyright 2026 The Cakupan authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The output is a derivative of idn-area-data (ODbL 1.0) with BPS codes from the Indonesia
# administrative boundaries tabular data of OCHA COD-AB (BPS; CC BY 3.0 IGO); see
# data/REGIONS-SOURCE.md.
#
# Usage: make-regions.py REFERENCE_DIR [OUTPUT]
#   REFERENCE_DIR holds provinces.csv (code,name), regencies.csv (code,province_code,name) and
#   boundaries/IDN_Admin123Boundaries_TabularData.xlsx (sheets ADM1 and ADM2).
#   OUTPUT defaults to standard output.
#
# The Kemendagri codes come from the two lists. The BPS codes come from the workbook, whose P-codes
# ("ID1107") are BPS codes; each BPS regency is matched to a Kemendagri regency by its name within
# its province, never by its number, because the two numberings differ in many provinces (BPS 1107
# is Aceh Barat, Kemendagri 11.07 is Pidie). The script stops if any regency on either side stays
# unmatched or if two regencies would share a code.

import collections
import csv
import io
import os
import re
import sys
import unicodedata
import xml.etree.ElementTree as ET
import zipfile

HEADER = ["code", "bps_code", "name", "kind", "province_code"]
PROVINCE_CODE = re.compile(r"^[0-9]{2}$")
REGENCY_CODE = re.compile(r"^([0-9]{2})\.([0-9]{2})$")
BPS_PROVINCE_PCODE = re.compile(r"^ID([0-9]{2})$")
BPS_REGENCY_PCODE = re.compile(r"^ID([0-9]{2})([0-9]{2})$")
WORKBOOK = os.path.join("boundaries", "IDN_Admin123Boundaries_TabularData.xlsx")

SPREADSHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELATIONSHIP_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELATIONSHIP_NS = "http://schemas.openxmlformats.org/package/2006/relationships"

# Papua was split in 2022 (UU 14, 15 and 16/2022 made Papua Selatan, Papua Tengah and Papua
# Pegunungan out of Papua; UU 29/2022 made Papua Barat Daya out of Papua Barat). The workbook
# predates the split: it files the regencies of the four new provinces under the BPS codes of the
# provinces they came from. Kemendagri province -> the Kemendagri province it was part of.
SPLIT_FROM = {
    "93": "91",  # Papua Selatan, from Papua
    "94": "91",  # Papua Tengah, from Papua
    "95": "91",  # Papua Pegunungan, from Papua
    "96": "92",  # Papua Barat Daya, from Papua Barat
}

# Features of the ADM2 sheet that are not regencies: lakes, reservoirs and a forest that the
# boundary data draws as areas of their own. BPS code -> the name the workbook gives it.
NOT_REGENCIES = {
    "1288": "Danau Toba",
    "1388": "Danau",  # a lake in Sumatera Barat
    "1688": "Danau",  # a lake in Sumatera Selatan
    "1888": "Danau",  # a lake in Lampung
    "3288": "Waduk Cirata",
    "3388": "Wadung Kedungombo",
    "3399": "Hutan",  # a forest in Jawa Tengah
    "7188": "Danau",  # a lake in Sulawesi Utara
}

# BPS provinces whose workbook name is not the Kemendagri name. BPS code -> Kemendagri code.
PROVINCE_OVERRIDES = {
    "31": "31",  # "Dki Jakarta" is Daerah Khusus Ibukota Jakarta
}

# BPS regencies whose workbook name differs from the Kemendagri name by more than spacing,
# hyphens and case. BPS code -> Kemendagri code; the province is checked all the same.
REGENCY_OVERRIDES = {
    "1206": "12.12",  # "Toba Samosir" was renamed Toba in 2020
    "6411": "64.11",  # "Mahakam Hulu" is Mahakam Ulu
    "7108": "71.09",  # "Siau Tagulandang Biaro" is Kepulauan Siau Tagulandang Biaro
    "7605": "76.01",  # "Mamuju Utara" was renamed Pasangkayu in 2017
    "8101": "81.03",  # "Maluku Tenggara Barat" was renamed Kepulauan Tanimbar in 2019
}


def fail(message):
    sys.exit("make-regions.py: " + message)


def read_rows(path, columns):
    with open(path, newline="", encoding="utf-8-sig") as f:
        reader = csv.DictReader(f)
        missing = [c for c in columns if c not in (reader.fieldnames or [])]
        if missing:
            fail("%s: missing column(s) %s" % (path, ", ".join(missing)))
        return [{c: row[c].strip() for c in columns} for row in reader]


def column_letters(reference):
    return re.match(r"[A-Z]+", reference).group(0)


def read_sheet(path, sheet_name, columns):
    """Reads one sheet of an XLSX workbook into dicts keyed by the header row's text."""
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as e:
        fail("%s: cannot open the workbook: %s" % (path, e))
    with archive:
        names = set(archive.namelist())
        shared = []
        if "xl/sharedStrings.xml" in names:
            root = ET.fromstring(archive.read("xl/sharedStrings.xml"))
            for item in root.findall("{%s}si" % SPREADSHEET_NS):
                shared.append("".join(t.text or "" for t in item.iter("{%s}t" % SPREADSHEET_NS)))

        targets = {}
        rels = ET.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
        for rel in rels.findall("{%s}Relationship" % PACKAGE_RELATIONSHIP_NS):
            targets[rel.get("Id")] = rel.get("Target")

        workbook = ET.fromstring(archive.read("xl/workbook.xml"))
        member = None
        for sheet in workbook.iter("{%s}sheet" % SPREADSHEET_NS):
            if sheet.get("name") == sheet_name:
                target = targets.get(sheet.get("{%s}id" % RELATIONSHIP_NS), "")
                member = target.lstrip("/") if target.startswith("/") else "xl/" + target
        if member is None or member not in names:
            fail("%s: no sheet %s" % (path, sheet_name))

        rows = []
        root = ET.fromstring(archive.read(member))
        for row in root.iter("{%s}row" % SPREADSHEET_NS):
            cells = {}
            for c in row.findall("{%s}c" % SPREADSHEET_NS):
                kind = c.get("t")
                if kind == "inlineStr":
                    text = "".join(t.text or "" for t in c.iter("{%s}t" % SPREADSHEET_NS))
                else:
                    v = c.find("{%s}v" % SPREADSHEET_NS)
                    if v is None:
                        continue
                    text = shared[int(v.text)] if kind == "s" else v.text
                cells[column_letters(c.get("r"))] = text.strip()
            rows.append(cells)

    if not rows:
        fail("%s, sheet %s: empty" % (path, sheet_name))
    header = {letter: text for letter, text in rows[0].items()}
    missing = [c for c in columns if c not in header.values()]
    if missing:
        fail("%s, sheet %s: missing column(s) %s" % (path, sheet_name, ", ".join(missing)))
    letters = {text: letter for letter, text in header.items()}
    return [{c: cells.get(letters[c], "") for c in columns} for cells in rows[1:] if cells]


def name_key(name):
    """Lower-case letters and digits only: "Toli-Toli", "Banyu Asin" and "Fak Fak" meet
    "Tolitoli", "Banyuasin" and "Fakfak"."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in decomposed.lower() if ch.isalnum() and ord(ch) < 128)


def short_name(name, kind):
    """The name without its kind: "Kabupaten Aceh Barat" -> "Aceh Barat", "Kota Administrasi
    Jakarta Selatan" -> "Jakarta Selatan"."""
    for prefix in ("Kabupaten ", "Kota ") if kind != "provinsi" else ():
        if name.startswith(prefix):
            name = name[len(prefix):]
    if name.startswith("Administrasi "):
        name = name[len("Administrasi "):]
    return name


def kind_of(name, path):
    # The reference writes the kind only as the first word of the name.
    if name.startswith("Kabupaten "):
        return "kabupaten"
    if name.startswith("Kota "):
        return "kota"
    fail("%s: cannot tell whether %r is a kabupaten or a kota" % (path, name))


def read_bps(reference_dir):
    """The BPS provinces {code: name} and regencies [(code, name, kind, province)] of the workbook."""
    path = os.path.join(reference_dir, WORKBOOK)
    provinces = {}
    for row in read_sheet(path, "ADM1", ["ADM1_PCODE", "ADM1_EN"]):
        m = BPS_PROVINCE_PCODE.match(row["ADM1_PCODE"])
        if not m or not row["ADM1_EN"]:
            fail("%s, sheet ADM1: bad row %r" % (path, row))
        if m.group(1) in provinces:
            fail("%s, sheet ADM1: duplicate code %s" % (path, row["ADM1_PCODE"]))
        provinces[m.group(1)] = row["ADM1_EN"]

    regencies = []
    seen = {}
    for row in read_sheet(path, "ADM2", ["ADM2_PCODE", "ADM2_EN", "ADM1_PCODE"]):
        m = BPS_REGENCY_PCODE.match(row["ADM2_PCODE"])
        if not m or not row["ADM2_EN"] or row["ADM1_PCODE"] != "ID" + m.group(1):
            fail("%s, sheet ADM2: bad row %r" % (path, row))
        code = m.group(1) + m.group(2)
        if code in seen:
            fail("%s, sheet ADM2: duplicate code %s" % (path, row["ADM2_PCODE"]))
        seen[code] = row["ADM2_EN"]
        if m.group(1) not in provinces:
            fail("%s, sheet ADM2: %s lies in no province of sheet ADM1" % (path, code))
        if code in NOT_REGENCIES:
            if row["ADM2_EN"] != NOT_REGENCIES[code]:
                fail("%s, sheet ADM2: %s is %r, not %r as NOT_REGENCIES says" %
                     (path, code, row["ADM2_EN"], NOT_REGENCIES[code]))
            continue
        # BPS numbers cities from 71, as Kemendagri does; the name is no guide ("Kota Baru").
        kind = "kota" if int(m.group(2)) >= 71 else "kabupaten"
        name = row["ADM2_EN"]
        if kind == "kota":
            if not name.startswith("Kota "):
                fail("%s, sheet ADM2: city %s is named %r" % (path, code, name))
            name = name[len("Kota "):]
        regencies.append((code, name, kind, m.group(1)))

    missing = [c for c in NOT_REGENCIES if c not in seen]
    if missing:
        fail("%s, sheet ADM2: NOT_REGENCIES lists codes the sheet lacks: %s" %
             (path, ", ".join(missing)))
    return provinces, regencies


def crosswalk(reference_dir, provinces, regencies):
    """BPS codes for the Kemendagri provinces and regencies: {Kemendagri code: BPS code}. A
    province made in 2022 has none in the workbook and is left out."""
    bps_provinces, bps_regencies = read_bps(reference_dir)
    result = {}

    # Provinces, by name.
    by_name = {name_key(p["name"]): p["code"] for p in provinces}
    for bps_code, name in sorted(bps_provinces.items()):
        code = PROVINCE_OVERRIDES.get(bps_code) or by_name.get(name_key(name))
        if code is None:
            fail("BPS province %s %r matches no Kemendagri province" % (bps_code, name))
        if code in result:
            fail("BPS provinces %s and %s both match Kemendagri province %s" %
                 (result[code], bps_code, code))
        result[code] = bps_code
    for p in provinces:
        if p["code"] not in result and p["code"] not in SPLIT_FROM:
            fail("Kemendagri province %s %s has no BPS code" % (p["code"], p["name"]))

    # The BPS province each Kemendagri province's regencies are filed under in the workbook.
    bps_province_of = {}
    for p in provinces:
        old = SPLIT_FROM.get(p["code"], p["code"])
        if old not in result:
            fail("province %s was split from %s, which has no BPS code" % (p["code"], old))
        bps_province_of[p["code"]] = result[old]

    # Regencies, by kind and name within the BPS province.
    candidates = collections.defaultdict(list)
    by_code = {}
    for r in regencies:
        kind = kind_of(r["name"], "regencies.csv")
        key = (bps_province_of[r["province_code"]], kind, name_key(short_name(r["name"], kind)))
        candidates[key].append(r)
        by_code[r["code"]] = r

    taken = {}
    for bps_code, name, kind, bps_province in bps_regencies:
        if bps_code in REGENCY_OVERRIDES:
            found = [by_code[REGENCY_OVERRIDES[bps_code]]]
            if bps_province_of[found[0]["province_code"]] != bps_province:
                fail("override %s -> %s crosses provinces" % (bps_code, found[0]["code"]))
        else:
            found = candidates.get((bps_province, kind, name_key(name)), [])
        if len(found) != 1:
            fail("BPS regency %s %s %r matches %s" %
                 (bps_code, kind, name,
                  " and ".join(r["code"] + " " + r["name"] for r in found) or
                  "no Kemendagri regency: add it to REGENCY_OVERRIDES"))
        code = found[0]["code"]
        if code in taken:
            fail("BPS regencies %s and %s both match %s %s" %
                 (taken[code], bps_code, code, found[0]["name"]))
        taken[code] = bps_code
        result[code] = bps_code

    unmatched = [r["code"] + " " + r["name"] for r in regencies if r["code"] not in taken]
    if unmatched:
        fail("no BPS code for %d regencies: %s" % (len(unmatched), "; ".join(unmatched)))
    unused = [o for o in REGENCY_OVERRIDES if o not in taken.values()]
    if unused:
        fail("REGENCY_OVERRIDES lists codes the workbook lacks: %s" % ", ".join(unused))
    return result


def build(reference_dir):
    provinces_path = os.path.join(reference_dir, "provinces.csv")
    regencies_path = os.path.join(reference_dir, "regencies.csv")
    provinces = read_rows(provinces_path, ["code", "name"])
    regencies = read_rows(regencies_path, ["code", "province_code", "name"])

    province_codes = set()
    for p in provinces:
        if not PROVINCE_CODE.match(p["code"]) or not p["name"]:
            fail("%s: bad province row %r" % (provinces_path, p))
        if p["code"] in province_codes:
            fail("%s: duplicate province code %s" % (provinces_path, p["code"]))
        province_codes.add(p["code"])

    regency_codes = set()
    for r in regencies:
        m = REGENCY_CODE.match(r["code"])
        if not m or not r["name"]:
            fail("%s: bad regency row %r" % (regencies_path, r))
        if m.group(1) != r["province_code"] or r["province_code"] not in province_codes:
            fail("%s: %s does not belong to province %s" % (regencies_path, r["code"],
                                                             r["province_code"]))
        if r["code"] in regency_codes:
            fail("%s: duplicate regency code %s" % (regencies_path, r["code"]))
        regency_codes.add(r["code"])
        kind_of(r["name"], regencies_path)

    bps = crosswalk(reference_dir, provinces, regencies)

    rows = []
    for p in sorted(provinces, key=lambda p: p["code"]):
        rows.append([p["code"], bps.get(p["code"], ""), p["name"], "provinsi", p["code"]])
    for r in sorted(regencies, key=lambda r: r["code"]):
        rows.append([r["code"], bps[r["code"]], r["name"], kind_of(r["name"], regencies_path),
                     r["province_code"]])

    bps_codes = [row[1] for row in rows if row[1] and row[3] != "provinsi"]
    if len(set(bps_codes)) != len(bps_codes):
        fail("two regencies share a BPS code")
    return rows


def report(rows):
    """Says on standard error where the two numberings differ."""
    differ = collections.OrderedDict()
    names = {row[0]: row[2] for row in rows if row[3] == "provinsi"}
    for row in rows:
        if row[3] == "provinsi":
            if row[1] != row[0]:
                print("make-regions.py: province %s %s is BPS %s" %
                      (row[0], row[2], row[1] or "(none in the workbook: made in 2022)"),
                      file=sys.stderr)
        elif row[1] != row[0].replace(".", ""):
            differ.setdefault(row[4], []).append(row)
    for province, regencies in differ.items():
        print("make-regions.py: %s %s: %d regencies numbered differently by BPS" %
              (province, names[province], len(regencies)), file=sys.stderr)


def main(argv):
    if len(argv) not in (2, 3):
        sys.exit("usage: make-regions.py REFERENCE_DIR [OUTPUT]")
    rows = build(argv[1])

    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerows(rows)

    if len(argv) == 3:
        with open(argv[2], "w", encoding="utf-8", newline="") as f:
            f.write(out.getvalue())
    else:
        sys.stdout.write(out.getvalue())

    report(rows)
    counts = {}
    for row in rows:
        counts[row[3]] = counts.get(row[3], 0) + 1
    print("make-regions.py: %d rows (%s)" % (len(rows), ", ".join(
        "%d %s" % (counts[k], k) for k in ("provinsi", "kabupaten", "kota") if k in counts)),
        file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv)
