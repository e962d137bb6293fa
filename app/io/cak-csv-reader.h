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
  /* "UTF-8", "UTF-16LE", "UTF-16BE" or "WINDOWS-1252": the encoding the end of the file was
   * read in. */
  const char *encoding;
  gboolean had_bom;
  /* The text was not UTF-8, so Windows-1252 was assumed: from the start when the first chunk
   * read told so, or from @fallback_row on when a later part of the file did. */
  gboolean encoding_fallback;
  guint fallback_row; /* the first row read as Windows-1252; 0 without a fallback */
} CakCsvInfo;

char cak_csv_detect_delimiter (const char *text, gsize length);

gboolean cak_csv_read_stream (GInputStream *stream, goffset size, const char *display_name,
                              CakCsvInfo *out_info, const CakSheetCallbacks *callbacks,
                              GCancellable *cancellable, GError **error);

/* As cak_csv_read_stream(), reading @chunk_size bytes at a time: the tests put the chunk
 * boundaries everywhere with it. */
gboolean cak_csv_read_stream_chunked (GInputStream *stream, goffset size, gsize chunk_size,
                                      const char *display_name, CakCsvInfo *out_info,
                                      const CakSheetCallbacks *callbacks, GCancellable *cancellable,
                                      GError **error);

gboolean cak_csv_read_bytes (GBytes *bytes, const char *display_name, CakCsvInfo *out_info,
                             const CakSheetCallbacks *callbacks, GCancellable *cancellable,
                             GError **error);

G_END_DECLS
