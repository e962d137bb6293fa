/* cak-project-snapshot.c: the figures in use of a project's file, a blob per period
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opening a project reads the figures in use from one blob per period instead of a row per
 * figure. A blob holds a period's figures in use with their sources:
 *
 *   "CAKS", u32 format
 *   u32 n_strings, each: u32 length, its bytes, a NUL (region codes, measure ids, sheet names)
 *   u32 n_origins, each: i64 source id, u32 sheet (a string, or NO_STRING)
 *   u32 n_records, each: u32 region (a string), u32 n_values, each value: u32 measure (a
 *     string), u32 origin, u32 row, u32 col, f64 value
 *
 * all little-endian. The blobs are written from the rows, in the transaction that changes them;
 * a trigger on the rows removes the mark that says the snapshot is whole, so that a change made
 * to the rows by any other means sends the next opening back to the rows (which then writes the
 * snapshot again). Each blob carries its count of figures and a checksum beside it, and the
 * mark the count of blobs and of figures: a damaged blob, or one added or removed by hand, sends
 * the opening back to the rows too.
 */
#define G_LOG_DOMAIN "cak-project-snapshot"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cak-project-store-private.h"

#define SNAPSHOT_MAGIC "CAKS"
#define SNAPSHOT_FORMAT 1
#define NO_STRING G_MAXUINT32

typedef struct
{
  gint64 source_id;
  guint32 sheet;
} Origin;

/* One period's blob as it is written. */
typedef struct
{
  GHashTable *strings; /* text -> index + 1 */
  GPtrArray *texts;    /* char*, by index */
  GArray *origins;     /* Origin */
  guint last_origin;
  GByteArray *records;
  guint n_records;
  guint n_values;
  guint count_at;   /* offset of the current record's n_values in records */
  guint32 region;   /* the current record's region string, or NO_STRING */
  guint record_len; /* values in the current record */
} SnapshotBuilder;

static void
put_u32 (GByteArray *bytes, guint32 value)
{
  value = GUINT32_TO_LE (value);
  g_byte_array_append (bytes, (const guint8 *)&value, 4);
}

static void
put_i64 (GByteArray *bytes, gint64 value)
{
  guint64 le = GUINT64_TO_LE ((guint64)value);

  g_byte_array_append (bytes, (const guint8 *)&le, 8);
}

static void
put_f64 (GByteArray *bytes, double value)
{
  guint64 bits;

  memcpy (&bits, &value, 8);
  bits = GUINT64_TO_LE (bits);
  g_byte_array_append (bytes, (const guint8 *)&bits, 8);
}

/* Fast enough to check a few megabytes at every opening: a damaged blob, not an attacker. */
guint64
cak_project_snapshot_checksum (const guint8 *data, gsize length)
{
  guint64 hash = 0xcbf29ce484222325u;
  gsize i = 0;

  for (; i + 8 <= length; i += 8)
    {
      guint64 word;

      memcpy (&word, data + i, 8);
      hash = (hash ^ GUINT64_FROM_LE (word)) * 0x100000001b3u;
      hash ^= hash >> 29;
    }
  for (; i < length; i++)
    hash = (hash ^ data[i]) * 0x100000001b3u;
  return hash ^ length;
}

static void
builder_init (SnapshotBuilder *b)
{
  memset (b, 0, sizeof *b);
  b->strings = g_hash_table_new (g_str_hash, g_str_equal);
  b->texts = g_ptr_array_new_with_free_func (g_free);
  b->origins = g_array_new (FALSE, FALSE, sizeof (Origin));
  b->records = g_byte_array_new ();
  b->region = NO_STRING;
}

static void
builder_clear (SnapshotBuilder *b)
{
  g_clear_pointer (&b->strings, g_hash_table_unref);
  g_clear_pointer (&b->texts, g_ptr_array_unref);
  g_clear_pointer (&b->origins, g_array_unref);
  g_clear_pointer (&b->records, g_byte_array_unref);
}

static guint32
builder_string (SnapshotBuilder *b, const char *text)
{
  gpointer index;
  char *copy;

  if (text == NULL)
    return NO_STRING;
  index = g_hash_table_lookup (b->strings, text);
  if (index)
    return GPOINTER_TO_UINT (index) - 1;
  copy = g_strdup (text);
  g_ptr_array_add (b->texts, copy);
  g_hash_table_insert (b->strings, copy, GUINT_TO_POINTER (b->texts->len));
  return b->texts->len - 1;
}

static guint32
builder_origin (SnapshotBuilder *b, gint64 source_id, guint32 sheet)
{
  Origin origin = { source_id, sheet };

  /* A period's figures come from a few files and sheets, mostly one after another. */
  if (b->last_origin < b->origins->len)
    {
      const Origin *last = &g_array_index (b->origins, Origin, b->last_origin);

      if (last->source_id == source_id && last->sheet == sheet)
        return b->last_origin;
    }
  for (guint i = 0; i < b->origins->len; i++)
    {
      const Origin *o = &g_array_index (b->origins, Origin, i);

      if (o->source_id == source_id && o->sheet == sheet)
        return b->last_origin = i;
    }
  g_array_append_val (b->origins, origin);
  return b->last_origin = b->origins->len - 1;
}

static void
builder_end_record (SnapshotBuilder *b)
{
  guint32 count = GUINT32_TO_LE (b->record_len);

  if (b->region == NO_STRING)
    return;
  memcpy (b->records->data + b->count_at, &count, 4);
  b->region = NO_STRING;
  b->record_len = 0;
}

/* Rows come ordered by region: a record per region. */
static void
builder_add (SnapshotBuilder *b, const char *region, const char *measure, double value,
             gint64 source_id, const char *sheet, guint32 row, guint32 col)
{
  guint32 region_index = builder_string (b, region);
  guint32 origin = builder_origin (b, source_id, builder_string (b, sheet));

  if (region_index != b->region)
    {
      builder_end_record (b);
      b->region = region_index;
      b->n_records++;
      put_u32 (b->records, region_index);
      b->count_at = b->records->len;
      put_u32 (b->records, 0);
    }
  put_u32 (b->records, builder_string (b, measure));
  put_u32 (b->records, origin);
  put_u32 (b->records, row);
  put_u32 (b->records, col);
  put_f64 (b->records, value);
  b->record_len++;
  b->n_values++;
}

static GBytes *
builder_finish (SnapshotBuilder *b)
{
  GByteArray *out = g_byte_array_sized_new (b->records->len + 64 + b->texts->len * 12);

  builder_end_record (b);
  g_byte_array_append (out, (const guint8 *)SNAPSHOT_MAGIC, 4);
  put_u32 (out, SNAPSHOT_FORMAT);
  put_u32 (out, b->texts->len);
  for (guint i = 0; i < b->texts->len; i++)
    {
      const char *text = g_ptr_array_index (b->texts, i);
      guint32 length = strlen (text);

      put_u32 (out, length);
      g_byte_array_append (out, (const guint8 *)text, length + 1);
    }
  put_u32 (out, b->origins->len);
  for (guint i = 0; i < b->origins->len; i++)
    {
      const Origin *o = &g_array_index (b->origins, Origin, i);

      put_i64 (out, o->source_id);
      put_u32 (out, o->sheet);
    }
  put_u32 (out, b->n_records);
  g_byte_array_append (out, b->records->data, b->records->len);
  return g_byte_array_free_to_bytes (out);
}

static gboolean
snapshot_insert (CakProjectStore *store, sqlite3_stmt *insert, const char *period,
                 SnapshotBuilder *b)
{
  g_autoptr (GBytes) blob = builder_finish (b);
  gsize length;
  const guint8 *data = g_bytes_get_data (blob, &length);

  sqlite3_reset (insert);
  sqlite3_bind_text (insert, 1, period, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (insert, 2, b->n_values);
  sqlite3_bind_int64 (insert, 3, (gint64)cak_project_snapshot_checksum (data, length));
  sqlite3_bind_blob64 (insert, 4, data, length, SQLITE_STATIC);
  return sqlite3_step (insert) == SQLITE_DONE;
}

/* Writes again, from the rows in use, the blob of @period (ISO text), or of every period when
 * %NULL; inside the caller's transaction. */
gboolean
cak_project_snapshot_rebuild (CakProjectStore *store, const char *period, GError **error)
{
  sqlite3_stmt *select = NULL, *insert = NULL, *remove = NULL;
  SnapshotBuilder b = { 0 };
  g_autofree char *current = NULL;
  gboolean ok = FALSE;
  int rc;

  if (!cak_project_store_prepare (
          store, period ? "DELETE FROM snapshot WHERE period = ?" : "DELETE FROM snapshot", &remove,
          error)
      || !cak_project_store_prepare (
          store,
          period ? "SELECT period, region, measure, value, source_id, sheet, row, col "
                   "FROM figures INDEXED BY figures_by_period WHERE active AND "
                   "period = ?1 ORDER BY region, measure"
                 : "SELECT period, region, measure, value, source_id, sheet, row, col "
                   "FROM figures INDEXED BY figures_by_period WHERE active "
                   "ORDER BY period, region, measure",
          &select, error)
      || !cak_project_store_prepare (
          store, "INSERT INTO snapshot (period, figures, checksum, data) VALUES (?, ?, ?, ?)",
          &insert, error))
    goto out;
  if (period)
    {
      sqlite3_bind_text (remove, 1, period, -1, SQLITE_STATIC);
      sqlite3_bind_text (select, 1, period, -1, SQLITE_STATIC);
    }
  if (sqlite3_step (remove) != SQLITE_DONE)
    goto failed;
  while ((rc = sqlite3_step (select)) == SQLITE_ROW)
    {
      const char *row_period = cak_project_store_column_text (select, 0);

      if (current == NULL || strcmp (current, row_period) != 0)
        {
          if (current && !snapshot_insert (store, insert, current, &b))
            goto failed;
          builder_clear (&b);
          builder_init (&b);
          g_free (current);
          current = g_strdup (row_period);
        }
      builder_add (&b, cak_project_store_column_text (select, 1),
                   cak_project_store_column_text (select, 2), sqlite3_column_double (select, 3),
                   sqlite3_column_int64 (select, 4), cak_project_store_column_text (select, 5),
                   sqlite3_column_int (select, 6), sqlite3_column_int (select, 7));
    }
  if (rc != SQLITE_DONE || (current && !snapshot_insert (store, insert, current, &b)))
    goto failed;
  ok = TRUE;
  goto out;

failed:
  cak_project_store_fail (store, error);
out:
  builder_clear (&b);
  sqlite3_finalize (select);
  sqlite3_finalize (insert);
  sqlite3_finalize (remove);
  return ok;
}

/* The mark that the snapshot is whole holds its count of blobs and of figures: a blob added or
 * removed by hand is seen too. */
gboolean
cak_project_snapshot_is_whole (CakProjectStore *store, gboolean *whole, gint64 *n_blobs,
                               gint64 *n_figures, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!cak_project_store_prepare (store, "SELECT value FROM project WHERE key = 'snapshot'", &stmt,
                                  error))
    return FALSE;
  rc = sqlite3_step (stmt);
  *whole = rc == SQLITE_ROW
           && sscanf (cak_project_store_column_text (stmt, 0),
                      "%" G_GINT64_FORMAT " %" G_GINT64_FORMAT, n_blobs, n_figures)
                  == 2;
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return cak_project_store_fail (store, error);
  return TRUE;
}

/* Whether the blobs are those the mark counts, before a change writes some of them again. */
gboolean
cak_project_snapshot_counts_agree (CakProjectStore *store, gint64 n_blobs, gint64 n_figures,
                                   gboolean *agree, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  if (!cak_project_store_prepare (store, "SELECT count(*), coalesce(sum(figures), 0) FROM snapshot",
                                  &stmt, error))
    return FALSE;
  ok = sqlite3_step (stmt) == SQLITE_ROW;
  *agree = ok && sqlite3_column_int64 (stmt, 0) == n_blobs
           && sqlite3_column_int64 (stmt, 1) == n_figures;
  sqlite3_finalize (stmt);
  return ok || cak_project_store_fail (store, error);
}

/* After the blobs of every period the change touched are written again. */
gboolean
cak_project_snapshot_mark_whole (CakProjectStore *store, GError **error)
{
  return cak_project_store_exec (store,
                                 "INSERT OR REPLACE INTO project (key, value) SELECT 'snapshot', "
                                 "count(*) || ' ' || coalesce(sum(figures), 0) FROM snapshot",
                                 error);
}

/* Reading a blob: every length and index is checked, whatever the checksum says. */
typedef struct
{
  const guint8 *at;
  const guint8 *end;
  gboolean bad;
} Reader;

static guint32
get_u32 (Reader *r)
{
  guint32 value;

  if (r->bad || r->end - r->at < 4)
    {
      r->bad = TRUE;
      return 0;
    }
  memcpy (&value, r->at, 4);
  r->at += 4;
  return GUINT32_FROM_LE (value);
}

static guint64
get_u64 (Reader *r)
{
  guint64 value;

  if (r->bad || r->end - r->at < 8)
    {
      r->bad = TRUE;
      return 0;
    }
  memcpy (&value, r->at, 8);
  r->at += 8;
  return GUINT64_FROM_LE (value);
}

static double
get_f64 (Reader *r)
{
  guint64 bits = get_u64 (r);
  double value;

  memcpy (&value, &bits, 8);
  return value;
}

typedef struct
{
  const char *text;
  const CakRegion *region;
  int measure; /* -1: not one this version knows; -2: not looked up yet */
  gboolean region_done;
} SnapshotString;

/* Fills @dataset from one period's blob; %FALSE when the blob is not one this version wrote
 * whole. */
static gboolean
snapshot_read (CakRegionCatalog *catalog, GHashTable *names, CakDataset *dataset,
               const char *period_text, const guint8 *data, gsize length, guint expected_values)
{
  Reader r = { data, data + length, FALSE };
  g_autofree SnapshotString *strings = NULL;
  g_autofree CakSource *origins = NULL;
  guint32 n_strings, n_origins, n_records;
  guint n_values = 0;
  CakPeriod period;
  gboolean known_period;

  if (length < 8 || memcmp (data, SNAPSHOT_MAGIC, 4) != 0)
    return FALSE;
  r.at += 4;
  if (get_u32 (&r) != SNAPSHOT_FORMAT)
    return FALSE;
  /* A period this version does not know is kept in the file and left out, never guessed. */
  known_period = cak_period_parse (period_text, &period);

  n_strings = get_u32 (&r);
  if (n_strings > (gsize)(r.end - r.at) / 5)
    return FALSE;
  strings = g_new0 (SnapshotString, MAX (n_strings, 1));
  for (guint32 i = 0; i < n_strings && !r.bad; i++)
    {
      guint32 len = get_u32 (&r);

      if (r.bad || (gsize)(r.end - r.at) <= len || r.at[len] != '\0'
          || memchr (r.at, '\0', len) != NULL)
        return FALSE;
      strings[i].text = (const char *)r.at;
      strings[i].measure = -2;
      r.at += len + 1;
    }
  n_origins = get_u32 (&r);
  if (r.bad || n_origins > (gsize)(r.end - r.at) / 12)
    return FALSE;
  origins = g_new0 (CakSource, MAX (n_origins, 1));
  for (guint32 i = 0; i < n_origins; i++)
    {
      gint64 source_id = (gint64)get_u64 (&r);
      guint32 sheet = get_u32 (&r);

      if (r.bad || (sheet != NO_STRING && sheet >= n_strings))
        return FALSE;
      origins[i].file = g_hash_table_lookup (names, GINT_TO_POINTER ((int)source_id));
      origins[i].sheet = sheet == NO_STRING ? NULL : g_intern_string (strings[sheet].text);
    }
  n_records = get_u32 (&r);
  for (guint32 i = 0; i < n_records && !r.bad; i++)
    {
      guint32 region_index = get_u32 (&r);
      guint32 count = get_u32 (&r);
      SnapshotString *region;
      CakValue values[CAK_N_MEASURES] = { { 0 } };
      CakMeasureSet known = 0;

      if (r.bad || region_index >= n_strings || count > (gsize)(r.end - r.at) / 24)
        return FALSE;
      region = &strings[region_index];
      if (!region->region_done)
        {
          region->region = cak_region_catalog_lookup_code (catalog, region->text);
          region->region_done = TRUE;
        }
      for (guint32 k = 0; k < count; k++)
        {
          guint32 measure_index = get_u32 (&r);
          guint32 origin = get_u32 (&r);
          guint32 row = get_u32 (&r);
          guint32 col = get_u32 (&r);
          double value = get_f64 (&r);
          SnapshotString *measure;

          if (r.bad || measure_index >= n_strings || origin >= n_origins || !isfinite (value))
            return FALSE;
          measure = &strings[measure_index];
          if (measure->measure == -2)
            {
              CakMeasure m;

              measure->measure = cak_measure_from_id (measure->text, &m) ? (int)m : -1;
            }
          n_values++;
          if (measure->measure < 0)
            continue;
          known |= CAK_MEASURE_BIT (measure->measure);
          values[measure->measure]
              = (CakValue){ value, { origins[origin].file, origins[origin].sheet, row, col } };
        }
      /* A region this version does not know is left out in the same way. */
      if (known_period && region->region && known)
        cak_dataset_add_values (dataset, region->region, period, known, values);
    }
  return !r.bad && r.at == r.end && n_values == expected_values;
}

/* Reads the figures in use from the snapshot. *@whole is %FALSE when there is none to trust:
 * the figures must then be read from the rows (and @dataset holds none). */
gboolean
cak_project_snapshot_load (CakProjectStore *store, CakDataset *dataset, GHashTable *names,
                           gboolean *whole, GCancellable *cancellable, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n_blobs = 0, n_figures = 0;
  int rc;

  if (!cak_project_snapshot_is_whole (store, whole, &n_blobs, &n_figures, error))
    return FALSE;
  if (!*whole)
    return TRUE;
  if (!cak_project_store_prepare (store, "SELECT period, figures, checksum, data FROM snapshot",
                                  &stmt, error))
    return FALSE;
  while (*whole && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const guint8 *data = sqlite3_column_blob (stmt, 3);
      gsize length = sqlite3_column_bytes (stmt, 3);
      gint64 figures = sqlite3_column_int64 (stmt, 1);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          sqlite3_finalize (stmt);
          return FALSE;
        }
      if (data == NULL || figures < 0 || figures > G_MAXUINT
          || (gint64)cak_project_snapshot_checksum (data, length) != sqlite3_column_int64 (stmt, 2)
          || !snapshot_read (cak_dataset_get_catalog (dataset), names, dataset,
                             cak_project_store_column_text (stmt, 0), data, length, (guint)figures))
        {
          g_debug ("The snapshot of %s in %s is damaged; reading the figures from their rows",
                   cak_project_store_column_text (stmt, 0), store->path);
          *whole = FALSE;
        }
      n_blobs--;
      n_figures -= figures;
    }
  if (*whole && rc == SQLITE_DONE && (n_blobs != 0 || n_figures != 0))
    {
      g_debug ("The snapshot in %s has blobs added or removed; reading the figures from their rows",
               store->path);
      *whole = FALSE;
    }
  if (*whole && rc != SQLITE_DONE)
    {
      sqlite3_finalize (stmt);
      return cak_project_store_fail (store, error);
    }
  sqlite3_finalize (stmt);
  if (!*whole)
    cak_dataset_clear_values (dataset);
  return TRUE;
}
