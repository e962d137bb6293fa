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

/* How many repeated rows of a sheet get a line each in the import report. */
#define MAX_LISTED_REPEATS 20

/* The figures of a data row, for the totals that sum it. */
typedef struct
{
  guint row;
  guint32 period_key;
  const CakRegion *region; /* the regency; NULL for a rejected row */
  CakMeasureSet has;       /* bit per CakMeasure */
  double values[CAK_N_MEASURES];
} RowFigures;

/* A total or province row, checked against the rows it sums once the whole sheet is read. */
typedef struct
{
  guint row;
  guint32 period_key;      /* 0 when the row names no period */
  const CakRegion *region; /* the province (or the regency of a kecamatan's "Jumlah") it totals;
                            * NULL for a "JUMLAH" row */
  CakMeasureSet has;
  double values[CAK_N_MEASURES];
  int columns[CAK_N_MEASURES];
} TotalRow;

typedef enum
{
  SUB_NONE,
  SUB_KECAMATAN,
  SUB_DESA, /* desa or kelurahan */
} SubKind;

/* The kecamatan or desa rows of one regency and period, summed into the regency. */
typedef struct
{
  const CakRegion *region;
  CakPeriod period;
  SubKind kind;
  guint first_row, n_rows;
  CakMeasureSet has;
  double values[CAK_N_MEASURES]; /* sums; the target is the rows' own when they agree */
  int columns[CAK_N_MEASURES];
  gboolean targets_differ;
} SubGroup;

/* What a row below the regency level is: its kind and the name or code of its kecamatan or
 * desa, which tells its rows apart. */
typedef struct
{
  SubKind kind;
  char *text;
  char *regency_code; /* the regency's code read from a kecamatan's code, or NULL */
  gboolean is_total;  /* "Jumlah" in the kecamatan column: the regency's own total */
} SubRow;

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

/* The stated coverage of a row (regency, province or total) against its own numerator and
 * denominator. */
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
      g_autofree char *p = cak_import_format_number (participants);
      g_autofree char *w = cak_import_format_number (values[CAK_MEASURE_WORKFORCE]);

      cak_import_note (import, CAK_SEVERITY_WARNING, row->row, sheet->coverage_column,
                       /* TRANSLATORS: "… is 27,68%, but the row’s own figures give 28,67%
                        * (4.300.000 participants of 15.000.000 workers)." */
                       _ ("The coverage written here is %s, but the row’s own figures give %s "
                          "(%s participants of %s workers)."),
                       a, b, p, w);
    }
}

/* ---- Rows below the regency ------------------------------------------------------------ */

/* A column that names the kecamatan, desa or kelurahan of a row: the regency is in the region
 * columns, and this column only groups its rows. Its header starts with the word ("Kecamatan",
 * "Nama Desa", "Desa/Kelurahan", "Kel/Desa"): "Dana Desa" or "Jumlah Desa" are figures. */
static SubKind
subregion_header_kind (const char *header)
{
  g_autofree char *norm = cak_import_normalize (header);
  g_auto (GStrv) words = g_strsplit (norm, " ", -1);
  SubKind kind = SUB_NONE;
  guint i = 0;

  if (words[0] && strcmp (words[0], "nama") == 0)
    i++;
  for (; words[i]; i++)
    {
      const char *w = words[i];

      if (strcmp (w, "desa") == 0 || strcmp (w, "kelurahan") == 0 || strcmp (w, "kel") == 0
          || strcmp (w, "village") == 0)
        kind = SUB_DESA;
      else if (strcmp (w, "kecamatan") == 0 || strcmp (w, "kec") == 0)
        {
          if (kind == SUB_NONE)
            kind = SUB_KECAMATAN;
        }
      else
        break; /* the words after the name of the level: "Desa Terdaftar" is not a name */
    }
  return words[i] == NULL ? kind : SUB_NONE;
}

/* Whether a header names the kecamatan or desa of a row ("Kecamatan", "Desa/Kelurahan"). */
gboolean
cak_import_is_subregion_header (const char *header)
{
  return header != NULL && subregion_header_kind (header) != SUB_NONE;
}

static void
find_subregion_column (Sheet *sheet)
{
  SubKind best = SUB_NONE;

  sheet->subregion_column = -1;
  for (guint c = 0; c < sheet->columns->len; c++)
    {
      const Column *column = &g_array_index (sheet->columns, Column, c);
      SubKind kind;

      if (column->role != CAK_COLUMN_NONE && column->role != CAK_COLUMN_NOTE)
        continue;
      kind = column->header ? subregion_header_kind (column->header) : SUB_NONE;
      /* With both a kecamatan and a desa column, rows are desa. */
      if (kind > best)
        {
          best = kind;
          sheet->subregion_column = c;
        }
    }
}

/* "3505010" and "3505010001" (BPS kecamatan and desa, also "ID3505010" or 3505010.0), and
 * "35.05.01" and "35.05.01.2001" (Kemendagri): the code of their regency as the file's scheme
 * writes it ("3505" or "35.05"), which the regions stage reads. */
static SubKind
parse_subregion_code (const char *text, char **out_regency)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  char *p = copy;
  gsize len;
  g_auto (GStrv) parts = NULL;
  guint n = 0;

  if (g_ascii_strncasecmp (p, "ID", 2) == 0)
    p += 2;
  if (g_str_has_suffix (p, ".0"))
    p[strlen (p) - 2] = '\0';
  len = strlen (p);
  if (len == 0)
    return SUB_NONE;
  if (strspn (p, "0123456789") == len)
    {
      if (len != 7 && len != 10)
        return SUB_NONE;
      *out_regency = g_strndup (p, 4);
      return len == 7 ? SUB_KECAMATAN : SUB_DESA;
    }
  parts = g_strsplit (p, ".", -1);
  for (n = 0; parts[n]; n++)
    if (*parts[n] == '\0' || strspn (parts[n], "0123456789") != strlen (parts[n]))
      return SUB_NONE;
  if ((n != 3 && n != 4) || strlen (parts[0]) != 2 || strlen (parts[1]) != 2
      || strlen (parts[2]) < 2 || strlen (parts[2]) > 3)
    return SUB_NONE;
  *out_regency = g_strdup_printf ("%s.%s", parts[0], parts[1]);
  return n == 3 ? SUB_KECAMATAN : SUB_DESA;
}

/* Whether @row is a kecamatan or desa row; if so, @view receives the row as the regions stage
 * must read it: the regency's code in place of the kecamatan's, and no kecamatan name in the
 * region name column. @view's cells are owned by @cells. */
static void
sub_row_clear (SubRow *sub)
{
  g_clear_pointer (&sub->text, g_free);
  g_clear_pointer (&sub->regency_code, g_free);
}

static gboolean
find_subregion (Import *import, const CakRow *row, SubRow *sub, CakRow *view, GPtrArray *cells)
{
  Sheet *sheet = import->sheet;
  g_autofree char *regency_code = NULL;
  SubKind code_kind = SUB_NONE;

  memset (sub, 0, sizeof *sub);
  if (sheet->code_column >= 0)
    code_kind = parse_subregion_code (cell (row, sheet->code_column), &regency_code);
  if (sheet->subregion_column >= 0 && !is_blank_text (cell (row, sheet->subregion_column))
      && cell_type (row, sheet->subregion_column) != CAK_CELL_NUMBER)
    {
      const char *text = cell (row, sheet->subregion_column);

      if (cak_import_is_total_label (text))
        {
          sub->is_total = TRUE;
          return FALSE;
        }
      sub->kind = code_kind != SUB_NONE
                      ? code_kind
                      : subregion_header_kind (
                          g_array_index (sheet->columns, Column, sheet->subregion_column).header);
      sub->text = g_strstrip (g_strdup (text));
    }
  else if (code_kind != SUB_NONE)
    {
      sub->kind = code_kind;
      sub->text = g_strdup_printf ("%s %s", cell (row, sheet->code_column),
                                   cell (row, sheet->name_column));
      g_strstrip (sub->text);
    }
  else
    return FALSE;

  *view = *row;
  if (code_kind != SUB_NONE)
    {
      for (guint i = 0; i < row->n_cells; i++)
        g_ptr_array_add (cells, (gpointer)cell (row, i));
      sub->regency_code = g_steal_pointer (&regency_code);
      cells->pdata[sheet->code_column] = sub->regency_code;
      /* Without a kecamatan column, the name beside a kecamatan's code is the kecamatan's. */
      if (sheet->subregion_column < 0 && sheet->name_column >= 0
          && (guint)sheet->name_column < row->n_cells)
        cells->pdata[sheet->name_column] = (gpointer) "";
      view->cells = (const char *const *)cells->pdata;
    }
  return TRUE;
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

static void
add_figures (Sheet *sheet, guint row, guint32 period_key, const CakRegion *region,
             const double *values, const gboolean *has)
{
  RowFigures f = { row, period_key, region, 0, { 0 } };

  for (guint m = 0; values && m < CAK_N_MEASURES; m++)
    if (has[m])
      {
        f.has |= CAK_MEASURE_BIT (m);
        f.values[m] = values[m];
      }
  g_array_append_val (sheet->figures, f);
}

/* A workforce of 0, or "-" beside participants, is never a denominator: say so on the row. A
 * blank cell says nothing: monthly rows leave the yearly workforce to other rows. */
static void
check_workforce (Import *import, guint row, const CakRegion *region, const double *values,
                 const gboolean *has, int column, gboolean dash)
{
  gboolean has_participants = has[CAK_MEASURE_PARTICIPANTS] || has[CAK_MEASURE_PU]
                              || has[CAK_MEASURE_BPU] || has[CAK_MEASURE_JAKON]
                              || has[CAK_MEASURE_PMI];

  if (has[CAK_MEASURE_WORKFORCE] && values[CAK_MEASURE_WORKFORCE] <= 0)
    cak_import_note (import, CAK_SEVERITY_WARNING, row, column,
                     _ ("Workforce is 0 for %s; its coverage cannot be computed and it is left out "
                        "of the province’s coverage."),
                     region->name);
  else if (!has[CAK_MEASURE_WORKFORCE] && has_participants && dash)
    cak_import_note (import, CAK_SEVERITY_WARNING, row, column,
                     _ ("Workforce is “-” for %s; its coverage cannot be computed and it is left "
                        "out of the province’s coverage."),
                     region->name);
}

static int
workforce_column (Sheet *sheet)
{
  for (guint c = 0; c < sheet->columns->len; c++)
    {
      const Column *column = &g_array_index (sheet->columns, Column, c);

      if (column->role == CAK_COLUMN_MEASURE && column->measure == CAK_MEASURE_WORKFORCE)
        return c;
    }
  return -1;
}

/* The key that finds an exact repeat of a row: its region, period, kecamatan and figures. */
static char *
row_key (const CakRegion *region, CakPeriod period, const SubRow *sub, const double *values,
         const gboolean *has, gboolean with_values)
{
  static const char hex[] = "0123456789abcdef";
  GString *key = g_string_sized_new (160);
  guint32 period_key = cak_period_to_key (period);

  /* The values' bits in hex: exact, and far cheaper than printing them as decimals. */
  g_string_append (key, region->code);
  g_string_append_c (key, '|');
  for (guint i = 0; i < 8; i++)
    g_string_append_c (key, hex[(period_key >> (4 * i)) & 15]);
  g_string_append_c (key, '|');
  if (sub && sub->text)
    g_string_append (key, sub->text);
  g_string_append_c (key, '|');
  for (guint m = 0; m < CAK_N_MEASURES; m++)
    if (has[m])
      {
        g_string_append_c (key, 'a' + m);
        if (with_values)
          {
            guint64 bits;

            memcpy (&bits, &values[m], sizeof bits);
            for (guint i = 0; i < 16; i++)
              g_string_append_c (key, hex[(bits >> (4 * i)) & 15]);
          }
      }
  return g_string_free (key, FALSE);
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

/* A row's figures, read and checked: noted when they repeat a row above, summed into their
 * regency when the row is a kecamatan's or a desa's, else stored. */
static CakRowKind
keep_row (Import *import, const CakRow *row, const CakRegion *region, const Figures *slots,
          guint n_slots, const SubRow *sub)
{
  Sheet *sheet = import->sheet;
  g_autoptr (GString) key = g_string_new (NULL);
  guint repeated;

  for (guint i = 0; i < n_slots; i++)
    {
      g_autofree char *one = row_key (region, slots[i].period, sub, slots[i].values,
                                      slots[i].has, TRUE);

      g_string_append (key, one);
      g_string_append_c (key, '#');
    }
  repeated = GPOINTER_TO_UINT (g_hash_table_lookup (sheet->seen_rows, key->str));
  if (repeated > 0)
    {
      /* The first ones each on a line; the rest of a file of repeats in one line at its end. */
      if (++sheet->n_repeats <= MAX_LISTED_REPEATS)
        cak_import_note (import, CAK_SEVERITY_INFO, row->row, -1, _ ("Row %u repeats row %u."),
                         row->row, repeated);
      else if (sheet->first_unlisted_repeat == 0)
        sheet->first_unlisted_repeat = row->row;
      sheet->last_repeat = row->row;
      return CAK_ROW_DUPLICATE;
    }

  if (sub && sub->kind != SUB_NONE)
    {
      /* The same kecamatan twice with other figures: which is right cannot be told. */
      for (guint i = 0; i < n_slots; i++)
        {
          g_autofree char *where = row_key (region, slots[i].period, sub, slots[i].values,
                                            slots[i].has, FALSE);
          g_autofree char *place = g_strconcat ("@", where, NULL);
          guint other = GPOINTER_TO_UINT (g_hash_table_lookup (sheet->seen_rows, place));

          if (other > 0)
            {
              cak_import_note (import, CAK_SEVERITY_ERROR, row->row, sheet->subregion_column,
                               _ ("“%s” of %s is in row %u already, with other figures; the row "
                                  "was not imported."),
                               sub->text, region->name, other);
              return CAK_ROW_REJECTED;
            }
        }
      for (guint i = 0; i < n_slots; i++)
        {
          const Figures *f = &slots[i];
          g_autofree char *where = row_key (region, f->period, sub, f->values, f->has, FALSE);
          g_autofree char *group_key
              = g_strdup_printf ("%s|%u", region->code, cak_period_to_key (f->period));
          SubGroup *group = g_hash_table_lookup (sheet->subregions, group_key);

          g_hash_table_insert (sheet->seen_rows, g_strconcat ("@", where, NULL),
                               GUINT_TO_POINTER (row->row));
          if (group == NULL)
            {
              group = g_new0 (SubGroup, 1);
              group->region = region;
              group->period = f->period;
              group->kind = sub->kind;
              group->first_row = row->row;
              g_hash_table_insert (sheet->subregions, g_steal_pointer (&group_key), group);
            }
          group->n_rows++;
          if (sub->kind > group->kind)
            group->kind = sub->kind;
          for (guint m = 0; m < CAK_N_MEASURES; m++)
            if (f->has[m])
              {
                if (!(group->has & CAK_MEASURE_BIT (m)))
                  {
                    group->columns[m] = f->columns[m];
                    group->values[m] = 0;
                  }
                else if (m == CAK_MEASURE_TARGET_PCT && group->values[m] != f->values[m])
                  group->targets_differ = TRUE;
                group->has |= CAK_MEASURE_BIT (m);
                /* A target is a percentage: never summed. */
                if (m == CAK_MEASURE_TARGET_PCT)
                  group->values[m] = f->values[m];
                else
                  group->values[m] += f->values[m];
                sheet->sums[m] += f->values[m];
              }
        }
    }
  else
    {
      for (guint i = 0; i < n_slots; i++)
        if (conflicts (import, row, region, slots[i].period, slots[i].values, slots[i].has,
                       slots[i].columns))
          return CAK_ROW_REJECTED;
      for (guint i = 0; i < n_slots; i++)
        {
          const Figures *f = &slots[i];
          int wf = f->has[CAK_MEASURE_WORKFORCE] ? f->columns[CAK_MEASURE_WORKFORCE]
                                                 : workforce_column (sheet);
          g_autofree char *wf_text = g_strstrip (g_strdup (cell (row, wf)));

          cak_import_store_values (import, row, region, f->period, f->values, f->has, f->columns);
          check_workforce (import, row->row, region, f->values, f->has, wf,
                           sheet->layout == CAK_LAYOUT_WIDE && wf >= 0
                               && (strcmp (wf_text, "-") == 0
                                   || strcmp (wf_text, "\xe2\x80\x93") == 0
                                   || strcmp (wf_text, "\xe2\x80\x94") == 0));
        }
    }
  g_hash_table_insert (sheet->seen_rows, g_string_free (g_steal_pointer (&key), FALSE),
                       GUINT_TO_POINTER (row->row));
  for (guint i = 0; i < n_slots; i++)
    add_figures (sheet, row->row, cak_period_to_key (slots[i].period), region, slots[i].values,
                 slots[i].has);
  return CAK_ROW_DATA;
}

static CakRowKind
import_wide_row (Import *import, const CakRow *row, const CakRegion *region, const SubRow *sub)
{
  Sheet *sheet = import->sheet;
  Figures slots[MAX_ROW_PERIODS];
  guint n_slots = 0;
  CakPeriod period, coverage_period;
  gboolean any = FALSE;
  CakRowKind kind;

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
  kind = keep_row (import, row, region, slots, n_slots, sub);
  if (kind != CAK_ROW_DATA)
    return kind;

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
import_long_row (Import *import, const CakRow *row, const CakRegion *region, const SubRow *sub)
{
  Sheet *sheet = import->sheet;
  const Column *value_column = &g_array_index (sheet->columns, Column, sheet->value_column);
  const char *name = cell (row, sheet->measure_name_column);
  Figures f = { 0 };
  CakMeasure measure = 0;
  CakColumnRole role;
  double value;

  if (!row_period (import, row, &f.period))
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
  f.values[measure] = value;
  f.columns[measure] = sheet->value_column;
  f.has[measure] = TRUE;
  return keep_row (import, row, region, &f, 1, sub);
}

/* ---- Total and province rows ------------------------------------------------------------ */

/* A total, province or heading row ends the block of rows that a province's row under them is
 * compared with (cak-import-regions.c). */
static void
end_block (Sheet *sheet)
{
  memset (sheet->sums, 0, sizeof sheet->sums);
  sheet->block_rows = sheet->block_rejected = 0;
}

/* The row a province's stated figures were read from. */
static guint
stated_row (const CakStatedFigures *stated)
{
  for (guint m = 0; m < CAK_N_MEASURES; m++)
    if (stated->known & CAK_MEASURE_BIT (m))
      return stated->values[m].source.row;
  return stated->coverage_pct.source.row;
}

/* A total or province row: its stated coverage checked against its own figures now, its
 * figures against the rows it sums once the sheet is read, and a province's figures kept as
 * the file's statement for the province. */
static void
handle_total (Import *import, const CakRow *row, const CakRegion *region)
{
  Sheet *sheet = import->sheet;
  TotalRow total = { 0 };
  double values[CAK_N_MEASURES] = { 0 };
  gboolean has[CAK_N_MEASURES] = { FALSE };
  CakPeriod period = CAK_PERIOD_INIT_NONE;
  gboolean any = FALSE;
  int coverage_column = sheet->layout == CAK_LAYOUT_WIDE ? sheet->coverage_column : -1;

  end_block (sheet);

  /* A total often leaves the period empty: it is then the period of the rows beside it. */
  if (sheet->period_column < 0)
    period = sheet->period;
  else if (!cak_period_parse (cell (row, sheet->period_column), &period) && sheet->figures->len > 0)
    period = cak_period_from_key (
        g_array_index (sheet->figures, RowFigures, sheet->figures->len - 1).period_key);
  if (!cak_period_is_valid (period))
    period = (CakPeriod)CAK_PERIOD_INIT_NONE;

  total.row = row->row;
  total.region = region;
  total.period_key = cak_period_is_valid (period) ? cak_period_to_key (period) : 0;
  /* The long layout: one figure on the row, named in the measure column. */
  if (sheet->layout == CAK_LAYOUT_LONG)
    {
      const Column *column = &g_array_index (sheet->columns, Column, sheet->value_column);
      const char *name = cell (row, sheet->measure_name_column);
      CakMeasure measure = 0;
      CakColumnRole role;
      double value;

      role = cak_import_user_role (import, name, &role, &measure)
                 ? role
                 : cak_import_classify_header (name, &measure);
      if (role == CAK_COLUMN_COVERAGE_PCT)
        coverage_column = sheet->value_column;
      else if (role == CAK_COLUMN_MEASURE
               && cak_import_read_number (row, sheet->value_column, column,
                                          measure == CAK_MEASURE_TARGET_PCT, &value)
                      == NUMBER_OK
               && value >= 0)
        {
          values[measure] = total.values[measure] = value;
          has[measure] = TRUE;
          total.has |= CAK_MEASURE_BIT (measure);
          total.columns[measure] = sheet->value_column;
          any = TRUE;
        }
    }
  for (guint c = 0; sheet->layout == CAK_LAYOUT_WIDE && c < sheet->columns->len; c++)
    {
      const Column *column = &g_array_index (sheet->columns, Column, c);
      double value;

      if (column->role != CAK_COLUMN_MEASURE || has[column->measure])
        continue;
      if (cak_import_read_number (row, c, column, column->measure == CAK_MEASURE_TARGET_PCT, &value)
              != NUMBER_OK
          || value < 0)
        continue;
      values[column->measure] = total.values[column->measure] = value;
      has[column->measure] = TRUE;
      total.has |= CAK_MEASURE_BIT (column->measure);
      total.columns[column->measure] = c;
      any = TRUE;
    }
  if (sheet->layout == CAK_LAYOUT_WIDE)
    check_coverage (import, row, values, has);
  g_array_append_val (sheet->totals, total);

  if (region && region->kind == CAK_REGION_KIND_PROVINCE && (any || coverage_column >= 0)
      && cak_period_is_valid (period))
    {
      CakStatedFigures stated = { 0 };
      const CakStatedFigures *existing = NULL;

      stated.region = region;
      stated.period = period;
      for (guint m = 0; m < CAK_N_MEASURES; m++)
        if (has[m])
          {
            stated.known |= CAK_MEASURE_BIT (m);
            stated.values[m].value = values[m];
            stated.values[m].source
                = (CakSource){ import->file, sheet->name, row->row, total.columns[m] };
          }
      if (coverage_column >= 0)
        {
          const Column *column = &g_array_index (sheet->columns, Column, coverage_column);
          double pct;

          if (cak_import_read_number (row, coverage_column, column, TRUE, &pct) == NUMBER_OK)
            {
              double w = values[CAK_MEASURE_WORKFORCE];
              double p = cak_stated_figures_participants (&stated);

              /* A fraction written without the percent sign, as check_coverage reads it. */
              if (pct <= 1.0 && has[CAK_MEASURE_WORKFORCE] && w > 0 && !isnan (p)
                  && 100.0 * p / w > 1.0)
                pct *= 100;
              stated.has_coverage = TRUE;
              stated.coverage_pct.value = pct;
              stated.coverage_pct.source
                  = (CakSource){ import->file, sheet->name, row->row, (guint)coverage_column };
            }
        }
      if (cak_dataset_set_stated (import->dataset, &stated, &existing))
        cak_import_note (import, CAK_SEVERITY_INFO, row->row, -1,
                         _ ("Skipped: a total row for %s; its figures are kept as what the "
                            "file states for the province, shown beside the totals Cakupan sums "
                            "from the regencies."),
                         region->name);
      else
        cak_import_note (import, CAK_SEVERITY_WARNING, row->row, -1,
                         _ ("The file states other figures for %s in row %u; those were kept "
                            "as its stated figures, and this row is only checked."),
                         region->name, stated_row (existing));
      cak_import_account (import, row->row, CAK_ROW_TOTAL, TRUE);
      return;
    }
  cak_import_account (import, row->row, CAK_ROW_TOTAL, FALSE);
}

static gboolean
region_within (const CakRegion *region, const CakRegion *area)
{
  if (area->kind == CAK_REGION_KIND_PROVINCE)
    return strcmp (region->province_code, area->code) == 0;
  return region == area;
}

/* Which data rows a total sums: a province's (or a regency's) rows of its period anywhere in
 * the sheet; for a "JUMLAH" row, the rows of its period since the last such row of that
 * period, or all of them when it stands above its rows or after subtotals. */
static gboolean
total_takes (const TotalRow *total, const RowFigures *f)
{
  if (total->period_key != 0 && f->period_key != total->period_key)
    return FALSE;
  return total->region == NULL || region_within (f->region, total->region);
}

static void
check_total (Import *import, const TotalRow *total, guint since)
{
  Sheet *sheet = import->sheet;
  double sums[CAK_N_MEASURES] = { 0 };
  guint counts[CAK_N_MEASURES] = { 0 };
  guint n = 0, first = G_MAXUINT, last = 0;

  for (int pass = 0; pass < 2 && n == 0; pass++)
    for (guint i = 0; i < sheet->figures->len; i++)
      {
        const RowFigures *f = &g_array_index (sheet->figures, RowFigures, i);

        if (f->region == NULL || !total_takes (total, f))
          continue;
        if (total->region == NULL && pass == 0 && (f->row <= since || f->row >= total->row))
          continue;
        n++;
        first = MIN (first, f->row);
        last = MAX (last, f->row);
        for (guint m = 0; m < CAK_N_MEASURES; m++)
          if (f->has & CAK_MEASURE_BIT (m))
            {
              sums[m] += f->values[m];
              counts[m]++;
            }
      }
  if (n == 0)
    return;
  first = MIN (first, total->row);
  last = MAX (last, total->row);
  /* A row rejected among them leaves the sum short: nothing can be said. */
  for (guint i = 0; i < sheet->figures->len; i++)
    {
      const RowFigures *f = &g_array_index (sheet->figures, RowFigures, i);

      if (f->region == NULL && f->row > first && f->row < last)
        return;
    }
  for (guint m = 0; m < CAK_N_MEASURES; m++)
    {
      const char *header;
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;

      if (m == CAK_MEASURE_TARGET_PCT || !(total->has & CAK_MEASURE_BIT (m)) || counts[m] == 0
          || fabs (total->values[m] - sums[m]) <= 0.5 + 1e-9 * fabs (total->values[m]))
        continue;
      /* The long layout's value column is every measure's: name the measure. */
      header = sheet->layout == CAK_LAYOUT_LONG
                   ? cak_measure_get_label (m)
                   : g_array_index (sheet->columns, Column, total->columns[m]).header;
      n = counts[m];
      a = cak_import_format_number (total->values[m]);
      b = cak_import_format_number (sums[m]);
      if (total->region)
        cak_import_note (import, CAK_SEVERITY_WARNING, total->row, total->columns[m],
                         _ ("The total %s of %s is %s here, but its %u rows add up to %s."),
                         header, total->region->name, a, n, b);
      else if (last > total->row)
        /* A total written above its rows */
        cak_import_note (import, CAK_SEVERITY_WARNING, total->row, total->columns[m],
                         _ ("The total %s is %s here, but the %u rows it sums add up to %s."),
                         header, a, n, b);
      else
        cak_import_note (import, CAK_SEVERITY_WARNING, total->row, total->columns[m],
                         _ ("The total %s is %s here, but the %u rows above it add up to %s."),
                         header, a, n, b);
    }
}

/* ---- Rows --------------------------------------------------------------------------------- */

static int
compare_groups (gconstpointer a, gconstpointer b)
{
  const SubGroup *ga = *(const SubGroup *const *)a;
  const SubGroup *gb = *(const SubGroup *const *)b;

  return ga->first_row < gb->first_row ? -1 : ga->first_row > gb->first_row;
}

/* The kecamatan and desa rows of each regency, summed and stored as the regency's. */
static void
store_subregions (Import *import)
{
  Sheet *sheet = import->sheet;
  g_autoptr (GPtrArray) groups = g_ptr_array_new ();
  int wf_column = workforce_column (sheet);
  GHashTableIter iter;
  gpointer group_ptr;

  g_hash_table_iter_init (&iter, sheet->subregions);
  while (g_hash_table_iter_next (&iter, NULL, &group_ptr))
    g_ptr_array_add (groups, group_ptr);

  g_ptr_array_sort (groups, compare_groups);
  for (guint i = 0; i < groups->len; i++)
    {
      const SubGroup *group = g_ptr_array_index (groups, i);
      CakRow row = { .row = group->first_row };
      double values[CAK_N_MEASURES];
      gboolean has[CAK_N_MEASURES];

      for (guint m = 0; m < CAK_N_MEASURES; m++)
        {
          has[m] = (group->has & CAK_MEASURE_BIT (m)) != 0;
          values[m] = group->values[m];
        }
      /* A target is a percentage: the regency's when its rows agree. */
      if (has[CAK_MEASURE_TARGET_PCT] && group->targets_differ)
        {
          has[CAK_MEASURE_TARGET_PCT] = FALSE;
          cak_import_note (import, CAK_SEVERITY_WARNING, group->first_row,
                           group->columns[CAK_MEASURE_TARGET_PCT],
                           _ ("The rows of %s give different targets; none was imported for "
                              "it."),
                           group->region->name);
        }
      if (!cak_import_store_values (import, &row, group->region, group->period, values, has,
                                    group->columns))
        {
          sheet->report->imported -= MIN (sheet->report->imported, group->n_rows);
          sheet->report->rejected += group->n_rows;
          continue;
        }
      if (group->kind == SUB_DESA)
        cak_import_note (import, CAK_SEVERITY_INFO, group->first_row, -1,
                         g_dngettext (GETTEXT_PACKAGE, "%s: %u row of desa or kelurahan summed.",
                                      "%s: %u rows of desa or kelurahan summed.", group->n_rows),
                         group->region->name, group->n_rows);
      else
        cak_import_note (import, CAK_SEVERITY_INFO, group->first_row, -1,
                         g_dngettext (GETTEXT_PACKAGE, "%s: %u row of kecamatan summed.",
                                      "%s: %u rows of kecamatan summed.", group->n_rows),
                         group->region->name, group->n_rows);
      check_workforce (
          import, group->first_row, group->region, values, has,
          has[CAK_MEASURE_WORKFORCE] ? group->columns[CAK_MEASURE_WORKFORCE] : wf_column, FALSE);
    }
}

void
cak_import_begin_rows (Sheet *sheet)
{
  sheet->figures = g_array_new (FALSE, TRUE, sizeof (RowFigures));
  sheet->totals = g_array_new (FALSE, TRUE, sizeof (TotalRow));
  sheet->seen_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sheet->subregions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sheet->subregion_column = -1;
}

void
cak_import_free_rows (Sheet *sheet)
{
  g_clear_pointer (&sheet->figures, g_array_unref);
  g_clear_pointer (&sheet->totals, g_array_unref);
  g_clear_pointer (&sheet->seen_rows, g_hash_table_unref);
  g_clear_pointer (&sheet->subregions, g_hash_table_unref);
}

/* Once every row of a sheet is read: kecamatan rows stored as their regency's, and every total
 * checked against the rows it sums. */
void
cak_import_finish_rows (Import *import)
{
  Sheet *sheet = import->sheet;

  if (sheet->columns == NULL
      || (sheet->layout != CAK_LAYOUT_WIDE && sheet->layout != CAK_LAYOUT_LONG))
    return;
  store_subregions (import);
  if (sheet->n_repeats > MAX_LISTED_REPEATS)
    {
      guint more = sheet->n_repeats - MAX_LISTED_REPEATS;

      cak_import_note (import, CAK_SEVERITY_INFO, sheet->first_unlisted_repeat, -1,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "%u more row, up to row %u, repeats a row above it; it was "
                                    "counted once.",
                                    "%u more rows, up to row %u, repeat rows above them; each was "
                                    "counted once.",
                                    more),
                       more, sheet->last_repeat);
    }
  for (guint i = 0; i < sheet->totals->len; i++)
    {
      const TotalRow *total = &g_array_index (sheet->totals, TotalRow, i);
      guint since = 0;

      for (guint j = 0; j < i && total->region == NULL; j++)
        {
          const TotalRow *before = &g_array_index (sheet->totals, TotalRow, j);

          if (before->region == NULL
              && (before->period_key == total->period_key || before->period_key == 0
                  || total->period_key == 0))
            since = before->row;
        }
      check_total (import, total, since);
    }
}

void
cak_import_handle_row (Import *import, const CakRow *row, gboolean may_defer)
{
  Sheet *sheet = import->sheet;
  const CakRegion *region = NULL;
  g_autoptr (GPtrArray) view_cells = g_ptr_array_new ();
  CakRow view;
  SubRow sub = { 0 };
  gboolean is_sub;
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

  if (!sheet->rows_begun)
    {
      find_subregion_column (sheet);
      sheet->rows_begun = TRUE;
    }
  is_sub = find_subregion (import, row, &sub, &view, view_cells);

  switch (cak_import_resolve_region (import, is_sub ? &view : row, may_defer, &region))
    {
      case REGION_TOTAL:
        /* region: the province of a province's own row, else NULL */
        handle_total (import, row, region);
        sub_row_clear (&sub);
        return;
      case REGION_HEADING:
        end_block (sheet);
        cak_import_account (import, row->row, CAK_ROW_TITLE, FALSE);
        sub_row_clear (&sub);
        return;
      case REGION_DEFER:
        /* The row as the file writes it: read again, it is found to be a kecamatan's again. */
        g_ptr_array_add (sheet->deferred, cak_stored_row_new (row));
        sub_row_clear (&sub);
        return;
      case REGION_REJECTED:
        sheet->block_rejected++;
        add_figures (sheet, row->row, 0, NULL, NULL, NULL);
        cak_import_account (import, row->row, CAK_ROW_REJECTED, TRUE);
        sub_row_clear (&sub);
        return;
      case REGION_FOUND:
      default:
        break;
    }
  if (region->kind == CAK_REGION_KIND_PROVINCE || sub.is_total)
    {
      handle_total (import, row, region);
      sub_row_clear (&sub);
      return;
    }
  cak_import_count_province (sheet, region);

  kind = sheet->layout == CAK_LAYOUT_LONG ? import_long_row (import, row, region, &sub)
                                          : import_wide_row (import, row, region, &sub);
  if (kind == CAK_ROW_DATA)
    sheet->block_rows++;
  else if (kind == CAK_ROW_REJECTED)
    {
      sheet->block_rejected++;
      add_figures (sheet, row->row, 0, NULL, NULL, NULL);
    }
  cak_import_account (import, row->row, kind,
                      kind == CAK_ROW_REJECTED || kind == CAK_ROW_DUPLICATE);
  sub_row_clear (&sub);
}
