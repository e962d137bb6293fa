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

#include "cak-chart-ranking.h"
#include "cak-number.h"

/* Rows are this many font sizes tall at their natural height: a name and a bar with air. */
#define ROW_EM 1.85
#define MIN_ROW_EM 1.15

static void
clear_item (gpointer data)
{
  CakRankingItem *item = data;

  g_clear_pointer (&item->label, g_free);
}

static int
compare_items (gconstpointer a, gconstpointer b)
{
  const CakRankingItem *ia = a, *ib = b;

  /* Highest coverage first; regions without data at the bottom, by name. */
  if (isnan (ia->value) != isnan (ib->value))
    return isnan (ia->value) ? 1 : -1;
  if (!isnan (ia->value) && ia->value != ib->value)
    return ia->value > ib->value ? -1 : 1;
  return g_utf8_collate (ia->label, ib->label);
}

static char *
format_today (CakLang lang)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  CakPeriod month = cak_period_month (g_date_time_get_year (now), g_date_time_get_month (now));
  g_autofree char *month_name = cak_period_format (month, lang);

  return g_strdup_printf ("%d %s", g_date_time_get_day_of_month (now), month_name);
}

/**
 * cak_ranking_model_new:
 * @rows: (element-type CakIndicatorRow): the regencies of one province and period
 * @total: (nullable): the province total, for the average line and the subtitle
 * @sources: (nullable): the files the figures come from, for the footer
 *
 * Returns: (transfer full): the ranking of @rows by coverage, highest first.
 */
CakRankingModel *
cak_ranking_model_new (const GArray *rows, const CakIndicatorRow *total, const char *sources,
                       CakLang lang)
{
  CakRankingModel *model;
  g_autofree char *period = NULL;
  g_autofree char *today = NULL;
  g_autoptr (GString) subtitle = g_string_new (NULL);

  g_return_val_if_fail (rows != NULL, NULL);

  model = g_new0 (CakRankingModel, 1);
  model->lang = lang;
  model->highlighted = model->selected = -1;
  model->average = total ? total->coverage_pct : NAN;
  model->items = g_array_new (FALSE, TRUE, sizeof (CakRankingItem));
  g_array_set_clear_func (model->items, clear_item);

  for (guint i = 0; i < rows->len; i++)
    {
      const CakIndicatorRow *row = &g_array_index (rows, CakIndicatorRow, i);
      CakRankingItem item = { 0 };

      item.label = g_strdup (row->region->name);
      item.region = row->region;
      item.value = row->coverage_pct;
      item.target = row->target_pct;
      item.numerator = row->participants;
      item.denominator = row->workforce;
      g_array_append_val (model->items, item);
    }
  g_array_sort (model->items, compare_items);

  model->title = g_strdup (_ ("Coverage of the workforce by regency and city"));
  if (total && total->region)
    g_string_append_printf (subtitle, "%s · ", total->region->name);
  if (rows->len > 0 && cak_period_is_valid (g_array_index (rows, CakIndicatorRow, 0).period))
    {
      period = cak_period_format (g_array_index (rows, CakIndicatorRow, 0).period, lang);
      g_string_append_printf (subtitle, "%s · ", period);
    }
  if (total && cak_period_is_valid (total->workforce_period))
    {
      g_autofree char *wf = cak_period_format (total->workforce_period, lang);

      g_string_append_printf (subtitle, _ ("coverage = active participants ÷ workforce (BPS, %s)"),
                              wf);
    }
  else
    g_string_append (subtitle, _ ("coverage = active participants ÷ workforce"));
  model->subtitle = g_string_free (g_steal_pointer (&subtitle), FALSE);

  if (total && total->region)
    model->average_label = g_strdup (total->region->name);
  today = format_today (lang);
  if (sources)
    model->footer = g_strdup_printf (_ ("Source: %s · as of %s"), sources, today);
  else
    model->footer = g_strdup_printf (_ ("As of %s"), today);
  return model;
}

void
cak_ranking_model_free (CakRankingModel *model)
{
  if (model == NULL)
    return;
  g_free (model->title);
  g_free (model->subtitle);
  g_free (model->footer);
  g_free (model->average_label);
  g_clear_pointer (&model->items, g_array_unref);
  g_free (model);
}

static PangoLayout *
make_layout (PangoContext *context, const CakChartTheme *theme, double px, PangoWeight weight,
             const char *text)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *desc = pango_font_description_from_string (theme->font_family);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_font_description_set_absolute_size (desc, px * PANGO_SCALE);
  pango_font_description_set_weight (desc, weight);
  pango_layout_set_font_description (layout, desc);
  /* Tabular figures keep the value labels' digits in columns. */
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
  pango_layout_set_attributes (layout, attrs);
  pango_layout_set_text (layout, text, -1);
  pango_attr_list_unref (attrs);
  pango_font_description_free (desc);
  return layout;
}

static double
text_width (PangoContext *context, const CakChartTheme *theme, double px, PangoWeight weight,
            const char *text)
{
  g_autoptr (PangoLayout) layout = make_layout (context, theme, px, weight, text);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  return w;
}

static char *
format_value (const CakRankingModel *model, double value)
{
  if (isnan (value))
    return g_strdup (_ ("no data"));
  return cak_number_format_percent (value, 1, model->lang);
}

static gboolean
model_has_targets (const CakRankingModel *model)
{
  for (guint i = 0; i < model->items->len; i++)
    if (!isnan (g_array_index (model->items, CakRankingItem, i).target))
      return TRUE;
  return FALSE;
}

static double
chrome_height (double font_px, gboolean wraps)
{
  /* Padding, title, subtitle, legend, axis labels, footer. */
  return font_px * (1.4 + 1.9 + 1.5 + 2.2 + 1.6 + 2.2 + 1.0) + (wraps ? font_px * 1.3 : 0);
}

/**
 * cak_chart_ranking_natural_height:
 *
 * Returns: the height at which every row has room for its name at @font_px.
 */
double
cak_chart_ranking_natural_height (const CakRankingModel *model, const CakChartTheme *theme,
                                  double font_px)
{
  g_return_val_if_fail (model != NULL, 0);

  return chrome_height (font_px, FALSE) + MAX (1u, model->items->len) * font_px * ROW_EM;
}

/**
 * cak_chart_ranking_layout:
 *
 * Places the title, the legend, the rows and the footer in a @width x @height frame. Rows share
 * the height left; when they get too short for their names, the names get smaller, never cut.
 */
void
cak_chart_ranking_layout (const CakRankingModel *model, const CakChartTheme *theme,
                          PangoContext *context, double width, double height, double font_px,
                          CakRankingLayout *out)
{
  double label_w = 0, value_w, hi = 0, y;
  guint n;

  g_return_if_fail (model != NULL);
  g_return_if_fail (out != NULL);

  memset (out, 0, sizeof *out);
  out->width = width;
  out->height = height;
  out->font_px = font_px;
  out->pad = round (font_px * 1.4);
  out->has_targets = model_has_targets (model);
  n = MAX (1u, model->items->len);

  y = out->pad;
  out->title = (CakRect){ out->pad, y, width - 2 * out->pad, font_px * 1.9 };
  y += out->title.height;
  out->subtitle = (CakRect){ out->pad, y, width - 2 * out->pad, font_px * 1.5 };
  y += out->subtitle.height;
  out->legend = (CakRect){ out->pad, y + font_px * 0.5, width - 2 * out->pad, font_px * 1.4 };
  y += font_px * 2.2;
  /* Axis labels sit above the plot. */
  y += font_px * 1.6;
  out->footer = (CakRect){ out->pad, height - out->pad - font_px * 1.2, width - 2 * out->pad,
                           font_px * 1.2 };
  out->plot.y = y;
  out->plot.height = MAX (font_px, out->footer.y - font_px * 1.0 - y);
  out->row_height = out->plot.height / n;
  out->label_font_px = MIN (font_px, MAX (4.0, out->row_height / MIN_ROW_EM));
  out->bar_height = MAX (1.0, MIN (out->row_height * 0.62, font_px * 1.15));

  for (guint i = 0; i < model->items->len; i++)
    {
      const CakRankingItem *item = &g_array_index (model->items, CakRankingItem, i);

      label_w = MAX (label_w, text_width (context, theme, out->label_font_px, PANGO_WEIGHT_NORMAL,
                                          item->label));
      if (!isnan (item->value))
        hi = MAX (hi, item->value);
      if (!isnan (item->target))
        hi = MAX (hi, item->target);
    }
  if (!isnan (model->average))
    hi = MAX (hi, model->average);
  label_w = MIN (label_w, width * 0.38);
  value_w = text_width (context, theme, out->label_font_px, PANGO_WEIGHT_BOLD, "100,0%") + font_px;

  out->label_right = out->pad + label_w;
  out->plot.x = out->label_right + font_px * 0.8;
  out->plot.width = MAX (font_px, width - out->pad - value_w - out->plot.x);

  cak_ticks_compute (0, hi > 0 ? hi : 10, MAX (3, (guint)(out->plot.width / (font_px * 6))),
                     &out->ticks);
  out->ticks.min = 0;
  if (out->ticks.max > 100 && hi <= 100)
    out->ticks.max = 100;
}

/**
 * cak_chart_ranking_x:
 *
 * Returns: the x position of a coverage value.
 */
double
cak_chart_ranking_x (const CakRankingLayout *layout, double value)
{
  g_return_val_if_fail (layout != NULL, 0);

  return cak_scale_map (value, layout->ticks.min, layout->ticks.max, layout->plot.x,
                        layout->plot.x + layout->plot.width);
}

/**
 * cak_chart_ranking_hit_test:
 *
 * Returns: the item whose row holds the point (its name, its bar or its value label), or -1.
 */
int
cak_chart_ranking_hit_test (const CakRankingLayout *layout, const CakRankingModel *model, double x,
                            double y)
{
  int index;

  g_return_val_if_fail (layout != NULL, -1);
  g_return_val_if_fail (model != NULL, -1);

  if (x < layout->pad || x > layout->width - layout->pad || y < layout->plot.y
      || y >= layout->plot.y + layout->row_height * model->items->len || layout->row_height <= 0)
    return -1;
  index = (int)floor ((y - layout->plot.y) / layout->row_height);
  return index >= 0 && (guint)index < model->items->len ? index : -1;
}

static void
set_color (cairo_t *cr, CakColor color)
{
  cairo_set_source_rgba (cr, color.r, color.g, color.b, color.a);
}

static void
show_text (cairo_t *cr, PangoContext *context, const CakChartTheme *theme, double px,
           PangoWeight weight, const char *text, double x, double y,
           double align, /* 0 left, 0.5 centre, 1 right of x */
           double max_width)
{
  g_autoptr (PangoLayout) layout = make_layout (context, theme, px, weight, text);
  int w, h;

  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int)(max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, round (x - w * align), round (y - h / 2.0));
  pango_cairo_show_layout (cr, layout);
}

static void
rounded_bar (cairo_t *cr, double x, double y, double w, double h)
{
  double r = MIN (h / 2.0, MIN (w, 3.0));

  if (w <= 0)
    return;
  cairo_new_sub_path (cr);
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x + w - r, y);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_line_to (cr, x + w, y + h - r);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_line_to (cr, x, y + h);
  cairo_close_path (cr);
}

static void
draw_hatch (cairo_t *cr, const CakChartTheme *theme, double x, double y, double w, double h)
{
  cairo_save (cr);
  cairo_rectangle (cr, x, y, w, h);
  cairo_clip (cr);
  set_color (cr, theme->track);
  cairo_set_line_width (cr, 1.2);
  for (double d = -h; d < w; d += 6)
    {
      cairo_move_to (cr, x + d, y + h);
      cairo_line_to (cr, x + d + h, y);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

static double
legend_swatch (cairo_t *cr, PangoContext *context, const CakChartTheme *theme,
               const CakRankingLayout *lay, double x, int kind, /* 0 box, 1 tick, 2 dashed line */
               CakColor color, const char *label)
{
  double px = lay->font_px * 0.92;
  double cy = lay->legend.y + lay->legend.height / 2;
  double sw = px * 0.9;

  set_color (cr, color);
  if (kind == 0)
    {
      rounded_bar (cr, x, cy - sw / 2, sw, sw);
      cairo_fill (cr);
    }
  else if (kind == 1)
    {
      cairo_set_line_width (cr, 2.5);
      cairo_move_to (cr, x + sw / 2, cy - sw * 0.7);
      cairo_line_to (cr, x + sw / 2, cy + sw * 0.7);
      cairo_stroke (cr);
    }
  else
    {
      double dash[] = { 4, 3 };

      cairo_set_line_width (cr, 2);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_move_to (cr, x + sw / 2, cy - sw * 0.7);
      cairo_line_to (cr, x + sw / 2, cy + sw * 0.7);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
  set_color (cr, theme->muted);
  show_text (cr, context, theme, px, PANGO_WEIGHT_NORMAL, label, x + sw + px * 0.4, cy, 0, 0);
  return x + sw + px * 0.4 + text_width (context, theme, px, PANGO_WEIGHT_NORMAL, label) + px * 1.6;
}

static PangoContext *
create_context (cairo_t *cr)
{
  PangoContext *context = pango_cairo_create_context (cr);
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_SLIGHT);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  return context;
}

/**
 * cak_chart_ranking_draw:
 * @font_px: the size of body text in device units
 *
 * Lays out and draws the ranking into a @width x @height frame of @cr.
 */
void
cak_chart_ranking_draw (cairo_t *cr, const CakRankingModel *model, const CakChartTheme *theme,
                        double width, double height, double font_px)
{
  PangoContext *context;
  CakRankingLayout layout;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (model != NULL);
  g_return_if_fail (theme != NULL);

  context = create_context (cr);
  cak_chart_ranking_layout (model, theme, context, width, height, font_px, &layout);
  g_object_unref (context);
  cak_chart_ranking_paint (cr, model, theme, &layout);
}

/**
 * cak_chart_ranking_paint:
 * @layout: from cak_chart_ranking_layout() for this model and theme
 *
 * Draws the ranking with a layout already computed, so that a widget redrawing for a hover
 * does not measure every name again.
 */
void
cak_chart_ranking_paint (cairo_t *cr, const CakRankingModel *model, const CakChartTheme *theme,
                         const CakRankingLayout *layout)
{
  PangoContext *context;
  CakRankingLayout lay;
  double width, height, font_px, x, avg_x = 0;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (model != NULL);
  g_return_if_fail (theme != NULL);
  g_return_if_fail (layout != NULL);

  lay = *layout;
  width = lay.width;
  height = lay.height;
  font_px = lay.font_px;
  context = create_context (cr);

  cairo_save (cr);
  set_color (cr, theme->background);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);

  /* Title, subtitle */
  set_color (cr, theme->text);
  show_text (cr, context, theme, font_px * 1.45, PANGO_WEIGHT_BOLD, model->title, lay.title.x,
             lay.title.y + lay.title.height / 2, 0, lay.title.width);
  set_color (cr, theme->muted);
  show_text (cr, context, theme, font_px, PANGO_WEIGHT_NORMAL, model->subtitle, lay.subtitle.x,
             lay.subtitle.y + lay.subtitle.height / 2, 0, lay.subtitle.width);

  /* Legend */
  x = lay.legend.x;
  if (lay.has_targets)
    {
      x = legend_swatch (cr, context, theme, &lay, x, 0, theme->bar, _ ("At or above target"));
      x = legend_swatch (cr, context, theme, &lay, x, 0, theme->below, _ ("Below target"));
      x = legend_swatch (cr, context, theme, &lay, x, 1, theme->target, _ ("Target"));
    }
  else
    x = legend_swatch (cr, context, theme, &lay, x, 0, theme->bar, _ ("Coverage"));
  if (!isnan (model->average))
    {
      g_autofree char *avg = cak_number_format_percent (model->average, 1, model->lang);
      /* Short, so that the legend fits beside the others: "Jawa Timur 31,6%" */
      g_autofree char *label = g_strdup_printf (
          "%s %s", model->average_label ? model->average_label : _ ("All regions"), avg);

      legend_swatch (cr, context, theme, &lay, x, 2, theme->average, label);
    }

  /* Grid and axis labels */
  cairo_set_line_width (cr, 1);
  for (guint i = 0; i < lay.ticks.n_ticks; i++)
    {
      double tx = round (cak_chart_ranking_x (&lay, lay.ticks.ticks[i])) + 0.5;
      g_autofree char *label
          = cak_number_format_percent (lay.ticks.ticks[i], lay.ticks.step < 1 ? 1 : 0, model->lang);

      set_color (cr, theme->grid);
      cairo_move_to (cr, tx, lay.plot.y - font_px * 0.3);
      cairo_line_to (cr, tx, lay.plot.y + lay.row_height * model->items->len);
      cairo_stroke (cr);
      set_color (cr, theme->muted);
      show_text (cr, context, theme, font_px * 0.85, PANGO_WEIGHT_NORMAL, label, tx,
                 lay.plot.y - font_px * 0.95, 0.5, 0);
    }

  /* Rows */
  for (guint i = 0; i < model->items->len; i++)
    {
      const CakRankingItem *item = &g_array_index (model->items, CakRankingItem, i);
      double top = lay.plot.y + i * lay.row_height;
      double cy = top + lay.row_height / 2;
      double by = round (cy - lay.bar_height / 2);
      g_autofree char *value = format_value (model, item->value);
      gboolean below = !isnan (item->target) && !isnan (item->value) && item->value < item->target;

      if ((int)i == model->selected || (int)i == model->highlighted)
        {
          CakColor c = theme->highlight;

          if ((int)i != model->selected)
            c.a = 0.6;
          set_color (cr, c);
          cairo_rectangle (cr, lay.pad * 0.5, top, width - lay.pad, lay.row_height);
          cairo_fill (cr);
        }

      set_color (cr, theme->text);
      show_text (cr, context, theme, lay.label_font_px,
                 (int)i == model->selected ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL, item->label,
                 lay.label_right, cy, 1, lay.label_right - lay.pad);

      if (isnan (item->value))
        {
          draw_hatch (cr, theme, lay.plot.x, by, lay.plot.width * 0.25, lay.bar_height);
          set_color (cr, theme->muted);
          show_text (cr, context, theme, lay.label_font_px, PANGO_WEIGHT_NORMAL, value,
                     lay.plot.x + lay.plot.width * 0.25 + font_px * 0.4, cy, 0, 0);
          continue;
        }

      set_color (cr, below ? theme->below : theme->bar);
      rounded_bar (cr, lay.plot.x, by,
                   cak_chart_ranking_x (&lay, MIN (item->value, lay.ticks.max)) - lay.plot.x,
                   lay.bar_height);
      cairo_fill (cr);

      if (!isnan (item->target))
        {
          double tx = round (cak_chart_ranking_x (&lay, item->target)) + 0.5;

          set_color (cr, theme->target);
          cairo_set_line_width (cr, MAX (2.0, font_px * 0.16));
          cairo_move_to (cr, tx, by - lay.bar_height * 0.2);
          cairo_line_to (cr, tx, by + lay.bar_height * 1.2);
          cairo_stroke (cr);
        }

      set_color (cr, theme->text);
      show_text (cr, context, theme, lay.label_font_px, PANGO_WEIGHT_BOLD, value,
                 MAX (cak_chart_ranking_x (&lay, MIN (item->value, lay.ticks.max)),
                      !isnan (item->target) ? cak_chart_ranking_x (&lay, item->target) : 0)
                     + font_px * 0.45,
                 cy, 0, 0);
    }

  /* The province line over the bars */
  if (!isnan (model->average))
    {
      double dash[] = { 5, 4 };

      avg_x = round (cak_chart_ranking_x (&lay, model->average)) + 0.5;
      set_color (cr, theme->average);
      cairo_set_line_width (cr, 2);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_move_to (cr, avg_x, lay.plot.y - font_px * 0.3);
      cairo_line_to (cr, avg_x, lay.plot.y + lay.row_height * model->items->len);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }

  /* Footer */
  set_color (cr, theme->muted);
  show_text (cr, context, theme, font_px * 0.82, PANGO_WEIGHT_NORMAL, model->footer, lay.footer.x,
             lay.footer.y + lay.footer.height / 2, 0, lay.footer.width);
  cairo_restore (cr);
  g_object_unref (context);
}

/**
 * cak_chart_ranking_describe:
 *
 * Returns: (transfer full): what the chart shows, in words, for screen readers: the top and
 * bottom regions and the province's coverage.
 */
char *
cak_chart_ranking_describe (const CakRankingModel *model)
{
  g_autoptr (GString) out = g_string_new (NULL);
  const CakRankingItem *top = NULL, *bottom = NULL;
  guint n_with = 0;

  g_return_val_if_fail (model != NULL, NULL);

  for (guint i = 0; i < model->items->len; i++)
    {
      const CakRankingItem *item = &g_array_index (model->items, CakRankingItem, i);

      if (isnan (item->value))
        continue;
      if (top == NULL)
        top = item;
      bottom = item;
      n_with++;
    }
  g_string_append_printf (out, "%s. %s.", model->title, model->subtitle);
  if (top)
    {
      g_autofree char *tv = cak_number_format_percent (top->value, 1, model->lang);
      g_autofree char *bv = cak_number_format_percent (bottom->value, 1, model->lang);

      g_string_append_printf (out, " ");
      g_string_append_printf (out, _ ("%u regions ranked. Highest: %s, %s. Lowest: %s, %s."),
                              n_with, top->label, tv, bottom->label, bv);
    }
  if (!isnan (model->average))
    {
      g_autofree char *avg = cak_number_format_percent (model->average, 1, model->lang);

      g_string_append_printf (out, " ");
      g_string_append_printf (out, _ ("%s as a whole: %s."),
                              model->average_label ? model->average_label : _ ("All regions"), avg);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}
