/* test-chart-look.c: what a meeting sees on every chart: contrast, whole rows, uncut numbers,
 * one precision and one naming rule per chart
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-chart-look"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "cak-chart-private.h"
#include "cak-slides-private.h"
#include "chart-test-util.h"

#ifdef __GLIBC__
extern int _nl_msg_cat_cntr;
#endif

/* The interface's language follows the data's, as it does for a user: Indonesian words are
 * longer, and what fits in English may not. */
static void
use_language (CakLang lang)
{
  g_setenv ("LANGUAGE", lang == CAK_LANG_ID ? "id" : "en", TRUE);
#ifdef __GLIBC__
  /* glibc caches translations until told the language changed */
  ++_nl_msg_cat_cntr;
#endif
}

static const CakChartThemeKind all_themes[]
    = { CAK_CHART_THEME_LIGHT, CAK_CHART_THEME_DARK, CAK_CHART_THEME_PROJECTOR,
        CAK_CHART_THEME_PROJECTOR_DARK };

static void
check_contrast (const char *theme_name, const char *what, CakColor color, const char *on_name,
                CakColor on, double needed)
{
  double ratio = cak_color_contrast (color, on);

  if (ratio < needed)
    g_error ("theme %s: %s (#%02x%02x%02x) on %s is %.2f:1, under %.1f:1", theme_name, what,
             (int)round (color.r * 255), (int)round (color.g * 255), (int)round (color.b * 255),
             on_name, ratio, needed);
}

/* WCAG AA in every theme: 4.5:1 for every colour a text is drawn in (values, the names at the
 * ends of trend lines, the province's line and label, the key figures' tones), on the
 * background, on a selected row and on the key figures' cards; 3:1 for colours only filled. */
static void
test_contrast (void)
{
  const char *const names[] = { "light", "dark", "projector", "projector-dark" };

  g_assert_cmpfloat_with_epsilon (
      cak_color_contrast ((CakColor){ 0, 0, 0, 1 }, (CakColor){ 1, 1, 1, 1 }), 21, 1e-9);
  /* The figures the issue measured: Okabe-Ito's orange and vermillion on white */
  g_assert_cmpfloat_with_epsilon (
      cak_color_contrast ((CakColor){ 0xe6 / 255., 0x9f / 255., 0, 1 }, (CakColor){ 1, 1, 1, 1 }),
      2.25, 0.01);

  for (guint t = 0; t < G_N_ELEMENTS (all_themes); t++)
    {
      CakChartTheme theme;
      CakColor card;
      const char *n = names[t];

      cak_chart_theme_init (&theme, all_themes[t]);
      card = cak_chart_mix (theme.background, theme.grid, 0.35);
      {
        const struct
        {
          const char *what;
          CakColor color;
        } text[] = {
          { "text", theme.text },       { "muted", theme.muted }, { "bar", theme.bar },
          { "below", theme.below },     { "gain", theme.gain },   { "loss", theme.loss },
          { "average", theme.average },
        },
          fill[] = {
            { "near", theme.near },         { "target", theme.target },
            { "segment 0", theme.segment[0] }, { "segment 1", theme.segment[1] },
            { "segment 2", theme.segment[2] }, { "segment 3", theme.segment[3] },
          };

        for (guint i = 0; i < G_N_ELEMENTS (text); i++)
          {
            check_contrast (n, text[i].what, text[i].color, "the background", theme.background,
                            4.5);
            check_contrast (n, text[i].what, text[i].color, "a card", card, 4.5);
          }
        check_contrast (n, "text", theme.text, "a selected row", theme.highlight, 4.5);
        check_contrast (n, "muted", theme.muted, "a selected row", theme.highlight, 4.5);
        for (guint i = 0; i < G_N_ELEMENTS (theme.series); i++)
          {
            g_autofree char *what = g_strdup_printf ("series %u", i);

            check_contrast (n, what, theme.series[i], "the background", theme.background, 4.5);
          }
        for (guint i = 0; i < G_N_ELEMENTS (fill); i++)
          check_contrast (n, fill[i].what, fill[i].color, "the background", theme.background, 3);
        /* Near and below stay apart in lightness too, not in hue alone. */
        g_assert_cmpfloat (cak_color_contrast (theme.near, theme.below), >=, 1.3);
      }
    }
}

static gboolean
legend_has (const CakChartLayout *layout, const char *label, CakColor *out_color)
{
  guint n;
  const CakLegendEntry *entries = cak_chart_change_get_legend (layout, &n);

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (entries[i].label, label) == 0)
      {
        if (out_color)
          *out_color = entries[i].color;
        return TRUE;
      }
  return FALSE;
}

/* The change chart: a change written "0,0 pp" is neither a gain nor a fall (no colour of
 * either, no side of the axis opened for it), the axis covers the data and no more, and the
 * province's dashed line is in the legend. */
static void
test_change_zero (void)
{
  g_autoptr (CakChartData) data = ctu_sample_data (CAK_LANG_EN);
  CakChartTheme theme;
  int fell = -1;

  cak_chart_theme_init (&theme, CAK_CHART_THEME_LIGHT);
  /* Every regency rose but one, whose change rounds to zero from below */
  for (guint i = 0; i < data->rows->len; i++)
    {
      CakIndicatorRow *row = &g_array_index (data->rows, CakIndicatorRow, i);

      if (row->change_pp <= 0)
        row->change_pp = 0.4 + i * 0.01;
    }
  g_array_index (data->rows, CakIndicatorRow, 3).change_pp = -0.04;
  for (guint s = 0; s < 2; s++)
    {
      double width = s == 0 ? 1920 : 1024, height = s == 0 ? 1080 : 768;
      g_autoptr (CakChartLayout) layout
          = ctu_layout (CAK_CHART_CHANGE, data, CAK_CHART_THEME_LIGHT, width, height);
      double zero = cak_chart_change_x_of (layout, 0);

      /* No negative half: zero is where the plot starts */
      g_assert_cmpfloat (zero - layout->plot.x, <, layout->font_px);
      g_assert_true (legend_has (layout, "Coverage rose", NULL)
                     || legend_has (layout, "Rose", NULL));
      g_assert_false (legend_has (layout, "Coverage fell", NULL)
                      || legend_has (layout, "Fell", NULL));
      g_assert_true (legend_has (layout, "No change", NULL) || legend_has (layout, "Same", NULL));
      g_assert_true (legend_has (layout, data->place, NULL));
      /* Its mark starts at zero, not left of it */
      for (guint i = 0; i < layout->hits->len; i++)
        {
          const CakChartHit *hit = &g_array_index (layout->hits, CakChartHit, i);

          if (hit->item == 3 && hit->rect.width < layout->font_px)
            g_assert_cmpfloat (hit->rect.x, >=, zero - 0.5);
        }
    }

  /* With a real fall the axis opens left, and the fall's colour is in the legend */
  for (guint i = 0; i < data->rows->len; i++)
    if (g_array_index (data->rows, CakIndicatorRow, i).change_pp > 1)
      {
        fell = i;
        break;
      }
  g_assert_cmpint (fell, >=, 0);
  g_array_index (data->rows, CakIndicatorRow, fell).change_pp = -1.2;
  {
    g_autoptr (CakChartLayout) layout
        = ctu_layout (CAK_CHART_CHANGE, data, CAK_CHART_THEME_LIGHT, 1920, 1080);
    CakColor color;

    g_assert_cmpfloat (cak_chart_change_x_of (layout, -1.2), >=, layout->plot.x - 0.5);
    g_assert_cmpfloat (cak_chart_change_x_of (layout, 0) - layout->plot.x, >, layout->font_px);
    g_assert_true (legend_has (layout, "Coverage fell", &color));
    g_assert_cmpfloat (color.r, ==, theme.loss.r);
  }
}

/* Every text a layout shaped: the keys of its cache are "px|weight|max_width|text". */
typedef struct
{
  const char *text;
  double px;
  int weight;
  PangoLayout *shaped;
} Shaped;

static GArray *
shaped_texts (const CakChartLayout *layout)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (Shaped));
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, layout->texts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *k = key;
      Shaped t = { NULL, g_ascii_strtod (k, NULL), 0, value };
      const char *bar1 = strchr (k, '|');
      const char *bar2 = bar1 ? strchr (bar1 + 1, '|') : NULL;
      const char *bar3 = bar2 ? strchr (bar2 + 1, '|') : NULL;

      g_assert_nonnull (bar3);
      t.weight = atoi (bar1 + 1);
      t.text = bar3 + 1;
      g_array_append_val (out, t);
    }
  return out;
}

static gboolean
has_digit (const char *text)
{
  for (const char *p = text; *p; p++)
    if (g_ascii_isdigit (*p))
      return TRUE;
  return FALSE;
}

/* Nothing a chart or a slide draws is cut: no text with a figure in it ellipsised, at any size;
 * no regency's name, title or subtitle cut at the sizes a meeting uses. Failures are gathered
 * and reported together. */
static void
check_uncut (const CakChartLayout *layout, const char *what, GString *failures)
{
  g_autoptr (GArray) texts = shaped_texts (layout);

  for (guint i = 0; i < texts->len; i++)
    {
      const Shaped *t = &g_array_index (texts, Shaped, i);

      if (!pango_layout_is_ellipsized (t->shaped))
        continue;
      /* Only what is drawn counts: a text measured in a width and then not placed there (a
       * fallback tried) would be reported here too; the painters place all they shape at
       * their final width, so an ellipsis here is on the chart. */
      g_string_append_printf (failures, "%s: \"%s\" is cut%s\n", what, t->text,
                              has_digit (t->text) ? " (a figure!)" : "");
    }
}

static void
test_uncut (void)
{
  g_autoptr (CakChartData) id = ctu_sample_data (CAK_LANG_ID);
  g_autoptr (CakChartData) en = ctu_sample_data (CAK_LANG_EN);
  g_autoptr (CakDataset) ds = ctu_national_dataset (12);
  g_autoptr (CakChartData) nid = cak_chart_data_new (ds, NULL, ctu_period ("2024-12"),
                                                     ctu_period ("2023-12"), NULL, CAK_LANG_ID);
  g_autoptr (CakChartData) nen = cak_chart_data_new (ds, NULL, ctu_period ("2024-12"),
                                                     ctu_period ("2023-12"), NULL, CAK_LANG_EN);
  /* A province of a national file (Indonesia beside it) and the country by province */
  g_autoptr (CakChartData) pid = cak_chart_data_new (ds, "35", ctu_period ("2024-12"),
                                                     ctu_period ("2023-12"), NULL, CAK_LANG_ID);
  g_autoptr (CakChartData) pen = cak_chart_data_new_provinces (
      ds, ctu_period ("2024-12"), ctu_period ("2023-12"), NULL, CAK_LANG_EN);
  /* Two places side by side: a province beside the one with the longest name, and the country
   * by province beside a province */
  g_autoptr (CakChartData) peer_id = cak_chart_data_new (ds, "35", ctu_period ("2024-12"),
                                                         ctu_period ("2023-12"), NULL, CAK_LANG_ID);
  g_autoptr (CakChartData) peer_en = cak_chart_data_new_provinces (
      ds, ctu_period ("2024-12"), ctu_period ("2023-12"), NULL, CAK_LANG_EN);
  CakChartData *datas[] = { id, en, nid, nen, pid, pen, peer_id, peer_en };
  const char *data_names[] = { "Jawa Timur id",
                               "Jawa Timur en",
                               "national id",
                               "national en",
                               "Jawa Timur of the country id",
                               "provinces en",
                               "Jawa Timur beside Kepulauan Bangka Belitung id",
                               "provinces beside Jawa Timur en" };
  /* The screens a meeting uses; the window's charts are drawn smaller than these (see below) */
  const double sizes[][2] = { { 1024, 768 }, { 1366, 768 }, { 1920, 1080 } };
  const CakChartThemeKind themes[] = { CAK_CHART_THEME_LIGHT, CAK_CHART_THEME_PROJECTOR };
  g_autoptr (GString) failures = g_string_new (NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 8, 8);
  cairo_t *cr = cairo_create (surface);
  PangoContext *context = cak_chart_create_context (cr);

  g_assert_true (cak_chart_data_set_peer (peer_id, ds, "19"));
  g_assert_true (cak_chart_data_set_peer (peer_en, ds, "35"));
  for (guint d = 0; d < G_N_ELEMENTS (datas); d++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      for (guint t = 0; t < G_N_ELEMENTS (themes); t++)
        {
          double w = sizes[s][0], h = sizes[s][1];
          g_autoptr (CakDeck) deck = NULL;
          CakChartTheme theme;

          cak_chart_theme_init (&theme, themes[t]);
          use_language (datas[d]->lang);
          /* The charts as an export draws them, and as the window does at this screen size:
           * beside the sidebar (about 220 px), and two to a row on the Overview */
          for (guint k = 0; k < CAK_N_CHART_KINDS; k++)
            for (guint v = 0; v < 3; v++)
              {
                double cw = v == 0 ? w : v == 1 ? w - 220 : (w - 220) / 2;
                double ch = v == 0 ? h : h - 90;
                g_autoptr (CakChartLayout) layout
                    = cak_chart_layout_new (k, datas[d], NULL, &theme, context, cw, ch,
                                            cak_chart_font_px_for_size (cw, ch, &theme));
                g_autofree char *what = g_strdup_printf (
                    "%s %s %gx%g theme %d", cak_chart_kind_to_id (k), data_names[d], cw, ch, t);

                check_uncut (layout, what, failures);
              }
          /* The deck's slides */
          deck = cak_deck_new_default (datas[d]);
          for (guint i = 0; i < cak_deck_get_n_slides (deck); i++)
            {
              const CakSlide *slide = cak_deck_get_slide (deck, i);
              g_autoptr (CakChartLayout) layout
                  = cak_slide_layout_new (slide, datas[d], NULL, &theme, context, w, h);
              g_autofree char *name = cak_slide_get_name (slide, datas[d]);
              g_autofree char *what = g_strdup_printf ("slide %u (%s) %s %gx%g theme %d", i + 1,
                                                       name, data_names[d], w, h, t);

              check_uncut (layout, what, failures);
            }
        }
  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  use_language (CAK_LANG_EN);
  if (failures->len > 0)
    g_error ("cut texts:\n%s", failures->str);
}

/* One precision per chart: the rule itself */
static void
test_people_format (void)
{
  const struct
  {
    double values[4];
    CakLang lang;
    const char *expected[4];
  } cases[] = {
    /* The issue's: "2,5 jt" beside "1,92 jt", "57 rb" beside "55,9 rb" */
    { { 2.5e6, 1.92e6, NAN, NAN }, CAK_LANG_ID, { "2,5 jt", "1,9 jt" } },
    { { 57e3, 55.9e3, NAN, NAN }, CAK_LANG_ID, { "57,0 rb", "55,9 rb" } },
    /* The largest of a unit sets its decimals; each unit its own */
    { { 729e3, 58.8e3, 26e3, 1.2e6 }, CAK_LANG_ID, { "729 rb", "59 rb", "26 rb", "1,2 jt" } },
    { { 15.475216e6, 4.883806e6, 10.59141e6, 1.306281e6 },
      CAK_LANG_ID,
      { "15,5 jt", "4,9 jt", "10,6 jt", "1,3 jt" } },
    { { 57e3, 55.9e3, 950, NAN }, CAK_LANG_EN, { "57.0K", "55.9K", "950" } },
    /* Rounding up into the next unit: 999.960 is a million */
    { { 999960, 2.5e6, NAN, NAN }, CAK_LANG_ID, { "1,0 jt", "2,5 jt" } },
    { { 107.9425e6, 1.5e6, NAN, NAN }, CAK_LANG_ID, { "108 jt", "2 jt" } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CakChartPeople people;

      cak_chart_people_init (&people);
      for (guint v = 0; v < 4; v++)
        cak_chart_people_add (&people, cases[i].values[v]);
      for (guint v = 0; v < 4 && cases[i].expected[v]; v++)
        {
          g_autofree char *text
              = cak_chart_people_format (&people, cases[i].values[v], cases[i].lang);

          g_assert_cmpstr (text, ==, cases[i].expected[v]);
        }
    }
}

/* In every chart and slide, the figures in people drawn in bold (the rows' figures, the key
 * figures) have one precision per unit. The sentence beside a legend ("Jawa Timur: 10,6 jt of
 * 15,5 jt ...") is a figure of its own and the axis' ticks are round numbers: not looked at. */
static void
check_one_precision (const CakChartLayout *layout, const char *what, GString *failures)
{
  g_autoptr (GArray) texts = shaped_texts (layout);
  g_autoptr (GRegex) figure = g_regex_new (
      "(?<![\\d.,])(\\d{1,3})(?:[.,](\\d+))?( rb| jt| M| T|K|M|B|T)(?!\\w)", 0, 0, NULL);
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < texts->len; i++)
    {
      const Shaped *t = &g_array_index (texts, Shaped, i);
      g_autoptr (GMatchInfo) match = NULL;

      if (t->weight < PANGO_WEIGHT_BOLD || strchr (t->text, ':'))
        continue;
      g_regex_match (figure, t->text, 0, &match);
      while (g_match_info_matches (match))
        {
          g_autofree char *decimals = g_match_info_fetch (match, 2);
          g_autofree char *unit = g_match_info_fetch (match, 3);
          g_autofree char *all = g_match_info_fetch (match, 0);
          const char *before = g_hash_table_lookup (seen, unit);
          int n = decimals ? (int)strlen (decimals) : 0;

          if (before && (int)strlen (before) != n + 1)
            g_string_append_printf (failures, "%s: \"%s\" beside a figure in%s with %d decimals\n",
                                    what, all, unit, (int)strlen (before) - 1);
          else if (!before)
            g_hash_table_insert (seen, g_strdup (unit), g_strnfill (n + 1, 'd'));
          g_match_info_next (match, NULL);
        }
    }
}

static void
test_one_precision (void)
{
  g_autoptr (CakChartData) id = ctu_sample_data (CAK_LANG_ID);
  g_autoptr (CakChartData) en = ctu_sample_data (CAK_LANG_EN);
  g_autoptr (CakDataset) ds = ctu_national_dataset (12);
  g_autoptr (CakChartData) nid = cak_chart_data_new (ds, NULL, ctu_period ("2024-12"),
                                                     ctu_period ("2023-12"), NULL, CAK_LANG_ID);
  CakChartData *datas[] = { id, en, nid };
  const double sizes[][2] = { { 400, 600 }, { 1024, 768 }, { 1920, 1080 } };
  const CakChartKind kinds[] = { CAK_CHART_KPI, CAK_CHART_COVERAGE_WORKFORCE, CAK_CHART_SEGMENTS };
  g_autoptr (GString) failures = g_string_new (NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 8, 8);
  cairo_t *cr = cairo_create (surface);
  PangoContext *context = cak_chart_create_context (cr);
  CakChartTheme theme;

  cak_chart_theme_init (&theme, CAK_CHART_THEME_LIGHT);
  for (guint d = 0; d < G_N_ELEMENTS (datas); d++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        {
          double w = sizes[s][0], h = sizes[s][1];
          g_autoptr (CakChartLayout) layout = cak_chart_layout_new (
              kinds[k], datas[d], NULL, &theme, context, w, h, cak_chart_font_px_for_size (w, h, &theme));
          g_autofree char *what
              = g_strdup_printf ("%s data %u %gx%g", cak_chart_kind_to_id (kinds[k]), d, w, h);

          check_one_precision (layout, what, failures);
        }
  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  if (failures->len > 0)
    g_error ("precision varies:\n%s", failures->str);
}

/* Folding remains for the whole country only; there, the regency the reader picked out is
 * never among those folded away: it has its row between two summary rows, and each summary
 * row counts what it stands for. */
static void
test_selected_in_view (void)
{
  g_autoptr (CakDataset) ds = ctu_national_dataset (12);
  g_autoptr (CakChartData) data = cak_chart_data_new (ds, NULL, ctu_period ("2024-12"),
                                                      ctu_period ("2023-12"), NULL, CAK_LANG_EN);
  const CakChartKind kinds[]
      = { CAK_CHART_RANKING, CAK_CHART_COVERAGE_WORKFORCE, CAK_CHART_SEGMENTS, CAK_CHART_CHANGE };
  int middle = -1;
  CakChartFocus focus = cak_chart_focus_none ();

  /* A regency near the middle of every order: the median of coverage will do for all four
   * only by chance, so each chart is asked about its own middle */
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr (CakChartLayout) plain = NULL;
      g_autoptr (CakChartLayout) layout = NULL;
      CakRect rect;
      guint n_rows = 0;

      plain = ctu_layout (kinds[k], data, CAK_CHART_THEME_PROJECTOR, 1366, 768);
      /* The first regency not drawn */
      middle = -1;
      for (guint i = 0; i < data->rows->len && middle < 0; i++)
        if (!cak_chart_find_item (plain, i, &rect))
          middle = i;
      g_assert_cmpint (middle, >=, 0);
      for (guint i = 0; i < plain->hits->len; i++)
        n_rows += g_array_index (plain->hits, CakChartHit, i).item >= 0;

      focus.selected = middle;
      layout = ctu_layout_focus (kinds[k], data, &focus, CAK_CHART_THEME_PROJECTOR, 1366, 768, 0);
      if (!cak_chart_find_item (layout, middle, &rect))
        g_error ("%s: the selected regency is folded away", cak_chart_kind_to_id (kinds[k]));
    }

  /* The counts: a summary row between ranks 3 and 8 of ten stands for four */
  {
    int order_items[10] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 };
    int row_items[] = { 0, 1, 2, CAK_CHART_ITEM_REST, 7, CAK_CHART_ITEM_REST, 9 };
    g_autoptr (GArray) order = g_array_new (FALSE, FALSE, sizeof (int));
    g_autoptr (GArray) rows = g_array_new (FALSE, FALSE, sizeof (int));
    g_autoptr (GArray) kept = NULL;

    g_array_append_vals (order, order_items, 10);
    g_array_append_vals (rows, row_items, G_N_ELEMENTS (row_items));
    g_assert_cmpuint (cak_chart_rest_count (order, 10, rows, 3), ==, 4);
    g_assert_cmpuint (cak_chart_rest_count (order, 10, rows, 5), ==, 1);
    kept = cak_chart_pick_rows_keeping (order, 7, 5);
    g_assert_cmpuint (kept->len, <=, 7);
    g_assert_cmpint (g_array_index (kept, int, 0), ==, 0);
    g_assert_cmpint (g_array_index (kept, int, kept->len - 1), ==, 9);
    for (guint i = 0; i < kept->len; i++)
      if (g_array_index (kept, int, i) == 5)
        {
          g_assert_cmpint (g_array_index (kept, int, i - 1), ==, CAK_CHART_ITEM_REST);
          g_assert_cmpint (g_array_index (kept, int, i + 1), ==, CAK_CHART_ITEM_REST);
          return;
        }
    g_assert_not_reached ();
  }
}

/* A value beside a bar that stops short of its target stands clear of the target's mark. */
static void
test_value_clear_of_target (void)
{
  g_autoptr (CakChartData) data = ctu_sample_data (CAK_LANG_ID);
  const double sizes[][2] = { { 600, 900 }, { 1024, 768 }, { 1366, 768 }, { 1920, 1080 } };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      int w = sizes[s][0], h = sizes[s][1];
      /* The window's light theme, small type, at the first size; the projector's after */
      CakChartThemeKind kind = s == 0 ? CAK_CHART_THEME_LIGHT : CAK_CHART_THEME_PROJECTOR;
      g_autoptr (CakChartLayout) layout = ctu_layout (CAK_CHART_RANKING, data, kind, w, h);
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
      cairo_t *cr = cairo_create (surface);
      CakChartTheme theme;
      guint checked = 0;

      cak_chart_theme_init (&theme, kind);
      cak_chart_paint (cr, data, NULL, &theme, layout);
      cairo_surface_flush (surface);
      for (guint i = 0; i < layout->hits->len; i++)
        {
          const CakChartHit *hit = &g_array_index (layout->hits, CakChartHit, i);
          const CakIndicatorRow *row;
          int cy = (int)(hit->rect.y + hit->rect.height / 2);
          const CakRect *value = NULL;
          guchar *line;

          if (hit->item < 0)
            continue;
          row = &g_array_index (data->rows, CakIndicatorRow, hit->item);
          if (!(row->coverage_pct < row->target_pct))
            continue;
          /* Its value: the rightmost text on its line */
          for (guint l = 0; l < layout->labels->len; l++)
            {
              const CakRect *r = &g_array_index (layout->labels, CakRect, l);

              if (r->y <= cy && r->y + r->height >= cy && r->x >= hit->rect.x
                  && r->x < hit->rect.x + hit->rect.width && (!value || r->x > value->x))
                value = r;
            }
          g_assert_nonnull (value);
          /* Left of it, on the bar's middle line, the dark mark: half the body size between
           * them, so that the two never read as one */
          line = cairo_image_surface_get_data (surface)
                 + cy * cairo_image_surface_get_stride (surface);
          for (int x = (int)value->x - 1; x > value->x - layout->font_px; x--)
            {
              guint32 p = ((guint32 *)line)[x];

              if (((p >> 16) & 0xff) < 80 && ((p >> 8) & 0xff) < 80 && (p & 0xff) < 80)
                {
                  if (value->x - x < layout->font_px * 0.5)
                    g_error ("%dx%d: %s's value starts %.1f px after its target mark", w, h,
                             row->region->name, value->x - x);
                  break;
                }
            }
          checked++;
        }
      g_assert_cmpuint (checked, >, 10);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

/* A deck and an export show every regency of a province: no row of the four bar charts is
 * folded away at any slide or export size, in either projector theme; only the whole country
 * is summarised. */
static void
test_every_row (void)
{
  g_autoptr (CakChartData) data = ctu_sample_data (CAK_LANG_ID);
  const CakChartKind kinds[]
      = { CAK_CHART_RANKING, CAK_CHART_COVERAGE_WORKFORCE, CAK_CHART_SEGMENTS, CAK_CHART_CHANGE };
  const double sizes[][2] = { { 1024, 768 }, { 1366, 768 }, { 1920, 1080 } };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 8, 8);
  cairo_t *cr = cairo_create (surface);
  PangoContext *context = cak_chart_create_context (cr);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      for (guint t = 0; t < G_N_ELEMENTS (all_themes); t++)
        for (guint on_slide = 0; on_slide < 2; on_slide++)
          {
            double w = sizes[s][0], h = sizes[s][1];
            CakSlide slide = { CAK_SLIDE_CHART, kinds[k], NULL };
            CakChartTheme theme;
            g_autoptr (CakChartLayout) layout = NULL;
            g_autofree char *what
                = g_strdup_printf ("%s %gx%g theme %u%s", cak_chart_kind_to_id (kinds[k]), w, h, t,
                                   on_slide ? " on a slide" : "");

            cak_chart_theme_init (&theme, all_themes[t]);
            layout = on_slide ? cak_slide_layout_new (&slide, data, NULL, &theme, context, w, h)
                              : cak_chart_layout_new (kinds[k], data, NULL, &theme, context, w, h,
                                                      cak_chart_font_px_for_size (w, h, &theme));
            ctu_check_layout (layout, what);
            for (guint i = 0; i < data->rows->len; i++)
              {
                CakRect rect;

                if (!cak_chart_find_item (layout, i, &rect))
                  g_error ("%s: %s is left out", what,
                           g_array_index (data->rows, CakIndicatorRow, i).region->name);
              }
          }
  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* One naming rule per chart: a chart's rows say "Kabupaten" or "Kab.", never both. */
static void
test_one_naming_rule (void)
{
  g_autoptr (CakChartData) id = ctu_sample_data (CAK_LANG_ID);
  g_autoptr (CakDataset) ds = ctu_national_dataset (12);
  g_autoptr (CakChartData) national = cak_chart_data_new (
      ds, NULL, ctu_period ("2024-12"), ctu_period ("2023-12"), NULL, CAK_LANG_ID);
  CakChartData *datas[] = { id, national };
  const double sizes[][2]
      = { { 400, 600 }, { 800, 600 }, { 1024, 768 }, { 1366, 768 }, { 1920, 1080 } };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 8, 8);
  cairo_t *cr = cairo_create (surface);
  PangoContext *context = cak_chart_create_context (cr);
  guint n_short = 0, n_full = 0;

  for (guint d = 0; d < G_N_ELEMENTS (datas); d++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      for (guint t = 0; t < G_N_ELEMENTS (all_themes); t++)
        for (guint k = 0; k < CAK_N_CHART_KINDS; k++)
          {
            double w = sizes[s][0], h = sizes[s][1];
            CakChartTheme theme;
            g_autoptr (CakChartLayout) layout = NULL;
            guint full = 0, shortened = 0;

            cak_chart_theme_init (&theme, all_themes[t]);
            layout = cak_chart_layout_new (k, datas[d], NULL, &theme, context, w, h,
                                           cak_chart_font_px_for_size (w, h, &theme));
            for (guint i = 0; i < layout->placed->len; i++)
              {
                const char *text = g_ptr_array_index (layout->placed, i);

                full += g_str_has_prefix (text, "Kabupaten ");
                shortened += g_str_has_prefix (text, "Kab. ");
              }
            if (full > 0 && shortened > 0)
              g_error ("%s data %u %gx%g theme %u: %u names with \"Kabupaten\", %u with \"Kab.\"",
                       cak_chart_kind_to_id (k), d, w, h, t, full, shortened);
            n_full += full > 0;
            n_short += shortened > 0;
          }
  /* Both rules were seen at work */
  g_assert_cmpuint (n_full, >, 0);
  g_assert_cmpuint (n_short, >, 0);
  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int argc, char *argv[])
{
  /* Any locale but "C", where gettext ignores LANGUAGE */
  if (setlocale (LC_ALL, "C.UTF-8") == NULL)
    setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/chart/look/contrast", test_contrast);
  g_test_add_func ("/chart/look/change-zero", test_change_zero);
  g_test_add_func ("/chart/look/uncut", test_uncut);
  g_test_add_func ("/chart/look/people-format", test_people_format);
  g_test_add_func ("/chart/look/one-precision", test_one_precision);
  g_test_add_func ("/chart/look/selected-in-view", test_selected_in_view);
  g_test_add_func ("/chart/look/value-clear-of-target", test_value_clear_of_target);
  g_test_add_func ("/chart/look/every-row", test_every_row);
  g_test_add_func ("/chart/look/one-naming-rule", test_one_naming_rule);
  return g_test_run ();
}
