/* cak-report.c: the monitoring-and-evaluation workbook, written with libxlsxwriter
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The workbook is a spreadsheet that others go on editing, not a picture of one: figures are
 * numbers, every percentage, difference, total and rank is a formula over the regency sheet (with
 * the value Cakupan computed stored as its result, so viewers that do not recalculate show the
 * same), and the charts are native charts over its cells. The data sheet holds every figure of
 * every period as imported, one row per region and period, in the layout Cakupan reads; the other
 * sheets carry a name that marks them as computed, so that importing the workbook back reads the
 * data sheet alone and gives the same dataset.
 */
#define G_LOG_DOMAIN "cak-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <math.h>
#include <unistd.h>
#include <string.h>
#include <xlsxwriter.h>

#include "cak-chart.h"
#include "cak-indicators.h"
#include "cak-number.h"
#include "cak-report-private.h"

#define T(text) cak_lang_gettext (r->lang, (text))

/* Okabe-Ito, as in the charts. */
#define COLOR_BLUE 0x0072B2
#define COLOR_SKY 0x56B4E9
#define COLOR_ORANGE 0xE69F00
#define COLOR_VERMILLION 0xD55E00
#define COLOR_GREEN 0x009E73
#define COLOR_PURPLE 0xCC79A7
#define COLOR_GREY 0x666666
#define COLOR_HEADER_FILL 0xDCE9F5
#define COLOR_TOTAL_FILL 0xF2F2F2
#define COLOR_BELOW_FILL 0xFBE3D6

/* Charts list every regency up to this many; beyond it, the part that matters most. */
#define CHART_MAX_ITEMS 40
#define CHART_PART_ITEMS 30

/* A month's average length in days: the step of the trend's time axis. */
#define DAYS_PER_MONTH 30.436875
/* Month and year in the language of the report, whatever the spreadsheet's own language. */
#define MONTH_FORMAT_ID "[$-421]mmm yyyy"
#define MONTH_FORMAT_EN "[$-409]mmm yyyy"

/* Columns of the regency sheet. */
enum
{
  COL_CODE,
  COL_NAME,
  COL_KIND,
  COL_WORKFORCE,
  COL_PU,
  COL_BPU,
  COL_JAKON,
  COL_PMI,
  COL_PARTICIPANTS,
  COL_COVERAGE,
  COL_UNCOVERED,
  COL_TARGET,
  COL_GAP,
  COL_RANK,
  COL_COMPARE,
  COL_CHANGE,
  N_COLS
};

#define FIRST_ROW 4 /* 0-based: the header is row 4 in the spreadsheet (index 3) */
#define HEADER_ROW 3

typedef struct
{
  lxw_workbook *wb;
  CakDataset *dataset;
  const CakReportOptions *opt;
  CakLang lang;
  CakReportSheets sheets;
  CakChartData *data;
  GArray *compare; /* double: coverage % of each row in the comparison period, NAN unknown */
  guint *rank;     /* rank of each row among the report's rows, 0 none */
  gboolean has_compare;
  guint n;          /* regency rows */
  guint total_row;  /* 0-based row of the total in the regency sheet */
  char *regencies;  /* the regency sheet's name, quoted for formulas */
  GPtrArray *names; /* sheet names that are marked as computed */
  char *title;
  char *place_period;

  GCancellable *cancellable;
  CakReportProgress progress;
  gpointer progress_data;

  /* The map's picture, drawn on a thread of its own while the sheets are written, and put on
   * the summary sheet where write_summary left room for it */
  GThread *map_thread;
  lxw_worksheet *map_sheet;
  guint map_row, map_col;

  lxw_format *f_title, *f_subtitle, *f_note, *f_header, *f_text, *f_code, *f_people, *f_pct, *f_pp,
      *f_rank, *f_total_text, *f_total_people, *f_total_pct, *f_total_pp, *f_label, *f_section,
      *f_kpi_people, *f_kpi_pct, *f_kpi_pp, *f_below, *f_sign_name, *f_wrap, *f_period, *f_month;
} Report;

typedef struct
{
  GBytes *png;
  GError *error;
} MapPicture;

static MapPicture *join_map (Report *r);

static void
map_picture_free (MapPicture *picture)
{
  g_clear_pointer (&picture->png, g_bytes_unref);
  g_clear_error (&picture->error);
  g_free (picture);
}

static void
report_clear (Report *r)
{
  MapPicture *picture = join_map (r);

  if (picture)
    map_picture_free (picture);
  g_clear_pointer (&r->data, cak_chart_data_unref);
  g_clear_pointer (&r->compare, g_array_unref);
  g_clear_pointer (&r->rank, g_free);
  g_clear_pointer (&r->regencies, g_free);
  g_clear_pointer (&r->names, g_ptr_array_unref);
  g_clear_pointer (&r->title, g_free);
  g_clear_pointer (&r->place_period, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Report, report_clear)

/**
 * cak_report_sheet_name:
 *
 * Returns: the name of one sheet in @lang. Sheet names may not hold "/", so the regency sheet
 * is "Cakupan per Kab-Kota".
 */
const char *
cak_report_sheet_name (CakReportSheets sheet, CakLang lang)
{
  switch (sheet)
    {
      case CAK_REPORT_SUMMARY:
        return cak_lang_gettext (lang, N_ ("Summary"));
      case CAK_REPORT_REGENCIES:
        return cak_lang_gettext (lang, N_ ("Regencies"));
      case CAK_REPORT_TREND:
        return cak_lang_gettext (lang, N_ ("Trend"));
      case CAK_REPORT_SEGMENTS:
        return cak_lang_gettext (lang, N_ ("Segments"));
      case CAK_REPORT_TARGET:
        return cak_lang_gettext (lang, N_ ("Gap to Target"));
      case CAK_REPORT_NOTES:
        return cak_lang_gettext (lang, N_ ("Import Notes"));
      case CAK_REPORT_DATA:
        return cak_lang_gettext (lang, N_ ("Data"));
      case CAK_REPORT_ACTIONS:
        return cak_lang_gettext (lang, N_ ("Action Plan"));
      case CAK_REPORT_CHECKLIST:
        /* TRANSLATORS: a sheet name, which may not hold "/": Inpres 2/2021 */
        return cak_lang_gettext (lang, N_ ("Inpres 2-2021"));
      default:
        g_return_val_if_reached (NULL);
    }
}

/* A sheet name as a formula refers to it: 'Cakupan per Kab-Kota' */
static char *
quote_sheet (const char *name)
{
  g_autoptr (GString) out = g_string_new ("'");

  for (const char *p = name; *p; p++)
    {
      if (*p == '\'')
        g_string_append_c (out, '\'');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '\'');
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
cell_name (guint row, guint col, gboolean absolute)
{
  char col_name[LXW_MAX_COL_NAME_LENGTH];

  lxw_col_to_name (col_name, col, FALSE);
  return absolute ? g_strdup_printf ("$%s$%u", col_name, row + 1)
                  : g_strdup_printf ("%s%u", col_name, row + 1);
}

static char *
col_range (guint col, guint first, guint last)
{
  char col_name[LXW_MAX_COL_NAME_LENGTH];

  lxw_col_to_name (col_name, col, FALSE);
  return g_strdup_printf ("$%s$%u:$%s$%u", col_name, first + 1, col_name, last + 1);
}

static gboolean
check (Report *r, lxw_error status, GError **error)
{
  if (status == LXW_NO_ERROR)
    return TRUE;
  if (error && *error == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _ ("The workbook could not be written: %s"),
                 lxw_strerror (status));
  return FALSE;
}

static gboolean
cancelled (Report *r, GError **error)
{
  return g_cancellable_set_error_if_cancelled (r->cancellable, error);
}

static void
progress (Report *r, double fraction)
{
  if (r->progress)
    r->progress (CLAMP (fraction, 0, 1), r->progress_data);
}

/* Writes a number, or nothing for an unknown one. */
static void
write_number (lxw_worksheet *ws, guint row, guint col, double value, lxw_format *format)
{
  if (isnan (value))
    worksheet_write_blank (ws, row, col, format);
  else
    worksheet_write_number (ws, row, col, value, format);
}

/* Writes a formula with the result Cakupan computed, or "" when that is unknown. */
static void
write_formula (lxw_worksheet *ws, guint row, guint col, const char *formula, double value,
               lxw_format *format)
{
  if (isnan (value))
    worksheet_write_formula_str (ws, row, col, formula, format, "");
  else
    worksheet_write_formula_num (ws, row, col, formula, format, value);
}

static lxw_format *
add_format (Report *r, gboolean bold, double size, const char *num_format, lxw_color_t fill)
{
  lxw_format *f = workbook_add_format (r->wb);

  format_set_font_name (f, "Calibri");
  format_set_font_size (f, size > 0 ? size : 11);
  if (bold)
    format_set_bold (f);
  if (num_format)
    format_set_num_format (f, num_format);
  if (fill)
    format_set_bg_color (f, fill);
  format_set_align (f, LXW_ALIGN_VERTICAL_CENTER);
  return f;
}

static void
make_formats (Report *r)
{
  const char *people = "#,##0";
  const char *pct = "0.00%";
  const char *pp = "+0.00;-0.00;0.00";

  r->f_title = add_format (r, TRUE, 15, NULL, 0);
  r->f_subtitle = add_format (r, FALSE, 11, NULL, 0);
  format_set_font_color (r->f_subtitle, 0x404040);
  r->f_note = add_format (r, FALSE, 9, NULL, 0);
  format_set_font_color (r->f_note, COLOR_GREY);
  format_set_italic (r->f_note);
  r->f_header = add_format (r, TRUE, 10, NULL, COLOR_HEADER_FILL);
  format_set_text_wrap (r->f_header);
  format_set_align (r->f_header, LXW_ALIGN_CENTER);
  format_set_bottom (r->f_header, LXW_BORDER_THIN);
  format_set_top (r->f_header, LXW_BORDER_THIN);
  r->f_text = add_format (r, FALSE, 0, NULL, 0);
  r->f_code = add_format (r, FALSE, 0, "@", 0);
  format_set_align (r->f_code, LXW_ALIGN_CENTER);
  r->f_people = add_format (r, FALSE, 0, people, 0);
  r->f_pct = add_format (r, FALSE, 0, pct, 0);
  r->f_pp = add_format (r, FALSE, 0, pp, 0);
  r->f_rank = add_format (r, FALSE, 0, "0", 0);
  format_set_align (r->f_rank, LXW_ALIGN_CENTER);
  r->f_period = add_format (r, FALSE, 0, "@", 0);
  r->f_month
      = add_format (r, FALSE, 9, r->lang == CAK_LANG_ID ? MONTH_FORMAT_ID : MONTH_FORMAT_EN, 0);
  format_set_font_color (r->f_month, COLOR_GREY);
  r->f_total_text = add_format (r, TRUE, 0, NULL, COLOR_TOTAL_FILL);
  r->f_total_people = add_format (r, TRUE, 0, people, COLOR_TOTAL_FILL);
  r->f_total_pct = add_format (r, TRUE, 0, pct, COLOR_TOTAL_FILL);
  r->f_total_pp = add_format (r, TRUE, 0, pp, COLOR_TOTAL_FILL);
  r->f_label = add_format (r, FALSE, 0, NULL, 0);
  format_set_font_color (r->f_label, 0x404040);
  r->f_section = add_format (r, TRUE, 12, NULL, 0);
  format_set_bottom (r->f_section, LXW_BORDER_THIN);
  r->f_kpi_people = add_format (r, TRUE, 12, people, 0);
  format_set_align (r->f_kpi_people, LXW_ALIGN_RIGHT);
  r->f_kpi_pct = add_format (r, TRUE, 12, pct, 0);
  format_set_align (r->f_kpi_pct, LXW_ALIGN_RIGHT);
  r->f_kpi_pp = add_format (r, TRUE, 12, pp, 0);
  format_set_align (r->f_kpi_pp, LXW_ALIGN_RIGHT);
  r->f_below = workbook_add_format (r->wb);
  format_set_font_color (r->f_below, 0xA0400A);
  format_set_bg_color (r->f_below, COLOR_BELOW_FILL);
  r->f_sign_name = add_format (r, TRUE, 0, NULL, 0);
  format_set_underline (r->f_sign_name, LXW_UNDERLINE_SINGLE);
  r->f_wrap = add_format (r, FALSE, 0, NULL, 0);
  format_set_text_wrap (r->f_wrap);
  format_set_align (r->f_wrap, LXW_ALIGN_VERTICAL_TOP);
}

/* Width in characters of a column that holds these texts. */
static double
fit_width (double current, const char *text)
{
  double w = text ? g_utf8_strlen (text, -1) * 1.05 + 2 : 0;

  return MAX (current, MIN (w, 60));
}

/* The lines a header takes in a column @width characters wide, wrapped at spaces as a
 * spreadsheet wraps it: a character of the bold 10-point header is taken as one of the digits a
 * width counts, and the cell's padding as one and a half. */
static guint
header_lines (const char *text, double width)
{
  g_auto (GStrv) words = g_strsplit (text ? text : "", " ", -1);
  double room = MAX (1.0, width - 1.5), line = 0;
  guint lines = 1;

  for (guint i = 0; words[i]; i++)
    {
      double w = g_utf8_strlen (words[i], -1);

      if (line > 0 && line + 1 + w > room)
        {
          lines++;
          line = 0;
        }
      line += (line > 0 ? 1 : 0) + w;
      /* A word wider than the column is broken across lines */
      while (line > room)
        {
          lines++;
          line -= room;
        }
    }
  return lines;
}

/* Writes a header row and makes it high enough for its longest header, so that no header
 * runs out of its cell. @widths are the columns' widths in characters. */
static void
write_header_row (Report *r, lxw_worksheet *ws, guint row, guint first_col,
                  const char *const *headers, const double *widths, guint n, double min_height)
{
  guint lines = 1;

  for (guint c = 0; c < n; c++)
    {
      worksheet_write_string (ws, row, first_col + c, headers[c], r->f_header);
      lines = MAX (lines, header_lines (headers[c], widths[c]));
    }
  worksheet_set_row (ws, row, MAX (min_height, 13.5 * lines + 4), NULL);
}

/* A4 landscape, one page wide, the header row repeated, "page X of Y" below. */
static void
setup_print (Report *r, lxw_worksheet *ws, const char *sheet_title, guint header_row,
             guint last_row, guint last_col)
{
  g_autofree char *header = NULL;
  g_autofree char *footer = NULL;
  g_autofree char *escaped = NULL;
  g_autoptr (GString) amp = g_string_new (NULL);

  /* "&" starts a code in headers and footers. */
  for (const char *p = sheet_title; *p; p++)
    {
      if (*p == '&')
        g_string_append_c (amp, '&');
      g_string_append_c (amp, *p);
    }
  escaped = g_string_free (g_steal_pointer (&amp), FALSE);

  worksheet_set_landscape (ws);
  worksheet_set_paper (ws, 9); /* A4 */
  worksheet_set_margins (ws, 0.5, 0.5, 0.75, 0.75);
  worksheet_fit_to_pages (ws, 1, 0);
  worksheet_center_horizontally (ws);
  if (header_row != G_MAXUINT)
    worksheet_repeat_rows (ws, header_row, header_row);
  worksheet_print_area (ws, 0, 0, last_row, last_col);
  header = g_strdup_printf ("&L&9%s&R&9%s", escaped, r->place_period);
  /* TRANSLATORS: the footer of every printed page; &P is the page, &N the number of pages. */
  footer = g_strdup_printf ("&L&9Cakupan %s&R&9%s", PACKAGE_VERSION, T (N_ ("Page &P of &N")));
  worksheet_set_header (ws, header);
  worksheet_set_footer (ws, footer);
}

/* Marks a sheet as computed from the data sheet, for the importer. */
static void
mark_computed (Report *r, const char *sheet_name)
{
  g_ptr_array_add (r->names, g_strdup (sheet_name));
}

static void
write_title (Report *r, lxw_worksheet *ws, const char *title, const char *subtitle)
{
  worksheet_set_row (ws, 0, 22, NULL);
  worksheet_write_string (ws, 0, 0, title, r->f_title);
  if (subtitle)
    worksheet_write_string (ws, 1, 0, subtitle, r->f_subtitle);
}

static const char *
kind_name (Report *r, const CakRegion *region)
{
  return region->kind == CAK_REGION_KIND_KOTA ? T (N_ ("City")) : T (N_ ("Regency"));
}

/* The workforce year(s) the figures use: "2024", or "2023–2024" when regencies differ. */
static char *
workforce_years (Report *r)
{
  guint lo = G_MAXUINT, hi = 0;

  for (guint i = 0; i < r->n; i++)
    {
      const CakIndicatorRow *row = &g_array_index (r->data->rows, CakIndicatorRow, i);

      if (isnan (row->workforce) || !cak_period_is_valid (row->workforce_period))
        continue;
      lo = MIN (lo, row->workforce_period.year);
      hi = MAX (hi, row->workforce_period.year);
    }
  if (hi == 0)
    return NULL;
  if (lo == hi)
    return g_strdup_printf ("%u", lo);
  return g_strdup_printf ("%u–%u", lo, hi);
}

/* The regency sheet */

static double
coverage_fraction (double pct)
{
  return isnan (pct) ? NAN : pct / 100.0;
}

static gboolean
write_regencies (Report *r, GError **error)
{
  const char *name = cak_report_sheet_name (CAK_REPORT_REGENCIES, r->lang);
  lxw_worksheet *ws = workbook_add_worksheet (r->wb, name);
  guint last = FIRST_ROW + r->n - 1, ncols = r->has_compare ? N_COLS : COL_COMPARE;
  double widths[N_COLS] = { 0 };
  g_autofree char *period = cak_period_format (r->data->period, r->lang);
  g_autofree char *compare = r->has_compare ? cak_period_format (r->data->compare, r->lang) : NULL;
  g_autofree char *years = workforce_years (r);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *compare_header = NULL;
  g_autofree char *change_header = NULL;
  g_autofree char *workforce_header = NULL;
  const char *headers[N_COLS];
  lxw_conditional_format cf;

  if (ws == NULL)
    return check (r, LXW_ERROR_SHEETNAME_ALREADY_USED, error);

  title = g_strdup_printf (T (N_ ("Coverage by regency and city: %s")), r->place_period);
  if (years)
    subtitle = g_strdup_printf (T (N_ ("Coverage = active participants ÷ employed persons "
                                       "(workforce, BPS, year %s) × 100%%.")),
                                years);
  else
    subtitle = g_strdup (T (N_ ("Coverage = active participants ÷ employed persons × 100%.")));
  write_title (r, ws, title, subtitle);
  worksheet_write_string (ws, 2, 0,
                          T (N_ ("Percentages, totals, differences and ranks are formulas: "
                                 "they follow any figure corrected here.")),
                          r->f_note);

  workforce_header
      = years ? g_strdup_printf (T (N_ ("Workforce %s")), years) : g_strdup (T (N_ ("Workforce")));
  headers[COL_CODE] = T (N_ ("Code"));
  headers[COL_NAME] = T (N_ ("Regency/city"));
  headers[COL_KIND] = T (N_ ("Kind"));
  headers[COL_WORKFORCE] = workforce_header;
  headers[COL_PU] = T (N_ ("Wage earners (PU)"));
  headers[COL_BPU] = T (N_ ("Informal workers (BPU)"));
  headers[COL_JAKON] = T (N_ ("Construction (Jakon)"));
  headers[COL_PMI] = T (N_ ("Migrant workers (PMI)"));
  headers[COL_PARTICIPANTS] = T (N_ ("Active participants"));
  headers[COL_COVERAGE] = T (N_ ("Coverage"));
  headers[COL_UNCOVERED] = T (N_ ("Not yet covered"));
  headers[COL_TARGET] = T (N_ ("Target"));
  headers[COL_GAP] = T (N_ ("Participants needed for target"));
  headers[COL_RANK] = T (N_ ("Rank"));
  if (r->has_compare)
    {
      compare_header = g_strdup_printf (T (N_ ("Coverage %s")), compare);
      change_header = g_strdup_printf (T (N_ ("Change since %s (points)")), compare);
      headers[COL_COMPARE] = compare_header;
      headers[COL_CHANGE] = change_header;
    }
  for (guint c = 0; c < ncols; c++)
    widths[c] = c == COL_NAME ? fit_width (0, headers[c]) : 12.5;
  widths[COL_CODE] = 8;
  widths[COL_KIND] = 10;

  for (guint i = 0; i < r->n; i++)
    {
      const CakIndicatorRow *row = &g_array_index (r->data->rows, CakIndicatorRow, i);
      guint y = FIRST_ROW + i;
      double cmp = g_array_index (r->compare, double, i);
      g_autofree char *d = cell_name (y, COL_WORKFORCE, FALSE);
      g_autofree char *p = cell_name (y, COL_PARTICIPANTS, FALSE);
      g_autofree char *j = cell_name (y, COL_COVERAGE, FALSE);
      g_autofree char *l = cell_name (y, COL_TARGET, FALSE);
      g_autofree char *o = cell_name (y, COL_COMPARE, FALSE);
      g_autofree char *e = cell_name (y, COL_PU, FALSE);
      g_autofree char *h = cell_name (y, COL_PMI, FALSE);
      g_autofree char *js = col_range (COL_COVERAGE, FIRST_ROW, last);
      g_autofree char *f = NULL;

      worksheet_write_string (ws, y, COL_CODE, row->region->code, r->f_code);
      worksheet_write_string (ws, y, COL_NAME, row->region->name, r->f_text);
      widths[COL_NAME] = fit_width (widths[COL_NAME], row->region->name);
      worksheet_write_string (ws, y, COL_KIND, kind_name (r, row->region), r->f_text);
      write_number (ws, y, COL_WORKFORCE, row->workforce, r->f_people);
      write_number (ws, y, COL_PU, cak_indicator_row_get (row, CAK_MEASURE_PU), r->f_people);
      write_number (ws, y, COL_BPU, cak_indicator_row_get (row, CAK_MEASURE_BPU), r->f_people);
      write_number (ws, y, COL_JAKON, cak_indicator_row_get (row, CAK_MEASURE_JAKON), r->f_people);
      write_number (ws, y, COL_PMI, cak_indicator_row_get (row, CAK_MEASURE_PMI), r->f_people);
      if (row->participants_from_segments)
        {
          f = g_strdup_printf ("=SUM(%s:%s)", e, h);
          write_formula (ws, y, COL_PARTICIPANTS, f, row->participants, r->f_people);
          g_clear_pointer (&f, g_free);
        }
      else
        write_number (ws, y, COL_PARTICIPANTS, row->participants, r->f_people);

      f = g_strdup_printf ("=IF(AND(ISNUMBER(%s),ISNUMBER(%s),N(%s)>0),%s/%s,\"\")", d, p, d, p, d);
      write_formula (ws, y, COL_COVERAGE, f, coverage_fraction (row->coverage_pct), r->f_pct);
      g_clear_pointer (&f, g_free);
      f = g_strdup_printf ("=IF(ISNUMBER(%s),MAX(0,%s-%s),\"\")", j, d, p);
      write_formula (ws, y, COL_UNCOVERED, f, row->uncovered, r->f_people);
      g_clear_pointer (&f, g_free);
      write_number (ws, y, COL_TARGET, coverage_fraction (row->target_pct), r->f_pct);
      /* As cak_indicator_gap_to_target(): rounded before the ceiling. */
      f = g_strdup_printf (
          "=IF(AND(ISNUMBER(%s),ISNUMBER(%s)),MAX(0,ROUNDUP(ROUND(%s*%s,6)-%s-1E-9,0)),\"\")", j, l,
          l, d, p);
      write_formula (ws, y, COL_GAP, f, row->gap_to_target, r->f_people);
      g_clear_pointer (&f, g_free);
      f = g_strdup_printf ("=IF(ISNUMBER(%s),RANK(%s,%s),\"\")", j, j, js);
      write_formula (ws, y, COL_RANK, f, r->rank[i] ? r->rank[i] : NAN, r->f_rank);
      g_clear_pointer (&f, g_free);
      if (r->has_compare)
        {
          double change = isnan (row->coverage_pct) || isnan (cmp) ? NAN : row->coverage_pct - cmp;

          write_number (ws, y, COL_COMPARE, coverage_fraction (cmp), r->f_pct);
          f = g_strdup_printf ("=IF(AND(ISNUMBER(%s),ISNUMBER(%s)),(%s-%s)*100,\"\")", j, o, j, o);
          write_formula (ws, y, COL_CHANGE, f, change, r->f_pp);
        }
      if ((i & 127) == 0 && cancelled (r, error))
        return FALSE;
    }

  /* The total: the province's figures, from the regencies that have both figures. */
  {
    guint y = r->total_row;
    const CakIndicatorRow *t = &r->data->total;
    g_autofree char *total_name = NULL;
    g_autofree char *both_wf = NULL;
    g_autofree char *both_part = NULL;
    g_autofree char *j = cell_name (y, COL_COVERAGE, FALSE);
    g_autofree char *l = cell_name (y, COL_TARGET, FALSE);
    g_autofree char *o = cell_name (y, COL_COMPARE, FALSE);
    g_autofree char *ds = col_range (COL_WORKFORCE, FIRST_ROW, last);
    g_autofree char *is = col_range (COL_PARTICIPANTS, FIRST_ROW, last);
    const guint sums[] = { COL_WORKFORCE, COL_PU, COL_BPU, COL_JAKON, COL_PMI, COL_PARTICIPANTS };
    const double values[] = { t->workforce,
                              cak_indicator_row_get (t, CAK_MEASURE_PU),
                              cak_indicator_row_get (t, CAK_MEASURE_BPU),
                              cak_indicator_row_get (t, CAK_MEASURE_JAKON),
                              cak_indicator_row_get (t, CAK_MEASURE_PMI),
                              t->participants };
    g_autofree char *f = NULL;

    total_name = g_strdup_printf (T (N_ ("Total %s")), r->data->place);
    worksheet_write_blank (ws, y, COL_CODE, r->f_total_text);
    worksheet_write_string (ws, y, COL_NAME, total_name, r->f_total_text);
    widths[COL_NAME] = fit_width (widths[COL_NAME], total_name);
    worksheet_write_blank (ws, y, COL_KIND, r->f_total_text);
    for (guint k = 0; k < G_N_ELEMENTS (sums); k++)
      {
        g_autofree char *range = col_range (sums[k], FIRST_ROW, last);
        g_autofree char *sum = g_strdup_printf ("=IF(COUNT(%s)>0,SUM(%s),\"\")", range, range);

        write_formula (ws, y, sums[k], sum, values[k], r->f_total_people);
      }
    /* As cak_indicators_province_total (): the regencies with both figures and a workforce
     * above 0; a workforce of 0 is never a denominator. */
    both_wf
        = g_strdup_printf ("SUMPRODUCT(%s,--ISNUMBER(%s),--ISNUMBER(%s),--(%s>0))", ds, is, ds, ds);
    both_part = g_strdup_printf ("SUMPRODUCT(%s,--ISNUMBER(%s),--(%s>0))", is, ds, ds);
    f = g_strdup_printf ("=IF(%s>0,%s/%s,\"\")", both_wf, both_part, both_wf);
    write_formula (ws, y, COL_COVERAGE, f, coverage_fraction (t->coverage_pct), r->f_total_pct);
    g_clear_pointer (&f, g_free);
    f = g_strdup_printf ("=IF(ISNUMBER(%s),MAX(0,%s-%s),\"\")", j, both_wf, both_part);
    write_formula (ws, y, COL_UNCOVERED, f, t->uncovered, r->f_total_people);
    g_clear_pointer (&f, g_free);
    write_number (ws, y, COL_TARGET, coverage_fraction (t->target_pct), r->f_total_pct);
    f = g_strdup_printf (
        "=IF(AND(ISNUMBER(%s),ISNUMBER(%s)),MAX(0,ROUNDUP(ROUND(%s*%s,6)-%s-1E-9,0)),\"\")", j, l,
        l, both_wf, both_part);
    write_formula (ws, y, COL_GAP, f, t->gap_to_target, r->f_total_people);
    g_clear_pointer (&f, g_free);
    worksheet_write_blank (ws, y, COL_RANK, r->f_total_text);
    if (r->has_compare)
      {
        double cmp = r->data->compare_total.coverage_pct;
        double change = isnan (t->coverage_pct) || isnan (cmp) ? NAN : t->coverage_pct - cmp;

        write_number (ws, y, COL_COMPARE, coverage_fraction (cmp), r->f_total_pct);
        f = g_strdup_printf ("=IF(AND(ISNUMBER(%s),ISNUMBER(%s)),(%s-%s)*100,\"\")", j, o, j, o);
        write_formula (ws, y, COL_CHANGE, f, change, r->f_total_pp);
      }
  }

  /* Colour on coverage, bars on the uncovered, and the names of regencies below target. */
  memset (&cf, 0, sizeof cf);
  cf.type = LXW_CONDITIONAL_3_COLOR_SCALE;
  cf.min_color = 0xF4B183;
  cf.mid_color = 0xFFF2CC;
  cf.max_color = 0x9DC3E6;
  worksheet_conditional_format_range (ws, FIRST_ROW, COL_COVERAGE, last, COL_COVERAGE, &cf);
  memset (&cf, 0, sizeof cf);
  cf.type = LXW_CONDITIONAL_DATA_BAR;
  cf.bar_color = COLOR_SKY;
  worksheet_conditional_format_range (ws, FIRST_ROW, COL_UNCOVERED, last, COL_UNCOVERED, &cf);
  {
    g_autofree char *j = cell_name (FIRST_ROW, COL_COVERAGE, FALSE);
    g_autofree char *l = cell_name (FIRST_ROW, COL_TARGET, FALSE);
    g_autofree char *rule = NULL;
    char jc[LXW_MAX_COL_NAME_LENGTH], lc[LXW_MAX_COL_NAME_LENGTH];

    lxw_col_to_name (jc, COL_COVERAGE, FALSE);
    lxw_col_to_name (lc, COL_TARGET, FALSE);
    rule = g_strdup_printf ("=AND(ISNUMBER($%s%u),ISNUMBER($%s%u),$%s%u<$%s%u)", jc, FIRST_ROW + 1,
                            lc, FIRST_ROW + 1, jc, FIRST_ROW + 1, lc, FIRST_ROW + 1);
    memset (&cf, 0, sizeof cf);
    cf.type = LXW_CONDITIONAL_TYPE_FORMULA;
    cf.value_string = rule;
    cf.format = r->f_below;
    worksheet_conditional_format_range (ws, FIRST_ROW, COL_NAME, last, COL_NAME, &cf);
    worksheet_conditional_format_range (ws, FIRST_ROW, COL_GAP, last, COL_GAP, &cf);
  }
  worksheet_write_string (ws, r->total_row + 2, 0,
                          T (N_ ("Names in red: coverage below target. Empty cells: no figure in "
                                 "the imported files.")),
                          r->f_note);
  if (!isnan (r->data->total.gap_to_target) && !isnan (r->data->total.regency_gaps))
    {
      g_autofree char *sum = cak_number_format (r->data->total.regency_gaps, 0, r->lang);
      g_autofree char *text = g_strdup_printf (
          T (N_ ("The total's participants needed is the overall gap to target (the target × the "
                 "total workforce − the total participants); the regencies' own gaps add up to "
                 "%s, the sum of regency gaps.")),
          sum);

      worksheet_write_string (ws, r->total_row + 4, 0, text, r->f_note);
    }
  {
    g_autoptr (GString) zero = g_string_new (NULL);
    guint n_zero = 0;

    for (guint i = 0; i < r->n; i++)
      {
        const CakIndicatorRow *row = &g_array_index (r->data->rows, CakIndicatorRow, i);

        if (!isnan (row->workforce) && row->workforce <= 0)
          {
            g_string_append (zero, n_zero++ ? ", " : "");
            g_string_append (zero, row->region->name);
          }
      }
    if (n_zero > 0)
      {
        g_autofree char *text = g_strdup_printf (
            T (N_ ("Workforce is 0 for %s: coverage cannot be computed there, and the "
                   "province’s coverage leaves it out.")),
            zero->str);

        worksheet_write_string (ws, r->total_row + 3, 0, text, r->f_note);
      }
  }

  for (guint c = 0; c < ncols; c++)
    worksheet_set_column (ws, c, c, widths[c], NULL);
  write_header_row (r, ws, HEADER_ROW, 0, headers, widths, ncols, 45);
  worksheet_autofilter (ws, HEADER_ROW, 0, last, ncols - 1);
  worksheet_freeze_panes (ws, FIRST_ROW, COL_KIND);
  setup_print (r, ws, title, HEADER_ROW, r->total_row + 4, ncols - 1);
  mark_computed (r, name);
  return TRUE;
}

/* Charts */

static void
style_chart (lxw_chart *chart, const char *title)
{
  lxw_chart_font title_font = { .size = 12, .bold = LXW_EXPLICIT_FALSE };

  chart_title_set_name (chart, title);
  chart_title_set_name_font (chart, &title_font);
  chart_set_style (chart, 2);
}

/* Inserts @chart at @row, about @width_px wide and @height_px high. */
static void
insert_chart (lxw_worksheet *ws, guint row, guint col, lxw_chart *chart, double width_px,
              double height_px)
{
  lxw_chart_options options = { 0 };

  options.x_offset = 4;
  options.y_offset = 4;
  options.x_scale = width_px / 480.0;
  options.y_scale = height_px / 288.0;
  worksheet_insert_chart_opt (ws, row, col, chart, &options);
}

static lxw_color_t
band_color (Report *r, double coverage, double target)
{
  if (isnan (target) || coverage >= target)
    return COLOR_BLUE;
  if (r->data->near_band > 0 && coverage >= target - r->data->near_band)
    return COLOR_ORANGE;
  return COLOR_VERMILLION;
}

/* Regencies in ranking order: coverage, highest first; those without coverage are left out. */
static int
compare_rank (gconstpointer a, gconstpointer b, gpointer user_data)
{
  Report *r = user_data;
  guint ia = *(const guint *)a, ib = *(const guint *)b;

  if (r->rank[ia] != r->rank[ib])
    return r->rank[ia] < r->rank[ib] ? -1 : 1;
  return ia < ib ? -1 : ia > ib;
}

static GArray *
ranked_rows (Report *r)
{
  GArray *order = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < r->n; i++)
    if (r->rank[i] > 0)
      g_array_append_val (order, i);
  g_array_sort_with_data (order, compare_rank, r);
  return order;
}

/* A formula that shows a cell of the regency sheet. */
static char *
ref (Report *r, guint row, guint col)
{
  g_autofree char *cell = cell_name (row, col, FALSE);

  return g_strdup_printf ("=%s!%s", r->regencies, cell);
}

/* A figure of the regency sheet; an empty cell stays empty rather than showing 0, as a plain
 * reference would. */
static char *
figure_ref (Report *r, guint row, guint col)
{
  g_autofree char *cell = cell_name (row, col, FALSE);

  return g_strdup_printf ("=IF(ISNUMBER(%s!%s),%s!%s,\"\")", r->regencies, cell, r->regencies,
                          cell);
}

static void
write_ref (Report *r, lxw_worksheet *ws, guint y, guint x, guint src_row, guint src_col,
           double value, lxw_format *format)
{
  g_autofree char *f = figure_ref (r, src_row, src_col);

  write_formula (ws, y, x, f, value, format);
}

/* The summary sheet */

static gboolean
is_set (const char *text)
{
  return text && *text;
}

/* The files a measure's figures in the report come from, by name. */
static char *
measure_files (Report *r, CakMeasure measure)
{
  g_autoptr (GPtrArray) files = g_ptr_array_new ();
  g_autoptr (GString) out = g_string_new (NULL);

  for (guint i = 0; i < r->n; i++)
    {
      const CakIndicatorRow *row = &g_array_index (r->data->rows, CakIndicatorRow, i);
      CakValue value;
      gboolean found;

      if (measure == CAK_MEASURE_WORKFORCE)
        found
            = !isnan (row->workforce)
              && cak_dataset_get (r->dataset, row->region, row->workforce_period, measure, &value);
      else
        found = cak_dataset_get (r->dataset, row->region, row->period, measure, &value);
      if (found && value.source.file && !g_ptr_array_find (files, value.source.file, NULL))
        g_ptr_array_add (files, (gpointer)value.source.file);
    }
  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *base = g_path_get_basename (g_ptr_array_index (files, i));

      if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, base);
    }
  return files->len ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

/* Where the regencies' targets come from, as cak_indicators_find_target() decides: typed for
 * the regency itself, the province's typed target, or an imported file; NULL when none has a
 * target. */
static char *
target_origins (Report *r)
{
  guint counts[CAK_TARGET_FILE + 1] = { 0 };
  g_autoptr (GPtrArray) files = g_ptr_array_new ();
  g_autoptr (GString) out = g_string_new (NULL);

  for (guint i = 0; i < r->n; i++)
    {
      const CakIndicatorRow *row = &g_array_index (r->data->rows, CakIndicatorRow, i);
      CakTargetOrigin origin;
      CakValue value;

      cak_indicators_find_target (r->dataset, row->region, row->period, &origin);
      counts[MIN (origin, CAK_TARGET_FILE)]++;
      if (origin == CAK_TARGET_FILE
          && (cak_dataset_get (r->dataset, row->region, row->period, CAK_MEASURE_TARGET_PCT, &value)
              || cak_dataset_get (r->dataset, row->region, cak_period_year (row->period.year),
                                  CAK_MEASURE_TARGET_PCT, &value))
          && value.source.file && !g_ptr_array_find (files, value.source.file, NULL))
        g_ptr_array_add (files, (gpointer)value.source.file);
    }
  if (counts[CAK_TARGET_NONE] == r->n)
    return NULL;
  if (counts[CAK_TARGET_TYPED])
    g_string_append_printf (out, T (N_ ("typed in the project for the regency or city itself: %u")),
                            counts[CAK_TARGET_TYPED]);
  if (counts[CAK_TARGET_TYPED_PROVINCE])
    {
      g_string_append (out, out->len ? "; " : "");
      g_string_append_printf (out, T (N_ ("the province’s target typed in the project: %u")),
                              counts[CAK_TARGET_TYPED_PROVINCE]);
    }
  if (counts[CAK_TARGET_FILE])
    {
      g_string_append (out, out->len ? "; " : "");
      g_string_append_printf (out, T (N_ ("from the imported files: %u")), counts[CAK_TARGET_FILE]);
      for (guint i = 0; i < files->len; i++)
        {
          g_autofree char *base = g_path_get_basename (g_ptr_array_index (files, i));

          g_string_append (out, i == 0 ? " (" : ", ");
          g_string_append (out, base);
        }
      g_string_append (out, files->len ? ")" : "");
    }
  if (counts[CAK_TARGET_NONE])
    {
      g_string_append (out, "; ");
      g_string_append_printf (out, T (N_ ("without a target: %u")), counts[CAK_TARGET_NONE]);
    }
  g_string_append (out, ". ");
  g_string_append (out, T (N_ ("A target typed in the project wins over a file’s; a regency’s "
                               "own over its province’s.")));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static guint
write_paragraph (Report *r, lxw_worksheet *ws, guint y, const char *label, const char *text)
{
  /* About 95 characters fit on a line across the merged columns. */
  guint lines = MAX (1, (g_utf8_strlen (text, -1) + 94) / 95);

  worksheet_write_string (ws, y, 0, label, r->f_label);
  worksheet_merge_range (ws, y, 1, y, 6, text, r->f_wrap);
  worksheet_set_row (ws, y, 15.5 * lines, NULL);
  return y + 1;
}

/* The province's figures as the imported file states them, beside the coverage Cakupan sums:
 * the stated percentage as a number, then its figures and the cell it was read from. */
static guint
write_stated (Report *r, lxw_worksheet *ws, guint y)
{
  const CakStatedFigures *stated = &r->data->stated;
  double participants = cak_stated_figures_participants (stated);
  double workforce = cak_stated_figures_get (stated, CAK_MEASURE_WORKFORCE);
  const CakSource *source = NULL;
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint m = 0; m < CAK_N_MEASURES && source == NULL; m++)
    if (stated->known & CAK_MEASURE_BIT (m))
      source = &stated->values[m].source;
  if (source == NULL)
    source = &stated->coverage_pct.source;

  worksheet_write_string (ws, y, 0, T (N_ ("Stated in the file")), r->f_label);
  if (stated->has_coverage)
    write_number (ws, y, 1, stated->coverage_pct.value / 100.0, r->f_kpi_pct);
  else
    worksheet_write_blank (ws, y, 1, r->f_kpi_pct);
  if (!isnan (participants) && !isnan (workforce))
    {
      g_autofree char *p = cak_number_format (participants, 0, r->lang);
      g_autofree char *w = cak_number_format (workforce, 0, r->lang);

      g_string_append_printf (text, T (N_ ("%s participants of %s workers")), p, w);
      if (workforce > 0)
        {
          g_autofree char *own
              = cak_number_format_percent (100.0 * participants / workforce, 2, r->lang);

          g_string_append (text, "; ");
          g_string_append_printf (text, T (N_ ("its own figures give %s")), own);
        }
      g_string_append (text, "; ");
    }
  {
    g_autofree char *base = g_path_get_basename (source->file ? source->file : "");

    g_string_append (text, base);
    if (source->sheet)
      {
        g_string_append (text, ", ");
        g_string_append_printf (text, T (N_ ("sheet “%s”")), source->sheet);
      }
    g_string_append (text, ", ");
    g_string_append_printf (text, T (N_ ("row %u")), source->row);
  }
  worksheet_write_string (ws, y, 2, text->str, r->f_text);
  return y + 1;
}

/* The colours of the ranking chart, each a series named in its legend */
typedef enum
{
  BAND_ALL, /* no targets: one series of coverage */
  BAND_REACHED,
  BAND_NEAR,
  BAND_BELOW,
} BandKind;

typedef struct
{
  const char *label;
  lxw_color_t color;
  BandKind kind;
} Band;

/* The condition on the coverage cell @c and the target cell @t that puts a regency in @kind;
 * @band is how far below target counts as near, as a fraction. */
static char *
band_test (BandKind kind, const char *c, const char *t, const char *band)
{
  switch (kind)
    {
      case BAND_REACHED:
        return g_strdup_printf ("OR(NOT(ISNUMBER(%s)),%s>=%s)", t, c, t);
      case BAND_NEAR:
        return g_strdup_printf ("AND(ISNUMBER(%s),%s<%s,%s>=%s-%s)", t, c, t, c, t, band);
      case BAND_BELOW:
        return g_strdup_printf ("AND(ISNUMBER(%s),%s<%s-%s)", t, c, t, band);
      case BAND_ALL:
      default:
        return g_strdup ("TRUE");
    }
}

static gboolean
has_targets (Report *r)
{
  for (guint i = 0; i < r->n; i++)
    if (!isnan (g_array_index (r->data->rows, CakIndicatorRow, i).target_pct))
      return TRUE;
  return FALSE;
}

/* Under the overall gap, the sum of the regencies' gaps beside it, as a formula over the regency
 * sheet, and the one line that says why the two differ. */
static guint
write_regency_gaps (Report *r, lxw_worksheet *ws, guint y)
{
  g_autofree char *range = col_range (COL_GAP, FIRST_ROW, FIRST_ROW + r->n - 1);
  g_autofree char *f = g_strdup_printf ("=IF(COUNT(%s!%s)>0,SUM(%s!%s),\"\")", r->regencies, range,
                                        r->regencies, range);
  const char *why = T (N_ ("The overall gap lets the regencies and cities above target offset "
                           "those below; this sum does not."));
  /* About 60 characters fit on a line across the merged columns. */
  guint lines = MAX (1, (g_utf8_strlen (why, -1) + 59) / 60);

  worksheet_write_string (ws, y, 0, T (N_ ("Sum of regency gaps")), r->f_label);
  write_formula (ws, y, 1, f, r->data->total.regency_gaps, r->f_kpi_people);
  worksheet_merge_range (ws, y, 2, y, 6, why, r->f_wrap);
  worksheet_set_row (ws, y, 15.5 * lines, NULL);
  return y + 1;
}

/* The map of the regencies, as a picture under the key figures: drawn in the report's language
 * (the chart data carries it), at its size, on a thread of its own while the sheets are
 * written (30 ms of processor time, most of it the PNG's compression). Drawn at twice the size
 * it would print sharper, but the PNG then takes four times as long. */
#define MAP_WIDTH 800.0
#define MAP_HEIGHT 450.0
#define MAP_SCALE 1.0

static gpointer
draw_map_thread (gpointer user_data)
{
  CakChartData *data = user_data;
  MapPicture *picture = g_new0 (MapPicture, 1);
  CakChartTheme theme;

  cak_chart_theme_init (&theme, CAK_CHART_THEME_LIGHT);
  picture->png = cak_chart_render_png (CAK_CHART_MAP, data, &theme, MAP_WIDTH, MAP_HEIGHT,
                                       MAP_SCALE, &picture->error);
  cak_chart_data_unref (data);
  return picture;
}

/* The map's picture starts to be drawn as the workbook does */
static void
start_map (Report *r)
{
  r->map_thread = g_thread_new ("cak-report-map", draw_map_thread, cak_chart_data_ref (r->data));
}

static MapPicture *
join_map (Report *r)
{
  GThread *thread = g_steal_pointer (&r->map_thread);

  return thread ? g_thread_join (thread) : NULL;
}

/* Where the picture goes: it is put there when it is drawn (see insert_map) */
static void
place_map (Report *r, lxw_worksheet *ws, guint row, guint col)
{
  r->map_sheet = ws;
  r->map_row = row;
  r->map_col = col;
}

static gboolean
insert_map (Report *r, GError **error)
{
  MapPicture *picture = join_map (r);
  g_autofree char *description = NULL;
  lxw_image_options options = { 0 };
  const guint8 *bytes;
  gboolean ok;
  gsize size;

  if (picture == NULL || r->map_sheet == NULL)
    {
      if (picture)
        map_picture_free (picture);
      return TRUE;
    }
  if (picture->png == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&picture->error));
      map_picture_free (picture);
      return FALSE;
    }
  description = cak_chart_describe (CAK_CHART_MAP, r->data);
  bytes = g_bytes_get_data (picture->png, &size);
  options.x_offset = 8;
  options.y_offset = 4;
  options.x_scale = 1 / MAP_SCALE;
  options.y_scale = 1 / MAP_SCALE;
  options.description = description;
  options.object_position = LXW_OBJECT_MOVE_DONT_SIZE;
  ok = check (r,
              worksheet_insert_image_buffer_opt (r->map_sheet, r->map_row, r->map_col, bytes, size,
                                                 &options),
              error);
  map_picture_free (picture);
  return ok;
}

static gboolean
write_summary (Report *r, GError **error)
{
  const char *name = cak_report_sheet_name (CAK_REPORT_SUMMARY, r->lang);
  lxw_worksheet *ws = workbook_add_worksheet (r->wb, name);
  const CakIndicatorRow *t = &r->data->total;
  guint total = r->total_row, y;
  g_autofree char *period = cak_period_format (r->data->period, r->lang);
  g_autofree char *compare = r->has_compare ? cak_period_format (r->data->compare, r->lang) : NULL;
  g_autofree char *years = workforce_years (r);
  g_autofree char *date = NULL;
  g_autoptr (GDateTime) now = NULL;
  g_autoptr (GArray) order = ranked_rows (r);
  g_autofree char *j_range = col_range (COL_COVERAGE, FIRST_ROW, FIRST_ROW + r->n - 1);
  g_autofree char *l_range = col_range (COL_TARGET, FIRST_ROW, FIRST_ROW + r->n - 1);
  g_autofree char *js = g_strdup_printf ("%s!%s", r->regencies, j_range);
  g_autofree char *ls = g_strdup_printf ("%s!%s", r->regencies, l_range);
  guint n_below = 0, n_with = 0;

  if (ws == NULL)
    return check (r, LXW_ERROR_SHEETNAME_ALREADY_USED, error);
  now = r->opt->date ? g_date_time_ref (r->opt->date) : g_date_time_new_now_local ();
  date = cak_period_format_date (now, r->lang);

  worksheet_set_column (ws, 0, 0, 40, NULL);
  worksheet_set_column (ws, 1, 1, 18, NULL);
  worksheet_set_column (ws, 2, 7, 13, NULL);
  worksheet_gridlines (ws, LXW_HIDE_ALL_GRIDLINES);
  write_title (r, ws, r->title, is_set (r->opt->agency) ? r->opt->agency : NULL);

  y = 3;
  worksheet_write_string (ws, y, 0, r->data->province ? T (N_ ("Province")) : T (N_ ("Area")),
                          r->f_label);
  worksheet_write_string (ws, y++, 1, r->data->place, r->f_text);
  worksheet_write_string (ws, y, 0, T (N_ ("Period")), r->f_label);
  worksheet_write_string (ws, y++, 1, period, r->f_text);
  worksheet_write_string (ws, y, 0, T (N_ ("Compared with")), r->f_label);
  worksheet_write_string (ws, y++, 1, compare ? compare : T (N_ ("No comparison")), r->f_text);

  y++;
  worksheet_write_string (ws, y, 0, T (N_ ("Key figures")), r->f_section);
  worksheet_write_blank (ws, y++, 1, r->f_section);
  {
    g_autofree char *wf_label = years ? g_strdup_printf (T (N_ ("Workforce (employed, %s)")), years)
                                      : g_strdup (T (N_ ("Workforce (employed)")));
    g_autofree char *change_label
        = compare ? g_strdup_printf (T (N_ ("Change since %s (points)")), compare) : NULL;
    g_autofree char *count_f = g_strdup_printf ("=COUNT(%s)", js);
    g_autofree char *below_f
        = g_strdup_printf ("=SUMPRODUCT(ISNUMBER(%s)*ISNUMBER(%s)*(%s<%s))", js, ls, js, ls);
    struct
    {
      const char *label;
      guint col;
      double value;
      lxw_format *format;
    } kpis[] = {
      { wf_label, COL_WORKFORCE, t->workforce, r->f_kpi_people },
      { T (N_ ("Active participants")), COL_PARTICIPANTS, t->participants, r->f_kpi_people },
      { T (N_ ("Coverage")), COL_COVERAGE, coverage_fraction (t->coverage_pct), r->f_kpi_pct },
      { T (N_ ("Target")), COL_TARGET, coverage_fraction (t->target_pct), r->f_kpi_pct },
      { T (N_ ("Not yet covered")), COL_UNCOVERED, t->uncovered, r->f_kpi_people },
      { T (N_ ("Overall gap to target")), COL_GAP, t->gap_to_target, r->f_kpi_people },
    };

    for (guint k = 0; k < G_N_ELEMENTS (kpis); k++)
      {
        worksheet_write_string (ws, y, 0, kpis[k].label, r->f_label);
        write_ref (r, ws, y++, 1, total, kpis[k].col, kpis[k].value, kpis[k].format);
        if (kpis[k].col == COL_COVERAGE && r->data->has_stated)
          y = write_stated (r, ws, y);
        if (kpis[k].col == COL_GAP)
          y = write_regency_gaps (r, ws, y);
      }
    if (r->has_compare)
      {
        double cmp = r->data->compare_total.coverage_pct;

        worksheet_write_string (ws, y, 0, change_label, r->f_label);
        write_ref (r, ws, y++, 1, total, COL_CHANGE,
                   isnan (t->coverage_pct) || isnan (cmp) ? NAN : t->coverage_pct - cmp,
                   r->f_kpi_pp);
      }
    for (guint i = 0; i < r->n; i++)
      {
        const CakIndicatorRow *row = &g_array_index (r->data->rows, CakIndicatorRow, i);

        if (isnan (row->coverage_pct))
          continue;
        n_with++;
        if (!isnan (row->target_pct) && row->coverage_pct < row->target_pct)
          n_below++;
      }
    worksheet_write_string (ws, y, 0, T (N_ ("Regencies and cities with figures")), r->f_label);
    worksheet_write_formula_num (ws, y++, 1, count_f, r->f_kpi_people, n_with);
    worksheet_write_string (ws, y, 0, T (N_ ("…of which below target")), r->f_label);
    worksheet_write_formula_num (ws, y++, 1, below_f, r->f_kpi_people, n_below);
  }

  /* The map under the key figures, within the printed columns; rows are 20 pixels high */
  y++;
  worksheet_write_string (ws, y, 0, T (N_ ("Map")), r->f_section);
  for (guint c = 1; c <= 6; c++)
    worksheet_write_blank (ws, y, c, r->f_section);
  y++;
  place_map (r, ws, y, 0);
  y += (guint)ceil (MAP_HEIGHT / 20.0) + 1;

  y++;
  worksheet_write_string (ws, y, 0, T (N_ ("Definitions and sources")), r->f_section);
  for (guint c = 1; c <= 6; c++)
    worksheet_write_blank (ws, y, c, r->f_section);
  y++;
  y = write_paragraph (
      r, ws, y, T (N_ ("Coverage")),
      T (N_ ("Active BPJS Ketenagakerjaan participants (PU, BPU, Jakon and PMI) divided by the "
             "employed persons of the regency or city (BPS, Sakernas, August), times 100%.")));
  y = write_paragraph (
      r, ws, y, T (N_ ("Not yet covered")),
      T (N_ ("Employed persons minus active participants: the workers not yet protected.")));
  y = write_paragraph (
      r, ws, y, T (N_ ("Overall gap to target")),
      T (N_ ("Target × employed persons − active participants of the area as a whole, rounded "
             "up; zero once the area reaches its target. The regencies and cities above target "
             "offset those below.")));
  y = write_paragraph (
      r, ws, y, T (N_ ("Sum of regency gaps")),
      T (N_ ("The gaps of the regencies and cities below their target (target × employed persons "
             "− active participants of each, rounded up), added up; those above target offset "
             "nothing. The sheet “Gap to Target” lists them.")));
  {
    const struct
    {
      const char *label;
      CakMeasure measure;
    } sources[] = {
      { N_ ("Active participants"), CAK_MEASURE_PARTICIPANTS },
      { N_ ("Workforce"), CAK_MEASURE_WORKFORCE },
      { N_ ("Target"), CAK_MEASURE_TARGET_PCT },
    };

    for (guint k = 0; k < G_N_ELEMENTS (sources); k++)
      {
        g_autofree char *files = measure_files (r, sources[k].measure);
        g_autofree char *label = g_strdup_printf (T (N_ ("Source: %s")), T (sources[k].label));
        g_autofree char *text = NULL;

        if (files == NULL && sources[k].measure == CAK_MEASURE_PARTICIPANTS)
          files = measure_files (r, CAK_MEASURE_PU);
        if (sources[k].measure == CAK_MEASURE_TARGET_PCT)
          text = target_origins (r);
        if (text == NULL && files == NULL)
          continue;
        if (text == NULL && sources[k].measure == CAK_MEASURE_PARTICIPANTS)
          text = g_strdup_printf (T (N_ ("%s; figures as of %s.")), files, period);
        else if (text == NULL && sources[k].measure == CAK_MEASURE_WORKFORCE && years)
          text = g_strdup_printf (T (N_ ("%s; BPS figures for %s (the latest year at or before "
                                         "the period).")),
                                  files, years);
        else if (text == NULL)
          text = g_strdup_printf ("%s.", files);
        y = write_paragraph (r, ws, y, label, text);
      }
  }
  {
    g_autofree char *made = NULL;
    g_autofree char *time = g_date_time_format (now, "%H.%M");

    made = g_strdup_printf (T (N_ ("%s at %s, by Cakupan %s.")), date, time, PACKAGE_VERSION);
    y = write_paragraph (r, ws, y, T (N_ ("Made")), made);
  }

  /* The signature block that official reports end with. */
  if (is_set (r->opt->place) || is_set (r->opt->signer_position) || is_set (r->opt->signer_name)
      || is_set (r->opt->signer_nip))
    {
      g_autofree char *place_date = is_set (r->opt->place)
                                        ? g_strdup_printf ("%s, %s", r->opt->place, date)
                                        : g_strdup (date);
      lxw_format *center = r->f_text;

      y += 2;
      worksheet_merge_range (ws, y, 4, y, 6, place_date, center);
      y++;
      if (is_set (r->opt->signer_position))
        worksheet_merge_range (ws, y, 4, y, 6, r->opt->signer_position, center), y++;
      y += 3;
      if (is_set (r->opt->signer_name))
        worksheet_merge_range (ws, y, 4, y, 6, r->opt->signer_name, r->f_sign_name), y++;
      if (is_set (r->opt->signer_nip))
        {
          g_autofree char *nip = g_strdup_printf ("NIP %s", r->opt->signer_nip);

          worksheet_merge_range (ws, y, 4, y, 6, nip, center);
          y++;
        }
    }

  /* The ranking: its table below, a native chart of it above. */
  if (order->len > 0)
    {
      guint chart_row = y + 1, table_row, first, count, n_bands = 0;
      double rows_px;
      g_autofree char *chart_title = NULL;
      g_autofree char *near_label = NULL;
      g_autofree char *band_pct = NULL;
      const char *sheet = name;
      gboolean targets = has_targets (r);
      double band = targets ? MAX (0, r->data->near_band) : 0;
      const char *headers[8];
      const double widths[8] = { 40, 18, 13, 13, 13, 13, 13, 13 };
      guint n_headers = 5;
      Band bands[3];
      lxw_chart *chart;

      if (order->len <= CHART_MAX_ITEMS)
        {
          first = 0;
          count = order->len;
          chart_title = g_strdup_printf (T (N_ ("Coverage by regency and city, %s")), period);
        }
      else
        {
          first = order->len - CHART_PART_ITEMS;
          count = CHART_PART_ITEMS;
          chart_title = g_strdup_printf (T (N_ ("The %u regencies and cities with the lowest "
                                                "coverage, %s")),
                                         count, period);
        }

      /* The chart's colours are series, named in its legend: at or above target, near it,
       * below it; without targets, one series of coverage. */
      if (targets)
        {
          char buf[G_ASCII_DTOSTR_BUF_SIZE];

          /* In a formula the decimal point is always "." */
          band_pct = g_strdup (g_ascii_dtostr (buf, sizeof buf, band / 100.0));
          bands[n_bands++] = (Band){ T (N_ ("At or above target")), COLOR_BLUE, BAND_REACHED };
          if (band > 0)
            {
              g_autofree char *b = cak_number_format (band, 0, r->lang);

              near_label = g_strdup_printf (T (N_ ("Within %s pp of target")), b);
              bands[n_bands++] = (Band){ near_label, COLOR_ORANGE, BAND_NEAR };
            }
          bands[n_bands++] = (Band){ T (N_ ("Below target")), COLOR_VERMILLION, BAND_BELOW };
        }
      else
        bands[n_bands++] = (Band){ T (N_ ("Coverage")), COLOR_BLUE, BAND_ALL };

      rows_px = 90 + 17.0 * count;
      table_row = chart_row + (guint)ceil (rows_px / 20.0) + 2;

      worksheet_write_string (ws, table_row, 0, T (N_ ("Ranking")), r->f_section);
      for (guint c = 1; c < (targets ? 5 + n_bands : 5); c++)
        worksheet_write_blank (ws, table_row, c, r->f_section);
      table_row++;
      headers[0] = T (N_ ("Regency/city"));
      headers[1] = T (N_ ("Rank"));
      headers[2] = T (N_ ("Coverage"));
      headers[3] = T (N_ ("Target"));
      headers[4] = T (N_ ("Not yet covered"));
      /* With targets, the coverage again in the column of its band: the chart's series */
      if (targets)
        for (guint b = 0; b < n_bands; b++)
          headers[n_headers++] = bands[b].label;
      write_header_row (r, ws, table_row, 0, headers, widths, n_headers, 15);
      table_row++;
      for (guint k = 0; k < order->len; k++)
        {
          guint i = g_array_index (order, guint, k);
          const CakIndicatorRow *row = &g_array_index (r->data->rows, CakIndicatorRow, i);
          guint src = FIRST_ROW + i, yy = table_row + k;

          {
            g_autofree char *f = ref (r, src, COL_NAME);

            worksheet_write_formula_str (ws, yy, 0, f, r->f_text, row->region->name);
          }
          write_ref (r, ws, yy, 1, src, COL_RANK, r->rank[i], r->f_rank);
          write_ref (r, ws, yy, 2, src, COL_COVERAGE, coverage_fraction (row->coverage_pct),
                     r->f_pct);
          write_ref (r, ws, yy, 3, src, COL_TARGET, coverage_fraction (row->target_pct), r->f_pct);
          write_ref (r, ws, yy, 4, src, COL_UNCOVERED, row->uncovered, r->f_people);
          if (targets)
            {
              g_autofree char *c = cell_name (yy, 2, FALSE);
              g_autofree char *tc = cell_name (yy, 3, FALSE);
              lxw_color_t mine = band_color (r, row->coverage_pct, row->target_pct);

              for (guint b = 0; b < n_bands; b++)
                {
                  g_autofree char *test = band_test (bands[b].kind, c, tc, band_pct);
                  g_autofree char *f
                      = g_strdup_printf ("=IF(AND(ISNUMBER(%s),%s),%s,\"\")", c, test, c);

                  write_formula (ws, yy, 5 + b, f,
                                 bands[b].color == mine ? coverage_fraction (row->coverage_pct)
                                                        : NAN,
                                 r->f_pct);
                }
            }
        }

      {
        /* The chart and the ranking each start a page. */
        lxw_row_t breaks[] = { chart_row, table_row - 2, 0 };

        worksheet_set_h_pagebreaks (ws, breaks);
      }
      chart = workbook_add_chart (r->wb, LXW_CHART_BAR);
      for (guint b = 0; b < n_bands; b++)
        {
          lxw_chart_series *series = chart_add_series (chart, NULL, NULL);
          lxw_chart_fill fill = { .color = bands[b].color };
          guint col = targets ? 5 + b : 2;

          chart_series_set_categories (series, sheet, table_row + first, 0,
                                       table_row + first + count - 1, 0);
          chart_series_set_values (series, sheet, table_row + first, col,
                                   table_row + first + count - 1, col);
          chart_series_set_name (series, bands[b].label);
          chart_series_set_fill (series, &fill);
          chart_series_set_labels (series);
          chart_series_set_labels_num_format (series, "0.0%");
        }
      /* The target: one line across the bars, drawn as the end of a bar of the target's length
       * that is itself not drawn; named in the legend. */
      if (targets && !isnan (r->data->total.target_pct))
        {
          lxw_chart_series *series = chart_add_series (chart, NULL, NULL);
          lxw_chart_fill none = { .none = LXW_TRUE };
          lxw_chart_line no_line = { .none = LXW_TRUE };
          lxw_chart_line tick = { .color = 0x222222, .width = 2.25 };
          g_autofree char *target
              = cak_number_format_percent (r->data->total.target_pct, 0, r->lang);
          g_autofree char *label = g_strdup_printf (T (N_ ("Target %s")), target);

          chart_series_set_categories (series, sheet, table_row + first, 0,
                                       table_row + first + count - 1, 0);
          chart_series_set_values (series, sheet, table_row + first, 3,
                                   table_row + first + count - 1, 3);
          chart_series_set_name (series, label);
          chart_series_set_fill (series, &none);
          chart_series_set_line (series, &no_line);
          chart_series_set_error_bars (series->x_error_bars, LXW_CHART_ERROR_BAR_TYPE_FIXED, 0);
          chart_series_set_error_bars_direction (series->x_error_bars,
                                                 LXW_CHART_ERROR_BAR_DIR_PLUS);
          chart_series_set_error_bars_endcap (series->x_error_bars, LXW_CHART_ERROR_BAR_END_CAP);
          chart_series_set_error_bars_line (series->x_error_bars, &tick);
        }
      /* One bar a row: the band series overlap, each empty where the regency is not its band */
      chart_set_series_overlap (chart, 100);
      chart_set_series_gap (chart, 40);
      style_chart (chart, chart_title);
      chart_legend_set_position (chart, LXW_CHART_LEGEND_TOP);
      /* In a bar chart the categories run up the y axis: reversed, the first is at the top. */
      chart_axis_set_reverse (chart->y_axis);
      chart_axis_set_num_format (chart->x_axis, "0%");
      chart_axis_set_min (chart->x_axis, 0);
      insert_chart (ws, chart_row, 0, chart, 860, rows_px);
      y = table_row + order->len;
    }

  setup_print (r, ws, r->title, G_MAXUINT, y, 7);
  worksheet_activate (ws);
  mark_computed (r, name);
  return TRUE;
}

/* The trend sheet */

/* The spreadsheet's serial day number of the 15th of a period's last month. */
static double
period_serial (CakPeriod period)
{
  guint month = cak_period_last_month (period); /* year × 12 + (month − 1) */
  GDate epoch, day;

  g_date_clear (&epoch, 1);
  g_date_clear (&day, 1);
  g_date_set_dmy (&epoch, 30, G_DATE_DECEMBER, 1899);
  g_date_set_dmy (&day, 15, month % 12 + 1, month / 12);
  return g_date_days_between (&epoch, &day);
}

/* Rows furthest below their target (or lowest in coverage without one) in the last period. */
static int
compare_shortfall (gconstpointer a, gconstpointer b, gpointer user_data)
{
  Report *r = user_data;
  const CakIndicatorRow *ra = &g_array_index (r->data->rows, CakIndicatorRow, *(const guint *)a);
  const CakIndicatorRow *rb = &g_array_index (r->data->rows, CakIndicatorRow, *(const guint *)b);
  double sa = isnan (ra->target_pct) ? -ra->coverage_pct : ra->target_pct - ra->coverage_pct;
  double sb = isnan (rb->target_pct) ? -rb->coverage_pct : rb->target_pct - rb->coverage_pct;

  return sa > sb ? -1 : sa < sb ? 1 : 0;
}

static gboolean
write_trend (Report *r, GError **error)
{
  const char *name = cak_report_sheet_name (CAK_REPORT_TREND, r->lang);
  lxw_worksheet *ws = workbook_add_worksheet (r->wb, name);
  GArray *periods = r->data->periods;
  g_autoptr (GArray) cols = g_array_new (FALSE, FALSE, sizeof (guint));
  guint np, header = 24, first = header + 1, y, dates_row;
  g_autofree char *title = NULL;
  g_autoptr (GArray) lowest = g_array_new (FALSE, FALSE, sizeof (guint));
  double name_width = 24;
  gboolean any_target = FALSE;

  if (ws == NULL)
    return check (r, LXW_ERROR_SHEETNAME_ALREADY_USED, error);
  /* A page wide: the last thirteen periods (a year, month by month), and before them the end
   * of each earlier year. Every period is in the sheet "Data". */
  for (guint k = 0; k < periods->len; k++)
    {
      CakPeriod p = g_array_index (periods, CakPeriod, k);
      gboolean year_end
          = k + 1 == periods->len || g_array_index (periods, CakPeriod, k + 1).year != p.year;

      if (k + 13 >= periods->len || year_end)
        g_array_append_val (cols, k);
    }
  np = cols->len;
  title = g_strdup_printf (T (N_ ("Coverage by period: %s")), r->data->place);
  write_title (r, ws, title,
               np < periods->len
                   ? T (N_ ("Active participants ÷ employed persons: the end of each earlier year, "
                            "then the last thirteen periods. Every period is in the sheet "
                            "“Data”."))
                   : T (N_ ("Active participants ÷ employed persons in each period, as computed "
                            "by Cakupan from the sheet “Data”.")));

  worksheet_set_row (ws, header, 30, NULL);
  worksheet_write_string (ws, header, 0, T (N_ ("Code")), r->f_header);
  worksheet_write_string (ws, header, 1, T (N_ ("Region")), r->f_header);
  for (guint c = 0; c < cols->len; c++)
    {
      CakPeriod p = g_array_index (periods, CakPeriod, g_array_index (cols, guint, c));
      g_autofree char *label = cak_period_format (p, r->lang);

      worksheet_write_string (ws, header, 2 + c, label, r->f_header);
    }

  y = first;
  worksheet_write_string (ws, y, 0, r->data->province ? r->data->province->code : "",
                          r->f_total_text);
  worksheet_write_string (ws, y, 1, r->data->place, r->f_total_text);
  for (guint c = 0; c < cols->len; c++)
    write_number (ws, y, 2 + c,
                  coverage_fraction (cak_chart_data_history (r->data, CAK_CHART_ITEM_TOTAL,
                                                             g_array_index (cols, guint, c))),
                  r->f_total_pct);
  y++;
  worksheet_write_blank (ws, y, 0, r->f_note);
  worksheet_write_string (ws, y, 1, T (N_ ("Target")), r->f_text);
  for (guint c = 0; c < cols->len; c++)
    {
      double target = r->data->history_target[g_array_index (cols, guint, c)];

      any_target |= !isnan (target);
      write_number (ws, y, 2 + c, coverage_fraction (target), r->f_pct);
    }
  y++;
  for (guint i = 0; i < r->n; i++, y++)
    {
      const CakIndicatorRow *row = &g_array_index (r->data->rows, CakIndicatorRow, i);

      worksheet_write_string (ws, y, 0, row->region->code, r->f_code);
      worksheet_write_string (ws, y, 1, row->region->name, r->f_text);
      name_width = fit_width (name_width, row->region->name);
      for (guint c = 0; c < cols->len; c++)
        write_number (
            ws, y, 2 + c,
            coverage_fraction (cak_chart_data_history (r->data, i, g_array_index (cols, guint, c))),
            r->f_pct);
      if (!isnan (row->coverage_pct))
        g_array_append_val (lowest, i);
      if ((i & 63) == 0 && cancelled (r, error))
        return FALSE;
    }
  /* Each period as a date, the middle of its last month: the chart spaces the periods by these,
   * so that a year between two columns is drawn as a year, not as one step. */
  dates_row = ++y;
  worksheet_write_string (ws, dates_row, 1, T (N_ ("Period as a date, for the chart")), r->f_note);
  for (guint c = 0; c < cols->len; c++)
    {
      CakPeriod p = g_array_index (periods, CakPeriod, g_array_index (cols, guint, c));

      worksheet_write_number (ws, dates_row, 2 + c, period_serial (p), r->f_month);
    }
  y++;
  worksheet_set_column (ws, 0, 0, 8, NULL);
  worksheet_set_column (ws, 1, 1, name_width, NULL);
  worksheet_set_column (ws, 2, 1 + MAX (np, 1), 9.5, NULL);
  worksheet_freeze_panes (ws, first, 2);

  /* The province, its target and the five regencies furthest below it, over a time axis. */
  if (np > 0)
    {
      lxw_chart *chart = workbook_add_chart (r->wb, LXW_CHART_SCATTER_STRAIGHT_WITH_MARKERS);
      lxw_chart_series *series;
      CakPeriod p0 = g_array_index (periods, CakPeriod, g_array_index (cols, guint, 0));
      CakPeriod pn = g_array_index (periods, CakPeriod, g_array_index (cols, guint, np - 1));
      double x0 = period_serial (p0), xn = period_serial (pn), step = 1;
      const double steps[] = { 1, 2, 3, 6, 12, 24, 60 };
      lxw_chart_line line = { .color = COLOR_BLUE, .width = 3.25 };
      lxw_chart_line target_line
          = { .color = 0x333333, .width = 1.5, .dash_type = LXW_CHART_LINE_DASH_DASH };
      const lxw_color_t colors[]
          = { COLOR_VERMILLION, COLOR_ORANGE, COLOR_GREEN, COLOR_PURPLE, COLOR_SKY };
      g_autofree char *chart_title = NULL;

      chart_title = g_strdup_printf (T (N_ ("Coverage of %s and of the five regencies furthest "
                                            "below target")),
                                     r->data->place);
      series = chart_add_series (chart, NULL, NULL);
      chart_series_set_categories (series, name, dates_row, 2, dates_row, 1 + np);
      chart_series_set_values (series, name, first, 2, first, 1 + np);
      chart_series_set_name_range (series, name, first, 1);
      chart_series_set_line (series, &line);
      chart_series_set_marker_type (series, LXW_CHART_MARKER_CIRCLE);
      chart_series_set_marker_size (series, 6);
      if (any_target)
        {
          series = chart_add_series (chart, NULL, NULL);
          chart_series_set_categories (series, name, dates_row, 2, dates_row, 1 + np);
          chart_series_set_values (series, name, first + 1, 2, first + 1, 1 + np);
          chart_series_set_name_range (series, name, first + 1, 1);
          chart_series_set_line (series, &target_line);
          chart_series_set_marker_type (series, LXW_CHART_MARKER_NONE);
        }
      g_array_sort_with_data (lowest, compare_shortfall, r);
      for (guint k = 0; k < MIN (lowest->len, G_N_ELEMENTS (colors)); k++)
        {
          guint i = g_array_index (lowest, guint, k);
          lxw_chart_line thin = { .color = colors[k], .width = 1.5 };

          series = chart_add_series (chart, NULL, NULL);
          chart_series_set_categories (series, name, dates_row, 2, dates_row, 1 + np);
          chart_series_set_values (series, name, first + 2 + i, 2, first + 2 + i, 1 + np);
          chart_series_set_name_range (series, name, first + 2 + i, 1);
          chart_series_set_line (series, &thin);
          chart_series_set_marker_type (series, LXW_CHART_MARKER_CIRCLE);
          chart_series_set_marker_size (series, 4);
        }
      style_chart (chart, chart_title);
      chart_axis_set_num_format (chart->y_axis, "0%");
      /* A tick every month, or every few months over a longer span, at about twelve ticks */
      for (guint k = 0; k < G_N_ELEMENTS (steps); k++)
        {
          step = steps[k];
          if ((xn - x0) / (DAYS_PER_MONTH * step) <= 12)
            break;
        }
      chart_axis_set_min (chart->x_axis, x0);
      chart_axis_set_max (chart->x_axis, MAX (xn, x0 + DAYS_PER_MONTH));
      chart_axis_set_major_unit (chart->x_axis, DAYS_PER_MONTH * step);
      chart_axis_set_num_format (chart->x_axis,
                                 r->lang == CAK_LANG_ID ? MONTH_FORMAT_ID : MONTH_FORMAT_EN);
      chart_axis_major_gridlines_set_visible (chart->x_axis, LXW_TRUE);
      chart_legend_set_position (chart, LXW_CHART_LEGEND_RIGHT);
      insert_chart (ws, 2, 0, chart, 960, 430);
    }

  setup_print (r, ws, title, header, y - 1, 1 + MAX (np, 1));
  mark_computed (r, name);
  return TRUE;
}

/* The segment sheet */

/* A segment's share of the sum of segments, empty when either is unknown. */
static char *
share_formula (const char *cell, const char *sum)
{
  return g_strdup_printf ("=IF(AND(ISNUMBER(%s),N(%s)>0,ISNUMBER(%s)),%s/%s,\"\")", sum, sum, cell,
                          cell, sum);
}

static int
compare_participants (gconstpointer a, gconstpointer b, gpointer user_data)
{
  Report *r = user_data;
  const CakIndicatorRow *ra = &g_array_index (r->data->rows, CakIndicatorRow, *(const guint *)a);
  const CakIndicatorRow *rb = &g_array_index (r->data->rows, CakIndicatorRow, *(const guint *)b);
  double pa = isnan (ra->participants) ? -1 : ra->participants;
  double pb = isnan (rb->participants) ? -1 : rb->participants;

  return pa > pb ? -1 : pa < pb ? 1 : 0;
}

static gboolean
write_segments (Report *r, GError **error)
{
  const char *name = cak_report_sheet_name (CAK_REPORT_SEGMENTS, r->lang);
  lxw_worksheet *ws = workbook_add_worksheet (r->wb, name);
  const guint src_cols[4] = { COL_PU, COL_BPU, COL_JAKON, COL_PMI };
  const lxw_color_t colors[4] = { COLOR_BLUE, COLOR_ORANGE, COLOR_GREEN, COLOR_PURPLE };
  const char *labels[4] = { T (N_ ("Wage earners (PU)")), T (N_ ("Informal workers (BPU)")),
                            T (N_ ("Construction (Jakon)")), T (N_ ("Migrant workers (PMI)")) };
  g_autoptr (GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *title = NULL;
  guint count, header, first, last, y;
  double rows_px, name_width = 24;
  gboolean any = FALSE;

  if (ws == NULL)
    return check (r, LXW_ERROR_SHEETNAME_ALREADY_USED, error);
  for (guint i = 0; i < r->n; i++)
    {
      const CakIndicatorRow *row = &g_array_index (r->data->rows, CakIndicatorRow, i);

      g_array_append_val (order, i);
      any |= !isnan (cak_indicator_row_get (row, CAK_MEASURE_PU))
             || !isnan (cak_indicator_row_get (row, CAK_MEASURE_BPU))
             || !isnan (cak_indicator_row_get (row, CAK_MEASURE_JAKON))
             || !isnan (cak_indicator_row_get (row, CAK_MEASURE_PMI));
    }
  g_array_sort_with_data (order, compare_participants, r);
  count = MIN (order->len, order->len <= CHART_MAX_ITEMS ? CHART_MAX_ITEMS : CHART_PART_ITEMS);
  rows_px = 90 + 17.0 * count;
  header = any ? 3 + (guint)ceil (rows_px / 20.0) + 1 : 3;
  first = header + 1;
  last = first + r->n - 1;

  title = g_strdup_printf (T (N_ ("Participants by segment: %s")), r->place_period);
  write_title (r, ws, title,
               any ? T (N_ ("Largest first. Shares are formulas over the segments."))
                   : T (N_ ("The imported files give no figures by segment.")));

  {
    char *shares[4] = { NULL };
    const char *headers[11];
    /* The name column only grows past this as the names are written */
    const double widths[11] = { 8, 24, 12, 12, 12, 12, 12, 12, 12, 12, 12 };

    headers[0] = T (N_ ("Code"));
    headers[1] = T (N_ ("Regency/city"));
    for (guint s = 0; s < 4; s++)
      {
        shares[s] = g_strdup_printf (T (N_ ("Share %s")), labels[s]);
        headers[2 + s] = labels[s];
        headers[7 + s] = shares[s];
      }
    headers[6] = T (N_ ("Sum of segments"));
    write_header_row (r, ws, header, 0, headers, widths, G_N_ELEMENTS (headers), 30);
    for (guint s = 0; s < 4; s++)
      g_free (shares[s]);
  }

  y = first;
  for (guint k = 0; k < order->len; k++, y++)
    {
      guint i = g_array_index (order, guint, k);
      const CakIndicatorRow *row = &g_array_index (r->data->rows, CakIndicatorRow, i);
      const double values[4] = { cak_indicator_row_get (row, CAK_MEASURE_PU),
                                 cak_indicator_row_get (row, CAK_MEASURE_BPU),
                                 cak_indicator_row_get (row, CAK_MEASURE_JAKON),
                                 cak_indicator_row_get (row, CAK_MEASURE_PMI) };
      double sum = cak_indicator_participants_from_segments (values);
      g_autofree char *c = cell_name (y, 2, FALSE);
      g_autofree char *f = cell_name (y, 5, FALSE);
      g_autofree char *g = cell_name (y, 6, FALSE);
      g_autofree char *sum_f = g_strdup_printf ("=IF(COUNT(%s:%s)>0,SUM(%s:%s),\"\")", c, f, c, f);
      g_autofree char *code = ref (r, FIRST_ROW + i, COL_CODE);
      g_autofree char *rname = ref (r, FIRST_ROW + i, COL_NAME);

      worksheet_write_formula_str (ws, y, 0, code, r->f_code, row->region->code);
      worksheet_write_formula_str (ws, y, 1, rname, r->f_text, row->region->name);
      name_width = fit_width (name_width, row->region->name);
      for (guint s = 0; s < 4; s++)
        {
          g_autofree char *seg = figure_ref (r, FIRST_ROW + i, src_cols[s]);
          g_autofree char *cell = cell_name (y, 2 + s, FALSE);
          g_autofree char *share = share_formula (cell, g);
          gboolean known = !isnan (values[s]);

          write_formula (ws, y, 2 + s, seg, values[s], r->f_people);
          write_formula (ws, y, 7 + s, share,
                         known && !isnan (sum) && sum > 0 ? values[s] / sum : NAN, r->f_pct);
        }
      write_formula (ws, y, 6, sum_f, sum, r->f_people);
    }

  /* The total row */
  worksheet_write_blank (ws, y, 0, r->f_total_text);
  {
    g_autofree char *total_name = g_strdup_printf (T (N_ ("Total %s")), r->data->place);
    const CakIndicatorRow *t = &r->data->total;
    const double values[4]
        = { cak_indicator_row_get (t, CAK_MEASURE_PU), cak_indicator_row_get (t, CAK_MEASURE_BPU),
            cak_indicator_row_get (t, CAK_MEASURE_JAKON),
            cak_indicator_row_get (t, CAK_MEASURE_PMI) };
    double sum = cak_indicator_participants_from_segments (values);
    g_autofree char *g = cell_name (y, 6, FALSE);

    worksheet_write_string (ws, y, 1, total_name, r->f_total_text);
    for (guint s = 0; s < 5; s++)
      {
        g_autofree char *range = col_range (2 + s, first, last);
        g_autofree char *f = g_strdup_printf ("=IF(COUNT(%s)>0,SUM(%s),\"\")", range, range);

        write_formula (ws, y, 2 + s, f, s < 4 ? values[s] : sum, r->f_total_people);
      }
    for (guint s = 0; s < 4; s++)
      {
        g_autofree char *cell = cell_name (y, 2 + s, FALSE);
        g_autofree char *share = share_formula (cell, g);

        write_formula (ws, y, 7 + s, share,
                       !isnan (values[s]) && !isnan (sum) && sum > 0 ? values[s] / sum : NAN,
                       r->f_total_pct);
      }
  }
  worksheet_set_column (ws, 0, 0, 8, NULL);
  worksheet_set_column (ws, 1, 1, name_width, NULL);
  worksheet_set_column (ws, 2, 10, 12, NULL);
  worksheet_freeze_panes (ws, first, 2);

  if (any && count > 0)
    {
      lxw_chart *chart = workbook_add_chart (r->wb, LXW_CHART_BAR_STACKED);
      g_autofree char *chart_title
          = order->len <= CHART_MAX_ITEMS
                ? g_strdup_printf (T (N_ ("Participants by segment, %s")), r->place_period)
                : g_strdup_printf (T (N_ ("Participants by segment: the %u regencies and cities "
                                          "with the most participants")),
                                   count);

      for (guint s = 0; s < 4; s++)
        {
          lxw_chart_series *series = chart_add_series (chart, NULL, NULL);
          lxw_chart_fill fill = { .color = colors[s] };

          chart_series_set_categories (series, name, first, 1, first + count - 1, 1);
          chart_series_set_values (series, name, first, 2 + s, first + count - 1, 2 + s);
          chart_series_set_name_range (series, name, header, 2 + s);
          chart_series_set_fill (series, &fill);
        }
      chart_set_series_gap (chart, 40);
      chart_set_series_overlap (chart, 100);
      style_chart (chart, chart_title);
      chart_axis_set_reverse (chart->y_axis);
      chart_axis_set_num_format (chart->x_axis, "#,##0");
      chart_legend_set_position (chart, LXW_CHART_LEGEND_TOP);
      insert_chart (ws, 3, 0, chart, 960, rows_px);
    }

  setup_print (r, ws, title, header, y, 10);
  mark_computed (r, name);
  return TRUE;
}

/* The gap-to-target sheet */

static int
compare_gap (gconstpointer a, gconstpointer b, gpointer user_data)
{
  Report *r = user_data;
  const CakIndicatorRow *ra = &g_array_index (r->data->rows, CakIndicatorRow, *(const guint *)a);
  const CakIndicatorRow *rb = &g_array_index (r->data->rows, CakIndicatorRow, *(const guint *)b);

  if (ra->gap_to_target != rb->gap_to_target)
    return ra->gap_to_target > rb->gap_to_target ? -1 : 1;
  return ra->coverage_pct < rb->coverage_pct ? -1 : ra->coverage_pct > rb->coverage_pct;
}

static gboolean
write_target (Report *r, GError **error)
{
  const char *name = cak_report_sheet_name (CAK_REPORT_TARGET, r->lang);
  lxw_worksheet *ws = workbook_add_worksheet (r->wb, name);
  g_autoptr (GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *title = NULL;
  guint n_short = 0, count, header, first, y;
  double rows_px, name_width = 24, total_gap = 0;

  if (ws == NULL)
    return check (r, LXW_ERROR_SHEETNAME_ALREADY_USED, error);
  for (guint i = 0; i < r->n; i++)
    {
      const CakIndicatorRow *row = &g_array_index (r->data->rows, CakIndicatorRow, i);

      if (isnan (row->gap_to_target))
        continue;
      g_array_append_val (order, i);
      if (row->gap_to_target > 0)
        {
          n_short++;
          total_gap += row->gap_to_target;
        }
    }
  g_array_sort_with_data (order, compare_gap, r);
  count = n_short <= CHART_MAX_ITEMS ? n_short : CHART_PART_ITEMS;
  rows_px = 70 + 17.0 * count;
  header = count > 0 ? 3 + (guint)ceil (rows_px / 20.0) + 1 : 3;
  first = header + 1;

  title = g_strdup_printf (T (N_ ("Gap to target: %s")), r->place_period);
  write_title (r, ws, title,
               order->len ? T (N_ ("Regencies and cities by the participants they still need to "
                                   "reach their target, most first."))
                          : T (N_ ("No target is set for this period: none typed in the "
                                   "project, none in the imported files.")));

  {
    const char *headers[] = { T (N_ ("No.")),
                              T (N_ ("Code")),
                              T (N_ ("Regency/city")),
                              T (N_ ("Coverage")),
                              T (N_ ("Target")),
                              T (N_ ("Points below target")),
                              T (N_ ("Participants needed for target")),
                              T (N_ ("Share of all participants needed")) };
    /* As set below; the name column only grows past 24 */
    const double widths[] = { 5, 8, 24, 13, 13, 13, 13, 13 };

    write_header_row (r, ws, header, 0, headers, widths, G_N_ELEMENTS (headers), 30);
  }
  y = first;
  for (guint k = 0; k < order->len; k++, y++)
    {
      guint i = g_array_index (order, guint, k), src = FIRST_ROW + i;
      const CakIndicatorRow *row = &g_array_index (r->data->rows, CakIndicatorRow, i);
      g_autofree char *d = cell_name (y, 3, FALSE);
      g_autofree char *e = cell_name (y, 4, FALSE);
      g_autofree char *g = cell_name (y, 6, FALSE);
      g_autofree char *gs = col_range (6, first, first + order->len - 1);
      g_autofree char *points = g_strdup_printf (
          "=IF(AND(ISNUMBER(%s),ISNUMBER(%s)),MAX(0,(%s-%s)*100),\"\")", d, e, e, d);
      g_autofree char *share
          = g_strdup_printf ("=IF(AND(ISNUMBER(%s),SUM(%s)>0),%s/SUM(%s),\"\")", g, gs, g, gs);

      worksheet_write_number (ws, y, 0, k + 1, r->f_rank);
      {
        g_autofree char *f = ref (r, src, COL_CODE);
        g_autofree char *f2 = ref (r, src, COL_NAME);

        worksheet_write_formula_str (ws, y, 1, f, r->f_code, row->region->code);
        worksheet_write_formula_str (ws, y, 2, f2, r->f_text, row->region->name);
      }
      name_width = fit_width (name_width, row->region->name);
      write_ref (r, ws, y, 3, src, COL_COVERAGE, coverage_fraction (row->coverage_pct), r->f_pct);
      write_ref (r, ws, y, 4, src, COL_TARGET, coverage_fraction (row->target_pct), r->f_pct);
      write_formula (ws, y, 5, points, MAX (0, row->target_pct - row->coverage_pct), r->f_pp);
      write_ref (r, ws, y, 6, src, COL_GAP, row->gap_to_target, r->f_people);
      write_formula (ws, y, 7, share, total_gap > 0 ? row->gap_to_target / total_gap : NAN,
                     r->f_pct);
    }
  if (order->len > 0)
    {
      g_autofree char *gs = col_range (6, first, first + order->len - 1);
      g_autofree char *f = g_strdup_printf ("=SUM(%s)", gs);
      /* The sum of the regencies' gaps, named, and the overall gap under it */
      for (guint c = 0; c < 8; c++)
        worksheet_write_blank (ws, y, c, r->f_total_text);
      worksheet_write_string (ws, y, 2, T (N_ ("Sum of regency gaps")), r->f_total_text);
      worksheet_write_formula_num (ws, y, 6, f, r->f_total_people, total_gap);
      worksheet_write_string (ws, y + 1, 2, T (N_ ("Overall gap to target")), r->f_text);
      write_ref (r, ws, y + 1, 6, r->total_row, COL_GAP, r->data->total.gap_to_target, r->f_people);
      worksheet_write_string (ws, y + 3, 0,
                              T (N_ ("Sum of regency gaps: the gaps of the regencies and cities "
                                     "below their target, added up; those above target offset "
                                     "nothing.")),
                              r->f_note);
      worksheet_write_string (ws, y + 4, 0,
                              T (N_ ("Overall gap to target: the target applied to the total "
                                     "workforce and participants, so that those above target "
                                     "offset those below.")),
                              r->f_note);
      y += 2;
    }
  worksheet_set_column (ws, 0, 0, 5, NULL);
  worksheet_set_column (ws, 1, 1, 8, NULL);
  worksheet_set_column (ws, 2, 2, name_width, NULL);
  worksheet_set_column (ws, 3, 7, 13, NULL);
  worksheet_freeze_panes (ws, first, 3);

  if (count > 0)
    {
      lxw_chart *chart = workbook_add_chart (r->wb, LXW_CHART_BAR);
      lxw_chart_series *series = chart_add_series (chart, NULL, NULL);
      lxw_chart_fill fill = { .color = COLOR_VERMILLION };
      g_autofree char *chart_title
          = n_short <= CHART_MAX_ITEMS
                ? g_strdup_printf (T (N_ ("Participants still needed to reach the target, %s")),
                                   r->place_period)
                : g_strdup_printf (T (N_ ("Participants still needed: the %u regencies and cities "
                                          "furthest from target")),
                                   count);

      chart_series_set_categories (series, name, first, 2, first + count - 1, 2);
      chart_series_set_values (series, name, first, 6, first + count - 1, 6);
      chart_series_set_name_range (series, name, header, 6);
      chart_series_set_fill (series, &fill);
      chart_series_set_labels (series);
      chart_series_set_labels_num_format (series, "#,##0");
      chart_set_series_gap (chart, 40);
      style_chart (chart, chart_title);
      chart_legend_set_position (chart, LXW_CHART_LEGEND_NONE);
      chart_axis_set_reverse (chart->y_axis);
      chart_axis_set_num_format (chart->x_axis, "#,##0");
      insert_chart (ws, 3, 0, chart, 900, rows_px);
    }

  setup_print (r, ws, title, header, MAX (y + 2, header), 7);
  mark_computed (r, name);
  return TRUE;
}

/* The import notes */

static const char *
severity_name (Report *r, CakSeverity severity)
{
  switch (severity)
    {
      case CAK_SEVERITY_INFO:
        return T (N_ ("Skipped"));
      case CAK_SEVERITY_WARNING:
        return T (N_ ("Warning"));
      case CAK_SEVERITY_ERROR:
      default:
        return T (N_ ("Rejected"));
    }
}

/* The narrowest the import notes' columns are, as set at the end of write_notes () */
static const double NOTES_WIDTHS[] = { 12, 16, 10, 10, 10, 60, 8.43 };

static gboolean
write_notes (Report *r, GError **error)
{
  const char *name = cak_report_sheet_name (CAK_REPORT_NOTES, r->lang);
  lxw_worksheet *ws = workbook_add_worksheet (r->wb, name);
  GPtrArray *reports = cak_dataset_get_sheet_reports (r->dataset);
  const GArray *issues = cak_dataset_get_issues (r->dataset);
  guint y = 3, issue_header;
  double file_width = 20, message_width = 60;

  if (ws == NULL)
    return check (r, LXW_ERROR_SHEETNAME_ALREADY_USED, error);
  write_title (r, ws, T (N_ ("Import notes")),
               T (N_ ("How every row of the imported files was read: imported, skipped with a "
                      "reason, or rejected with a reason.")));

  {
    const char *headers[] = { T (N_ ("File")),     T (N_ ("Sheet")),   T (N_ ("Rows")),
                              T (N_ ("Imported")), T (N_ ("Skipped")), T (N_ ("Rejected")) };

    write_header_row (r, ws, y, 0, headers, NOTES_WIDTHS, G_N_ELEMENTS (headers), 15);
    y++;
  }
  for (guint k = 0; k < reports->len; k++, y++)
    {
      const CakSheetReport *sr = g_ptr_array_index (reports, k);
      g_autofree char *base = g_path_get_basename (sr->file ? sr->file : "");

      worksheet_write_string (ws, y, 0, base, r->f_text);
      file_width = fit_width (file_width, base);
      if (sr->sheet)
        worksheet_write_string (ws, y, 1, sr->sheet, r->f_text);
      worksheet_write_number (ws, y, 2, sr->rows, r->f_people);
      worksheet_write_number (ws, y, 3, sr->imported, r->f_people);
      worksheet_write_number (ws, y, 4, sr->skipped, r->f_people);
      worksheet_write_number (ws, y, 5, sr->rejected, r->f_people);
    }
  if (reports->len == 0)
    worksheet_write_string (ws, y++, 0, T (N_ ("No file was imported.")), r->f_note);

  /* Every column, as every row: what it was read as, or why it was not used. */
  y += 2;
  {
    const char *headers[] = { T (N_ ("File")),   T (N_ ("Sheet")),  T (N_ ("Column")),
                              T (N_ ("Header")), T (N_ ("Use")),    T (N_ ("Read as")),
                              T (N_ ("Why")) };

    write_header_row (r, ws, y, 0, headers, NOTES_WIDTHS, G_N_ELEMENTS (headers), 15);
    y++;
  }
  for (guint k = 0; k < reports->len; k++)
    {
      const CakSheetReport *sr = g_ptr_array_index (reports, k);
      g_autofree char *base = g_path_get_basename (sr->file ? sr->file : "");

      for (guint i = 0; sr->columns && i < sr->columns->len; i++, y++)
        {
          const CakColumnReport *column = g_ptr_array_index (sr->columns, i);
          g_autofree char *letter = cak_source_column_name (column->column);

          worksheet_write_string (ws, y, 0, base, r->f_text);
          if (sr->sheet)
            worksheet_write_string (ws, y, 1, sr->sheet, r->f_text);
          worksheet_write_string (ws, y, 2, letter, r->f_code);
          worksheet_write_string (ws, y, 3, column->header, r->f_text);
          worksheet_write_string (ws, y, 4, cak_column_use_get_label (column->use), r->f_text);
          worksheet_write_string (ws, y, 5, column->what, r->f_text);
          worksheet_write_string (ws, y, 6, column->why, r->f_wrap);
        }
    }

  y += 2;
  issue_header = y;
  {
    const char *headers[] = { T (N_ ("What")), T (N_ ("File")),   T (N_ ("Sheet")),
                              T (N_ ("Row")),  T (N_ ("Column")), T (N_ ("Reason")) };

    write_header_row (r, ws, y, 0, headers, NOTES_WIDTHS, G_N_ELEMENTS (headers), 15);
    y++;
  }
  for (guint k = 0; k < issues->len; k++, y++)
    {
      const CakIssue *issue = &g_array_index (issues, CakIssue, k);
      g_autofree char *base = issue->source.file ? g_path_get_basename (issue->source.file) : NULL;

      worksheet_write_string (ws, y, 0, severity_name (r, issue->severity), r->f_text);
      if (base)
        worksheet_write_string (ws, y, 1, base, r->f_text);
      if (issue->source.sheet)
        worksheet_write_string (ws, y, 2, issue->source.sheet, r->f_text);
      if (issue->source.row > 0)
        worksheet_write_number (ws, y, 3, issue->source.row, r->f_rank);
      if (issue->has_column)
        {
          g_autofree char *column = cak_source_column_name (issue->source.column);

          worksheet_write_string (ws, y, 4, column, r->f_code);
        }
      worksheet_write_string (ws, y, 5, issue->message, r->f_wrap);
      if ((k & 255) == 0 && cancelled (r, error))
        return FALSE;
    }
  if (issues->len == 0)
    worksheet_write_string (ws, y++, 0, T (N_ ("Every row was imported.")), r->f_note);
  else
    worksheet_autofilter (ws, issue_header, 0, y - 1, 5);

  worksheet_set_column (ws, 0, 0, MAX (file_width, 12), NULL);
  worksheet_set_column (ws, 1, 1, 16, NULL);
  worksheet_set_column (ws, 2, 5, 10, NULL);
  worksheet_set_column (ws, 5, 5, message_width, NULL);
  setup_print (r, ws, T (N_ ("Import notes")), issue_header, MAX (y, issue_header + 1), 5);
  mark_computed (r, name);
  return TRUE;
}

/* The data sheet */

static const CakMeasure data_measures[] = {
  CAK_MEASURE_WORKFORCE, CAK_MEASURE_PARTICIPANTS, CAK_MEASURE_PU,         CAK_MEASURE_BPU,
  CAK_MEASURE_JAKON,     CAK_MEASURE_PMI,          CAK_MEASURE_TARGET_PCT,
};

static void
data_regions (Report *r, GPtrArray *out)
{
  g_autoptr (GPtrArray) provinces = NULL;

  if (r->data->province)
    {
      g_autoptr (GPtrArray) regencies
          = cak_dataset_get_regencies (r->dataset, r->data->province->code);

      g_ptr_array_add (out, (gpointer)r->data->province);
      g_ptr_array_extend (out, regencies, NULL, NULL);
      return;
    }
  provinces = cak_dataset_get_provinces (r->dataset);
  for (guint k = 0; k < provinces->len; k++)
    {
      const CakRegion *province = g_ptr_array_index (provinces, k);
      g_autoptr (GPtrArray) regencies = cak_dataset_get_regencies (r->dataset, province->code);

      g_ptr_array_add (out, (gpointer)province);
      g_ptr_array_extend (out, regencies, NULL, NULL);
    }
}

static gboolean
write_data (Report *r, GError **error)
{
  const char *name = cak_report_sheet_name (CAK_REPORT_DATA, r->lang);
  lxw_worksheet *ws = workbook_add_worksheet (r->wb, name);
  g_autoptr (GPtrArray) regions = g_ptr_array_new ();
  g_autoptr (GArray) periods = cak_dataset_get_periods (r->dataset);
  g_auto (GStrv) period_names = NULL;
  guint header = 3, y;
  double name_width = 24;
  const char *headers[] = {
    T (N_ ("Region code")),
    T (N_ ("Region")),
    T (N_ ("Period")),
    T (N_ ("Workforce")),
    T (N_ ("Active participants")),
    T (N_ ("PU")),
    T (N_ ("BPU")),
    T (N_ ("Jakon")),
    T (N_ ("PMI")),
    T (N_ ("Coverage target (%)")),
  };

  if (ws == NULL)
    return check (r, LXW_ERROR_SHEETNAME_ALREADY_USED, error);
  data_regions (r, regions);
  period_names = g_new0 (char *, periods->len + 1);
  for (guint k = 0; k < periods->len; k++)
    period_names[k] = cak_period_format (g_array_index (periods, CakPeriod, k), r->lang);

  write_title (r, ws, T (N_ ("Data")),
               T (N_ ("Every figure of the imported files, one row per region and period. The "
                      "other sheets are computed from this one; importing this workbook into "
                      "Cakupan reads this sheet.")));
  {
    /* As set below; the name column only grows past 24 */
    const double widths[] = { 11, 24, 16, 13, 13, 13, 13, 13, 13, 13 };

    G_STATIC_ASSERT (G_N_ELEMENTS (widths) == G_N_ELEMENTS (headers));
    write_header_row (r, ws, header, 0, headers, widths, G_N_ELEMENTS (headers), 30);
  }

  y = header + 1;
  for (guint i = 0; i < regions->len; i++)
    {
      const CakRegion *region = g_ptr_array_index (regions, i);

      for (guint k = 0; k < periods->len; k++)
        {
          CakPeriod period = g_array_index (periods, CakPeriod, k);
          CakValue values[G_N_ELEMENTS (data_measures)];
          gboolean any = FALSE;

          for (guint m = 0; m < G_N_ELEMENTS (data_measures); m++)
            {
              if (cak_dataset_get (r->dataset, region, period, data_measures[m], &values[m]))
                any = TRUE;
              else
                values[m].value = NAN;
            }
          if (!any)
            continue;
          worksheet_write_string (ws, y, 0, region->code, r->f_code);
          worksheet_write_string (ws, y, 1, region->name, NULL);
          worksheet_write_string (ws, y, 2, period_names[k], r->f_period);
          for (guint m = 0; m < G_N_ELEMENTS (data_measures); m++)
            if (!isnan (values[m].value))
              worksheet_write_number (ws, y, 3 + m, values[m].value,
                                      data_measures[m] == CAK_MEASURE_TARGET_PCT ? NULL
                                                                                 : r->f_people);
          y++;
        }
      name_width = fit_width (name_width, region->name);
      if ((i & 31) == 0)
        {
          if (cancelled (r, error))
            return FALSE;
          progress (r, 0.3 + 0.5 * (i + 1) / regions->len);
        }
    }
  worksheet_set_column (ws, 0, 0, 11, NULL);
  worksheet_set_column (ws, 1, 1, name_width, NULL);
  worksheet_set_column (ws, 2, 2, 16, NULL);
  worksheet_set_column (ws, 3, 9, 13, NULL);
  worksheet_freeze_panes (ws, header + 1, 3);
  if (y > header + 1)
    worksheet_autofilter (ws, header, 0, y - 1, G_N_ELEMENTS (headers) - 1);
  setup_print (r, ws, T (N_ ("Data")), header, MAX (y - 1, header), G_N_ELEMENTS (headers) - 1);
  return TRUE;
}

/* The monev's sheets, written in cak-report-monev.c */

static void
monev_print_cb (gpointer report, lxw_worksheet *ws, const char *title, guint header_row,
                guint last_row, guint last_col)
{
  setup_print (report, ws, title, header_row, last_row, last_col);
}

static gboolean
write_monev (Report *r, GError **error)
{
  CakReportMonevContext ctx = {
    .wb = r->wb,
    .monev = r->opt->monev,
    .lang = r->lang,
    .province = r->data->province,
    .rows = r->data->rows,
    .place_period = r->place_period,
    .date = r->opt->date,
    .computed = r->names,
    .setup_print = monev_print_cb,
    .report = r,
    .f_title = r->f_title,
    .f_subtitle = r->f_subtitle,
    .f_note = r->f_note,
    .f_header = r->f_header,
    .f_text = r->f_text,
    .f_code = r->f_code,
    .f_people = r->f_people,
    .f_rank = r->f_rank,
    .f_total_text = r->f_total_text,
    .f_total_people = r->f_total_people,
    .f_wrap = r->f_wrap,
    .f_below = r->f_below,
  };

  if (r->opt->monev == NULL)
    return TRUE;
  if ((r->sheets & CAK_REPORT_ACTIONS) && !cak_report_write_actions (&ctx, error))
    return FALSE;
  if ((r->sheets & CAK_REPORT_CHECKLIST) && !cak_report_write_checklist (&ctx, error))
    return FALSE;
  return !cancelled (r, error);
}

/* The workbook */

static gboolean
report_init (Report *r, CakDataset *dataset, const CakReportOptions *options, GError **error)
{
  g_autoptr (GArray) ranked = NULL;
  g_autofree char *period = NULL;

  r->dataset = dataset;
  r->opt = options;
  r->lang = options->lang;
  r->sheets = (options->sheets ? options->sheets : CAK_REPORT_ALL_SHEETS) | CAK_REPORT_REGENCIES;
  r->data = cak_chart_data_new (dataset, options->province_code, options->period, options->compare,
                                options->sources, options->lang);
  r->n = r->data->rows->len;
  if (r->n == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _ ("The files hold no regencies of that province."));
      return FALSE;
    }
  r->total_row = FIRST_ROW + r->n;
  r->has_compare = cak_period_is_valid (r->data->compare);
  r->compare = g_array_sized_new (FALSE, FALSE, sizeof (double), r->n);
  ranked = g_array_sized_new (FALSE, FALSE, sizeof (CakIndicatorRow), r->n);
  g_array_append_vals (ranked, r->data->rows->data, r->n);
  cak_indicators_rank (ranked);
  r->rank = g_new0 (guint, r->n);
  for (guint i = 0; i < r->n; i++)
    {
      const CakIndicatorRow *row = &g_array_index (r->data->rows, CakIndicatorRow, i);
      double cmp = NAN;

      r->rank[i] = g_array_index (ranked, CakIndicatorRow, i).rank;
      if (r->has_compare)
        {
          CakIndicatorRow compare_row;

          cak_indicators_compute_row (dataset, row->region, r->data->compare, &compare_row);
          cmp = compare_row.coverage_pct;
        }
      g_array_append_val (r->compare, cmp);
    }
  r->regencies = quote_sheet (cak_report_sheet_name (CAK_REPORT_REGENCIES, r->lang));
  r->names = g_ptr_array_new_with_free_func (g_free);
  r->title = g_strdup (T (N_ ("Monitoring and evaluation of BPJS Ketenagakerjaan coverage")));
  period = cak_period_format (r->data->period, r->lang);
  r->place_period = g_strdup_printf ("%s, %s", r->data->place, period);
  return TRUE;
}

static void
set_properties (Report *r)
{
  lxw_doc_properties props = { 0 };
  g_autofree char *subject = NULL;
  g_autofree char *comments = NULL;

  subject = g_strdup_printf (T (N_ ("Coverage by regency and city: %s")), r->place_period);
  comments = g_strdup_printf (T (N_ ("Made by Cakupan %s from %s.")), PACKAGE_VERSION,
                              r->opt->sources ? r->opt->sources : "-");
  props.title = r->title;
  props.subject = subject;
  props.author = (char *)(is_set (r->opt->signer_name) ? r->opt->signer_name
                          : is_set (r->opt->agency)    ? r->opt->agency
                                                       : "Cakupan");
  props.company = (char *)(is_set (r->opt->agency) ? r->opt->agency : "");
  props.keywords = (char *)"BPJS Ketenagakerjaan, cakupan, monev";
  props.comments = comments;
  props.category = (char *)T (N_ ("Monitoring and evaluation"));
  if (r->opt->date)
    props.created = g_date_time_to_unix (r->opt->date);
  workbook_set_properties (r->wb, &props);
  workbook_set_custom_property_string (r->wb, "Cakupan", PACKAGE_VERSION);
}

/* Marks the computed sheets with a name local to each, which the importer looks for. */
static gboolean
define_names (Report *r, GError **error)
{
  /* Without the data sheet, the regency sheet is the one to import. */
  gboolean has_data = (r->sheets & CAK_REPORT_DATA) != 0;
  const char *data
      = cak_report_sheet_name (has_data ? CAK_REPORT_DATA : CAK_REPORT_REGENCIES, r->lang);
  g_autofree char *data_q = quote_sheet (data);
  g_autofree char *target = g_strdup_printf ("=%s!$A$1", data_q);

  for (guint k = 0; k < r->names->len; k++)
    {
      g_autofree char *sheet = NULL;

      if (!has_data && strcmp (g_ptr_array_index (r->names, k), data) == 0)
        continue;
      sheet = quote_sheet (g_ptr_array_index (r->names, k));
      {
        g_autofree char *local = g_strdup_printf ("%s!%s", sheet, CAK_REPORT_DERIVED_NAME);

        if (!check (r, workbook_define_name (r->wb, local, target), error))
          return FALSE;
      }
    }
  return TRUE;
}

/**
 * cak_report_write:
 * @options: what the report covers; its period must be valid
 * @path: the .xlsx file to write; it is replaced only once the new one is complete
 * @progress: (nullable): called now and then with the fraction done
 *
 * Writes the monitoring-and-evaluation workbook. Safe to call from a worker thread as long as
 * nothing changes @dataset meanwhile.
 *
 * Returns: %TRUE when the file was written
 */
gboolean
cak_report_write (CakDataset *dataset, const CakReportOptions *options, const char *path,
                  GCancellable *cancellable, CakReportProgress progress_func, gpointer user_data,
                  GError **error)
{
  g_auto (Report) report = { 0 };
  Report *r = &report;
  g_autofree char *tmp = NULL;
  lxw_workbook_options wb_options = { 0 };
  lxw_error status;
  gboolean ok = TRUE;
  GError *local_error = NULL;

  g_return_val_if_fail (CAK_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (cak_period_is_valid (options->period), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  r->cancellable = cancellable;
  r->progress = progress_func;
  r->progress_data = user_data;
  if (!report_init (r, dataset, options, error))
    return FALSE;
  progress (r, 0.05);

  tmp = g_strdup_printf ("%s.%d.part", path, (int)getpid ());
  wb_options.tmpdir = (char *)g_get_tmp_dir ();
  r->wb = workbook_new_opt (tmp, &wb_options);
  if (r->wb == NULL)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _ ("“%s” could not be created."), display);
      return FALSE;
    }
  make_formats (r);
  set_properties (r);

  if (r->sheets & CAK_REPORT_SUMMARY)
    {
      start_map (r);
      ok = write_summary (r, &local_error);
    }
  progress (r, 0.1);
  ok = ok && write_regencies (r, &local_error);
  progress (r, 0.15);
  if (ok && (r->sheets & CAK_REPORT_TREND))
    ok = write_trend (r, &local_error);
  progress (r, 0.2);
  if (ok && (r->sheets & CAK_REPORT_SEGMENTS))
    ok = write_segments (r, &local_error);
  if (ok && (r->sheets & CAK_REPORT_TARGET))
    ok = write_target (r, &local_error);
  if (ok && (r->sheets & CAK_REPORT_NOTES))
    ok = write_notes (r, &local_error);
  ok = ok && write_monev (r, &local_error);
  progress (r, 0.3);
  if (ok && (r->sheets & CAK_REPORT_DATA))
    ok = write_data (r, &local_error);
  ok = ok && define_names (r, &local_error);
  ok = ok && insert_map (r, &local_error);
  ok = ok && !cancelled (r, &local_error);
  progress (r, 0.85);

  status = workbook_close (r->wb);
  r->wb = NULL;
  if (ok && status != LXW_NO_ERROR)
    ok = check (r, status, &local_error);
  if (ok && g_rename (tmp, path) != 0)
    {
      int saved = errno;
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (&local_error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _ ("“%s” could not be written: %s"), display, g_strerror (saved));
      ok = FALSE;
    }
  if (!ok)
    {
      g_unlink (tmp);
      g_propagate_error (error, local_error);
      return FALSE;
    }
  progress (r, 1.0);
  return TRUE;
}

/* The regency table as CSV */

/**
 * cak_report_csv_field:
 * @text: a text cell
 * @separator: the field separator of the file
 *
 * Quotes a field when it needs quotes, and neutralises a text that a spreadsheet would take for
 * a formula (one starting with =, +, -, @, a tab or a carriage return) by putting an apostrophe
 * before it.
 *
 * Returns: (transfer full): the field as written in the file
 */
char *
cak_report_csv_field (const char *text, char separator)
{
  g_autoptr (GString) out = g_string_new (NULL);
  gboolean quote;

  g_return_val_if_fail (text != NULL, NULL);

  if (strchr ("=+-@\t\r", text[0]) && text[0] != '\0')
    g_string_append_c (out, '\'');
  g_string_append (out, text);
  quote = strchr (out->str, separator) || strchr (out->str, '"') || strchr (out->str, '\n')
          || strchr (out->str, '\r')
          || (out->len > 0 && (out->str[0] == ' ' || out->str[out->len - 1] == ' '));
  if (quote)
    {
      g_autoptr (GString) quoted = g_string_new ("\"");

      for (const char *p = out->str; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (quoted, '"');
          g_string_append_c (quoted, *p);
        }
      g_string_append_c (quoted, '"');
      return g_string_free (g_steal_pointer (&quoted), FALSE);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
csv_number (GString *out, double value, int decimals, CakLang lang)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    return;
  g_ascii_formatd (buf, sizeof buf,
                   decimals == 0   ? "%.0f"
                   : decimals == 2 ? "%.2f"
                                   : "%.4f",
                   value);
  if (lang == CAK_LANG_ID)
    for (char *p = buf; *p; p++)
      if (*p == '.')
        *p = ',';
  g_string_append (out, buf);
}

/**
 * cak_report_write_csv:
 *
 * Writes the regency table with the figures Cakupan computed: Indonesian files separate fields
 * with ";" and write decimals with ",", English ones "," and ".". Numbers carry no thousands
 * separators, so that any spreadsheet reads them as numbers.
 */
gboolean
cak_report_write_csv (CakDataset *dataset, const CakReportOptions *options, const char *path,
                      GError **error)
{
  g_auto (Report) report = { 0 };
  Report *r = &report;
  g_autoptr (GString) out = g_string_new (NULL);
  char sep;
  g_autofree char *compare = NULL;
  g_autofree char *compare_header = NULL;
  g_autofree char *change_header = NULL;

  g_return_val_if_fail (CAK_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!report_init (r, dataset, options, error))
    return FALSE;
  sep = r->lang == CAK_LANG_ID ? ';' : ',';
  {
    const char *headers[] = {
      T (N_ ("Code")),
      T (N_ ("Regency/city")),
      T (N_ ("Kind")),
      T (N_ ("Workforce")),
      T (N_ ("Wage earners (PU)")),
      T (N_ ("Informal workers (BPU)")),
      T (N_ ("Construction (Jakon)")),
      T (N_ ("Migrant workers (PMI)")),
      T (N_ ("Active participants")),
      T (N_ ("Coverage (%)")),
      T (N_ ("Not yet covered")),
      T (N_ ("Target (%)")),
      T (N_ ("Participants needed for target")),
      T (N_ ("Rank")),
    };

    for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
      {
        g_autofree char *field = cak_report_csv_field (headers[c], sep);

        if (c > 0)
          g_string_append_c (out, sep);
        g_string_append (out, field);
      }
    if (r->has_compare)
      {
        compare = cak_period_format (r->data->compare, r->lang);
        compare_header = g_strdup_printf (T (N_ ("Coverage %s (%%)")), compare);
        change_header = g_strdup_printf (T (N_ ("Change since %s (points)")), compare);
        g_string_append_printf (out, "%c%s%c%s", sep, compare_header, sep, change_header);
      }
    g_string_append (out, "\r\n");
  }
  for (guint i = 0; i <= r->n; i++)
    {
      const CakIndicatorRow *row
          = i < r->n ? &g_array_index (r->data->rows, CakIndicatorRow, i) : &r->data->total;
      g_autofree char *total_name
          = i < r->n ? NULL : g_strdup_printf (T (N_ ("Total %s")), r->data->place);
      const char *texts[3]
          = { i < r->n ? row->region->code : "", i < r->n ? row->region->name : total_name,
              i < r->n ? kind_name (r, row->region) : "" };
      const double people[] = { row->workforce,
                                cak_indicator_row_get (row, CAK_MEASURE_PU),
                                cak_indicator_row_get (row, CAK_MEASURE_BPU),
                                cak_indicator_row_get (row, CAK_MEASURE_JAKON),
                                cak_indicator_row_get (row, CAK_MEASURE_PMI),
                                row->participants };
      double cmp
          = i < r->n ? g_array_index (r->compare, double, i) : r->data->compare_total.coverage_pct;

      for (guint c = 0; c < 3; c++)
        {
          g_autofree char *field = cak_report_csv_field (texts[c], sep);

          if (c > 0)
            g_string_append_c (out, sep);
          g_string_append (out, field);
        }
      for (guint c = 0; c < G_N_ELEMENTS (people); c++)
        {
          g_string_append_c (out, sep);
          csv_number (out, people[c], 0, r->lang);
        }
      g_string_append_c (out, sep);
      csv_number (out, row->coverage_pct, 2, r->lang);
      g_string_append_c (out, sep);
      csv_number (out, row->uncovered, 0, r->lang);
      g_string_append_c (out, sep);
      csv_number (out, row->target_pct, 2, r->lang);
      g_string_append_c (out, sep);
      csv_number (out, row->gap_to_target, 0, r->lang);
      g_string_append_c (out, sep);
      if (i < r->n && r->rank[i] > 0)
        g_string_append_printf (out, "%u", r->rank[i]);
      if (r->has_compare)
        {
          g_string_append_c (out, sep);
          csv_number (out, cmp, 2, r->lang);
          g_string_append_c (out, sep);
          csv_number (out, isnan (cmp) ? NAN : row->coverage_pct - cmp, 2, r->lang);
        }
      g_string_append (out, "\r\n");
    }
  return g_file_set_contents (path, out->str, out->len, error);
}
