/* cak-chart-view.c: a widget that hosts any chart painter, with hover, selection and keys
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cak-chart-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "cak-chart-view.h"
#include "cak-number.h"

/* Body text of the chart in the window, in logical pixels. */
#define FONT_PX 13.5
/* Data changes cross-fade for this long, unless animations are off. */
#define FADE_USEC (220 * 1000)
/* A wheel's step zooms the map by this much, the keys and the buttons by the other */
#define WHEEL_ZOOM 1.25
#define KEY_ZOOM 1.5
/* Touchpads that scroll in pixels: this many make one wheel step */
#define PIXELS_PER_STEP 50.0

struct _CakChartView
{
  GtkWidget parent_instance;

  CakChartKind kind;
  CakChartData *data;
  CakChartTheme theme;
  CakChartLayout *layout;
  char *selected_code;
  int highlighted;

  GtkAdjustment *hadjustment;
  GtkAdjustment *vadjustment;
  guint hscroll_policy : 1;
  guint vscroll_policy : 1;

  GskRenderNode *last_node; /* what was drawn last, to fade from */
  GskRenderNode *old_node;
  gint64 fade_start;
  guint fade_tick;

  /* Charts drawn in two parts (the maps): the part that changes with neither the pointer nor
   * the selection, drawn once for the layout at base_scale */
  GdkTexture *base;
  int base_scale;

  /* The map's zoom and centre (see CakChartFocus); 1 and the middle for the other charts */
  double zoom, center_x, center_y;
  double pointer_x, pointer_y; /* where the pointer is, for the wheel */
  gboolean has_pointer;
  double press_x, press_y; /* where the last button press was */
  double drag_x, drag_y;   /* how far the drag has moved the map so far */
  gboolean panning;        /* a drag is moving the map */
  gboolean panned;         /* since the last press: a click that moved selects nothing */
  gboolean pinching;
  double pinch_scale;
};

static void scrollable_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CakChartView, cak_chart_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, scrollable_init))

enum
{
  PROP_0,
  PROP_KIND,
  PROP_SELECTED_CODE,
  PROP_ZOOM,
  N_PROPS,
  PROP_HADJUSTMENT,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties[N_PROPS];

enum
{
  ITEM_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
scrollable_init (GtkScrollableInterface *iface)
{
}

static double
scroll_y (CakChartView *self)
{
  return self->vadjustment ? round (gtk_adjustment_get_value (self->vadjustment)) : 0;
}

static int
selected_item (CakChartView *self)
{
  if (self->data == NULL || self->selected_code == NULL)
    return CAK_CHART_ITEM_NONE;
  return cak_chart_data_find_code (self->data, self->selected_code);
}

/* The layout and what was drawn once for it go together */
static void
drop_layout (CakChartView *self)
{
  g_clear_pointer (&self->layout, cak_chart_layout_free);
  g_clear_object (&self->base);
}

static void
invalidate_layout (CakChartView *self)
{
  drop_layout (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
configure_adjustment (CakChartView *self, double content_height)
{
  double height = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->vadjustment)
    gtk_adjustment_configure (
        self->vadjustment,
        MIN (gtk_adjustment_get_value (self->vadjustment), MAX (0, content_height - height)), 0,
        MAX (content_height, height), height * 0.1, height * 0.9, height);
  if (self->hadjustment)
    {
      double width = gtk_widget_get_width (GTK_WIDGET (self));

      gtk_adjustment_configure (self->hadjustment, 0, 0, width, width * 0.1, width * 0.9, width);
    }
}

static void
ensure_layout (CakChartView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double font_px = round (FONT_PX * self->theme.font_scale * 2) / 2;
  double natural, content;
  CakChartFocus focus
      = { selected_item (self), self->highlighted, self->zoom, self->center_x, self->center_y };

  /* The selected regency's labels are placed by the layout, and the map is laid out for its
   * zoom: a new selection or view lays out again. */
  if (self->layout
      && (self->layout->focus.selected != focus.selected
          || !cak_chart_focus_same_view (&self->layout->focus, &focus)))
    drop_layout (self);
  if (self->layout || self->data == NULL || width <= 0 || height <= 0)
    return;
  /* Charts with a row per regency scroll when the rows do not fit; the others fit the view. */
  natural = cak_chart_natural_height (self->kind, self->data, &self->theme, width, font_px);
  content = MAX (height, natural);
  self->layout = cak_chart_layout_new (self->kind, self->data, &focus, &self->theme,
                                       gtk_widget_get_pango_context (GTK_WIDGET (self)), width,
                                       content, font_px);
  /* The view as it applies (kept inside the chart) */
  self->zoom = cak_chart_focus_get_zoom (&self->layout->focus);
  self->center_x = self->layout->focus.center_x;
  self->center_y = self->layout->focus.center_y;
  configure_adjustment (self, content);
}

/* The chart's name, and the region selected in it: what a screen reader says on a change of
 * selection. The description keeps what the whole chart shows. */
static char *
accessible_label (CakChartView *self)
{
  int item = selected_item (self);
  g_autofree char *text = NULL;

  if (item != CAK_CHART_ITEM_NONE)
    text = cak_chart_data_describe_item (self->data, item);
  if (text == NULL)
    return g_strdup (cak_chart_kind_get_name (self->kind));
  g_strdelimit (text, "\n", ';');
  /* Translators: a chart's accessible name while a region is selected in it: the chart's name,
   * then the region and its figures */
  return g_strdup_printf (_ ("%s, selected: %s"), cak_chart_kind_get_name (self->kind), text);
}

/* What a screen reader is told of a zoomed map: how much, and the keys that move it */
static char *
describe_zoom (CakChartView *self)
{
  double zoom = self->zoom;
  g_autofree char *times = NULL;

  /* 1,5× and 4× (not 4,0×) */
  times = cak_number_format (zoom, fabs (zoom - round (zoom)) < 0.05 ? 0 : 1, self->data->lang);
  /* Translators: said by a screen reader of the map when it is zoomed in; %s is how much, as
   * in "4" or "1,5" */
  return g_strdup_printf (_ ("Zoomed in %s×. Plus and minus zoom, 0 shows the whole map, Ctrl "
                             "and the arrow keys move it."),
                          times);
}

static void
update_accessible (CakChartView *self)
{
  g_autofree char *description = NULL;
  g_autofree char *label = NULL;

  if (self->data == NULL)
    return;
  description = cak_chart_describe (self->kind, self->data);
  if (cak_chart_kind_can_zoom (self->kind) && self->zoom > 1)
    {
      g_autofree char *whole = g_steal_pointer (&description);
      g_autofree char *zoom = describe_zoom (self);

      description = g_strdup_printf ("%s\n%s", zoom, whole);
    }
  label = accessible_label (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
}

/* A new selection is said: the chart's name changes with it (what GTK 4.8 can tell a screen
 * reader), and from GTK 4.14 on it is announced. */
static void
announce_selection (CakChartView *self)
{
  int item = selected_item (self);

  update_accessible (self);
#if GTK_CHECK_VERSION(4, 14, 0)
  if (item != CAK_CHART_ITEM_NONE)
    {
      g_autofree char *text = cak_chart_data_describe_item (self->data, item);

      if (text)
        gtk_accessible_announce (GTK_ACCESSIBLE (self), text,
                                 GTK_ACCESSIBLE_ANNOUNCEMENT_PRIORITY_MEDIUM);
    }
#else
  (void)item;
#endif
}

static void
scroll_to_item (CakChartView *self, int item)
{
  CakRect rect;
  double top, height;

  if (self->layout == NULL || self->vadjustment == NULL
      || !cak_chart_find_item (self->layout, item, &rect))
    return;
  top = gtk_adjustment_get_value (self->vadjustment);
  height = gtk_widget_get_height (GTK_WIDGET (self));
  if (rect.y < top)
    gtk_adjustment_set_value (self->vadjustment, rect.y - rect.height);
  else if (rect.y + rect.height > top + height)
    gtk_adjustment_set_value (self->vadjustment, rect.y + 2 * rect.height - height);
}

static void
set_selected_item (CakChartView *self, int item)
{
  const CakIndicatorRow *row;
  const char *code = NULL;

  if (self->data == NULL)
    return;
  row = cak_chart_data_get_row (self->data, item);
  if (row && row->region)
    code = row->region->code;
  if (g_strcmp0 (code, self->selected_code) == 0)
    return;
  g_free (self->selected_code);
  self->selected_code = g_strdup (code);
  scroll_to_item (self, item);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  announce_selection (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_CODE]);
}

static int
hit_test (CakChartView *self, double x, double y)
{
  ensure_layout (self);
  if (self->layout == NULL)
    return CAK_CHART_ITEM_NONE;
  return cak_chart_hit_test (self->layout, x, y + scroll_y (self));
}

/* The map's view: zoom and pan */

static gboolean
can_zoom (CakChartView *self)
{
  return cak_chart_kind_can_zoom (self->kind);
}

static double
drag_threshold (CakChartView *self)
{
  int threshold = 8;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-dnd-drag-threshold", &threshold,
                NULL);
  return MAX (1, threshold);
}

/* A zoomed map can be taken and moved */
static void
update_cursor (CakChartView *self)
{
  const char *name = NULL;

  if (can_zoom (self) && self->zoom > 1)
    name = self->panning ? "grabbing" : "grab";
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), name);
}

/* The region under the pointer, after the map moved under it */
static void
follow_pointer (CakChartView *self)
{
  int item
      = self->has_pointer ? hit_test (self, self->pointer_x, self->pointer_y) : CAK_CHART_ITEM_NONE;

  if (item != self->highlighted)
    {
      self->highlighted = item;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

/* Shows the part of the map @focus says (its zoom and centre) */
static void
set_view (CakChartView *self, const CakChartFocus *focus)
{
  double zoom = cak_chart_focus_get_zoom (focus);
  gboolean zoom_changed = zoom != self->zoom;

  self->zoom = zoom;
  self->center_x = zoom > 1 ? focus->center_x : 0.5;
  self->center_y = zoom > 1 ? focus->center_y : 0.5;
  drop_layout (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  update_cursor (self);
  follow_pointer (self);
  if (zoom_changed)
    {
      update_accessible (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
    }
}

/* The whole map again, without asking the layout (a new kind or place) */
static void
reset_view (CakChartView *self)
{
  CakChartFocus whole = cak_chart_focus_none ();

  if (self->zoom == 1 && self->center_x == 0.5 && self->center_y == 0.5)
    return;
  set_view (self, &whole);
}

/* Zooms about (@x, @y) of the layout, which stays where it is */
static gboolean
zoom_about (CakChartView *self, double factor, double x, double y)
{
  CakChartFocus focus;

  ensure_layout (self);
  if (self->layout == NULL || !can_zoom (self))
    return FALSE;
  focus = self->layout->focus;
  if (!cak_chart_focus_zoom (&focus, self->layout, factor, x, y))
    return FALSE;
  set_view (self, &focus);
  return TRUE;
}

static gboolean
zoom_about_middle (CakChartView *self, double factor)
{
  const CakRect *plot;

  ensure_layout (self);
  if (self->layout == NULL)
    return FALSE;
  plot = &self->layout->plot;
  return zoom_about (self, factor, plot->x + plot->width / 2, plot->y + plot->height / 2);
}

/* Moves the map by (@dx, @dy), as a drag does */
static gboolean
pan (CakChartView *self, double dx, double dy)
{
  CakChartFocus focus;

  ensure_layout (self);
  if (self->layout == NULL || !can_zoom (self))
    return FALSE;
  focus = self->layout->focus;
  if (!cak_chart_focus_pan (&focus, self->layout, dx, dy))
    return FALSE;
  set_view (self, &focus);
  return TRUE;
}

/* A zoomed map follows the selection when it goes out of view */
static void
reveal_selected (CakChartView *self)
{
  CakChartFocus focus;
  int item = selected_item (self);

  if (!can_zoom (self) || self->zoom <= 1 || item == CAK_CHART_ITEM_NONE)
    return;
  ensure_layout (self);
  if (self->layout == NULL)
    return;
  focus = self->layout->focus;
  if (cak_chart_focus_reveal (&focus, self->layout, item))
    set_view (self, &focus);
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller, double dx, double dy, gpointer user_data)
{
  CakChartView *self = user_data;
  double steps = dy;

  if (!can_zoom (self))
    return FALSE;
  ensure_layout (self);
  if (self->layout == NULL)
    return FALSE;
  /* A touchpad's smooth scroll zooms smoothly: a power of a wheel's step */
  if (gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_SURFACE)
    steps /= PIXELS_PER_STEP;
  if (steps != 0 && isfinite (steps))
    {
      if (self->has_pointer)
        zoom_about (self, pow (WHEEL_ZOOM, -steps), self->pointer_x,
                    self->pointer_y + scroll_y (self));
      else
        zoom_about_middle (self, pow (WHEEL_ZOOM, -steps));
    }
  /* The page does not scroll under the map */
  return TRUE;
}

static void
drag_begin_cb (GtkGestureDrag *gesture, double x, double y, gpointer user_data)
{
  CakChartView *self = user_data;

  self->drag_x = self->drag_y = 0;
  self->panning = FALSE;
  self->panned = FALSE;
}

static void
drag_update_cb (GtkGestureDrag *gesture, double offset_x, double offset_y, gpointer user_data)
{
  CakChartView *self = user_data;

  if (!can_zoom (self) || self->zoom <= 1 || self->pinching)
    return;
  if (!self->panning)
    {
      /* A hand that shakes while clicking does not move the map */
      if (hypot (offset_x, offset_y) < drag_threshold (self))
        return;
      self->panning = self->panned = TRUE;
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      update_cursor (self);
    }
  pan (self, offset_x - self->drag_x, offset_y - self->drag_y);
  self->drag_x = offset_x;
  self->drag_y = offset_y;
}

static void
drag_end_cb (GtkGestureDrag *gesture, double offset_x, double offset_y, gpointer user_data)
{
  CakChartView *self = user_data;

  if (!self->panning)
    return;
  drag_update_cb (gesture, offset_x, offset_y, self);
  self->panning = FALSE;
  update_cursor (self);
}

static void
pinch_begin_cb (GtkGesture *gesture, GdkEventSequence *sequence, gpointer user_data)
{
  CakChartView *self = user_data;

  if (!can_zoom (self))
    return;
  self->pinching = TRUE;
  self->pinch_scale = 1;
  gtk_gesture_set_state (gesture, GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
pinch_scale_changed_cb (GtkGestureZoom *gesture, double scale, gpointer user_data)
{
  CakChartView *self = user_data;
  double x, y;

  if (!self->pinching || !(scale > 0) || !(self->pinch_scale > 0))
    return;
  if (gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    zoom_about (self, scale / self->pinch_scale, x, y + scroll_y (self));
  else
    zoom_about_middle (self, scale / self->pinch_scale);
  self->pinch_scale = scale;
}

static void
pinch_end_cb (GtkGesture *gesture, GdkEventSequence *sequence, gpointer user_data)
{
  CakChartView *self = user_data;

  self->pinching = FALSE;
}

/* The keys of a map: + and - zoom about the middle, 0 shows it whole, Ctrl and the arrows move
 * it by a tenth of the plot */
static gboolean
zoom_key (CakChartView *self, guint keyval, GdkModifierType state)
{
  gboolean ctrl = (state & GDK_CONTROL_MASK) != 0;
  double step_x, step_y;

  if (state & GDK_ALT_MASK)
    return FALSE;
  switch (keyval)
    {
      case GDK_KEY_plus:
      case GDK_KEY_equal:
      case GDK_KEY_KP_Add:
        if (ctrl)
          return FALSE;
        zoom_about_middle (self, KEY_ZOOM);
        return TRUE;
      case GDK_KEY_minus:
      case GDK_KEY_KP_Subtract:
        if (ctrl)
          return FALSE;
        zoom_about_middle (self, 1 / KEY_ZOOM);
        return TRUE;
      case GDK_KEY_0:
      case GDK_KEY_KP_0:
        if (ctrl)
          return FALSE;
        reset_view (self);
        return TRUE;
      default:
        break;
    }
  if (!ctrl)
    return FALSE;
  ensure_layout (self);
  if (self->layout == NULL)
    return FALSE;
  step_x = self->layout->plot.width / 10;
  step_y = self->layout->plot.height / 10;
  switch (keyval)
    {
      /* The view goes the arrow's way: the map the other */
      case GDK_KEY_Left:
      case GDK_KEY_KP_Left:
        pan (self, step_x, 0);
        return TRUE;
      case GDK_KEY_Right:
      case GDK_KEY_KP_Right:
        pan (self, -step_x, 0);
        return TRUE;
      case GDK_KEY_Up:
      case GDK_KEY_KP_Up:
        pan (self, 0, step_y);
        return TRUE;
      case GDK_KEY_Down:
      case GDK_KEY_KP_Down:
        pan (self, 0, -step_y);
        return TRUE;
      default:
        return FALSE;
    }
}

static void
motion_cb (GtkEventControllerMotion *controller, double x, double y, gpointer user_data)
{
  CakChartView *self = user_data;
  int item;

  self->pointer_x = x;
  self->pointer_y = y;
  self->has_pointer = TRUE;
  item = hit_test (self, x, y);
  if (item != self->highlighted)
    {
      self->highlighted = item;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
leave_cb (GtkEventControllerMotion *controller, gpointer user_data)
{
  CakChartView *self = user_data;

  self->has_pointer = FALSE;
  if (self->highlighted != CAK_CHART_ITEM_NONE)
    {
      self->highlighted = CAK_CHART_ITEM_NONE;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
pressed_cb (GtkGestureClick *gesture, int n_press, double x, double y, gpointer user_data)
{
  CakChartView *self = user_data;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  self->press_x = x;
  self->press_y = y;
  self->panned = FALSE;
  /* A double click shows the region's details (the first click selected it) */
  if (n_press == 2)
    {
      set_selected_item (self, hit_test (self, x, y));
      if (self->selected_code)
        g_signal_emit (self, signals[ITEM_ACTIVATED], 0, self->selected_code);
    }
}

/* A click selects as the button comes up, unless the pointer moved: a drag that moves a map
 * leaves the selection alone */
static void
released_cb (GtkGestureClick *gesture, int n_press, double x, double y, gpointer user_data)
{
  CakChartView *self = user_data;

  if (n_press != 1 || self->panned
      || hypot (x - self->press_x, y - self->press_y) >= drag_threshold (self))
    return;
  set_selected_item (self, hit_test (self, x, y));
}

/* The items in the order they are drawn, top to bottom, left to right: what the arrow keys
 * walk through. */
static GArray *
visual_order (CakChartView *self)
{
  GArray *order = g_array_new (FALSE, FALSE, sizeof (CakChartHit));

  if (self->layout == NULL)
    return order;
  for (guint i = 0; i < self->layout->hits->len; i++)
    {
      const CakChartHit *hit = &g_array_index (self->layout->hits, CakChartHit, i);
      gboolean seen = FALSE;

      if (hit->item < 0 && hit->item != CAK_CHART_ITEM_TOTAL)
        continue;
      for (guint j = 0; j < order->len && !seen; j++)
        seen = g_array_index (order, CakChartHit, j).item == hit->item;
      if (!seen)
        g_array_append_val (order, *hit);
    }
  return order;
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller, guint keyval, guint keycode,
                GdkModifierType state, gpointer user_data)
{
  CakChartView *self = user_data;
  g_autoptr (GArray) order = NULL;
  int current = selected_item (self);
  int pos = -1, n;

  if (can_zoom (self) && zoom_key (self, keyval, state))
    return TRUE;
  ensure_layout (self);
  order = visual_order (self);
  n = order->len;
  if (n == 0)
    return FALSE;
  for (int i = 0; i < n; i++)
    if (g_array_index (order, CakChartHit, i).item == current)
      pos = i;
  switch (keyval)
    {
      case GDK_KEY_Down:
      case GDK_KEY_KP_Down:
      case GDK_KEY_Right:
      case GDK_KEY_KP_Right:
        pos = pos < 0 ? 0 : MIN (n - 1, pos + 1);
        break;
      case GDK_KEY_Up:
      case GDK_KEY_KP_Up:
      case GDK_KEY_Left:
      case GDK_KEY_KP_Left:
        pos = pos < 0 ? 0 : MAX (0, pos - 1);
        break;
      case GDK_KEY_Home:
        pos = 0;
        break;
      case GDK_KEY_End:
        pos = n - 1;
        break;
      case GDK_KEY_Return:
      case GDK_KEY_KP_Enter:
        if (self->selected_code)
          g_signal_emit (self, signals[ITEM_ACTIVATED], 0, self->selected_code);
        return self->selected_code != NULL;
      case GDK_KEY_Escape:
        if (current == CAK_CHART_ITEM_NONE)
          return FALSE;
        set_selected_item (self, CAK_CHART_ITEM_NONE);
        return TRUE;
      default:
        return FALSE;
    }
  set_selected_item (self, g_array_index (order, CakChartHit, pos).item);
  reveal_selected (self);
  return TRUE;
}

static gboolean
query_tooltip_cb (GtkWidget *widget, int x, int y, gboolean keyboard_mode, GtkTooltip *tooltip,
                  gpointer user_data)
{
  CakChartView *self = CAK_CHART_VIEW (widget);
  int item = keyboard_mode ? selected_item (self) : hit_test (self, x, y);
  g_autofree char *text = NULL;
  g_autofree char *markup = NULL;
  char *newline;

  if (self->data == NULL || item == CAK_CHART_ITEM_NONE)
    return FALSE;
  text = cak_chart_data_describe_item (self->data, item);
  if (text == NULL)
    return FALSE;
  /* The name in bold, the figures below it */
  newline = strchr (text, '\n');
  if (newline)
    {
      g_autofree char *name = g_markup_escape_text (text, newline - text);
      g_autofree char *rest = g_markup_escape_text (newline, -1);

      markup = g_strdup_printf ("<b>%s</b>%s", name, rest);
    }
  else
    markup = g_markup_printf_escaped ("<b>%s</b>", text);
  gtk_tooltip_set_markup (tooltip, markup);
  return TRUE;
}

/* A screen of another scale: the map's kept image is drawn again at it */
static void
scale_factor_changed_cb (GObject *object, GParamSpec *pspec, gpointer user_data)
{
  gtk_widget_queue_draw (GTK_WIDGET (object));
}

static gboolean
fade_tick_cb (GtkWidget *widget, GdkFrameClock *clock, gpointer user_data)
{
  CakChartView *self = CAK_CHART_VIEW (widget);

  gtk_widget_queue_draw (widget);
  if (gdk_frame_clock_get_frame_time (clock) - self->fade_start >= FADE_USEC)
    {
      g_clear_pointer (&self->old_node, gsk_render_node_unref);
      self->fade_tick = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
adjustment_changed_cb (GtkAdjustment *adjustment, gpointer user_data)
{
  gtk_widget_queue_draw (GTK_WIDGET (user_data));
}

static void
set_adjustment (CakChartView *self, GtkAdjustment **slot, GtkAdjustment *adjustment)
{
  if (*slot == adjustment)
    return;
  if (*slot)
    g_signal_handlers_disconnect_by_func (*slot, adjustment_changed_cb, self);
  g_set_object (slot, adjustment);
  if (adjustment)
    g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (adjustment_changed_cb), self,
                             0);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
cak_chart_view_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum,
                        int *natural, int *minimum_baseline, int *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* Narrow enough that the Overview's two charts side by side and the detail panel fit a
       * 1024-pixel screen together */
      *minimum = 200;
      *natural = 720;
    }
  else
    {
      /* Charts take the height they are given; rows that do not fit scroll */
      *minimum = *natural = 200;
    }
}

static void
cak_chart_view_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  CakChartView *self = CAK_CHART_VIEW (widget);

  if (self->layout
      && (self->layout->width != width || self->layout->height < height
          || (self->layout->height > height
              && cak_chart_natural_height (self->kind, self->data, &self->theme, width,
                                           self->layout->font_px)
                     <= height)))
    drop_layout (self);
  ensure_layout (self);
  if (self->layout)
    configure_adjustment (self, self->layout->height);
}

/* What of the chart changes with neither the pointer nor the selection, drawn once into an
 * image at the screen's scale: a hover then draws only the outlines over it */
static GdkTexture *
render_base (CakChartView *self, int scale)
{
  int width = ceil (self->layout->width * scale);
  int height = ceil (self->layout->height * scale);
  cairo_surface_t *surface;
  GdkTexture *texture;
  GBytes *bytes;
  cairo_t *cr;
  int stride;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      return NULL;
    }
  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  cak_chart_paint_base (cr, self->data, &self->theme, self->layout);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  stride = cairo_image_surface_get_stride (surface);
  /* Cairo's ARGB32 is premultiplied, in native byte order: GDK_MEMORY_DEFAULT. The texture
   * keeps the surface's pixels. */
  bytes
      = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface), (gsize)stride * height,
                                    (GDestroyNotify)cairo_surface_destroy, surface);
  texture = gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes, stride);
  g_bytes_unref (bytes);
  return texture;
}

static void
cak_chart_view_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  CakChartView *self = CAK_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, width, height);
  GskRenderNode *node;
  CakChartFocus focus;
  cairo_t *cr;
  double dy;

  ensure_layout (self);
  if (self->layout == NULL || width <= 0 || height <= 0)
    return;
  dy = scroll_y (self);
  if (cak_chart_kind_has_base (self->kind))
    {
      int scale = gtk_widget_get_scale_factor (widget);

      if (self->base && self->base_scale != scale)
        g_clear_object (&self->base);
      if (self->base == NULL)
        {
          self->base = render_base (self, scale);
          self->base_scale = scale;
        }
    }

  node = gsk_cairo_node_new (&bounds);
  cr = gsk_cairo_node_get_draw_context (node);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  cairo_translate (cr, 0, -dy);
  focus = self->layout->focus;
  focus.selected = selected_item (self);
  focus.highlighted = self->highlighted;
  if (self->base)
    cak_chart_paint_over (cr, self->data, &focus, &self->theme, self->layout);
  else
    cak_chart_paint (cr, self->data, &focus, &self->theme, self->layout);
  cairo_destroy (cr);
  if (self->base)
    {
      graphene_rect_t where
          = GRAPHENE_RECT_INIT (0, -dy, self->layout->width, self->layout->height);
      GskRenderNode *parts[2] = { gsk_texture_node_new (self->base, &where), node };

      node = gsk_container_node_new (parts, G_N_ELEMENTS (parts));
      gsk_render_node_unref (parts[0]);
      gsk_render_node_unref (parts[1]);
    }

  if (self->old_node && self->fade_tick)
    {
      GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
      double t
          = clock ? (gdk_frame_clock_get_frame_time (clock) - self->fade_start) / (double)FADE_USEC
                  : 1;

      gtk_snapshot_push_cross_fade (snapshot, CLAMP (t, 0, 1));
      gtk_snapshot_append_node (snapshot, self->old_node);
      gtk_snapshot_pop (snapshot);
      gtk_snapshot_append_node (snapshot, node);
      gtk_snapshot_pop (snapshot);
    }
  else
    gtk_snapshot_append_node (snapshot, node);
  g_clear_pointer (&self->last_node, gsk_render_node_unref);
  self->last_node = node;
}

static void
cak_chart_view_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CakChartView *self = CAK_CHART_VIEW (object);

  switch (prop_id)
    {
      case PROP_KIND:
        g_value_set_int (value, self->kind);
        break;
      case PROP_SELECTED_CODE:
        g_value_set_string (value, self->selected_code);
        break;
      case PROP_ZOOM:
        g_value_set_double (value, self->zoom);
        break;
      case PROP_HADJUSTMENT:
        g_value_set_object (value, self->hadjustment);
        break;
      case PROP_VADJUSTMENT:
        g_value_set_object (value, self->vadjustment);
        break;
      case PROP_HSCROLL_POLICY:
        g_value_set_enum (value, self->hscroll_policy);
        break;
      case PROP_VSCROLL_POLICY:
        g_value_set_enum (value, self->vscroll_policy);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cak_chart_view_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  CakChartView *self = CAK_CHART_VIEW (object);

  switch (prop_id)
    {
      case PROP_KIND:
        cak_chart_view_set_kind (self, g_value_get_int (value));
        break;
      case PROP_SELECTED_CODE:
        cak_chart_view_select_code (self, g_value_get_string (value));
        break;
      case PROP_HADJUSTMENT:
        set_adjustment (self, &self->hadjustment, g_value_get_object (value));
        break;
      case PROP_VADJUSTMENT:
        set_adjustment (self, &self->vadjustment, g_value_get_object (value));
        break;
      case PROP_HSCROLL_POLICY:
        self->hscroll_policy = g_value_get_enum (value);
        break;
      case PROP_VSCROLL_POLICY:
        self->vscroll_policy = g_value_get_enum (value);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cak_chart_view_dispose (GObject *object)
{
  CakChartView *self = CAK_CHART_VIEW (object);

  if (self->fade_tick)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->fade_tick);
  self->fade_tick = 0;
  set_adjustment (self, &self->hadjustment, NULL);
  set_adjustment (self, &self->vadjustment, NULL);
  G_OBJECT_CLASS (cak_chart_view_parent_class)->dispose (object);
}

static void
cak_chart_view_finalize (GObject *object)
{
  CakChartView *self = CAK_CHART_VIEW (object);

  drop_layout (self);
  g_clear_pointer (&self->data, cak_chart_data_unref);
  g_clear_pointer (&self->last_node, gsk_render_node_unref);
  g_clear_pointer (&self->old_node, gsk_render_node_unref);
  g_free (self->selected_code);
  G_OBJECT_CLASS (cak_chart_view_parent_class)->finalize (object);
}

static void
cak_chart_view_class_init (CakChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cak_chart_view_dispose;
  object_class->finalize = cak_chart_view_finalize;
  object_class->get_property = cak_chart_view_get_property;
  object_class->set_property = cak_chart_view_set_property;
  widget_class->measure = cak_chart_view_measure;
  widget_class->size_allocate = cak_chart_view_size_allocate;
  widget_class->snapshot = cak_chart_view_snapshot;

  properties[PROP_KIND]
      = g_param_spec_int ("kind", NULL, NULL, 0, CAK_N_CHART_KINDS - 1, 0,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_CODE]
      = g_param_spec_string ("selected-code", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * CakChartView:zoom:
   *
   * How much the map is magnified: 1 shows it whole (and every chart that does not zoom).
   */
  properties[PROP_ZOOM]
      = g_param_spec_double ("zoom", NULL, NULL, 1, CAK_CHART_ZOOM_MAX, 1,
                             G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  /**
   * CakChartView::item-activated:
   * @code: the region's code
   *
   * A region was double-clicked, or Enter pressed on it: show its details.
   */
  signals[ITEM_ACTIVATED]
      = g_signal_new ("item-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                      NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_css_name (widget_class, "cakchartview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
cak_chart_view_init (CakChartView *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *scroll
      = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkGesture *pinch = gtk_gesture_zoom_new ();

  self->highlighted = CAK_CHART_ITEM_NONE;
  self->zoom = 1;
  self->center_x = self->center_y = 0.5;
  cak_chart_theme_init (&self->theme, CAK_CHART_THEME_LIGHT);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (scale_factor_changed_cb), NULL);

  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  g_signal_connect (click, "released", G_CALLBACK (released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  /* The map: the wheel and a pinch zoom, a drag moves it */
  g_signal_connect (scroll, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
  g_signal_connect (pinch, "begin", G_CALLBACK (pinch_begin_cb), self);
  g_signal_connect (pinch, "scale-changed", G_CALLBACK (pinch_scale_changed_cb), self);
  g_signal_connect (pinch, "end", G_CALLBACK (pinch_end_cb), self);
  g_signal_connect (pinch, "cancel", G_CALLBACK (pinch_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (pinch));
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

GtkWidget *
cak_chart_view_new (CakChartKind kind)
{
  return g_object_new (CAK_TYPE_CHART_VIEW, "kind", kind, NULL);
}

void
cak_chart_view_set_kind (CakChartView *self, CakChartKind kind)
{
  g_return_if_fail (CAK_IS_CHART_VIEW (self));
  g_return_if_fail (kind < CAK_N_CHART_KINDS);

  if (self->kind == kind)
    return;
  self->kind = kind;
  reset_view (self);
  update_cursor (self);
  invalidate_layout (self);
  update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

CakChartKind
cak_chart_view_get_kind (CakChartView *self)
{
  g_return_val_if_fail (CAK_IS_CHART_VIEW (self), 0);

  return self->kind;
}

static gboolean
animations_enabled (CakChartView *self)
{
  gboolean enabled = TRUE;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-enable-animations", &enabled,
                NULL);
  return enabled;
}

/**
 * cak_chart_view_set_data:
 * @data: (nullable): the figures to show; the view keeps a reference
 *
 * Shows new figures. The selected region stays selected when it is in them; the old chart
 * fades into the new one, unless the system's animations are off.
 */
void
cak_chart_view_set_data (CakChartView *self, CakChartData *data)
{
  g_return_if_fail (CAK_IS_CHART_VIEW (self));

  if (self->data == data)
    return;
  if (self->last_node && data && gtk_widget_get_mapped (GTK_WIDGET (self))
      && animations_enabled (self))
    {
      g_clear_pointer (&self->old_node, gsk_render_node_unref);
      self->old_node = g_steal_pointer (&self->last_node);
      self->fade_start = g_get_monotonic_time ();
      if (gtk_widget_get_frame_clock (GTK_WIDGET (self)))
        self->fade_start
            = gdk_frame_clock_get_frame_time (gtk_widget_get_frame_clock (GTK_WIDGET (self)));
      if (self->fade_tick == 0)
        self->fade_tick
            = gtk_widget_add_tick_callback (GTK_WIDGET (self), fade_tick_cb, NULL, NULL);
    }
  /* Another province (or the country) is shown whole; another period keeps the view */
  if (self->data == NULL || data == NULL || g_strcmp0 (self->data->place, data->place) != 0)
    reset_view (self);
  g_clear_pointer (&self->data, cak_chart_data_unref);
  self->data = data ? cak_chart_data_ref (data) : NULL;
  self->highlighted = CAK_CHART_ITEM_NONE;
  if (self->data && self->selected_code && selected_item (self) == CAK_CHART_ITEM_NONE)
    {
      g_clear_pointer (&self->selected_code, g_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_CODE]);
    }
  invalidate_layout (self);
  update_accessible (self);
}

CakChartData *
cak_chart_view_get_data (CakChartView *self)
{
  g_return_val_if_fail (CAK_IS_CHART_VIEW (self), NULL);

  return self->data;
}

void
cak_chart_view_set_theme_kind (CakChartView *self, CakChartThemeKind kind)
{
  g_return_if_fail (CAK_IS_CHART_VIEW (self));

  if (self->theme.kind == kind)
    return;
  cak_chart_theme_init (&self->theme, kind);
  invalidate_layout (self);
}

const CakChartTheme *
cak_chart_view_get_theme (CakChartView *self)
{
  g_return_val_if_fail (CAK_IS_CHART_VIEW (self), NULL);

  return &self->theme;
}

/**
 * cak_chart_view_get_layout:
 *
 * Returns: (nullable): where everything is drawn, in content coordinates (before scrolling)
 */
const CakChartLayout *
cak_chart_view_get_layout (CakChartView *self)
{
  g_return_val_if_fail (CAK_IS_CHART_VIEW (self), NULL);

  ensure_layout (self);
  return self->layout;
}

const char *
cak_chart_view_get_selected_code (CakChartView *self)
{
  g_return_val_if_fail (CAK_IS_CHART_VIEW (self), NULL);

  return self->selected_code;
}

/**
 * cak_chart_view_select_code:
 * @code: (nullable): a region's code, or %NULL to select nothing
 */
void
cak_chart_view_select_code (CakChartView *self, const char *code)
{
  g_return_if_fail (CAK_IS_CHART_VIEW (self));

  if (g_strcmp0 (code, self->selected_code) == 0)
    return;
  if (self->data == NULL)
    {
      g_free (self->selected_code);
      self->selected_code = g_strdup (code);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_CODE]);
      return;
    }
  set_selected_item (self, cak_chart_data_find_code (self->data, code));
  reveal_selected (self);
}

/**
 * cak_chart_view_get_highlighted:
 *
 * Returns: the item under the pointer, or %CAK_CHART_ITEM_NONE
 */
int
cak_chart_view_get_highlighted (CakChartView *self)
{
  g_return_val_if_fail (CAK_IS_CHART_VIEW (self), CAK_CHART_ITEM_NONE);

  return self->highlighted;
}

/**
 * cak_chart_view_get_zoom:
 *
 * Returns: how much the map is magnified, 1 when it is shown whole
 */
double
cak_chart_view_get_zoom (CakChartView *self)
{
  g_return_val_if_fail (CAK_IS_CHART_VIEW (self), 1);

  return self->zoom;
}

/**
 * cak_chart_view_zoom_in:
 *
 * Magnifies a map (see cak_chart_kind_can_zoom()) about its middle, as the + key does.
 *
 * Returns: whether the view changed (not past %CAK_CHART_ZOOM_MAX)
 */
gboolean
cak_chart_view_zoom_in (CakChartView *self)
{
  g_return_val_if_fail (CAK_IS_CHART_VIEW (self), FALSE);

  return zoom_about_middle (self, KEY_ZOOM);
}

/**
 * cak_chart_view_zoom_out:
 *
 * Returns: whether the view changed (not when the map is shown whole)
 */
gboolean
cak_chart_view_zoom_out (CakChartView *self)
{
  g_return_val_if_fail (CAK_IS_CHART_VIEW (self), FALSE);

  return zoom_about_middle (self, 1 / KEY_ZOOM);
}

/**
 * cak_chart_view_zoom_reset:
 *
 * Shows the whole map.
 */
void
cak_chart_view_zoom_reset (CakChartView *self)
{
  g_return_if_fail (CAK_IS_CHART_VIEW (self));

  reset_view (self);
}
