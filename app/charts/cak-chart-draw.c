/* cak-chart-draw.c: what the painters share: text, the frame, the legend, rows, formats
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cak-chart-draw"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cak-chart-private.h"
#include "cak-number.h"

/* Text */

static PangoLayout *
make_text (PangoContext *context, const CakChartTheme *theme, double px, PangoWeight weight,
           const char *text, double max_width)
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
  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int)(max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_attr_list_unref (attrs);
  pango_font_description_free (desc);
  return layout;
}

/**
 * cak_chart_text:
 *
 * Returns: (transfer none): @text shaped at @px, kept in @layout for the next redraw
 */
PangoLayout *
cak_chart_text (const CakChartLayout *layout, const CakChartTheme *theme, double px,
                PangoWeight weight, const char *text, double max_width)
{
  char key[64];
  g_autofree char *full = NULL;
  PangoLayout *pl;

  g_assert (layout != NULL && layout->texts != NULL);

  /* A text that fits needs no ellipsizing: one shaping serves both */
  if (max_width > 0)
    {
      PangoRectangle logical;

      pl = cak_chart_text (layout, theme, px, weight, text, 0);
      pango_layout_get_extents (pl, NULL, &logical);
      if (logical.width <= max_width * PANGO_SCALE)
        return pl;
    }
  g_snprintf (key, sizeof key, "%.2f|%d|%.1f|", px, (int)weight, MAX (0, max_width));
  full = g_strconcat (key, text, NULL);
  pl = g_hash_table_lookup (layout->texts, full);
  if (pl == NULL)
    {
      pl = make_text (layout->context, theme, px, weight, text, max_width);
      g_hash_table_insert (layout->texts, g_steal_pointer (&full), pl);
    }
  return pl;
}

double
cak_chart_text_width (const CakChartLayout *layout, const CakChartTheme *theme, double px,
                      PangoWeight weight, const char *text)
{
  PangoRectangle logical;

  pango_layout_get_extents (cak_chart_text (layout, theme, px, weight, text, 0), NULL, &logical);
  return logical.width / (double)PANGO_SCALE;
}

CakRect
cak_chart_text_rect (const CakChartLayout *layout, const CakChartTheme *theme, double px,
                     PangoWeight weight, const char *text, double x, double y, double align,
                     double max_width)
{
  PangoLayout *pl = cak_chart_text (layout, theme, px, weight, text, max_width);
  PangoRectangle logical;
  double w, h;

  pango_layout_get_extents (pl, NULL, &logical);
  w = logical.width / (double)PANGO_SCALE;
  h = logical.height / (double)PANGO_SCALE;
  return (CakRect){ round (x - w * align), round (y - h / 2.0), w, h };
}

CakRect
cak_chart_place_text (CakChartLayout *layout, const CakChartTheme *theme, double px,
                      PangoWeight weight, const char *text, double x, double y, double align,
                      double max_width)
{
  CakRect rect = cak_chart_text_rect (layout, theme, px, weight, text, x, y, align, max_width);

  g_array_append_val (layout->labels, rect);
  if (layout->placed)
    g_ptr_array_add (layout->placed, g_strdup (text));
  return rect;
}

void
cak_chart_show_text (cairo_t *cr, const CakChartLayout *layout, const CakChartTheme *theme,
                     double px, PangoWeight weight, const char *text, double x, double y,
                     double align, double max_width)
{
  PangoLayout *pl = cak_chart_text (layout, theme, px, weight, text, max_width);
  CakRect rect = cak_chart_text_rect (layout, theme, px, weight, text, x, y, align, max_width);

  cairo_move_to (cr, rect.x, rect.y);
  pango_cairo_show_layout (cr, pl);
}

double
cak_chart_label_min (const CakChartTheme *theme, double painter_min)
{
  return MAX (painter_min, theme->label_min_scale);
}

void
cak_chart_add_hit (CakChartLayout *layout, CakRect rect, int item)
{
  CakChartHit hit = { rect, item };

  g_array_append_val (layout->hits, hit);
}

gboolean
cak_rect_overlaps (const CakRect *a, const CakRect *b)
{
  /* Half a pixel of touching is not an overlap: rounding puts neighbours edge to edge. */
  return a->x + a->width > b->x + 0.5 && b->x + b->width > a->x + 0.5
         && a->y + a->height > b->y + 0.5 && b->y + b->height > a->y + 0.5;
}

gboolean
cak_rect_contains (const CakRect *r, double x, double y)
{
  return x >= r->x && x < r->x + r->width && y >= r->y && y < r->y + r->height;
}

/* Drawing */

void
cak_chart_set_color (cairo_t *cr, CakColor color)
{
  cairo_set_source_rgba (cr, color.r, color.g, color.b, color.a);
}

CakColor
cak_chart_mix (CakColor a, CakColor b, double t)
{
  return (CakColor){ a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t,
                     a.a + (b.a - a.a) * t };
}

/* A bar with its far end rounded; a negative width rounds the left end. */
void
cak_chart_rounded_bar (cairo_t *cr, double x, double y, double w, double h)
{
  double r;

  if (w < 0)
    {
      cairo_save (cr);
      cairo_translate (cr, 2 * x, 0);
      cairo_scale (cr, -1, 1);
      cak_chart_rounded_bar (cr, x, y, -w, h);
      cairo_restore (cr);
      return;
    }
  if (w <= 0 || h <= 0)
    return;
  r = MIN (h / 2.0, MIN (w, 3.0));
  cairo_new_sub_path (cr);
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x + w - r, y);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_line_to (cr, x + w, y + h - r);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_line_to (cr, x, y + h);
  cairo_close_path (cr);
}

/* No data is hatched, never drawn as an empty (zero) bar. The hatching is a small tile
 * repeated, which draws many rows of it in the time of one clipped stroke. */
void
cak_chart_hatch (cairo_t *cr, const CakChartTheme *theme, double x, double y, double w, double h)
{
  int step = (int)MAX (6.0, round (h / 2.5));
  cairo_surface_t *tile;
  cairo_pattern_t *pattern;
  cairo_matrix_t matrix;
  cairo_t *tc;

  if (w <= 0 || h <= 0)
    return;
  tile
      = cairo_surface_create_similar (cairo_get_target (cr), CAIRO_CONTENT_COLOR_ALPHA, step, step);
  tc = cairo_create (tile);
  cak_chart_set_color (tc, cak_chart_mix (theme->track, theme->muted, 0.35));
  cairo_set_line_width (tc, MAX (1.2, step / 5.0));
  /* One diagonal, and its ends in the corners, so that the tiles join */
  cairo_move_to (tc, -1, step + 1);
  cairo_line_to (tc, step + 1, -1);
  cairo_move_to (tc, -1, 1);
  cairo_line_to (tc, 1, -1);
  cairo_move_to (tc, step - 1, step + 1);
  cairo_line_to (tc, step + 1, step - 1);
  cairo_stroke (tc);
  cairo_destroy (tc);

  pattern = cairo_pattern_create_for_surface (tile);
  cairo_pattern_set_extend (pattern, CAIRO_EXTEND_REPEAT);
  cairo_matrix_init_translate (&matrix, -x, -y);
  cairo_pattern_set_matrix (pattern, &matrix);
  cairo_save (cr);
  cairo_set_source (cr, pattern);
  cairo_rectangle (cr, x, y, w, h);
  cairo_fill (cr);
  cairo_restore (cr);
  cairo_pattern_destroy (pattern);
  cairo_surface_destroy (tile);
}

void
cak_chart_fill_background (cairo_t *cr, const CakChartTheme *theme, const CakChartLayout *layout)
{
  cak_chart_set_color (cr, theme->background);
  cairo_rectangle (cr, 0, 0, layout->width, layout->height);
  cairo_fill (cr);
}

/* The frame */

#define TITLE_SCALE 1.45
#define FOOTER_SCALE 0.82

/* The size a text is drawn at so that it fits @width: @px, or smaller down to @min_px; below
 * that it is ellipsized. */
static double
fitting_px (CakChartLayout *layout, const CakChartTheme *theme, double px, double min_px,
            PangoWeight weight, const char *text, double width)
{
  double w = cak_chart_text_width (layout, theme, px, weight, text);

  if (w <= width || w <= 0)
    return px;
  return MAX (min_px, floor (px * width / w * 2) / 2);
}

/* A subtitle too long for one line even at its smallest size goes on two, broken at the
 * separator " · " that keeps the longer line shortest: "Jawa Timur · Desember 2024 · change
 * since Desember 2023" over "coverage = active participants ÷ workforce (BPS, 2024)". Returns
 * NULL when it fits one line or no break lets both lines fit. */
static char *
wrap_subtitle (CakChartLayout *layout, const CakChartTheme *theme, double px, const char *subtitle,
               double width)
{
  const char *best = NULL;
  double best_w = G_MAXDOUBLE;

  if (cak_chart_text_width (layout, theme, px, PANGO_WEIGHT_NORMAL, subtitle) <= width)
    return NULL;
  for (const char *p = strstr (subtitle, " · "); p; p = strstr (p + 1, " · "))
    {
      g_autofree char *first = g_strndup (subtitle, p - subtitle);
      const char *second = p + strlen (" · ");
      double w = MAX (cak_chart_text_width (layout, theme, px, PANGO_WEIGHT_NORMAL, first),
                      cak_chart_text_width (layout, theme, px, PANGO_WEIGHT_NORMAL, second));

      if (w <= width && w < best_w)
        {
          best = p;
          best_w = w;
        }
    }
  if (best == NULL)
    return NULL;
  return g_strdup_printf ("%.*s\n%s", (int)(best - subtitle), subtitle, best + strlen (" · "));
}

/* A title too long for one line at its smallest size goes on two, broken at the space that
 * keeps the longer line shortest; NULL when it fits or no break lets both lines fit. */
static char *
wrap_title (CakChartLayout *layout, const CakChartTheme *theme, double px, const char *title,
            double width)
{
  const char *best = NULL;
  double best_w = G_MAXDOUBLE;

  if (cak_chart_text_width (layout, theme, px, PANGO_WEIGHT_BOLD, title) <= width)
    return NULL;
  for (const char *p = strchr (title, ' '); p; p = strchr (p + 1, ' '))
    {
      g_autofree char *first = g_strndup (title, p - title);
      double w = MAX (cak_chart_text_width (layout, theme, px, PANGO_WEIGHT_BOLD, first),
                      cak_chart_text_width (layout, theme, px, PANGO_WEIGHT_BOLD, p + 1));

      if (w <= width && w < best_w)
        {
          best = p;
          best_w = w;
        }
    }
  if (best == NULL)
    return NULL;
  return g_strdup_printf ("%.*s\n%s", (int)(best - title), title, best + 1);
}

void
cak_chart_frame_layout (CakChartLayout *layout, const CakChartTheme *theme, const char *title,
                        const char *subtitle, const char *footer, gboolean has_legend)
{
  g_autofree char *wrapped = NULL;
  g_autofree char *wrapped_title = NULL;
  guint title_lines;
  double sub_h;
  double px = layout->font_px;
  double pad = layout->pad;
  double inner = layout->width - 2 * pad;
  double y = pad;
  double title_scale = theme->title_scale > 0 ? theme->title_scale : TITLE_SCALE;

  g_free (layout->title_text);
  g_free (layout->subtitle_text);
  g_free (layout->footer_text);
  layout->title_text = g_strdup (title);
  layout->subtitle_text = g_strdup (subtitle);
  layout->footer_text = g_strdup (footer);
  layout->title_px = fitting_px (layout, theme, px * title_scale, px * title_scale * 0.76,
                                 PANGO_WEIGHT_BOLD, title, inner);
  title_lines = 1;
  if (title && layout->height >= px * 22
      && (wrapped_title = wrap_title (layout, theme, layout->title_px, title, inner)))
    {
      layout->title_px = fitting_px (layout, theme, px * title_scale, px * title_scale * 0.76,
                                     PANGO_WEIGHT_BOLD, wrapped_title, inner);
      g_free (layout->title_text);
      layout->title_text = g_strdup (wrapped_title);
      title = layout->title_text;
      title_lines = 2;
    }
  layout->subtitle_px = subtitle && *subtitle ? fitting_px (layout, theme, px, px * 0.8,
                                                            PANGO_WEIGHT_NORMAL, subtitle, inner)
                                              : px;
  sub_h = px * 1.5;
  /* (not in a frame too low to give the plot a line: there the end is cut) */
  if (subtitle && *subtitle && layout->height >= px * 22
      && (wrapped = wrap_subtitle (layout, theme, layout->subtitle_px, subtitle, inner)))
    {
      /* Two lines read better than one shrunk further: back to the size it had */
      layout->subtitle_px
          = fitting_px (layout, theme, px, px * 0.8, PANGO_WEIGHT_NORMAL, wrapped, inner);
      g_free (layout->subtitle_text);
      layout->subtitle_text = g_strdup (wrapped);
      subtitle = layout->subtitle_text;
      sub_h += layout->subtitle_px * 1.25;
    }
  layout->title = (CakRect){ pad, y, inner,
                             px * 1.9 * MAX (1.0, title_scale / TITLE_SCALE)
                                 + (title_lines - 1) * layout->title_px * 1.2 };
  cak_chart_place_text (layout, theme, layout->title_px, PANGO_WEIGHT_BOLD, title, pad,
                        y + layout->title.height / 2, 0, inner);
  y += layout->title.height;
  layout->subtitle = (CakRect){ pad, y, inner, sub_h };
  if (subtitle && *subtitle)
    cak_chart_place_text (layout, theme, layout->subtitle_px, PANGO_WEIGHT_NORMAL, subtitle, pad,
                          y + layout->subtitle.height / 2, 0, inner);
  y += layout->subtitle.height;
  if (has_legend)
    {
      layout->legend = (CakRect){ pad, y + px * 0.5, inner, px * 1.4 };
      y += px * 2.2;
    }
  else
    {
      layout->legend = (CakRect){ pad, y, inner, 0 };
      y += px * 0.8;
    }
  layout->footer = (CakRect){ pad, layout->height - pad - px * 1.2, inner, px * 1.2 };
  if (footer && *footer)
    cak_chart_place_text (layout, theme, px * FOOTER_SCALE, PANGO_WEIGHT_NORMAL, footer, pad,
                          layout->footer.y + layout->footer.height / 2, 0, inner);
  layout->plot = (CakRect){ pad, y, inner, MAX (px, layout->footer.y - px * 1.0 - y) };
}

/* Draws what cak_chart_frame_layout() placed, from the texts it kept. */
void
cak_chart_frame_paint (cairo_t *cr, const CakChartLayout *layout, const CakChartTheme *theme)
{
  double px = layout->font_px;
  const char *subtitle = layout->subtitle_text;
  const char *footer = layout->footer_text;

  cak_chart_set_color (cr, theme->text);
  cak_chart_show_text (cr, layout, theme, layout->title_px, PANGO_WEIGHT_BOLD, layout->title_text,
                       layout->title.x, layout->title.y + layout->title.height / 2, 0,
                       layout->title.width);
  cak_chart_set_color (cr, theme->muted);
  if (subtitle && *subtitle)
    cak_chart_show_text (cr, layout, theme, layout->subtitle_px, PANGO_WEIGHT_NORMAL, subtitle,
                         layout->subtitle.x, layout->subtitle.y + layout->subtitle.height / 2, 0,
                         layout->subtitle.width);
  if (footer && *footer)
    cak_chart_show_text (cr, layout, theme, px * FOOTER_SCALE, PANGO_WEIGHT_NORMAL, footer,
                         layout->footer.x, layout->footer.y + layout->footer.height / 2, 0,
                         layout->footer.width);
}

double
cak_chart_frame_chrome_height (double font_px, gboolean has_legend)
{
  /* As cak_chart_frame_layout() places them: pads, title, subtitle, legend, footer */
  return 2 * round (font_px * 1.4) + font_px * (1.9 + 1.5 + (has_legend ? 2.2 : 0.8) + 1.0 + 1.2);
}

/**
 * cak_chart_subtitle:
 * @extra: (nullable): appended after the period, e.g. "change since Desember 2023"
 *
 * Returns: (transfer full): "Jawa Timur · Desember 2024 · coverage = active participants ÷
 * workforce (BPS, 2024)"
 */
char *
cak_chart_subtitle (const CakChartData *data, const char *extra)
{
  GString *out = g_string_new (data->place);

  if (cak_period_is_valid (data->period))
    {
      g_autofree char *period = cak_period_format (data->period, data->lang);

      g_string_append_printf (out, " · %s", period);
    }
  if (extra && *extra)
    g_string_append_printf (out, " · %s", extra);
  g_string_append (out, " · ");
  if (cak_period_is_valid (data->total.workforce_period))
    {
      g_autofree char *wf = cak_period_format (data->total.workforce_period, data->lang);

      g_string_append_printf (
          out,
          cak_lang_gettext (data->lang,
                            N_ ("coverage = active participants ÷ workforce (BPS, %s)")),
          wf);
    }
  else
    g_string_append (
        out, cak_lang_gettext (data->lang, N_ ("coverage = active participants ÷ workforce")));
  return g_string_free (out, FALSE);
}

char *
cak_chart_footer (const CakChartData *data)
{
  if (data->sources && *data->sources)
    return g_strdup_printf (cak_lang_gettext (data->lang, N_ ("Source: %s · as of %s")),
                            data->sources, data->as_of);
  return g_strdup_printf (cak_lang_gettext (data->lang, N_ ("As of %s")), data->as_of);
}

/* The legend */

static double
legend_swatch_width (double px)
{
  return px * 0.9;
}

#define LEGEND_LINE_EM 1.5

/* Where each entry's swatch goes: left to right, wrapping onto another line when the next
 * entry would not fit. Returns the number of lines. */
static guint
legend_positions (const CakChartLayout *layout, const CakChartTheme *theme,
                  const CakLegendEntry *entries, guint n_entries, double *xs, double *ys)
{
  double px = layout->font_px * 0.92;
  double sw = legend_swatch_width (px);
  double x = layout->legend.x;
  double right = layout->legend.x + layout->legend.width;
  guint line = 0;

  for (guint i = 0; i < n_entries; i++)
    {
      double w = sw + px * 0.4
                 + cak_chart_text_width (layout, theme, px, PANGO_WEIGHT_NORMAL, entries[i].label);

      if (x > layout->legend.x && x + w > right)
        {
          line++;
          x = layout->legend.x;
        }
      xs[i] = x;
      ys[i] = layout->legend.y + layout->font_px * 0.7 + line * layout->font_px * LEGEND_LINE_EM;
      x += w + px * 1.6;
    }
  return line + 1;
}

void
cak_chart_legend_layout (CakChartLayout *layout, const CakChartTheme *theme,
                         const CakLegendEntry *entries, guint n_entries)
{
  double px = layout->font_px * 0.92;
  double sw = legend_swatch_width (px);
  g_autofree double *xs = g_new (double, MAX (1u, n_entries));
  g_autofree double *ys = g_new (double, MAX (1u, n_entries));
  guint lines = legend_positions (layout, theme, entries, n_entries, xs, ys);

  for (guint i = 0; i < n_entries; i++)
    cak_chart_place_text (layout, theme, px, PANGO_WEIGHT_NORMAL, entries[i].label,
                          xs[i] + sw + px * 0.4, ys[i], 0, 0);
  /* Extra lines push the plot down */
  if (lines > 1)
    {
      double extra = (lines - 1) * layout->font_px * LEGEND_LINE_EM;

      layout->legend.height += extra;
      layout->plot.y += extra;
      layout->plot.height = MAX (layout->font_px, layout->plot.height - extra);
    }
}

void
cak_chart_legend_paint (cairo_t *cr, const CakChartLayout *layout, const CakChartTheme *theme,
                        const CakLegendEntry *entries, guint n_entries)
{
  double px = layout->font_px * 0.92;
  double sw = legend_swatch_width (px);
  g_autofree double *xs = g_new (double, MAX (1u, n_entries));
  g_autofree double *ys = g_new (double, MAX (1u, n_entries));

  legend_positions (layout, theme, entries, n_entries, xs, ys);
  for (guint i = 0; i < n_entries; i++)
    {
      const CakLegendEntry *e = &entries[i];
      double dash[] = { 4, 3 };
      double x = xs[i], cy = ys[i];

      cairo_save (cr);
      cak_chart_set_color (cr, e->color);
      switch (e->kind)
        {
          case CAK_LEGEND_BOX:
            cak_chart_rounded_bar (cr, x, cy - sw / 2, sw, sw);
            cairo_fill (cr);
            break;
          case CAK_LEGEND_OUTLINE:
            cairo_set_line_width (cr, 1.5);
            cairo_rectangle (cr, x + 0.75, cy - sw / 2 + 0.75, sw - 1.5, sw - 1.5);
            cairo_stroke (cr);
            break;
          case CAK_LEGEND_HATCH:
            cak_chart_hatch (cr, theme, x, cy - sw / 2, sw, sw);
            break;
          case CAK_LEGEND_DOT:
            cairo_arc (cr, x + sw / 2, cy, sw / 2, 0, 2 * G_PI);
            cairo_fill (cr);
            break;
          case CAK_LEGEND_TICK:
            cairo_set_line_width (cr, 2.5);
            cairo_move_to (cr, x + sw / 2, cy - sw * 0.7);
            cairo_line_to (cr, x + sw / 2, cy + sw * 0.7);
            cairo_stroke (cr);
            break;
          case CAK_LEGEND_DASH:
            cairo_set_line_width (cr, 2);
            cairo_set_dash (cr, dash, 2, 0);
            cairo_move_to (cr, x + sw / 2, cy - sw * 0.7);
            cairo_line_to (cr, x + sw / 2, cy + sw * 0.7);
            cairo_stroke (cr);
            break;
          case CAK_LEGEND_LINE:
          default:
            cairo_set_line_width (cr, 3);
            cairo_move_to (cr, x - sw * 0.3, cy);
            cairo_line_to (cr, x + sw * 1.1, cy);
            cairo_stroke (cr);
            break;
        }
      cairo_restore (cr);
      cak_chart_set_color (cr, theme->muted);
      cak_chart_show_text (cr, layout, theme, px, PANGO_WEIGHT_NORMAL, e->label, x + sw + px * 0.4,
                           cy, 0, 0);
    }
}

/* Rows */

static const CakChartData *sort_data;
static double (*sort_key) (const CakIndicatorRow *row);

static int
compare_by_key (gconstpointer a, gconstpointer b)
{
  const CakIndicatorRow *ra = &g_array_index (sort_data->rows, CakIndicatorRow, *(const int *)a);
  const CakIndicatorRow *rb = &g_array_index (sort_data->rows, CakIndicatorRow, *(const int *)b);
  double ka = sort_key (ra), kb = sort_key (rb);

  if (isnan (ka) != isnan (kb))
    return isnan (ka) ? 1 : -1;
  if (!isnan (ka) && ka != kb)
    return ka > kb ? -1 : 1;
  return g_utf8_collate (ra->region->name, rb->region->name);
}

/**
 * cak_chart_sort_items:
 *
 * Returns: (transfer full) (element-type int): every item, largest @key first, those without a
 * key (no data) last by name
 */
GArray *
cak_chart_sort_items (const CakChartData *data, double (*key) (const CakIndicatorRow *row))
{
  static GMutex lock;
  GArray *order = g_array_sized_new (FALSE, FALSE, sizeof (int), data->rows->len);

  for (guint i = 0; i < data->rows->len; i++)
    {
      int item = i;

      g_array_append_val (order, item);
    }
  /* g_array_sort has no user data in GLib 2.74; the statics are guarded for export threads. */
  g_mutex_lock (&lock);
  sort_data = data;
  sort_key = key;
  g_array_sort (order, compare_by_key);
  sort_data = NULL;
  g_mutex_unlock (&lock);
  return order;
}

GArray *
cak_chart_pick_rows (const GArray *order, guint n_fit)
{
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (int));
  guint half;
  int rest = CAK_CHART_ITEM_REST;

  if (order->len <= n_fit || n_fit < 5)
    {
      g_array_append_vals (rows, order->data, MIN (order->len, MAX (n_fit, order->len)));
      return rows;
    }
  /* The top and the bottom, equally many, with one row saying what lies between. */
  half = (n_fit - 1) / 2;
  g_array_append_vals (rows, order->data, half);
  g_array_append_val (rows, rest);
  g_array_append_vals (rows, &g_array_index (order, int, order->len - half), half);
  return rows;
}

/**
 * cak_chart_rows_plan:
 * @order: every item, sorted
 * @rows_h: the height the rows may take
 * @painter_min: the smallest label size the painter wants, in body sizes
 * @min_row_em, @row_em: the row's height in label sizes at the least and at most
 *
 * Decides which rows a bar chart draws, in how many columns, and how tall.
 */
void
cak_chart_rows_plan (CakChartRows *out, const CakChartLayout *layout, const CakChartTheme *theme,
                     const CakChartData *data, const GArray *order, double rows_h,
                     double painter_min, double min_row_em, double row_em)
{
  double px = layout->font_px;
  double min_px = px * cak_chart_label_min (theme, painter_min);
  double inner = layout->width - 2 * layout->pad;
  double gap = px * 2;
  guint n_fit = MAX (1u, (guint)floor (rows_h / (min_px * min_row_em)));

  memset (out, 0, sizeof *out);
  out->n_cols = 1;
  if (order->len > n_fit && (data->province != NULL || data->by_province))
    {
      /* Two columns need the width for two names and two bars */
      guint n_cols = inner >= px * 36 ? 2 : 1;
      guint per_col = (order->len + n_cols - 1) / n_cols;

      /* A thumbnail too small for every name even so summarises, as the country does */
      if (rows_h / per_col >= MAX (7.0, px * 0.55) * min_row_em)
        {
          out->rows = g_array_copy ((GArray *)order);
          out->n_cols = n_cols;
        }
    }
  if (out->rows == NULL)
    out->rows = order->len > n_fit
                    ? cak_chart_pick_rows_keeping (order, n_fit, cak_chart_focus_selected (layout))
                    : g_array_copy ((GArray *)order);
  out->per_col = MAX (1u, (out->rows->len + out->n_cols - 1) / out->n_cols);
  out->col_width = out->n_cols > 1 ? (inner - gap) / 2 : inner;
  out->step = out->col_width + gap;
  out->row_height = MIN (rows_h / out->per_col, px * row_em * 1.4);
  /* Never taller than the row: neighbours' names must not touch */
  out->label_px
      = MIN (px, MIN (MAX (min_px, out->row_height / min_row_em), out->row_height / 1.25));
}

void
cak_chart_rows_clear (CakChartRows *rows)
{
  g_clear_pointer (&rows->rows, g_array_unref);
  g_clear_pointer (&rows->names, g_ptr_array_unref);
}

static double
widest_name (const CakChartRows *rows, const CakChartLayout *layout, const CakChartTheme *theme,
             const CakChartData *data, gboolean short_names)
{
  double widest = 0;

  for (guint i = 0; i < rows->rows->len; i++)
    {
      int item = g_array_index (rows->rows, int, i);
      const char *name;
      g_autofree char *shortened = NULL;

      if (item < 0)
        continue;
      name = g_array_index (data->rows, CakIndicatorRow, item).region->name;
      if (short_names)
        name = shortened = cak_chart_short_name (name);
      /* Bold is the wider of the two weights a name is drawn in (selected) */
      widest = MAX (widest, cak_chart_text_width ((CakChartLayout *)layout, theme, rows->label_px,
                                                  PANGO_WEIGHT_BOLD, name));
    }
  return widest;
}

/**
 * cak_chart_rows_choose_names:
 * @max_width: the most the names may take
 *
 * Chooses full names for every row when the widest fits @max_width, else short names for
 * every row.
 *
 * Returns: the width the names take, at most @max_width
 */
double
cak_chart_rows_choose_names (CakChartRows *rows, const CakChartLayout *layout,
                             const CakChartTheme *theme, const CakChartData *data, double max_width)
{
  double widest = widest_name (rows, layout, theme, data, FALSE);

  g_return_val_if_fail (rows != NULL && rows->rows != NULL, 0);

  g_clear_pointer (&rows->names, g_ptr_array_unref);
  rows->short_names = widest > max_width;
  if (rows->short_names)
    {
      rows->names = g_ptr_array_new_full (data->rows->len, g_free);
      for (guint i = 0; i < data->rows->len; i++)
        g_ptr_array_add (
            rows->names,
            cak_chart_short_name (g_array_index (data->rows, CakIndicatorRow, i).region->name));
      widest = widest_name (rows, layout, theme, data, TRUE);
      /* Still too wide ("Kab. Bolaang Mongondow Selatan" in a narrow frame): the names take
       * from the bars, up to half again their share, before any is cut */
      return MIN (widest, max_width * 1.5);
    }
  return widest;
}

/* The name row @item shows, as chosen */
const char *
cak_chart_rows_name (const CakChartRows *rows, const CakChartData *data, int item)
{
  g_return_val_if_fail (item >= 0 && (guint)item < data->rows->len, NULL);

  if (rows->names)
    return g_ptr_array_index (rows->names, item);
  return g_array_index (data->rows, CakIndicatorRow, item).region->name;
}

double
cak_chart_rows_dx (const CakChartRows *rows, guint i)
{
  return (i / rows->per_col) * rows->step;
}

double
cak_chart_rows_top (const CakChartRows *rows, guint i, double plot_top)
{
  return plot_top + (i % rows->per_col) * rows->row_height;
}

char *
cak_chart_rest_text (CakChartLayout *layout, const CakChartTheme *theme, double px, guint n,
                     double max_width)
{
  g_autofree char *text
      = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "… and %u more regency or city in between",
                                      "… and %u more regencies and cities in between", n),
                         n);

  if (cak_chart_text_width (layout, theme, px, PANGO_WEIGHT_NORMAL, text) <= max_width)
    return g_steal_pointer (&text);
  /* TRANSLATORS: the short form of "… and %u more regencies and cities in between" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "… and %u more", "… and %u more", n), n);
}

/* The item the view selects, as the layout was computed for it */
int
cak_chart_focus_selected (const CakChartLayout *layout)
{
  return layout->focus.selected;
}

static int
position_in (const GArray *order, guint n_order, int item)
{
  for (guint i = 0; i < n_order; i++)
    if (g_array_index (order, int, i) == item)
      return i;
  return -1;
}

GArray *
cak_chart_pick_rows_keeping (const GArray *order, guint n_fit, int keep)
{
  GArray *rows = cak_chart_pick_rows (order, n_fit);
  int rest = CAK_CHART_ITEM_REST;
  guint half;

  if (keep < 0 || position_in (rows, rows->len, keep) >= 0
      || position_in (order, order->len, keep) < 0 || n_fit < 7)
    return rows;
  /* One fewer at the top and the bottom: the room for it and a second summary row */
  half = (n_fit - 1) / 2 - 1;
  g_array_set_size (rows, 0);
  g_array_append_vals (rows, order->data, half);
  g_array_append_val (rows, rest);
  g_array_append_val (rows, keep);
  g_array_append_val (rows, rest);
  g_array_append_vals (rows, &g_array_index (order, int, order->len - half), half);
  return rows;
}

guint
cak_chart_rest_count (const GArray *order, guint n_order, const GArray *rows, guint index)
{
  int before = index > 0 ? position_in (order, n_order, g_array_index (rows, int, index - 1)) : -1;
  int after = index + 1 < rows->len
                  ? position_in (order, n_order, g_array_index (rows, int, index + 1))
                  : -1;

  if (after < 0)
    after = n_order;
  return after > before + 1 ? after - before - 1 : 0;
}

/* Of the steps whose labels stand clear of each other, the one whose axis ends nearest above
 * @hi, so that the longest bar spans most of the width. */
void
cak_chart_people_ticks (const CakChartLayout *layout, const CakChartTheme *theme, CakLang lang,
                        double hi, double width, CakTicks *out_ticks)
{
  double px = layout->font_px;
  gboolean found = FALSE;

  for (guint m = 3; m <= CAK_MAX_TICKS; m++)
    {
      CakTicks t;
      double widest = 0;

      cak_ticks_compute (0, hi, m, &t);
      t.min = 0;
      if (found && t.max >= out_ticks->max - 1e-9 * hi)
        continue;
      for (guint i = 0; i < t.n_ticks; i++)
        {
          g_autofree char *label = cak_chart_format_people (t.ticks[i], lang);

          widest = MAX (
              widest, cak_chart_text_width (layout, theme, px * 0.85, PANGO_WEIGHT_NORMAL, label));
        }
      if (width * t.step / t.max < MAX (widest + px * 1.2, px * 4))
        continue;
      *out_ticks = t;
      found = TRUE;
    }
  if (!found)
    {
      cak_ticks_compute (0, hi, 2, out_ticks);
      out_ticks->min = 0;
    }
}

gboolean
cak_chart_has_targets (const CakChartData *data)
{
  for (guint i = 0; i < data->rows->len; i++)
    if (!isnan (g_array_index (data->rows, CakIndicatorRow, i).target_pct))
      return TRUE;
  return FALSE;
}

/* Formats */

char *
cak_chart_short_name (const char *name)
{
  /* Jakarta's: "Kabupaten Administrasi Kepulauan Seribu", "Kota Administrasi Jakarta Pusat" */
  if (g_str_has_prefix (name, "Kabupaten Administrasi "))
    return g_strconcat ("Kab. Adm. ", name + strlen ("Kabupaten Administrasi "), NULL);
  if (g_str_has_prefix (name, "Kota Administrasi "))
    return g_strconcat ("Kota Adm. ", name + strlen ("Kota Administrasi "), NULL);
  if (g_str_has_prefix (name, "Kabupaten "))
    return g_strconcat ("Kab. ", name + strlen ("Kabupaten "), NULL);
  /* Provinces, as they are commonly written short: "Kep. Riau", "DI Yogyakarta" */
  if (g_str_has_prefix (name, "Kepulauan "))
    return g_strconcat ("Kep. ", name + strlen ("Kepulauan "), NULL);
  if (g_str_has_prefix (name, "Daerah Istimewa "))
    return g_strconcat ("DI ", name + strlen ("Daerah Istimewa "), NULL);
  if (g_str_has_prefix (name, "Daerah Khusus Ibukota "))
    return g_strconcat ("DKI ", name + strlen ("Daerah Khusus Ibukota "), NULL);
  return g_strdup (name);
}

char *
cak_chart_format_people (double value, CakLang lang)
{
  return cak_number_format_short (value, lang);
}

static const double unit_factors[CAK_CHART_N_UNITS] = { 1, 1e3, 1e6, 1e9, 1e12 };

/* The unit a figure is written in: the largest it reaches once rounded ("999.960" is "1,0 jt") */
static guint
unit_of (double value)
{
  double a = fabs (value);

  for (guint i = CAK_CHART_N_UNITS - 1; i > 0; i--)
    if (a >= unit_factors[i] * 0.9995)
      return i;
  return 0;
}

/* Decimals for three significant digits, at most one: "729", "58,8", "2,5" */
static int
decimals_for (double value, guint unit)
{
  double m = fabs (value) / unit_factors[unit];

  if (unit == 0 || m >= 99.95)
    return 0;
  return 1;
}

void
cak_chart_people_init (CakChartPeople *people)
{
  g_return_if_fail (people != NULL);

  for (guint i = 0; i < CAK_CHART_N_UNITS; i++)
    people->decimals[i] = -1;
}

void
cak_chart_people_add (CakChartPeople *people, double value)
{
  guint unit;
  int d;

  g_return_if_fail (people != NULL);

  if (!isfinite (value) || value == 0)
    return;
  unit = unit_of (value);
  d = decimals_for (value, unit);
  /* The largest figure of a unit sets its decimals: the fewest any of them needs */
  people->decimals[unit] = people->decimals[unit] < 0 ? d : MIN (people->decimals[unit], d);
}

/**
 * cak_chart_people_format:
 *
 * Returns: (transfer full): @value in the unit and with the decimals @people chose for it:
 * "57,0 rb", "2,5 jt"; "57.0K" in English
 */
char *
cak_chart_people_format (const CakChartPeople *people, double value, CakLang lang)
{
  static const char *const id_units[] = { "", " rb", " jt", " M", " T" };
  static const char *const en_units[] = { "", "K", "M", "B", "T" };
  g_autofree char *number = NULL;
  guint unit;
  int d;

  g_return_val_if_fail (people != NULL, NULL);

  if (!isfinite (value))
    return cak_chart_format_people (value, lang);
  if (value == 0)
    return g_strdup ("0");
  unit = unit_of (value);
  d = people->decimals[unit] >= 0 ? people->decimals[unit] : decimals_for (value, unit);
  number = cak_number_format (value / unit_factors[unit], d, lang);
  return g_strconcat (number, lang == CAK_LANG_ID ? id_units[unit] : en_units[unit], NULL);
}

char *
cak_chart_format_pct (double value, int decimals, CakLang lang)
{
  if (isnan (value))
    return g_strdup (_ ("no data"));
  return cak_number_format_percent (value, decimals, lang);
}

/**
 * cak_chart_format_pp:
 *
 * Returns: (transfer full): a change in percentage points with its sign: "+1,2 pp"
 */
char *
cak_chart_format_pp (double value, CakLang lang)
{
  g_autofree char *number = NULL;
  g_autofree char *signed_number = NULL;
  double rounded = round (value * 10) / 10;

  if (isnan (value))
    return g_strdup (_ ("no data"));
  number = cak_number_format (fabs (rounded), 1, lang);
  signed_number = g_strconcat (rounded > 0 ? "+" : rounded < 0 ? "−" : "", number, NULL);
  /* TRANSLATORS: a change in percentage points, e.g. "+1.2 pp"; %s is the signed number */
  return g_strdup_printf (_ ("%s pp"), signed_number);
}

CakColor
cak_chart_coverage_color (const CakChartTheme *theme, const CakChartData *data,
                          const CakIndicatorRow *row)
{
  if (isnan (row->target_pct) || isnan (row->coverage_pct) || row->coverage_pct >= row->target_pct)
    return theme->bar;
  if (data->near_band > 0 && row->coverage_pct >= row->target_pct - data->near_band)
    return theme->near;
  return theme->below;
}
