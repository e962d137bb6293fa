#!/usr/bin/python3
"""Writes the import gauntlet of issue 12: tables in the shapes officials receive (title blocks,
headers over two rows, units in headers and cells, BPS codes, province columns and heading rows,
Jakarta names, fractions, zero workforce, stated province figures, totals, duplicates, years as
columns, a sheet per month, kecamatan rows, extra figure columns, English numbers, semicolons,
Windows-1252), and expected.txt, what importing each must give; tests/test-gauntlet.c reads it.

Run from this folder: python3 make-gauntlet.py (standard library only). The .ods and .xls copies
are made with LibreOffice (soffice) when it is installed; the committed files serve when not.
Region codes and names come from ../../../data/regions.csv (Kemendagri) and BPS codes from
../../../../shared/reference/boundaries/IDN_Admin123Boundaries_TabularData.xlsx (sheet ADM2):
every BPS code used below is checked against that crosswalk. Figures are illustrative but of
realistic size; the anchors are DOMAIN.md's public figures (Kabupaten Blitar December 2023:
114,377 participants of 449,717 workers; Banyuwangi August 2022: 123 thousand of 647 thousand;
Blora May 2022: 17,920 of 352,284; Jawa Timur November 2022: 4.3 of 15 million, "27,68%").

expected.txt, one fact a line, fields separated by tabs ('#' starts a comment):
  file      NAME  FEATURE  what the file is
  value     CODE  PERIOD  MEASURE  VALUE      the dataset holds this value
  absent    CODE  PERIOD  MEASURE             the dataset holds no such value (a wrong filing)
  coverage  PROVINCE  PERIOD  PERCENT         the province total's coverage, to 0.01
  counts    ROWS  IMPORTED  SKIPPED  REJECTED  summed over the file's sheets
  rows      ROWS                              rows accounted for, however they are counted
  issue     ROW  COLUMN  SEVERITY  TEXT...    a report line; ROW "*" any, "Sheet!12" on a sheet;
                                              COLUMN a letter, "-" none, "*" any; SEVERITY
                                              info, warning (or error), error or any; every
                                              TEXT in its message (messages are in English)
  clean     ROW                               no warning or error on this row
  error     CODE  TEXT...                     the import fails with this CakImportError
"""
import csv
import io
import os
import re
import shutil
import subprocess
import tempfile
import xml.etree.ElementTree as ET
import zipfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
REGIONS = os.path.join(ROOT, "data", "regions.csv")
BOUNDARIES = os.path.join(ROOT, "..", "shared", "reference", "boundaries",
                          "IDN_Admin123Boundaries_TabularData.xlsx")

# ---- Reference data ------------------------------------------------------------------------

CATALOG = {r["code"]: r for r in csv.DictReader(open(REGIONS, encoding="utf-8"))}


def name(code):
    return CATALOG[code]["name"]


def read_bps_crosswalk():
    """BPS code ("1107") -> Kemendagri code ("11.05"), matched by name within the province, as
    the crosswalk of issue 12 is to be built. Only codes that match one regency are kept."""
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    book = zipfile.ZipFile(BOUNDARIES)
    strings = ["".join(t.text or "" for t in si.iter("{%s}t" % ns["m"]))
               for si in ET.fromstring(book.read("xl/sharedStrings.xml")).findall("m:si", ns)]
    sheet = ET.fromstring(book.read("xl/worksheets/sheet3.xml"))  # ADM2
    rows = []
    for row in sheet.iter("{%s}row" % ns["m"]):
        cells = {}
        for c in row.findall("m:c", ns):
            v = c.find("m:v", ns)
            if v is not None:
                col = re.match(r"[A-Z]+", c.get("r")).group(0)
                cells[col] = strings[int(v.text)] if c.get("t") == "s" else v.text
        rows.append(cells)
    assert rows[0]["A"] == "ADM2_EN" and rows[0]["B"] == "ADM2_PCODE"

    def key(text):
        return re.sub(r"[^a-z0-9]", "", text.lower())

    crosswalk = {}
    for r in rows[1:]:
        bps = r["B"][2:]
        kota = int(bps[2:]) >= 71
        short = re.sub(r"^Kota ", "", r["A"])
        found = [c for c, reg in CATALOG.items()
                 if reg["kind"] != "provinsi" and reg["province_code"] == bps[:2]
                 and reg["name"].startswith("Kota") == kota
                 and key(re.sub(r"^(Kabupaten|Kota) ", "", reg["name"])) == key(short)]
        if len(found) == 1:
            crosswalk[bps] = found[0]
    return crosswalk


BPS = read_bps_crosswalk()


def bps(code):
    """The BPS code of a Kemendagri code, from the crosswalk."""
    found = [b for b, k in BPS.items() if k == code]
    assert len(found) == 1, code
    return found[0]


# ---- Figures ---------------------------------------------------------------------------------

# Jawa Timur, December 2023: code, short form as branch offices write it, workforce, PU, BPU,
# Jakon, PMI. Kabupaten Blitar is DOMAIN.md's anchor (114,377 of 449,717).
JATIM = [
    ("35.05", "Kab. Blitar", 449717, 58210, 41655, 9870, 4642),
    ("35.72", "Kota Blitar", 80412, 21480, 7310, 1540, 920),
    ("35.10", "Kab. Banyuwangi", 647000, 64200, 43900, 9300, 5600),
    ("35.07", "Kab. Malang", 1412530, 201320, 86410, 19870, 11044),
    ("35.78", "Kota Surabaya", 1487915, 842118, 141205, 33480, 4533),
    ("35.16", "Kab. Mojokerto", 628441, 150322, 38015, 10200, 3370),
]
assert sum(JATIM[0][3:]) == 114377


def participants(r):
    return sum(r[3:7])


def id_num(n):
    """1.234.567 as Indonesian tables write it."""
    return f"{n:,}".replace(",", ".")


def id_pct(x):
    return f"{x:.2f}".replace(".", ",")


def en_num(n):
    return f"{n:,}"


# ---- Writers -------------------------------------------------------------------------------


def write_csv(fname, rows, delimiter=";", encoding="utf-8", newline="\n"):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator=newline)
    for r in rows:
        w.writerow(["" if c is None else c for c in r])
    with open(os.path.join(HERE, fname), "wb") as f:
        f.write(buf.getvalue().encode(encoding))


def col_letter(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


class Pct(float):
    """A number shown with the percent format (0.2543 shown as 25,43%)."""


def write_xlsx(fname, sheets):
    """sheets: (name, rows, merges); a cell is str, int, float, Pct or None. Written as Excel
    writes it: shared strings, a styles part, merged ranges such as "D4:H4"."""
    strings, index = [], {}

    def sst(s):
        if s not in index:
            index[s] = len(strings)
            strings.append(s)
        return index[s]

    parts = {}
    for n, (sheet_name, rows, merges) in enumerate(sheets, 1):
        out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
               '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
               '<sheetData>']
        for r, row in enumerate(rows, 1):
            cells = []
            for c, v in enumerate(row):
                ref = f"{col_letter(c)}{r}"
                if v is None or v == "":
                    continue
                if isinstance(v, Pct):
                    cells.append(f'<c r="{ref}" s="1"><v>{float(v)!r}</v></c>')
                elif isinstance(v, (int, float)):
                    cells.append(f'<c r="{ref}" s="2"><v>{v}</v></c>')
                else:
                    cells.append(f'<c r="{ref}" t="s"><v>{sst(v)}</v></c>')
            if cells:  # Excel writes no element for an empty row
                out.append(f'<row r="{r}">{"".join(cells)}</row>')
        out.append("</sheetData>")
        if merges:
            out.append(f'<mergeCells count="{len(merges)}">')
            out += [f'<mergeCell ref="{m}"/>' for m in merges]
            out.append("</mergeCells>")
        out.append("</worksheet>")
        parts[f"xl/worksheets/sheet{n}.xml"] = "".join(out)

    ns = "http://schemas.openxmlformats.org"
    parts["[Content_Types].xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Types xmlns="{ns}/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        + "".join(f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                  for n in range(1, len(sheets) + 1))
        + "</Types>")
    parts["_rels/.rels"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Relationships xmlns="{ns}/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{ns}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>")
    parts["xl/workbook.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<workbook xmlns="{ns}/spreadsheetml/2006/main" xmlns:r="{ns}/officeDocument/2006/relationships"><sheets>'
        + "".join(f'<sheet name="{escape(s[0])}" sheetId="{n}" r:id="rId{n}"/>'
                  for n, s in enumerate(sheets, 1))
        + "</sheets></workbook>")
    parts["xl/_rels/workbook.xml.rels"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Relationships xmlns="{ns}/package/2006/relationships">'
        + "".join(f'<Relationship Id="rId{n}" Type="{ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{n}.xml"/>'
                  for n in range(1, len(sheets) + 1))
        + f'<Relationship Id="rId{len(sheets) + 1}" Type="{ns}/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
        + f'<Relationship Id="rId{len(sheets) + 2}" Type="{ns}/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
        "</Relationships>")
    parts["xl/styles.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<styleSheet xmlns="{ns}/spreadsheetml/2006/main">'
        '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
        '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
        '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
        '<xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
        '<xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
        "</styleSheet>")
    parts["xl/sharedStrings.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<sst xmlns="{ns}/spreadsheetml/2006/main" count="{len(strings)}" uniqueCount="{len(strings)}">'
        + "".join(f'<si><t xml:space="preserve">{escape(s)}</t></si>' for s in strings)
        + "</sst>")
    order = ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
             "xl/styles.xml", "xl/sharedStrings.xml"] + [f"xl/worksheets/sheet{n}.xml"
                                                         for n in range(1, len(sheets) + 1)]
    with zipfile.ZipFile(os.path.join(HERE, fname), "w", zipfile.ZIP_DEFLATED) as z:
        for p in order:
            info = zipfile.ZipInfo(p, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, parts[p])


def convert(source, target_ext):
    """A copy of @source saved by LibreOffice as ods or xls; False when soffice is missing."""
    soffice = shutil.which("soffice")
    if soffice is None:
        return False
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([soffice, f"-env:UserInstallation=file://{tmp}/profile", "--headless",
                        "--convert-to", target_ext, "--outdir", tmp,
                        os.path.join(HERE, source)],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        made = os.path.join(tmp, os.path.splitext(source)[0] + "." + target_ext)
        shutil.copy(made, os.path.join(HERE, os.path.splitext(source)[0] + "." + target_ext))
    return True


# ---- The manifest --------------------------------------------------------------------------

MANIFEST = []


class Case:
    def __init__(self, fname, feature, what):
        assert "\t" not in what
        self.lines = [f"\nfile\t{fname}\t{feature}\t{what}"]
        MANIFEST.append(self)

    def add(self, *fields):
        self.lines.append("\t".join(str(f) for f in fields))

    def value(self, code, period, measure, v):
        assert code in CATALOG, code
        self.add("value", code, period, measure, v)

    def absent(self, code, period, measure):
        assert code in CATALOG, code
        self.add("absent", code, period, measure)

    def coverage(self, province, period, pct):
        self.add("coverage", province, period, f"{pct:.2f}")

    def counts(self, rows, imported, skipped, rejected):
        assert rows == imported + skipped + rejected
        self.add("counts", rows, imported, skipped, rejected)

    def rows(self, n):
        self.add("rows", n)

    def issue(self, row, column, severity, *texts):
        self.add("issue", row, column, severity, *texts)

    def clean(self, row):
        self.add("clean", row)

    def error(self, code, *texts):
        self.add("error", code, *texts)


class Rows(list):
    """Rows of a sheet; add () returns the 1-based row number."""

    def add(self, *cells):
        self.append(list(cells))
        return len(self)


def segments(case, r, period):
    code = r[0]
    for m, v in zip(("pu", "bpu", "jakon", "pmi"), r[3:7]):
        case.value(code, period, m, v)


# ---- The files -----------------------------------------------------------------------------


def title_block(fname="01-judul-kanwil-jatim.csv",
                source="Sumber: BPJS Ketenagakerjaan Kanwil Jawa Timur (diolah)"):
    rows = Rows()
    rows.add("BPJS KETENAGAKERJAAN KANWIL JAWA TIMUR")
    rows.add("REKAPITULASI PESERTA AKTIF PER KABUPATEN/KOTA")
    rows.add("Posisi Desember 2023")
    rows.add()
    rows.add("No", "Kabupaten/Kota", "Penduduk Bekerja", "Peserta Aktif", "Cakupan (%)")
    for i, r in enumerate(JATIM, 1):
        rows.add(i, r[1], id_num(r[2]), id_num(participants(r)),
                 id_pct(100 * participants(r) / r[2]))
    wf, part = sum(r[2] for r in JATIM), sum(participants(r) for r in JATIM)
    total = rows.add("JUMLAH", "", id_num(wf), id_num(part), id_pct(100 * part / wf))
    rows.add()
    rows.add(source)
    write_csv(fname, rows)
    if fname.startswith("01"):
        c = Case(fname, "title-block", "title lines, KANWIL JAWA TIMUR, JUMLAH row, source note")
    else:
        c = Case(fname, "csv-delimiter",
                 "the same with a comma in the source note: decimal commas in one column and the "
                 "note's comma must not outvote the semicolons")
    for r in JATIM:
        c.value(r[0], "2023-12", "workforce", r[2])
        c.value(r[0], "2023-12", "participants", participants(r))
    c.counts(len(rows), 6, len(rows) - 6, 0)
    c.issue(total, "-", "info", "total")
    c.clean(total)


def merged_header():
    rows = Rows()
    rows.add("REKAPITULASI KEPESERTAAN BPJS KETENAGAKERJAAN")
    rows.add("KANWIL JAWA TIMUR - POSISI DESEMBER 2023")
    rows.add()
    rows.add("NO", "KABUPATEN/KOTA", "PENDUDUK BEKERJA", "PESERTA AKTIF", None, None, None, None,
             "CAKUPAN (%)")
    rows.add(None, None, None, "PU", "BPU", "JAKON", "PMI", "JUMLAH", None)
    rows.add(*[f"({i})" for i in range(1, 10)])
    for i, r in enumerate(JATIM, 1):
        rows.add(i, r[1], r[2], *r[3:7], participants(r), Pct(participants(r) / r[2]))
    sums = [sum(r[k] for r in JATIM) for k in range(2, 7)]
    rows.add("JUMLAH", None, *sums, sum(sums[1:]), Pct(sum(sums[1:]) / sums[0]))
    merges = ["A4:A5", "B4:B5", "C4:C5", "D4:H4", "I4:I5"]
    source = os.path.join(HERE, "02-peserta-aktif-dua-baris.xlsx")
    before = open(source, "rb").read() if os.path.exists(source) else None
    write_xlsx("02-peserta-aktif-dua-baris.xlsx", [("Rekap", rows, merges)])
    unchanged = before == open(source, "rb").read()
    made = [("02-peserta-aktif-dua-baris.xlsx", "written as Excel writes it")]
    for ext, n in (("ods", "03"), ("xls", "04")):
        target = f"{n}-peserta-aktif-dua-baris.{ext}"
        # LibreOffice stamps the time in its files: convert again only what changed.
        if unchanged and os.path.exists(os.path.join(HERE, target)):
            pass
        elif convert("02-peserta-aktif-dua-baris.xlsx", ext):
            os.replace(os.path.join(HERE, f"02-peserta-aktif-dua-baris.{ext}"),
                       os.path.join(HERE, target))
        made.append((target, f"the same saved by LibreOffice as {ext}"))
    for fname, how in made:
        c = Case(fname, "merged-header",
                 f"PESERTA AKTIF merged over PU/BPU/JAKON/PMI/JUMLAH, column numbers; {how}")
        for r in JATIM:
            c.value(r[0], "2023-12", "workforce", r[2])
            c.value(r[0], "2023-12", "participants", participants(r))
            segments(c, r, "2023-12")
        # The blank row 3 counts in every format: Excel and LibreOffice write nothing for it in
        # an XLSX or XLS file, and the importer counts the row numbers they skip as blank rows.
        n = len(rows)
        c.counts(n, 6, n - 6, 0)


def units_in_headers():
    rows = Rows()
    rows.add("CAPAIAN KEPESERTAAN BPJS KETENAGAKERJAAN JAWA TIMUR")
    rows.add("Posisi Desember 2023")
    rows.add("Kabupaten/Kota", "Tenaga Kerja (Jiwa)", "Jml Peserta Aktif", "Peserta PU",
             "Peserta BPU", "Peserta Jakon", "Peserta PMI", "Target Coverage (%)", "Capaian (%)")
    wrong = None
    for i, r in enumerate(JATIM):
        pct = 100 * participants(r) / r[2]
        if i == 3:
            # a stated coverage the row's own figures do not give
            wrong, stated, own = len(rows) + 1, f"{pct + 1.5:.2f}", f"{pct:.2f}"
            pct += 1.5
        rows.add(name(r[0]), r[2], participants(r), *r[3:7], 30, round(pct, 2))
    write_xlsx("05-satuan-di-header.xlsx", [("Desember 2023", rows, [])])
    c = Case("05-satuan-di-header.xlsx", "header-words",
             "units and segment words in headers: Tenaga Kerja (Jiwa), Jml Peserta Aktif, Peserta "
             "PU, Target Coverage (%), Capaian (%) as stated coverage")
    for r in JATIM:
        c.value(r[0], "2023-12", "workforce", r[2])
        c.value(r[0], "2023-12", "participants", participants(r))
        segments(c, r, "2023-12")
        c.value(r[0], "2023-12", "target_pct", 30)
    c.counts(len(rows), 6, 3, 0)
    c.issue(wrong, "I", "warning", stated, own)


NATIONAL = [  # code, workforce 2024, PU, BPU, Jakon, PMI, target %
    ("11.05", 98512, 14120, 6230, 1410, 88, 25.0),
    ("32.73", 1231880, 598410, 98230, 40120, 2250, 45.0),
    ("33.16", 354105, 41230, 11805, 6320, 1490, 20.0),
    ("35.05", 452310, 59002, 42118, 9950, 4705, 30.0),
    ("63.71", 339940, 121500, 21480, 8870, 310, 40.0),
    ("18.71", 556120, 162340, 30110, 11240, 980, 38.5),
]


def national_segments():
    rows = Rows()
    rows.add("KEPESERTAAN BPJS KETENAGAKERJAAN MENURUT KABUPATEN/KOTA")
    rows.add("Posisi: Desember 2024")
    rows.add("Provinsi", "Kabupaten/Kota", "Penduduk Bekerja", "Peserta PU", "Peserta BPU",
             "Peserta Jakon", "Peserta PMI", "Target Coverage (%)")
    for code, wf, pu, bpu, jakon, pmi, target in NATIONAL:
        rows.add(name(code[:2]), name(code), id_num(wf), id_num(pu), id_num(bpu), id_num(jakon),
                 id_num(pmi), id_pct(target).replace(",00", ""))
    write_csv("06-nasional-segmen-target.csv", rows)
    c = Case("06-nasional-segmen-target.csv", "header-words",
             "national file: Peserta PU/BPU/Jakon/PMI and Target Coverage (%) beside a province "
             "column (issue 12, kind 1)")
    for code, wf, pu, bpu, jakon, pmi, target in NATIONAL:
        c.value(code, "2024-12", "workforce", wf)
        for m, v in zip(("pu", "bpu", "jakon", "pmi"), (pu, bpu, jakon, pmi)):
            c.value(code, "2024-12", m, v)
        c.value(code, "2024-12", "target_pct", target)
    c.counts(len(rows), len(NATIONAL), 3, 0)


def years_in_headers():
    rows = Rows()
    rows.add("Kabupaten/Kota", "Penduduk Bekerja 2024", "Peserta Aktif Desember 2024")
    for r in JATIM:
        rows.add(name(r[0]), id_num(r[2] + 4100), id_num(participants(r) + 2300))
    write_csv("07-tahun-di-header.csv", rows)
    c = Case("07-tahun-di-header.csv", "header-words",
             "the period inside the headers: Penduduk Bekerja 2024, Peserta Aktif Desember 2024")
    for r in JATIM:
        c.value(r[0], "2024", "workforce", r[2] + 4100)
        c.value(r[0], "2024-12", "participants", participants(r) + 2300)
    c.counts(len(rows), 6, 1, 0)


def units_in_cells():
    rows = Rows()
    rows.add("PERLINDUNGAN PEKERJA KABUPATEN/KOTA - AGUSTUS 2022")
    rows.add("Kabupaten/Kota", "Penduduk Bekerja", "Peserta Aktif")
    data = [
        ("35.10", "647.000 jiwa", 647000, "123.000 orang", 123000),
        ("35.07", "1,4 juta", 1400000, "318.644 orang", 318644),
        ("35.09", "1.249.806 jiwa", 1249806, "205 ribu", 205000),
        ("35.78", "1,5 juta", 1500000, "1,02 juta", 1020000),
    ]
    for code, wf_text, _, part_text, _ in data:
        rows.add(name(code), wf_text, part_text)
    write_csv("08-satuan-di-sel.csv", rows)
    c = Case("08-satuan-di-sel.csv", "number-units",
             "units after numbers (647.000 jiwa, 123.000 orang) and juta/ribu words")
    for code, _, wf, _, part in data:
        c.value(code, "2022-08", "workforce", wf)
        c.value(code, "2022-08", "participants", part)
    c.counts(len(rows), 4, 2, 0)


# Aceh, August 2023: Kemendagri code, workforce, participants
ACEH = [("11.05", 95210, 24110), ("11.07", 198320, 31960), ("11.06", 205410, 52230),
        ("11.04", 103250, 19870), ("11.11", 211030, 33420), ("11.71", 118960, 61250)]


def bps_aceh():
    rows = Rows()
    rows.add("PROVINSI ACEH - KEPESERTAAN AGUSTUS 2023")
    rows.add("Kode Wilayah", "Penduduk Bekerja", "Peserta Aktif")
    for code, wf, part in ACEH:
        rows.add(bps(code), id_num(wf), id_num(part))
    write_csv("09-bps-aceh.csv", rows)
    c = Case("09-bps-aceh.csv", "bps-codes",
             "Aceh by BPS codes only: 1107 is Aceh Barat (11.05), not Pidie (11.07)")
    for code, wf, part in ACEH:
        c.value(code, "2023-08", "workforce", wf)
        c.value(code, "2023-08", "participants", part)
    c.absent("11.08", "2023-08", "workforce")  # BPS 1108 is Aceh Besar, not Aceh Utara
    c.absent("11.09", "2023-08", "workforce")  # BPS 1109 is Pidie, not Simeulue
    c.counts(len(rows), len(ACEH), 2, 0)


SUMUT = [("12.71", 1245330, 612880), ("12.07", 1011240, 301560), ("12.05", 512300, 88410),
         ("12.08", 502870, 79850), ("12.09", 357640, 71230), ("12.73", 42150, 15310)]


def bps_sumut():
    rows = Rows()
    rows.add("Kode", "Kabupaten/Kota", "Penduduk Bekerja", "Peserta Aktif", "Periode")
    for code, wf, part in SUMUT:
        rows.add("ID" + bps(code), re.sub(r"^Kabupaten ", "", name(code)), id_num(wf),
                 id_num(part), "Des 2023")
    # ID1213 is Langkat, but the name beside it says Karo (ID1211, 12.06)
    bad = rows.add("ID" + bps("12.05"), "Karo", id_num(201450), id_num(30120), "Des 2023")
    write_csv("10-bps-sumut-pcode.csv", rows)
    c = Case("10-bps-sumut-pcode.csv", "bps-codes",
             "Sumatera Utara by P-codes (ID1275 Kota Medan = 12.71) beside names; one P-code "
             "(ID1213 Langkat) beside another regency's name (Karo): both readings reported")
    for code, wf, part in SUMUT:
        c.value(code, "2023-12", "workforce", wf)
        c.value(code, "2023-12", "participants", part)
    for r in range(2, bad):
        c.clean(r)
    c.issue(bad, "*", "any", "Langkat", "Karo")
    c.rows(len(rows))


LAMPUNG = [("18.04", 157420, 21380), ("18.01", 512780, 84410), ("18.02", 681230, 102650),
           ("18.07", 554310, 77820), ("18.03", 310520, 41760), ("18.71", 556120, 204670)]


def bps_lampung():
    rows = Rows()
    rows.add("JUMLAH PENDUDUK BEKERJA DAN PESERTA AKTIF MENURUT KABUPATEN/KOTA DI PROVINSI LAMPUNG")
    rows.add("Desember 2023")
    rows.add("Kode BPS", "Kabupaten/Kota", "Penduduk Bekerja", "Peserta Aktif")
    for code, wf, part in LAMPUNG:
        rows.add(int(bps(code)), name(code), wf, part)
    write_xlsx("11-bps-lampung-angka.xlsx", [("Lampung", rows, [])])
    c = Case("11-bps-lampung-angka.xlsx", "bps-codes",
             "Lampung, BPS codes stored as numbers (1801 is Lampung Barat = 18.04)")
    for code, wf, part in LAMPUNG:
        c.value(code, "2023-12", "workforce", wf)
        c.value(code, "2023-12", "participants", part)
    c.counts(len(rows), len(LAMPUNG), 3, 0)


NTT_KALTIM = [("53.01", 198740, 18230), ("53.02", 256310, 14950), ("53.71", 221890, 70460),
              ("64.03", 132560, 51220), ("64.02", 358310, 128740), ("64.72", 426150, 201330)]


def bps_float():
    rows = Rows()
    rows.add("kode_bps", "penduduk_bekerja", "peserta_aktif", "tahun")
    for code, wf, part in NTT_KALTIM:
        rows.add(bps(code) + ".0", f"{wf}.0", f"{part}.0", "2023")
    write_csv("12-bps-ntt-kaltim-float.csv", rows, delimiter=",")
    c = Case("12-bps-ntt-kaltim-float.csv", "bps-codes",
             "NTT and Kalimantan Timur, BPS codes exported as floats (5303.0 is Kupang = 53.01)")
    for code, wf, part in NTT_KALTIM:
        c.value(code, "2023", "workforce", wf)
        c.value(code, "2023", "participants", part)
    c.absent("53.03", "2023", "workforce")  # BPS 5303 read as Kemendagri would be TTU
    c.counts(len(rows), len(NTT_KALTIM), 1, 0)


def code_name_conflict():
    rows = Rows()
    rows.add("Kode Wilayah", "Kabupaten/Kota", "Periode", "Penduduk Bekerja", "Peserta Aktif")
    rows.add("35.05", "Kabupaten Blitar", "2023-12", id_num(449717), id_num(114377))
    rows.add("35.72", "Kota Blitar", "2023-12", id_num(80412), id_num(31250))
    bad = rows.add("35.16", "Kabupaten Jombang", "2023-12", id_num(712450), id_num(168320))
    rows.add("35.10", "Kabupaten Banyuwangi", "2023-12", id_num(647000), id_num(123000))
    write_csv("13-kode-nama-bertentangan.csv", rows)
    c = Case("13-kode-nama-bertentangan.csv", "code-name-conflict",
             "35.16 is Mojokerto but the name says Jombang: both readings reported")
    c.value("35.05", "2023-12", "participants", 114377)
    c.value("35.10", "2023-12", "participants", 123000)
    c.issue(bad, "*", "any", "Mojokerto", "Jombang")
    c.rows(len(rows))


PROVINCE_ROWS = [  # province, name as written, code, workforce, participants
    ("Jawa Barat", "Kota Bandung", "32.73", 1231880, 736010),
    ("Jawa Barat", "Banjar", "32.79", 98340, 27410),
    ("Jawa Barat", "Kabupaten Bogor", "32.01", 2401560, 612330),
    ("Jawa Barat", "Kota Tasikmalaya", "32.78", 318270, 81950),
    ("Kalimantan Selatan", "Banjar", "63.03", 288410, 61380),
    ("Kalimantan Selatan", "Kota Banjarmasin", "63.71", 339940, 151990),
    ("Bengkulu", "Bengkulu", "17.71", 186520, 70230),
    ("Bengkulu", "Rejang Lebong", "17.02", 142360, 19870),
]


def province_column():
    rows = Rows()
    rows.add("REKAP NASIONAL - DESEMBER 2023")
    rows.add("Provinsi", "Kabupaten/Kota", "Penduduk Bekerja", "Peserta Aktif")
    for prov, text, code, wf, part in PROVINCE_ROWS:
        rows.add(prov, text, id_num(wf), id_num(part))
    write_csv("14-provinsi-kolom.csv", rows)
    c = Case("14-provinsi-kolom.csv", "province-context",
             "a province column settles Banjar (32.79 or 63.03) and Bengkulu (Kota Bengkulu)")
    for prov, text, code, wf, part in PROVINCE_ROWS:
        c.value(code, "2023-12", "workforce", wf)
        c.value(code, "2023-12", "participants", part)
    c.counts(len(rows), len(PROVINCE_ROWS), 2, 0)


def province_headings():
    rows = Rows()
    rows.add("PESERTA AKTIF BPJS KETENAGAKERJAAN PER PROVINSI DAN KABUPATEN/KOTA")
    rows.add("Posisi Desember 2023")
    rows.add("No", "Kabupaten/Kota", "Penduduk Bekerja", "Peserta Aktif")
    last = None
    n = 0
    for prov, text, code, wf, part in PROVINCE_ROWS:
        if prov != last:
            rows.add("", prov.upper())
            last = prov
        n += 1
        rows.add(n, text, id_num(wf), id_num(part))
    write_csv("15-provinsi-baris-judul.csv", rows)
    c = Case("15-provinsi-baris-judul.csv", "province-context",
             "province heading rows over blocks: Banjar under each, Bengkulu under Bengkulu")
    for prov, text, code, wf, part in PROVINCE_ROWS:
        c.value(code, "2023-12", "workforce", wf)
        c.value(code, "2023-12", "participants", part)
    c.counts(len(rows), len(PROVINCE_ROWS), len(rows) - len(PROVINCE_ROWS), 0)


BENGKULU = [("Bengkulu Selatan", "17.01", 79420, 10330), ("Rejang Lebong", "17.02", 142360, 19870),
            ("Bengkulu Utara", "17.03", 152880, 22140), ("Kaur", "17.04", 58710, 6420),
            ("Bengkulu", "17.71", 186520, 70230)]


def bengkulu():
    rows = Rows()
    rows.add("PEMERINTAH PROVINSI BENGKULU - DINAS TENAGA KERJA DAN TRANSMIGRASI")
    rows.add("Kepesertaan Jaminan Sosial Ketenagakerjaan, Desember 2023")
    rows.add("No", "Kabupaten/Kota", "Penduduk Bekerja", "Peserta Aktif")
    for i, (text, code, wf, part) in enumerate(BENGKULU, 1):
        rows.add(i, text, id_num(wf), id_num(part))
    wf, part = sum(r[2] for r in BENGKULU), sum(r[3] for r in BENGKULU)
    total = rows.add("", "Provinsi Bengkulu", id_num(wf), id_num(part))
    write_csv("16-provinsi-bengkulu.csv", rows)
    c = Case("16-provinsi-bengkulu.csv", "province-context",
             "Bengkulu under Bengkulu is Kota Bengkulu (17.71); Provinsi Bengkulu is the total")
    for text, code, wf_, part_ in BENGKULU:
        assert name(code).endswith(text), code
        c.value(code, "2023-12", "workforce", wf_)
        c.value(code, "2023-12", "participants", part_)
    c.counts(len(rows), len(BENGKULU), 4, 0)
    c.clean(total)


JAKARTA = [("Kab. Adm. Kep. Seribu", "31.01", 13980, 3120),
           ("Kota Adm. Jakarta Selatan", "31.74", 1142350, 835410),
           ("Jaktim", "31.75", 1412860, 702330),
           ("Kota Administrasi Jakarta Pusat", "31.71", 462310, 398720),
           ("Jakarta Barat", "31.73", 1231470, 664050),
           ("Jakut", "31.72", 842110, 451280)]


def jakarta():
    rows = Rows()
    rows.add("PROVINSI DKI JAKARTA")
    rows.add("Rekapitulasi Kepesertaan per Kota/Kabupaten Administrasi - Desember 2023")
    rows.add("Wilayah", "Penduduk Bekerja", "Peserta Aktif")
    for text, code, wf, part in JAKARTA:
        rows.add(text, id_num(wf), id_num(part))
    write_csv("17-dki-jakarta.csv", rows)
    c = Case("17-dki-jakarta.csv", "jakarta-names",
             "Kab. Adm. Kep. Seribu, Kota Adm. Jakarta Selatan, Jaktim, Jakut, Jakarta Barat")
    for text, code, wf, part in JAKARTA:
        c.value(code, "2023-12", "workforce", wf)
        c.value(code, "2023-12", "participants", part)
    c.counts(len(rows), len(JAKARTA), 3, 0)


def fractions():
    rows = Rows()
    rows.add("TARGET DAN CAPAIAN - DESEMBER 2023")
    rows.add("Kabupaten/Kota", "Penduduk Bekerja", "Peserta Aktif", "Target (%)", "Cakupan (%)")
    first = len(rows) + 1
    for r in JATIM:
        rows.add(name(r[0]), id_num(r[2]), id_num(participants(r)), "0,30",
                 f"{participants(r) / r[2]:.4f}".replace(".", ","))
    write_csv("18-target-pecahan.csv", rows)
    c = Case("18-target-pecahan.csv", "fraction-pct",
             "a target column written as fractions (0,30 under Target (%)) is 30%")
    for r in JATIM:
        c.value(r[0], "2023-12", "target_pct", 30)
    for n in range(first, len(rows) + 1):
        c.clean(n)
    c.counts(len(rows), 6, 2, 0)


JABAR = [("32.01", 2401560, 612330), ("32.04", 1702140, 401260), ("32.73", 1231880, 736010),
         ("32.79", 98340, 27410), ("32.77", 268850, 121430)]


def float_codes():
    rows = Rows()
    rows.add("Kode Wilayah", "Periode", "Penduduk Bekerja", "Peserta Aktif")
    for code, wf, part in JABAR:
        rows.add(code.replace(".", "") + ".0", "Desember 2023", id_num(wf), id_num(part))
    write_csv("19-kode-float.csv", rows)
    c = Case("19-kode-float.csv", "float-codes",
             "region codes stored as floats (3201.0 is Kabupaten Bogor, 32.01)")
    for code, wf, part in JABAR:
        c.value(code, "2023-12", "workforce", wf)
        c.value(code, "2023-12", "participants", part)
    c.counts(len(rows), len(JABAR), 1, 0)


def float_code_extract():
    rows = Rows()
    rows.add("DATA PESERTA - POSISI DESEMBER 2023")
    rows.add("no", "kode_wil", "segmen", "status")
    # (code, segment, active?) in a repeating pattern: 24 rows, 4 of them not active
    pattern = [("3201.0", "PU", "AKTIF"), ("3201.0", "BPU", "AKTIF"), ("3273.0", "PU", "AKTIF"),
               ("3201.0", "PU", "AKTIF"), ("3273.0", "JAKON", "AKTIF"),
               ("3201.0", "PMI", "NON AKTIF"), ("3273.0", "PU", "AKTIF"),
               ("3279.0", "BPU", "AKTIF")]
    counts = {}
    for i in range(24):
        code, seg, status = pattern[i % len(pattern)]
        rows.add(i + 1, code, seg, status)
        if status == "AKTIF":
            k = (code[:2] + "." + code[2:4], seg.lower())
            counts[k] = counts.get(k, 0) + 1
    write_csv("20-ekstrak-kode-float.csv", rows)
    c = Case("20-ekstrak-kode-float.csv", "float-codes",
             "a row per participant, region codes as floats (3201.0): every row counted")
    for (code, seg), n in sorted(counts.items()):
        c.value(code, "2023-12", seg, n)
    c.rows(len(rows))
    c.add("rejected", 0)


def zero_workforce():
    rows = Rows()
    rows.add("Kepesertaan Desember 2023")
    rows.add("Kabupaten/Kota", "Penduduk Bekerja", "Peserta Aktif")
    rows.add("Kabupaten Blitar", id_num(449717), id_num(114377))
    zero = rows.add("Kota Blitar", "0", id_num(37500))
    rows.add("Kabupaten Kediri", "-", id_num(90120))
    write_csv("21-tenaga-kerja-nol.csv", rows)
    c = Case("21-tenaga-kerja-nol.csv", "zero-workforce",
             "workforce 0 with 37,500 participants is no denominator: Jawa Timur is 25.43%, not "
             "33.77%")
    c.value("35.05", "2023-12", "participants", 114377)
    c.value("35.72", "2023-12", "participants", 37500)
    c.coverage("35", "2023-12", 100 * 114377 / 449717)
    c.issue(zero, "*", "any", "0")
    c.rows(len(rows))


def stated_province():
    rows = Rows()
    rows.add("CAKUPAN KEPESERTAAN KANWIL JAWA TIMUR - NOVEMBER 2022")
    rows.add("Wilayah", "Penduduk Bekerja", "Peserta Aktif", "Cakupan (%)")
    jatim = rows.add("JAWA TIMUR", "15.000.000", "4.300.000", "27,68")
    first = len(rows) + 1
    for r in JATIM:
        rows.add(name(r[0]), id_num(r[2]), id_num(participants(r) - 5000),
                 id_pct(100 * (participants(r) - 5000) / r[2]))
    write_csv("22-provinsi-dinyatakan.csv", rows)
    c = Case("22-provinsi-dinyatakan.csv", "stated-figures",
             "the province row's stated 27,68% checked against its own 4.300.000 / 15.000.000 "
             "(28,67%), not skipped unchecked")
    c.issue(jatim, "D", "warning", "27.68", "28.67")
    for r in JATIM:
        c.value(r[0], "2022-11", "participants", participants(r) - 5000)
    for n in range(first, len(rows) + 1):
        c.clean(n)
    c.rows(len(rows))


def total_rows():
    rows = Rows()
    rows.add("Periode", "Kabupaten/Kota", "Penduduk Bekerja", "Peserta Aktif")
    block = JATIM[:3]
    for month, extra in (("November 2023", -1200), ("Desember 2023", 0)):
        for r in block:
            rows.add(month, name(r[0]), id_num(r[2]), id_num(participants(r) + extra))
        wf = sum(r[2] for r in block)
        part = sum(participants(r) + extra for r in block)
        if extra:
            good = rows.add("", "JUMLAH", id_num(wf), id_num(part))
        else:
            bad = rows.add("", "JUMLAH", id_num(wf), id_num(part + 1000))
            bad_sum = part
    write_csv("23-baris-jumlah.csv", rows)
    c = Case("23-baris-jumlah.csv", "total-rows",
             "a JUMLAH row per period: one right, one 1.000 off, named with both values")
    for r in block:
        c.value(r[0], "2023-11", "participants", participants(r) - 1200)
        c.value(r[0], "2023-12", "participants", participants(r))
    c.clean(good)
    c.issue(bad, "D", "warning", en_num(bad_sum + 1000), en_num(bad_sum))
    c.counts(len(rows), 6, 3, 0)


def duplicate_rows():
    rows = Rows()
    rows.add("Rekap Desember 2023")
    rows.add("No", "Kabupaten/Kota", "Penduduk Bekerja", "Peserta Aktif")
    for i, r in enumerate(JATIM[:4], 1):
        n = rows.add(i, r[1], id_num(r[2]), id_num(participants(r)))
        if i == 2:
            original = n
            dup = rows.add(i, r[1], id_num(r[2]), id_num(participants(r)))
    write_csv("24-baris-ganda.csv", rows)
    c = Case("24-baris-ganda.csv", "duplicate-rows",
             "an exact duplicate row is noted (row 5 repeats row 4)")
    for r in JATIM[:4]:
        c.value(r[0], "2023-12", "participants", participants(r))
    c.issue(dup, "*", "any", f"row {original}")
    c.rows(len(rows))


YEARS = {"35.05": (441230, 445870, 449717), "35.72": (78920, 79850, 80412),
         "35.10": (639870, 643110, 647000), "35.07": (1398450, 1405120, 1412530)}


def years_as_columns():
    rows = Rows()
    rows.add("Kabupaten/Kota", "Bekerja 2023", "Bekerja 2024", "Bekerja 2025")
    for code, (a, b, d) in YEARS.items():
        rows.add(name(code), id_num(a), id_num(b), id_num(d))
    write_csv("25-bekerja-per-tahun.csv", rows)
    c = Case("25-bekerja-per-tahun.csv", "years-as-columns",
             "Bekerja 2023 | Bekerja 2024 | Bekerja 2025: one measure over three years")
    for code, values in YEARS.items():
        for y, v in zip((2023, 2024, 2025), values):
            c.value(code, str(y), "workforce", v)
    c.counts(len(rows), 4, 1, 0)

    rows = Rows()
    rows.add("PENDUDUK 15 TAHUN KE ATAS YANG BEKERJA MENURUT KABUPATEN/KOTA")
    rows.add()
    rows.add("Kabupaten/Kota", "Penduduk Bekerja (Jiwa)", None, None)
    rows.add(None, 2021, 2022, 2023)
    for code, (a, b, d) in YEARS.items():
        rows.add(name(code), a - 6100, a - 2900, d)
    rows.add("Sumber: BPS, Sakernas Agustus")
    write_xlsx("26-tahun-di-bawah-grup.xlsx", [("Bekerja", rows, ["A3:A4", "B3:D3"])])
    c = Case("26-tahun-di-bawah-grup.xlsx", "years-as-columns",
             "2021 | 2022 | 2023 under a merged group header Penduduk Bekerja (Jiwa)")
    for code, (a, b, d) in YEARS.items():
        for y, v in zip((2021, 2022, 2023), (a - 6100, a - 2900, d)):
            c.value(code, str(y), "workforce", v)
    c.counts(len(rows), 4, 5, 0)


def sheet_per_month():
    sheets = []
    c = Case("27-sheet-per-bulan.xlsx", "sheet-per-period",
             "one sheet per month: Januari 2024, Februari 2024, Maret 2024")
    total = 0
    for m, month in enumerate(("Januari", "Februari", "Maret"), 1):
        rows = Rows()
        rows.add("No", "Kabupaten/Kota", "PU", "BPU", "Jakon", "PMI", "Jumlah Peserta")
        for i, r in enumerate(JATIM, 1):
            seg = [v + 150 * m * (k + 1) for k, v in enumerate(r[3:7])]
            rows.add(i, r[1], *seg, sum(seg))
            for meas, v in zip(("pu", "bpu", "jakon", "pmi"), seg):
                c.value(r[0], f"2024-{m:02d}", meas, v)
            c.value(r[0], f"2024-{m:02d}", "participants", sum(seg))
        sheets.append((f"{month} 2024", rows, []))
        total += len(rows)
    write_xlsx("27-sheet-per-bulan.xlsx", sheets)
    c.counts(total, 18, 3, 0)


KECAMATAN = {
    "35.05": ["Bakung", "Wonotirto", "Panggungrejo", "Wates", "Binangun", "Sutojayan",
              "Kademangan", "Kanigoro", "Talun", "Selopuro", "Kesamben", "Selorejo", "Doko",
              "Wlingi", "Gandusari", "Garum", "Nglegok", "Sanankulon", "Ponggok", "Srengat",
              "Wonodadi", "Udanawu"],
    "35.72": ["Sukorejo", "Kepanjenkidul", "Sananwetan"],
}


def kecamatan():
    rows = Rows()
    rows.add("PESERTA AKTIF PER KECAMATAN - DESEMBER 2023")
    rows.add("Kode Kab/Kota", "Kabupaten/Kota", "Kecamatan", "Peserta Aktif")
    totals = {"35.05": 114377, "35.72": 31250}
    for code, names in KECAMATAN.items():
        n = len(names)
        base = totals[code] // n
        values = [base + (37 * i) % 400 - 200 for i in range(n)]
        values[-1] += totals[code] - sum(values)
        for kec, v in zip(names, values):
            rows.add(code, name(code), kec, id_num(v))
    write_csv("28-kecamatan.csv", rows)
    c = Case("28-kecamatan.csv", "sub-regency",
             "kecamatan rows with their regency's code are summed into the regency")
    c.value("35.05", "2023-12", "participants", 114377)
    c.value("35.72", "2023-12", "participants", 31250)
    c.issue("*", "*", "any", "22")
    c.rows(len(rows))
    c.add("rejected", 0)


def extra_columns():
    rows = Rows()
    rows.add("MONEV PELAKSANAAN INPRES 2/2021")
    rows.add("Posisi Desember 2023")
    rows.add("No", "Kabupaten/Kota", "Penduduk Bekerja", "Peserta Aktif", "Pekerja Rentan (APBD)",
             "Keterangan")
    apbd = {"35.10": (5000, "5.000 nelayan didaftarkan dari APBD"),
            "35.05": (2400, "Perbup 25/2021"), "35.07": (3150, "")}
    for i, r in enumerate(JATIM[:4], 1):
        v, note = apbd.get(r[0], (None, ""))
        rows.add(i, r[1], id_num(r[2]), id_num(participants(r)),
                 id_num(v) if v else "-", note)
    write_csv("29-kolom-apbd.csv", rows)
    c = Case("29-kolom-apbd.csv", "column-accounting",
             "a figure column Cakupan does not use, Pekerja Rentan (APBD), is named in the report")
    for r in JATIM[:4]:
        c.value(r[0], "2023-12", "participants", participants(r))
    c.issue("*", "*", "any", "Pekerja Rentan (APBD)")
    c.counts(len(rows), 4, 3, 0)


def no_figure_header():
    rows = Rows()
    rows.add("No", "Kabupaten/Kota", "Luas Wilayah (km2)", "Jumlah Kecamatan", "Jumlah Desa")
    for i, (code, km2, kec, desa) in enumerate((("35.05", 1588.79, 22, 248),
                                                 ("35.72", 32.57, 3, 21),
                                                 ("35.10", 5782.5, 25, 217)), 1):
        rows.add(i, name(code), id_pct(km2), kec, desa)
    write_csv("30-tanpa-kolom-angka.csv", rows)
    c = Case("30-tanpa-kolom-angka.csv", "messages",
             "a Kabupaten/Kota column but no figure: the message names the region column found "
             "and the headers not recognised")
    c.error("NO_HEADER", "30-tanpa-kolom-angka.csv", "found", "Kabupaten/Kota", "Luas Wilayah")


def english_numbers():
    rows = Rows()
    rows.add("Regency/City", "Period", "Employed population", "Active participants",
             "Coverage (%)", "Target (%)")
    for r in JATIM:
        rows.add(name(r[0]), "2024-12", en_num(r[2] + 3210) + ".00",
                 en_num(participants(r) + 2450), f"{100 * (participants(r) + 2450) / (r[2] + 3210):.2f}",
                 "32.15")
    write_csv("31-angka-inggris.csv", rows, delimiter=",", newline="\r\n")
    c = Case("31-angka-inggris.csv", "english-numbers",
             "1,234,567.00 and 27.68 as other tools write them, comma separated")
    for r in JATIM:
        c.value(r[0], "2024-12", "workforce", r[2] + 3210)
        c.value(r[0], "2024-12", "participants", participants(r) + 2450)
        c.value(r[0], "2024-12", "target_pct", 32.15)
    for n in range(2, len(rows) + 1):
        c.clean(n)
    c.counts(len(rows), 6, 1, 0)


def semicolons():
    rows = Rows()
    rows.add("Kode Wilayah", "Nama Wilayah", "Periode", "Penduduk Bekerja", "Peserta Aktif",
             "Cakupan (%)")
    for r in JATIM:
        rows.add(r[0], name(r[0]), "Des 2023", id_num(r[2]), id_num(participants(r)),
                 id_pct(100 * participants(r) / r[2]))
    write_csv("32-titik-koma.csv", rows, newline="\r\n")
    c = Case("32-titik-koma.csv", "semicolon-csv",
             "semicolons, decimal commas, Kemendagri codes beside names")
    for r in JATIM:
        c.value(r[0], "2023-12", "workforce", r[2])
        c.value(r[0], "2023-12", "participants", participants(r))
    for n in range(2, len(rows) + 1):
        c.clean(n)
    c.counts(len(rows), 6, 1, 0)


JATENG = [("33.16", 352284, 14310, 3610, "Perbup sudah terbit – “Blora Sejahtera”"),
          ("33.19", 478930, 30120, 5110, "Rapat koordinasi (café Pemuda), Mei 2022"),
          ("33.74", 889410, 61520, 18840, "—")]


def windows_1252():
    rows = Rows()
    rows.add("DINAS TENAGA KERJA PROVINSI JAWA TENGAH — REKAP MEI 2022")
    rows.add("Kabupaten/Kota", "Penduduk Bekerja", "BPU", "Jakon", "Keterangan")
    for code, wf, b, j, note in JATENG:
        rows.add(name(code), id_num(wf), id_num(b), id_num(j), note)
    write_csv("33-windows-1252.csv", rows, encoding="cp1252", newline="\r\n")
    c = Case("33-windows-1252.csv", "encoding",
             "Windows-1252 with dashes, curly quotes and é in the notes; Blora 17,920 of 352,284")
    assert JATENG[0][2] + JATENG[0][3] == 17920
    for code, wf, b, j, note in JATENG:
        c.value(code, "2022-05", "workforce", wf)
        c.value(code, "2022-05", "bpu", b)
        c.value(code, "2022-05", "jakon", j)
    c.issue("*", "*", "warning", "Windows-1252")
    c.counts(len(rows), 3, 2, 0)


PAPUA = [("ID9401", "Papua", "Merauke", "93.01", 112540, 21330),
         ("ID9412", "Papua", "Mimika", "94.04", 141230, 58910),
         ("ID9402", "Papua", "Jayawijaya", "95.01", 132870, 8420),
         ("ID9107", "Papua Barat", "Kab. Sorong", "96.01", 61240, 17230)]


def papua():
    rows = Rows()
    rows.add("KEPESERTAAN DESEMBER 2021 (WILAYAH SEBELUM PEMEKARAN 2022)")
    rows.add("Kode", "Provinsi", "Kabupaten/Kota", "Penduduk Bekerja", "Peserta Aktif")
    for pcode, prov, text, code, wf, part in PAPUA:
        assert CATALOG[code]["name"] == "Kabupaten " + text.replace("Kab. ", ""), code
        rows.add(pcode, prov, text, id_num(wf), id_num(part))
    rows.add("Sumber: BPS (kode wilayah P-code) dan BPJS Ketenagakerjaan")
    write_csv("34-papua-lama.csv", rows)
    c = Case("34-papua-lama.csv", "papua-2022",
             "old province names and BPS P-codes of Papua and Papua Barat (before the 2022 "
             "split) beside names: filed under the new provinces, not rejected for the old one")
    for pcode, prov, text, code, wf, part in PAPUA:
        c.value(code, "2021-12", "workforce", wf)
        c.value(code, "2021-12", "participants", part)
    c.counts(len(rows), 4, 3, 0)


def regulation_in_title():
    rows = Rows()
    rows.add("MONEV INPRES 2/2021 - DESEMBER 2023")
    rows.add("Kabupaten/Kota", "Penduduk Bekerja", "Peserta Aktif")
    for r in JATIM[:3]:
        rows.add(r[1], id_num(r[2]), id_num(participants(r)))
    write_csv("36-judul-inpres.csv", rows)
    c = Case("36-judul-inpres.csv", "period-in-title",
             "a title naming Inpres 2/2021 beside the period Desember 2023: the regulation's "
             "number is not a period")
    for r in JATIM[:3]:
        c.value(r[0], "2023-12", "participants", participants(r))
    c.counts(len(rows), 3, 2, 0)


def province_subtotals():
    blocks = [("JAWA BARAT", [("32.73", 1231880, 736010), ("32.01", 2401560, 612330),
                              ("32.78", 318270, 81950)]),
              ("KALIMANTAN SELATAN", [("63.71", 339940, 151990), ("63.01", 182730, 38410)])]
    rows = Rows()
    rows.add("REKAP PER PROVINSI - DESEMBER 2023")
    rows.add("No", "Kabupaten/Kota", "Penduduk Bekerja", "Peserta Aktif")
    n = 0
    subtotals = []
    for province, regencies in blocks:
        rows.add("", province)
        for code, wf, part in regencies:
            n += 1
            rows.add(n, name(code), id_num(wf), id_num(part))
        subtotals.append(rows.add("", "Jumlah " + province.title(),
                                  id_num(sum(r[1] for r in regencies)),
                                  id_num(sum(r[2] for r in regencies))))
    wf = sum(r[1] for _, regs in blocks for r in regs)
    part = sum(r[2] for _, regs in blocks for r in regs)
    total = rows.add("", "TOTAL", id_num(wf), id_num(part + 10000))
    write_csv("37-subjumlah-provinsi.csv", rows)
    c = Case("37-subjumlah-provinsi.csv", "total-rows",
             "province heading rows, a Jumlah row under each block, and a grand TOTAL 10.000 off: "
             "checked against every regency above it, not only those since the last subtotal")
    for _, regencies in blocks:
        for code, wf_, part_ in regencies:
            c.value(code, "2023-12", "participants", part_)
    for r in subtotals:
        c.clean(r)
    c.issue(total, "D", "warning", en_num(part + 10000), en_num(part))
    c.counts(len(rows), n, len(rows) - n, 0)


def main():
    title_block()
    merged_header()
    units_in_headers()
    national_segments()
    years_in_headers()
    units_in_cells()
    bps_aceh()
    bps_sumut()
    bps_lampung()
    bps_float()
    code_name_conflict()
    province_column()
    province_headings()
    bengkulu()
    jakarta()
    fractions()
    float_codes()
    float_code_extract()
    zero_workforce()
    stated_province()
    total_rows()
    duplicate_rows()
    years_as_columns()
    sheet_per_month()
    kecamatan()
    extra_columns()
    no_figure_header()
    english_numbers()
    semicolons()
    windows_1252()
    papua()
    title_block("35-catatan-berkoma.csv",
                "Sumber: BPS (Sakernas Agustus 2023) dan BPJS Ketenagakerjaan, diolah")
    regulation_in_title()
    province_subtotals()
    with open(os.path.join(HERE, "expected.txt"), "w", encoding="utf-8") as f:
        f.write("# What importing each file of the gauntlet must give: written by make-gauntlet.py,\n"
                "# read by tests/test-gauntlet.c. The format is described at the top of the script.\n")
        for case in MANIFEST:
            f.write("\n".join(case.lines) + "\n")
    print(f"{len(MANIFEST)} files")


if __name__ == "__main__":
    main()
