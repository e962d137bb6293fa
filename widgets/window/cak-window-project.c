/* cak-window-project.c: the project the window shows: open, add files, settle conflicts,
 * save, and the question on closing an unsaved one
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * With a project open, the window is a view of it: self->dataset is the project's dataset, and
 * files imported are added to the project. Files are read and compared with the project in a
 * worker thread (cak_project_prepare_import); what to do with figures that differ from those
 * held is asked on the main thread, which then commits. A saved project writes each change as
 * it is made, so only an unsaved one is offered to be saved on closing.
 */
#define G_LOG_DOMAIN "cak-window-project"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cak-import-choices.h"
#include "cak-number.h"
#include "cak-window-private.h"

/* What to do once the unsaved project is saved or let go */
enum
{
  THEN_NOTHING,
  THEN_CLOSE,
  THEN_NEW,
  THEN_OPEN,
};

/* Conflicts listed in the dialog; the rest are counted */
#define N_CONFLICTS_LISTED 5

#define PROGRESS_INTERVAL_USEC (G_USEC_PER_SEC / 15)

/* Files being added to a project: read in a worker thread, then settled on the main one. */
typedef struct
{
  CakWindow *window; /* the task's source object */
  guint generation;
  CakProject *project;
  GPtrArray *files;   /* GFile */
  GPtrArray *choices; /* CakImportChoices* or NULL per file */
  GPtrArray *imports; /* CakProjectImport*, one per file once read */
  gboolean commit;    /* a new project made from the files shown: add them in the worker */
  GFile *save_to;     /* ... then save it here; NULL: ask where */
  gboolean unsaved;   /* ... or keep it unsaved: something was typed that it is to hold */
  guint current;
  gboolean answered; /* the user chose what to do with the current file's conflicts */
  gint64 last_report;
} AddData;

typedef struct
{
  CakWindow *window;
  guint generation;
  char *text;
  double fraction;
} Progress;

static void show_save_dialog (CakWindow *self);
static void start_add (CakWindow *self, CakProject *project, GPtrArray *files, GPtrArray *choices,
                       gboolean commit, GFile *save);
static void start_add_full (CakWindow *self, CakProject *project, GPtrArray *files,
                            GPtrArray *choices, gboolean commit, GFile *save, gboolean unsaved);
static void process_imports (CakWindow *self);

static void
add_data_free (gpointer data)
{
  AddData *add = data;

  g_clear_object (&add->window);
  g_clear_object (&add->project);
  g_clear_pointer (&add->files, g_ptr_array_unref);
  g_clear_pointer (&add->choices, g_ptr_array_unref);
  g_clear_pointer (&add->imports, g_ptr_array_unref);
  g_clear_object (&add->save_to);
  g_free (add);
}

static void
progress_free (Progress *progress)
{
  g_object_unref (progress->window);
  g_free (progress->text);
  g_free (progress);
}

static gboolean
pulse_cb (gpointer user_data)
{
  gtk_progress_bar_pulse (CAK_WINDOW (user_data)->progress_bar);
  return G_SOURCE_CONTINUE;
}

/* Shows the loading page with @text; returns the cancellable of the work it is for. */
static GCancellable *
begin_busy (CakWindow *self, const char *text)
{
  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_clear_handle_id (&self->pulse_source, g_source_remove);
  self->import_generation++;
  if (self->project_dialog)
    gtk_window_destroy (GTK_WINDOW (self->project_dialog));
  g_clear_pointer (&self->project_add, add_data_free);
  gtk_label_set_text (self->loading_label, text);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  self->pulse_source = g_timeout_add (100, pulse_cb, self);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  return self->cancellable;
}

/* Whether the task is the window's current work; if so, the loading page is done with. */
static gboolean
end_busy (CakWindow *self, GTask *task)
{
  if (g_task_get_cancellable (task) != self->cancellable)
    return FALSE;
  g_clear_handle_id (&self->pulse_source, g_source_remove);
  self->import_generation++;
  g_clear_object (&self->cancellable);
  gtk_stack_set_visible_child_name (
      self->stack, self->dataset && !cak_dataset_is_empty (self->dataset) ? "data" : "empty");
  return TRUE;
}

#define N_RECENT_PROJECTS 10

/* @path first in the recent projects, or out of them when @keep is FALSE. */
static void
update_recent_project (CakWindow *self, const char *path, gboolean keep)
{
  g_autoptr (GStrvBuilder) builder = NULL;
  g_auto (GStrv) old = NULL;
  g_auto (GStrv) recent = NULL;
  guint n = 0;

  if (self->settings == NULL || path == NULL)
    return;
  builder = g_strv_builder_new ();
  if (keep)
    {
      g_strv_builder_add (builder, path);
      n++;
    }
  old = g_settings_get_strv (self->settings, "recent-projects");
  for (guint i = 0; old[i] && n < N_RECENT_PROJECTS; i++)
    if (g_strcmp0 (old[i], path) != 0)
      {
        g_strv_builder_add (builder, old[i]);
        n++;
      }
  recent = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-projects", (const char *const *)recent);
}

static void
remember_recent_project (CakWindow *self)
{
  GFile *file = self->project ? cak_project_get_file (self->project) : NULL;
  g_autofree char *path = file ? g_file_get_path (file) : NULL;

  update_recent_project (self, path, TRUE);
}

/* "Jatim 2025" for /home/x/Dokumen/Jatim 2025.cakupan */
static char *
recent_title_of (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);

  if (g_str_has_suffix (base, ".cakupan"))
    base[strlen (base) - strlen (".cakupan")] = '\0';
  return g_steal_pointer (&base);
}

/* "~/Dokumen" for /home/x/Dokumen */
static char *
recent_folder_of (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  const char *home = g_get_home_dir ();
  gsize n = home ? strlen (home) : 0;

  if (n > 1 && g_str_has_prefix (dir, home) && (dir[n] == '\0' || dir[n] == G_DIR_SEPARATOR))
    return g_strconcat ("~", dir + n, NULL);
  return g_steal_pointer (&dir);
}

/* The menu's Open Recent and the start page's list, from the setting. */
static void
fill_recent (CakWindow *self)
{
  g_auto (GStrv) recent = NULL;
  GtkWidget *child;
  guint shown = 0;

  g_menu_remove_all (self->recent_menu);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))))
    gtk_list_box_remove (self->recent_list, child);
  if (self->settings)
    recent = g_settings_get_strv (self->settings, "recent-projects");
  for (guint i = 0; recent && recent[i]; i++)
    {
      g_autofree char *title = recent_title_of (recent[i]);
      g_autofree char *folder = recent_folder_of (recent[i]);
      g_autofree char *markup = g_markup_escape_text (title, -1);
      g_autoptr (GMenuItem) item = g_menu_item_new (NULL, NULL);
      GtkWidget *row;

      /* The menu names the file as it is; mnemonics are not read in it. */
      g_menu_item_set_attribute (item, "label", "s", title);
      g_menu_item_set_action_and_target (item, "win.open-recent", "s", recent[i]);
      g_menu_append_item (self->recent_menu, item);

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), markup);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), folder);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-recent");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", recent[i]);
      gtk_widget_set_tooltip_text (row, recent[i]);
      gtk_list_box_append (self->recent_list, row);
      shown++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->recent_list), shown > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->recent_title), shown > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-recent", shown > 0);
}

static void
recent_changed_cb (GSettings *settings, const char *key, gpointer user_data)
{
  fill_recent (user_data);
}

static void
open_recent_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CakWindow *self = CAK_WINDOW (widget);
  const char *path = g_variant_get_string (parameter, NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);

  /* A project moved or deleted since: said, and out of the list. */
  if (!g_file_query_exists (file, NULL))
    {
      g_autofree char *name = g_path_get_basename (path);
      g_autofree char *text = g_strdup_printf (
          _ ("%s is no longer there; it was taken off the recent projects."), name);

      update_recent_project (self, path, FALSE);
      cak_window_toast (self, text);
      return;
    }
  cak_window_open_files (self, &file, 1, FALSE);
}

/**
 * cak_window_project_init_recent:
 *
 * Lists the recent projects, once the window has its settings, and follows the setting.
 */
void
cak_window_project_init_recent (CakWindow *self)
{
  if (self->settings)
    g_signal_connect_object (self->settings, "changed::recent-projects",
                             G_CALLBACK (recent_changed_cb), self, 0);
  fill_recent (self);
}

/* The title says the project, the subtitle its files. */
static void
update_title (CakWindow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *names = NULL;

  if (self->project == NULL)
    return;
  title = cak_project_dup_title (self->project);
  names = cak_window_describe_files (self);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, names);
}

/* Shows @project (transfer full) in place of what the window showed. */
static void
take_project (CakWindow *self, CakProject *project)
{
  /* Files read for the project shown before are not added to this one. */
  if (self->project_dialog)
    gtk_window_destroy (GTK_WINDOW (self->project_dialog));
  g_clear_pointer (&self->project_add, add_data_free);
  /* The project let go of may live on elsewhere (a thread still reading for it): it no longer
   * speaks to this window */
  if (self->project)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_clear_object (&self->project);
  self->project = project;
  self->project_discarded = FALSE;
  /* Targets, actions and the rest typed in it show at once */
  g_signal_connect_object (project, "changed", G_CALLBACK (cak_window_monev_changed), self,
                           G_CONNECT_SWAPPED);
  g_clear_object (&self->dataset);
  self->dataset = g_object_ref (cak_project_get_dataset (project));
  g_clear_pointer (&self->files, g_ptr_array_unref);
  g_clear_pointer (&self->choices, g_ptr_array_unref);
  update_title (self);
  cak_window_show_dataset (self);
}

/* ---- Opening a project ------------------------------------------------------------------ */

/* A project being opened, and the files to add to it once it is */
typedef struct
{
  GFile *file;
  GPtrArray *others; /* GFile */
} OpenData;

static void
open_data_free (gpointer data)
{
  OpenData *open = data;

  g_clear_object (&open->file);
  g_clear_pointer (&open->others, g_ptr_array_unref);
  g_free (open);
}

static void
open_thread (GTask *task, gpointer source_object, gpointer task_data, GCancellable *cancellable)
{
  OpenData *open = task_data;
  GError *error = NULL;
  CakProject *project
      = cak_project_open (open->file, cak_region_catalog_get_default (), cancellable, &error);

  if (project)
    g_task_return_pointer (task, project, g_object_unref);
  else
    g_task_return_error (task, error);
}

static void
open_finished_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  CakWindow *self = CAK_WINDOW (source);
  OpenData *open = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  CakProject *project;

  if (!end_busy (self, G_TASK (result)))
    return;
  project = g_task_propagate_pointer (G_TASK (result), &error);
  if (project == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        cak_window_toast (self, error->message);
      return;
    }
  take_project (self, project);
  remember_recent_project (self);
  if (open->others && open->others->len > 0)
    start_add (self, self->project, open->others, NULL, FALSE, NULL);
}

/* Opens @file, then adds @others (nullable) to it. */
static void
open_project_now (CakWindow *self, GFile *file, GPtrArray *others)
{
  OpenData *open = g_new0 (OpenData, 1);
  g_autoptr (GTask) task = NULL;
  g_autofree char *name = g_file_get_basename (file);
  /* Translators: %s is a project file's name */
  g_autofree char *text = g_strdup_printf (_ ("Opening %s…"), name);
  GCancellable *cancellable = begin_busy (self, text);

  task = g_task_new (self, cancellable, open_finished_cb, NULL);
  g_task_set_source_tag (task, open_project_now);
  open->file = g_object_ref (file);
  open->others = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; others && i < others->len; i++)
    g_ptr_array_add (open->others, g_object_ref (g_ptr_array_index (others, i)));
  g_task_set_task_data (task, open, open_data_free);
  g_task_run_in_thread (task, open_thread);
}

static void
new_project_now (CakWindow *self)
{
  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  take_project (self, cak_project_new (cak_region_catalog_get_default ()));
}

/* ---- The question on closing an unsaved project ----------------------------------------- */

static void
do_then (CakWindow *self)
{
  int then = self->project_then;
  g_autoptr (GFile) file = g_steal_pointer (&self->project_then_file);

  self->project_then = THEN_NOTHING;
  switch (then)
    {
      case THEN_CLOSE:
        gtk_window_close (GTK_WINDOW (self));
        break;
      case THEN_NEW:
        new_project_now (self);
        break;
      case THEN_OPEN:
        open_project_now (self, file, NULL);
        break;
      default:
        break;
    }
}

/* Once the question's dialog is done with its response: closing the window then cannot pull
 * the dialog away under its own signal. */
/* The dialog answered is no longer the window's; the next one may take its place. */
static void
forget_dialog (CakWindow *self, AdwMessageDialog *dialog)
{
  if (self->project_dialog == GTK_WIDGET (dialog))
    {
      g_object_remove_weak_pointer (G_OBJECT (dialog), (gpointer *)&self->project_dialog);
      self->project_dialog = NULL;
    }
}

static gboolean
do_then_idle_cb (gpointer user_data)
{
  do_then (user_data);
  return G_SOURCE_REMOVE;
}

static void
ask_response_cb (AdwMessageDialog *dialog, const char *response, gpointer user_data)
{
  CakWindow *self = user_data;

  forget_dialog (self, dialog);
  if (g_strcmp0 (response, "discard") == 0)
    {
      self->project_discarded = TRUE;
      g_idle_add_full (G_PRIORITY_DEFAULT, do_then_idle_cb, g_object_ref (self), g_object_unref);
    }
  else if (g_strcmp0 (response, "save") == 0)
    show_save_dialog (self);
  else
    {
      self->project_then = THEN_NOTHING;
      g_clear_object (&self->project_then_file);
    }
}

/* Whether the project shown would be lost: unsaved, holding something, not let go. */
static gboolean
needs_asking (CakWindow *self)
{
  return self->project && cak_project_get_modified (self->project) && !self->project_discarded;
}

/* Asks whether to save the unsaved project before @then. */
static void
ask_save (CakWindow *self, int then, GFile *file)
{
  GtkWidget *dialog;

  self->project_then = then;
  g_set_object (&self->project_then_file, file);
  if (self->project_dialog)
    gtk_window_destroy (GTK_WINDOW (self->project_dialog));
  dialog = adw_message_dialog_new (
      GTK_WINDOW (self), _ ("Save the project before closing?"),
      _ ("The project has not been saved yet; its figures are lost unless it is saved."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "discard",
                                    _ ("_Discard"), "save", _ ("_Save As…"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  /* Escape cancels */
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (ask_response_cb), self, 0);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  self->project_dialog = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&self->project_dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * cak_window_project_close_request:
 *
 * Returns: %TRUE when the window is not to close yet: the user is asked about the unsaved
 *   project first
 */
gboolean
cak_window_project_close_request (CakWindow *self)
{
  if (!needs_asking (self))
    return FALSE;
  ask_save (self, THEN_CLOSE, NULL);
  return TRUE;
}

/* ---- Saving ----------------------------------------------------------------------------- */

static gboolean
save_to (CakWindow *self, GFile *file)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *text = NULL;

  if (!cak_project_save_as (self->project, file, &error))
    {
      cak_window_toast (self, error->message);
      self->project_then = THEN_NOTHING;
      g_clear_object (&self->project_then_file);
      return FALSE;
    }
  update_title (self);
  remember_recent_project (self);
  /* Translators: %s is a project file's name */
  text = g_strdup_printf (_ ("Project saved as %s; each change is now written to it at once."),
                          name);
  if (path)
    cak_window_toast_saved (self, text, path);
  else
    cak_window_toast (self, text);
  do_then (self);
  return TRUE;
}

static void
save_chosen_cb (GtkNativeDialog *dialog, int response, gpointer user_data)
{
  CakWindow *self = user_data;
  g_autoptr (GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  if (file == NULL || self->project == NULL)
    {
      self->project_then = THEN_NOTHING;
      g_clear_object (&self->project_then_file);
      return;
    }
  if (!g_str_has_suffix (g_file_peek_path (file) ? g_file_peek_path (file) : "", ".cakupan"))
    {
      g_autofree char *path = g_strconcat (g_file_peek_path (file), ".cakupan", NULL);

      g_clear_object (&file);
      file = g_file_new_for_path (path);
    }
  save_to (self, file);
}

/* The file name offered: the province shown, or the first file's name. */
static char *
suggest_name (CakWindow *self)
{
  g_autofree char *stem = NULL;
  guint pi = gtk_drop_down_get_selected (self->province_dropdown);
  GPtrArray *sources = self->project ? cak_project_get_sources (self->project) : NULL;

  if (self->provinces && pi < self->provinces->len)
    {
      const CakRegion *province = g_ptr_array_index (self->provinces, pi);

      stem = g_strdup (province ? province->name : "Indonesia");
    }
  else if (sources && sources->len > 0)
    stem = g_strdup (((CakProjectSource *)g_ptr_array_index (sources, 0))->name);
  if (stem)
    {
      char *dot = strrchr (stem, '.');

      if (dot && dot != stem)
        *dot = '\0';
      g_strdelimit (stem, "/\\", '-');
    }
  /* Translators: the file name offered for a project that has no province yet */
  return g_strconcat (stem && *stem ? stem : _ ("Project"), ".cakupan", NULL);
}

void
cak_window_project_add_filter (GtkFileChooser *chooser)
{
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _ ("Cakupan Projects"));
  gtk_file_filter_add_suffix (filter, "cakupan");
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
show_save_dialog (CakWindow *self)
{
  GtkFileChooserNative *dialog;
  g_autofree char *name = suggest_name (self);
  g_autofree char *folder
      = self->settings ? g_settings_get_string (self->settings, "last-folder") : NULL;

  dialog = gtk_file_chooser_native_new (_ ("Save Project As"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Save"), _ ("_Cancel"));
  cak_window_project_add_filter (GTK_FILE_CHOOSER (dialog));
  if (folder && *folder)
    {
      g_autoptr (GFile) dir = g_file_new_for_path (folder);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), dir, NULL);
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_signal_connect (dialog, "response", G_CALLBACK (save_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* ---- Adding files ----------------------------------------------------------------------- */

static gboolean
progress_idle_cb (gpointer data)
{
  Progress *progress = data;
  CakWindow *self = progress->window;

  if (progress->generation != self->import_generation)
    return G_SOURCE_REMOVE;
  gtk_label_set_text (self->loading_label, progress->text);
  if (progress->fraction >= 0)
    {
      g_clear_handle_id (&self->pulse_source, g_source_remove);
      gtk_progress_bar_set_fraction (self->progress_bar, progress->fraction);
    }
  return G_SOURCE_REMOVE;
}

/* Worker thread: hands the window where the reading stands, now and then. */
static void
report_progress (AddData *add, double file_fraction, gboolean force)
{
  gint64 now = g_get_monotonic_time ();
  g_autofree char *name = NULL;
  Progress *progress;

  if (!force && now - add->last_report < PROGRESS_INTERVAL_USEC)
    return;
  add->last_report = now;
  name = g_file_get_basename (g_ptr_array_index (add->files, add->current));
  progress = g_new0 (Progress, 1);
  progress->window = g_object_ref (add->window);
  progress->generation = add->generation;
  if (add->files->len > 1)
    /* Translators: a file's name, which of the files it is, and how many there are */
    progress->text
        = g_strdup_printf (_ ("Reading %s (%u of %u)…"), name, add->current + 1, add->files->len);
  else
    /* Translators: %s is a file's name */
    progress->text = g_strdup_printf (_ ("Reading %s…"), name);
  if (file_fraction >= 0)
    progress->fraction = (add->current + CLAMP (file_fraction, 0, 1)) / add->files->len;
  else
    progress->fraction = add->files->len > 1 ? (double)add->current / add->files->len : -1;
  g_idle_add_full (G_PRIORITY_DEFAULT, progress_idle_cb, progress, (GDestroyNotify)progress_free);
}

static void
add_progress_cb (double fraction, gpointer user_data)
{
  report_progress (user_data, fraction, fraction >= 1.0);
}

/* Worker thread: reads every file and compares it with the project, which nothing changes
 * meanwhile; a new project made from the files shown, which only this task holds, takes each
 * file in at once. */
static void
add_thread (GTask *task, gpointer source_object, gpointer task_data, GCancellable *cancellable)
{
  AddData *add = task_data;

  for (guint i = 0; i < add->files->len; i++)
    {
      CakImportOptions options = { CAK_PERIOD_INIT_NONE };
      GError *error = NULL;
      CakProjectImport *import;

      cak_import_choices_to_options (g_ptr_array_index (add->choices, i), &options);
      options.progress = add_progress_cb;
      options.progress_data = add;
      add->current = i;
      report_progress (add, -1, TRUE);
      import = cak_project_prepare_import (add->project, g_ptr_array_index (add->files, i),
                                           &options, cancellable, &error);
      if (import == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      g_ptr_array_add (add->imports, import);
      if (add->commit && !cak_project_commit_import (add->project, import, &error))
        {
          g_task_return_error (task, error);
          return;
        }
    }
  g_task_return_boolean (task, TRUE);
}

static void
conflict_response_cb (AdwMessageDialog *dialog, const char *response, gpointer user_data)
{
  CakWindow *self = user_data;
  AddData *add = self->project_add;
  GArray *conflicts;

  forget_dialog (self, dialog);
  if (add == NULL)
    return;
  if (g_strcmp0 (response, "keep") != 0 && g_strcmp0 (response, "replace") != 0)
    {
      /* Nothing more is added; files added before this one stay. */
      g_clear_pointer (&self->project_add, add_data_free);
      update_title (self);
      cak_window_show_dataset (self);
      return;
    }
  conflicts = cak_project_import_get_conflicts (g_ptr_array_index (add->imports, add->current));
  for (guint i = 0; i < conflicts->len; i++)
    g_array_index (conflicts, CakConflict, i).choice
        = g_strcmp0 (response, "replace") == 0 ? CAK_CONFLICT_REPLACE : CAK_CONFLICT_KEEP;
  add->answered = TRUE;
  process_imports (self);
}

static char *
format_value (CakWindow *self, CakMeasure measure, const CakValue *value)
{
  g_autofree char *number
      = cak_number_format (value->value, measure == CAK_MEASURE_TARGET_PCT ? 2 : 0, self->lang);
  g_autofree char *where = cak_source_describe (&value->source, FALSE);

  /* Translators: a figure and the file it came from */
  return g_strdup_printf (_ ("%s (%s)"), number, where);
}

/* Asks what to do with the figures the current file gives differently. */
static void
ask_conflicts (CakWindow *self, CakProjectImport *import, GFile *file)
{
  GArray *conflicts = cak_project_import_get_conflicts (import);
  g_autoptr (GString) body = g_string_new (NULL);
  g_autofree char *name = g_file_get_basename (file);
  GtkWidget *dialog;

  g_string_append_printf (
      body,
      g_dngettext (GETTEXT_PACKAGE, "%u figure in %s differs from the one the project holds:",
                   "%u figures in %s differ from those the project holds:", conflicts->len),
      conflicts->len, name);
  for (guint i = 0; i < conflicts->len && i < N_CONFLICTS_LISTED; i++)
    {
      const CakConflict *c = &g_array_index (conflicts, CakConflict, i);
      g_autofree char *period = cak_period_format (c->period, self->lang);
      g_autofree char *held = format_value (self, c->measure, &c->held);
      g_autofree char *incoming = format_value (self, c->measure, &c->incoming);

      g_string_append_c (body, '\n');
      /* Translators: region, period, measure, the figure held and the new one */
      g_string_append_printf (body, _ ("• %s, %s, %s: %s held, %s new"), c->region->name, period,
                              cak_measure_get_label (c->measure), held, incoming);
    }
  if (conflicts->len > N_CONFLICTS_LISTED)
    {
      guint more = conflicts->len - N_CONFLICTS_LISTED;

      g_string_append_c (body, '\n');
      g_string_append_printf (
          body, g_dngettext (GETTEXT_PACKAGE, "…and %u more.", "…and %u more.", more), more);
    }
  g_string_append (body, "\n\n");
  g_string_append (body, _ ("Both figures are kept in the project; the one chosen is used."));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _ ("Figures Differ"), body->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "replace",
                                    _ ("_Use New Figures"), "keep", _ ("_Keep Figures Held"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "keep",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  /* Escape cancels: nothing is added */
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (conflict_response_cb), self, 0);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  self->project_dialog = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&self->project_dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Main thread: adds the files read, one after the other, asking about conflicts as they come;
 * a file whose conflicts are being asked about waits in self->project_add. */
static gboolean
retry_imports_cb (gpointer user_data)
{
  CakWindow *self = user_data;
  AddData *add = self->project_add;

  /* Still the files waiting for the report, not others read since */
  if (add && add == g_object_get_data (G_OBJECT (self), "cak-project-add-waiting")
      && self->project_dialog == NULL)
    process_imports (self);
  return G_SOURCE_REMOVE;
}

static void
process_imports (CakWindow *self)
{
  AddData *add = self->project_add;

  /* The report being written reads the project's figures in a worker thread: they change
   * once it is written. */
  if (cak_window_is_writing_report (self))
    {
      g_object_set_data (G_OBJECT (self), "cak-project-add-waiting", add);
      g_timeout_add_full (G_PRIORITY_DEFAULT, 200, retry_imports_cb, g_object_ref (self),
                          g_object_unref);
      return;
    }
  while (add->current < add->imports->len)
    {
      CakProjectImport *import = g_ptr_array_index (add->imports, add->current);
      GFile *file = g_ptr_array_index (add->files, add->current);
      g_autoptr (GError) error = NULL;
      GArray *conflicts = cak_project_import_get_conflicts (import);

      if (cak_project_import_is_duplicate (import))
        {
          g_autofree char *name = g_file_get_basename (file);
          /* Translators: %s is a file's name */
          g_autofree char *text
              = g_strdup_printf (_ ("%s is already in the project; nothing changed."), name);

          cak_window_toast (self, text);
          add->current++;
          continue;
        }
      if (conflicts->len > 0 && !add->answered)
        {
          ask_conflicts (self, import, file);
          return;
        }
      if (!cak_project_commit_import (add->project, import, &error))
        {
          cak_window_toast (self, error->message);
          break;
        }
      add->current++;
      add->answered = FALSE;
      /* The next file is compared with the project as it is now. */
      if (add->current < add->imports->len)
        cak_project_refresh_import (add->project, g_ptr_array_index (add->imports, add->current));
    }
  g_clear_pointer (&self->project_add, add_data_free);
  update_title (self);
  cak_window_show_dataset (self);
}

static void
add_finished_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  CakWindow *self = CAK_WINDOW (source);
  AddData *add = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;

  if (!end_busy (self, G_TASK (result)))
    {
      if (add->unsaved)
        cak_window_monev_project_made (self, FALSE);
      return;
    }
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (add->unsaved)
        cak_window_monev_project_made (self, FALSE);
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      cak_window_toast (self, error->message);
      /* A file the importer cannot read on its own: the user says how, then it is added. */
      if (!add->commit
          && (g_error_matches (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_NO_HEADER)
              || g_error_matches (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_NO_PERIOD)))
        cak_window_import_mapped (self, g_ptr_array_index (add->files, add->current));
      return;
    }
  if (add->commit)
    {
      /* The project made from the files shown takes their place, then is saved. */
      g_autoptr (GFile) save = add->save_to ? g_object_ref (add->save_to) : NULL;

      take_project (self, g_object_ref (add->project));
      if (add->unsaved)
        cak_window_monev_project_made (self, TRUE);
      else if (save)
        save_to (self, save);
      else
        show_save_dialog (self);
      return;
    }
  /* The task's data lives on while the user is asked about conflicts */
  g_clear_pointer (&self->project_add, add_data_free);
  self->project_add = g_memdup2 (add, sizeof *add);
  memset (add, 0, sizeof *add);
  process_imports (self);
}

static void
start_add (CakWindow *self, CakProject *project, GPtrArray *files, GPtrArray *choices,
           gboolean commit, GFile *save)
{
  start_add_full (self, project, files, choices, commit, save, FALSE);
}

static void
start_add_full (CakWindow *self, CakProject *project, GPtrArray *files, GPtrArray *choices,
                gboolean commit, GFile *save, gboolean unsaved)
{
  g_autoptr (GTask) task = NULL;
  g_autofree char *first = g_file_get_basename (g_ptr_array_index (files, 0));
  g_autofree char *text = g_strdup_printf (_ ("Reading %s…"), first);
  GCancellable *cancellable = begin_busy (self, text);
  AddData *add = g_new0 (AddData, 1);

  add->window = g_object_ref (self);
  add->generation = self->import_generation;
  add->project = g_object_ref (project);
  add->files = g_ptr_array_new_with_free_func (g_object_unref);
  add->choices = g_ptr_array_new_with_free_func ((GDestroyNotify)cak_import_choices_free);
  for (guint i = 0; i < files->len; i++)
    {
      const CakImportChoices *c
          = choices && i < choices->len ? g_ptr_array_index (choices, i) : NULL;

      g_ptr_array_add (add->files, g_object_ref (g_ptr_array_index (files, i)));
      g_ptr_array_add (add->choices, c ? cak_import_choices_copy (c) : NULL);
    }
  add->imports = g_ptr_array_new_with_free_func ((GDestroyNotify)cak_project_import_free);
  add->commit = commit;
  add->save_to = save ? g_object_ref (save) : NULL;
  add->unsaved = unsaved;
  task = g_task_new (self, cancellable, add_finished_cb, NULL);
  g_task_set_source_tag (task, start_add);
  g_task_set_task_data (task, add, add_data_free);
  g_task_run_in_thread (task, add_thread);
}

/**
 * cak_window_project_add:
 * @choices: (nullable): CakImportChoices* or NULL per file
 *
 * Adds @files to the project shown, if there is one.
 *
 * Returns: whether a project is shown, and so takes the files
 */
gboolean
cak_window_project_add (CakWindow *self, GPtrArray *files, GPtrArray *choices)
{
  if (self->project == NULL || files->len == 0)
    return FALSE;
  start_add (self, self->project, files, choices, FALSE, NULL);
  return TRUE;
}

/**
 * cak_window_project_open_files:
 *
 * Opens the first .cakupan file among @files as the project shown; with a project shown, the
 * other files are added to it.
 *
 * Returns: whether @files were taken care of here
 */
gboolean
cak_window_project_open_files (CakWindow *self, GFile **files, int n_files)
{
  g_autoptr (GPtrArray) others = g_ptr_array_new ();
  GFile *project_file = NULL;

  for (int i = 0; i < n_files; i++)
    if (project_file == NULL && cak_project_is_project_file (files[i]))
      project_file = files[i];
    else
      g_ptr_array_add (others, files[i]);
  if (project_file == NULL)
    {
      if (self->project == NULL || others->len == 0)
        return FALSE;
      start_add (self, self->project, others, NULL, FALSE, NULL);
      return TRUE;
    }
  if (needs_asking (self))
    {
      if (others->len > 0)
        cak_window_toast (self, _ ("A project opens on its own; open the other files once it is "
                                   "shown to add them to it."));
      ask_save (self, THEN_OPEN, project_file);
    }
  else
    open_project_now (self, project_file, others);
  return TRUE;
}

/* ---- Actions and entry points ----------------------------------------------------------- */

/* Saves the project shown, or one made of the files shown, to @file, or asks where. */
static gboolean
save_project (CakWindow *self, GFile *file)
{
  if (self->project == NULL && self->files && self->files->len > 0)
    {
      g_autoptr (CakProject) project = cak_project_new (cak_region_catalog_get_default ());

      start_add (self, project, self->files, self->choices, TRUE, file);
      return TRUE;
    }
  if (self->project == NULL)
    take_project (self, cak_project_new (cak_region_catalog_get_default ()));
  if (file)
    return save_to (self, file);
  show_save_dialog (self);
  return TRUE;
}

/**
 * cak_window_project_make_unsaved:
 *
 * Makes the unsaved project of the files shown, in a worker thread, as Save Project As does,
 * and shows it once made; then cak_window_monev_project_made () is told.
 *
 * Returns: whether there are files shown to make it of
 */
gboolean
cak_window_project_make_unsaved (CakWindow *self)
{
  g_autoptr (CakProject) project = NULL;

  if (self->project || self->files == NULL || self->files->len == 0)
    return FALSE;
  project = cak_project_new (cak_region_catalog_get_default ());
  start_add_full (self, project, self->files, self->choices, TRUE, NULL, TRUE);
  return TRUE;
}

static void
save_project_as_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  save_project (CAK_WINDOW (widget), NULL);
}

static void
new_project_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CakWindow *self = CAK_WINDOW (widget);

  if (needs_asking (self))
    ask_save (self, THEN_NEW, NULL);
  else
    new_project_now (self);
}

void
cak_window_project_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new-project", NULL, new_project_action_cb);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action_cb);
  gtk_widget_class_install_action (widget_class, "win.save-project-as", NULL,
                                   save_project_as_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-project",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-project-as", NULL);
}

void
cak_window_project_dispose (CakWindow *self)
{
  if (self->project_dialog)
    gtk_window_destroy (GTK_WINDOW (self->project_dialog));
  g_clear_pointer (&self->project_add, add_data_free);
  g_clear_object (&self->project_then_file);
  if (self->project)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_clear_object (&self->project);
}

/**
 * cak_window_get_project:
 *
 * Returns: (transfer none) (nullable): the project shown
 */
CakProject *
cak_window_get_project (CakWindow *self)
{
  g_return_val_if_fail (CAK_IS_WINDOW (self), NULL);

  return self->project;
}

/**
 * cak_window_save_project_to:
 *
 * Saves the project shown to @file, as Save Project As does; without a project, makes one of
 * the files shown first, in a worker thread, and saves it once made.
 *
 * Returns: whether the project was saved, or is being made to be saved
 */
gboolean
cak_window_save_project_to (CakWindow *self, GFile *file)
{
  g_return_val_if_fail (CAK_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  return save_project (self, file);
}
