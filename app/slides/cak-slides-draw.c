/* cak-slides-draw.c: the slides that are no chart: the title, a regency's spotlight, the summary
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each composition is one function that places its texts in a layout (where the tests look for
 * overlaps and cuts) and, given a cairo context, draws them in the same pass: there is no second
 * copy of the geometry to drift apart. Sizes are fractions of the frame's height, so a slide
 * keeps its proportions from 1024×768 to 1920×1080.
 */
#define G_LOG_DOMAIN "cak-slides-draw"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cak-number.h"
#include "cak-slides-private.h"

#define LINE_EM 1.25  /* the height of a line of text, in its size */
#define VALUE_EM 1.28 /* of a large figure in heavy type */
#define N_SUMMARY_ROWS 5

typedef CakSlideCompose Compose;

/* Helpers */

CakRect
cak_slide_put_text (Compose *c, double px, PangoWeight weight, CakColor color, const char *text,
                    double x, double y, double align, double max_width)
{
  CakRect rect
      = cak_chart_place_text (c->layout, c->theme, px, weight, text, x, y, align, max_width);

  if (c->cr)
    {
      cak_chart_set_color (c->cr, color);
      cak_chart_show_text (c->cr, c->layout, c->theme, px, weight, text, x, y, align, max_width);
    }
  return rect;
}

/* @px, or smaller down to @min_px, so that @text fits @width; past that it is ellipsized. */
double
cak_slide_fit_px (Compose *c, double px, double min_px, PangoWeight weight, const char *text,
                  double width)
{
  double w = cak_chart_text_width (c->layout, c->theme, px, weight, text);

  if (w <= width || w <= 0)
    return px;
  return MAX (min_px, floor (px * width / w));
}

/* Where @text breaks into two lines that each fit @width at @px: the space nearest its middle;
 * NULL when it fits on one line or cannot be broken so. */
static const char *
break_at (Compose *c, double px, PangoWeight weight, const char *text, double width)
{
  const char *best = NULL;
  glong n, best_d = G_MAXLONG;

  if (text == NULL || cak_chart_text_width (c->layout, c->theme, px, weight, text) <= width)
    return NULL;
  n = g_utf8_strlen (text, -1);
  for (const char *p = strchr (text, ' '); p; p = strchr (p + 1, ' '))
    {
      glong d = ABS (g_utf8_pointer_to_offset (text, p) - n / 2);
      g_autofree char *first = g_strndup (text, p - text);

      /* A line never starts with the separator "·" */
      if (g_str_has_prefix (p + 1, "·"))
        continue;
      if (d < best_d && cak_chart_text_width (c->layout, c->theme, px, weight, first) <= width
          && cak_chart_text_width (c->layout, c->theme, px, weight, p + 1) <= width)
        {
          best = p;
          best_d = d;
        }
    }
  return best;
}

/* How many lines put_lines() takes for @text: each of its paragraphs on one line or two. */
static guint
count_lines (Compose *c, double px, PangoWeight weight, const char *text, double width)
{
  g_auto (GStrv) paragraphs = NULL;
  guint n = 0;

  if (text == NULL)
    return 1;
  paragraphs = g_strsplit (text, "\n", -1);
  for (guint i = 0; paragraphs[i]; i++)
    n += break_at (c, px, weight, paragraphs[i], width) ? 2 : 1;
  return MAX (1u, n);
}

static double put_paragraph (Compose *c, double px, PangoWeight weight, CakColor color,
                             const char *text, double x, double y, double width);

/* @text from the top @y, each of its paragraphs (apart by "\n") on two lines when it needs
 * them. Returns the height taken. */
static double
put_lines (Compose *c, double px, PangoWeight weight, CakColor color, const char *text, double x,
           double y, double width)
{
  g_auto (GStrv) paragraphs = g_strsplit (text, "\n", -1);
  double taken = 0;

  for (guint i = 0; paragraphs[i]; i++)
    taken += put_paragraph (c, px, weight, color, paragraphs[i], x, y + taken, width);
  return taken;
}

static double
put_paragraph (Compose *c, double px, PangoWeight weight, CakColor color, const char *text,
               double x, double y, double width)
{
  const char *at = break_at (c, px, weight, text, width);
  double lh = px * LINE_EM;

  if (at == NULL)
    {
      cak_slide_put_text (c, px, weight, color, text, x, y + lh / 2, 0, width);
      return lh;
    }
  {
    g_autofree char *first = g_strndup (text, at - text);

    cak_slide_put_text (c, px, weight, color, first, x, y + lh / 2, 0, width);
    cak_slide_put_text (c, px, weight, color, at + 1, x, y + lh * 1.5, 0, width);
  }
  return 2 * lh;
}

void
cak_slide_fill_rect (Compose *c, CakColor color, double x, double y, double w, double h)
{
  if (c->cr == NULL || w <= 0 || h <= 0)
    return;
  cak_chart_set_color (c->cr, color);
  cairo_rectangle (c->cr, x, y, w, h);
  cairo_fill (c->cr);
}

void
cak_slide_fill_bar (Compose *c, CakColor color, double x, double y, double w, double h)
{
  if (c->cr == NULL || w <= 0 || h <= 0)
    return;
  cak_chart_set_color (c->cr, color);
  cak_chart_rounded_bar (c->cr, x, y, w, h);
  cairo_fill (c->cr);
}

static void
background (Compose *c)
{
  if (c->cr)
    cak_chart_fill_background (c->cr, c->theme, c->layout);
}

static char *
format_count (double value, CakLang lang)
{
  return cak_number_format (round (value), 0, lang);
}

/* The title, the subtitle and the footer, as every chart places them, so that a deck's slides
 * carry their titles at the same place and size. */
static void
frame (Compose *c, const char *title, const char *subtitle, const char *footer)
{
  cak_chart_frame_layout (c->layout, c->theme, title, subtitle, footer, FALSE);
  if (c->cr)
    cak_chart_frame_paint (c->cr, c->layout, c->theme);
}

static char *
place_and_period (const CakChartData *data)
{
  g_autofree char *period = cak_period_format (data->period, data->lang);

  return g_strdup_printf ("%s · %s", data->place, period);
}

/* A coverage bar with its target: the track to the scale's end, the bar, a thick tick. */
static void
coverage_bar (Compose *c, const CakIndicatorRow *row, double x, double y, double w, double h)
{
  double hi = 100;

  if (!isnan (row->target_pct))
    hi = MIN (100, MAX (row->target_pct, row->coverage_pct) * 1.25);
  else if (!isnan (row->coverage_pct))
    hi = MIN (100, MAX (10, row->coverage_pct * 1.5));
  cak_slide_fill_rect (c, c->theme->track, x, y, w, h);
  if (!isnan (row->coverage_pct))
    cak_slide_fill_rect (c, cak_chart_coverage_color (c->theme, c->data, row), x, y,
                         round (w * MIN (row->coverage_pct, hi) / hi), h);
  if (!isnan (row->target_pct))
    {
      double tx = round (x + w * row->target_pct / hi);
      double tw = MAX (3.0, round (h * 0.22));

      cak_slide_fill_rect (c, c->theme->background, tx - tw / 2 - 2, y - h * 0.35, tw + 4, h * 1.7);
      cak_slide_fill_rect (c, c->theme->target, tx - tw / 2, y - h * 0.35, tw, h * 1.7);
    }
}

/* The title slide */

static void
compose_title (Compose *c)
{
  const CakChartData *data = c->data;
  double h = c->height, w = c->width, pad = c->layout->pad;
  double bar_w = MAX (6.0, round (h * 0.014));
  double x = pad + bar_w + round (h * 0.04);
  double inner = w - x - pad;
  const char *kicker = _ ("Coverage of the workforce by BPJS Ketenagakerjaan");
  g_autofree char *period = cak_period_format (data->period, data->lang);
  g_autofree char *as_at = NULL;
  g_autofree char *date = cak_period_format_date (c->info ? c->info->date : NULL, data->lang);
  const char *agency = c->info && c->info->agency && *c->info->agency ? c->info->agency : NULL;
  double kicker_px, place_px, period_px, foot_px = round (h * 0.034);
  double top, y;

  /* TRANSLATORS: the figures' date on the title slide, e.g. "As at December 2024" */
  as_at = g_strdup_printf (_ ("As at %s"), period);
  if (cak_period_is_valid (data->compare))
    {
      g_autofree char *compare = cak_period_format (data->compare, data->lang);
      g_autofree char *first = g_steal_pointer (&as_at);

      /* TRANSLATORS: after "As at December 2024 · ": the comparison period */
      as_at = g_strdup_printf (_ ("%s · compared with %s"), first, compare);
    }

  background (c);
  kicker_px = cak_slide_fit_px (c, round (h * 0.046), round (h * 0.034), PANGO_WEIGHT_BOLD, kicker,
                                inner);
  place_px = cak_slide_fit_px (c, round (h * 0.13), round (h * 0.07), PANGO_WEIGHT_HEAVY,
                               data->place, inner);
  period_px = cak_slide_fit_px (c, round (h * 0.045), round (h * 0.03), PANGO_WEIGHT_NORMAL, as_at,
                                inner);

  /* The block of three lines, a little above the middle, the accent bar beside it */
  {
    double block = kicker_px * LINE_EM + place_px * VALUE_EM + period_px * LINE_EM + h * 0.03;

    top = round (h * 0.44 - block / 2);
    y = top;
    cak_slide_put_text (c, kicker_px, PANGO_WEIGHT_BOLD, c->theme->muted, kicker, x,
                        y + kicker_px * LINE_EM / 2, 0, inner);
    y += kicker_px * LINE_EM + h * 0.01;
    cak_slide_put_text (c, place_px, PANGO_WEIGHT_HEAVY, c->theme->text, data->place, x,
                        y + place_px * VALUE_EM / 2, 0, inner);
    y += place_px * VALUE_EM + h * 0.02;
    cak_slide_put_text (c, period_px, PANGO_WEIGHT_NORMAL, c->theme->text, as_at, x,
                        y + period_px * LINE_EM / 2, 0, inner);
    y += period_px * LINE_EM;
    cak_slide_fill_rect (c, c->theme->bar, pad, top, bar_w, y - top);
  }

  /* The agency and the date at the foot, under a rule */
  y = h - pad - foot_px * LINE_EM / 2;
  cak_slide_put_text (c, foot_px, PANGO_WEIGHT_NORMAL, c->theme->muted, date, pad, y, 0,
                      w - 2 * pad);
  if (agency)
    {
      y -= foot_px * LINE_EM;
      cak_slide_put_text (c, foot_px, PANGO_WEIGHT_BOLD, c->theme->text, agency, pad, y, 0,
                          w - 2 * pad);
    }
  cak_slide_fill_rect (c, c->theme->grid, pad, round (y - foot_px * LINE_EM / 2 - h * 0.025),
                       w - 2 * pad, MAX (2.0, round (h * 0.003)));
}

/* A regency's spotlight */

typedef struct
{
  const char *caption;
  char *value;
  char *context;
  gboolean bar; /* a coverage bar under the value */
  double value_em;
} Figure;

static void
figure_clear (Figure *f)
{
  g_free (f->value);
  g_free (f->context);
}

/* Figures stacked in a column: a caption, a large value, a line of context. The values are
 * shrunk together when the column is short or narrow. */
static void
figures (Compose *c, const CakIndicatorRow *row, Figure *figs, guint n, CakRect area)
{
  double px = c->px, h = c->height;
  double bar_h = round (h * 0.034);
  double fixed = 0, values = 0, scale, y, gap;

  for (guint i = 0; i < n; i++)
    {
      fixed += px * LINE_EM
                   * (1 + count_lines (c, px, PANGO_WEIGHT_NORMAL, figs[i].context, area.width))
               + (figs[i].bar ? bar_h * 2.2 : 0);
      values += figs[i].value_em * h * VALUE_EM;
    }
  /* The figures shrink before they touch: a little air between them at least */
  scale = CLAMP ((area.height - fixed - h * 0.03 * (n - 1)) / values, 0.55, 1.0);
  gap = n > 1 ? MAX (0, (area.height - fixed - values * scale) / (n - 1)) : 0;
  gap = MIN (gap, h * 0.06);
  y = area.y;
  for (guint i = 0; i < n; i++)
    {
      Figure *f = &figs[i];
      double vpx = round (f->value_em * h * scale);

      vpx = cak_slide_fit_px (c, vpx, round (vpx * 0.6), PANGO_WEIGHT_HEAVY, f->value, area.width);
      /* A caption a little smaller rather than cut ("Jumlah kekurangan kabupaten/kota") */
      cak_slide_put_text (
          c, cak_slide_fit_px (c, px, round (px * 0.8), PANGO_WEIGHT_BOLD, f->caption, area.width),
          PANGO_WEIGHT_BOLD, c->theme->muted, f->caption, area.x, y + px * LINE_EM / 2, 0,
          area.width);
      y += px * LINE_EM;
      cak_slide_put_text (c, vpx, PANGO_WEIGHT_HEAVY, c->theme->text, f->value, area.x,
                          y + vpx * VALUE_EM / 2, 0, area.width);
      y += vpx * VALUE_EM;
      if (f->bar)
        {
          y += bar_h * 0.6;
          coverage_bar (c, row, area.x, y, area.width, bar_h);
          y += bar_h * 1.6;
        }
      if (f->context)
        y += put_lines (c, px, PANGO_WEIGHT_NORMAL, c->theme->text, f->context, area.x, y,
                        area.width);
      else
        y += px * LINE_EM;
      y += gap;
    }
}

static void
add_label (Compose *c, CakRect r, double dx, double dy)
{
  r.x += dx;
  r.y += dy;
  g_array_append_val (c->layout->labels, r);
}

/* The regency's trend, a panel of the spotlight from @x to the slide's right and from @top to
 * @bottom: the trend painter's heading, then its plot moved up over its subtitle (the slide says
 * the place and period already) and cut above its footer (the slide has its own). */
static void
trend_panel (Compose *c, int item, double x, double top, double bottom)
{
  g_autoptr (CakChartData) one = cak_chart_data_new_for_item (c->data, item);
  g_autoptr (CakChartLayout) sub = NULL;
  CakChartTheme theme = *c->theme;
  const CakChartFocus focus = { 0, CAK_CHART_ITEM_NONE }; /* the one regency, picked out */
  double w = c->width - x, h, lift, cut;

  theme.title_scale = 1.2;
  /* The panel's chart is laid out taller than the panel by what is cut away. */
  h = bottom - top;
  sub = cak_chart_layout_new (CAK_CHART_TREND, one, &focus, &theme, c->layout->context, w, h,
                              c->px);
  lift = sub->subtitle.height;
  cut = sub->height - sub->footer.y + c->px * 0.2;
  g_clear_pointer (&sub, cak_chart_layout_free);
  sub = cak_chart_layout_new (CAK_CHART_TREND, one, &focus, &theme, c->layout->context, w,
                              h + lift + cut, c->px);
  for (guint i = 0; i < sub->labels->len; i++)
    {
      CakRect r = g_array_index (sub->labels, CakRect, i);

      if (r.y >= sub->footer.y - 0.5)
        continue;
      if (r.y >= sub->subtitle.y - 0.5 && r.y < sub->subtitle.y + sub->subtitle.height)
        continue;
      add_label (c, r, x, r.y < sub->subtitle.y ? top : top - lift);
    }
  if (c->cr == NULL)
    return;
  cairo_save (c->cr);
  cairo_rectangle (c->cr, x, top, w, sub->subtitle.y);
  cairo_clip (c->cr);
  cairo_translate (c->cr, x, top);
  cak_chart_paint (c->cr, one, &focus, &theme, sub);
  cairo_restore (c->cr);
  cairo_save (c->cr);
  cairo_rectangle (c->cr, x, top + sub->subtitle.y, w,
                   sub->footer.y - c->px * 0.2 - sub->subtitle.y - lift);
  cairo_clip (c->cr);
  cairo_translate (c->cr, x, top - lift);
  cak_chart_paint (c->cr, one, &focus, &theme, sub);
  cairo_restore (c->cr);
}

static void
compose_spotlight (Compose *c, const CakSlide *slide)
{
  const CakChartData *data = c->data;
  int item = cak_chart_data_find_code (data, slide->code);
  const CakIndicatorRow *row = item >= 0 ? cak_chart_data_get_row (data, item) : NULL;
  g_autofree char *subtitle = place_and_period (data);
  g_autofree char *footer = cak_chart_footer (data);
  gboolean trend = row && data->periods->len > 1;
  Figure figs[3] = { { 0 } };
  guint n = 0;
  CakRect plot, column;
  CakLang lang = data->lang;

  background (c);
  if (row == NULL)
    {
      frame (c, slide->code ? slide->code : "", subtitle, footer);
      cak_slide_put_text (c, c->px * 1.2, PANGO_WEIGHT_NORMAL, c->theme->muted,
                          _ ("These files hold no figures for this regency"), c->layout->plot.x,
                          c->layout->plot.y + c->layout->plot.height / 2, 0, c->layout->plot.width);
      return;
    }
  if (row->rank > 0)
    {
      g_autofree char *rank = NULL;
      g_autofree char *with = g_strdup (subtitle);

      /* TRANSLATORS: a regency's place in its province by coverage, "rank 25 of 38" */
      rank = g_strdup_printf (_ ("rank %u of %u"), row->rank, data->rows->len);
      g_free (subtitle);
      subtitle = g_strdup_printf ("%s · %s", with, rank);
    }
  frame (c, row->region->name, subtitle, footer);
  plot = c->layout->plot;

  figs[n].caption = _ ("Coverage");
  figs[n].value = cak_chart_format_pct (row->coverage_pct, 2, lang);
  figs[n].value_em = 0.13;
  figs[n].bar = !isnan (row->coverage_pct);
  if (!isnan (row->coverage_pct))
    {
      g_autofree char *p = format_count (row->participants, lang);
      g_autofree char *w = format_count (row->workforce, lang);

      /* TRANSLATORS: under a regency's coverage: "114.377 of 449.717 workers" */
      figs[n].context = g_strdup_printf (_ ("%s of %s workers"), p, w);
    }
  n++;
  if (!isnan (row->target_pct) && !isnan (row->coverage_pct))
    {
      g_autofree char *target = cak_number_format_percent (row->target_pct, 0, lang);

      figs[n].caption = _ ("Gap to target");
      figs[n].value_em = 0.085;
      if (row->gap_to_target > 0)
        {
          g_autofree char *pp = cak_chart_format_pp (row->coverage_pct - row->target_pct, lang);

          figs[n].value = format_count (row->gap_to_target, lang);
          /* TRANSLATORS: under the number of participants a regency still needs; the first %s
           * is the target ("40%"), the second how far below it coverage is ("−12,7 pp") */
          figs[n].context = g_strdup_printf (_ ("more participants for %s · %s"), target, pp);
        }
      else
        {
          figs[n].value = g_strdup (_ ("Reached"));
          figs[n].context = g_strdup_printf (_ ("coverage at or above %s"), target);
        }
      n++;
    }
  else if (!isnan (row->uncovered))
    {
      figs[n].caption = _ ("Not yet covered");
      figs[n].value_em = 0.085;
      figs[n].value = format_count (row->uncovered, lang);
      figs[n].context = g_strdup (_ ("workers without BPJS Ketenagakerjaan"));
      n++;
    }
  if (cak_period_is_valid (data->compare) && !isnan (row->change_pp))
    {
      g_autofree char *since = cak_period_format (data->compare, lang);

      figs[n].caption = _ ("Change");
      figs[n].value_em = 0.07;
      figs[n].value = cak_chart_format_pp (row->change_pp, lang);
      figs[n].context = g_strdup_printf (_ ("since %s"), since);
      n++;
    }

  column = plot;
  column.y += c->px * 0.4;
  if (trend)
    {
      column.width = round (plot.width * 0.4);
    }
  figures (c, row, figs, n, column);
  for (guint i = 0; i < n; i++)
    figure_clear (&figs[i]);

  if (trend)
    trend_panel (c, item, column.x + column.width + c->px, plot.y - c->layout->pad * 0.4,
                 plot.y + plot.height);
}

/* The summary */

static double
sum_gaps (const CakChartData *data, gboolean targets)
{
  double sum = 0;

  if (targets)
    return data->total.regency_gaps;
  for (guint i = 0; i < data->rows->len; i++)
    {
      const CakIndicatorRow *row = &g_array_index (data->rows, CakIndicatorRow, i);
      double v = row->uncovered;

      if (!isnan (v) && v > 0)
        sum += v;
    }
  return sum;
}

static void
compose_summary (Compose *c)
{
  const CakChartData *data = c->data;
  gboolean targets = cak_chart_has_targets (data);
  g_autofree char *subtitle = place_and_period (data);
  g_autofree char *footer = cak_chart_footer (data);
  g_autoptr (GArray) items = cak_slide_neediest_items (data, N_SUMMARY_ROWS);
  double px = c->px, h = c->height;
  CakLang lang = data->lang;
  CakRect plot, column, list;
  Figure figs[2] = { { 0 } };
  guint n = 0;
  double hi = 0, row_h, bar_h, y;
  int selected = c->focus->selected;
  gboolean extra = FALSE;

  background (c);
  frame (c, _ ("Summary"), subtitle, footer);
  plot = c->layout->plot;

  /* The sum of the regencies' gaps, named apart from the overall gap of the key figures (in
   * which the regencies above target offset those below), which it names beside it. */
  figs[n].caption = targets ? _ ("Sum of regency gaps") : _ ("Not yet covered");
  figs[n].value = format_count (sum_gaps (data, targets), lang);
  if (targets && !isnan (data->total.gap_to_target))
    {
      g_autofree char *overall = format_count (data->total.gap_to_target, lang);

      /* TRANSLATORS: under the sum of the regencies' gaps on the summary slide; %s is the
       * overall gap of the key figures (target × workforce − participants of the whole) */
      figs[n].context = g_strdup_printf (
          _ ("participants, regencies below target only\noverall gap %s"), overall);
    }
  else
    figs[n].context = g_strdup (targets ? _ ("participants, regencies below target only")
                                        : _ ("workers without BPJS Ketenagakerjaan"));
  figs[n].value_em = 0.11;
  n++;
  figs[n].caption = data->place;
  figs[n].value = cak_chart_format_pct (data->total.coverage_pct, 2, lang);
  figs[n].bar = !isnan (data->total.coverage_pct);
  if (!isnan (data->total.target_pct))
    {
      g_autofree char *target = cak_number_format_percent (data->total.target_pct, 0, lang);

      figs[n].context = g_strdup_printf (_ ("coverage · target %s"), target);
    }
  else
    figs[n].context = g_strdup (_ ("coverage"));
  figs[n].value_em = 0.085;
  n++;

  column = plot;
  column.y += px * 0.4;
  column.width = round (plot.width * 0.36);
  figures (c, &data->total, figs, n, column);
  for (guint i = 0; i < n; i++)
    figure_clear (&figs[i]);

  /* The regencies furthest from target: name over a thick bar, the figure at its end */
  list = plot;
  list.x = column.x + column.width + px * 2;
  list.width = plot.x + plot.width - list.x;
  list.y = plot.y + px * 0.4;
  cak_slide_put_text (c, px * 1.1, PANGO_WEIGHT_BOLD, c->theme->muted,
                      targets ? _ ("Furthest from target") : _ ("Most workers not yet covered"),
                      list.x, list.y + px * 1.1 * LINE_EM / 2, 0, list.width);
  list.y += px * 1.1 * LINE_EM + px * 0.5;
  list.height = plot.y + plot.height - list.y;

  /* The presenter's regency joins the list when it is not among the first */
  if (selected >= 0)
    {
      const CakIndicatorRow *row = &g_array_index (data->rows, CakIndicatorRow, selected);
      double v = targets ? row->gap_to_target : row->uncovered;
      gboolean listed = FALSE;

      for (guint i = 0; i < items->len; i++)
        listed |= g_array_index (items, int, i) == selected;
      if (!listed && !isnan (v) && v > 0)
        {
          g_array_append_val (items, selected);
          extra = TRUE;
        }
    }
  for (guint i = 0; i < items->len; i++)
    {
      const CakIndicatorRow *row
          = &g_array_index (data->rows, CakIndicatorRow, g_array_index (items, int, i));

      hi = MAX (hi, targets ? row->gap_to_target : row->uncovered);
    }
  if (items->len == 0)
    {
      cak_slide_put_text (c, px, PANGO_WEIGHT_NORMAL, c->theme->text,
                          targets ? _ ("Every regency has reached its target") : _ ("No figures"),
                          list.x, list.y + px, 0, list.width);
      return;
    }
  row_h = MIN (list.height / items->len, h * 0.13);
  bar_h = MAX (6.0, round (MIN (h * 0.04, row_h - px * LINE_EM - px * 0.5)));
  y = list.y;
  for (guint i = 0; i < items->len; i++)
    {
      int item = g_array_index (items, int, i);
      const CakIndicatorRow *row = &g_array_index (data->rows, CakIndicatorRow, item);
      double v = targets ? row->gap_to_target : row->uncovered;
      g_autofree char *count = format_count (v, lang);
      g_autofree char *value = NULL;
      double name_y = y + px * LINE_EM / 2;
      double by = round (y + px * LINE_EM + px * 0.1);
      double value_w, bw;

      if (targets)
        {
          g_autofree char *pp = cak_chart_format_pp (row->coverage_pct - row->target_pct, lang);

          value = g_strdup_printf ("%s · %s", count, pp);
        }
      else
        value = g_steal_pointer (&count);
      value_w = cak_chart_text_width (c->layout, c->theme, px, PANGO_WEIGHT_BOLD, value);
      bw = MAX (bar_h * 0.5, round ((list.width - value_w - px) * v / hi));
      if (extra && i == items->len - 1 && c->cr)
        {
          double dash[] = { 3, 5 };

          cak_chart_set_color (c->cr, c->theme->grid);
          cairo_set_line_width (c->cr, 2);
          cairo_set_dash (c->cr, dash, 2, 0);
          cairo_move_to (c->cr, list.x, round (y - row_h * 0.1) + 1);
          cairo_line_to (c->cr, list.x + list.width, round (y - row_h * 0.1) + 1);
          cairo_stroke (c->cr);
          cairo_set_dash (c->cr, NULL, 0, 0);
        }
      if (item == selected)
        cak_slide_fill_rect (c, c->theme->highlight, list.x - px * 0.5, y - px * 0.15,
                             list.width + px * 0.5, row_h - px * 0.1);
      cak_slide_put_text (c, px, item == selected ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL,
                          c->theme->text, row->region->name, list.x, name_y, 0, list.width);
      cak_slide_fill_bar (c, targets ? c->theme->below : c->theme->muted, list.x, by, bw, bar_h);
      cak_slide_put_text (c, px, PANGO_WEIGHT_BOLD, c->theme->text, value, list.x + bw + px * 0.5,
                          by + bar_h / 2, 0, 0);
      y += row_h;
    }
}

/* Public */

void
cak_slide_compose (cairo_t *cr, CakChartLayout *layout, const CakSlide *slide,
                   const CakChartData *data, const CakChartFocus *focus, const CakSlideInfo *info,
                   const CakChartTheme *theme)
{
  Compose c
      = { cr, layout, data, focus, info, theme, layout->font_px, layout->width, layout->height };

  g_assert (slide->kind != CAK_SLIDE_CHART);

  switch (slide->kind)
    {
      case CAK_SLIDE_TITLE:
        compose_title (&c);
        break;
      case CAK_SLIDE_SPOTLIGHT:
        compose_spotlight (&c, slide);
        break;
      case CAK_SLIDE_ACTIONS:
      case CAK_SLIDE_CHECKLIST:
        cak_slide_compose_monev (cr, layout, slide, data, info, theme);
        break;
      case CAK_SLIDE_SUMMARY:
      case CAK_SLIDE_CHART:
      default:
        compose_summary (&c);
        break;
    }
}
