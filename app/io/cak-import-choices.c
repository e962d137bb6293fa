/* cak-import-choices.c: what the user said about a file in the mapping step, kept and remembered
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Remembered choices are kept in the settings as text, one record per choice, records apart by
 * the ASCII record separator (0x1E):
 *
 *   "kab kota=region"           a column's header, as cak_import_normalize () writes it, and
 *                               its role as --map writes it
 *   "@header-row=3"             the last row of the header, when the user said where it is
 *   "@region:kab blitaar=35.05" a region name the catalog does not settle, and its code
 *
 * Normalised text holds neither "@" nor "=", so the records cannot be confused. The period is
 * not remembered: the next file of the same shape is for another period.
 */
#define G_LOG_DOMAIN "cak-import-choices"

#include "config.h"

#include <string.h>

#include "cak-import-choices.h"

#define RECORD_SEPARATOR "\x1e"
#define HEADER_ROW_KEY "@header-row"
#define REGION_PREFIX "@region:"

G_DEFINE_BOXED_TYPE (CakImportChoices, cak_import_choices, cak_import_choices_copy,
                     cak_import_choices_free)

/**
 * cak_import_choices_new:
 *
 * Returns: (transfer full): choices that change nothing: the importer detects everything
 */
CakImportChoices *
cak_import_choices_new (void)
{
  CakImportChoices *choices = g_new0 (CakImportChoices, 1);

  choices->column_map = g_ptr_array_new_with_free_func ((GDestroyNotify)cak_column_mapping_free);
  choices->region_map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  choices->default_period = CAK_PERIOD_INIT_NONE;
  return choices;
}

CakImportChoices *
cak_import_choices_copy (const CakImportChoices *choices)
{
  CakImportChoices *copy;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (choices != NULL, NULL);

  copy = cak_import_choices_new ();
  for (guint i = 0; i < choices->column_map->len; i++)
    {
      const CakColumnMapping *mapping = g_ptr_array_index (choices->column_map, i);

      g_ptr_array_add (copy->column_map,
                       cak_column_mapping_new (mapping->header, mapping->role, mapping->measure));
    }
  g_hash_table_iter_init (&iter, choices->region_map);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->region_map, g_strdup (key), g_strdup (value));
  copy->header_row = choices->header_row;
  copy->default_period = choices->default_period;
  return copy;
}

void
cak_import_choices_free (CakImportChoices *choices)
{
  if (choices == NULL)
    return;
  g_ptr_array_unref (choices->column_map);
  g_hash_table_unref (choices->region_map);
  g_free (choices);
}

/**
 * cak_import_choices_is_empty:
 *
 * Returns: whether the choices leave everything to the importer
 */
gboolean
cak_import_choices_is_empty (const CakImportChoices *choices)
{
  return choices == NULL
         || (choices->column_map->len == 0 && g_hash_table_size (choices->region_map) == 0
             && choices->header_row == 0 && !cak_period_is_valid (choices->default_period));
}

/**
 * cak_import_choices_set_role:
 * @header: the column's header as the importer names it ("PESERTA AKTIF / PU")
 *
 * Says what the column with @header holds, replacing what was said of it before.
 */
void
cak_import_choices_set_role (CakImportChoices *choices, const char *header, CakColumnRole role,
                             CakMeasure measure)
{
  g_autofree char *norm = NULL;

  g_return_if_fail (choices != NULL);
  g_return_if_fail (header != NULL);

  norm = cak_import_normalize (header);
  if (*norm == '\0')
    return;
  for (guint i = 0; i < choices->column_map->len; i++)
    {
      CakColumnMapping *mapping = g_ptr_array_index (choices->column_map, i);
      g_autofree char *other = cak_import_normalize (mapping->header);

      if (strcmp (norm, other) == 0)
        {
          mapping->role = role;
          mapping->measure = measure;
          return;
        }
    }
  g_ptr_array_add (choices->column_map, cak_column_mapping_new (header, role, measure));
}

/**
 * cak_import_choices_to_options:
 * @options: (out caller-allocates): the importer's options; the choices must outlive them
 *
 * Fills in the options that the choices give, leaving the progress callback alone.
 */
void
cak_import_choices_to_options (const CakImportChoices *choices, CakImportOptions *options)
{
  g_return_if_fail (options != NULL);

  if (choices == NULL)
    {
      options->column_map = NULL;
      options->region_map = NULL;
      options->header_row = 0;
      options->default_period = CAK_PERIOD_INIT_NONE;
      return;
    }
  options->column_map = choices->column_map->len > 0 ? choices->column_map : NULL;
  options->region_map = g_hash_table_size (choices->region_map) > 0 ? choices->region_map : NULL;
  options->header_row = choices->header_row;
  options->default_period = choices->default_period;
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *)a, *(const char *const *)b);
}

/**
 * cak_import_choices_serialize:
 *
 * Returns: (transfer full): the choices as the settings keep them; the period is left out
 */
char *
cak_import_choices_serialize (const CakImportChoices *choices)
{
  g_autoptr (GPtrArray) records = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) regions = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (choices != NULL, NULL);

  for (guint i = 0; i < choices->column_map->len; i++)
    {
      const CakColumnMapping *mapping = g_ptr_array_index (choices->column_map, i);
      g_autofree char *norm = cak_import_normalize (mapping->header);

      if (*norm)
        g_ptr_array_add (records,
                         g_strdup_printf ("%s=%s", norm,
                                          cak_column_role_to_id (mapping->role, mapping->measure)));
    }
  if (choices->header_row > 0)
    g_ptr_array_add (records, g_strdup_printf (HEADER_ROW_KEY "=%u", choices->header_row));
  /* Sorted, so that the same choices always read the same. */
  g_hash_table_iter_init (&iter, choices->region_map);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_ptr_array_add (regions, g_strdup_printf (REGION_PREFIX "%s=%s", (char *)key, (char *)value));
  g_ptr_array_sort (regions, compare_strings);
  for (guint i = 0; i < regions->len; i++)
    g_ptr_array_add (records, g_strdup (g_ptr_array_index (regions, i)));
  g_ptr_array_add (records, NULL);
  return g_strjoinv (RECORD_SEPARATOR, (char **)records->pdata);
}

/**
 * cak_import_choices_deserialize:
 *
 * Reads choices as cak_import_choices_serialize () writes them; records it does not understand
 * (a role from a newer version) are left out.
 *
 * Returns: (transfer full): the choices, empty when @text holds none
 */
CakImportChoices *
cak_import_choices_deserialize (const char *text)
{
  CakImportChoices *choices = cak_import_choices_new ();
  g_auto (GStrv) records = NULL;

  if (text == NULL || *text == '\0')
    return choices;
  records = g_strsplit (text, RECORD_SEPARATOR, -1);
  for (guint i = 0; records[i]; i++)
    {
      const char *record = records[i];
      const char *eq = strrchr (record, '=');
      g_autofree char *key = NULL;
      const char *value;

      if (eq == NULL || eq == record || eq[1] == '\0')
        continue;
      key = g_strndup (record, eq - record);
      value = eq + 1;
      if (strcmp (key, HEADER_ROW_KEY) == 0)
        {
          guint64 row;

          if (g_ascii_string_to_unsigned (value, 10, 1, G_MAXUINT, &row, NULL))
            choices->header_row = (guint)row;
        }
      else if (g_str_has_prefix (key, REGION_PREFIX))
        {
          const char *name = key + strlen (REGION_PREFIX);

          if (*name)
            g_hash_table_insert (choices->region_map, cak_import_normalize (name),
                                 g_strdup (value));
        }
      else if (key[0] != '@')
        {
          CakColumnRole role;
          CakMeasure measure;

          if (cak_import_role_from_id (value, &role, &measure))
            cak_import_choices_set_role (choices, key, role, measure);
        }
    }
  return choices;
}
