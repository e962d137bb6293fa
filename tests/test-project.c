/* test-project.c: projects: saved, opened, accumulated month by month, conflicts settled
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-project"

#include "config.h"

#include <math.h>

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "cak-indicators.h"
#include "cak-project-store.h"
#include "cak-project-store-private.h"
#include "cak-project.h"
#include "cak-summary.h"

static const char january[] = "Kode,Kabupaten/Kota,Periode,Peserta Aktif,Penduduk Bekerja\n"
                              "35.05,Kabupaten Blitar,2023-12,114377,449717\n"
                              "35.72,Kota Blitar,2023-12,27000,80000\n";
static const char february[] = "Kode,Kabupaten/Kota,Periode,Peserta Aktif\n"
                               "35.05,Kabupaten Blitar,2023-12,114400\n"
                               "35.05,Kabupaten Blitar,2024-01,115000\n"
                               "35.72,Kota Blitar,2024-01,27100\n";

static char *
temp_path (const char *name)
{
  g_autofree char *dir = g_dir_make_tmp ("cakupan-project-XXXXXX", NULL);

  g_assert_nonnull (dir);
  return g_build_filename (dir, name, NULL);
}

static void
remove_project (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  cak_project_store_remove_files (path);
  g_rmdir (dir);
}

static CakProjectImport *
prepare_text (CakProject *project, const char *text, const char *name)
{
  g_autoptr (GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr (GError) error = NULL;
  CakProjectImport *import
      = cak_project_prepare_import_bytes (project, bytes, name, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);
  return import;
}

static void
add_text (CakProject *project, const char *text, const char *name)
{
  g_autoptr (CakProjectImport) import = prepare_text (project, text, name);
  g_autoptr (GError) error = NULL;

  g_assert_true (cak_project_commit_import (project, import, &error));
  g_assert_no_error (error);
}

static double
value_of (CakProject *project, const char *code, const char *period_text, CakMeasure measure)
{
  const CakRegion *region
      = cak_region_catalog_lookup_code (cak_region_catalog_get_default (), code);
  CakPeriod period;
  CakValue value;

  g_assert_true (cak_period_parse (period_text, &period));
  return cak_dataset_get (cak_project_get_dataset (project), region, period, measure, &value)
             ? value.value
             : -1;
}

static char *
summary_json (CakDataset *dataset)
{
  CakSummaryOptions options = { CAK_PERIOD_INIT_NONE, TRUE, NULL, CAK_LANG_EN };

  return cak_summary_to_json (dataset, &options);
}

/* A project saved and opened again holds what it held, without the files it was made from:
 * the same figures, the same import report. */
static void
test_save_and_open (void)
{
  g_autofree char *path = temp_path ("jatim.cakupan");
  g_autofree char *sample_path = g_build_filename (
      g_getenv ("CAKUPAN_SOURCE_DIR"), "data", "samples", "jatim-ilustratif-2022-2024.csv", NULL);
  g_autoptr (GFile) sample = g_file_new_for_path (sample_path);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (CakProject) project = cak_project_new (cak_region_catalog_get_default ());
  g_autoptr (CakProject) opened = NULL;
  g_autoptr (CakProjectImport) import = NULL;
  g_autoptr (CakDataset) direct = cak_dataset_new (cak_region_catalog_get_default ());
  g_autoptr (GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *got = NULL;
  g_autofree char *title = NULL;

  g_assert_false (cak_project_get_modified (project));
  import = cak_project_prepare_import (project, sample, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cak_project_import_get_conflicts (import)->len, ==, 0);
  g_assert_true (cak_project_commit_import (project, import, &error));
  g_assert_true (cak_project_get_modified (project));
  g_assert_true (cak_project_save_as (project, file, &error));
  g_assert_no_error (error);
  g_assert_false (cak_project_get_modified (project));
  title = cak_project_dup_title (project);
  g_assert_cmpstr (title, ==, "jatim");

  g_assert_true (cak_import_file (direct, sample, NULL, NULL, &error));
  expected = summary_json (direct);

  opened = cak_project_open (file, cak_region_catalog_get_default (), NULL, &error);
  g_assert_no_error (error);
  got = summary_json (cak_project_get_dataset (opened));
  g_assert_cmpstr (got, ==, expected);
  g_assert_cmpuint (cak_project_get_sources (opened)->len, ==, 1);
  g_assert_cmpuint (
      ((CakProjectSource *)g_ptr_array_index (cak_project_get_sources (opened), 0))->n_values, >,
      7000);
  g_assert_true (cak_project_is_project_file (file));
  g_assert_false (cak_project_is_project_file (sample));

  g_clear_object (&opened);
  g_clear_object (&project);
  remove_project (path);
}

/* Month after month: February adds to January; the same file again changes nothing; a figure
 * that differs is a conflict, kept or replaced as chosen, both figures kept with their sources. */
static void
test_accumulate (void)
{
  for (int replace = 0; replace < 2; replace++)
    for (int saved_first = 0; saved_first < 2; saved_first++)
      {
        g_autofree char *path = temp_path ("monev.cakupan");
        g_autoptr (GFile) file = g_file_new_for_path (path);
        g_autoptr (CakProject) project = cak_project_new (cak_region_catalog_get_default ());
        g_autoptr (CakProject) opened = NULL;
        g_autoptr (CakProjectImport) again = NULL;
        g_autoptr (CakProjectImport) feb = NULL;
        g_autoptr (GError) error = NULL;
        GArray *conflicts;
        sqlite3 *db;
        sqlite3_stmt *stmt;

        g_test_message ("replace %d, saved before February %d", replace, saved_first);
        add_text (project, january, "rekap.csv");
        if (saved_first)
          g_assert_true (cak_project_save_as (project, file, &error));

        again = prepare_text (project, january, "rekap-lagi.csv");
        g_assert_true (cak_project_import_is_duplicate (again));
        g_assert_cmpstr (cak_project_import_get_duplicate_of (again), ==, "rekap.csv");
        g_assert_true (cak_project_commit_import (project, again, &error));
        g_assert_cmpuint (cak_project_get_sources (project)->len, ==, 1);

        feb = prepare_text (project, february, "rekap.csv");
        conflicts = cak_project_import_get_conflicts (feb);
        g_assert_cmpuint (conflicts->len, ==, 1);
        g_assert_cmpfloat (g_array_index (conflicts, CakConflict, 0).held.value, ==, 114377);
        g_assert_cmpfloat (g_array_index (conflicts, CakConflict, 0).incoming.value, ==, 114400);
        g_assert_cmpuint (cak_project_import_count_new (feb), ==, 2);
        if (replace)
          g_array_index (conflicts, CakConflict, 0).choice = CAK_CONFLICT_REPLACE;
        g_assert_true (cak_project_commit_import (project, feb, &error));
        g_assert_no_error (error);
        if (!saved_first)
          g_assert_true (cak_project_save_as (project, file, &error));

        /* Two files of one name are told apart. */
        g_assert_cmpstr (
            ((CakProjectSource *)g_ptr_array_index (cak_project_get_sources (project), 1))->name,
            ==, "rekap.csv (2)");
        g_assert_cmpfloat (value_of (project, "35.05", "2023-12", CAK_MEASURE_PARTICIPANTS), ==,
                           replace ? 114400 : 114377);
        g_assert_cmpfloat (value_of (project, "35.72", "2024-01", CAK_MEASURE_PARTICIPANTS), ==,
                           27100);

        opened = cak_project_open (file, cak_region_catalog_get_default (), NULL, &error);
        g_assert_no_error (error);
        g_assert_cmpfloat (value_of (opened, "35.05", "2023-12", CAK_MEASURE_PARTICIPANTS), ==,
                           replace ? 114400 : 114377);
        g_assert_cmpfloat (value_of (opened, "35.05", "2024-01", CAK_MEASURE_PARTICIPANTS), ==,
                           115000);
        g_assert_cmpuint (cak_project_get_sources (opened)->len, ==, 2);

        /* Both figures of the conflict are in the file, one in use. */
        g_clear_object (&opened);
        g_clear_object (&project);
        g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
        g_assert_cmpint (sqlite3_prepare_v2 (db,
                                             "SELECT value, active FROM figures WHERE region = "
                                             "'35.05' AND period = '2023-12' AND measure = "
                                             "'participants' ORDER BY value",
                                             -1, &stmt, NULL),
                         ==, SQLITE_OK);
        g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
        g_assert_cmpfloat (sqlite3_column_double (stmt, 0), ==, 114377);
        g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, !replace);
        g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
        g_assert_cmpfloat (sqlite3_column_double (stmt, 0), ==, 114400);
        g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, replace);
        g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
        sqlite3_finalize (stmt);
        sqlite3_close (db);
        remove_project (path);
      }
}

/* The deck is kept in the project, and the default deck is no deck. */
static void
test_deck (void)
{
  g_autofree char *path = temp_path ("deck.cakupan");
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (CakProject) project = cak_project_new (cak_region_catalog_get_default ());
  g_autoptr (CakProject) opened = NULL;
  g_autoptr (GError) error = NULL;
  const char *const deck[] = { "title", "ranking", "spotlight 35.05", NULL };
  g_auto (GStrv) got = NULL;

  g_assert_null (cak_project_dup_deck (project));
  g_assert_true (cak_project_set_deck (project, deck, &error));
  g_assert_true (cak_project_save_as (project, file, &error));
  opened = cak_project_open (file, cak_region_catalog_get_default (), NULL, &error);
  g_assert_no_error (error);
  got = cak_project_dup_deck (opened);
  g_assert_true (g_strv_equal ((const char *const *)got, deck));
  g_assert_true (cak_project_set_deck (opened, NULL, &error));
  g_clear_object (&opened);
  opened = cak_project_open (file, cak_region_catalog_get_default (), NULL, &error);
  g_assert_null (cak_project_dup_deck (opened));
  g_clear_object (&opened);
  g_clear_object (&project);
  remove_project (path);
}

static gboolean
set_flag_cb (gpointer user_data)
{
  *(gboolean *)user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* The deck as a second handle on the file reads it. */
static GStrv
deck_in_file (GFile *file)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CakProject) other
      = cak_project_open (file, cak_region_catalog_get_default (), NULL, &error);

  g_assert_no_error (error);
  return cak_project_dup_deck (other);
}

/* A saved project writes the deck within two seconds, from the main loop, in one transaction
 * for a run of changes; disposing of the project and saving it elsewhere write it at once. A
 * project not yet saved keeps it in memory. */
static void
test_autosave (void)
{
  g_autofree char *path = temp_path ("autosave.cakupan");
  g_autofree char *copy_path = g_strconcat (path, ".copy.cakupan", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFile) copy = g_file_new_for_path (copy_path);
  g_autoptr (CakProject) project = cak_project_new (cak_region_catalog_get_default ());
  g_autoptr (GError) error = NULL;
  const char *const first[] = { "title", NULL };
  const char *const deck[] = { "title", "ranking", "spotlight 35.05", NULL };
  const char *const last[] = { "ranking", NULL };
  g_auto (GStrv) got = NULL;
  gboolean late = FALSE;
  gint64 start;
  guint guard;

  /* Not saved: in memory only, and worth asking about on close. */
  g_assert_true (cak_project_set_deck (project, first, &error));
  g_assert_false (cak_project_has_pending (project));
  g_assert_true (cak_project_get_modified (project));
  g_assert_true (cak_project_save_as (project, file, &error));
  g_assert_no_error (error);
  got = deck_in_file (file);
  g_assert_true (g_strv_equal ((const char *const *)got, first));
  g_clear_pointer (&got, g_strfreev);

  /* Saved: two changes in a row, written together by the main loop within two seconds. */
  start = g_get_monotonic_time ();
  g_assert_true (cak_project_set_deck (project, last, &error));
  g_assert_true (cak_project_set_deck (project, deck, &error));
  g_assert_true (cak_project_has_pending (project));
  g_assert_false (cak_project_get_modified (project));
  got = deck_in_file (file);
  g_assert_true (g_strv_equal ((const char *const *)got, first));
  g_clear_pointer (&got, g_strfreev);
  guard = g_timeout_add (2000, set_flag_cb, &late);
  while (cak_project_has_pending (project) && !late)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (late);
  g_source_remove (guard);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
  got = deck_in_file (file);
  g_assert_true (g_strv_equal ((const char *const *)got, deck));
  g_clear_pointer (&got, g_strfreev);

  /* Saved elsewhere at once: the copy has the change. */
  g_assert_true (cak_project_set_deck (project, last, &error));
  g_assert_true (cak_project_save_as (project, copy, &error));
  g_assert_no_error (error);
  g_assert_false (cak_project_has_pending (project));
  got = deck_in_file (copy);
  g_assert_true (g_strv_equal ((const char *const *)got, last));
  g_clear_pointer (&got, g_strfreev);

  /* Closed at once: written on the way out. */
  g_assert_true (cak_project_set_deck (project, deck, &error));
  g_clear_object (&project);
  got = deck_in_file (copy);
  g_assert_true (g_strv_equal ((const char *const *)got, deck));

  /* Nothing was left to run. */
  g_assert_false (g_main_context_iteration (NULL, FALSE));
  cak_project_store_remove_files (copy_path);
  remove_project (path);
}

static void
write_file (const char *path, const char *contents, gssize length)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (g_file_set_contents (path, contents, length, &error));
}

static void
run_sql (const char *path, const char *sql)
{
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  sqlite3_close (db);
}

/* What is not a project, or not one this version reads, says so and changes nothing. */
static void
test_not_a_project (void)
{
  g_autofree char *path = temp_path ("x.cakupan");
  g_autoptr (GFile) file = g_file_new_for_path (path);
  const struct
  {
    const char *what;
    int domain_code;
  } cases[] = {
    { "csv", CAK_PROJECT_ERROR_NOT_A_PROJECT },
    { "other-sqlite", CAK_PROJECT_ERROR_NOT_A_PROJECT },
    { "too-new", CAK_PROJECT_ERROR_TOO_NEW },
    { "truncated", -1 },
    { "missing", -2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (CakProject) project = NULL;

      g_test_message ("%s", cases[i].what);
      cak_project_store_remove_files (path);
      if (strcmp (cases[i].what, "csv") == 0)
        write_file (path, january, -1);
      else if (strcmp (cases[i].what, "other-sqlite") == 0)
        run_sql (path, "CREATE TABLE t (x); INSERT INTO t VALUES (1);");
      else if (strcmp (cases[i].what, "too-new") == 0)
        run_sql (path, "PRAGMA application_id = 1128352592; PRAGMA user_version = 99; "
                       "CREATE TABLE t (x);");
      else if (strcmp (cases[i].what, "truncated") == 0)
        {
          g_autoptr (CakProject) good = cak_project_new (cak_region_catalog_get_default ());
          g_autofree char *contents = NULL;
          gsize length;

          add_text (good, january, "rekap.csv");
          g_assert_true (cak_project_save_as (good, file, &error));
          g_clear_object (&good);
          g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
          cak_project_store_remove_files (path);
          write_file (path, contents, length / 2);
        }

      project = cak_project_open (file, cak_region_catalog_get_default (), NULL, &error);
      g_assert_null (project);
      g_assert_nonnull (error);
      g_test_message ("  %s", error->message);
      if (cases[i].domain_code >= 0)
        g_assert_error (error, CAK_PROJECT_ERROR, cases[i].domain_code);
      g_assert_nonnull (strstr (error->message, "x.cakupan"));
    }
  remove_project (path);
}

/* What each version of the file format added, undone: a file of the version before it, made
 * from a file of this version. */
static const char *const undo_migration[] = {
  NULL,
  /* 2 -> 1 */
  "DROP TABLE stated;",
  /* 3 -> 2 */
  "DROP TABLE targets; DROP TABLE notes; DROP TABLE meetings; DROP TABLE actions;"
  "DROP TABLE checklist;",
  /* 4 -> 3 */
  "DROP TRIGGER figures_inserted; DROP TRIGGER figures_updated; DROP TRIGGER figures_deleted;"
  "DROP TABLE snapshot; DROP INDEX figures_by_period; DROP INDEX figures_not_in_use;"
  "CREATE INDEX figures_in_use ON figures (region, period, measure) WHERE active;"
  "ALTER TABLE sources DROP COLUMN figures; DELETE FROM project WHERE key = 'snapshot';",
};

G_STATIC_ASSERT (G_N_ELEMENTS (undo_migration) == CAK_PROJECT_SCHEMA_VERSION);

/* Turns a file of this version into one of @version, as an earlier Cakupan wrote it. */
static void
make_version (const char *path, int version)
{
  g_autofree char *mark
      = g_strdup_printf ("PRAGMA application_id = 1128352592; PRAGMA user_version = %d;", version);

  /* A file of version 0 is an empty database. */
  for (int v = CAK_PROJECT_SCHEMA_VERSION - 1; version > 0 && v >= version; v--)
    run_sql (path, undo_migration[v]);
  run_sql (path, mark);
}

static gint64
query_int (const char *path, const char *sql)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;
  gint64 value;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

/* Each earlier version of the file format opens and is brought up to date. */
static void
test_migrations (void)
{
  for (int version = 0; version < CAK_PROJECT_SCHEMA_VERSION; version++)
    {
      g_autofree char *path = temp_path ("old.cakupan");
      g_autoptr (GFile) file = g_file_new_for_path (path);
      g_autoptr (CakProject) project = NULL;
      g_autoptr (GError) error = NULL;
      CakProjectStore *store;

      g_test_message ("from version %d", version);
      if (version >= 1)
        {
          CakProjectStore *made = cak_project_store_open (path, TRUE, &error);

          g_assert_no_error (error);
          cak_project_store_close (made);
        }
      make_version (path, version);
      project = cak_project_open (file, cak_region_catalog_get_default (), NULL, &error);
      g_assert_no_error (error);
      g_clear_object (&project);
      store = cak_project_store_open (path, FALSE, &error);
      g_assert_no_error (error);
      g_assert_cmpint (cak_project_store_get_version (store), ==, CAK_PROJECT_SCHEMA_VERSION);
      cak_project_store_close (store);

      /* And it takes files after the migration. */
      project = cak_project_open (file, cak_region_catalog_get_default (), NULL, &error);
      add_text (project, january, "rekap.csv");
      g_clear_object (&project);
      project = cak_project_open (file, cak_region_catalog_get_default (), NULL, &error);
      g_assert_cmpfloat (value_of (project, "35.05", "2023-12", CAK_MEASURE_WORKFORCE), ==, 449717);
      g_clear_object (&project);
      remove_project (path);
    }
}

/* A project of two files, the second with a figure that replaced the first's. */
static CakProject *
make_two_months (GFile *file)
{
  CakProject *project = cak_project_new (cak_region_catalog_get_default ());
  g_autoptr (CakProjectImport) feb = NULL;
  g_autoptr (GError) error = NULL;

  add_text (project, january, "januari.csv");
  g_assert_true (cak_project_save_as (project, file, &error));
  g_assert_no_error (error);
  feb = prepare_text (project, february, "februari.csv");
  g_assert_cmpuint (cak_project_import_get_conflicts (feb)->len, ==, 1);
  g_array_index (cak_project_import_get_conflicts (feb), CakConflict, 0).choice
      = CAK_CONFLICT_REPLACE;
  g_assert_true (cak_project_commit_import (project, feb, &error));
  g_assert_no_error (error);
  return project;
}

static char *
open_summary (GFile *file, guint *n_values)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CakProject) project
      = cak_project_open (file, cak_region_catalog_get_default (), NULL, &error);
  GPtrArray *sources;

  g_assert_no_error (error);
  sources = cak_project_get_sources (project);
  *n_values = 0;
  for (guint i = 0; i < sources->len; i++)
    *n_values = *n_values * 100 + ((CakProjectSource *)g_ptr_array_index (sources, i))->n_values;
  return summary_json (cak_project_get_dataset (project));
}

/* A file of version 2 (and 3) with figures, a settled conflict among them, opens with the same
 * figures and the same sources after its migration, and the snapshot the migration wrote holds
 * them. */
static void
test_migration_figures (void)
{
  g_autofree char *path = temp_path ("v2.cakupan");
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (CakProject) project = make_two_months (file);
  g_autofree char *before = summary_json (cak_project_get_dataset (project));
  g_autofree char *after = NULL;
  guint n_values;

  g_clear_object (&project);
  make_version (path, 2);
  after = open_summary (file, &n_values);
  g_assert_cmpstr (after, ==, before);
  /* January gave 4 figures, February 3 (one of them the conflict). */
  g_assert_cmpuint (n_values, ==, 403);
  g_assert_cmpint (query_int (path, "PRAGMA user_version"), ==, CAK_PROJECT_SCHEMA_VERSION);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM project WHERE key = 'snapshot'"), ==, 1);
  g_assert_cmpint (query_int (path, "SELECT sum(figures) FROM snapshot"), ==,
                   query_int (path, "SELECT count(*) FROM figures WHERE active"));
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM snapshot"), ==, 2);
  remove_project (path);
}

/* The snapshot opening reads never disagrees with the rows: a damaged blob, a snapshot marked
 * stale, or rows changed by another program send the opening back to the rows, which then
 * write the snapshot again. */
static void
test_snapshot (void)
{
  static const struct
  {
    const char *what;
    const char *sql;
    double participants; /* Kabupaten Blitar, December 2023, as opened after @sql */
    gboolean add_march;  /* and after another file was added */
  } cases[] = {
    { "as written", "", 114400 },
    { "not marked whole", "DELETE FROM project WHERE key = 'snapshot'", 114400 },
    { "a byte changed",
      "UPDATE snapshot SET data = substr(data, 1, 40) || X'7f' || substr(data, 42) "
      "WHERE period = '2024-01'",
      114400 },
    { "truncated", "UPDATE snapshot SET data = substr(data, 1, length(data) - 3)", 114400 },
    { "a count that disagrees", "UPDATE snapshot SET figures = figures + 1", 114400 },
    { "not a blob of Cakupan's", "UPDATE snapshot SET data = X'00', checksum = 0", 114400 },
    { "a row changed by another program",
      "UPDATE figures SET value = 114401 WHERE region = '35.05' AND period = '2023-12' "
      "AND measure = 'participants' AND active",
      114401 },
    { "a blob gone", "DELETE FROM snapshot WHERE period = '2023-12'", 114400 },
    { "a blob gone, then a file added", "DELETE FROM snapshot WHERE period = '2023-12'", 114400,
      TRUE },
    { "a row changed, then a file added",
      "UPDATE figures SET value = 114401 WHERE region = '35.05' AND period = '2023-12' "
      "AND measure = 'participants' AND active",
      114401, TRUE },
    { "a blob added",
      "INSERT INTO snapshot SELECT '2022-01', figures, checksum, data FROM "
      "snapshot WHERE period = '2023-12'",
      114400 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = temp_path ("snapshot.cakupan");
      g_autoptr (GFile) file = g_file_new_for_path (path);
      g_autoptr (CakProject) project = make_two_months (file);
      g_autofree char *expected = NULL;
      g_autofree char *got = NULL;
      g_autoptr (CakProject) opened = NULL;
      g_autoptr (GError) error = NULL;

      g_test_message ("%s", cases[i].what);
      g_clear_object (&project);
      run_sql (path, cases[i].sql);
      if (cases[i].add_march)
        {
          /* Opened and written to without the snapshot being read, as the command line's --add
           * does after opening; the opening already repaired it, so break it again. */
          project = cak_project_open (file, cak_region_catalog_get_default (), NULL, &error);
          g_assert_no_error (error);
          run_sql (path, cases[i].sql);
          add_text (project, "Kode,Periode,Peserta Aktif\n35.05,2024-02,115500\n", "maret.csv");
          g_clear_object (&project);
        }
      opened = cak_project_open (file, cak_region_catalog_get_default (), NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpfloat (value_of (opened, "35.05", "2023-12", CAK_MEASURE_PARTICIPANTS), ==,
                         cases[i].participants);
      g_assert_cmpfloat (value_of (opened, "35.72", "2024-01", CAK_MEASURE_PARTICIPANTS), ==,
                         27100);
      g_assert_cmpfloat (value_of (opened, "35.05", "2023-12", CAK_MEASURE_WORKFORCE), ==, 449717);
      g_assert_cmpuint (cak_project_get_sources (opened)->len, ==, cases[i].add_march ? 3 : 2);
      if (cases[i].add_march)
        g_assert_cmpfloat (value_of (opened, "35.05", "2024-02", CAK_MEASURE_PARTICIPANTS), ==,
                           115500);
      expected = summary_json (cak_project_get_dataset (opened));
      g_clear_object (&opened);

      /* The opening wrote the snapshot again: whole, and as the rows say. */
      g_assert_cmpint (query_int (path, "SELECT count(*) FROM project WHERE key = 'snapshot'"), ==,
                       1);
      g_assert_cmpint (query_int (path, "SELECT sum(figures) FROM snapshot"), ==,
                       query_int (path, "SELECT count(*) FROM figures WHERE active"));
      opened = cak_project_open (file, cak_region_catalog_get_default (), NULL, &error);
      g_assert_no_error (error);
      got = summary_json (cak_project_get_dataset (opened));
      g_assert_cmpstr (got, ==, expected);
      g_clear_object (&opened);
      remove_project (path);
    }
}

/* What a file states for a province (its province row) is kept in the project, beside the
 * figures summed from the regencies: saved whole, added to a saved project, opened again. */
static void
test_stated (void)
{
  const char *november = "Kabupaten/Kota;Periode;Penduduk Bekerja;Peserta Aktif;Cakupan %\n"
                         "Kab. Blitar;2022-11;449.717;114.377;25,43\n"
                         "JAWA TIMUR;2022-11;15.000.000;4.300.000;27,68\n";
  const char *december = "Kabupaten/Kota;Periode;Penduduk Bekerja;Peserta Aktif\n"
                         "Kab. Blitar;2022-12;449.717;115.000\n"
                         "JAWA TIMUR;2022-12;15.000.000;4.350.000\n";
  g_autofree char *path = temp_path ("stated.cakupan");
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (CakProject) project = cak_project_new (cak_region_catalog_get_default ());
  g_autoptr (CakProject) opened = NULL;
  g_autoptr (GError) error = NULL;
  const CakRegion *jatim = cak_region_catalog_lookup_code (cak_region_catalog_get_default (), "35");
  const CakStatedFigures *stated;
  CakPeriod nov, dec;

  g_assert_true (cak_period_parse ("2022-11", &nov));
  g_assert_true (cak_period_parse ("2022-12", &dec));
  add_text (project, november, "nov.csv");
  g_assert_nonnull (cak_dataset_get_stated (cak_project_get_dataset (project), jatim, nov));
  g_assert_true (cak_project_save_as (project, file, &error));
  g_assert_no_error (error);
  add_text (project, december, "dec.csv");
  g_clear_object (&project);

  opened = cak_project_open (file, cak_region_catalog_get_default (), NULL, &error);
  g_assert_no_error (error);
  stated = cak_dataset_get_stated (cak_project_get_dataset (opened), jatim, nov);
  g_assert_nonnull (stated);
  g_assert_cmpfloat (cak_stated_figures_get (stated, CAK_MEASURE_WORKFORCE), ==, 15000000);
  g_assert_cmpfloat (cak_stated_figures_participants (stated), ==, 4300000);
  g_assert_true (stated->has_coverage);
  g_assert_cmpfloat (stated->coverage_pct.value, ==, 27.68);
  g_assert_cmpstr (stated->coverage_pct.source.file, ==, "nov.csv");
  g_assert_cmpuint (stated->coverage_pct.source.row, ==, 3);
  g_assert_cmpuint (stated->coverage_pct.source.column, ==, 4);
  stated = cak_dataset_get_stated (cak_project_get_dataset (opened), jatim, dec);
  g_assert_nonnull (stated);
  g_assert_cmpfloat (cak_stated_figures_participants (stated), ==, 4350000);
  g_assert_false (stated->has_coverage);
  g_assert_cmpstr (stated->values[CAK_MEASURE_PARTICIPANTS].source.file, ==, "dec.csv");
  g_clear_object (&opened);
  remove_project (path);
}

/* What a monev decides, typed in: a province-wide target and regencies' own, an action plan,
 * the checklist, a meeting; kept through saving, reopening and the next month's file. */
static const CakRegion *
region_of (const char *code)
{
  const CakRegion *r = cak_region_catalog_lookup_code (cak_region_catalog_get_default (), code);

  g_assert_nonnull (r);
  return r;
}

static CakPeriod
period_of (const char *text)
{
  CakPeriod period;

  g_assert_true (cak_period_parse (text, &period));
  return period;
}

static void
test_monev (void)
{
  g_autofree char *path = temp_path ("monev.cakupan");
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (CakProject) project = cak_project_new (cak_region_catalog_get_default ());
  g_autoptr (CakProject) reopened = NULL;
  g_autoptr (GError) error = NULL;
  CakMonev *monev = cak_project_get_monev (project);
  CakMeeting meeting = { 0,
                         (char *)"2026-01-15",
                         (char *)"Rakor monev semester II",
                         period_of ("2025-12"),
                         period_of ("2025-06"),
                         NULL };
  CakAction action = { 0 };
  CakChecklist checklist = { 0 };
  CakIndicatorRow row;
  CakTargetOrigin origin;
  gint64 meeting_id, blitar_action;
  GPtrArray *actions;

  add_text (project, january, "rekap.csv");
  g_assert_true (cak_monev_is_empty (monev));

  /* Targets: the province's for its regencies, one regency's own, a month's over the year's */
  g_assert_true (cak_monev_set_target (monev, region_of ("35"), cak_period_year (2023), 32.15,
                                       "RPJMN", &error));
  g_assert_true (
      cak_monev_set_target (monev, region_of ("35.05"), cak_period_year (2023), 28, NULL, &error));
  g_assert_true (
      cak_monev_set_target (monev, region_of ("35.05"), period_of ("2023-12"), 29, NULL, &error));
  g_assert_false (
      cak_monev_set_target (monev, region_of ("35"), period_of ("2023-Q4"), 30, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (
      cak_monev_set_target (monev, region_of ("35"), cak_period_year (2024), 140, NULL, &error));
  g_clear_error (&error);
  g_assert_cmpfloat (cak_indicators_find_target (cak_project_get_dataset (project),
                                                 region_of ("35.72"), period_of ("2023-12"),
                                                 &origin),
                     ==, 32.15);
  g_assert_cmpint (origin, ==, CAK_TARGET_TYPED_PROVINCE);
  g_assert_cmpfloat (cak_indicators_find_target (cak_project_get_dataset (project),
                                                 region_of ("35.05"), period_of ("2023-12"),
                                                 &origin),
                     ==, 29);
  g_assert_cmpint (origin, ==, CAK_TARGET_TYPED);
  cak_indicators_compute_row (cak_project_get_dataset (project), region_of ("35.72"),
                              period_of ("2023-12"), &row);
  /* 32,15% of 80.000 is 25.720: Kota Blitar's 27.000 are past it */
  g_assert_cmpfloat (row.target_pct, ==, 32.15);
  g_assert_cmpfloat (row.gap_to_target, ==, 0);
  /* Copied forward: the year's only, never over one typed */
  g_assert_cmpuint (cak_monev_copy_targets_forward (monev, 2023, 2024, &error), ==, 2);
  g_assert_no_error (error);
  g_assert_cmpuint (cak_monev_copy_targets_forward (monev, 2023, 2024, &error), ==, 0);

  /* A meeting, an action agreed at it, another without, the checklist, a note */
  meeting_id = cak_monev_add_meeting (monev, &meeting, &error);
  g_assert_no_error (error);
  g_assert_cmpint (meeting_id, >, 0);
  action.region = region_of ("35.09");
  action.action = (char *)"Sosialisasi BPU ke 12 desa";
  action.office = (char *)"Disnaker";
  action.due = (char *)"2026-03-31";
  action.status = CAK_ACTION_PLANNED;
  action.meeting_id = meeting_id;
  g_assert_cmpint (cak_monev_add_action (monev, &action, &error), >, 0);
  action.region = region_of ("35.05");
  action.action = (char *)"Perbup perlindungan pekerja rentan";
  action.office = (char *)"Bagian Hukum";
  action.due = NULL;
  action.meeting_id = 0;
  blitar_action = cak_monev_add_action (monev, &action, &error);
  g_assert_no_error (error);
  action.due = (char *)"31/03/2026";
  g_assert_cmpint (cak_monev_add_action (monev, &action, &error), ==, 0);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  checklist.region = region_of ("35.05");
  checklist.regulation = TRUE;
  checklist.regulation_ref = (char *)"Perbup 25/2021";
  checklist.regulation_date = (char *)"2021-06-30";
  checklist.apbd = TRUE;
  checklist.apbd_rupiah = 1.5e9;
  checklist.apbd_workers = 5000;
  checklist.village_workers = checklist.villages = NAN;
  g_assert_true (cak_monev_set_checklist (monev, &checklist, &error));
  g_assert_true (
      cak_monev_set_note (monev, region_of ("35.09"), "Jember: menunggu data desa", &error));
  g_assert_true (cak_project_get_modified (project));

  /* Saved, reopened: all of it */
  g_assert_true (cak_project_save_as (project, file, &error));
  g_assert_no_error (error);
  /* A change after saving is on disk at once */
  {
    CakAction done = *cak_monev_get_action (monev, blitar_action);

    done.status = CAK_ACTION_IN_PROGRESS;
    done.note = (char *)"Draf di Bagian Hukum";
    g_assert_true (cak_monev_update_action (monev, &done, &error));
  }
  g_clear_object (&project);
  reopened = cak_project_open (file, cak_region_catalog_get_default (), NULL, &error);
  g_assert_no_error (error);
  monev = cak_project_get_monev (reopened);
  g_assert_cmpuint (cak_monev_get_targets (monev)->len, ==, 5);
  g_assert_cmpstr (cak_monev_find_target (monev, region_of ("35"), cak_period_year (2023))->note,
                   ==, "RPJMN");
  g_assert_cmpfloat (cak_indicators_find_target (cak_project_get_dataset (reopened),
                                                 region_of ("35.72"), period_of ("2024-01"), NULL),
                     ==, 32.15);
  g_assert_cmpstr (cak_monev_get_last_meeting (monev)->title, ==, "Rakor monev semester II");
  actions = cak_monev_list_actions (monev, NULL, meeting_id);
  g_assert_cmpuint (actions->len, ==, 1);
  g_assert_cmpstr (((CakAction *)g_ptr_array_index (actions, 0))->office, ==, "Disnaker");
  g_ptr_array_unref (actions);
  g_assert_cmpint (cak_monev_get_action (monev, blitar_action)->status, ==, CAK_ACTION_IN_PROGRESS);
  g_assert_cmpstr (cak_monev_get_action (monev, blitar_action)->note, ==, "Draf di Bagian Hukum");
  g_assert_cmpstr (cak_monev_get_checklist (monev, region_of ("35.05"))->regulation_ref, ==,
                   "Perbup 25/2021");
  g_assert_true (isnan (cak_monev_get_checklist (monev, region_of ("35.05"))->villages));
  g_assert_cmpstr (cak_monev_get_note (monev, region_of ("35.09")), ==,
                   "Jember: menunggu data desa");

  /* The next month's file keeps all of it */
  add_text (reopened, february, "februari.csv");
  g_assert_cmpuint (cak_monev_get_actions (monev)->len, ==, 2);
  g_assert_cmpfloat (value_of (reopened, "35.05", "2024-01", CAK_MEASURE_PARTICIPANTS), ==, 115000);

  /* A meeting removed leaves its actions, agreed at none */
  g_assert_true (cak_monev_remove_meeting (monev, meeting_id, &error));
  g_assert_null (cak_monev_get_last_meeting (monev));
  actions = cak_monev_list_actions (monev, region_of ("35.09"), 0);
  g_assert_cmpuint (actions->len, ==, 1);
  g_assert_cmpint (((CakAction *)g_ptr_array_index (actions, 0))->meeting_id, ==, 0);
  g_ptr_array_unref (actions);
  g_clear_object (&reopened);
  remove_project (path);
}

/* A blob changed at random with its checksum made to match, as a crafted file would be: opening
 * reads it or falls back to the rows, and never reads outside it. */
static void
test_snapshot_crafted (void)
{
  g_autofree char *path = temp_path ("crafted.cakupan");
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (CakProject) project = make_two_months (file);
  g_autoptr (GRand) rand = g_rand_new_with_seed (14);
  g_autoptr (GBytes) original = NULL;
  sqlite3 *db;
  sqlite3_stmt *stmt;
  guint fallbacks = 0;

  g_clear_object (&project);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT data FROM snapshot WHERE period = '2023-12'", -1,
                                       &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  original = g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  for (guint i = 0; i < 300; i++)
    {
      gsize length = g_bytes_get_size (original);
      g_autofree guint8 *data = g_memdup2 (g_bytes_get_data (original, NULL), length);
      g_autoptr (CakProject) opened = NULL;
      g_autoptr (GError) error = NULL;

      /* Bytes changed, or the blob cut short. */
      if (i % 3 == 2)
        length = g_rand_int_range (rand, 0, length);
      else
        for (int k = g_rand_int_range (rand, 1, 4); k > 0; k--)
          data[g_rand_int_range (rand, 0, length)] = g_rand_int_range (rand, 0, 256);
      g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
      g_assert_cmpint (
          sqlite3_prepare_v2 (db,
                              "UPDATE snapshot SET data = ?, checksum = ? WHERE period = '2023-12'",
                              -1, &stmt, NULL),
          ==, SQLITE_OK);
      sqlite3_bind_blob (stmt, 1, data, length, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, (gint64)cak_project_snapshot_checksum (data, length));
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_finalize (stmt);
      sqlite3_close (db);

      opened = cak_project_open (file, cak_region_catalog_get_default (), NULL, &error);
      g_assert_no_error (error);
      /* February's figures are in another blob, and always read. */
      g_assert_cmpfloat (value_of (opened, "35.72", "2024-01", CAK_MEASURE_PARTICIPANTS), ==,
                         27100);
      fallbacks += value_of (opened, "35.05", "2023-12", CAK_MEASURE_PARTICIPANTS) == 114400;
      g_clear_object (&opened);
    }
  /* Most changes are seen, and the figures are then those of the rows. */
  g_test_message ("%u of 300 opened with December's figures as the rows hold them", fallbacks);
  g_assert_cmpuint (fallbacks, >, 150);
  remove_project (path);
}

int
main (int argc, char *argv[])
{
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/project/save-and-open", test_save_and_open);
  g_test_add_func ("/project/accumulate", test_accumulate);
  g_test_add_func ("/project/deck", test_deck);
  g_test_add_func ("/project/autosave", test_autosave);
  g_test_add_func ("/project/not-a-project", test_not_a_project);
  g_test_add_func ("/project/migrations", test_migrations);
  g_test_add_func ("/project/migration-figures", test_migration_figures);
  g_test_add_func ("/project/snapshot", test_snapshot);
  g_test_add_func ("/project/snapshot-crafted", test_snapshot_crafted);
  g_test_add_func ("/project/stated", test_stated);
  g_test_add_func ("/project/monev", test_monev);
  return g_test_run ();
}
