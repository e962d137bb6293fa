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

G_END_DECLS
