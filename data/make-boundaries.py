#!/usr/bin/env python3
# make-boundaries.py: build data/boundaries.bin, the regency and city outlines the maps draw, from
# the simplified geoBoundaries ADM2 GeoJSON and data/regions.csv
#
# Copyright 2026 The Cakupan authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The output is a derivative of geoBoundaries gbOpen IDN ADM2 (from HDX/OCHA COD-AB Indonesia:
# Badan Pusat Statistik, World Food Programme, OCHA ROAP), licensed CC BY 3.0 IGO; see
# data/BOUNDARIES-SOURCE.md. Attribution: "Boundaries: geoBoundaries / OCHA COD-AB (BPS), CC BY
# 3.0 IGO".
#
# Usage: make-boundaries.py GEOJSON REGIONS_CSV [OUTPUT]
#   GEOJSON is indonesia-adm2-simplified.geojson; REGIONS_CSV is data/regions.csv; OUTPUT defaults
#   to data/boundaries.bin beside this script.
#
# Keys. The GeoJSON's official_code ("11.07") is a BPS code written with a dot, not a Kemendagri
# code (Kemendagri 11.07 is Pidie, BPS 1107 Aceh Barat): every feature is keyed through the
# bps_code column of regions.csv to the catalog's Kemendagri code, which also places the regencies
# of the 2022 Papua provinces (their BPS codes are those of Papua and Papua Barat). The 53
# features without a code carry a name shared by a kabupaten and a kota ("Blitar", "Kota
# Blitar"); they are told apart by location: the province is the one whose coded regencies lie
# nearest, and of the two outlines of one name in a province the smaller is the kota (a kota is
# the town inside or beside its kabupaten). The name the feature gives is only checked against
# that. The script stops unless every one of the 514 regencies has exactly one outline.
#
# Format (little-endian; coordinates in thousandths of a degree from the origin, so that x grows
# east and y grows north; Indonesia fits in 16 bits):
#   "CAKB" u8 version(1) u8 0 u16 n_regions u16 n_borders i32 origin_lon i32 origin_lat
#   n_regions times, largest area first (the order the map draws them in, small cities on top):
#     5 bytes Kemendagri code ("35.05"), u16 label_x, u16 label_y, varint n_rings,
#     n_rings times: varint n_points, points
#   n_borders times (province borders, as polylines): varint n_points, points
#   points: the first as two varints, the others as zigzag varint steps from the one before.
#   label is a point inside the region and inside no other region: where its name goes and where
#   a test pointing at the region must find it.

import array
import collections
import csv
import json
import math
import os
import struct
import sys

UNIT = 1000.0  # steps per degree
ORIGIN_LON = 94.0
ORIGIN_LAT = -12.0

# Areas drawn by the boundary data that are not regencies: lakes, reservoirs and a forest (BPS
# codes as in make-regions.py); the four lakes named "Danau" come as one feature without a code.
NOT_REGENCIES = {"1288", "3288", "3388", "3399"}
NOT_REGENCY_NAMES = {"Danau"}

# An edge belongs to a province border when the nearest outline of another regency, within this
# many degrees, is in another province. Both sides were simplified with Douglas-Peucker 0.018
# degrees each, so a shared border may lie up to about twice that apart.
BORDER_REACH = 0.05


def fail(message):
    sys.exit("make-boundaries.py: " + message)


def ring_area(ring):
    a = 0.0
    for i in range(len(ring)):
        x0, y0 = ring[i - 1]
        x1, y1 = ring[i]
        a += x0 * y1 - x1 * y0
    return a / 2.0


def polygons_of(geometry):
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["coordinates"]
    fail("unexpected geometry " + geometry["type"])


def feature_area(feature):
    return sum(abs(ring_area(p[0])) - sum(abs(ring_area(h)) for h in p[1:])
               for p in polygons_of(feature["geometry"]))


def feature_centre(feature):
    """The centroid of the largest polygon's outer ring."""
    outer = max((p[0] for p in polygons_of(feature["geometry"])), key=lambda r: abs(ring_area(r)))
    a = ring_area(outer)
    if a == 0:
        return outer[0]
    cx = cy = 0.0
    for i in range(len(outer)):
        x0, y0 = outer[i - 1]
        x1, y1 = outer[i]
        f = x0 * y1 - x1 * y0
        cx += (x0 + x1) * f
        cy += (y0 + y1) * f
    return (cx / (6 * a), cy / (6 * a))


def read_catalog(path):
    by_bps = {}
    by_code = {}
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["kind"] == "provinsi":
                continue
            by_bps[row["bps_code"]] = row
            by_code[row["code"]] = row
    if len(by_code) != 514:
        fail("%s lists %d regencies, not 514" % (path, len(by_code)))
    return by_bps, by_code


def key_features(features, by_bps, by_code):
    """Kemendagri code -> feature, for every regency."""
    keyed = {}
    unresolved = []
    for feature in features:
        p = feature["properties"]
        bps = p["official_code"].replace(".", "")
        if bps:
            if bps in NOT_REGENCIES:
                continue
            if bps not in by_bps:
                fail("feature %s has the code %s, which no regency has" % (p["region_name"], bps))
            code = by_bps[bps]["code"]
            if code in keyed:
                fail("two features for %s" % code)
            keyed[code] = feature
        elif p["region_name"] not in NOT_REGENCY_NAMES:
            unresolved.append(feature)

    # The province of an unresolved feature: the one whose keyed regencies lie nearest to it.
    centres = [(feature_centre(f), by_code[c]["province_code"]) for c, f in keyed.items()]

    def nearest_province(feature, provinces):
        cx, cy = feature_centre(feature)
        best = None
        for (x, y), province in centres:
            if province not in provinces:
                continue
            d = (x - cx) ** 2 + (y - cy) ** 2
            if best is None or d < best[0]:
                best = (d, province)
        return best[1]

    # Candidates: the regencies the alternative names list, as BPS codes "Blitar | Jawa Timur | 35.05"
    groups = collections.defaultdict(list)
    for feature in unresolved:
        p = feature["properties"]
        candidates = []
        for alternative in p["alternative_names"].split(";"):
            parts = [s.strip() for s in alternative.split("|")]
            if len(parts) != 3:
                fail("cannot read the alternative names of %s" % p["region_name"])
            bps = parts[2].replace(".", "")
            if bps not in by_bps:
                fail("alternative %s of %s is no regency" % (parts[2], p["region_name"]))
            candidates.append(by_bps[bps])
        province = nearest_province(feature, {c["province_code"] for c in candidates})
        candidates = tuple(sorted(c["code"] for c in candidates if c["province_code"] == province))
        groups[candidates].append(feature)

    for candidates, group in sorted(groups.items()):
        kinds = [by_code[c]["kind"] for c in candidates]
        if len(candidates) == 1 and len(group) == 1:
            pairs = [(candidates[0], group[0])]
        elif len(candidates) == 2 and len(group) == 2 and sorted(kinds) == ["kabupaten", "kota"]:
            kota = candidates[kinds.index("kota")]
            kabupaten = candidates[kinds.index("kabupaten")]
            small, large = sorted(group, key=feature_area)
            pairs = [(kota, small), (kabupaten, large)]
        else:
            fail("cannot tell apart %s: %d outlines for %s"
                 % ([f["properties"]["region_name"] for f in group], len(group), candidates))
        for code, feature in pairs:
            if code in keyed:
                fail("two features for %s" % code)
            name = feature["properties"]["region_name"]
            said_kota = name.startswith("Kota ")
            if said_kota != (by_code[code]["kind"] == "kota"):
                print("make-boundaries.py: note: %s placed as %s by location"
                      % (name, by_code[code]["name"]), file=sys.stderr)
            keyed[code] = feature

    missing = sorted(set(by_code) - set(keyed))
    if missing:
        fail("no outline for %s" % ", ".join("%s %s" % (c, by_code[c]["name"]) for c in missing))
    return keyed


def quantise_ring(ring):
    out = []
    for lon, lat in ring:
        x = int(round((lon - ORIGIN_LON) * UNIT))
        y = int(round((lat - ORIGIN_LAT) * UNIT))
        if not (0 <= x < 65536 and 0 <= y < 65536):
            fail("point %f %f outside the frame" % (lon, lat))
        if out and out[-1] == (x, y):
            continue
        out.append((x, y))
    while len(out) > 1 and out[0] == out[-1]:
        out.pop()
    return out if len(out) >= 3 else None


def rings_of(feature):
    rings = []
    for polygon in polygons_of(feature["geometry"]):
        for ring in polygon:
            q = quantise_ring(ring)
            if q:
                rings.append(q)
    return rings


def inside(rings, x, y):
    """Even-odd rule over every ring of a region."""
    c = False
    for ring in rings:
        n = len(ring)
        j = n - 1
        for i in range(n):
            xi, yi = ring[i]
            xj, yj = ring[j]
            if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
                c = not c
            j = i
    return c


def segment_distance(px, py, ax, ay, bx, by):
    dx, dy = bx - ax, by - ay
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length))
    ex, ey = ax + t * dx - px, ay + t * dy - py
    return math.sqrt(ex * ex + ey * ey)


def bbox(rings):
    xs = [x for r in rings for x, _ in r]
    ys = [y for r in rings for _, y in r]
    return min(xs), min(ys), max(xs), max(ys)


def label_point(code, regions, boxes):
    """A point inside the region, inside no other, as far from its edges as a grid search finds."""
    rings = regions[code]
    largest = max(rings, key=lambda r: abs(ring_area(r)))
    x0, y0, x1, y1 = bbox([largest])
    others = [c for c, b in boxes.items()
              if c != code and b[0] <= x1 and b[2] >= x0 and b[1] <= y1 and b[3] >= y0]
    best = None
    steps = 40
    for i in range(steps + 1):
        for j in range(steps + 1):
            x = x0 + (x1 - x0) * (i + 0.5) / (steps + 1)
            y = y0 + (y1 - y0) * (j + 0.5) / (steps + 1)
            if not inside(rings, x, y) or not inside([largest], x, y):
                continue
            if any(inside(regions[o], x, y) for o in others
                   if boxes[o][0] <= x <= boxes[o][2] and boxes[o][1] <= y <= boxes[o][3]):
                continue
            d = min(segment_distance(x, y, *r[k - 1], *r[k]) for r in rings for k in range(len(r)))
            if best is None or d > best[0]:
                best = (d, int(round(x)), int(round(y)))
    if best is None:
        fail("no point inside %s alone" % code)
    return best[1], best[2]


def province_borders(regions, province_of):
    """Runs of edges whose nearest other regency (within reach) lies in another province."""
    cell = int(BORDER_REACH * UNIT)
    grid = collections.defaultdict(list)
    for code, rings in regions.items():
        for ring in rings:
            for k in range(len(ring)):
                (ax, ay), (bx, by) = ring[k - 1], ring[k]
                for gx in range(min(ax, bx) // cell, max(ax, bx) // cell + 1):
                    for gy in range(min(ay, by) // cell, max(ay, by) // cell + 1):
                        grid[(gx, gy)].append((code, ax, ay, bx, by))
    reach = BORDER_REACH * UNIT
    borders = []
    for code in sorted(regions):
        for ring in regions[code]:
            flags = []
            for k in range(len(ring)):
                (ax, ay), (bx, by) = ring[k - 1], ring[k]
                mx, my = (ax + bx) / 2, (ay + by) / 2
                best = None
                gx, gy = int(mx) // cell, int(my) // cell
                for dx in (-1, 0, 1):
                    for dy in (-1, 0, 1):
                        for other, sx, sy, tx, ty in grid.get((gx + dx, gy + dy), ()):
                            if other == code:
                                continue
                            d = segment_distance(mx, my, sx, sy, tx, ty)
                            if d <= reach and (best is None or d < best[0]):
                                best = (d, other)
                flags.append(best is not None and province_of[best[1]] != province_of[code])
            # flags[k] is the edge ring[k-1] -> ring[k]; collect runs, joined across the ring's end
            n = len(ring)
            if all(flags):
                borders.append(ring + [ring[0]])
                continue
            start = next(k for k in range(n) if not flags[k])
            run = []
            for step in range(1, n + 1):
                k = (start + step) % n
                if flags[k]:
                    if not run:
                        run.append(ring[k - 1])
                    run.append(ring[k])
                elif run:
                    borders.append(run)
                    run = []
            if run:
                borders.append(run)
    # Each border is found from both sides; keep the side of the smaller code only where the
    # other side found it too would need matching, so both are kept: the painter draws them thin.
    return [b for b in borders if len(b) >= 2]


def varint(out, value):
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return


def zigzag(value):
    return (value << 1) ^ (value >> 63) if value < 0 else value << 1


def points(out, pts):
    varint(out, len(pts))
    px, py = pts[0]
    varint(out, px)
    varint(out, py)
    for x, y in pts[1:]:
        varint(out, zigzag(x - px))
        varint(out, zigzag(y - py))
        px, py = x, y


def build(geojson_path, regions_path):
    with open(geojson_path, encoding="utf-8") as f:
        features = json.load(f)["features"]
    by_bps, by_code = read_catalog(regions_path)
    keyed = key_features(features, by_bps, by_code)

    regions = {code: rings_of(feature) for code, feature in keyed.items()}
    for code, rings in regions.items():
        if not rings:
            fail("%s has no ring left after quantising" % code)
    boxes = {code: bbox(rings) for code, rings in regions.items()}
    province_of = {code: by_code[code]["province_code"] for code in regions}
    area = {code: sum(abs(ring_area(r)) for r in rings) for code, rings in regions.items()}
    order = sorted(regions, key=lambda c: (-area[c], c))

    out = bytearray()
    borders = province_borders(regions, province_of)
    out += b"CAKB" + struct.pack("<BBHHii", 1, 0, len(order), len(borders),
                                 int(ORIGIN_LON * UNIT), int(ORIGIN_LAT * UNIT))
    for code in order:
        lx, ly = label_point(code, regions, boxes)
        out += code.encode("ascii") + struct.pack("<HH", lx, ly)
        varint(out, len(regions[code]))
        for ring in regions[code]:
            points(out, ring)
    for border in borders:
        points(out, border)
    n_points = sum(len(r) for rings in regions.values() for r in rings)
    n_border_points = sum(len(b) for b in borders)
    print("make-boundaries.py: %d regions, %d points, %d border lines of %d points, %d bytes"
          % (len(order), n_points, len(borders), n_border_points, len(out)), file=sys.stderr)
    return bytes(out)


def main(argv):
    if len(argv) not in (3, 4):
        sys.exit("usage: make-boundaries.py GEOJSON REGIONS_CSV [OUTPUT]")
    output = argv[3] if len(argv) == 4 else os.path.join(os.path.dirname(argv[0]), "boundaries.bin")
    data = build(argv[1], argv[2])
    with open(output, "wb") as f:
        f.write(data)


if __name__ == "__main__":
    main(sys.argv)
