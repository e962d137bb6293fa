/* cak-presentation.c: the deck shown full screen, driven by keys, a clicker or the mouse
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The keys are those of LibreOffice Impress, so that a presenter's hands already know them, and
 * those a clicker sends (Page Up and Page Down). Typing a regency's name finds it and highlights
 * it on every slide; B and W, which would start such a search, blank the screen instead, and
 * digits go to a slide by its number.
 */
#define G_LOG_DOMAIN "cak-presentation"

#include "config.h"

#include <glib/gi18n.h>

#include "cak-presentation.h"
#include "cak-region-find.h"

/* The pointer hides after this long without moving. */
#define CURSOR_IDLE_MS 2000

struct _CakPresentation
{
  GtkWindow parent_instance;

  /* template children */
  CakSlideView *view;
  GtkLabel *search_label;
  GtkLabel *jump_label;

  GString *search; /* the regency's name being typed, or NULL when not searching */
  GString *jump;   /* the slide number being typed */
  guint advance_seconds;
  guint advance_source;
  guint cursor_source;
  double pointer_x, pointer_y;
  guint inhibit_cookie;
};

G_DEFINE_FINAL_TYPE (CakPresentation, cak_presentation, GTK_TYPE_WINDOW)

static void restart_advance (CakPresentation *self);

static gboolean
is_modifier (guint keyval)
{
  switch (keyval)
    {
      case GDK_KEY_Shift_L:
      case GDK_KEY_Shift_R:
      case GDK_KEY_Control_L:
      case GDK_KEY_Control_R:
      case GDK_KEY_Alt_L:
      case GDK_KEY_Alt_R:
      case GDK_KEY_Meta_L:
      case GDK_KEY_Meta_R:
      case GDK_KEY_Super_L:
      case GDK_KEY_Super_R:
      case GDK_KEY_Hyper_L:
      case GDK_KEY_Hyper_R:
      case GDK_KEY_ISO_Level3_Shift:
      case GDK_KEY_Caps_Lock:
      case GDK_KEY_Num_Lock:
        return TRUE;
      default:
        return FALSE;
    }
}

static int
digit_of (guint keyval)
{
  if (keyval >= GDK_KEY_0 && keyval <= GDK_KEY_9)
    return keyval - GDK_KEY_0;
  if (keyval >= GDK_KEY_KP_0 && keyval <= GDK_KEY_KP_9)
    return keyval - GDK_KEY_KP_0;
  return -1;
}

static guint
n_slides (CakPresentation *self)
{
  return cak_slide_view_get_n_slides (self->view);
}

static void
step (CakPresentation *self, int delta)
{
  guint index = cak_slide_view_get_index (self->view);

  if (delta < 0 && index == 0)
    return;
  cak_presentation_go_to (self, index + delta);
}

/* Type-ahead search */

static void
update_search_label (CakPresentation *self)
{
  g_autofree char *text = NULL;
  int item;

  if (self->search == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->search_label), FALSE);
      return;
    }
  item = cak_region_find (cak_slide_view_get_data (self->view), self->search->str);
  if (self->search->len == 0)
    text = g_strdup (_ ("Type a regency’s name, then Enter"));
  else if (item >= 0)
    text = g_strdup_printf (
        "%s → %s", self->search->str,
        cak_chart_data_get_row (cak_slide_view_get_data (self->view), item)->region->name);
  else
    text = g_strdup_printf (_ ("%s: no regency by that name"), self->search->str);
  gtk_label_set_text (self->search_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->search_label), TRUE);
}

static void
start_search (CakPresentation *self, const char *first)
{
  if (self->search == NULL)
    self->search = g_string_new (NULL);
  g_string_assign (self->search, first);
  update_search_label (self);
  g_clear_handle_id (&self->advance_source, g_source_remove);
}

static void
end_search (CakPresentation *self, gboolean apply)
{
  if (apply && self->search)
    {
      int item = cak_region_find (cak_slide_view_get_data (self->view), self->search->str);

      if (item < 0)
        {
          gtk_widget_error_bell (GTK_WIDGET (self));
          return;
        }
      cak_slide_view_set_highlight (self->view, item);
    }
  if (self->search)
    g_string_free (self->search, TRUE);
  self->search = NULL;
  update_search_label (self);
  restart_advance (self);
}

static gboolean
search_key (CakPresentation *self, guint keyval)
{
  gunichar c;

  switch (keyval)
    {
      case GDK_KEY_Escape:
        end_search (self, FALSE);
        return TRUE;
      case GDK_KEY_Return:
      case GDK_KEY_KP_Enter:
      case GDK_KEY_ISO_Enter:
        end_search (self, TRUE);
        return TRUE;
      case GDK_KEY_BackSpace:
        if (self->search->len > 0)
          {
            const char *last
                = g_utf8_find_prev_char (self->search->str, self->search->str + self->search->len);

            g_string_truncate (self->search, last - self->search->str);
          }
        update_search_label (self);
        return TRUE;
      default:
        break;
    }
  c = gdk_keyval_to_unicode (keyval);
  if (c != 0 && g_unichar_isprint (c))
    {
      g_string_append_unichar (self->search, c);
      update_search_label (self);
    }
  /* Every other key waits until the search is done with */
  return TRUE;
}

/* Going to a slide by its number */

static void
update_jump_label (CakPresentation *self)
{
  g_autofree char *text = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->jump_label), self->jump->len > 0);
  if (self->jump->len == 0)
    return;
  text = g_strdup_printf (_ ("Go to slide %s of %u"), self->jump->str, n_slides (self));
  gtk_label_set_text (self->jump_label, text);
}

static gboolean
jump_key (CakPresentation *self, guint keyval)
{
  switch (keyval)
    {
      case GDK_KEY_Return:
      case GDK_KEY_KP_Enter:
      case GDK_KEY_ISO_Enter:
        {
          guint64 number = g_ascii_strtoull (self->jump->str, NULL, 10);

          g_string_truncate (self->jump, 0);
          update_jump_label (self);
          if (number >= 1)
            cak_presentation_go_to (self, MIN (number, n_slides (self)) - 1);
          return TRUE;
        }
      case GDK_KEY_BackSpace:
        g_string_truncate (self->jump, self->jump->len - 1);
        update_jump_label (self);
        return TRUE;
      case GDK_KEY_Escape:
        g_string_truncate (self->jump, 0);
        update_jump_label (self);
        return TRUE;
      default:
        /* Any other key forgets the number and does what it does */
        g_string_truncate (self->jump, 0);
        update_jump_label (self);
        return FALSE;
    }
}

/* Timers: the pointer, auto-advance */

static gboolean
hide_cursor_cb (gpointer user_data)
{
  CakPresentation *self = user_data;

  self->cursor_source = 0;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "none");
  return G_SOURCE_REMOVE;
}

static void
show_cursor (CakPresentation *self)
{
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
  g_clear_handle_id (&self->cursor_source, g_source_remove);
  self->cursor_source = g_timeout_add (CURSOR_IDLE_MS, hide_cursor_cb, self);
}

static gboolean
advance_cb (gpointer user_data)
{
  CakPresentation *self = user_data;
  guint index = cak_slide_view_get_index (self->view);

  self->advance_source = 0;
  /* A deck left running at a stand starts again from the top */
  cak_presentation_go_to (self, index + 1 < n_slides (self) ? index + 1 : 0);
  return G_SOURCE_REMOVE;
}

static void
restart_advance (CakPresentation *self)
{
  g_clear_handle_id (&self->advance_source, g_source_remove);
  if (self->advance_seconds > 0 && self->search == NULL
      && cak_slide_view_get_blank (self->view) == CAK_BLANK_NONE
      && gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->advance_source = g_timeout_add (self->advance_seconds * 1000, advance_cb, self);
}

/* Callbacks */

static gboolean
key_pressed_cb (GtkEventControllerKey *controller, guint keyval, guint keycode,
                GdkModifierType state, gpointer user_data)
{
  return cak_presentation_handle_key (CAK_PRESENTATION (user_data), keyval, state);
}

static void
pressed_cb (GtkGestureClick *gesture, int n_press, double x, double y, gpointer user_data)
{
  CakPresentation *self = user_data;
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  int item;

  show_cursor (self);
  if (cak_slide_view_get_blank (self->view) != CAK_BLANK_NONE)
    {
      cak_slide_view_set_blank (self->view, CAK_BLANK_NONE);
      restart_advance (self);
      return;
    }
  if (self->search)
    end_search (self, FALSE);
  if (button == GDK_BUTTON_SECONDARY)
    {
      step (self, -1);
      return;
    }
  if (button != GDK_BUTTON_PRIMARY)
    return;
  /* A click on a regency's mark highlights it (again: lets it go); anywhere else goes on */
  item = cak_slide_view_hit_test (self->view, x, y);
  if (item >= 0)
    {
      cak_slide_view_set_highlight (self->view, item == cak_slide_view_get_highlight (self->view)
                                                    ? CAK_CHART_ITEM_NONE
                                                    : item);
      restart_advance (self);
    }
  else
    step (self, 1);
}

static void
motion_cb (GtkEventControllerMotion *controller, double x, double y, gpointer user_data)
{
  CakPresentation *self = user_data;

  /* Changing the cursor can send a motion event where the pointer already was */
  if (ABS (x - self->pointer_x) < 2 && ABS (y - self->pointer_y) < 2)
    return;
  self->pointer_x = x;
  self->pointer_y = y;
  show_cursor (self);
}

/* Overrides */

static void
cak_presentation_map (GtkWidget *widget)
{
  CakPresentation *self = CAK_PRESENTATION (widget);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  GTK_WIDGET_CLASS (cak_presentation_parent_class)->map (widget);
  /* Neither the screensaver nor power saving may blank the projector mid-talk */
  if (app && self->inhibit_cookie == 0)
    self->inhibit_cookie = gtk_application_inhibit (
        app, GTK_WINDOW (self), GTK_APPLICATION_INHIBIT_IDLE, _ ("Presenting slides"));
  restart_advance (self);
  self->cursor_source = g_timeout_add (CURSOR_IDLE_MS, hide_cursor_cb, self);
}

static void
cak_presentation_unmap (GtkWidget *widget)
{
  CakPresentation *self = CAK_PRESENTATION (widget);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (app && self->inhibit_cookie)
    gtk_application_uninhibit (app, self->inhibit_cookie);
  self->inhibit_cookie = 0;
  g_clear_handle_id (&self->advance_source, g_source_remove);
  g_clear_handle_id (&self->cursor_source, g_source_remove);
  GTK_WIDGET_CLASS (cak_presentation_parent_class)->unmap (widget);
}

static void
cak_presentation_dispose (GObject *object)
{
  CakPresentation *self = CAK_PRESENTATION (object);

  g_clear_handle_id (&self->advance_source, g_source_remove);
  g_clear_handle_id (&self->cursor_source, g_source_remove);
  if (self->search)
    g_string_free (self->search, TRUE);
  self->search = NULL;
  if (self->jump)
    g_string_free (self->jump, TRUE);
  self->jump = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), CAK_TYPE_PRESENTATION);
  G_OBJECT_CLASS (cak_presentation_parent_class)->dispose (object);
}

static void
cak_presentation_class_init (CakPresentationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cak_presentation_dispose;
  widget_class->map = cak_presentation_map;
  widget_class->unmap = cak_presentation_unmap;

  g_type_ensure (CAK_TYPE_SLIDE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/cak-presentation.ui");
  gtk_widget_class_bind_template_child (widget_class, CakPresentation, view);
  gtk_widget_class_bind_template_child (widget_class, CakPresentation, search_label);
  gtk_widget_class_bind_template_child (widget_class, CakPresentation, jump_label);
  gtk_widget_class_set_css_name (widget_class, "presentation");
}

static void
cak_presentation_init (CakPresentation *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->jump = g_string_new (NULL);
  self->pointer_x = self->pointer_y = -1;

  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->view), GTK_EVENT_CONTROLLER (click));
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
}

/* Public */

/**
 * cak_presentation_new:
 * @deck: the slides, copied
 * @data: the figures they are drawn from
 *
 * Returns: (transfer none): a presentation window, not shown yet: see cak_presentation_start()
 */
CakPresentation *
cak_presentation_new (const CakDeck *deck, CakChartData *data)
{
  CakPresentation *self;

  g_return_val_if_fail (deck != NULL, NULL);
  g_return_val_if_fail (data != NULL, NULL);

  self = g_object_new (CAK_TYPE_PRESENTATION, NULL);
  cak_slide_view_set_deck (self->view, deck);
  cak_slide_view_set_data (self->view, data);
  {
    g_autofree char *title = g_strdup_printf (_ ("Presentation: %s"), data->place);

    gtk_window_set_title (GTK_WINDOW (self), title);
  }
  return self;
}

void
cak_presentation_set_theme_kind (CakPresentation *self, CakChartThemeKind kind)
{
  g_return_if_fail (CAK_IS_PRESENTATION (self));

  cak_slide_view_set_theme_kind (self->view, kind);
}

void
cak_presentation_set_agency (CakPresentation *self, const char *agency)
{
  g_return_if_fail (CAK_IS_PRESENTATION (self));

  cak_slide_view_set_agency (self->view, agency);
}

/**
 * cak_presentation_set_monev:
 * @monev: (nullable): the project's, for the slides of what its last meeting agreed and of its
 *   checklist
 */
void
cak_presentation_set_monev (CakPresentation *self, CakMonev *monev)
{
  g_return_if_fail (CAK_IS_PRESENTATION (self));

  cak_slide_view_set_monev (self->view, monev);
}

/**
 * cak_presentation_set_advance_seconds:
 * @seconds: how long each slide stays before the next, or 0 to go on only when told
 */
void
cak_presentation_set_advance_seconds (CakPresentation *self, guint seconds)
{
  g_return_if_fail (CAK_IS_PRESENTATION (self));

  self->advance_seconds = seconds;
  restart_advance (self);
}

/**
 * cak_presentation_start:
 * @monitor: (nullable): where to show the deck; %NULL: where the window manager puts it
 *
 * Shows the presentation full screen.
 */
void
cak_presentation_start (CakPresentation *self, GdkMonitor *monitor)
{
  g_return_if_fail (CAK_IS_PRESENTATION (self));
  g_return_if_fail (monitor == NULL || GDK_IS_MONITOR (monitor));

  if (monitor)
    {
      GdkRectangle geometry;

      gdk_monitor_get_geometry (monitor, &geometry);
      gtk_window_set_default_size (GTK_WINDOW (self), geometry.width, geometry.height);
      gtk_window_fullscreen_on_monitor (GTK_WINDOW (self), monitor);
    }
  else
    gtk_window_fullscreen (GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (self));
}

/**
 * cak_presentation_end:
 *
 * Leaves full screen and closes the presentation.
 */
void
cak_presentation_end (CakPresentation *self)
{
  g_return_if_fail (CAK_IS_PRESENTATION (self));

  gtk_window_unfullscreen (GTK_WINDOW (self));
  gtk_window_destroy (GTK_WINDOW (self));
}

/**
 * cak_presentation_handle_key:
 *
 * Does what @keyval does in the presentation; the key controller calls it, and tests may.
 *
 * Returns: whether the key was used
 */
gboolean
cak_presentation_handle_key (CakPresentation *self, guint keyval, GdkModifierType state)
{
  gunichar c;
  int digit;

  g_return_val_if_fail (CAK_IS_PRESENTATION (self), FALSE);

  if (is_modifier (keyval))
    return FALSE;
  if (self->search)
    return search_key (self, keyval);
  if ((state & GDK_CONTROL_MASK) && (keyval == GDK_KEY_f || keyval == GDK_KEY_F))
    {
      start_search (self, "");
      return TRUE;
    }
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK))
    return FALSE;

  /* As in Impress, any key brings the slide back from a blank screen, and does nothing else */
  if (cak_slide_view_get_blank (self->view) != CAK_BLANK_NONE)
    {
      cak_slide_view_set_blank (self->view, CAK_BLANK_NONE);
      restart_advance (self);
      return TRUE;
    }

  digit = digit_of (keyval);
  if (digit >= 0)
    {
      if (self->jump->len < 4)
        g_string_append_c (self->jump, '0' + digit);
      update_jump_label (self);
      return TRUE;
    }
  if (self->jump->len > 0 && jump_key (self, keyval))
    return TRUE;

  switch (keyval)
    {
      case GDK_KEY_Right:
      case GDK_KEY_Down:
      case GDK_KEY_Page_Down:
      case GDK_KEY_KP_Page_Down:
      case GDK_KEY_space:
      case GDK_KEY_Return:
      case GDK_KEY_KP_Enter:
      case GDK_KEY_ISO_Enter:
      case GDK_KEY_KP_Right:
      case GDK_KEY_KP_Down:
        step (self, 1);
        return TRUE;
      case GDK_KEY_Left:
      case GDK_KEY_Up:
      case GDK_KEY_Page_Up:
      case GDK_KEY_KP_Page_Up:
      case GDK_KEY_BackSpace:
      case GDK_KEY_KP_Left:
      case GDK_KEY_KP_Up:
        step (self, -1);
        return TRUE;
      case GDK_KEY_Home:
      case GDK_KEY_KP_Home:
        cak_presentation_go_to (self, 0);
        return TRUE;
      case GDK_KEY_End:
      case GDK_KEY_KP_End:
        cak_presentation_go_to (self, n_slides (self) ? n_slides (self) - 1 : 0);
        return TRUE;
      case GDK_KEY_b:
      case GDK_KEY_B:
      case GDK_KEY_period:
      case GDK_KEY_KP_Decimal:
        cak_slide_view_set_blank (self->view, CAK_BLANK_BLACK);
        g_clear_handle_id (&self->advance_source, g_source_remove);
        return TRUE;
      case GDK_KEY_w:
      case GDK_KEY_W:
      case GDK_KEY_comma:
        cak_slide_view_set_blank (self->view, CAK_BLANK_WHITE);
        g_clear_handle_id (&self->advance_source, g_source_remove);
        return TRUE;
      case GDK_KEY_slash:
      case GDK_KEY_KP_Divide:
        start_search (self, "");
        return TRUE;
      case GDK_KEY_Delete:
      case GDK_KEY_KP_Delete:
        cak_slide_view_set_highlight (self->view, CAK_CHART_ITEM_NONE);
        return TRUE;
      case GDK_KEY_Escape:
        /* First lets go of the highlighted regency, then ends the show */
        if (cak_slide_view_get_highlight (self->view) != CAK_CHART_ITEM_NONE)
          cak_slide_view_set_highlight (self->view, CAK_CHART_ITEM_NONE);
        else
          cak_presentation_end (self);
        return TRUE;
      default:
        break;
    }

  /* A letter starts looking for a regency by its name */
  c = gdk_keyval_to_unicode (keyval);
  if (c != 0 && g_unichar_isalpha (c))
    {
      char first[8] = { 0 };

      g_unichar_to_utf8 (c, first);
      start_search (self, first);
      return TRUE;
    }
  return FALSE;
}

/**
 * cak_presentation_go_to:
 *
 * Shows slide @index (from 0), clamped to the deck.
 */
void
cak_presentation_go_to (CakPresentation *self, guint index)
{
  g_return_if_fail (CAK_IS_PRESENTATION (self));

  cak_slide_view_set_index (self->view, index);
  restart_advance (self);
}

guint
cak_presentation_get_index (CakPresentation *self)
{
  g_return_val_if_fail (CAK_IS_PRESENTATION (self), 0);

  return cak_slide_view_get_index (self->view);
}

guint
cak_presentation_get_n_slides (CakPresentation *self)
{
  g_return_val_if_fail (CAK_IS_PRESENTATION (self), 0);

  return n_slides (self);
}

CakBlank
cak_presentation_get_blank (CakPresentation *self)
{
  g_return_val_if_fail (CAK_IS_PRESENTATION (self), CAK_BLANK_NONE);

  return cak_slide_view_get_blank (self->view);
}

/**
 * cak_presentation_get_highlight:
 *
 * Returns: the regency highlighted on every slide (CakSlideInfo.highlight), or
 *   %CAK_CHART_ITEM_NONE
 */
int
cak_presentation_get_highlight (CakPresentation *self)
{
  g_return_val_if_fail (CAK_IS_PRESENTATION (self), CAK_CHART_ITEM_NONE);

  return cak_slide_view_get_highlight (self->view);
}

gboolean
cak_presentation_get_searching (CakPresentation *self)
{
  g_return_val_if_fail (CAK_IS_PRESENTATION (self), FALSE);

  return self->search != NULL;
}

/**
 * cak_presentation_get_view:
 *
 * Returns: (transfer none): the widget the slides are drawn in
 */
CakSlideView *
cak_presentation_get_view (CakPresentation *self)
{
  g_return_val_if_fail (CAK_IS_PRESENTATION (self), NULL);

  return self->view;
}

/**
 * cak_presentation_choose_monitor:
 * @connector: (nullable): the connector chosen ("HDMI-1"), or %NULL or "" to choose
 * @main_window: (nullable): the window the presenter works in
 *
 * Returns: (transfer none) (nullable): the monitor of @connector when it is connected; else,
 *   with a second monitor connected (a projector), the first one that does not show
 *   @main_window; else the only monitor.
 */
GdkMonitor *
cak_presentation_choose_monitor (GdkDisplay *display, const char *connector, GtkWindow *main_window)
{
  GListModel *monitors;
  GdkMonitor *main_monitor = NULL;
  GdkMonitor *chosen = NULL;
  guint n;

  g_return_val_if_fail (GDK_IS_DISPLAY (display), NULL);

  monitors = gdk_display_get_monitors (display);
  n = g_list_model_get_n_items (monitors);
  if (main_window && gtk_native_get_surface (GTK_NATIVE (main_window)))
    main_monitor = gdk_display_get_monitor_at_surface (
        display, gtk_native_get_surface (GTK_NATIVE (main_window)));
  for (guint i = 0; i < n && chosen == NULL; i++)
    {
      g_autoptr (GdkMonitor) monitor = g_list_model_get_item (monitors, i);

      if (connector && *connector
          && g_strcmp0 (gdk_monitor_get_connector (monitor), connector) == 0)
        chosen = monitor;
    }
  for (guint i = 0; i < n && chosen == NULL && n > 1; i++)
    {
      g_autoptr (GdkMonitor) monitor = g_list_model_get_item (monitors, i);

      if (monitor != main_monitor)
        chosen = monitor;
    }
  if (chosen == NULL && main_monitor)
    chosen = main_monitor;
  if (chosen == NULL && n > 0)
    {
      g_autoptr (GdkMonitor) first = g_list_model_get_item (monitors, 0);

      chosen = first;
    }
  return chosen;
}

/**
 * cak_presentation_describe_monitor:
 *
 * Returns: (transfer full): the monitor's name for a list: "EPSON PJ (HDMI-1), 1920 × 1080"
 */
char *
cak_presentation_describe_monitor (GdkMonitor *monitor)
{
  const char *model, *connector;
  GdkRectangle geometry;

  g_return_val_if_fail (GDK_IS_MONITOR (monitor), NULL);

  model = gdk_monitor_get_model (monitor);
  connector = gdk_monitor_get_connector (monitor);
  gdk_monitor_get_geometry (monitor, &geometry);
  if (model && *model && connector && *connector && g_strcmp0 (model, connector) != 0)
    return g_strdup_printf (_ ("%s (%s), %d × %d"), model, connector, geometry.width,
                            geometry.height);
  if ((model && *model) || (connector && *connector))
    return g_strdup_printf (_ ("%s, %d × %d"), model && *model ? model : connector, geometry.width,
                            geometry.height);
  return g_strdup_printf (_ ("Monitor, %d × %d"), geometry.width, geometry.height);
}
