/* cak-summary.c: the figures of a dataset as JSON or a text table, for the command line
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cak-summary"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cak-number.h"
#include "cak-summary.h"

static void
append_json_string (GString *out, const char *text)
{
  if (text == NULL)
    {
      g_string_append (out, "null");
      return;
    }
  g_string_append_c (out, '"');
  for (const guchar *p = (const guchar *)text; *p; p++)
    {
      switch (*p)
        {
          case '"':
            g_string_append (out, "\\\"");
            break;
          case '\\':
            g_string_append (out, "\\\\");
            break;
          case '\n':
            g_string_append (out, "\\n");
            break;
          case '\r':
            g_string_append (out, "\\r");
            break;
          case '\t':
            g_string_append (out, "\\t");
            break;
          default:
            if (*p < 0x20)
              g_string_append_printf (out, "\\u%04x", *p);
            else
              g_string_append_c (out, *p);
        }
    }
  g_string_append_c (out, '"');
}

static void
append_json_number (GString *out, double value, int decimals)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value) || isinf (value))
    {
      g_string_append (out, "null");
      return;
    }
  if (decimals >= 0)
    {
      double scale = pow (10, decimals);
      char format[16];
      gsize len;

      value = round (value * scale) / scale;
      /* Written with its decimals, not as the nearest double's 17 digits (28.670000000000002) */
      if (decimals > 0 && value != floor (value) && fabs (value) < 1e15)
        {
          g_snprintf (format, sizeof format, "%%.%df", decimals);
          g_ascii_formatd (buf, sizeof buf, format, value);
          len = strlen (buf);
          while (len > 0 && buf[len - 1] == '0')
            buf[--len] = '\0';
          g_string_append (out, buf);
          return;
        }
    }
  if (value == floor (value) && fabs (value) < 1e15)
    g_string_append_printf (out, "%.0f", value);
  else if (decimals >= 0)
    {
      /* 25.43, not 25.430000000000001: the decimals asked for, without trailing zeros. */
      g_autofree char *format = g_strdup_printf ("%%.%df", decimals);
      gsize len;

      g_ascii_formatd (buf, sizeof buf, format, value);
      len = strlen (buf);
      while (len > 0 && buf[len - 1] == '0')
        buf[--len] = '\0';
      if (len > 0 && buf[len - 1] == '.')
        buf[--len] = '\0';
      g_string_append (out, buf);
    }
  else
    g_string_append (out, g_ascii_dtostr (buf, sizeof buf, value));
}

static void
append_json_period (GString *out, CakPeriod period)
{
  g_autofree char *iso = NULL;

  if (!cak_period_is_valid (period))
    {
      g_string_append (out, "null");
      return;
    }
  iso = cak_period_to_iso (period);
  append_json_string (out, iso);
}

static gboolean
in_scope (const CakRegion *region, const char *province_code)
{
  return province_code == NULL || g_strcmp0 (region->province_code, province_code) == 0;
}

static void
append_json_field (GString *out, const char *name, const char *text)
{
  g_string_append_printf (out, ", \"%s\": ", name);
  append_json_string (out, text && text[0] ? text : NULL);
}

/* What people typed into a project: "targets", "notes", "actions", "checklist", "meetings",
 * for the regions of @province_code (or all). */
static void
append_json_monev (GString *out, CakMonev *monev, const char *province_code)
{
  GArray *targets = cak_monev_get_targets (monev);
  GPtrArray *meetings = cak_monev_get_meetings (monev);
  g_autoptr (GPtrArray) noted = cak_monev_get_noted_regions (monev);
  g_autoptr (GPtrArray) actions = cak_monev_list_actions (monev, NULL, 0);
  g_autoptr (GPtrArray) checklists = cak_monev_get_checklists (monev);
  gboolean first = TRUE;

  g_string_append (out, ",\n \"targets\": [");
  for (guint i = 0; i < targets->len; i++)
    {
      const CakTarget *t = &g_array_index (targets, CakTarget, i);

      if (!in_scope (t->region, province_code))
        continue;
      g_string_append (out, first ? "\n  {\"region\": " : ",\n  {\"region\": ");
      first = FALSE;
      append_json_string (out, t->region->code);
      g_string_append (out, ", \"name\": ");
      append_json_string (out, t->region->name);
      g_string_append (out, ", \"period\": ");
      append_json_period (out, t->period);
      g_string_append (out, ", \"target_pct\": ");
      append_json_number (out, t->pct, 2);
      append_json_field (out, "note", t->note);
      append_json_field (out, "set_at", t->set_at);
      g_string_append (out, "}");
    }

  g_string_append (out, "],\n \"notes\": [");
  first = TRUE;
  for (guint i = 0; i < noted->len; i++)
    {
      const CakRegion *region = g_ptr_array_index (noted, i);

      if (!in_scope (region, province_code))
        continue;
      g_string_append (out, first ? "\n  {\"region\": " : ",\n  {\"region\": ");
      first = FALSE;
      append_json_string (out, region->code);
      g_string_append (out, ", \"name\": ");
      append_json_string (out, region->name);
      append_json_field (out, "text", cak_monev_get_note (monev, region));
      g_string_append (out, "}");
    }

  g_string_append (out, "],\n \"actions\": [");
  first = TRUE;
  for (guint i = 0; i < actions->len; i++)
    {
      const CakAction *a = g_ptr_array_index (actions, i);

      if (!in_scope (a->region, province_code))
        continue;
      g_string_append_printf (
          out, "%s{\"id\": %" G_GINT64_FORMAT ", \"region\": ", first ? "\n  " : ",\n  ", a->id);
      first = FALSE;
      append_json_string (out, a->region->code);
      g_string_append (out, ", \"name\": ");
      append_json_string (out, a->region->name);
      append_json_field (out, "action", a->action);
      append_json_field (out, "office", a->office);
      append_json_field (out, "due", a->due);
      append_json_field (out, "status", cak_action_status_to_id (a->status));
      if (a->meeting_id > 0)
        g_string_append_printf (out, ", \"meeting\": %" G_GINT64_FORMAT, a->meeting_id);
      else
        g_string_append (out, ", \"meeting\": null");
      append_json_field (out, "note", a->note);
      append_json_field (out, "updated_at", a->updated_at);
      g_string_append (out, "}");
    }

  g_string_append (out, "],\n \"checklist\": [");
  first = TRUE;
  for (guint i = 0; i < checklists->len; i++)
    {
      const CakChecklist *c = g_ptr_array_index (checklists, i);

      if (!in_scope (c->region, province_code))
        continue;
      g_string_append (out, first ? "\n  {\"region\": " : ",\n  {\"region\": ");
      first = FALSE;
      append_json_string (out, c->region->code);
      g_string_append (out, ", \"name\": ");
      append_json_string (out, c->region->name);
      g_string_append_printf (out, ", \"regulation\": %s", c->regulation ? "true" : "false");
      append_json_field (out, "regulation_ref", c->regulation_ref);
      append_json_field (out, "regulation_date", c->regulation_date);
      g_string_append_printf (out, ", \"apbd\": %s, \"apbd_rupiah\": ", c->apbd ? "true" : "false");
      append_json_number (out, c->apbd_rupiah, 0);
      g_string_append (out, ", \"apbd_workers\": ");
      append_json_number (out, c->apbd_workers, 0);
      g_string_append_printf (out, ", \"village_funds\": %s, \"village_workers\": ",
                              c->village_funds ? "true" : "false");
      append_json_number (out, c->village_workers, 0);
      g_string_append (out, ", \"villages\": ");
      append_json_number (out, c->villages, 0);
      g_string_append_printf (out, ", \"non_asn\": %s, \"village_officials\": %s",
                              c->non_asn ? "true" : "false",
                              c->village_officials ? "true" : "false");
      append_json_field (out, "notes", c->notes);
      g_string_append (out, "}");
    }

  g_string_append (out, "],\n \"meetings\": [");
  for (guint i = 0; i < meetings->len; i++)
    {
      const CakMeeting *m = g_ptr_array_index (meetings, i);

      g_string_append_printf (out, "%s{\"id\": %" G_GINT64_FORMAT, i == 0 ? "\n  " : ",\n  ",
                              m->id);
      append_json_field (out, "held_on", m->held_on);
      append_json_field (out, "title", m->title);
      g_string_append (out, ", \"period\": ");
      append_json_period (out, m->period);
      g_string_append (out, ", \"compare\": ");
      append_json_period (out, m->compare);
      append_json_field (out, "notes", m->notes);
      g_string_append (out, "}");
    }
  g_string_append (out, "]");
}

/* The coverage a province's stated figures give, NAN when they lack one of them. */
static double
stated_computed_pct (const CakStatedFigures *stated)
{
  return cak_indicator_coverage_pct (cak_stated_figures_participants (stated),
                                     cak_stated_figures_get (stated, CAK_MEASURE_WORKFORCE));
}

/* Where a stated figure was read: the cell of its coverage, else of its first figure. */
static const CakSource *
stated_source (const CakStatedFigures *stated)
{
  if (stated->has_coverage)
    return &stated->coverage_pct.source;
  for (guint m = 0; m < CAK_N_MEASURES; m++)
    if (stated->known & CAK_MEASURE_BIT (m))
      return &stated->values[m].source;
  return &stated->coverage_pct.source;
}

/* @with_region: for the list of every stated figure, which names its region and period */
static void
append_json_stated (GString *out, const CakStatedFigures *stated, gboolean with_region)
{
  const CakSource *source;
  g_autofree char *col = NULL;

  if (stated == NULL)
    {
      g_string_append (out, "null");
      return;
    }
  source = stated_source (stated);
  col = cak_source_column_name (source->column);
  g_string_append_c (out, '{');
  if (with_region)
    {
      g_string_append (out, "\"region\": ");
      append_json_string (out, stated->region->code);
      g_string_append (out, ", \"name\": ");
      append_json_string (out, stated->region->name);
      g_string_append (out, ", \"period\": ");
      append_json_period (out, stated->period);
      g_string_append (out, ", ");
    }
  g_string_append (out, "\"workforce\": ");
  append_json_number (out, cak_stated_figures_get (stated, CAK_MEASURE_WORKFORCE), -1);
  g_string_append (out, ", \"participants\": ");
  append_json_number (out, cak_stated_figures_participants (stated), -1);
  g_string_append (out, ", \"coverage_pct\": ");
  append_json_number (out, stated->has_coverage ? stated->coverage_pct.value : NAN, -1);
  g_string_append (out, ", \"coverage_pct_from_figures\": ");
  append_json_number (out, stated_computed_pct (stated), 2);
  g_string_append (out, ", \"file\": ");
  append_json_string (out, source->file);
  g_string_append (out, ", \"sheet\": ");
  append_json_string (out, source->sheet);
  g_string_append_printf (out, ", \"row\": %u, \"column\": ", source->row);
  append_json_string (out, col);
  g_string_append (out, "}");
}

static void
append_json_row (GString *out, const CakIndicatorRow *row, CakDataset *dataset)
{
  g_string_append (out, "{\"region\": ");
  append_json_string (out, row->region->code);
  g_string_append (out, ", \"name\": ");
  append_json_string (out, row->region->name);
  g_string_append (out, ", \"province\": ");
  append_json_string (out, row->region->province_code);
  g_string_append (out, ", \"period\": ");
  append_json_period (out, row->period);
  g_string_append (out, ", \"workforce\": ");
  append_json_number (out, row->workforce, -1);
  g_string_append (out, ", \"workforce_period\": ");
  append_json_period (out, isnan (row->workforce) ? CAK_PERIOD_INIT_NONE : row->workforce_period);
  g_string_append (out, ", \"participants\": ");
  append_json_number (out, row->participants, -1);
  for (guint k = 0; k < CAK_N_SEGMENTS; k++)
    {
      g_string_append_printf (out, ", \"%s\": ", cak_measure_to_id (cak_measure_segments[k]));
      append_json_number (out, cak_indicator_row_get (row, cak_measure_segments[k]), -1);
    }
  g_string_append (out, ", \"coverage_pct\": ");
  append_json_number (out, row->coverage_pct, 2);
  g_string_append (out, ", \"uncovered\": ");
  append_json_number (out, row->uncovered, -1);
  g_string_append (out, ", \"target_pct\": ");
  append_json_number (out, row->target_pct, -1);
  g_string_append (out, ", \"gap_to_target\": ");
  append_json_number (out, row->gap_to_target, -1);
  if (row->region->kind != CAK_REGION_KIND_PROVINCE)
    {
      g_string_append (out, ", \"rank\": ");
      if (row->rank > 0)
        g_string_append_printf (out, "%u", row->rank);
      else
        g_string_append (out, "null");
    }
  else
    {
      g_string_append_printf (out, ", \"regencies\": %u", row->n_regencies);
      /* gap_to_target above is the overall gap; this one adds up the regencies' gaps */
      g_string_append (out, ", \"regency_gaps\": ");
      append_json_number (out, row->regency_gaps, -1);
      g_string_append (out, ", \"stated\": ");
      append_json_stated (out, cak_dataset_get_stated (dataset, row->region, row->period), FALSE);
    }
  /* Where the target comes from: typed for the region, for its province, or a file's */
  if (!isnan (row->target_pct))
    {
      static const char *const origins[] = { NULL, "typed", "province", "file" };
      CakTargetOrigin origin = CAK_TARGET_NONE;

      cak_indicators_find_target (dataset, row->region, row->period, &origin);
      g_string_append (out, ", \"target_from\": ");
      append_json_string (out, origin == CAK_TARGET_NONE ? "regencies" : origins[origin]);
    }
  else
    g_string_append (out, ", \"target_from\": null");
  g_string_append (out, "}");
}

/**
 * cak_summary_resolve_period:
 *
 * Returns: @requested, or the latest reporting period when @requested is not valid; an invalid
 * period when the dataset has none.
 */
CakPeriod
cak_summary_resolve_period (CakDataset *dataset, CakPeriod requested)
{
  g_autoptr (GArray) periods = NULL;

  g_return_val_if_fail (CAK_IS_DATASET (dataset), CAK_PERIOD_INIT_NONE);

  if (cak_period_is_valid (requested))
    return requested;
  periods = cak_dataset_get_reporting_periods (dataset);
  if (periods->len == 0)
    return CAK_PERIOD_INIT_NONE;
  return g_array_index (periods, CakPeriod, periods->len - 1);
}

static GArray *
selected_periods (CakDataset *dataset, const CakSummaryOptions *options)
{
  GArray *periods;
  CakPeriod period;

  if (options->all_periods)
    return cak_dataset_get_reporting_periods (dataset);
  periods = g_array_new (FALSE, FALSE, sizeof (CakPeriod));
  period = cak_summary_resolve_period (dataset, options->period);
  if (cak_period_is_valid (period))
    g_array_append_val (periods, period);
  return periods;
}

/* The rows, then the totals of each province, for one period. */
static void
compute (CakDataset *dataset, const CakSummaryOptions *options, CakPeriod period, GArray **out_rows,
         GArray **out_totals)
{
  g_autoptr (GPtrArray) provinces = cak_dataset_get_provinces (dataset);
  GArray *rows = cak_indicators_compute_regencies (dataset, options->province_code, period,
                                                   CAK_PERIOD_INIT_NONE);
  GArray *totals = g_array_new (FALSE, TRUE, sizeof (CakIndicatorRow));

  for (guint i = 0; i < provinces->len; i++)
    {
      const CakRegion *province = g_ptr_array_index (provinces, i);
      CakIndicatorRow total;

      if (options->province_code && strcmp (province->code, options->province_code) != 0)
        continue;
      cak_indicators_compute_province (dataset, rows, province, period, &total);
      g_array_append_val (totals, total);
    }
  *out_rows = rows;
  *out_totals = totals;
}

/**
 * cak_summary_to_json:
 *
 * Returns: (transfer full): one JSON object with the periods, the regency rows, the province
 * totals, the import issues, the skipped rows and the per-file counts.
 */
char *
cak_summary_to_json (CakDataset *dataset, const CakSummaryOptions *options)
{
  g_autoptr (GString) out = g_string_new ("{\"periods\": [");
  g_autoptr (GArray) all_periods = NULL;
  g_autoptr (GArray) periods = NULL;
  g_autoptr (GString) totals_json = g_string_new (NULL);
  const GArray *issues;
  GPtrArray *sheets;
  gboolean first = TRUE;
  gboolean first_stated = TRUE;

  g_return_val_if_fail (CAK_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  all_periods = cak_dataset_get_reporting_periods (dataset);
  for (guint i = 0; i < all_periods->len; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      append_json_period (out, g_array_index (all_periods, CakPeriod, i));
    }

  g_string_append (out, "],\n \"rows\": [");
  periods = selected_periods (dataset, options);
  for (guint p = 0; p < periods->len; p++)
    {
      g_autoptr (GArray) rows = NULL;
      g_autoptr (GArray) totals = NULL;

      compute (dataset, options, g_array_index (periods, CakPeriod, p), &rows, &totals);
      for (guint i = 0; i < rows->len; i++)
        {
          g_string_append (out, first ? "\n  " : ",\n  ");
          append_json_row (out, &g_array_index (rows, CakIndicatorRow, i), dataset);
          first = FALSE;
        }
      for (guint i = 0; i < totals->len; i++)
        {
          g_string_append (totals_json, totals_json->len == 0 ? "\n  " : ",\n  ");
          append_json_row (totals_json, &g_array_index (totals, CakIndicatorRow, i), dataset);
        }
    }
  g_string_append (out, "],\n \"totals\": [");
  g_string_append (out, totals_json->str);

  /* Every figure the files state for a province, also for provinces without regency rows. */
  g_string_append (out, "],\n \"stated\": [");
  {
    g_autoptr (GPtrArray) stated = cak_dataset_get_stated_all (dataset);

    for (guint i = 0; i < stated->len; i++)
      {
        if (options->province_code
            && strcmp (((const CakStatedFigures *)g_ptr_array_index (stated, i))->region->code,
                       options->province_code)
                   != 0)
          continue;
        g_string_append (out, first_stated ? "\n  " : ",\n  ");
        append_json_stated (out, g_ptr_array_index (stated, i), TRUE);
        first_stated = FALSE;
      }
  }

  g_string_append (out, "],\n \"issues\": [");
  issues = cak_dataset_get_issues (dataset);
  first = TRUE;
  for (int pass = 0; pass < 2; pass++)
    {
      if (pass == 1)
        {
          g_string_append (out, "],\n \"skipped\": [");
          first = TRUE;
        }
      for (guint i = 0; i < issues->len; i++)
        {
          const CakIssue *issue = &g_array_index (issues, CakIssue, i);
          gboolean is_info = issue->severity == CAK_SEVERITY_INFO;

          if (is_info != (pass == 1))
            continue;
          g_string_append (out, first ? "\n  {" : ",\n  {");
          first = FALSE;
          if (!is_info)
            {
              g_string_append (out, "\"severity\": ");
              append_json_string (out, cak_severity_to_id (issue->severity));
              g_string_append (out, ", ");
            }
          g_string_append (out, "\"file\": ");
          append_json_string (out, issue->source.file);
          g_string_append (out, ", \"sheet\": ");
          append_json_string (out, issue->source.sheet);
          g_string_append (out, ", \"row\": ");
          if (issue->source.row > 0)
            g_string_append_printf (out, "%u", issue->source.row);
          else
            g_string_append (out, "null");
          g_string_append (out, ", \"column\": ");
          if (issue->has_column)
            {
              g_autofree char *col = cak_source_column_name (issue->source.column);

              append_json_string (out, col);
            }
          else
            g_string_append (out, "null");
          g_string_append (out, ", \"message\": ");
          append_json_string (out, issue->message);
          g_string_append (out, "}");
        }
    }

  g_string_append (out, "],\n \"files\": [");
  sheets = cak_dataset_get_sheet_reports (dataset);
  for (guint i = 0; i < sheets->len; i++)
    {
      const CakSheetReport *sheet = g_ptr_array_index (sheets, i);

      g_string_append (out, i == 0 ? "\n  {\"file\": " : ",\n  {\"file\": ");
      append_json_string (out, sheet->file);
      g_string_append (out, ", \"sheet\": ");
      append_json_string (out, sheet->sheet);
      g_string_append_printf (
          out, ", \"rows\": %u, \"imported\": %u, \"skipped\": %u, \"rejected\": %u, \"columns\": [",
          sheet->rows, sheet->imported, sheet->skipped, sheet->rejected);
      for (guint k = 0; sheet->columns && k < sheet->columns->len; k++)
        {
          const CakColumnReport *column = g_ptr_array_index (sheet->columns, k);
          g_autofree char *name = cak_source_column_name (column->column);

          g_string_append (out, k == 0 ? "\n    {\"column\": " : ",\n    {\"column\": ");
          append_json_string (out, name);
          g_string_append (out, ", \"header\": ");
          append_json_string (out, column->header);
          g_string_append (out, ", \"use\": ");
          append_json_string (out, cak_column_use_to_id (column->use));
          g_string_append (out, ", \"role\": ");
          append_json_string (out, column->what);
          g_string_append (out, ", \"why\": ");
          append_json_string (out, column->why);
          g_string_append (out, "}");
        }
      g_string_append (out, "]}");
    }
  g_string_append (out, "]");
  if (options->monev)
    append_json_monev (out, options->monev, options->province_code);
  g_string_append (out, "}\n");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
append_cell (GString *out, const char *text, int width, gboolean right)
{
  int len = g_utf8_strlen (text, -1);
  int pad = MAX (0, width - len);

  if (right)
    for (int i = 0; i < pad; i++)
      g_string_append_c (out, ' ');
  g_string_append (out, text);
  if (!right)
    for (int i = 0; i < pad; i++)
      g_string_append_c (out, ' ');
  g_string_append (out, "  ");
}

static char *
format_count (double value, CakLang lang)
{
  return isnan (value) ? g_strdup ("–") : cak_number_format (value, 0, lang);
}

static char *
format_pct (double value, CakLang lang)
{
  return isnan (value) ? g_strdup ("–") : cak_number_format_percent (value, 2, lang);
}

static void
append_text_row (GString *out, const CakIndicatorRow *row, CakLang lang)
{
  g_autofree char *workforce = format_count (row->workforce, lang);
  g_autofree char *participants = format_count (row->participants, lang);
  g_autofree char *coverage = format_pct (row->coverage_pct, lang);
  g_autofree char *uncovered = format_count (row->uncovered, lang);
  g_autofree char *target = format_pct (row->target_pct, lang);
  g_autofree char *gap = format_count (row->gap_to_target, lang);

  append_cell (out, row->region->code, 6, FALSE);
  append_cell (out, row->region->name, 28, FALSE);
  append_cell (out, workforce, 12, TRUE);
  append_cell (out, participants, 12, TRUE);
  append_cell (out, coverage, 8, TRUE);
  append_cell (out, uncovered, 12, TRUE);
  append_cell (out, target, 8, TRUE);
  append_cell (out, gap, 12, TRUE);
  g_string_truncate (out, out->len - 2);
  g_string_append_c (out, '\n');
}

/* The province's two gaps, named: "Jawa Timur: overall gap to target 1.306.281 (...); sum of
 * regency gaps 1.863.009 (...)." */
static void
append_text_gaps (GString *out, const CakIndicatorRow *total, CakLang lang)
{
  g_autofree char *overall = NULL;
  g_autofree char *sum = NULL;
  g_autofree char *target = NULL;

  if (isnan (total->gap_to_target) || isnan (total->regency_gaps))
    return;
  overall = format_count (total->gap_to_target, lang);
  sum = format_count (total->regency_gaps, lang);
  target = format_pct (total->target_pct, lang);
  /* TRANSLATORS: under the --summary table: "Jawa Timur: overall gap to target 1.306.281 (40,00%
   * × workforce − active participants, regencies above target offsetting those below); sum of
   * regency gaps 1.863.009 (the regencies below their target only)." */
  g_string_append_printf (out,
                          _ ("%s: overall gap to target %s (%s × workforce − active participants, "
                             "regencies above target offsetting those below); sum of regency "
                             "gaps %s (the regencies below their target only).\n"),
                          total->region->name, overall, target, sum);
}

/* The province's figures as the file states them, under Cakupan's: "Stated in the file for Jawa
 * Timur: 27,68% (4.300.000 of 15.000.000); its own figures give 28,67%; tabel.csv, row 4." */
static void
append_text_stated (GString *out, const CakStatedFigures *stated, gboolean with_period,
                    CakLang lang)
{
  double computed;
  g_autofree char *name = NULL;
  g_autofree char *where = NULL;
  g_autofree char *what = NULL;
  g_autofree char *participants = NULL;
  g_autofree char *workforce = NULL;

  if (stated == NULL)
    return;
  if (with_period)
    {
      g_autofree char *period = cak_period_format (stated->period, lang);

      name = g_strdup_printf ("%s, %s", stated->region->name, period);
    }
  else
    name = g_strdup (stated->region->name);
  computed = stated_computed_pct (stated);
  where = cak_source_describe (stated_source (stated), FALSE);
  participants = format_count (cak_stated_figures_participants (stated), lang);
  workforce = format_count (cak_stated_figures_get (stated, CAK_MEASURE_WORKFORCE), lang);
  if (stated->has_coverage)
    {
      g_autofree char *pct = format_pct (stated->coverage_pct.value, lang);

      /* TRANSLATORS: "27,68% (4.300.000 of 15.000.000)": participants of workforce */
      what = g_strdup_printf (_ ("%s (%s of %s)"), pct, participants, workforce);
    }
  else
    what = g_strdup_printf (_ ("%s of %s"), participants, workforce);
  if (!isnan (computed) && stated->has_coverage
      && fabs (computed - stated->coverage_pct.value) > 0.051)
    {
      g_autofree char *own = format_pct (computed, lang);

      g_string_append_printf (out,
                              _ ("Stated in the file for %s: %s; its own figures give %s; %s.\n"),
                              name, what, own, where);
    }
  else
    g_string_append_printf (out, _ ("Stated in the file for %s: %s; %s.\n"), name, what, where);
}

/**
 * cak_summary_to_text:
 *
 * Returns: (transfer full): a table for a terminal, in the interface language: each period's
 * regencies, the province totals, then the import report.
 */
char *
cak_summary_to_text (CakDataset *dataset, const CakSummaryOptions *options)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GArray) periods = NULL;
  g_autoptr (GHashTable) shown = g_hash_table_new (NULL, NULL);

  g_return_val_if_fail (CAK_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  periods = selected_periods (dataset, options);
  for (guint p = 0; p < periods->len; p++)
    {
      CakPeriod period = g_array_index (periods, CakPeriod, p);
      g_autofree char *period_name = cak_period_format (period, options->lang);
      g_autoptr (GArray) rows = NULL;
      g_autoptr (GArray) totals = NULL;

      compute (dataset, options, period, &rows, &totals);
      g_string_append_printf (out, "%s\n\n", period_name);
      append_cell (out, _ ("Code"), 6, FALSE);
      append_cell (out, _ ("Regency/city"), 28, FALSE);
      append_cell (out, _ ("Workforce"), 12, TRUE);
      append_cell (out, _ ("Participants"), 12, TRUE);
      append_cell (out, _ ("Coverage"), 8, TRUE);
      append_cell (out, _ ("Uncovered"), 12, TRUE);
      append_cell (out, _ ("Target"), 8, TRUE);
      append_cell (out, _ ("Gap"), 12, TRUE);
      g_string_truncate (out, out->len - 2);
      g_string_append_c (out, '\n');
      for (guint i = 0; i < rows->len; i++)
        append_text_row (out, &g_array_index (rows, CakIndicatorRow, i), options->lang);
      for (guint i = 0; i < totals->len; i++)
        append_text_row (out, &g_array_index (totals, CakIndicatorRow, i), options->lang);
      for (guint i = 0; i < totals->len; i++)
        append_text_gaps (out, &g_array_index (totals, CakIndicatorRow, i), options->lang);
      for (guint i = 0; i < totals->len; i++)
        {
          const CakIndicatorRow *total = &g_array_index (totals, CakIndicatorRow, i);
          const CakStatedFigures *stated
              = cak_dataset_get_stated (dataset, total->region, total->period);

          if (stated)
            {
              append_text_stated (out, stated, FALSE, options->lang);
              g_hash_table_add (shown, (gpointer)stated);
            }
        }
      if (totals->len > 0)
        {
          const CakIndicatorRow *total = &g_array_index (totals, CakIndicatorRow, 0);

          if (cak_period_is_valid (total->workforce_period))
            {
              g_autofree char *wf = cak_period_format (total->workforce_period, options->lang);

              g_string_append_printf (out,
                                      _ ("Coverage = active participants ÷ workforce; "
                                         "workforce of %s.\n"),
                                      wf);
            }
        }
      g_string_append_c (out, '\n');
    }

  /* What the files state for provinces or periods without regency figures to show. */
  {
    g_autoptr (GPtrArray) stated = cak_dataset_get_stated_all (dataset);
    guint n_rest = 0;

    for (guint i = 0; i < stated->len; i++)
      {
        const CakStatedFigures *one = g_ptr_array_index (stated, i);

        if (g_hash_table_contains (shown, one)
            || (options->province_code && strcmp (one->region->code, options->province_code) != 0))
          continue;
        append_text_stated (out, one, TRUE, options->lang);
        n_rest++;
      }
    if (n_rest > 0)
      g_string_append_c (out, '\n');
  }

  {
    g_autofree char *report = cak_summary_report_to_text (dataset);

    g_string_append (out, report);
  }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * cak_summary_report_to_text:
 *
 * Returns: (transfer full): the import report as --summary prints it under the table: the
 *   warnings and errors with their places, then each sheet's rows and columns
 */
char *
cak_summary_report_to_text (CakDataset *dataset)
{
  g_autoptr (GString) out = g_string_new (NULL);
  const GArray *issues;

  g_return_val_if_fail (CAK_IS_DATASET (dataset), NULL);

  issues = cak_dataset_get_issues (dataset);
  for (guint i = 0; i < issues->len; i++)
    {
      const CakIssue *issue = &g_array_index (issues, CakIssue, i);
      g_autofree char *where = NULL;

      if (issue->severity == CAK_SEVERITY_INFO)
        continue;
      where = cak_source_describe (&issue->source, issue->has_column);
      g_string_append_printf (out, _ ("%s: %s: %s\n"),
                              issue->severity == CAK_SEVERITY_ERROR ? _ ("Error") : _ ("Warning"),
                              where, issue->message);
    }
  for (guint i = 0; i < cak_dataset_get_sheet_reports (dataset)->len; i++)
    {
      const CakSheetReport *sheet = g_ptr_array_index (cak_dataset_get_sheet_reports (dataset), i);

      CakSource source = { sheet->file, sheet->sheet, 0, 0 };
      g_autofree char *where = cak_source_describe (&source, FALSE);

      g_string_append_printf (out, _ ("%s: %u rows: %u imported, %u skipped, %u rejected.\n"),
                              where, sheet->rows, sheet->imported, sheet->skipped,
                              sheet->rejected);
      for (guint k = 0; sheet->columns && k < sheet->columns->len; k++)
        {
          g_autofree char *line = cak_column_report_describe (g_ptr_array_index (sheet->columns, k));

          g_string_append_printf (out, "  %s\n", line);
        }
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}
