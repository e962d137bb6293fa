/* cak-deck-dialog.c: the presentation's slides, screen, colours and exports
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The deck is kept in the settings at every change, in its string form, so that the next rakor
 * starts from the same slides; the screen, colours and pace are the window's, for this session.
 */
#define G_LOG_DOMAIN "cak-deck-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cak-accessible.h"
#include "cak-deck-dialog.h"
#include "cak-presentation.h"

struct _CakDeckDialog
{
  AdwWindow parent_instance;

  /* template children */
  AdwWindowTitle *window_title;
  AdwToastOverlay *toast_overlay;
  GtkListBox *slide_list;
  GtkDropDown *page_dropdown;
  GtkDropDown *regency_dropdown;
  AdwComboRow *monitor_row;
  AdwComboRow *theme_row;
  GtkSpinButton *advance_spin;
  AdwActionRow *progress_row;
  GtkProgressBar *progress_bar;

  CakDeck *deck;
  CakChartData *data;
  GSettings *settings;
  CakProject *project; /* keeps the deck when there is one; else the settings do */
  GPtrArray *pages;    /* char*: "title", "chart:ranking"... in the page drop-down */
  GPtrArray *monitors; /* GdkMonitor*, after "Automatic" in the screen row */
  char *connector;
  gboolean filling_monitors;

  GCancellable *export_cancellable;
  guint export_poll;
};

G_DEFINE_FINAL_TYPE (CakDeckDialog, cak_deck_dialog, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_CONNECTOR,
  PROP_DARK,
  PROP_ADVANCE_SECONDS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  START,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The slides */

/* Where the deck is kept: @text as cak_deck_to_string() writes it, "" for the default deck. */
static void
keep_deck_text (CakDeckDialog *self, const char *text)
{
  if (self->project)
    {
      g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
      g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
      g_auto (GStrv) slides = NULL;
      g_autoptr (GError) error = NULL;

      for (guint i = 0; lines[i]; i++)
        if (lines[i][0])
          g_strv_builder_add (builder, lines[i]);
      slides = g_strv_builder_end (builder);
      if (!cak_project_set_deck (self->project, (const char *const *)slides, &error))
        g_warning ("The deck could not be kept in the project: %s", error->message);
    }
  else if (self->settings)
    g_settings_set_string (self->settings, "deck", text);
}

static void
save_deck (CakDeckDialog *self)
{
  g_autofree char *text = cak_deck_to_string (self->deck);

  keep_deck_text (self, text);
}

static GtkWidget *
icon_button (const char *icon, const char *tooltip, const char *action, guint index,
             gboolean enabled)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  cak_accessible_name (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  /* An action would make the button sensitive again: the first cannot go up, nor the last down */
  if (enabled)
    {
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", index);
    }
  else
    gtk_widget_set_sensitive (button, FALSE);
  return button;
}

static void
fill_slides (CakDeckDialog *self)
{
  guint n = cak_deck_get_n_slides (self->deck);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->slide_list))))
    gtk_list_box_remove (self->slide_list, child);
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *name = cak_slide_get_name (cak_deck_get_slide (self->deck, i), self->data);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      GtkWidget *label = gtk_label_new (number);
      GtkWidget *up, *down, *remove;

      gtk_label_set_width_chars (GTK_LABEL (label), 2);
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), label);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      up = icon_button ("go-up-symbolic", _ ("Move Up"), "deck.move-up", i, i > 0);
      down = icon_button ("go-down-symbolic", _ ("Move Down"), "deck.move-down", i, i + 1 < n);
      remove = icon_button ("user-trash-symbolic", _ ("Remove"), "deck.remove", i, TRUE);
      /* Which slide the buttons move, for a screen reader */
      {
        GtkWidget *buttons[] = { up, down, remove };

        for (guint b = 0; b < G_N_ELEMENTS (buttons); b++)
          gtk_accessible_update_property (GTK_ACCESSIBLE (buttons[b]),
                                          GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, name, -1);
      }
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), up);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), down);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      gtk_list_box_append (self->slide_list, row);
    }
  if (n == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _ ("No slides: add one below, or reset to the default"));
      gtk_list_box_append (self->slide_list, row);
    }
  {
    g_autofree char *period = cak_period_format (self->data->period, self->data->lang);
    g_autofree char *subtitle = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE, "%u slide · %s, %s", "%u slides · %s, %s", n), n,
        self->data->place, period);

    adw_window_title_set_subtitle (self->window_title, subtitle);
  }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deck.start", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deck.export-pdf",
                                 n > 0 && self->export_cancellable == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deck.export-png",
                                 n > 0 && self->export_cancellable == NULL);
}

static void
deck_changed (CakDeckDialog *self)
{
  save_deck (self);
  fill_slides (self);
}

static void
add_line (CakDeckDialog *self, const char *line)
{
  g_autoptr (CakDeck) parsed = cak_deck_new_from_string (line, self->data);

  if (cak_deck_get_n_slides (parsed) == 0)
    return;
  cak_deck_insert (self->deck, -1, cak_deck_get_slide (parsed, 0));
  deck_changed (self);
}

static void
fill_pages (CakDeckDialog *self)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr (GtkStringList) regencies = gtk_string_list_new (NULL);
  g_autoptr (GtkExpression) expression = NULL;

  g_ptr_array_add (self->pages, g_strdup ("title"));
  for (guint k = 0; k < CAK_N_CHART_KINDS; k++)
    if (cak_chart_kind_from_id (cak_chart_kind_to_id (k), NULL))
      g_ptr_array_add (self->pages, g_strdup_printf ("chart:%s", cak_chart_kind_to_id (k)));
  g_ptr_array_add (self->pages, g_strdup ("summary"));
  /* What a project's monev recorded */
  if (self->project)
    {
      g_ptr_array_add (self->pages, g_strdup ("actions"));
      g_ptr_array_add (self->pages, g_strdup ("actions:2"));
      g_ptr_array_add (self->pages, g_strdup ("checklist"));
    }
  for (guint i = 0; i < self->pages->len; i++)
    {
      g_autoptr (CakDeck) one = cak_deck_new_from_string (g_ptr_array_index (self->pages, i), NULL);
      g_autofree char *name = NULL;

      if (cak_deck_get_n_slides (one) == 0)
        {
          g_ptr_array_remove_index (self->pages, i--);
          continue;
        }
      name = cak_slide_get_name (cak_deck_get_slide (one, 0), self->data);
      gtk_string_list_append (names, name);
    }
  gtk_drop_down_set_model (self->page_dropdown, G_LIST_MODEL (names));

  for (guint i = 0; i < self->data->rows->len; i++)
    gtk_string_list_append (regencies,
                            g_array_index (self->data->rows, CakIndicatorRow, i).region->name);
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (self->regency_dropdown, expression);
  gtk_drop_down_set_model (self->regency_dropdown, G_LIST_MODEL (regencies));
}

/* The screen */

static void
update_monitor_subtitle (CakDeckDialog *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  GdkMonitor *monitor = cak_presentation_choose_monitor (gtk_widget_get_display (GTK_WIDGET (self)),
                                                         self->connector, parent);
  g_autofree char *name = monitor ? cak_presentation_describe_monitor (monitor) : NULL;
  g_autofree char *text = NULL;

  /* Translators: %s is a screen, "DELL U2415 (HDMI-1), 1920 × 1080" */
  if (name && self->connector == NULL && self->monitors->len > 1)
    text = g_strdup_printf (_ ("Presenting on %s, the second screen"), name);
  else if (name && self->connector == NULL)
    text = g_strdup_printf (_ ("Presenting on %s; a projector, once connected, is chosen"), name);
  else if (name)
    text = g_strdup_printf (_ ("Presenting on %s"), name);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->monitor_row), text ? text : "");
}

static void
fill_monitors (CakDeckDialog *self)
{
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = 0;

  g_ptr_array_set_size (self->monitors, 0);
  gtk_string_list_append (names, _ ("Automatic"));
  for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
    {
      g_autoptr (GdkMonitor) monitor = g_list_model_get_item (monitors, i);
      g_autofree char *name = cak_presentation_describe_monitor (monitor);

      g_ptr_array_add (self->monitors, g_object_ref (monitor));
      gtk_string_list_append (names, name);
      if (self->connector && *self->connector
          && g_strcmp0 (gdk_monitor_get_connector (monitor), self->connector) == 0)
        selected = i + 1;
    }
  self->filling_monitors = TRUE;
  adw_combo_row_set_model (self->monitor_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->monitor_row, selected);
  self->filling_monitors = FALSE;
  update_monitor_subtitle (self);
}

static void
monitors_changed_cb (GListModel *model, guint position, guint removed, guint added,
                     gpointer user_data)
{
  fill_monitors (CAK_DECK_DIALOG (user_data));
}

static void
monitor_selected_cb (AdwComboRow *row, GParamSpec *pspec, gpointer user_data)
{
  CakDeckDialog *self = user_data;
  guint i = adw_combo_row_get_selected (row);
  GdkMonitor *monitor;

  if (self->filling_monitors)
    return;
  monitor = i > 0 && i <= self->monitors->len ? g_ptr_array_index (self->monitors, i - 1) : NULL;
  self->filling_monitors = TRUE;
  cak_deck_dialog_set_connector (self, monitor ? gdk_monitor_get_connector (monitor) : NULL);
  self->filling_monitors = FALSE;
}

static void
theme_selected_cb (AdwComboRow *row, GParamSpec *pspec, gpointer user_data)
{
  g_object_notify_by_pspec (G_OBJECT (user_data), properties[PROP_DARK]);
}

static void
advance_changed_cb (GtkSpinButton *spin, gpointer user_data)
{
  g_object_notify_by_pspec (G_OBJECT (user_data), properties[PROP_ADVANCE_SECONDS]);
}

/* Export */

typedef struct
{
  CakDeck *deck;
  CakChartData *data;
  CakChartTheme theme;
  char *agency;
  CakMonev *monev; /* a copy of the project's, which the window may edit meanwhile; or NULL */
  char *path; /* the PDF, or the PNG files' prefix */
  gboolean pdf;
  int done, total; /* atomic: written by the worker, read by the dialog */
} ExportJob;

static void
export_job_free (gpointer p)
{
  ExportJob *job = p;

  cak_deck_free (job->deck);
  cak_chart_data_unref (job->data);
  g_free (job->agency);
  g_clear_object (&job->monev);
  g_free (job->path);
  g_free (job);
}

static void
export_progress (guint done, guint total, gpointer user_data)
{
  ExportJob *job = user_data;

  g_atomic_int_set (&job->total, total);
  g_atomic_int_set (&job->done, done);
}

static void
export_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  ExportJob *job = task_data;
  CakSlideInfo info = { job->agency, NULL, CAK_CHART_ITEM_NONE, job->monev };
  GError *error = NULL;
  gboolean ok;

  if (job->pdf)
    ok = cak_deck_export_pdf (job->deck, job->data, &info, &job->theme, job->path, cancellable,
                              export_progress, job, &error);
  else
    ok = cak_deck_export_pngs (job->deck, job->data, &info, &job->theme, job->path, 1920, 1080,
                               cancellable, export_progress, job, &error);
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static gboolean
export_poll_cb (gpointer user_data)
{
  GTask *task = user_data;
  CakDeckDialog *self = g_task_get_source_object (task);
  ExportJob *job = g_task_get_task_data (task);
  int total = g_atomic_int_get (&job->total);

  if (total > 0)
    gtk_progress_bar_set_fraction (self->progress_bar,
                                   g_atomic_int_get (&job->done) / (double)total);
  else
    gtk_progress_bar_pulse (self->progress_bar);
  return G_SOURCE_CONTINUE;
}

static void
export_finished (CakDeckDialog *self)
{
  g_clear_handle_id (&self->export_poll, g_source_remove);
  g_clear_object (&self->export_cancellable);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_row), FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deck.cancel-export", FALSE);
  fill_slides (self);
}

static void
export_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  CakDeckDialog *self = CAK_DECK_DIALOG (source);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *uri = NULL;
  AdwToast *toast;

  /* The dialog was closed meanwhile */
  if (self->slide_list == NULL)
    return;
  export_finished (self);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  if (job->pdf)
    {
      g_autofree char *base = g_path_get_basename (job->path);

      text = g_strdup_printf (_ ("Saved “%s”"), base);
    }
  else
    {
      g_autofree char *base = g_path_get_basename (job->path);
      guint n = cak_deck_get_n_slides (job->deck);

      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Saved %u image, “%s-01.png”",
                                           "Saved %u images, “%s-01.png” and on", n),
                              n, base);
    }
  toast = adw_toast_new (text);
  dir = g_path_get_dirname (job->path);
  uri = g_filename_to_uri (dir, NULL, NULL);
  if (uri)
    {
      adw_toast_set_button_label (toast, _ ("Open Folder"));
      adw_toast_set_action_name (toast, "deck.open-folder");
      adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static CakChartThemeKind
theme_kind (CakDeckDialog *self)
{
  return cak_deck_dialog_get_dark (self) ? CAK_PRESENTATION_THEME_DARK : CAK_CHART_THEME_PROJECTOR;
}

static void
start_export (CakDeckDialog *self, const char *path, gboolean pdf)
{
  g_assert (self->export_cancellable == NULL);

  g_autoptr (GTask) task = NULL;
  ExportJob *job = g_new0 (ExportJob, 1);

  job->deck = cak_deck_copy (self->deck);
  job->data = cak_chart_data_ref (self->data);
  cak_chart_theme_init (&job->theme, theme_kind (self));
  job->agency = self->settings ? g_settings_get_string (self->settings, "agency-name") : NULL;
  job->monev = self->project ? cak_monev_copy (cak_project_get_monev (self->project)) : NULL;
  job->path = g_strdup (path);
  job->pdf = pdf;

  self->export_cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_row), TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deck.cancel-export", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deck.export-pdf", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deck.export-png", FALSE);

  task = g_task_new (self, self->export_cancellable, export_done_cb, NULL);
  g_task_set_task_data (task, job, export_job_free);
  self->export_poll = g_timeout_add_full (G_PRIORITY_DEFAULT, 100, export_poll_cb,
                                          g_object_ref (task), g_object_unref);
  g_task_run_in_thread (task, export_thread);
}

static void
save_chosen_cb (GtkNativeDialog *chooser, int response, gpointer user_data)
{
  CakDeckDialog *self = user_data;
  gboolean pdf = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "pdf"));
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return;
  if (pdf && !g_str_has_suffix (path, ".pdf"))
    {
      char *with = g_strconcat (path, ".pdf", NULL);

      g_free (path);
      path = with;
    }
  /* The images are named from the prefix: "name-01.png"... */
  if (!pdf && g_str_has_suffix (path, ".png"))
    path[strlen (path) - strlen (".png")] = '\0';
  start_export (self, path, pdf);
}

static void
choose_file (CakDeckDialog *self, gboolean pdf)
{
  GtkFileChooserNative *chooser;
  g_autofree char *period = cak_period_to_iso (self->data->period);
  g_autofree char *name = g_strdup_printf ("cakupan-slides-%s%s", period, pdf ? ".pdf" : "");

  chooser = gtk_file_chooser_native_new (
      pdf ? _ ("Export Slides as PDF") : _ ("Export Slides as Images"), GTK_WINDOW (self),
      GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Export"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data (G_OBJECT (chooser), "pdf", GINT_TO_POINTER (pdf));
  g_signal_connect (chooser, "response", G_CALLBACK (save_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Actions */

static void
start_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  g_signal_emit (widget, signals[START], 0);
}

static void
move_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CakDeckDialog *self = CAK_DECK_DIALOG (widget);
  guint i = g_variant_get_uint32 (parameter);
  guint n = cak_deck_get_n_slides (self->deck);
  gboolean up = g_str_equal (action_name, "deck.move-up");

  if (i >= n || (up && i == 0) || (!up && i + 1 >= n))
    return;
  cak_deck_move (self->deck, i, up ? i - 1 : i + 1);
  deck_changed (self);
}

static void
remove_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CakDeckDialog *self = CAK_DECK_DIALOG (widget);
  guint i = g_variant_get_uint32 (parameter);

  if (i >= cak_deck_get_n_slides (self->deck))
    return;
  cak_deck_remove (self->deck, i);
  deck_changed (self);
}

static void
add_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  add_line (CAK_DECK_DIALOG (widget), g_variant_get_string (parameter, NULL));
}

static void
add_page_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CakDeckDialog *self = CAK_DECK_DIALOG (widget);
  guint i = gtk_drop_down_get_selected (self->page_dropdown);

  if (i < self->pages->len)
    add_line (self, g_ptr_array_index (self->pages, i));
}

static void
add_spotlight_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CakDeckDialog *self = CAK_DECK_DIALOG (widget);
  guint i = gtk_drop_down_get_selected (self->regency_dropdown);
  g_autofree char *line = NULL;

  if (i >= self->data->rows->len)
    return;
  line = g_strdup_printf ("spotlight:%s",
                          g_array_index (self->data->rows, CakIndicatorRow, i).region->code);
  add_line (self, line);
}

static void
reset_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CakDeckDialog *self = CAK_DECK_DIALOG (widget);

  cak_deck_free (self->deck);
  self->deck = cak_deck_new_default_with_monev (
      self->data, self->project ? cak_project_get_monev (self->project) : NULL);
  /* Empty means "the default", which follows the data */
  keep_deck_text (self, "");
  fill_slides (self);
}

static void
export_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  choose_file (CAK_DECK_DIALOG (widget), g_str_equal (action_name, "deck.export-pdf"));
}

static void
cancel_export_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CakDeckDialog *self = CAK_DECK_DIALOG (widget);

  if (self->export_cancellable)
    g_cancellable_cancel (self->export_cancellable);
}

static void
open_folder_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  gtk_show_uri (GTK_WINDOW (widget), g_variant_get_string (parameter, NULL), GDK_CURRENT_TIME);
}

/* Overrides */

static void
cak_deck_dialog_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CakDeckDialog *self = CAK_DECK_DIALOG (object);

  switch (prop_id)
    {
      case PROP_CONNECTOR:
        g_value_set_string (value, self->connector);
        break;
      case PROP_DARK:
        g_value_set_boolean (value, cak_deck_dialog_get_dark (self));
        break;
      case PROP_ADVANCE_SECONDS:
        g_value_set_uint (value, cak_deck_dialog_get_advance_seconds (self));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cak_deck_dialog_set_property (GObject *object, guint prop_id, const GValue *value,
                              GParamSpec *pspec)
{
  CakDeckDialog *self = CAK_DECK_DIALOG (object);

  switch (prop_id)
    {
      case PROP_CONNECTOR:
        cak_deck_dialog_set_connector (self, g_value_get_string (value));
        break;
      case PROP_DARK:
        cak_deck_dialog_set_dark (self, g_value_get_boolean (value));
        break;
      case PROP_ADVANCE_SECONDS:
        cak_deck_dialog_set_advance_seconds (self, g_value_get_uint (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cak_deck_dialog_dispose (GObject *object)
{
  CakDeckDialog *self = CAK_DECK_DIALOG (object);

  if (self->export_cancellable)
    g_cancellable_cancel (self->export_cancellable);
  g_clear_object (&self->export_cancellable);
  g_clear_handle_id (&self->export_poll, g_source_remove);
  g_clear_pointer (&self->deck, cak_deck_free);
  g_clear_pointer (&self->data, cak_chart_data_unref);
  g_clear_object (&self->settings);
  g_clear_object (&self->project);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->monitors, g_ptr_array_unref);
  g_clear_pointer (&self->connector, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), CAK_TYPE_DECK_DIALOG);
  G_OBJECT_CLASS (cak_deck_dialog_parent_class)->dispose (object);
}

static void
cak_deck_dialog_class_init (CakDeckDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cak_deck_dialog_dispose;
  object_class->get_property = cak_deck_dialog_get_property;
  object_class->set_property = cak_deck_dialog_set_property;

  properties[PROP_CONNECTOR]
      = g_param_spec_string ("connector", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DARK]
      = g_param_spec_boolean ("dark", NULL, NULL, FALSE,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ADVANCE_SECONDS]
      = g_param_spec_uint ("advance-seconds", NULL, NULL, 0, 600, 0,
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CakDeckDialog::start:
   *
   * The presenter asked to start the presentation with these slides and options.
   */
  signals[START] = g_signal_new ("start", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/cak-deck-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CakDeckDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, CakDeckDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CakDeckDialog, slide_list);
  gtk_widget_class_bind_template_child (widget_class, CakDeckDialog, page_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CakDeckDialog, regency_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CakDeckDialog, monitor_row);
  gtk_widget_class_bind_template_child (widget_class, CakDeckDialog, theme_row);
  gtk_widget_class_bind_template_child (widget_class, CakDeckDialog, advance_spin);
  gtk_widget_class_bind_template_child (widget_class, CakDeckDialog, progress_row);
  gtk_widget_class_bind_template_child (widget_class, CakDeckDialog, progress_bar);

  gtk_widget_class_install_action (widget_class, "deck.start", NULL, start_action_cb);
  gtk_widget_class_install_action (widget_class, "deck.move-up", "u", move_action_cb);
  gtk_widget_class_install_action (widget_class, "deck.move-down", "u", move_action_cb);
  gtk_widget_class_install_action (widget_class, "deck.remove", "u", remove_action_cb);
  gtk_widget_class_install_action (widget_class, "deck.add", "s", add_action_cb);
  gtk_widget_class_install_action (widget_class, "deck.add-page", NULL, add_page_action_cb);
  gtk_widget_class_install_action (widget_class, "deck.add-spotlight", NULL,
                                   add_spotlight_action_cb);
  gtk_widget_class_install_action (widget_class, "deck.reset", NULL, reset_action_cb);
  gtk_widget_class_install_action (widget_class, "deck.export-pdf", NULL, export_action_cb);
  gtk_widget_class_install_action (widget_class, "deck.export-png", NULL, export_action_cb);
  gtk_widget_class_install_action (widget_class, "deck.cancel-export", NULL,
                                   cancel_export_action_cb);
  gtk_widget_class_install_action (widget_class, "deck.open-folder", "s", open_folder_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "deck.start", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cak_deck_dialog_init (CakDeckDialog *self)
{
  g_autoptr (GtkStringList) themes = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->pages = g_ptr_array_new_with_free_func (g_free);
  self->monitors = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_string_list_append (themes, _ ("Light"));
  gtk_string_list_append (themes, _ ("Dark"));
  adw_combo_row_set_model (self->theme_row, G_LIST_MODEL (themes));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deck.cancel-export", FALSE);
  cak_accessible_name_drop_down (self->page_dropdown, _ ("Page"));
  cak_accessible_name_drop_down (self->regency_dropdown, _ ("Spotlight on a regency"));
  cak_accessible_name (GTK_WIDGET (self->advance_spin), _ ("Seconds on each slide"));
  g_signal_connect (self->monitor_row, "notify::selected", G_CALLBACK (monitor_selected_cb), self);
  g_signal_connect (self->theme_row, "notify::selected", G_CALLBACK (theme_selected_cb), self);
  g_signal_connect (self->advance_spin, "value-changed", G_CALLBACK (advance_changed_cb), self);
  g_signal_connect_object (gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self))),
                           "items-changed", G_CALLBACK (monitors_changed_cb), self, 0);
}

/* Public */

/**
 * cak_deck_dialog_load_deck:
 * @settings: (nullable): where the deck is kept when there is no project
 * @project: (nullable): the project shown, which keeps its own deck
 *
 * Returns: (transfer full): the deck kept in the project (or, without one, in the settings), or
 *   the default one for @data when none is kept (or none of its slides fits @data)
 */
CakDeck *
cak_deck_dialog_load_deck (GSettings *settings, CakProject *project, const CakChartData *data)
{
  g_autofree char *text = NULL;
  CakDeck *deck;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (project == NULL || CAK_IS_PROJECT (project), NULL);

  if (project)
    {
      g_auto (GStrv) slides = cak_project_dup_deck (project);

      text = slides ? g_strjoinv ("\n", slides) : NULL;
    }
  else if (settings)
    text = g_settings_get_string (settings, "deck");

  deck = cak_deck_new_from_string (text ? text : "", data);
  if (cak_deck_get_n_slides (deck) == 0)
    {
      cak_deck_free (deck);
      deck = cak_deck_new_default_with_monev (data,
                                              project ? cak_project_get_monev (project) : NULL);
    }
  return deck;
}

/**
 * cak_deck_dialog_new:
 * @parent: the main window
 * @data: the figures the slides show
 * @settings: (nullable): where the agency's name is read, and the deck kept without a project
 * @project: (nullable): the project shown: the deck is kept in it, saved with it
 *
 * Returns: (transfer none): a new dialog, not shown yet
 */
CakDeckDialog *
cak_deck_dialog_new (GtkWindow *parent, CakChartData *data, GSettings *settings,
                     CakProject *project)
{
  CakDeckDialog *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  self = g_object_new (CAK_TYPE_DECK_DIALOG, "transient-for", parent, NULL);
  self->data = cak_chart_data_ref (data);
  self->settings = settings ? g_object_ref (settings) : NULL;
  self->project = project ? g_object_ref (project) : NULL;
  self->deck = cak_deck_dialog_load_deck (settings, project, data);
  fill_pages (self);
  fill_slides (self);
  fill_monitors (self);
  return self;
}

const CakDeck *
cak_deck_dialog_get_deck (CakDeckDialog *self)
{
  g_return_val_if_fail (CAK_IS_DECK_DIALOG (self), NULL);

  return self->deck;
}

/**
 * cak_deck_dialog_get_connector:
 *
 * Returns: (nullable): the connector of the screen chosen, or %NULL for the automatic choice
 */
const char *
cak_deck_dialog_get_connector (CakDeckDialog *self)
{
  g_return_val_if_fail (CAK_IS_DECK_DIALOG (self), NULL);

  return self->connector;
}

void
cak_deck_dialog_set_connector (CakDeckDialog *self, const char *connector)
{
  g_return_if_fail (CAK_IS_DECK_DIALOG (self));

  if (connector && *connector == '\0')
    connector = NULL;
  if (g_strcmp0 (connector, self->connector) == 0)
    return;
  g_free (self->connector);
  self->connector = g_strdup (connector);
  if (!self->filling_monitors)
    {
      guint selected = 0;

      for (guint i = 0; connector && i < self->monitors->len; i++)
        if (g_strcmp0 (gdk_monitor_get_connector (g_ptr_array_index (self->monitors, i)), connector)
            == 0)
          selected = i + 1;
      self->filling_monitors = TRUE;
      adw_combo_row_set_selected (self->monitor_row, selected);
      self->filling_monitors = FALSE;
    }
  update_monitor_subtitle (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECTOR]);
}

gboolean
cak_deck_dialog_get_dark (CakDeckDialog *self)
{
  g_return_val_if_fail (CAK_IS_DECK_DIALOG (self), FALSE);

  return adw_combo_row_get_selected (self->theme_row) == 1;
}

void
cak_deck_dialog_set_dark (CakDeckDialog *self, gboolean dark)
{
  g_return_if_fail (CAK_IS_DECK_DIALOG (self));

  adw_combo_row_set_selected (self->theme_row, dark ? 1 : 0);
}

guint
cak_deck_dialog_get_advance_seconds (CakDeckDialog *self)
{
  g_return_val_if_fail (CAK_IS_DECK_DIALOG (self), 0);

  return gtk_spin_button_get_value_as_int (self->advance_spin);
}

void
cak_deck_dialog_set_advance_seconds (CakDeckDialog *self, guint seconds)
{
  g_return_if_fail (CAK_IS_DECK_DIALOG (self));

  gtk_spin_button_set_value (self->advance_spin, MIN (seconds, 600));
}

/**
 * cak_deck_dialog_export:
 * @path: the PDF file, or the PNG files' prefix ("dir/slides" for "dir/slides-01.png"...)
 * @pdf: a PDF rather than PNG images
 *
 * Exports the deck off the main thread, as the Export buttons do once a file is chosen; the
 * dialog shows the progress, and a toast when done.
 */
void
cak_deck_dialog_export (CakDeckDialog *self, const char *path, gboolean pdf)
{
  g_return_if_fail (CAK_IS_DECK_DIALOG (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (self->export_cancellable == NULL);

  start_export (self, path, pdf);
}

/**
 * cak_deck_dialog_get_exporting:
 *
 * Returns: whether an export is running
 */
gboolean
cak_deck_dialog_get_exporting (CakDeckDialog *self)
{
  g_return_val_if_fail (CAK_IS_DECK_DIALOG (self), FALSE);

  return self->export_cancellable != NULL;
}
