/* cak-region-find.c: finds a regency by what a user types, for the window's search and the show's
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cak-region-find"

#include "config.h"

#include <string.h>

#include "cak-region-find.h"

static char *
fold (const char *text)
{
  g_autofree char *down = g_utf8_casefold (text, -1);

  return g_utf8_normalize (down, -1, G_NORMALIZE_ALL);
}

/* The index of the first region of @regions whose name or short name starts with @text, or
 * whose code is @text; else the first whose name holds it; else -1. */
static int
find_in (const CakRegion *(*region_at) (gconstpointer list, guint i), gconstpointer list, guint n,
         const char *text)
{
  g_autofree char *needle = NULL;
  int prefix = -1, inside = -1;

  if (text == NULL || *text == '\0')
    return -1;
  needle = fold (text);
  for (guint i = 0; i < n; i++)
    {
      const CakRegion *region = region_at (list, i);
      g_autofree char *name = fold (region->name);
      g_autofree char *short_name = fold (region->short_name);

      /* "blitar" finds Kabupaten Blitar before Kota Blitar (code order), "kota bli" Kota Blitar */
      if (g_str_has_prefix (short_name, needle) || g_str_has_prefix (name, needle)
          || g_strcmp0 (region->code, text) == 0)
        {
          if (prefix < 0)
            prefix = i;
        }
      else if (inside < 0 && strstr (name, needle))
        inside = i;
    }
  return prefix >= 0 ? prefix : inside;
}

static const CakRegion *
row_region (gconstpointer list, guint i)
{
  return g_array_index ((const GArray *)list, CakIndicatorRow, i).region;
}

static const CakRegion *
array_region (gconstpointer list, guint i)
{
  return g_ptr_array_index ((const GPtrArray *)list, i);
}

/**
 * cak_region_find:
 * @text: (nullable): the start of a name ("blitar", "kota bli"), a code ("35.05"), or any part
 *   of a name
 *
 * Returns: the item of the first regency whose name or short name starts with @text, or whose
 *   code is @text; else the first whose name holds it; else %CAK_CHART_ITEM_NONE.
 */
int
cak_region_find (const CakChartData *data, const char *text)
{
  int i;

  if (data == NULL)
    return CAK_CHART_ITEM_NONE;
  i = find_in (row_region, data->rows, data->rows->len, text);
  return i >= 0 ? i : CAK_CHART_ITEM_NONE;
}

/**
 * cak_region_find_in_dataset:
 *
 * As cak_region_find(), among every regency of every province @dataset holds figures for.
 *
 * Returns: (nullable): the regency found
 */
const CakRegion *
cak_region_find_in_dataset (CakDataset *dataset, const char *text)
{
  g_autoptr (GPtrArray) regencies = NULL;
  int i;

  if (dataset == NULL)
    return NULL;
  regencies = cak_dataset_get_regencies (dataset, NULL);
  i = find_in (array_region, regencies, regencies->len, text);
  return i >= 0 ? g_ptr_array_index (regencies, i) : NULL;
}
