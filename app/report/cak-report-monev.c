/* cak-report-monev.c: the workbook's sheets of what a monev recorded: the action plan (rencana
 * tindak lanjut) and the Inpres 2/2021 checklist
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both sheets are lists others go on editing: dates are dates, amounts are numbers, and the
 * counts under them are formulas over the cells above (with the count Cakupan made stored as
 * the result). A regency with nothing recorded says so; it is never shown as a "no".
 */
#define G_LOG_DOMAIN "cak-report-monev"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cak-indicators.h"
#include "cak-report-private.h"

#define T(text) cak_lang_gettext (ctx->lang, (text))

#define COLOR_DONE_FILL 0xD9EAD3
#define COLOR_PROGRESS_FILL 0xFFF2CC
#define COLOR_PLANNED_FILL 0xDCE9F5
#define COLOR_DROPPED_FILL 0xEDEDED
#define COLOR_MUTED 0x666666

/* The checklist's five items, as the sheet heads them */
static const char *const item_headers[CAK_CHECKLIST_N_ITEMS] = {
  N_ ("Regulation issued (Perbup/Perwali)"),
  N_ ("APBD allocated for vulnerable workers"),
  N_ ("Village funds used"),
  N_ ("Non-ASN staff enrolled"),
  N_ ("Village officials enrolled"),
};

/* The order statuses are counted in: what is still open first */
static const CakActionStatus status_order[CAK_N_ACTION_STATUSES] = {
  CAK_ACTION_PLANNED,
  CAK_ACTION_IN_PROGRESS,
  CAK_ACTION_DONE,
  CAK_ACTION_DROPPED,
};

typedef struct
{
  lxw_format *date, *date_overdue, *datetime, *rupiah, *muted, *yes, *no, *count_label,
      *status[CAK_N_ACTION_STATUSES];
} Formats;

/* Helpers */

static const char *
status_label (const CakReportMonevContext *ctx, CakActionStatus status)
{
  switch (status)
    {
      case CAK_ACTION_PLANNED:
        return T (N_ ("Planned"));
      case CAK_ACTION_IN_PROGRESS:
        return T (N_ ("In progress"));
      case CAK_ACTION_DONE:
        return T (N_ ("Done"));
      case CAK_ACTION_DROPPED:
      case CAK_N_ACTION_STATUSES:
      default:
        return T (N_ ("Dropped"));
    }
}

static lxw_format *
new_format (const CakReportMonevContext *ctx, const char *num_format, lxw_color_t fill)
{
  lxw_format *f = workbook_add_format (ctx->wb);

  format_set_font_name (f, "Calibri");
  format_set_font_size (f, 11);
  format_set_align (f, LXW_ALIGN_VERTICAL_TOP);
  if (num_format)
    format_set_num_format (f, num_format);
  if (fill)
    format_set_bg_color (f, fill);
  return f;
}

static void
make_formats (const CakReportMonevContext *ctx, Formats *f)
{
  const char *date = ctx->lang == CAK_LANG_ID ? "dd/mm/yyyy" : "d mmm yyyy";
  const char *datetime = ctx->lang == CAK_LANG_ID ? "dd/mm/yyyy hh:mm" : "d mmm yyyy hh:mm";
  const lxw_color_t fills[CAK_N_ACTION_STATUSES] = {
    [CAK_ACTION_PLANNED] = COLOR_PLANNED_FILL,
    [CAK_ACTION_IN_PROGRESS] = COLOR_PROGRESS_FILL,
    [CAK_ACTION_DONE] = COLOR_DONE_FILL,
    [CAK_ACTION_DROPPED] = COLOR_DROPPED_FILL,
  };

  f->date = new_format (ctx, date, 0);
  format_set_align (f->date, LXW_ALIGN_LEFT);
  f->date_overdue = new_format (ctx, date, 0xFBE3D6);
  format_set_font_color (f->date_overdue, 0xA0400A);
  format_set_bold (f->date_overdue);
  format_set_align (f->date_overdue, LXW_ALIGN_LEFT);
  f->datetime = new_format (ctx, datetime, 0);
  format_set_align (f->datetime, LXW_ALIGN_LEFT);
  /* The viewer shows the separators of its own locale: Rp1.234.567 in Indonesian */
  f->rupiah = new_format (ctx, "\"Rp\"#,##0", 0);
  f->muted = new_format (ctx, NULL, 0);
  format_set_font_color (f->muted, COLOR_MUTED);
  format_set_italic (f->muted);
  format_set_align (f->muted, LXW_ALIGN_CENTER);
  f->yes = new_format (ctx, NULL, COLOR_DONE_FILL);
  format_set_align (f->yes, LXW_ALIGN_CENTER);
  format_set_bold (f->yes);
  f->no = new_format (ctx, NULL, 0);
  format_set_align (f->no, LXW_ALIGN_CENTER);
  f->count_label = new_format (ctx, NULL, 0xF2F2F2);
  format_set_bold (f->count_label);
  format_set_text_wrap (f->count_label);
  for (guint s = 0; s < CAK_N_ACTION_STATUSES; s++)
    {
      f->status[s] = new_format (ctx, NULL, fills[s]);
      format_set_align (f->status[s], LXW_ALIGN_CENTER);
    }
}

/* "2026-03-31" as a spreadsheet date; FALSE when it is none */
static gboolean
parse_date (const char *text, lxw_datetime *out)
{
  guint y, m, d;
  char tail;

  if (text == NULL || sscanf (text, "%4u-%2u-%2u%c", &y, &m, &d, &tail) != 3
      || !g_date_valid_dmy (d, m, y))
    return FALSE;
  *out = (lxw_datetime){ y, m, d, 0, 0, 0 };
  return TRUE;
}

/* An ISO 8601 time, in local time, as a spreadsheet date and time */
static gboolean
parse_time (const char *text, lxw_datetime *out)
{
  g_autoptr (GDateTime) utc = text ? g_date_time_new_from_iso8601 (text, NULL) : NULL;
  g_autoptr (GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;

  if (local == NULL)
    return FALSE;
  *out = (lxw_datetime){ g_date_time_get_year (local),         g_date_time_get_month (local),
                         g_date_time_get_day_of_month (local), g_date_time_get_hour (local),
                         g_date_time_get_minute (local),       0 };
  return TRUE;
}

/* Writes a date, or the text as typed when it is no date, or nothing */
static void
write_date (lxw_worksheet *ws, guint y, guint x, const char *text, lxw_format *format,
            lxw_format *text_format)
{
  lxw_datetime when;

  if (parse_date (text, &when))
    worksheet_write_datetime (ws, y, x, &when, format);
  else if (text && *text)
    worksheet_write_string (ws, y, x, text, text_format);
}

static void
write_time (lxw_worksheet *ws, guint y, guint x, const char *text, lxw_format *format)
{
  lxw_datetime when;

  if (parse_time (text, &when))
    worksheet_write_datetime (ws, y, x, &when, format);
}

static void
write_optional_text (lxw_worksheet *ws, guint y, guint x, const char *text, lxw_format *format)
{
  if (text && *text)
    worksheet_write_string (ws, y, x, text, format);
}

static void
write_optional_number (lxw_worksheet *ws, guint y, guint x, double value, lxw_format *format)
{
  if (!isnan (value))
    worksheet_write_number (ws, y, x, value, format);
}

static double
fit_width (double current, const char *text, double most)
{
  double w = text ? g_utf8_strlen (text, -1) * 1.05 + 2 : 0;

  return MAX (current, MIN (w, most));
}

/* The lines @text takes wrapped in a column @width characters wide */
static guint
wrapped_lines (const char *text, double width)
{
  double chars = text ? g_utf8_strlen (text, -1) * 1.1 : 0;

  return MAX (1, (guint)ceil (chars / MAX (1, width - 2)));
}

static char *
col_range (guint col, guint first, guint last)
{
  char name[LXW_MAX_COL_NAME_LENGTH];

  lxw_col_to_name (name, col, FALSE);
  return g_strdup_printf ("$%s$%u:$%s$%u", name, first + 1, name, last + 1);
}

static gboolean
in_scope (const CakReportMonevContext *ctx, const CakRegion *region)
{
  return ctx->province == NULL || g_strcmp0 (region->province_code, ctx->province->code) == 0;
}

/* The date the report is made, as YYYY-MM-DD, to find actions past due */
static char *
today (const CakReportMonevContext *ctx)
{
  g_autoptr (GDateTime) now
      = ctx->date ? g_date_time_ref (ctx->date) : g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* "Rakor monev semester I, 3 Desember 2026" */
static char *
describe_meeting (const CakReportMonevContext *ctx, const CakMeeting *meeting)
{
  lxw_datetime d;
  g_autofree char *date = NULL;
  const char *title = meeting->title && *meeting->title ? meeting->title : NULL;

  if (parse_date (meeting->held_on, &d))
    {
      g_autoptr (GDateTime) when = g_date_time_new_local (d.year, d.month, d.day, 12, 0, 0);

      date = cak_period_format_date (when, ctx->lang);
    }
  else
    date = g_strdup (meeting->held_on ? meeting->held_on : "");
  if (title == NULL)
    return g_steal_pointer (&date);
  return g_strdup_printf ("%s, %s", title, date);
}

/* The action plan */

enum
{
  A_NO,
  A_CODE,
  A_REGION,
  A_ACTION,
  A_OFFICE,
  A_DUE,
  A_STATUS,
  A_MEETING,
  A_NOTE,
  A_UPDATED,
  N_A_COLS
};

/**
 * cak_report_write_actions:
 *
 * The sheet "Rencana Tindak Lanjut": every action of the report's regencies, by regency, with
 * its status in the report's language and the number of actions in each status under it.
 */
gboolean
cak_report_write_actions (const CakReportMonevContext *ctx, GError **error)
{
  const char *name = cak_report_sheet_name (CAK_REPORT_ACTIONS, ctx->lang);
  lxw_worksheet *ws = workbook_add_worksheet (ctx->wb, name);
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GPtrArray) actions = g_ptr_array_new ();
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *now = today (ctx);
  guint counts[CAK_N_ACTION_STATUSES] = { 0 };
  guint header = 3, first = header + 1, y, outside = 0, overdue = 0;
  double widths[N_A_COLS] = { 5, 8, 22, 40, 16, 12, 13, 28, 36, 17 };
  const char *headers[N_A_COLS];

  g_return_val_if_fail (ctx != NULL && CAK_IS_MONEV (ctx->monev), FALSE);

  if (ws == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _ ("The workbook could not be written: %s"),
                   lxw_strerror (LXW_ERROR_SHEETNAME_ALREADY_USED));
      return FALSE;
    }
  all = cak_monev_list_actions (ctx->monev, NULL, 0);
  for (guint i = 0; i < all->len; i++)
    {
      CakAction *a = g_ptr_array_index (all, i);

      if (!in_scope (ctx, a->region))
        {
          outside++;
          continue;
        }
      g_ptr_array_add (actions, a);
      counts[MIN (a->status, CAK_ACTION_DROPPED)]++;
    }

  title = g_strdup_printf (T (N_ ("Follow-up actions (rencana tindak lanjut): %s")),
                           ctx->place_period);
  if (actions->len == 0)
    subtitle = g_strdup (T (N_ ("No follow-up action was recorded in the project.")));
  else
    {
      g_autoptr (GString) text = g_string_new (NULL);

      g_string_append_printf (text, T (N_ ("Actions: %u")), actions->len);
      for (guint k = 0; k < CAK_N_ACTION_STATUSES; k++)
        g_string_append_printf (text, " · %s: %u", status_label (ctx, status_order[k]),
                                counts[status_order[k]]);
      subtitle = g_string_free (g_steal_pointer (&text), FALSE);
    }
  worksheet_set_row (ws, 0, 22, NULL);
  worksheet_write_string (ws, 0, 0, title, ctx->f_title);
  worksheet_write_string (ws, 1, 0, subtitle, ctx->f_subtitle);
  worksheet_write_string (ws, 2, 0,
                          T (N_ ("Every action agreed for a regency or city, by regency: what, "
                                 "which office (OPD), by when, and where it stands.")),
                          ctx->f_note);

  headers[A_NO] = T (N_ ("No."));
  headers[A_CODE] = T (N_ ("Code"));
  headers[A_REGION] = T (N_ ("Regency/city"));
  headers[A_ACTION] = T (N_ ("Action"));
  headers[A_OFFICE] = T (N_ ("Responsible office (OPD)"));
  headers[A_DUE] = T (N_ ("Due"));
  headers[A_STATUS] = T (N_ ("Status"));
  headers[A_MEETING] = T (N_ ("Agreed at"));
  headers[A_NOTE] = T (N_ ("Where it stands"));
  headers[A_UPDATED] = T (N_ ("Last updated"));
  worksheet_set_row (ws, header, 30, NULL);
  for (guint c = 0; c < N_A_COLS; c++)
    worksheet_write_string (ws, header, c, headers[c], ctx->f_header);

  {
    Formats f;

    make_formats (ctx, &f);
    y = first;
    for (guint i = 0; i < actions->len; i++, y++)
      {
        const CakAction *a = g_ptr_array_index (actions, i);
        const CakMeeting *meeting
            = a->meeting_id > 0 ? cak_monev_get_meeting (ctx->monev, a->meeting_id) : NULL;
        gboolean late = a->due
                        && (a->status == CAK_ACTION_PLANNED || a->status == CAK_ACTION_IN_PROGRESS)
                        && strcmp (a->due, now) < 0;

        overdue += late;
        worksheet_write_number (ws, y, A_NO, i + 1, ctx->f_rank);
        worksheet_write_string (ws, y, A_CODE, a->region->code, ctx->f_code);
        worksheet_write_string (ws, y, A_REGION, a->region->name, ctx->f_text);
        widths[A_REGION] = fit_width (widths[A_REGION], a->region->name, 40);
        worksheet_write_string (ws, y, A_ACTION, a->action, ctx->f_wrap);
        write_optional_text (ws, y, A_OFFICE, a->office, ctx->f_wrap);
        write_date (ws, y, A_DUE, a->due, late ? f.date_overdue : f.date, ctx->f_text);
        worksheet_write_string (ws, y, A_STATUS, status_label (ctx, a->status),
                                f.status[MIN (a->status, CAK_ACTION_DROPPED)]);
        if (meeting)
          {
            g_autofree char *text = describe_meeting (ctx, meeting);

            worksheet_write_string (ws, y, A_MEETING, text, ctx->f_wrap);
          }
        write_optional_text (ws, y, A_NOTE, a->note, ctx->f_wrap);
        /* A spreadsheet does not grow a row for wrapped text written by a program */
        {
          g_autofree char *text = meeting ? describe_meeting (ctx, meeting) : NULL;
          guint lines = MAX (wrapped_lines (a->action, widths[A_ACTION]),
                             wrapped_lines (a->office, widths[A_OFFICE]));

          lines = MAX (lines, wrapped_lines (text, widths[A_MEETING]));
          lines = MAX (lines, wrapped_lines (a->note, widths[A_NOTE]));
          if (lines > 1)
            worksheet_set_row (ws, y, 15 * lines, NULL);
        }
        write_time (ws, y, A_UPDATED, a->updated_at ? a->updated_at : a->created_at, f.datetime);
      }
    if (actions->len == 0)
      worksheet_write_string (ws, y++, 0, T (N_ ("No follow-up action was recorded.")),
                              ctx->f_note);

    /* How many in each status: formulas over the status column, so that a status changed
     * here is counted */
    y += 1;
    {
      guint count_header = y;
      g_autofree char *range
          = actions->len ? col_range (A_STATUS, first, first + actions->len - 1) : NULL;

      worksheet_write_string (ws, y, A_STATUS - 1, T (N_ ("Status")), ctx->f_header);
      worksheet_write_string (ws, y, A_STATUS, T (N_ ("Actions")), ctx->f_header);
      y++;
      for (guint k = 0; k < CAK_N_ACTION_STATUSES; k++, y++)
        {
          CakActionStatus s = status_order[k];
          const char *label = status_label (ctx, s);

          worksheet_write_string (ws, y, A_STATUS - 1, label, f.status[s]);
          if (range)
            {
              g_autofree char *formula = g_strdup_printf ("=COUNTIF(%s,\"%s\")", range, label);

              worksheet_write_formula_num (ws, y, A_STATUS, formula, ctx->f_people, counts[s]);
            }
          else
            worksheet_write_number (ws, y, A_STATUS, 0, ctx->f_people);
        }
      worksheet_write_string (ws, y, A_STATUS - 1, T (N_ ("Total")), ctx->f_total_text);
      {
        char col[LXW_MAX_COL_NAME_LENGTH];
        g_autofree char *formula = NULL;

        lxw_col_to_name (col, A_STATUS, FALSE);
        formula = g_strdup_printf ("=SUM(%s%u:%s%u)", col, count_header + 2, col, y);
        worksheet_write_formula_num (ws, y, A_STATUS, formula, ctx->f_total_people, actions->len);
      }
      y += 2;
    }
    if (overdue > 0)
      worksheet_write_string (ws, y++, 0,
                              T (N_ ("Due dates in red: past due on the day of the report and "
                                     "not yet done.")),
                              ctx->f_note);
    if (outside > 0)
      {
        g_autofree char *text
            = g_strdup_printf (T (N_ ("Actions of regencies outside %s, not listed here: %u.")),
                               ctx->province ? ctx->province->name : "", outside);

        worksheet_write_string (ws, y++, 0, text, ctx->f_note);
      }
  }

  for (guint c = 0; c < N_A_COLS; c++)
    worksheet_set_column (ws, c, c, widths[c], NULL);
  if (actions->len > 0)
    worksheet_autofilter (ws, header, 0, first + actions->len - 1, N_A_COLS - 1);
  worksheet_freeze_panes (ws, first, A_ACTION);
  ctx->setup_print (ctx->report, ws, title, header, MAX (y, first), N_A_COLS - 1);
  g_ptr_array_add (ctx->computed, g_strdup (name));
  return TRUE;
}

/* The Inpres 2/2021 checklist */

enum
{
  C_NO,
  C_CODE,
  C_REGION,
  C_REGULATION,
  C_REGULATION_REF,
  C_REGULATION_DATE,
  C_APBD,
  C_APBD_RUPIAH,
  C_APBD_WORKERS,
  C_VILLAGE_FUNDS,
  C_VILLAGE_WORKERS,
  C_VILLAGES,
  C_NON_ASN,
  C_VILLAGE_OFFICIALS,
  C_NOTES,
  C_UPDATED,
  N_C_COLS
};

static const guint item_cols[CAK_CHECKLIST_N_ITEMS] = {
  C_REGULATION, C_APBD, C_VILLAGE_FUNDS, C_NON_ASN, C_VILLAGE_OFFICIALS,
};

static int
compare_regions (gconstpointer a, gconstpointer b)
{
  return strcmp ((*(const CakRegion *const *)a)->code, (*(const CakRegion *const *)b)->code);
}

/* The report's regencies, and any other of its province with a checklist, by code */
static GPtrArray *
checklist_regions (const CakReportMonevContext *ctx)
{
  g_autoptr (GPtrArray) recorded = cak_monev_get_checklists (ctx->monev);
  GPtrArray *regions = g_ptr_array_new ();

  for (guint i = 0; i < ctx->rows->len; i++)
    g_ptr_array_add (regions, (gpointer)g_array_index (ctx->rows, CakIndicatorRow, i).region);
  for (guint i = 0; i < recorded->len; i++)
    {
      const CakChecklist *c = g_ptr_array_index (recorded, i);

      if (in_scope (ctx, c->region) && !g_ptr_array_find (regions, c->region, NULL))
        g_ptr_array_add (regions, (gpointer)c->region);
    }
  g_ptr_array_sort (regions, compare_regions);
  return regions;
}

/**
 * cak_report_write_checklist:
 *
 * The sheet "Inpres 2-2021" (a sheet name may not hold "/"): each regency of the report, what
 * it has done under Presidential Instruction 2/2021, and how many have done each item.
 */
gboolean
cak_report_write_checklist (const CakReportMonevContext *ctx, GError **error)
{
  const char *name = cak_report_sheet_name (CAK_REPORT_CHECKLIST, ctx->lang);
  lxw_worksheet *ws = workbook_add_worksheet (ctx->wb, name);
  g_autoptr (GPtrArray) regions = NULL;
  g_autofree char *title = NULL;
  guint header = 3, first = header + 1, y, last, n_recorded = 0;
  guint have[CAK_CHECKLIST_N_ITEMS] = { 0 };
  double widths[N_C_COLS] = { 5, 8, 24, 16, 18, 12, 16, 16, 13, 14, 13, 10, 14, 14, 36, 17 };
  const char *headers[N_C_COLS];
  Formats f;

  g_return_val_if_fail (ctx != NULL && CAK_IS_MONEV (ctx->monev), FALSE);

  if (ws == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _ ("The workbook could not be written: %s"),
                   lxw_strerror (LXW_ERROR_SHEETNAME_ALREADY_USED));
      return FALSE;
    }
  make_formats (ctx, &f);
  regions = checklist_regions (ctx);
  for (guint i = 0; i < regions->len; i++)
    {
      const CakChecklist *c = cak_monev_get_checklist (ctx->monev, g_ptr_array_index (regions, i));

      if (c == NULL)
        continue;
      n_recorded++;
      for (guint k = 0; k < CAK_CHECKLIST_N_ITEMS; k++)
        have[k] += cak_checklist_has_item (c, k);
    }

  /* TRANSLATORS: the sheet's title; Inpres 2/2021 is Presidential Instruction 2 of 2021 */
  title = g_strdup_printf (T (N_ ("Inpres 2/2021 checklist: %s")), ctx->place_period);
  worksheet_set_row (ws, 0, 22, NULL);
  worksheet_write_string (ws, 0, 0, title, ctx->f_title);
  {
    g_autofree char *subtitle
        = n_recorded ? g_strdup_printf (T (N_ ("Recorded for %u of %u regencies and cities.")),
                                        n_recorded, regions->len)
                     : g_strdup (T (N_ ("Nothing was recorded in the project for any regency or "
                                        "city.")));

    worksheet_write_string (ws, 1, 0, subtitle, ctx->f_subtitle);
  }
  worksheet_write_string (ws, 2, 0,
                          T (N_ ("What each regency and city has done under Presidential "
                                 "Instruction 2/2021 on BPJS Ketenagakerjaan coverage. "
                                 "“Not recorded”: nothing was entered for it, which is not a "
                                 "“No”.")),
                          ctx->f_note);

  headers[C_NO] = T (N_ ("No."));
  headers[C_CODE] = T (N_ ("Code"));
  headers[C_REGION] = T (N_ ("Regency/city"));
  for (guint k = 0; k < CAK_CHECKLIST_N_ITEMS; k++)
    headers[item_cols[k]] = T (item_headers[k]);
  headers[C_REGULATION_REF] = T (N_ ("Regulation number"));
  headers[C_REGULATION_DATE] = T (N_ ("Regulation date"));
  headers[C_APBD_RUPIAH] = T (N_ ("APBD (rupiah)"));
  headers[C_APBD_WORKERS] = T (N_ ("Workers paid for by the APBD"));
  headers[C_VILLAGE_WORKERS] = T (N_ ("Workers paid for by village funds"));
  headers[C_VILLAGES] = T (N_ ("Villages"));
  headers[C_NOTES] = T (N_ ("Notes"));
  headers[C_UPDATED] = T (N_ ("Last updated"));
  worksheet_set_row (ws, header, 70, NULL);
  for (guint c = 0; c < N_C_COLS; c++)
    worksheet_write_string (ws, header, c, headers[c], ctx->f_header);

  y = first;
  for (guint i = 0; i < regions->len; i++, y++)
    {
      const CakRegion *region = g_ptr_array_index (regions, i);
      const CakChecklist *c = cak_monev_get_checklist (ctx->monev, region);

      worksheet_write_number (ws, y, C_NO, i + 1, ctx->f_rank);
      worksheet_write_string (ws, y, C_CODE, region->code, ctx->f_code);
      worksheet_write_string (ws, y, C_REGION, region->name, ctx->f_text);
      widths[C_REGION] = fit_width (widths[C_REGION], region->name, 40);
      if (c == NULL)
        {
          for (guint k = 0; k < CAK_CHECKLIST_N_ITEMS; k++)
            worksheet_write_string (ws, y, item_cols[k], T (N_ ("Not recorded")), f.muted);
          continue;
        }
      for (guint k = 0; k < CAK_CHECKLIST_N_ITEMS; k++)
        {
          gboolean yes = cak_checklist_has_item (c, k);

          worksheet_write_string (ws, y, item_cols[k], yes ? T (N_ ("Yes")) : T (N_ ("No")),
                                  yes ? f.yes : f.no);
        }
      write_optional_text (ws, y, C_REGULATION_REF, c->regulation_ref, ctx->f_text);
      write_date (ws, y, C_REGULATION_DATE, c->regulation_date, f.date, ctx->f_text);
      write_optional_number (ws, y, C_APBD_RUPIAH, c->apbd_rupiah, f.rupiah);
      write_optional_number (ws, y, C_APBD_WORKERS, c->apbd_workers, ctx->f_people);
      write_optional_number (ws, y, C_VILLAGE_WORKERS, c->village_workers, ctx->f_people);
      write_optional_number (ws, y, C_VILLAGES, c->villages, ctx->f_people);
      write_optional_text (ws, y, C_NOTES, c->notes, ctx->f_wrap);
      if (wrapped_lines (c->notes, widths[C_NOTES]) > 1)
        worksheet_set_row (ws, y, 15 * wrapped_lines (c->notes, widths[C_NOTES]), NULL);
      write_time (ws, y, C_UPDATED, c->updated_at, f.datetime);
    }
  last = y - 1;

  /* How many have each item, of how many recorded: formulas over the columns above */
  {
    g_autofree char *label = NULL;
    g_autofree char *recorded = NULL;
    g_autofree char *regs = col_range (C_REGULATION, first, last);

    label = g_strdup (T (N_ ("Regencies and cities with the item")));
    worksheet_merge_range (ws, y, 0, y, C_REGION, label, f.count_label);
    for (guint c = C_REGION + 1; c < N_C_COLS; c++)
      worksheet_write_blank (ws, y, c, ctx->f_total_text);
    for (guint k = 0; k < CAK_CHECKLIST_N_ITEMS; k++)
      {
        g_autofree char *range = col_range (item_cols[k], first, last);
        g_autofree char *formula = g_strdup_printf ("=COUNTIF(%s,\"%s\")", range, T (N_ ("Yes")));

        worksheet_write_formula_num (ws, y, item_cols[k], formula, ctx->f_total_people, have[k]);
      }
    y++;
    label = (g_free (label), g_strdup (T (N_ ("Regencies and cities with a record"))));
    worksheet_merge_range (ws, y, 0, y, C_REGION, label, f.count_label);
    recorded
        = g_strdup_printf ("=ROWS(%s)-COUNTIF(%s,\"%s\")", regs, regs, T (N_ ("Not recorded")));
    worksheet_write_formula_num (ws, y, C_REGULATION, recorded, ctx->f_total_people, n_recorded);
    y++;
    label = (g_free (label), g_strdup (T (N_ ("Regencies and cities listed"))));
    worksheet_merge_range (ws, y, 0, y, C_REGION, label, f.count_label);
    worksheet_write_number (ws, y, C_REGULATION, regions->len, ctx->f_total_people);
    y += 2;
  }

  for (guint c = 0; c < N_C_COLS; c++)
    worksheet_set_column (ws, c, c, widths[c], NULL);
  if (regions->len > 0)
    worksheet_autofilter (ws, header, 0, last, N_C_COLS - 1);
  worksheet_freeze_panes (ws, first, C_REGULATION);
  ctx->setup_print (ctx->report, ws, title, header, y, N_C_COLS - 1);
  g_ptr_array_add (ctx->computed, g_strdup (name));
  return TRUE;
}
