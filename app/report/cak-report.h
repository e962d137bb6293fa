/* cak-report.h: the monitoring-and-evaluation workbook (XLSX) and the regency table as CSV
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cak-dataset.h"
#include "cak-lang.h"
#include "cak-monev.h"

G_BEGIN_DECLS

/* The sheets a workbook may hold. The regency sheet is always written: the others' formulas
 * refer to it. Importing the workbook back reads the data sheet, every figure of every period;
 * a workbook without one imports the regency sheet's figures for its period. */
typedef enum
{
  CAK_REPORT_SUMMARY = 1 << 0,
  CAK_REPORT_REGENCIES = 1 << 1,
  CAK_REPORT_TREND = 1 << 2,
  CAK_REPORT_SEGMENTS = 1 << 3,
  CAK_REPORT_TARGET = 1 << 4,
  CAK_REPORT_NOTES = 1 << 5,
  CAK_REPORT_DATA = 1 << 6,
  CAK_REPORT_ACTIONS = 1 << 7,   /* the action plan; only with a monev */
  CAK_REPORT_CHECKLIST = 1 << 8, /* the Inpres 2/2021 checklist; only with a monev */
  CAK_REPORT_ALL_SHEETS = 0x1ff,
} CakReportSheets;

typedef struct
{
  CakLang lang;              /* of the sheet names, headers and texts */
  const char *province_code; /* NULL: every regency of the country */
  CakPeriod period;          /* must be valid */
  CakPeriod compare;         /* invalid: no comparison */
  CakReportSheets sheets;    /* 0: all */

  /* From Preferences; NULL or empty ones are left out. */
  const char *agency;
  const char *place;
  const char *signer_position;
  const char *signer_name;
  const char *signer_nip;

  const char *sources; /* the imported files, for the summary; may be NULL */
  GDateTime *date;     /* when the report is made; NULL: now */

  /* What a project's monev recorded: the action plan and the Inpres 2/2021 checklist get a
   * sheet each (saying so when nothing was recorded). NULL: files without a project, and no
   * such sheets. Read while the report is written: hand a worker thread a copy. */
  CakMonev *monev;
} CakReportOptions;

/* The name under which a sheet computed from the data sheet is marked in the workbook (a name
 * local to that sheet), so that importing the workbook reads only the data sheet. */
#define CAK_REPORT_DERIVED_NAME "Cakupan_Computed"

typedef void (*CakReportProgress) (double fraction, gpointer user_data);

const char *cak_report_sheet_name (CakReportSheets sheet, CakLang lang);

gboolean cak_report_write (CakDataset *dataset, const CakReportOptions *options, const char *path,
                           GCancellable *cancellable, CakReportProgress progress,
                           gpointer user_data, GError **error);

gboolean cak_report_write_csv (CakDataset *dataset, const CakReportOptions *options,
                               const char *path, GError **error);
char *cak_report_csv_field (const char *text, char separator);

G_END_DECLS
