#!/usr/bin/env python3
# make-samples.py: build the sample data and the import template in data/samples/
#
# Copyright 2026 The Cakupan authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Generates the bundled sample data and the canonical import template of Cakupan:
#
#   data/samples/templat-cakupan.csv / .xlsx              the import template (two example rows)
#   data/samples/jatim-ilustratif-2022-2024.csv / .xlsx   illustrative data, 38 regencies of Jawa Timur
#
# Run from the repository root:
#
#   python3 data/samples/make-samples.py
#
# Needs only the standard library for the CSV files and XlsxWriter for the workbooks
# (Debian: apt install python3-xlsxwriter). The random generator is seeded and the workbooks carry a
# fixed creation date, so running the script again gives byte-identical files.
#
# The sample's numbers are ILLUSTRATIVE. They are shaped to be plausible and to agree with a few
# figures from public reporting (the "anchors", as listed in the project's domain notes):
#
#   A1  Jawa Timur, November 2022: of 15 million working residents, 4.3 million protected (reported
#       as 27.68%, although 4.3 / 15 gives 28.67%). -> the 2022 workforce of the 38 regencies sums to
#       about 15.0 million and the active participants of November 2022 to about 4.3 million.
#   A2  Kabupaten Banyuwangi, August 2022: 123 thousand workers protected (about 19%), about
#       524 thousand not yet protected. -> workforce 2022 = 647.093, participants August 2022 =
#       123.105 (19,02%), not protected 523.988.
#   A3  Kabupaten Blitar, end of December 2023: 114,377 active participants, about 335,340 residents
#       not yet protected. -> workforce 2023 = 449.717 exactly and participants December 2023 =
#       114.377 exactly (449.717 - 114.377 = 335.340).
#
# Everything else is invented, within these rules:
#   - workforce roughly proportional to each regency's population (2020 census, rounded, used only
#     as weights), with a little noise in the share of residents who work; it grows 1-2% a year;
#   - coverage differs a lot: Kota Surabaya about 55-65%, the industrial regencies around Surabaya
#     (Sidoarjo, Gresik, Pasuruan, Mojokerto) and the other cities high, the four Madura regencies
#     (Bangkalan, Sampang, Pamekasan, Sumenep) about 8-13%, most regencies between 15% and 40%;
#     it rises slowly over the 36 months with small month-to-month noise, construction (Jakon)
#     participants follow the project season (low in January), so a few months dip; Sampang and
#     Kota Pasuruan stay flat and Bojonegoro falls (oil and gas projects ending);
#   - segments: PU (wage earners) dominates in cities and industrial regencies, BPU (informal
#     workers) is larger in rural ones, Jakon about 5-15%, PMI (migrant workers) small but notable
#     in the migrant-worker regencies (Ponorogo, Tulungagung, Blitar, Malang, Banyuwangi,
#     Trenggalek); Peserta Aktif = PU + BPU + Jakon + PMI on every month row;
#   - Target Cakupan (%): the province's target, the same for every regency: 2022: 30, 2023: 35,
#     2024: 40.
#
# Region codes and names: Kemendagri list, via idn-area-data (data under the ODbL).

import csv
import datetime
import os
import random
import sys

SEED = 20240614
OUT_DIR = os.path.join("data", "samples")

HEADER = [
    "Kode Wilayah",
    "Kabupaten/Kota",
    "Periode",
    "Penduduk Bekerja",
    "Peserta Aktif",
    "PU",
    "BPU",
    "Jakon",
    "PMI",
    "Target Cakupan (%)",
]

MONTHS = [
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
]

YEARS = [2022, 2023, 2024]
TARGETS = {2022: 30, 2023: 35, 2024: 40}

SAMPLE_TITLE = [
    "DATA ILUSTRATIF CAKUPAN KEPESERTAAN BPJS KETENAGAKERJAAN - JAWA TIMUR 2022-2024",
    "Angka ilustratif untuk mencoba aplikasi, bukan data resmi BPJS Ketenagakerjaan atau BPS.",
]

# Anchors (see the top of the file).
PROVINCE_WORKFORCE_2022 = 15_000_000
PROVINCE_PARTICIPANTS_NOV_2022 = 4_300_000
BANYUWANGI = "35.10"
BANYUWANGI_WORKFORCE_2022 = 647_093
BANYUWANGI_PARTICIPANTS_AUG_2022 = 123_105
BLITAR = "35.05"
BLITAR_WORKFORCE_2023 = 449_717
BLITAR_PARTICIPANTS_DEC_2023 = 114_377

# Segment mixes (shares of participants: PU, BPU, Jakon, PMI) by kind of region.
MIXES = {
    "metro": (0.838, 0.080, 0.078, 0.004),     # Kota Surabaya
    "kota": (0.805, 0.100, 0.090, 0.005),      # the other cities
    "industri": (0.770, 0.104, 0.120, 0.006),  # Sidoarjo, Gresik, Pasuruan, Mojokerto
    "campuran": (0.610, 0.260, 0.122, 0.008),  # mixed economies (Kediri, Jombang, Tuban, ...)
    "desa": (0.452, 0.410, 0.130, 0.008),      # rural regencies
    "migran": (0.455, 0.375, 0.120, 0.050),    # migrant-worker regencies
    "madura": (0.360, 0.500, 0.125, 0.015),    # Madura
}

# code, name (Kemendagri), population 2020 in thousands (rounded, a weight only),
# kind (segment mix), coverage % in January 2022 and in December 2024 (before calibration).
REGIONS = [
    ("35.01", "Kabupaten Pacitan", 587, "desa", 15.0, 18.5),
    ("35.02", "Kabupaten Ponorogo", 949, "migran", 21.5, 26.0),
    ("35.03", "Kabupaten Trenggalek", 731, "migran", 18.5, 22.5),
    ("35.04", "Kabupaten Tulungagung", 1090, "migran", 26.0, 31.0),
    ("35.05", "Kabupaten Blitar", 1224, "migran", 22.5, 27.5),
    ("35.06", "Kabupaten Kediri", 1635, "campuran", 26.0, 31.0),
    ("35.07", "Kabupaten Malang", 2654, "migran", 24.5, 30.0),
    ("35.08", "Kabupaten Lumajang", 1119, "desa", 17.0, 20.5),
    ("35.09", "Kabupaten Jember", 2536, "desa", 17.0, 21.5),
    ("35.10", "Kabupaten Banyuwangi", 1708, "migran", 18.5, 23.0),
    ("35.11", "Kabupaten Bondowoso", 776, "desa", 14.0, 17.0),
    ("35.12", "Kabupaten Situbondo", 685, "desa", 16.0, 19.5),
    ("35.13", "Kabupaten Probolinggo", 1152, "desa", 16.0, 19.0),
    ("35.14", "Kabupaten Pasuruan", 1605, "industri", 38.5, 44.0),
    ("35.15", "Kabupaten Sidoarjo", 2082, "industri", 50.5, 57.0),
    ("35.16", "Kabupaten Mojokerto", 1119, "industri", 37.5, 43.0),
    ("35.17", "Kabupaten Jombang", 1318, "campuran", 27.0, 31.0),
    ("35.18", "Kabupaten Nganjuk", 1103, "desa", 20.5, 23.5),
    ("35.19", "Kabupaten Madiun", 744, "desa", 21.5, 25.5),
    ("35.20", "Kabupaten Magetan", 670, "desa", 23.5, 27.0),
    ("35.21", "Kabupaten Ngawi", 870, "desa", 17.0, 20.5),
    ("35.22", "Kabupaten Bojonegoro", 1301, "campuran", 26.0, 22.5),  # falling
    ("35.23", "Kabupaten Tuban", 1198, "campuran", 29.0, 33.5),
    ("35.24", "Kabupaten Lamongan", 1344, "campuran", 22.5, 27.0),
    ("35.25", "Kabupaten Gresik", 1311, "industri", 47.5, 54.0),
    ("35.26", "Kabupaten Bangkalan", 1060, "madura", 10.0, 12.0),
    ("35.27", "Kabupaten Sampang", 969, "madura", 8.3, 8.4),  # flat
    ("35.28", "Kabupaten Pamekasan", 850, "madura", 9.5, 11.5),
    ("35.29", "Kabupaten Sumenep", 1124, "madura", 9.0, 10.5),
    ("35.71", "Kota Kediri", 286, "kota", 43.0, 47.5),
    ("35.72", "Kota Blitar", 149, "kota", 38.5, 43.0),
    ("35.73", "Kota Malang", 843, "kota", 46.5, 51.5),
    ("35.74", "Kota Probolinggo", 239, "kota", 35.5, 38.5),
    ("35.75", "Kota Pasuruan", 208, "kota", 33.5, 33.7),  # flat
    ("35.76", "Kota Mojokerto", 132, "kota", 44.0, 48.5),
    ("35.77", "Kota Madiun", 195, "kota", 42.0, 46.5),
    ("35.78", "Kota Surabaya", 2874, "metro", 57.0, 62.5),
    ("35.79", "Kota Batu", 213, "kota", 32.5, 36.5),
]

N_MONTHS = 12 * len(YEARS)

# Construction participants follow the project season: contracts end with the budget year, new
# projects start slowly in the first quarter.
JAKON_SEASON = [0.88, 0.91, 0.95, 0.98, 1.00, 1.02, 1.03, 1.04, 1.05, 1.05, 1.04, 1.03]

MIGRANT_REGIONS = {"35.02", "35.03", "35.04", "35.05", "35.07", "35.10"}
MADURA = {"35.26", "35.27", "35.28", "35.29"}
SURABAYA = "35.78"


def month_index(year, month):
    """0 for January 2022 .. 35 for December 2024."""
    return (year - YEARS[0]) * 12 + (month - 1)


def make_workforce(rng):
    """Workforce (penduduk bekerja, August) per region and year."""
    growth = {}
    raw = {}
    for code, _name, pop, _kind, _c0, _c1 in REGIONS:
        # share of residents who work varies a little between regencies
        raw[code] = pop * rng.uniform(0.95, 1.05)
        growth[code] = (rng.uniform(0.010, 0.020), rng.uniform(0.010, 0.020))

    w2022 = {}
    w2022[BANYUWANGI] = BANYUWANGI_WORKFORCE_2022
    w2022[BLITAR] = round(BLITAR_WORKFORCE_2023 / (1 + growth[BLITAR][0]))
    rest = PROVINCE_WORKFORCE_2022 - w2022[BANYUWANGI] - w2022[BLITAR]
    others = [r[0] for r in REGIONS if r[0] not in (BANYUWANGI, BLITAR)]
    total_raw = sum(raw[c] for c in others)
    for c in others:
        w2022[c] = round(raw[c] / total_raw * rest)

    workforce = {}
    for code, *_ in REGIONS:
        g1, g2 = growth[code]
        w23 = BLITAR_WORKFORCE_2023 if code == BLITAR else round(w2022[code] * (1 + g1))
        w24 = round(w23 * (1 + g2))
        workforce[code] = {2022: w2022[code], 2023: w23, 2024: w24}
    return workforce


def monthly_workforce(wf, t):
    """Workforce interpolated between the August figures, so that counts move smoothly."""
    # August of year y is month index 7 + 12k; extrapolate linearly before 2022 and after 2024.
    pos = (t - 7) / 12.0
    k = min(max(int(pos // 1), 0), len(YEARS) - 2)
    frac = pos - k
    a, b = wf[YEARS[k]], wf[YEARS[k + 1]]
    return a + (b - a) * frac


def make_segments(rng, workforce):
    """Unrounded segment counts per region and month: {code: [(pu, bpu, jakon, pmi), ...]}."""
    series = {}
    for code, _name, _pop, kind, c0, c1 in REGIONS:
        pu, bpu, jak, pmi = MIXES[kind]
        # each region's mix differs a little from its kind's
        pu *= rng.uniform(0.94, 1.06)
        bpu *= rng.uniform(0.88, 1.12)
        jak *= rng.uniform(0.85, 1.15)
        pmi *= rng.uniform(0.80, 1.20)
        s = pu + bpu + jak + pmi
        pu, bpu, jak, pmi = pu / s, bpu / s, jak / s, pmi / s

        noise = 0.0
        rows = []
        for t in range(N_MONTHS):
            f = t / (N_MONTHS - 1)
            # small persistent noise on the level of coverage
            noise = 0.55 * noise + rng.gauss(0.0, 0.0035)
            cov = (c0 + (c1 - c0) * f) / 100.0 * (1.0 + noise)
            base = cov * monthly_workforce(workforce[code], t)
            # BPU grows a little faster (regional budgets paying for vulnerable workers)
            b = bpu * (1.0 + 0.12 * f)
            p = pmi * (1.0 + 0.08 * f)
            u = max(pu - (b - bpu) - (p - pmi), 0.0)
            j = jak * JAKON_SEASON[t % 12]
            rows.append([base * u, base * b, base * j, base * p])
        series[code] = rows
    return series


def scale_region(rows, factor):
    for r in rows:
        for i in range(4):
            r[i] *= factor


def calibrate(series):
    """Meets the participant anchors A1-A3 by scaling whole series."""
    t_aug22 = month_index(2022, 8)
    t_nov22 = month_index(2022, 11)
    t_dec23 = month_index(2023, 12)
    scale_region(series[BANYUWANGI],
                 BANYUWANGI_PARTICIPANTS_AUG_2022 / sum(series[BANYUWANGI][t_aug22]))
    scale_region(series[BLITAR], BLITAR_PARTICIPANTS_DEC_2023 / sum(series[BLITAR][t_dec23]))

    # Kota Surabaya and Madura keep their profiles (their ranges are part of the design); the
    # others share the scaling that brings the province to A1.
    pinned = {BANYUWANGI, BLITAR, SURABAYA} | MADURA
    fixed = sum(sum(series[c][t_nov22]) for c in pinned)
    free = sum(sum(rows[t_nov22]) for c, rows in series.items() if c not in pinned)
    factor = (PROVINCE_PARTICIPANTS_NOV_2022 - fixed) / free
    # the coverage profiles above are meant to be close already
    assert 0.97 < factor < 1.03, factor
    for c, rows in series.items():
        if c not in pinned:
            scale_region(rows, factor)


def round_series(series):
    """Integer segments; the anchor months keep their exact totals (the difference goes to PU)."""
    exact = {
        (BANYUWANGI, month_index(2022, 8)): BANYUWANGI_PARTICIPANTS_AUG_2022,
        (BLITAR, month_index(2023, 12)): BLITAR_PARTICIPANTS_DEC_2023,
    }
    out = {}
    for code, rows in series.items():
        ints = []
        for t, r in enumerate(rows):
            seg = [int(round(v)) for v in r]
            if (code, t) in exact:
                seg[0] += exact[(code, t)] - sum(seg)
            ints.append(seg)
        out[code] = ints
    return out


def build_table(rng):
    workforce = make_workforce(rng)
    series = make_segments(rng, workforce)
    calibrate(series)
    counts = round_series(series)

    table = []
    for code, name, *_ in REGIONS:
        for year in YEARS:
            table.append({
                "code": code, "name": name, "period": str(year),
                "workforce": workforce[code][year], "target": TARGETS[year],
            })
            for month in range(1, 13):
                pu, bpu, jak, pmi = counts[code][month_index(year, month)]
                table.append({
                    "code": code, "name": name, "period": "%s %d" % (MONTHS[month - 1], year),
                    "participants": pu + bpu + jak + pmi,
                    "pu": pu, "bpu": bpu, "jakon": jak, "pmi": pmi,
                })
    check_table(table)
    return table


def check_table(table):
    """The anchors and the rules, so that a change to the profiles cannot break them silently."""
    def row(code, period):
        return next(r for r in table if r["code"] == code and r["period"] == period)

    wf22 = sum(r["workforce"] for r in table if r["period"] == "2022")
    nov22 = sum(r["participants"] for r in table if r["period"] == "November 2022")
    assert abs(wf22 - PROVINCE_WORKFORCE_2022) < 1000, wf22
    assert abs(nov22 - PROVINCE_PARTICIPANTS_NOV_2022) < 1000, nov22
    assert row(BANYUWANGI, "2022")["workforce"] == BANYUWANGI_WORKFORCE_2022
    assert row(BANYUWANGI, "Agustus 2022")["participants"] == BANYUWANGI_PARTICIPANTS_AUG_2022
    assert row(BLITAR, "2023")["workforce"] == BLITAR_WORKFORCE_2023
    assert row(BLITAR, "Desember 2023")["participants"] == BLITAR_PARTICIPANTS_DEC_2023
    for r in table:
        if "participants" in r:
            assert r["participants"] == r["pu"] + r["bpu"] + r["jakon"] + r["pmi"]
            assert min(r["pu"], r["bpu"], r["jakon"], r["pmi"]) >= 0
            year = int(r["period"].split()[1])
            cov = 100.0 * r["participants"] / row(r["code"], str(year))["workforce"]
            if r["code"] == SURABAYA:
                assert 55.0 <= cov <= 65.0, (r, cov)
            elif r["code"] in MADURA:
                assert 8.0 <= cov <= 13.0, (r, cov)


# --- formatting ---------------------------------------------------------------------------------

def id_number(n):
    """449717 -> '449.717'; 30 -> '30'; 27.68 -> '27,68'."""
    if n is None:
        return ""
    if isinstance(n, float) and not n.is_integer():
        whole, frac = ("%.2f" % n).split(".")
        return id_number(int(whole)) + "," + frac
    return "{:,}".format(int(n)).replace(",", ".")


def csv_cells(r):
    return [
        r["code"],
        r["name"],
        r["period"],
        id_number(r.get("workforce")),
        id_number(r.get("participants")),
        id_number(r.get("pu")),
        id_number(r.get("bpu")),
        id_number(r.get("jakon")),
        id_number(r.get("pmi")),
        id_number(r.get("target")),
    ]


def write_csv(path, table, title=None):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter=";", lineterminator="\n")
        if title:
            for line in title:
                f.write(line + "\n")
            f.write("\n")
        w.writerow(HEADER)
        for r in table:
            w.writerow(csv_cells(r))


# --- workbook -----------------------------------------------------------------------------------

PETUNJUK_COLUMNS = [
    ("Kode Wilayah",
     "Kode kabupaten/kota menurut Kemendagri, dua angka provinsi, titik, dua angka kabupaten/kota "
     "(kota mulai dari 71). Ditulis sebagai teks. Bukan kode BPS tanpa titik (3505).",
     "35.05"),
    ("Kabupaten/Kota",
     "Nama kabupaten/kota sesuai daftar Kemendagri, lengkap dengan \"Kabupaten\" atau \"Kota\".",
     "Kabupaten Blitar; Kota Blitar"),
    ("Periode",
     "Tahun (baris tahun) atau nama bulan dalam bahasa Indonesia dan tahun (baris bulan). "
     "Nama bulan: Januari, Februari, Maret, April, Mei, Juni, Juli, Agustus, September, Oktober, "
     "November, Desember.",
     "2023; Desember 2023"),
    ("Penduduk Bekerja",
     "Jumlah penduduk yang bekerja (BPS, Sakernas, keadaan Agustus). Hanya pada baris tahun.",
     "449.717"),
    ("Peserta Aktif",
     "Jumlah peserta aktif BPJS Ketenagakerjaan, posisi akhir bulan. Hanya pada baris bulan.",
     "114.377"),
    ("PU",
     "Peserta Penerima Upah (pekerja formal). Hanya pada baris bulan, boleh kosong.",
     ""),
    ("BPU",
     "Peserta Bukan Penerima Upah (pekerja informal: petani, nelayan, pedagang, pengemudi). "
     "Hanya pada baris bulan, boleh kosong.",
     ""),
    ("Jakon",
     "Peserta Jasa Konstruksi (pekerja proyek konstruksi). Hanya pada baris bulan, boleh kosong.",
     ""),
    ("PMI",
     "Peserta Pekerja Migran Indonesia. Hanya pada baris bulan, boleh kosong.",
     ""),
    ("Target Cakupan (%)",
     "Target cakupan kepesertaan untuk tahun itu, dalam persen, tanpa tanda % "
     "(mis. dari RPJMD provinsi). Hanya pada baris tahun.",
     "30"),
]

PETUNJUK_RULES = [
    "Isi lembar \"Data\": satu baris untuk satu kabupaten/kota pada satu periode. Jangan mengubah "
    "judul kolom atau urutannya.",
    "Di atas baris judul kolom boleh ada baris judul (satu sel per baris) lalu satu baris kosong.",
    "Baris tahun (Periode berisi tahun, mis. 2023): isi Penduduk Bekerja dan Target Cakupan (%) "
    "tahun itu; kolom peserta dibiarkan kosong.",
    "Baris bulan (Periode berisi bulan dan tahun, mis. Desember 2023): isi Peserta Aktif dan, bila "
    "ada, rinciannya PU, BPU, Jakon dan PMI; Penduduk Bekerja dan Target dibiarkan kosong.",
    "Sel yang tidak berlaku dibiarkan kosong, jangan diisi 0 atau tanda \"-\".",
    "Bila rincian diisi, Peserta Aktif harus sama dengan PU + BPU + Jakon + PMI.",
    "Angka diisi sebagai angka, bukan teks. Dalam berkas CSV dipakai format Indonesia: titik "
    "sebagai pemisah ribuan dan koma sebagai desimal (449.717; 30 atau 30,00).",
    "Berkas CSV: pemisah titik koma (;), pengodean UTF-8.",
    "Kode dan nama setiap kabupaten/kota diambil dari daftar wilayah Kemendagri.",
    "Aplikasi menghitung sendiri: cakupan = Peserta Aktif / Penduduk Bekerja x 100 (memakai penduduk "
    "bekerja tahun terakhir pada atau sebelum bulan itu); belum terlindungi = Penduduk Bekerja - "
    "Peserta Aktif; kekurangan peserta = Target % x Penduduk Bekerja - Peserta Aktif.",
]

SAMPLE_NOTE = [
    "Lembar \"Data\" berisi angka ilustratif untuk mencoba aplikasi, bukan data resmi BPJS "
    "Ketenagakerjaan atau BPS.",
    "Hanya beberapa angka mengikuti pemberitaan publik: Jawa Timur November 2022 (15 juta penduduk "
    "bekerja, 4,3 juta terlindungi); Kabupaten Banyuwangi Agustus 2022 (123 ribu terlindungi, "
    "sekitar 19%); Kabupaten Blitar Desember 2023 (114.377 peserta aktif, 335.340 belum terlindungi).",
]

CREATED = datetime.datetime(2024, 6, 14, 0, 0, 0)

NUM_COLS = {3: "workforce", 4: "participants", 5: "pu", 6: "bpu", 7: "jakon", 8: "pmi"}


def write_xlsx(path, table, title=None, sample=False):
    import xlsxwriter

    wb = xlsxwriter.Workbook(path, {"in_memory": True, "strings_to_numbers": False})
    wb.set_properties({
        "title": ("Data ilustratif cakupan kepesertaan BPJS Ketenagakerjaan - Jawa Timur 2022-2024"
                  if sample else "Templat cakupan kepesertaan BPJS Ketenagakerjaan"),
        "subject": "Cakupan kepesertaan BPJS Ketenagakerjaan per kabupaten/kota",
        "author": "Cakupan",
        "created": CREATED,
    })

    f_text = wb.add_format({"num_format": "@"})
    f_num = wb.add_format({"num_format": "#,##0"})
    f_pct = wb.add_format({"num_format": "#,##0.00"})
    f_head = wb.add_format({
        "bold": True, "bg_color": "#DDEBF7", "border": 1, "border_color": "#9BC2E6",
        "text_wrap": True, "valign": "top",
    })
    f_title = wb.add_format({"bold": True, "font_size": 13})
    f_note = wb.add_format({"italic": True, "font_color": "#595959"})

    ws = wb.add_worksheet("Data")
    top = 0
    if title:
        ws.write_string(0, 0, title[0], f_title)
        ws.write_string(1, 0, title[1], f_note)
        top = len(title) + 1  # blank row after the title lines
    for c, h in enumerate(HEADER):
        ws.write_string(top, c, h, f_head)

    for i, r in enumerate(table):
        row = top + 1 + i
        ws.write_string(row, 0, r["code"], f_text)
        ws.write_string(row, 1, r["name"])
        ws.write_string(row, 2, r["period"], f_text)
        for c, key in NUM_COLS.items():
            if r.get(key) is not None:
                ws.write_number(row, c, r[key], f_num)
        if r.get("target") is not None:
            ws.write_number(row, 9, r["target"], f_pct)

    # Widths fit the data; a header wider than its numbers wraps onto two lines instead.
    cells = [csv_cells(r) for r in table]
    for c in range(len(HEADER)):
        data_w = max([len(cell[c]) for cell in cells] + [0])
        w = max(data_w, 10 if c >= 3 else len(HEADER[c]))
        w = max(w, max(len(part) for part in HEADER[c].split()))
        fmt = f_text if c in (0, 2) else (f_pct if c == 9 else (f_num if c >= 3 else None))
        ws.set_column(c, c, w + 2, fmt)
    if any(len(h) > 12 for h in HEADER[3:]):
        ws.set_row(top, 30)
    ws.freeze_panes(top + 1, 0)
    last = top + len(table)
    ws.autofilter(top, 0, last, len(HEADER) - 1)
    ws.ignore_errors({"number_stored_as_text": "A1:C%d" % (last + 1000)})
    ws.activate()

    p = wb.add_worksheet("Petunjuk")
    f_ptitle = wb.add_format({"bold": True, "font_size": 13})
    f_wrap = wb.add_format({"text_wrap": True, "valign": "top"})
    f_bold_wrap = wb.add_format({"bold": True, "text_wrap": True, "valign": "top"})
    p.set_column(0, 0, 22)
    p.set_column(1, 1, 80)
    p.set_column(2, 2, 24)
    row = 0
    p.write_string(row, 0, "Petunjuk pengisian data cakupan kepesertaan BPJS Ketenagakerjaan",
                   f_ptitle)
    row += 2
    if sample:
        for line in SAMPLE_NOTE:
            p.merge_range(row, 0, row, 2, line, wb.add_format({
                "italic": True, "text_wrap": True, "valign": "top", "font_color": "#9C0006"}))
            p.set_row(row, 30)
            row += 1
        row += 1
    p.write_string(row, 0, "Aturan", f_bold_wrap)
    row += 1
    for i, rule in enumerate(PETUNJUK_RULES, 1):
        p.write_string(row, 0, "%d." % i, f_wrap)
        p.write_string(row, 1, rule, f_wrap)
        if len(rule) > 80:
            p.set_row(row, 15 * ((len(rule) + 75) // 76))
        row += 1
    row += 1
    for c, h in enumerate(("Kolom", "Isi", "Contoh")):
        p.write_string(row, c, h, f_head)
    row += 1
    for name, desc, example in PETUNJUK_COLUMNS:
        p.write_string(row, 0, name, f_bold_wrap)
        p.write_string(row, 1, desc, f_wrap)
        p.write_string(row, 2, example, f_wrap)
        if len(desc) > 80:
            p.set_row(row, 15 * ((len(desc) + 75) // 76))
        row += 1
    row += 1
    p.write_string(row, 0, "Sumber kode wilayah", f_bold_wrap)
    p.write_string(row, 1, "Daftar kode dan nama wilayah Kemendagri, melalui idn-area-data "
                   "(data berlisensi ODbL).", f_wrap)

    wb.close()


# --- main ---------------------------------------------------------------------------------------

def template_table():
    return [
        {"code": BLITAR, "name": "Kabupaten Blitar", "period": "2023",
         "workforce": BLITAR_WORKFORCE_2023, "target": 30},
        {"code": BLITAR, "name": "Kabupaten Blitar", "period": "Desember 2023",
         "participants": BLITAR_PARTICIPANTS_DEC_2023},
    ]


def main():
    if not os.path.isdir(OUT_DIR):
        sys.exit("make-samples.py: run from the repository root (no %s here)" % OUT_DIR)
    try:
        import xlsxwriter  # noqa: F401
    except ImportError:
        # python3 may be a pyenv or venv interpreter beside Debian's python3-xlsxwriter; the
        # package is pure Python, so Debian's copy serves any python3.
        sys.path.append("/usr/lib/python3/dist-packages")
        try:
            import xlsxwriter  # noqa: F401
        except ImportError:
            sys.exit("make-samples.py: needs XlsxWriter (Debian: apt install python3-xlsxwriter, "
                     "or pip install XlsxWriter)")

    rng = random.Random(SEED)
    sample = build_table(rng)
    template = template_table()

    write_csv(os.path.join(OUT_DIR, "templat-cakupan.csv"), template)
    write_xlsx(os.path.join(OUT_DIR, "templat-cakupan.xlsx"), template)
    write_csv(os.path.join(OUT_DIR, "jatim-ilustratif-2022-2024.csv"), sample, SAMPLE_TITLE)
    write_xlsx(os.path.join(OUT_DIR, "jatim-ilustratif-2022-2024.xlsx"), sample, SAMPLE_TITLE,
               sample=True)


if __name__ == "__main__":
    main()
