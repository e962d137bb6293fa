/* test-chart-bars.c: the coverage-versus-workforce and the segments charts
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-chart-bars"

#include "config.h"

#include "chart-test-util.h"

/* A chart drawn from the very layout the test measures; the grid in the background colour so
 * that a scan along a row sees only bars and text. */
typedef struct
{
  CakChartTheme theme;
  CakChartLayout *layout;
  cairo_surface_t *surface;
} Drawn;

static Drawn *
drawn_new (CakChartKind kind, const CakChartData *data, CakChartThemeKind theme_kind, int width,
           int height)
{
  Drawn *d = g_new0 (Drawn, 1);
  cairo_t *cr;
  PangoContext *context;
  g_autoptr (CakChartLayout) checked = ctu_layout (kind, data, theme_kind, width, height);

  cak_chart_theme_init (&d->theme, theme_kind);
  d->theme.grid = d->theme.background;
  d->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (d->surface);
  context = cak_chart_create_context (cr);
  d->layout = cak_chart_layout_new (kind, data, NULL, &d->theme, context, width, height,
                                    cak_chart_font_px_for_size (width, height, &d->theme));
  g_object_unref (context);
  cak_chart_paint (cr, data, NULL, &d->theme, d->layout);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (d->surface);
  /* The checked layout (labels clear of each other and inside) is the one drawn. */
  g_assert_cmpuint (checked->labels->len, ==, d->layout->labels->len);
  g_assert_cmpuint (checked->hits->len, ==, d->layout->hits->len);
  return d;
}

static void
drawn_free (Drawn *d)
{
  cak_chart_layout_free (d->layout);
  cairo_surface_destroy (d->surface);
  g_free (d);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Drawn, drawn_free)

static guint32
rgb_of (CakColor c)
{
  return ((guint)(c.r * 255 + 0.5) << 16) | ((guint)(c.g * 255 + 0.5) << 8)
         | (guint)(c.b * 255 + 0.5);
}

static guint32
pixel (const Drawn *d, int x, int y)
{
  cairo_surface_t *s = d->surface;
  guchar *data = cairo_image_surface_get_data (s);

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (x, <, cairo_image_surface_get_width (s));
  return *(guint32 *)(data + y * cairo_image_surface_get_stride (s) + x * 4) & 0xffffff;
}

static gboolean
in_label (const Drawn *d, double x, double y)
{
  for (guint i = 0; i < d->layout->labels->len; i++)
    {
      const CakRect *r = &g_array_index (d->layout->labels, CakRect, i);

      if (x >= r->x && x < r->x + r->width && y >= r->y && y < r->y + r->height)
        return TRUE;
    }
  return FALSE;
}

/* Background, and not text: what lies between a bar and its label. */
static gboolean
is_empty (const Drawn *d, int x, int y)
{
  return pixel (d, x, y) == rgb_of (d->theme.background) && !in_label (d, x + 0.5, y + 0.5);
}

static CakRect
row_rect (const Drawn *d, int item)
{
  CakRect rect;

  g_assert_true (cak_chart_find_item (d->layout, item, &rect));
  return rect;
}

/* Where a row's bars start: the plot's left edge in the row's column (a province's rows run on
 * in a second column when one is too short). */
static double
plot_x (const Drawn *d, int item)
{
  return d->layout->plot.x + row_rect (d, item).x - d->layout->pad;
}

/* How long a row's bar is: the first run of three empty pixels after the plot's left edge along
 * @y (a hairline between segments is one pixel). */
static double
bar_length (const Drawn *d, int item, int y)
{
  double x0 = plot_x (d, item);
  int x = (int)ceil (x0) + 1;

  while (!(is_empty (d, x, y) && is_empty (d, x + 1, y) && is_empty (d, x + 2, y)))
    x++;
  return x - x0;
}

/* The first and last pixel lines of a row's bar, found at its left end. */
static void
bar_lines (const Drawn *d, int item, int *out_top, int *out_bottom)
{
  CakRect rect = row_rect (d, item);
  int x = (int)ceil (plot_x (d, item)) + 1;
  int top = -1, bottom = -1;

  for (int y = (int)rect.y; y < (int)(rect.y + rect.height); y++)
    if (!is_empty (d, x, y))
      {
        if (top < 0)
          top = y;
        bottom = y;
      }
  g_assert_cmpint (top, >=, 0);
  *out_top = top;
  *out_bottom = bottom;
}

static int
row_middle (const Drawn *d, int item)
{
  int top, bottom;

  bar_lines (d, item, &top, &bottom);
  return (top + bottom) / 2;
}

/* Pixels of exactly @color in a row's band */
static guint
count_in_row (const Drawn *d, int item, CakColor color)
{
  CakRect rect = row_rect (d, item);
  guint n = 0;

  for (int y = (int)ceil (rect.y); y < (int)(rect.y + rect.height); y++)
    for (int x = (int)ceil (plot_x (d, item)); x < (int)(rect.x + rect.width); x++)
      n += pixel (d, x, y) == rgb_of (color);
  return n;
}

static guint
count_drawn_in_row (const Drawn *d, int item)
{
  CakRect rect = row_rect (d, item);
  guint n = 0;

  for (int y = (int)ceil (rect.y); y < (int)(rect.y + rect.height); y++)
    for (int x = (int)ceil (plot_x (d, item)); x < (int)(rect.x + rect.width); x++)
      n += !is_empty (d, x, y) && !in_label (d, x + 0.5, y + 0.5);
  return n;
}

static const CakIndicatorRow *
row_of (const CakChartData *data, int item)
{
  return cak_chart_data_get_row (data, item);
}

/* The items in the order their rows are drawn, top to bottom */
static GArray *
drawn_order (const CakChartLayout *layout)
{
  GArray *items = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint i = 0; i < layout->hits->len; i++)
    {
      const CakChartHit *hit = &g_array_index (layout->hits, CakChartHit, i);

      /* Down each column; a second column starts again at the top, to the right */
      if (i > 0)
        {
          const CakChartHit *prev = &g_array_index (layout->hits, CakChartHit, i - 1);

          if (hit->rect.x > prev->rect.x + 0.5)
            g_assert_cmpfloat (hit->rect.y, <, prev->rect.y);
          else
            g_assert_cmpfloat (hit->rect.y, >, prev->rect.y);
        }
      g_array_append_val (items, hit->item);
    }
  return items;
}

/* Takes a regency's figures away: no participants (and so no coverage), or nothing at all. */
static void
knock_out (CakChartData *data, const char *code, gboolean workforce_too)
{
  int item = cak_chart_data_find_code (data, code);
  CakIndicatorRow *row = &g_array_index (data->rows, CakIndicatorRow, item);

  g_assert_cmpint (item, >=, 0);
  row->participants = NAN;
  for (guint m = 0; m < CAK_N_MEASURES; m++)
    row->values[m] = NAN;
  row->coverage_pct = row->uncovered = row->gap_to_target = NAN;
  if (workforce_too)
    row->workforce = NAN;
}

/* Coverage versus workforce */

static void
test_cw_order (void)
{
  g_autoptr (CakChartData) data = ctu_sample_data (CAK_LANG_ID);
  g_autoptr (CakChartLayout) layout
      = ctu_layout (CAK_CHART_COVERAGE_WORKFORCE, data, CAK_CHART_THEME_LIGHT, 1920, 1080);
  g_autoptr (GArray) order = drawn_order (layout);
  g_autofree char *description = cak_chart_describe (CAK_CHART_COVERAGE_WORKFORCE, data);

  /* Every regency has its row, the most workers not yet covered first: Jember (728.628), then
   * Malang (704.489), although Malang and Surabaya have the larger workforces */
  g_assert_cmpuint (order->len, ==, 38);
  g_assert_cmpint (g_array_index (order, int, 0), ==, cak_chart_data_find_code (data, "35.09"));
  g_assert_cmpint (g_array_index (order, int, 1), ==, cak_chart_data_find_code (data, "35.07"));
  for (guint i = 1; i < order->len; i++)
    g_assert_cmpfloat (row_of (data, g_array_index (order, int, i - 1))->uncovered, >=,
                       row_of (data, g_array_index (order, int, i))->uncovered);
  g_assert_cmpint (g_array_index (order, int, 37), ==, cak_chart_data_find_code (data, "35.76"));

  /* Read out: the province's uncovered, then the largest by name with exact numbers */
  g_assert_nonnull (strstr (description, "10.591.410"));
  g_assert_nonnull (strstr (description, "Kabupaten Jember, 728.628"));
  g_assert_nonnull (strstr (description, "Kabupaten Malang, 704.489"));
}

/* The bar is the workforce, its filled part the participants, to the pixel. */
static void
test_cw_proportional (void)
{
  g_autoptr (CakChartData) data = ctu_sample_data (CAK_LANG_EN);
  /* in the top and the bottom rows, shown even where the middle is summarised */
  const char *codes[] = { "35.09", "35.07", "35.78", "35.73", "35.72" };
  const CakChartThemeKind themes[]
      = { CAK_CHART_THEME_LIGHT, CAK_CHART_THEME_DARK, CAK_CHART_THEME_PROJECTOR };

  for (guint t = 0; t < G_N_ELEMENTS (themes); t++)
    {
      g_autoptr (Drawn) d = drawn_new (CAK_CHART_COVERAGE_WORKFORCE, data, themes[t], 1920, 1080);
      double per_worker = 0;

      for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
        {
          int item = cak_chart_data_find_code (data, codes[i]);
          const CakIndicatorRow *row = row_of (data, item);
          int y = row_middle (d, item);
          double x0 = plot_x (d, item);
          int x = (int)ceil (x0) + 1;
          double covered, bar;

          while (pixel (d, x, y) == rgb_of (d->theme.bar))
            x++;
          covered = x - x0;
          bar = bar_length (d, item, y);
          /* The filled part is the coverage of the bar, within a pixel or two of rounding and
           * the outline */
          g_assert_cmpfloat (fabs (covered - bar * row->coverage_pct / 100), <=, 2.5);
          /* Every bar on the same scale: pixels per worker agree */
          if (per_worker == 0)
            per_worker = bar / row->workforce;
          else
            g_assert_cmpfloat (fabs (bar - per_worker * row->workforce), <=, 2.5);
        }
      /* The uncovered part is drawn on the track, in every row */
      g_assert_cmpuint (ctu_count_color (d->surface, d->theme.track), >, 38 * 100);
    }
}

static void
test_cw_no_data (void)
{
  g_autoptr (CakChartData) data = ctu_sample_data (CAK_LANG_EN);
  g_autoptr (Drawn) d = NULL;
  g_autoptr (GArray) order = NULL;
  g_autofree char *description = NULL;
  int banyuwangi = cak_chart_data_find_code (data, "35.10");
  int jember = cak_chart_data_find_code (data, "35.09");
  CakRect known, unknown;

  /* Banyuwangi without participants (its workforce known), Jember without any figure */
  knock_out (data, "35.10", FALSE);
  knock_out (data, "35.09", TRUE);
  d = drawn_new (CAK_CHART_COVERAGE_WORKFORCE, data, CAK_CHART_THEME_LIGHT, 1920, 1080);
  order = drawn_order (d->layout);
  g_assert_cmpuint (order->len, ==, 38);
  /* At the bottom, by name; never drawn as zero (or as a bar at all): hatched */
  g_assert_cmpint (g_array_index (order, int, 36), ==, banyuwangi);
  g_assert_cmpint (g_array_index (order, int, 37), ==, jember);
  for (guint i = 36; i < 38; i++)
    {
      int item = g_array_index (order, int, i);

      g_assert_cmpuint (count_in_row (d, item, d->theme.bar), ==, 0);
      g_assert_cmpuint (count_drawn_in_row (d, item), >, 100);
    }
  /* Banyuwangi's hatching is as long as its workforce; Jember's a stub */
  known = row_rect (d, banyuwangi);
  unknown = row_rect (d, jember);
  g_assert_cmpfloat (bar_length (d, banyuwangi, (int)(known.y + known.height / 2)), >,
                     bar_length (d, jember, (int)(unknown.y + unknown.height / 2)));
  /* The regencies with figures keep their bars */
  g_assert_cmpuint (count_in_row (d, g_array_index (order, int, 0), d->theme.bar), >, 0);
  description = cak_chart_describe (CAK_CHART_COVERAGE_WORKFORCE, data);
  g_assert_nonnull (strstr (description, "2 regions have no data"));
  g_assert_null (strstr (description, "Kabupaten Jember,"));
}

static void
test_cw_national (void)
{
  g_autoptr (CakDataset) ds = ctu_national_dataset (12);
  g_autoptr (CakChartData) data = cak_chart_data_new (ds, NULL, ctu_period ("2024-12"),
                                                      ctu_period ("2023-12"), NULL, CAK_LANG_EN);
  g_autoptr (CakChartLayout) image = NULL;
  g_autoptr (CakChartLayout) scrolled = NULL;
  g_autoptr (GArray) order = NULL;
  g_autoptr (GArray) sorted = NULL;
  double natural;

  g_assert_cmpuint (data->rows->len, ==, 514);
  /* In an image: the top and the bottom, as many of each, the rest summarised in one row */
  image = ctu_layout (CAK_CHART_COVERAGE_WORKFORCE, data, CAK_CHART_THEME_LIGHT, 1920, 1080);
  order = drawn_order (image);
  g_assert_cmpuint (order->len, >=, 20);
  g_assert_cmpuint (order->len, <, 100);
  g_assert_cmpuint (order->len % 2, ==, 0);
  /* The most uncovered of the country first, those without data last */
  g_assert_true (isnan (row_of (data, g_array_index (order, int, order->len - 1))->uncovered));
  for (guint i = 1; i < order->len / 2; i++)
    g_assert_cmpfloat (row_of (data, g_array_index (order, int, i - 1))->uncovered, >=,
                       row_of (data, g_array_index (order, int, i))->uncovered);
  for (guint i = 0; i < data->rows->len; i++)
    g_assert_cmpfloat (row_of (data, g_array_index (order, int, 0))->uncovered, >=,
                       isnan (row_of (data, i)->uncovered) ? 0 : row_of (data, i)->uncovered);
  /* Scrolled at its natural height: all 514 */
  natural = cak_chart_natural_height (CAK_CHART_COVERAGE_WORKFORCE, data, NULL, 1200, 14);
  scrolled = ctu_layout_px (CAK_CHART_COVERAGE_WORKFORCE, data, CAK_CHART_THEME_LIGHT, 1200,
                            natural, 14);
  g_assert_cmpuint (scrolled->hits->len, ==, 514);
}

static void
test_natural_height (gconstpointer user_data)
{
  CakChartKind kind = GPOINTER_TO_INT (user_data);
  g_autoptr (CakChartData) data = ctu_sample_data (CAK_LANG_ID);
  double natural = cak_chart_natural_height (kind, data, NULL, 700, 14);
  g_autoptr (CakChartLayout) tall = NULL;
  g_autoptr (CakChartLayout) one = NULL;
  g_autoptr (CakChartData) single = cak_chart_data_new_for_item (data, 0);

  /* At its natural height every name is drawn at full size, whatever the number of rows */
  g_assert_cmpfloat (natural, >, 600);
  tall = ctu_layout_px (kind, data, CAK_CHART_THEME_LIGHT, 700, natural, 14);
  g_assert_cmpuint (tall->hits->len, ==, 38);
  for (guint i = 0; i < tall->hits->len; i++)
    g_assert_cmpfloat (g_array_index (tall->hits, CakChartHit, i).rect.height, >=,
                       14 * 1.85 - 0.01);
  /* One regency (the detail panel) */
  one = ctu_layout_px (kind, single, CAK_CHART_THEME_LIGHT, 420,
                       cak_chart_natural_height (kind, single, NULL, 420, 14), 14);
  g_assert_cmpuint (one->hits->len, ==, 1);
}

/* A scrolled window paints a strip of a tall chart: the strip is drawn as the whole would be. */
static void
test_clip (gconstpointer user_data)
{
  CakChartKind kind = GPOINTER_TO_INT (user_data);
  g_autoptr (CakChartData) data = ctu_sample_data (CAK_LANG_EN);
  double natural = cak_chart_natural_height (kind, data, NULL, 900, 14);
  cairo_surface_t *whole = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 900, natural);
  cairo_surface_t *strip = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 900, natural);
  cairo_t *cr;
  CakChartTheme theme;
  int y0 = 400, y1 = 520;

  cak_chart_theme_init (&theme, CAK_CHART_THEME_LIGHT);
  cr = cairo_create (whole);
  cak_chart_draw (cr, kind, data, NULL, &theme, 900, natural, 14);
  cairo_destroy (cr);
  cr = cairo_create (strip);
  cairo_rectangle (cr, 0, y0, 900, y1 - y0);
  cairo_clip (cr);
  cak_chart_draw (cr, kind, data, NULL, &theme, 900, natural, 14);
  cairo_destroy (cr);
  cairo_surface_flush (whole);
  cairo_surface_flush (strip);
  for (int y = y0; y < y1; y++)
    g_assert_cmpmem (
        cairo_image_surface_get_data (whole) + y * cairo_image_surface_get_stride (whole), 900 * 4,
        cairo_image_surface_get_data (strip) + y * cairo_image_surface_get_stride (strip), 900 * 4);
  cairo_surface_destroy (whole);
  cairo_surface_destroy (strip);
}

/* Segments */

static void
test_segments_order (void)
{
  g_autoptr (CakChartData) data = ctu_sample_data (CAK_LANG_EN);
  g_autoptr (CakChartLayout) layout
      = ctu_layout (CAK_CHART_SEGMENTS, data, CAK_CHART_THEME_LIGHT, 1920, 1080);
  g_autoptr (GArray) order = drawn_order (layout);
  g_autofree char *description = cak_chart_describe (CAK_CHART_SEGMENTS, data);

  /* Most participants first: Surabaya (698,301); the fewest last: Kota Blitar (24,189) */
  g_assert_cmpuint (order->len, ==, 38);
  g_assert_cmpint (g_array_index (order, int, 0), ==, cak_chart_data_find_code (data, "35.78"));
  g_assert_cmpint (g_array_index (order, int, 37), ==, cak_chart_data_find_code (data, "35.72"));
  for (guint i = 1; i < order->len; i++)
    g_assert_cmpfloat (row_of (data, g_array_index (order, int, i - 1))->participants, >=,
                       row_of (data, g_array_index (order, int, i))->participants);

  /* PU leads the province; BPU leads where informal work does, Jember among them */
  g_assert_nonnull (strstr (description, "PU is the largest segment."));
  g_assert_nonnull (strstr (description, "BPU is the largest segment in 18 regions: "));
  g_assert_nonnull (strstr (description, "Kabupaten Jember"));
  g_assert_nonnull (strstr (description, "PU 2,903,726 (59.5%)"));
  g_assert_nonnull (strstr (description, "Most participants: Kota Surabaya, 698,301."));
}

static void
test_segments_bars (void)
{
  g_autoptr (CakChartData) data = ctu_sample_data (CAK_LANG_EN);
  const CakChartThemeKind themes[]
      = { CAK_CHART_THEME_LIGHT, CAK_CHART_THEME_DARK, CAK_CHART_THEME_PROJECTOR };

  for (guint t = 0; t < G_N_ELEMENTS (themes); t++)
    {
      g_autoptr (Drawn) people = NULL;
      g_autoptr (Drawn) shares = NULL;
      double per_person = 0, full = 0;
      g_autoptr (GArray) order = NULL;

      data->segments_percent = FALSE;
      people = drawn_new (CAK_CHART_SEGMENTS, data, themes[t], 1920, 1080);
      data->segments_percent = TRUE;
      shares = drawn_new (CAK_CHART_SEGMENTS, data, themes[t], 1920, 1080);
      /* The rows shown (the projector's larger type summarises the middle) */
      order = drawn_order (people->layout);
      g_assert_cmpuint (order->len, >=, 20);
      for (guint k = 0; k < order->len; k++)
        {
          int i = g_array_index (order, int, k);
          const CakIndicatorRow *row = row_of (data, i);
          int top, bottom;
          double len;

          /* In people: every bar as long as its participants, on one scale. Scanned a pixel
           * inside the bar's top edge, above the figures in it. */
          bar_lines (people, i, &top, &bottom);
          len = bar_length (people, i, top + 1);
          if (per_person == 0)
            per_person = len / row->participants;
          else
            g_assert_cmpfloat (fabs (len - per_person * row->participants), <=, 2.5);
          /* As shares: every bar the whole axis */
          bar_lines (shares, i, &top, &bottom);
          len = bar_length (shares, i, top + 1);
          if (full == 0)
            full = len;
          else
            g_assert_cmpfloat (fabs (len - full), <=, 1);
        }
      /* The bars are stacked in the four segments' colours */
      for (guint s = 0; s < 4; s++)
        g_assert_cmpuint (ctu_count_color (shares->surface, shares->theme.segment[s]), >,
                          s == 3 ? 500 : 5000);
      /* Shares: the widest the plot allows, labels (the totals) beside them still inside */
      g_assert_cmpfloat (full, >, shares->layout->plot.width - 2);
    }
}

static void
test_segments_missing (void)
{
  g_autoptr (CakChartData) data = ctu_sample_data (CAK_LANG_EN);
  g_autoptr (Drawn) d = NULL;
  g_autoptr (GArray) order = NULL;
  g_autofree char *description = NULL;
  int kediri = cak_chart_data_find_code (data, "35.06");
  int jember = cak_chart_data_find_code (data, "35.09");
  CakIndicatorRow *row = &g_array_index (data->rows, CakIndicatorRow, kediri);
  int top, bottom;
  double hatched_end, jember_end;

  /* Kediri's participants are known (187,774), its segments not; Jember has nothing */
  for (guint m = 0; m < CAK_N_MEASURES; m++)
    row->values[m] = NAN;
  knock_out (data, "35.09", TRUE);
  d = drawn_new (CAK_CHART_SEGMENTS, data, CAK_CHART_THEME_LIGHT, 1920, 1080);
  order = drawn_order (d->layout);

  /* Kediri keeps its place by participants, hatched as long as them, in no segment's colour */
  g_assert_cmpint (g_array_index (order, int, 5), ==, kediri);
  for (guint s = 0; s < 4; s++)
    g_assert_cmpuint (count_in_row (d, kediri, d->theme.segment[s]), ==, 0);
  g_assert_cmpuint (count_drawn_in_row (d, kediri), >, 200);
  bar_lines (d, kediri, &top, &bottom);
  hatched_end = bar_length (d, kediri, top + 1);
  bar_lines (d, g_array_index (order, int, 4), &top, &bottom);
  g_assert_cmpfloat (hatched_end, <, bar_length (d, g_array_index (order, int, 4), top + 1));
  /* Jember, with no figures, at the bottom, hatched, never an empty bar */
  g_assert_cmpint (g_array_index (order, int, 37), ==, jember);
  g_assert_cmpuint (count_drawn_in_row (d, jember), >, 100);
  for (guint s = 0; s < 4; s++)
    g_assert_cmpuint (count_in_row (d, jember, d->theme.segment[s]), ==, 0);
  bar_lines (d, jember, &top, &bottom);
  jember_end = bar_length (d, jember, top + 1);
  g_assert_cmpfloat (jember_end, >, 20);

  description = cak_chart_describe (CAK_CHART_SEGMENTS, data);
  g_assert_nonnull (strstr (description, "2 regions have no segment data."));
}

static void
test_segments_national (void)
{
  g_autoptr (CakDataset) ds = ctu_national_dataset (12);
  g_autoptr (CakChartData) data = cak_chart_data_new (ds, NULL, ctu_period ("2024-12"),
                                                      ctu_period ("2023-12"), NULL, CAK_LANG_ID);
  g_autoptr (CakChartLayout) scrolled = NULL;
  double natural;

  for (guint percent = 0; percent < 2; percent++)
    {
      g_autoptr (CakChartLayout) image = NULL;
      g_autoptr (GArray) order = NULL;

      data->segments_percent = percent;
      image = ctu_layout (CAK_CHART_SEGMENTS, data, CAK_CHART_THEME_PROJECTOR, 1366, 768);
      order = drawn_order (image);
      g_assert_cmpuint (order->len, >=, 10);
      g_assert_cmpuint (order->len, <, 100);
      g_assert_cmpuint (order->len % 2, ==, 0);
      g_assert_true (
          isnan (row_of (data, g_array_index (order, int, order->len - 1))->participants));
    }
  natural = cak_chart_natural_height (CAK_CHART_SEGMENTS, data, NULL, 1200, 14);
  scrolled = ctu_layout_px (CAK_CHART_SEGMENTS, data, CAK_CHART_THEME_LIGHT, 1200, natural, 14);
  g_assert_cmpuint (scrolled->hits->len, ==, 514);
}

/* The figures inside the segments are drawn only where they fit: at 800 px fewer than at
 * 1920, and each inside its bar. ctu_layout checks they overlap nothing. */
static void
test_segments_inner_labels (void)
{
  g_autoptr (CakChartData) data = ctu_sample_data (CAK_LANG_ID);
  g_autoptr (CakChartLayout) big = NULL;
  g_autoptr (CakChartLayout) small = NULL;

  data->segments_percent = TRUE;
  big = ctu_layout (CAK_CHART_SEGMENTS, data, CAK_CHART_THEME_LIGHT, 1920, 1080);
  small = ctu_layout (CAK_CHART_SEGMENTS, data, CAK_CHART_THEME_PROJECTOR, 800, 600);
  /* title, subtitle, footer, legend, ticks, names and totals, and then the inner figures */
  g_assert_cmpuint (big->labels->len, >, 3 + 4 + 5 + 2 * 38 + 38 * 2);
  g_assert_cmpuint (small->labels->len, <, big->labels->len);
}

static void
test_selection (gconstpointer user_data)
{
  CakChartKind kind = GPOINTER_TO_INT (user_data);
  g_autoptr (CakChartData) data = ctu_sample_data (CAK_LANG_EN);
  cairo_surface_t *surface;
  CakChartTheme theme;
  CakChartFocus focus = cak_chart_focus_none ();

  /* The selected row is banded in the highlight colour */
  cak_chart_theme_init (&theme, CAK_CHART_THEME_LIGHT);
  focus.selected = cak_chart_data_find_code (data, "35.05");
  surface = ctu_draw_focus (kind, data, &focus, CAK_CHART_THEME_LIGHT, 1366, 768);
  g_assert_cmpuint (ctu_count_color (surface, theme.highlight), >, 1000);
  cairo_surface_destroy (surface);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/chart/coverage-workforce/order", test_cw_order);
  g_test_add_func ("/chart/coverage-workforce/proportional", test_cw_proportional);
  g_test_add_func ("/chart/coverage-workforce/no-data", test_cw_no_data);
  g_test_add_func ("/chart/coverage-workforce/national", test_cw_national);
  g_test_add_data_func ("/chart/coverage-workforce/natural-height",
                        GINT_TO_POINTER (CAK_CHART_COVERAGE_WORKFORCE), test_natural_height);
  g_test_add_data_func ("/chart/coverage-workforce/clip",
                        GINT_TO_POINTER (CAK_CHART_COVERAGE_WORKFORCE), test_clip);
  g_test_add_data_func ("/chart/coverage-workforce/selection",
                        GINT_TO_POINTER (CAK_CHART_COVERAGE_WORKFORCE), test_selection);
  g_test_add_func ("/chart/segments/order", test_segments_order);
  g_test_add_func ("/chart/segments/bars", test_segments_bars);
  g_test_add_func ("/chart/segments/missing", test_segments_missing);
  g_test_add_func ("/chart/segments/national", test_segments_national);
  g_test_add_func ("/chart/segments/inner-labels", test_segments_inner_labels);
  g_test_add_data_func ("/chart/segments/natural-height", GINT_TO_POINTER (CAK_CHART_SEGMENTS),
                        test_natural_height);
  g_test_add_data_func ("/chart/segments/clip", GINT_TO_POINTER (CAK_CHART_SEGMENTS), test_clip);
  g_test_add_data_func ("/chart/segments/selection", GINT_TO_POINTER (CAK_CHART_SEGMENTS),
                        test_selection);
  return g_test_run ();
}
