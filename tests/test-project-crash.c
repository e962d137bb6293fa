/* test-project-crash.c: a project's writer killed at random moments, 200 times: the file is
 * whole every time, with every file added whole or not at all
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-project-crash"

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>

#include "cak-project-store.h"
#include "cak-project.h"

#define KILLS 200
#define FIGURES_PER_FILE 38

static int
query_int (sqlite3 *db, const char *sql)
{
  sqlite3_stmt *stmt;
  int value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* The file as SQLite sees it, without Cakupan's code: whole, and no file added by half. */
static int
check_file (const char *path)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;
  int sources;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);

  sources = query_int (db, "SELECT count(*) FROM sources");
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM figures"), ==, sources * FIGURES_PER_FILE);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM (SELECT source_id FROM figures GROUP BY "
                                  "source_id HAVING count(*) <> 38)"),
                   ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM sheets"), ==, sources);
  /* A deck is written whole: five slides of one number, or none. */
  g_assert_true (query_int (db, "SELECT count(*) FROM deck") == 0
                 || query_int (db, "SELECT count(*) FROM deck") == 5);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT slide) FROM deck"), <=, 1);
  sqlite3_close (db);
  return sources;
}

static int
file_sources (const char *path)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;
  int n = 0;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    return 0;
  sqlite3_busy_timeout (db, 1000);
  if (sqlite3_prepare_v2 (db, "SELECT count(*) FROM sources", -1, &stmt, NULL) == SQLITE_OK)
    {
      if (sqlite3_step (stmt) == SQLITE_ROW)
        n = sqlite3_column_int (stmt, 0);
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
  return n;
}

static void
test_kill (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cakupan-crash-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "crash.cakupan", NULL);
  g_autofree char *partial = g_strconcat (path, ".partial", NULL);
  g_autofree char *writer = g_test_build_filename (G_TEST_BUILT, "project-writer", NULL);
  g_autoptr (GRand) rand = g_rand_new ();
  int sources = 0, killed_mid = 0;
  gint64 startup = 0;

  for (int i = 0; i < KILLS; i++)
    {
      char *argv[] = { writer, path, NULL };
      g_autoptr (GError) error = NULL;
      GPid pid;
      int status;

      g_assert_true (
          g_spawn_async (NULL, argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, &error));
      g_assert_no_error (error);
      if (i == 0)
        {
          /* The first run goes until it has added a file: how long a writer takes to start on
           * this machine, as busy as it is, sets the range of the kills that follow. */
          gint64 start = g_get_monotonic_time ();

          while (!g_file_test (path, G_FILE_TEST_EXISTS) || file_sources (path) < 1)
            {
              g_assert_cmpint (g_get_monotonic_time () - start, <, 60 * G_USEC_PER_SEC);
              g_usleep (2000);
            }
          startup = g_get_monotonic_time () - start;
        }
      else
        /* From before the project is open to well into a run of transactions. */
        g_usleep (g_rand_int_range (rand, 0, startup + 60000));
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      if (WIFSIGNALED (status))
        killed_mid++;
      else
        g_assert_cmpint (WEXITSTATUS (status), ==, 0);
      g_spawn_close_pid (pid);

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        {
          /* Killed while the project was first saved: only the partial file may be there. */
          g_assert_cmpint (sources, ==, 0);
          continue;
        }
      {
        int now = check_file (path);

        g_assert_cmpint (now, >=, sources);
        sources = now;
      }
      /* And Cakupan opens it. */
      {
        g_autoptr (GFile) file = g_file_new_for_path (path);
        g_autoptr (CakProject) project
            = cak_project_open (file, cak_region_catalog_get_default (), NULL, &error);

        g_assert_no_error (error);
        g_assert_cmpint (cak_project_get_sources (project)->len, ==, sources);
      }
    }
  g_test_message ("%d kills (%d during work, within %" G_GINT64_FORMAT " ms of the start); %d "
                  "files added whole",
                  KILLS, killed_mid, (startup + 60000) / 1000, sources);
  g_assert_cmpint (sources, >, 10);
  cak_project_store_remove_files (path);
  cak_project_store_remove_files (partial);
  g_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/project/crash/kill", test_kill);
  return g_test_run ();
}
