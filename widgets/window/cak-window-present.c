/* cak-window-present.c: the window's presentation: F5, the deck dialog and the show itself
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cak-window-present"

#include "config.h"

#include <glib/gi18n.h>

#include "cak-deck-dialog.h"
#include "cak-presentation.h"
#include "cak-window-private.h"

static void
presentation_destroyed_cb (GtkWidget *widget, gpointer user_data)
{
  CakWindow *self = user_data;

  self->presentation = NULL;
  gtk_window_present (GTK_WINDOW (self));
}

static void
start_presentation (CakWindow *self, const CakDeck *deck)
{
  CakPresentation *presentation;
  g_autofree char *agency = NULL;
  GdkMonitor *monitor;

  if (self->presentation)
    {
      gtk_window_present (self->presentation);
      return;
    }
  if (self->data == NULL || cak_deck_get_n_slides (deck) == 0)
    return;
  presentation = cak_presentation_new (deck, self->data);
  self->presentation = GTK_WINDOW (presentation);
  gtk_window_set_application (self->presentation, gtk_window_get_application (GTK_WINDOW (self)));
  agency = self->settings ? g_settings_get_string (self->settings, "agency-name") : NULL;
  cak_presentation_set_agency (presentation, agency);
  cak_presentation_set_monev (presentation,
                              self->project ? cak_project_get_monev (self->project) : NULL);
  cak_presentation_set_theme_kind (presentation, self->present_dark ? CAK_PRESENTATION_THEME_DARK
                                                                    : CAK_CHART_THEME_PROJECTOR);
  cak_presentation_set_advance_seconds (presentation, self->present_advance);
  g_signal_connect_object (presentation, "destroy", G_CALLBACK (presentation_destroyed_cb), self,
                           0);
  monitor = cak_presentation_choose_monitor (gtk_widget_get_display (GTK_WIDGET (self)),
                                             self->present_connector, GTK_WINDOW (self));
  cak_presentation_start (presentation, monitor);
}

static void
present_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CakWindow *self = CAK_WINDOW (widget);
  g_autoptr (CakDeck) deck = NULL;

  if (self->data == NULL)
    return;
  deck = cak_deck_dialog_load_deck (self->settings, self->project, self->data);
  start_presentation (self, deck);
}

/* The deck dialog keeps the screen, colours and pace for the rest of the session */
static void
deck_dialog_options_cb (GObject *object, GParamSpec *pspec, gpointer user_data)
{
  CakWindow *self = user_data;
  CakDeckDialog *dialog = CAK_DECK_DIALOG (object);

  g_free (self->present_connector);
  self->present_connector = g_strdup (cak_deck_dialog_get_connector (dialog));
  self->present_dark = cak_deck_dialog_get_dark (dialog);
  self->present_advance = cak_deck_dialog_get_advance_seconds (dialog);
}

static void
deck_dialog_start_cb (CakDeckDialog *dialog, gpointer user_data)
{
  CakWindow *self = user_data;
  g_autoptr (CakDeck) deck = cak_deck_copy (cak_deck_dialog_get_deck (dialog));

  gtk_window_destroy (GTK_WINDOW (dialog));
  start_presentation (self, deck);
}

static void
deck_dialog_destroyed_cb (GtkWidget *widget, gpointer user_data)
{
  CAK_WINDOW (user_data)->deck_dialog = NULL;
}

static void
edit_presentation_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CakWindow *self = CAK_WINDOW (widget);
  CakDeckDialog *dialog;

  if (self->data == NULL)
    return;
  if (self->deck_dialog)
    {
      gtk_window_present (self->deck_dialog);
      return;
    }
  dialog = cak_deck_dialog_new (GTK_WINDOW (self), self->data, self->settings, self->project);
  self->deck_dialog = GTK_WINDOW (dialog);
  cak_deck_dialog_set_connector (dialog, self->present_connector);
  cak_deck_dialog_set_dark (dialog, self->present_dark);
  cak_deck_dialog_set_advance_seconds (dialog, self->present_advance);
  g_signal_connect_object (dialog, "notify::connector", G_CALLBACK (deck_dialog_options_cb), self,
                           0);
  g_signal_connect_object (dialog, "notify::dark", G_CALLBACK (deck_dialog_options_cb), self, 0);
  g_signal_connect_object (dialog, "notify::advance-seconds", G_CALLBACK (deck_dialog_options_cb),
                           self, 0);
  g_signal_connect_object (dialog, "start", G_CALLBACK (deck_dialog_start_cb), self, 0);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (deck_dialog_destroyed_cb), self, 0);
  gtk_window_present (self->deck_dialog);
}

/* The actions follow the data: the search button shows when a dataset is loaded */
static void
data_shown_cb (GObject *object, GParamSpec *pspec, gpointer user_data)
{
  CakWindow *self = user_data;
  gboolean shown = gtk_widget_get_visible (GTK_WIDGET (self->search_button));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.present", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-presentation", shown);
}

/* Public */

void
cak_window_present_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.present", NULL, present_action_cb);
  gtk_widget_class_install_action (widget_class, "win.edit-presentation", NULL,
                                   edit_presentation_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.present", NULL);
}

void
cak_window_present_init (CakWindow *self)
{
  g_signal_connect_object (self->search_button, "notify::visible", G_CALLBACK (data_shown_cb), self,
                           0);
  data_shown_cb (NULL, NULL, self);
}

void
cak_window_present_dispose (CakWindow *self)
{
  /* Closing the window ends the show, without bringing the window back */
  if (self->presentation)
    {
      g_signal_handlers_disconnect_by_data (self->presentation, self);
      gtk_window_destroy (self->presentation);
    }
  self->presentation = NULL;
  if (self->deck_dialog)
    {
      g_signal_handlers_disconnect_by_data (self->deck_dialog, self);
      gtk_window_destroy (self->deck_dialog);
    }
  self->deck_dialog = NULL;
  g_clear_pointer (&self->present_connector, g_free);
}
