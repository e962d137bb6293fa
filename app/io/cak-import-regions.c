/* cak-import-regions.c: the regions stage of the importer: the region a row names, by code and name
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cak-import-regions"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cak-import-private.h"

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

void
cak_import_add_unmatched (Import *import, const char *text, guint row, GPtrArray *candidates,
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
const CakRegion *
cak_import_mapped_region (Import *import, const char *text)
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
char *
cak_import_code_text (const CakRow *row, int column)
{
  const char *text = cell (row, column);
  char *whole;

  if (cell_type (row, column) == CAK_CELL_NUMBER && strlen (text) == 4 && text[2] == '.')
    return g_strconcat (text, "0", NULL);
  /* A code a spreadsheet stored as a number, or a file wrote as one: "3201.0" is 3201. */
  if ((whole = cak_number_to_code (text)) != NULL)
    return whole;
  return g_strstrip (g_strdup (text));
}

/* ---- Province context ------------------------------------------------------------------
 *
 * A name shared by regions of several provinces ("Banjar": Kabupaten Banjar in Kalimantan
 * Selatan, Kota Banjar in Jawa Barat) is read in the province the file gives, the closest
 * first: the row's province column, that column's value over the blank cells under it, a
 * province heading above the block, the title lines or the sheet's name, and last the province
 * most rows of the sheet are in. The province settles only names shared between provinces:
 * "Blitar" is Kabupaten or Kota Blitar within Jawa Timur too, and stays ambiguous. */

typedef enum
{
  CONTEXT_NONE,
  CONTEXT_COLUMN,   /* the row's own province cell */
  CONTEXT_CARRIED,  /* the province cell above, over blank cells */
  CONTEXT_HEADING,  /* a province heading above the block */
  CONTEXT_CLOSING,  /* a province's row under the block, closing it */
  CONTEXT_TITLE,    /* the title lines or the sheet's name */
  CONTEXT_DOMINANT, /* the province most rows of the sheet are in */
} ContextSource;

typedef struct
{
  const CakRegion *province;
  ContextSource source;
} Context;

/* How many words a province's name may have in a title: "Daerah Khusus Ibukota Jakarta". */
#define TITLE_PHRASE_WORDS 4

/* Provinces made from another's land. Files keep grouping regencies under the older province
 * ("Merauke" under Papua), which is no contradiction. */
static const struct
{
  const char *province;
  const char *part_of;
} province_splits[] = {
  { "19", "16" }, /* Kepulauan Bangka Belitung, from Sumatera Selatan in 2000 */
  { "21", "14" }, /* Kepulauan Riau, from Riau in 2002 */
  { "36", "32" }, /* Banten, from Jawa Barat in 2000 */
  { "65", "64" }, /* Kalimantan Utara, from Kalimantan Timur in 2012 */
  { "75", "71" }, /* Gorontalo, from Sulawesi Utara in 2000 */
  { "76", "73" }, /* Sulawesi Barat, from Sulawesi Selatan in 2004 */
  { "82", "81" }, /* Maluku Utara, from Maluku in 1999 */
  { "92", "91" }, /* Papua Barat, from Papua in 2003 */
  { "93", "91" }, /* Papua Selatan, from Papua in 2022 */
  { "94", "91" }, /* Papua Tengah, from Papua in 2022 */
  { "95", "91" }, /* Papua Pegunungan, from Papua in 2022 */
  { "96", "92" }, /* Papua Barat Daya, from Papua Barat in 2022 */
};

static gboolean
is_province (const CakRegion *region)
{
  return region != NULL && region->kind == CAK_REGION_KIND_PROVINCE;
}

static gboolean
is_number_text (const char *text)
{
  gboolean digits = FALSE;

  for (const char *p = text; *p; p++)
    if (g_ascii_isdigit (*p))
      digits = TRUE;
    else if (!g_ascii_isspace (*p) && *p != '.' && *p != ',')
      return FALSE;
  return digits;
}

/* The province a text names exactly, by its name, a usual short form ("Jatim") or its code;
 * NULL for anything else, a regency or a name shared by several. */
static const CakRegion *
match_province (Import *import, const char *text)
{
  const CakRegion *region = NULL;

  if (is_blank_text (text))
    return NULL;
  if (cak_region_catalog_match (import->catalog, text, CAK_REGION_KIND_PROVINCE, NULL, &region,
                                NULL)
          != CAK_MATCH_FOUND
      || !is_province (region))
    return NULL;
  return region;
}

/* Whether a region lies in a province as it is now, or as it was before a province was made
 * from its land. */
static gboolean
lies_in (const CakRegion *region, const CakRegion *province)
{
  if (strcmp (region->province_code, province->code) == 0)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (province_splits); i++)
    if (strcmp (region->province_code, province_splits[i].province) == 0
        && strcmp (province->code, province_splits[i].part_of) == 0)
      return TRUE;
  return FALSE;
}

static const CakRegion *
province_of (Import *import, const CakRegion *region)
{
  return cak_region_catalog_lookup_code (import->catalog, region->province_code);
}

/* Whether a row holds any figure: a province's name on a row without one is a heading. */
static gboolean
row_has_figures (Sheet *sheet, const CakRow *row)
{
  for (guint c = 0; c < sheet->columns->len; c++)
    {
      const Column *column = &g_array_index (sheet->columns, Column, c);
      const char *p = cell (row, c);

      if (column->role != CAK_COLUMN_MEASURE && column->role != CAK_COLUMN_VALUE
          && column->role != CAK_COLUMN_COVERAGE_PCT)
        continue;
      while (g_ascii_isspace (*p))
        p++;
      if (*p == '-')
        p++;
      else if (g_str_has_prefix (p, "\xe2\x80\x93") || g_str_has_prefix (p, "\xe2\x80\x94"))
        p += 3;
      if (!is_blank_text (p))
        return TRUE;
    }
  return FALSE;
}

/* Whether the row carries a number in the "No" column, as the entries of a list do. */
static gboolean
row_is_numbered (Sheet *sheet, const CakRow *row)
{
  for (guint c = 0; c < sheet->columns->len; c++)
    if (g_array_index (sheet->columns, Column, c).role == CAK_COLUMN_ROW_NUMBER
        && (cell_type (row, c) == CAK_CELL_NUMBER || is_number_text (cell (row, c))))
      return TRUE;
  return FALSE;
}

/* Whether the row's figures are the sums of the rows read since the last total: a province's
 * own row under its regencies. */
static gboolean
row_sums_block (Import *import, const CakRow *row)
{
  Sheet *sheet = import->sheet;
  guint compared = 0;

  if (sheet->layout != CAK_LAYOUT_WIDE || sheet->block_rows == 0 || sheet->block_rejected > 0)
    return FALSE;
  for (guint c = 0; c < sheet->columns->len; c++)
    {
      const Column *column = &g_array_index (sheet->columns, Column, c);
      double value;

      if (column->role != CAK_COLUMN_MEASURE || column->measure == CAK_MEASURE_TARGET_PCT
          || cak_import_read_number (row, c, column, FALSE, &value) != NUMBER_OK)
        continue;
      if (fabs (value - sheet->sums[column->measure]) > 0.5 + 1e-9 * fabs (value))
        return FALSE;
      compared++;
    }
  return compared > 0;
}

/* Where the province of a row came from, for messages: "column A", "the heading on row 4". */
static char *
describe_context (Import *import, const Context *context)
{
  Sheet *sheet = import->sheet;
  g_autofree char *column = NULL;

  switch (context->source)
    {
      case CONTEXT_COLUMN:
        column = cak_source_column_name (sheet->province_column);
        return g_strdup_printf (_ ("column %s"), column);
      case CONTEXT_CARRIED:
        column = cak_source_column_name (sheet->province_column);
        return g_strdup_printf (_ ("column %s, row %u"), column, sheet->column_row);
      case CONTEXT_HEADING:
        return g_strdup_printf (_ ("the heading on row %u"), sheet->heading_row);
      case CONTEXT_CLOSING:
        return g_strdup_printf (_ ("the province’s row %u under it"), sheet->closing_row);
      case CONTEXT_TITLE:
        return g_strdup_printf (sheet->title_is_sheet_name ? _ ("the sheet’s name “%s”")
                                                           : _ ("the title “%s”"),
                                sheet->title_text);
      case CONTEXT_DOMINANT:
        return g_strdup (_ ("most rows of this sheet"));
      case CONTEXT_NONE:
      default:
        return g_strdup ("");
    }
}

/* The rows that took the province column's value from a row above end here. */
static void
end_carried (Import *import)
{
  Sheet *sheet = import->sheet;

  if (sheet->column_province != NULL && sheet->carried_first > 0)
    {
      g_autofree char *column = cak_source_column_name (sheet->province_column);

      if (sheet->carried_first == sheet->carried_last)
        cak_import_note (import, CAK_SEVERITY_INFO, sheet->carried_first, sheet->province_column,
                         _ ("Row %u leaves column %s blank; it is read as in %s, from row %u."),
                         sheet->carried_first, column, sheet->column_province->name,
                         sheet->column_row);
      else
        cak_import_note (import, CAK_SEVERITY_INFO, sheet->carried_first, sheet->province_column,
                         _ ("Rows %u–%u leave column %s blank; they are read as in %s, from row "
                            "%u."),
                         sheet->carried_first, sheet->carried_last, column,
                         sheet->column_province->name, sheet->column_row);
    }
  sheet->carried_first = sheet->carried_last = 0;
}

/* The rows under a heading end here. */
static void
end_heading (Import *import)
{
  Sheet *sheet = import->sheet;

  if (sheet->heading_province != NULL && sheet->heading_first > 0)
    {
      if (sheet->heading_first == sheet->heading_last)
        cak_import_note (import, CAK_SEVERITY_INFO, sheet->heading_row, -1,
                         _ ("Row %u is read as in %s, from the heading on row %u."),
                         sheet->heading_first, sheet->heading_province->name, sheet->heading_row);
      else
        cak_import_note (import, CAK_SEVERITY_INFO, sheet->heading_row, -1,
                         _ ("Rows %u–%u are read as in %s, from the heading on row %u."),
                         sheet->heading_first, sheet->heading_last, sheet->heading_province->name,
                         sheet->heading_row);
    }
  sheet->heading_first = sheet->heading_last = 0;
}

/* The province the row's own province cell names, or the one above it over blank cells. */
static Context
column_context (Import *import, const CakRow *row)
{
  Sheet *sheet = import->sheet;
  const CakRegion *province;
  const char *text;

  if (sheet->province_column < 0)
    return (Context){ NULL, CONTEXT_NONE };
  text = cell (row, sheet->province_column);
  if (is_blank_text (text))
    return sheet->column_province ? (Context){ sheet->column_province, CONTEXT_CARRIED }
                                  : (Context){ NULL, CONTEXT_NONE };

  end_carried (import);
  /* The column repeats its values down the sheet; a text naming none would be looked up with
   * suggestions every time. */
  if (strcmp (text, sheet->province_memo) == 0)
    province = sheet->province_memo_region;
  else
    {
      province = match_province (import, text);
      if (strlen (text) < sizeof sheet->province_memo)
        {
          strcpy (sheet->province_memo, text);
          sheet->province_memo_region = province;
        }
    }
  sheet->column_province = province;
  sheet->column_row = row->row;
  if (province == NULL)
    {
      if (!sheet->province_cell_warned)
        {
          g_autofree char *column = cak_source_column_name (sheet->province_column);

          cak_import_note (import, CAK_SEVERITY_WARNING, row->row, sheet->province_column,
                           _ ("“%s” in column %s is not a province, so it does not settle the "
                              "names of this row and the rows under it."),
                           text, column);
          sheet->province_cell_warned = TRUE;
        }
      return (Context){ NULL, CONTEXT_NONE };
    }
  return (Context){ province, CONTEXT_COLUMN };
}

static Context
closest_context (Import *import, const CakRow *row)
{
  Sheet *sheet = import->sheet;
  Context context;

  /* The rows kept until the province's row under them came: their own cells named none. */
  if (sheet->closing_province != NULL)
    return (Context){ sheet->closing_province, CONTEXT_CLOSING };
  context = column_context (import, row);
  if (context.province != NULL)
    return context;
  if (sheet->heading_province != NULL)
    return (Context){ sheet->heading_province, CONTEXT_HEADING };
  if (sheet->title_province != NULL)
    return (Context){ sheet->title_province, CONTEXT_TITLE };
  if (sheet->province_hint != NULL)
    return (Context){ cak_region_catalog_lookup_code (import->catalog, sheet->province_hint),
                      CONTEXT_DOMINANT };
  return (Context){ NULL, CONTEXT_NONE };
}

/* The rows of a block kept for their names' province, read now that the province's row under
 * them closes the block. They are read before the total row itself, so that it is checked
 * against them too. */
static void
settle_block (Import *import, const CakRegion *province, const CakRow *row)
{
  Sheet *sheet = import->sheet;
  g_autoptr (GPtrArray) block = g_ptr_array_new_with_free_func (cak_stored_row_free);

  while (sheet->deferred->len > sheet->block_deferred)
    g_ptr_array_add (block, g_ptr_array_steal_index (sheet->deferred, sheet->block_deferred));
  sheet->closing_province = province;
  sheet->closing_row = row->row;
  for (guint i = 0; i < block->len && import->error == NULL; i++)
    cak_import_handle_row (import, &((StoredRow *)g_ptr_array_index (block, i))->row, FALSE);
  sheet->closing_province = NULL;
}

/* A row naming a province: a heading over the rows below it when it has no figures, else the
 * province's own row (a total). With figures, it closes the block above it when it comes after
 * rows of that province with no other heading (or under its own heading), and opens a block
 * otherwise. */
static RegionResult
province_row (Import *import, const CakRow *row, const CakRegion *province)
{
  Sheet *sheet = import->sheet;
  gboolean figures = row_has_figures (sheet, row);
  gboolean closing = FALSE;

  if (figures && sheet->block_seen > 0 && sheet->closing_province == NULL)
    {
      if (sheet->heading_province != NULL)
        closing = sheet->heading_province == province;
      else
        closing = !sheet->block_mixed
                  && (sheet->block_province == NULL
                      || strcmp (sheet->block_province, province->code) == 0);
    }
  end_heading (import);
  if (closing)
    {
      sheet->heading_province = NULL;
      settle_block (import, province, row);
    }
  else
    {
      sheet->heading_province = province;
      sheet->heading_row = row->row;
    }
  sheet->block_seen = 0;
  sheet->block_province = NULL;
  sheet->block_mixed = FALSE;
  sheet->block_deferred = sheet->deferred->len;
  return figures ? REGION_TOTAL : REGION_HEADING;
}

static gboolean
spans_provinces (GPtrArray *candidates)
{
  for (guint i = 1; i < candidates->len; i++)
    if (strcmp (((const CakRegion *)g_ptr_array_index (candidates, i))->province_code,
                ((const CakRegion *)g_ptr_array_index (candidates, 0))->province_code)
        != 0)
      return TRUE;
  return FALSE;
}

static RegionResult
reject_ambiguous (Import *import, const CakRow *row, const char *name, int column,
                  GPtrArray *candidates)
{
  g_autofree char *list = describe_candidates (candidates);

  if (spans_provinces (candidates))
    cak_import_note (import, CAK_SEVERITY_ERROR, row->row, column,
                     _ ("“%s” could be %s; give the province (a “Provinsi” column or a heading "
                        "row), or add the region code."),
                     name, list);
  else
    cak_import_note (import, CAK_SEVERITY_ERROR, row->row, column,
                     _ ("“%s” could be %s; write “Kabupaten” or “Kota”, or add the region code."),
                     name, list);
  cak_import_add_unmatched (import, name, row->row, candidates, TRUE);
  return REGION_REJECTED;
}

/* A name that fits several regions, read in the row's province. */
static RegionResult
settle_ambiguous (Import *import, const CakRow *row, const char *name, int column,
                  GPtrArray *candidates, const Context *context, gboolean may_defer,
                  const CakRegion **out)
{
  Sheet *sheet = import->sheet;
  g_autoptr (GPtrArray) within = g_ptr_array_new ();
  g_autofree char *from = NULL;
  const CakRegion *own = NULL;
  const CakRegion *region;

  for (guint i = 0; i < candidates->len; i++)
    if (is_province (g_ptr_array_index (candidates, i)))
      own = g_ptr_array_index (candidates, i);

  /* "Bengkulu" is the province and its capital. Under the province (in its column, below its
   * heading, or in a file titled with it), a row numbered in the "No" column is the city: list
   * entries are numbered, the province's own row is not. An unnumbered row whose figures are
   * the sums of the rows above it is the province's own row; any other unnumbered row is the
   * city under a column or a heading, and stays ambiguous under a title. */
  if (own != NULL && context->province == own
      && (context->source == CONTEXT_COLUMN || context->source == CONTEXT_CARRIED
          || context->source == CONTEXT_HEADING || context->source == CONTEXT_TITLE))
    {
      gboolean numbered = row_is_numbered (sheet, row);

      if (!numbered && row_sums_block (import, row))
        {
          *out = own;
          return REGION_FOUND;
        }
      if (!numbered && context->source == CONTEXT_TITLE)
        goto not_the_city;
      for (guint i = 0; i < candidates->len; i++)
        if (g_ptr_array_index (candidates, i) != own)
          g_ptr_array_add (within, g_ptr_array_index (candidates, i));
      if (within->len != 1)
        return reject_ambiguous (import, row, name, column, within);
      region = g_ptr_array_index (within, 0);
      from = describe_context (import, context);
      cak_import_note (import, CAK_SEVERITY_INFO, row->row, column,
                       _ ("“%s” under %s (%s) was read as %s (%s), not as the province’s own "
                          "row; write “Provinsi %s” for that."),
                       name, own->name, from, region->name, region->code, own->short_name);
      *out = region;
      return REGION_FOUND;
    }
not_the_city:
  /* "BENGKULU" alone on a row is a heading. */
  if (own != NULL && context->source != CONTEXT_COLUMN && !row_has_figures (sheet, row))
    {
      *out = own;
      return REGION_FOUND;
    }

  /* A province settles only names shared between provinces. */
  if (!spans_provinces (candidates))
    return reject_ambiguous (import, row, name, column, candidates);

  /* Without a province from the file, the rows are kept until the province's row under them or
   * the end of the sheet, when the province most rows are in is known. */
  if (context->province == NULL || (context->source == CONTEXT_DOMINANT && may_defer))
    return may_defer ? REGION_DEFER : reject_ambiguous (import, row, name, column, candidates);

  for (guint i = 0; i < candidates->len; i++)
    {
      region = g_ptr_array_index (candidates, i);
      if (lies_in (region, context->province))
        g_ptr_array_add (within, (gpointer)region);
    }
  from = describe_context (import, context);
  if (within->len == 0)
    {
      g_autofree char *list = describe_candidates (candidates);

      cak_import_note (import, CAK_SEVERITY_ERROR, row->row, column,
                       _ ("“%s” could be %s, but none of them is in %s, the province of %s; add "
                          "the region code or correct the province."),
                       name, list, context->province->name, from);
      cak_import_add_unmatched (import, name, row->row, candidates, TRUE);
      return REGION_REJECTED;
    }
  if (within->len > 1)
    return reject_ambiguous (import, row, name, column, within);

  region = g_ptr_array_index (within, 0);
  if (context->source == CONTEXT_TITLE)
    cak_import_note (import, CAK_SEVERITY_INFO, row->row, column,
                     _ ("“%s” was read as %s (%s), in %s, as %s names that province."), name,
                     region->name, region->code, context->province->name, from);
  else if (context->source == CONTEXT_CLOSING)
    cak_import_note (import, CAK_SEVERITY_INFO, row->row, column,
                     _ ("“%s” was read as %s (%s), in %s, from the province’s row %u under it."),
                     name, region->name, region->code, context->province->name,
                     import->sheet->closing_row);
  else if (context->source == CONTEXT_DOMINANT)
    cak_import_note (import, CAK_SEVERITY_INFO, row->row, column,
                     _ ("“%s” was read as %s (%s) because most rows of this sheet are in %s."),
                     name, region->name, region->code, context->province->name);
  *out = region;
  return REGION_FOUND;
}

static char *
describe_readings (GArray *readings)
{
  g_autoptr (GString) out = g_string_new (NULL);

  for (guint i = 0; i < readings->len; i++)
    {
      g_autofree char *one
          = cak_code_reading_describe (&g_array_index (readings, CakCodeReading, i));

      if (i > 0)
        g_string_append (out, i + 1 == readings->len ? _ (" or ") : ", ");
      g_string_append (out, one);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* A code whose readings the name beside it fits none of: both are reported, neither is used. */
static RegionResult
reject_code_and_name (Import *import, const CakRow *row, const char *code, const char *name,
                      GArray *readings, const CakRegion *by_name)
{
  Sheet *sheet = import->sheet;
  g_autofree char *list = describe_readings (readings);

  if (by_name)
    cak_import_note (import, CAK_SEVERITY_ERROR, row->row, sheet->code_column,
                     _ ("The code “%s” is %s, but the name beside it, “%s”, is %s (%s); the row "
                        "was not imported. Correct the code or the name."),
                     code, list, name, by_name->name, by_name->code);
  else
    cak_import_note (import, CAK_SEVERITY_ERROR, row->row, sheet->code_column,
                     _ ("The code “%s” is %s, and the name beside it, “%s”, does not say which; "
                        "the row was not imported. Write the code as Kemendagri (11.05) or BPS "
                        "(1105) writes it, with the region's full name."),
                     code, list, name);
  return REGION_REJECTED;
}

/* Codes without names, with several readings: read as they are written, said once a sheet. */
static void
note_code_scheme (Import *import, const CakRow *row, GArray *readings)
{
  Sheet *sheet = import->sheet;
  g_autofree char *list = NULL;
  const CakCodeReading *first = &g_array_index (readings, CakCodeReading, 0);

  if (sheet->code_scheme_noted)
    return;
  sheet->code_scheme_noted = TRUE;
  list = describe_readings (readings);
  cak_import_note (import, CAK_SEVERITY_WARNING, row->row, sheet->code_column,
                   first->scheme == CAK_CODE_SCHEME_BPS
                       ? _ ("The codes of this sheet are read as BPS codes, as they are written: "
                            "“%s” is %s. No name beside them confirms it; check that the file "
                            "does not use Kemendagri's numbering without dots.")
                       : _ ("The codes of this sheet are read as Kemendagri codes, as they are "
                            "written: “%s” is %s. No name beside them confirms it."),
                   first->code, list);
}

static RegionResult
resolve_region (Import *import, const CakRow *row, gboolean may_defer, const Context *context,
                const CakRegion **out)
{
  Sheet *sheet = import->sheet;
  g_autofree char *code = cak_import_code_text (row, sheet->code_column);
  g_autofree char *name = g_strstrip (g_strdup (cell (row, sheet->name_column)));
  const CakRegion *by_code = NULL, *by_name = NULL;
  g_autoptr (GPtrArray) candidates = NULL;
  g_autoptr (GArray) readings = NULL;
  CakMatchStatus status;
  int name_column = sheet->name_column;

  *out = NULL;
  if (cak_import_is_total_label (name)
      || (is_blank_text (name) && cak_import_is_total_label (code)))
    return REGION_TOTAL;

  /* Totals and province headings are often written across merged cells starting in the "No"
   * column: look at the row's other text cells when the region cells are empty. A province
   * column's cell names the province's own row. */
  if (is_blank_text (name) && is_blank_text (code))
    for (guint c = 0; c < sheet->columns->len && c < row->n_cells; c++)
      {
        const Column *column = &g_array_index (sheet->columns, Column, c);
        const CakRegion *province;

        if (column->role == CAK_COLUMN_MEASURE || column->role == CAK_COLUMN_PERIOD
            || column->role == CAK_COLUMN_VALUE || is_blank_text (cell (row, c)))
          continue;
        if (cak_import_is_total_label (cell (row, c)))
          return REGION_TOTAL;
        /* A row number is not a province code. */
        if ((int)c != sheet->province_column
            && (cell_type (row, c) == CAK_CELL_NUMBER || is_number_text (cell (row, c))))
          continue;
        if ((province = match_province (import, cell (row, c))) != NULL)
          {
            *out = province;
            return REGION_FOUND;
          }
      }

  if (!is_blank_text (code) && (by_code = cak_import_mapped_region (import, code)) == NULL)
    {
      /* BPS and Kemendagri number regencies differently: every reading of the code is kept
       * until the name beside it chooses; without a name, the code is read as it is written
       * ("1107" as BPS, "11.07" as Kemendagri), and the report says so once. */
      readings = cak_region_catalog_read_code (import->catalog, code);
      if (readings->len > 0)
        by_code = g_array_index (readings, CakCodeReading, 0).region;
      else if (is_blank_text (name))
        {
          cak_import_note (import, CAK_SEVERITY_ERROR, row->row, sheet->code_column,
                           _ ("“%s” is not a region code of Kemendagri or BPS."), code);
          cak_import_add_unmatched (import, code, row->row, NULL, FALSE);
          return REGION_REJECTED;
        }
      if (readings->len > 1 && cak_code_readings_agree (readings) == NULL && is_blank_text (name))
        note_code_scheme (import, row, readings);
    }

  /* A code written before the name in the same cell. */
  if (by_code == NULL && !is_blank_text (name))
    {
      g_autofree char *inline_code = NULL;
      g_autofree char *inline_name = NULL;

      if (split_code_and_name (name, &inline_code, &inline_name))
        {
          g_autoptr (GArray) inline_readings
              = cak_region_catalog_read_code (import->catalog, inline_code);

          if (inline_readings->len > 0)
            {
              g_clear_pointer (&readings, g_array_unref);
              readings = g_steal_pointer (&inline_readings);
              by_code = g_array_index (readings, CakCodeReading, 0).region;
              g_free (name);
              name = g_steal_pointer (&inline_name);
            }
        }
    }

  if (!is_blank_text (name))
    {
      const CakRegion *chosen = cak_import_mapped_region (import, name);

      if (chosen)
        {
          status = CAK_MATCH_FOUND;
          by_name = chosen;
        }
      else
        status = cak_region_catalog_match (
            import->catalog, name, CAK_REGION_KIND_ANY,
            by_code && (readings == NULL || cak_code_readings_agree (readings))
                ? by_code->province_code
                : NULL,
            &by_name, &candidates);
      /* The name chooses among the code's readings. */
      if (readings && readings->len > 0)
        {
          const CakCodeReading *fits = NULL;

          if (status == CAK_MATCH_FOUND)
            fits = cak_code_readings_find (readings, by_name);
          else if (status == CAK_MATCH_AMBIGUOUS)
            for (guint i = 0; candidates && i < candidates->len && fits == NULL; i++)
              fits = cak_code_readings_find (readings, g_ptr_array_index (candidates, i));
          if (fits)
            {
              *out = fits->region;
              return REGION_FOUND;
            }
          if (status == CAK_MATCH_FOUND || cak_code_readings_agree (readings) == NULL)
            return reject_code_and_name (import, row, code, name, readings,
                                         status == CAK_MATCH_FOUND ? by_name : NULL);
        }
      if (by_code == NULL)
        {
          g_autofree char *list = NULL;

          if (status == CAK_MATCH_FOUND)
            {
              if (context->source == CONTEXT_COLUMN && !is_province (by_name)
                  && !lies_in (by_name, context->province))
                {
                  g_autofree char *column = cak_source_column_name (sheet->province_column);

                  cak_import_note (
                      import, CAK_SEVERITY_WARNING, row->row, name_column,
                      _ ("“%s” is %s (%s), in %s, not in %s as column %s says; the name was "
                         "used."),
                      name, by_name->name, by_name->code, province_of (import, by_name)->name,
                      context->province->name, column);
                }
              *out = by_name;
              return REGION_FOUND;
            }
          if (status == CAK_MATCH_AMBIGUOUS)
            return settle_ambiguous (import, row, name, name_column, candidates, context, may_defer,
                                     out);
          /* Suggestions from the row's province first. */
          if (context->province != NULL)
            {
              g_clear_pointer (&candidates, g_ptr_array_unref);
              cak_region_catalog_match (import->catalog, name, CAK_REGION_KIND_ANY,
                                        context->province->code, NULL, &candidates);
            }
          list = describe_candidates (candidates);
          if (candidates && candidates->len > 0)
            cak_import_note (import, CAK_SEVERITY_ERROR, row->row, name_column,
                             _ ("“%s” is not a known province, regency or city. Did you mean %s?"),
                             name, list);
          else
            cak_import_note (import, CAK_SEVERITY_ERROR, row->row, name_column,
                             _ ("“%s” is not a known province, regency or city."), name);
          cak_import_add_unmatched (import, name, row->row, candidates, FALSE);
          return REGION_REJECTED;
        }
      if (status == CAK_MATCH_NONE)
        cak_import_note (import, CAK_SEVERITY_WARNING, row->row, name_column,
                         _ ("The name “%s” is not a known region; the code %s (%s) was used."),
                         name, by_code->code, by_code->name);
      else if (status == CAK_MATCH_FOUND && by_name != by_code)
        cak_import_note (import, CAK_SEVERITY_WARNING, row->row, name_column,
                         _ ("The name “%s” does not fit the code %s (%s); the code was used."),
                         name, by_code->code, by_code->name);
    }

  if (by_code == NULL)
    {
      cak_import_note (import, CAK_SEVERITY_ERROR, row->row, -1, _ ("The row names no region."));
      return REGION_REJECTED;
    }
  *out = by_code;
  return REGION_FOUND;
}

RegionResult
cak_import_resolve_region (Import *import, const CakRow *row, gboolean may_defer,
                           const CakRegion **out)
{
  Sheet *sheet = import->sheet;
  Context context = closest_context (import, row);
  RegionResult result = resolve_region (import, row, may_defer, &context, out);

  if (result == REGION_FOUND && is_province (*out))
    {
      const CakRegion *province = *out;

      /* A province's own row (REGION_TOTAL) keeps the province in *out: the rows stage keeps
       * its figures as what the file states for the province. */
      result = province_row (import, row, province);
      if (result != REGION_TOTAL)
        *out = NULL;
      return result;
    }
  if (result == REGION_TOTAL || result == REGION_HEADING)
    return result;

  sheet->block_seen++;
  if (result == REGION_FOUND)
    {
      if (sheet->block_province == NULL)
        sheet->block_province = (*out)->province_code;
      else if (strcmp (sheet->block_province, (*out)->province_code) != 0)
        sheet->block_mixed = TRUE;
    }
  if (context.source == CONTEXT_CARRIED)
    {
      if (sheet->carried_first == 0)
        sheet->carried_first = row->row;
      sheet->carried_last = row->row;
    }
  else if (context.source == CONTEXT_HEADING)
    {
      if (sheet->heading_first == 0)
        sheet->heading_first = row->row;
      sheet->heading_last = row->row;
    }
  return result;
}

/* The end of a sheet's rows, before the rows kept for the file's province are read: they come
 * from above any heading. */
void
cak_import_end_province_blocks (Import *import)
{
  Sheet *sheet = import->sheet;

  end_carried (import);
  end_heading (import);
  sheet->column_province = NULL;
  sheet->heading_province = NULL;
  sheet->block_seen = 0;
  sheet->block_province = NULL;
  sheet->block_mixed = FALSE;
  sheet->block_deferred = 0;
}

/* Every province a text names as a phrase of its words, the longest first: "KANWIL JAWA
 * TIMUR", "Data Kepesertaan ... Provinsi Jawa Barat", "Rekap Jatim". "KANTOR WILAYAH SUMBAGUT"
 * names none: only a province's name, short form or usual abbreviation counts. */
static void
provinces_in_text (Import *import, const char *text, GPtrArray *found)
{
  g_autofree char *norm = cak_import_normalize (text);
  g_auto (GStrv) words = g_strsplit (norm, " ", -1);
  guint n = g_strv_length (words);

  for (guint i = 0; i < n;)
    {
      guint taken = 0;

      for (guint len = MIN (TITLE_PHRASE_WORDS, n - i); len > 0 && taken == 0; len--)
        {
          g_autofree char *phrase = NULL;
          const CakRegion *province;
          gboolean digits = FALSE;

          for (guint w = i; w < i + len; w++)
            digits |= strpbrk (words[w], "0123456789") != NULL;
          if (digits)
            continue;
          {
            char *saved = words[i + len];

            words[i + len] = NULL;
            phrase = g_strjoinv (" ", words + i);
            words[i + len] = saved;
          }
          if ((province = match_province (import, phrase)) != NULL)
            {
              if (!g_ptr_array_find (found, province, NULL))
                g_ptr_array_add (found, (gpointer)province);
              taken = len;
            }
        }
      i += taken > 0 ? taken : 1;
    }
}

/* Called once the header is found: the province column, and the province the title lines
 * above the header (or else the sheet's name) give, when they name exactly one. */
void
cak_import_find_title_province (Import *import)
{
  Sheet *sheet = import->sheet;

  sheet->province_column = -1;
  for (guint c = 0; c < sheet->columns->len && sheet->province_column < 0; c++)
    if (g_array_index (sheet->columns, Column, c).role == CAK_COLUMN_PROVINCE)
      sheet->province_column = c;

  sheet->title_province = NULL;
  for (guint i = 0; i < sheet->header_first && i < sheet->kept->len; i++)
    {
      const StoredRow *stored = g_ptr_array_index (sheet->kept, i);
      const CakRow *row = &stored->row;

      for (guint c = 0; c < row->n_cells; c++)
        {
          g_autoptr (GPtrArray) found = g_ptr_array_new ();
          g_autofree char *text = NULL;

          if (is_blank_text (cell (row, c)))
            continue;
          provinces_in_text (import, cell (row, c), found);
          if (found->len > 1
              || (found->len == 1 && sheet->title_province != NULL
                  && sheet->title_province != g_ptr_array_index (found, 0)))
            {
              /* Titles naming several provinces settle nothing. */
              sheet->title_province = NULL;
              sheet->title_text = NULL;
              return;
            }
          if (found->len == 1 && sheet->title_province == NULL)
            {
              sheet->title_province = g_ptr_array_index (found, 0);
              text = g_strstrip (g_strdup (cell (row, c)));
              sheet->title_text = g_intern_string (text);
              sheet->title_is_sheet_name = FALSE;
            }
        }
    }
  if (sheet->title_province == NULL && sheet->name != NULL)
    {
      g_autoptr (GPtrArray) found = g_ptr_array_new ();

      provinces_in_text (import, sheet->name, found);
      if (found->len == 1)
        {
          sheet->title_province = g_ptr_array_index (found, 0);
          sheet->title_text = sheet->name;
          sheet->title_is_sheet_name = TRUE;
        }
    }
}

/* Regency files hold one province as a rule: the province most rows name settles bare names
 * such as "Blitar" when the file itself says nothing else. */
void
cak_import_count_province (Sheet *sheet, const CakRegion *region)
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

const char *
cak_import_dominant_province (Sheet *sheet)
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
