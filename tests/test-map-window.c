/* test-map-window.c: the window's Map page: hover, click, zoom and pan by wheel, drag, keys and
 * buttons, drawn as a kept image with the outlines over it
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-map-window"

#include "config.h"

#include <math.h>
#include <string.h>

#include "cak-application.h"
#include "cak-chart-private.h"
#include "cak-chart-view.h"
#include "cak-window.h"

#include "ui-test-util.h"

static CakApplication *app;

static GtkStack *
find_page_stack (GtkWidget *window)
{
  g_autoptr (GPtrArray) stacks = g_ptr_array_new ();

  uitu_collect_of_type (window, GTK_TYPE_STACK, stacks);
  for (guint i = 0; i < stacks->len; i++)
    if (gtk_stack_get_child_by_name (g_ptr_array_index (stacks, i), "overview"))
      return g_ptr_array_index (stacks, i);
  return NULL;
}

static gboolean
loaded (gpointer data)
{
  GtkStack *pages = find_page_stack (data);

  return cak_window_get_dataset (data) != NULL && pages
         && gtk_widget_get_mapped (GTK_WIDGET (pages));
}

static gboolean
drawn (gpointer data)
{
  return gtk_widget_get_height (GTK_WIDGET (data)) > 0 && gtk_widget_get_mapped (GTK_WIDGET (data))
         && cak_chart_view_get_layout (data) != NULL;
}

static gboolean
unmapped (gpointer data)
{
  return !gtk_widget_get_mapped (data);
}

/* The controller of exactly @type on @widget (the view keeps it) */
static GtkEventController *
find_controller (GtkWidget *widget, GType type)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_OBJECT_TYPE (controller) == type)
        return controller;
    }
  g_error ("no %s on %s", g_type_name (type), G_OBJECT_TYPE_NAME (widget));
  return NULL;
}

/* The page's chart, drawn */
static CakChartView *
show_page (GtkStack *pages, const char *name)
{
  GtkWidget *page = gtk_stack_get_child_by_name (pages, name);
  g_autoptr (GPtrArray) views = g_ptr_array_new ();
  CakChartView *view;

  g_assert_nonnull (page);
  gtk_stack_set_visible_child (pages, page);
  uitu_collect_of_type (page, CAK_TYPE_CHART_VIEW, views);
  g_assert_cmpuint (views->len, ==, 1);
  view = g_ptr_array_index (views, 0);
  uitu_wait_until (drawn, view);
  return view;
}

/* Where @code's region is on the map now, as the view lays it out */
static void
anchor_of (CakChartView *view, const char *code, double *x, double *y)
{
  int item = cak_chart_data_find_code (cak_chart_view_get_data (view), code);

  g_assert_cmpint (item, >=, 0);
  g_assert_true (cak_chart_map_get_anchor (cak_chart_view_get_layout (view), item, x, y));
}

static const char *
code_of (CakChartView *view, int item)
{
  return g_array_index (cak_chart_view_get_data (view)->rows, CakIndicatorRow, item).region->code;
}

/* A hit test of the view's layout, after it was laid out again for its zoom */
static const char *
code_at (CakChartView *view, double x, double y)
{
  int item = cak_chart_hit_test (cak_chart_view_get_layout (view), x, y);

  return item >= 0 ? code_of (view, item) : NULL;
}

static GtkWidget *
find_button (GtkWidget *root, const char *action)
{
  g_autoptr (GPtrArray) buttons = g_ptr_array_new ();

  uitu_collect_of_type (root, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (g_ptr_array_index (buttons, i)), action) == 0)
      return g_ptr_array_index (buttons, i);
  g_error ("no button for %s", action);
  return NULL;
}

static gboolean
press_key (CakChartView *view, guint keyval, GdkModifierType state)
{
  GtkEventController *keys = find_controller (GTK_WIDGET (view), GTK_TYPE_EVENT_CONTROLLER_KEY);
  gboolean handled = FALSE;

  g_signal_emit_by_name (keys, "key-pressed", keyval, 0, state, &handled);
  return handled;
}

static gboolean
scroll_by (CakChartView *view, double dy)
{
  GtkEventController *scroll
      = find_controller (GTK_WIDGET (view), GTK_TYPE_EVENT_CONTROLLER_SCROLL);
  gboolean handled = FALSE;

  g_signal_emit_by_name (scroll, "scroll", 0.0, dy, &handled);
  return handled;
}

static void
move_pointer (CakChartView *view, double x, double y)
{
  g_signal_emit_by_name (find_controller (GTK_WIDGET (view), GTK_TYPE_EVENT_CONTROLLER_MOTION),
                         "motion", x, y);
}

static void
click (CakChartView *view, double x, double y)
{
  GtkEventController *gesture = find_controller (GTK_WIDGET (view), GTK_TYPE_GESTURE_CLICK);

  g_signal_emit_by_name (gesture, "pressed", 1, x, y);
  g_signal_emit_by_name (gesture, "released", 1, x, y);
}

/* A press at (x, y), dragged by (dx, dy) in two moves, released there */
static void
drag (CakChartView *view, double x, double y, double dx, double dy)
{
  GtkEventController *gesture = find_controller (GTK_WIDGET (view), GTK_TYPE_GESTURE_CLICK);
  GtkEventController *drag = find_controller (GTK_WIDGET (view), GTK_TYPE_GESTURE_DRAG);

  g_signal_emit_by_name (gesture, "pressed", 1, x, y);
  g_signal_emit_by_name (drag, "drag-begin", x, y);
  g_signal_emit_by_name (drag, "drag-update", dx / 2, dy / 2);
  g_signal_emit_by_name (drag, "drag-update", dx, dy);
  g_signal_emit_by_name (drag, "drag-end", dx, dy);
  g_signal_emit_by_name (gesture, "released", 1, x + dx, y + dy);
}

static char *
description_of (CakChartView *view)
{
  /* A value that is not the description makes GTK say what the description is */
  return gtk_test_accessible_check_property (
      GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "\x01 not this \x01");
}

/* The region whose anchor is nearest the middle of the plot: the view can move it every way */
static const char *
middle_region (CakChartView *view)
{
  const CakChartLayout *layout = cak_chart_view_get_layout (view);
  CakChartData *data = cak_chart_view_get_data (view);
  double mx = layout->plot.x + layout->plot.width / 2,
         my = layout->plot.y + layout->plot.height / 2;
  double best = INFINITY;
  int found = -1;

  for (guint i = 0; i < data->rows->len; i++)
    {
      double x, y;

      if (cak_chart_map_get_anchor (layout, (int)i, &x, &y) && hypot (x - mx, y - my) < best)
        {
          best = hypot (x - mx, y - my);
          found = (int)i;
        }
    }
  g_assert_cmpint (found, >=, 0);
  return code_of (view, found);
}

static gboolean
inside_plot (CakChartView *view, const char *code)
{
  const CakChartLayout *layout = cak_chart_view_get_layout (view);
  double x, y;

  anchor_of (view, code, &x, &y);
  return x >= layout->plot.x && x <= layout->plot.x + layout->plot.width && y >= layout->plot.y
         && y <= layout->plot.y + layout->plot.height;
}

static void
test_map_page (void)
{
  CakWindow *window = cak_window_new (app);
  g_autofree char *sample = cak_application_find_sample ();
  g_autoptr (GFile) file = g_file_new_for_path (sample);
  g_autoptr (GPtrArray) views = g_ptr_array_new ();
  g_autofree char *middle = NULL;
  GtkWidget *zoom_in, *zoom_out, *whole;
  GtkColumnView *table;
  GtkStack *pages;
  CakChartView *map, *ranking = NULL, *tiles;
  double x, y, x0, y0, x1, y1, zoom;
  const char *code;

  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  cak_window_open_files (window, &file, 1, FALSE);
  uitu_wait_until (loaded, window);
  pages = find_page_stack (GTK_WIDGET (window));
  map = show_page (pages, "map");
  g_assert_cmpint (cak_chart_view_get_kind (map), ==, CAK_CHART_MAP);
  g_assert_cmpfloat (cak_chart_view_get_zoom (map), ==, 1);
  uitu_collect_of_type (GTK_WIDGET (window), CAK_TYPE_CHART_VIEW, views);
  for (guint i = 0; i < views->len; i++)
    if (cak_chart_view_get_kind (g_ptr_array_index (views, i)) == CAK_CHART_RANKING)
      ranking = g_ptr_array_index (views, i);
  g_assert_nonnull (ranking);

  /* The buttons: over the map, named, and only Zoom In can act on the whole map */
  zoom_in = find_button (GTK_WIDGET (window), "win.map-zoom-in");
  zoom_out = find_button (GTK_WIDGET (window), "win.map-zoom-out");
  whole = find_button (GTK_WIDGET (window), "win.map-zoom-reset");
  g_assert_true (gtk_widget_is_ancestor (zoom_in, gtk_stack_get_child_by_name (pages, "map")));
  g_assert_true (gtk_widget_get_mapped (zoom_in));
  g_assert_true (gtk_widget_get_sensitive (zoom_in));
  g_assert_false (gtk_widget_get_sensitive (zoom_out));
  g_assert_false (gtk_widget_get_sensitive (whole));
  {
    g_autofree char *description = description_of (map);

    g_assert_nonnull (description);
    g_assert_null (strstr (description, "Zoomed in"));
  }

  /* Drawn as the map's image, kept, with the outlines drawn over it */
  {
    GtkSnapshot *snapshot = gtk_snapshot_new ();
    GskRenderNode *node;

    GTK_WIDGET_GET_CLASS (map)->snapshot (GTK_WIDGET (map), snapshot);
    node = gtk_snapshot_free_to_node (snapshot);
    g_assert_cmpint (gsk_render_node_get_node_type (node), ==, GSK_CONTAINER_NODE);
    g_assert_cmpuint (gsk_container_node_get_n_children (node), ==, 2);
    g_assert_cmpint (gsk_render_node_get_node_type (gsk_container_node_get_child (node, 0)), ==,
                     GSK_TEXTURE_NODE);
    g_assert_cmpint (gsk_render_node_get_node_type (gsk_container_node_get_child (node, 1)), ==,
                     GSK_CAIRO_NODE);
    gsk_render_node_unref (node);
  }

  /* Hover: the region under the pointer is highlighted */
  anchor_of (map, "35.78", &x, &y);
  move_pointer (map, x, y);
  g_assert_cmpstr (code_of (map, cak_chart_view_get_highlighted (map)), ==, "35.78");

  /* A click selects the region in the window: every chart and the table follow */
  anchor_of (map, "35.05", &x, &y);
  click (map, x, y);
  g_assert_cmpstr (cak_chart_view_get_selected_code (map), ==, "35.05");
  g_assert_cmpstr (cak_chart_view_get_selected_code (ranking), ==, "35.05");
  {
    g_autoptr (GPtrArray) tables = g_ptr_array_new ();

    uitu_collect_of_type (GTK_WIDGET (window), GTK_TYPE_COLUMN_VIEW, tables);
    g_assert_cmpuint (tables->len, ==, 1);
    table = g_ptr_array_index (tables, 0);
  }
  g_assert_cmpuint (
      gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (gtk_column_view_get_model (table))),
      !=, GTK_INVALID_LIST_POSITION);

  /* The wheel zooms about the pointer: the region under it stays under it */
  middle = g_strdup (middle_region (map));
  anchor_of (map, middle, &x, &y);
  move_pointer (map, x, y);
  g_assert_true (scroll_by (map, -1));
  g_assert_cmpfloat_with_epsilon (cak_chart_view_get_zoom (map), 1.25, 1e-9);
  g_assert_cmpstr (code_at (map, x, y), ==, middle);
  anchor_of (map, middle, &x1, &y1);
  g_assert_cmpfloat_with_epsilon (x1, x, 1);
  g_assert_cmpfloat_with_epsilon (y1, y, 1);
  g_assert_true (scroll_by (map, -3));
  zoom = pow (1.25, 4);
  g_assert_cmpfloat_with_epsilon (cak_chart_view_get_zoom (map), zoom, 1e-9);
  anchor_of (map, middle, &x1, &y1);
  g_assert_cmpfloat_with_epsilon (x1, x, 1);
  g_assert_cmpfloat_with_epsilon (y1, y, 1);
  /* A touchpad's half step: a power of the wheel's */
  g_assert_true (scroll_by (map, 0.5));
  g_assert_cmpfloat_with_epsilon (cak_chart_view_get_zoom (map), zoom / sqrt (1.25), 1e-9);
  g_assert_true (scroll_by (map, -0.5));
  g_assert_cmpfloat_with_epsilon (cak_chart_view_get_zoom (map), zoom, 1e-9);
  g_assert_true (gtk_widget_get_sensitive (zoom_out));
  g_assert_true (gtk_widget_get_sensitive (whole));
  {
    g_autofree char *description = description_of (map);

    g_assert_true (g_str_has_prefix (description, "Zoomed in 2,4×.")
                   || g_str_has_prefix (description, "Zoomed in 2.4×."));
  }

  /* A drag moves the map with the pointer, and selects nothing */
  anchor_of (map, middle, &x0, &y0);
  drag (map, x0, y0, 60, -35);
  anchor_of (map, middle, &x1, &y1);
  g_assert_cmpfloat_with_epsilon (x1, x0 + 60, 1);
  g_assert_cmpfloat_with_epsilon (y1, y0 - 35, 1);
  g_assert_cmpstr (code_at (map, x1, y1), ==, middle);
  g_assert_cmpstr (cak_chart_view_get_selected_code (map), ==, "35.05");
  g_assert_cmpfloat_with_epsilon (cak_chart_view_get_zoom (map), zoom, 1e-9);
  /* A click that shook a little still selects */
  {
    GtkEventController *gesture = find_controller (GTK_WIDGET (map), GTK_TYPE_GESTURE_CLICK);

    g_signal_emit_by_name (gesture, "pressed", 1, x1, y1);
    g_signal_emit_by_name (gesture, "released", 1, x1 + 1, y1 + 1);
    g_assert_cmpstr (cak_chart_view_get_selected_code (map), ==, middle);
    g_assert_cmpstr (cak_chart_view_get_selected_code (ranking), ==, middle);
  }

  /* Keys: + and - zoom about the middle, Ctrl and an arrow move the map by a tenth */
  g_assert_true (press_key (map, GDK_KEY_plus, 0));
  g_assert_cmpfloat_with_epsilon (cak_chart_view_get_zoom (map), zoom * 1.5, 1e-9);
  g_assert_true (press_key (map, GDK_KEY_KP_Subtract, 0));
  g_assert_cmpfloat_with_epsilon (cak_chart_view_get_zoom (map), zoom, 1e-9);
  anchor_of (map, middle, &x0, &y0);
  g_assert_true (press_key (map, GDK_KEY_Right, GDK_CONTROL_MASK));
  anchor_of (map, middle, &x1, &y1);
  g_assert_cmpfloat_with_epsilon (x1, x0 - cak_chart_view_get_layout (map)->plot.width / 10, 1);
  g_assert_cmpfloat_with_epsilon (y1, y0, 1e-6);
  g_assert_true (press_key (map, GDK_KEY_Up, GDK_CONTROL_MASK));
  anchor_of (map, middle, &x0, &y0);
  g_assert_cmpfloat_with_epsilon (x0, x1, 1e-6);
  g_assert_cmpfloat_with_epsilon (y0, y1 + cak_chart_view_get_layout (map)->plot.height / 10, 1);
  /* Ctrl and an arrow moved the map: the selection stayed */
  g_assert_cmpstr (cak_chart_view_get_selected_code (map), ==, middle);
  g_assert_true (press_key (map, GDK_KEY_0, 0));
  g_assert_cmpfloat (cak_chart_view_get_zoom (map), ==, 1);
  g_assert_false (gtk_widget_get_sensitive (zoom_out));
  g_assert_false (gtk_widget_get_sensitive (whole));
  {
    g_autofree char *description = description_of (map);

    g_assert_null (strstr (description, "Zoomed in"));
  }

  /* Zoomed far in on a region, the arrows walk the regions and the view follows each one */
  {
    gboolean moved = FALSE;

    anchor_of (map, middle, &x, &y);
    move_pointer (map, x, y);
    g_assert_true (scroll_by (map, -12));
    g_assert_cmpfloat_with_epsilon (cak_chart_view_get_zoom (map), pow (1.25, 12), 1e-6);
    for (guint i = 0; i < 38; i++)
      {
        const CakChartLayout *before = cak_chart_view_get_layout (map);
        double cx = before->focus.center_x, cy = before->focus.center_y;

        g_assert_true (press_key (map, GDK_KEY_Right, 0));
        code = cak_chart_view_get_selected_code (map);
        g_assert_nonnull (code);
        g_assert_true (inside_plot (map, code));
        if (cak_chart_view_get_layout (map)->focus.center_x != cx
            || cak_chart_view_get_layout (map)->focus.center_y != cy)
          moved = TRUE;
      }
    g_assert_true (moved);
  }

  /* The buttons: in to the limit, where Zoom In can no more; out; and the whole map */
  cak_chart_view_zoom_reset (map);
  g_assert_false (gtk_widget_get_sensitive (whole));
  for (guint i = 0; i < 20 && gtk_widget_get_sensitive (zoom_in); i++)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.map-zoom-in", NULL));
  g_assert_cmpfloat (cak_chart_view_get_zoom (map), ==, CAK_CHART_ZOOM_MAX);
  g_assert_false (gtk_widget_get_sensitive (zoom_in));
  {
    g_autofree char *description = description_of (map);

    g_assert_true (g_str_has_prefix (description, "Zoomed in 32×."));
  }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.map-zoom-out", NULL);
  g_assert_cmpfloat_with_epsilon (cak_chart_view_get_zoom (map), CAK_CHART_ZOOM_MAX / 1.5, 1e-9);
  g_assert_true (gtk_widget_get_sensitive (zoom_in));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.map-zoom-reset", NULL);
  g_assert_cmpfloat (cak_chart_view_get_zoom (map), ==, 1);
  g_assert_false (gtk_widget_get_sensitive (zoom_out));
  /* Whole again: each region is where it was */
  anchor_of (map, "35.05", &x, &y);
  g_assert_cmpstr (code_at (map, x, y), ==, "35.05");

  /* The tile map does not zoom: the page scrolls as before, + is not taken */
  tiles = show_page (pages, "tilemap");
  g_assert_cmpint (cak_chart_view_get_kind (tiles), ==, CAK_CHART_TILEMAP);
  g_assert_false (scroll_by (tiles, -1));
  g_assert_false (press_key (tiles, GDK_KEY_plus, 0));
  g_assert_cmpfloat (cak_chart_view_get_zoom (tiles), ==, 1);
  /* Its page has no zoom buttons: the map's go with their page */
  uitu_wait_until (unmapped, zoom_in);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  app = cak_application_new ();
  g_test_add_func ("/map-window/page", test_map_page);
  return uitu_run (app, argv[0]);
}
