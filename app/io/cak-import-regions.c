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

  if (cell_type (row, column) == CAK_CELL_NUMBER && strlen (text) == 4 && text[2] == '.')
    return g_strconcat (text, "0", NULL);
  return g_strstrip (g_strdup (text));
}

RegionResult
cak_import_resolve_region (Import *import, const CakRow *row, gboolean may_defer,
                           const CakRegion **out)
{
  Sheet *sheet = import->sheet;
  g_autofree char *code = cak_import_code_text (row, sheet->code_column);
  g_autofree char *name = g_strstrip (g_strdup (cell (row, sheet->name_column)));
  const CakRegion *by_code = NULL, *by_name = NULL;
  g_autoptr (GPtrArray) candidates = NULL;
  CakMatchStatus status;
  int name_column = sheet->name_column;

  *out = NULL;
  if (cak_import_is_total_label (name)
      || (is_blank_text (name) && cak_import_is_total_label (code)))
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
        if (cak_import_is_total_label (cell (row, c))
            || (cak_region_catalog_match (import->catalog, cell (row, c), CAK_REGION_KIND_PROVINCE,
                                          NULL, &province, NULL)
                    == CAK_MATCH_FOUND
                && province->kind == CAK_REGION_KIND_PROVINCE))
          return REGION_TOTAL;
      }

  if (!is_blank_text (code) && (by_code = cak_import_mapped_region (import, code)) == NULL)
    {
      status = cak_region_catalog_match (import->catalog, code, CAK_REGION_KIND_ANY, NULL, &by_code,
                                         NULL);
      if (status != CAK_MATCH_FOUND && is_blank_text (name))
        {
          cak_import_note (import, CAK_SEVERITY_ERROR, row->row, sheet->code_column,
                           _ ("“%s” is not a region code of Kemendagri or BPS."), code);
          cak_import_add_unmatched (import, code, row->row, NULL, FALSE);
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
      const CakRegion *chosen = cak_import_mapped_region (import, name);

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
            cak_import_note (
                import, CAK_SEVERITY_ERROR, row->row, name_column,
                _ ("“%s” could be %s; write “Kabupaten” or “Kota”, or add the region code."), name,
                list);
          else if (candidates && candidates->len > 0)
            cak_import_note (import, CAK_SEVERITY_ERROR, row->row, name_column,
                             _ ("“%s” is not a known province, regency or city. Did you mean %s?"),
                             name, list);
          else
            cak_import_note (import, CAK_SEVERITY_ERROR, row->row, name_column,
                             _ ("“%s” is not a known province, regency or city."), name);
          cak_import_add_unmatched (import, name, row->row, candidates,
                                    status == CAK_MATCH_AMBIGUOUS);
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
