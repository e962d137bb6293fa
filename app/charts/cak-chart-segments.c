/* cak-chart-segments.c: each regency's participants as a bar stacked by segment
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cak-chart-segments"

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
/* A regency without participants gets a hatched stub this long, never an empty bar. */
#define STUB 0.25
/* Figures inside the segments are this much smaller than the names. */
#define INNER_SCALE 0.85
#define INNER_MIN 0.6
#define N_SEGMENTS 4

typedef struct
{
  int item; /* CAK_CHART_ITEM_REST for the summary row */
  double top;
  double dx;                  /* its column's offset: the x below are the first column's */
  gboolean has_data;          /* participants or a segment are known */
  double x[N_SEGMENTS + 1];   /* segment s runs from x[s] to x[s + 1]; unknown ones are empty */
  double hatch_x0, bar_x1;    /* participants of no known segment are hatched up to bar_x1 */
  char *inner[N_SEGMENTS];    /* the figures inside the segments, NULL where they do not fit */
  double inner_x[N_SEGMENTS]; /* their centres */
  char *total;                /* "698K", "no data" */
  double total_x;
  char *note; /* "no segment data", or NULL */
  double note_x;
} Row;

typedef struct
{
  GArray *rows; /* Row, in drawing order */
  CakChartRows plan;
  CakChartPeople people; /* one precision for every figure in people: totals, segments */
  double plot_top;
  double row_height;
  double bar_height;
  double label_px;
  double label_right;
  double value_px;
  double inner_px;
  gboolean percent;
  CakTicks ticks;
  CakColor ink[N_SEGMENTS]; /* text on each segment's colour */
  char *total_text; /* the province's participants, right of the legend; NULL when no room */
  double total_x;
  guint n_legend;
  CakLegendEntry legend[N_SEGMENTS + 1];
} Segments;

static void
row_clear (gpointer data)
{
  Row *row = data;

  for (guint s = 0; s < N_SEGMENTS; s++)
    g_free (row->inner[s]);
  g_free (row->total);
  g_free (row->note);
}

static void
segments_free (gpointer data)
{
  Segments *g = data;

  g_clear_pointer (&g->rows, g_array_unref);
  cak_chart_rows_clear (&g->plan);
  g_free (g->total_text);
  g_free (g);
}

static void
get_segments (const CakIndicatorRow *row, double out[N_SEGMENTS])
{
  for (guint i = 0; i < CAK_N_SEGMENTS; i++)
    out[i] = cak_indicator_row_get (row, cak_measure_segments[i]);
}

static const char *
segment_short_name (guint s)
{
  switch (s)
    {
      /* TRANSLATORS: the segments' abbreviations, used where the full names do not fit */
      case 0:
        return _ ("PU");
      case 1:
        return _ ("BPU");
      case 2:
        return _ ("Jakon");
      case 3:
      default:
        return _ ("PMI");
    }
}

static const char *
segment_name (guint s)
{
  switch (s)
    {
      case 0:
        return _ ("PU (wage earners)");
      case 1:
        return _ ("BPU (non-wage)");
      case 2:
        return _ ("Jakon (construction)");
      case 3:
      default:
        return _ ("PMI (migrant workers)");
    }
}

/* How long a regency's bar is in people: its participants, or the sum of its segments when that
 * is larger (files whose figures disagree) or the participants are unknown; NAN without data. */
static double
extent_of (const CakIndicatorRow *row)
{
  double seg[N_SEGMENTS], sum = NAN;

  get_segments (row, seg);
  for (guint s = 0; s < N_SEGMENTS; s++)
    if (!isnan (seg[s]))
      sum = (isnan (sum) ? 0 : sum) + MAX (0, seg[s]);
  if (isnan (row->participants))
    return sum;
  if (isnan (sum))
    return MAX (0, row->participants);
  return MAX (sum, MAX (0, row->participants));
}

static gboolean
has_any_segment (const CakIndicatorRow *row)
{
  double seg[N_SEGMENTS];

  get_segments (row, seg);
  for (guint s = 0; s < N_SEGMENTS; s++)
    if (!isnan (seg[s]))
      return TRUE;
  return FALSE;
}

static gboolean
has_all_segments (const CakIndicatorRow *row)
{
  double seg[N_SEGMENTS];

  get_segments (row, seg);
  for (guint s = 0; s < N_SEGMENTS; s++)
    if (isnan (seg[s]))
      return FALSE;
  return TRUE;
}

static double
x_of (const CakChartLayout *layout, const Segments *g, double value)
{
  return cak_scale_map (value, g->ticks.min, g->ticks.max, layout->plot.x,
                        layout->plot.x + layout->plot.width);
}

static char *
title_of (const CakChartData *data)
{
  if (data->segments_percent)
    return g_strdup (_ ("Participants by segment, as shares"));
  return g_strdup (_ ("Participants by segment"));
}

static char *
subtitle_of (const CakChartData *data)
{
  return cak_chart_subtitle (data, NULL);
}

static char *
format_tick (double value, gboolean percent, CakLang lang)
{
  if (percent)
    return cak_number_format_percent (value, 0, lang);
  return cak_chart_format_people (value, lang);
}

/* Axis labels above the rows, then the rows; chrome is everything but the rows. */
static double
chrome_height (double font_px)
{
  return cak_chart_frame_chrome_height (font_px, TRUE) + font_px * 1.6;
}

static double
segments_natural_height (const CakChartData *data, const CakChartTheme *theme, double width,
                         double font_px)
{
  return ceil (chrome_height (font_px) + MAX (1u, data->rows->len) * font_px * ROW_EM);
}

/* The theme's text or background colour, whichever reads better on @fill. */
static CakColor
ink_on (const CakChartTheme *theme, CakColor fill)
{
  return cak_color_contrast (theme->text, fill) >= cak_color_contrast (theme->background, fill)
             ? theme->text
             : theme->background;
}

static double
legend_width (const CakChartLayout *layout, const CakChartTheme *theme,
              const CakLegendEntry *entries, guint n)
{
  double px = layout->font_px * 0.92;
  double w = 0;

  /* As cak_chart_legend_layout () places them: swatch, space, label, gap */
  for (guint i = 0; i < n; i++)
    w += px * 0.9 + px * 0.4
         + cak_chart_text_width (layout, theme, px, PANGO_WEIGHT_NORMAL, entries[i].label)
         + (i + 1 < n ? px * 1.6 : 0);
  return w;
}

static void
build_legend (CakChartLayout *layout, Segments *g, const CakChartData *data,
              const CakChartTheme *theme)
{
  gboolean any_missing = FALSE;
  guint n = 0;

  for (guint i = 0; i < data->rows->len && !any_missing; i++)
    any_missing = !has_all_segments (&g_array_index (data->rows, CakIndicatorRow, i));
  for (guint s = 0; s < N_SEGMENTS; s++)
    g->legend[n++] = (CakLegendEntry){ CAK_LEGEND_BOX, theme->segment[s], segment_name (s) };
  if (any_missing)
    g->legend[n++] = (CakLegendEntry){ CAK_LEGEND_HATCH, theme->track, _ ("No segment data") };
  g->n_legend = n;
  /* The abbreviations alone where the names would not fit */
  if (legend_width (layout, theme, g->legend, n) > layout->legend.width)
    for (guint s = 0; s < N_SEGMENTS; s++)
      g->legend[s].label = segment_short_name (s);
}

/* The province's participants on the legend's line, right-aligned, when there is room. */
static void
place_total (CakChartLayout *layout, Segments *g, const CakChartData *data,
             const CakChartTheme *theme, guint first_legend_label)
{
  double px = layout->font_px * 0.92;
  double cy = layout->legend.y + layout->legend.height / 2;
  double right = layout->width - layout->pad;
  double legend_end = layout->pad;
  g_autofree char *people = NULL;
  g_autofree char *text = NULL;
  CakChartPeople format;
  CakRect rect;

  if (isnan (data->total.participants))
    return;
  for (guint i = first_legend_label; i < layout->labels->len; i++)
    {
      const CakRect *r = &g_array_index (layout->labels, CakRect, i);

      legend_end = MAX (legend_end, r->x + r->width);
    }
  cak_chart_people_init (&format);
  cak_chart_people_add (&format, data->total.participants);
  people = cak_chart_people_format (&format, data->total.participants, data->lang);
  /* TRANSLATORS: right of the legend: "Jawa Timur: 4.9M participants" */
  text = g_strdup_printf (_ ("%s: %s participants"), data->place, people);
  rect = cak_chart_text_rect (layout, theme, px, PANGO_WEIGHT_BOLD, text, right, cy, 1, 0);
  if (rect.x < legend_end + px * 2)
    return;
  cak_chart_place_text (layout, theme, px, PANGO_WEIGHT_BOLD, text, right, cy, 1, 0);
  g->total_text = g_steal_pointer (&text);
  g->total_x = right;
}

/* The width of the labels after a row's bar: its total and its note. */
static double
trailing_width (const CakChartLayout *layout, const CakChartTheme *theme, const Segments *g,
                const Row *row, double gap)
{
  double w = cak_chart_text_width (layout, theme, g->value_px, PANGO_WEIGHT_BOLD, row->total);

  if (row->note)
    w += gap + cak_chart_text_width (layout, theme, g->value_px, PANGO_WEIGHT_NORMAL, row->note);
  return w;
}

static void
layout_row (CakChartLayout *layout, Segments *g, const CakChartData *data,
            const CakChartTheme *theme, Row *row, double gap)
{
  const CakIndicatorRow *ir = &g_array_index (data->rows, CakIndicatorRow, row->item);
  double seg[N_SEGMENTS], extent = extent_of (ir), scale = 1, acc = 0;
  double cy = row->top + g->row_height / 2;
  CakRect rect;

  get_segments (ir, seg);
  row->x[0] = layout->plot.x;
  if (!row->has_data)
    {
      for (guint s = 1; s <= N_SEGMENTS; s++)
        row->x[s] = row->x[0];
      row->hatch_x0 = row->x[0];
      row->bar_x1 = round (x_of (layout, g, g->ticks.max * STUB));
    }
  else
    {
      /* In shares every bar is the whole axis; in people, its participants. */
      scale = g->percent ? (extent > 0 ? 100 / extent : 0) : 1;
      for (guint s = 0; s < N_SEGMENTS; s++)
        {
          if (!isnan (seg[s]))
            acc += MAX (0, seg[s]);
          row->x[s + 1] = round (x_of (layout, g, acc * scale));
        }
      row->hatch_x0 = row->x[N_SEGMENTS];
      row->bar_x1 = round (x_of (layout, g, g->percent ? (extent > 0 ? 100 : 0) : extent));
    }

  /* A figure inside its segment only where it fits with air on both sides and the bar is tall
   * enough for it; otherwise none (the tooltip and the description have them all). */
  for (guint s = 0; s < N_SEGMENTS && row->has_data; s++)
    {
      double w = row->x[s + 1] - row->x[s];
      g_autofree char *text = NULL;

      if (isnan (seg[s]) || w <= 0 || g->inner_px < g->label_px * INNER_MIN)
        continue;
      text = g->percent ? cak_number_format_percent (seg[s] * scale, 0, data->lang)
                        : cak_chart_people_format (&g->people, seg[s], data->lang);
      if (cak_chart_text_width (layout, theme, g->inner_px, PANGO_WEIGHT_BOLD, text)
              + g->inner_px * 0.8
          > w)
        continue;
      row->inner_x[s] = (row->x[s] + row->x[s + 1]) / 2;
      cak_chart_place_text (layout, theme, g->inner_px, PANGO_WEIGHT_BOLD, text, row->inner_x[s],
                            cy, 0.5, 0);
      row->inner[s] = g_steal_pointer (&text);
    }

  row->total_x = row->bar_x1 + gap;
  rect = cak_chart_place_text (layout, theme, g->value_px, PANGO_WEIGHT_BOLD, row->total,
                               row->total_x, cy, 0, 0);
  if (row->note)
    {
      row->note_x = rect.x + rect.width + gap;
      cak_chart_place_text (layout, theme, g->value_px, PANGO_WEIGHT_NORMAL, row->note, row->note_x,
                            cy, 0, 0);
    }
}

static void
segments_layout (CakChartLayout *layout, const CakChartData *data, const CakChartTheme *theme)
{
  Segments *g = g_new0 (Segments, 1);
  double px = layout->font_px;
  double label_w = 0, rows_h, hi = 0, gap, right, room, trail_w = 0, width;
  g_autofree char *title = title_of (data);
  g_autofree char *subtitle = subtitle_of (data);
  g_autofree char *footer = cak_chart_footer (data);
  g_autoptr (GArray) order = NULL;
  GArray *items;
  guint first_legend_label, first_label;

  layout->priv = g;
  layout->priv_free = segments_free;
  g->percent = data->segments_percent;
  for (guint s = 0; s < N_SEGMENTS; s++)
    g->ink[s] = ink_on (theme, theme->segment[s]);

  cak_chart_frame_layout (layout, theme, title, subtitle, footer, TRUE);
  build_legend (layout, g, data, theme);
  first_legend_label = layout->labels->len;
  cak_chart_legend_layout (layout, theme, g->legend, g->n_legend);
  place_total (layout, g, data, theme, first_legend_label);

  /* Axis labels take a line above the rows. */
  g->plot_top = layout->plot.y + px * 1.6;
  rows_h = MAX (px, layout->plot.y + layout->plot.height - g->plot_top);

  order = cak_chart_sort_items (data, extent_of);
  cak_chart_rows_plan (&g->plan, layout, theme, data, order, rows_h, LABEL_MIN, MIN_ROW_EM, ROW_EM);
  items = g->plan.rows;
  /* One precision for the figures of every row drawn, in and beside the bars */
  cak_chart_people_init (&g->people);
  for (guint i = 0; i < items->len; i++)
    {
      int item = g_array_index (items, int, i);
      const CakIndicatorRow *ir;
      double seg[N_SEGMENTS];

      if (item < 0)
        continue;
      ir = &g_array_index (data->rows, CakIndicatorRow, item);
      cak_chart_people_add (&g->people,
                            isnan (ir->participants) ? extent_of (ir) : ir->participants);
      get_segments (ir, seg);
      for (guint s = 0; s < N_SEGMENTS; s++)
        cak_chart_people_add (&g->people, seg[s]);
    }
  g->row_height = g->plan.row_height;
  g->label_px = g->plan.label_px;
  g->value_px = g->label_px;
  g->bar_height = MAX (1.0, round (MIN (g->row_height * 0.62, px * 1.15)));
  /* Figures inside the bars: their digits (about 0.72 of the size) within the bar with a pixel
   * of air above and below */
  g->inner_px = MIN (g->label_px * INNER_SCALE, (g->bar_height - 2) / 0.72);
  gap = px * 0.45;

  /* Every trailing label is known before the scale, so that the scale can leave each one room
   * beside its own bar. */
  g->rows = g_array_sized_new (FALSE, TRUE, sizeof (Row), items->len);
  g_array_set_clear_func (g->rows, row_clear);
  for (guint i = 0; i < items->len; i++)
    {
      Row row = { .item = g_array_index (items, int, i) };
      const CakIndicatorRow *ir;
      double extent;

      row.top = cak_chart_rows_top (&g->plan, i, g->plot_top);
      row.dx = cak_chart_rows_dx (&g->plan, i);
      if (row.item >= 0)
        {
          ir = &g_array_index (data->rows, CakIndicatorRow, row.item);
          extent = extent_of (ir);
          row.has_data = !isnan (extent);
          if (row.has_data)
            {
              row.total = cak_chart_people_format (
                  &g->people, isnan (ir->participants) ? extent : ir->participants, data->lang);
              hi = MAX (hi, extent);
              if (!has_any_segment (ir))
                row.note = g_strdup (_ ("no segment data"));
            }
          else
            row.total = cak_chart_format_pct (NAN, 0, data->lang);
          label_w = MAX (label_w, cak_chart_text_width (layout, theme, g->label_px,
                                                        PANGO_WEIGHT_BOLD, ir->region->name));
        }
      g_array_append_val (g->rows, row);
    }
  label_w = cak_chart_rows_choose_names (&g->plan, layout, theme, data,
                                         g->plan.col_width * (g->plan.n_cols > 1 ? 0.42 : 0.34));
  g->label_right = layout->pad + label_w;
  layout->plot.x = g->label_right + px * 0.8;
  right = layout->pad + g->plan.col_width;
  /* A pixel short of the edge: bar ends and labels are rounded to whole pixels. */
  room = MAX (px, right - 1 - layout->plot.x);

  for (guint i = 0; i < g->rows->len; i++)
    {
      const Row *row = &g_array_index (g->rows, Row, i);

      if (row->item >= 0)
        trail_w = MAX (trail_w, trailing_width (layout, theme, g, row, gap));
    }
  /* Ticks for the width left beside the widest label; then, in people, the bars take all the
   * width that leaves every row's labels room beside its own bar. */
  width = MAX (px, room - gap - trail_w);
  if (g->percent)
    cak_ticks_compute (0, 100, MAX (3, MIN (5, (guint)(width / (px * 5)))), &g->ticks);
  else
    cak_chart_people_ticks (layout, theme, data->lang, hi > 0 ? hi : 1000, width, &g->ticks);
  if (!g->percent)
    {
      g_autofree char *last
          = format_tick (g->ticks.ticks[g->ticks.n_ticks - 1], g->percent, data->lang);

      width = room - cak_chart_text_width (layout, theme, px * 0.85, PANGO_WEIGHT_NORMAL, last) / 2;
      for (guint i = 0; i < g->rows->len; i++)
        {
          const Row *row = &g_array_index (g->rows, Row, i);
          double v;

          if (row->item < 0)
            continue;
          v = row->has_data ? extent_of (&g_array_index (data->rows, CakIndicatorRow, row->item))
                            : g->ticks.max * STUB;
          if (v > 0)
            width = MIN (width, (room - gap - trailing_width (layout, theme, g, row, gap))
                                    * g->ticks.max / v);
        }
    }
  layout->plot.width = MAX (px, width);

  for (guint k = 0; k < g->plan.n_cols; k++)
    for (guint i = 0; i < g->ticks.n_ticks; i++)
      {
        g_autofree char *label = format_tick (g->ticks.ticks[i], g->percent, data->lang);

        cak_chart_place_text (layout, theme, px * 0.85, PANGO_WEIGHT_NORMAL, label,
                              round (x_of (layout, g, g->ticks.ticks[i])) + 0.5 + k * g->plan.step,
                              layout->plot.y + px * 0.6, 0.5, 0);
      }

  for (guint i = 0; i < g->rows->len; i++)
    {
      Row *row = &g_array_index (g->rows, Row, i);
      double cy = row->top + g->row_height / 2;

      if (row->item == CAK_CHART_ITEM_REST)
        {
          guint left_out = cak_chart_rest_count (order, order->len, items, i);

          /* A summary row's words are kept as its total */
          row->total
              = cak_chart_rest_text (layout, theme, g->label_px, left_out, right - layout->plot.x);
          cak_chart_place_text (layout, theme, g->label_px, PANGO_WEIGHT_NORMAL, row->total,
                                layout->plot.x, cy, 0, right - layout->plot.x);
          continue;
        }
      cak_chart_add_hit (
          layout, (CakRect){ layout->pad + row->dx, row->top, right - layout->pad, g->row_height },
          row->item);
      /* Bold is the wider of the two weights a name is drawn in (selected). */
      cak_chart_place_text (layout, theme, g->label_px, PANGO_WEIGHT_BOLD,
                            cak_chart_rows_name (&g->plan, data, row->item),
                            g->label_right + row->dx, cy, 1, g->label_right - layout->pad);
      /* The row is laid out as in the first column, its texts' boxes then moved to its own */
      first_label = layout->labels->len;
      layout_row (layout, g, data, theme, row, gap);
      for (guint l = first_label; l < layout->labels->len; l++)
        g_array_index (layout->labels, CakRect, l).x += row->dx;
    }
}

static void
paint_rest (cairo_t *cr, const CakChartLayout *layout, const Segments *g,
            const CakChartTheme *theme, double top, const char *text)
{
  double dash[] = { 2, 4 };
  double cy = top + g->row_height / 2;

  cak_chart_set_color (cr, theme->grid);
  cairo_set_line_width (cr, 1);
  cairo_set_dash (cr, dash, 2, 0);
  cairo_move_to (cr, layout->pad, round (top) + 0.5);
  cairo_line_to (cr, layout->width - layout->pad, round (top) + 0.5);
  cairo_move_to (cr, layout->pad, round (top + g->row_height) - 0.5);
  cairo_line_to (cr, layout->width - layout->pad, round (top + g->row_height) - 0.5);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  cak_chart_set_color (cr, theme->muted);
  cak_chart_show_text (cr, layout, theme, g->label_px, PANGO_WEIGHT_NORMAL, text, layout->plot.x,
                       cy, 0, layout->width - layout->pad - layout->plot.x);
}

static void
paint_bar (cairo_t *cr, const CakChartLayout *layout, const Segments *g, const CakChartTheme *theme,
           const Row *row, double by)
{
  double x0 = layout->plot.x;
  double bh = g->bar_height;

  if (row->bar_x1 <= x0)
    return;
  cairo_save (cr);
  cak_chart_rounded_bar (cr, x0, by, row->bar_x1 - x0, bh);
  cairo_clip (cr);
  for (guint s = 0; s < N_SEGMENTS; s++)
    if (row->x[s + 1] > row->x[s])
      {
        cak_chart_set_color (cr, theme->segment[s]);
        cairo_rectangle (cr, row->x[s], by, row->x[s + 1] - row->x[s], bh);
        cairo_fill (cr);
      }
  if (row->bar_x1 > row->hatch_x0)
    {
      cak_chart_set_color (cr, theme->track);
      cairo_rectangle (cr, row->hatch_x0, by, row->bar_x1 - row->hatch_x0, bh);
      cairo_fill (cr);
      cak_chart_hatch (cr, theme, row->hatch_x0, by, row->bar_x1 - row->hatch_x0, bh);
    }
  /* A hairline of background between neighbours keeps touching colours apart. */
  cak_chart_set_color (cr, theme->background);
  cairo_set_line_width (cr, 1);
  for (guint s = 1; s <= N_SEGMENTS; s++)
    if (row->x[s] > x0 && row->x[s] < row->bar_x1 && row->x[s] > row->x[s - 1])
      {
        cairo_move_to (cr, row->x[s] - 0.5, by);
        cairo_line_to (cr, row->x[s] - 0.5, by + bh);
      }
  cairo_stroke (cr);
  cairo_restore (cr);

  for (guint s = 0; s < N_SEGMENTS; s++)
    if (row->inner[s])
      {
        cak_chart_set_color (cr, g->ink[s]);
        cak_chart_show_text (cr, layout, theme, g->inner_px, PANGO_WEIGHT_BOLD, row->inner[s],
                             row->inner_x[s], by + bh / 2.0, 0.5, 0);
      }
}

static void
segments_paint (cairo_t *cr, const CakChartLayout *layout, const CakChartData *data,
                const CakChartFocus *focus, const CakChartTheme *theme)
{
  const Segments *g = layout->priv;
  double px = layout->font_px;
  double rows_bottom = g->plot_top + g->row_height * g->plan.per_col;
  double clip_y0, clip_y1, x0, x1;

  /* A scrolled window paints a strip: rows outside it are not drawn. */
  cairo_clip_extents (cr, &x0, &clip_y0, &x1, &clip_y1);

  cak_chart_fill_background (cr, theme, layout);
  cak_chart_frame_paint (cr, layout, theme);
  cak_chart_legend_paint (cr, layout, theme, g->legend, g->n_legend);
  if (g->total_text)
    {
      cak_chart_set_color (cr, theme->text);
      cak_chart_show_text (cr, layout, theme, px * 0.92, PANGO_WEIGHT_BOLD, g->total_text,
                           g->total_x, layout->legend.y + layout->legend.height / 2, 1, 0);
    }

  /* Grid and axis labels */
  cairo_set_line_width (cr, 1);
  for (guint n = 0; n < g->ticks.n_ticks * g->plan.n_cols; n++)
    {
      guint i = n % g->ticks.n_ticks;
      double tx = round (x_of (layout, g, g->ticks.ticks[i])) + 0.5
                  + (n / g->ticks.n_ticks) * g->plan.step;
      g_autofree char *label = format_tick (g->ticks.ticks[i], g->percent, data->lang);

      cak_chart_set_color (cr, theme->grid);
      cairo_move_to (cr, tx, g->plot_top - px * 0.3);
      cairo_line_to (cr, tx, rows_bottom);
      cairo_stroke (cr);
      cak_chart_set_color (cr, theme->muted);
      cak_chart_show_text (cr, layout, theme, px * 0.85, PANGO_WEIGHT_NORMAL, label, tx,
                           layout->plot.y + px * 0.6, 0.5, 0);
    }

  for (guint i = 0; i < g->rows->len; i++)
    {
      const Row *row = &g_array_index (g->rows, Row, i);
      double cy = row->top + g->row_height / 2;
      double by = round (cy - g->bar_height / 2);
      gboolean selected = row->item == focus->selected;

      if (row->top > clip_y1 || row->top + g->row_height < clip_y0)
        continue;
      if (row->item == CAK_CHART_ITEM_REST)
        {
          paint_rest (cr, layout, g, theme, row->top, row->total);
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
          cairo_rectangle (cr, layout->pad * 0.5, row->top, g->plan.col_width + layout->pad,
                           g->row_height);
          cairo_fill (cr);
        }

      cak_chart_set_color (cr, theme->text);
      cak_chart_show_text (cr, layout, theme, g->label_px,
                           selected ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL,
                           cak_chart_rows_name (&g->plan, data, row->item), g->label_right, cy, 1,
                           g->label_right - layout->pad);

      if (row->has_data)
        paint_bar (cr, layout, g, theme, row, by);
      else
        cak_chart_hatch (cr, theme, layout->plot.x, by, row->bar_x1 - layout->plot.x,
                         g->bar_height);

      cak_chart_set_color (cr, row->has_data ? theme->text : theme->muted);
      cak_chart_show_text (cr, layout, theme, g->value_px, PANGO_WEIGHT_BOLD, row->total,
                           row->total_x, cy, 0, 0);
      if (row->note)
        {
          cak_chart_set_color (cr, theme->muted);
          cak_chart_show_text (cr, layout, theme, g->value_px, PANGO_WEIGHT_NORMAL, row->note,
                               row->note_x, cy, 0, 0);
        }
      cairo_restore (cr);
    }
}

/* "Kabupaten A, Kabupaten B, Kabupaten C and 4 more" */
static void
append_names (GString *out, const GPtrArray *names)
{
  guint shown = MIN (names->len, 5u);

  for (guint i = 0; i < shown; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, g_ptr_array_index (names, i));
    }
  if (names->len > shown)
    {
      guint more = names->len - shown;

      g_string_append (out, " ");
      g_string_append_printf (
          out, g_dngettext (GETTEXT_PACKAGE, "and %u more", "and %u more", more), more);
    }
}

static guint
largest_segment (const double seg[N_SEGMENTS])
{
  guint best = 0;

  for (guint s = 1; s < N_SEGMENTS; s++)
    if (seg[s] > seg[best])
      best = s;
  return best;
}

static char *
segments_describe (const CakChartData *data)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GArray) order = cak_chart_sort_items (data, extent_of);
  g_autofree char *title = title_of (data);
  g_autofree char *subtitle = subtitle_of (data);
  GPtrArray *names[N_SEGMENTS];
  double total[N_SEGMENTS], sum = 0;
  gboolean province_known;
  guint n_without = 0, province_largest = 0;

  g_string_append_printf (out, "%s. %s.", title, subtitle);

  get_segments (&data->total, total);
  province_known = has_all_segments (&data->total);
  if (province_known)
    {
      g_autoptr (GString) list = g_string_new (NULL);

      for (guint s = 0; s < N_SEGMENTS; s++)
        sum += total[s];
      for (guint s = 0; s < N_SEGMENTS && sum > 0; s++)
        {
          g_autofree char *people = cak_number_format (total[s], 0, data->lang);
          g_autofree char *share = cak_number_format_percent (total[s] / sum * 100, 1, data->lang);

          if (s > 0)
            g_string_append (list, ", ");
          g_string_append_printf (list, "%s %s (%s)", segment_short_name (s), people, share);
        }
      province_largest = largest_segment (total);
      if (sum > 0)
        {
          g_string_append (out, " ");
          g_string_append_printf (out, _ ("%s as a whole: %s."), data->place, list->str);
          g_string_append (out, " ");
          g_string_append_printf (out, _ ("%s is the largest segment."),
                                  segment_short_name (province_largest));
        }
    }

  for (guint s = 0; s < N_SEGMENTS; s++)
    names[s] = g_ptr_array_new ();
  for (guint i = 0; i < order->len; i++)
    {
      const CakIndicatorRow *row
          = &g_array_index (data->rows, CakIndicatorRow, g_array_index (order, int, i));
      double seg[N_SEGMENTS];

      if (!has_all_segments (row))
        {
          n_without++;
          continue;
        }
      get_segments (row, seg);
      g_ptr_array_add (names[largest_segment (seg)], (gpointer)row->region->name);
    }
  /* Where a segment other than the province's largest leads, in order of participants */
  for (guint s = 0; s < N_SEGMENTS && sum > 0; s++)
    {
      g_autoptr (GString) list = NULL;

      if (s == province_largest || names[s]->len == 0)
        continue;
      list = g_string_new (NULL);
      append_names (list, names[s]);
      g_string_append (out, " ");
      g_string_append_printf (
          out,
          g_dngettext (GETTEXT_PACKAGE, "%s is the largest segment in %u region: %s.",
                       "%s is the largest segment in %u regions: %s.", names[s]->len),
          segment_short_name (s), names[s]->len, list->str);
    }
  for (guint s = 0; s < N_SEGMENTS; s++)
    g_ptr_array_unref (names[s]);
  if (order->len > 0)
    {
      const CakIndicatorRow *top
          = &g_array_index (data->rows, CakIndicatorRow, g_array_index (order, int, 0));
      double extent = extent_of (top);

      if (!isnan (extent))
        {
          g_autofree char *people = cak_number_format (extent, 0, data->lang);

          g_string_append (out, " ");
          g_string_append_printf (out, _ ("Most participants: %s, %s."), top->region->name, people);
        }
    }
  if (n_without > 0)
    {
      g_string_append (out, " ");
      g_string_append_printf (out,
                              g_dngettext (GETTEXT_PACKAGE, "%u region has no segment data.",
                                           "%u regions have no segment data.", n_without),
                              n_without);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

const CakChartPainter cak_chart_segments_painter = {
  .layout = segments_layout,
  .paint = segments_paint,
  .describe = segments_describe,
  .natural_height = segments_natural_height,
};
