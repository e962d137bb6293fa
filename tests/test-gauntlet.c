/* test-gauntlet.c: the import gauntlet of issue 12, every file of it read right or told why
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * tests/data/gauntlet holds tables in the shapes officials receive, made by make-gauntlet.py,
 * and expected.txt, what importing each must give: values by region, period and measure, values
 * that must not be there (a figure filed under the wrong regency), a province's coverage, how
 * many rows were imported, skipped and rejected, and the report lines each file must produce.
 * The format is described at the top of make-gauntlet.py. One test per file, then a summary
 * that says "N files: every row and every column accounted for" only when every file passes.
 */
#define G_LOG_DOMAIN "test-gauntlet"

#include "config.h"

#include <math.h>
#include <string.h>

#include "cak-import.h"
#include "cak-indicators.h"

typedef struct
{
  char *file;
  char *feature;
  char *what;
  GPtrArray *facts; /* GStrv: a line of expected.txt split at tabs */
} Case;

static GPtrArray *cases; /* Case* */

static void
case_free (gpointer data)
{
  Case *c = data;

  g_free (c->file);
  g_free (c->feature);
  g_free (c->what);
  g_ptr_array_unref (c->facts);
  g_free (c);
}

static GPtrArray *
read_manifest (void)
{
  g_autofree char *path
      = g_test_build_filename (G_TEST_DIST, "data", "gauntlet", "expected.txt", NULL);
  g_autofree char *text = NULL;
  g_auto (GStrv) lines = NULL;
  g_autoptr (GError) error = NULL;
  GPtrArray *all = g_ptr_array_new_with_free_func (case_free);
  Case *current = NULL;

  if (!g_file_get_contents (path, &text, NULL, &error))
    g_error ("%s", error->message);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto (GStrv) fields = NULL;

      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      fields = g_strsplit (lines[i], "\t", -1);
      if (strcmp (fields[0], "file") == 0)
        {
          g_assert_cmpuint (g_strv_length (fields), ==, 4);
          current = g_new0 (Case, 1);
          current->file = g_strdup (fields[1]);
          current->feature = g_strdup (fields[2]);
          current->what = g_strdup (fields[3]);
          current->facts = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
          g_ptr_array_add (all, current);
        }
      else
        {
          g_assert_nonnull (current);
          g_ptr_array_add (current->facts, g_steal_pointer (&fields));
        }
    }
  return all;
}

/* ---- Checks ---------------------------------------------------------------------------- */

static void fail (GString *failures, const char *format, ...) G_GNUC_PRINTF (2, 3);

static void
fail (GString *failures, const char *format, ...)
{
  va_list args;

  g_string_append (failures, "\n  ");
  va_start (args, format);
  g_string_append_vprintf (failures, format, args);
  va_end (args);
}

static double
parse_double (const char *text)
{
  return g_ascii_strtod (text, NULL);
}

static guint
parse_uint (const char *text)
{
  return (guint)g_ascii_strtoull (text, NULL, 10);
}

static gboolean
lookup (const char *code, const char *period_text, const char *measure_id, const CakRegion **region,
        CakPeriod *period, CakMeasure *measure)
{
  *region = cak_region_catalog_lookup_code (cak_region_catalog_get_default (), code);
  return *region != NULL && cak_period_parse (period_text, period)
         && cak_measure_from_id (measure_id, measure);
}

static void
check_value (CakDataset *ds, GStrv f, GString *failures)
{
  const CakRegion *region;
  CakPeriod period;
  CakMeasure measure;
  double expected = parse_double (f[4]);
  CakValue value;

  if (!lookup (f[1], f[2], f[3], &region, &period, &measure))
    {
      fail (failures, "bad manifest line: value %s %s %s", f[1], f[2], f[3]);
      return;
    }
  if (!cak_dataset_get (ds, region, period, measure, &value))
    fail (failures, "%s (%s) %s %s: expected %s, got none", f[1], region->name, f[2], f[3], f[4]);
  else if (fabs (value.value - expected) > 1e-6 * MAX (1.0, fabs (expected)))
    fail (failures, "%s (%s) %s %s: expected %s, got %.10g (row %u)", f[1], region->name, f[2],
          f[3], f[4], value.value, value.source.row);
}

static void
check_absent (CakDataset *ds, GStrv f, GString *failures)
{
  const CakRegion *region;
  CakPeriod period;
  CakMeasure measure;
  CakValue value;

  if (!lookup (f[1], f[2], f[3], &region, &period, &measure))
    fail (failures, "bad manifest line: absent %s %s %s", f[1], f[2], f[3]);
  else if (cak_dataset_get (ds, region, period, measure, &value))
    fail (failures,
          "%s (%s) %s %s: expected none, got %.10g from row %u (filed under the wrong "
          "region)",
          f[1], region->name, f[2], f[3], value.value, value.source.row);
}

static void
check_coverage (CakDataset *ds, GStrv f, GString *failures)
{
  CakRegionCatalog *catalog = cak_region_catalog_get_default ();
  const CakRegion *province = cak_region_catalog_lookup_code (catalog, f[1]);
  g_autoptr (GArray) rows = NULL;
  CakIndicatorRow total;
  CakPeriod period;

  if (province == NULL || !cak_period_parse (f[2], &period))
    {
      fail (failures, "bad manifest line: coverage %s %s", f[1], f[2]);
      return;
    }
  rows = cak_indicators_compute_regencies (ds, f[1], period, CAK_PERIOD_INIT_NONE);
  cak_indicators_province_total (rows, province, period, &total);
  if (!(fabs (total.coverage_pct - parse_double (f[3])) < 0.005 + 1e-9))
    fail (failures, "%s %s coverage: expected %s%%, got %.2f%% (%.0f of %.0f)", province->name,
          f[2], f[3], total.coverage_pct, total.participants, total.workforce);
}

typedef struct
{
  guint rows, imported, skipped, rejected;
} Counts;

static Counts
sum_counts (CakDataset *ds, GString *failures)
{
  GPtrArray *sheets = cak_dataset_get_sheet_reports (ds);
  Counts counts = { 0 };

  for (guint i = 0; i < sheets->len; i++)
    {
      const CakSheetReport *s = g_ptr_array_index (sheets, i);

      if (s->imported + s->skipped + s->rejected != s->rows)
        fail (failures, "sheet %s: %u rows but %u imported + %u skipped + %u rejected",
              s->sheet ? s->sheet : "(csv)", s->rows, s->imported, s->skipped, s->rejected);
      /* Every column of a sheet read under a header is accounted for, in order: imported,
       * identifying, a check, information, or unused with the reason. */
      if (s->imported > 0 && s->columns == NULL)
        fail (failures, "sheet %s: no column is accounted for", s->sheet ? s->sheet : "(csv)");
      for (guint k = 0; s->columns && k < s->columns->len; k++)
        {
          const CakColumnReport *column = g_ptr_array_index (s->columns, k);

          if (column->column != k)
            fail (failures, "sheet %s: column %u is not accounted for",
                  s->sheet ? s->sheet : "(csv)", k);
          if (column->use == CAK_COLUMN_USE_UNUSED && *column->what == '\0')
            fail (failures, "sheet %s: column %u is unused without a reason",
                  s->sheet ? s->sheet : "(csv)", k);
        }
      counts.rows += s->rows;
      counts.imported += s->imported;
      counts.skipped += s->skipped;
      counts.rejected += s->rejected;
    }
  return counts;
}

static const char *const severity_names[] = { "info", "warning", "error" };

/* ROW is "*", "12" or "Sheet name!12". */
static gboolean
row_matches (const char *spec, const CakIssue *issue)
{
  const char *bang = strrchr (spec, '!');
  const char *number = bang ? bang + 1 : spec;

  if (strcmp (spec, "*") == 0)
    return TRUE;
  if (bang
      && (issue->source.sheet == NULL || strncmp (spec, issue->source.sheet, bang - spec) != 0
          || issue->source.sheet[bang - spec] != '\0'))
    return FALSE;
  return issue->source.row == parse_uint (number);
}

static gboolean
column_matches (const char *spec, const CakIssue *issue)
{
  g_autofree char *name = NULL;

  if (strcmp (spec, "*") == 0)
    return TRUE;
  if (strcmp (spec, "-") == 0)
    return !issue->has_column;
  if (!issue->has_column)
    return FALSE;
  name = cak_source_column_name (issue->source.column);
  return strcmp (name, spec) == 0;
}

static gboolean
severity_matches (const char *spec, CakSeverity severity)
{
  if (strcmp (spec, "any") == 0 || strcmp (spec, "info") == 0)
    return TRUE;
  if (strcmp (spec, "warning") == 0)
    return severity >= CAK_SEVERITY_WARNING;
  return severity == CAK_SEVERITY_ERROR;
}

static char *
describe_issue (const CakIssue *issue)
{
  g_autofree char *where = cak_source_describe (&issue->source, issue->has_column);

  return g_strdup_printf ("%s %s: %s", severity_names[issue->severity], where, issue->message);
}

/* The report lines on a row, to show beside a line that was not found. */
static char *
issues_near (CakDataset *ds, const char *row_spec)
{
  const GArray *issues = cak_dataset_get_issues (ds);
  g_autoptr (GString) out = g_string_new (NULL);
  guint n = 0;

  for (guint i = 0; i < issues->len && n < 6; i++)
    {
      const CakIssue *issue = &g_array_index (issues, CakIssue, i);
      g_autofree char *line = NULL;

      if (strcmp (row_spec, "*") != 0 && !row_matches (row_spec, issue))
        continue;
      if (strcmp (row_spec, "*") == 0 && issue->severity == CAK_SEVERITY_INFO)
        continue;
      line = describe_issue (issue);
      g_string_append_printf (out, "\n      %s", line);
      n++;
    }
  if (n == 0)
    g_string_append (out, " none");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
check_issue (CakDataset *ds, GStrv f, GString *failures)
{
  const GArray *issues = cak_dataset_get_issues (ds);
  guint n_fields = g_strv_length (f);
  g_autofree char *texts = NULL;
  g_autofree char *near = NULL;

  for (guint i = 0; i < issues->len; i++)
    {
      const CakIssue *issue = &g_array_index (issues, CakIssue, i);
      gboolean all = TRUE;

      if (!row_matches (f[1], issue) || !column_matches (f[2], issue)
          || !severity_matches (f[3], issue->severity))
        continue;
      for (guint t = 4; t < n_fields && all; t++)
        all = strstr (issue->message, f[t]) != NULL;
      if (all)
        return;
    }
  texts = g_strjoinv ("”, “", f + 4);
  near = issues_near (ds, f[1]);
  fail (failures, "no %s line at row %s, column %s, saying “%s”; the report there:%s", f[3], f[1],
        f[2], texts, near);
}

static void
check_clean (CakDataset *ds, GStrv f, GString *failures)
{
  const GArray *issues = cak_dataset_get_issues (ds);

  for (guint i = 0; i < issues->len; i++)
    {
      const CakIssue *issue = &g_array_index (issues, CakIssue, i);

      if (issue->severity >= CAK_SEVERITY_WARNING && row_matches (f[1], issue))
        {
          g_autofree char *line = describe_issue (issue);

          fail (failures, "row %s should raise nothing, but: %s", f[1], line);
        }
    }
}

static const struct
{
  const char *name;
  int code;
} error_codes[] = {
  { "UNREADABLE", CAK_IMPORT_ERROR_UNREADABLE },
  { "EMPTY", CAK_IMPORT_ERROR_EMPTY },
  { "NOT_A_SPREADSHEET", CAK_IMPORT_ERROR_NOT_A_SPREADSHEET },
  { "NO_HEADER", CAK_IMPORT_ERROR_NO_HEADER },
  { "UNSUPPORTED", CAK_IMPORT_ERROR_UNSUPPORTED },
  { "CORRUPT", CAK_IMPORT_ERROR_CORRUPT },
  { "ENCRYPTED", CAK_IMPORT_ERROR_ENCRYPTED },
  { "TOO_LARGE", CAK_IMPORT_ERROR_TOO_LARGE },
  { "NO_PERIOD", CAK_IMPORT_ERROR_NO_PERIOD },
};

static void
check_error (const GError *error, GStrv f, GString *failures)
{
  int code = -1;

  for (guint i = 0; i < G_N_ELEMENTS (error_codes); i++)
    if (strcmp (error_codes[i].name, f[1]) == 0)
      code = error_codes[i].code;
  if (error == NULL)
    {
      fail (failures, "expected the import to fail with %s, but it succeeded", f[1]);
      return;
    }
  if (!g_error_matches (error, CAK_IMPORT_ERROR, code))
    fail (failures, "expected %s, got error %d: %s", f[1], error->code, error->message);
  for (guint t = 2; f[t] != NULL; t++)
    if (strstr (error->message, f[t]) == NULL)
      fail (failures, "the error does not say “%s”: %s", f[t], error->message);
}

/* Imports the case's file and checks every fact; returns what differs, "" when nothing. */
static char *
run_case (const Case *c)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "gauntlet", c->file, NULL);
  g_autoptr (CakDataset) ds = cak_dataset_new (cak_region_catalog_get_default ());
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) failures = g_string_new (NULL);
  gboolean expects_error = FALSE;
  Counts counts;

  for (guint i = 0; i < c->facts->len; i++)
    if (strcmp (((GStrv)g_ptr_array_index (c->facts, i))[0], "error") == 0)
      expects_error = TRUE;

  if (!cak_import_file (ds, file, NULL, NULL, &error))
    {
      if (!expects_error)
        fail (failures, "the import failed: %s", error->message);
      for (guint i = 0; i < c->facts->len; i++)
        {
          GStrv f = g_ptr_array_index (c->facts, i);

          if (strcmp (f[0], "error") == 0)
            check_error (error, f, failures);
        }
      return g_string_free (g_steal_pointer (&failures), FALSE);
    }

  counts = sum_counts (ds, failures);
  for (guint i = 0; i < c->facts->len; i++)
    {
      GStrv f = g_ptr_array_index (c->facts, i);

      if (strcmp (f[0], "value") == 0)
        check_value (ds, f, failures);
      else if (strcmp (f[0], "absent") == 0)
        check_absent (ds, f, failures);
      else if (strcmp (f[0], "coverage") == 0)
        check_coverage (ds, f, failures);
      else if (strcmp (f[0], "counts") == 0)
        {
          if (counts.rows != parse_uint (f[1]) || counts.imported != parse_uint (f[2])
              || counts.skipped != parse_uint (f[3]) || counts.rejected != parse_uint (f[4]))
            fail (failures,
                  "rows: expected %s = %s imported + %s skipped + %s rejected, got %u = %u + %u "
                  "+ %u",
                  f[1], f[2], f[3], f[4], counts.rows, counts.imported, counts.skipped,
                  counts.rejected);
        }
      else if (strcmp (f[0], "rows") == 0)
        {
          if (counts.rows != parse_uint (f[1]))
            fail (failures, "rows: expected %s, got %u", f[1], counts.rows);
        }
      else if (strcmp (f[0], "rejected") == 0)
        {
          if (counts.rejected != parse_uint (f[1]))
            fail (failures, "rejected: expected %s, got %u", f[1], counts.rejected);
        }
      else if (strcmp (f[0], "issue") == 0)
        check_issue (ds, f, failures);
      else if (strcmp (f[0], "clean") == 0)
        check_clean (ds, f, failures);
      else if (strcmp (f[0], "error") == 0)
        check_error (NULL, f, failures);
      else
        fail (failures, "bad manifest line: %s", f[0]);
    }
  return g_string_free (g_steal_pointer (&failures), FALSE);
}

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  g_autofree char *failures = run_case (c);

  if (*failures)
    g_test_fail_printf ("%s (%s):%s", c->file, c->what, failures);
}

/* Every file again: the corpus's verdict. */
static void
test_summary (void)
{
  guint n_passed = 0;
  g_autoptr (GString) open = g_string_new (NULL);

  for (guint i = 0; i < cases->len; i++)
    {
      const Case *c = g_ptr_array_index (cases, i);
      g_autofree char *failures = run_case (c);

      if (*failures == '\0')
        n_passed++;
      else
        g_string_append_printf (open, " %s", c->file);
    }
  g_assert_cmpuint (cases->len, >=, 25);
  if (n_passed == cases->len)
    g_test_message ("%u files: every row and every column accounted for", cases->len);
  else
    g_test_fail_printf ("%u of %u files accounted for; not yet:%s", n_passed, cases->len,
                        open->str);
}

int
main (int argc, char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  cases = read_manifest ();
  for (guint i = 0; i < cases->len; i++)
    {
      const Case *c = g_ptr_array_index (cases, i);
      g_autofree char *test_path = g_strdup_printf ("/gauntlet/%s", c->file);

      g_test_add_data_func (test_path, c, test_case);
    }
  g_test_add_func ("/gauntlet/summary", test_summary);

  status = g_test_run ();
  g_ptr_array_unref (cases);
  return status;
}
