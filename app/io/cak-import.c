/* cak-import.c: from files of regency figures to values in a dataset, every row accounted for
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The importer reads any reader's rows as they stream past. For each sheet it keeps the first
 * rows until it has found the header (one row, or a group row over a row of sub-headers), then
 * a few hundred data rows to decide each column's number style, and from then on handles every
 * row as it comes, keeping nothing but the dataset's values. Row-level extracts keep only their
 * counts by region and segment.
 *
 * Every row ends in the sheet's report as imported, skipped (with the reason) or rejected
 * (with the reason and the cell).
 */
#define G_LOG_DOMAIN "cak-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "cak-import.h"
#include "cak-number.h"
#include "cak-ods-reader.h"
#include "cak-xls-reader.h"
#include "cak-xlsx-reader.h"

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
  CakNumberVote vote;
  CakNumberStyle style;
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
  guint header_first, header_last;
  GArray *columns; /* Column */
  int code_column, name_column, period_column, measure_name_column, value_column;
  int segment_column, status_column, coverage_column;
  gboolean has_period;
  CakPeriod period;

  /* Region names that need the file's province to be settled: kept to the end. */
  GPtrArray *deferred; /* StoredRow* */
  GHashTable *province_counts;
  const char *province_hint;

  /* Sums since the last total row, to check totals against. */
  double sums[CAK_N_MEASURES];
  guint block_rows, block_rejected;

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
  guint rows_seen;
} Import;

static char unknown_region; /* the cache's value for text that is no region */
static const struct
{
  const char *header;
  CakColumnRole role;
  CakMeasure measure;
} header_synonyms[] = {
  { "kode wilayah", CAK_COLUMN_REGION_CODE, 0 },
  { "kode", CAK_COLUMN_REGION_CODE, 0 },
  { "kode kab kota", CAK_COLUMN_REGION_CODE, 0 },
  { "kode kabupaten kota", CAK_COLUMN_REGION_CODE, 0 },
  { "kode bps", CAK_COLUMN_REGION_CODE, 0 },
  { "kode kemendagri", CAK_COLUMN_REGION_CODE, 0 },
  { "kode daerah", CAK_COLUMN_REGION_CODE, 0 },
  { "region code", CAK_COLUMN_REGION_CODE, 0 },
  { "code", CAK_COLUMN_REGION_CODE, 0 },
  { "kabupaten kota", CAK_COLUMN_REGION_NAME, 0 },
  { "kab kota", CAK_COLUMN_REGION_NAME, 0 },
  { "kabupaten", CAK_COLUMN_REGION_NAME, 0 },
  { "wilayah", CAK_COLUMN_REGION_NAME, 0 },
  { "nama wilayah", CAK_COLUMN_REGION_NAME, 0 },
  { "nama kabupaten kota", CAK_COLUMN_REGION_NAME, 0 },
  { "daerah", CAK_COLUMN_REGION_NAME, 0 },
  { "region", CAK_COLUMN_REGION_NAME, 0 },
  { "regency", CAK_COLUMN_REGION_NAME, 0 },
  { "periode", CAK_COLUMN_PERIOD, 0 },
  { "bulan", CAK_COLUMN_PERIOD, 0 },
  { "posisi", CAK_COLUMN_PERIOD, 0 },
  { "period", CAK_COLUMN_PERIOD, 0 },
  { "penduduk bekerja", CAK_COLUMN_MEASURE, CAK_MEASURE_WORKFORCE },
  { "jumlah penduduk bekerja", CAK_COLUMN_MEASURE, CAK_MEASURE_WORKFORCE },
  { "tenaga kerja", CAK_COLUMN_MEASURE, CAK_MEASURE_WORKFORCE },
  { "angkatan kerja bekerja", CAK_COLUMN_MEASURE, CAK_MEASURE_WORKFORCE },
  { "workforce", CAK_COLUMN_MEASURE, CAK_MEASURE_WORKFORCE },
  { "peserta aktif", CAK_COLUMN_MEASURE, CAK_MEASURE_PARTICIPANTS },
  { "total peserta", CAK_COLUMN_MEASURE, CAK_MEASURE_PARTICIPANTS },
  { "jumlah peserta", CAK_COLUMN_MEASURE, CAK_MEASURE_PARTICIPANTS },
  { "jumlah peserta aktif", CAK_COLUMN_MEASURE, CAK_MEASURE_PARTICIPANTS },
  { "participants", CAK_COLUMN_MEASURE, CAK_MEASURE_PARTICIPANTS },
  { "active participants", CAK_COLUMN_MEASURE, CAK_MEASURE_PARTICIPANTS },
  { "pu", CAK_COLUMN_MEASURE, CAK_MEASURE_PU },
  { "penerima upah", CAK_COLUMN_MEASURE, CAK_MEASURE_PU },
  { "bpu", CAK_COLUMN_MEASURE, CAK_MEASURE_BPU },
  { "bukan penerima upah", CAK_COLUMN_MEASURE, CAK_MEASURE_BPU },
  { "jakon", CAK_COLUMN_MEASURE, CAK_MEASURE_JAKON },
  { "jasa konstruksi", CAK_COLUMN_MEASURE, CAK_MEASURE_JAKON },
  { "pmi", CAK_COLUMN_MEASURE, CAK_MEASURE_PMI },
  { "pekerja migran indonesia", CAK_COLUMN_MEASURE, CAK_MEASURE_PMI },
  { "target cakupan %", CAK_COLUMN_MEASURE, CAK_MEASURE_TARGET_PCT },
  { "target cakupan", CAK_COLUMN_MEASURE, CAK_MEASURE_TARGET_PCT },
  { "target %", CAK_COLUMN_MEASURE, CAK_MEASURE_TARGET_PCT },
  { "target", CAK_COLUMN_MEASURE, CAK_MEASURE_TARGET_PCT },
  { "coverage target %", CAK_COLUMN_MEASURE, CAK_MEASURE_TARGET_PCT },
  { "target pct", CAK_COLUMN_MEASURE, CAK_MEASURE_TARGET_PCT },
  { "no", CAK_COLUMN_ROW_NUMBER, 0 },
  { "nomor", CAK_COLUMN_ROW_NUMBER, 0 },
  { "cakupan %", CAK_COLUMN_COVERAGE_PCT, 0 },
  { "cakupan", CAK_COLUMN_COVERAGE_PCT, 0 },
  { "coverage %", CAK_COLUMN_COVERAGE_PCT, 0 },
  { "coverage", CAK_COLUMN_COVERAGE_PCT, 0 },
  { "persentase cakupan", CAK_COLUMN_COVERAGE_PCT, 0 },
  { "kode wil", CAK_COLUMN_REGION_CODE, 0 },
  { "kode kab", CAK_COLUMN_REGION_CODE, 0 },
  { "kd wil", CAK_COLUMN_REGION_CODE, 0 },
  { "kab kota", CAK_COLUMN_REGION_NAME, 0 },
  { "kabupaten kotamadya", CAK_COLUMN_REGION_NAME, 0 },
  { "nama kab kota", CAK_COLUMN_REGION_NAME, 0 },
  { "nama daerah", CAK_COLUMN_REGION_NAME, 0 },
  { "provinsi kabupaten kota", CAK_COLUMN_REGION_NAME, 0 },
  { "regency city", CAK_COLUMN_REGION_NAME, 0 },
  { "tahun", CAK_COLUMN_PERIOD, 0 },
  { "year", CAK_COLUMN_PERIOD, 0 },
  { "tahun bulan", CAK_COLUMN_PERIOD, 0 },
  { "bulan tahun", CAK_COLUMN_PERIOD, 0 },
  { "tanggal", CAK_COLUMN_PERIOD, 0 },
  { "date", CAK_COLUMN_PERIOD, 0 },
  { "month", CAK_COLUMN_PERIOD, 0 },
  { "penduduk usia kerja yang bekerja", CAK_COLUMN_MEASURE, CAK_MEASURE_WORKFORCE },
  { "penduduk 15 tahun ke atas yang bekerja", CAK_COLUMN_MEASURE, CAK_MEASURE_WORKFORCE },
  { "jumlah tenaga kerja", CAK_COLUMN_MEASURE, CAK_MEASURE_WORKFORCE },
  { "pekerja", CAK_COLUMN_MEASURE, CAK_MEASURE_WORKFORCE },
  { "employed", CAK_COLUMN_MEASURE, CAK_MEASURE_WORKFORCE },
  { "employed population", CAK_COLUMN_MEASURE, CAK_MEASURE_WORKFORCE },
  { "peserta", CAK_COLUMN_MEASURE, CAK_MEASURE_PARTICIPANTS },
  { "total peserta aktif", CAK_COLUMN_MEASURE, CAK_MEASURE_PARTICIPANTS },
  { "tenaga kerja terlindungi", CAK_COLUMN_MEASURE, CAK_MEASURE_PARTICIPANTS },
  { "pekerja terlindungi", CAK_COLUMN_MEASURE, CAK_MEASURE_PARTICIPANTS },
  { "ppu", CAK_COLUMN_MEASURE, CAK_MEASURE_PU },
  { "pekerja penerima upah", CAK_COLUMN_MEASURE, CAK_MEASURE_PU },
  { "wage earners", CAK_COLUMN_MEASURE, CAK_MEASURE_PU },
  { "pbpu", CAK_COLUMN_MEASURE, CAK_MEASURE_BPU },
  { "pekerja bukan penerima upah", CAK_COLUMN_MEASURE, CAK_MEASURE_BPU },
  { "jk", CAK_COLUMN_MEASURE, CAK_MEASURE_JAKON },
  { "jasa konstruksi jakon", CAK_COLUMN_MEASURE, CAK_MEASURE_JAKON },
  { "construction", CAK_COLUMN_MEASURE, CAK_MEASURE_JAKON },
  { "migrant workers", CAK_COLUMN_MEASURE, CAK_MEASURE_PMI },
  { "target cakupan persen", CAK_COLUMN_MEASURE, CAK_MEASURE_TARGET_PCT },
  { "target persen", CAK_COLUMN_MEASURE, CAK_MEASURE_TARGET_PCT },
  { "cakupan persen", CAK_COLUMN_COVERAGE_PCT, 0 },
  { "persentase", CAK_COLUMN_COVERAGE_PCT, 0 },
  { "capaian", CAK_COLUMN_COVERAGE_PCT, 0 },
  { "capaian %", CAK_COLUMN_COVERAGE_PCT, 0 },
  { "coverage pct", CAK_COLUMN_COVERAGE_PCT, 0 },
  { "indikator", CAK_COLUMN_MEASURE_NAME, 0 },
  { "ukuran", CAK_COLUMN_MEASURE_NAME, 0 },
  { "variabel", CAK_COLUMN_MEASURE_NAME, 0 },
  { "jenis data", CAK_COLUMN_MEASURE_NAME, 0 },
  { "uraian", CAK_COLUMN_MEASURE_NAME, 0 },
  { "measure", CAK_COLUMN_MEASURE_NAME, 0 },
  { "indicator", CAK_COLUMN_MEASURE_NAME, 0 },
  { "variable", CAK_COLUMN_MEASURE_NAME, 0 },
  { "nilai", CAK_COLUMN_VALUE, 0 },
  { "angka", CAK_COLUMN_VALUE, 0 },
  { "value", CAK_COLUMN_VALUE, 0 },
  { "jumlah", CAK_COLUMN_VALUE, 0 },
  { "segmen", CAK_COLUMN_SEGMENT, 0 },
  { "segment", CAK_COLUMN_SEGMENT, 0 },
  { "segmen peserta", CAK_COLUMN_SEGMENT, 0 },
  { "segmen kepesertaan", CAK_COLUMN_SEGMENT, 0 },
  { "jenis kepesertaan", CAK_COLUMN_SEGMENT, 0 },
  { "kategori peserta", CAK_COLUMN_SEGMENT, 0 },
  { "status", CAK_COLUMN_STATUS, 0 },
  { "status kepesertaan", CAK_COLUMN_STATUS, 0 },
  { "status peserta", CAK_COLUMN_STATUS, 0 },
  { "status aktif", CAK_COLUMN_STATUS, 0 },
  { "keterangan", CAK_COLUMN_NOTE, 0 },
  { "ket", CAK_COLUMN_NOTE, 0 },
  { "catatan", CAK_COLUMN_NOTE, 0 },
  { "notes", CAK_COLUMN_NOTE, 0 },
  { "note", CAK_COLUMN_NOTE, 0 },
  { "remarks", CAK_COLUMN_NOTE, 0 },
};

/* Words that mark a row as a total rather than a region. */
static const char *const total_words[] = {
  "jumlah", "total", "jumlah total", "total provinsi", "grand total", "sub total", "subtotal",
};

/* Words a note under a table starts with: "Sumber: BPS", "Keterangan: ...", "*) angka
 * sementara". */
static const char *const note_words[] = {
  "sumber", "keterangan", "ket", "catatan", "note", "notes", "source", "sources", "data per",
};

static const struct
{
  const char *text;
  CakMeasure measure;
} segment_words[] = {
  { "pu", CAK_MEASURE_PU },
  { "ppu", CAK_MEASURE_PU },
  { "penerima upah", CAK_MEASURE_PU },
  { "pekerja penerima upah", CAK_MEASURE_PU },
  { "wage earner", CAK_MEASURE_PU },
  { "bpu", CAK_MEASURE_BPU },
  { "pbpu", CAK_MEASURE_BPU },
  { "bukan penerima upah", CAK_MEASURE_BPU },
  { "pekerja bukan penerima upah", CAK_MEASURE_BPU },
  { "informal", CAK_MEASURE_BPU },
  { "jakon", CAK_MEASURE_JAKON },
  { "jk", CAK_MEASURE_JAKON },
  { "jasa konstruksi", CAK_MEASURE_JAKON },
  { "construction", CAK_MEASURE_JAKON },
  { "pmi", CAK_MEASURE_PMI },
  { "pekerja migran indonesia", CAK_MEASURE_PMI },
  { "migrant worker", CAK_MEASURE_PMI },
};

static const char *const active_words[] = { "aktif", "active", "1", "ya", "y", "yes", "true", "a" };
static const char *const inactive_words[] = {
  "nonaktif", "non aktif", "tidak aktif", "inactive", "not active", "0",         "tidak",
  "no",       "n",         "false",       "keluar",   "berhenti",   "non-aktif", "na",
};

/* The text of every empty cell of a stored row: a row of 16,384 cells with content only in
 * the last costs pointers, not 16,383 allocations. */
static char stored_empty[] = "";

static void
stored_row_free (gpointer data)
{
  StoredRow *stored = data;

  for (guint i = 0; i < stored->row.n_cells; i++)
    if (stored->cells[i] != stored_empty)
      g_free (stored->cells[i]);
  g_free (stored->cells);
  g_free (stored->types);
  g_free (stored);
}

static StoredRow *
stored_row_new (const CakRow *row)
{
  StoredRow *stored = g_new0 (StoredRow, 1);

  stored->cells = g_new0 (char *, row->n_cells + 1);
  for (guint i = 0; i < row->n_cells; i++)
    stored->cells[i] = row->cells[i] && *row->cells[i] ? g_strdup (row->cells[i]) : stored_empty;
  if (row->types)
    stored->types = g_memdup2 (row->types, MAX (row->n_cells, 1));
  stored->row.row = row->row;
  stored->row.n_cells = row->n_cells;
  stored->row.cells = (const char *const *)stored->cells;
  stored->row.types = stored->types;
  return stored;
}

/**
 * cak_import_normalize:
 *
 * Lower case, punctuation other than % as space, one space between words: "Kabupaten/Kota"
 * and "KAB. / KOTA" become "kabupaten kota" and "kab kota".
 *
 * Returns: (transfer full): the text as headers and region names are compared
 */
char *
cak_import_normalize (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text ? text : ""; *p; p++)
    {
      char c = g_ascii_tolower (*p);

      if (g_ascii_isalnum (c) || c == '%' || (guchar)c >= 0x80)
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          g_string_append_c (out, c);
          space = FALSE;
        }
      else
        space = TRUE;
    }
  return g_string_free (out, FALSE);
}

static const char *
cell (const CakRow *row, int column)
{
  if (column < 0 || (guint)column >= row->n_cells || row->cells[column] == NULL)
    return "";
  return row->cells[column];
}

static CakCellType
cell_type (const CakRow *row, int column)
{
  if (column < 0 || (guint)column >= row->n_cells)
    return CAK_CELL_EMPTY;
  if (row->types == NULL)
    return row->cells[column] && *row->cells[column] ? CAK_CELL_TEXT : CAK_CELL_EMPTY;
  return row->types[column];
}

static gboolean
is_blank_text (const char *text)
{
  for (const char *p = text; *p; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

static gboolean
row_is_blank (const CakRow *row)
{
  for (guint i = 0; i < row->n_cells; i++)
    if (row->cells[i] && !is_blank_text (row->cells[i]))
      return FALSE;
  return TRUE;
}

static guint
count_nonblank (const CakRow *row)
{
  guint n = 0;

  for (guint i = 0; i < row->n_cells; i++)
    if (!is_blank_text (cell (row, i)))
      n++;
  return n;
}

static int
first_nonblank (const CakRow *row)
{
  for (guint i = 0; i < row->n_cells; i++)
    if (!is_blank_text (cell (row, i)))
      return i;
  return -1;
}

static gboolean
is_total_label (const char *text)
{
  g_autofree char *norm = cak_import_normalize (text);

  if (g_str_has_prefix (norm, "jumlah ") || g_str_has_prefix (norm, "total "))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (total_words); i++)
    if (strcmp (norm, total_words[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_note_text (const char *text)
{
  g_autofree char *norm = NULL;
  const char *p = text;

  while (g_ascii_isspace (*p))
    p++;
  if (*p == '*' || g_str_has_prefix (p, "\xc2\xb9") || g_str_has_prefix (p, "\xc2\xb2"))
    return TRUE;
  norm = cak_import_normalize (p);
  for (guint i = 0; i < G_N_ELEMENTS (note_words); i++)
    {
      gsize n = strlen (note_words[i]);

      if (strncmp (norm, note_words[i], n) == 0 && (norm[n] == '\0' || norm[n] == ' '))
        return TRUE;
    }
  return FALSE;
}

/* "(1) (2) (3) ...": the column numbers government tables put under the header. */
static gboolean
is_column_numbers (const CakRow *row)
{
  guint n = 0, last = 0;

  for (guint i = 0; i < row->n_cells; i++)
    {
      const char *text = cell (row, i);
      g_autofree char *norm = NULL;
      guint64 value;

      if (is_blank_text (text))
        continue;
      norm = cak_import_normalize (text);
      if (!g_ascii_string_to_unsigned (norm, 10, 1, 200, &value, NULL) || value <= last)
        return FALSE;
      last = value;
      n++;
    }
  return n >= 3;
}

static void note (Import *import, CakSeverity severity, guint row, int column, const char *format,
                  ...) G_GNUC_PRINTF (5, 6);

static void
note (Import *import, CakSeverity severity, guint row, int column, const char *format, ...)
{
  CakSource source = { import->file, import->sheet ? import->sheet->name : NULL, row,
                       column < 0 ? 0 : (guint)column };
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  cak_dataset_add_issue (import->dataset, severity, &source, column >= 0, message);
}

static const char *
row_kind_reason (CakRowKind kind)
{
  switch (kind)
    {
      case CAK_ROW_BLANK:
        return _ ("Skipped: blank row.");
      case CAK_ROW_TITLE:
        return _ ("Skipped: title line.");
      case CAK_ROW_HEADER:
        return _ ("Skipped: the header.");
      case CAK_ROW_COLUMN_NUMBERS:
        return _ ("Skipped: the column numbers under the header.");
      case CAK_ROW_REPEATED_HEADER:
        return _ ("Skipped: the header repeated.");
      case CAK_ROW_TOTAL:
        return _ ("Skipped: a total row; province totals are summed from the regencies.");
      case CAK_ROW_NOTE:
        return _ ("Skipped: a note under the table.");
      case CAK_ROW_EMPTY:
        return _ ("Skipped: the row holds no figures.");
      case CAK_ROW_INACTIVE:
      case CAK_ROW_DATA:
      case CAK_ROW_REJECTED:
      default:
        return NULL;
    }
}

/**
 * cak_row_kind_get_label:
 *
 * Returns: what a row is, in a word or two, for the mapping step's preview
 */
const char *
cak_row_kind_get_label (CakRowKind kind)
{
  switch (kind)
    {
      case CAK_ROW_DATA:
        return C_ ("row kind", "Data");
      case CAK_ROW_BLANK:
        return C_ ("row kind", "Blank");
      case CAK_ROW_TITLE:
        return C_ ("row kind", "Title");
      case CAK_ROW_HEADER:
        return C_ ("row kind", "Header");
      case CAK_ROW_COLUMN_NUMBERS:
        return C_ ("row kind", "Column numbers");
      case CAK_ROW_REPEATED_HEADER:
        return C_ ("row kind", "Header again");
      case CAK_ROW_TOTAL:
        return C_ ("row kind", "Total");
      case CAK_ROW_NOTE:
        return C_ ("row kind", "Note");
      case CAK_ROW_INACTIVE:
        return C_ ("row kind", "Not active");
      case CAK_ROW_EMPTY:
        return C_ ("row kind", "No figures");
      case CAK_ROW_REJECTED:
        return C_ ("row kind", "Rejected");
      default:
        return "";
    }
}

/* Counts a row in the sheet's report and the preview; skipped rows get their reason in the
 * import report unless @quiet (extracts tally theirs). */
static void
account (Import *import, guint row, CakRowKind kind, gboolean quiet)
{
  Sheet *sheet = import->sheet;
  const char *reason;

  sheet->report->rows++;
  if (kind == CAK_ROW_DATA)
    sheet->report->imported++;
  else if (kind == CAK_ROW_REJECTED)
    sheet->report->rejected++;
  else
    sheet->report->skipped++;

  if (!quiet && (reason = row_kind_reason (kind)) != NULL)
    note (import, CAK_SEVERITY_INFO, row, -1, "%s", reason);

  if (sheet->preview)
    for (guint i = sheet->preview->row_numbers->len; i-- > 0;)
      if (g_array_index (sheet->preview->row_numbers, guint, i) == row)
        {
          g_array_index (sheet->preview->row_kinds, CakRowKind, i) = kind;
          break;
        }
}

/**
 * cak_import_classify_header:
 * @out_measure: (optional): the measure, for %CAK_COLUMN_MEASURE
 *
 * Tells what a column holds from its header, in Indonesian or English, in any case and
 * punctuation.
 */
CakColumnRole
cak_import_classify_header (const char *header, CakMeasure *out_measure)
{
  g_autofree char *norm = NULL;

  g_return_val_if_fail (header != NULL, CAK_COLUMN_NONE);

  norm = cak_import_normalize (header);
  /* "Cakupan (%)" and "Target (%)" are the same columns as "Cakupan %" and "Target %". */
  for (guint i = 0; i < G_N_ELEMENTS (header_synonyms); i++)
    if (strcmp (norm, header_synonyms[i].header) == 0)
      {
        if (out_measure)
          *out_measure = header_synonyms[i].measure;
        return header_synonyms[i].role;
      }
  return CAK_COLUMN_NONE;
}

static const struct
{
  const char *id;
  CakColumnRole role;
  CakMeasure measure;
} role_ids[] = {
  { "ignore", CAK_COLUMN_NONE, 0 },
  { "region", CAK_COLUMN_REGION_NAME, 0 },
  { "region-name", CAK_COLUMN_REGION_NAME, 0 },
  { "region-code", CAK_COLUMN_REGION_CODE, 0 },
  { "period", CAK_COLUMN_PERIOD, 0 },
  { "workforce", CAK_COLUMN_MEASURE, CAK_MEASURE_WORKFORCE },
  { "participants", CAK_COLUMN_MEASURE, CAK_MEASURE_PARTICIPANTS },
  { "pu", CAK_COLUMN_MEASURE, CAK_MEASURE_PU },
  { "bpu", CAK_COLUMN_MEASURE, CAK_MEASURE_BPU },
  { "jakon", CAK_COLUMN_MEASURE, CAK_MEASURE_JAKON },
  { "pmi", CAK_COLUMN_MEASURE, CAK_MEASURE_PMI },
  { "target", CAK_COLUMN_MEASURE, CAK_MEASURE_TARGET_PCT },
  { "target_pct", CAK_COLUMN_MEASURE, CAK_MEASURE_TARGET_PCT },
  { "coverage", CAK_COLUMN_COVERAGE_PCT, 0 },
  { "row-number", CAK_COLUMN_ROW_NUMBER, 0 },
  { "measure", CAK_COLUMN_MEASURE_NAME, 0 },
  { "value", CAK_COLUMN_VALUE, 0 },
  { "segment", CAK_COLUMN_SEGMENT, 0 },
  { "status", CAK_COLUMN_STATUS, 0 },
  { "note", CAK_COLUMN_NOTE, 0 },
};

/**
 * cak_column_role_to_id:
 *
 * Returns: the role as --map writes it: "region", "workforce", "segment", "ignore"...
 */
const char *
cak_column_role_to_id (CakColumnRole role, CakMeasure measure)
{
  if (role == CAK_COLUMN_REGION_NAME)
    return "region";
  for (guint i = 0; i < G_N_ELEMENTS (role_ids); i++)
    if (role_ids[i].role == role && (role != CAK_COLUMN_MEASURE || role_ids[i].measure == measure))
      return role_ids[i].id;
  return "ignore";
}

/**
 * cak_import_role_from_id:
 *
 * Reads a role as --map writes it; the measures' JSON names (participants, target_pct) and
 * "kode"/"wilayah" style Indonesian words are accepted too.
 */
gboolean
cak_import_role_from_id (const char *id, CakColumnRole *out_role, CakMeasure *out_measure)
{
  g_autofree char *norm = NULL;
  CakMeasure measure = 0;
  CakColumnRole role;

  g_return_val_if_fail (id != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (role_ids); i++)
    if (g_ascii_strcasecmp (id, role_ids[i].id) == 0)
      {
        *out_role = role_ids[i].role;
        *out_measure = role_ids[i].measure;
        return TRUE;
      }
  norm = cak_import_normalize (id);
  role = cak_import_classify_header (norm, &measure);
  if (role == CAK_COLUMN_NONE)
    return FALSE;
  *out_role = role;
  *out_measure = measure;
  return TRUE;
}

/**
 * cak_column_role_get_label:
 *
 * Returns: the role as the mapping step names it
 */
const char *
cak_column_role_get_label (CakColumnRole role, CakMeasure measure)
{
  switch (role)
    {
      case CAK_COLUMN_NONE:
        return _ ("Ignore");
      case CAK_COLUMN_REGION_CODE:
        return _ ("Region code");
      case CAK_COLUMN_REGION_NAME:
        return _ ("Region");
      case CAK_COLUMN_PERIOD:
        return _ ("Period");
      case CAK_COLUMN_MEASURE:
        return cak_measure_get_label (measure);
      case CAK_COLUMN_ROW_NUMBER:
        return _ ("Row number");
      case CAK_COLUMN_COVERAGE_PCT:
        return _ ("Coverage % (checked)");
      case CAK_COLUMN_MEASURE_NAME:
        return _ ("Measure name");
      case CAK_COLUMN_VALUE:
        return _ ("Value");
      case CAK_COLUMN_SEGMENT:
        return _ ("Segment (PU, BPU, Jakon, PMI)");
      case CAK_COLUMN_STATUS:
        return _ ("Status (active rows count)");
      case CAK_COLUMN_NOTE:
        return _ ("Note");
      case CAK_N_COLUMN_ROLES:
      default:
        return "";
    }
}

CakColumnMapping *
cak_column_mapping_new (const char *header, CakColumnRole role, CakMeasure measure)
{
  CakColumnMapping *mapping = g_new0 (CakColumnMapping, 1);

  mapping->header = g_strdup (header);
  mapping->role = role;
  mapping->measure = measure;
  return mapping;
}

void
cak_column_mapping_free (CakColumnMapping *mapping)
{
  if (mapping == NULL)
    return;
  g_free (mapping->header);
  g_free (mapping);
}

/**
 * cak_import_parse_mapping:
 * @spec: "HEADER=role", as --map takes it: "Jml TK=workforce", "kode_wil=region",
 *   "segmen=segment", "status=status", "No=ignore"
 *
 * Returns: %FALSE with @error set (%G_OPTION_ERROR_BAD_VALUE) when @spec is not a mapping
 */
gboolean
cak_import_parse_mapping (const char *spec, CakColumnMapping **out_mapping, GError **error)
{
  const char *eq;
  g_autofree char *header = NULL;
  g_autofree char *id = NULL;
  CakColumnRole role;
  CakMeasure measure;

  g_return_val_if_fail (spec != NULL, FALSE);

  eq = strrchr (spec, '=');
  if (eq == NULL || eq == spec)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _ ("“%s” is not a mapping; write HEADER=ROLE, for example “Jml TK=workforce”."),
                   spec);
      return FALSE;
    }
  header = g_strstrip (g_strndup (spec, eq - spec));
  id = g_strstrip (g_strdup (eq + 1));
  if (!cak_import_role_from_id (id, &role, &measure))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _ ("“%s” is not a column role. Use one of: region, region-code, period, "
                      "workforce, participants, pu, bpu, jakon, pmi, target, coverage, measure, "
                      "value, segment, status, note, ignore."),
                   id);
      return FALSE;
    }
  *out_mapping = cak_column_mapping_new (header, role, measure);
  return TRUE;
}

/* ---- The header ---------------------------------------------------------------------- */

static gboolean
user_role (Import *import, const char *header, CakColumnRole *role, CakMeasure *measure)
{
  g_autofree char *norm = NULL;

  if (import->options == NULL || import->options->column_map == NULL || header == NULL
      || *header == '\0')
    return FALSE;
  norm = cak_import_normalize (header);
  for (guint i = 0; i < import->options->column_map->len; i++)
    {
      const CakColumnMapping *mapping = g_ptr_array_index (import->options->column_map, i);
      g_autofree char *mapped = cak_import_normalize (mapping->header);

      if (strcmp (norm, mapped) == 0)
        {
          *role = mapping->role;
          *measure = mapping->measure;
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
is_total_word (const char *text)
{
  g_autofree char *norm = cak_import_normalize (text);

  return strcmp (norm, "jumlah") == 0 || strcmp (norm, "total") == 0
         || strcmp (norm, "sub total") == 0;
}

/* Names a column from its group header (the merged cell above, may be "") and its own header,
 * and decides its role: the user's mapping first, then "PESERTA AKTIF PU" whole, then the own
 * header, then the group's ("JUMLAH" under "PESERTA AKTIF" is the participants). */
static void
classify_column (Import *import, const char *group, const char *sub, Column *column)
{
  gboolean has_group = !is_blank_text (group), has_sub = !is_blank_text (sub);
  g_autofree char *g = g_strstrip (g_strdup (group));
  g_autofree char *s = g_strstrip (g_strdup (sub));
  g_autofree char *joined = NULL;
  CakColumnRole role = CAK_COLUMN_NONE;
  CakMeasure measure = 0;

  memset (column, 0, sizeof *column);
  if (has_group && has_sub)
    column->header = g_strdup_printf ("%s / %s", g, s);
  else
    column->header = g_strdup (has_sub ? s : g);

  joined = g_strdup_printf ("%s %s", g, s);
  if (user_role (import, column->header, &role, &measure)
      || (has_sub && user_role (import, s, &role, &measure))
      || (has_group && has_sub && user_role (import, joined, &role, &measure))
      || (has_group && !has_sub && user_role (import, g, &role, &measure)))
    goto done;

  if (has_group && has_sub)
    {
      CakMeasure group_measure = 0;
      CakColumnRole group_role = cak_import_classify_header (g, &group_measure);

      if ((role = cak_import_classify_header (joined, &measure)) != CAK_COLUMN_NONE)
        goto done;
      if (is_total_word (s) && group_role != CAK_COLUMN_NONE)
        {
          role = group_role;
          measure = group_measure;
          goto done;
        }
      role = cak_import_classify_header (s, &measure);
      goto done;
    }
  role = cak_import_classify_header (has_sub ? s : g, &measure);

done:
  column->role = role;
  column->measure = measure;
}

static CakLayout
layout_of (GArray *columns, guint *out_score)
{
  guint region = 0, measures = 0, names = 0, values = 0, segments = 0, score = 0;

  for (guint i = 0; i < columns->len; i++)
    {
      const Column *column = &g_array_index (columns, Column, i);

      switch (column->role)
        {
          case CAK_COLUMN_REGION_CODE:
          case CAK_COLUMN_REGION_NAME:
            region++;
            break;
          case CAK_COLUMN_MEASURE:
            measures++;
            break;
          case CAK_COLUMN_MEASURE_NAME:
            names++;
            break;
          case CAK_COLUMN_VALUE:
            values++;
            break;
          case CAK_COLUMN_SEGMENT:
            segments++;
            break;
          default:
            break;
        }
      if (column->role != CAK_COLUMN_NONE)
        score++;
    }
  *out_score = score;
  if (region == 0)
    return CAK_LAYOUT_NONE;
  if (measures > 0)
    return CAK_LAYOUT_WIDE;
  if (names > 0 && values > 0)
    return CAK_LAYOUT_LONG;
  if (segments > 0)
    return CAK_LAYOUT_EXTRACT;
  return CAK_LAYOUT_NONE;
}

static void
clear_column (gpointer data)
{
  Column *column = data;

  g_free (column->header);
}

static GArray *
new_columns (void)
{
  GArray *columns = g_array_new (FALSE, TRUE, sizeof (Column));

  g_array_set_clear_func (columns, clear_column);
  return columns;
}

/* The columns a header of one row (@group NULL) or two rows gives. A group header stands over
 * the columns to its right whose own cell above is empty, as merged cells read. */
static GArray *
columns_from_rows (Import *import, const CakRow *group, const CakRow *sub)
{
  GArray *columns = new_columns ();
  guint n = MAX (sub->n_cells, group ? group->n_cells : 0);
  const char *carried = "";

  for (guint c = 0; c < n; c++)
    {
      Column column;
      const char *g = "";

      if (group)
        {
          if (!is_blank_text (cell (group, c)))
            carried = cell (group, c);
          else if (is_blank_text (cell (sub, c)))
            carried = "";
          g = is_blank_text (cell (sub, c)) ? cell (group, c) : carried;
        }
      classify_column (import, g, cell (sub, c), &column);
      g_array_append_val (columns, column);
    }
  return columns;
}

static void
set_columns (Sheet *sheet, GArray *columns)
{
  g_clear_pointer (&sheet->columns, g_array_unref);
  sheet->columns = columns;
  sheet->code_column = sheet->name_column = sheet->period_column = -1;
  sheet->measure_name_column = sheet->value_column = -1;
  sheet->segment_column = sheet->status_column = sheet->coverage_column = -1;
  for (guint i = 0; i < columns->len; i++)
    {
      const Column *column = &g_array_index (columns, Column, i);
      int *slot = NULL;

      switch (column->role)
        {
          case CAK_COLUMN_REGION_CODE:
            slot = &sheet->code_column;
            break;
          case CAK_COLUMN_REGION_NAME:
            slot = &sheet->name_column;
            break;
          case CAK_COLUMN_PERIOD:
            slot = &sheet->period_column;
            break;
          case CAK_COLUMN_MEASURE_NAME:
            slot = &sheet->measure_name_column;
            break;
          case CAK_COLUMN_VALUE:
            slot = &sheet->value_column;
            break;
          case CAK_COLUMN_SEGMENT:
            slot = &sheet->segment_column;
            break;
          case CAK_COLUMN_STATUS:
            slot = &sheet->status_column;
            break;
          case CAK_COLUMN_COVERAGE_PCT:
            slot = &sheet->coverage_column;
            break;
          default:
            break;
        }
      if (slot && *slot < 0)
        *slot = i;
    }
}

/* Tries every row of the preamble as the header, alone and under the row above it, and keeps
 * the reading that recognises most columns. */
static gboolean
find_header (Import *import)
{
  Sheet *sheet = import->sheet;
  GArray *best = NULL;
  guint best_score = 0, best_first = 0, best_last = 0;
  CakLayout best_layout = CAK_LAYOUT_NONE;
  guint wanted = import->options ? import->options->header_row : 0;

  for (guint i = 0; i < sheet->kept->len; i++)
    {
      const StoredRow *row = g_ptr_array_index (sheet->kept, i);

      if (row_is_blank (&row->row))
        continue;
      for (guint two = 0; two < 2; two++)
        {
          const StoredRow *above = i > 0 ? g_ptr_array_index (sheet->kept, i - 1) : NULL;
          GArray *columns;
          CakLayout layout;
          guint score;

          if (two && (above == NULL || row_is_blank (&above->row)))
            continue;
          if (wanted && row->row.row != wanted)
            continue;
          columns = columns_from_rows (import, two ? &above->row : NULL, &row->row);
          layout = layout_of (columns, &score);
          if (layout != CAK_LAYOUT_NONE && score > best_score)
            {
              g_clear_pointer (&best, g_array_unref);
              best = columns;
              best_score = score;
              best_layout = layout;
              best_first = two ? i - 1 : i;
              best_last = i;
            }
          else
            g_array_unref (columns);
        }
    }
  if (best == NULL)
    return FALSE;

  set_columns (sheet, best);
  sheet->layout = best_layout;
  sheet->header_first = best_first;
  sheet->header_last = best_last;
  return TRUE;
}

static void
preview_header (Import *import)
{
  Sheet *sheet = import->sheet;
  CakSheetPreview *preview = sheet->preview;

  if (preview == NULL)
    return;
  preview->layout = sheet->layout;
  preview->period = sheet->has_period ? sheet->period : CAK_PERIOD_INIT_NONE;
  if (sheet->columns == NULL)
    return;
  preview->header_first
      = ((StoredRow *)g_ptr_array_index (sheet->kept, sheet->header_first))->row.row;
  preview->header_last
      = ((StoredRow *)g_ptr_array_index (sheet->kept, sheet->header_last))->row.row;
  g_ptr_array_set_size (preview->headers, 0);
  g_array_set_size (preview->roles, 0);
  g_array_set_size (preview->measures, 0);
  for (guint i = 0; i < sheet->columns->len; i++)
    {
      const Column *column = &g_array_index (sheet->columns, Column, i);

      g_ptr_array_add (preview->headers, g_strdup (column->header));
      g_array_append_val (preview->roles, column->role);
      g_array_append_val (preview->measures, column->measure);
    }
  preview->n_columns = MAX (preview->n_columns, sheet->columns->len);
}

/* The period of a sheet without a period column: its name, a title line, or what was given. */
static gboolean
find_sheet_period (Import *import)
{
  Sheet *sheet = import->sheet;

  if (sheet->period_column >= 0)
    return TRUE;

  if (sheet->name && cak_period_find_in_text (sheet->name, &sheet->period))
    {
      g_autofree char *iso = cak_period_to_iso (sheet->period);

      note (import, CAK_SEVERITY_INFO, 0, -1, _ ("The period %s is taken from the sheet’s name."),
            iso);
      sheet->has_period = TRUE;
      return TRUE;
    }

  for (guint i = 0; i < sheet->header_first; i++)
    {
      const StoredRow *row = g_ptr_array_index (sheet->kept, i);

      for (guint c = 0; c < row->row.n_cells; c++)
        if (!is_blank_text (cell (&row->row, c))
            && cak_period_find_in_text (cell (&row->row, c), &sheet->period))
          {
            g_autofree char *iso = cak_period_to_iso (sheet->period);

            note (import, CAK_SEVERITY_INFO, row->row.row, c,
                  _ ("The period %s is taken from the title line “%s”."), iso, cell (&row->row, c));
            sheet->has_period = TRUE;
            return TRUE;
          }
    }

  if (import->options && cak_period_is_valid (import->options->default_period))
    {
      sheet->period = import->options->default_period;
      sheet->has_period = TRUE;
      return TRUE;
    }

  if (sheet->name)
    g_set_error (&import->error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_NO_PERIOD,
                 _ ("“%s”, sheet “%s”: no period is written in a column, the sheet’s name or a "
                    "title line. Give the period the figures are for (--period on the command "
                    "line)."),
                 import->file, sheet->name);
  else
    g_set_error (&import->error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_NO_PERIOD,
                 _ ("“%s”: no period is written in a column or a title line. Give the period the "
                    "figures are for (--period on the command line)."),
                 import->file);
  return FALSE;
}

/* ---- Regions ------------------------------------------------------------------------- */

static char *
describe_candidates (GPtrArray *candidates)
{
  g_autoptr (GString) out = g_string_new (NULL);

  for (guint i = 0; candidates && i < candidates->len; i++)
    {
      const CakRegion *region = g_ptr_array_index (candidates, i);

      if (i > 0)
        g_string_append (out, i + 1 == candidates->len ? _ (" or ") : ", ");
      g_string_append_printf (out, "%s (%s)", region->name, region->code);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
add_unmatched (Import *import, const char *text, guint row, GPtrArray *candidates,
               gboolean ambiguous)
{
  CakUnmatchedRegion *unmatched;

  if (import->preview == NULL)
    return;
  for (guint i = 0; i < import->preview->unmatched->len; i++)
    {
      unmatched = g_ptr_array_index (import->preview->unmatched, i);
      if (strcmp (unmatched->text, text) == 0)
        {
          unmatched->n_rows++;
          return;
        }
    }
  unmatched = g_new0 (CakUnmatchedRegion, 1);
  unmatched->text = g_strdup (text);
  unmatched->sheet = g_strdup (import->sheet->name);
  unmatched->row = row;
  unmatched->n_rows = 1;
  unmatched->ambiguous = ambiguous;
  unmatched->candidates = candidates ? g_ptr_array_ref (candidates) : g_ptr_array_new ();
  g_ptr_array_add (import->preview->unmatched, unmatched);
}

/* The user's choice for a region text, from the mapping step. */
static const CakRegion *
mapped_region (Import *import, const char *text)
{
  g_autofree char *norm = NULL;
  const char *code;

  if (import->options == NULL || import->options->region_map == NULL)
    return NULL;
  norm = cak_import_normalize (text);
  code = g_hash_table_lookup (import->options->region_map, norm);
  return code ? cak_region_catalog_lookup_code (import->catalog, code) : NULL;
}

/* "3507 Kab. Malang", "35.07 - MALANG": a code written before the name in one cell. */
static gboolean
split_code_and_name (const char *text, char **code, char **name)
{
  const char *p = text;
  guint digits = 0;

  while (g_ascii_isspace (*p))
    p++;
  {
    const char *start = p;

    while (g_ascii_isdigit (*p) || *p == '.')
      digits += g_ascii_isdigit (*p++) ? 1 : 0;
    if (digits < 2 || digits > 4)
      return FALSE;
    *code = g_strndup (start, p - start);
  }
  while (g_ascii_isspace (*p) || *p == '-' || *p == ':' || *p == '.')
    p++;
  if (!g_ascii_isalpha (*p))
    {
      g_clear_pointer (code, g_free);
      return FALSE;
    }
  *name = g_strdup (p);
  return TRUE;
}

/* Codes typed as numbers lose their last zero: 35.10 is stored as 35.1. */
static char *
code_text (const CakRow *row, int column)
{
  const char *text = cell (row, column);

  if (cell_type (row, column) == CAK_CELL_NUMBER && strlen (text) == 4 && text[2] == '.')
    return g_strconcat (text, "0", NULL);
  return g_strstrip (g_strdup (text));
}

typedef enum
{
  REGION_FOUND,
  REGION_TOTAL,
  REGION_DEFER,
  REGION_REJECTED,
} RegionResult;

static RegionResult
resolve_region (Import *import, const CakRow *row, gboolean may_defer, const CakRegion **out)
{
  Sheet *sheet = import->sheet;
  g_autofree char *code = code_text (row, sheet->code_column);
  g_autofree char *name = g_strstrip (g_strdup (cell (row, sheet->name_column)));
  const CakRegion *by_code = NULL, *by_name = NULL;
  g_autoptr (GPtrArray) candidates = NULL;
  CakMatchStatus status;
  int name_column = sheet->name_column;

  *out = NULL;
  if (is_total_label (name) || (is_blank_text (name) && is_total_label (code)))
    return REGION_TOTAL;

  /* Totals are often written across merged cells starting in the "No" column: look at the
   * row's other text cells when the region cells are empty. */
  if (is_blank_text (name) && is_blank_text (code))
    for (guint c = 0; c < sheet->columns->len && c < row->n_cells; c++)
      {
        const Column *column = &g_array_index (sheet->columns, Column, c);
        const CakRegion *province = NULL;

        if (column->role == CAK_COLUMN_MEASURE || column->role == CAK_COLUMN_PERIOD
            || column->role == CAK_COLUMN_VALUE || is_blank_text (cell (row, c)))
          continue;
        if (is_total_label (cell (row, c))
            || (cak_region_catalog_match (import->catalog, cell (row, c), CAK_REGION_KIND_PROVINCE,
                                          NULL, &province, NULL)
                    == CAK_MATCH_FOUND
                && province->kind == CAK_REGION_KIND_PROVINCE))
          return REGION_TOTAL;
      }

  if (!is_blank_text (code) && (by_code = mapped_region (import, code)) == NULL)
    {
      status = cak_region_catalog_match (import->catalog, code, CAK_REGION_KIND_ANY, NULL, &by_code,
                                         NULL);
      if (status != CAK_MATCH_FOUND && is_blank_text (name))
        {
          note (import, CAK_SEVERITY_ERROR, row->row, sheet->code_column,
                _ ("“%s” is not a region code of Kemendagri or BPS."), code);
          add_unmatched (import, code, row->row, NULL, FALSE);
          return REGION_REJECTED;
        }
    }

  /* A code written before the name in the same cell. */
  if (by_code == NULL && !is_blank_text (name))
    {
      g_autofree char *inline_code = NULL;
      g_autofree char *inline_name = NULL;

      if (split_code_and_name (name, &inline_code, &inline_name)
          && cak_region_catalog_match (import->catalog, inline_code, CAK_REGION_KIND_ANY, NULL,
                                       &by_code, NULL)
                 == CAK_MATCH_FOUND)
        {
          g_free (name);
          name = g_steal_pointer (&inline_name);
        }
      else
        by_code = NULL;
    }

  if (!is_blank_text (name))
    {
      const CakRegion *chosen = mapped_region (import, name);

      if (chosen)
        {
          status = CAK_MATCH_FOUND;
          by_name = chosen;
        }
      else
        status = cak_region_catalog_match (import->catalog, name, CAK_REGION_KIND_ANY,
                                           by_code ? by_code->province_code : sheet->province_hint,
                                           &by_name, &candidates);
      if (by_code == NULL)
        {
          g_autofree char *list = NULL;

          if (status == CAK_MATCH_FOUND)
            {
              *out = by_name;
              return REGION_FOUND;
            }
          if (status == CAK_MATCH_AMBIGUOUS && may_defer && sheet->province_hint == NULL)
            return REGION_DEFER;
          list = describe_candidates (candidates);
          if (status == CAK_MATCH_AMBIGUOUS)
            note (import, CAK_SEVERITY_ERROR, row->row, name_column,
                  _ ("“%s” could be %s; write “Kabupaten” or “Kota”, or add the region code."),
                  name, list);
          else if (candidates && candidates->len > 0)
            note (import, CAK_SEVERITY_ERROR, row->row, name_column,
                  _ ("“%s” is not a known province, regency or city. Did you mean %s?"), name,
                  list);
          else
            note (import, CAK_SEVERITY_ERROR, row->row, name_column,
                  _ ("“%s” is not a known province, regency or city."), name);
          add_unmatched (import, name, row->row, candidates, status == CAK_MATCH_AMBIGUOUS);
          return REGION_REJECTED;
        }
      if (status == CAK_MATCH_NONE)
        note (import, CAK_SEVERITY_WARNING, row->row, name_column,
              _ ("The name “%s” is not a known region; the code %s (%s) was used."), name,
              by_code->code, by_code->name);
      else if (status == CAK_MATCH_FOUND && by_name != by_code)
        note (import, CAK_SEVERITY_WARNING, row->row, name_column,
              _ ("The name “%s” does not fit the code %s (%s); the code was used."), name,
              by_code->code, by_code->name);
    }

  if (by_code == NULL)
    {
      note (import, CAK_SEVERITY_ERROR, row->row, -1, _ ("The row names no region."));
      return REGION_REJECTED;
    }
  *out = by_code;
  return REGION_FOUND;
}

/* Regency files hold one province as a rule: the province most rows name settles bare names
 * such as "Blitar" when the file itself says nothing else. */
static void
count_province (Sheet *sheet, const CakRegion *region)
{
  guint n;

  if (region->kind == CAK_REGION_KIND_PROVINCE)
    return;
  n = GPOINTER_TO_UINT (g_hash_table_lookup (sheet->province_counts, region->province_code)) + 1;
  g_hash_table_insert (sheet->province_counts, (gpointer)region->province_code,
                       GUINT_TO_POINTER (n));
  if (sheet->province_hint == NULL && n >= 3)
    sheet->province_hint = region->province_code;
}

static const char *
dominant_province (Sheet *sheet)
{
  GHashTableIter iter;
  gpointer key, value;
  const char *best = NULL;
  guint best_n = 0;

  g_hash_table_iter_init (&iter, sheet->province_counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_UINT (value) > best_n)
      {
        best_n = GPOINTER_TO_UINT (value);
        best = key;
      }
  return best;
}

/* ---- Figures ------------------------------------------------------------------------- */

typedef enum
{
  NUMBER_OK,
  NUMBER_BLANK,
  NUMBER_BAD,
} NumberResult;

/* Reads a figure cell: typed numbers as they are, text in the column's number style. "-" is
 * how tables write "none". Percentages typed as fractions (0.3 shown as 30%) become 30. */
static NumberResult
read_number (const CakRow *row, int c, const Column *column, gboolean percent, double *out)
{
  const char *text = cell (row, c);
  CakCellType type = cell_type (row, c);
  CakNumberFlags flags = 0;
  g_autofree char *stripped = NULL;

  if (type == CAK_CELL_EMPTY || is_blank_text (text))
    return NUMBER_BLANK;
  if (type == CAK_CELL_NUMBER)
    {
      *out = g_ascii_strtod (text, NULL);
      if (percent && fabs (*out) <= 1.0)
        *out *= 100;
      return isfinite (*out) ? NUMBER_OK : NUMBER_BAD;
    }
  if (type != CAK_CELL_TEXT)
    return NUMBER_BAD;
  stripped = g_strstrip (g_strdup (text));
  if (strcmp (stripped, "-") == 0 || strcmp (stripped, "\xe2\x80\x93") == 0
      || strcmp (stripped, "\xe2\x80\x94") == 0)
    return NUMBER_BLANK;
  if (!cak_number_parse (stripped, column ? column->style : CAK_NUMBER_STYLE_UNKNOWN, out, &flags))
    return NUMBER_BAD;
  return NUMBER_OK;
}

static char *
format_number (double value)
{
  CakLang lang = cak_lang_from_environment ();

  return cak_number_format (value, fabs (value - round (value)) < 1e-9 ? 0 : 2, lang);
}

static void
vote_number_styles (Sheet *sheet)
{
  for (guint c = 0; c < sheet->columns->len; c++)
    {
      Column *column = &g_array_index (sheet->columns, Column, c);

      if (column->role != CAK_COLUMN_MEASURE && column->role != CAK_COLUMN_VALUE
          && column->role != CAK_COLUMN_COVERAGE_PCT)
        continue;
      for (guint r = 0; r < sheet->kept->len; r++)
        {
          const StoredRow *row = g_ptr_array_index (sheet->kept, r);

          if (cell_type (&row->row, c) == CAK_CELL_TEXT)
            cak_number_vote (&column->vote, cell (&row->row, c));
        }
      column->style = cak_number_vote_result (&column->vote);
    }
}

static gboolean
is_repeated_header (Sheet *sheet, const CakRow *row)
{
  guint same = 0, nonblank = 0;

  for (guint i = 0; i < MIN (row->n_cells, sheet->columns->len); i++)
    {
      const Column *column = &g_array_index (sheet->columns, Column, i);
      const char *header = strrchr (column->header, '/');

      if (is_blank_text (cell (row, i)))
        continue;
      nonblank++;
      header = header ? header + 2 : column->header;
      if (g_ascii_strcasecmp (g_strstrip ((char *)cell (row, i)), header) == 0
          || g_ascii_strcasecmp (cell (row, i), column->header) == 0)
        same++;
    }
  return nonblank > 0 && same == nonblank;
}

/* A total row's figures against the sum of the rows above it since the last total. */
static void
check_total (Import *import, const CakRow *row)
{
  Sheet *sheet = import->sheet;

  if (sheet->layout == CAK_LAYOUT_WIDE && sheet->block_rows > 0 && sheet->block_rejected == 0)
    for (guint c = 0; c < sheet->columns->len; c++)
      {
        const Column *column = &g_array_index (sheet->columns, Column, c);
        double value;

        if (column->role != CAK_COLUMN_MEASURE || column->measure == CAK_MEASURE_TARGET_PCT)
          continue;
        if (read_number (row, c, column, FALSE, &value) == NUMBER_OK
            && fabs (value - sheet->sums[column->measure]) > 0.5 + 1e-9 * fabs (value))
          {
            g_autofree char *a = format_number (value);
            g_autofree char *b = format_number (sheet->sums[column->measure]);

            note (import, CAK_SEVERITY_WARNING, row->row, c,
                  _ ("The total %s is %s here, but the %u rows above it add up to %s."),
                  column->header, a, sheet->block_rows, b);
          }
      }
  memset (sheet->sums, 0, sizeof sheet->sums);
  sheet->block_rows = sheet->block_rejected = 0;
}

static void
check_coverage (Import *import, const CakRow *row, const double *values, const gboolean *has)
{
  Sheet *sheet = import->sheet;
  const Column *column;
  double participants, stated, computed;

  if (sheet->coverage_column < 0 || !has[CAK_MEASURE_WORKFORCE]
      || values[CAK_MEASURE_WORKFORCE] <= 0)
    return;
  if (has[CAK_MEASURE_PARTICIPANTS])
    participants = values[CAK_MEASURE_PARTICIPANTS];
  else if (has[CAK_MEASURE_PU] && has[CAK_MEASURE_BPU] && has[CAK_MEASURE_JAKON]
           && has[CAK_MEASURE_PMI])
    participants = values[CAK_MEASURE_PU] + values[CAK_MEASURE_BPU] + values[CAK_MEASURE_JAKON]
                   + values[CAK_MEASURE_PMI];
  else
    return;

  column = &g_array_index (sheet->columns, Column, sheet->coverage_column);
  if (read_number (row, sheet->coverage_column, column, TRUE, &stated) != NUMBER_OK)
    return;
  computed = 100.0 * participants / values[CAK_MEASURE_WORKFORCE];
  /* A fraction written without the percent sign: 0,2768 for 27,68%. */
  if (stated <= 1.0 && computed > 1.0)
    stated *= 100;
  /* Files round to one or two decimals. */
  if (fabs (stated - computed) > 0.051)
    {
      CakLang lang = cak_lang_from_environment ();
      g_autofree char *a = cak_number_format_percent (stated, 2, lang);
      g_autofree char *b = cak_number_format_percent (computed, 2, lang);

      note (import, CAK_SEVERITY_WARNING, row->row, sheet->coverage_column,
            _ ("The coverage written here is %s, but the row’s own figures give %s."), a, b);
    }
}

/* Stores a row's values once they are all checked, so that a rejected row leaves nothing. */
static gboolean
store_values (Import *import, const CakRow *row, const CakRegion *region, CakPeriod period,
              const double *values, const gboolean *has, const int *columns)
{
  Sheet *sheet = import->sheet;

  for (guint m = 0; m < CAK_N_MEASURES; m++)
    {
      CakValue existing;

      if (has[m] && cak_dataset_get (import->dataset, region, period, m, &existing)
          && fabs (existing.value - values[m]) > 1e-9 * MAX (1.0, fabs (values[m])))
        {
          g_autofree char *col = cak_source_column_name (existing.source.column);
          g_autofree char *iso = cak_period_to_iso (period);
          g_autofree char *here = format_number (values[m]);
          g_autofree char *there = format_number (existing.value);

          if (existing.source.sheet)
            note (import, CAK_SEVERITY_ERROR, row->row, columns[m],
                  _ ("%s for %s in %s is %s here but %s in %s, sheet “%s”, row %u, column %s; "
                     "the row was not imported."),
                  cak_measure_get_label (m), region->name, iso, here, there, existing.source.file,
                  existing.source.sheet, existing.source.row, col);
          else
            note (import, CAK_SEVERITY_ERROR, row->row, columns[m],
                  _ ("%s for %s in %s is %s here but %s in %s, row %u, column %s; the row was "
                     "not imported."),
                  cak_measure_get_label (m), region->name, iso, here, there, existing.source.file,
                  existing.source.row, col);
          return FALSE;
        }
    }
  for (guint m = 0; m < CAK_N_MEASURES; m++)
    if (has[m])
      {
        CakSource source = { import->file, sheet->name, row->row, columns[m] };

        cak_dataset_set (import->dataset, region, period, m, values[m], &source, NULL);
        sheet->sums[m] += values[m];
      }
  return TRUE;
}

static gboolean
row_period (Import *import, const CakRow *row, CakPeriod *period)
{
  Sheet *sheet = import->sheet;
  const char *text;

  if (sheet->period_column < 0)
    {
      *period = sheet->period;
      return TRUE;
    }
  text = cell (row, sheet->period_column);
  if (cak_period_parse (text, period))
    return TRUE;
  if (is_blank_text (text))
    note (import, CAK_SEVERITY_ERROR, row->row, sheet->period_column, _ ("The period is empty."));
  else
    note (import, CAK_SEVERITY_ERROR, row->row, sheet->period_column,
          _ ("“%s” is not a period (write for example “Desember 2023”, “2023-12” or “2023”)."),
          text);
  return FALSE;
}

static CakRowKind
import_wide_row (Import *import, const CakRow *row, const CakRegion *region)
{
  Sheet *sheet = import->sheet;
  double values[CAK_N_MEASURES] = { 0 };
  int columns[CAK_N_MEASURES] = { 0 };
  gboolean has[CAK_N_MEASURES] = { FALSE };
  CakPeriod period;
  gboolean any = FALSE;

  if (!row_period (import, row, &period))
    return CAK_ROW_REJECTED;

  for (guint c = 0; c < sheet->columns->len; c++)
    {
      const Column *column = &g_array_index (sheet->columns, Column, c);
      double value;

      if (column->role != CAK_COLUMN_MEASURE)
        continue;
      switch (read_number (row, c, column, column->measure == CAK_MEASURE_TARGET_PCT, &value))
        {
          case NUMBER_BLANK:
            continue;
          case NUMBER_BAD:
            if (cell_type (row, c) == CAK_CELL_ERROR)
              note (import, CAK_SEVERITY_ERROR, row->row, c,
                    _ ("The cell holds the error %s instead of a number; the row was not "
                       "imported."),
                    cell (row, c));
            else
              note (import, CAK_SEVERITY_ERROR, row->row, c,
                    _ ("“%s” is not a number; the row was not imported."), cell (row, c));
            return CAK_ROW_REJECTED;
          case NUMBER_OK:
          default:
            break;
        }
      if (value < 0)
        {
          note (import, CAK_SEVERITY_ERROR, row->row, c,
                _ ("“%s” is negative; the row was not imported."), cell (row, c));
          return CAK_ROW_REJECTED;
        }
      if (has[column->measure])
        continue; /* a second column for the same measure: the first one counts */
      values[column->measure] = value;
      columns[column->measure] = c;
      has[column->measure] = TRUE;
      any = TRUE;
    }
  if (!any)
    return CAK_ROW_EMPTY;
  if (!store_values (import, row, region, period, values, has, columns))
    return CAK_ROW_REJECTED;

  if (has[CAK_MEASURE_PARTICIPANTS] && has[CAK_MEASURE_PU] && has[CAK_MEASURE_BPU]
      && has[CAK_MEASURE_JAKON] && has[CAK_MEASURE_PMI])
    {
      double sum = values[CAK_MEASURE_PU] + values[CAK_MEASURE_BPU] + values[CAK_MEASURE_JAKON]
                   + values[CAK_MEASURE_PMI];

      if (fabs (sum - values[CAK_MEASURE_PARTICIPANTS]) > 0.5)
        {
          g_autofree char *a = format_number (values[CAK_MEASURE_PARTICIPANTS]);
          g_autofree char *b = format_number (sum);

          note (import, CAK_SEVERITY_WARNING, row->row, columns[CAK_MEASURE_PARTICIPANTS],
                _ ("Active participants are %s but PU + BPU + Jakon + PMI make %s."), a, b);
        }
    }
  if (has[CAK_MEASURE_TARGET_PCT] && values[CAK_MEASURE_TARGET_PCT] > 100)
    note (import, CAK_SEVERITY_WARNING, row->row, columns[CAK_MEASURE_TARGET_PCT],
          _ ("A target of %g%% is above 100%%."), values[CAK_MEASURE_TARGET_PCT]);
  check_coverage (import, row, values, has);
  return CAK_ROW_DATA;
}

static CakRowKind
import_long_row (Import *import, const CakRow *row, const CakRegion *region)
{
  Sheet *sheet = import->sheet;
  const Column *value_column = &g_array_index (sheet->columns, Column, sheet->value_column);
  const char *name = cell (row, sheet->measure_name_column);
  double values[CAK_N_MEASURES] = { 0 };
  int columns[CAK_N_MEASURES] = { 0 };
  gboolean has[CAK_N_MEASURES] = { FALSE };
  CakMeasure measure = 0;
  CakColumnRole role;
  CakPeriod period;
  double value;

  if (!row_period (import, row, &period))
    return CAK_ROW_REJECTED;
  role = user_role (import, name, &role, &measure) ? role
                                                   : cak_import_classify_header (name, &measure);
  if (role == CAK_COLUMN_COVERAGE_PCT)
    return CAK_ROW_EMPTY;
  if (role != CAK_COLUMN_MEASURE)
    {
      note (import, CAK_SEVERITY_ERROR, row->row, sheet->measure_name_column,
            _ ("“%s” is not a measure Cakupan knows (such as “Penduduk Bekerja”, “Peserta "
               "Aktif”, “PU” or “Target”)."),
            name);
      return CAK_ROW_REJECTED;
    }
  switch (read_number (row, sheet->value_column, value_column, measure == CAK_MEASURE_TARGET_PCT,
                       &value))
    {
      case NUMBER_BLANK:
        return CAK_ROW_EMPTY;
      case NUMBER_BAD:
        note (import, CAK_SEVERITY_ERROR, row->row, sheet->value_column,
              _ ("“%s” is not a number; the row was not imported."),
              cell (row, sheet->value_column));
        return CAK_ROW_REJECTED;
      case NUMBER_OK:
      default:
        break;
    }
  if (value < 0)
    {
      note (import, CAK_SEVERITY_ERROR, row->row, sheet->value_column,
            _ ("“%s” is negative; the row was not imported."), cell (row, sheet->value_column));
      return CAK_ROW_REJECTED;
    }
  values[measure] = value;
  columns[measure] = sheet->value_column;
  has[measure] = TRUE;
  return store_values (import, row, region, period, values, has, columns) ? CAK_ROW_DATA
                                                                          : CAK_ROW_REJECTED;
}

static void
handle_row (Import *import, const CakRow *row, gboolean may_defer)
{
  Sheet *sheet = import->sheet;
  const CakRegion *region = NULL;
  CakRowKind kind;
  int first;

  if (row_is_blank (row))
    {
      account (import, row->row, CAK_ROW_BLANK, FALSE);
      return;
    }
  if (is_repeated_header (sheet, row))
    {
      account (import, row->row, CAK_ROW_REPEATED_HEADER, FALSE);
      return;
    }
  if (sheet->report->imported == 0 && is_column_numbers (row))
    {
      account (import, row->row, CAK_ROW_COLUMN_NUMBERS, FALSE);
      return;
    }
  first = first_nonblank (row);
  if (first >= 0 && is_note_text (cell (row, first)) && count_nonblank (row) <= 2)
    {
      account (import, row->row, CAK_ROW_NOTE, FALSE);
      return;
    }

  switch (resolve_region (import, row, may_defer, &region))
    {
      case REGION_TOTAL:
        check_total (import, row);
        account (import, row->row, CAK_ROW_TOTAL, FALSE);
        return;
      case REGION_DEFER:
        g_ptr_array_add (sheet->deferred, stored_row_new (row));
        return;
      case REGION_REJECTED:
        sheet->block_rejected++;
        account (import, row->row, CAK_ROW_REJECTED, TRUE);
        return;
      case REGION_FOUND:
      default:
        break;
    }
  if (region->kind == CAK_REGION_KIND_PROVINCE)
    {
      check_total (import, row);
      account (import, row->row, CAK_ROW_TOTAL, FALSE);
      return;
    }
  count_province (sheet, region);

  kind = sheet->layout == CAK_LAYOUT_LONG ? import_long_row (import, row, region)
                                          : import_wide_row (import, row, region);
  if (kind == CAK_ROW_DATA)
    sheet->block_rows++;
  else if (kind == CAK_ROW_REJECTED)
    sheet->block_rejected++;
  account (import, row->row, kind, kind == CAK_ROW_REJECTED);
}

/* ---- Row-level extracts ---------------------------------------------------------------- */

static guint
tally_hash (gconstpointer key)
{
  const Tally *tally = key;

  return g_direct_hash (tally->region) ^ (tally->period_key * 2654435761u);
}

static gboolean
tally_equal (gconstpointer a, gconstpointer b)
{
  const Tally *x = a, *y = b;

  return x->region == y->region && x->period_key == y->period_key;
}

static void
reason_free (gpointer data)
{
  Reason *reason = data;

  g_free (reason->text);
  g_free (reason->message);
  g_free (reason);
}

/* Rows of an extract are too many to note one by one: the same reason for the same text is
 * counted, and told once with the first row. */
static void
tally_reason (Import *import, const CakRow *row, CakRowKind kind, int column, const char *text,
              const char *message)
{
  Sheet *sheet = import->sheet;
  g_autofree char *key = NULL;
  Reason *reason;

  /* Rows that follow one another often share their reason: no key to build then. */
  reason = sheet->last_reason;
  if (reason && reason->kind == kind && reason->column == (guint)MAX (column, 0)
      && strcmp (reason->text, text) == 0)
    {
      reason->count++;
      account (import, row->row, kind, TRUE);
      return;
    }
  if (g_hash_table_size (sheet->reasons) >= TALLY_LIMIT)
    text = "…";
  key = g_strdup_printf ("%d|%d|%s", kind, column, text);
  reason = g_hash_table_lookup (sheet->reasons, key);
  if (reason == NULL)
    {
      reason = g_new0 (Reason, 1);
      reason->kind = kind;
      reason->column = column < 0 ? 0 : column;
      reason->first_row = row->row;
      reason->text = g_strdup (text);
      reason->message = g_strdup (message);
      g_hash_table_insert (sheet->reasons, g_steal_pointer (&key), reason);
    }
  reason->count++;
  sheet->last_reason = reason;
  account (import, row->row, kind, TRUE);
}

static gpointer
cache_lookup (GHashTable *cache, const char *text, gboolean *found)
{
  gpointer value = NULL;

  *found = g_hash_table_lookup_extended (cache, text, NULL, &value);
  return value;
}


static gboolean
memo_lookup (const Memo *memo, const char *text, gpointer *value)
{
  for (guint i = 0; i < G_N_ELEMENTS (memo->text); i++)
    if (memo->text[i][0] != '\0' && strcmp (memo->text[i], text) == 0)
      {
        *value = memo->value[i];
        return TRUE;
      }
  return FALSE;
}

static void
memo_remember (Memo *memo, const char *text, gpointer value)
{
  if (*text == '\0' || strlen (text) >= sizeof memo->text[0])
    return;
  strcpy (memo->text[memo->next], text);
  memo->value[memo->next] = value;
  memo->next = (memo->next + 1) % G_N_ELEMENTS (memo->text);
}

static void
cache_insert (GHashTable *cache, const char *text, gpointer value)
{
  if (g_hash_table_size (cache) < CACHE_LIMIT)
    g_hash_table_insert (cache, g_strdup (text), value);
}

static const CakRegion *
extract_region (Import *import, const CakRow *row, int column)
{
  Sheet *sheet = import->sheet;
  const char *text = cell (row, column);
  const CakRegion *region;
  gboolean found;

  {
    gpointer memo;

    if (memo_lookup (&sheet->region_memo, text, &memo))
      return memo == (gpointer)&unknown_region ? NULL : memo;
  }
  region = cache_lookup (sheet->region_cache, text, &found);
  if (found)
    {
      memo_remember (&sheet->region_memo, text, (gpointer)region);
      return region == (gpointer)&unknown_region ? NULL : region;
    }

  region = mapped_region (import, text);
  if (region == NULL)
    {
      g_autofree char *code = code_text (row, column);
      g_autoptr (GPtrArray) candidates = NULL;

      if (cak_region_catalog_match (import->catalog, code, CAK_REGION_KIND_ANY, NULL, &region,
                                    &candidates)
          != CAK_MATCH_FOUND)
        {
          region = NULL;
          add_unmatched (import, code, row->row, candidates, FALSE);
        }
    }
  cache_insert (sheet->region_cache, text, region ? (gpointer)region : &unknown_region);
  return region;
}

static int
extract_segment (Sheet *sheet, const char *text)
{
  g_autofree char *norm = NULL;
  gboolean found;
  gpointer value;

  if (memo_lookup (&sheet->segment_memo, text, &value))
    return GPOINTER_TO_INT (value) - 1;
  value = cache_lookup (sheet->segment_cache, text, &found);
  if (found)
    {
      memo_remember (&sheet->segment_memo, text, value);
      return GPOINTER_TO_INT (value) - 1;
    }
  norm = cak_import_normalize (text);
  for (guint i = 0; i < G_N_ELEMENTS (segment_words); i++)
    if (strcmp (norm, segment_words[i].text) == 0)
      {
        cache_insert (sheet->segment_cache, text, GINT_TO_POINTER (segment_words[i].measure + 1));
        return segment_words[i].measure;
      }
  cache_insert (sheet->segment_cache, text, GINT_TO_POINTER (0));
  return -1;
}

/* 1 active, 0 not active, -1 unknown */
static int
extract_status (Sheet *sheet, const char *text)
{
  g_autofree char *norm = NULL;
  gboolean found;
  gpointer value;
  int status = -1;

  if (memo_lookup (&sheet->status_memo, text, &value))
    return GPOINTER_TO_INT (value) - 2;
  value = cache_lookup (sheet->status_cache, text, &found);
  if (found)
    {
      memo_remember (&sheet->status_memo, text, value);
      return GPOINTER_TO_INT (value) - 2;
    }
  norm = cak_import_normalize (text);
  for (guint i = 0; i < G_N_ELEMENTS (active_words) && status < 0; i++)
    if (strcmp (norm, active_words[i]) == 0)
      status = 1;
  for (guint i = 0; i < G_N_ELEMENTS (inactive_words) && status < 0; i++)
    if (strcmp (norm, inactive_words[i]) == 0)
      status = 0;
  cache_insert (sheet->status_cache, text, GINT_TO_POINTER (status + 2));
  return status;
}

static void
handle_extract_row (Import *import, const CakRow *row)
{
  Sheet *sheet = import->sheet;
  int region_column = sheet->code_column >= 0 ? sheet->code_column : sheet->name_column;
  const CakRegion *region;
  CakPeriod period = sheet->period;
  Tally probe, *tally;
  int segment;

  if (row_is_blank (row))
    {
      tally_reason (import, row, CAK_ROW_BLANK, -1, "", _ ("Skipped: blank rows."));
      return;
    }
  if (sheet->status_column >= 0)
    {
      const char *status_text = cell (row, sheet->status_column);
      int status = extract_status (sheet, status_text);

      if (status == 0)
        {
          tally_reason (import, row, CAK_ROW_INACTIVE, sheet->status_column, status_text,
                        _ ("Skipped: the status “%s” is not active."));
          return;
        }
      if (status < 0)
        {
          if (is_repeated_header (sheet, row))
            tally_reason (import, row, CAK_ROW_REPEATED_HEADER, -1, "",
                          _ ("Skipped: the header repeated."));
          else
            tally_reason (import, row, CAK_ROW_REJECTED, sheet->status_column, status_text,
                          _ ("“%s” is not a status Cakupan knows; write “Aktif” or "
                             "“Nonaktif”."));
          return;
        }
    }
  segment = extract_segment (sheet, cell (row, sheet->segment_column));
  if (segment < 0)
    {
      if (is_repeated_header (sheet, row))
        tally_reason (import, row, CAK_ROW_REPEATED_HEADER, -1, "",
                      _ ("Skipped: the header repeated."));
      else
        tally_reason (import, row, CAK_ROW_REJECTED, sheet->segment_column,
                      cell (row, sheet->segment_column),
                      _ ("“%s” is not a segment; write PU, BPU, Jakon or PMI."));
      return;
    }
  region = extract_region (import, row, region_column);
  if (region == NULL)
    {
      tally_reason (import, row, CAK_ROW_REJECTED, region_column, cell (row, region_column),
                    _ ("“%s” is not a region code or name Cakupan knows."));
      return;
    }
  if (sheet->period_column >= 0)
    {
      const char *text = cell (row, sheet->period_column);
      gboolean found;
      gpointer key = cache_lookup (sheet->period_cache, text, &found);

      if (!found)
        {
          key = GUINT_TO_POINTER (cak_period_parse (text, &period) ? cak_period_to_key (period)
                                                                   : 0);
          cache_insert (sheet->period_cache, text, key);
        }
      if (key == NULL)
        {
          tally_reason (import, row, CAK_ROW_REJECTED, sheet->period_column, text,
                        _ ("“%s” is not a period."));
          return;
        }
      period = cak_period_from_key (GPOINTER_TO_UINT (key));
    }

  probe.region = region;
  probe.period_key = cak_period_to_key (period);
  tally = g_hash_table_lookup (sheet->tallies, &probe);
  if (tally == NULL)
    {
      tally = g_new0 (Tally, 1);
      tally->region = region;
      tally->period_key = probe.period_key;
      tally->first_row = row->row;
      g_hash_table_add (sheet->tallies, tally);
    }
  tally->counts[segment - CAK_MEASURE_PU] += 1;
  account (import, row->row, CAK_ROW_DATA, TRUE);
}

static void
finish_extract (Import *import)
{
  Sheet *sheet = import->sheet;
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, sheet->tallies);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      Tally *tally = key;
      double values[CAK_N_MEASURES] = { 0 };
      int columns[CAK_N_MEASURES] = { 0 };
      gboolean has[CAK_N_MEASURES] = { FALSE };
      CakRow row = { tally->first_row, 0, NULL, NULL };

      for (guint s = 0; s < 4; s++)
        {
          values[CAK_MEASURE_PU + s] = tally->counts[s];
          has[CAK_MEASURE_PU + s] = TRUE;
          columns[CAK_MEASURE_PU + s] = sheet->segment_column;
          values[CAK_MEASURE_PARTICIPANTS] += tally->counts[s];
        }
      has[CAK_MEASURE_PARTICIPANTS] = TRUE;
      columns[CAK_MEASURE_PARTICIPANTS] = sheet->segment_column;
      if (!store_values (import, &row, tally->region, cak_period_from_key (tally->period_key),
                         values, has, columns))
        {
          /* The rows were counted; their sum could not be kept. */
          sheet->report->imported -= (guint)values[CAK_MEASURE_PARTICIPANTS];
          sheet->report->rejected += (guint)values[CAK_MEASURE_PARTICIPANTS];
        }
    }

  g_hash_table_iter_init (&iter, sheet->reasons);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Reason *reason = value;
      g_autofree char *what = NULL;
      g_autofree char *count = format_number (reason->count);

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
      what = g_strdup_printf (reason->message, reason->text);
#pragma GCC diagnostic pop
      note (import, reason->kind == CAK_ROW_REJECTED ? CAK_SEVERITY_ERROR : CAK_SEVERITY_INFO,
            reason->first_row, reason->kind == CAK_ROW_BLANK ? -1 : (int)reason->column,
            g_dngettext (GETTEXT_PACKAGE, "%s (%s row, the first at row %u)",
                         "%s (%s rows, the first at row %u)", reason->count),
            what, count, reason->first_row);
    }
}

/* ---- Sheets as they stream past ------------------------------------------------------ */

static void
sheet_free (Sheet *sheet)
{
  g_ptr_array_unref (sheet->kept);
  g_ptr_array_unref (sheet->deferred);
  g_clear_pointer (&sheet->columns, g_array_unref);
  g_hash_table_unref (sheet->province_counts);
  g_hash_table_unref (sheet->tallies);
  g_hash_table_unref (sheet->reasons);
  g_hash_table_unref (sheet->region_cache);
  g_hash_table_unref (sheet->segment_cache);
  g_hash_table_unref (sheet->status_cache);
  g_hash_table_unref (sheet->period_cache);
  g_free (sheet);
}

static void
sheet_preview_free (gpointer data)
{
  CakSheetPreview *preview = data;

  g_free (preview->sheet);
  g_ptr_array_unref (preview->headers);
  g_array_unref (preview->roles);
  g_array_unref (preview->measures);
  g_ptr_array_unref (preview->rows);
  g_array_unref (preview->row_numbers);
  g_array_unref (preview->row_kinds);
  g_free (preview);
}

static void
unmatched_free (gpointer data)
{
  CakUnmatchedRegion *unmatched = data;

  g_free (unmatched->text);
  g_free (unmatched->sheet);
  g_ptr_array_unref (unmatched->candidates);
  g_free (unmatched);
}

static void
begin_sheet (Import *import, const CakSheetInfo *info)
{
  Sheet *sheet = g_new0 (Sheet, 1);

  sheet->name = info && info->name ? g_intern_string (info->name) : NULL;
  sheet->hidden = info && info->hidden;
  sheet->kept = g_ptr_array_new_with_free_func (stored_row_free);
  sheet->deferred = g_ptr_array_new_with_free_func (stored_row_free);
  sheet->province_counts = g_hash_table_new (g_str_hash, g_str_equal);
  sheet->tallies = g_hash_table_new_full (tally_hash, tally_equal, g_free, NULL);
  sheet->reasons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, reason_free);
  sheet->region_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sheet->segment_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sheet->status_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sheet->period_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sheet->code_column = sheet->name_column = sheet->period_column = -1;
  sheet->report = cak_dataset_add_sheet_report (import->dataset, import->file, sheet->name);
  import->sheet = sheet;

  if (import->preview)
    {
      CakSheetPreview *preview = g_new0 (CakSheetPreview, 1);

      preview->sheet = g_strdup (sheet->name);
      preview->headers = g_ptr_array_new_with_free_func (g_free);
      preview->roles = g_array_new (FALSE, TRUE, sizeof (CakColumnRole));
      preview->measures = g_array_new (FALSE, TRUE, sizeof (CakMeasure));
      preview->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
      preview->row_numbers = g_array_new (FALSE, TRUE, sizeof (guint));
      preview->row_kinds = g_array_new (FALSE, TRUE, sizeof (CakRowKind));
      g_ptr_array_add (import->preview->sheets, preview);
      sheet->preview = preview;
    }

  if (info && info->computed_from)
    {
      sheet->computed_from = g_intern_string (info->computed_from);
      sheet->phase = PHASE_COMPUTED;
    }
  else if (sheet->hidden)
    note (import, CAK_SEVERITY_WARNING, 0, -1,
          _ ("The sheet “%s” is hidden in the workbook; its rows were read like the others."),
          sheet->name);
}

static void
process_kept_rows (Import *import, guint from)
{
  Sheet *sheet = import->sheet;

  for (guint i = from; i < sheet->kept->len && import->error == NULL; i++)
    {
      const StoredRow *row = g_ptr_array_index (sheet->kept, i);

      if (sheet->layout == CAK_LAYOUT_EXTRACT)
        handle_extract_row (import, &row->row);
      else
        handle_row (import, &row->row, TRUE);
    }
  g_ptr_array_set_size (sheet->kept, 0);
}

/* The preamble is complete (or the sheet ended): find the header, account for the rows above
 * it, and go on with the rows below. */
static void
settle_header (Import *import)
{
  Sheet *sheet = import->sheet;
  guint after;

  if (!find_header (import))
    {
      sheet->phase = PHASE_NO_HEADER;
      for (guint i = 0; i < sheet->kept->len; i++)
        account (import, ((StoredRow *)g_ptr_array_index (sheet->kept, i))->row.row, CAK_ROW_TITLE,
                 TRUE);
      g_ptr_array_set_size (sheet->kept, 0);
      preview_header (import);
      return;
    }
  import->n_sheets_with_header++;

  for (guint i = 0; i < sheet->header_first; i++)
    {
      const StoredRow *row = g_ptr_array_index (sheet->kept, i);

      account (import, row->row.row, row_is_blank (&row->row) ? CAK_ROW_BLANK : CAK_ROW_TITLE,
               FALSE);
    }
  for (guint i = sheet->header_first; i <= sheet->header_last; i++)
    account (import, ((StoredRow *)g_ptr_array_index (sheet->kept, i))->row.row, CAK_ROW_HEADER,
             FALSE);
  /* The mapping step shows the header of a sheet without a period too, and asks for one. */
  preview_header (import);
  if (!find_sheet_period (import))
    return;
  preview_header (import);

  after = sheet->header_last + 1;
  if (sheet->layout == CAK_LAYOUT_EXTRACT)
    {
      sheet->phase = PHASE_STREAMING;
      process_kept_rows (import, after);
    }
  else
    {
      g_ptr_array_remove_range (sheet->kept, 0, after);
      sheet->phase = PHASE_VOTING;
    }
}

static void
settle_votes (Import *import)
{
  Sheet *sheet = import->sheet;

  vote_number_styles (sheet);
  sheet->phase = PHASE_STREAMING;
  process_kept_rows (import, 0);
}

static void
end_sheet (Import *import)
{
  Sheet *sheet = import->sheet;

  if (sheet == NULL)
    return;
  if (import->error == NULL)
    {
      if (sheet->phase == PHASE_PREAMBLE)
        settle_header (import);
      if (import->error == NULL && sheet->phase == PHASE_VOTING)
        settle_votes (import);
      if (import->error == NULL && sheet->deferred->len > 0)
        {
          g_autoptr (GPtrArray) deferred = g_steal_pointer (&sheet->deferred);

          sheet->deferred = g_ptr_array_new_with_free_func (stored_row_free);
          sheet->province_hint = dominant_province (sheet);
          for (guint i = 0; i < deferred->len; i++)
            handle_row (import, &((StoredRow *)g_ptr_array_index (deferred, i))->row, FALSE);
        }
      if (import->error == NULL && sheet->layout == CAK_LAYOUT_EXTRACT)
        finish_extract (import);
      if (sheet->phase == PHASE_COMPUTED && sheet->report->rows > 0)
        note (import, CAK_SEVERITY_INFO, 0, -1,
              g_dngettext (GETTEXT_PACKAGE,
                           "The sheet “%s” was computed by Cakupan from the sheet “%s”; its %u "
                           "row was not imported again.",
                           "The sheet “%s” was computed by Cakupan from the sheet “%s”; its %u "
                           "rows were not imported again.",
                           sheet->report->rows),
              sheet->name, sheet->computed_from, sheet->report->rows);
      if (sheet->phase == PHASE_NO_HEADER && sheet->report->rows > 0)
        {
          if (sheet->name)
            note (import, CAK_SEVERITY_WARNING, 0, -1,
                  g_dngettext (GETTEXT_PACKAGE,
                               "The sheet “%s” has no header naming a region and a figure; its "
                               "%u row was not imported.",
                               "The sheet “%s” has no header naming a region and a figure; its "
                               "%u rows were not imported.",
                               sheet->report->rows),
                  sheet->name, sheet->report->rows);
        }
    }
  sheet_free (sheet);
  import->sheet = NULL;
}

static gboolean
sheet_begin_cb (const CakSheetInfo *info, gpointer user_data)
{
  Import *import = user_data;

  end_sheet (import);
  if (import->error)
    return FALSE;
  begin_sheet (import, info);
  return TRUE;
}

static void
sheet_end_cb (const CakSheetInfo *info, const CakMerge *merges, guint n_merges, gpointer user_data)
{
  end_sheet (user_data);
}

static void
progress_cb (double fraction, gpointer user_data)
{
  Import *import = user_data;

  if (import->options && import->options->progress)
    import->options->progress (fraction, import->options->progress_data);
}

static gboolean
row_cb (const CakRow *row, gpointer user_data)
{
  Import *import = user_data;
  Sheet *sheet;
  guint search = HEADER_SEARCH_ROWS;

  if (import->error)
    return FALSE;
  if (import->sheet == NULL)
    begin_sheet (import, NULL);
  sheet = import->sheet;
  import->rows_seen++;
  if ((import->rows_seen & 0x3ff) == 0
      && g_cancellable_set_error_if_cancelled (import->cancellable, &import->error))
    return FALSE;

  if (sheet->preview && sheet->preview->rows->len < PREVIEW_ROWS)
    {
      GStrv cells = g_new0 (char *, row->n_cells + 1);
      CakRowKind kind = CAK_ROW_DATA;

      for (guint i = 0; i < row->n_cells; i++)
        cells[i] = g_strdup (cell (row, i));
      g_ptr_array_add (sheet->preview->rows, cells);
      g_array_append_val (sheet->preview->row_numbers, row->row);
      g_array_append_val (sheet->preview->row_kinds, kind);
      sheet->preview->n_columns = MAX (sheet->preview->n_columns, row->n_cells);
    }

  switch (sheet->phase)
    {
      case PHASE_PREAMBLE:
        g_ptr_array_add (sheet->kept, stored_row_new (row));
        if (import->options && import->options->header_row >= search)
          search = import->options->header_row + 1;
        if (sheet->kept->len >= search)
          settle_header (import);
        break;
      case PHASE_VOTING:
        g_ptr_array_add (sheet->kept, stored_row_new (row));
        if (sheet->kept->len >= VOTE_ROWS)
          settle_votes (import);
        break;
      case PHASE_STREAMING:
        if (sheet->layout == CAK_LAYOUT_EXTRACT)
          handle_extract_row (import, row);
        else
          handle_row (import, row, TRUE);
        break;
      case PHASE_NO_HEADER:
      case PHASE_COMPUTED:
      default:
        account (import, row->row, CAK_ROW_TITLE, TRUE);
        break;
    }
  return import->error == NULL;
}

/* ---- Files --------------------------------------------------------------------------- */

typedef enum
{
  FORMAT_CSV,
  FORMAT_XLSX,
  FORMAT_ODS,
  FORMAT_XLS, /* and any other compound file: an encrypted XLSX is one */
} Format;

#define MAGIC_SIZE 128

/* The kind of file its first bytes say, whatever its name says. An ODS package starts with its
 * "mimetype" part, stored uncompressed. */
static Format
sniff (const guchar *magic, gsize n_magic)
{
  static const char ods[] = "mimetypeapplication/vnd.oasis.opendocument.spreadsheet";

  if (n_magic >= 4 && memcmp (magic, "PK\3\4", 4) == 0)
    {
      for (gsize i = 0; i + sizeof ods - 1 <= n_magic; i++)
        if (memcmp (magic + i, ods, sizeof ods - 1) == 0)
          return FORMAT_ODS;
      return FORMAT_XLSX;
    }
  if (n_magic >= 8 && memcmp (magic, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0)
    return FORMAT_XLS;
  return FORMAT_CSV;
}

/* Reads a file with the reader its first bytes call for. Workbooks are read from @path, which
 * the zip and BIFF libraries need; CSV streams. */
static gboolean
read_source (Import *import, GInputStream *stream, goffset size, const char *path,
             const guchar *magic, gsize n_magic, GError **error)
{
  CakSheetCallbacks callbacks = {
    .sheet_begin = sheet_begin_cb,
    .row = row_cb,
    .sheet_end = sheet_end_cb,
    .progress = progress_cb,
    .user_data = import,
  };
  const char *display_name = import->file;
  CakCsvInfo info = { 0 };

  switch (sniff (magic, n_magic))
    {
      case FORMAT_XLSX:
        return cak_xlsx_read (path, display_name, &callbacks, import->cancellable, error);
      case FORMAT_ODS:
        return cak_ods_read (path, display_name, &callbacks, import->cancellable, error);
      case FORMAT_XLS:
        return cak_xls_read (path, display_name, &callbacks, import->cancellable, error);
      case FORMAT_CSV:
      default:
        break;
    }

  if (!cak_csv_read_stream (stream, size, display_name, &info, &callbacks, import->cancellable,
                            error))
    return FALSE;
  if (info.encoding_fallback)
    note (import, CAK_SEVERITY_WARNING, info.fallback_row, -1,
          _ ("The file is not UTF-8 text; it was read as Windows-1252, the encoding Excel uses "
             "on Windows. Check the names with accents."));
  return TRUE;
}

static gboolean
finish_import (Import *import, gboolean ok, GError **error)
{
  if (import->sheet)
    end_sheet (import);
  if (import->error)
    {
      if (error == NULL || *error == NULL)
        g_propagate_error (error, g_steal_pointer (&import->error));
      else
        g_clear_error (&import->error);
      return FALSE;
    }
  if (!ok)
    return FALSE;
  if (import->rows_seen == 0)
    {
      g_set_error (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_EMPTY, _ ("“%s” holds no rows."),
                   import->file);
      return FALSE;
    }
  if (import->n_sheets_with_header == 0)
    {
      g_set_error (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_NO_HEADER,
                   _ ("“%s” has no header row naming a region column (such as “Kode Wilayah” or "
                      "“Kabupaten/Kota”) and a figure (such as “Peserta Aktif” or “Penduduk "
                      "Bekerja”) in its first %d rows. Say which column is which in the mapping "
                      "step, or with --map on the command line."),
                   import->file, HEADER_SEARCH_ROWS);
      return FALSE;
    }
  return TRUE;
}

static void
import_init (Import *import, CakDataset *dataset, const char *display_name,
             const CakImportOptions *options, GCancellable *cancellable)
{
  memset (import, 0, sizeof *import);
  import->dataset = dataset;
  import->catalog = cak_dataset_get_catalog (dataset);
  import->file = g_intern_string (display_name);
  import->options = options;
  import->cancellable = cancellable;
}

/**
 * cak_import_bytes:
 * @display_name: the file's name as the user knows it
 *
 * Imports a file's contents into @dataset: every row is imported, skipped with a reason or
 * rejected with a reason, in the dataset's import report.
 *
 * Returns: %FALSE with @error set when the file cannot be read at all.
 */
gboolean
cak_import_bytes (CakDataset *dataset, GBytes *bytes, const char *display_name,
                  const CakImportOptions *options, GCancellable *cancellable, GError **error)
{
  g_autoptr (GInputStream) stream = NULL;
  Import import;
  gsize length;
  const guchar *data;
  gboolean ok;

  g_return_val_if_fail (CAK_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (display_name != NULL, FALSE);

  data = g_bytes_get_data (bytes, &length);
  if (length == 0)
    {
      g_set_error (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_EMPTY, _ ("“%s” is empty."),
                   display_name);
      return FALSE;
    }
  import_init (&import, dataset, display_name, options, cancellable);
  if (sniff (data, MIN (length, MAGIC_SIZE)) != FORMAT_CSV)
    {
      g_autofree char *path = NULL;
      int fd = g_file_open_tmp ("cakupan-XXXXXX", &path, error);

      if (fd < 0)
        return FALSE;
      ok = g_file_set_contents (path, (const char *)data, length, error);
      close (fd);
      if (ok)
        ok = read_source (&import, NULL, length, path, data, MIN (length, MAGIC_SIZE), error);
      g_unlink (path);
      return finish_import (&import, ok, error);
    }
  stream = g_memory_input_stream_new_from_bytes (bytes);
  ok = read_source (&import, stream, length, NULL, data, MIN (length, MAGIC_SIZE), error);
  return finish_import (&import, ok, error);
}

static gboolean
import_file (Import *import, GFile *file, GError **error)
{
  g_autoptr (GFileInputStream) stream = NULL;
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (GError) local_error = NULL;
  const char *name = import->file;
  g_autofree char *path = NULL;
  guchar magic[MAGIC_SIZE];
  gsize n_magic = 0;
  gboolean ok;

  stream = g_file_read (file, import->cancellable, &local_error);
  if (stream)
    info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                           import->cancellable, &local_error);
  if (stream == NULL || info == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_UNREADABLE,
                     _ ("“%s” could not be opened: %s"), name, local_error->message);
      return FALSE;
    }
  if (g_file_info_get_size (info) == 0)
    {
      g_set_error (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_EMPTY, _ ("“%s” is empty."), name);
      return FALSE;
    }
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), magic, sizeof magic, &n_magic,
                                import->cancellable, &local_error)
      || !g_seekable_seek (G_SEEKABLE (stream), 0, G_SEEK_SET, import->cancellable, &local_error))
    {
      g_set_error (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_UNREADABLE,
                   _ ("“%s” could not be read: %s"), name, local_error->message);
      return FALSE;
    }
  path = g_file_get_path (file);
  if (path == NULL && sniff (magic, n_magic) != FORMAT_CSV)
    {
      g_set_error (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_UNREADABLE,
                   _ ("“%s” is not on this computer; copy it to a local folder and open it there."),
                   name);
      return FALSE;
    }
  ok = read_source (import, G_INPUT_STREAM (stream), g_file_info_get_size (info), path, magic,
                    n_magic, error);
  return finish_import (import, ok, error);
}

/**
 * cak_import_file:
 *
 * Reads @file (CSV) and imports it, streaming, as cak_import_bytes() does.
 */
gboolean
cak_import_file (CakDataset *dataset, GFile *file, const CakImportOptions *options,
                 GCancellable *cancellable, GError **error)
{
  g_autofree char *name = NULL;
  Import import;

  g_return_val_if_fail (CAK_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  name = g_file_get_basename (file);
  import_init (&import, dataset, name, options, cancellable);
  return import_file (&import, file, error);
}

/**
 * cak_import_preview_file:
 *
 * Reads @file as cak_import_file() does, into a dataset of its own, and tells what the importer
 * saw: each sheet's first rows with their kinds, its header and column roles, and the region
 * texts that matched nothing or several regions. The mapping step shows this, and the user's
 * corrections go back in @options.
 *
 * Returns: (transfer full) (nullable): the preview; %NULL with @error set when the file cannot
 * be read at all (a file without a header or a period still gives a preview)
 */
CakImportPreview *
cak_import_preview_file (GFile *file, const CakImportOptions *options, GCancellable *cancellable,
                         GError **error)
{
  g_autoptr (CakDataset) scratch = NULL;
  g_autoptr (CakImportPreview) preview = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *name = NULL;
  Import import;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  scratch = cak_dataset_new (cak_region_catalog_get_default ());
  name = g_file_get_basename (file);
  preview = g_new0 (CakImportPreview, 1);
  preview->file = g_strdup (name);
  preview->sheets = g_ptr_array_new_with_free_func (sheet_preview_free);
  preview->unmatched = g_ptr_array_new_with_free_func (unmatched_free);

  import_init (&import, scratch, name, options, cancellable);
  import.preview = preview;
  if (!import_file (&import, file, &local_error)
      && !g_error_matches (local_error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_NO_HEADER)
      && !g_error_matches (local_error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_NO_PERIOD))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  /* The header of the first sheet with one, as its cells read: files with the same header
   * get the same choices. */
  for (guint i = 0; i < preview->sheets->len && preview->signature == NULL; i++)
    {
      CakSheetPreview *sheet = g_ptr_array_index (preview->sheets, i);

      for (guint r = 0; r < sheet->rows->len; r++)
        if (g_array_index (sheet->row_numbers, guint, r) == sheet->header_last)
          {
            g_autofree char *joined = g_strjoinv ("\x1f", g_ptr_array_index (sheet->rows, r));

            preview->signature = cak_import_normalize (joined);
          }
    }
  if (preview->signature == NULL && preview->sheets->len > 0)
    {
      CakSheetPreview *sheet = g_ptr_array_index (preview->sheets, 0);

      for (guint r = 0; r < sheet->rows->len && preview->signature == NULL; r++)
        if (g_strv_length (g_ptr_array_index (sheet->rows, r)) > 1)
          {
            g_autofree char *joined = g_strjoinv ("\x1f", g_ptr_array_index (sheet->rows, r));

            preview->signature = cak_import_normalize (joined);
          }
    }
  return g_steal_pointer (&preview);
}

void
cak_import_preview_free (CakImportPreview *preview)
{
  if (preview == NULL)
    return;
  g_free (preview->file);
  g_free (preview->signature);
  g_ptr_array_unref (preview->sheets);
  g_ptr_array_unref (preview->unmatched);
  g_free (preview);
}
