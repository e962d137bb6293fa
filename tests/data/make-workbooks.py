#!/usr/bin/python3
"""Writes the workbooks tests/test-workbooks.c reads: a BPJS branch office's quarterly table in the
shapes officials receive (title lines, a header over two rows with "PESERTA AKTIF" merged over its
segments, column numbers, a JUMLAH row of formulas, a source note, one sheet per quarter, a notes
sheet, a hidden sheet, numbers stored as text in Indonesian form, a monthly sheet with date cells).

  cabang-xlsxwriter.xlsx   written by XlsxWriter (the layout Excel writes)
  cabang-libreoffice.xlsx  the same, saved again by LibreOffice Calc
  cabang-libreoffice.ods   the same, saved by LibreOffice Calc as OpenDocument
  cabang-libreoffice.xls   the same, saved by LibreOffice Calc as Excel 97-2003 (BIFF8)

Run from this folder: /usr/bin/python3 make-workbooks.py (needs python3-xlsxwriter and, for the
LibreOffice files, soffice from libreoffice-calc-nogui). The figures are illustrative."""
import datetime
import os
import shutil
import subprocess
import tempfile

import xlsxwriter

# code, name, workforce 2023, then PU, BPU, JAKON, PMI for Q3 and Q4
REGENCIES = [
    ("35.05", "Kab. Blitar", 449717, (58000, 39000, 9500, 4100), (60000, 40000, 10000, 4377)),
    ("35.72", "Kota Blitar", 80000, (19500, 4800, 900, 950), (20000, 5000, 1000, 1000)),
    ("35.07", "Kab. Malang", 1400000, (295000, 98000, 19000, 9800), (300000, 100000, 20000, 10000)),
    ("35.10", "Kab. Banyuwangi", 950000, (110000, 52000, 8000, 11000), (112000, 54000, 8200, 11300)),
    ("35.78", "Kota Surabaya", 1500000, (700000, 150000, 30000, 5000), (710000, 152000, 31000, 5100)),
]


def quarter_sheet(book, name, title, quarter, text_numbers):
    f = {
        "title": book.add_format({"bold": True, "font_size": 13}),
        "head": book.add_format({"bold": True, "align": "center", "valign": "vcenter",
                                 "border": 1, "text_wrap": True, "bg_color": "#DDEBF7"}),
        "num": book.add_format({"num_format": "#,##0", "border": 1}),
        "pct": book.add_format({"num_format": "0.00%", "border": 1}),
        "cell": book.add_format({"border": 1}),
        "total": book.add_format({"bold": True, "num_format": "#,##0", "border": 1}),
        "colno": book.add_format({"italic": True, "align": "center", "border": 1}),
    }
    ws = book.add_worksheet(name)
    ws.write(0, 0, "REKAPITULASI KEPESERTAAN BPJS KETENAGAKERJAAN", f["title"])
    ws.write(1, 0, title, f["title"])
    ws.merge_range(3, 0, 4, 0, "NO", f["head"])
    ws.merge_range(3, 1, 4, 1, "KODE WILAYAH", f["head"])
    ws.merge_range(3, 2, 4, 2, "KABUPATEN/KOTA", f["head"])
    ws.merge_range(3, 3, 4, 3, "PENDUDUK BEKERJA", f["head"])
    ws.merge_range(3, 4, 3, 8, "PESERTA AKTIF", f["head"])
    for i, label in enumerate(["PU", "BPU", "JAKON", "PMI", "JUMLAH"]):
        ws.write(4, 4 + i, label, f["head"])
    ws.merge_range(3, 9, 4, 9, "CAKUPAN (%)", f["head"])
    for c in range(10):
        ws.write(5, c, f"({c + 1})", f["colno"])
    row = 6
    for i, (code, name_, workforce, q3, q4) in enumerate(REGENCIES):
        seg = q3 if quarter == 3 else q4
        total = sum(seg)
        ws.write_number(row, 0, i + 1, f["cell"])
        ws.write_string(row, 1, code, f["cell"])
        ws.write_string(row, 2, name_, f["cell"])
        if text_numbers and i == 1:
            # Numbers stored as text, Indonesian style, as copied from a report.
            ws.write_string(row, 3, f"{workforce:,}".replace(",", "."), f["cell"])
        else:
            ws.write_number(row, 3, workforce, f["num"])
        for s in range(4):
            ws.write_number(row, 4 + s, seg[s], f["num"])
        r1 = row + 1
        ws.write_formula(row, 8, f"=SUM(E{r1}:H{r1})", f["num"], total)
        ws.write_formula(row, 9, f"=I{r1}/D{r1}", f["pct"], total / workforce)
        row += 1
    first, last = 7, row
    ws.write(row, 0, "JUMLAH", f["total"])
    ws.write(row, 1, "", f["total"])
    ws.write(row, 2, "", f["total"])
    for c, letter in zip(range(3, 9), "DEFGHI"):
        value = sum((r[2] if c == 3 else (r[3] if quarter == 3 else r[4])[c - 4] if c < 8
                     else sum(r[3] if quarter == 3 else r[4])) for r in REGENCIES)
        ws.write_formula(row, c, f"=SUM({letter}{first}:{letter}{last})", f["total"], value)
    row += 2
    ws.write(row, 0, "Sumber: BPJS Ketenagakerjaan Kantor Cabang (angka ilustratif)")
    ws.set_column(0, 0, 5)
    ws.set_column(1, 1, 10)
    ws.set_column(2, 2, 20)
    ws.set_column(3, 9, 13)
    return ws


def write_book(path):
    book = xlsxwriter.Workbook(path)
    quarter_sheet(book, "TW III 2023", "POSISI SEPTEMBER 2023", 3, False)
    quarter_sheet(book, "TW IV 2023", "POSISI DESEMBER 2023", 4, True)

    # A monthly sheet with the period as date cells.
    ws = book.add_worksheet("Bulanan")
    date = book.add_format({"num_format": "mmm-yy"})
    ws.write_row(0, 0, ["Kode Wilayah", "Bulan", "Peserta Aktif"])
    row = 1
    for code, _, _, q3, q4 in REGENCIES[:2]:
        for month, seg in ((10, q3), (11, q4), (12, q4)):
            ws.write_string(row, 0, code)
            ws.write_datetime(row, 1, datetime.datetime(2023, month, 1), date)
            ws.write_number(row, 2, sum(seg) + month)
            row += 1

    notes = book.add_worksheet("Catatan")
    notes.write(0, 0, "Catatan: angka sementara, belum diaudit.")
    notes.write(1, 0, "Disusun oleh Bidang Kepesertaan.")

    hidden = book.add_worksheet("Referensi")
    hidden.write_row(0, 0, ["Kode", "Nama"])
    hidden.write_row(1, 0, ["35.05", "Kab. Blitar"])
    hidden.hide()
    book.set_properties({"title": "Rekapitulasi kepesertaan (ilustratif)"})
    book.close()


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out = os.path.join(here, "workbooks")
    os.makedirs(out, exist_ok=True)
    source = os.path.join(out, "cabang-xlsxwriter.xlsx")
    write_book(source)
    soffice = shutil.which("soffice")
    if soffice is None:
        print("soffice not found: only the XlsxWriter file was written")
        return
    with tempfile.TemporaryDirectory() as tmp:
        for target, fmt in (("xlsx", "xlsx:Calc MS Excel 2007 XML"), ("ods", "ods"),
                            ("xls", "xls:MS Excel 97")):
            subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp}/profile",
                            "--convert-to", fmt, "--outdir", tmp, source], check=True,
                           stdout=subprocess.DEVNULL)
            shutil.move(os.path.join(tmp, f"cabang-xlsxwriter.{target}"),
                        os.path.join(out, f"cabang-libreoffice.{target}"))


if __name__ == "__main__":
    main()
