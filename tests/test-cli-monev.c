/* test-cli-monev.c: --report and --slides of a project carry what its monev recorded
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <fcntl.h>
#include <locale.h>
#include <unistd.h>

#include "cak-cli.h"
#include "cak-project.h"
#include "chart-test-util.h"
#include "report-test-util.h"
#include "monev-test-util.h"

static int
run (const char *first, ...)
{
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  CakCliResult result = { 0 };
  va_list ap;
  int status, saved, null;

  g_ptr_array_add (args, (gpointer) "cakupan");
  va_start (ap, first);
  for (const char *a = first; a; a = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer)a);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  /* What the command prints is no test output */
  fflush (stdout);
  saved = dup (STDOUT_FILENO);
  null = open ("/dev/null", O_WRONLY);
  dup2 (null, STDOUT_FILENO);
  cak_cli_run (args->len - 1, (char **)args->pdata, &result);
  fflush (stdout);
  dup2 (saved, STDOUT_FILENO);
  close (saved);
  close (null);
  g_assert_false (result.is_gui);
  status = result.exit_status;
  cak_cli_result_clear (&result);
  return status;
}

static guint
count_pages (const char *path)
{
  g_autofree char *contents = NULL;
  const char *needle = "/Type /Page";
  gsize length, n = strlen (needle);
  guint pages = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  for (gsize i = 0; i + n < length; i++)
    if (memcmp (contents + i, needle, n) == 0 && contents[i + n] != 's')
      pages++;
  return pages;
}

/* A project with actions agreed at its last meeting and a checklist: its workbook has the two
 * sheets, its default deck the slides of the actions and the checklist; the sample file alone
 * has neither. */
static void
test_project (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cak-cli-monev-XXXXXX", NULL);
  g_autofree char *project_path = g_build_filename (dir, "monev.cakupan", NULL);
  g_autofree char *sample = g_build_filename (g_getenv ("CAKUPAN_SOURCE_DIR"), "data", "samples",
                                              "jatim-ilustratif-2022-2024.csv", NULL);
  g_autofree char *report = g_build_filename (dir, "monev.xlsx", NULL);
  g_autofree char *plain_report = g_build_filename (dir, "plain.xlsx", NULL);
  g_autofree char *deck = g_build_filename (dir, "deck.pdf", NULL);
  g_autofree char *plain_deck = g_build_filename (dir, "plain.pdf", NULL);
  g_autofree char *workbook = NULL;
  g_autofree char *plain_workbook = NULL;

  g_assert_cmpint (run ("--add", project_path, sample, NULL), ==, CAK_EXIT_OK);
  {
    g_autoptr (GFile) file = g_file_new_for_path (project_path);
    g_autoptr (GError) error = NULL;
    g_autoptr (CakProject) project
        = cak_project_open (file, cak_region_catalog_get_default (), NULL, &error);

    g_assert_no_error (error);
    /* Typed into the project, written through to its file */
    mtu_fill_monev (cak_project_get_monev (project), 8);
  }

  g_assert_cmpint (run ("--report", report, "--period", "2024-12", project_path, NULL), ==,
                   CAK_EXIT_OK);
  g_assert_cmpint (run ("--report", plain_report, "--period", "2024-12", sample, NULL), ==,
                   CAK_EXIT_OK);
  workbook = rtu_read_part (report, "xl/workbook.xml");
  plain_workbook = rtu_read_part (plain_report, "xl/workbook.xml");
  g_assert_nonnull (strstr (workbook, "<sheet name=\"Action Plan\""));
  g_assert_nonnull (strstr (workbook, "<sheet name=\"Inpres 2-2021\""));
  g_assert_null (strstr (plain_workbook, "Action Plan"));

  /* 8 actions at the last meeting: two slides, then the checklist's */
  g_assert_cmpint (run ("--slides", deck, "--period", "2024-12", project_path, NULL), ==,
                   CAK_EXIT_OK);
  g_assert_cmpint (run ("--slides", plain_deck, "--period", "2024-12", sample, NULL), ==,
                   CAK_EXIT_OK);
  g_assert_cmpuint (count_pages (deck), ==, count_pages (plain_deck) + 3);

  g_unlink (report);
  g_unlink (plain_report);
  g_unlink (deck);
  g_unlink (plain_deck);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/monev/project", test_project);
  return g_test_run ();
}
