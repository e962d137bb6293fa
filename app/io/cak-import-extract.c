/* cak-import-extract.c: row-level extracts: a row per participant, counted by region, period and
 * segment
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cak-import-extract"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cak-import-private.h"

static char unknown_region; /* the cache's value for text that is no region */

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

/* ---- Row-level extracts ---------------------------------------------------------------- */

guint
cak_import_tally_hash (gconstpointer key)
{
  const Tally *tally = key;

  return g_direct_hash (tally->region) ^ (tally->period_key * 2654435761u);
}

gboolean
cak_import_tally_equal (gconstpointer a, gconstpointer b)
{
  const Tally *x = a, *y = b;

  return x->region == y->region && x->period_key == y->period_key;
}

void
cak_import_reason_free (gpointer data)
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
      cak_import_account (import, row->row, kind, TRUE);
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
  cak_import_account (import, row->row, kind, TRUE);
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

  region = cak_import_mapped_region (import, text);
  if (region == NULL)
    {
      g_autofree char *code = cak_import_code_text (row, column);
      g_autoptr (GPtrArray) candidates = NULL;

      if (cak_region_catalog_match (import->catalog, code, CAK_REGION_KIND_ANY, NULL, &region,
                                    &candidates)
          != CAK_MATCH_FOUND)
        {
          region = NULL;
          cak_import_add_unmatched (import, code, row->row, candidates, FALSE);
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

void
cak_import_handle_extract_row (Import *import, const CakRow *row)
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
          if (cak_import_is_repeated_header (sheet, row))
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
      if (cak_import_is_repeated_header (sheet, row))
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
  cak_import_account (import, row->row, CAK_ROW_DATA, TRUE);
}

void
cak_import_finish_extract (Import *import)
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
      if (!cak_import_store_values (import, &row, tally->region,
                                    cak_period_from_key (tally->period_key), values, has, columns))
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
      g_autofree char *count = cak_import_format_number (reason->count);

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
      what = g_strdup_printf (reason->message, reason->text);
#pragma GCC diagnostic pop
      cak_import_note (import,
                       reason->kind == CAK_ROW_REJECTED ? CAK_SEVERITY_ERROR : CAK_SEVERITY_INFO,
                       reason->first_row, reason->kind == CAK_ROW_BLANK ? -1 : (int)reason->column,
                       g_dngettext (GETTEXT_PACKAGE, "%s (%s row, the first at row %u)",
                                    "%s (%s rows, the first at row %u)", reason->count),
                       what, count, reason->first_row);
    }
}
