/* test-slides-monev.c: the slides of the monev: what the last meeting agreed, and the Inpres
 * 2/2021 checklist
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "cak-slides-private.h"
#include "chart-test-util.h"
#include "monev-test-util.h"

static const CakChartThemeKind themes[]
    = { CAK_CHART_THEME_PROJECTOR, CAK_CHART_THEME_PROJECTOR_DARK };
static const double sizes[][2] = { { 1024, 768 }, { 1920, 1080 } };

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

/* The last meeting's 12 actions take two slides, before the checklist and the summary; without
 * a monev, or with nothing recorded, the deck is the one it always was. */
static void
test_default_deck (void)
{
  g_autoptr (CakChartData) data = ctu_sample_data (CAK_LANG_EN);
  g_autoptr (CakMonev) monev = mtu_sample_monev (ctu_sample_dataset (), 12);
  g_autoptr (CakMonev) few = mtu_sample_monev (ctu_sample_dataset (), 6);
  g_autoptr (CakMonev) empty = cak_monev_new (ctu_sample_dataset ());
  g_autoptr (CakDeck) plain = cak_deck_new_default (data);
  g_autoptr (CakDeck) with = cak_deck_new_default_with_monev (data, monev);
  g_autoptr (CakDeck) with_few = cak_deck_new_default_with_monev (data, few);
  g_autoptr (CakDeck) with_empty = cak_deck_new_default_with_monev (data, empty);
  g_autofree char *plain_text = cak_deck_to_string (plain);
  g_autofree char *text = cak_deck_to_string (with);
  g_autofree char *few_text = cak_deck_to_string (with_few);
  g_autofree char *empty_text = cak_deck_to_string (with_empty);

  g_assert_true (g_str_has_suffix (text, "\nactions\nactions:2\nchecklist\nsummary\n"));
  g_assert_true (g_str_has_suffix (few_text, "\nactions\nchecklist\nsummary\n"));
  g_assert_cmpstr (empty_text, ==, plain_text);
  g_assert_null (strstr (plain_text, "actions"));
  g_assert_cmpuint (cak_deck_get_n_slides (with), ==, cak_deck_get_n_slides (plain) + 3);
}

static void
test_text_form (void)
{
  g_autoptr (CakChartData) data = ctu_sample_data (CAK_LANG_EN);
  g_autoptr (CakDeck) deck = cak_deck_new_from_string (
      "title\nactions\n ACTIONS:3 \nactions:0\nactions:x\nactions:\nactionsx\nchecklist\n", data);
  g_autofree char *text = cak_deck_to_string (deck);
  g_autoptr (CakDeck) copy = cak_deck_copy (deck);
  g_autofree char *copied = cak_deck_to_string (copy);
  const char *names[]
      = { "Title", "Agreed last time", "Agreed last time (3)", "Inpres 2/2021 checklist" };

  g_assert_cmpstr (text, ==, "title\nactions\nactions:3\nchecklist\n");
  g_assert_cmpstr (copied, ==, text);
  g_assert_cmpuint (cak_deck_get_slide (deck, 2)->page, ==, 2);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *name = cak_slide_get_name (cak_deck_get_slide (deck, i), data);

      g_assert_cmpstr (name, ==, names[i]);
    }
}

/* The actions: done first, then in progress, planned, dropped; Jakarta's is not Jawa Timur's;
 * the earlier meeting's is not the last's. */
static void
test_agreed (void)
{
  g_autoptr (CakChartData) data = ctu_sample_data (CAK_LANG_EN);
  g_autoptr (CakMonev) monev = mtu_sample_monev (ctu_sample_dataset (), 12);
  const CakMeeting *meeting = NULL;
  g_autoptr (GPtrArray) agreed = cak_slide_agreed_actions (data, monev, &meeting);
  const CakActionStatus order[]
      = { CAK_ACTION_DONE, CAK_ACTION_IN_PROGRESS, CAK_ACTION_PLANNED, CAK_ACTION_DROPPED };
  guint k = 0;

  g_assert_nonnull (meeting);
  g_assert_cmpstr (meeting->title, ==, "Rakor monev semester II");
  g_assert_cmpuint (agreed->len, ==, 12);
  for (guint i = 0; i < agreed->len; i++)
    {
      const CakAction *a = g_ptr_array_index (agreed, i);

      while (k < G_N_ELEMENTS (order) && a->status != order[k])
        k++;
      g_assert_cmpuint (k, <, G_N_ELEMENTS (order));
      g_assert_cmpstr (a->region->province_code, ==, "35");
      g_assert_cmpint (a->meeting_id, ==, meeting->id);
    }
  g_assert_null (cak_slide_agreed_actions (data, NULL, NULL));
}

/* Every text inside the frame and clear of the others, at both projector sizes, in both
 * themes and languages; titles at 5% of the height at least; the footer says which actions
 * a slide shows and that more follow. */
static void
test_every_slide (void)
{
  g_autoptr (CakChartData) en = ctu_sample_data (CAK_LANG_EN);
  g_autoptr (CakChartData) id = ctu_sample_data (CAK_LANG_ID);
  CakChartData *datas[] = { en, id };
  g_autoptr (CakMonev) monev = mtu_sample_monev (ctu_sample_dataset (), 12);
  g_autoptr (CakMonev) empty = cak_monev_new (ctu_sample_dataset ());
  CakMonev *monevs[] = { monev, empty, NULL };
  CakSlide slides[] = { { CAK_SLIDE_ACTIONS, 0, NULL, 0 },
                        { CAK_SLIDE_ACTIONS, 0, NULL, 1 },
                        { CAK_SLIDE_ACTIONS, 0, NULL, 2 },
                        { CAK_SLIDE_CHECKLIST, 0, NULL, 0 } };
  PangoContext *context = test_context ();
  const char *footers[2][2] = {
    { "Actions 1–6 of 12 · continued on the next slide", "Actions 7–12 of 12" },
    { "Tindak lanjut 1–6 dari 12 · berlanjut di salindia berikutnya",
      "Tindak lanjut 7–12 dari 12" },
  };

  for (guint d = 0; d < G_N_ELEMENTS (datas); d++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      for (guint t = 0; t < G_N_ELEMENTS (themes); t++)
        for (guint m = 0; m < G_N_ELEMENTS (monevs); m++)
          for (guint i = 0; i < G_N_ELEMENTS (slides); i++)
            {
              double w = sizes[s][0], h = sizes[s][1];
              CakSlideInfo info = { NULL, NULL, CAK_CHART_ITEM_NONE, monevs[m] };
              CakChartTheme theme;
              g_autoptr (CakChartLayout) layout = NULL;
              g_autofree char *name = cak_slide_get_name (&slides[i], datas[d]);
              g_autofree char *what = g_strdup_printf ("%s %gx%g theme %d lang %u monev %u", name,
                                                       w, h, themes[t], d, m);

              cak_chart_theme_init (&theme, themes[t]);
              layout = cak_slide_layout_new (&slides[i], datas[d], &info, &theme, context, w, h);
              ctu_check_layout (layout, what);
              if (layout->title_px < 0.05 * h)
                g_error ("%s: the title is %.1f px, under 5%% of the height", what,
                         layout->title_px);
              g_assert_cmpfloat (layout->font_px * CAK_SLIDE_LABEL_MIN, >=, 0.025 * h);
              if (m == 0 && i < 2)
                g_assert_cmpstr (layout->footer_text, ==, footers[d][i]);
              /* The list: a status, the action and its details for each of six actions,
               * beside the frame's three texts and the tally's four; the long action on two
               * lines */
              if (m == 0 && i == 0)
                g_assert_cmpuint (layout->labels->len, ==, 3 + 4 + 6 * 3 + 1);
              if (t == 0 && s == d)
                {
                  cairo_surface_t *surface
                      = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int)w, (int)h);
                  cairo_t *cr = cairo_create (surface);

                  cak_slide_draw (cr, &slides[i], datas[d], &info, &theme, w, h);
                  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
                  g_assert_cmpuint (ctu_count_color (surface, theme.background), >, w * h / 3);
                  if (g_getenv ("CAKUPAN_TEST_SLIDES_DIR") && m == 0)
                    {
                      g_autofree char *file = g_strdup_printf ("monev-%u-%u-%gx%g.png", i, d, w, h);
                      g_autofree char *path
                          = g_build_filename (g_getenv ("CAKUPAN_TEST_SLIDES_DIR"), file, NULL);

                      cairo_surface_write_to_png (surface, path);
                    }
                  cairo_destroy (cr);
                  cairo_surface_destroy (surface);
                }
            }
  g_object_unref (context);
}

/* The deck with the monev exports: every slide a page */
static void
test_pdf (void)
{
  g_autoptr (CakChartData) data = ctu_sample_data (CAK_LANG_ID);
  g_autoptr (CakMonev) monev = mtu_sample_monev (ctu_sample_dataset (), 12);
  g_autoptr (CakDeck) deck = cak_deck_new_default_with_monev (data, monev);
  g_autofree char *dir = g_dir_make_tmp ("cakupan-slides-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "deck.pdf", NULL);
  g_autoptr (GError) error = NULL;
  CakSlideInfo info = { "Disnakertrans", NULL, CAK_CHART_ITEM_NONE, monev };
  CakChartTheme theme;

  cak_chart_theme_init (&theme, CAK_CHART_THEME_PROJECTOR);
  g_assert_true (cak_deck_export_pdf (deck, data, &info, &theme, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/slides/monev/default-deck", test_default_deck);
  g_test_add_func ("/slides/monev/text-form", test_text_form);
  g_test_add_func ("/slides/monev/agreed", test_agreed);
  g_test_add_func ("/slides/monev/every-slide", test_every_slide);
  g_test_add_func ("/slides/monev/pdf", test_pdf);
  return g_test_run ();
}
