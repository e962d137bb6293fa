/* cak-summary.h: the figures of a dataset as JSON or a text table, for the command line
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cak-dataset.h"
#include "cak-indicators.h"
#include "cak-lang.h"
#include "cak-monev.h"

G_BEGIN_DECLS

typedef struct
{
  CakPeriod period;          /* CAK_PERIOD_NONE: the latest reporting period */
  gboolean all_periods;      /* every reporting period instead of one */
  const char *province_code; /* NULL: every province */
  CakLang lang;
  CakMonev *monev; /* a project's: its targets, notes, actions, checklist and meetings; or NULL */
} CakSummaryOptions;

CakPeriod cak_summary_resolve_period (CakDataset *dataset, CakPeriod requested);
char *cak_summary_to_json (CakDataset *dataset, const CakSummaryOptions *options);
char *cak_summary_to_text (CakDataset *dataset, const CakSummaryOptions *options);
char *cak_summary_report_to_text (CakDataset *dataset);

G_END_DECLS
