/* cak-xls-reader.h: the sheets of an Excel 97–2003 workbook (.xls), row by row
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cak-sheet.h"

G_BEGIN_DECLS

gboolean cak_xls_read (const char *path, const char *display_name,
                       const CakSheetCallbacks *callbacks, GCancellable *cancellable,
                       GError **error);

/* How cak_xls_read() takes the cells; for the tests, which compare the two ways. */
typedef enum
{
  CAK_XLS_CELLS_AUTO,    /* FreeXL, or the record scanner when FreeXL cannot read the file */
  CAK_XLS_CELLS_SCANNER, /* the record scanner alone */
} CakXlsCells;

gboolean cak_xls_read_with (const char *path, const char *display_name, CakXlsCells cells,
                            const CakSheetCallbacks *callbacks, GCancellable *cancellable,
                            GError **error);

G_END_DECLS
