/* cak-cli.c: the command line, which needs no display
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cak-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "cak-cli.h"
#include "cak-import.h"
#include "cak-summary.h"

static int
run_summary (GStrv files, gboolean json, const char *period_text, const char *province_text,
             GStrv maps)
{
  g_autoptr (GPtrArray) column_map
      = g_ptr_array_new_with_free_func ((GDestroyNotify)cak_column_mapping_free);
  CakRegionCatalog *catalog = cak_region_catalog_get_default ();
  g_autoptr (CakDataset) dataset = cak_dataset_new (catalog);
  CakSummaryOptions options = { 0 };
  CakImportOptions import_options = { 0 };
  const CakRegion *province = NULL;
  g_autofree char *output = NULL;

  options.lang = cak_lang_from_environment ();
  options.period = CAK_PERIOD_INIT_NONE;
  import_options.default_period = CAK_PERIOD_INIT_NONE;

  if (period_text && g_ascii_strcasecmp (period_text, "all") == 0)
    options.all_periods = TRUE;
  else if (period_text && !cak_period_parse (period_text, &options.period))
    {
      g_printerr (_ ("cakupan: “%s” is not a period; write for example 2023-12, 2023-Q4, 2023 or "
                     "“Desember 2023”.\n"),
                  period_text);
      return CAK_EXIT_USAGE;
    }
  import_options.default_period = options.period;

  for (guint i = 0; maps && maps[i]; i++)
    {
      g_autoptr (GError) error = NULL;
      CakColumnMapping *mapping = NULL;

      if (!cak_import_parse_mapping (maps[i], &mapping, &error))
        {
          g_printerr ("cakupan: %s\n", error->message);
          return CAK_EXIT_USAGE;
        }
      g_ptr_array_add (column_map, mapping);
    }
  import_options.column_map = column_map;

  if (province_text)
    {
      g_autoptr (GPtrArray) candidates = NULL;

      if (cak_region_catalog_match (catalog, province_text, CAK_REGION_KIND_PROVINCE, NULL,
                                    &province, &candidates)
              != CAK_MATCH_FOUND
          || province->kind != CAK_REGION_KIND_PROVINCE)
        {
          g_printerr (_ ("cakupan: “%s” is not a province; give its code (35) or its name (Jawa "
                         "Timur).\n"),
                      province_text);
          return CAK_EXIT_USAGE;
        }
      options.province_code = province->code;
    }

  for (guint i = 0; files[i]; i++)
    {
      g_autoptr (GFile) file = g_file_new_for_commandline_arg (files[i]);
      g_autoptr (GError) error = NULL;

      if (!cak_import_file (dataset, file, &import_options, NULL, &error))
        {
          g_printerr ("cakupan: %s\n", error->message);
          return CAK_EXIT_INPUT;
        }
    }

  if (cak_period_is_valid (options.period))
    {
      g_autoptr (GArray) periods = cak_dataset_get_reporting_periods (dataset);
      gboolean found = FALSE;

      for (guint i = 0; i < periods->len && !found; i++)
        found = cak_period_equal (g_array_index (periods, CakPeriod, i), options.period);
      if (!found)
        {
          g_autofree char *name = cak_period_format (options.period, options.lang);

          g_printerr (_ ("cakupan: the files hold no participant figures for %s.\n"), name);
          return CAK_EXIT_INPUT;
        }
    }

  output = json ? cak_summary_to_json (dataset, &options) : cak_summary_to_text (dataset, &options);
  fputs (output, stdout);
  fflush (stdout);
  return CAK_EXIT_OK;
}

/**
 * cak_cli_run:
 *
 * Parses the command line. Commands that need no window (--summary, --version, --help) run
 * here; otherwise @out_result says to open the window on the files given.
 */
void
cak_cli_run (int argc, char **argv, CakCliResult *out_result)
{
  gboolean summary = FALSE, json = FALSE, version = FALSE;
  g_autofree char *period = NULL;
  g_autofree char *province = NULL;
  g_auto (GStrv) files = NULL;
  g_auto (GStrv) maps = NULL;
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  GOptionEntry entries[] = {
    { "summary", 's', 0, G_OPTION_ARG_NONE, &summary,
      N_ ("Import the files, print coverage by regency and exit"), NULL },
    { "json", 'j', 0, G_OPTION_ARG_NONE, &json, N_ ("With --summary, print JSON"), NULL },
    { "period", 'p', 0, G_OPTION_ARG_STRING, &period,
      N_ ("The period to show (2023-12, 2023-Q4, 2023 or “all”); the latest by default"),
      N_ ("PERIOD") },
    { "province", 0, 0, G_OPTION_ARG_STRING, &province, N_ ("Only this province, by code or name"),
      N_ ("PROVINCE") },
    { "map", 'm', 0, G_OPTION_ARG_STRING_ARRAY, &maps,
      N_ ("Read the column with this header as ROLE (region, region-code, period, workforce, "
          "participants, pu, bpu, jakon, pmi, target, coverage, measure, value, segment, status, "
          "ignore); may be repeated"),
      N_ ("HEADER=ROLE") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_ ("Print the version and exit"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_ ("FILE…") },
    { NULL },
  };

  g_return_if_fail (out_result != NULL);

  memset (out_result, 0, sizeof *out_result);
  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                _ ("Coverage of the workforce by BPJS Ketenagakerjaan, regency by "
                                   "regency.\nWithout options, opens the window on the files."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("cakupan: %s\n", error->message);
      g_printerr (_ ("Run “cakupan --help” to see the options.\n"));
      out_result->exit_status = CAK_EXIT_USAGE;
      return;
    }

  if (version)
    {
      g_print ("cakupan %s\n", PACKAGE_VERSION);
      out_result->exit_status = CAK_EXIT_OK;
      return;
    }

  if (!summary)
    {
      if (json || period || province || maps)
        {
          g_printerr (_ ("cakupan: --json, --period, --province and --map go with --summary.\n"));
          out_result->exit_status = CAK_EXIT_USAGE;
          return;
        }
      out_result->is_gui = TRUE;
      out_result->files = g_steal_pointer (&files);
      return;
    }

  if (files == NULL || files[0] == NULL)
    {
      g_printerr (_ ("cakupan: --summary needs at least one file.\n"));
      out_result->exit_status = CAK_EXIT_USAGE;
      return;
    }
  out_result->exit_status = run_summary (files, json, period, province, maps);
}

void
cak_cli_result_clear (CakCliResult *result)
{
  g_return_if_fail (result != NULL);

  g_clear_pointer (&result->files, g_strfreev);
}
