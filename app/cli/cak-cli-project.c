/* cak-cli-project.c: --add, files into a project
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cak-cli-project"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cak-cli-private.h"
#include "cak-number.h"
#include "cak-project.h"
#include "cak-summary.h"

static void
print_conflicts (CakProjectImport *import, CakLang lang)
{
  GArray *conflicts = cak_project_import_get_conflicts (import);

  for (guint i = 0; i < conflicts->len; i++)
    {
      const CakConflict *c = &g_array_index (conflicts, CakConflict, i);
      g_autofree char *period = cak_period_format (c->period, lang);
      g_autofree char *held
          = cak_number_format (c->held.value, c->held.value == (gint64)c->held.value ? 0 : 2, lang);
      g_autofree char *incoming = cak_number_format (
          c->incoming.value, c->incoming.value == (gint64)c->incoming.value ? 0 : 2, lang);
      g_autofree char *where_held = cak_source_describe (&c->held.source, TRUE);
      g_autofree char *where_new = cak_source_describe (&c->incoming.source, TRUE);

      if (c->choice == CAK_CONFLICT_REPLACE)
        g_print (_ ("Conflict: %s, %s, %s: %s (%s) replaces %s (%s), which is kept, not used.\n"),
                 c->region->name, period, cak_measure_get_label (c->measure), incoming, where_new,
                 held, where_held);
      else
        g_print (_ ("Conflict: %s, %s, %s: %s (%s) is kept; %s (%s) is kept too, not used.\n"),
                 c->region->name, period, cak_measure_get_label (c->measure), held, where_held,
                 incoming, where_new);
    }
}

/**
 * cak_cli_run_add:
 * @project_path: the .cakupan file, created when absent
 * @replace: settle conflicts with the new files' figures rather than keep those held
 *
 * --add: reads every file first, so that a file that cannot be read leaves the project
 * unchanged; then adds them in order, each in one transaction, and prints each one's import
 * report and conflicts.
 */
/* A target as --target writes it, "35:2025=32,15", "35.05:2025-06=30.5", "35.05:2025=-" (removes
 * the one typed) or "35=rkp-2026" (a preset), read into @t; FALSE after saying why. */
typedef struct
{
  const CakRegion *region;
  CakPeriod period;
  double pct;
  const char *note;
} TargetArg;

static gboolean
parse_target (const char *text, TargetArg *t)
{
  CakRegionCatalog *catalog = cak_region_catalog_get_default ();
  g_auto (GStrv) sides = g_strsplit (text, "=", 2);
  g_auto (GStrv) where = NULL;
  guint n_presets;
  const CakTargetPreset *presets = cak_target_presets (&n_presets);

  if (g_strv_length (sides) != 2)
    goto bad;
  where = g_strsplit (g_strstrip (sides[0]), ":", 2);
  t->region = where[0] ? cak_region_catalog_lookup_code (catalog, g_strstrip (where[0])) : NULL;
  if (t->region == NULL)
    {
      g_printerr (_ ("cakupan: “%s” in --target is not a region code (write 35 for a province, "
                     "35.05 for a regency).\n"),
                  where[0] ? where[0] : "");
      return FALSE;
    }
  g_strstrip (sides[1]);
  t->note = NULL;
  for (guint i = 0; i < n_presets; i++)
    if (g_ascii_strcasecmp (sides[1], presets[i].id) == 0)
      {
        t->period = cak_period_year (presets[i].year);
        t->pct = presets[i].pct;
        t->note = presets[i].id;
        return where[1] == NULL;
      }
  if (where[1] == NULL || !cak_period_parse (g_strstrip (where[1]), &t->period))
    goto bad;
  if (strcmp (sides[1], "-") == 0)
    t->pct = NAN;
  else
    {
      g_autofree char *number = g_strdelimit (g_strdup (sides[1]), ",", '.');
      char *end = NULL;

      t->pct = g_ascii_strtod (number, &end);
      if (end == number || *end != '\0' || isnan (t->pct))
        goto bad;
    }
  return TRUE;

bad:
  g_printerr (_ ("cakupan: write --target as REGION:YEAR=PERCENT (35:2025=32,15), "
                 "REGION:YEAR=- to remove a target, or REGION=PRESET (35=rkp-2026); “%s” is "
                 "none of these.\n"),
              text);
  return FALSE;
}

/* --target: typed targets into @project, each kept at once. */
static int
set_targets (CakProject *project, GStrv targets, CakLang lang)
{
  CakMonev *monev = cak_project_get_monev (project);

  for (guint i = 0; targets && targets[i]; i++)
    {
      TargetArg t = { 0 };
      g_autoptr (GError) error = NULL;
      g_autofree char *period = NULL;

      if (!parse_target (targets[i], &t))
        return CAK_EXIT_USAGE;
      if (!cak_monev_set_target (monev, t.region, t.period, t.pct, t.note, &error))
        {
          g_printerr ("cakupan: %s\n", error->message);
          return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT) ? CAK_EXIT_USAGE
                                                                                  : CAK_EXIT_INPUT;
        }
      period = cak_period_format (t.period, lang);
      if (isnan (t.pct))
        /* TRANSLATORS: a region and a period, such as "Jawa Timur, 2025" */
        g_print (_ ("%s, %s: the typed target was removed.\n"), t.region->name, period);
      else
        {
          g_autofree char *pct = cak_number_format_percent (t.pct, 2, lang);

          /* TRANSLATORS: a region, a period and a percentage */
          g_print (_ ("%s, %s: target %s.\n"), t.region->name, period, pct);
        }
    }
  return CAK_EXIT_OK;
}

int
cak_cli_run_add (const char *project_path, GStrv files, gboolean replace, const char *period_text,
                 GStrv maps, GStrv targets)
{
  g_autoptr (GFile) file = g_file_new_for_commandline_arg (project_path);
  g_autoptr (CakProject) project = NULL;
  g_autoptr (GPtrArray) imports
      = g_ptr_array_new_with_free_func ((GDestroyNotify)cak_project_import_free);
  g_autoptr (GPtrArray) column_map = NULL;
  g_autoptr (GError) error = NULL;
  CakRegionCatalog *catalog = cak_region_catalog_get_default ();
  CakImportOptions options = { 0 };
  CakLang lang = cak_lang_from_environment ();
  gboolean created = FALSE;
  int status;

  options.default_period = CAK_PERIOD_INIT_NONE;
  if (period_text && !cak_period_parse (period_text, &options.default_period))
    {
      g_printerr (_ ("cakupan: “%s” is not a period; write for example 2023-12, 2023-Q4, 2023 or "
                     "“Desember 2023”.\n"),
                  period_text);
      return CAK_EXIT_USAGE;
    }
  if (!cak_cli_parse_maps (maps, &column_map))
    return CAK_EXIT_USAGE;
  options.column_map = column_map;

  if (g_file_query_exists (file, NULL))
    project = cak_project_open (file, catalog, NULL, &error);
  else
    {
      project = cak_project_new (catalog);
      created = TRUE;
    }
  if (project == NULL)
    {
      g_printerr ("cakupan: %s\n", error->message);
      return CAK_EXIT_INPUT;
    }

  /* Every --target is read before anything changes: a wrong one leaves the project as it was. */
  for (guint i = 0; targets && targets[i]; i++)
    {
      TargetArg t;

      if (!parse_target (targets[i], &t))
        return CAK_EXIT_USAGE;
    }

  for (guint i = 0; files && files[i]; i++)
    {
      g_autoptr (GFile) input = g_file_new_for_commandline_arg (files[i]);
      CakProjectImport *import;
      GArray *conflicts;

      import = cak_project_prepare_import (project, input, &options, NULL, &error);
      if (import == NULL)
        {
          g_printerr ("cakupan: %s\n", error->message);
          g_printerr (_ ("cakupan: nothing was added to “%s”.\n"), project_path);
          return CAK_EXIT_INPUT;
        }
      conflicts = cak_project_import_get_conflicts (import);
      for (guint k = 0; k < conflicts->len; k++)
        g_array_index (conflicts, CakConflict, k).choice
            = replace ? CAK_CONFLICT_REPLACE : CAK_CONFLICT_KEEP;
      g_ptr_array_add (imports, import);
    }

  if (created && !cak_project_save_as (project, file, &error))
    {
      g_printerr ("cakupan: %s\n", error->message);
      return CAK_EXIT_INPUT;
    }

  for (guint i = 0; i < imports->len; i++)
    {
      CakProjectImport *import = g_ptr_array_index (imports, i);
      g_autofree char *report = NULL;
      g_autofree char *name = g_path_get_basename (files[i]);

      if (cak_project_import_is_duplicate (import))
        {
          g_print (
              _ ("%s: the project already holds this file (added as “%s”); nothing changed.\n"),
              name, cak_project_import_get_duplicate_of (import));
          continue;
        }
      /* Files read before the earlier ones of this run were added are compared again. */
      if (i > 0)
        {
          GArray *conflicts;

          cak_project_refresh_import (project, import);
          if (cak_project_import_is_duplicate (import))
            {
              g_print (_ ("%s: the project already holds this file (added as “%s”); nothing "
                          "changed.\n"),
                       name, cak_project_import_get_duplicate_of (import));
              continue;
            }
          conflicts = cak_project_import_get_conflicts (import);
          for (guint k = 0; k < conflicts->len; k++)
            g_array_index (conflicts, CakConflict, k).choice
                = replace ? CAK_CONFLICT_REPLACE : CAK_CONFLICT_KEEP;
        }
      if (!cak_project_commit_import (project, import, &error))
        {
          g_printerr ("cakupan: %s\n", error->message);
          return CAK_EXIT_INPUT;
        }
      report = cak_summary_report_to_text (cak_project_import_get_dataset (import));
      fputs (report, stdout);
      g_print (g_dngettext (GETTEXT_PACKAGE, "%s: %u new figure added.\n",
                            "%s: %u new figures added.\n", cak_project_import_count_new (import)),
               name, cak_project_import_count_new (import));
      print_conflicts (import, lang);
    }
  status = set_targets (project, targets, lang);
  fflush (stdout);
  return status;
}
