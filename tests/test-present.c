/* test-present.c: the presentation full screen, its keys, and the deck dialog's edits kept
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under a window manager (tests/run-with-wm.sh): without one, an X11 window cannot go full
 * screen.
 */
#define G_LOG_DOMAIN "test-present"

#include "config.h"

#include <glib/gstdio.h>

#include "cak-application.h"
#include "cak-deck-dialog.h"
#include "cak-presentation.h"
#include "cak-window.h"
#include "cak-zip.h"
#include "monev-test-util.h"

#include "ui-test-util.h"

static CakApplication *app;

static GtkWindow *
find_toplevel (GType type)
{
  GList *all = gtk_window_list_toplevels ();
  GtkWindow *found = NULL;

  for (GList *l = all; l; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      found = l->data;
  g_list_free (all);
  return found;
}

static gboolean
on_last_slide (gpointer data)
{
  return cak_presentation_get_index (data) + 1 == cak_presentation_get_n_slides (data);
}

static gboolean
not_exporting (gpointer data)
{
  return !cak_deck_dialog_get_exporting (data);
}

static gboolean
presentation_shown (gpointer data)
{
  return find_toplevel (CAK_TYPE_PRESENTATION) != NULL;
}

static gboolean
presentation_gone (gpointer data)
{
  return find_toplevel (CAK_TYPE_PRESENTATION) == NULL;
}

/* Full screen: the window manager says so, and the window has the monitor's size */
static gboolean
full_screen (gpointer data)
{
  GtkWindow *window = data;
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  GdkMonitor *monitor;
  GdkRectangle geometry;

  if (surface == NULL || !gtk_window_is_fullscreen (window))
    return FALSE;
  monitor = gdk_display_get_monitor_at_surface (gtk_widget_get_display (data), surface);
  gdk_monitor_get_geometry (monitor, &geometry);
  return gdk_surface_get_width (surface) == geometry.width
         && gdk_surface_get_height (surface) == geometry.height
         && gtk_widget_get_width (GTK_WIDGET (window)) == geometry.width;
}

static GtkWidget *
find_button (GtkWidget *widget, const char *action)
{
  if (GTK_IS_BUTTON (widget)
      && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, action);

      if (found)
        return found;
    }
  return NULL;
}

/* The data is shown: the header bar's Present button shows, and its action is enabled */
static gboolean
window_ready (gpointer data)
{
  GtkWidget *button = find_button (GTK_WIDGET (data), "win.present");

  return cak_window_get_dataset (data) != NULL && button && gtk_widget_get_mapped (button)
         && gtk_widget_is_sensitive (button);
}

/* The colour of the middle pixel of what the slide view draws */
static guint32
middle_pixel (CakPresentation *presentation)
{
  GtkWidget *view = GTK_WIDGET (cak_presentation_get_view (presentation));
  int width = gtk_widget_get_width (view), height = gtk_widget_get_height (view);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;
  GdkTexture *texture;
  guint32 *pixels;
  guint32 pixel;

  GTK_WIDGET_GET_CLASS (view)->snapshot (view, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (presentation)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  pixels = g_new (guint32, (gsize)width * height);
  gdk_texture_download (texture, (guchar *)pixels, width * 4);
  pixel = pixels[(height / 2) * width + width / 2] & 0xffffff;
  g_free (pixels);
  g_object_unref (texture);
  gsk_render_node_unref (node);
  return pixel;
}

static void
type (CakPresentation *p, const char *text)
{
  for (const char *c = text; *c; c++)
    g_assert_true (cak_presentation_handle_key (p, gdk_unicode_to_keyval (*c), 0));
}

static CakWindow *
open_sample (void)
{
  CakWindow *window = cak_window_new (app);
  g_autofree char *sample = cak_application_find_sample ();
  g_autoptr (GFile) file = g_file_new_for_path (sample);

  gtk_window_present (GTK_WINDOW (window));
  cak_window_open_files (window, &file, 1, FALSE);
  uitu_wait_until (window_ready, window);
  return window;
}

static int
find_region (CakPresentation *p, const char *code)
{
  return cak_chart_data_find_code (cak_slide_view_get_data (cak_presentation_get_view (p)), code);
}

/* F5 through the window's shortcut; then every key of the show, as the presenter presses them */
static void
test_present_keys (void)
{
  GSettings *settings = cak_application_get_settings (app);
  CakWindow *window;
  CakPresentation *p;
  guint n;

  g_settings_set_string (settings, "deck", "");
  window = open_sample ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL));
  uitu_wait_until (presentation_shown, NULL);
  p = CAK_PRESENTATION (find_toplevel (CAK_TYPE_PRESENTATION));
  uitu_wait_until (full_screen, p);
  g_assert_false (gtk_window_get_decorated (GTK_WINDOW (p)));
  n = cak_presentation_get_n_slides (p);
  g_assert_cmpuint (n, >=, 5);
  g_assert_cmpuint (cak_presentation_get_index (p), ==, 0);

  /* Forward and back, as a keyboard and a clicker do */
  cak_presentation_handle_key (p, GDK_KEY_Right, 0);
  g_assert_cmpuint (cak_presentation_get_index (p), ==, 1);
  cak_presentation_handle_key (p, GDK_KEY_Page_Down, 0);
  g_assert_cmpuint (cak_presentation_get_index (p), ==, 2);
  cak_presentation_handle_key (p, GDK_KEY_space, 0);
  g_assert_cmpuint (cak_presentation_get_index (p), ==, 3);
  cak_presentation_handle_key (p, GDK_KEY_Return, 0);
  g_assert_cmpuint (cak_presentation_get_index (p), ==, 4);
  cak_presentation_handle_key (p, GDK_KEY_Left, 0);
  g_assert_cmpuint (cak_presentation_get_index (p), ==, 3);
  cak_presentation_handle_key (p, GDK_KEY_Page_Up, 0);
  g_assert_cmpuint (cak_presentation_get_index (p), ==, 2);
  cak_presentation_handle_key (p, GDK_KEY_BackSpace, 0);
  g_assert_cmpuint (cak_presentation_get_index (p), ==, 1);
  cak_presentation_handle_key (p, GDK_KEY_End, 0);
  g_assert_cmpuint (cak_presentation_get_index (p), ==, n - 1);
  cak_presentation_handle_key (p, GDK_KEY_Right, 0);
  g_assert_cmpuint (cak_presentation_get_index (p), ==, n - 1);
  cak_presentation_handle_key (p, GDK_KEY_Home, 0);
  g_assert_cmpuint (cak_presentation_get_index (p), ==, 0);
  cak_presentation_handle_key (p, GDK_KEY_Up, 0);
  g_assert_cmpuint (cak_presentation_get_index (p), ==, 0);
  /* A slide by its number, from 1 */
  cak_presentation_handle_key (p, GDK_KEY_3, 0);
  g_assert_cmpuint (cak_presentation_get_index (p), ==, 0);
  cak_presentation_handle_key (p, GDK_KEY_Return, 0);
  g_assert_cmpuint (cak_presentation_get_index (p), ==, 2);
  cak_presentation_handle_key (p, GDK_KEY_9, 0);
  cak_presentation_handle_key (p, GDK_KEY_9, 0);
  cak_presentation_handle_key (p, GDK_KEY_KP_Enter, 0);
  g_assert_cmpuint (cak_presentation_get_index (p), ==, n - 1);
  cak_presentation_handle_key (p, GDK_KEY_KP_2, 0);
  cak_presentation_handle_key (p, GDK_KEY_Escape, 0);
  g_assert_true (presentation_shown (NULL));
  cak_presentation_handle_key (p, GDK_KEY_Return, 0);
  g_assert_cmpuint (cak_presentation_get_index (p), ==, n - 1);
  cak_presentation_go_to (p, 1);
  uitu_spin (400);
  g_assert_cmpuint (middle_pixel (p), !=, 0x000000);

  /* Black, and back with any key; white; the slide has not moved */
  cak_presentation_handle_key (p, GDK_KEY_b, 0);
  g_assert_cmpint (cak_presentation_get_blank (p), ==, CAK_BLANK_BLACK);
  g_assert_cmpuint (middle_pixel (p), ==, 0x000000);
  cak_presentation_handle_key (p, GDK_KEY_Right, 0);
  g_assert_cmpint (cak_presentation_get_blank (p), ==, CAK_BLANK_NONE);
  g_assert_cmpuint (cak_presentation_get_index (p), ==, 1);
  cak_presentation_handle_key (p, GDK_KEY_W, GDK_SHIFT_MASK);
  g_assert_cmpint (cak_presentation_get_blank (p), ==, CAK_BLANK_WHITE);
  g_assert_cmpuint (middle_pixel (p), ==, 0xffffff);
  cak_presentation_handle_key (p, GDK_KEY_w, 0);
  g_assert_cmpint (cak_presentation_get_blank (p), ==, CAK_BLANK_NONE);
  cak_presentation_handle_key (p, GDK_KEY_period, 0);
  g_assert_cmpint (cak_presentation_get_blank (p), ==, CAK_BLANK_BLACK);
  g_assert_false (cak_presentation_handle_key (p, GDK_KEY_Shift_L, 0));
  g_assert_cmpint (cak_presentation_get_blank (p), ==, CAK_BLANK_BLACK);
  cak_presentation_handle_key (p, GDK_KEY_Escape, 0);
  g_assert_cmpint (cak_presentation_get_blank (p), ==, CAK_BLANK_NONE);
  g_assert_true (presentation_shown (NULL));
  cak_presentation_handle_key (p, GDK_KEY_comma, 0);
  g_assert_cmpint (cak_presentation_get_blank (p), ==, CAK_BLANK_WHITE);
  cak_presentation_handle_key (p, GDK_KEY_space, 0);
  g_assert_cmpuint (cak_presentation_get_index (p), ==, 1);

  /* Type-ahead: "/" then the name; B and W would blank, so they cannot start it */
  g_assert_cmpint (cak_presentation_get_highlight (p), ==, CAK_CHART_ITEM_NONE);
  cak_presentation_handle_key (p, GDK_KEY_slash, 0);
  g_assert_true (cak_presentation_get_searching (p));
  type (p, "blitar");
  g_assert_cmpint (cak_presentation_get_blank (p), ==, CAK_BLANK_NONE);
  cak_presentation_handle_key (p, GDK_KEY_Return, 0);
  g_assert_false (cak_presentation_get_searching (p));
  g_assert_cmpint (cak_presentation_get_highlight (p), ==, find_region (p, "35.05"));
  g_assert_cmpuint (cak_presentation_get_index (p), ==, 1);
  /* ... or a letter other than B and W, with spaces in the name; Escape in it cancels */
  type (p, "kota bli");
  g_assert_true (cak_presentation_get_searching (p));
  cak_presentation_handle_key (p, GDK_KEY_KP_Enter, 0);
  g_assert_cmpint (cak_presentation_get_highlight (p), ==, find_region (p, "35.72"));
  cak_presentation_handle_key (p, GDK_KEY_f, GDK_CONTROL_MASK);
  type (p, "surabaya");
  cak_presentation_handle_key (p, GDK_KEY_Escape, 0);
  g_assert_false (cak_presentation_get_searching (p));
  g_assert_cmpint (cak_presentation_get_highlight (p), ==, find_region (p, "35.72"));
  /* A name that is not there keeps the search open */
  type (p, "xyz");
  cak_presentation_handle_key (p, GDK_KEY_Return, 0);
  g_assert_true (cak_presentation_get_searching (p));
  cak_presentation_handle_key (p, GDK_KEY_Escape, 0);
  cak_presentation_handle_key (p, GDK_KEY_slash, 0);
  type (p, "blitar");
  cak_presentation_handle_key (p, GDK_KEY_Return, 0);
  g_assert_cmpint (cak_presentation_get_highlight (p), ==, find_region (p, "35.05"));

  /* Escape lets go of the highlight first, then ends the show */
  cak_presentation_handle_key (p, GDK_KEY_Escape, 0);
  g_assert_cmpint (cak_presentation_get_highlight (p), ==, CAK_CHART_ITEM_NONE);
  g_assert_true (presentation_shown (NULL));
  cak_presentation_handle_key (p, GDK_KEY_Escape, 0);
  uitu_wait_until (presentation_gone, NULL);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A chart slide answers clicks on a regency's mark; the show moves on by itself when asked */
static void
test_present_hits_and_advance (void)
{
  GSettings *settings = cak_application_get_settings (app);
  CakWindow *window;
  CakPresentation *p;
  CakSlideView *view;
  int hit = CAK_CHART_ITEM_NONE;

  g_settings_set_string (settings, "deck", "title\nchart:ranking\nsummary");
  window = open_sample ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL);
  uitu_wait_until (presentation_shown, NULL);
  p = CAK_PRESENTATION (find_toplevel (CAK_TYPE_PRESENTATION));
  uitu_wait_until (full_screen, p);
  g_assert_cmpuint (cak_presentation_get_n_slides (p), ==, 3);
  view = cak_presentation_get_view (p);
  g_assert_cmpint (cak_slide_view_hit_test (view, 200, 200), ==, CAK_CHART_ITEM_NONE);
  cak_presentation_go_to (p, 1);
  for (int y = 0; y < gtk_widget_get_height (GTK_WIDGET (view)) && hit < 0; y += 8)
    for (int x = 0; x < gtk_widget_get_width (GTK_WIDGET (view)) && hit < 0; x += 16)
      hit = cak_slide_view_hit_test (view, x, y);
  g_assert_cmpint (hit, >=, 0);

  {
    gint64 start = g_get_monotonic_time ();

    cak_presentation_set_advance_seconds (p, 1);
    uitu_wait_until (on_last_slide, p);
    g_assert_cmpint (g_get_monotonic_time () - start, >=, 900 * 1000);
  }
  cak_presentation_set_advance_seconds (p, 0);
  cak_presentation_end (p);
  uitu_wait_until (presentation_gone, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Moves, removals and additions in the deck dialog are kept in the "deck" key; Start shows
 * that deck */
static void
test_present_deck_dialog (void)
{
  GSettings *settings = cak_application_get_settings (app);
  CakWindow *window;
  CakDeckDialog *dialog;
  g_autoptr (CakDeck) before = NULL;
  g_autofree char *first = NULL;
  char *text;
  guint n;

  g_settings_set_string (settings, "deck", "");
  window = open_sample ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-presentation", NULL));
  dialog = CAK_DECK_DIALOG (find_toplevel (CAK_TYPE_DECK_DIALOG));
  g_assert_nonnull (dialog);
  before = cak_deck_copy (cak_deck_dialog_get_deck (dialog));
  n = cak_deck_get_n_slides (before);
  g_assert_cmpuint (n, >=, 3);
  first = cak_deck_to_string (before);
  text = g_settings_get_string (settings, "deck");
  g_assert_cmpstr (text, ==, "");
  g_free (text);

  /* The first slide one down */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "deck.move-down", "u", 0);
  text = g_settings_get_string (settings, "deck");
  g_assert_cmpstr (text, !=, "");
  g_assert_cmpstr (text, !=, first);
  {
    g_autoptr (CakDeck) kept = cak_deck_new_from_string (text, NULL);

    g_assert_cmpuint (cak_deck_get_n_slides (kept), ==, n);
    g_assert_cmpint (cak_deck_get_slide (kept, 1)->kind, ==, cak_deck_get_slide (before, 0)->kind);
    g_assert_cmpint (cak_deck_get_slide (kept, 0)->kind, ==, cak_deck_get_slide (before, 1)->kind);
  }
  g_free (text);
  /* ... and back up */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "deck.move-up", "u", 1);
  text = g_settings_get_string (settings, "deck");
  g_assert_cmpstr (text, ==, first);
  g_free (text);
  /* The last removed, a spotlight on Kabupaten Blitar added */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "deck.remove", "u", n - 1);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "deck.add", "s", "spotlight:35.05");
  text = g_settings_get_string (settings, "deck");
  {
    g_autoptr (CakDeck) kept = cak_deck_new_from_string (text, NULL);

    g_assert_cmpuint (cak_deck_get_n_slides (kept), ==, n);
    g_assert_cmpint (cak_deck_get_slide (kept, n - 1)->kind, ==, CAK_SLIDE_SPOTLIGHT);
    g_assert_cmpstr (cak_deck_get_slide (kept, n - 1)->code, ==, "35.05");
  }
  g_free (text);
  /* Removing everything leaves nothing to start */
  for (guint i = 0; i < n; i++)
    gtk_widget_activate_action (GTK_WIDGET (dialog), "deck.remove", "u", 0);
  g_assert_cmpuint (cak_deck_get_n_slides (cak_deck_dialog_get_deck (dialog)), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "deck.start", NULL);
  uitu_spin (100);
  g_assert_null (find_toplevel (CAK_TYPE_PRESENTATION));
  g_assert_nonnull (find_toplevel (CAK_TYPE_DECK_DIALOG));
  /* Reset: the default again, kept as "" */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "deck.reset", NULL);
  text = g_settings_get_string (settings, "deck");
  g_assert_cmpstr (text, ==, "");
  g_free (text);
  g_assert_cmpuint (cak_deck_get_n_slides (cak_deck_dialog_get_deck (dialog)), ==, n);

  /* Exports run in a thread and can be cancelled */
  {
    g_autofree char *dir = g_dir_make_tmp ("cakupan-present-XXXXXX", NULL);
    g_autofree char *pdf = g_build_filename (dir, "slides.pdf", NULL);
    g_autofree char *prefix = g_build_filename (dir, "slides", NULL);
    g_autofree char *png = g_build_filename (dir, "slides-01.png", NULL);
    g_autofree char *last = g_strdup_printf ("%s-%02u.png", prefix, n);
    g_autofree char *cancelled = g_build_filename (dir, "cancelled.pdf", NULL);

    cak_deck_dialog_export (dialog, pdf, TRUE);
    g_assert_true (cak_deck_dialog_get_exporting (dialog));
    uitu_wait_until (not_exporting, dialog);
    g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
    cak_deck_dialog_export (dialog, prefix, FALSE);
    uitu_wait_until (not_exporting, dialog);
    g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
    g_assert_true (g_file_test (last, G_FILE_TEST_IS_REGULAR));
    cak_deck_dialog_export (dialog, cancelled, TRUE);
    gtk_widget_activate_action (GTK_WIDGET (dialog), "deck.cancel-export", NULL);
    uitu_wait_until (not_exporting, dialog);
    for (guint i = 1; i <= n; i++)
      {
        g_autofree char *name = g_strdup_printf ("%s-%02u.png", prefix, i);

        g_unlink (name);
      }
    g_unlink (pdf);
    g_unlink (cancelled);
    g_rmdir (dir);
  }

  /* Start shows the dialog's deck, with its options */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "deck.remove", "u", 0);
  cak_deck_dialog_set_dark (dialog, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "deck.start", NULL);
  uitu_wait_until (presentation_shown, NULL);
  g_assert_null (find_toplevel (CAK_TYPE_DECK_DIALOG));
  {
    CakPresentation *p = CAK_PRESENTATION (find_toplevel (CAK_TYPE_PRESENTATION));

    g_assert_cmpuint (cak_presentation_get_n_slides (p), ==, n - 1);
    uitu_wait_until (full_screen, p);
    cak_presentation_handle_key (p, GDK_KEY_Escape, 0);
  }
  uitu_wait_until (presentation_gone, NULL);
  /* The kept deck is what F5 shows next time */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL);
  uitu_wait_until (presentation_shown, NULL);
  g_assert_cmpuint (
      cak_presentation_get_n_slides (CAK_PRESENTATION (find_toplevel (CAK_TYPE_PRESENTATION))), ==,
      n - 1);
  gtk_window_destroy (GTK_WINDOW (window));
  uitu_wait_until (presentation_gone, NULL);
}

/* With a project open, the deck is the project's: kept in its file, not in the settings */
static gboolean
project_has_file (gpointer data)
{
  CakProject *project = cak_window_get_project (data);

  return project && cak_project_get_file (project) != NULL && !cak_project_get_modified (project);
}

static gboolean
project_written (gpointer data)
{
  return !cak_project_has_pending (data);
}

static void
test_present_deck_project (void)
{
  GSettings *settings = cak_application_get_settings (app);
  g_autofree char *dir = g_dir_make_tmp ("cakupan-deck-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "rakor.cakupan", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (CakProject) reopened = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) deck = NULL;
  g_autofree char *text = NULL;
  CakWindow *window;
  CakDeckDialog *dialog;
  guint n;

  g_settings_set_string (settings, "deck", "");
  window = open_sample ();
  g_assert_true (cak_window_save_project_to (window, file));
  uitu_wait_until (project_has_file, window);
  g_assert_null (cak_project_dup_deck (cak_window_get_project (window)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-presentation", NULL));
  dialog = CAK_DECK_DIALOG (find_toplevel (CAK_TYPE_DECK_DIALOG));
  g_assert_nonnull (dialog);
  n = cak_deck_get_n_slides (cak_deck_dialog_get_deck (dialog));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "deck.add", "s", "spotlight:35.05");

  /* In the project, on disk within the autosave's second; the settings untouched */
  text = g_settings_get_string (settings, "deck");
  g_assert_cmpstr (text, ==, "");
  uitu_wait_until (project_written, cak_window_get_project (window));
  reopened = cak_project_open (file, cak_region_catalog_get_default (), NULL, &error);
  g_assert_no_error (error);
  deck = cak_project_dup_deck (reopened);
  g_assert_nonnull (deck);
  g_assert_cmpuint (g_strv_length (deck), ==, n + 1);
  g_assert_cmpstr (deck[n], ==, "spotlight:35.05");
  g_clear_object (&reopened);

  /* Reset: the project keeps the default deck again */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "deck.reset", NULL);
  g_clear_pointer (&deck, g_strfreev);
  deck = cak_project_dup_deck (cak_window_get_project (window));
  g_assert_null (deck);

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  uitu_spin (50);
  {
    g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d && (name = g_dir_read_name (d)))
      {
        g_autofree char *p = g_build_filename (dir, name, NULL);

        g_unlink (p);
      }
  }
  g_rmdir (dir);
}

/* A project's monev reaches the deck, the show and the report: the default deck adds what the
 * last meeting agreed and the checklist, the presentation draws them from the project's, and
 * the workbook gets their sheets */
static gboolean
report_written (gpointer data)
{
  return !cak_window_is_writing_report (data);
}

static void
test_present_monev (void)
{
  GSettings *settings = cak_application_get_settings (app);
  g_autofree char *dir = g_dir_make_tmp ("cakupan-monev-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "rakor.cakupan", NULL);
  g_autofree char *report = g_build_filename (dir, "monev.xlsx", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autofree char *text = NULL;
  CakReportOptions options = { 0 };
  CakPresentation *presentation;
  CakWindow *window;
  CakDeckDialog *dialog;
  CakMonev *monev;

  g_settings_set_string (settings, "deck", "");
  window = open_sample ();
  g_assert_true (cak_window_save_project_to (window, file));
  uitu_wait_until (project_has_file, window);
  monev = cak_project_get_monev (cak_window_get_project (window));
  mtu_fill_monev (monev, 8);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-presentation", NULL));
  dialog = CAK_DECK_DIALOG (find_toplevel (CAK_TYPE_DECK_DIALOG));
  g_assert_nonnull (dialog);
  text = cak_deck_to_string (cak_deck_dialog_get_deck (dialog));
  g_assert_true (g_str_has_suffix (text, "\nactions\nactions:2\nchecklist\nsummary\n"));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "deck.start", NULL);
  uitu_spin (200);
  presentation = CAK_PRESENTATION (find_toplevel (CAK_TYPE_PRESENTATION));
  g_assert_nonnull (presentation);
  g_assert_true (cak_slide_view_get_monev (cak_presentation_get_view (presentation)) == monev);
  cak_presentation_end (presentation);
  uitu_spin (100);
  if ((dialog = CAK_DECK_DIALOG (find_toplevel (CAK_TYPE_DECK_DIALOG))))
    gtk_window_destroy (GTK_WINDOW (dialog));

  options.lang = CAK_LANG_EN;
  options.period = cak_period_month (2024, 12);
  options.province_code = "35";
  g_assert_true (cak_window_export_report_to (window, report, &options));
  uitu_wait_until (report_written, window);
  {
    g_autoptr (GError) error = NULL;
    CakZip *zip = cak_zip_open (report, "monev.xlsx", &error);
    g_autoptr (GBytes) bytes = NULL;

    g_assert_no_error (error);
    bytes = cak_zip_read_all (zip, "xl/workbook.xml", 1 << 20, &error);
    g_assert_no_error (error);
    g_assert_nonnull (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                    "<sheet name=\"Action Plan\""));
    g_assert_nonnull (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                    "<sheet name=\"Inpres 2-2021\""));
    cak_zip_close (zip);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  uitu_spin (50);
  {
    g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d && (name = g_dir_read_name (d)))
      {
        g_autofree char *p = g_build_filename (dir, name, NULL);

        g_unlink (p);
      }
  }
  g_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  app = cak_application_new ();

  g_test_add_func ("/present/keys", test_present_keys);
  g_test_add_func ("/present/hits-and-advance", test_present_hits_and_advance);
  g_test_add_func ("/present/deck-dialog", test_present_deck_dialog);
  g_test_add_func ("/present/deck-project", test_present_deck_project);
  g_test_add_func ("/present/monev", test_present_monev);

  return uitu_run (app, argv[0]);
}
