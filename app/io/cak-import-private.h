/* cak-import-private.h: what the importer's stages share: the state of an import and a sheet
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The importer is cut along its stages: cak-import.c streams sheets and accounts for rows,
 * cak-import-layout.c finds the header and what each column and row is, cak-import-regions.c
 * finds the region a row names, cak-import-rows.c reads, checks and stores a row's figures, and
 * cak-import-extract.c counts row-level extracts.
 */
#pragma once

#include "cak-import.h"
#include "cak-number.h"

G_BEGIN_DECLS

/* How far down a sheet the header may be: title lines come first in hand-made files. */
#define HEADER_SEARCH_ROWS 30
/* How many data rows decide a column's number style. */
#define VOTE_ROWS 400
/* How many rows of each sheet the preview keeps. */
#define PREVIEW_ROWS 40
/* How many distinct texts a column's cache remembers. */
#define CACHE_LIMIT 50000
/* How many distinct reasons an extract's tally tells apart. */
#define TALLY_LIMIT 500

typedef struct
{
  CakRow row; /* points into cells and types */
  char **cells;
  guint8 *types;
} StoredRow;

typedef struct
{
  char *header;
  CakColumnRole role;
  CakMeasure measure;
  CakPeriod period; /* written in the header ("Bekerja 2024"); CAK_PERIOD_NONE otherwise */
  char *unit;       /* from the header: "jiwa", "%" */
  char *why;        /* why the column got its role, for the report and the mapping step */
  CakNumberVote vote;
  CakNumberStyle style;
  CakNumberPercentForm percent_form; /* for a target or a stated coverage: 30 or 0.30 */
} Column;

typedef enum
{
  PHASE_PREAMBLE,  /* looking for the header */
  PHASE_VOTING,    /* keeping data rows to decide number styles */
  PHASE_STREAMING, /* every row handled as it comes */
  PHASE_NO_HEADER, /* a sheet without a header: its rows are counted as skipped */
  PHASE_COMPUTED,  /* a sheet a Cakupan report computed from another: counted as skipped */
} Phase;

/* One region and period of a row-level extract. */
typedef struct
{
  const CakRegion *region;
  guint32 period_key;
  guint first_row;
  double counts[4]; /* PU, BPU, Jakon, PMI */
} Tally;

/* The values a column held in the last rows, looked at before the cache: extracts have few
 * distinct segments and statuses, and are often sorted by region. */
typedef struct
{
  char text[4][24];
  gpointer value[4];
  guint next;
} Memo;

/* Rows of an extract skipped or rejected for the same reason and text. */
typedef struct
{
  CakRowKind kind;
  guint column;
  guint first_row;
  guint count;
  char *text;
  char *message; /* the reason, with %s for the text */
} Reason;

typedef struct
{
  const char *name; /* interned; NULL for CSV */
  gboolean hidden;
  const char *computed_from;
  CakSheetReport *report;
  CakSheetPreview *preview;
  Phase phase;
  GPtrArray *kept; /* StoredRow*: the preamble, then the rows being voted on */

  CakLayout layout;
  guint header_first, header_last; /* indexes into kept while the header is settled */
  guint header_row_number;         /* the header's last row, 1-based */
  guint last_row;                  /* the last row read, 1-based; 0 before the first */
  gboolean code_scheme_noted;      /* the report says how codes without names were read */
  GArray *columns; /* Column */
  int code_column, name_column, period_column, measure_name_column, value_column;
  int segment_column, status_column, coverage_column;
  gboolean has_period;
  CakPeriod period;

  /* Region names that need the file's province to be settled: kept to the end. */
  GPtrArray *deferred; /* StoredRow* */
  GHashTable *province_counts;
  const char *province_hint;

  /* The province a row's name is matched in, closest first (cak-import-regions.c): the row's
   * province column, that column's last value over the blank cells under it, the heading of the
   * block, the title; province_hint above comes last. */
  int province_column;
  gboolean province_cell_warned;
  char province_memo[64]; /* the last province cell read, and what it named */
  const CakRegion *province_memo_region;
  const CakRegion *column_province;
  guint column_row, carried_first, carried_last;
  const CakRegion *heading_province;
  guint heading_row, heading_first, heading_last;
  guint block_seen;                  /* rows read since the last province row */
  const char *block_province;        /* the province of the first of them found, a code */
  gboolean block_mixed;              /* some of them are in another province */
  guint block_deferred;              /* where their rows start in deferred */
  const CakRegion *closing_province; /* the province row under the deferred rows being read */
  guint closing_row;
  const CakRegion *title_province;
  const char *title_text; /* interned */
  gboolean title_is_sheet_name;

  /* Sums since the last total or province row: whether a province's row sums the rows above it
   * (cak-import-regions.c). */
  double sums[CAK_N_MEASURES];
  guint block_rows, block_rejected;

  /* The figures of the data rows and the total and province rows, to check each total
   * against the rows it sums once the sheet is read (ambiguous names are settled at its end). */
  GArray *figures;        /* RowFigures, in row order */
  GArray *totals;         /* TotalRow, in row order */
  GHashTable *seen_rows;  /* a row's region, period and figures -> its row: exact repeats */
  GHashTable *subregions; /* SubGroup*, by regency and period: kecamatan and desa rows */
  int subregion_column;   /* "Kecamatan", "Desa", "Kelurahan": a grouping within a regency */
  guint n_repeats, first_unlisted_repeat, last_repeat; /* repeated rows; past 20, one line */
  gboolean rows_begun;

  /* Row-level extracts */
  GHashTable *tallies; /* Tally*, by region and period */
  GHashTable *reasons; /* "kind|column|text" -> Reason* */
  Reason *last_reason;
  GHashTable *region_cache;
  GHashTable *segment_cache;
  GHashTable *status_cache;
  GHashTable *period_cache;
  Memo region_memo, segment_memo, status_memo;
} Sheet;

typedef struct
{
  CakDataset *dataset;
  CakRegionCatalog *catalog;
  const char *file; /* interned */
  const CakImportOptions *options;
  GCancellable *cancellable;
  CakImportPreview *preview; /* NULL unless previewing */
  Sheet *sheet;              /* the sheet being read */
  guint n_sheets_with_header;
  GError *error; /* stops reading */
  /* The first row that named a region column but no figure: for the error without a header. */
  char *partial_header;
  char *partial_others;
  const char *partial_sheet;
  guint partial_row;
  guint rows_seen;
} Import;

static inline const char *
cell (const CakRow *row, int column)
{
  if (column < 0 || (guint)column >= row->n_cells || row->cells[column] == NULL)
    return "";
  return row->cells[column];
}

static inline CakCellType
cell_type (const CakRow *row, int column)
{
  if (column < 0 || (guint)column >= row->n_cells)
    return CAK_CELL_EMPTY;
  if (row->types == NULL)
    return row->cells[column] && *row->cells[column] ? CAK_CELL_TEXT : CAK_CELL_EMPTY;
  return row->types[column];
}

static inline gboolean
is_blank_text (const char *text)
{
  for (const char *p = text; *p; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

static inline gboolean
row_is_blank (const CakRow *row)
{
  for (guint i = 0; i < row->n_cells; i++)
    if (row->cells[i] && !is_blank_text (row->cells[i]))
      return FALSE;
  return TRUE;
}

static inline guint
count_nonblank (const CakRow *row)
{
  guint n = 0;

  for (guint i = 0; i < row->n_cells; i++)
    if (!is_blank_text (cell (row, i)))
      n++;
  return n;
}

static inline int
first_nonblank (const CakRow *row)
{
  for (guint i = 0; i < row->n_cells; i++)
    if (!is_blank_text (cell (row, i)))
      return i;
  return -1;
}

typedef enum
{
  REGION_FOUND,
  REGION_TOTAL,
  REGION_DEFER,
  REGION_REJECTED,
  REGION_HEADING, /* a province's name alone: the rows under it are in that province */
} RegionResult;

typedef enum
{
  NUMBER_OK,
  NUMBER_BLANK,
  NUMBER_BAD,
} NumberResult;

/* cak-import.c: rows accounted for, notes in the import report */
void cak_import_account (Import *import, guint row, CakRowKind kind, gboolean quiet);
void cak_import_note (Import *import, CakSeverity severity, guint row, int column,
                      const char *format, ...) G_GNUC_PRINTF (5, 6);
void cak_import_reason_free (gpointer data);
void cak_stored_row_free (gpointer data);
StoredRow *cak_stored_row_new (const CakRow *row);

/* cak-import-layout.c */
void cak_import_account_columns (Import *import, guint from);
gboolean cak_import_find_header (Import *import);
gboolean cak_import_find_sheet_period (Import *import);
gboolean cak_import_is_column_numbers (const CakRow *row);
gboolean cak_import_is_note_text (const char *text);
gboolean cak_import_is_repeated_header (Sheet *sheet, const CakRow *row);
gboolean cak_import_is_total_label (const char *text);
void cak_import_preview_header (Import *import);
gboolean cak_import_user_role (Import *import, const char *header, CakColumnRole *role,
                               CakMeasure *measure);
void cak_import_vote_number_styles (Import *import);

/* cak-import-regions.c */
void cak_import_add_unmatched (Import *import, const char *text, guint row, GPtrArray *candidates,
                               gboolean ambiguous);
char *cak_import_code_text (const CakRow *row, int column);
void cak_import_count_province (Sheet *sheet, const CakRegion *region);
const char *cak_import_dominant_province (Sheet *sheet);
void cak_import_end_province_blocks (Import *import);
void cak_import_find_title_province (Import *import);
const CakRegion *cak_import_mapped_region (Import *import, const char *text);
RegionResult cak_import_resolve_region (Import *import, const CakRow *row, gboolean may_defer,
                                        const CakRegion **out);

/* cak-import-rows.c */
void cak_import_begin_rows (Sheet *sheet);
void cak_import_finish_rows (Import *import);
void cak_import_free_rows (Sheet *sheet);
gboolean cak_import_is_subregion_header (const char *header);
char *cak_import_format_number (double value);
void cak_import_handle_row (Import *import, const CakRow *row, gboolean may_defer);
NumberResult cak_import_read_number (const CakRow *row, int c, const Column *column,
                                     gboolean percent, double *out);
gboolean cak_import_store_values (Import *import, const CakRow *row, const CakRegion *region,
                                  CakPeriod period, const double *values, const gboolean *has,
                                  const int *columns);

/* cak-import-extract.c */
void cak_import_finish_extract (Import *import);
void cak_import_handle_extract_row (Import *import, const CakRow *row);
gboolean cak_import_tally_equal (gconstpointer a, gconstpointer b);
guint cak_import_tally_hash (gconstpointer key);

G_END_DECLS
