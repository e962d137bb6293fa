/* cak-chart.c: the chart model, the painter table and export
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cak-chart"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cak-chart-private.h"
#include "cak-number.h"

static const struct
{
  const char *id;
  const char *name;
  const CakChartPainter *painter;
} kinds[CAK_N_CHART_KINDS] = {
  [CAK_CHART_RANKING] = { "ranking", N_ ("Ranking"), &cak_chart_ranking_painter },
  [CAK_CHART_COVERAGE_WORKFORCE]
  = { "coverage-workforce", N_ ("Coverage and Workforce"), &cak_chart_coverage_workforce_painter },
  [CAK_CHART_SEGMENTS] = { "segments", N_ ("Segments"), &cak_chart_segments_painter },
  [CAK_CHART_TREND] = { "trend", N_ ("Trend"), &cak_chart_trend_painter },
  [CAK_CHART_SCATTER] = { "scatter", N_ ("Size and Coverage"), &cak_chart_scatter_painter },
  [CAK_CHART_CHANGE] = { "change", N_ ("Change"), &cak_chart_change_painter },
  [CAK_CHART_KPI] = { "kpi", N_ ("Key Figures"), &cak_chart_kpi_painter },
  [CAK_CHART_MAP] = { "map", N_ ("Map"), &cak_chart_map_painter },
  [CAK_CHART_TILEMAP] = { "tilemap", N_ ("Tile Map"), &cak_chart_tilemap_painter },
};

const char *
cak_chart_kind_to_id (CakChartKind kind)
{
  g_return_val_if_fail (kind < CAK_N_CHART_KINDS, NULL);

  return kinds[kind].id;
}

gboolean
cak_chart_kind_from_id (const char *id, CakChartKind *out_kind)
{
  g_return_val_if_fail (id != NULL, FALSE);

  for (guint i = 0; i < CAK_N_CHART_KINDS; i++)
    if (kinds[i].painter && g_ascii_strcasecmp (id, kinds[i].id) == 0)
      {
        if (out_kind)
          *out_kind = i;
        return TRUE;
      }
  return FALSE;
}

/**
 * cak_chart_kind_get_name:
 *
 * Returns: the chart's short name for tabs and menus, translated.
 */
const char *
cak_chart_kind_get_name (CakChartKind kind)
{
  g_return_val_if_fail (kind < CAK_N_CHART_KINDS, NULL);

  return _ (kinds[kind].name);
}

/* The model */

/**
 * cak_chart_data_describe_item:
 *
 * Returns: (transfer full): the exact figures of @item on lines, for tooltips and the
 * announcement of a selection: name, participants of workforce, coverage, target, gap, change.
 */
char *
cak_chart_data_describe_item (const CakChartData *data, int item)
{
  const CakIndicatorRow *row = cak_chart_data_get_row (data, item);
  g_autoptr (GString) out = g_string_new (NULL);

  if (row == NULL || row->region == NULL)
    return NULL;
  g_string_append (out, row->region->name);
  if (isnan (row->coverage_pct) && !isnan (row->participants) && row->workforce == 0)
    {
      g_autofree char *p = cak_number_format (row->participants, 0, data->lang);

      g_string_append_printf (out, "\n");
      /* TRANSLATORS: a regency whose file gives a workforce of 0 */
      g_string_append_printf (out, _ ("%s participants, but a workforce of 0: no coverage"), p);
      return g_string_free (g_steal_pointer (&out), FALSE);
    }
  if (isnan (row->coverage_pct))
    {
      g_string_append_printf (out, "\n%s", _ ("No data for this period"));
      return g_string_free (g_steal_pointer (&out), FALSE);
    }
  {
    g_autofree char *p = cak_number_format (row->participants, 0, data->lang);
    g_autofree char *w = cak_number_format (row->workforce, 0, data->lang);
    g_autofree char *c = cak_number_format_percent (row->coverage_pct, 2, data->lang);
    g_autofree char *u = cak_number_format (row->uncovered, 0, data->lang);

    g_string_append_printf (out, "\n");
    g_string_append_printf (out, _ ("Coverage %s: %s of %s workers"), c, p, w);
    g_string_append_printf (out, "\n");
    g_string_append_printf (out, _ ("Not yet covered: %s"), u);
  }
  if (!isnan (row->target_pct))
    {
      g_autofree char *t = cak_number_format_percent (row->target_pct, 2, data->lang);
      g_autofree char *g = cak_number_format (row->gap_to_target, 0, data->lang);

      g_string_append_printf (out, "\n");
      if (item == CAK_CHART_ITEM_TOTAL && row->gap_to_target > 0)
        /* TRANSLATORS: the province's overall gap: target × workforce − participants */
        g_string_append_printf (out, _ ("Target %s: overall gap %s participants"), t, g);
      else if (row->gap_to_target > 0)
        g_string_append_printf (out, _ ("Target %s: %s more participants needed"), t, g);
      else
        g_string_append_printf (out, _ ("Target %s: reached"), t);
    }
  if (item == CAK_CHART_ITEM_TOTAL && !isnan (row->regency_gaps) && row->regency_gaps > 0)
    {
      g_autofree char *sum = cak_number_format (row->regency_gaps, 0, data->lang);

      g_string_append_printf (out, "\n");
      /* TRANSLATORS: the gaps of the regencies below their target, added up */
      g_string_append_printf (out, _ ("Sum of regency gaps: %s"), sum);
    }
  if (!isnan (row->change_pp) && cak_period_is_valid (data->compare))
    {
      g_autofree char *c = cak_chart_format_pp (row->change_pp, data->lang);
      g_autofree char *since = cak_period_format (data->compare, data->lang);

      g_string_append_printf (out, "\n");
      g_string_append_printf (out, _ ("Change since %s: %s"), since, c);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Layout and drawing */

/**
 * cak_chart_font_px_for_size:
 *
 * Returns: the body text size for a chart of this size, so that an exported image reads at the
 * size it is shown: about a fiftieth of the height, larger in the projector theme.
 */
double
cak_chart_font_px_for_size (double width, double height, const CakChartTheme *theme)
{
  double px = MIN (height / 52.0, width / 80.0);

  g_return_val_if_fail (theme != NULL, 13);

  return round (CLAMP (px, 11.0, 40.0) * theme->font_scale);
}

/**
 * cak_chart_focus_none:
 *
 * Returns: a focus with nothing selected or highlighted.
 */
CakChartFocus
cak_chart_focus_none (void)
{
  return (CakChartFocus){ CAK_CHART_ITEM_NONE, CAK_CHART_ITEM_NONE, 1, 0.5, 0.5 };
}

/**
 * cak_chart_kind_can_zoom:
 *
 * Returns: whether charts of @kind zoom and pan (the map)
 */
gboolean
cak_chart_kind_can_zoom (CakChartKind kind)
{
  g_return_val_if_fail (kind < CAK_N_CHART_KINDS, FALSE);

  return kinds[kind].painter && kinds[kind].painter->can_zoom;
}

/**
 * cak_chart_focus_get_zoom:
 *
 * Returns: the focus's zoom, at least 1 (a focus written without one shows the whole chart)
 */
double
cak_chart_focus_get_zoom (const CakChartFocus *focus)
{
  if (focus == NULL || !(focus->zoom > 1))
    return 1;
  return MIN (focus->zoom, CAK_CHART_ZOOM_MAX);
}

/* The centre of the view, in fractions of the whole plot, kept where the view stays inside it */
static double
clamp_center (double c, double zoom)
{
  double half = 0.5 / zoom;

  if (!isfinite (c))
    c = 0.5;
  return CLAMP (c, half, 1 - half);
}

static void
focus_center (const CakChartFocus *focus, double *cx, double *cy)
{
  double zoom = cak_chart_focus_get_zoom (focus);

  *cx = zoom > 1 ? clamp_center (focus->center_x, zoom) : 0.5;
  *cy = zoom > 1 ? clamp_center (focus->center_y, zoom) : 0.5;
}

/**
 * cak_chart_focus_same_view:
 *
 * Returns: whether @a and @b show the same part of a chart (zoom and centre alike)
 */
gboolean
cak_chart_focus_same_view (const CakChartFocus *a, const CakChartFocus *b)
{
  double ax, ay, bx, by;

  focus_center (a, &ax, &ay);
  focus_center (b, &bx, &by);
  return cak_chart_focus_get_zoom (a) == cak_chart_focus_get_zoom (b) && ax == bx && ay == by;
}

/* Where a point of the view (@x, @y) lies in the whole plot, in fractions */
static void
view_to_plot (const CakChartLayout *layout, double x, double y, double *u, double *v)
{
  const CakRect *p = &layout->plot;
  double zoom = cak_chart_focus_get_zoom (&layout->focus), cx, cy;

  focus_center (&layout->focus, &cx, &cy);
  *u = cx + (x - (p->x + p->width / 2)) / (zoom * MAX (1, p->width));
  *v = cy + (y - (p->y + p->height / 2)) / (zoom * MAX (1, p->height));
}

static gboolean
focus_set_view (CakChartFocus *focus, double zoom, double cx, double cy)
{
  CakChartFocus before = *focus;

  zoom = CLAMP (zoom, 1, CAK_CHART_ZOOM_MAX);
  if (zoom < 1.0001)
    zoom = 1, cx = cy = 0.5;
  focus->zoom = zoom;
  focus->center_x = clamp_center (cx, zoom);
  focus->center_y = clamp_center (cy, zoom);
  return !cak_chart_focus_same_view (&before, focus);
}

/**
 * cak_chart_focus_zoom:
 * @focus: the view's focus, changed
 * @layout: the layout the view shows now (made for @focus)
 * @factor: how much larger (above 1) or smaller the view makes the chart
 * @x: (in layout coordinates) the point that stays where it is, as under a pointer
 * @y:
 *
 * Zooms a chart that zooms (see cak_chart_kind_can_zoom()) about a point, between the whole
 * chart and %CAK_CHART_ZOOM_MAX times it.
 *
 * Returns: whether the view changed
 */
gboolean
cak_chart_focus_zoom (CakChartFocus *focus, const CakChartLayout *layout, double factor, double x,
                      double y)
{
  const CakRect *p;
  double zoom, u, v;

  g_return_val_if_fail (focus != NULL && layout != NULL, FALSE);

  if (!cak_chart_kind_can_zoom (layout->kind) || !(factor > 0) || !isfinite (factor))
    return FALSE;
  p = &layout->plot;
  x = CLAMP (x, p->x, p->x + p->width);
  y = CLAMP (y, p->y, p->y + p->height);
  view_to_plot (layout, x, y, &u, &v);
  zoom = CLAMP (cak_chart_focus_get_zoom (&layout->focus) * factor, 1, CAK_CHART_ZOOM_MAX);
  /* The point under (x, y) stays there: u = cx + (x - middle) / (zoom * width) */
  return focus_set_view (focus, zoom, u - (x - (p->x + p->width / 2)) / (zoom * MAX (1, p->width)),
                         v - (y - (p->y + p->height / 2)) / (zoom * MAX (1, p->height)));
}

/**
 * cak_chart_focus_pan:
 * @dx: how far the chart moves right, in layout units (as a pointer dragging it)
 * @dy: how far it moves down
 *
 * Returns: whether the view changed (a chart shown whole does not move)
 */
gboolean
cak_chart_focus_pan (CakChartFocus *focus, const CakChartLayout *layout, double dx, double dy)
{
  double zoom, cx, cy;

  g_return_val_if_fail (focus != NULL && layout != NULL, FALSE);

  if (!cak_chart_kind_can_zoom (layout->kind))
    return FALSE;
  zoom = cak_chart_focus_get_zoom (&layout->focus);
  focus_center (&layout->focus, &cx, &cy);
  return focus_set_view (focus, zoom, cx - dx / (zoom * MAX (1, layout->plot.width)),
                         cy - dy / (zoom * MAX (1, layout->plot.height)));
}

/**
 * cak_chart_focus_reveal:
 *
 * Moves a zoomed view so that @item, when it lies outside the view, comes to its middle.
 *
 * Returns: whether the view changed
 */
gboolean
cak_chart_focus_reveal (CakChartFocus *focus, const CakChartLayout *layout, int item)
{
  const CakRect *p;
  CakRect rect;
  double x, y, u, v, margin;

  g_return_val_if_fail (focus != NULL && layout != NULL, FALSE);

  if (!cak_chart_kind_can_zoom (layout->kind) || cak_chart_focus_get_zoom (&layout->focus) <= 1
      || !cak_chart_find_item (layout, item, &rect))
    return FALSE;
  p = &layout->plot;
  x = rect.x + rect.width / 2;
  y = rect.y + rect.height / 2;
  margin = MIN (p->width, p->height) * 0.08;
  if (x >= p->x + margin && x <= p->x + p->width - margin && y >= p->y + margin
      && y <= p->y + p->height - margin)
    return FALSE;
  view_to_plot (layout, x, y, &u, &v);
  return focus_set_view (focus, cak_chart_focus_get_zoom (&layout->focus), u, v);
}

/**
 * cak_chart_layout_new:
 * @focus: (nullable): what the view selects: the selected item's labels are placed; %NULL for none
 * @context: the Pango context text will be measured in (from cak_chart_create_context())
 * @font_px: the size of body text in device units
 *
 * Returns: (transfer full): where everything of the chart goes in a @width x @height frame
 */
CakChartLayout *
cak_chart_layout_new (CakChartKind kind, const CakChartData *data, const CakChartFocus *focus,
                      const CakChartTheme *theme, PangoContext *context, double width,
                      double height, double font_px)
{
  CakChartLayout *layout;

  g_return_val_if_fail (kind < CAK_N_CHART_KINDS, NULL);
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (theme != NULL, NULL);
  g_return_val_if_fail (PANGO_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (kinds[kind].painter != NULL, NULL);

  layout = g_new0 (CakChartLayout, 1);
  layout->kind = kind;
  layout->focus = focus ? *focus : cak_chart_focus_none ();
  /* The zoom as it applies: whole, for a chart that does not zoom; the centre inside the chart */
  {
    double cx, cy;

    focus_center (&layout->focus, &cx, &cy);
    focus_set_view (&layout->focus,
                    kinds[kind].painter->can_zoom ? cak_chart_focus_get_zoom (&layout->focus) : 1,
                    cx, cy);
  }
  layout->width = width;
  layout->height = height;
  layout->font_px = font_px;
  layout->pad = round (font_px * 1.4);
  layout->hits = g_array_new (FALSE, FALSE, sizeof (CakChartHit));
  layout->labels = g_array_new (FALSE, FALSE, sizeof (CakRect));
  layout->placed = g_ptr_array_new_with_free_func (g_free);
  layout->context = g_object_ref (context);
  layout->texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  kinds[kind].painter->layout (layout, data, theme);
  return layout;
}

void
cak_chart_layout_free (CakChartLayout *layout)
{
  if (layout == NULL)
    return;
  if (layout->priv_free && layout->priv)
    layout->priv_free (layout->priv);
  g_clear_pointer (&layout->hits, g_array_unref);
  g_clear_pointer (&layout->labels, g_array_unref);
  g_clear_pointer (&layout->placed, g_ptr_array_unref);
  g_clear_pointer (&layout->texts, g_hash_table_unref);
  g_free (layout->title_text);
  g_free (layout->subtitle_text);
  g_free (layout->footer_text);
  g_clear_object (&layout->context);
  g_free (layout);
}

/**
 * cak_chart_natural_height:
 *
 * Returns: the height at which every item of a by-regency chart has its own row, or 0 when the
 * chart fits any height
 */
double
cak_chart_natural_height (CakChartKind kind, const CakChartData *data, const CakChartTheme *theme,
                          double width, double font_px)
{
  g_return_val_if_fail (kind < CAK_N_CHART_KINDS, 0);
  g_return_val_if_fail (data != NULL, 0);

  if (kinds[kind].painter == NULL || kinds[kind].painter->natural_height == NULL)
    return 0;
  return kinds[kind].painter->natural_height (data, theme, width, font_px);
}

/**
 * cak_chart_hit_test:
 *
 * Returns: the item at (x, y): of several marks there, the one whose centre is nearest; or
 * %CAK_CHART_ITEM_NONE
 */
int
cak_chart_hit_test (const CakChartLayout *layout, double x, double y)
{
  int best = CAK_CHART_ITEM_NONE;
  double best_d = INFINITY;

  g_return_val_if_fail (layout != NULL, CAK_CHART_ITEM_NONE);

  if (kinds[layout->kind].painter->hit_test)
    return kinds[layout->kind].painter->hit_test (layout, x, y);
  for (guint i = 0; i < layout->hits->len; i++)
    {
      const CakChartHit *hit = &g_array_index (layout->hits, CakChartHit, i);
      double dx, dy, d;

      if (!cak_rect_contains (&hit->rect, x, y))
        continue;
      dx = x - (hit->rect.x + hit->rect.width / 2);
      dy = y - (hit->rect.y + hit->rect.height / 2);
      d = dx * dx + dy * dy;
      if (d < best_d)
        {
          best_d = d;
          best = hit->item;
        }
    }
  return best;
}

/**
 * cak_chart_find_item:
 *
 * Returns: whether @item has a mark in the chart, and where (the union of its marks)
 */
gboolean
cak_chart_find_item (const CakChartLayout *layout, int item, CakRect *out_rect)
{
  gboolean found = FALSE;
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;

  g_return_val_if_fail (layout != NULL, FALSE);

  for (guint i = 0; i < layout->hits->len; i++)
    {
      const CakChartHit *hit = &g_array_index (layout->hits, CakChartHit, i);

      if (hit->item != item)
        continue;
      if (!found)
        {
          x0 = hit->rect.x;
          y0 = hit->rect.y;
          x1 = hit->rect.x + hit->rect.width;
          y1 = hit->rect.y + hit->rect.height;
        }
      else
        {
          x0 = MIN (x0, hit->rect.x);
          y0 = MIN (y0, hit->rect.y);
          x1 = MAX (x1, hit->rect.x + hit->rect.width);
          y1 = MAX (y1, hit->rect.y + hit->rect.height);
        }
      found = TRUE;
    }
  if (found && out_rect)
    *out_rect = (CakRect){ x0, y0, x1 - x0, y1 - y0 };
  return found;
}

/**
 * cak_chart_create_context:
 *
 * Returns: (transfer full): a Pango context for @cr with the font options every chart uses
 */
PangoContext *
cak_chart_create_context (cairo_t *cr)
{
  PangoContext *context = pango_cairo_create_context (cr);
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_SLIGHT);
  /* Unhinted metrics: text measures the same at every scale, so HiDPI and export agree. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  return context;
}

/**
 * cak_chart_paint:
 * @focus: (nullable): what is selected and under the pointer now; %NULL for nothing
 * @layout: from cak_chart_layout_new() for this data and theme
 *
 * Draws the chart from a layout already computed, so that a redraw for a hover does not
 * measure every name again.
 */
void
cak_chart_paint (cairo_t *cr, const CakChartData *data, const CakChartFocus *focus,
                 const CakChartTheme *theme, const CakChartLayout *layout)
{
  CakChartFocus none = cak_chart_focus_none ();

  g_return_if_fail (cr != NULL);
  g_return_if_fail (data != NULL);
  g_return_if_fail (theme != NULL);
  g_return_if_fail (layout != NULL);

  cairo_save (cr);
  kinds[layout->kind].painter->paint (cr, layout, data, focus ? focus : &none, theme);
  cairo_restore (cr);
}

/**
 * cak_chart_draw:
 *
 * Lays out and draws a chart of @kind into a @width x @height frame of @cr.
 */
void
cak_chart_draw (cairo_t *cr, CakChartKind kind, const CakChartData *data,
                const CakChartFocus *focus, const CakChartTheme *theme, double width, double height,
                double font_px)
{
  PangoContext *context;
  g_autoptr (CakChartLayout) layout = NULL;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (kind < CAK_N_CHART_KINDS);

  context = cak_chart_create_context (cr);
  layout = cak_chart_layout_new (kind, data, focus, theme, context, width, height, font_px);
  g_object_unref (context);
  cak_chart_paint (cr, data, focus, theme, layout);
}

/**
 * cak_chart_kind_has_base:
 *
 * Returns: whether charts of @kind are drawn in two parts: cak_chart_paint_base() and
 *   cak_chart_paint_over()
 */
gboolean
cak_chart_kind_has_base (CakChartKind kind)
{
  g_return_val_if_fail (kind < CAK_N_CHART_KINDS, FALSE);

  return kinds[kind].painter && kinds[kind].painter->paint_base != NULL;
}

/**
 * cak_chart_paint_base:
 *
 * Draws what of a chart changes with neither the pointer nor the selection: a view keeps it as
 * an image and draws cak_chart_paint_over() over it for each change of focus.
 */
void
cak_chart_paint_base (cairo_t *cr, const CakChartData *data, const CakChartTheme *theme,
                      const CakChartLayout *layout)
{
  g_return_if_fail (cr != NULL && data != NULL && theme != NULL && layout != NULL);
  g_return_if_fail (cak_chart_kind_has_base (layout->kind));

  cairo_save (cr);
  kinds[layout->kind].painter->paint_base (cr, layout, data, theme);
  cairo_restore (cr);
}

/**
 * cak_chart_paint_over:
 * @focus: (nullable): what is selected and under the pointer now
 *
 * Draws over cak_chart_paint_base() what shows the focus.
 */
void
cak_chart_paint_over (cairo_t *cr, const CakChartData *data, const CakChartFocus *focus,
                      const CakChartTheme *theme, const CakChartLayout *layout)
{
  CakChartFocus none = cak_chart_focus_none ();

  g_return_if_fail (cr != NULL && data != NULL && theme != NULL && layout != NULL);
  g_return_if_fail (cak_chart_kind_has_base (layout->kind));

  cairo_save (cr);
  kinds[layout->kind].painter->paint_over (cr, layout, data, focus ? focus : &none, theme);
  cairo_restore (cr);
}

/**
 * cak_chart_describe:
 *
 * Returns: (transfer full): what the chart shows, in words, for screen readers
 */
char *
cak_chart_describe (CakChartKind kind, const CakChartData *data)
{
  g_return_val_if_fail (kind < CAK_N_CHART_KINDS, NULL);
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (kinds[kind].painter != NULL, NULL);

  return kinds[kind].painter->describe (data);
}

/* Export */

static cairo_status_t
append_bytes_cb (void *closure, const unsigned char *bytes, unsigned int length)
{
  g_byte_array_append (closure, bytes, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
draw_export (cairo_t *cr, CakChartKind kind, const CakChartData *data, const CakChartTheme *theme,
             double width, double height)
{
  cak_chart_draw (cr, kind, data, NULL, theme, width, height,
                  cak_chart_font_px_for_size (width, height, theme));
}

static gboolean
check_size (double width, double height, double scale, GError **error)
{
  if (width < 200 || height < 150 || width > 10000 || height > 10000 || scale < 0.5 || scale > 4
      || width * scale > 16384 || height * scale > 16384)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _ ("A chart must be between 200×150 and 10000×10000 pixels, at a scale of "
                      "0.5 to 4"));
      return FALSE;
    }
  return TRUE;
}

/**
 * cak_chart_render_png:
 * @scale: device pixels per chart pixel (2 for HiDPI)
 *
 * Returns: (transfer full): the chart as a PNG of (@width x @scale) x (@height x @scale) pixels
 */
GBytes *
cak_chart_render_png (CakChartKind kind, const CakChartData *data, const CakChartTheme *theme,
                      double width, double height, double scale, GError **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  GByteArray *bytes;
  cairo_status_t status;

  g_return_val_if_fail (kind < CAK_N_CHART_KINDS, NULL);
  g_return_val_if_fail (data != NULL && theme != NULL, NULL);

  if (!check_size (width, height, scale, error))
    return NULL;
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int)ceil (width * scale),
                                        (int)ceil (height * scale));
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  draw_export (cr, kind, data, theme, width, height);
  cairo_destroy (cr);
  bytes = g_byte_array_new ();
  status = cairo_surface_write_to_png_stream (surface, append_bytes_cb, bytes);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_byte_array_unref (bytes);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _ ("Could not draw the chart: %s"),
                   cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (bytes);
}

/**
 * cak_chart_export:
 * @path: where to write; the format follows the extension: .png, .svg or .pdf
 * @scale: for PNG, device pixels per chart pixel
 *
 * Writes the chart at @width x @height (pixels for PNG and SVG, points for PDF). The file is
 * written to a temporary name first, so a failure never leaves half a file in its place.
 */
gboolean
cak_chart_export (CakChartKind kind, const CakChartData *data, const CakChartTheme *theme,
                  const char *path, double width, double height, double scale, GError **error)
{
  g_autofree char *lower = NULL;
  g_autofree char *display = NULL;
  g_autoptr (GBytes) bytes = NULL;

  g_return_val_if_fail (kind < CAK_N_CHART_KINDS, FALSE);
  g_return_val_if_fail (data != NULL && theme != NULL && path != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  display = g_filename_display_name (path);
  if (!check_size (width, height, scale, error))
    return FALSE;

  if (g_str_has_suffix (lower, ".png"))
    {
      bytes = cak_chart_render_png (kind, data, theme, width, height, scale, error);
      if (bytes == NULL)
        return FALSE;
    }
  else if (g_str_has_suffix (lower, ".svg") || g_str_has_suffix (lower, ".pdf"))
    {
      GByteArray *array = g_byte_array_new ();
      cairo_surface_t *surface;
      cairo_t *cr;
      cairo_status_t status;

      if (g_str_has_suffix (lower, ".svg"))
        {
          surface = cairo_svg_surface_create_for_stream (append_bytes_cb, array, width, height);
          cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
        }
      else
        {
          g_autofree char *title = NULL;

          surface = cairo_pdf_surface_create_for_stream (append_bytes_cb, array, width, height);
          title = g_strdup_printf ("%s · %s", cak_chart_kind_get_name (kind), data->place);
          cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
          cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR,
                                          "Cakupan " PACKAGE_VERSION);
        }
      cr = cairo_create (surface);
      draw_export (cr, kind, data, theme, width, height);
      cairo_destroy (cr);
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
      cairo_surface_destroy (surface);
      if (status != CAIRO_STATUS_SUCCESS)
        {
          g_byte_array_unref (array);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _ ("Could not draw the chart: %s"),
                       cairo_status_to_string (status));
          return FALSE;
        }
      bytes = g_byte_array_free_to_bytes (array);
    }
  else
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _ ("Cannot write “%s”: charts are saved as .png, .svg or .pdf"), display);
      return FALSE;
    }

  if (!g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error))
    return FALSE;
  return TRUE;
}
