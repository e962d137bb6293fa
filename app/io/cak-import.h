/* cak-import.h: from a file of regency figures to values in a dataset, every row accounted for
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cak-csv-reader.h"
#include "cak-dataset.h"

G_BEGIN_DECLS

/* What a column holds, decided from its header. */
typedef enum
{
  CAK_COLUMN_NONE,
  CAK_COLUMN_REGION_CODE,
  CAK_COLUMN_REGION_NAME,
  CAK_COLUMN_PERIOD,
  CAK_COLUMN_MEASURE, /* with a CakMeasure */
  CAK_COLUMN_ROW_NUMBER,
  CAK_COLUMN_COVERAGE_PCT, /* kept for checks, not imported */
} CakColumnRole;

typedef struct
{
  CakPeriod default_period; /* for files without a period column; CAK_PERIOD_NONE if not given */
} CakImportOptions;

CakColumnRole cak_import_classify_header (const char *header, CakMeasure *out_measure);

gboolean cak_import_bytes (CakDataset *dataset, GBytes *bytes, const char *display_name,
                           const CakImportOptions *options, GCancellable *cancellable,
                           GError **error);
gboolean cak_import_file (CakDataset *dataset, GFile *file, const CakImportOptions *options,
                          GCancellable *cancellable, GError **error);

G_END_DECLS
