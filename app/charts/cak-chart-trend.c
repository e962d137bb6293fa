/* cak-chart-trend.c: coverage over time, the province's and chosen regencies'
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cak-chart-trend"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cak-chart-trend.h"
#include "cak-number.h"

typedef CakTrendGeometry Trend;

/* Sizes in font sizes */
#define LABEL_SCALE 0.9 /* the names at the line ends */
#define AXIS_SCALE 0.85
#define CONNECTOR_EM 1.1 /* room between the plot and the names, for their connectors */
#define MAX_SERIES 6     /* theme->series */

static void
trend_free (gpointer p)
{
  Trend *t = p;

  for (guint i = 0; t->lines && i < t->lines->len; i++)
    g_free (g_array_index (t->lines, CakTrendLine, i).y);
  for (guint i = 0; t->end_labels && i < t->end_labels->len; i++)
    g_free (g_array_index (t->end_labels, CakTrendLabel, i).text);
  for (guint i = 0; t->texts && i < t->texts->len; i++)
    g_free (g_array_index (t->texts, CakTrendText, i).text);
  g_clear_pointer (&t->lines, g_array_unref);
  g_clear_pointer (&t->target, g_array_unref);
  g_clear_pointer (&t->end_labels, g_array_unref);
  g_clear_pointer (&t->texts, g_array_unref);
  g_clear_pointer (&t->year_lines, g_array_unref);
  g_free (t->x);
  g_free (t);
}

/**
 * cak_trend_runs:
 * @values: (array length=n): a series, NAN where it has no value
 *
 * Returns: (transfer full) (element-type CakTrendRun): the stretches of consecutive values, which
 * are drawn as lines; a run of one is drawn as a dot. A missing value breaks the line: it is never
 * bridged, nor drawn as zero.
 */
GArray *
cak_trend_runs (const double *values, guint n)
{
  GArray *runs = g_array_new (FALSE, FALSE, sizeof (CakTrendRun));
  CakTrendRun run = { 0, 0 };

  for (guint i = 0; i < n; i++)
    {
      if (isnan (values[i]))
        {
          if (run.length > 0)
            g_array_append_val (runs, run);
          run.length = 0;
          continue;
        }
      if (run.length == 0)
        run.start = i;
      run.length++;
    }
  if (run.length > 0)
    g_array_append_val (runs, run);
  return runs;
}

typedef struct
{
  guint first, count;
  double sum, height, top;
} Cluster;

static const double *spread_centres;

static int
compare_centres (gconstpointer a, gconstpointer b)
{
  double ca = spread_centres[*(const guint *)a], cb = spread_centres[*(const guint *)b];

  return ca < cb ? -1 : ca > cb ? 1 : (int)*(const guint *)a - (int)*(const guint *)b;
}

/**
 * cak_trend_spread:
 * @centres: (array length=n) (inout): where each label would like its vertical centre; on return,
 *   where it goes
 * @heights: (array length=n): their heights
 * @lo: the top of the room they have
 * @hi: its bottom
 * @gap: the least space between two
 *
 * Moves labels apart vertically so that none overlaps another and all stay within @lo..@hi,
 * keeping their order and each group of crowded labels centred on where its members would like to
 * be.
 *
 * Returns: %FALSE, leaving @centres alone, when they do not fit in the room
 */
gboolean
cak_trend_spread (double *centres, const double *heights, guint n, double lo, double hi, double gap)
{
  static GMutex lock;
  g_autofree guint *order = NULL;
  g_autofree Cluster *clusters = NULL;
  guint n_clusters = 0;
  double need = 0;

  g_return_val_if_fail (n == 0 || (centres != NULL && heights != NULL), FALSE);

  for (guint i = 0; i < n; i++)
    need += heights[i] + (i > 0 ? gap : 0);
  if (need > hi - lo + 1e-9)
    return FALSE;

  order = g_new (guint, MAX (1u, n));
  for (guint i = 0; i < n; i++)
    order[i] = i;
  g_mutex_lock (&lock);
  spread_centres = centres;
  qsort (order, n, sizeof (guint), compare_centres);
  spread_centres = NULL;
  g_mutex_unlock (&lock);

  /* Each label starts a cluster; a cluster that overlaps the one above joins it, and the joined
   * cluster sits at the mean of the tops its members ask for, within lo..hi. */
  clusters = g_new (Cluster, MAX (1u, n));
  for (guint k = 0; k < n; k++)
    {
      double h = heights[order[k]];
      Cluster c = { k, 1, centres[order[k]] - h / 2, h, 0 };

      c.top = CLAMP (c.sum, lo, hi - c.height);
      clusters[n_clusters++] = c;
      while (n_clusters > 1)
        {
          Cluster *a = &clusters[n_clusters - 2], *b = &clusters[n_clusters - 1];

          if (a->top + a->height + gap <= b->top + 1e-9)
            break;
          a->sum += b->sum - b->count * (a->height + gap);
          a->count += b->count;
          a->height += gap + b->height;
          a->top = CLAMP (a->sum / a->count, lo, hi - a->height);
          n_clusters--;
        }
    }
  for (guint c = 0; c < n_clusters; c++)
    {
      double y = clusters[c].top;

      for (guint k = clusters[c].first; k < clusters[c].first + clusters[c].count; k++)
        {
          double h = heights[order[k]];

          centres[order[k]] = y + h / 2;
          y += h + gap;
        }
    }
  return TRUE;
}

/* Names */

static const char *
item_name (const CakChartData *data, int item)
{
  if (item == CAK_CHART_ITEM_TOTAL)
    return data->place;
  if (item == CAK_CHART_ITEM_NATIONAL)
    return "Indonesia";
  if (item == CAK_CHART_ITEM_PEER)
    return data->peer_place;
  return g_array_index (data->rows, CakIndicatorRow, item).region->name;
}

/* "Kep. Bangka Belitung", "DKI Jakarta", "DI Yogyakarta": the short forms BPS tables use */
static char *
short_province_name (const char *name)
{
  static const char *const prefixes[][2] = {
    { "Daerah Khusus Ibukota ", "DKI " },
    { "Daerah Istimewa ", "DI " },
    { "Kepulauan ", "Kep. " },
  };

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_str_has_prefix (name, prefixes[i][0]))
      return g_strconcat (prefixes[i][1], name + strlen (prefixes[i][0]), NULL);
  return g_strdup (name);
}

static char *
title_of (void)
{
  return g_strdup (_ ("Coverage over time"));
}

static char *
subtitle_of (const CakChartData *data)
{
  g_autofree char *since = NULL;

  if (data->periods->len > 1)
    {
      g_autofree char *first
          = cak_period_format (g_array_index (data->periods, CakPeriod, 0), data->lang);

      /* TRANSLATORS: in the trend's subtitle, the first period drawn: "since January 2022" */
      since = g_strdup_printf (_ ("since %s"), first);
    }
  return cak_chart_subtitle (data, since);
}

static char *
footer_of (const CakChartData *data, gboolean has_gaps)
{
  g_autofree char *footer = cak_chart_footer (data);

  if (!has_gaps)
    return g_steal_pointer (&footer);
  return g_strdup_printf ("%s · %s", footer, _ ("a break in a line: no data for that period"));
}

/* The calendar */

static CakPeriod
period_at (const CakChartData *data, guint i)
{
  return g_array_index (data->periods, CakPeriod, i);
}

/* The label of the tick at month @ord (counted from January of year 0). */
static char *
tick_text (guint ord, CakPeriodKind kind, guint step, gboolean with_year, CakLang lang)
{
  static const char *const roman[] = { "I", "II", "III", "IV" };
  guint year = ord / 12, month = ord % 12 + 1;
  g_autofree char *part = NULL;

  if (step >= 12 || kind == CAK_PERIOD_YEAR)
    return g_strdup_printf ("%u", year);
  switch (kind)
    {
      case CAK_PERIOD_QUARTER:
        part = lang == CAK_LANG_ID ? g_strdup_printf ("TW %s", roman[(month - 1) / 3])
                                   : g_strdup_printf ("Q%u", (month - 1) / 3 + 1);
        break;
      case CAK_PERIOD_SEMESTER:
        part = lang == CAK_LANG_ID ? g_strdup_printf ("Sem %s", roman[(month - 1) / 6])
                                   : g_strdup_printf ("H%u", (month - 1) / 6 + 1);
        break;
      case CAK_PERIOD_MONTH:
      default:
        {
          /* The first three letters: Jan ... Mei ... Agu ... Des, or Jan ... May ... Dec */
          g_autofree char *full = cak_period_format (cak_period_month (year, month), lang);

          part = g_strndup (full, 3);
        }
        break;
    }
  if (with_year)
    return g_strdup_printf ("%s %u", part, year);
  return g_steal_pointer (&part);
}

static void
add_text (Trend *t, CakChartLayout *layout, const CakChartTheme *theme, char *text, double x,
          double y, double align, double px)
{
  CakTrendText tt = { text, x, y, align, px };

  cak_chart_place_text (layout, theme, px, PANGO_WEIGHT_NORMAL, text, x, y, align, 0);
  g_array_append_val (t->texts, tt);
}

/* Ticks along the time axis every @step months, as many as fit without touching. */
static void
layout_time_axis (Trend *t, CakChartLayout *layout, const CakChartData *data,
                  const CakChartTheme *theme, double plot_x, double plot_w)
{
  static const guint steps[] = { 1, 3, 6, 12, 24, 60, 120, 240, 600 };
  double px = layout->font_px * AXIS_SCALE;
  double y = t->bottom + layout->font_px * 1.25;
  CakPeriodKind kind = period_at (data, 0).kind;
  guint unit = kind == CAK_PERIOD_MONTH      ? 1
               : kind == CAK_PERIOD_QUARTER  ? 3
               : kind == CAK_PERIOD_SEMESTER ? 6
                                             : 12;
  guint o0 = cak_period_first_month (period_at (data, 0));
  guint o1 = cak_period_first_month (period_at (data, data->periods->len - 1));
  double lo = layout->pad, hi = layout->width - layout->pad;

  for (guint o = (o0 + 11) / 12 * 12; o <= o1 && o1 > o0; o += 12)
    if (o > o0)
      {
        double x = cak_scale_map (o, o0, o1, plot_x, plot_x + plot_w);

        g_array_append_val (t->year_lines, x);
      }

  if (o1 == o0)
    {
      g_autofree char *text = cak_period_format (period_at (data, 0), data->lang);

      add_text (t, layout, theme, g_steal_pointer (&text), plot_x + plot_w / 2, y, 0.5, px);
      return;
    }

  for (guint s = 0; s < G_N_ELEMENTS (steps); s++)
    {
      g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
      g_autoptr (GArray) xs = g_array_new (FALSE, FALSE, sizeof (double));
      gboolean fits = TRUE, last_step = s + 1 == G_N_ELEMENTS (steps);
      double right = -INFINITY;

      if (steps[s] < unit || (steps[s] % unit != 0 && steps[s] < 12))
        continue;
      for (guint o = (o0 + steps[s] - 1) / steps[s] * steps[s]; o <= o1; o += steps[s])
        {
          char *text = tick_text (o, kind, steps[s], texts->len == 0 || o % 12 == 0, data->lang);
          double x = cak_scale_map (o, o0, o1, plot_x, plot_x + plot_w);
          double w = cak_chart_text_width (layout, theme, px, PANGO_WEIGHT_NORMAL, text);

          /* Kept inside the frame: the first and last may be nudged in. */
          x = CLAMP (x, lo + w / 2, hi - w / 2);
          if (x - w / 2 < right + layout->font_px * 1.2)
            fits = FALSE;
          right = x + w / 2;
          g_ptr_array_add (texts, text);
          g_array_append_val (xs, x);
        }
      if (!fits && !last_step)
        continue;
      for (guint i = 0; i < texts->len; i++)
        {
          double x = g_array_index (xs, double, i);

          if (fits || i == texts->len - 1)
            add_text (t, layout, theme, g_strdup (texts->pdata[i]), x, y, 0.5, px);
        }
      return;
    }
}

/* The lines */

static gboolean
has_item (GArray *items, int item)
{
  for (guint i = 0; i < items->len; i++)
    if (g_array_index (items, int, i) == item)
      return TRUE;
  return FALSE;
}

/* The regencies drawn in colour: those asked for, then the selected one. */
static GArray *
pick_series (const CakChartData *data, int selected)
{
  GArray *items = g_array_new (FALSE, FALSE, sizeof (int));
  /* The compared province takes the last colour */
  guint max = data->has_peer ? MAX_SERIES - 1 : MAX_SERIES;

  for (guint i = 0; data->trend_items && i < data->trend_items->len; i++)
    {
      int item = g_array_index (data->trend_items, int, i);

      if (item >= 0 && (guint)item < data->rows->len && !has_item (items, item) && items->len < max)
        g_array_append_val (items, item);
    }
  if (selected >= 0 && (guint)selected < data->rows->len && !has_item (items, selected))
    {
      if (items->len == max)
        g_array_remove_index (items, max - 1);
      g_array_append_val (items, selected);
    }
  return items;
}

static gboolean
shows_context (const CakChartData *data)
{
  return (data->trend_items == NULL || data->trend_items->len == 0) && data->rows->len > 1;
}

static int
last_value (const CakChartData *data, int item, double *out_value)
{
  for (int p = (int)data->periods->len - 1; p >= 0; p--)
    {
      double v = cak_chart_data_history (data, item, p);

      if (!isnan (v))
        {
          *out_value = v;
          return p;
        }
    }
  *out_value = NAN;
  return -1;
}

static void
add_line (GArray *lines, const CakChartData *data, int item, CakTrendRole role, guint color)
{
  CakTrendLine line = { item, role, color, NULL, -1 };
  double v;

  line.last = last_value (data, item, &v);
  if (line.last < 0)
    return;
  line.y = g_new (double, MAX (1u, data->periods->len));
  g_array_append_val (lines, line);
}

static void
pick_lines (Trend *t, const CakChartData *data)
{
  g_autoptr (GArray) series = pick_series (data, t->selected);
  int top = CAK_CHART_ITEM_NONE, bottom = CAK_CHART_ITEM_NONE;
  double top_v = -INFINITY, bottom_v = INFINITY;

  if (shows_context (data))
    {
      guint last = data->periods->len - 1;

      /* The highest and the lowest in the latest period are named, to give the spread its ends. */
      for (guint i = 0; i < data->rows->len; i++)
        {
          double v = cak_chart_data_history (data, i, last);

          if (isnan (v) || has_item (series, i))
            continue;
          if (v > top_v)
            top_v = v, top = i;
          if (v < bottom_v)
            bottom_v = v, bottom = i;
        }
      if (data->rows->len < 3)
        top = bottom = CAK_CHART_ITEM_NONE;
      for (guint i = 0; i < data->rows->len; i++)
        if ((int)i != top && (int)i != bottom && !has_item (series, i))
          add_line (t->lines, data, i, CAK_TREND_CONTEXT, 0);
      if (bottom != CAK_CHART_ITEM_NONE)
        add_line (t->lines, data, bottom, CAK_TREND_EXTREME, 0);
      if (top != CAK_CHART_ITEM_NONE && top != bottom)
        add_line (t->lines, data, top, CAK_TREND_EXTREME, 0);
    }
  for (guint i = 0; i < series->len; i++)
    add_line (t->lines, data, g_array_index (series, int, i), CAK_TREND_SERIES, i % MAX_SERIES);
  /* The country as the peer is drawn once, named as the peer */
  if (data->has_national
      && !(data->has_peer && g_strcmp0 (data->peer_code, CAK_CHART_PEER_COUNTRY) == 0))
    add_line (t->lines, data, CAK_CHART_ITEM_NATIONAL, CAK_TREND_NATIONAL, 0);
  if (data->has_peer)
    add_line (t->lines, data, CAK_CHART_ITEM_PEER, CAK_TREND_PEER, MAX_SERIES - 1);
  add_line (t->lines, data, CAK_CHART_ITEM_TOTAL, CAK_TREND_TOTAL, 0);
}

/* The labels at the line ends */

static void
add_end_label (GArray *labels, const CakChartData *data, int item, PangoWeight weight)
{
  CakTrendLabel label = { item, NULL, weight };
  g_autofree char *value = NULL;
  g_autofree char *name = NULL;
  double v;

  if (last_value (data, item, &v) < 0)
    return;
  value = cak_number_format_percent (v, 1, data->lang);
  name = item < 0 ? g_strdup (item_name (data, item))
                  : cak_chart_short_name (item_name (data, item));
  label.text = g_strdup_printf ("%s %s", name, value);
  g_array_append_val (labels, label);
}

static double
last_target (const CakChartData *data)
{
  for (int p = (int)data->periods->len - 1; p >= 0; p--)
    if (!isnan (data->history_target[p]))
      return data->history_target[p];
  return NAN;
}

/* In the order they give way when the column is too short: the last is dropped first. */
static GArray *
build_end_labels (Trend *t, const CakChartData *data)
{
  GArray *labels = g_array_new (FALSE, TRUE, sizeof (CakTrendLabel));
  double target = last_target (data);

  add_end_label (labels, data, CAK_CHART_ITEM_TOTAL, PANGO_WEIGHT_BOLD);
  if (!isnan (target))
    {
      g_autofree char *value = cak_number_format_percent (target, 0, data->lang);
      CakTrendLabel label = { CAK_CHART_ITEM_NONE, NULL, PANGO_WEIGHT_NORMAL };

      /* TRANSLATORS: beside the trend's target line: "Target 40%" */
      label.text = g_strdup_printf (_ ("Target %s"), value);
      g_array_append_val (labels, label);
    }
  if (t->selected >= 0 && (guint)t->selected < data->rows->len)
    add_end_label (labels, data, t->selected, PANGO_WEIGHT_BOLD);
  for (guint role = CAK_TREND_SERIES + 1; role-- > CAK_TREND_CONTEXT + 1;)
    for (guint i = 0; i < t->lines->len; i++)
      {
        const CakTrendLine *line = &g_array_index (t->lines, CakTrendLine, i);

        if (line->role == role && line->item != t->selected)
          add_end_label (labels, data, line->item, PANGO_WEIGHT_NORMAL);
      }
  return labels;
}

static void
free_end_label (CakTrendLabel *label)
{
  g_free (label->text);
}

static const CakTrendLine *
find_line (const Trend *t, int item)
{
  for (guint i = 0; i < t->lines->len; i++)
    if (g_array_index (t->lines, CakTrendLine, i).item == item)
      return &g_array_index (t->lines, CakTrendLine, i);
  return NULL;
}

/* Puts the names in the column right of the plot, each as near its line's end as the others
 * allow; the least important give way when they cannot all fit. */
static void
layout_end_labels (Trend *t, CakChartLayout *layout, const CakChartTheme *theme, double max_w)
{
  double px = t->label_px;

  while (t->end_labels->len > 0)
    {
      guint n = t->end_labels->len;
      g_autofree double *centres = g_new (double, n);
      g_autofree double *heights = g_new (double, n);

      for (guint i = 0; i < n; i++)
        {
          CakTrendLabel *label = &g_array_index (t->end_labels, CakTrendLabel, i);
          CakRect r
              = cak_chart_text_rect (layout, theme, px, label->weight, label->text, 0, 0, 0, max_w);

          centres[i] = label->anchor_y;
          heights[i] = r.height;
        }
      if (cak_trend_spread (centres, heights, n, layout->plot.y - layout->font_px * 0.8,
                            t->bottom + px * 0.4, px * 0.1))
        {
          for (guint i = 0; i < n; i++)
            {
              CakTrendLabel *label = &g_array_index (t->end_labels, CakTrendLabel, i);

              label->y = centres[i];
              label->rect = cak_chart_place_text (layout, theme, px, label->weight, label->text,
                                                  t->label_x, label->y, 0, max_w);
            }
          return;
        }
      free_end_label (&g_array_index (t->end_labels, CakTrendLabel, n - 1));
      g_array_remove_index (t->end_labels, n - 1);
    }
}

/* Hits: one small box per point of each line, so the pointer finds the nearest point. Two
 * points at exactly one place (equal values) keep the first, the more important line's. */
static void
add_point_hits (Trend *t, CakChartLayout *layout, const CakTrendLine *line, double w, double h,
                GHashTable *taken)
{
  for (guint p = 0; p < t->n_periods; p++)
    {
      CakRect r;
      char key[64];

      if (isnan (line->y[p]))
        continue;
      r = (CakRect){ t->x[p] - w / 2, line->y[p] - h / 2, w, h };
      g_snprintf (key, sizeof key, "%a %a", r.x + r.width / 2, r.y + r.height / 2);
      if (g_hash_table_contains (taken, key))
        continue;
      g_hash_table_add (taken, g_strdup (key));
      cak_chart_add_hit (layout, r, line->item);
    }
}

static void
trend_layout (CakChartLayout *layout, const CakChartData *data, const CakChartTheme *theme)
{
  Trend *t = g_new0 (Trend, 1);
  double px = layout->font_px;
  double axis_px = px * AXIS_SCALE;
  double hi = 0, ylab_w = 0, col_w = 0, max_col_w, plot_x, plot_w, spacing;
  guint n = data->periods->len;
  g_autofree char *title = title_of ();
  g_autofree char *subtitle = subtitle_of (data);
  g_autofree char *footer = NULL;
  g_autoptr (GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  layout->priv = t;
  layout->priv_free = trend_free;
  t->n_periods = n;
  t->selected = layout->focus.selected;
  t->x = g_new0 (double, MAX (1u, n));
  t->lines = g_array_new (FALSE, FALSE, sizeof (CakTrendLine));
  t->target = g_array_new (FALSE, FALSE, sizeof (CakTrendStep));
  t->texts = g_array_new (FALSE, FALSE, sizeof (CakTrendText));
  t->year_lines = g_array_new (FALSE, FALSE, sizeof (double));
  t->label_px = px * LABEL_SCALE;
  if (n > 0)
    pick_lines (t, data);
  t->end_labels
      = n > 0 ? build_end_labels (t, data) : g_array_new (FALSE, TRUE, sizeof (CakTrendLabel));

  for (guint i = 0; i < t->lines->len && !t->has_gaps; i++)
    {
      const CakTrendLine *line = &g_array_index (t->lines, CakTrendLine, i);
      g_autoptr (GArray) runs = NULL;
      g_autofree double *v = g_new (double, n);

      if (line->role == CAK_TREND_CONTEXT)
        continue;
      for (guint p = 0; p < n; p++)
        v[p] = cak_chart_data_history (data, line->item, p);
      runs = cak_trend_runs (v, n);
      /* A line that starts late or ends early has no gap; one broken in between has. */
      t->has_gaps = runs->len > 1;
    }
  footer = footer_of (data, t->has_gaps);

  if (shows_context (data) && t->lines->len > 1)
    {
      t->legend[0] = (CakLegendEntry){ CAK_LEGEND_LINE,
                                       cak_chart_mix (theme->background, theme->muted, 0.35),
                                       data->by_province ? _ ("Other provinces")
                                                         : _ ("Other regencies and cities") };
      t->n_legend = 1;
    }
  cak_chart_frame_layout (layout, theme, title, subtitle, footer, t->n_legend > 0);
  cak_chart_legend_layout (layout, theme, t->legend, t->n_legend);

  /* Room above for half the top tick's label, below for the time axis. */
  t->top = layout->plot.y + px * 0.9;
  t->bottom = MAX (t->top + px, layout->plot.y + layout->plot.height - px * 2.0);

  if (n == 0 || t->lines->len == 0)
    {
      layout->plot = (CakRect){ layout->plot.x, t->top, layout->plot.width, t->bottom - t->top };
      t->ticks.n_ticks = 0;
      add_text (t, layout, theme, g_strdup (_ ("No history to show")),
                layout->plot.x + layout->plot.width / 2, (t->top + t->bottom) / 2, 0.5, px);
      return;
    }

  for (guint i = 0; i < t->lines->len; i++)
    for (guint p = 0; p < n; p++)
      {
        double v = cak_chart_data_history (data, g_array_index (t->lines, CakTrendLine, i).item, p);

        if (!isnan (v))
          hi = MAX (hi, v);
      }
  for (guint p = 0; p < n; p++)
    if (!isnan (data->history_target[p]))
      hi = MAX (hi, data->history_target[p]);
  cak_ticks_compute (0, hi > 0 ? hi : 10, MAX (3, (guint)((t->bottom - t->top) / (px * 3.4))),
                     &t->ticks);
  t->ticks.min = 0;
  if (t->ticks.max > 100 && hi <= 100)
    {
      t->ticks.max = 100;
      while (t->ticks.n_ticks > 0 && t->ticks.ticks[t->ticks.n_ticks - 1] > 100)
        t->ticks.n_ticks--;
    }

  for (guint i = 0; i < t->ticks.n_ticks; i++)
    {
      g_autofree char *label = cak_number_format_percent (
          t->ticks.ticks[i], cak_tick_decimals (t->ticks.step), data->lang);

      ylab_w
          = MAX (ylab_w, cak_chart_text_width (layout, theme, axis_px, PANGO_WEIGHT_NORMAL, label));
    }
  /* A province's name too long for the column is written as BPS abbreviates it, and past that
   * its line is named by its figure alone (the key figures and the description name it). */
  for (guint i = 0; i < t->end_labels->len; i++)
    {
      CakTrendLabel *label = &g_array_index (t->end_labels, CakTrendLabel, i);
      double v;

      if ((label->item != CAK_CHART_ITEM_PEER && label->item != CAK_CHART_ITEM_TOTAL)
          || cak_chart_text_width (layout, theme, t->label_px, label->weight, label->text)
                 <= layout->width * 0.45
          || last_value (data, label->item, &v) < 0)
        continue;
      g_free (label->text);
      {
        g_autofree char *value = cak_number_format_percent (v, 1, data->lang);
        g_autofree char *name = short_province_name (item_name (data, label->item));

        label->text = g_strdup_printf ("%s %s", name, value);
        if (cak_chart_text_width (layout, theme, t->label_px, label->weight, label->text)
            > layout->width * 0.45)
          {
            g_free (label->text);
            label->text = g_steal_pointer (&value);
          }
      }
    }
  /* Names at the line ends take up to a third of the width; when that is not enough (slides'
   * large labels, a narrow frame), up to 45%, rather than cut: a label holds a figure. */
  max_col_w = layout->width * 0.3;
  for (guint i = 0; i < t->end_labels->len; i++)
    {
      const CakTrendLabel *label = &g_array_index (t->end_labels, CakTrendLabel, i);

      if (cak_chart_text_width (layout, theme, t->label_px, label->weight, label->text) > max_col_w)
        max_col_w = layout->width * 0.45;
    }
  for (guint i = 0; i < t->end_labels->len; i++)
    {
      const CakTrendLabel *label = &g_array_index (t->end_labels, CakTrendLabel, i);

      col_w = MAX (col_w,
                   cak_chart_text_width (layout, theme, t->label_px, label->weight, label->text));
    }
  col_w = MIN (col_w, max_col_w);
  plot_x = layout->pad + ylab_w + px * 0.6;
  t->label_x = layout->width - layout->pad - col_w;
  plot_w = MAX (px, t->label_x - px * CONNECTOR_EM - plot_x);
  layout->plot = (CakRect){ plot_x, t->top, plot_w, t->bottom - t->top };

  for (guint i = 0; i < t->ticks.n_ticks; i++)
    {
      double y = round (cak_scale_map (t->ticks.ticks[i], 0, t->ticks.max, t->bottom, t->top));

      add_text (t, layout, theme,
                cak_number_format_percent (t->ticks.ticks[i], cak_tick_decimals (t->ticks.step),
                                           data->lang),
                plot_x - px * 0.5, y, 1, axis_px);
    }
  layout_time_axis (t, layout, data, theme, plot_x, plot_w);

  /* Periods by calendar time: a missing month leaves its room. */
  {
    guint o0 = cak_period_first_month (period_at (data, 0));
    guint o1 = cak_period_first_month (period_at (data, n - 1));

    for (guint p = 0; p < n; p++)
      t->x[p] = o1 == o0 ? plot_x + plot_w / 2
                         : cak_scale_map (cak_period_first_month (period_at (data, p)), o0, o1,
                                          plot_x, plot_x + plot_w);
  }
  for (guint i = 0; i < t->lines->len; i++)
    {
      CakTrendLine *line = &g_array_index (t->lines, CakTrendLine, i);

      for (guint p = 0; p < n; p++)
        line->y[p] = cak_scale_map (cak_chart_data_history (data, line->item, p), 0, t->ticks.max,
                                    t->bottom, t->top);
    }

  /* The target holds for a year (or whatever it was set for): a level from halfway to the
   * previous period to halfway to the next, a step where it changes. */
  for (guint p = 0; p < n; p++)
    {
      double target = data->history_target[p];
      CakTrendStep step;

      if (isnan (target))
        continue;
      step.x0 = p == 0 ? t->x[0] : (t->x[p - 1] + t->x[p]) / 2;
      step.x1 = p == n - 1 ? t->x[p] : (t->x[p] + t->x[p + 1]) / 2;
      step.y = cak_scale_map (target, 0, t->ticks.max, t->bottom, t->top);
      if (t->target->len > 0)
        {
          CakTrendStep *prev = &g_array_index (t->target, CakTrendStep, t->target->len - 1);

          if (prev->y == step.y && fabs (prev->x1 - step.x0) < 1e-6)
            {
              prev->x1 = step.x1;
              continue;
            }
        }
      g_array_append_val (t->target, step);
    }

  /* Where each name would like to be: level with the end of what it names. */
  for (guint i = 0; i < t->end_labels->len; i++)
    {
      CakTrendLabel *label = &g_array_index (t->end_labels, CakTrendLabel, i);

      if (label->item == CAK_CHART_ITEM_NONE)
        {
          const CakTrendStep *last = &g_array_index (t->target, CakTrendStep, t->target->len - 1);

          label->anchor_x = last->x1;
          label->anchor_y = last->y;
        }
      else
        {
          const CakTrendLine *line = find_line (t, label->item);

          label->anchor_x = t->x[line->last];
          label->anchor_y = line->y[line->last];
        }
    }
  t->label_w = col_w;
  layout_end_labels (t, layout, theme, col_w);

  spacing = plot_w;
  for (guint p = 1; p < n; p++)
    spacing = MIN (spacing, t->x[p] - t->x[p - 1]);
  for (int i = (int)t->lines->len - 1; i >= 0; i--)
    {
      const CakTrendLine *line = &g_array_index (t->lines, CakTrendLine, i);
      gboolean faint = line->role == CAK_TREND_CONTEXT || line->role == CAK_TREND_EXTREME;

      add_point_hits (t, layout, line, CLAMP (spacing, px * 0.6, px * 2.4),
                      faint ? px * 0.8 : px * 1.3, taken);
    }
}

/* Drawing */

static double
line_width (const CakChartLayout *layout, const CakTrendLine *line, gboolean emphasised)
{
  double px = layout->font_px;
  double w;

  switch (line->role)
    {
      case CAK_TREND_TOTAL:
        w = MAX (3.0, px * 0.22);
        break;
      case CAK_TREND_SERIES:
      case CAK_TREND_NATIONAL:
      case CAK_TREND_PEER:
        w = MAX (2.0, px * 0.14);
        break;
      case CAK_TREND_EXTREME:
        w = MAX (1.3, px * 0.08);
        break;
      case CAK_TREND_CONTEXT:
      default:
        w = MAX (1.0, px * 0.05);
        break;
    }
  return emphasised ? w * 1.6 + 0.5 : w;
}

static CakColor
line_color (const CakChartTheme *theme, const CakTrendLine *line, gboolean emphasised)
{
  switch (line->role)
    {
      case CAK_TREND_TOTAL:
        return theme->bar;
      case CAK_TREND_SERIES:
      case CAK_TREND_PEER:
        return theme->series[line->color % MAX_SERIES];
      case CAK_TREND_NATIONAL:
        return emphasised ? theme->text : theme->muted;
      case CAK_TREND_EXTREME:
        return emphasised ? theme->text : cak_chart_mix (theme->background, theme->muted, 0.6);
      case CAK_TREND_CONTEXT:
      default:
        return emphasised ? theme->text : cak_chart_mix (theme->background, theme->muted, 0.35);
    }
}

static void
paint_line (cairo_t *cr, const CakChartLayout *layout, const Trend *t, const CakTrendLine *line,
            const CakChartTheme *theme, gboolean emphasised)
{
  g_autoptr (GArray) runs = cak_trend_runs (line->y, t->n_periods);
  double w = line_width (layout, line, emphasised);

  cak_chart_set_color (cr, line_color (theme, line, emphasised));
  cairo_set_line_width (cr, w);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  for (guint r = 0; r < runs->len; r++)
    {
      const CakTrendRun *run = &g_array_index (runs, CakTrendRun, r);

      if (run->length == 1)
        continue;
      cairo_move_to (cr, t->x[run->start], line->y[run->start]);
      for (guint p = run->start + 1; p < run->start + run->length; p++)
        cairo_line_to (cr, t->x[p], line->y[p]);
    }
  cairo_stroke (cr);
  /* A value alone between gaps is a dot, so it is not lost. */
  for (guint r = 0; r < runs->len; r++)
    {
      const CakTrendRun *run = &g_array_index (runs, CakTrendRun, r);

      if (run->length != 1)
        continue;
      cairo_new_sub_path (cr);
      cairo_arc (cr, t->x[run->start], line->y[run->start], MAX (2.0, w * 1.1), 0, 2 * G_PI);
    }
  cairo_fill (cr);
}

static void
paint_end_label (cairo_t *cr, const CakChartLayout *layout, const Trend *t,
                 const CakChartFocus *focus, const CakChartTheme *theme, const CakTrendLabel *label)
{
  double px = layout->font_px;
  const CakTrendLine *line = label->item == CAK_CHART_ITEM_NONE ? NULL : find_line (t, label->item);
  gboolean faint = line && (line->role == CAK_TREND_EXTREME || line->role == CAK_TREND_CONTEXT);
  gboolean emphasised = label->item != CAK_CHART_ITEM_NONE
                        && (label->item == focus->highlighted || label->item == focus->selected);
  CakColor color = line ? line_color (theme, line, FALSE) : theme->target;
  double x0 = label->anchor_x + px * 0.35, x1 = t->label_x - px * 0.25;
  double r = line ? MAX (2.5, line_width (layout, line, emphasised) * 1.2) : 0;

  /* The end of the line, marked; a connector to its name when the name had to move. */
  if (line)
    {
      cak_chart_set_color (cr, color);
      cairo_arc (cr, label->anchor_x, label->anchor_y, r, 0, 2 * G_PI);
      cairo_fill (cr);
    }
  if (x1 > x0)
    {
      double elbow = x1 - MIN (px * 0.6, (x1 - x0) / 2);

      cak_chart_set_color (cr, faint || !line ? cak_chart_mix (theme->background, theme->muted, 0.6)
                                              : color);
      cairo_set_line_width (cr, faint || !line ? 1.0 : MAX (1.5, px * 0.08));
      cairo_move_to (cr, x0, label->anchor_y);
      cairo_line_to (cr, elbow, label->anchor_y);
      cairo_line_to (cr, x1, label->y);
      cairo_stroke (cr);
    }
  cak_chart_set_color (cr, faint || !line ? theme->muted : theme->text);
  cak_chart_show_text (cr, layout, theme, t->label_px, label->weight, label->text, t->label_x,
                       label->y, 0, t->label_w);
}

static void
trend_paint (cairo_t *cr, const CakChartLayout *layout, const CakChartData *data,
             const CakChartFocus *focus, const CakChartTheme *theme)
{
  const Trend *t = layout->priv;
  double px = layout->font_px;
  const CakRect *plot = &layout->plot;
  const CakTrendLine *emphasised = NULL;

  cak_chart_fill_background (cr, theme, layout);
  cak_chart_frame_paint (cr, layout, theme);
  cak_chart_legend_paint (cr, layout, theme, t->legend, t->n_legend);

  /* Grid: the levels, and where each year begins */
  cairo_set_line_width (cr, 1);
  for (guint i = 0; i < t->ticks.n_ticks; i++)
    {
      double y
          = round (cak_scale_map (t->ticks.ticks[i], 0, t->ticks.max, t->bottom, t->top)) + 0.5;

      cak_chart_set_color (cr,
                           i == 0 ? cak_chart_mix (theme->grid, theme->muted, 0.5) : theme->grid);
      cairo_move_to (cr, plot->x, y);
      cairo_line_to (cr, plot->x + plot->width, y);
      cairo_stroke (cr);
    }
  cak_chart_set_color (cr, theme->grid);
  for (guint i = 0; i < t->year_lines->len; i++)
    {
      double x = round (g_array_index (t->year_lines, double, i)) + 0.5;

      cairo_move_to (cr, x, t->top);
      cairo_line_to (cr, x, t->bottom + px * 0.4);
    }
  cairo_stroke (cr);
  cak_chart_set_color (cr, theme->muted);
  for (guint i = 0; i < t->texts->len; i++)
    {
      const CakTrendText *tt = &g_array_index (t->texts, CakTrendText, i);

      cak_chart_show_text (cr, layout, theme, tt->px, PANGO_WEIGHT_NORMAL, tt->text, tt->x, tt->y,
                           tt->align, 0);
    }

  /* The target, stepped and dashed */
  if (t->target->len > 0)
    {
      double dash[] = { MAX (5.0, px * 0.4), MAX (4.0, px * 0.3) };

      cak_chart_set_color (cr, theme->target);
      cairo_set_line_width (cr, MAX (1.5, px * 0.1));
      cairo_set_dash (cr, dash, 2, 0);
      for (guint i = 0; i < t->target->len; i++)
        {
          const CakTrendStep *s = &g_array_index (t->target, CakTrendStep, i);
          const CakTrendStep *prev = i > 0 ? &g_array_index (t->target, CakTrendStep, i - 1) : NULL;

          if (prev && fabs (prev->x1 - s->x0) < 1e-6)
            cairo_line_to (cr, s->x0, s->y);
          else
            cairo_move_to (cr, s->x0, s->y);
          cairo_line_to (cr, s->x1, s->y);
        }
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }

  /* The lines, the faint first; the one under the pointer last of its kind */
  for (guint i = 0; i < t->lines->len; i++)
    {
      const CakTrendLine *line = &g_array_index (t->lines, CakTrendLine, i);

      if (line->item == focus->highlighted || line->item == focus->selected)
        {
          if (emphasised == NULL || line->item == focus->highlighted)
            emphasised = line;
          if (line->role < CAK_TREND_SERIES)
            continue;
        }
      paint_line (cr, layout, t, line, theme, FALSE);
    }
  if (emphasised)
    paint_line (cr, layout, t, emphasised, theme, TRUE);

  for (guint i = 0; i < t->end_labels->len; i++)
    paint_end_label (cr, layout, t, focus, theme, &g_array_index (t->end_labels, CakTrendLabel, i));
}

/* Words */

typedef struct
{
  int item;
  double change;
} Change;

static int
compare_changes (gconstpointer a, gconstpointer b)
{
  double ca = ((const Change *)a)->change, cb = ((const Change *)b)->change;

  return ca > cb ? -1 : ca < cb ? 1 : ((const Change *)a)->item - ((const Change *)b)->item;
}

/* The first and the last value of @item, and their periods. */
static gboolean
ends_of (const CakChartData *data, int item, guint *first, guint *last)
{
  gboolean found = FALSE;

  for (guint p = 0; p < data->periods->len; p++)
    if (!isnan (cak_chart_data_history (data, item, p)))
      {
        if (!found)
          *first = p;
        *last = p;
        found = TRUE;
      }
  return found && *last > *first;
}

/* "Kota Batu (+9,1 pp), Kota Malang (+8,7 pp)": @count changes from @from, up or down. */
static char *
list_changes (const CakChartData *data, GArray *changes, guint from, guint count, int direction)
{
  GString *list = g_string_new (NULL);

  for (guint k = 0; k < count; k++)
    {
      const Change *c = &g_array_index (changes, Change, direction > 0 ? from + k : from - k);
      g_autofree char *pp = cak_chart_format_pp (c->change, data->lang);

      if (list->len > 0)
        g_string_append (list, ", ");
      g_string_append_printf (list, "%s (%s)", item_name (data, c->item), pp);
    }
  return g_string_free (list, FALSE);
}

static char *
trend_describe (const CakChartData *data)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr (GArray) series = pick_series (data, CAK_CHART_ITEM_NONE);
  g_autofree char *title = title_of ();
  g_autofree char *subtitle = subtitle_of (data);
  guint first, last, n, n_fell;

  g_string_append_printf (out, "%s. %s.", title, subtitle);
  if (!ends_of (data, CAK_CHART_ITEM_TOTAL, &first, &last))
    {
      g_string_append_printf (out, " %s.", _ ("No history to show"));
      return g_string_free (g_steal_pointer (&out), FALSE);
    }
  {
    double v0 = cak_chart_data_history (data, CAK_CHART_ITEM_TOTAL, first);
    double v1 = cak_chart_data_history (data, CAK_CHART_ITEM_TOTAL, last);
    g_autofree char *a = cak_number_format_percent (v0, 1, data->lang);
    g_autofree char *b = cak_number_format_percent (v1, 1, data->lang);
    g_autofree char *pa = cak_period_format (period_at (data, first), data->lang);
    g_autofree char *pb = cak_period_format (period_at (data, last), data->lang);
    g_autofree char *pp = cak_chart_format_pp (v1 - v0, data->lang);

    g_string_append (out, " ");
    /* TRANSLATORS: "Jawa Timur: from 20.1% in January 2022 to 31.6% in December 2024
     * (+11.5 pp)." */
    g_string_append_printf (out, _ ("%s: from %s in %s to %s in %s (%s)."), data->place, a, pa, b,
                            pb, pp);
  }
  if (data->has_peer && ends_of (data, CAK_CHART_ITEM_PEER, &first, &last))
    {
      double v0 = cak_chart_data_history (data, CAK_CHART_ITEM_PEER, first);
      double v1 = cak_chart_data_history (data, CAK_CHART_ITEM_PEER, last);
      g_autofree char *a = cak_number_format_percent (v0, 1, data->lang);
      g_autofree char *b = cak_number_format_percent (v1, 1, data->lang);
      g_autofree char *pa = cak_period_format (period_at (data, first), data->lang);
      g_autofree char *pb = cak_period_format (period_at (data, last), data->lang);
      g_autofree char *pp = cak_chart_format_pp (v1 - v0, data->lang);

      g_string_append (out, " ");
      g_string_append_printf (out, _ ("%s: from %s in %s to %s in %s (%s)."), data->peer_place, a,
                              pa, b, pb, pp);
    }
  if (!isnan (last_target (data)))
    {
      g_autofree char *target = cak_number_format_percent (last_target (data), 0, data->lang);

      g_string_append (out, " ");
      g_string_append_printf (out, _ ("Target %s"), target);
      g_string_append (out, ".");
    }

  for (guint i = 0; i < data->rows->len; i++)
    {
      Change c = { i, 0 };

      if (!ends_of (data, i, &first, &last))
        continue;
      c.change = cak_chart_data_history (data, i, last) - cak_chart_data_history (data, i, first);
      g_array_append_val (changes, c);
    }
  g_array_sort (changes, compare_changes);
  n = MIN (3u, changes->len / 2);
  n_fell = 0;
  while (n_fell < n && g_array_index (changes, Change, changes->len - 1 - n_fell).change < 0)
    n_fell++;
  if (changes->len == 1)
    {
      g_autofree char *one = list_changes (data, changes, 0, 1, 1);

      g_string_append (out, " ");
      g_string_append_printf (out, _ ("Change: %s."), one);
    }
  else if (n > 0)
    {
      g_autofree char *up = list_changes (data, changes, 0, n, 1);
      /* The falls when there are any; else the smallest rises. */
      g_autofree char *down
          = list_changes (data, changes, changes->len - 1, n_fell > 0 ? n_fell : n, -1);

      g_string_append (out, " ");
      g_string_append_printf (out, _ ("Rose most: %s."), up);
      g_string_append (out, " ");
      if (n_fell > 0)
        g_string_append_printf (out, _ ("Fell most: %s."), down);
      else
        g_string_append_printf (out, _ ("Rose least: %s."), down);
    }
  if (series->len > 0)
    {
      g_autoptr (GString) list = g_string_new (NULL);

      for (guint i = 0; i < series->len; i++)
        {
          int item = g_array_index (series, int, i);
          double v;
          g_autofree char *value = NULL;

          last_value (data, item, &v);
          value = cak_chart_format_pct (v, 1, data->lang);
          if (list->len > 0)
            g_string_append (list, ", ");
          g_string_append_printf (list, "%s %s", item_name (data, item), value);
        }
      g_string_append (out, " ");
      g_string_append_printf (out, _ ("Drawn in colour: %s."), list->str);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

const CakChartPainter cak_chart_trend_painter = {
  .layout = trend_layout,
  .paint = trend_paint,
  .describe = trend_describe,
  .natural_height = NULL,
};
