/* cak-import-rows.c: the rows stage of the importer: a row of figures read, checked and stored
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cak-import-rows"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cak-import-private.h"

/* ---- Figures ------------------------------------------------------------------------- */

/* Reads a figure cell: typed numbers as they are, text in the column's number style, with its
 * units ("647.000 jiwa", "1,6 juta"); placeholders ("-", "n/a") are no value. A percentage
 * column of fractions (0,30 for 30%) is read as percentages; without the column's word on it,
 * a typed number within 0..1 is a fraction shown as a percentage (0.3 formatted as 30%). */
NumberResult
cak_import_read_number (const CakRow *row, int c, const Column *column, gboolean percent,
                        double *out)
{
  const char *text = cell (row, c);
  CakCellType type = cell_type (row, c);
  CakNumberPercentForm form = column ? column->percent_form : CAK_NUMBER_PERCENT_FORM_UNKNOWN;
  CakNumberReading reading;

  if (type == CAK_CELL_EMPTY || is_blank_text (text))
    return NUMBER_BLANK;
  if (type == CAK_CELL_NUMBER)
    {
      *out = g_ascii_strtod (text, NULL);
      if (percent
          && (form == CAK_NUMBER_PERCENT_FORM_FRACTION
              || (form == CAK_NUMBER_PERCENT_FORM_UNKNOWN && fabs (*out) <= 1.0)))
        *out *= 100;
      return isfinite (*out) ? NUMBER_OK : NUMBER_BAD;
    }
  if (type != CAK_CELL_TEXT)
    return NUMBER_BAD;
  switch (cak_number_read (text, column ? column->style : CAK_NUMBER_STYLE_UNKNOWN, &reading))
    {
      case CAK_NUMBER_RESULT_BLANK:
        return NUMBER_BLANK;
      case CAK_NUMBER_RESULT_VALUE:
      case CAK_NUMBER_RESULT_NOT_WHOLE:
        break;
      case CAK_NUMBER_RESULT_INVALID:
      default:
        return NUMBER_BAD;
    }
  *out = reading.value;
  if (percent && form == CAK_NUMBER_PERCENT_FORM_FRACTION
      && !(reading.flags & CAK_NUMBER_FLAG_PERCENT))
    *out *= 100;
  return isfinite (*out) ? NUMBER_OK : NUMBER_BAD;
}

char *
cak_import_format_number (double value)
{
  CakLang lang = cak_lang_from_environment ();

  return cak_number_format (value, fabs (value - round (value)) < 1e-9 ? 0 : 2, lang);
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
        if (cak_import_read_number (row, c, column, FALSE, &value) == NUMBER_OK
            && fabs (value - sheet->sums[column->measure]) > 0.5 + 1e-9 * fabs (value))
          {
            g_autofree char *a = cak_import_format_number (value);
            g_autofree char *b = cak_import_format_number (sheet->sums[column->measure]);

            cak_import_note (import, CAK_SEVERITY_WARNING, row->row, c,
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
  if (cak_import_read_number (row, sheet->coverage_column, column, TRUE, &stated) != NUMBER_OK)
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

      cak_import_note (import, CAK_SEVERITY_WARNING, row->row, sheet->coverage_column,
                       _ ("The coverage written here is %s, but the row’s own figures give %s."), a,
                       b);
    }
}

/* Whether a row's values differ from ones already held for the region, period and measure:
 * a conflict, named in the report. */
static gboolean
conflicts (Import *import, const CakRow *row, const CakRegion *region, CakPeriod period,
           const double *values, const gboolean *has, const int *columns)
{

  for (guint m = 0; m < CAK_N_MEASURES; m++)
    {
      CakValue existing;

      if (has[m] && cak_dataset_get (import->dataset, region, period, m, &existing)
          && fabs (existing.value - values[m]) > 1e-9 * MAX (1.0, fabs (values[m])))
        {
          g_autofree char *col = cak_source_column_name (existing.source.column);
          g_autofree char *iso = cak_period_to_iso (period);
          g_autofree char *here = cak_import_format_number (values[m]);
          g_autofree char *there = cak_import_format_number (existing.value);

          if (existing.source.sheet)
            cak_import_note (
                import, CAK_SEVERITY_ERROR, row->row, columns[m],
                _ ("%s for %s in %s is %s here but %s in %s, sheet “%s”, row %u, column %s; "
                   "the row was not imported."),
                cak_measure_get_label (m), region->name, iso, here, there, existing.source.file,
                existing.source.sheet, existing.source.row, col);
          else
            cak_import_note (
                import, CAK_SEVERITY_ERROR, row->row, columns[m],
                _ ("%s for %s in %s is %s here but %s in %s, row %u, column %s; the row was "
                   "not imported."),
                cak_measure_get_label (m), region->name, iso, here, there, existing.source.file,
                existing.source.row, col);
          return TRUE;
        }
    }
  return FALSE;
}

/* Stores a row's values once they are all checked, so that a rejected row leaves nothing. */
gboolean
cak_import_store_values (Import *import, const CakRow *row, const CakRegion *region,
                         CakPeriod period, const double *values, const gboolean *has,
                         const int *columns)
{
  Sheet *sheet = import->sheet;

  if (conflicts (import, row, region, period, values, has, columns))
    return FALSE;
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
    cak_import_note (import, CAK_SEVERITY_ERROR, row->row, sheet->period_column,
                     _ ("The period is empty."));
  else
    cak_import_note (
        import, CAK_SEVERITY_ERROR, row->row, sheet->period_column,
        _ ("“%s” is not a period (write for example “Desember 2023”, “2023-12” or “2023”)."), text);
  return FALSE;
}

/* A row's figures for one period: the row's own, or a period its columns' headers name
 * ("Bekerja 2023 | Bekerja 2024"). */
typedef struct
{
  CakPeriod period;
  double values[CAK_N_MEASURES];
  int columns[CAK_N_MEASURES];
  gboolean has[CAK_N_MEASURES];
} Figures;

/* The most periods one row spreads over its columns: more than a spreadsheet of years or
 * months as columns holds. */
#define MAX_ROW_PERIODS 64

static Figures *
figures_for (Figures *slots, guint *n_slots, CakPeriod period)
{
  for (guint i = 0; i < *n_slots; i++)
    if (cak_period_equal (slots[i].period, period))
      return &slots[i];
  if (*n_slots >= MAX_ROW_PERIODS)
    return NULL;
  memset (&slots[*n_slots], 0, sizeof slots[*n_slots]);
  slots[*n_slots].period = period;
  return &slots[(*n_slots)++];
}

/* The checks a row's own figures allow, once they are stored. */
static void
check_figures (Import *import, const CakRow *row, const Figures *f, gboolean with_coverage)
{
  const double *values = f->values;
  const gboolean *has = f->has;

  if (has[CAK_MEASURE_PARTICIPANTS] && has[CAK_MEASURE_PU] && has[CAK_MEASURE_BPU]
      && has[CAK_MEASURE_JAKON] && has[CAK_MEASURE_PMI])
    {
      double sum = values[CAK_MEASURE_PU] + values[CAK_MEASURE_BPU] + values[CAK_MEASURE_JAKON]
                   + values[CAK_MEASURE_PMI];

      if (fabs (sum - values[CAK_MEASURE_PARTICIPANTS]) > 0.5)
        {
          g_autofree char *a = cak_import_format_number (values[CAK_MEASURE_PARTICIPANTS]);
          g_autofree char *b = cak_import_format_number (sum);

          cak_import_note (
              import, CAK_SEVERITY_WARNING, row->row, f->columns[CAK_MEASURE_PARTICIPANTS],
              _ ("Active participants are %s but PU + BPU + Jakon + PMI make %s."), a, b);
        }
    }
  if (has[CAK_MEASURE_TARGET_PCT] && values[CAK_MEASURE_TARGET_PCT] > 100)
    {
      g_autofree char *target = cak_number_format_percent (values[CAK_MEASURE_TARGET_PCT], 2,
                                                           cak_lang_from_environment ());

      cak_import_note (import, CAK_SEVERITY_WARNING, row->row, f->columns[CAK_MEASURE_TARGET_PCT],
                       _ ("A target of %s is above 100%%."), target);
    }
  if (with_coverage)
    check_coverage (import, row, values, has);
}

static CakRowKind
import_wide_row (Import *import, const CakRow *row, const CakRegion *region)
{
  Sheet *sheet = import->sheet;
  Figures slots[MAX_ROW_PERIODS];
  guint n_slots = 0;
  CakPeriod period, coverage_period;
  gboolean any = FALSE;

  if (!row_period (import, row, &period))
    return CAK_ROW_REJECTED;

  for (guint c = 0; c < sheet->columns->len; c++)
    {
      const Column *column = &g_array_index (sheet->columns, Column, c);
      Figures *f;
      double value;

      if (column->role != CAK_COLUMN_MEASURE)
        continue;
      switch (cak_import_read_number (row, c, column, column->measure == CAK_MEASURE_TARGET_PCT,
                                      &value))
        {
          case NUMBER_BLANK:
            continue;
          case NUMBER_BAD:
            if (cell_type (row, c) == CAK_CELL_ERROR)
              cak_import_note (
                  import, CAK_SEVERITY_ERROR, row->row, c,
                  _ ("The cell holds the error %s instead of a number; the row was not "
                     "imported."),
                  cell (row, c));
            else
              cak_import_note (import, CAK_SEVERITY_ERROR, row->row, c,
                               _ ("“%s” is not a number; the row was not imported."),
                               cell (row, c));
            return CAK_ROW_REJECTED;
          case NUMBER_OK:
          default:
            break;
        }
      if (value < 0)
        {
          cak_import_note (import, CAK_SEVERITY_ERROR, row->row, c,
                           _ ("“%s” is negative; the row was not imported."), cell (row, c));
          return CAK_ROW_REJECTED;
        }
      f = figures_for (slots, &n_slots,
                       cak_period_is_valid (column->period) ? column->period : period);
      if (f == NULL)
        continue; /* the layout refuses headers with more periods than that */
      if (f->has[column->measure])
        {
          /* A second column of the same measure and period is a check on the first. */
          if (fabs (f->values[column->measure] - value) > 1e-9 * MAX (1.0, fabs (value)))
            {
              g_autofree char *here = cak_import_format_number (value);
              g_autofree char *there = cak_import_format_number (f->values[column->measure]);
              g_autofree char *first = cak_source_column_name (f->columns[column->measure]);

              cak_import_note (import, CAK_SEVERITY_WARNING, row->row, c,
                               _ ("%s is %s here but %s in column %s; column %s was imported."),
                               cak_measure_get_label (column->measure), here, there, first,
                               first);
            }
          continue;
        }
      f->values[column->measure] = value;
      f->columns[column->measure] = c;
      f->has[column->measure] = TRUE;
      any = TRUE;
    }
  if (!any)
    return CAK_ROW_EMPTY;
  for (guint i = 0; i < n_slots; i++)
    if (!cak_period_is_valid (slots[i].period))
      {
        cak_import_note (import, CAK_SEVERITY_ERROR, row->row, -1,
                         _ ("The row’s figures have no period; the row was not imported."));
        return CAK_ROW_REJECTED;
      }
  for (guint i = 0; i < n_slots; i++)
    if (conflicts (import, row, region, slots[i].period, slots[i].values, slots[i].has,
                   slots[i].columns))
      return CAK_ROW_REJECTED;
  for (guint i = 0; i < n_slots; i++)
    cak_import_store_values (import, row, region, slots[i].period, slots[i].values, slots[i].has,
                             slots[i].columns);

  coverage_period = period;
  if (sheet->coverage_column >= 0)
    {
      const Column *column = &g_array_index (sheet->columns, Column, sheet->coverage_column);

      if (cak_period_is_valid (column->period))
        coverage_period = column->period;
    }
  for (guint i = 0; i < n_slots; i++)
    check_figures (import, row, &slots[i], cak_period_equal (slots[i].period, coverage_period));
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
  role = cak_import_user_role (import, name, &role, &measure)
             ? role
             : cak_import_classify_header (name, &measure);
  if (role == CAK_COLUMN_COVERAGE_PCT)
    return CAK_ROW_EMPTY;
  if (role != CAK_COLUMN_MEASURE)
    {
      cak_import_note (
          import, CAK_SEVERITY_ERROR, row->row, sheet->measure_name_column,
          _ ("“%s” is not a measure Cakupan knows (such as “Penduduk Bekerja”, “Peserta "
             "Aktif”, “PU” or “Target”)."),
          name);
      return CAK_ROW_REJECTED;
    }
  switch (cak_import_read_number (row, sheet->value_column, value_column,
                                  measure == CAK_MEASURE_TARGET_PCT, &value))
    {
      case NUMBER_BLANK:
        return CAK_ROW_EMPTY;
      case NUMBER_BAD:
        cak_import_note (import, CAK_SEVERITY_ERROR, row->row, sheet->value_column,
                         _ ("“%s” is not a number; the row was not imported."),
                         cell (row, sheet->value_column));
        return CAK_ROW_REJECTED;
      case NUMBER_OK:
      default:
        break;
    }
  if (value < 0)
    {
      cak_import_note (import, CAK_SEVERITY_ERROR, row->row, sheet->value_column,
                       _ ("“%s” is negative; the row was not imported."),
                       cell (row, sheet->value_column));
      return CAK_ROW_REJECTED;
    }
  values[measure] = value;
  columns[measure] = sheet->value_column;
  has[measure] = TRUE;
  return cak_import_store_values (import, row, region, period, values, has, columns)
             ? CAK_ROW_DATA
             : CAK_ROW_REJECTED;
}

void
cak_import_handle_row (Import *import, const CakRow *row, gboolean may_defer)
{
  Sheet *sheet = import->sheet;
  const CakRegion *region = NULL;
  CakRowKind kind;
  int first;

  if (row_is_blank (row))
    {
      cak_import_account (import, row->row, CAK_ROW_BLANK, FALSE);
      return;
    }
  if (cak_import_is_repeated_header (sheet, row))
    {
      cak_import_account (import, row->row, CAK_ROW_REPEATED_HEADER, FALSE);
      return;
    }
  if (sheet->report->imported == 0 && cak_import_is_column_numbers (row))
    {
      cak_import_account (import, row->row, CAK_ROW_COLUMN_NUMBERS, FALSE);
      return;
    }
  first = first_nonblank (row);
  if (first >= 0 && cak_import_is_note_text (cell (row, first)) && count_nonblank (row) <= 2)
    {
      cak_import_account (import, row->row, CAK_ROW_NOTE, FALSE);
      return;
    }

  switch (cak_import_resolve_region (import, row, may_defer, &region))
    {
      case REGION_TOTAL:
        check_total (import, row);
        cak_import_account (import, row->row, CAK_ROW_TOTAL, FALSE);
        return;
      case REGION_HEADING:
        check_total (import, row);
        cak_import_account (import, row->row, CAK_ROW_TITLE, FALSE);
        return;
      case REGION_DEFER:
        g_ptr_array_add (sheet->deferred, cak_stored_row_new (row));
        return;
      case REGION_REJECTED:
        sheet->block_rejected++;
        cak_import_account (import, row->row, CAK_ROW_REJECTED, TRUE);
        return;
      case REGION_FOUND:
      default:
        break;
    }
  if (region->kind == CAK_REGION_KIND_PROVINCE)
    {
      check_total (import, row);
      cak_import_account (import, row->row, CAK_ROW_TOTAL, FALSE);
      return;
    }
  cak_import_count_province (sheet, region);

  kind = sheet->layout == CAK_LAYOUT_LONG ? import_long_row (import, row, region)
                                          : import_wide_row (import, row, region);
  if (kind == CAK_ROW_DATA)
    sheet->block_rows++;
  else if (kind == CAK_ROW_REJECTED)
    sheet->block_rejected++;
  cak_import_account (import, row->row, kind, kind == CAK_ROW_REJECTED);
}
