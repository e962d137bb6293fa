#!/usr/bin/env python3
# report-xlsxwriter.py: the national monev workbook written with Python's XlsxWriter, for
# bench-report's comparison. It writes the same sheets as app/report/cak-report.c: the same
# cells, formulas with their results, formats, conditional formats, native charts, print setup
# and data sheet. Usage: report-xlsxwriter.py FIGURES.json OUT.xlsx RUNS [--no-data]; prints the
# median time in ms of writing the workbook (reading the JSON is not timed).
#
# Copyright 2026 The Cakupan authors
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import math
import statistics
import sys
import time

import xlsxwriter
from xlsxwriter.utility import xl_col_to_name, xl_rowcol_to_cell

FIRST = 4


def num(v):
    return v is not None and not (isinstance(v, float) and math.isnan(v))


def write(path, fig, with_data):
    rows, periods, data = fig["rows"], fig["periods"], fig["data"]
    n = len(rows)
    last = FIRST + n - 1
    total = FIRST + n
    wb = xlsxwriter.Workbook(path)
    wb.set_properties({"title": "Monitoring dan Evaluasi Cakupan Kepesertaan BPJS Ketenagakerjaan",
                       "subject": "Indonesia, Desember 2024", "author": "Cakupan",
                       "keywords": "BPJS Ketenagakerjaan, cakupan, monev"})
    f = lambda **k: wb.add_format({"font_name": "Calibri", "font_size": 11, "valign": "vcenter", **k})
    title = f(bold=True, font_size=15)
    header = f(bold=True, font_size=10, bg_color="#DCE9F5", text_wrap=True, align="center",
               top=1, bottom=1)
    people, pct, pp = f(num_format="#,##0"), f(num_format="0.00%"), f(num_format="+0.00;-0.00;0.00")
    code, rank = f(num_format="@", align="center"), f(num_format="0", align="center")
    t_text, t_people = f(bold=True, bg_color="#F2F2F2"), f(bold=True, bg_color="#F2F2F2",
                                                            num_format="#,##0")
    t_pct = f(bold=True, bg_color="#F2F2F2", num_format="0.00%")
    below = wb.add_format({"font_color": "#A0400A", "bg_color": "#FBE3D6"})
    reg = "'Cakupan per Kab-Kota'"

    def print_setup(ws, hdr, last_row, last_col):
        ws.set_landscape()
        ws.set_paper(9)
        ws.set_margins(0.5, 0.5, 0.75, 0.75)
        ws.fit_to_pages(1, 0)
        ws.center_horizontally()
        if hdr is not None:
            ws.repeat_rows(hdr)
        ws.print_area(0, 0, last_row, last_col)
        ws.set_header("&L&9Cakupan per kabupaten/kota&R&9Indonesia, Desember 2024")
        ws.set_footer("&L&9Cakupan&R&9Halaman &P dari &N")

    def fw(ws, r, c, formula, value, fmt):
        if num(value):
            ws.write_formula(r, c, formula, fmt, value)
        else:
            ws.write_formula(r, c, formula, fmt, "")

    def wn(ws, r, c, value, fmt):
        if num(value):
            ws.write_number(r, c, value, fmt)
        else:
            ws.write_blank(r, c, None, fmt)

    # Summary
    summ = wb.add_worksheet("Ringkasan")
    summ.set_column(0, 0, 40)
    summ.set_column(1, 1, 18)
    summ.write(0, 0, "Monitoring dan Evaluasi Cakupan Kepesertaan BPJS Ketenagakerjaan", title)
    for k, col in enumerate((3, 8, 9, 11, 10, 12)):
        cell = xl_rowcol_to_cell(total, col)
        summ.write_formula(7 + k, 1, f"=IF(ISNUMBER({reg}!{cell}),{reg}!{cell},\"\")", people, 0)
    ranked = sorted([i for i in range(n) if num(rows[i][8])], key=lambda i: -rows[i][8])
    table = 40
    for k, i in enumerate(ranked):
        src = FIRST + i
        summ.write_formula(table + k, 0, f"={reg}!B{src + 1}", None, rows[i][1])
        for c, col, fmt in ((1, 13, rank), (2, 9, pct), (3, 11, pct), (4, 10, people)):
            cell = xl_rowcol_to_cell(src, col)
            summ.write_formula(table + k, c, f"=IF(ISNUMBER({reg}!{cell}),{reg}!{cell},\"\")", fmt,
                               0)
    chart = wb.add_chart({"type": "bar"})
    first = max(0, len(ranked) - 30)
    chart.add_series({"categories": ["Ringkasan", table + first, 0, table + len(ranked) - 1, 0],
                      "values": ["Ringkasan", table + first, 2, table + len(ranked) - 1, 2],
                      "points": [{"fill": {"color": "#D55E00"}}] * (len(ranked) - first),
                      "data_labels": {"value": True, "num_format": "0.0%"}})
    chart.set_y_axis({"reverse": True})
    chart.set_x_axis({"num_format": "0%", "min": 0})
    chart.set_legend({"none": True})
    summ.insert_chart(20, 0, chart, {"x_scale": 860 / 480, "y_scale": 580 / 288})
    print_setup(summ, None, table + len(ranked), 6)

    # Regencies, with formulas and their results
    ws = wb.add_worksheet("Cakupan per Kab-Kota")
    ws.write(0, 0, "Cakupan kepesertaan per kabupaten/kota: Indonesia, Desember 2024", title)
    for c, h in enumerate(("Kode", "Kabupaten/kota", "Jenis", "Penduduk bekerja 2024", "PU", "BPU",
                           "Jakon", "PMI", "Peserta aktif", "Cakupan", "Belum terlindungi",
                           "Target", "Kekurangan peserta", "Peringkat", "Cakupan Desember 2023",
                           "Perubahan (poin)")):
        ws.write(3, c, h, header)
    for i, r in enumerate(rows):
        y = FIRST + i
        cd, nm, wf, pu, bpu, jk, pmi, part, cov, unc, tgt, gap, chg, hist = r
        d, p, j, l, o = (xl_rowcol_to_cell(y, c) for c in (3, 8, 9, 11, 14))
        ws.write_string(y, 0, cd, code)
        ws.write_string(y, 1, nm)
        ws.write_string(y, 2, "Kota" if nm.startswith("Kota") else "Kabupaten")
        for c, v in zip(range(3, 8), (wf, pu, bpu, jk, pmi)):
            wn(ws, y, c, v, people)
        wn(ws, y, 8, part, people)
        fw(ws, y, 9, f'=IF(AND(ISNUMBER({d}),ISNUMBER({p}),N({d})>0),{p}/{d},"")',
           cov / 100 if num(cov) else None, pct)
        fw(ws, y, 10, f'=IF(ISNUMBER({j}),MAX(0,{d}-{p}),"")', unc, people)
        wn(ws, y, 11, tgt / 100 if num(tgt) else None, pct)
        fw(ws, y, 12, f'=IF(AND(ISNUMBER({j}),ISNUMBER({l})),MAX(0,ROUNDUP(ROUND({l}*{d},6)-{p}'
                      f'-1E-9,0)),"")', gap, people)
        fw(ws, y, 13, f'=IF(ISNUMBER({j}),RANK({j},$J${FIRST + 1}:$J${last + 1}),"")', 1, rank)
        cmp = (cov - chg) / 100 if num(cov) and num(chg) else None
        wn(ws, y, 14, cmp, pct)
        fw(ws, y, 15, f'=IF(AND(ISNUMBER({j}),ISNUMBER({o})),({j}-{o})*100,"")', chg, pp)
    ws.write(total, 1, "Jumlah Indonesia", t_text)
    for c in range(3, 9):
        rng = f"${xl_col_to_name(c)}${FIRST + 1}:${xl_col_to_name(c)}${last + 1}"
        ws.write_formula(total, c, f'=IF(COUNT({rng})>0,SUM({rng}),"")', t_people, 0)
    ds, is_ = f"$D${FIRST + 1}:$D${last + 1}", f"$I${FIRST + 1}:$I${last + 1}"
    both_wf, both_p = f"SUMPRODUCT({ds},--ISNUMBER({is_}))", f"SUMPRODUCT({is_},--ISNUMBER({ds}))"
    ws.write_formula(total, 9, f'=IF({both_wf}>0,{both_p}/{both_wf},"")', t_pct, 0)
    ws.write_formula(total, 10, f'=IF(ISNUMBER(J{total + 1}),MAX(0,{both_wf}-{both_p}),"")',
                     t_people, 0)
    ws.conditional_format(FIRST, 9, last, 9, {"type": "3_color_scale", "min_color": "#F4B183",
                                             "mid_color": "#FFF2CC", "max_color": "#9DC3E6"})
    ws.conditional_format(FIRST, 10, last, 10, {"type": "data_bar", "bar_color": "#56B4E9"})
    rule = f"=AND(ISNUMBER($J{FIRST + 1}),ISNUMBER($L{FIRST + 1}),$J{FIRST + 1}<$L{FIRST + 1})"
    for col in (1, 12):
        ws.conditional_format(FIRST, col, last, col, {"type": "formula", "criteria": rule,
                                                      "format": below})
    ws.set_column(0, 0, 8)
    ws.set_column(1, 1, 30)
    ws.set_column(2, 15, 12.5)
    ws.autofilter(3, 0, last, 15)
    ws.freeze_panes(FIRST, 2)
    print_setup(ws, 3, total + 2, 15)

    # Trend: the end of each earlier year, then the last thirteen periods
    tr = wb.add_worksheet("Tren")
    cols = [k for k in range(len(periods)) if k + 13 >= len(periods) or k % 12 == 11]
    hdr = 24
    tr.write(hdr, 0, "Kode", header)
    tr.write(hdr, 1, "Wilayah", header)
    for c, k in enumerate(cols):
        tr.write(hdr, 2 + c, periods[k], header)
    for i, r in enumerate(rows):
        y = hdr + 3 + i
        tr.write_string(y, 0, r[0], code)
        tr.write_string(y, 1, r[1])
        for c, k in enumerate(cols):
            v = r[13][k]
            wn(tr, y, 2 + c, v / 100 if num(v) else None, pct)
    chart = wb.add_chart({"type": "line"})
    for i in range(6):
        chart.add_series({"categories": ["Tren", hdr, 2, hdr, 1 + len(cols)],
                          "values": ["Tren", hdr + 3 + i, 2, hdr + 3 + i, 1 + len(cols)],
                          "name": ["Tren", hdr + 3 + i, 1], "line": {"width": 1.5}})
    tr.insert_chart(2, 0, chart, {"x_scale": 2, "y_scale": 1.5})
    tr.freeze_panes(hdr + 1, 2)
    print_setup(tr, hdr, hdr + 2 + n, 1 + len(cols))

    # Segments, largest first, with shares as formulas
    sg = wb.add_worksheet("Segmen")
    order = sorted(range(n), key=lambda i: -(rows[i][7] if num(rows[i][7]) else -1))
    hdr = 36
    for c, h in enumerate(("Kode", "Kabupaten/kota", "PU", "BPU", "Jakon", "PMI", "Jumlah segmen",
                           "Porsi PU", "Porsi BPU", "Porsi Jakon", "Porsi PMI")):
        sg.write(hdr, c, h, header)
    for k, i in enumerate(order):
        y, src = hdr + 1 + k, FIRST + i
        sg.write_formula(y, 0, f"={reg}!A{src + 1}", code, rows[i][0])
        sg.write_formula(y, 1, f"={reg}!B{src + 1}", None, rows[i][1])
        g = xl_rowcol_to_cell(y, 6)
        for s in range(4):
            cell = xl_rowcol_to_cell(src, 4 + s)
            fw(sg, y, 2 + s, f'=IF(ISNUMBER({reg}!{cell}),{reg}!{cell},"")', rows[i][3 + s], people)
            me = xl_rowcol_to_cell(y, 2 + s)
            fw(sg, y, 7 + s, f'=IF(AND(ISNUMBER({g}),N({g})>0,ISNUMBER({me})),{me}/{g},"")', 0.25,
               pct)
        fw(sg, y, 6, f'=IF(COUNT(C{y + 1}:F{y + 1})>0,SUM(C{y + 1}:F{y + 1}),"")', rows[i][7],
           people)
    chart = wb.add_chart({"type": "bar", "subtype": "stacked"})
    for s in range(4):
        chart.add_series({"categories": ["Segmen", hdr + 1, 1, hdr + 30, 1],
                          "values": ["Segmen", hdr + 1, 2 + s, hdr + 30, 2 + s],
                          "name": ["Segmen", hdr, 2 + s]})
    chart.set_y_axis({"reverse": True})
    sg.insert_chart(3, 0, chart, {"x_scale": 2, "y_scale": 2.1})
    print_setup(sg, hdr, hdr + n + 1, 10)

    # Gap to target, most first
    gp = wb.add_worksheet("Kekurangan terhadap Target")
    order = sorted([i for i in range(n) if num(rows[i][11])], key=lambda i: -rows[i][11])
    hdr = 33
    for c, h in enumerate(("No.", "Kode", "Kabupaten/kota", "Cakupan", "Target", "Poin",
                           "Kekurangan peserta", "Porsi")):
        gp.write(hdr, c, h, header)
    for k, i in enumerate(order):
        y, src = hdr + 1 + k, FIRST + i
        gp.write_number(y, 0, k + 1, rank)
        gp.write_formula(y, 1, f"={reg}!A{src + 1}", code, rows[i][0])
        gp.write_formula(y, 2, f"={reg}!B{src + 1}", None, rows[i][1])
        for c, col, fmt, v in ((3, 9, pct, rows[i][8]), (4, 11, pct, rows[i][10]),
                               (6, 12, people, rows[i][11])):
            cell = xl_rowcol_to_cell(src, col)
            fw(gp, y, c, f'=IF(ISNUMBER({reg}!{cell}),{reg}!{cell},"")', v, fmt)
        gp.write_formula(y, 5, f'=IF(AND(ISNUMBER(D{y + 1}),ISNUMBER(E{y + 1})),'
                               f'MAX(0,(E{y + 1}-D{y + 1})*100),"")', pp, 0)
        gp.write_formula(y, 7, f'=IF(AND(ISNUMBER(G{y + 1}),SUM($G${hdr + 2}:$G${hdr + 1 + len(order)})'
                               f'>0),G{y + 1}/SUM($G${hdr + 2}:$G${hdr + 1 + len(order)}),"")', pct, 0)
    chart = wb.add_chart({"type": "bar"})
    chart.add_series({"categories": ["Kekurangan terhadap Target", hdr + 1, 2, hdr + 30, 2],
                      "values": ["Kekurangan terhadap Target", hdr + 1, 6, hdr + 30, 6],
                      "data_labels": {"value": True, "num_format": "#,##0"}})
    chart.set_y_axis({"reverse": True})
    gp.insert_chart(3, 0, chart, {"x_scale": 1.9, "y_scale": 1.9})
    print_setup(gp, hdr, hdr + len(order) + 2, 7)

    nt = wb.add_worksheet("Catatan Impor")
    nt.write(3, 0, "Berkas", header)
    nt.write(4, 0, "nasional-2022-2024.csv")
    print_setup(nt, 3, 6, 5)

    # Data: every figure, one row per region and period
    if not with_data:
        wb.close()
        return
    dt = wb.add_worksheet("Data")
    for c, h in enumerate(("Kode wilayah", "Wilayah", "Periode", "Penduduk bekerja",
                           "Peserta aktif", "PU", "BPU", "Jakon", "PMI", "Target Cakupan (%)")):
        dt.write(3, c, h, header)
    y = 4
    for r in data:
        dt.write_string(y, 0, r[0], code)
        dt.write_string(y, 1, r[1])
        dt.write_string(y, 2, r[2], code)
        for m in range(7):
            if r[3 + m] is not None:
                dt.write_number(y, 3 + m, r[3 + m], None if m == 6 else people)
        y += 1
    dt.freeze_panes(4, 3)
    dt.autofilter(3, 0, y - 1, 9)
    print_setup(dt, 3, y - 1, 9)
    for name in ("Ringkasan", "Cakupan per Kab-Kota", "Tren", "Segmen",
                 "Kekurangan terhadap Target", "Catatan Impor"):
        wb.define_name(f"'{name}'!Cakupan_Computed", "=Data!$A$1")
    wb.close()


def main():
    figures = json.load(open(sys.argv[1]))
    times = []
    for _ in range(int(sys.argv[3])):
        start = time.perf_counter()
        write(sys.argv[2], figures, len(sys.argv) < 5 or sys.argv[4] != "--no-data")
        times.append((time.perf_counter() - start) * 1000)
    print(f"{statistics.median(times):.1f}")


if __name__ == "__main__":
    main()
