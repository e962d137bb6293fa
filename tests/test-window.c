/* test-window.c: the window opens empty, then on the sample, and draws its chart
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include <glib/gstdio.h>

#include "cak-application.h"
#include "cak-chart-view.h"
#include "cak-window.h"

static CakApplication *app;

static gboolean
keep_waking_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop, as the application would, until done () says so. */
static void
wait_until (gboolean (*done) (gpointer), gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  guint tick = g_timeout_add (10, (GSourceFunc)keep_waking_cb, NULL);

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

static gboolean
dataset_loaded (gpointer data)
{
  CakWindow *window = data;
  GtkStack *stack = g_object_get_data (G_OBJECT (window), "test-stack");

  return cak_window_get_dataset (window) != NULL
         && g_strcmp0 (gtk_stack_get_visible_child_name (stack), "data") == 0;
}

static gboolean
drawn (gpointer data)
{
  return gtk_widget_get_height (GTK_WIDGET (data)) > 0 && gtk_widget_get_mapped (GTK_WIDGET (data));
}

static GtkWidget *
find_child_of_type (GtkWidget *widget, GType type)
{
  /* The window's own stack is the one with a "loading" page; drop-downs have stacks too. */
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type)
      && (type != GTK_TYPE_STACK || gtk_stack_get_child_by_name (GTK_STACK (widget), "loading")))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_child_of_type (child, type);

      if (found)
        return found;
    }
  return NULL;
}

static void
test_window_sample (void)
{
  CakWindow *window = cak_window_new (app);
  GtkStack *stack = GTK_STACK (find_child_of_type (GTK_WIDGET (window), GTK_TYPE_STACK));
  CakChartView *chart
      = CAK_CHART_VIEW (find_child_of_type (GTK_WIDGET (window), CAK_TYPE_CHART_VIEW));
  GtkColumnView *table
      = GTK_COLUMN_VIEW (find_child_of_type (GTK_WIDGET (window), GTK_TYPE_COLUMN_VIEW));
  g_autofree char *sample = cak_application_find_sample ();
  g_autoptr (GFile) file = NULL;
  CakRankingModel *model;
  GtkSnapshot *snapshot;
  GskRenderNode *node;

  g_assert_nonnull (stack);
  g_assert_nonnull (chart);
  g_assert_nonnull (table);
  g_object_set_data (G_OBJECT (window), "test-stack", stack);
  gtk_window_present (GTK_WINDOW (window));
  wait_until (drawn, stack);

  /* empty state first */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_null (cak_window_get_dataset (window));

  g_assert_nonnull (sample);
  file = g_file_new_for_path (sample);
  cak_window_open_files (window, &file, 1, FALSE);
  /* the import runs in a worker thread: the window shows it is loading meanwhile */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "loading");
  wait_until (dataset_loaded, window);

  model = cak_chart_view_get_model (chart);
  g_assert_nonnull (model);
  g_assert_cmpuint (model->items->len, ==, 38);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (table))), ==,
                    38);

  wait_until (drawn, chart);
  /* the chart draws something real: a cairo node of its size */
  snapshot = gtk_snapshot_new ();
  GTK_WIDGET_GET_CLASS (chart)->snapshot (GTK_WIDGET (chart), snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  g_assert_cmpint (gsk_render_node_get_node_type (node), ==, GSK_CAIRO_NODE);
  gsk_render_node_unref (node);

  /* selecting a region in the chart selects it in the table */
  cak_chart_view_select_code (chart, "35.05");
  g_assert_cmpstr (cak_chart_view_get_selected_code (chart), ==, "35.05");
  g_assert_cmpuint (
      gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (gtk_column_view_get_model (table))),
      !=, GTK_INVALID_LIST_POSITION);

  /* the accessible description says what the chart shows */
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_bad_file (void)
{
  CakWindow *window = cak_window_new (app);
  GtkStack *stack = GTK_STACK (find_child_of_type (GTK_WIDGET (window), GTK_TYPE_STACK));
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "cakupan-test-empty.csv", NULL);
  g_autoptr (GFile) file = NULL;
  gint64 deadline;

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  file = g_file_new_for_path (path);
  gtk_window_present (GTK_WINDOW (window));
  cak_window_open_files (window, &file, 1, FALSE);
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (g_strcmp0 (gtk_stack_get_visible_child_name (stack), "loading") == 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
    }
  /* back to the empty state, nothing lost, no crash */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_null (cak_window_get_dataset (window));
  g_unlink (path);
  gtk_window_destroy (GTK_WINDOW (window));
}

static int status;

/* The tests run inside the application's main loop, as the window does for a user. */
static gboolean
run_tests_cb (gpointer user_data)
{
  GApplication *application = user_data;

  g_application_hold (application);
  status = g_test_run ();
  g_application_release (application);
  g_application_quit (application);
  return G_SOURCE_REMOVE;
}

static void
activate_cb (GApplication *application, gpointer user_data)
{
  g_idle_add (run_tests_cb, application);
}

int
main (int argc, char *argv[])
{
  char *app_argv[] = { argv[0], NULL };

  g_test_init (&argc, &argv, NULL);

  app = cak_application_new ();
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);

  g_test_add_func ("/window/sample", test_window_sample);
  g_test_add_func ("/window/bad-file", test_window_bad_file);

  g_application_run (G_APPLICATION (app), 1, app_argv);
  g_object_unref (app);
  return status;
}
