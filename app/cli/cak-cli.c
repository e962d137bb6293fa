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

#include "cak-chart.h"
#include "cak-cli-private.h"
#include "cak-import.h"
#include "cak-project.h"
#include "cak-report.h"
#include "cak-summary.h"

/* What both commands read: the files, the period, the province. */
typedef struct
{
  CakDataset *dataset;
  CakLang lang;
  CakPeriod period; /* invalid: the latest */
  CakPeriod compare;
  gboolean all_periods;
  const CakRegion *province;
  CakProject *project; /* when a .cakupan file is among the inputs */
} Input;

static void
input_clear (Input *input)
{
  g_clear_object (&input->dataset);
  g_clear_object (&input->project);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Input, input_clear)

static gboolean
parse_period (const char *text, CakPeriod *out)
{
  if (cak_period_parse (text, out))
    return TRUE;
  g_printerr (_ ("cakupan: “%s” is not a period; write for example 2023-12, 2023-Q4, 2023 or "
                 "“Desember 2023”.\n"),
              text);
  return FALSE;
}

static gboolean
has_period (CakDataset *dataset, CakPeriod period, CakLang lang)
{
  g_autoptr (GArray) periods = cak_dataset_get_reporting_periods (dataset);

  for (guint i = 0; i < periods->len; i++)
    if (cak_period_equal (g_array_index (periods, CakPeriod, i), period))
      return TRUE;
  {
    g_autofree char *name = cak_period_format (period, lang);

    g_printerr (_ ("cakupan: the files hold no participant figures for %s.\n"), name);
  }
  return FALSE;
}

/**
 * cak_cli_parse_maps:
 * @out_map: (out) (element-type CakColumnMapping): the mappings
 *
 * Reads --map's "HEADER=ROLE" values; says why on stderr when one is wrong.
 */
gboolean
cak_cli_parse_maps (GStrv maps, GPtrArray **out_map)
{
  g_autoptr (GPtrArray) column_map
      = g_ptr_array_new_with_free_func ((GDestroyNotify)cak_column_mapping_free);

  for (guint i = 0; maps && maps[i]; i++)
    {
      g_autoptr (GError) error = NULL;
      CakColumnMapping *mapping = NULL;

      if (!cak_import_parse_mapping (maps[i], &mapping, &error))
        {
          g_printerr ("cakupan: %s\n", error->message);
          return FALSE;
        }
      g_ptr_array_add (column_map, mapping);
    }
  *out_map = g_steal_pointer (&column_map);
  return TRUE;
}

static int
load_input (GStrv files, const char *period_text, const char *compare_text,
            const char *province_text, GStrv maps, Input *input)
{
  g_autoptr (GPtrArray) column_map = NULL;
  CakRegionCatalog *catalog = cak_region_catalog_get_default ();
  CakImportOptions import_options = { 0 };

  input->lang = cak_lang_from_environment ();
  input->period = input->compare = CAK_PERIOD_INIT_NONE;
  import_options.default_period = CAK_PERIOD_INIT_NONE;

  if (period_text && g_ascii_strcasecmp (period_text, "all") == 0)
    input->all_periods = TRUE;
  else if (period_text && !parse_period (period_text, &input->period))
    return CAK_EXIT_USAGE;
  if (compare_text && !parse_period (compare_text, &input->compare))
    return CAK_EXIT_USAGE;
  import_options.default_period = input->period;

  if (!cak_cli_parse_maps (maps, &column_map))
    return CAK_EXIT_USAGE;
  import_options.column_map = column_map;

  if (province_text)
    {
      g_autoptr (GPtrArray) candidates = NULL;

      if (cak_region_catalog_match (catalog, province_text, CAK_REGION_KIND_PROVINCE, NULL,
                                    &input->province, &candidates)
              != CAK_MATCH_FOUND
          || input->province->kind != CAK_REGION_KIND_PROVINCE)
        {
          g_printerr (_ ("cakupan: “%s” is not a province; give its code (35) or its name (Jawa "
                         "Timur).\n"),
                      province_text);
          return CAK_EXIT_USAGE;
        }
    }

  /* A project comes first: its figures, then the files given beside it (not saved into it). */
  for (guint i = 0; files[i]; i++)
    {
      g_autoptr (GFile) file = g_file_new_for_commandline_arg (files[i]);
      g_autoptr (GError) error = NULL;

      if (!cak_project_is_project_file (file))
        continue;
      if (input->project)
        {
          g_printerr (_ ("cakupan: give one project at a time (“%s” and “%s”).\n"),
                      g_file_peek_path (cak_project_get_file (input->project)), files[i]);
          return CAK_EXIT_USAGE;
        }
      input->project = cak_project_open (file, catalog, NULL, &error);
      if (input->project == NULL)
        {
          g_printerr ("cakupan: %s\n", error->message);
          return CAK_EXIT_INPUT;
        }
    }
  input->dataset = input->project ? g_object_ref (cak_project_get_dataset (input->project))
                                  : cak_dataset_new (catalog);

  for (guint i = 0; files[i]; i++)
    {
      g_autoptr (GFile) file = g_file_new_for_commandline_arg (files[i]);
      g_autoptr (GError) error = NULL;

      if (input->project && g_file_equal (file, cak_project_get_file (input->project)))
        continue;
      if (!cak_import_file (input->dataset, file, &import_options, NULL, &error))
        {
          g_printerr ("cakupan: %s\n", error->message);
          return CAK_EXIT_INPUT;
        }
    }

  if (cak_period_is_valid (input->period)
      && !has_period (input->dataset, input->period, input->lang))
    return CAK_EXIT_INPUT;
  if (cak_period_is_valid (input->compare)
      && !has_period (input->dataset, input->compare, input->lang))
    return CAK_EXIT_INPUT;
  return CAK_EXIT_OK;
}

static int
run_summary (GStrv files, gboolean json, const char *period_text, const char *province_text,
             GStrv maps)
{
  g_auto (Input) input = { 0 };
  CakSummaryOptions options = { 0 };
  g_autofree char *output = NULL;
  int status = load_input (files, period_text, NULL, province_text, maps, &input);

  if (status != CAK_EXIT_OK)
    return status;
  options.lang = input.lang;
  options.period = input.period;
  options.all_periods = input.all_periods;
  options.province_code = input.province ? input.province->code : NULL;
  options.monev = input.project ? cak_project_get_monev (input.project) : NULL;
  output = json ? cak_summary_to_json (input.dataset, &options)
                : cak_summary_to_text (input.dataset, &options);
  fputs (output, stdout);
  fflush (stdout);
  return CAK_EXIT_OK;
}

static gboolean
parse_size (const char *text, double *out_width, double *out_height)
{
  unsigned int w = 0, h = 0;
  char x = 0, rest = 0;

  if (sscanf (text, "%u%c%u%c", &w, &x, &h, &rest) != 3 || (x != 'x' && x != 'X'))
    return FALSE;
  *out_width = w;
  *out_height = h;
  return TRUE;
}

static char *
describe_sources (GStrv files)
{
  g_autoptr (GString) out = g_string_new (NULL);

  for (guint i = 0; files[i]; i++)
    {
      g_autofree char *base = g_path_get_basename (files[i]);

      if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, base);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The period (the latest by default), the comparison (a year earlier by default) and the
 * province: the one given, the only one in the files, or the whole country. */
static int
resolve_scope (Input *input, CakPeriod *out_period, CakPeriod *out_compare,
               const char **out_province_code)
{
  *out_period = cak_summary_resolve_period (input->dataset, input->period);
  if (!cak_period_is_valid (*out_period))
    {
      g_printerr (_ ("cakupan: the files hold no figures to draw.\n"));
      return CAK_EXIT_INPUT;
    }
  *out_compare = cak_period_is_valid (input->compare)
                     ? input->compare
                     : cak_chart_default_compare (input->dataset, *out_period);
  *out_province_code = NULL;
  if (input->province)
    *out_province_code = input->province->code;
  else
    {
      g_autoptr (GPtrArray) provinces = cak_dataset_get_provinces (input->dataset);

      /* One province in the files: its chart; several: the whole country. */
      if (provinces->len == 1)
        *out_province_code = ((const CakRegion *)g_ptr_array_index (provinces, 0))->code;
    }
  return CAK_EXIT_OK;
}

/* --peer: a province by code or name, or the whole country, beside the one shown */
static int
set_peer (CakChartData *data, CakDataset *dataset, const char *peer_text)
{
  CakRegionCatalog *catalog = cak_dataset_get_catalog (dataset);
  const char *code = NULL;

  if (g_ascii_strcasecmp (peer_text, "indonesia") == 0
      || g_ascii_strcasecmp (peer_text, CAK_CHART_PEER_COUNTRY) == 0)
    code = CAK_CHART_PEER_COUNTRY;
  else
    {
      g_autoptr (GPtrArray) candidates = NULL;
      const CakRegion *region = NULL;

      if (cak_region_catalog_match (catalog, peer_text, CAK_REGION_KIND_PROVINCE, NULL, &region,
                                    &candidates)
              != CAK_MATCH_FOUND
          || region->kind != CAK_REGION_KIND_PROVINCE)
        {
          g_printerr (_ ("cakupan: “%s” is not a province; give its code (33), its name (Jawa "
                         "Tengah) or “indonesia”.\n"),
                      peer_text);
          return CAK_EXIT_USAGE;
        }
      code = region->code;
    }
  if (!cak_chart_data_set_peer (data, dataset, code))
    {
      g_printerr (_ ("cakupan: there is nothing to put “%s” beside: it is the place shown, or the "
                     "files hold no figures of it.\n"),
                  peer_text);
      return CAK_EXIT_INPUT;
    }
  return CAK_EXIT_OK;
}

static int
run_chart (GStrv files, const char *kind_text, const char *output, const char *size_text,
           double scale, const char *theme_text, const char *period_text, const char *compare_text,
           const char *province_text, const char *peer_text, gboolean by_province, GStrv maps)
{
  g_autoptr (CakChartData) data = NULL;
  g_autoptr (GError) error = NULL;
  CakChartKind kind;
  CakChartThemeKind theme_kind = CAK_CHART_THEME_LIGHT;
  CakChartTheme theme;
  double width = 1920, height = 1080;
  int status;

  if (!cak_chart_kind_from_id (kind_text, &kind))
    {
      g_printerr (_ ("cakupan: “%s” is not a chart; choose ranking, coverage-workforce, segments, "
                     "trend, scatter, change or kpi.\n"),
                  kind_text);
      return CAK_EXIT_USAGE;
    }
  if (output == NULL)
    {
      g_printerr (_ ("cakupan: --chart needs --output FILE.png, .svg or .pdf.\n"));
      return CAK_EXIT_USAGE;
    }
  if (size_text && !parse_size (size_text, &width, &height))
    {
      g_printerr (_ ("cakupan: “%s” is not a size; write it as WIDTHxHEIGHT, for example "
                     "1920x1080.\n"),
                  size_text);
      return CAK_EXIT_USAGE;
    }
  if (theme_text && !cak_chart_theme_kind_from_name (theme_text, &theme_kind))
    {
      g_printerr (_ ("cakupan: “%s” is not a theme; choose light, dark, projector or "
                     "projector-dark.\n"),
                  theme_text);
      return CAK_EXIT_USAGE;
    }
  if (period_text && g_ascii_strcasecmp (period_text, "all") == 0)
    {
      g_printerr (_ ("cakupan: a chart shows one period; give it as 2023-12, 2023-Q4 or 2023.\n"));
      return CAK_EXIT_USAGE;
    }
  if (peer_text && kind != CAK_CHART_KPI && kind != CAK_CHART_TREND)
    {
      g_printerr (_ ("cakupan: --peer goes with --chart kpi, --chart trend or --slides.\n"));
      return CAK_EXIT_USAGE;
    }
  status = cak_cli_load_chart_data_and_deck (files, period_text, compare_text, province_text,
                                             peer_text, by_province, maps, &data, NULL, NULL);
  if (status != CAK_EXIT_OK)
    return status;
  cak_chart_theme_init (&theme, theme_kind);
  if (!cak_chart_export (kind, data, &theme, output, width, height, scale, &error))
    {
      g_printerr ("cakupan: %s\n", error->message);
      return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED)
                     || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT)
                 ? CAK_EXIT_USAGE
                 : CAK_EXIT_INPUT;
    }
  return CAK_EXIT_OK;
}

/* The agency and the signature block, when the window's settings are installed. */
static GSettings *
open_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema
      = source ? g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE) : NULL;

  return schema ? g_settings_new_full (schema, NULL, NULL) : NULL;
}

static int
run_report (GStrv files, const char *output, const char *period_text, const char *compare_text,
            const char *province_text, GStrv maps)
{
  g_auto (Input) input = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (GSettings) settings = NULL;
  g_autofree char *sources = NULL;
  g_autofree char *agency = NULL, *place = NULL, *position = NULL, *name = NULL, *nip = NULL;
  CakReportOptions options = { 0 };
  gboolean csv;
  int status;

  csv = g_str_has_suffix (output, ".csv") || g_str_has_suffix (output, ".CSV");
  if (!csv && !g_str_has_suffix (output, ".xlsx") && !g_str_has_suffix (output, ".XLSX"))
    {
      g_printerr (_ ("cakupan: --report writes a workbook (.xlsx) or the regency table (.csv); "
                     "“%s” is neither.\n"),
                  output);
      return CAK_EXIT_USAGE;
    }
  if (period_text && g_ascii_strcasecmp (period_text, "all") == 0)
    {
      g_printerr (_ ("cakupan: a report covers one period; give it as 2023-12, 2023-Q4 or "
                     "2023.\n"));
      return CAK_EXIT_USAGE;
    }
  status = load_input (files, period_text, compare_text, province_text, maps, &input);
  if (status != CAK_EXIT_OK)
    return status;
  status = resolve_scope (&input, &options.period, &options.compare, &options.province_code);
  if (status != CAK_EXIT_OK)
    return status;

  sources = describe_sources (files);
  options.lang = input.lang;
  options.sources = sources;
  options.monev = input.project ? cak_project_get_monev (input.project) : NULL;
  if ((settings = open_settings ()))
    {
      options.agency = agency = g_settings_get_string (settings, "agency-name");
      options.place = place = g_settings_get_string (settings, "signature-place");
      options.signer_position = position = g_settings_get_string (settings, "signature-position");
      options.signer_name = name = g_settings_get_string (settings, "signature-name");
      options.signer_nip = nip = g_settings_get_string (settings, "signature-nip");
    }
  if (!(csv ? cak_report_write_csv (input.dataset, &options, output, &error)
            : cak_report_write (input.dataset, &options, output, NULL, NULL, NULL, &error)))
    {
      g_printerr ("cakupan: %s\n", error->message);
      return CAK_EXIT_INPUT;
    }
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
  g_autofree char *chart = NULL;
  g_autofree char *report = NULL;
  g_autofree char *output = NULL;
  g_autofree char *size = NULL;
  g_autofree char *theme = NULL;
  g_autofree char *compare = NULL;
  double scale = 1;
  g_autofree char *period = NULL;
  g_autofree char *province = NULL;
  g_autofree char *peer = NULL;
  g_autofree char *slides = NULL;
  g_autofree char *agency = NULL;
  g_autofree char *add = NULL;
  gboolean replace = FALSE;
  g_auto (GStrv) targets = NULL;
  g_autofree char *level = NULL;
  gboolean by_province = FALSE;
  g_auto (GStrv) files = NULL;
  g_auto (GStrv) maps = NULL;
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  GOptionEntry entries[] = {
    { "summary", 's', 0, G_OPTION_ARG_NONE, &summary,
      N_ ("Import the files, print coverage by regency and exit"), NULL },
    { "json", 'j', 0, G_OPTION_ARG_NONE, &json, N_ ("With --summary, print JSON"), NULL },
    { "chart", 0, 0, G_OPTION_ARG_STRING, &chart,
      N_ ("Draw a chart and exit: ranking, coverage-workforce, segments, trend, scatter, change, "
          "kpi, map or tilemap"),
      N_ ("KIND") },
    { "report", 'r', 0, G_OPTION_ARG_FILENAME, &report,
      N_ ("Write the monitoring-and-evaluation workbook (.xlsx) or the regency table (.csv) and "
          "exit"),
      N_ ("FILE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_ ("With --chart, the file to write: .png, .svg or .pdf"), N_ ("FILE") },
    { "size", 0, 0, G_OPTION_ARG_STRING, &size,
      N_ ("With --chart, the size in pixels (1920x1080 by default)"), N_ ("WxH") },
    { "scale", 0, 0, G_OPTION_ARG_DOUBLE, &scale,
      N_ ("With --chart, pixels per point of a PNG (2 for HiDPI)"), N_ ("N") },
    { "theme", 0, 0, G_OPTION_ARG_STRING, &theme,
      N_ ("With --chart or --slides, the colours: light, dark, projector or projector-dark"),
      N_ ("THEME") },
    { "compare", 0, 0, G_OPTION_ARG_STRING, &compare,
      N_ ("With --chart, the earlier period to measure change from; a year before by default"),
      N_ ("PERIOD") },
    { "period", 'p', 0, G_OPTION_ARG_STRING, &period,
      N_ ("The period to show (2023-12, 2023-Q4, 2023 or “all”); the latest by default"),
      N_ ("PERIOD") },
    { "province", 0, 0, G_OPTION_ARG_STRING, &province, N_ ("Only this province, by code or name"),
      N_ ("PROVINCE") },
    { "peer", 0, 0, G_OPTION_ARG_STRING, &peer,
      N_ ("With --chart kpi, --chart trend or --slides, put this province (by code or name) or "
          "“indonesia” beside the one shown, for comparison"),
      N_ ("PROVINCE") },
    { "map", 'm', 0, G_OPTION_ARG_STRING_ARRAY, &maps,
      N_ ("Read the column with this header as ROLE (region, region-code, period, workforce, "
          "participants, pu, bpu, jakon, pmi, target, coverage, measure, value, segment, status, "
          "province, ignore); may be repeated"),
      N_ ("HEADER=ROLE") },
    { "slides", 0, 0, G_OPTION_ARG_FILENAME, &slides,
      N_ ("Write the default presentation and exit: a PDF, or one PNG per slide for FILE.png"),
      N_ ("FILE") },
    { "level", 0, 0, G_OPTION_ARG_STRING, &level,
      N_ ("With --chart or --slides of the whole country: “province” compares the provinces, "
          "“regency” (the default) every regency and city"),
      N_ ("LEVEL") },
    { "agency", 0, 0, G_OPTION_ARG_STRING, &agency,
      N_ ("With --slides, the agency named on the title slide"), N_ ("TEXT") },
    { "add", 0, 0, G_OPTION_ARG_FILENAME, &add,
      N_ ("Add the files to a project (a .cakupan file, created when absent), print each one’s "
          "import report and exit"),
      N_ ("PROJECT") },
    { "target", 0, 0, G_OPTION_ARG_STRING_ARRAY, &targets,
      N_ ("With --add, type a coverage target into the project: 35:2025=32,15 for a province, "
          "35.05:2025=30 for a regency, 35:2025=- to remove one, 35=rkp-2026 for a preset"),
      N_ ("REGION:YEAR=PERCENT") },
    { "replace", 0, 0, G_OPTION_ARG_NONE, &replace,
      N_ ("With --add, use a new file’s figure where it differs from the one the project holds "
          "(both are kept); without it the figure held is used"),
      NULL },
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

  if (level)
    {
      if (g_ascii_strcasecmp (level, "province") == 0
          || g_ascii_strcasecmp (level, "provinsi") == 0)
        by_province = TRUE;
      else if (g_ascii_strcasecmp (level, "regency") != 0
               && g_ascii_strcasecmp (level, "kabupaten") != 0)
        {
          g_printerr (_ ("cakupan: “%s” is not a level; choose province or regency.\n"), level);
          out_result->exit_status = CAK_EXIT_USAGE;
          return;
        }
      if (!chart && !slides)
        {
          g_printerr (_ ("cakupan: --level goes with --chart or --slides.\n"));
          out_result->exit_status = CAK_EXIT_USAGE;
          return;
        }
      if (by_province && province)
        {
          g_printerr (_ ("cakupan: --level province compares the provinces of the whole "
                         "country; it does not go with --province.\n"));
          out_result->exit_status = CAK_EXIT_USAGE;
          return;
        }
    }
  if (targets && !add)
    {
      g_printerr (_ ("cakupan: --target goes with --add PROJECT.\n"));
      out_result->exit_status = CAK_EXIT_USAGE;
      return;
    }
  if (replace && !add)
    {
      g_printerr (_ ("cakupan: --replace goes with --add.\n"));
      out_result->exit_status = CAK_EXIT_USAGE;
      return;
    }
  if (add)
    {
      if (summary || chart || report || slides || json || output || compare || province)
        {
          g_printerr (_ ("cakupan: --add goes alone, with --period, --map and --replace.\n"));
          out_result->exit_status = CAK_EXIT_USAGE;
          return;
        }
      if ((files == NULL || files[0] == NULL) && targets == NULL)
        {
          g_printerr (_ ("cakupan: --add needs a project and at least one file or --target.\n"));
          out_result->exit_status = CAK_EXIT_USAGE;
          return;
        }
      out_result->exit_status = cak_cli_run_add (add, files, replace, period, maps, targets);
      return;
    }
  if ((summary ? 1 : 0) + (chart ? 1 : 0) + (report ? 1 : 0) > 1)
    {
      g_printerr (_ ("cakupan: choose one of --summary, --chart and --report.\n"));
      out_result->exit_status = CAK_EXIT_USAGE;
      return;
    }
  if (slides && (summary || chart || report || output || scale != 1))
    {
      g_printerr (_ ("cakupan: --slides goes without --summary, --chart, --output and --scale.\n"));
      out_result->exit_status = CAK_EXIT_USAGE;
      return;
    }
  if (agency && !slides)
    {
      g_printerr (_ ("cakupan: --agency goes with --slides.\n"));
      out_result->exit_status = CAK_EXIT_USAGE;
      return;
    }
  if (slides)
    {
      if (files == NULL || files[0] == NULL || json)
        {
          g_printerr (_ ("cakupan: --slides needs at least one file, and no --json.\n"));
          out_result->exit_status = CAK_EXIT_USAGE;
          return;
        }
      out_result->exit_status = cak_cli_run_slides (files, slides, size, theme, agency, period,
                                                    compare, province, peer, by_province, maps);
      return;
    }
  if (!chart && (output || size || theme || scale != 1))
    {
      g_printerr (_ ("cakupan: --output, --size, --scale and --theme go with --chart.\n"));
      out_result->exit_status = CAK_EXIT_USAGE;
      return;
    }
  if (!chart && peer)
    {
      g_printerr (_ ("cakupan: --peer goes with --chart kpi, --chart trend or --slides.\n"));
      out_result->exit_status = CAK_EXIT_USAGE;
      return;
    }
  if (!chart && !report && compare)
    {
      g_printerr (_ ("cakupan: --compare goes with --chart or --report.\n"));
      out_result->exit_status = CAK_EXIT_USAGE;
      return;
    }
  if (report)
    {
      if (files == NULL || files[0] == NULL)
        {
          g_printerr (_ ("cakupan: --report needs at least one file.\n"));
          out_result->exit_status = CAK_EXIT_USAGE;
          return;
        }
      out_result->exit_status = run_report (files, report, period, compare, province, maps);
      return;
    }
  if (chart)
    {
      if (files == NULL || files[0] == NULL)
        {
          g_printerr (_ ("cakupan: --chart needs at least one file.\n"));
          out_result->exit_status = CAK_EXIT_USAGE;
          return;
        }
      out_result->exit_status = run_chart (files, chart, output, size, scale, theme, period,
                                           compare, province, peer, by_province, maps);
      return;
    }

  if (!summary)
    {
      if (json || period || province || maps)
        {
          g_printerr (_ ("cakupan: --json, --period, --province and --map go with --summary, "
                         "--chart or --report.\n"));
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

/**
 * cak_cli_load_chart_data:
 *
 * What --chart reads, for the commands in other files: the latest period when none is given,
 * a year earlier to compare with, the one province of the files (or the whole country).
 */
int
cak_cli_load_chart_data (GStrv files, const char *period_text, const char *compare_text,
                         const char *province_text, gboolean by_province, GStrv maps,
                         CakChartData **out_data)
{
  return cak_cli_load_chart_data_and_deck (files, period_text, compare_text, province_text, NULL,
                                           by_province, maps, out_data, NULL, NULL);
}

/**
 * cak_cli_load_chart_data_and_deck:
 * @out_deck: (optional): the deck a project among @files keeps, a slide a string; %NULL when
 *   there is no project or it keeps the default deck
 * @out_monev: (optional): the monev of a project among @files; %NULL without one
 *
 * As cak_cli_load_chart_data(), with the project's deck for --slides.
 */
int
cak_cli_load_chart_data_and_deck (GStrv files, const char *period_text, const char *compare_text,
                                  const char *province_text, const char *peer_text,
                                  gboolean by_province, GStrv maps, CakChartData **out_data,
                                  GStrv *out_deck, CakMonev **out_monev)
{
  g_auto (Input) input = { 0 };
  g_autoptr (CakChartData) data = NULL;
  g_autofree char *sources = NULL;
  const char *province_code = NULL;
  CakPeriod period, compare;
  int status;

  g_return_val_if_fail (out_data != NULL, CAK_EXIT_USAGE);

  status = load_input (files, period_text, compare_text, province_text, maps, &input);
  if (status != CAK_EXIT_OK)
    return status;
  status = resolve_scope (&input, &period, &compare, &province_code);
  if (status != CAK_EXIT_OK)
    return status;
  sources = describe_sources (files);
  if (by_province)
    data = cak_chart_data_new_provinces (input.dataset, period, compare, sources, input.lang);
  else
    data = cak_chart_data_new (input.dataset, province_code, period, compare, sources, input.lang);
  if (data->rows->len == 0)
    {
      g_printerr (_ ("cakupan: the files hold no regencies of that province.\n"));
      return CAK_EXIT_INPUT;
    }
  if (peer_text)
    {
      status = set_peer (data, input.dataset, peer_text);
      if (status != CAK_EXIT_OK)
        return status;
    }
  *out_data = g_steal_pointer (&data);
  if (out_deck)
    *out_deck = input.project ? cak_project_dup_deck (input.project) : NULL;
  if (out_monev)
    *out_monev = input.project ? g_object_ref (cak_project_get_monev (input.project)) : NULL;
  return CAK_EXIT_OK;
}
