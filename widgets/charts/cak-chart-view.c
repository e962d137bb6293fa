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
};

static void scrollable_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CakChartView, cak_chart_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, scrollable_init))

enum
{
  PROP_0,
  PROP_KIND,
  PROP_SELECTED_CODE,
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

static void
invalidate_layout (CakChartView *self)
{
  g_clear_pointer (&self->layout, cak_chart_layout_free);
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
  CakChartFocus focus = { selected_item (self), self->highlighted };

  /* The selected regency's labels are placed by the layout: a new selection lays out again. */
  if (self->layout && self->layout->focus.selected != focus.selected)
    g_clear_pointer (&self->layout, cak_chart_layout_free);
  if (self->layout || self->data == NULL || width <= 0 || height <= 0)
    return;
  /* Charts with a row per regency scroll when the rows do not fit; the others fit the view. */
  natural = cak_chart_natural_height (self->kind, self->data, &self->theme, width, font_px);
  content = MAX (height, natural);
  self->layout = cak_chart_layout_new (self->kind, self->data, &focus, &self->theme,
                                       gtk_widget_get_pango_context (GTK_WIDGET (self)), width,
                                       content, font_px);
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

static void
update_accessible (CakChartView *self)
{
  g_autofree char *description = NULL;
  g_autofree char *label = NULL;

  if (self->data == NULL)
    return;
  description = cak_chart_describe (self->kind, self->data);
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

static void
motion_cb (GtkEventControllerMotion *controller, double x, double y, gpointer user_data)
{
  CakChartView *self = user_data;
  int item = hit_test (self, x, y);

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
  int item = hit_test (self, x, y);

  gtk_widget_grab_focus (GTK_WIDGET (self));
  set_selected_item (self, item);
  if (n_press == 2 && self->selected_code)
    g_signal_emit (self, signals[ITEM_ACTIVATED], 0, self->selected_code);
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
    g_clear_pointer (&self->layout, cak_chart_layout_free);
  ensure_layout (self);
  if (self->layout)
    configure_adjustment (self, self->layout->height);
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

  node = gsk_cairo_node_new (&bounds);
  cr = gsk_cairo_node_get_draw_context (node);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  cairo_translate (cr, 0, -dy);
  focus.selected = selected_item (self);
  focus.highlighted = self->highlighted;
  cak_chart_paint (cr, self->data, &focus, &self->theme, self->layout);
  cairo_destroy (cr);

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

  g_clear_pointer (&self->layout, cak_chart_layout_free);
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

  self->highlighted = CAK_CHART_ITEM_NONE;
  cak_chart_theme_init (&self->theme, CAK_CHART_THEME_LIGHT);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);

  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
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
}
