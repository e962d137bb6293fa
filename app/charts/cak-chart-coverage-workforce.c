/* cak-chart-coverage-workforce.c: each regency's workforce as a bar, the covered part filled
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cak-chart-coverage-workforce"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cak-chart-private.h"
#include "cak-number.h"

/* Rows as in the ranking: this many font sizes tall at their natural height; names may shrink
 * to LABEL_MIN of the body size before rows are left out. */
#define ROW_EM 1.85
#define MIN_ROW_EM 1.3
#define LABEL_MIN 0.7
/* A regency with neither figure gets a hatched stub this long, never an empty bar. */
#define STUB 0.25

typedef struct
{
  int item; /* CAK_CHART_ITEM_REST for the summary row */
  double top;
  double dx; /* its column's offset: the x below are the first column's */
  gboolean has_data;
  double bar_x1;     /* the end of the workforce bar (or of the hatching) */
  double covered_x1; /* the end of the covered part */
  char *value;       /* "705K uncovered", "no data" */
  double value_x;
  char *share; /* "30.3%", NULL when no data */
  double share_x;
} Row;

typedef struct
{
  GArray *rows; /* Row, in drawing order */
  CakChartRows plan;
  double plot_top;
  double row_height;
  double bar_height;
  double label_px;
  double label_right;
  double value_px;
  CakTicks ticks;
  char *total_text; /* the province's uncovered, right of the legend; NULL when it does not fit */
  double total_x;
  guint n_legend;
  CakLegendEntry legend[3];
} CoverageWorkforce;

static void
row_clear (gpointer data)
{
  Row *row = data;

  g_free (row->value);
  g_free (row->share);
}

static void
coverage_workforce_free (gpointer data)
{
  CoverageWorkforce *c = data;

  g_clear_pointer (&c->rows, g_array_unref);
  cak_chart_rows_clear (&c->plan);
  g_free (c->total_text);
  g_free (c);
}

static double
uncovered_key (const CakIndicatorRow *row)
{
  return row->uncovered;
}

static gboolean
has_workforce (const CakIndicatorRow *row)
{
  return !isnan (row->workforce) && row->workforce > 0;
}

static gboolean
row_has_data (const CakIndicatorRow *row)
{
  return has_workforce (row) && !isnan (row->participants);
}

static double
x_of (const CakChartLayout *layout, const CoverageWorkforce *c, double value)
{
  return cak_scale_map (value, c->ticks.min, c->ticks.max, layout->plot.x,
                        layout->plot.x + layout->plot.width);
}

static char *
title_of (void)
{
  return g_strdup (_ ("Where the uncovered workers are"));
}

static char *
subtitle_of (const CakChartData *data)
{
  return cak_chart_subtitle (data, NULL);
}

/* Axis labels above the rows, then the rows; chrome is everything but the rows. */
static double
chrome_height (double font_px)
{
  return cak_chart_frame_chrome_height (font_px, TRUE) + font_px * 1.6;
}

static double
coverage_workforce_natural_height (const CakChartData *data, const CakChartTheme *theme,
                                   double width, double font_px)
{
  return ceil (chrome_height (font_px) + MAX (1u, data->rows->len) * font_px * ROW_EM);
}

static gboolean
any_without_data (const CakChartData *data)
{
  for (guint i = 0; i < data->rows->len; i++)
    if (!row_has_data (&g_array_index (data->rows, CakIndicatorRow, i)))
      return TRUE;
  return FALSE;
}

static void
build_legend (CoverageWorkforce *c, const CakChartData *data, const CakChartTheme *theme)
{
  guint n = 0;

  c->legend[n++] = (CakLegendEntry){ CAK_LEGEND_BOX, theme->bar, _ ("Covered (participants)") };
  c->legend[n++] = (CakLegendEntry){ CAK_LEGEND_OUTLINE, theme->bar, _ ("Not yet covered") };
  if (any_without_data (data))
    c->legend[n++] = (CakLegendEntry){ CAK_LEGEND_HATCH, theme->track, _ ("No data") };
  c->n_legend = n;
}

static char *
format_uncovered (const CakChartPeople *format, double value, CakLang lang)
{
  g_autofree char *people = cak_chart_people_format (format, value, lang);

  /* TRANSLATORS: beside a regency's bar: how many of its workers are not yet covered, e.g.
   * "330K uncovered"; %s is the short number ("330 rb") */
  return g_strdup_printf (_ ("%s uncovered"), people);
}

/* The province's figure on the legend's line, right-aligned, when there is room for it. */
static void
place_total (CakChartLayout *layout, CoverageWorkforce *c, const CakChartData *data,
             const CakChartTheme *theme, guint first_legend_label)
{
  double px = layout->font_px * 0.92;
  double cy = layout->legend.y + layout->legend.height / 2;
  double right = layout->width - layout->pad;
  double legend_end = layout->pad;
  g_autofree char *uncovered = NULL;
  g_autofree char *workforce = NULL;
  g_autofree char *text = NULL;
  CakChartPeople format;
  CakRect rect;

  if (isnan (data->total.uncovered) || isnan (data->total.workforce))
    return;
  for (guint i = first_legend_label; i < layout->labels->len; i++)
    {
      const CakRect *r = &g_array_index (layout->labels, CakRect, i);

      legend_end = MAX (legend_end, r->x + r->width);
    }
  /* One precision for the two figures of the sentence */
  cak_chart_people_init (&format);
  cak_chart_people_add (&format, data->total.uncovered);
  cak_chart_people_add (&format, data->total.workforce);
  uncovered = cak_chart_people_format (&format, data->total.uncovered, data->lang);
  workforce = cak_chart_people_format (&format, data->total.workforce, data->lang);
  /* TRANSLATORS: right of the legend: "Jawa Timur: 10.6M of 15.5M workers not yet covered" */
  text = g_strdup_printf (_ ("%s: %s of %s workers not yet covered"), data->place, uncovered,
                          workforce);
  rect = cak_chart_text_rect (layout, theme, px, PANGO_WEIGHT_BOLD, text, right, cy, 1, 0);
  if (rect.x < legend_end + px * 2)
    return;
  cak_chart_place_text (layout, theme, px, PANGO_WEIGHT_BOLD, text, right, cy, 1, 0);
  c->total_text = g_steal_pointer (&text);
  c->total_x = right;
}

/* The width of the labels after a row's bar: its uncovered and its coverage. */
static double
value_width (const CakChartLayout *layout, const CakChartTheme *theme, const CoverageWorkforce *c,
             const Row *row, double gap)
{
  double w = cak_chart_text_width (layout, theme, c->value_px, PANGO_WEIGHT_BOLD, row->value);

  if (row->share)
    w += gap + cak_chart_text_width (layout, theme, c->value_px, PANGO_WEIGHT_NORMAL, row->share);
  return w;
}

static void
coverage_workforce_layout (CakChartLayout *layout, const CakChartData *data,
                           const CakChartTheme *theme)
{
  CoverageWorkforce *c = g_new0 (CoverageWorkforce, 1);
  double px = layout->font_px;
  double label_w = 0, rows_h, hi = 0, gap, right, room, value_w = 0, width;
  g_autofree char *title = title_of ();
  g_autofree char *subtitle = subtitle_of (data);
  g_autofree char *footer = cak_chart_footer (data);
  g_autofree char *no_data = NULL;
  g_autoptr (GArray) order = NULL;
  GArray *items;
  guint first_legend_label;
  CakChartPeople people;

  layout->priv = c;
  layout->priv_free = coverage_workforce_free;
  build_legend (c, data, theme);

  cak_chart_frame_layout (layout, theme, title, subtitle, footer, TRUE);
  first_legend_label = layout->labels->len;
  cak_chart_legend_layout (layout, theme, c->legend, c->n_legend);
  place_total (layout, c, data, theme, first_legend_label);

  /* Axis labels take a line above the rows. */
  c->plot_top = layout->plot.y + px * 1.6;
  rows_h = MAX (px, layout->plot.y + layout->plot.height - c->plot_top);

  /* The most uncovered first: that is where the enrolment work is. */
  order = cak_chart_sort_items (data, uncovered_key);
  cak_chart_rows_plan (&c->plan, layout, theme, data, order, rows_h, LABEL_MIN, MIN_ROW_EM, ROW_EM);
  items = c->plan.rows;
  c->row_height = c->plan.row_height;
  c->label_px = c->plan.label_px;
  c->value_px = c->label_px;
  c->bar_height = MAX (1.0, round (MIN (c->row_height * 0.62, px * 1.15)));
  gap = px * 0.45;

  /* Every value label is known before the scale, so that the scale can leave each one room
   * beside its own bar rather than one column's worth beside all of them. */
  no_data = cak_chart_format_pct (NAN, 1, data->lang);
  /* One precision for every row's figure, from the figures shown */
  cak_chart_people_init (&people);
  for (guint i = 0; i < items->len; i++)
    {
      int item = g_array_index (items, int, i);

      if (item >= 0 && row_has_data (&g_array_index (data->rows, CakIndicatorRow, item)))
        cak_chart_people_add (&people, g_array_index (data->rows, CakIndicatorRow, item).uncovered);
    }
  c->rows = g_array_sized_new (FALSE, TRUE, sizeof (Row), items->len);
  g_array_set_clear_func (c->rows, row_clear);
  for (guint i = 0; i < items->len; i++)
    {
      Row row = { .item = g_array_index (items, int, i) };
      const CakIndicatorRow *ir;

      row.top = cak_chart_rows_top (&c->plan, i, c->plot_top);
      row.dx = cak_chart_rows_dx (&c->plan, i);
      if (row.item >= 0)
        {
          ir = &g_array_index (data->rows, CakIndicatorRow, row.item);
          row.has_data = row_has_data (ir);
          if (row.has_data)
            {
              row.value = format_uncovered (&people, ir->uncovered, data->lang);
              row.share = cak_chart_format_pct (ir->coverage_pct, 1, data->lang);
            }
          else
            row.value = g_strdup (no_data);
          if (!isnan (ir->workforce))
            hi = MAX (hi, ir->workforce);
          label_w = MAX (label_w, cak_chart_text_width (layout, theme, c->label_px,
                                                        PANGO_WEIGHT_BOLD, ir->region->name));
        }
      g_array_append_val (c->rows, row);
    }
  label_w = cak_chart_rows_choose_names (&c->plan, layout, theme, data,
                                         c->plan.col_width * (c->plan.n_cols > 1 ? 0.42 : 0.34));
  c->label_right = layout->pad + label_w;
  layout->plot.x = c->label_right + px * 0.8;
  right = layout->pad + c->plan.col_width;
  /* A pixel short of the edge: bar ends and labels are rounded to whole pixels. */
  room = MAX (px, right - 1 - layout->plot.x);

  for (guint i = 0; i < c->rows->len; i++)
    {
      const Row *row = &g_array_index (c->rows, Row, i);

      if (row->item >= 0)
        value_w = MAX (value_w, value_width (layout, theme, c, row, gap));
    }
  /* Ticks for the width left beside the widest label; then the bars take all the width that
   * leaves every row's label room beside its bar. */
  width = MAX (px, room - gap - value_w);
  cak_chart_people_ticks (layout, theme, data->lang, hi > 0 ? hi : 1000, width, &c->ticks);
  {
    g_autofree char *last
        = cak_chart_format_people (c->ticks.ticks[c->ticks.n_ticks - 1], data->lang);

    width = room - cak_chart_text_width (layout, theme, px * 0.85, PANGO_WEIGHT_NORMAL, last) / 2;
  }
  for (guint i = 0; i < c->rows->len; i++)
    {
      const Row *row = &g_array_index (c->rows, Row, i);
      const CakIndicatorRow *ir;
      double lw, v;

      if (row->item < 0)
        continue;
      ir = &g_array_index (data->rows, CakIndicatorRow, row->item);
      lw = value_width (layout, theme, c, row, gap);
      v = has_workforce (ir) ? ir->workforce : c->ticks.max * STUB;
      if (v > 0)
        width = MIN (width, (room - gap - lw) * c->ticks.max / v);
    }
  layout->plot.width = MAX (px, width);

  for (guint k = 0; k < c->plan.n_cols; k++)
    for (guint i = 0; i < c->ticks.n_ticks; i++)
      {
        g_autofree char *label = cak_chart_format_people (c->ticks.ticks[i], data->lang);

        cak_chart_place_text (layout, theme, px * 0.85, PANGO_WEIGHT_NORMAL, label,
                              round (x_of (layout, c, c->ticks.ticks[i])) + 0.5 + k * c->plan.step,
                              layout->plot.y + px * 0.6, 0.5, 0);
      }

  for (guint i = 0; i < c->rows->len; i++)
    {
      Row *row = &g_array_index (c->rows, Row, i);
      double cy = row->top + c->row_height / 2;
      const CakIndicatorRow *ir;
      CakRect rect;

      if (row->item == CAK_CHART_ITEM_REST)
        {
          guint left_out = cak_chart_rest_count (order, order->len, items, i);

          /* A summary row's words are kept as its value */
          row->value
              = cak_chart_rest_text (layout, theme, c->label_px, left_out, right - layout->plot.x);
          cak_chart_place_text (layout, theme, c->label_px, PANGO_WEIGHT_NORMAL, row->value,
                                layout->plot.x, cy, 0, right - layout->plot.x);
          continue;
        }
      ir = &g_array_index (data->rows, CakIndicatorRow, row->item);
      cak_chart_add_hit (
          layout, (CakRect){ layout->pad + row->dx, row->top, right - layout->pad, c->row_height },
          row->item);
      /* Bold is the wider of the two weights a name is drawn in (selected). */
      cak_chart_place_text (layout, theme, c->label_px, PANGO_WEIGHT_BOLD,
                            cak_chart_rows_name (&c->plan, data, row->item),
                            c->label_right + row->dx, cy, 1, c->label_right - layout->pad);

      if (row->has_data)
        {
          row->bar_x1 = round (x_of (layout, c, ir->workforce));
          row->covered_x1 = round (x_of (layout, c, MIN (ir->participants, ir->workforce)));
        }
      else if (has_workforce (ir))
        row->bar_x1 = row->covered_x1 = round (x_of (layout, c, ir->workforce));
      else
        row->bar_x1 = row->covered_x1 = round (x_of (layout, c, c->ticks.max * STUB));
      row->value_x = row->bar_x1 + gap;
      rect = cak_chart_place_text (layout, theme, c->value_px, PANGO_WEIGHT_BOLD, row->value,
                                   row->value_x + row->dx, cy, 0, 0);
      if (row->share)
        {
          row->share_x = rect.x - row->dx + rect.width + gap;
          cak_chart_place_text (layout, theme, c->value_px, PANGO_WEIGHT_NORMAL, row->share,
                                row->share_x + row->dx, cy, 0, 0);
        }
    }
}

static void
paint_rest (cairo_t *cr, const CakChartLayout *layout, const CoverageWorkforce *c,
            const CakChartTheme *theme, double top, const char *text)
{
  double dash[] = { 2, 4 };
  double cy = top + c->row_height / 2;

  cak_chart_set_color (cr, theme->grid);
  cairo_set_line_width (cr, 1);
  cairo_set_dash (cr, dash, 2, 0);
  cairo_move_to (cr, layout->pad, round (top) + 0.5);
  cairo_line_to (cr, layout->width - layout->pad, round (top) + 0.5);
  cairo_move_to (cr, layout->pad, round (top + c->row_height) - 0.5);
  cairo_line_to (cr, layout->width - layout->pad, round (top + c->row_height) - 0.5);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  cak_chart_set_color (cr, theme->muted);
  cak_chart_show_text (cr, layout, theme, c->label_px, PANGO_WEIGHT_NORMAL, text, layout->plot.x,
                       cy, 0, layout->width - layout->pad - layout->plot.x);
}

/* The workforce as an outlined bar on a light track, the covered part filled in it. */
static void
paint_bar (cairo_t *cr, const CakChartLayout *layout, const CakChartTheme *theme, const Row *row,
           double by, double bh)
{
  double x0 = layout->plot.x;
  double w = row->bar_x1 - x0;

  if (w <= 0)
    return;
  cairo_save (cr);
  cak_chart_rounded_bar (cr, x0, by, w, bh);
  cairo_clip_preserve (cr);
  cak_chart_set_color (cr, theme->track);
  cairo_fill (cr);
  cak_chart_set_color (cr, theme->bar);
  cairo_rectangle (cr, x0, by, row->covered_x1 - x0, bh);
  cairo_fill (cr);
  cairo_restore (cr);
  /* The outline inside the bar, so that it ends where the workforce does. */
  cak_chart_set_color (cr, theme->bar);
  cairo_set_line_width (cr, 1.5);
  cak_chart_rounded_bar (cr, x0 + 0.75, by + 0.75, MAX (0, w - 1.5), MAX (0, bh - 1.5));
  cairo_stroke (cr);
}

static void
coverage_workforce_paint (cairo_t *cr, const CakChartLayout *layout, const CakChartData *data,
                          const CakChartFocus *focus, const CakChartTheme *theme)
{
  const CoverageWorkforce *c = layout->priv;
  double px = layout->font_px;
  double rows_bottom = c->plot_top + c->row_height * c->plan.per_col;
  double clip_y0, clip_y1, x0, x1;

  /* A scrolled window paints a strip: rows outside it are not drawn. */
  cairo_clip_extents (cr, &x0, &clip_y0, &x1, &clip_y1);

  cak_chart_fill_background (cr, theme, layout);
  cak_chart_frame_paint (cr, layout, theme);
  cak_chart_legend_paint (cr, layout, theme, c->legend, c->n_legend);
  if (c->total_text)
    {
      cak_chart_set_color (cr, theme->text);
      cak_chart_show_text (cr, layout, theme, px * 0.92, PANGO_WEIGHT_BOLD, c->total_text,
                           c->total_x, layout->legend.y + layout->legend.height / 2, 1, 0);
    }

  /* Grid and axis labels */
  cairo_set_line_width (cr, 1);
  for (guint n = 0; n < c->ticks.n_ticks * c->plan.n_cols; n++)
    {
      guint i = n % c->ticks.n_ticks;
      double tx = round (x_of (layout, c, c->ticks.ticks[i])) + 0.5
                  + (n / c->ticks.n_ticks) * c->plan.step;
      g_autofree char *label = cak_chart_format_people (c->ticks.ticks[i], data->lang);

      cak_chart_set_color (cr, theme->grid);
      cairo_move_to (cr, tx, c->plot_top - px * 0.3);
      cairo_line_to (cr, tx, rows_bottom);
      cairo_stroke (cr);
      cak_chart_set_color (cr, theme->muted);
      cak_chart_show_text (cr, layout, theme, px * 0.85, PANGO_WEIGHT_NORMAL, label, tx,
                           layout->plot.y + px * 0.6, 0.5, 0);
    }

  for (guint i = 0; i < c->rows->len; i++)
    {
      const Row *row = &g_array_index (c->rows, Row, i);
      double cy = row->top + c->row_height / 2;
      double by = round (cy - c->bar_height / 2);
      gboolean selected = row->item == focus->selected;

      if (row->top > clip_y1 || row->top + c->row_height < clip_y0)
        continue;
      if (row->item == CAK_CHART_ITEM_REST)
        {
          paint_rest (cr, layout, c, theme, row->top, row->value);
          continue;
        }
      cairo_save (cr);
      cairo_translate (cr, row->dx, 0);

      if (selected || row->item == focus->highlighted)
        {
          CakColor h = theme->highlight;

          if (!selected)
            h.a = 0.6;
          cak_chart_set_color (cr, h);
          cairo_rectangle (cr, layout->pad * 0.5, row->top, c->plan.col_width + layout->pad,
                           c->row_height);
          cairo_fill (cr);
        }

      cak_chart_set_color (cr, theme->text);
      cak_chart_show_text (cr, layout, theme, c->label_px,
                           selected ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL,
                           cak_chart_rows_name (&c->plan, data, row->item), c->label_right, cy, 1,
                           c->label_right - layout->pad);

      if (row->has_data)
        paint_bar (cr, layout, theme, row, by, c->bar_height);
      else
        cak_chart_hatch (cr, theme, layout->plot.x, by, row->bar_x1 - layout->plot.x,
                         c->bar_height);

      cak_chart_set_color (cr, row->has_data ? theme->text : theme->muted);
      cak_chart_show_text (cr, layout, theme, c->value_px, PANGO_WEIGHT_BOLD, row->value,
                           row->value_x, cy, 0, 0);
      if (row->share)
        {
          cak_chart_set_color (cr, theme->muted);
          cak_chart_show_text (cr, layout, theme, c->value_px, PANGO_WEIGHT_NORMAL, row->share,
                               row->share_x, cy, 0, 0);
        }
      cairo_restore (cr);
    }
}

static char *
coverage_workforce_describe (const CakChartData *data)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GArray) order = cak_chart_sort_items (data, uncovered_key);
  g_autofree char *title = title_of ();
  g_autofree char *subtitle = subtitle_of (data);
  guint n_named = 0, n_without = 0;

  g_string_append_printf (out, "%s. %s.", title, subtitle);
  if (!isnan (data->total.uncovered) && !isnan (data->total.workforce))
    {
      g_autofree char *u = cak_number_format (data->total.uncovered, 0, data->lang);
      g_autofree char *w = cak_number_format (data->total.workforce, 0, data->lang);
      g_autofree char *p
          = cak_number_format_percent (100 - data->total.coverage_pct, 1, data->lang);

      g_string_append (out, " ");
      g_string_append_printf (out, _ ("%s as a whole: %s of %s workers not yet covered (%s)."),
                              data->place, u, w, p);
    }
  for (guint i = 0; i < order->len; i++)
    {
      const CakIndicatorRow *row
          = &g_array_index (data->rows, CakIndicatorRow, g_array_index (order, int, i));
      g_autofree char *u = NULL;
      g_autofree char *c = NULL;

      if (!row_has_data (row))
        {
          n_without++;
          continue;
        }
      if (n_named >= 5)
        continue;
      u = cak_number_format (row->uncovered, 0, data->lang);
      c = cak_number_format_percent (row->coverage_pct, 1, data->lang);
      g_string_append (out, " ");
      if (n_named == 0)
        g_string_append_printf (out, "%s ", _ ("Most workers not yet covered:"));
      /* TRANSLATORS: one regency in a list read out by screen readers: "Kabupaten Jember,
       * 728,628 uncovered, coverage 21.7%"; the list is separated by semicolons */
      g_string_append_printf (out, _ ("%s, %s uncovered, coverage %s"), row->region->name, u, c);
      g_string_append_c (out, ';');
      n_named++;
    }
  if (n_named > 0)
    out->str[out->len - 1] = '.';
  if (n_without > 0)
    {
      g_string_append (out, " ");
      g_string_append_printf (out,
                              g_dngettext (GETTEXT_PACKAGE, "%u region has no data.",
                                           "%u regions have no data.", n_without),
                              n_without);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

const CakChartPainter cak_chart_coverage_workforce_painter = {
  .layout = coverage_workforce_layout,
  .paint = coverage_workforce_paint,
  .describe = coverage_workforce_describe,
  .natural_height = coverage_workforce_natural_height,
};
