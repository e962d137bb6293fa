/* test-slides.c: the presentation deck, its slides as drawn, and its exports
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cak-slides-private.h"
#include "chart-test-util.h"

static const CakChartThemeKind themes[]
    = { CAK_CHART_THEME_PROJECTOR, CAK_CHART_THEME_PROJECTOR_DARK };
static const double sizes[][2] = { { 1024, 768 }, { 1920, 1080 } };

/* The regencies with the most participants still needed, by a plain search */
static void
neediest_codes (const CakChartData *data, const char *out_codes[3])
{
  gboolean *taken = g_new0 (gboolean, data->rows->len);

  for (guint k = 0; k < 3; k++)
    {
      int best = -1;

      for (guint i = 0; i < data->rows->len; i++)
        {
          const CakIndicatorRow *row = &g_array_index (data->rows, CakIndicatorRow, i);
          const CakIndicatorRow *b
              = best >= 0 ? &g_array_index (data->rows, CakIndicatorRow, best) : NULL;

          if (!taken[i] && !isnan (row->gap_to_target)
              && (b == NULL || row->gap_to_target > b->gap_to_target))
            best = i;
        }
      g_assert_cmpint (best, >=, 0);
      taken[best] = TRUE;
      out_codes[k] = g_array_index (data->rows, CakIndicatorRow, best).region->code;
    }
  g_free (taken);
}

static void
test_default_deck (void)
{
  g_autoptr (CakChartData) data = ctu_sample_data (CAK_LANG_EN);
  g_autoptr (CakDeck) deck = cak_deck_new_default (data);
  g_autofree char *text = cak_deck_to_string (deck);
  const char *codes[3];
  g_autofree char *want = NULL;

  neediest_codes (data, codes);
  want = g_strdup_printf ("title\nchart:kpi\nchart:ranking\nchart:map\nchart:coverage-workforce\n"
                          "chart:segments\nchart:trend\nchart:change\n"
                          "spotlight:%s\nspotlight:%s\nspotlight:%s\nsummary\n",
                          codes[0], codes[1], codes[2]);
  g_assert_cmpstr (text, ==, want);
  g_assert_cmpuint (cak_deck_get_n_slides (deck), ==, 12);
  /* Jember needs the most: 170.590 more participants for 40% */
  g_assert_cmpstr (codes[0], ==, "35.09");
}

static void
test_default_deck_short (void)
{
  /* The first month of the files: no history for a trend, nothing a year before it */
  g_autoptr (CakChartData) first = cak_chart_data_new (
      ctu_sample_dataset (), "35", ctu_period ("2022-01"), CAK_PERIOD_INIT_NONE, NULL, CAK_LANG_EN);
  g_autoptr (CakChartData) uncompared = cak_chart_data_new (
      ctu_sample_dataset (), "35", ctu_period ("2024-12"), CAK_PERIOD_INIT_NONE, NULL, CAK_LANG_EN);
  g_autoptr (CakDeck) a = cak_deck_new_default (first);
  g_autoptr (CakDeck) b = cak_deck_new_default (uncompared);
  g_autofree char *ta = cak_deck_to_string (a);
  g_autofree char *tb = cak_deck_to_string (b);

  g_assert_true (g_str_has_prefix (
      ta, "title\nchart:kpi\nchart:ranking\nchart:map\nchart:coverage-workforce\nchart:segments\n"
          "spotlight:"));
  g_assert_null (strstr (ta, "chart:trend"));
  g_assert_null (strstr (ta, "chart:change"));
  g_assert_nonnull (strstr (tb, "chart:trend"));
  g_assert_null (strstr (tb, "chart:change"));
  g_assert_true (g_str_has_suffix (tb, "summary\n"));
}

static void
test_round_trip (void)
{
  g_autoptr (CakChartData) data = ctu_sample_data (CAK_LANG_EN);
  g_autoptr (CakDeck) deck = cak_deck_new_default (data);
  g_autofree char *text = cak_deck_to_string (deck);
  g_autoptr (CakDeck) back = cak_deck_new_from_string (text, data);
  g_autofree char *again = cak_deck_to_string (back);
  g_autoptr (CakDeck) copy = cak_deck_copy (back);
  g_autofree char *copied = cak_deck_to_string (copy);

  g_assert_cmpstr (again, ==, text);
  g_assert_cmpstr (copied, ==, text);
}

static void
test_parse_forgiving (void)
{
  g_autoptr (CakChartData) data = ctu_sample_data (CAK_LANG_EN);
  const char *text = "chart:pie\nnonsense\n  title  \r\nspotlight:31.71\nspotlight:35.05\n"
                     "spotlight:35\nspotlight:\n\nCHART:Ranking\nsummary";
  g_autoptr (CakDeck) deck = cak_deck_new_from_string (text, data);
  g_autoptr (CakDeck) any = cak_deck_new_from_string (text, NULL);
  g_autoptr (CakDeck) none = cak_deck_new_from_string ("", data);
  g_autoptr (CakDeck) null = cak_deck_new_from_string (NULL, data);
  g_autofree char *a = cak_deck_to_string (deck);
  g_autofree char *b = cak_deck_to_string (any);

  /* Jakarta's regency and the province itself are no regency of these data */
  g_assert_cmpstr (a, ==, "title\nspotlight:35.05\nchart:ranking\nsummary\n");
  g_assert_cmpstr (b, ==,
                   "title\nspotlight:31.71\nspotlight:35.05\nspotlight:35\nchart:ranking\n"
                   "summary\n");
  g_assert_cmpuint (cak_deck_get_n_slides (none), ==, 0);
  g_assert_cmpuint (cak_deck_get_n_slides (null), ==, 0);
}

static void
test_edit (void)
{
  g_autoptr (CakDeck) deck = cak_deck_new ();
  CakSlide title = { CAK_SLIDE_TITLE, 0, NULL };
  CakSlide ranking = { CAK_SLIDE_CHART, CAK_CHART_RANKING, NULL };
  CakSlide blitar = { CAK_SLIDE_SPOTLIGHT, 0, (char *)"35.05" };
  CakSlide summary = { CAK_SLIDE_SUMMARY, 0, NULL };
  g_autofree char *t1 = NULL, *t2 = NULL, *t3 = NULL, *t4 = NULL;

  cak_deck_insert (deck, -1, &ranking);
  cak_deck_insert (deck, 0, &title);
  cak_deck_insert (deck, 99, &summary);
  cak_deck_insert (deck, 2, &blitar);
  t1 = cak_deck_to_string (deck);
  g_assert_cmpstr (t1, ==, "title\nchart:ranking\nspotlight:35.05\nsummary\n");
  /* The deck keeps its own copy of the code */
  g_assert_true (cak_deck_get_slide (deck, 2)->code != blitar.code);
  g_assert_null (cak_deck_get_slide (deck, 4));

  cak_deck_move (deck, 2, 0);
  t2 = cak_deck_to_string (deck);
  g_assert_cmpstr (t2, ==, "spotlight:35.05\ntitle\nchart:ranking\nsummary\n");
  cak_deck_move (deck, 0, 3);
  t3 = cak_deck_to_string (deck);
  g_assert_cmpstr (t3, ==, "title\nchart:ranking\nsummary\nspotlight:35.05\n");
  cak_deck_remove (deck, 1);
  cak_deck_remove (deck, 2);
  t4 = cak_deck_to_string (deck);
  g_assert_cmpstr (t4, ==, "title\nsummary\n");
}

static void
test_names (void)
{
  g_autoptr (CakChartData) data = ctu_sample_data (CAK_LANG_EN);
  CakSlide slides[] = { { CAK_SLIDE_TITLE, 0, NULL },
                        { CAK_SLIDE_CHART, CAK_CHART_RANKING, NULL },
                        { CAK_SLIDE_SPOTLIGHT, 0, (char *)"35.05" },
                        { CAK_SLIDE_SPOTLIGHT, 0, (char *)"31.71" },
                        { CAK_SLIDE_SUMMARY, 0, NULL } };
  const char *want[]
      = { "Title", "Ranking", "Spotlight: Kabupaten Blitar", "Spotlight: 31.71", "Summary" };

  for (guint i = 0; i < G_N_ELEMENTS (slides); i++)
    {
      g_autofree char *name = cak_slide_get_name (&slides[i], data);

      g_assert_cmpstr (name, ==, want[i]);
    }
}

static PangoContext *
test_context (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 8, 8);
  cairo_t *cr = cairo_create (surface);
  PangoContext *context = cak_chart_create_context (cr);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return context;
}

static cairo_surface_t *
draw_slide (const CakSlide *slide, const CakChartData *data, const CakSlideInfo *info,
            CakChartThemeKind theme_kind, int width, int height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);
  CakChartTheme theme;

  cak_chart_theme_init (&theme, theme_kind);
  cak_slide_draw (cr, slide, data, info, &theme, width, height);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  return surface;
}

/* Every slide of the default deck, at both projector sizes, in both projector themes and both
 * languages, with and without a regency picked out: every text inside the frame and clear of
 * the others; titles at 5% of the height at least, labels at 2.5%. */
static void
test_every_slide (void)
{
  g_autoptr (CakChartData) en = ctu_sample_data (CAK_LANG_EN);
  g_autoptr (CakChartData) id = ctu_sample_data (CAK_LANG_ID);
  CakChartData *datas[] = { en, id };
  g_autoptr (CakDeck) deck = cak_deck_new_default (en);
  PangoContext *context = test_context ();
  g_autoptr (GDateTime) date = g_date_time_new_local (2026, 11, 22, 9, 0, 0);
  CakSlideInfo infos[] = {
    { "Dinas Tenaga Kerja dan Transmigrasi Provinsi Jawa Timur", date, CAK_CHART_ITEM_NONE },
    { NULL, NULL, cak_chart_data_find_code (en, "35.05") },
  };

  for (guint d = 0; d < G_N_ELEMENTS (datas); d++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      for (guint t = 0; t < G_N_ELEMENTS (themes); t++)
        for (guint f = 0; f < G_N_ELEMENTS (infos); f++)
          for (guint i = 0; i < cak_deck_get_n_slides (deck); i++)
            {
              const CakSlide *slide = cak_deck_get_slide (deck, i);
              double w = sizes[s][0], h = sizes[s][1];
              CakChartTheme theme;
              g_autoptr (CakChartLayout) layout = NULL;
              g_autofree char *name = cak_slide_get_name (slide, datas[d]);
              g_autofree char *what
                  = g_strdup_printf ("%s %gx%g theme %d lang %u", name, w, h, themes[t], d);
              double biggest = 0;

              cak_chart_theme_init (&theme, themes[t]);
              layout = cak_slide_layout_new (slide, datas[d], &infos[f], &theme, context, w, h);
              ctu_check_layout (layout, what);
              g_assert_cmpfloat (layout->font_px * CAK_SLIDE_LABEL_MIN, >=, 0.025 * h);
              for (guint l = 0; l < layout->labels->len; l++)
                biggest = MAX (biggest, g_array_index (layout->labels, CakRect, l).height);
              if (slide->kind == CAK_SLIDE_TITLE)
                /* The province's name, the largest text of the deck */
                g_assert_cmpfloat (biggest, >=, 0.1 * h);
              else if (layout->title_px < 0.05 * h)
                g_error ("%s: the title is %.1f px, under 5%% of the height", what,
                         layout->title_px);

              if (f == 0 && d == s)
                {
                  cairo_surface_t *surface
                      = draw_slide (slide, datas[d], &infos[f], themes[t], (int)w, (int)h);

                  /* Something drawn on the background, and the background is the theme's */
                  g_assert_cmpuint (ctu_count_color (surface, theme.background), >, w * h / 3);
                  g_assert_cmpuint (ctu_count_color (surface, theme.background), <, w * h);
                  cairo_surface_destroy (surface);
                }
            }
  g_object_unref (context);
}

/* Picking out a regency changes what the slides show, and leaves the caller's data alone. */
static void
test_highlight (void)
{
  g_autoptr (CakChartData) data = ctu_sample_data (CAK_LANG_EN);
  int surabaya = cak_chart_data_find_code (data, "35.78");
  int jember = cak_chart_data_find_code (data, "35.09");
  CakSlide slides[] = { { CAK_SLIDE_CHART, CAK_CHART_RANKING, NULL },
                        { CAK_SLIDE_CHART, CAK_CHART_TREND, NULL },
                        { CAK_SLIDE_SUMMARY, 0, NULL } };
  int items[] = { surabaya, surabaya, jember };

  g_assert_cmpint (surabaya, >=, 0);
  for (guint i = 0; i < G_N_ELEMENTS (slides); i++)
    {
      CakSlideInfo plain = { NULL, NULL, CAK_CHART_ITEM_NONE };
      CakSlideInfo picked = { NULL, NULL, items[i] };
      cairo_surface_t *a
          = draw_slide (&slides[i], data, &plain, CAK_CHART_THEME_PROJECTOR, 1024, 768);
      cairo_surface_t *b
          = draw_slide (&slides[i], data, &picked, CAK_CHART_THEME_PROJECTOR, 1024, 768);
      CakChartTheme theme;
      guint differ = 0;

      cak_chart_theme_init (&theme, CAK_CHART_THEME_PROJECTOR);
      cairo_surface_flush (a);
      cairo_surface_flush (b);
      for (int y = 0; y < 768; y++)
        for (int x = 0; x < 1024; x++)
          differ += ((guint32 *)(cairo_image_surface_get_data (a)
                                 + y * cairo_image_surface_get_stride (a)))[x]
                    != ((guint32 *)(cairo_image_surface_get_data (b)
                                    + y * cairo_image_surface_get_stride (b)))[x];
      g_assert_cmpuint (differ, >, 2000);
      if (slides[i].kind != CAK_SLIDE_CHART || slides[i].chart == CAK_CHART_RANKING)
        g_assert_cmpuint (ctu_count_color (b, theme.highlight), >, 2000);
      cairo_surface_destroy (a);
      cairo_surface_destroy (b);
    }
  /* The shared snapshot carries no selection: the slide's regency was the slide's own. */
}

static void
test_unknown_spotlight (void)
{
  g_autoptr (CakChartData) data = ctu_sample_data (CAK_LANG_EN);
  CakSlide slide = { CAK_SLIDE_SPOTLIGHT, 0, (char *)"31.71" };
  PangoContext *context = test_context ();
  CakChartTheme theme;
  g_autoptr (CakChartLayout) layout = NULL;
  cairo_surface_t *surface;

  cak_chart_theme_init (&theme, CAK_CHART_THEME_PROJECTOR);
  layout = cak_slide_layout_new (&slide, data, NULL, &theme, context, 1024, 768);
  ctu_check_layout (layout, "spotlight on a foreign regency");
  surface = draw_slide (&slide, data, NULL, CAK_CHART_THEME_PROJECTOR, 1024, 768);
  cairo_surface_destroy (surface);
  g_object_unref (context);
}

static void
test_type_sizes (void)
{
  CakChartTheme theme, slide_theme;

  cak_chart_theme_init (&theme, CAK_CHART_THEME_PROJECTOR);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      double w = sizes[s][0], h = sizes[s][1];
      double px = cak_slide_font_px (w, h);

      cak_slide_theme (&theme, w, h, &slide_theme);
      /* The smallest labels: axis ticks at 0.85 of the body */
      g_assert_cmpfloat (px * 0.85, >=, 0.025 * h);
      g_assert_cmpfloat (px * slide_theme.label_min_scale, >=, 0.025 * h);
      g_assert_cmpfloat (px * slide_theme.title_scale, >=, 0.05 * h);
    }
  g_assert_cmpfloat (cak_slide_font_px (1024, 768), ==, 24);
  g_assert_cmpfloat (cak_slide_font_px (1920, 1080), ==, 33);
}

static void
test_date (void)
{
  g_autoptr (GDateTime) date = g_date_time_new_local (2026, 12, 3, 9, 0, 0);
  g_autofree char *id = cak_period_format_date (date, CAK_LANG_ID);
  g_autofree char *en = cak_period_format_date (date, CAK_LANG_EN);

  g_assert_cmpstr (id, ==, "3 Desember 2026");
  g_assert_cmpstr (en, ==, "3 December 2026");
}

typedef struct
{
  guint calls, last_done, total;
  GCancellable *cancel_after; /* cancelled after two slides */
} Progress;

static void
progress_cb (guint done, guint total, gpointer user_data)
{
  Progress *p = user_data;

  g_assert_cmpuint (done, ==, p->last_done + 1);
  p->calls++;
  p->last_done = done;
  p->total = total;
  if (p->cancel_after && done == 2)
    g_cancellable_cancel (p->cancel_after);
}

static guint
count_pages (const char *contents, gsize length)
{
  const char *needle = "/Type /Page";
  gsize n = strlen (needle);
  guint pages = 0;

  for (gsize i = 0; i + n < length; i++)
    if (memcmp (contents + i, needle, n) == 0 && contents[i + n] != 's')
      pages++;
  return pages;
}

static void
test_pdf (void)
{
  g_autoptr (CakChartData) data = ctu_sample_data (CAK_LANG_ID);
  g_autoptr (CakDeck) deck = cak_deck_new_default (data);
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "cakupan-test-deck.pdf", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  CakSlideInfo info = { "Disnakertrans", NULL, CAK_CHART_ITEM_NONE };
  Progress progress = { 0 };
  CakChartTheme theme;
  gsize length;

  cak_chart_theme_init (&theme, CAK_CHART_THEME_PROJECTOR_DARK);
  g_assert_true (
      cak_deck_export_pdf (deck, data, &info, &theme, path, NULL, progress_cb, &progress, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (progress.calls, ==, cak_deck_get_n_slides (deck));
  g_assert_cmpuint (progress.total, ==, cak_deck_get_n_slides (deck));
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_cmpuint (count_pages (contents, length), ==, cak_deck_get_n_slides (deck));
  /* 16:9 */
  g_assert_nonnull (ctu_find_bytes (contents, length, "/MediaBox [ 0 0 960 540 ]"));
  g_unlink (path);
}

static void
test_pngs (void)
{
  g_autoptr (CakChartData) data = ctu_sample_data (CAK_LANG_EN);
  g_autoptr (CakDeck) deck = cak_deck_new ();
  g_autofree char *dir = g_dir_make_tmp ("cakupan-slides-XXXXXX", NULL);
  g_autofree char *prefix = g_build_filename (dir, "rakor", NULL);
  g_autoptr (GError) error = NULL;
  CakSlide slides[] = { { CAK_SLIDE_TITLE, 0, NULL },
                        { CAK_SLIDE_SPOTLIGHT, 0, (char *)"35.05" },
                        { CAK_SLIDE_SUMMARY, 0, NULL } };
  CakChartTheme theme;

  for (guint i = 0; i < G_N_ELEMENTS (slides); i++)
    cak_deck_insert (deck, -1, &slides[i]);
  cak_chart_theme_init (&theme, CAK_CHART_THEME_PROJECTOR);
  g_assert_true (
      cak_deck_export_pngs (deck, data, NULL, &theme, prefix, 1024, 768, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 1; i <= 4; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s-%02u.png", prefix, i);

      if (i == 4)
        {
          g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
          continue;
        }
      {
        cairo_surface_t *png = cairo_image_surface_create_from_png (path);

        g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
        g_assert_cmpint (cairo_image_surface_get_width (png), ==, 1024);
        g_assert_cmpint (cairo_image_surface_get_height (png), ==, 768);
        cairo_surface_destroy (png);
      }
      g_unlink (path);
    }
  g_rmdir (dir);
}

/* A cancelled export stops and leaves no file, before it starts or halfway. */
static void
test_cancel (void)
{
  g_autoptr (CakChartData) data = ctu_sample_data (CAK_LANG_EN);
  g_autoptr (CakDeck) deck = cak_deck_new_default (data);
  g_autofree char *dir = g_dir_make_tmp ("cakupan-slides-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "deck.pdf", NULL);
  g_autofree char *prefix = g_build_filename (dir, "deck", NULL);
  g_autoptr (GCancellable) before = g_cancellable_new ();
  CakChartTheme theme;

  cak_chart_theme_init (&theme, CAK_CHART_THEME_PROJECTOR);
  g_cancellable_cancel (before);
  for (guint halfway = 0; halfway < 2; halfway++)
    for (guint png = 0; png < 2; png++)
      {
        g_autoptr (GCancellable) during = g_cancellable_new ();
        GCancellable *cancellable = halfway ? during : before;
        Progress progress = { 0, 0, 0, halfway ? during : NULL };
        g_autoptr (GError) error = NULL;
        g_autoptr (GDir) listing = NULL;
        gboolean ok;

        if (png)
          ok = cak_deck_export_pngs (deck, data, NULL, &theme, prefix, 800, 450, cancellable,
                                     progress_cb, &progress, &error);
        else
          ok = cak_deck_export_pdf (deck, data, NULL, &theme, pdf, cancellable, progress_cb,
                                    &progress, &error);
        g_assert_false (ok);
        g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
        g_assert_cmpuint (progress.calls, ==, halfway ? 2 : 0);
        listing = g_dir_open (dir, 0, NULL);
        g_assert_null (g_dir_read_name (listing));
      }
  g_rmdir (dir);
}

static void
test_export_errors (void)
{
  g_autoptr (CakChartData) data = ctu_sample_data (CAK_LANG_EN);
  g_autoptr (CakDeck) empty = cak_deck_new ();
  g_autoptr (CakDeck) deck = cak_deck_new_default (data);
  g_autoptr (GError) error = NULL;
  CakChartTheme theme;

  cak_chart_theme_init (&theme, CAK_CHART_THEME_PROJECTOR);
  g_assert_false (cak_deck_export_pdf (empty, data, NULL, &theme, "/tmp/cakupan-empty.pdf", NULL,
                                       NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (cak_deck_export_pngs (deck, data, NULL, &theme, "/tmp/cakupan-tiny", 100, 50,
                                        NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (cak_deck_export_pdf (deck, data, NULL, &theme, "/nonexistent/deck.pdf", NULL,
                                       NULL, NULL, &error));
  g_assert_nonnull (error);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/slides/deck/default", test_default_deck);
  g_test_add_func ("/slides/deck/default-short", test_default_deck_short);
  g_test_add_func ("/slides/deck/round-trip", test_round_trip);
  g_test_add_func ("/slides/deck/parse-forgiving", test_parse_forgiving);
  g_test_add_func ("/slides/deck/edit", test_edit);
  g_test_add_func ("/slides/names", test_names);
  g_test_add_func ("/slides/type-sizes", test_type_sizes);
  g_test_add_func ("/slides/date", test_date);
  g_test_add_func ("/slides/every-slide", test_every_slide);
  g_test_add_func ("/slides/highlight", test_highlight);
  g_test_add_func ("/slides/unknown-spotlight", test_unknown_spotlight);
  g_test_add_func ("/slides/export/pdf", test_pdf);
  g_test_add_func ("/slides/export/pngs", test_pngs);
  g_test_add_func ("/slides/export/cancel", test_cancel);
  g_test_add_func ("/slides/export/errors", test_export_errors);
  return g_test_run ();
}
