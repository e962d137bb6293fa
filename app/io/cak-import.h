/* cak-import.h: from files of regency figures to values in a dataset, every row accounted for
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cak-csv-reader.h"
#include "cak-dataset.h"
#include "cak-sheet.h"

G_BEGIN_DECLS

/* What a column holds, decided from its header or given by the user. */
typedef enum
{
  CAK_COLUMN_NONE, /* kept as information only */
  CAK_COLUMN_REGION_CODE,
  CAK_COLUMN_REGION_NAME,
  CAK_COLUMN_PERIOD,
  CAK_COLUMN_MEASURE, /* with a CakMeasure */
  CAK_COLUMN_ROW_NUMBER,
  CAK_COLUMN_COVERAGE_PCT, /* checked against the row's own figures, not imported */
  CAK_COLUMN_MEASURE_NAME, /* long layout: which measure the row's value is */
  CAK_COLUMN_VALUE,        /* long layout: the value */
  CAK_COLUMN_SEGMENT,      /* row-level extract: PU, BPU, Jakon or PMI */
  CAK_COLUMN_STATUS,       /* row-level extract: only active rows count */
  CAK_COLUMN_NOTE,         /* "Keterangan": information */
  CAK_COLUMN_PROVINCE,     /* "Provinsi": the province the row's region is matched in */
  CAK_N_COLUMN_ROLES
} CakColumnRole;

/* How a sheet lays out its figures. */
typedef enum
{
  CAK_LAYOUT_NONE,    /* no header found */
  CAK_LAYOUT_WIDE,    /* a row per region, a column per measure */
  CAK_LAYOUT_LONG,    /* a row per region, period and measure, with a value column */
  CAK_LAYOUT_EXTRACT, /* a row per participant: region, segment and maybe status */
} CakLayout;

/* What a row of a sheet turned out to be. */
typedef enum
{
  CAK_ROW_DATA,
  CAK_ROW_BLANK,
  CAK_ROW_TITLE,
  CAK_ROW_HEADER,
  CAK_ROW_COLUMN_NUMBERS, /* "(1) (2) (3)" under the header */
  CAK_ROW_REPEATED_HEADER,
  CAK_ROW_TOTAL,
  CAK_ROW_NOTE,
  CAK_ROW_INACTIVE, /* an extract's row whose status is not active */
  CAK_ROW_EMPTY,    /* a region without figures */
  CAK_ROW_REJECTED,
  CAK_ROW_DUPLICATE, /* an exact repeat of a row above: counted once */
} CakRowKind;

/* A column role given by the user: --map "HEADER=role", or the mapping step. */
typedef struct
{
  char *header; /* as the file writes it; compared without case and punctuation */
  CakColumnRole role;
  CakMeasure measure;
} CakColumnMapping;

typedef void (*CakImportProgressFunc) (double fraction, gpointer user_data);

typedef struct
{
  /* The period of files that name none in a column, sheet name or title line;
   * CAK_PERIOD_NONE if not given. */
  CakPeriod default_period;
  /* CakColumnMapping*, overriding what the headers say. May be NULL. */
  GPtrArray *column_map;
  /* Region text as the file writes it (normalised with cak_import_normalize ()) to a region
   * code, for names the catalog does not know or cannot settle. May be NULL. */
  GHashTable *region_map;
  /* The last row of the header (1-based), when the user has said where it is; 0 to detect. */
  guint header_row;
  CakImportProgressFunc progress;
  gpointer progress_data;
} CakImportOptions;

/* The first rows of a sheet as the importer saw them: for the mapping step. */
typedef struct
{
  char *sheet; /* NULL for CSV */
  CakLayout layout;
  guint header_first, header_last; /* 1-based; 0 when no header was found */
  CakPeriod period;                /* the sheet's period when it has no period column */
  GPtrArray *headers;              /* char*, one per column */
  GArray *roles;                   /* CakColumnRole per column */
  GArray *measures;                /* CakMeasure per column */
  GPtrArray *reasons;              /* char* per column: why it got its role ("" when none) */
  GPtrArray *rows;                 /* GStrv: the first rows' cells */
  GArray *row_numbers;             /* guint */
  GArray *row_kinds;               /* CakRowKind */
  guint n_columns;
} CakSheetPreview;

/* Region text that matched no region or several. */
typedef struct
{
  char *text;
  char *sheet;
  guint row;
  guint n_rows;          /* how many rows wrote it */
  GPtrArray *candidates; /* const CakRegion*: suggestions or the regions it could be */
  gboolean ambiguous;
} CakUnmatchedRegion;

typedef struct
{
  char *file;
  GPtrArray *sheets;    /* CakSheetPreview* */
  GPtrArray *unmatched; /* CakUnmatchedRegion* */
  char *signature;      /* the header, to remember the user's choices for files like it */
} CakImportPreview;

/* What a header says, word by word: the role, a period written in it, a unit in brackets. */
typedef struct
{
  CakColumnRole role;
  CakMeasure measure;
  CakPeriod period; /* "Penduduk Bekerja 2024": the year 2024; CAK_PERIOD_NONE when none */
  char *unit;       /* "jiwa", "%", "Rp": as the header writes it, or NULL */
  char *words;      /* the words that decided the role, normalised; NULL when none did */
} CakHeaderReading;

void cak_import_read_header (const char *header, CakHeaderReading *out);
void cak_header_reading_clear (CakHeaderReading *reading);
char *cak_header_reading_describe (const CakHeaderReading *reading);
CakColumnRole cak_import_classify_header (const char *header, CakMeasure *out_measure);
char *cak_import_normalize (const char *text);
const char *cak_column_role_to_id (CakColumnRole role, CakMeasure measure);
const char *cak_column_role_get_label (CakColumnRole role, CakMeasure measure);
const char *cak_row_kind_get_label (CakRowKind kind);
gboolean cak_import_parse_mapping (const char *spec, CakColumnMapping **out_mapping,
                                   GError **error);
gboolean cak_import_role_from_id (const char *id, CakColumnRole *out_role, CakMeasure *out_measure);
CakColumnMapping *cak_column_mapping_new (const char *header, CakColumnRole role,
                                          CakMeasure measure);
void cak_column_mapping_free (CakColumnMapping *mapping);

gboolean cak_import_bytes (CakDataset *dataset, GBytes *bytes, const char *display_name,
                           const CakImportOptions *options, GCancellable *cancellable,
                           GError **error);
gboolean cak_import_file (CakDataset *dataset, GFile *file, const CakImportOptions *options,
                          GCancellable *cancellable, GError **error);

CakImportPreview *cak_import_preview_file (GFile *file, const CakImportOptions *options,
                                           GCancellable *cancellable, GError **error);
void cak_import_preview_free (CakImportPreview *preview);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CakColumnMapping, cak_column_mapping_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CakImportPreview, cak_import_preview_free)

G_END_DECLS
