/* cak-chart-scatter.c: coverage against the size of the workforce, regency by regency
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cak-chart-scatter"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cak-chart-scatter.h"
#include "cak-number.h"

typedef CakScatterGeometry Scatter;

/* Sizes in font sizes */
#define AXIS_SCALE 0.85
#define NAME_SCALE 0.85
#define R_MAX_EM 2.4 /* the largest bubble's radius at most */
#define FILL_ALPHA 0.5
#define PROJECTOR_FILL_ALPHA 0.72 /* projectors wash out pale tints */
/* Bubbles named besides the selected one: the most uncovered, the highest and lowest coverage */
#define N_MOST_UNCOVERED 3
#define N_HIGHEST 2
#define N_LOWEST 2
#define N_FURTHEST 3

static void
scatter_free (gpointer p)
{
  Scatter *s = p;

  for (guint i = 0; s->texts && i < s->texts->len; i++)
    g_free (g_array_index (s->texts, CakScatterText, i).text);
  g_clear_pointer (&s->texts, g_array_unref);
  g_clear_pointer (&s->bubbles, g_array_unref);
  g_free (s->near_label);
  g_free (s);
}

static char *
title_of (void)
{
  return g_strdup (_ ("Coverage by size of the workforce"));
}

static const CakIndicatorRow *
row_at (const CakChartData *data, int item)
{
  return &g_array_index (data->rows, CakIndicatorRow, item);
}

/* A regency is drawn when it has a coverage and a workforce the log scale can show. */
static gboolean
is_drawn (const CakIndicatorRow *row)
{
  return !isnan (row->coverage_pct) && row->workforce > 0 && isfinite (row->workforce);
}

static double
uncovered_of (const CakIndicatorRow *row)
{
  return isnan (row->uncovered) ? 0 : MAX (0, row->uncovered);
}

static guint
count_without (const CakChartData *data)
{
  guint n = 0;

  for (guint i = 0; i < data->rows->len; i++)
    n += !is_drawn (row_at (data, i));
  return n;
}

/* The footer says how many regencies are not drawn for want of data. */
static char *
footer_text (const CakChartData *data)
{
  g_autofree char *footer = cak_chart_footer (data);
  g_autofree char *note = NULL;
  guint n = count_without (data);

  if (n == 0)
    return g_steal_pointer (&footer);
  note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u region without data is not drawn",
                                       "%u regions without data are not drawn", n),
                          n);
  return g_strdup_printf ("%s · %s", footer, note);
}

/* The province's target: its own, else the one every regency with a target shares. */
static double
province_target (const CakChartData *data)
{
  double shared = NAN;

  if (!isnan (data->total.target_pct))
    return data->total.target_pct;
  for (guint i = 0; i < data->rows->len; i++)
    {
      double t = row_at (data, i)->target_pct;

      if (isnan (t))
        continue;
      if (!isnan (shared) && t != shared)
        return NAN;
      shared = t;
    }
  return shared;
}

/* The legend, shortened from its end until it fits the width. */
static void
build_legend (Scatter *s, CakChartLayout *layout, const CakChartData *data,
              const CakChartTheme *theme)
{
  CakColor size_color = cak_chart_mix (theme->background, theme->muted, 0.45);
  double px = layout->font_px * 0.92;
  guint n = 0;

  if (cak_chart_has_targets (data))
    {
      s->legend[n++] = (CakLegendEntry){ CAK_LEGEND_DOT, theme->bar, _ ("At or above target") };
      if (data->near_band > 0)
        {
          g_autofree char *band = cak_number_format (data->near_band, 0, data->lang);

          s->near_label = g_strdup_printf (_ ("Within %s pp of target"), band);
          s->legend[n++] = (CakLegendEntry){ CAK_LEGEND_DOT, theme->near, s->near_label };
        }
      s->legend[n++] = (CakLegendEntry){ CAK_LEGEND_DOT, theme->below, _ ("Below target") };
    }
  s->legend[n++]
      = (CakLegendEntry){ CAK_LEGEND_DOT, size_color, _ ("Area: workers not yet covered") };

  for (;;)
    {
      double w = 0;

      for (guint i = 0; i < n; i++)
        w += px * 0.9 + px * 0.4
             + cak_chart_text_width (layout, theme, px, PANGO_WEIGHT_NORMAL, s->legend[i].label)
             + (i + 1 < n ? px * 1.6 : 0);
      if (w <= layout->width - 2 * layout->pad || n == 1)
        break;
      /* The near band goes first (its colour still shows), then the size key. */
      if (n == 4)
        {
          s->legend[1] = s->legend[2];
          s->legend[2] = s->legend[3];
        }
      n--;
    }
  s->n_legend = n;
}

static void
add_text (Scatter *s, CakChartLayout *layout, const CakChartTheme *theme, CakScatterTextKind kind,
          char *text, double x, double y, double align, double px, PangoWeight weight, int item)
{
  CakScatterText t = { kind, text, x, y, align, px, weight, { 0 }, item };

  t.rect = cak_chart_place_text (layout, theme, px, weight, text, x, y, align, 0);
  g_array_append_val (s->texts, t);
}

static double
x_of (const Scatter *s, double workforce)
{
  return cak_scale_map_log (workforce, s->x_ticks.min, s->x_ticks.max, s->area.x,
                            s->area.x + s->area.width);
}

static double
y_of (const Scatter *s, double pct)
{
  return cak_scale_map (pct, s->y_ticks.min, s->y_ticks.max, s->area.y + s->area.height, s->area.y);
}

static gboolean
clear_of_labels (const CakChartLayout *layout, const CakRect *r)
{
  for (guint i = 0; i < layout->labels->len; i++)
    if (cak_rect_overlaps (r, &g_array_index (layout->labels, CakRect, i)))
      return FALSE;
  return TRUE;
}

static gboolean
rect_within (const CakRect *r, const CakRect *bounds)
{
  return r->x >= bounds->x && r->y >= bounds->y && r->x + r->width <= bounds->x + bounds->width
         && r->y + r->height <= bounds->y + bounds->height;
}

/* Whether a name at @r would hide another bubble's middle. */
static gboolean
covers_bubbles (const Scatter *s, const CakRect *r, int self)
{
  for (guint i = 0; i < s->bubbles->len; i++)
    {
      const CakScatterBubble *b = &g_array_index (s->bubbles, CakScatterBubble, i);
      double nx = CLAMP (b->cx, r->x, r->x + r->width), ny = CLAMP (b->cy, r->y, r->y + r->height);
      double reach = MIN (b->r, s->r_max * 0.5);

      if (b->item != self
          && (nx - b->cx) * (nx - b->cx) + (ny - b->cy) * (ny - b->cy) < reach * reach)
        return TRUE;
    }
  return FALSE;
}

/* Names a bubble beside it: right, left, above, below, then the corners; the first place that is
 * inside the plot and clear of every text already placed (first also of other bubbles). A name
 * that fits nowhere is left out rather than laid over another. */
static gboolean
name_bubble (Scatter *s, CakChartLayout *layout, const CakChartTheme *theme,
             const CakScatterBubble *b, const char *text, PangoWeight weight)
{
  double px = layout->font_px * NAME_SCALE;
  double gap = px * 0.3;
  double d = b->r * M_SQRT1_2;
  CakRect size = cak_chart_text_rect (layout, theme, px, weight, text, 0, 0, 0, 0);
  double h = size.height;
  const struct
  {
    double x, y, align;
  } places[] = {
    { b->cx + b->r + gap, b->cy, 0 },
    { b->cx - b->r - gap, b->cy, 1 },
    { b->cx, b->cy - b->r - gap - h / 2, 0.5 },
    { b->cx, b->cy + b->r + gap + h / 2, 0.5 },
    { b->cx + d + gap * 0.5, b->cy - d - h / 2, 0 },
    { b->cx - d - gap * 0.5, b->cy - d - h / 2, 1 },
    { b->cx + d + gap * 0.5, b->cy + d + h / 2, 0 },
    { b->cx - d - gap * 0.5, b->cy + d + h / 2, 1 },
  };

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < G_N_ELEMENTS (places); i++)
      {
        CakRect r = cak_chart_text_rect (layout, theme, px, weight, text, places[i].x, places[i].y,
                                         places[i].align, 0);

        if (!rect_within (&r, &s->grid) || !clear_of_labels (layout, &r))
          continue;
        if (pass == 0 && covers_bubbles (s, &r, b->item))
          continue;
        add_text (s, layout, theme, CAK_SCATTER_NAME, g_strdup (text), places[i].x, places[i].y,
                  places[i].align, px, weight, b->item);
        return TRUE;
      }
  return FALSE;
}

static const CakScatterBubble *
find_bubble (const Scatter *s, int item)
{
  for (guint i = 0; i < s->bubbles->len; i++)
    if (g_array_index (s->bubbles, CakScatterBubble, i).item == item)
      return &g_array_index (s->bubbles, CakScatterBubble, i);
  return NULL;
}

static double
uncovered_key (const CakIndicatorRow *row)
{
  return is_drawn (row) ? uncovered_of (row) : NAN;
}

static double
coverage_key (const CakIndicatorRow *row)
{
  return is_drawn (row) ? row->coverage_pct : NAN;
}

static double
gap_key (const CakIndicatorRow *row)
{
  return is_drawn (row) && !isnan (row->gap_to_target) && row->gap_to_target > 0
             ? row->gap_to_target
             : NAN;
}

static void
append_unique (GArray *items, int item)
{
  for (guint i = 0; i < items->len; i++)
    if (g_array_index (items, int, i) == item)
      return;
  g_array_append_val (items, item);
}

/* The regencies worth a name, most important first. */
static GArray *
pick_named (const CakChartData *data, int selected)
{
  GArray *items = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr (GArray) by_uncovered = cak_chart_sort_items (data, uncovered_key);
  g_autoptr (GArray) by_coverage = cak_chart_sort_items (data, coverage_key);
  g_autoptr (GArray) by_gap = cak_chart_sort_items (data, gap_key);
  guint n_drawn = data->rows->len - count_without (data);

  if (selected >= 0 && (guint)selected < data->rows->len && is_drawn (row_at (data, selected)))
    g_array_append_val (items, selected);
  /* A handful of regencies can all be named. */
  if (n_drawn <= 12)
    {
      for (guint i = 0; i < n_drawn; i++)
        append_unique (items, g_array_index (by_uncovered, int, i));
      return items;
    }
  for (guint i = 0; i < N_MOST_UNCOVERED; i++)
    append_unique (items, g_array_index (by_uncovered, int, i));
  for (guint i = 0; i < N_HIGHEST; i++)
    append_unique (items, g_array_index (by_coverage, int, i));
  for (guint i = 0; i < N_LOWEST; i++)
    append_unique (items, g_array_index (by_coverage, int, n_drawn - 1 - i));
  for (guint i = 0; i < N_FURTHEST && i < by_gap->len; i++)
    if (!isnan (gap_key (row_at (data, g_array_index (by_gap, int, i)))))
      append_unique (items, g_array_index (by_gap, int, i));
  return items;
}

static int
compare_bubbles (gconstpointer a, gconstpointer b)
{
  const CakScatterBubble *ba = a, *bb = b;

  return ba->r > bb->r ? -1 : ba->r < bb->r ? 1 : ba->item - bb->item;
}

/* The labels of the log axis, fewer until they do not touch. */
static void
layout_x_axis (Scatter *s, CakChartLayout *layout, const CakChartData *data,
               const CakChartTheme *theme, double lo, double hi)
{
  double px = layout->font_px * AXIS_SCALE;
  guint max_ticks = MAX (2, (guint)(s->area.width / (layout->font_px * 4.5)));

  for (;; max_ticks--)
    {
      double right = -INFINITY;
      gboolean fits = TRUE;

      cak_log_ticks_compute (lo, hi, max_ticks, &s->x_ticks);
      for (guint i = 0; i < s->x_ticks.n_ticks; i++)
        {
          g_autofree char *text = cak_chart_format_people (s->x_ticks.ticks[i], data->lang);
          double w = cak_chart_text_width (layout, theme, px, PANGO_WEIGHT_NORMAL, text);
          double x = cak_scale_map_log (s->x_ticks.ticks[i], s->x_ticks.min, s->x_ticks.max,
                                        s->area.x, s->area.x + s->area.width);

          if (x - w / 2 < right + layout->font_px)
            fits = FALSE;
          right = x + w / 2;
        }
      if (fits || max_ticks <= 2)
        break;
    }
}

/* The name of a line across the plot, at its left end, above it or else below it. */
static void
name_line (Scatter *s, CakChartLayout *layout, const CakChartTheme *theme, CakScatterTextKind kind,
           const char *text, double y, gboolean below_first)
{
  double px = layout->font_px * NAME_SCALE;
  double x = s->grid.x + layout->font_px * 0.3;
  CakRect size = cak_chart_text_rect (layout, theme, px, PANGO_WEIGHT_BOLD, text, 0, 0, 0, 0);
  double ys[2] = { y - size.height / 2 - 1, y + size.height / 2 + 2 };

  for (guint i = 0; i < 2; i++)
    {
      double cy = ys[below_first ? 1 - i : i];
      CakRect r = cak_chart_text_rect (layout, theme, px, PANGO_WEIGHT_BOLD, text, x, cy, 0, 0);

      if (rect_within (&r, &s->grid) && clear_of_labels (layout, &r))
        {
          add_text (s, layout, theme, kind, g_strdup (text), x, cy, 0, px, PANGO_WEIGHT_BOLD,
                    CAK_CHART_ITEM_NONE);
          return;
        }
    }
}

static void
scatter_layout (CakChartLayout *layout, const CakChartData *data, const CakChartTheme *theme)
{
  Scatter *s = g_new0 (Scatter, 1);
  double px = layout->font_px;
  double axis_px = px * AXIS_SCALE;
  double w_lo = INFINITY, w_hi = 0, c_hi = 0, ylab_w = 0, target, m;
  guint n_drawn = 0;
  g_autofree char *title = title_of ();
  g_autofree char *subtitle = cak_chart_subtitle (data, NULL);
  g_autofree char *footer = footer_text (data);
  g_autoptr (GArray) named = NULL;
  g_autoptr (GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  CakRect frame;

  layout->priv = s;
  layout->priv_free = scatter_free;
  s->bubbles = g_array_new (FALSE, FALSE, sizeof (CakScatterBubble));
  s->texts = g_array_new (FALSE, FALSE, sizeof (CakScatterText));
  s->n_without = count_without (data);
  s->average_y = s->target_y = NAN;

  build_legend (s, layout, data, theme);
  cak_chart_frame_layout (layout, theme, title, subtitle, footer, TRUE);
  cak_chart_legend_layout (layout, theme, s->legend, s->n_legend);
  frame = layout->plot;

  for (guint i = 0; i < data->rows->len; i++)
    {
      const CakIndicatorRow *row = row_at (data, i);

      if (!is_drawn (row))
        continue;
      n_drawn++;
      w_lo = MIN (w_lo, row->workforce);
      w_hi = MAX (w_hi, row->workforce);
      c_hi = MAX (c_hi, row->coverage_pct);
      s->max_uncovered = MAX (s->max_uncovered, uncovered_of (row));
    }
  target = province_target (data);
  if (!isnan (target))
    c_hi = MAX (c_hi, target);
  if (!isnan (data->total.coverage_pct))
    c_hi = MAX (c_hi, data->total.coverage_pct);

  /* The y axis's name above it, the x axis's labels and name below */
  s->grid.y = frame.y + px * 1.9;
  s->grid.height = MAX (px, frame.y + frame.height - px * 2.9 - s->grid.y);

  if (n_drawn == 0)
    {
      s->grid.x = frame.x;
      s->grid.width = frame.width;
      s->area = s->grid;
      layout->plot = s->grid;
      add_text (s, layout, theme, CAK_SCATTER_AXIS, g_strdup (_ ("No data to show")),
                frame.x + frame.width / 2, s->grid.y + s->grid.height / 2, 0.5, px,
                PANGO_WEIGHT_NORMAL, CAK_CHART_ITEM_NONE);
      return;
    }

  cak_ticks_compute (0, c_hi > 0 ? c_hi : 10, MAX (3, (guint)(s->grid.height / (px * 3.4))),
                     &s->y_ticks);
  s->y_ticks.min = 0;
  if (s->y_ticks.max > 100 && c_hi <= 100)
    {
      s->y_ticks.max = 100;
      while (s->y_ticks.n_ticks > 0 && s->y_ticks.ticks[s->y_ticks.n_ticks - 1] > 100)
        s->y_ticks.n_ticks--;
    }
  for (guint i = 0; i < s->y_ticks.n_ticks; i++)
    {
      g_autofree char *label = cak_number_format_percent (
          s->y_ticks.ticks[i], cak_tick_decimals (s->y_ticks.step), data->lang);

      ylab_w
          = MAX (ylab_w, cak_chart_text_width (layout, theme, axis_px, PANGO_WEIGHT_NORMAL, label));
    }
  s->grid.x = frame.x + ylab_w + px * 0.6;
  s->grid.width = MAX (px, frame.x + frame.width - s->grid.x);
  layout->plot = s->grid;

  /* Bubbles share the room: the more regencies, the smaller the largest. Values map inside
   * the grid by half of it, so that a bubble at an edge is not cut by the axis. */
  s->r_max = CLAMP (sqrt (s->grid.width * s->grid.height / n_drawn) * 0.5, px * 0.7, px * R_MAX_EM);
  s->r_min = MAX (2.0, px * 0.2);
  m = s->r_max * 0.5;
  s->area = (CakRect){ s->grid.x + m, s->grid.y + m, MAX (px, s->grid.width - 2 * m),
                       MAX (px, s->grid.height - 2 * m) };

  layout_x_axis (s, layout, data, theme, w_lo, w_hi);

  /* Axis labels and names */
  add_text (s, layout, theme, CAK_SCATTER_AXIS, g_strdup (_ ("Coverage of the workforce")),
            layout->pad, frame.y + px * 0.6, 0, axis_px, PANGO_WEIGHT_NORMAL, CAK_CHART_ITEM_NONE);
  for (guint i = 0; i < s->y_ticks.n_ticks; i++)
    add_text (s, layout, theme, CAK_SCATTER_AXIS,
              cak_number_format_percent (s->y_ticks.ticks[i], cak_tick_decimals (s->y_ticks.step),
                                         data->lang),
              s->grid.x - px * 0.5, round (y_of (s, s->y_ticks.ticks[i])), 1, axis_px,
              PANGO_WEIGHT_NORMAL, CAK_CHART_ITEM_NONE);
  for (guint i = 0; i < s->x_ticks.n_ticks; i++)
    add_text (s, layout, theme, CAK_SCATTER_AXIS,
              cak_chart_format_people (s->x_ticks.ticks[i], data->lang),
              round (x_of (s, s->x_ticks.ticks[i])), s->grid.y + s->grid.height + px * 1.0, 0.5,
              axis_px, PANGO_WEIGHT_NORMAL, CAK_CHART_ITEM_NONE);
  add_text (s, layout, theme, CAK_SCATTER_AXIS,
            g_strdup (_ ("Workforce (employed residents), log scale →")), s->grid.x + s->grid.width,
            s->grid.y + s->grid.height + px * 2.25, 1, axis_px, PANGO_WEIGHT_NORMAL,
            CAK_CHART_ITEM_NONE);

  /* Bubbles, the largest drawn first so that the small stay visible */
  for (guint i = 0; i < data->rows->len; i++)
    {
      const CakIndicatorRow *row = row_at (data, i);
      CakScatterBubble b;

      if (!is_drawn (row))
        continue;
      b.item = i;
      b.cx = x_of (s, row->workforce);
      b.cy = y_of (s, row->coverage_pct);
      b.r = cak_scale_radius (uncovered_of (row), s->max_uncovered, s->r_min, s->r_max);
      g_array_append_val (s->bubbles, b);
    }
  g_array_sort (s->bubbles, compare_bubbles);

  /* The province's coverage and its target across the plot, named first so the bubbles' names
   * keep off them. */
  if (!isnan (data->total.coverage_pct))
    s->average_y = y_of (s, data->total.coverage_pct);
  if (!isnan (target))
    s->target_y = y_of (s, target);
  if (!isnan (s->target_y))
    {
      g_autofree char *value = cak_number_format_percent (target, 0, data->lang);
      g_autofree char *text = g_strdup_printf (_ ("Target %s"), value);

      name_line (s, layout, theme, CAK_SCATTER_TARGET, text, s->target_y,
                 !isnan (s->average_y) && s->average_y < s->target_y);
    }
  if (!isnan (s->average_y))
    {
      g_autofree char *value = cak_number_format_percent (data->total.coverage_pct, 1, data->lang);
      g_autofree char *text = g_strdup_printf ("%s %s", data->place, value);

      name_line (s, layout, theme, CAK_SCATTER_AVERAGE, text, s->average_y,
                 !isnan (s->target_y) && s->average_y > s->target_y);
    }

  named = pick_named (data, layout->focus.selected);
  for (guint i = 0; i < named->len; i++)
    {
      int item = g_array_index (named, int, i);
      const CakScatterBubble *b = find_bubble (s, item);
      g_autofree char *name = cak_chart_short_name (row_at (data, item)->region->name);

      if (b)
        name_bubble (s, layout, theme, b, name,
                     item == layout->focus.selected ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    }

  /* Hits: a square around each bubble; of two at one spot, the first (larger) keeps it. */
  for (guint i = 0; i < s->bubbles->len; i++)
    {
      const CakScatterBubble *b = &g_array_index (s->bubbles, CakScatterBubble, i);
      double half = MAX (b->r, px * 0.5);
      CakRect r = { b->cx - half, b->cy - half, 2 * half, 2 * half };
      char key[64];

      g_snprintf (key, sizeof key, "%a %a", r.x + r.width / 2, r.y + r.height / 2);
      if (g_hash_table_contains (taken, key))
        continue;
      g_hash_table_add (taken, g_strdup (key));
      cak_chart_add_hit (layout, r, b->item);
    }
}

static void
show_text (cairo_t *cr, const CakChartLayout *layout, const CakChartTheme *theme,
           const CakScatterText *t)
{
  cak_chart_show_text (cr, layout, theme, t->px, t->weight, t->text, t->x, t->y, t->align, 0);
}

static void
scatter_paint (cairo_t *cr, const CakChartLayout *layout, const CakChartData *data,
               const CakChartFocus *focus, const CakChartTheme *theme)
{
  const Scatter *s = layout->priv;
  double px = layout->font_px;
  const CakRect *g = &s->grid;

  cak_chart_fill_background (cr, theme, layout);
  cak_chart_frame_paint (cr, layout, theme);
  cak_chart_legend_paint (cr, layout, theme, s->legend, s->n_legend);

  /* Grid */
  cairo_set_line_width (cr, 1);
  cak_chart_set_color (cr, theme->grid);
  for (guint i = 0; i < s->y_ticks.n_ticks; i++)
    {
      double y = round (y_of (s, s->y_ticks.ticks[i])) + 0.5;

      cairo_move_to (cr, g->x, y);
      cairo_line_to (cr, g->x + g->width, y);
    }
  for (guint i = 0; i < s->x_ticks.n_ticks; i++)
    {
      double x = round (x_of (s, s->x_ticks.ticks[i])) + 0.5;

      cairo_move_to (cr, x, g->y);
      cairo_line_to (cr, x, g->y + g->height);
    }
  cairo_stroke (cr);
  cak_chart_set_color (cr, cak_chart_mix (theme->grid, theme->muted, 0.5));
  cairo_move_to (cr, g->x, round (y_of (s, 0)) + 0.5);
  cairo_line_to (cr, g->x + g->width, round (y_of (s, 0)) + 0.5);
  cairo_stroke (cr);

  /* The target and the province's coverage, under the bubbles */
  if (!isnan (s->target_y))
    {
      cak_chart_set_color (cr, theme->target);
      cairo_set_line_width (cr, MAX (1.5, px * 0.09));
      cairo_move_to (cr, g->x, round (s->target_y) + 0.5);
      cairo_line_to (cr, g->x + g->width, round (s->target_y) + 0.5);
      cairo_stroke (cr);
    }
  if (!isnan (s->average_y))
    {
      double dash[] = { MAX (5.0, px * 0.35), MAX (4.0, px * 0.25) };

      cak_chart_set_color (cr, theme->average);
      cairo_set_line_width (cr, MAX (1.5, px * 0.1));
      cairo_set_dash (cr, dash, 2, 0);
      cairo_move_to (cr, g->x, round (s->average_y) + 0.5);
      cairo_line_to (cr, g->x + g->width, round (s->average_y) + 0.5);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }

  for (guint i = 0; i < s->bubbles->len; i++)
    {
      const CakScatterBubble *b = &g_array_index (s->bubbles, CakScatterBubble, i);
      CakColor color = cak_chart_coverage_color (theme, data, row_at (data, b->item));
      CakColor fill = color;

      fill.a = cak_chart_theme_is_projector (theme) ? PROJECTOR_FILL_ALPHA : FILL_ALPHA;
      cairo_new_path (cr);
      cairo_arc (cr, b->cx, b->cy, b->r, 0, 2 * G_PI);
      cak_chart_set_color (cr, fill);
      cairo_fill_preserve (cr);
      cak_chart_set_color (cr, color);
      cairo_set_line_width (cr, MAX (1.0, px * 0.06));
      cairo_stroke (cr);
    }
  /* The selected and the one under the pointer, ringed */
  for (guint i = 0; i < s->bubbles->len; i++)
    {
      const CakScatterBubble *b = &g_array_index (s->bubbles, CakScatterBubble, i);

      if (b->item != focus->selected && b->item != focus->highlighted)
        continue;
      cairo_new_path (cr);
      cairo_arc (cr, b->cx, b->cy, b->r + MAX (1.5, px * 0.1), 0, 2 * G_PI);
      cak_chart_set_color (cr, theme->text);
      cairo_set_line_width (cr, b->item == focus->selected ? MAX (2.0, px * 0.14)
                                                           : MAX (1.5, px * 0.08));
      cairo_stroke (cr);
    }

  for (guint i = 0; i < s->texts->len; i++)
    {
      const CakScatterText *t = &g_array_index (s->texts, CakScatterText, i);

      /* Names over bubbles sit on a veil of the background, to be read. */
      if (t->kind != CAK_SCATTER_AXIS)
        {
          CakColor veil = theme->background;

          veil.a = 0.72;
          cak_chart_set_color (cr, veil);
          cairo_rectangle (cr, t->rect.x - 1, t->rect.y, t->rect.width + 2, t->rect.height);
          cairo_fill (cr);
        }
      switch (t->kind)
        {
          case CAK_SCATTER_TARGET:
            cak_chart_set_color (cr, theme->target);
            break;
          case CAK_SCATTER_AVERAGE:
            cak_chart_set_color (cr, theme->average);
            break;
          case CAK_SCATTER_NAME:
            cak_chart_set_color (cr, theme->text);
            break;
          case CAK_SCATTER_AXIS:
          default:
            cak_chart_set_color (cr, theme->muted);
            break;
        }
      show_text (cr, layout, theme, t);
    }
}

/* Words */

static char *
scatter_describe (const CakChartData *data)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_autofree char *title = title_of ();
  g_autofree char *subtitle = cak_chart_subtitle (data, NULL);
  g_autoptr (GArray) by_gap = cak_chart_sort_items (data, gap_key);
  g_autoptr (GArray) by_uncovered = cak_chart_sort_items (data, uncovered_key);
  guint n_without = count_without (data), n_drawn = data->rows->len - n_without;
  g_autoptr (GString) list = g_string_new (NULL);

  g_string_append_printf (out, "%s. %s. ", title, subtitle);
  g_string_append_printf (out,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "%u region drawn by its workforce and coverage; a "
                                       "bubble's area shows the workers not yet covered.",
                                       "%u regions drawn by their workforce and coverage; a "
                                       "bubble's area shows the workers not yet covered.",
                                       n_drawn),
                          n_drawn);
  if (!isnan (data->total.coverage_pct))
    {
      g_autofree char *avg = cak_number_format_percent (data->total.coverage_pct, 1, data->lang);

      g_string_append (out, " ");
      g_string_append_printf (out, _ ("%s as a whole: %s."), data->place, avg);
    }

  /* The large regencies far below target: the most participants still to enrol */
  for (guint i = 0; i < MIN (3u, by_gap->len); i++)
    {
      const CakIndicatorRow *row = row_at (data, g_array_index (by_gap, int, i));
      g_autofree char *wf = NULL, *cov = NULL, *tgt = NULL, *gap = NULL;

      if (isnan (gap_key (row)))
        break;
      wf = cak_chart_format_people (row->workforce, data->lang);
      cov = cak_number_format_percent (row->coverage_pct, 1, data->lang);
      tgt = cak_number_format_percent (row->target_pct, 0, data->lang);
      gap = cak_chart_format_people (row->gap_to_target, data->lang);
      if (list->len > 0)
        g_string_append (list, "; ");
      /* TRANSLATORS: "Kabupaten Jember: 1.3M workers, 21.7% against a target of 40%, 237K more
       * participants needed" */
      g_string_append_printf (list,
                              _ ("%s: %s workers, %s against a target of %s, %s more "
                                 "participants needed"),
                              row->region->name, wf, cov, tgt, gap);
    }
  if (list->len > 0)
    {
      g_string_append (out, " ");
      g_string_append_printf (out, _ ("Furthest below target: %s."), list->str);
    }
  else if (by_uncovered->len > 0 && n_drawn > 0)
    {
      const CakIndicatorRow *row = row_at (data, g_array_index (by_uncovered, int, 0));
      g_autofree char *u = cak_chart_format_people (uncovered_of (row), data->lang);

      g_string_append (out, " ");
      g_string_append_printf (out, _ ("Most workers not yet covered: %s, %s."), row->region->name,
                              u);
    }
  if (n_without > 0)
    {
      g_string_append (out, " ");
      g_string_append_printf (out,
                              g_dngettext (GETTEXT_PACKAGE, "%u region without data is not drawn",
                                           "%u regions without data are not drawn", n_without),
                              n_without);
      g_string_append (out, ".");
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

const CakChartPainter cak_chart_scatter_painter = {
  .layout = scatter_layout,
  .paint = scatter_paint,
  .describe = scatter_describe,
  .natural_height = NULL,
};
