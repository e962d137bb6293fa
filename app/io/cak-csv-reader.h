/* cak-csv-reader.h: rows of cells from a CSV file, whatever its delimiter and encoding
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cak-sheet.h"

G_BEGIN_DECLS

typedef struct
{
  char delimiter;
  const char *encoding; /* "UTF-8", "UTF-16LE", "UTF-16BE" or "WINDOWS-1252" */
  gboolean had_bom;
} CakCsvInfo;

char cak_csv_detect_delimiter (const char *text, gsize length);

gboolean cak_csv_read_bytes (GBytes *bytes, const char *display_name, CakCsvInfo *out_info,
                             const CakSheetCallbacks *callbacks, GCancellable *cancellable,
                             GError **error);

G_END_DECLS
