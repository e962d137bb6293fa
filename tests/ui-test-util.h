/* ui-test-util.h: what the window tests share: running the tests inside the application's main
 * loop, waiting in it for a state, finding widgets, opening a file
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cak-application.h"
#include "cak-window.h"

static int uitu_status;

static gboolean
uitu_keep_waking_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop, as the application would, until done () says so; fails after 20 s, naming
 * the widget waited for and its parents when @data is a widget. */
static inline void
uitu_wait_until (gboolean (*done) (gpointer), gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  guint tick = g_timeout_add (10, uitu_keep_waking_cb, NULL);

  while (!done (data))
    {
      if (g_get_monotonic_time () > deadline && GTK_IS_WIDGET (data))
        for (GtkWidget *w = data; w; w = gtk_widget_get_parent (w))
          g_printerr ("# waited for %s: visible %d mapped %d, %dx%d\n", G_OBJECT_TYPE_NAME (w),
                      gtk_widget_get_visible (w), gtk_widget_get_mapped (w),
                      gtk_widget_get_width (w), gtk_widget_get_height (w));
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (tick);
}

/* Lets the main loop run for @ms: layouts, idles, transitions, the window manager's answers */
static inline void
uitu_spin (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * (gint64)1000;
  guint tick = g_timeout_add (10, uitu_keep_waking_cb, NULL);

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
}

/* Every widget of @type under @widget, itself included, in tree order */
static inline void
uitu_collect_of_type (GtkWidget *widget, GType type, GPtrArray *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (out, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    uitu_collect_of_type (child, type, out);
}

static inline void
uitu_open_path (CakWindow *window, const char *path)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);

  cak_window_open_files (window, &file, 1, FALSE);
}

static gboolean
uitu_run_tests_cb (gpointer user_data)
{
  GApplication *application = user_data;

  g_application_hold (application);
  uitu_status = g_test_run ();
  g_application_release (application);
  g_application_quit (application);
  return G_SOURCE_REMOVE;
}

static void
uitu_activate_cb (GApplication *application, gpointer user_data)
{
  g_idle_add (uitu_run_tests_cb, application);
}

/* Runs the tests added inside @app's main loop, as the window does for a user; frees @app.
 * Returns: the tests' exit status */
static inline int
uitu_run (CakApplication *app, const char *argv0)
{
  char *app_argv[] = { (char *)argv0, NULL };

  g_signal_connect (app, "activate", G_CALLBACK (uitu_activate_cb), NULL);
  g_application_run (G_APPLICATION (app), 1, app_argv);
  g_object_unref (app);
  return uitu_status;
}
