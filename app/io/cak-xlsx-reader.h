/* cak-xlsx-reader.h: rows of cells from the worksheets of an Excel workbook (.xlsx, .xlsm)
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cak-sheet.h"

G_BEGIN_DECLS

gboolean cak_xlsx_read (const char *path, const char *display_name,
                        const CakSheetCallbacks *callbacks, GCancellable *cancellable,
                        GError **error);

G_END_DECLS
