/* cak-chart-view.c: a widget that hosts a chart painter, with hover, selection and keys
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

struct _CakChartView
{
  GtkWidget parent_instance;

  CakRankingModel *model;
  CakChartTheme theme;
  CakRankingLayout layout;
  gboolean layout_valid;
};

G_DEFINE_FINAL_TYPE (CakChartView, cak_chart_view, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_SELECTED_CODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_layout (CakChartView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->model == NULL || width <= 0 || height <= 0)
    {
      self->layout_valid = FALSE;
      return;
    }
  cak_chart_ranking_layout (self->model, &self->theme,
                            gtk_widget_get_pango_context (GTK_WIDGET (self)), width, height,
                            FONT_PX, &self->layout);
  self->layout_valid = TRUE;
}

static void
update_accessible (CakChartView *self)
{
  g_autofree char *description = NULL;

  if (self->model == NULL)
    return;
  description = cak_chart_ranking_describe (self->model);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->model->title, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description, -1);
}

static void
set_selected (CakChartView *self, int index)
{
  if (self->model == NULL || self->model->selected == index)
    return;
  self->model->selected = index;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_CODE]);

  if (index >= 0)
    {
      const CakRankingItem *item = &g_array_index (self->model->items, CakRankingItem, index);
      g_autofree char *value = isnan (item->value)
                                   ? g_strdup (_ ("no data"))
                                   : cak_number_format_percent (item->value, 2, self->model->lang);
      g_autofree char *text
          = g_strdup_printf (_ ("%s, rank %d: %s"), item->label, index + 1, value);

      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      text, -1);
    }
}

static void
motion_cb (GtkEventControllerMotion *controller, double x, double y, gpointer user_data)
{
  CakChartView *self = user_data;
  int index;

  if (self->model == NULL || !self->layout_valid)
    return;
  index = cak_chart_ranking_hit_test (&self->layout, self->model, x, y);
  if (index != self->model->highlighted)
    {
      self->model->highlighted = index;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
leave_cb (GtkEventControllerMotion *controller, gpointer user_data)
{
  CakChartView *self = user_data;

  if (self->model && self->model->highlighted != -1)
    {
      self->model->highlighted = -1;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
pressed_cb (GtkGestureClick *gesture, int n_press, double x, double y, gpointer user_data)
{
  CakChartView *self = user_data;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (self->model == NULL || !self->layout_valid)
    return;
  set_selected (self, cak_chart_ranking_hit_test (&self->layout, self->model, x, y));
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller, guint keyval, guint keycode,
                GdkModifierType state, gpointer user_data)
{
  CakChartView *self = user_data;
  int n, index;

  if (self->model == NULL || self->model->items->len == 0)
    return FALSE;
  n = self->model->items->len;
  index = self->model->selected;
  switch (keyval)
    {
      case GDK_KEY_Down:
      case GDK_KEY_KP_Down:
        index = index < 0 ? 0 : MIN (n - 1, index + 1);
        break;
      case GDK_KEY_Up:
      case GDK_KEY_KP_Up:
        index = index < 0 ? 0 : MAX (0, index - 1);
        break;
      case GDK_KEY_Home:
        index = 0;
        break;
      case GDK_KEY_End:
        index = n - 1;
        break;
      case GDK_KEY_Escape:
        index = -1;
        break;
      default:
        return FALSE;
    }
  set_selected (self, index);
  return TRUE;
}

static gboolean
query_tooltip_cb (GtkWidget *widget, int x, int y, gboolean keyboard_mode, GtkTooltip *tooltip,
                  gpointer user_data)
{
  CakChartView *self = CAK_CHART_VIEW (widget);
  const CakRankingItem *item;
  g_autoptr (GString) text = g_string_new (NULL);
  int index;
  CakLang lang;

  if (self->model == NULL || !self->layout_valid)
    return FALSE;
  index = keyboard_mode ? self->model->selected
                        : cak_chart_ranking_hit_test (&self->layout, self->model, x, y);
  if (index < 0)
    return FALSE;
  item = &g_array_index (self->model->items, CakRankingItem, index);
  lang = self->model->lang;

  g_string_append_printf (text, "<b>%s</b>", item->label);
  if (isnan (item->value))
    g_string_append_printf (text, "\n%s", _ ("No participant or workforce figure"));
  else
    {
      g_autofree char *cov = cak_number_format_percent (item->value, 2, lang);
      g_autofree char *num = cak_number_format (item->numerator, 0, lang);
      g_autofree char *den = cak_number_format (item->denominator, 0, lang);

      g_string_append_printf (text, "\n%s %s", _ ("Coverage"), cov);
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _ ("%s participants of %s workers"), num, den);
    }
  if (!isnan (item->target))
    {
      g_autofree char *target = cak_number_format_percent (item->target, 2, lang);

      g_string_append_printf (text, "\n%s %s", _ ("Target"), target);
      if (!isnan (item->value) && !isnan (item->denominator))
        {
          double gap
              = cak_indicator_gap_to_target (item->target, item->numerator, item->denominator);
          g_autofree char *gap_text = cak_number_format (gap, 0, lang);

          g_string_append_c (text, '\n');
          if (gap > 0)
            g_string_append_printf (text, _ ("%s more workers to enrol to reach it"), gap_text);
          else
            g_string_append (text, _ ("Target reached"));
        }
    }
  gtk_tooltip_set_markup (tooltip, text->str);
  return TRUE;
}

static void
cak_chart_view_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum,
                        int *natural, int *minimum_baseline, int *natural_baseline)
{
  CakChartView *self = CAK_CHART_VIEW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 360;
      *natural = 720;
    }
  else
    {
      double h = self->model ? cak_chart_ranking_natural_height (self->model, &self->theme, FONT_PX)
                             : 200;

      *minimum = *natural = (int)ceil (h);
    }
}

static void
cak_chart_view_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  update_layout (CAK_CHART_VIEW (widget));
}

static void
cak_chart_view_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  CakChartView *self = CAK_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (self->model == NULL || !self->layout_valid || width <= 0 || height <= 0)
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cak_chart_ranking_paint (cr, self->model, &self->theme, &self->layout);
  cairo_destroy (cr);
}

static void
cak_chart_view_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CakChartView *self = CAK_CHART_VIEW (object);

  switch (prop_id)
    {
      case PROP_SELECTED_CODE:
        g_value_set_string (value, cak_chart_view_get_selected_code (self));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cak_chart_view_finalize (GObject *object)
{
  CakChartView *self = CAK_CHART_VIEW (object);

  g_clear_pointer (&self->model, cak_ranking_model_free);
  G_OBJECT_CLASS (cak_chart_view_parent_class)->finalize (object);
}

static void
cak_chart_view_class_init (CakChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = cak_chart_view_finalize;
  object_class->get_property = cak_chart_view_get_property;
  widget_class->measure = cak_chart_view_measure;
  widget_class->size_allocate = cak_chart_view_size_allocate;
  widget_class->snapshot = cak_chart_view_snapshot;

  properties[PROP_SELECTED_CODE]
      = g_param_spec_string ("selected-code", NULL, NULL, NULL,
                             G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "cakchartview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
cak_chart_view_init (CakChartView *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  cak_chart_theme_init (&self->theme, CAK_CHART_THEME_LIGHT);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
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
cak_chart_view_new (void)
{
  return g_object_new (CAK_TYPE_CHART_VIEW, NULL);
}

/**
 * cak_chart_view_set_model:
 * @model: (transfer full) (nullable): the chart to show
 */
void
cak_chart_view_set_model (CakChartView *self, CakRankingModel *model)
{
  g_autofree char *code = NULL;

  g_return_if_fail (CAK_IS_CHART_VIEW (self));

  /* Keep the selected region selected across a change of period. */
  code = g_strdup (cak_chart_view_get_selected_code (self));
  g_clear_pointer (&self->model, cak_ranking_model_free);
  self->model = model;
  if (code)
    cak_chart_view_select_code (self, code);
  update_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

CakRankingModel *
cak_chart_view_get_model (CakChartView *self)
{
  g_return_val_if_fail (CAK_IS_CHART_VIEW (self), NULL);

  return self->model;
}

void
cak_chart_view_set_theme_kind (CakChartView *self, CakChartThemeKind kind)
{
  g_return_if_fail (CAK_IS_CHART_VIEW (self));

  if (self->theme.kind == kind)
    return;
  cak_chart_theme_init (&self->theme, kind);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
cak_chart_view_get_selected_code (CakChartView *self)
{
  g_return_val_if_fail (CAK_IS_CHART_VIEW (self), NULL);

  if (self->model == NULL || self->model->selected < 0)
    return NULL;
  return g_array_index (self->model->items, CakRankingItem, self->model->selected).region->code;
}

void
cak_chart_view_select_code (CakChartView *self, const char *code)
{
  g_return_if_fail (CAK_IS_CHART_VIEW (self));

  if (self->model == NULL)
    return;
  for (guint i = 0; i < self->model->items->len; i++)
    if (g_strcmp0 (g_array_index (self->model->items, CakRankingItem, i).region->code, code) == 0)
      {
        set_selected (self, i);
        return;
      }
  set_selected (self, -1);
}
