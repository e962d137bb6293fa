/* project-writer.c: adds files to a project and changes its deck, on and on, until killed: the
 * writer that test-project-crash kills at random moments
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   project-writer PROJECT
 *
 * Each file added gives one figure for each of Jawa Timur's 38 regencies, for a month of its
 * own; each deck written has five slides that all carry the same number.
 */
#define G_LOG_DOMAIN "project-writer"

#include "config.h"

#include <string.h>

#include "cak-project.h"

int
main (int argc, char *argv[])
{
  CakRegionCatalog *catalog = cak_region_catalog_get_default ();
  g_autoptr (GFile) file = NULL;
  g_autoptr (CakProject) project = NULL;
  g_autoptr (GPtrArray) regencies = NULL;
  g_autoptr (GError) error = NULL;

  if (argc != 2)
    {
      g_printerr ("usage: project-writer PROJECT\n");
      return 2;
    }
  file = g_file_new_for_commandline_arg (argv[1]);
  if (g_file_query_exists (file, NULL))
    project = cak_project_open (file, catalog, NULL, &error);
  else
    {
      project = cak_project_new (catalog);
      if (!cak_project_save_as (project, file, &error))
        g_clear_object (&project);
    }
  if (project == NULL)
    {
      g_printerr ("project-writer: %s\n", error->message);
      return 1;
    }
  regencies = cak_region_catalog_list_regencies (catalog, "35");

  for (guint n = cak_project_get_sources (project)->len;; n++)
    {
      g_autoptr (GString) csv = g_string_new ("Kode,Periode,Peserta Aktif\n");
      g_autoptr (GBytes) bytes = NULL;
      g_autoptr (CakProjectImport) import = NULL;
      g_autofree char *name = g_strdup_printf ("bulan-%u.csv", n);

      for (guint i = 0; i < regencies->len; i++)
        {
          const CakRegion *region = g_ptr_array_index (regencies, i);

          g_string_append_printf (csv, "%s,%04u-%02u,%u\n", region->code, 1990 + n / 12, n % 12 + 1,
                                  1000 + n * 7 + i);
        }
      bytes = g_string_free_to_bytes (g_steal_pointer (&csv));
      import = cak_project_prepare_import_bytes (project, bytes, name, NULL, NULL, &error);
      if (import == NULL || !cak_project_commit_import (project, import, &error))
        {
          g_printerr ("project-writer: %s\n", error->message);
          return 1;
        }
      {
        g_autofree char *slide = g_strdup_printf ("title %u", n);
        const char *const deck[] = { slide, slide, slide, slide, slide, NULL };

        /* Written at once rather than by the autosave this loop gives no main loop to. */
        if (!cak_project_set_deck (project, deck, &error) || !cak_project_flush (project, &error))
          {
            g_printerr ("project-writer: %s\n", error->message);
            return 1;
          }
      }
    }
  return 0;
}
