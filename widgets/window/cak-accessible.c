/* cak-accessible.c: names a screen reader can say, for controls GTK 4.8 leaves unnamed
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cak-accessible"

#include "config.h"

#include <glib/gi18n.h>

#include "cak-accessible.h"

/* GTK 4.8 names a button by its accessible label and then by the widgets it is labelled by: a
 * button with a mnemonic ("_Open…") is said twice, "_Open… Open…", and a button with only an
 * icon is "GtkImage". Every button is mended as it is mapped, those of libadwaita's dialogs and
 * toasts too. */

static GtkWidget *
button_label (GtkWidget *button)
{
  GtkWidget *child = gtk_button_get_child (GTK_BUTTON (button));

  return GTK_IS_LABEL (child) ? child : NULL;
}

/* A button whose label has a mnemonic: named by its text alone, once. */
static void
mend_mnemonic (GtkWidget *button)
{
  GtkWidget *label = button_label (button);

  if (label == NULL || !gtk_label_get_use_underline (GTK_LABEL (label)))
    return;
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_label_get_text (GTK_LABEL (label)), -1);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

/* A button whose label is a child of its own (libadwaita's version button in About): named by
 * it, as a button made with a label is. GTK 4.8 has no getter for accessible properties but
 * the one of its test API. */
static void
mend_label_child (GtkWidget *button)
{
  GtkWidget *child = gtk_button_get_child (GTK_BUTTON (button));

  if (!GTK_IS_LABEL (child) || gtk_button_get_label (GTK_BUTTON (button)) != NULL
      || gtk_test_accessible_has_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL)
      || gtk_test_accessible_has_relation (GTK_ACCESSIBLE (button),
                                           GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return;
  gtk_accessible_update_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  child, NULL, -1);
}

/* The button that opens a drop-down's list, which the keyboard focuses: named as the
 * drop-down is. */
static void
mend_drop_down_button (GtkWidget *button)
{
  GtkWidget *parent = gtk_widget_get_parent (button);

  if (!GTK_IS_TOGGLE_BUTTON (button) || !GTK_IS_DROP_DOWN (parent)
      || gtk_test_accessible_has_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL))
    return;
  gtk_accessible_update_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  parent, NULL, -1);
}

static void
button_label_changed_cb (GObject *object, GParamSpec *pspec, gpointer user_data)
{
  mend_mnemonic (GTK_WIDGET (object));
}

static gboolean
widget_mapped_hook (GSignalInvocationHint *hint, guint n_values, const GValue *values,
                    gpointer user_data)
{
  GObject *object = g_value_get_object (&values[0]);

  if (!GTK_IS_BUTTON (object))
    return TRUE;
  mend_mnemonic (GTK_WIDGET (object));
  mend_label_child (GTK_WIDGET (object));
  mend_drop_down_button (GTK_WIDGET (object));
  if (g_object_get_data (object, "cak-accessible-watched") == NULL)
    {
      g_object_set_data (object, "cak-accessible-watched", GINT_TO_POINTER (TRUE));
      g_signal_connect (object, "notify::label", G_CALLBACK (button_label_changed_cb), NULL);
      g_signal_connect (object, "notify::use-underline", G_CALLBACK (button_label_changed_cb),
                        NULL);
    }
  return TRUE;
}

/**
 * cak_accessible_init:
 *
 * Mends, from now on, the names of the buttons of every window as they are shown.
 */
void
cak_accessible_init (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      /* The signal is known once the class is */
      g_type_class_unref (g_type_class_ref (GTK_TYPE_WIDGET));
      g_signal_add_emission_hook (g_signal_lookup ("map", GTK_TYPE_WIDGET), 0, widget_mapped_hook,
                                  NULL, NULL);
      g_once_init_leave (&done, 1);
    }
}

/**
 * cak_accessible_name:
 * @name: what a screen reader says for @widget
 *
 * Names a control that shows no text of its own (an icon button), said once: the label
 * alone, not the icon it is otherwise labelled by.
 */
void
cak_accessible_name (GtkWidget *widget, const char *name)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

/* The button that opens a drop-down's list: what the keyboard focuses. */
static GtkWidget *
drop_down_button (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_TOGGLE_BUTTON (child))
        return child;
      if ((found = drop_down_button (child)))
        return found;
    }
  return NULL;
}

static void
name_drop_down (GtkDropDown *drop_down)
{
  const char *title = g_object_get_data (G_OBJECT (drop_down), "cak-accessible-title");
  GObject *item = gtk_drop_down_get_selected_item (drop_down);
  GtkWidget *button = drop_down_button (GTK_WIDGET (drop_down));
  g_autofree char *name = NULL;

  if (GTK_IS_STRING_OBJECT (item))
    /* Translators: a drop-down's name and its choice, as a screen reader says them */
    name = g_strdup_printf (_ ("%s: %s"), title,
                            gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
  else
    name = g_strdup (title);
  cak_accessible_name (GTK_WIDGET (drop_down), name);
  if (button)
    cak_accessible_name (button, name);
}

static void
drop_down_changed_cb (GObject *object, GParamSpec *pspec, gpointer user_data)
{
  name_drop_down (GTK_DROP_DOWN (object));
}

/**
 * cak_accessible_name_drop_down:
 * @title: what the drop-down chooses ("Province")
 *
 * Names a drop-down and the button that opens it by @title and the current choice
 * ("Province: Jawa Timur"), kept up to date.
 */
void
cak_accessible_name_drop_down (GtkDropDown *drop_down, const char *title)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));

  g_object_set_data_full (G_OBJECT (drop_down), "cak-accessible-title", g_strdup (title), g_free);
  g_signal_connect (drop_down, "notify::selected", G_CALLBACK (drop_down_changed_cb), NULL);
  g_signal_connect (drop_down, "notify::model", G_CALLBACK (drop_down_changed_cb), NULL);
  name_drop_down (drop_down);
}

static GtkWidget *
find_toggle_button (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_TOGGLE_BUTTON (child) && GTK_IS_IMAGE (gtk_button_get_child (GTK_BUTTON (child))))
        return child;
      if ((found = find_toggle_button (child)))
        return found;
    }
  return NULL;
}

static GtkWidget *
find_menu_button (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_MENU_BUTTON (child))
        return child;
      if ((found = find_menu_button (child)))
        return found;
    }
  return NULL;
}

/**
 * cak_accessible_name_search_button:
 * @name: what the button searches ("Search Shortcuts")
 *
 * Names the search button of a window GTK or libadwaita builds (the shortcuts window, the
 * preferences), which has only an icon.
 */
void
cak_accessible_name_search_button (GtkWindow *window, const char *name)
{
  GtkWidget *search;

  g_return_if_fail (GTK_IS_WINDOW (window));

  if ((search = find_toggle_button (GTK_WIDGET (window))))
    cak_accessible_name (search, name);
}

/* Keys GTK 4.8 shows by their raw names ("Page_Down"), or its translations by two
 * ("Esc (Escape)"): shown as the keyboard prints them. */
static const struct
{
  guint keyval;
  const char *label;
} key_labels[] = {
  { GDK_KEY_Page_Up, N_ ("Page Up") }, { GDK_KEY_Page_Down, N_ ("Page Down") },
  { GDK_KEY_Escape, N_ ("Esc") },      { GDK_KEY_BackSpace, N_ ("Backspace") },
  { GDK_KEY_Delete, N_ ("Delete") },   { GDK_KEY_Home, N_ ("Home") },
  { GDK_KEY_End, N_ ("End") },
};

static const char *
key_label (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (key_labels); i++)
    {
      const char *name = gdk_keyval_name (key_labels[i].keyval);
      g_autofree char *gtk_label = gtk_accelerator_get_label (key_labels[i].keyval, 0);

      if (g_strcmp0 (text, name) == 0 || g_strcmp0 (text, gtk_label) == 0
          || g_strcmp0 (text, g_dpgettext2 ("gtk40", "keyboard label", name)) == 0)
        return _ (key_labels[i].label);
    }
  return NULL;
}

static void
mend_key_labels (GtkWidget *widget, gboolean in_shortcut)
{
  in_shortcut = in_shortcut || GTK_IS_SHORTCUT_LABEL (widget);
  if (in_shortcut && GTK_IS_LABEL (widget))
    {
      const char *label = key_label (gtk_label_get_text (GTK_LABEL (widget)));

      if (label)
        gtk_label_set_text (GTK_LABEL (widget), label);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    mend_key_labels (child, in_shortcut);
}

/**
 * cak_accessible_mend_shortcuts_window:
 *
 * Shows the keys of GTK's shortcuts window as keyboards print them: GTK 4.8 shows some by
 * their raw names ("Page_Down"), its Indonesian by two ("Esc (Escape)"). Names its search
 * button too.
 */
void
cak_accessible_mend_shortcuts_window (GtkWindow *window)
{
  g_return_if_fail (GTK_IS_WINDOW (window));

  mend_key_labels (GTK_WIDGET (window), FALSE);
  cak_accessible_name_search_button (window, _ ("Search Shortcuts"));
  /* With several sections, GTK switches between them with a menu button of its own, labelled
   * by the section shown but not named */
  {
    GtkWidget *switcher = find_menu_button (GTK_WIDGET (window));

    if (switcher)
      cak_accessible_name (switcher, _ ("Shortcuts Section"));
  }
}

/**
 * cak_accessible_announce:
 * @text: what has happened, in words
 *
 * Has a screen reader say @text: announced from GTK 4.14 on; before, the description of
 * @widget, which a screen reader reads when the widget changes or is focused.
 */
void
cak_accessible_announce (GtkWidget *widget, const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (text == NULL || *text == '\0')
    return;
#if GTK_CHECK_VERSION(4, 14, 0)
  gtk_accessible_announce (GTK_ACCESSIBLE (widget), text,
                           GTK_ACCESSIBLE_ANNOUNCEMENT_PRIORITY_MEDIUM);
#else
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  text, -1);
#endif
}

static gboolean
tab_stop_key_pressed_cb (GtkEventControllerKey *keys, guint keyval, guint keycode,
                         GdkModifierType state, gpointer user_data)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (keys));
  GtkDirectionType direction;

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;
  if (keyval == GDK_KEY_ISO_Left_Tab
      || ((keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab) && (state & GDK_SHIFT_MASK)))
    direction = GTK_DIR_TAB_BACKWARD;
  else if (keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab)
    direction = GTK_DIR_TAB_FORWARD;
  else
    return FALSE;
  /* With @widget out of the focus chain for a moment, GTK moves on to what comes after it
   * (or before it) */
  gtk_widget_set_can_focus (widget, FALSE);
  gtk_widget_child_focus (GTK_WIDGET (gtk_widget_get_root (widget)), direction);
  gtk_widget_set_can_focus (widget, TRUE);
  return TRUE;
}

/**
 * cak_accessible_single_tab_stop:
 *
 * Makes @widget, a list, one Tab stop: the arrow keys move inside it, Tab and Shift+Tab leave
 * it. GTK 4.8 moves Tab from row to row of a list view and of a list box; in the sidebar,
 * each row Tab crossed also turned the page, so that only the last page's charts could be
 * reached.
 */
void
cak_accessible_single_tab_stop (GtkWidget *widget)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_event_controller_set_name (keys, "cak-single-tab-stop");
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (tab_stop_key_pressed_cb), NULL);
  gtk_widget_add_controller (widget, keys);
}

/**
 * cak_accessible_close_on_escape:
 *
 * Closes @window with Escape, as every dialog of Cakupan does.
 */
void
cak_accessible_close_on_escape (GtkWindow *window)
{
  GtkEventController *keys = gtk_shortcut_controller_new ();

  g_return_if_fail (GTK_IS_WINDOW (window));

  gtk_shortcut_controller_add_shortcut (
      GTK_SHORTCUT_CONTROLLER (keys), gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                        gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (GTK_WIDGET (window), keys);
}
