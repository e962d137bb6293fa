/* cak-slides-monev.c: the slides of the monev: what the last meeting agreed and where each
 * action stands, and how far the regencies are with Inpres 2/2021
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * As the other compositions, each places its texts in the layout (where the tests look for
 * overlaps and cuts) and draws them in the same pass when given a cairo context. A list of
 * actions is never cut: the actions past a slide's CAK_SLIDE_ACTIONS_PER_PAGE continue on the
 * next, and the footer says which are shown of how many.
 */
#define G_LOG_DOMAIN "cak-slides-monev"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cak-number.h"
#include "cak-slides-private.h"

#define LINE_EM 1.25

typedef CakSlideCompose Compose;

/* The order statuses are shown in: what is done first, dropped last */
static const CakActionStatus status_order[CAK_N_ACTION_STATUSES] = {
  CAK_ACTION_DONE,
  CAK_ACTION_IN_PROGRESS,
  CAK_ACTION_PLANNED,
  CAK_ACTION_DROPPED,
};

/* Helpers */

/* Where @text breaks into two lines that each fit @width at @px: the space nearest its middle;
 * NULL when it fits on one line at the smallest size, or cannot be broken so. */
static const char *
break_at (Compose *c, double px, PangoWeight weight, const char *text, double width)
{
  const char *best = NULL;
  glong n, best_d = G_MAXLONG;

  if (text == NULL
      || cak_chart_text_width (c->layout, c->theme, round (c->px * 0.85), weight, text) <= width)
    return NULL;
  n = g_utf8_strlen (text, -1);
  for (const char *p = strchr (text, ' '); p; p = strchr (p + 1, ' '))
    {
      glong d = ABS (g_utf8_pointer_to_offset (text, p) - n / 2);
      g_autofree char *head = g_strndup (text, p - text);

      if (d < best_d && cak_chart_text_width (c->layout, c->theme, px, weight, head) <= width
          && cak_chart_text_width (c->layout, c->theme, px, weight, p + 1) <= width)
        {
          best = p;
          best_d = d;
        }
    }
  return best;
}

static CakColor
rgb (guint32 hex)
{
  return (CakColor){ ((hex >> 16) & 0xff) / 255.0, ((hex >> 8) & 0xff) / 255.0,
                     (hex & 0xff) / 255.0, 1 };
}

/* Okabe-Ito, readable in both projector themes, with the text that reads on each */
static CakColor
status_color (CakActionStatus status)
{
  switch (status)
    {
      case CAK_ACTION_DONE:
        return rgb (0x009E73);
      case CAK_ACTION_IN_PROGRESS:
        return rgb (0xE69F00);
      case CAK_ACTION_PLANNED:
        return rgb (0x0072B2);
      case CAK_ACTION_DROPPED:
      case CAK_N_ACTION_STATUSES:
      default:
        return rgb (0x7F7F7F);
    }
}

static CakColor
status_text_color (CakActionStatus status)
{
  return status == CAK_ACTION_IN_PROGRESS ? rgb (0x000000) : rgb (0xFFFFFF);
}

/* The status in the deck's language */
static const char *
status_label (CakLang lang, CakActionStatus status)
{
  switch (status)
    {
      case CAK_ACTION_PLANNED:
        return cak_lang_gettext (lang, N_ ("Planned"));
      case CAK_ACTION_IN_PROGRESS:
        return cak_lang_gettext (lang, N_ ("In progress"));
      case CAK_ACTION_DONE:
        return cak_lang_gettext (lang, N_ ("Done"));
      case CAK_ACTION_DROPPED:
      case CAK_N_ACTION_STATUSES:
      default:
        return cak_lang_gettext (lang, N_ ("Dropped"));
    }
}

/* "2026-03-31" as "31 March 2026", or the text as typed when it is no date */
static char *
format_day (const char *iso, CakLang lang)
{
  guint y, m, d;
  char tail;

  if (iso && sscanf (iso, "%4u-%2u-%2u%c", &y, &m, &d, &tail) == 3 && g_date_valid_dmy (d, m, y))
    {
      g_autoptr (GDateTime) when = g_date_time_new_local (y, m, d, 12, 0, 0);

      return cak_period_format_date (when, lang);
    }
  return g_strdup (iso ? iso : "");
}

/* A status as a coloured label: the fill, then its name centred on it */
static void
status_chip (Compose *c, CakActionStatus status, double px, double x, double y, double w, double h)
{
  cak_slide_fill_bar (c, status_color (status), x, y, w, h);
  cak_slide_put_text (c, px, PANGO_WEIGHT_BOLD, status_text_color (status),
                      status_label (c->data->lang, status), x + w / 2, y + h / 2, 0.5,
                      w - px * 0.4);
}

static double
chip_width (Compose *c, double px)
{
  double w = 0;

  for (guint s = 0; s < CAK_N_ACTION_STATUSES; s++)
    w = MAX (w, cak_chart_text_width (c->layout, c->theme, px, PANGO_WEIGHT_BOLD,
                                      status_label (c->data->lang, s)));
  return ceil (w + px * 1.0);
}

static void
say (Compose *c, const char *text)
{
  const CakRect *plot = &c->layout->plot;

  cak_slide_put_text (c, c->px * 1.1, PANGO_WEIGHT_NORMAL, c->theme->muted, text, plot->x,
                      plot->y + plot->height / 3, 0, plot->width);
}

/* What the last meeting agreed */

static char *
meeting_subtitle (const CakMeeting *meeting, CakLang lang)
{
  g_autofree char *day = format_day (meeting->held_on, lang);

  if (meeting->title && *meeting->title)
    return g_strdup_printf ("%s · %s", meeting->title, day);
  /* TRANSLATORS: a monev meeting without a title, by its date: "Meeting of 15 June 2026" */
  return g_strdup_printf (cak_lang_gettext (lang, N_ ("Meeting of %s")), day);
}

/* The second line of an action: where, who, by when, and where it stands */
static char *
action_details (const CakAction *a, CakLang lang, gboolean with_note)
{
  g_autoptr (GString) text = g_string_new (a->region->name);

  if (a->office && *a->office)
    g_string_append_printf (text, " · %s", a->office);
  if (a->due && *a->due)
    {
      g_autofree char *day = format_day (a->due, lang);

      g_string_append (text, " · ");
      /* TRANSLATORS: an action's due date on a slide: "due 31 March 2026" */
      g_string_append_printf (text, cak_lang_gettext (lang, N_ ("due %s")), day);
    }
  if (with_note && a->note && *a->note)
    g_string_append_printf (text, " · %s", a->note);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
compose_actions (Compose *c, const CakSlide *slide)
{
  const CakChartData *data = c->data;
  CakLang lang = data->lang;
  const CakMeeting *meeting = NULL;
  g_autoptr (GPtrArray) actions
      = cak_slide_agreed_actions (data, c->info ? c->info->monev : NULL, &meeting);
  const char *title = cak_lang_gettext (lang, N_ ("What we agreed last time, and where it stands"));
  g_autofree char *subtitle = meeting ? meeting_subtitle (meeting, lang) : NULL;
  g_autofree char *footer = NULL;
  guint n = actions ? actions->len : 0;
  guint first = slide->page * CAK_SLIDE_ACTIONS_PER_PAGE;
  guint last = MIN (n, first + CAK_SLIDE_ACTIONS_PER_PAGE); /* one past */
  guint counts[CAK_N_ACTION_STATUSES] = { 0 };
  double px = c->px, chip_px = round (px * 0.85), chip_w, chip_h, x, y;
  CakRect plot;

  if (n > 0)
    {
      /* TRANSLATORS: which actions a slide lists: "Actions 1–6 of 13" */
      g_autofree char *which = g_strdup_printf (cak_lang_gettext (lang, N_ ("Actions %u–%u of %u")),
                                                MIN (first + 1, n), last, n);

      if (last < n)
        /* TRANSLATORS: after "Actions 1–6 of 13" when more follow */
        footer = g_strdup_printf (cak_lang_gettext (lang, N_ ("%s · continued on the next slide")),
                                  which);
      else
        footer = g_steal_pointer (&which);
    }
  if (c->cr)
    cak_chart_fill_background (c->cr, c->theme, c->layout);
  cak_chart_frame_layout (c->layout, c->theme, title, subtitle, footer, FALSE);
  if (c->cr)
    cak_chart_frame_paint (c->cr, c->layout, c->theme);
  plot = c->layout->plot;

  if (c->info == NULL || c->info->monev == NULL)
    {
      say (c, cak_lang_gettext (lang, N_ ("Open the project to show what its meetings agreed.")));
      return;
    }
  if (meeting == NULL)
    {
      say (c, cak_lang_gettext (lang, N_ ("The project records no meeting yet.")));
      return;
    }
  if (n == 0)
    {
      say (c, cak_lang_gettext (lang, N_ ("No action was agreed at this meeting for these "
                                          "regencies.")));
      return;
    }
  if (first >= n)
    {
      say (c, cak_lang_gettext (lang, N_ ("Every action agreed is on the slides before this "
                                          "one.")));
      return;
    }

  /* The tally: how many in each status, in the colours of the list */
  for (guint i = 0; i < n; i++)
    counts[MIN (((CakAction *)g_ptr_array_index (actions, i))->status, CAK_ACTION_DROPPED)]++;
  chip_w = chip_width (c, chip_px);
  chip_h = round (chip_px * 1.45);
  {
    double tally_px = px;
    double spot = round (px * 0.75), gap = px * 1.2, total = 0;
    char *texts[CAK_N_ACTION_STATUSES] = { NULL };

    for (guint k = 0; k < CAK_N_ACTION_STATUSES; k++)
      {
        CakActionStatus s = status_order[k];

        texts[k] = g_strdup_printf ("%s %u", status_label (lang, s), counts[s]);
        total += spot + px * 0.4
                 + cak_chart_text_width (c->layout, c->theme, px, PANGO_WEIGHT_BOLD, texts[k])
                 + (k + 1 < CAK_N_ACTION_STATUSES ? gap : 0);
      }
    if (total > plot.width)
      {
        tally_px = floor (px * plot.width / total);
        spot = round (tally_px * 0.75);
        gap = tally_px * 1.2;
      }
    x = plot.x;
    y = plot.y + tally_px * LINE_EM / 2;
    for (guint k = 0; k < CAK_N_ACTION_STATUSES; k++)
      {
        CakActionStatus s = status_order[k];
        double w
            = cak_chart_text_width (c->layout, c->theme, tally_px, PANGO_WEIGHT_BOLD, texts[k]);

        cak_slide_fill_bar (c, status_color (s), x, y - spot / 2, spot, spot);
        x += spot + tally_px * 0.4;
        cak_slide_put_text (c, tally_px, PANGO_WEIGHT_BOLD, c->theme->text, texts[k], x, y, 0, 0);
        x += w + gap;
      }
    for (guint k = 0; k < CAK_N_ACTION_STATUSES; k++)
      g_free (texts[k]);
    y = plot.y + tally_px * LINE_EM + px * 0.6;
  }

  /* One action a row: its status, what (on two lines when it needs them and there is room),
   * then where, who and by when, and where it stands (on a line of its own when the two do not
   * fit on one) */
  {
    double line = px * LINE_EM, gap = px * 0.55, room = plot.y + plot.height - y, need = 0;
    double width = plot.x + plot.width - (plot.x + chip_w + px * 0.7);
    double small = round (px * 0.85);
    const char *breaks[CAK_SLIDE_ACTIONS_PER_PAGE] = { NULL };
    gboolean note_line[CAK_SLIDE_ACTIONS_PER_PAGE] = { FALSE };

    for (guint i = first; i < last; i++)
      {
        const CakAction *a = g_ptr_array_index (actions, i);
        g_autofree char *all = action_details (a, lang, TRUE);

        breaks[i - first] = break_at (c, round (px * 0.9), PANGO_WEIGHT_BOLD, a->action, width);
        note_line[i - first]
            = a->note && *a->note
              && cak_chart_text_width (c->layout, c->theme, small, PANGO_WEIGHT_NORMAL, all)
                     > width;
        need += 2 * line + gap + (breaks[i - first] ? line : 0) + (note_line[i - first] ? line : 0);
      }
    /* Short of room, the last rows give up their extra lines, ellipsized */
    for (guint k = last - first; need > room && k-- > 0;)
      {
        if (breaks[k])
          {
            breaks[k] = NULL;
            need -= line;
          }
        if (need > room && note_line[k])
          {
            note_line[k] = FALSE;
            need -= line;
          }
      }
    x = plot.x + chip_w + px * 0.7;
    for (guint i = first; i < last; i++)
      {
        const CakAction *a = g_ptr_array_index (actions, i);
        const char *at = breaks[i - first];
        gboolean own = note_line[i - first];
        g_autofree char *details = action_details (a, lang, !own);
        double details_px
            = cak_slide_fit_px (c, round (px * 0.9), small, PANGO_WEIGHT_NORMAL, details, width);
        CakActionStatus st = MIN (a->status, CAK_ACTION_DROPPED);
        double row_h = (2 + (at ? 1 : 0) + (own ? 1 : 0)) * line + gap;
        double ty = y + line / 2;

        status_chip (c, st, chip_px, plot.x, y + (line - chip_h) / 2, chip_w, chip_h);
        if (at)
          {
            g_autofree char *head = g_strndup (a->action, at - a->action);
            double what_px = round (px * 0.9);

            cak_slide_put_text (c, what_px, PANGO_WEIGHT_BOLD, c->theme->text, head, x, ty, 0,
                                width);
            ty += line;
            cak_slide_put_text (c, what_px, PANGO_WEIGHT_BOLD, c->theme->text, at + 1, x, ty, 0,
                                width);
          }
        else
          {
            double what_px = cak_slide_fit_px (c, px, small, PANGO_WEIGHT_BOLD, a->action, width);

            cak_slide_put_text (c, what_px, PANGO_WEIGHT_BOLD, c->theme->text, a->action, x, ty, 0,
                                width);
          }
        ty += line;
        cak_slide_put_text (c, details_px, PANGO_WEIGHT_NORMAL, c->theme->muted, details, x, ty, 0,
                            width);
        if (own)
          {
            double note_px = cak_slide_fit_px (c, round (px * 0.9), small, PANGO_WEIGHT_NORMAL,
                                               a->note, width);

            ty += line;
            cak_slide_put_text (c, note_px, PANGO_WEIGHT_NORMAL, c->theme->text, a->note, x, ty, 0,
                                width);
          }
        if (i + 1 < last)
          cak_slide_fill_rect (c, c->theme->grid, plot.x, round (y + row_h - gap * 0.55),
                               plot.width, MAX (1.0, round (c->height * 0.0015)));
        y += row_h;
      }
  }
}

/* The Inpres 2/2021 checklist */

static const char *
item_label (CakLang lang, guint item)
{
  static const char *const labels[CAK_CHECKLIST_N_ITEMS] = {
    N_ ("Regulation issued (Perbup/Perwali)"),
    N_ ("APBD allocated for vulnerable workers"),
    N_ ("Village funds used"),
    N_ ("Non-ASN staff enrolled"),
    N_ ("Village officials enrolled"),
  };

  return cak_lang_gettext (lang, labels[item]);
}

static void
compose_checklist (Compose *c)
{
  const CakChartData *data = c->data;
  CakLang lang = data->lang;
  CakMonev *monev = c->info ? c->info->monev : NULL;
  guint n = data->rows->len, recorded = 0;
  guint have[CAK_CHECKLIST_N_ITEMS] = { 0 };
  g_autofree char *period = cak_period_format (data->period, lang);
  g_autofree char *subtitle = NULL;
  g_autofree char *footer = NULL;
  double px = c->px, h = c->height, bar_h, row_h, value_w = 0, y;
  char *values[CAK_CHECKLIST_N_ITEMS] = { NULL };
  CakRect plot;

  for (guint i = 0; monev && i < n; i++)
    {
      const CakChecklist *cl
          = cak_monev_get_checklist (monev, g_array_index (data->rows, CakIndicatorRow, i).region);

      if (cl == NULL)
        continue;
      recorded++;
      for (guint k = 0; k < CAK_CHECKLIST_N_ITEMS; k++)
        have[k] += cak_checklist_has_item (cl, k);
    }
  subtitle = g_strdup_printf ("%s · %s", data->place, period);
  /* TRANSLATORS: under the checklist slide: "Recorded for 3 of 38 regencies and cities; the
   * others are not counted as “no”." */
  footer = g_strdup_printf (cak_lang_gettext (lang, N_ ("Recorded for %u of %u regencies and "
                                                        "cities; the others are not counted as "
                                                        "“no”.")),
                            recorded, n);
  if (c->cr)
    cak_chart_fill_background (c->cr, c->theme, c->layout);
  cak_chart_frame_layout (c->layout, c->theme,
                          cak_lang_gettext (lang, N_ ("Inpres 2/2021: what the regencies have "
                                                      "done")),
                          subtitle, footer, FALSE);
  if (c->cr)
    cak_chart_frame_paint (c->cr, c->layout, c->theme);
  plot = c->layout->plot;
  if (monev == NULL)
    {
      say (c, cak_lang_gettext (lang, N_ ("Open the project to show its Inpres 2/2021 "
                                          "checklist.")));
      return;
    }

  for (guint k = 0; k < CAK_CHECKLIST_N_ITEMS; k++)
    {
      /* TRANSLATORS: regencies with an item of the checklist: "2 of 38" */
      values[k] = g_strdup_printf (cak_lang_gettext (lang, N_ ("%u of %u")), have[k], n);
      value_w = MAX (value_w, cak_chart_text_width (c->layout, c->theme, px * 1.1,
                                                    PANGO_WEIGHT_BOLD, values[k]));
    }
  row_h = MIN (plot.height / CAK_CHECKLIST_N_ITEMS, h * 0.15);
  bar_h = MAX (6.0, round (MIN (h * 0.045, row_h - px * LINE_EM - px * 0.6)));
  y = plot.y + px * 0.2;
  for (guint k = 0; k < CAK_CHECKLIST_N_ITEMS; k++, y += row_h)
    {
      double track = plot.width - value_w - px;
      double by = round (y + px * LINE_EM + px * 0.15);
      double bw = n > 0 ? round (track * have[k] / n) : 0;

      cak_slide_put_text (c, px, PANGO_WEIGHT_NORMAL, c->theme->text, item_label (lang, k), plot.x,
                          y + px * LINE_EM / 2, 0, plot.width);
      cak_slide_fill_rect (c, c->theme->track, plot.x, by, track, bar_h);
      cak_slide_fill_bar (c, have[k] > 0 ? c->theme->bar : c->theme->track, plot.x, by, bw, bar_h);
      cak_slide_put_text (c, px * 1.1, PANGO_WEIGHT_BOLD, c->theme->text, values[k],
                          plot.x + plot.width, by + bar_h / 2, 1, 0);
    }
  for (guint k = 0; k < CAK_CHECKLIST_N_ITEMS; k++)
    g_free (values[k]);
}

/* Public */

void
cak_slide_compose_monev (cairo_t *cr, CakChartLayout *layout, const CakSlide *slide,
                         const CakChartData *data, const CakSlideInfo *info,
                         const CakChartTheme *theme)
{
  Compose c
      = { cr, layout, data, NULL, info, theme, layout->font_px, layout->width, layout->height };

  g_assert (slide->kind == CAK_SLIDE_ACTIONS || slide->kind == CAK_SLIDE_CHECKLIST);

  if (slide->kind == CAK_SLIDE_ACTIONS)
    compose_actions (&c, slide);
  else
    compose_checklist (&c);
}
