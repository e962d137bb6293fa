/* cak-import.c: from a file of regency figures to values in a dataset, every row accounted for
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cak-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cak-import.h"
#include "cak-number.h"

/* How far down a sheet the header may be: title lines come first in hand-made files. */
#define HEADER_SEARCH_ROWS 30

typedef struct
{
  guint row;
  GStrv cells;
  guint n_cells;
} StoredRow;

typedef struct
{
  CakColumnRole role;
  CakMeasure measure;
  CakNumberStyle style;
} Column;

typedef struct
{
  CakDataset *dataset;
  CakRegionCatalog *catalog;
  const char *file;  /* interned */
  const char *sheet; /* interned, NULL for CSV */
  CakSheetReport *report;
  const CakImportOptions *options;

  GArray *rows; /* StoredRow */
  guint header_index;
  GArray *columns; /* Column, one per header cell */
  int code_column;
  int name_column;
  int period_column;
  const char *province_hint;
} Import;

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
};

/* Words that mark a row as a total rather than a region. */
static const char *const total_words[] = {
  "jumlah", "total", "jumlah total", "total provinsi", "grand total", "sub total", "subtotal",
};

static void
clear_stored_row (gpointer data)
{
  StoredRow *row = data;

  g_clear_pointer (&row->cells, g_strfreev);
}

static char *
normalize_header (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  /* Lower case, punctuation other than % as space, one space between words:
   * "Kabupaten/Kota" and "KAB. / KOTA" both become "kabupaten kota" and "kab kota". */
  for (const char *p = text; *p; p++)
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
cell (const StoredRow *row, int column)
{
  if (column < 0 || (guint)column >= row->n_cells || row->cells[column] == NULL)
    return "";
  return row->cells[column];
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
row_is_blank (const StoredRow *row)
{
  for (guint i = 0; i < row->n_cells; i++)
    if (row->cells[i] && !is_blank_text (row->cells[i]))
      return FALSE;
  return TRUE;
}

static gboolean
is_total_label (const char *text)
{
  g_autofree char *norm = normalize_header (text);

  for (guint i = 0; i < G_N_ELEMENTS (total_words); i++)
    if (strcmp (norm, total_words[i]) == 0 || g_str_has_prefix (norm, "jumlah ")
        || g_str_has_prefix (norm, "total "))
      return TRUE;
  return FALSE;
}

static void note (Import *import, CakSeverity severity, guint row, int column, const char *format,
                  ...) G_GNUC_PRINTF (5, 6);

static void
note (Import *import, CakSeverity severity, guint row, int column, const char *format, ...)
{
  CakSource source = { import->file, import->sheet, row, column < 0 ? 0 : (guint)column };
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  cak_dataset_add_issue (import->dataset, severity, &source, column >= 0, message);
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

  norm = normalize_header (header);
  for (guint i = 0; i < G_N_ELEMENTS (header_synonyms); i++)
    if (strcmp (norm, header_synonyms[i].header) == 0)
      {
        if (out_measure)
          *out_measure = header_synonyms[i].measure;
        return header_synonyms[i].role;
      }
  return CAK_COLUMN_NONE;
}

static gboolean
store_row_cb (const CakRow *row, gpointer user_data)
{
  GArray *rows = user_data;
  StoredRow stored = { row->row, NULL, row->n_cells };

  stored.cells = g_new0 (char *, row->n_cells + 1);
  for (guint i = 0; i < row->n_cells; i++)
    stored.cells[i] = g_strdup (row->cells[i] ? row->cells[i] : "");
  g_array_append_val (rows, stored);
  return TRUE;
}

static gboolean
map_columns (Import *import, const StoredRow *row)
{
  gboolean has_measure = FALSE;

  g_array_set_size (import->columns, 0);
  import->code_column = import->name_column = import->period_column = -1;
  for (guint i = 0; i < row->n_cells; i++)
    {
      Column column = { 0 };

      column.role = cak_import_classify_header (cell (row, i), &column.measure);
      switch (column.role)
        {
          case CAK_COLUMN_REGION_CODE:
            if (import->code_column < 0)
              import->code_column = i;
            break;
          case CAK_COLUMN_REGION_NAME:
            if (import->name_column < 0)
              import->name_column = i;
            break;
          case CAK_COLUMN_PERIOD:
            if (import->period_column < 0)
              import->period_column = i;
            break;
          case CAK_COLUMN_MEASURE:
            has_measure = TRUE;
            break;
          case CAK_COLUMN_NONE:
          case CAK_COLUMN_ROW_NUMBER:
          case CAK_COLUMN_COVERAGE_PCT:
          default:
            break;
        }
      g_array_append_val (import->columns, column);
    }
  return has_measure && (import->code_column >= 0 || import->name_column >= 0);
}

static gboolean
find_header (Import *import)
{
  for (guint i = 0; i < import->rows->len && i < HEADER_SEARCH_ROWS; i++)
    if (map_columns (import, &g_array_index (import->rows, StoredRow, i)))
      {
        import->header_index = i;
        return TRUE;
      }
  return FALSE;
}

static void
vote_number_styles (Import *import)
{
  for (guint c = 0; c < import->columns->len; c++)
    {
      Column *column = &g_array_index (import->columns, Column, c);
      CakNumberVote vote = { 0 };

      if (column->role != CAK_COLUMN_MEASURE)
        continue;
      for (guint r = import->header_index + 1; r < import->rows->len; r++)
        cak_number_vote (&vote, cell (&g_array_index (import->rows, StoredRow, r), c));
      column->style = cak_number_vote_result (&vote);
    }
}

static const CakRegion *
match_region_quietly (Import *import, const StoredRow *row)
{
  const CakRegion *region = NULL;
  const char *code = cell (row, import->code_column);
  const char *name = cell (row, import->name_column);

  if (!is_blank_text (code)
      && cak_region_catalog_match (import->catalog, code, CAK_REGION_KIND_ANY, NULL, &region, NULL)
             == CAK_MATCH_FOUND)
    return region;
  if (!is_blank_text (name)
      && cak_region_catalog_match (import->catalog, name, CAK_REGION_KIND_ANY, NULL, &region, NULL)
             == CAK_MATCH_FOUND)
    return region;
  return NULL;
}

/* Regency files hold one province as a rule: the province most rows name settles bare names
 * such as "Blitar" only when the file itself says nothing else. */
static void
find_province_hint (Import *import)
{
  g_autoptr (GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  guint best = 0;

  for (guint r = import->header_index + 1; r < import->rows->len; r++)
    {
      const CakRegion *region
          = match_region_quietly (import, &g_array_index (import->rows, StoredRow, r));
      guint n;

      if (region == NULL || region->kind == CAK_REGION_KIND_PROVINCE)
        continue;
      n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, region->province_code)) + 1;
      g_hash_table_insert (counts, (gpointer)region->province_code, GUINT_TO_POINTER (n));
      if (n > best)
        {
          best = n;
          import->province_hint = region->province_code;
        }
    }
}

static char *
describe_candidates (GPtrArray *candidates)
{
  g_autoptr (GString) out = g_string_new (NULL);

  for (guint i = 0; i < candidates->len; i++)
    {
      const CakRegion *region = g_ptr_array_index (candidates, i);

      if (i > 0)
        g_string_append (out, i + 1 == candidates->len ? _ (" or ") : ", ");
      g_string_append_printf (out, "%s (%s)", region->name, region->code);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Returns the region of a data row, or NULL after noting why there is none. *is_total is set for
 * a total row, which is skipped rather than rejected. */
static const CakRegion *
resolve_region (Import *import, const StoredRow *row, gboolean *is_total)
{
  const char *code = cell (row, import->code_column);
  const char *name = cell (row, import->name_column);
  const CakRegion *by_code = NULL, *by_name = NULL;
  g_autoptr (GPtrArray) candidates = NULL;
  CakMatchStatus status;

  *is_total = FALSE;
  if (is_total_label (name) || (is_blank_text (name) && is_total_label (code)))
    {
      *is_total = TRUE;
      return NULL;
    }

  /* Totals are often written across merged cells starting in the "No" column: look at the
   * row's other text cells when the region cells are empty. */
  if (is_blank_text (name) && is_blank_text (code))
    for (guint c = 0; c < import->columns->len && c < row->n_cells; c++)
      {
        const Column *column = &g_array_index (import->columns, Column, c);
        const CakRegion *province = NULL;

        if (column->role == CAK_COLUMN_MEASURE || column->role == CAK_COLUMN_PERIOD
            || is_blank_text (cell (row, c)))
          continue;
        if (is_total_label (cell (row, c))
            || (cak_region_catalog_match (import->catalog, cell (row, c), CAK_REGION_KIND_PROVINCE,
                                          NULL, &province, NULL)
                    == CAK_MATCH_FOUND
                && province->kind == CAK_REGION_KIND_PROVINCE))
          {
            *is_total = TRUE;
            return NULL;
          }
      }

  if (!is_blank_text (code))
    {
      status = cak_region_catalog_match (import->catalog, code, CAK_REGION_KIND_ANY, NULL, &by_code,
                                         NULL);
      if (status != CAK_MATCH_FOUND && is_blank_text (name))
        {
          note (import, CAK_SEVERITY_ERROR, row->row, import->code_column,
                _ ("“%s” is not a region code of Kemendagri or BPS."), code);
          return NULL;
        }
    }

  if (!is_blank_text (name))
    {
      status = cak_region_catalog_match (import->catalog, name, CAK_REGION_KIND_ANY,
                                         by_code ? by_code->province_code : import->province_hint,
                                         &by_name, &candidates);
      if (by_code == NULL)
        {
          g_autofree char *list = describe_candidates (candidates);

          if (status == CAK_MATCH_AMBIGUOUS)
            note (import, CAK_SEVERITY_ERROR, row->row, import->name_column,
                  _ ("“%s” could be %s; write “Kabupaten” or “Kota”, or add the region code."),
                  name, list);
          else if (status == CAK_MATCH_NONE && candidates->len > 0)
            note (import, CAK_SEVERITY_ERROR, row->row, import->name_column,
                  _ ("“%s” is not a known province, regency or city. Did you mean %s?"), name,
                  list);
          else if (status == CAK_MATCH_NONE)
            note (import, CAK_SEVERITY_ERROR, row->row, import->name_column,
                  _ ("“%s” is not a known province, regency or city."), name);
          return by_name;
        }
      if (status == CAK_MATCH_NONE)
        note (import, CAK_SEVERITY_WARNING, row->row, import->name_column,
              _ ("The name “%s” is not a known region; the code %s (%s) was used."), name,
              by_code->code, by_code->name);
      else if (status == CAK_MATCH_FOUND && by_name != by_code)
        note (import, CAK_SEVERITY_WARNING, row->row, import->name_column,
              _ ("The name “%s” does not fit the code %s (%s); the code was used."), name,
              by_code->code, by_code->name);
    }

  if (by_code == NULL)
    {
      note (import, CAK_SEVERITY_ERROR, row->row, -1, _ ("The row names no region."));
      return NULL;
    }
  return by_code;
}

static gboolean
is_repeated_header (Import *import, const StoredRow *row)
{
  const StoredRow *header = &g_array_index (import->rows, StoredRow, import->header_index);
  guint same = 0, nonblank = 0;

  for (guint i = 0; i < MIN (row->n_cells, header->n_cells); i++)
    {
      if (is_blank_text (cell (row, i)))
        continue;
      nonblank++;
      if (g_ascii_strcasecmp (cell (row, i), cell (header, i)) == 0)
        same++;
    }
  return nonblank > 0 && same == nonblank;
}

static void
import_data_row (Import *import, const StoredRow *row)
{
  double values[CAK_N_MEASURES];
  int value_columns[CAK_N_MEASURES];
  gboolean has_value[CAK_N_MEASURES] = { FALSE };
  const CakRegion *region;
  CakPeriod period = import->options ? import->options->default_period : CAK_PERIOD_INIT_NONE;
  gboolean is_total, any = FALSE;

  if (row_is_blank (row))
    {
      note (import, CAK_SEVERITY_INFO, row->row, -1, _ ("Skipped: blank row."));
      import->report->skipped++;
      return;
    }
  if (is_repeated_header (import, row))
    {
      note (import, CAK_SEVERITY_INFO, row->row, -1, _ ("Skipped: the header repeated."));
      import->report->skipped++;
      return;
    }

  region = resolve_region (import, row, &is_total);
  if (is_total || (region && region->kind == CAK_REGION_KIND_PROVINCE))
    {
      note (import, CAK_SEVERITY_INFO, row->row, -1,
            _ ("Skipped: a total row; province totals are summed from the regencies."));
      import->report->skipped++;
      return;
    }
  if (region == NULL)
    {
      import->report->rejected++;
      return;
    }

  if (import->period_column >= 0)
    {
      const char *text = cell (row, import->period_column);

      if (!cak_period_parse (text, &period))
        {
          if (is_blank_text (text))
            note (import, CAK_SEVERITY_ERROR, row->row, import->period_column,
                  _ ("The period is empty."));
          else
            note (import, CAK_SEVERITY_ERROR, row->row, import->period_column,
                  _ ("“%s” is not a period (write for example “Desember 2023”, “2023-12” or "
                     "“2023”)."),
                  text);
          import->report->rejected++;
          return;
        }
    }
  else if (!cak_period_is_valid (period))
    {
      note (import, CAK_SEVERITY_ERROR, row->row, -1,
            _ ("The file has no period column; give the period with --period."));
      import->report->rejected++;
      return;
    }

  for (guint c = 0; c < import->columns->len; c++)
    {
      const Column *column = &g_array_index (import->columns, Column, c);
      const char *text = cell (row, c);
      CakNumberFlags flags = 0;
      double value;

      if (column->role != CAK_COLUMN_MEASURE || is_blank_text (text))
        continue;
      if (!cak_number_parse (text, column->style, &value, &flags) || value < 0)
        {
          note (import, CAK_SEVERITY_ERROR, row->row, c,
                _ ("“%s” is not a number; the row was not imported."), text);
          import->report->rejected++;
          return;
        }
      if (has_value[column->measure])
        continue; /* a second column for the same measure: the first one counts */
      values[column->measure] = value;
      value_columns[column->measure] = c;
      has_value[column->measure] = TRUE;
      any = TRUE;
    }

  if (!any)
    {
      note (import, CAK_SEVERITY_INFO, row->row, -1, _ ("Skipped: the row holds no figures."));
      import->report->skipped++;
      return;
    }

  /* Check every value before storing any, so that a rejected row leaves nothing behind. */
  for (guint m = 0; m < CAK_N_MEASURES; m++)
    {
      CakValue existing;

      if (has_value[m] && cak_dataset_get (import->dataset, region, period, m, &existing)
          && fabs (existing.value - values[m]) > 1e-9 * MAX (1.0, fabs (values[m])))
        {
          g_autofree char *col = cak_source_column_name (existing.source.column);
          g_autofree char *iso = cak_period_to_iso (period);

          note (import, CAK_SEVERITY_ERROR, row->row, value_columns[m],
                _ ("%s for %s in %s is %g here but %g in %s, row %u, column %s; the row was not "
                   "imported."),
                cak_measure_get_label (m), region->name, iso, values[m], existing.value,
                existing.source.file, existing.source.row, col);
          import->report->rejected++;
          return;
        }
    }
  for (guint m = 0; m < CAK_N_MEASURES; m++)
    if (has_value[m])
      {
        CakSource source = { import->file, import->sheet, row->row, value_columns[m] };

        cak_dataset_set (import->dataset, region, period, m, values[m], &source, NULL);
      }

  if (has_value[CAK_MEASURE_PARTICIPANTS] && has_value[CAK_MEASURE_PU] && has_value[CAK_MEASURE_BPU]
      && has_value[CAK_MEASURE_JAKON] && has_value[CAK_MEASURE_PMI])
    {
      double sum = values[CAK_MEASURE_PU] + values[CAK_MEASURE_BPU] + values[CAK_MEASURE_JAKON]
                   + values[CAK_MEASURE_PMI];

      if (fabs (sum - values[CAK_MEASURE_PARTICIPANTS]) > 0.5)
        note (import, CAK_SEVERITY_WARNING, row->row, value_columns[CAK_MEASURE_PARTICIPANTS],
              _ ("Active participants are %g but PU + BPU + Jakon + PMI make %g."),
              values[CAK_MEASURE_PARTICIPANTS], sum);
    }
  if (has_value[CAK_MEASURE_TARGET_PCT] && values[CAK_MEASURE_TARGET_PCT] > 100)
    note (import, CAK_SEVERITY_WARNING, row->row, value_columns[CAK_MEASURE_TARGET_PCT],
          _ ("A target of %g%% is above 100%%."), values[CAK_MEASURE_TARGET_PCT]);

  import->report->imported++;
}

static gboolean
import_rows (Import *import, GCancellable *cancellable, GError **error)
{
  if (import->rows->len == 0)
    {
      g_set_error (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_EMPTY, _ ("“%s” holds no rows."),
                   import->file);
      return FALSE;
    }
  if (!find_header (import))
    {
      g_set_error (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_NO_HEADER,
                   _ ("“%s” has no header row naming a region column (such as “Kode Wilayah” or "
                      "“Kabupaten/Kota”) and a figure (such as “Peserta Aktif” or “Penduduk "
                      "Bekerja”) in its first %d rows."),
                   import->file, HEADER_SEARCH_ROWS);
      return FALSE;
    }

  import->report->rows = import->rows->len;
  for (guint r = 0; r < import->header_index; r++)
    {
      const StoredRow *row = &g_array_index (import->rows, StoredRow, r);

      note (import, CAK_SEVERITY_INFO, row->row, -1,
            row_is_blank (row) ? _ ("Skipped: blank row.") : _ ("Skipped: title line."));
      import->report->skipped++;
    }
  note (import, CAK_SEVERITY_INFO,
        g_array_index (import->rows, StoredRow, import->header_index).row, -1,
        _ ("Skipped: the header."));
  import->report->skipped++;

  vote_number_styles (import);
  find_province_hint (import);
  for (guint r = import->header_index + 1; r < import->rows->len; r++)
    {
      if ((r & 0xff) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      import_data_row (import, &g_array_index (import->rows, StoredRow, r));
    }
  return TRUE;
}

static gboolean
has_suffix_ci (const char *name, const char *suffix)
{
  gsize n = strlen (name), m = strlen (suffix);

  return n >= m && g_ascii_strcasecmp (name + n - m, suffix) == 0;
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
  Import import = { 0 };
  gsize length;
  const guchar *data;
  gboolean ok;

  g_return_val_if_fail (CAK_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (display_name != NULL, FALSE);

  data = g_bytes_get_data (bytes, &length);
  if ((length >= 4 && memcmp (data, "PK\3\4", 4) == 0)
      || (length >= 8 && memcmp (data, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0)
      || has_suffix_ci (display_name, ".xlsx") || has_suffix_ci (display_name, ".xls")
      || has_suffix_ci (display_name, ".ods"))
    {
      g_set_error (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_UNSUPPORTED,
                   _ ("“%s” is a workbook; this version of Cakupan reads CSV files only. Save the "
                      "sheet as CSV and open that."),
                   display_name);
      return FALSE;
    }

  import.dataset = dataset;
  import.catalog = cak_dataset_get_catalog (dataset);
  import.file = g_intern_string (display_name);
  import.options = options;
  import.rows = g_array_new (FALSE, TRUE, sizeof (StoredRow));
  g_array_set_clear_func (import.rows, clear_stored_row);
  import.columns = g_array_new (FALSE, TRUE, sizeof (Column));

  {
    CakSheetCallbacks callbacks = { .row = store_row_cb, .user_data = import.rows };

    ok = cak_csv_read_bytes (bytes, display_name, NULL, &callbacks, cancellable, error);
  }
  if (ok)
    {
      import.report = cak_dataset_add_sheet_report (dataset, import.file, NULL);
      ok = import_rows (&import, cancellable, error);
    }

  g_array_unref (import.rows);
  g_array_unref (import.columns);
  return ok;
}

/**
 * cak_import_file:
 *
 * Reads @file and imports it with cak_import_bytes().
 */
gboolean
cak_import_file (CakDataset *dataset, GFile *file, const CakImportOptions *options,
                 GCancellable *cancellable, GError **error)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (CAK_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  name = g_file_get_basename (file);
  bytes = g_file_load_bytes (file, cancellable, NULL, &local_error);
  if (bytes == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_UNREADABLE,
                     _ ("“%s” could not be opened: %s"), name, local_error->message);
      return FALSE;
    }
  return cak_import_bytes (dataset, bytes, name, options, cancellable, error);
}
