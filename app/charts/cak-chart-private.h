/* cak-chart-private.h: what the painters share: the painter table, text, the frame, the legend
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cak-chart.h"

G_BEGIN_DECLS

/* One painter per kind. layout fills everything a test can check; paint only draws it. */
typedef struct
{
  void (*layout) (CakChartLayout *layout, const CakChartData *data, const CakChartTheme *theme);
  void (*paint) (cairo_t *cr, const CakChartLayout *layout, const CakChartData *data,
                 const CakChartFocus *focus, const CakChartTheme *theme);
  char *(*describe) (const CakChartData *data);
  /* NULL when the chart fits any height; else the height at which nothing is summarised. */
  double (*natural_height) (const CakChartData *data, const CakChartTheme *theme, double width,
                            double font_px);
  /* NULL when the hits' boxes say what is where; else the item at a point (maps) */
  int (*hit_test) (const CakChartLayout *layout, double x, double y);
  /* NULL unless the chart is drawn in two parts (see cak_chart_kind_has_base()); paint then
   * draws both */
  void (*paint_base) (cairo_t *cr, const CakChartLayout *layout, const CakChartData *data,
                      const CakChartTheme *theme);
  void (*paint_over) (cairo_t *cr, const CakChartLayout *layout, const CakChartData *data,
                      const CakChartFocus *focus, const CakChartTheme *theme);
  /* Whether the focus's zoom applies */
  gboolean can_zoom;
} CakChartPainter;

extern const CakChartPainter cak_chart_ranking_painter;
extern const CakChartPainter cak_chart_coverage_workforce_painter;
extern const CakChartPainter cak_chart_segments_painter;
extern const CakChartPainter cak_chart_trend_painter;
extern const CakChartPainter cak_chart_scatter_painter;
extern const CakChartPainter cak_chart_change_painter;
extern const CakChartPainter cak_chart_kpi_painter;
extern const CakChartPainter cak_chart_map_painter;
extern const CakChartPainter cak_chart_tilemap_painter;

/* Text. Sizes are in device units. Layouts of texts are kept in the chart layout, so a redraw
 * (a hover) shapes no text again. Every text placed goes through cak_chart_place_text, which
 * records its box in layout->labels, where the tests look for overlaps and cuts; paint draws it
 * again with cak_chart_show_text and the same arguments. */
PangoLayout *cak_chart_text (const CakChartLayout *layout, const CakChartTheme *theme, double px,
                             PangoWeight weight, const char *text, double max_width);
double cak_chart_text_width (const CakChartLayout *layout, const CakChartTheme *theme, double px,
                             PangoWeight weight, const char *text);
/* The box a text takes when placed at (x, y): align 0 left, 0.5 centre, 1 right of x; y is the
 * vertical centre. max_width > 0 ellipsizes. */
CakRect cak_chart_text_rect (const CakChartLayout *layout, const CakChartTheme *theme, double px,
                             PangoWeight weight, const char *text, double x, double y, double align,
                             double max_width);
CakRect cak_chart_place_text (CakChartLayout *layout, const CakChartTheme *theme, double px,
                              PangoWeight weight, const char *text, double x, double y,
                              double align, double max_width);
void cak_chart_show_text (cairo_t *cr, const CakChartLayout *layout, const CakChartTheme *theme,
                          double px, PangoWeight weight, const char *text, double x, double y,
                          double align, double max_width);

/* The smallest scale of body size a painter may shrink row labels to: its own, or the theme's
 * when larger (slides keep every label readable from the back of the room). */
double cak_chart_label_min (const CakChartTheme *theme, double painter_min);

void cak_chart_add_hit (CakChartLayout *layout, CakRect rect, int item);
gboolean cak_rect_overlaps (const CakRect *a, const CakRect *b);
gboolean cak_rect_contains (const CakRect *r, double x, double y);

/* Drawing */
void cak_chart_set_color (cairo_t *cr, CakColor color);
CakColor cak_chart_mix (CakColor a, CakColor b, double t);
void cak_chart_rounded_bar (cairo_t *cr, double x, double y, double w, double h);
void cak_chart_hatch (cairo_t *cr, const CakChartTheme *theme, double x, double y, double w,
                      double h);
void cak_chart_fill_background (cairo_t *cr, const CakChartTheme *theme,
                                const CakChartLayout *layout);

/* The frame every chart shares: title and subtitle on top, an optional legend below them, the
 * footer (sources, "as of") at the bottom; the plot gets the rest. */
void cak_chart_frame_layout (CakChartLayout *layout, const CakChartTheme *theme, const char *title,
                             const char *subtitle, const char *footer, gboolean has_legend);
void cak_chart_frame_paint (cairo_t *cr, const CakChartLayout *layout, const CakChartTheme *theme);
char *cak_chart_subtitle (const CakChartData *data, const char *extra);
/* The height of the frame around the plot, for natural heights */
double cak_chart_frame_chrome_height (double font_px, gboolean has_legend);
char *cak_chart_footer (const CakChartData *data);

/* Legend entries, laid out left to right in layout->legend (wrapping is not needed at the sizes
 * charts are drawn; the tests check that they fit). */
typedef enum
{
  CAK_LEGEND_BOX,
  CAK_LEGEND_TICK,
  CAK_LEGEND_DASH,
  CAK_LEGEND_LINE,
  CAK_LEGEND_OUTLINE,
  CAK_LEGEND_HATCH,
  CAK_LEGEND_DOT,
} CakLegendKind;

typedef struct
{
  CakLegendKind kind;
  CakColor color;
  const char *label;
} CakLegendEntry;

void cak_chart_legend_layout (CakChartLayout *layout, const CakChartTheme *theme,
                              const CakLegendEntry *entries, guint n_entries);
void cak_chart_legend_paint (cairo_t *cr, const CakChartLayout *layout, const CakChartTheme *theme,
                             const CakLegendEntry *entries, guint n_entries);

/* The regencies a by-regency bar chart shows, in order: all when they fit (or when scrolling),
 * else the top and the bottom with CAK_CHART_ITEM_REST between them. order holds every item,
 * already sorted; n_fit is how many rows fit. */
GArray *cak_chart_pick_rows (const GArray *order, guint n_fit);
/* The same, keeping @keep (the selected regency) in view: between two summary rows when it
 * lies in the middle. */
GArray *cak_chart_pick_rows_keeping (const GArray *order, guint n_fit, int keep);
/* How many of the first @n_order items of @order the summary row rows[@index] stands for */
guint cak_chart_rest_count (const GArray *order, guint n_order, const GArray *rows, guint index);
/* The regency the reader picked out (the window's selection, the presenter's regency) */
int cak_chart_focus_selected (const CakChartLayout *layout);
/* The rows a by-regency bar chart draws and how they stand. The whole country's regencies are
 * summarised by their top and bottom when they do not fit (cak_chart_pick_rows); a province's
 * are all drawn, running on in a second column when one column is too short, their type
 * shrinking further only when two are not enough. Column c is column 0 moved c * step right. */
typedef struct
{
  GArray *rows; /* int: items in drawing order, CAK_CHART_ITEM_REST for the summary */
  guint n_cols, per_col;
  double col_width, step;
  double row_height, label_px;
  /* The names the rows show: every one full, or every one short ("Kab. Blitar") when the
   * widest full name does not fit; one rule for the chart, never a mix. */
  gboolean short_names;
  GPtrArray *names; /* char *, by item */
} CakChartRows;

void cak_chart_rows_plan (CakChartRows *out, const CakChartLayout *layout,
                          const CakChartTheme *theme, const CakChartData *data, const GArray *order,
                          double rows_h, double painter_min, double min_row_em, double row_em);
void cak_chart_rows_clear (CakChartRows *rows);
double cak_chart_rows_choose_names (CakChartRows *rows, const CakChartLayout *layout,
                                    const CakChartTheme *theme, const CakChartData *data,
                                    double max_width);
const char *cak_chart_rows_name (const CakChartRows *rows, const CakChartData *data, int item);
/* Row @i's column offset and its top, below @plot_top */
double cak_chart_rows_dx (const CakChartRows *rows, guint i);
double cak_chart_rows_top (const CakChartRows *rows, guint i, double plot_top);

/* What the summary row of the regencies left out says: at length when it fits @max_width,
 * else "… and 482 more": never cut. */
char *cak_chart_rest_text (CakChartLayout *layout, const CakChartTheme *theme, double px, guint n,
                           double max_width);

/* Items sorted by a key, largest first, items whose key is NAN last (by name). */
GArray *cak_chart_sort_items (const CakChartData *data, double (*key) (const CakIndicatorRow *row));

/* What the tests read of a change chart: where a change of @pp points falls, NAN when the chart
 * shows no bars. */
double cak_chart_change_x_of (const CakChartLayout *layout, double pp);
const CakLegendEntry *cak_chart_change_get_legend (const CakChartLayout *layout, guint *out_n);

/* What the tests read of the key figures: each tile's box and the figure it shows as drawn. */
#define CAK_CHART_KPI_N_TILES 6
const char *cak_chart_kpi_get_tile (const CakChartLayout *layout, guint index, CakRect *out_rect);

/* What the tests read of a map: the point where a hit test finds @item (its dot, its place in the
 * inset, its label point, its tile) */
gboolean cak_chart_map_get_anchor (const CakChartLayout *layout, int item, double *out_x,
                                   double *out_y);

/* Nice ticks in people from 0 to at least hi on an axis width long, labels clear of each other */
void cak_chart_people_ticks (const CakChartLayout *layout, const CakChartTheme *theme, CakLang lang,
                             double hi, double width, CakTicks *out_ticks);
gboolean cak_chart_has_targets (const CakChartData *data);

/* Formats */
char *cak_chart_short_name (const char *name);              /* "Kab. Blitar" */
char *cak_chart_format_people (double value, CakLang lang); /* "449 rb", "1,2 jt" */

/* One precision for the figures in people a chart shows: every figure in the same unit with
 * the same decimals ("57,0 rb" beside "55,9 rb", never "57 rb"), chosen from the figures shown:
 * three significant digits for the largest of each unit, at most one decimal. Add every figure
 * first, then format. */
#define CAK_CHART_N_UNITS 5
typedef struct
{
  int decimals[CAK_CHART_N_UNITS]; /* per unit (ones, rb, jt, M, T); -1 when none was added */
} CakChartPeople;

void cak_chart_people_init (CakChartPeople *people);
void cak_chart_people_add (CakChartPeople *people, double value);
char *cak_chart_people_format (const CakChartPeople *people, double value, CakLang lang);

/* The colour of a coverage bar against its target and the near band. */
CakColor cak_chart_coverage_color (const CakChartTheme *theme, const CakChartData *data,
                                   const CakIndicatorRow *row);

G_END_DECLS
