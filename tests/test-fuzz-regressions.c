/* test-fuzz-regressions.c: every input fuzzing ever found, fed to the entry point that found it
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * tests/data/fuzz-regressions/<target>/ holds the inputs; <target> is a name of
 * cak_fuzz_targets (csv, xlsx, ods, xls, import, xlsx-xml, ods-xml). Each is run through the
 * same code as the harness (fuzz/cak-fuzz.c), which aborts on a broken promise; CI runs this
 * under AddressSanitizer and UBSan as well (build-asan).
 */
#define G_LOG_DOMAIN "test-fuzz-regressions"

#include "config.h"

#include <string.h>

#include "fuzz/cak-fuzz.h"

typedef struct
{
  const CakFuzzTarget *target;
  char *path;
} Case;

static void
case_free (gpointer data)
{
  Case *c = data;

  g_free (c->path);
  g_free (c);
}

static void
run_case (gconstpointer data)
{
  const Case *c = data;
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize size = 0;

  g_assert_true (g_file_get_contents (c->path, &contents, &size, &error));
  g_assert_no_error (error);
  c->target->run ((const guint8 *)contents, size);
}

static void
test_folders_are_targets (void)
{
  g_autofree char *root = g_test_build_filename (G_TEST_DIST, "data", "fuzz-regressions", NULL);
  g_autoptr (GDir) dir = g_dir_open (root, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  /* A folder named after no target would hold inputs that are never run. */
  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (root, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        g_assert_nonnull (cak_fuzz_target_find (name));
    }
}

int
main (int argc, char *argv[])
{
  g_autoptr (GPtrArray) cases = g_ptr_array_new_with_free_func (case_free);
  g_autofree char *root = NULL;

  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, NULL);
  root = g_test_build_filename (G_TEST_DIST, "data", "fuzz-regressions", NULL);

  g_test_add_func ("/fuzz-regressions/folders-are-targets", test_folders_are_targets);
  for (const CakFuzzTarget *t = cak_fuzz_targets; t->name; t++)
    {
      g_autofree char *folder = g_build_filename (root, t->name, NULL);
      g_autoptr (GDir) dir = g_dir_open (folder, 0, NULL);
      g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      while (dir && (name = g_dir_read_name (dir)))
        g_ptr_array_add (names, g_strdup (name));
      g_ptr_array_sort (names, (GCompareFunc)g_strcmp0);
      for (guint i = 0; i < names->len; i++)
        {
          Case *c = g_new0 (Case, 1);
          g_autofree char *test_path = NULL;

          c->target = t;
          c->path = g_build_filename (folder, names->pdata[i], NULL);
          g_ptr_array_add (cases, c);
          test_path
              = g_strdup_printf ("/fuzz-regressions/%s/%s", t->name, (const char *)names->pdata[i]);
          g_test_add_data_func (test_path, c, run_case);
        }
    }
  return g_test_run ();
}
