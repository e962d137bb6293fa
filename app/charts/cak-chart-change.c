/* cak-chart-change.c: change in coverage since the comparison period, as diverging bars
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cak-chart-change"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cak-chart-private.h"
#include "cak-number.h"

/* Rows as in the ranking: this many font sizes tall at their natural height, names shrinking to
 * LABEL_MIN of the body size before rows are left out. */
#define ROW_EM 1.85
#define MIN_ROW_EM 1.3
#define LABEL_MIN 0.7
/* The tick labels above the rows and the province's label below them each take this. */
#define AXIS_EM 1.6
/* A bar never thinner than this, so that a change of a few hundredths still shows its colour. */
#define MIN_BAR 2.0

/* The summary row of the regencies without a change, when they do not all have a row. */
#define ITEM_NO_DATA (-100)

typedef struct
{
  int item; /* a regency, CAK_CHART_ITEM_REST or ITEM_NO_DATA */
  double top, cy;
  double dx;   /* its column's offset: the x below are the first column's */
  CakRect bar; /* the bar, or the hatched band of no data */
  gboolean no_data;
  char *text; /* the value ("+2,3 pp"), or what a summary row says */
  double text_x, text_align, text_max;
} Row;

typedef struct
{
  char *message; /* said instead of a chart when there is nothing to compare */
  double message_px;
  GArray *rows; /* Row, in drawing order */
  CakChartRows plan;
  double plot_top;
  double rows_bottom;
  double row_height;
  double bar_height;
  double label_px;
  double value_px;
  double label_right;
  double d0, d1;  /* the changes the axis spans: every change and zero, no more */
  double x0, x1;  /* where d0 and d1 fall */
  CakTicks ticks; /* only those between d0 and d1 */
  char *province_text;
  double province_x; /* NAN when the province's change is unknown */
  double province_text_x, province_y;
  guint n_legend;
  CakLegendEntry legend[5];
} Change;

static void
row_clear (gpointer p)
{
  Row *row = p;

  g_free (row->text);
}

static void
change_free (gpointer data)
{
  Change *c = data;

  g_clear_pointer (&c->rows, g_array_unref);
  cak_chart_rows_clear (&c->plan);
  g_free (c->message);
  g_free (c->province_text);
  g_free (c);
}

static double
change_key (const CakIndicatorRow *row)
{
  return row->change_pp;
}

/* A change as its label shows it, to the tenth of a point: the sign of what is drawn (colour,
 * side of zero) is the sign of what is written, so "0,0 pp" is neither a gain nor a fall. NAN
 * stays NAN. */
static double
shown_pp (double pp)
{
  double rounded = round (pp * 10) / 10;

  return rounded == 0 ? 0 : rounded;
}

/* Where a change is drawn: at its value, unless its label says no change. */
static double
drawn_pp (double pp)
{
  return shown_pp (pp) == 0 ? 0 : pp;
}

static gboolean
has_changes (const CakChartData *data)
{
  if (!cak_period_is_valid (data->compare))
    return FALSE;
  for (guint i = 0; i < data->rows->len; i++)
    if (!isnan (g_array_index (data->rows, CakIndicatorRow, i).change_pp))
      return TRUE;
  return FALSE;
}

static double
x_of (const Change *c, double value)
{
  return cak_scale_map (value, c->d0, c->d1, c->x0, c->x1);
}

static char *
title_of (const CakChartData *data)
{
  return g_strdup (data->by_province ? _ ("Change in coverage by province")
                                     : _ ("Change in coverage by regency and city"));
}

static char *
subtitle_of (const CakChartData *data)
{
  g_autofree char *since = NULL;
  g_autofree char *extra = NULL;

  if (!cak_period_is_valid (data->compare))
    return cak_chart_subtitle (data, NULL);
  since = cak_period_format (data->compare, data->lang);
  /* TRANSLATORS: in the subtitle of the change chart; %s is a period, "Desember 2023" */
  extra = g_strdup_printf (_ ("change since %s"), since);
  return cak_chart_subtitle (data, extra);
}

/* Says why there are no bars: no period to compare with, or no figures in it. */
static char *
message_of (const CakChartData *data)
{
  g_autofree char *since = NULL;

  if (!cak_period_is_valid (data->compare))
    return g_strdup (_ ("No comparison period: choose one to see what changed"));
  since = cak_period_format (data->compare, data->lang);
  return g_strdup_printf (_ ("No figures for %s to compare with: choose another period"), since);
}

/* A tick: "0", "+2 pp", "−2,5 pp", with no more decimals than the step needs. */
static char *
format_tick (double value, double step, CakLang lang)
{
  int decimals = fabs (step - round (step)) < 1e-9             ? 0
                 : fabs (step * 10 - round (step * 10)) < 1e-9 ? 1
                                                               : 2;
  g_autofree char *number = NULL;
  g_autofree char *signed_number = NULL;

  if (fabs (value) < step * 1e-6)
    return g_strdup ("0");
  number = cak_number_format (fabs (value), decimals, lang);
  signed_number = g_strconcat (value > 0 ? "+" : "−", number, NULL);
  return g_strdup_printf (_ ("%s pp"), signed_number);
}

/* Ticks between d0 and d1 only, as many as their labels leave room for, four when they can. */
static void
compute_ticks (CakChartLayout *layout, const CakChartTheme *theme, Change *c, CakLang lang)
{
  double px = layout->font_px;
  gboolean found = FALSE;

  for (guint m = MAX (3, (guint)((c->x1 - c->x0) / (px * 7))); m <= CAK_MAX_TICKS; m++)
    {
      CakTicks t;
      double last_right = -INFINITY;
      gboolean fits = TRUE;
      guint n = 0;

      cak_ticks_compute (c->d0, c->d1, m, &t);
      for (guint i = 0; i < t.n_ticks; i++)
        if (t.ticks[i] >= c->d0 - 1e-9 && t.ticks[i] <= c->d1 + 1e-9)
          t.ticks[n++] = t.ticks[i];
      t.n_ticks = n;
      for (guint i = 0; i < n && fits; i++)
        {
          g_autofree char *label = format_tick (t.ticks[i], t.step, lang);
          double w = cak_chart_text_width (layout, theme, px * 0.85, PANGO_WEIGHT_NORMAL, label);
          double x = round (x_of (c, t.ticks[i])) + 0.5;

          fits = x - w / 2 >= last_right + px * 0.8;
          last_right = x + w / 2;
        }
      if (!fits)
        break;
      c->ticks = t;
      found = TRUE;
      if (n >= 4)
        break;
    }
  if (!found)
    {
      /* Too narrow for any pair: zero alone. */
      memset (&c->ticks, 0, sizeof c->ticks);
      c->ticks.step = 1;
      c->ticks.n_ticks = 1;
    }
}

/* Title, subtitle, legend, tick labels above the rows, the province's label below them, footer. */
static double
chrome_height (double font_px)
{
  return cak_chart_frame_chrome_height (font_px, TRUE) + font_px * 2 * AXIS_EM;
}

static double
change_natural_height (const CakChartData *data, const CakChartTheme *theme, double width,
                       double font_px)
{
  if (!has_changes (data))
    return 0;
  return ceil (chrome_height (font_px) + MAX (1u, data->rows->len) * font_px * ROW_EM);
}

/* Every item with a change first, largest gain first; then how many have none. */
static GArray *
order_items (const CakChartData *data, guint *out_n_with)
{
  GArray *order = cak_chart_sort_items (data, change_key);
  guint n_with = 0;

  for (guint i = 0; i < order->len; i++)
    if (!isnan (
            g_array_index (data->rows, CakIndicatorRow, g_array_index (order, int, i)).change_pp))
      n_with++;
  *out_n_with = n_with;
  return order;
}

/* The rows drawn: all when they fit; else the largest gains and the largest falls with the rest
 * summarised between them, and one row for every regency without a change. */
static GArray *
pick_rows (const GArray *order, guint n_with, guint n_fit, int keep)
{
  g_autoptr (GArray) with = NULL;
  GArray *rows;
  int no_data = ITEM_NO_DATA;

  if (order->len <= n_fit)
    return g_array_copy ((GArray *)order);
  with = g_array_sized_new (FALSE, FALSE, sizeof (int), n_with);
  g_array_append_vals (with, order->data, n_with);
  rows
      = cak_chart_pick_rows_keeping (with, n_with < order->len ? MAX (1u, n_fit - 1) : n_fit, keep);
  if (n_with < order->len)
    g_array_append_val (rows, no_data);
  return rows;
}

/* Which kinds of row the chart has, for its legend: only those drawn are explained. */
typedef struct
{
  gboolean rose, fell, unchanged, no_data;
  const char *place; /* the province's line, NULL when its change is unknown */
} Kinds;

static void
build_legend (Change *c, const CakChartTheme *theme, const Kinds *kinds, gboolean brief)
{
  guint n = 0;

  if (kinds->rose)
    c->legend[n++] = (CakLegendEntry){ CAK_LEGEND_BOX, theme->gain,
                                       brief ? C_ ("change", "Rose") : _ ("Coverage rose") };
  if (kinds->fell)
    c->legend[n++] = (CakLegendEntry){ CAK_LEGEND_BOX, theme->loss,
                                       brief ? C_ ("change", "Fell") : _ ("Coverage fell") };
  if (kinds->unchanged)
    c->legend[n++] = (CakLegendEntry){ CAK_LEGEND_TICK, theme->muted,
                                       brief ? C_ ("change", "Same") : _ ("No change") };
  if (kinds->no_data)
    c->legend[n++] = (CakLegendEntry){ CAK_LEGEND_HATCH, theme->track,
                                       brief ? _ ("No data") : _ ("No figures to compare") };
  if (kinds->place)
    c->legend[n++] = (CakLegendEntry){ CAK_LEGEND_DASH, theme->average, kinds->place };
  c->n_legend = n;
}

/* Whether the legend fits on its line, measured as cak_chart_legend_layout places it. */
static gboolean
legend_fits (CakChartLayout *layout, const CakChartTheme *theme, const Change *c)
{
  double px = layout->font_px * 0.92;
  double x = layout->pad;

  for (guint i = 0; i < c->n_legend; i++)
    x += px * 0.9 + px * 0.4
         + cak_chart_text_width (layout, theme, px, PANGO_WEIGHT_NORMAL, c->legend[i].label)
         + (i + 1 < c->n_legend ? px * 1.6 : 0);
  return x <= layout->width - layout->pad;
}

static void
change_layout (CakChartLayout *layout, const CakChartData *data, const CakChartTheme *theme)
{
  Change *c = g_new0 (Change, 1);
  g_autofree char *title = title_of (data);
  g_autofree char *subtitle = subtitle_of (data);
  g_autofree char *footer = cak_chart_footer (data);
  double px = layout->font_px;
  double lo = 0, hi = 0, label_w = 0, value_w = 0, rows_h, zero, gap = px * 0.45;
  g_autoptr (GArray) order = NULL;
  GArray *items;
  guint n_with, first_label;
  double right;
  Kinds kinds = { FALSE };

  layout->priv = c;
  layout->priv_free = change_free;
  c->province_x = NAN;
  c->rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_array_set_clear_func (c->rows, row_clear);

  if (!has_changes (data))
    {
      double max_w;

      cak_chart_frame_layout (layout, theme, title, subtitle, footer, FALSE);
      c->message = message_of (data);
      /* Large and centred, but never wider than the plot. */
      c->message_px = px * 1.25;
      max_w = layout->plot.width - 2 * px;
      while (c->message_px > px * 0.8
             && cak_chart_text_width (layout, theme, c->message_px, PANGO_WEIGHT_NORMAL, c->message)
                    > max_w)
        c->message_px *= 0.92;
      cak_chart_place_text (layout, theme, c->message_px, PANGO_WEIGHT_NORMAL, c->message,
                            layout->plot.x + layout->plot.width / 2,
                            layout->plot.y + layout->plot.height / 2, 0.5, max_w);
      return;
    }

  order = order_items (data, &n_with);
  kinds.no_data = n_with < order->len;
  kinds.place = isnan (data->total.change_pp) ? NULL : data->place;
  for (guint i = 0; i < n_with; i++)
    {
      double v = shown_pp (
          g_array_index (data->rows, CakIndicatorRow, g_array_index (order, int, i)).change_pp);

      kinds.rose |= v > 0;
      kinds.fell |= v < 0;
      kinds.unchanged |= v == 0;
    }
  build_legend (c, theme, &kinds, FALSE);
  if (!legend_fits (layout, theme, c))
    build_legend (c, theme, &kinds, TRUE);
  cak_chart_frame_layout (layout, theme, title, subtitle, footer, TRUE);
  cak_chart_legend_layout (layout, theme, c->legend, c->n_legend);

  c->plot_top = layout->plot.y + px * AXIS_EM;
  c->rows_bottom = layout->plot.y + layout->plot.height;
  if (!isnan (data->total.change_pp))
    c->rows_bottom -= px * AXIS_EM;
  rows_h = MAX (px, c->rows_bottom - c->plot_top);

  cak_chart_rows_plan (&c->plan, layout, theme, data, order, rows_h, LABEL_MIN, MIN_ROW_EM, ROW_EM);
  if (c->plan.rows->len < order->len)
    {
      /* The whole country, summarised: the top and bottom of those with a change, and those
       * without one in a row of their own */
      GArray *picked
          = pick_rows (order, n_with, c->plan.rows->len, cak_chart_focus_selected (layout));

      g_array_unref (c->plan.rows);
      c->plan.rows = picked;
      c->plan.per_col = picked->len;
    }
  items = c->plan.rows;
  c->row_height = c->plan.row_height;
  c->rows_bottom = c->plot_top + c->row_height * c->plan.per_col;
  c->label_px = c->plan.label_px;
  c->value_px = c->label_px;
  c->bar_height = MAX (1.0, round (MIN (c->row_height * 0.62, px * 1.15)));

  /* The scale spans every change, not only those drawn, and zero; as shown, so that a change
   * written "0,0 pp" opens no side of the axis that no bar uses. */
  for (guint i = 0; i < n_with; i++)
    {
      double v = drawn_pp (
          g_array_index (data->rows, CakIndicatorRow, g_array_index (order, int, i)).change_pp);

      lo = MIN (lo, v);
      hi = MAX (hi, v);
    }
  if (!isnan (data->total.change_pp))
    {
      lo = MIN (lo, drawn_pp (data->total.change_pp));
      hi = MAX (hi, drawn_pp (data->total.change_pp));
    }
  for (guint i = 0; i < items->len; i++)
    {
      int item = g_array_index (items, int, i);
      const CakIndicatorRow *row;
      g_autofree char *value = NULL;

      if (item < 0)
        continue;
      row = &g_array_index (data->rows, CakIndicatorRow, item);
      value = cak_chart_format_pp (row->change_pp, data->lang);
      value_w = MAX (value_w,
                     cak_chart_text_width (layout, theme, c->value_px, PANGO_WEIGHT_BOLD, value));
    }
  label_w = cak_chart_rows_choose_names (&c->plan, layout, theme, data,
                                         c->plan.col_width * (c->plan.n_cols > 1 ? 0.42 : 0.34));
  value_w += gap;

  right = layout->pad + c->plan.col_width;
  c->label_right = layout->pad + label_w;
  layout->plot.x = c->label_right + px * 0.8;
  layout->plot.width = MAX (px, right - layout->plot.x);
  /* Room for the values beyond the longest bars, on the sides that have bars. */
  c->x0 = layout->plot.x + (lo < 0 ? value_w : 0);
  c->x1
      = layout->plot.x + layout->plot.width - (hi > 0 || lo >= 0 || kinds.unchanged ? value_w : 0);
  c->x1 = MAX (c->x1, c->x0 + px);

  /* The bars run to the edges of the plot, not to the next round number: ticks are drawn where
   * they fall inside. */
  c->d0 = lo;
  c->d1 = hi > lo ? hi : lo + 1;
  compute_ticks (layout, theme, c, data->lang);
  zero = round (x_of (c, 0)) + 0.5;

  for (guint k = 0; k < c->plan.n_cols; k++)
    for (guint i = 0; i < c->ticks.n_ticks; i++)
      {
        g_autofree char *label = format_tick (c->ticks.ticks[i], c->ticks.step, data->lang);

        cak_chart_place_text (layout, theme, px * 0.85, PANGO_WEIGHT_NORMAL, label,
                              round (x_of (c, c->ticks.ticks[i])) + 0.5 + k * c->plan.step,
                              layout->plot.y + px * 0.6, 0.5, 0);
      }

  for (guint i = 0; i < items->len; i++)
    {
      Row r = { g_array_index (items, int, i) };
      const CakIndicatorRow *row;

      r.top = cak_chart_rows_top (&c->plan, i, c->plot_top);
      r.dx = cak_chart_rows_dx (&c->plan, i);
      r.cy = r.top + c->row_height / 2;
      r.bar.y = round (r.cy - c->bar_height / 2);
      r.bar.height = c->bar_height;

      if (r.item == CAK_CHART_ITEM_REST || r.item == ITEM_NO_DATA)
        {
          guint n = r.item == ITEM_NO_DATA ? order->len - n_with
                                           : cak_chart_rest_count (order, n_with, items, i);

          r.no_data = r.item == ITEM_NO_DATA;
          r.text_x = layout->plot.x;
          r.text_align = 0;
          r.text_max = right - layout->plot.x;
          if (r.no_data)
            {
              /* A hatched swatch before the words says what the hatching means. */
              r.bar = (CakRect){ layout->plot.x, r.bar.y, px * 1.6, c->bar_height };
              r.text_x = layout->plot.x + px * 2.2;
              r.text_max -= px * 2.2;
            }
          if (r.item == CAK_CHART_ITEM_REST)
            r.text = cak_chart_rest_text (layout, theme, c->label_px, n, r.text_max);
          else
            {
              r.text = g_strdup_printf (
                  g_dngettext (GETTEXT_PACKAGE, "%u regency or city without figures to compare",
                               "%u regencies and cities without figures to compare", n),
                  n);
              if (cak_chart_text_width (layout, theme, c->label_px, PANGO_WEIGHT_NORMAL, r.text)
                  > r.text_max)
                {
                  g_free (r.text);
                  /* TRANSLATORS: the short form of "%u regencies and cities without figures
                   * to compare" */
                  r.text = g_strdup_printf (
                      g_dngettext (GETTEXT_PACKAGE, "%u without figures", "%u without figures", n),
                      n);
                }
            }
          cak_chart_place_text (layout, theme, c->label_px, PANGO_WEIGHT_NORMAL, r.text, r.text_x,
                                r.cy, 0, r.text_max);
          g_array_append_val (c->rows, r);
          continue;
        }

      row = &g_array_index (data->rows, CakIndicatorRow, r.item);
      r.text = cak_chart_format_pp (row->change_pp, data->lang);
      if (isnan (row->change_pp))
        {
          double text_w
              = cak_chart_text_width (layout, theme, c->value_px, PANGO_WEIGHT_BOLD, r.text);
          double band = px * 2.5;

          r.no_data = TRUE;
          /* Beside zero, on the side with room for the band and its words. */
          if (right - zero >= band + gap + text_w)
            {
              r.bar.x = zero;
              r.text_x = zero + band + gap;
              r.text_align = 0;
            }
          else
            {
              r.bar.x = zero - band;
              r.text_x = zero - band - gap;
              r.text_align = 1;
            }
          r.bar.width = band;
        }
      else
        {
          double v = drawn_pp (row->change_pp);
          double end = x_of (c, v);
          double w = MAX (MIN_BAR, fabs (end - zero));

          if (v >= 0)
            {
              r.bar.x = zero;
              r.text_x = zero + w + gap;
              r.text_align = 0;
            }
          else
            {
              r.bar.x = zero - w;
              r.text_x = zero - w - gap;
              r.text_align = 1;
            }
          r.bar.width = w;
          /* The bar itself, for a pointer over it and for the tests: which side of zero. */
          cak_chart_add_hit (layout, (CakRect){ r.bar.x + r.dx, r.top, r.bar.width, c->row_height },
                             r.item);
        }
      cak_chart_add_hit (layout,
                         (CakRect){ layout->pad + r.dx, r.top, right - layout->pad, c->row_height },
                         r.item);
      first_label = layout->labels->len;
      cak_chart_place_text (layout, theme, c->label_px, PANGO_WEIGHT_BOLD,
                            cak_chart_rows_name (&c->plan, data, r.item), c->label_right, r.cy, 1,
                            c->label_right - layout->pad);
      cak_chart_place_text (layout, theme, c->value_px, PANGO_WEIGHT_BOLD, r.text, r.text_x, r.cy,
                            r.text_align, 0);
      for (guint l = first_label; l < layout->labels->len; l++)
        g_array_index (layout->labels, CakRect, l).x += r.dx;
      g_array_append_val (c->rows, r);
    }

  /* The province's change: a dashed line through the rows, named below them. */
  if (!isnan (data->total.change_pp))
    {
      g_autofree char *pp = cak_chart_format_pp (data->total.change_pp, data->lang);
      double w;
      CakRect rect;

      c->province_x = round (x_of (c, drawn_pp (data->total.change_pp))) + 0.5;
      c->province_text = g_strdup_printf ("%s %s", data->place, pp);
      c->province_y = c->rows_bottom + px * AXIS_EM / 2 + px * 0.15;
      w = cak_chart_text_width (layout, theme, px * 0.92, PANGO_WEIGHT_BOLD, c->province_text);
      c->province_text_x = CLAMP (c->province_x, layout->pad + w / 2, right - w / 2);
      rect = cak_chart_place_text (layout, theme, px * 0.92, PANGO_WEIGHT_BOLD, c->province_text,
                                   c->province_text_x, c->province_y, 0.5, 0);
      cak_chart_add_hit (layout, rect, CAK_CHART_ITEM_TOTAL);
    }
}

static void
change_paint (cairo_t *cr, const CakChartLayout *layout, const CakChartData *data,
              const CakChartFocus *focus, const CakChartTheme *theme)
{
  const Change *c = layout->priv;
  double px = layout->font_px;
  double clip_y0, clip_y1, x0, x1, zero;

  /* A scrolled window paints a strip: rows outside it are not drawn. */
  cairo_clip_extents (cr, &x0, &clip_y0, &x1, &clip_y1);

  cak_chart_fill_background (cr, theme, layout);
  cak_chart_frame_paint (cr, layout, theme);

  if (c->message)
    {
      cak_chart_set_color (cr, theme->muted);
      cak_chart_show_text (cr, layout, theme, c->message_px, PANGO_WEIGHT_NORMAL, c->message,
                           layout->plot.x + layout->plot.width / 2,
                           layout->plot.y + layout->plot.height / 2, 0.5,
                           layout->plot.width - 2 * px);
      return;
    }

  cak_chart_legend_paint (cr, layout, theme, c->legend, c->n_legend);

  /* Grid and tick labels */
  cairo_set_line_width (cr, 1);
  for (guint n = 0; n < c->ticks.n_ticks * c->plan.n_cols; n++)
    {
      guint i = n % c->ticks.n_ticks;
      double tx = round (x_of (c, c->ticks.ticks[i])) + 0.5 + (n / c->ticks.n_ticks) * c->plan.step;
      g_autofree char *label = format_tick (c->ticks.ticks[i], c->ticks.step, data->lang);

      cak_chart_set_color (cr, theme->grid);
      cairo_move_to (cr, tx, c->plot_top - px * 0.3);
      cairo_line_to (cr, tx, c->rows_bottom);
      cairo_stroke (cr);
      cak_chart_set_color (cr, theme->muted);
      cak_chart_show_text (cr, layout, theme, px * 0.85, PANGO_WEIGHT_NORMAL, label, tx,
                           layout->plot.y + px * 0.6, 0.5, 0);
    }
  zero = round (x_of (c, 0)) + 0.5;

  for (guint i = 0; i < c->rows->len; i++)
    {
      const Row *r = &g_array_index (c->rows, Row, i);
      gboolean selected = r->item == focus->selected;
      const CakIndicatorRow *row;

      if (r->top > clip_y1 || r->top + c->row_height < clip_y0)
        continue;
      if (r->item == CAK_CHART_ITEM_REST || r->item == ITEM_NO_DATA)
        {
          double dash[] = { 2, 4 };

          /* The summary rows stand apart from the scale: no grid through them. */
          cak_chart_set_color (cr, theme->background);
          cairo_rectangle (cr, layout->pad * 0.5, r->top, layout->width - layout->pad,
                           c->row_height);
          cairo_fill (cr);
          cak_chart_set_color (cr, theme->grid);
          cairo_set_line_width (cr, 1);
          cairo_set_dash (cr, dash, 2, 0);
          cairo_move_to (cr, layout->pad, round (r->top) + 0.5);
          cairo_line_to (cr, layout->width - layout->pad, round (r->top) + 0.5);
          if (r->item == CAK_CHART_ITEM_REST)
            {
              cairo_move_to (cr, layout->pad, round (r->top + c->row_height) - 0.5);
              cairo_line_to (cr, layout->width - layout->pad, round (r->top + c->row_height) - 0.5);
            }
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
          if (r->no_data)
            cak_chart_hatch (cr, theme, r->bar.x, r->bar.y, r->bar.width, r->bar.height);
          cak_chart_set_color (cr, theme->muted);
          cak_chart_show_text (cr, layout, theme, c->label_px, PANGO_WEIGHT_NORMAL, r->text,
                               r->text_x, r->cy, 0, r->text_max);
          continue;
        }
      row = &g_array_index (data->rows, CakIndicatorRow, r->item);
      cairo_save (cr);
      cairo_translate (cr, r->dx, 0);

      if (selected || r->item == focus->highlighted)
        {
          CakColor h = theme->highlight;

          if (!selected)
            h.a = 0.6;
          cak_chart_set_color (cr, h);
          cairo_rectangle (cr, layout->pad * 0.5, r->top, c->plan.col_width + layout->pad,
                           c->row_height);
          cairo_fill (cr);
        }

      cak_chart_set_color (cr, theme->text);
      cak_chart_show_text (cr, layout, theme, c->label_px,
                           selected ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL,
                           cak_chart_rows_name (&c->plan, data, r->item), c->label_right, r->cy, 1,
                           c->label_right - layout->pad);

      if (r->no_data)
        cak_chart_hatch (cr, theme, r->bar.x, r->bar.y, r->bar.width, r->bar.height);
      else
        {
          double v = shown_pp (row->change_pp);

          /* No change is neither colour: a thin mark in the axis' grey. */
          cak_chart_set_color (cr, v > 0 ? theme->gain : v < 0 ? theme->loss : theme->muted);
          cak_chart_rounded_bar (cr, v >= 0 ? r->bar.x : r->bar.x + r->bar.width, r->bar.y,
                                 v >= 0 ? r->bar.width : -r->bar.width, r->bar.height);
          cairo_fill (cr);
        }
      cairo_restore (cr);
    }

  /* Zero over the bars' roots, and the province's line: through the regencies' rows, not the
   * summary rows. */
  cairo_save (cr);
  for (guint i = 0; i < c->rows->len; i++)
    {
      const Row *r = &g_array_index (c->rows, Row, i);

      /* In its own column only: a shorter last column's lines stop at its last row */
      if (r->item >= 0)
        cairo_rectangle (cr, r->dx, floor (r->top), c->plan.step,
                         ceil (r->top + c->row_height) - floor (r->top));
    }
  cairo_rectangle (cr, 0, c->plot_top - px * 0.3, layout->width, ceil (px * 0.3) + 1);
  cairo_clip (cr);
  cak_chart_set_color (cr, theme->text);
  cairo_set_line_width (cr, 1);
  for (guint k = 0; k < c->plan.n_cols; k++)
    {
      cairo_move_to (cr, zero + k * c->plan.step, c->plot_top - px * 0.3);
      cairo_line_to (cr, zero + k * c->plan.step, c->rows_bottom);
    }
  cairo_stroke (cr);

  if (!isnan (c->province_x))
    {
      double dash[] = { 5, 4 };

      cak_chart_set_color (cr, theme->average);
      cairo_set_line_width (cr, 2);
      cairo_set_dash (cr, dash, 2, 0);
      for (guint k = 0; k < c->plan.n_cols; k++)
        {
          cairo_move_to (cr, c->province_x + k * c->plan.step, c->plot_top - px * 0.3);
          cairo_line_to (cr, c->province_x + k * c->plan.step, c->rows_bottom);
        }
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
  cairo_restore (cr);
  if (!isnan (c->province_x))
    {
      cak_chart_set_color (cr, theme->average);
      cak_chart_show_text (cr, layout, theme, px * 0.92, PANGO_WEIGHT_BOLD, c->province_text,
                           c->province_text_x, c->province_y, 0.5, 0);
    }

  /* The values last, each on its own patch of the row's colour, so that the province's line
   * never strikes through one. */
  for (guint i = 0; i < c->rows->len; i++)
    {
      const Row *r = &g_array_index (c->rows, Row, i);
      CakRect box;

      if (r->item < 0 || r->top > clip_y1 || r->top + c->row_height < clip_y0)
        continue;
      cairo_save (cr);
      cairo_translate (cr, r->dx, 0);
      box = cak_chart_text_rect (layout, theme, c->value_px, PANGO_WEIGHT_BOLD, r->text, r->text_x,
                                 r->cy, r->text_align, 0);
      cak_chart_set_color (cr, theme->background);
      cairo_rectangle (cr, box.x - 2, r->bar.y, box.width + 4, r->bar.height);
      cairo_fill_preserve (cr);
      if (r->item == focus->selected || r->item == focus->highlighted)
        {
          CakColor h = theme->highlight;

          if (r->item != focus->selected)
            h.a = 0.6;
          cak_chart_set_color (cr, h);
          cairo_fill_preserve (cr);
        }
      cairo_new_path (cr);
      cak_chart_set_color (cr, r->no_data ? theme->muted : theme->text);
      cak_chart_show_text (cr, layout, theme, c->value_px, PANGO_WEIGHT_BOLD, r->text, r->text_x,
                           r->cy, r->text_align, 0);
      cairo_restore (cr);
    }
}

static char *
change_describe (const CakChartData *data)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_autofree char *title = title_of (data);
  g_autofree char *subtitle = subtitle_of (data);
  g_autoptr (GArray) order = NULL;
  const CakIndicatorRow *top, *bottom;
  guint n_with, n_up = 0, n_down = 0;

  g_string_append_printf (out, "%s. %s.", title, subtitle);
  if (!has_changes (data))
    {
      g_autofree char *message = message_of (data);

      g_string_append_printf (out, " %s.", message);
      return g_string_free (g_steal_pointer (&out), FALSE);
    }
  order = order_items (data, &n_with);
  for (guint i = 0; i < n_with; i++)
    {
      double v = shown_pp (
          g_array_index (data->rows, CakIndicatorRow, g_array_index (order, int, i)).change_pp);

      n_up += v > 0;
      n_down += v < 0;
    }
  top = &g_array_index (data->rows, CakIndicatorRow, g_array_index (order, int, 0));
  bottom = &g_array_index (data->rows, CakIndicatorRow, g_array_index (order, int, n_with - 1));

  g_string_append (out, " ");
  g_string_append_printf (out,
                          g_dngettext (GETTEXT_PACKAGE, "%u region gained coverage.",
                                       "%u regions gained coverage.", n_up),
                          n_up);
  g_string_append (out, " ");
  g_string_append_printf (out,
                          g_dngettext (GETTEXT_PACKAGE, "%u region lost coverage.",
                                       "%u regions lost coverage.", n_down),
                          n_down);
  if (shown_pp (top->change_pp) > 0)
    {
      g_autofree char *v = cak_chart_format_pp (top->change_pp, data->lang);

      g_string_append (out, " ");
      g_string_append_printf (out, _ ("Largest gain: %s, %s."), top->region->name, v);
    }
  if (shown_pp (bottom->change_pp) < 0)
    {
      g_autofree char *v = cak_chart_format_pp (bottom->change_pp, data->lang);

      g_string_append (out, " ");
      g_string_append_printf (out, _ ("Largest fall: %s, %s."), bottom->region->name, v);
    }
  else if (bottom != top)
    {
      g_autofree char *v = cak_chart_format_pp (bottom->change_pp, data->lang);

      g_string_append (out, " ");
      g_string_append_printf (out, _ ("Smallest change: %s, %s."), bottom->region->name, v);
    }
  if (!isnan (data->total.change_pp))
    {
      g_autofree char *v = cak_chart_format_pp (data->total.change_pp, data->lang);

      g_string_append (out, " ");
      g_string_append_printf (out, _ ("%s as a whole: %s."), data->place, v);
    }
  if (n_with < order->len)
    {
      guint n = order->len - n_with;

      g_string_append (out, " ");
      g_string_append_printf (out,
                              g_dngettext (GETTEXT_PACKAGE, "%u region has no figures to compare.",
                                           "%u regions have no figures to compare.", n),
                              n);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * cak_chart_change_x_of:
 *
 * Returns: where a change of @pp percentage points falls in a change chart's @layout, or NAN
 * when the chart shows no bars (nothing to compare)
 */
double
cak_chart_change_x_of (const CakChartLayout *layout, double pp)
{
  const Change *c;

  g_return_val_if_fail (layout != NULL && layout->kind == CAK_CHART_CHANGE, NAN);

  c = layout->priv;
  if (c->message)
    return NAN;
  return round (x_of (c, pp)) + 0.5;
}

/**
 * cak_chart_change_get_legend:
 *
 * Returns: (transfer none): the entries of a change chart's legend, @out_n of them
 */
const CakLegendEntry *
cak_chart_change_get_legend (const CakChartLayout *layout, guint *out_n)
{
  const Change *c;

  g_return_val_if_fail (layout != NULL && layout->kind == CAK_CHART_CHANGE, NULL);
  g_return_val_if_fail (out_n != NULL, NULL);

  c = layout->priv;
  *out_n = c->n_legend;
  return c->legend;
}

const CakChartPainter cak_chart_change_painter = {
  .layout = change_layout,
  .paint = change_paint,
  .describe = change_describe,
  .natural_height = change_natural_height,
};
