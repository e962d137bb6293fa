/* cak-project-store.c: a project's SQLite file
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A .cakupan file is an SQLite database in WAL mode, marked as Cakupan's by its application_id
 * and versioned by its user_version; each version's schema is reached from the one before by a
 * migration below, run in one transaction when an older file is opened. Every change is one
 * transaction, so a process killed at any moment leaves the file as it was before the change or
 * after it.
 *
 * Figures are kept with where they came from (the file added, its sheet, row and column) and
 * whether they are the ones in use: when a file gives a figure differently from the one held, the
 * user settles which one is used, and the other stays in the file, not used. The figures in
 * use are kept once more in a snapshot that opening reads (cak-project-snapshot.c).
 */
#define G_LOG_DOMAIN "cak-project-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "cak-project-store-private.h"

/* "CAKP": the mark of a Cakupan project among SQLite files. */
#define PROJECT_FILE_ID 0x43414B50

/* Each entry turns the schema of version N into that of version N + 1. */
static const char *const migrations[] = {
  /* 0 -> 1: files added, their figures, their import report, the deck. */
  "CREATE TABLE project (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
  "CREATE TABLE sources (id INTEGER PRIMARY KEY, name TEXT NOT NULL, sha256 TEXT NOT NULL UNIQUE,"
  "  size INTEGER NOT NULL, imported_at TEXT NOT NULL);"
  "CREATE TABLE sheets (id INTEGER PRIMARY KEY,"
  "  source_id INTEGER NOT NULL REFERENCES sources (id), name TEXT, rows INTEGER NOT NULL,"
  "  imported INTEGER NOT NULL, skipped INTEGER NOT NULL, rejected INTEGER NOT NULL);"
  "CREATE TABLE sheet_columns (sheet_id INTEGER NOT NULL REFERENCES sheets (id),"
  "  col INTEGER NOT NULL, header TEXT NOT NULL, use TEXT NOT NULL, what TEXT NOT NULL,"
  "  why TEXT NOT NULL, PRIMARY KEY (sheet_id, col));"
  "CREATE TABLE issues (id INTEGER PRIMARY KEY,"
  "  source_id INTEGER NOT NULL REFERENCES sources (id), severity TEXT NOT NULL, sheet TEXT,"
  "  row INTEGER NOT NULL, col INTEGER, message TEXT NOT NULL);"
  "CREATE TABLE figures (region TEXT NOT NULL, period TEXT NOT NULL, measure TEXT NOT NULL,"
  "  value REAL NOT NULL, source_id INTEGER NOT NULL REFERENCES sources (id), sheet TEXT,"
  "  row INTEGER NOT NULL, col INTEGER NOT NULL, active INTEGER NOT NULL,"
  "  PRIMARY KEY (region, period, measure, source_id)) WITHOUT ROWID;"
  "CREATE INDEX figures_in_use ON figures (region, period, measure) WHERE active;"
  "CREATE TABLE deck (position INTEGER PRIMARY KEY, slide TEXT NOT NULL);",
  /* 1 -> 2: what the files state for provinces (their province rows), beside the figures summed
   * from the regencies; measure is a measure's id or "coverage_pct". */
  "CREATE TABLE stated (region TEXT NOT NULL, period TEXT NOT NULL, measure TEXT NOT NULL,"
  "  value REAL NOT NULL, source_id INTEGER NOT NULL REFERENCES sources (id), sheet TEXT,"
  "  row INTEGER NOT NULL, col INTEGER NOT NULL, PRIMARY KEY (region, period, measure))"
  "  WITHOUT ROWID;",
  /* 2 -> 3: what a monev decides, typed in: targets, notes, the action plan (rencana tindak
   * lanjut), the Inpres 2/2021 checklist and the meetings. Regions are Kemendagri codes, periods
   * ISO ("2025", "2025-06"), dates YYYY-MM-DD, times ISO 8601 UTC. */
  "CREATE TABLE targets (region TEXT NOT NULL, period TEXT NOT NULL, pct REAL NOT NULL,"
  "  note TEXT NOT NULL DEFAULT '', set_at TEXT NOT NULL, PRIMARY KEY (region, period))"
  "  WITHOUT ROWID;"
  "CREATE TABLE notes (region TEXT PRIMARY KEY, text TEXT NOT NULL, updated_at TEXT NOT NULL);"
  "CREATE TABLE meetings (id INTEGER PRIMARY KEY, held_on TEXT NOT NULL, title TEXT NOT NULL,"
  "  period TEXT, compare TEXT, notes TEXT NOT NULL DEFAULT '');"
  "CREATE TABLE actions (id INTEGER PRIMARY KEY, region TEXT NOT NULL, action TEXT NOT NULL,"
  "  office TEXT NOT NULL DEFAULT '', due TEXT, status TEXT NOT NULL, meeting_id INTEGER,"
  "  note TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL, updated_at TEXT NOT NULL);"
  "CREATE TABLE checklist (region TEXT PRIMARY KEY, regulation INTEGER NOT NULL,"
  "  regulation_ref TEXT NOT NULL DEFAULT '', regulation_date TEXT, apbd INTEGER NOT NULL,"
  "  apbd_rupiah REAL, apbd_workers REAL, village_funds INTEGER NOT NULL, village_workers REAL,"
  "  villages REAL, non_asn INTEGER NOT NULL, village_officials INTEGER NOT NULL,"
  "  notes TEXT NOT NULL DEFAULT '', updated_at TEXT NOT NULL);",
  /* 3 -> 4: the snapshot of the figures in use, a blob per period, that opening reads instead
   * of a row per figure (cak-project-snapshot.c, which writes it after this step), kept whole
   * by triggers on the rows; the count of figures a file gave; the indexes that read a period's
   * figures in use and the figures not used without reading them all (the first replaces the
   * index of the figures in use by region: the primary key finds those). */
  "ALTER TABLE sources ADD COLUMN figures INTEGER NOT NULL DEFAULT 0;"
  "UPDATE sources SET figures = (SELECT count(*) FROM figures f WHERE f.source_id = sources.id);"
  "DROP INDEX figures_in_use;"
  "CREATE INDEX figures_by_period ON figures (period, region, measure) WHERE active;"
  "CREATE INDEX figures_not_in_use ON figures (source_id) WHERE NOT active;"
  "CREATE TABLE snapshot (period TEXT PRIMARY KEY, figures INTEGER NOT NULL,"
  "  checksum INTEGER NOT NULL, data BLOB NOT NULL);"
  "CREATE TRIGGER figures_inserted AFTER INSERT ON figures"
  "  BEGIN DELETE FROM project WHERE key = 'snapshot'; END;"
  "CREATE TRIGGER figures_updated AFTER UPDATE ON figures"
  "  BEGIN DELETE FROM project WHERE key = 'snapshot'; END;"
  "CREATE TRIGGER figures_deleted AFTER DELETE ON figures"
  "  BEGIN DELETE FROM project WHERE key = 'snapshot'; END;",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == CAK_PROJECT_SCHEMA_VERSION);

gboolean
cak_project_store_fail (CakProjectStore *store, GError **error)
{
  int code = sqlite3_errcode (store->db);
  int kind = code == SQLITE_CORRUPT  ? CAK_PROJECT_ERROR_DAMAGED
             : code == SQLITE_NOTADB ? CAK_PROJECT_ERROR_NOT_A_PROJECT
                                     : CAK_PROJECT_ERROR_FAILED;

  if (kind == CAK_PROJECT_ERROR_DAMAGED)
    g_set_error (error, CAK_PROJECT_ERROR, kind,
                 _ ("The project “%s” is damaged (%s). Open a copy saved before, or start a new "
                    "project from the original files."),
                 store->path, sqlite3_errmsg (store->db));
  else if (kind == CAK_PROJECT_ERROR_NOT_A_PROJECT)
    g_set_error (error, CAK_PROJECT_ERROR, kind, _ ("“%s” is not a Cakupan project."), store->path);
  else
    g_set_error (error, CAK_PROJECT_ERROR, kind, _ ("Could not read or write the project “%s”: %s"),
                 store->path, sqlite3_errmsg (store->db));
  return FALSE;
}

gboolean
cak_project_store_exec (CakProjectStore *store, const char *sql, GError **error)
{
  if (sqlite3_exec (store->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return cak_project_store_fail (store, error);
  return TRUE;
}

static gboolean
pragma_int (CakProjectStore *store, const char *sql, int *out, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (store->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return cak_project_store_fail (store, error);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_finalize (stmt);
      return cak_project_store_fail (store, error);
    }
  *out = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return TRUE;
}

gboolean
cak_project_store_prepare (CakProjectStore *store, const char *sql, sqlite3_stmt **stmt,
                           GError **error)
{
  if (sqlite3_prepare_v2 (store->db, sql, -1, stmt, NULL) != SQLITE_OK)
    return cak_project_store_fail (store, error);
  return TRUE;
}

static void
bind_text (sqlite3_stmt *stmt, int index, const char *text)
{
  if (text)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

const char *
cak_project_store_column_text (sqlite3_stmt *stmt, int index)
{
  return (const char *)sqlite3_column_text (stmt, index);
}

/* Brings an older file's schema to this version, in one transaction. */
static gboolean
migrate (CakProjectStore *store, int from, GError **error)
{
  g_autofree char *set_version = NULL;

  if (!cak_project_store_exec (store, "BEGIN IMMEDIATE", error))
    return FALSE;
  for (int v = from; v < CAK_PROJECT_SCHEMA_VERSION; v++)
    if (!cak_project_store_exec (store, migrations[v], error)
        || (v == 3
            && (!cak_project_snapshot_rebuild (store, NULL, error)
                || !cak_project_snapshot_mark_whole (store, error))))
      {
        sqlite3_exec (store->db, "ROLLBACK", NULL, NULL, NULL);
        return FALSE;
      }
  set_version = g_strdup_printf ("PRAGMA user_version = %d; PRAGMA application_id = %d",
                                 CAK_PROJECT_SCHEMA_VERSION, PROJECT_FILE_ID);
  if (!cak_project_store_exec (store, set_version, error)
      || !cak_project_store_exec (store, "COMMIT", error))
    {
      sqlite3_exec (store->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}

/**
 * cak_project_store_open:
 * @create: whether @path is a new file to create (it must not exist)
 *
 * Opens a project's file, bringing an older schema up to date.
 *
 * Returns: (transfer full): the store, or %NULL with @error set: not a Cakupan project, written
 *   by a newer Cakupan, damaged, or not readable
 */
CakProjectStore *
cak_project_store_open (const char *path, gboolean create, GError **error)
{
  CakProjectStore *store;
  /* A project is used by one thread at a time: no lock around every call. */
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
  int version = 0, application = 0;

  g_return_val_if_fail (path != NULL, NULL);

  if (!create && !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT, _ ("The project “%s” does not exist."),
                   path);
      return NULL;
    }
  store = g_new0 (CakProjectStore, 1);
  store->path = g_strdup (path);
  if (sqlite3_open_v2 (path, &store->db, flags, NULL) != SQLITE_OK)
    {
      cak_project_store_fail (store, error);
      cak_project_store_close (store);
      return NULL;
    }
  sqlite3_busy_timeout (store->db, 5000);
  if (!pragma_int (store, "PRAGMA application_id", &application, error)
      || !pragma_int (store, "PRAGMA user_version", &version, error))
    {
      cak_project_store_close (store);
      return NULL;
    }
  if (!create && application != PROJECT_FILE_ID)
    {
      g_set_error (error, CAK_PROJECT_ERROR, CAK_PROJECT_ERROR_NOT_A_PROJECT,
                   _ ("“%s” is not a Cakupan project."), path);
      cak_project_store_close (store);
      return NULL;
    }
  if (version > CAK_PROJECT_SCHEMA_VERSION)
    {
      g_set_error (error, CAK_PROJECT_ERROR, CAK_PROJECT_ERROR_TOO_NEW,
                   _ ("The project “%s” was saved by a newer version of Cakupan (file format %d; "
                      "this version reads up to %d). Open it with that version."),
                   path, version, CAK_PROJECT_SCHEMA_VERSION);
      cak_project_store_close (store);
      return NULL;
    }
  /* WAL: a change is one transaction, and a process killed during it leaves the file as it
   * was; FULL: a committed change survives the machine stopping too. A month added writes a
   * page of every regency's figures into the log: with SQLite's default checkpoint at 1,000
   * pages, an addition would often also copy the log into the file and sync it again (about
   * half of the time of adding a month of all regencies); at 8,192 pages (32 MB of log at most)
   * that happens every few months, and when the project closes. */
  if (!cak_project_store_exec (
          store,
          "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; "
          "PRAGMA foreign_keys = ON; PRAGMA mmap_size = 268435456; PRAGMA cache_size = -32768; "
          "PRAGMA wal_autocheckpoint = 8192",
          error)
      || (version < CAK_PROJECT_SCHEMA_VERSION && !migrate (store, version, error)))
    {
      cak_project_store_close (store);
      return NULL;
    }
  return store;
}

void
cak_project_store_close (CakProjectStore *store)
{
  if (store == NULL)
    return;
  if (store->db)
    sqlite3_close (store->db);
  g_free (store->path);
  g_free (store);
}

/**
 * cak_project_store_remove_files:
 *
 * Removes a project's file and the write-ahead log and shared memory files beside it.
 */
void
cak_project_store_remove_files (const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);

      g_remove (name);
    }
}

int
cak_project_store_get_version (CakProjectStore *store)
{
  int version = -1;

  g_return_val_if_fail (store != NULL, -1);

  pragma_int (store, "PRAGMA user_version", &version, NULL);
  return version;
}

static CakColumnUse
use_from_id (const char *id)
{
  for (CakColumnUse use = CAK_COLUMN_USE_IMPORTED; use <= CAK_COLUMN_USE_UNUSED; use++)
    if (g_strcmp0 (id, cak_column_use_to_id (use)) == 0)
      return use;
  return CAK_COLUMN_USE_UNUSED;
}

/* Looks codes, periods and measure ids up once each: a project has hundreds of thousands of
 * figures but few distinct keys. */
typedef struct
{
  CakRegionCatalog *catalog;
  GHashTable *regions;  /* code -> const CakRegion* */
  GHashTable *periods;  /* ISO text -> period key */
  GHashTable *measures; /* id -> CakMeasure + 1 */
  GHashTable *sheets;   /* name -> interned name */
  const CakRegion *last_region;
  const char *last_sheet;
  char last_period_text[32];
  CakPeriod last_period;
} Keys;

static const CakRegion *
key_region (Keys *keys, const char *code)
{
  const CakRegion *region;

  /* Figures come in key order: a region's rows follow each other. */
  if (keys->last_region && strcmp (keys->last_region->code, code) == 0)
    return keys->last_region;
  region = g_hash_table_lookup (keys->regions, code);

  if (region == NULL)
    {
      region = cak_region_catalog_lookup_code (keys->catalog, code);
      if (region)
        g_hash_table_insert (keys->regions, g_strdup (code), (gpointer)region);
    }
  keys->last_region = region;
  return region;
}

/* Sheet names are few: interned once each, without the global lock of g_intern_string () for
 * every figure. */
static const char *
key_sheet (Keys *keys, const char *name)
{
  const char *interned;

  if (name == NULL)
    return NULL;
  if (keys->last_sheet && strcmp (keys->last_sheet, name) == 0)
    return keys->last_sheet;
  interned = g_hash_table_lookup (keys->sheets, name);
  if (interned == NULL)
    {
      interned = g_intern_string (name);
      g_hash_table_insert (keys->sheets, g_strdup (name), (gpointer)interned);
    }
  keys->last_sheet = interned;
  return interned;
}

static gboolean
key_period (Keys *keys, const char *text, CakPeriod *out)
{
  gpointer value;

  if (strcmp (keys->last_period_text, text) == 0)
    {
      *out = keys->last_period;
      return TRUE;
    }
  if (g_hash_table_lookup_extended (keys->periods, text, NULL, &value))
    *out = cak_period_from_key (GPOINTER_TO_UINT (value));
  else
    {
      if (!cak_period_parse (text, out))
        return FALSE;
      g_hash_table_insert (keys->periods, g_strdup (text),
                           GUINT_TO_POINTER (cak_period_to_key (*out)));
    }
  if (strlen (text) < sizeof keys->last_period_text)
    {
      strcpy (keys->last_period_text, text);
      keys->last_period = *out;
    }
  return TRUE;
}

static gboolean
key_measure (Keys *keys, const char *id, CakMeasure *out)
{
  guint value = GPOINTER_TO_UINT (g_hash_table_lookup (keys->measures, id));

  if (value == 0)
    {
      if (!cak_measure_from_id (id, out))
        return FALSE;
      g_hash_table_insert (keys->measures, g_strdup (id), GUINT_TO_POINTER (*out + 1));
      return TRUE;
    }
  *out = value - 1;
  return TRUE;
}

static void
keys_clear (Keys *keys)
{
  g_clear_pointer (&keys->regions, g_hash_table_unref);
  g_clear_pointer (&keys->periods, g_hash_table_unref);
  g_clear_pointer (&keys->measures, g_hash_table_unref);
  g_clear_pointer (&keys->sheets, g_hash_table_unref);
}

static const char *
intern_or_null (const char *text)
{
  return text ? g_intern_string (text) : NULL;
}

/**
 * cak_project_store_load:
 * @dataset: an empty dataset to fill with the figures in use and the import reports
 * @sources: (element-type CakProjectSource): an empty array to fill with the files added
 * @alternates: (element-type CakProjectAlternate): an empty array to fill with the figures kept
 *   but not used
 * @deck: (out): the deck's slides, or %NULL for the default
 */
gboolean
cak_project_store_load (CakProjectStore *store, CakDataset *dataset, GPtrArray *sources,
                        GArray *alternates, GStrv *deck, GCancellable *cancellable, GError **error)
{
  g_autoptr (GHashTable) names = g_hash_table_new (NULL, NULL); /* id -> interned name */
  g_autoptr (GHashTable) sheet_reports = g_hash_table_new (NULL, NULL);
  g_autoptr (GStrvBuilder) slides = g_strv_builder_new ();
  Keys keys = { cak_dataset_get_catalog (dataset),
                g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
                g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
                g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
                g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL) };
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;
  gboolean whole = FALSE;
  guint n = 0;
  int rc;

  g_return_val_if_fail (store != NULL, FALSE);

  /* One read transaction: a consistent view of the file. */
  if (!cak_project_store_exec (store, "BEGIN", error))
    goto out;

  if (!cak_project_store_prepare (
          store, "SELECT id, name, sha256, size, imported_at, figures FROM sources ORDER BY id",
          &stmt, error))
    goto out;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CakProjectSource *source = g_new0 (CakProjectSource, 1);

      source->id = sqlite3_column_int64 (stmt, 0);
      source->name = g_strdup (cak_project_store_column_text (stmt, 1));
      source->sha256 = g_strdup (cak_project_store_column_text (stmt, 2));
      source->size = sqlite3_column_int64 (stmt, 3);
      source->imported_at = g_strdup (cak_project_store_column_text (stmt, 4));
      source->n_values = sqlite3_column_int (stmt, 5);
      g_ptr_array_add (sources, source);
      g_hash_table_insert (names, GINT_TO_POINTER ((int)source->id),
                           (gpointer)g_intern_string (source->name));
    }
  if (rc != SQLITE_DONE)
    goto failed;
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!cak_project_store_prepare (
          store,
          "SELECT id, source_id, name, rows, imported, skipped, rejected FROM sheets "
          "ORDER BY id",
          &stmt, error))
    goto out;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *file
          = g_hash_table_lookup (names, GINT_TO_POINTER (sqlite3_column_int (stmt, 1)));
      CakSheetReport *report = cak_dataset_add_sheet_report (
          dataset, file, intern_or_null (cak_project_store_column_text (stmt, 2)));

      report->rows = sqlite3_column_int (stmt, 3);
      report->imported = sqlite3_column_int (stmt, 4);
      report->skipped = sqlite3_column_int (stmt, 5);
      report->rejected = sqlite3_column_int (stmt, 6);
      g_hash_table_insert (sheet_reports, GINT_TO_POINTER (sqlite3_column_int (stmt, 0)), report);
    }
  if (rc != SQLITE_DONE)
    goto failed;
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!cak_project_store_prepare (store,
                                  "SELECT sheet_id, col, header, use, what, why FROM sheet_columns "
                                  "ORDER BY sheet_id, col",
                                  &stmt, error))
    goto out;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CakSheetReport *report
          = g_hash_table_lookup (sheet_reports, GINT_TO_POINTER (sqlite3_column_int (stmt, 0)));

      if (report)
        cak_sheet_report_add_column (
            report, sqlite3_column_int (stmt, 1), cak_project_store_column_text (stmt, 2),
            use_from_id (cak_project_store_column_text (stmt, 3)),
            cak_project_store_column_text (stmt, 4), cak_project_store_column_text (stmt, 5));
    }
  if (rc != SQLITE_DONE)
    goto failed;
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!cak_project_store_prepare (
          store, "SELECT source_id, severity, sheet, row, col, message FROM issues ORDER BY id",
          &stmt, error))
    goto out;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CakSource source
          = { g_hash_table_lookup (names, GINT_TO_POINTER (sqlite3_column_int (stmt, 0))),
              intern_or_null (cak_project_store_column_text (stmt, 2)),
              sqlite3_column_int (stmt, 3), 0 };
      gboolean has_column = sqlite3_column_type (stmt, 4) != SQLITE_NULL;

      if (has_column)
        source.column = sqlite3_column_int (stmt, 4);
      cak_dataset_add_issue (dataset,
                             cak_severity_from_id (cak_project_store_column_text (stmt, 1)),
                             &source, has_column, cak_project_store_column_text (stmt, 5));
    }
  if (rc != SQLITE_DONE)
    goto failed;
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* The figures in use from the snapshot, and only those not used from the rows; all from the
   * rows when the snapshot cannot be trusted. */
  if (!cak_project_snapshot_load (store, dataset, names, &whole, cancellable, error))
    goto out;
  if (!cak_project_store_prepare (
          store,
          whole ? "SELECT region, period, measure, value, source_id, sheet, row, col, active "
                  "FROM figures INDEXED BY figures_not_in_use WHERE NOT active"
                : "SELECT region, period, measure, value, source_id, sheet, row, col, active "
                  "FROM figures",
          &stmt, error))
    goto out;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const CakRegion *region = key_region (&keys, cak_project_store_column_text (stmt, 0));
      CakPeriod period;
      CakMeasure measure;
      CakSource source
          = { g_hash_table_lookup (names, GINT_TO_POINTER (sqlite3_column_int (stmt, 4))),
              key_sheet (&keys, cak_project_store_column_text (stmt, 5)),
              sqlite3_column_int (stmt, 6), sqlite3_column_int (stmt, 7) };

      if ((++n & 0xffff) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        goto out;
      /* A region, period or measure this version does not know is kept in the file and left
       * out of the figures in use, never guessed. */
      if (region == NULL || !key_period (&keys, cak_project_store_column_text (stmt, 1), &period)
          || !key_measure (&keys, cak_project_store_column_text (stmt, 2), &measure))
        continue;
      if (sqlite3_column_int (stmt, 8))
        cak_dataset_replace (dataset, region, period, measure, sqlite3_column_double (stmt, 3),
                             &source);
      else
        {
          CakProjectAlternate alternate
              = { region, period, measure, { sqlite3_column_double (stmt, 3), source } };

          g_array_append_val (alternates, alternate);
        }
    }
  if (rc != SQLITE_DONE)
    goto failed;
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!cak_project_store_prepare (
          store, "SELECT region, period, measure, value, source_id, sheet, row, col FROM stated",
          &stmt, error))
    goto out;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CakStatedFigures stated = { 0 };
      const char *measure_id = cak_project_store_column_text (stmt, 2);
      CakValue value
          = { sqlite3_column_double (stmt, 3),
              { g_hash_table_lookup (names, GINT_TO_POINTER (sqlite3_column_int (stmt, 4))),
                key_sheet (&keys, cak_project_store_column_text (stmt, 5)),
                sqlite3_column_int (stmt, 6), sqlite3_column_int (stmt, 7) } };
      CakMeasure measure;

      stated.region = key_region (&keys, cak_project_store_column_text (stmt, 0));
      if (stated.region == NULL
          || !key_period (&keys, cak_project_store_column_text (stmt, 1), &stated.period))
        continue;
      if (g_strcmp0 (measure_id, "coverage_pct") == 0)
        {
          stated.has_coverage = TRUE;
          stated.coverage_pct = value;
        }
      else if (key_measure (&keys, measure_id, &measure))
        {
          stated.known = CAK_MEASURE_BIT (measure);
          stated.values[measure] = value;
        }
      else
        continue;
      /* One row a figure: they join into the province's stated figures. */
      cak_dataset_set_stated (dataset, &stated, NULL);
    }
  if (rc != SQLITE_DONE)
    goto failed;
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!cak_project_store_prepare (store, "SELECT slide FROM deck ORDER BY position", &stmt, error))
    goto out;
  n = 0;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_strv_builder_add (slides, cak_project_store_column_text (stmt, 0));
      n++;
    }
  if (rc != SQLITE_DONE)
    goto failed;
  *deck = n > 0 ? g_strv_builder_end (slides) : NULL;
  ok = TRUE;
  goto out;

failed:
  cak_project_store_fail (store, error);
out:
  g_clear_pointer (&stmt, sqlite3_finalize);
  sqlite3_exec (store->db, ok ? "COMMIT" : "ROLLBACK", NULL, NULL, NULL);
  keys_clear (&keys);
  if (ok && !whole)
    {
      g_autoptr (GError) local_error = NULL;

      /* The next opening is fast again; a file that cannot be written now is read from its
       * rows each time, as correctly. */
      if (!cak_project_store_rebuild_snapshot (store, &local_error))
        g_debug ("%s", local_error->message);
    }
  return ok;
}

/**
 * cak_project_store_rebuild_snapshot:
 *
 * Writes the snapshot of the figures in use again from their rows, in one transaction.
 */
gboolean
cak_project_store_rebuild_snapshot (CakProjectStore *store, GError **error)
{
  g_return_val_if_fail (store != NULL, FALSE);

  if (!cak_project_store_exec (store, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!cak_project_snapshot_rebuild (store, NULL, error)
      || !cak_project_snapshot_mark_whole (store, error)
      || !cak_project_store_exec (store, "COMMIT", error))
    {
      sqlite3_exec (store->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}

/* ---- Writing --------------------------------------------------------------------------- */

typedef struct
{
  CakProjectStore *store;
  sqlite3_stmt *insert;
  sqlite3_stmt *retire;
  GHashTable *source_ids; /* interned file name -> id, for writing a whole project */
  gint64 source_id;       /* the file being added */
  GHashTable *choices;    /* "code|period|measure" -> CakConflictChoice + 1 */
  GHashTable *same;       /* "code|period|measure" of figures held with the same value */
  GHashTable *periods;    /* period key + 1 of every figure written, or NULL */
  gboolean failed;
} Writer;

static char *
conflict_key (const CakRegion *region, CakPeriod period, CakMeasure measure)
{
  return g_strdup_printf ("%s|%u|%u", region->code, cak_period_to_key (period), measure);
}

static gboolean
insert_figure (Writer *w, const CakRegion *region, CakPeriod period, CakMeasure measure,
               const CakValue *value, gint64 source_id, gboolean active)
{
  g_autofree char *iso = cak_period_to_iso (period);

  if (w->periods)
    g_hash_table_add (w->periods, GUINT_TO_POINTER (cak_period_to_key (period) + 1));
  sqlite3_reset (w->insert);
  sqlite3_bind_text (w->insert, 1, region->code, -1, SQLITE_STATIC);
  sqlite3_bind_text (w->insert, 2, iso, -1, SQLITE_STATIC);
  sqlite3_bind_text (w->insert, 3, cak_measure_to_id (measure), -1, SQLITE_STATIC);
  sqlite3_bind_double (w->insert, 4, value->value);
  sqlite3_bind_int64 (w->insert, 5, source_id);
  bind_text (w->insert, 6, value->source.sheet);
  sqlite3_bind_int (w->insert, 7, value->source.row);
  sqlite3_bind_int (w->insert, 8, value->source.column);
  sqlite3_bind_int (w->insert, 9, active);
  return sqlite3_step (w->insert) == SQLITE_DONE;
}

static gboolean
write_report (CakProjectStore *store, CakDataset *dataset, GHashTable *source_ids,
              gint64 only_source, GError **error)
{
  GPtrArray *sheets = cak_dataset_get_sheet_reports (dataset);
  const GArray *issues = cak_dataset_get_issues (dataset);
  sqlite3_stmt *sheet_stmt = NULL, *column_stmt = NULL, *issue_stmt = NULL;
  gboolean ok = FALSE;

  if (!cak_project_store_prepare (
          store,
          "INSERT INTO sheets (source_id, name, rows, imported, skipped, rejected) "
          "VALUES (?, ?, ?, ?, ?, ?)",
          &sheet_stmt, error)
      || !cak_project_store_prepare (
          store,
          "INSERT INTO sheet_columns (sheet_id, col, header, use, what, why) "
          "VALUES (?, ?, ?, ?, ?, ?)",
          &column_stmt, error)
      || !cak_project_store_prepare (
          store,
          "INSERT INTO issues (source_id, severity, sheet, row, col, message) "
          "VALUES (?, ?, ?, ?, ?, ?)",
          &issue_stmt, error))
    goto out;

  for (guint i = 0; i < sheets->len; i++)
    {
      const CakSheetReport *sheet = g_ptr_array_index (sheets, i);
      gint64 source_id = only_source;
      gint64 sheet_id;

      if (source_ids)
        source_id = GPOINTER_TO_INT (g_hash_table_lookup (source_ids, sheet->file));
      sqlite3_reset (sheet_stmt);
      sqlite3_bind_int64 (sheet_stmt, 1, source_id);
      bind_text (sheet_stmt, 2, sheet->sheet);
      sqlite3_bind_int (sheet_stmt, 3, sheet->rows);
      sqlite3_bind_int (sheet_stmt, 4, sheet->imported);
      sqlite3_bind_int (sheet_stmt, 5, sheet->skipped);
      sqlite3_bind_int (sheet_stmt, 6, sheet->rejected);
      if (sqlite3_step (sheet_stmt) != SQLITE_DONE)
        goto failed;
      sheet_id = sqlite3_last_insert_rowid (store->db);
      for (guint k = 0; sheet->columns && k < sheet->columns->len; k++)
        {
          const CakColumnReport *column = g_ptr_array_index (sheet->columns, k);

          sqlite3_reset (column_stmt);
          sqlite3_bind_int64 (column_stmt, 1, sheet_id);
          sqlite3_bind_int (column_stmt, 2, column->column);
          bind_text (column_stmt, 3, column->header);
          bind_text (column_stmt, 4, cak_column_use_to_id (column->use));
          bind_text (column_stmt, 5, column->what);
          bind_text (column_stmt, 6, column->why);
          if (sqlite3_step (column_stmt) != SQLITE_DONE)
            goto failed;
        }
    }
  for (guint i = 0; i < issues->len; i++)
    {
      const CakIssue *issue = &g_array_index (issues, CakIssue, i);
      gint64 source_id = only_source;

      if (source_ids)
        source_id = GPOINTER_TO_INT (g_hash_table_lookup (source_ids, issue->source.file));
      sqlite3_reset (issue_stmt);
      sqlite3_bind_int64 (issue_stmt, 1, source_id);
      bind_text (issue_stmt, 2, cak_severity_to_id (issue->severity));
      bind_text (issue_stmt, 3, issue->source.sheet);
      sqlite3_bind_int (issue_stmt, 4, issue->source.row);
      if (issue->has_column)
        sqlite3_bind_int (issue_stmt, 5, issue->source.column);
      else
        sqlite3_bind_null (issue_stmt, 5);
      bind_text (issue_stmt, 6, issue->message);
      if (sqlite3_step (issue_stmt) != SQLITE_DONE)
        goto failed;
    }
  ok = TRUE;
  goto out;

failed:
  cak_project_store_fail (store, error);
out:
  sqlite3_finalize (sheet_stmt);
  sqlite3_finalize (column_stmt);
  sqlite3_finalize (issue_stmt);
  return ok;
}

static gboolean
insert_stated_value (sqlite3_stmt *stmt, const CakStatedFigures *stated, const char *measure,
                     const CakValue *value, gint64 source_id)
{
  g_autofree char *iso = cak_period_to_iso (stated->period);

  sqlite3_reset (stmt);
  sqlite3_bind_text (stmt, 1, stated->region->code, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, iso, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, measure, -1, SQLITE_STATIC);
  sqlite3_bind_double (stmt, 4, value->value);
  sqlite3_bind_int64 (stmt, 5, source_id);
  bind_text (stmt, 6, value->source.sheet);
  sqlite3_bind_int (stmt, 7, value->source.row);
  sqlite3_bind_int (stmt, 8, value->source.column);
  return sqlite3_step (stmt) == SQLITE_DONE;
}

/* What the files state for provinces: a row a figure. A province and period stated already
 * keeps its first figures, as in the dataset. */
static gboolean
write_stated (CakProjectStore *store, CakDataset *dataset, GHashTable *source_ids,
              gint64 only_source, GError **error)
{
  g_autoptr (GPtrArray) all = cak_dataset_get_stated_all (dataset);
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;

  if (all->len == 0)
    return TRUE;
  if (!cak_project_store_prepare (
          store,
          "INSERT OR IGNORE INTO stated (region, period, measure, value, source_id, sheet, "
          "row, col) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
          &stmt, error))
    return FALSE;
  for (guint i = 0; ok && i < all->len; i++)
    {
      const CakStatedFigures *stated = g_ptr_array_index (all, i);

      for (guint m = 0; ok && m < CAK_N_MEASURES; m++)
        if (stated->known & CAK_MEASURE_BIT (m))
          {
            const CakValue *value = &stated->values[m];
            gint64 source_id = source_ids ? GPOINTER_TO_INT (g_hash_table_lookup (
                                                source_ids, value->source.file))
                                          : only_source;

            ok = insert_stated_value (stmt, stated, cak_measure_to_id (m), value, source_id);
          }
      if (ok && stated->has_coverage)
        ok = insert_stated_value (
            stmt, stated, "coverage_pct", &stated->coverage_pct,
            source_ids ? GPOINTER_TO_INT (g_hash_table_lookup (
                             source_ids, stated->coverage_pct.source.file))
                       : only_source);
    }
  sqlite3_finalize (stmt);
  if (!ok)
    return cak_project_store_fail (store, error);
  return TRUE;
}

static gboolean
insert_source (CakProjectStore *store, CakProjectSource *source, gboolean with_id, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  if (!cak_project_store_prepare (
          store,
          "INSERT INTO sources (id, name, sha256, size, imported_at, figures) "
          "VALUES (?, ?, ?, ?, ?, ?)",
          &stmt, error))
    return FALSE;
  if (with_id)
    sqlite3_bind_int64 (stmt, 1, source->id);
  else
    sqlite3_bind_null (stmt, 1);
  bind_text (stmt, 2, source->name);
  bind_text (stmt, 3, source->sha256);
  sqlite3_bind_int64 (stmt, 4, source->size);
  bind_text (stmt, 5, source->imported_at);
  sqlite3_bind_int64 (stmt, 6, source->n_values);
  ok = sqlite3_step (stmt) == SQLITE_DONE;
  sqlite3_finalize (stmt);
  if (!ok)
    return cak_project_store_fail (store, error);
  source->id = sqlite3_last_insert_rowid (store->db);
  return TRUE;
}

static void
write_all_value_cb (const CakRegion *region, CakPeriod period, CakMeasure measure,
                    const CakValue *value, gpointer user_data)
{
  Writer *w = user_data;
  gint64 source_id = GPOINTER_TO_INT (g_hash_table_lookup (w->source_ids, value->source.file));

  if (!w->failed && !insert_figure (w, region, period, measure, value, source_id, TRUE))
    w->failed = TRUE;
}

/**
 * cak_project_store_write_all:
 * @sources: (element-type CakProjectSource): the files added; each figure's and report line's
 *   file is one of their names
 *
 * Writes a whole project into a new, empty store, in one transaction.
 */
gboolean
cak_project_store_write_all (CakProjectStore *store, CakDataset *dataset, GPtrArray *sources,
                             GArray *alternates, const char *const *deck, GError **error)
{
  g_autoptr (GHashTable) source_ids = g_hash_table_new (NULL, NULL);
  Writer w = { store };
  gboolean ok = FALSE;

  g_return_val_if_fail (store != NULL, FALSE);

  if (!cak_project_store_exec (store, "BEGIN IMMEDIATE", error))
    return FALSE;
  for (guint i = 0; i < sources->len; i++)
    {
      CakProjectSource *source = g_ptr_array_index (sources, i);

      if (!insert_source (store, source, TRUE, error))
        goto out;
      g_hash_table_insert (source_ids, (gpointer)g_intern_string (source->name),
                           GINT_TO_POINTER ((int)source->id));
    }
  if (!write_report (store, dataset, source_ids, 0, error)
      || !write_stated (store, dataset, source_ids, 0, error))
    goto out;
  if (!cak_project_store_prepare (
          store,
          "INSERT INTO figures (region, period, measure, value, source_id, sheet, row, col, "
          "active) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
          &w.insert, error))
    goto out;
  w.source_ids = source_ids;
  cak_dataset_foreach_value (dataset, write_all_value_cb, &w);
  for (guint i = 0; !w.failed && alternates && i < alternates->len; i++)
    {
      const CakProjectAlternate *a = &g_array_index (alternates, CakProjectAlternate, i);
      gint64 source_id = GPOINTER_TO_INT (g_hash_table_lookup (source_ids, a->value.source.file));

      if (!insert_figure (&w, a->region, a->period, a->measure, &a->value, source_id, FALSE))
        w.failed = TRUE;
    }
  if (w.failed)
    {
      cak_project_store_fail (store, error);
      goto out;
    }
  if (!cak_project_store_write_deck (store, deck, error)
      || !cak_project_snapshot_rebuild (store, NULL, error)
      || !cak_project_snapshot_mark_whole (store, error))
    goto out;
  ok = cak_project_store_exec (store, "COMMIT", error);

out:
  g_clear_pointer (&w.insert, sqlite3_finalize);
  if (!ok)
    sqlite3_exec (store->db, "ROLLBACK", NULL, NULL, NULL);
  return ok;
}

static void
add_value_cb (const CakRegion *region, CakPeriod period, CakMeasure measure, const CakValue *value,
              gpointer user_data)
{
  Writer *w = user_data;
  g_autofree char *key = NULL;
  g_autofree char *iso = NULL;
  guint choice;

  if (w->failed)
    return;
  key = conflict_key (region, period, measure);
  choice = GPOINTER_TO_UINT (g_hash_table_lookup (w->choices, key));
  if (choice == CAK_CONFLICT_KEEP + 1)
    {
      w->failed = !insert_figure (w, region, period, measure, value, w->source_id, FALSE);
      return;
    }
  if (choice == CAK_CONFLICT_REPLACE + 1)
    {
      iso = cak_period_to_iso (period);
      sqlite3_reset (w->retire);
      sqlite3_bind_text (w->retire, 1, region->code, -1, SQLITE_STATIC);
      sqlite3_bind_text (w->retire, 2, iso, -1, SQLITE_STATIC);
      sqlite3_bind_text (w->retire, 3, cak_measure_to_id (measure), -1, SQLITE_STATIC);
      if (sqlite3_step (w->retire) != SQLITE_DONE)
        {
          w->failed = TRUE;
          return;
        }
      w->failed = !insert_figure (w, region, period, measure, value, w->source_id, TRUE);
      return;
    }
  /* A figure the project holds already with the same value stays the one in use. */
  w->failed = !insert_figure (w, region, period, measure, value, w->source_id,
                              !g_hash_table_contains (w->same, key));
}

/**
 * cak_project_store_add_source:
 * @source: the file added; its id is set
 * @staging: the file's own figures and import report
 * @conflicts: (element-type CakConflict): the figures it gives differently from those held,
 *   each with the user's choice
 * @same: "code|period key|measure" of the figures it gives as the project holds them
 *
 * Adds a file in one transaction: all of it or, on failure or a crash, nothing.
 */
gboolean
cak_project_store_add_source (CakProjectStore *store, CakProjectSource *source, CakDataset *staging,
                              GArray *conflicts, GHashTable *same, GError **error)
{
  g_autoptr (GHashTable) choices = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) periods = g_hash_table_new (NULL, NULL);
  Writer w = { store };
  gint64 n_blobs, n_figures;
  gboolean whole = FALSE;
  gboolean ok = FALSE;

  g_return_val_if_fail (store != NULL, FALSE);

  for (guint i = 0; conflicts && i < conflicts->len; i++)
    {
      const CakConflict *c = &g_array_index (conflicts, CakConflict, i);

      g_hash_table_insert (choices, conflict_key (c->region, c->period, c->measure),
                           GUINT_TO_POINTER (c->choice + 1));
    }
  if (!cak_project_store_exec (store, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!cak_project_snapshot_is_whole (store, &whole, &n_blobs, &n_figures, error)
      || (whole && !cak_project_snapshot_counts_agree (store, n_blobs, n_figures, &whole, error))
      || !insert_source (store, source, FALSE, error)
      || !write_report (store, staging, NULL, source->id, error)
      || !write_stated (store, staging, NULL, source->id, error))
    goto out;
  if (!cak_project_store_prepare (
          store,
          "INSERT INTO figures (region, period, measure, value, source_id, sheet, row, col, "
          "active) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
          &w.insert, error)

      || !cak_project_store_prepare (
          store,
          "UPDATE figures SET active = 0 WHERE region = ? AND period = ? AND measure = ? "
          "AND active",
          &w.retire, error))
    goto out;
  w.source_id = source->id;
  w.choices = choices;
  w.same = same;
  w.periods = periods;
  cak_dataset_foreach_value (staging, add_value_cb, &w);
  if (w.failed)
    {
      cak_project_store_fail (store, error);
      goto out;
    }
  /* The snapshot of each period the file gives figures for is written again from the rows; all
   * of it when it was not whole before. */
  if (whole)
    {
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, periods);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          g_autofree char *iso
              = cak_period_to_iso (cak_period_from_key (GPOINTER_TO_UINT (key) - 1));

          if (!cak_project_snapshot_rebuild (store, iso, error))
            goto out;
        }
    }
  else if (!cak_project_snapshot_rebuild (store, NULL, error))
    goto out;
  if (!cak_project_snapshot_mark_whole (store, error))
    goto out;
  ok = cak_project_store_exec (store, "COMMIT", error);

out:
  g_clear_pointer (&w.insert, sqlite3_finalize);
  g_clear_pointer (&w.retire, sqlite3_finalize);
  if (!ok)
    sqlite3_exec (store->db, "ROLLBACK", NULL, NULL, NULL);
  return ok;
}

/**
 * cak_project_store_write_deck:
 * @deck: (nullable): the slides; %NULL or empty for the default deck
 */
gboolean
cak_project_store_write_deck (CakProjectStore *store, const char *const *deck, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean in_transaction;
  gboolean ok = FALSE;

  g_return_val_if_fail (store != NULL, FALSE);

  in_transaction = !sqlite3_get_autocommit (store->db);
  if (!in_transaction && !cak_project_store_exec (store, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!cak_project_store_exec (store, "DELETE FROM deck", error)
      || !cak_project_store_prepare (store, "INSERT INTO deck (position, slide) VALUES (?, ?)",
                                     &stmt, error))
    goto out;
  for (guint i = 0; deck && deck[i]; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int (stmt, 1, i);
      bind_text (stmt, 2, deck[i]);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          cak_project_store_fail (store, error);
          goto out;
        }
    }
  ok = in_transaction || cak_project_store_exec (store, "COMMIT", error);

out:
  sqlite3_finalize (stmt);
  if (!ok && !in_transaction)
    sqlite3_exec (store->db, "ROLLBACK", NULL, NULL, NULL);
  return ok;
}

/**
 * cak_project_store_copy_to:
 *
 * Copies the whole file, as it is now, into a new file at @path (SQLite's online backup).
 */
gboolean
cak_project_store_copy_to (CakProjectStore *store, const char *path, GError **error)
{
  CakProjectStore *to;
  sqlite3_backup *backup;
  gboolean ok;

  g_return_val_if_fail (store != NULL, FALSE);

  to = g_new0 (CakProjectStore, 1);
  to->path = g_strdup (path);
  if (sqlite3_open_v2 (path, &to->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL)
      != SQLITE_OK)
    {
      cak_project_store_fail (to, error);
      cak_project_store_close (to);
      return FALSE;
    }
  backup = sqlite3_backup_init (to->db, "main", store->db, "main");
  if (backup == NULL)
    {
      cak_project_store_fail (to, error);
      cak_project_store_close (to);
      return FALSE;
    }
  sqlite3_backup_step (backup, -1);
  ok = sqlite3_backup_finish (backup) == SQLITE_OK;
  if (!ok)
    cak_project_store_fail (to, error);
  cak_project_store_close (to);
  return ok;
}

/**
 * cak_project_store_get_db:
 *
 * Returns: (transfer none): the store's open SQLite database
 */
struct sqlite3 *
cak_project_store_get_db (CakProjectStore *store)
{
  g_return_val_if_fail (store != NULL, NULL);

  return store->db;
}
