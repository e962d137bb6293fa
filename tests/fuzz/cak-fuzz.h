/* cak-fuzz.h: the entry points the fuzz harnesses and the regression test share
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each target feeds one input to one reader (or to the importer) exactly as a user's file would
 * reach it, checks what the reader promises in cak-sheet.h (no NULL cell, UTF-8 text, known cell
 * types), and aborts when a promise is broken. Memory errors are the sanitizers' to report.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef void (*CakFuzzFunc) (const guint8 *data, gsize size);

typedef struct
{
  const char *name; /* "csv", "xlsx", ..., as in tests/data/fuzz-regressions/<name>/ */
  CakFuzzFunc run;
} CakFuzzTarget;

/* Every target, ended by { NULL, NULL }. */
extern const CakFuzzTarget cak_fuzz_targets[];

const CakFuzzTarget *cak_fuzz_target_find (const char *name);

G_END_DECLS
