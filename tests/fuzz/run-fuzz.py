#!/usr/bin/env python3
# run-fuzz.py: runs one libFuzzer harness for a bounded time on a copy of its seed corpus
#
# Copyright 2026 The Cakupan authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The seeds (files, or every file of a folder, with the extensions asked, up to a size) are
# copied to a temporary folder, which the fuzzer may grow, so the source tree is never written.
# With --parts xlsx or ods, the XML parts of the workbooks are seeds instead, each prefixed with
# the byte that tells the "-xml" harness which part it replaces (the order of cak-fuzz.c).
# Exits non-zero on any finding (crash, sanitizer report, timeout, out of memory); the input
# is kept in --findings, to become a regression input in tests/data/fuzz-regressions/.

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

XML_PARTS = {
    "xlsx": [("xl/worksheets/sheet", ".xml"), ("xl/sharedStrings.xml", ""),
             ("xl/styles.xml", ""), ("xl/workbook.xml", ""),
             ("xl/_rels/workbook.xml.rels", "")],
    "ods": [("content.xml", ""), ("META-INF/manifest.xml", "")],
}


def seed_files(paths, extensions, max_size):
    for path in paths:
        if os.path.isdir(path):
            names = sorted(os.path.join(path, n) for n in os.listdir(path))
        elif os.path.exists(path):
            names = [path]
        else:
            print(f"no seeds at {path}")
            continue
        for name in names:
            if not os.path.isfile(name) or os.path.basename(name).startswith("README"):
                continue
            if extensions and not name.lower().endswith(tuple(extensions)):
                continue
            if os.path.getsize(name) > max_size:
                continue
            yield name


def xml_part_seeds(name, kind, max_size):
    try:
        with zipfile.ZipFile(name) as z:
            for info in z.infolist():
                for index, (start, end) in enumerate(XML_PARTS[kind]):
                    if (info.filename.startswith(start) and info.filename.endswith(end)
                            and (end or info.filename == start)
                            and info.file_size < max_size):
                        yield bytes([index]) + z.read(info)
    except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError, EOFError):
        return


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("harness")
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--dict", action="append", default=[])
    parser.add_argument("--ext", action="append", default=[])
    parser.add_argument("--parts", choices=sorted(XML_PARTS))
    parser.add_argument("--max-seed-size", type=int, default=65536)
    parser.add_argument("--findings", required=True)
    parser.add_argument("--rss-limit-mb", type=int, default=2048)
    parser.add_argument("--timeout", type=int, default=25)
    parser.add_argument("--raw", action="append", default=[],
                        help="a folder of inputs copied as they are (the regression inputs)")
    parser.add_argument("seeds", nargs="*")
    args = parser.parse_intermixed_args()

    os.makedirs(args.findings, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="cakupan-fuzz-") as tmp:
        corpus = os.path.join(tmp, "corpus")
        os.mkdir(corpus)
        n_seeds = 0
        for name in seed_files(args.seeds, args.ext, 64 << 20 if args.parts else args.max_seed_size):
            blobs = (xml_part_seeds(name, args.parts, args.max_seed_size) if args.parts
                     else [open(name, "rb").read()])
            for blob in blobs:
                with open(os.path.join(corpus, hashlib.sha1(blob).hexdigest()), "wb") as f:
                    f.write(blob)
                n_seeds += 1
        for name in seed_files(args.raw, [], args.max_seed_size):
            shutil.copy(name, os.path.join(corpus, "regression-" + os.path.basename(name)))
            n_seeds += 1

        command = [args.harness, f"-max_total_time={args.seconds}",
                   f"-rss_limit_mb={args.rss_limit_mb}", f"-timeout={args.timeout}",
                   "-print_final_stats=1",
                   # Leaks are not findings (GLib keeps memory on purpose, as in CI's ASan
                   # build); without this, libFuzzer runs again every input whose mallocs and
                   # frees differ, which halves the speed.
                   "-detect_leaks=0", f"-artifact_prefix={os.path.join(args.findings, '')}"]
        if args.dict:
            merged = os.path.join(tmp, "merged.dict")
            with open(merged, "w") as out:
                for d in args.dict:
                    out.write(open(d).read() + "\n")
            command.append(f"-dict={merged}")
        command.append(corpus)
        print(f"{n_seeds} seeds; " + " ".join(command), flush=True)
        status = subprocess.run(command).returncode
        if status != 0:
            print(f"FINDING (exit status {status}): the input is in {args.findings}; "
                  f"add it to tests/data/fuzz-regressions/ under the reader's folder")
        return 1 if status != 0 else 0


if __name__ == "__main__":
    sys.exit(main())
