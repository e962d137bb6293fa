/* cak-chart-ranking.c: coverage by regency as ranked horizontal bars
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cak-chart-ranking"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cak-chart-private.h"
#include "cak-number.h"

/* Rows are this many font sizes tall at their natural height: a name and a bar with air. The
 * names may shrink to LABEL_MIN of the body size before rows are left out. */
#define ROW_EM 1.85
#define MIN_ROW_EM 1.3
#define LABEL_MIN 0.7

typedef struct
{
  /* A province's regencies are never left out: when they do not fit one under another they
   * run on in a second column, each column a copy of the first. */
  CakChartRows plan;
  GArray *rows; /* plan.rows: items in drawing order, CAK_CHART_ITEM_REST for the summary */
  guint n_cols, per_col;
  double col_step;
  double plot_top;
  double row_height;
  double bar_height;
  double label_px;
  double label_right;
  double value_px;
  CakTicks ticks;
  gboolean has_targets;
  char *rest_text[2]; /* what the summary rows say, the first and a second one */
  guint n_legend;
  CakLegendEntry legend[5];
  char *near_label;
  char *average_label;
} Ranking;

static void
ranking_free (gpointer data)
{
  Ranking *r = data;

  cak_chart_rows_clear (&r->plan);
  g_free (r->rest_text[0]);
  g_free (r->rest_text[1]);
  g_free (r->near_label);
  g_free (r->average_label);
  g_free (r);
}

static double
coverage_key (const CakIndicatorRow *row)
{
  return row->coverage_pct;
}

static double
x_of (const CakChartLayout *layout, const Ranking *r, double value)
{
  return cak_scale_map (value, r->ticks.min, r->ticks.max, layout->plot.x,
                        layout->plot.x + layout->plot.width);
}

/* Row @i's column's offset from the first, and its top */
static double
col_dx (const Ranking *r, guint i)
{
  return (i / r->per_col) * r->col_step;
}

static double
row_top (const Ranking *r, guint i)
{
  return r->plot_top + (i % r->per_col) * r->row_height;
}

/* Where a row's value label starts: past the bar and past the target mark, never on it. */
static double
value_x (const CakChartLayout *layout, const Ranking *r, const CakIndicatorRow *row)
{
  double px = layout->font_px;
  double end, mark;

  if (isnan (row->coverage_pct))
    return layout->plot.x + layout->plot.width * 0.25 + px * 0.4;
  end = x_of (layout, r, MIN (row->coverage_pct, r->ticks.max)) + px * 0.45;
  if (isnan (row->target_pct))
    return end;
  mark = round (x_of (layout, r, row->target_pct)) + 0.5 + MAX (2.0, px * 0.16) / 2 + px * 0.6;
  return MAX (end, mark);
}

/* Of the steps whose labels stand clear of each other, the one whose axis ends nearest above
 * @hi, so that the longest bar spans most of the plot ("0% 50% 100%" wastes a third of a
 * column when the highest is 63%). */
static void
compute_ticks (CakChartLayout *layout, const CakChartTheme *theme, Ranking *r, double hi,
               CakLang lang)
{
  double px = layout->font_px;
  gboolean found = FALSE;

  for (guint m = 2; m <= CAK_MAX_TICKS - 1; m++)
    {
      CakTicks t;
      double widest = 0;

      cak_ticks_compute (0, hi, m, &t);
      t.min = 0;
      if (t.max > 100 && hi <= 100)
        continue;
      if (found && t.max >= r->ticks.max - 1e-9)
        continue;
      for (guint i = 0; i < t.n_ticks; i++)
        {
          g_autofree char *label
              = cak_number_format_percent (t.ticks[i], cak_tick_decimals (t.step), lang);

          widest = MAX (
              widest, cak_chart_text_width (layout, theme, px * 0.85, PANGO_WEIGHT_NORMAL, label));
        }
      if (layout->plot.width * t.step / t.max < MAX (widest + px * 1.2, px * 3.5))
        continue;
      r->ticks = t;
      found = TRUE;
    }
  if (!found)
    {
      cak_ticks_compute (0, hi, 2, &r->ticks);
      r->ticks.min = 0;
      if (r->ticks.max > 100 && hi <= 100)
        r->ticks.max = 100;
    }
}

static char *
title_of (const CakChartData *data)
{
  return g_strdup (data->by_province ? _ ("Coverage of the workforce by province") : _ ("Coverage of the workforce by regency and city"));
}

/* Axis labels above the rows, then the rows; chrome is everything but the rows. */
static double
chrome_height (double font_px)
{
  return cak_chart_frame_chrome_height (font_px, TRUE) + font_px * 1.6;
}

static double
ranking_natural_height (const CakChartData *data, const CakChartTheme *theme, double width,
                        double font_px)
{
  /* In a narrow frame the legend takes two or three lines */
  double legend = width < font_px * 40 ? 2 : width < font_px * 62 ? 1 : 0;

  return ceil (chrome_height (font_px) + legend * font_px * 1.5
               + MAX (1u, data->rows->len) * font_px * ROW_EM);
}

static void
build_legend (Ranking *r, const CakChartData *data, const CakChartTheme *theme)
{
  guint n = 0;

  if (r->has_targets)
    {
      r->legend[n++] = (CakLegendEntry){ CAK_LEGEND_BOX, theme->bar, _ ("At or above target") };
      if (data->near_band > 0)
        {
          g_autofree char *band = cak_number_format (data->near_band, 0, data->lang);

          r->near_label = g_strdup_printf (_ ("Within %s pp of target"), band);
          r->legend[n++] = (CakLegendEntry){ CAK_LEGEND_BOX, theme->near, r->near_label };
        }
      r->legend[n++] = (CakLegendEntry){ CAK_LEGEND_BOX, theme->below, _ ("Below target") };
      r->legend[n++] = (CakLegendEntry){ CAK_LEGEND_TICK, theme->target, _ ("Target") };
    }
  else
    r->legend[n++] = (CakLegendEntry){ CAK_LEGEND_BOX, theme->bar, _ ("Coverage") };
  if (!isnan (data->total.coverage_pct))
    {
      g_autofree char *avg = cak_number_format_percent (data->total.coverage_pct, 1, data->lang);

      /* Short, so that the legend fits beside the others: "Jawa Timur 31,6%" */
      r->average_label = g_strdup_printf ("%s %s", data->place, avg);
      r->legend[n++] = (CakLegendEntry){ CAK_LEGEND_DASH, theme->average, r->average_label };
    }
  r->n_legend = n;
}

static void
ranking_layout (CakChartLayout *layout, const CakChartData *data, const CakChartTheme *theme)
{
  Ranking *r = g_new0 (Ranking, 1);
  double px = layout->font_px;
  double label_w, value_w, hi = 0, rows_h, col_w;
  g_autofree char *title = title_of (data);
  g_autofree char *subtitle = cak_chart_subtitle (data, NULL);
  g_autofree char *footer = cak_chart_footer (data);
  g_autoptr (GArray) order = NULL;

  layout->priv = r;
  layout->priv_free = ranking_free;
  r->has_targets = cak_chart_has_targets (data);
  build_legend (r, data, theme);

  cak_chart_frame_layout (layout, theme, title, subtitle, footer, TRUE);
  cak_chart_legend_layout (layout, theme, r->legend, r->n_legend);

  /* Axis labels take a line above the rows. */
  r->plot_top = layout->plot.y + px * 1.6;
  rows_h = MAX (px, layout->plot.y + layout->plot.height - r->plot_top);

  order = cak_chart_sort_items (data, coverage_key);
  cak_chart_rows_plan (&r->plan, layout, theme, data, order, rows_h, LABEL_MIN, MIN_ROW_EM, ROW_EM);
  r->rows = r->plan.rows;
  r->n_cols = r->plan.n_cols;
  r->per_col = r->plan.per_col;
  r->row_height = r->plan.row_height;
  r->label_px = r->plan.label_px;
  r->value_px = r->label_px;
  r->bar_height = MAX (1.0, round (MIN (r->row_height * 0.62, px * 1.15)));

  for (guint i = 0; i < data->rows->len; i++)
    {
      const CakIndicatorRow *row = &g_array_index (data->rows, CakIndicatorRow, i);

      if (!isnan (row->coverage_pct))
        hi = MAX (hi, row->coverage_pct);
      if (!isnan (row->target_pct))
        hi = MAX (hi, row->target_pct);
    }
  if (!isnan (data->total.coverage_pct))
    hi = MAX (hi, data->total.coverage_pct);
  col_w = r->plan.col_width;
  r->col_step = r->plan.step;
  label_w = cak_chart_rows_choose_names (&r->plan, layout, theme, data,
                                         col_w * (r->n_cols > 1 ? 0.42 : 0.34));
  value_w = cak_chart_text_width (layout, theme, r->value_px, PANGO_WEIGHT_BOLD, "100,0%") + px;

  r->label_right = layout->pad + label_w;
  layout->plot.x = r->label_right + px * 0.8;
  layout->plot.width = MAX (px, layout->pad + col_w - value_w - layout->plot.x);

  compute_ticks (layout, theme, r, hi > 0 ? hi : 10, data->lang);

  for (guint c = 0; c < r->n_cols; c++)
    for (guint i = 0; i < r->ticks.n_ticks; i++)
      {
        g_autofree char *label = cak_number_format_percent (
            r->ticks.ticks[i], cak_tick_decimals (r->ticks.step), data->lang);

        cak_chart_place_text (layout, theme, px * 0.85, PANGO_WEIGHT_NORMAL, label,
                              round (x_of (layout, r, r->ticks.ticks[i]) + c * r->col_step) + 0.5,
                              layout->plot.y + px * 0.6, 0.5, 0);
      }

  for (guint i = 0; i < r->rows->len; i++)
    {
      int item = g_array_index (r->rows, int, i);
      double top = row_top (r, i);
      double cy = top + r->row_height / 2;
      double dx = col_dx (r, i);
      const CakIndicatorRow *row;
      g_autofree char *value = NULL;

      if (item == CAK_CHART_ITEM_REST)
        {
          guint left_out = cak_chart_rest_count (order, order->len, r->rows, i);
          char **text = &r->rest_text[r->rest_text[0] ? 1 : 0];

          g_free (*text);
          *text = cak_chart_rest_text (layout, theme, r->label_px, left_out,
                                       layout->width - layout->pad - layout->plot.x);
          cak_chart_place_text (layout, theme, r->label_px, PANGO_WEIGHT_NORMAL, *text,
                                layout->plot.x, cy, 0,
                                layout->width - layout->pad - layout->plot.x);
          continue;
        }
      row = &g_array_index (data->rows, CakIndicatorRow, item);
      cak_chart_add_hit (layout, (CakRect){ layout->pad + dx, top, col_w, r->row_height }, item);
      /* A selected name is drawn bold, a little wider, to the left: there is room, the pad. */
      cak_chart_place_text (layout, theme, r->label_px, PANGO_WEIGHT_NORMAL,
                            cak_chart_rows_name (&r->plan, data, item), r->label_right + dx, cy, 1,
                            r->label_right - layout->pad);
      value = cak_chart_format_pct (row->coverage_pct, 1, data->lang);
      cak_chart_place_text (layout, theme, r->value_px, PANGO_WEIGHT_BOLD, value,
                            value_x (layout, r, row) + dx, cy, 0, 0);
    }
}

static void
ranking_paint (cairo_t *cr, const CakChartLayout *layout, const CakChartData *data,
               const CakChartFocus *focus, const CakChartTheme *theme)
{
  const Ranking *r = layout->priv;
  double px = layout->font_px;
  double rows_bottom = r->plot_top + r->row_height * r->per_col;
  double col_w = r->col_step - px * 2;
  double clip_y0, clip_y1, x0, x1;
  guint n_rest = 0;

  /* A scrolled window paints a strip: rows outside it are not drawn. */
  cairo_clip_extents (cr, &x0, &clip_y0, &x1, &clip_y1);

  cak_chart_fill_background (cr, theme, layout);
  cak_chart_frame_paint (cr, layout, theme);
  cak_chart_legend_paint (cr, layout, theme, r->legend, r->n_legend);

  /* Grid and axis labels, over each column */
  cairo_set_line_width (cr, 1);
  for (guint c = 0; c < r->n_cols; c++)
    for (guint i = 0; i < r->ticks.n_ticks; i++)
      {
        double tx = round (x_of (layout, r, r->ticks.ticks[i]) + c * r->col_step) + 0.5;
        g_autofree char *label = cak_number_format_percent (
            r->ticks.ticks[i], cak_tick_decimals (r->ticks.step), data->lang);

        cak_chart_set_color (cr, theme->grid);
        cairo_move_to (cr, tx, r->plot_top - px * 0.3);
        cairo_line_to (cr, tx, rows_bottom);
        cairo_stroke (cr);
        cak_chart_set_color (cr, theme->muted);
        cak_chart_show_text (cr, layout, theme, px * 0.85, PANGO_WEIGHT_NORMAL, label, tx,
                             layout->plot.y + px * 0.6, 0.5, 0);
      }

  for (guint i = 0; i < r->rows->len; i++)
    {
      int item = g_array_index (r->rows, int, i);
      double top = row_top (r, i);
      double dx = col_dx (r, i);
      double cy = top + r->row_height / 2;
      double by = round (cy - r->bar_height / 2);
      const CakIndicatorRow *row;
      g_autofree char *value = NULL;
      gboolean selected = item == focus->selected;
      guint rest_index = item == CAK_CHART_ITEM_REST ? n_rest++ : 0;

      if (top > clip_y1 || top + r->row_height < clip_y0)
        continue;
      if (item == CAK_CHART_ITEM_REST)
        {
          double dash[] = { 2, 4 };

          /* The summary row stands apart from the scale: no grid through it. */
          cak_chart_set_color (cr, theme->background);
          cairo_rectangle (cr, layout->pad * 0.5, top, layout->width - layout->pad, r->row_height);
          cairo_fill (cr);
          cak_chart_set_color (cr, theme->grid);
          cairo_set_line_width (cr, 1);
          cairo_set_dash (cr, dash, 2, 0);
          cairo_move_to (cr, layout->pad, round (top) + 0.5);
          cairo_line_to (cr, layout->width - layout->pad, round (top) + 0.5);
          cairo_move_to (cr, layout->pad, round (top + r->row_height) - 0.5);
          cairo_line_to (cr, layout->width - layout->pad, round (top + r->row_height) - 0.5);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
          cak_chart_set_color (cr, theme->muted);
          cak_chart_show_text (cr, layout, theme, r->label_px, PANGO_WEIGHT_NORMAL,
                               r->rest_text[MIN (rest_index, 1u)], layout->plot.x, cy, 0,
                               layout->width - layout->pad - layout->plot.x);
          continue;
        }
      row = &g_array_index (data->rows, CakIndicatorRow, item);

      if (selected || item == focus->highlighted)
        {
          CakColor c = theme->highlight;

          if (!selected)
            c.a = 0.6;
          cak_chart_set_color (cr, c);
          cairo_rectangle (cr, layout->pad * 0.5 + dx, top, col_w + layout->pad, r->row_height);
          cairo_fill (cr);
        }

      cak_chart_set_color (cr, theme->text);
      cak_chart_show_text (cr, layout, theme, r->label_px,
                           selected ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL,
                           cak_chart_rows_name (&r->plan, data, item), r->label_right + dx, cy, 1,
                           r->label_right - layout->pad);

      value = cak_chart_format_pct (row->coverage_pct, 1, data->lang);
      if (isnan (row->coverage_pct))
        {
          cak_chart_hatch (cr, theme, layout->plot.x + dx, by, layout->plot.width * 0.25,
                           r->bar_height);
          cak_chart_set_color (cr, theme->muted);
          cak_chart_show_text (cr, layout, theme, r->value_px, PANGO_WEIGHT_BOLD, value,
                               value_x (layout, r, row) + dx, cy, 0, 0);
          continue;
        }

      cak_chart_set_color (cr, cak_chart_coverage_color (theme, data, row));
      cak_chart_rounded_bar (
          cr, layout->plot.x + dx, by,
          x_of (layout, r, MIN (row->coverage_pct, r->ticks.max)) - layout->plot.x, r->bar_height);
      cairo_fill (cr);

      if (!isnan (row->target_pct))
        {
          double tx = round (x_of (layout, r, row->target_pct) + dx) + 0.5;

          cak_chart_set_color (cr, theme->target);
          cairo_set_line_width (cr, MAX (2.0, px * 0.16));
          cairo_move_to (cr, tx, by - r->bar_height * 0.2);
          cairo_line_to (cr, tx, by + r->bar_height * 1.2);
          cairo_stroke (cr);
        }

      cak_chart_set_color (cr, theme->text);
      cak_chart_show_text (cr, layout, theme, r->value_px, PANGO_WEIGHT_BOLD, value,
                           value_x (layout, r, row) + dx, cy, 0, 0);
    }

  /* The province line over the bars of each column, not through the summary row */
  if (!isnan (data->total.coverage_pct))
    {
      double dash[] = { 5, 4 };

      cairo_save (cr);
      for (guint i = 0; i < r->rows->len; i++)
        if (g_array_index (r->rows, int, i) == CAK_CHART_ITEM_REST)
          {
            double top = row_top (r, i);

            cairo_rectangle (cr, 0, 0, layout->width, floor (top));
            cairo_rectangle (cr, 0, ceil (top + r->row_height), layout->width,
                             layout->height - ceil (top + r->row_height));
            cairo_clip (cr);
          }
      cak_chart_set_color (cr, theme->average);
      cairo_set_line_width (cr, 2);
      cairo_set_dash (cr, dash, 2, 0);
      for (guint c = 0; c < r->n_cols; c++)
        {
          double avg_x = round (x_of (layout, r, data->total.coverage_pct) + c * r->col_step) + 0.5;
          /* A last column shorter than the first stops where its rows do */
          guint n_in_col = MIN (r->per_col, r->rows->len - c * r->per_col);

          cairo_move_to (cr, avg_x, r->plot_top - px * 0.3);
          cairo_line_to (cr, avg_x, r->plot_top + r->row_height * n_in_col);
        }
      cairo_stroke (cr);
      cairo_restore (cr);
    }
}

static char *
ranking_describe (const CakChartData *data)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GArray) order = cak_chart_sort_items (data, coverage_key);
  g_autofree char *title = title_of (data);
  g_autofree char *subtitle = cak_chart_subtitle (data, NULL);
  const CakIndicatorRow *top = NULL, *bottom = NULL;
  guint n_with = 0, n_below = 0;

  for (guint i = 0; i < order->len; i++)
    {
      const CakIndicatorRow *row
          = &g_array_index (data->rows, CakIndicatorRow, g_array_index (order, int, i));

      if (isnan (row->coverage_pct))
        continue;
      if (top == NULL)
        top = row;
      bottom = row;
      n_with++;
      if (!isnan (row->target_pct) && row->coverage_pct < row->target_pct)
        n_below++;
    }
  g_string_append_printf (out, "%s. %s.", title, subtitle);
  if (top)
    {
      g_autofree char *tv = cak_number_format_percent (top->coverage_pct, 1, data->lang);
      g_autofree char *bv = cak_number_format_percent (bottom->coverage_pct, 1, data->lang);

      g_string_append (out, " ");
      g_string_append_printf (out, _ ("%u regions ranked. Highest: %s, %s. Lowest: %s, %s."),
                              n_with, top->region->name, tv, bottom->region->name, bv);
    }
  if (!isnan (data->total.coverage_pct))
    {
      g_autofree char *avg = cak_number_format_percent (data->total.coverage_pct, 1, data->lang);

      g_string_append (out, " ");
      g_string_append_printf (out, _ ("%s as a whole: %s."), data->place, avg);
    }
  if (cak_chart_has_targets (data))
    {
      g_string_append (out, " ");
      g_string_append_printf (out,
                              g_dngettext (GETTEXT_PACKAGE, "%u region is below its target.",
                                           "%u regions are below their target.", n_below),
                              n_below);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

const CakChartPainter cak_chart_ranking_painter = {
  .layout = ranking_layout,
  .paint = ranking_paint,
  .describe = ranking_describe,
  .natural_height = ranking_natural_height,
};
