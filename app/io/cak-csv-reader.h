/* cak-csv-reader.h: rows of cells from a CSV file, whatever its delimiter and encoding
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CAK_IMPORT_ERROR (cak_import_error_quark ())

typedef enum
{
  CAK_IMPORT_ERROR_UNREADABLE,
  CAK_IMPORT_ERROR_EMPTY,
  CAK_IMPORT_ERROR_NOT_A_SPREADSHEET,
  CAK_IMPORT_ERROR_NO_HEADER,
  CAK_IMPORT_ERROR_UNSUPPORTED,
} CakImportError;

GQuark cak_import_error_quark (void);

/* One record of a sheet. Cells are UTF-8, owned by the reader and valid during the callback. */
typedef struct
{
  guint row; /* 1-based, as a spreadsheet program numbers the records */
  guint n_cells;
  const char *const *cells;
} CakRow;

typedef gboolean (*CakRowFunc) (const CakRow *row, gpointer user_data);

typedef struct
{
  char delimiter;
  const char *encoding; /* "UTF-8", "UTF-16LE", "UTF-16BE" or "WINDOWS-1252" */
  gboolean had_bom;
} CakCsvInfo;

char cak_csv_detect_delimiter (const char *text, gsize length);

gboolean cak_csv_read_bytes (GBytes *bytes, const char *display_name, CakCsvInfo *out_info,
                             CakRowFunc func, gpointer user_data, GCancellable *cancellable,
                             GError **error);

G_END_DECLS
