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
  g_autofree char *needle = NULL;
  int prefix = CAK_CHART_ITEM_NONE, inside = CAK_CHART_ITEM_NONE;

  if (data == NULL || text == NULL || *text == '\0')
    return CAK_CHART_ITEM_NONE;
  needle = fold (text);
  for (guint i = 0; i < data->rows->len; i++)
    {
      const CakRegion *region = g_array_index (data->rows, CakIndicatorRow, i).region;
      g_autofree char *name = fold (region->name);
      g_autofree char *short_name = fold (region->short_name);

      /* "blitar" finds Kabupaten Blitar before Kota Blitar (code order), "kota bli" Kota Blitar */
      if (g_str_has_prefix (short_name, needle) || g_str_has_prefix (name, needle)
          || g_strcmp0 (region->code, text) == 0)
        {
          if (prefix == CAK_CHART_ITEM_NONE)
            prefix = i;
        }
      else if (inside == CAK_CHART_ITEM_NONE && strstr (name, needle))
        inside = i;
    }
  return prefix != CAK_CHART_ITEM_NONE ? prefix : inside;
}
