/* cak-dataset.h: values by region x period x measure, each remembering where it came from
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "cak-measure.h"
#include "cak-period.h"
#include "cak-region-catalog.h"

G_BEGIN_DECLS

/* Where a value was read: strings are interned, row is 1-based, column 0-based (0 = "A"). */
typedef struct
{
  const char *file;
  const char *sheet;
  guint row;
  guint column;
} CakSource;

char *cak_source_column_name (guint column);
char *cak_source_describe (const CakSource *source, gboolean has_column);

typedef struct
{
  double value;
  CakSource source;
} CakValue;

typedef enum
{
  CAK_SEVERITY_INFO, /* a row skipped for a reason (title, blank, total, note) */
  CAK_SEVERITY_WARNING,
  CAK_SEVERITY_ERROR,
} CakSeverity;

const char *cak_severity_to_id (CakSeverity severity);
CakSeverity cak_severity_from_id (const char *id);

/* One line of the import report. */
typedef struct
{
  CakSeverity severity;
  CakSource source; /* row/column 0 when the issue is about the whole file or row */
  gboolean has_column;
  char *message;
} CakIssue;

/* What became of one column of an imported sheet. */
typedef enum
{
  CAK_COLUMN_USE_IMPORTED,    /* a figure, imported as a measure */
  CAK_COLUMN_USE_IDENTIFIES,  /* the region, its code, the period */
  CAK_COLUMN_USE_CHECK,       /* a stated figure, checked against the file's own */
  CAK_COLUMN_USE_INFORMATION, /* row numbers, notes, names: read, not imported */
  CAK_COLUMN_USE_UNUSED,      /* not used, and named in the import report with the reason */
} CakColumnUse;

typedef struct
{
  guint column; /* 0-based: 0 = "A" */
  char *header; /* as the file writes it ("Peserta Aktif / PU" for two header rows) */
  CakColumnUse use;
  char *what; /* the role, as the mapping step names it: "Workforce", "Region" */
  char *why;  /* why: "the words “tenaga kerja”; unit “Jiwa”" (may be empty) */
} CakColumnReport;

const char *cak_column_use_to_id (CakColumnUse use);
const char *cak_column_use_get_label (CakColumnUse use);
char *cak_column_report_describe (const CakColumnReport *column);

/* How the rows and columns of one imported sheet were accounted for. */
typedef struct
{
  const char *file;
  const char *sheet;
  guint rows;
  guint imported;
  guint skipped;
  guint rejected;
  GPtrArray *columns; /* CakColumnReport*, every column of the header, in order */
} CakSheetReport;

/* A province's figures as a file states them (its province row), kept apart from the totals
 * Cakupan sums from the regencies, so that both can be shown side by side. */
typedef struct
{
  const CakRegion *region;
  CakPeriod period;
  CakMeasureSet known;             /* bit per CakMeasure */
  CakValue values[CAK_N_MEASURES]; /* each with its source cell */
  gboolean has_coverage;
  CakValue coverage_pct; /* the percentage the file writes, 0-100, with its cell */
} CakStatedFigures;

double cak_stated_figures_get (const CakStatedFigures *stated, CakMeasure measure);
double cak_stated_figures_participants (const CakStatedFigures *stated);
void cak_sheet_report_add_column (CakSheetReport *report, guint column, const char *header,
                                  CakColumnUse use, const char *what, const char *why);

#define CAK_TYPE_DATASET (cak_dataset_get_type ())
G_DECLARE_FINAL_TYPE (CakDataset, cak_dataset, CAK, DATASET, GObject)

CakDataset *cak_dataset_new (CakRegionCatalog *catalog);
CakDataset *cak_dataset_copy (CakDataset *self);
CakRegionCatalog *cak_dataset_get_catalog (CakDataset *self);

gboolean cak_dataset_set (CakDataset *self, const CakRegion *region, CakPeriod period,
                          CakMeasure measure, double value, const CakSource *source,
                          CakValue *out_existing);
gboolean cak_dataset_get (CakDataset *self, const CakRegion *region, CakPeriod period,
                          CakMeasure measure, CakValue *out_value);
void cak_dataset_add_values (CakDataset *self, const CakRegion *region, CakPeriod period,
                             CakMeasureSet known, const CakValue *values);
void cak_dataset_clear_values (CakDataset *self);
gboolean cak_dataset_replace (CakDataset *self, const CakRegion *region, CakPeriod period,
                              CakMeasure measure, double value, const CakSource *source);

typedef void (*CakDatasetValueFunc) (const CakRegion *region, CakPeriod period, CakMeasure measure,
                                     const CakValue *value, gpointer user_data);
void cak_dataset_foreach_value (CakDataset *self, CakDatasetValueFunc func, gpointer user_data);
gboolean cak_dataset_has_participants (CakDataset *self, const CakRegion *region, CakPeriod period);

gboolean cak_dataset_set_stated (CakDataset *self, const CakStatedFigures *stated,
                                 const CakStatedFigures **out_existing);
const CakStatedFigures *cak_dataset_get_stated (CakDataset *self, const CakRegion *region,
                                                CakPeriod period);
GPtrArray *cak_dataset_get_stated_all (CakDataset *self);

/* Targets a person typed (a project's), kept apart from those read from files; which one
 * applies is decided by cak_indicators_find_target(). A NAN target removes one. */
void cak_dataset_set_typed_target (CakDataset *self, const CakRegion *region, CakPeriod period,
                                   double target_pct);
gboolean cak_dataset_get_typed_target (CakDataset *self, const CakRegion *region, CakPeriod period,
                                       double *out_pct);
void cak_dataset_clear_typed_targets (CakDataset *self);

GArray *cak_dataset_get_periods (CakDataset *self);
GArray *cak_dataset_get_reporting_periods (CakDataset *self);
GArray *cak_dataset_get_measure_periods (CakDataset *self, const CakRegion *region,
                                         CakMeasure measure);
GPtrArray *cak_dataset_get_provinces (CakDataset *self);
GPtrArray *cak_dataset_get_regencies (CakDataset *self, const char *province_code);
gboolean cak_dataset_is_empty (CakDataset *self);

void cak_dataset_add_issue (CakDataset *self, CakSeverity severity, const CakSource *source,
                            gboolean has_column, const char *message);
const GArray *cak_dataset_get_issues (CakDataset *self);
CakSheetReport *cak_dataset_add_sheet_report (CakDataset *self, const char *file,
                                              const char *sheet);
GPtrArray *cak_dataset_get_sheet_reports (CakDataset *self);
guint cak_dataset_count_errors (CakDataset *self);

G_END_DECLS
