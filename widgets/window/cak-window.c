/* cak-window.c: the main window
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cak-window"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "cak-accessible.h"
#include "cak-chart-view.h"
#include "cak-import-choices.h"
#include "cak-import.h"
#include "cak-mapping-dialog.h"
#include "cak-number.h"
#include "cak-region-row.h"
#include "cak-window-private.h"
#include "cak-import-session.h"
#include "cak-window.h"

G_DEFINE_FINAL_TYPE (CakWindow, cak_window, ADW_TYPE_APPLICATION_WINDOW)

typedef struct
{
  CakImportSession *session; /* the files, their choices, and what became of them */

  /* Progress, reported from the worker thread. */
  CakWindow *window;
  guint generation;
  guint current;
  gint64 last_report;
} ImportData;

/* A progress report on its way from the worker thread to the window. */
typedef struct
{
  CakWindow *window;
  guint generation;
  char *file;
  guint index, n_files;
  double fraction; /* of all the files; negative when not known */
} Progress;

/* Reports come at most this often; the bar cannot show more. */
#define PROGRESS_INTERVAL_USEC (G_USEC_PER_SEC / 15)

static void refresh (CakWindow *self);

static void
import_data_free (gpointer data)
{
  ImportData *import = data;

  g_clear_pointer (&import->session, cak_import_session_free);
  g_clear_object (&import->window);
  g_free (import);
}

static void
progress_free (Progress *progress)
{
  g_object_unref (progress->window);
  g_free (progress->file);
  g_free (progress);
}

void
cak_window_toast (CakWindow *self, const char *text)
{
  AdwToast *t = adw_toast_new (text);

  adw_toast_set_timeout (t, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

/* The imported files' names, for footers and the report's sources */
char *
cak_window_describe_files (CakWindow *self)
{
  g_autoptr (GString) names = g_string_new (NULL);

  /* A project names the files added to it; they need not be at hand any more. */
  if (self->project)
    {
      GPtrArray *sources = cak_project_get_sources (self->project);

      for (guint i = 0; i < sources->len; i++)
        {
          if (i > 0)
            g_string_append (names, ", ");
          g_string_append (names, ((CakProjectSource *)g_ptr_array_index (sources, i))->name);
        }
      return g_string_free (g_steal_pointer (&names), FALSE);
    }
  for (guint i = 0; self->files && i < self->files->len; i++)
    {
      g_autofree char *name = g_file_get_basename (g_ptr_array_index (self->files, i));

      if (i > 0)
        g_string_append (names, ", ");
      g_string_append (names, name);
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static gboolean
progress_idle_cb (gpointer data)
{
  Progress *progress = data;
  CakWindow *self = progress->window;
  g_autofree char *text = NULL;

  if (progress->generation != self->import_generation)
    return G_SOURCE_REMOVE;
  if (progress->n_files > 1)
    /* Translators: a file's name, which of the files it is, and how many there are */
    text = g_strdup_printf (_ ("Reading %s (%u of %u)…"), progress->file, progress->index + 1,
                            progress->n_files);
  else
    /* Translators: %s is a file's name */
    text = g_strdup_printf (_ ("Reading %s…"), progress->file);
  gtk_label_set_text (self->loading_label, text);
  if (progress->fraction >= 0)
    {
      g_clear_handle_id (&self->pulse_source, g_source_remove);
      gtk_progress_bar_set_fraction (self->progress_bar, progress->fraction);
    }
  return G_SOURCE_REMOVE;
}

/* Worker thread: hands the window where the import stands, now and then. */
static void
report_progress (ImportData *import, double file_fraction, gboolean force)
{
  gint64 now = g_get_monotonic_time ();
  Progress *progress;
  GPtrArray *files;

  if (!force && now - import->last_report < PROGRESS_INTERVAL_USEC)
    return;
  import->last_report = now;
  progress = g_new0 (Progress, 1);
  progress->window = g_object_ref (import->window);
  progress->generation = import->generation;
  files = cak_import_session_get_files (import->session);
  progress->file = g_file_get_basename (g_ptr_array_index (files, import->current));
  progress->index = import->current;
  progress->n_files = files->len;
  if (file_fraction >= 0)
    progress->fraction = (import->current + CLAMP (file_fraction, 0, 1)) / files->len;
  else if (files->len > 1)
    progress->fraction = (double)import->current / files->len;
  else
    progress->fraction = -1;
  g_idle_add_full (G_PRIORITY_DEFAULT, progress_idle_cb, progress, (GDestroyNotify)progress_free);
}

static void
import_progress_cb (guint file_index, guint n_files, double file_fraction, gpointer user_data)
{
  ImportData *import = user_data;
  gboolean new_file = file_index != import->current;

  import->current = file_index;
  report_progress (import, file_fraction, new_file || file_fraction < 0 || file_fraction >= 1.0);
}

static void
import_thread (GTask *task, gpointer source_object, gpointer task_data, GCancellable *cancellable)
{
  GError *error = NULL;

  ImportData *import = task_data;

  if (cak_import_session_run (import->session, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
show_report (CakWindow *self)
{
  g_autoptr (GString) body = g_string_new (NULL);
  GtkWidget *dialog;
  const GArray *issues;
  GPtrArray *sheets;
  guint shown = 0;

  if (self->dataset == NULL)
    return;
  sheets = cak_dataset_get_sheet_reports (self->dataset);
  for (guint i = 0; i < sheets->len; i++)
    {
      const CakSheetReport *sheet = g_ptr_array_index (sheets, i);

      CakSource source = { sheet->file, sheet->sheet, 0, 0 };
      g_autofree char *where = cak_source_describe (&source, FALSE);

      g_string_append_printf (body, _ ("%s: %u rows: %u imported, %u skipped, %u rejected."), where,
                              sheet->rows, sheet->imported, sheet->skipped, sheet->rejected);
      g_string_append_c (body, '\n');
      /* Every column too, as every row: what it was read as, or why it was not used. */
      for (guint k = 0; sheet->columns && k < sheet->columns->len; k++)
        {
          g_autofree char *line = cak_column_report_describe (g_ptr_array_index (sheet->columns, k));

          g_string_append_printf (body, "    %s\n", line);
        }
    }
  issues = cak_dataset_get_issues (self->dataset);
  for (guint i = 0; i < issues->len; i++)
    {
      const CakIssue *issue = &g_array_index (issues, CakIssue, i);
      g_autofree char *where = NULL;

      if (issue->severity == CAK_SEVERITY_INFO)
        continue;
      if (shown++ >= 40)
        continue;
      where = cak_source_describe (&issue->source, issue->has_column);
      g_string_append_c (body, '\n');
      g_string_append_printf (body, _ ("%s: %s"), where, issue->message);
    }
  if (shown > 40)
    {
      g_string_append_c (body, '\n');
      g_string_append_printf (body,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "…and %u more; “cakupan --summary --json FILE” lists "
                                           "every one.",
                                           "…and %u more; “cakupan --summary --json FILE” lists "
                                           "every one.",
                                           shown - 40),
                              shown - 40);
    }
  if (shown == 0)
    g_string_append_printf (body, "\n%s",
                            _ ("Every row was imported or skipped for a reason "
                               "(title lines, the header, blank rows, totals)."));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _ ("Import Report"), body->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _ ("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
remember_recent (CakWindow *self)
{
  g_autoptr (GStrvBuilder) builder = NULL;
  g_auto (GStrv) old = NULL;
  g_auto (GStrv) recent = NULL;

  if (self->settings == NULL || self->files == NULL)
    return;
  builder = g_strv_builder_new ();
  for (guint i = 0; i < self->files->len; i++)
    {
      g_autofree char *path = g_file_get_path (g_ptr_array_index (self->files, i));

      if (path)
        g_strv_builder_add (builder, path);
    }
  old = g_settings_get_strv (self->settings, "recent-files");
  for (guint i = 0; old[i] && i < 10; i++)
    {
      gboolean seen = FALSE;

      for (guint j = 0; j < self->files->len && !seen; j++)
        {
          g_autofree char *path = g_file_get_path (g_ptr_array_index (self->files, j));

          seen = g_strcmp0 (path, old[i]) == 0;
        }
      if (!seen)
        g_strv_builder_add (builder, old[i]);
    }
  recent = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-files", (const char *const *)recent);
}

static void
fill_choosers (CakWindow *self)
{
  g_autoptr (GtkStringList) province_names = gtk_string_list_new (NULL);
  g_autoptr (GtkStringList) period_names = gtk_string_list_new (NULL);
  g_autoptr (GArray) periods = cak_dataset_get_reporting_periods (self->dataset);
  g_autofree char *saved_province = NULL;
  g_autofree char *saved_period = NULL;
  guint province_index = 0, period_index = 0;

  if (self->settings)
    {
      saved_province = g_settings_get_string (self->settings, "province");
      saved_period = g_settings_get_string (self->settings, "period");
    }

  g_clear_pointer (&self->provinces, g_ptr_array_unref);
  self->provinces = cak_dataset_get_provinces (self->dataset);
  /* Files of several provinces: the whole country first, compared by province (NULL stands
   * for it), and shown first unless a province was chosen before. */
  if (self->provinces->len > 1)
    g_ptr_array_insert (self->provinces, 0, NULL);
  for (guint i = 0; i < self->provinces->len; i++)
    {
      const CakRegion *province = g_ptr_array_index (self->provinces, i);

      gtk_string_list_append (province_names, province ? province->name : "Indonesia");
      /* A national file opens on the whole country, whatever was shown before */
      if (province && self->provinces->len == 1 && g_strcmp0 (saved_province, province->code) == 0)
        province_index = i;
    }

  g_array_set_size (self->periods, 0);
  for (guint i = periods->len; i > 0; i--)
    {
      CakPeriod period = g_array_index (periods, CakPeriod, i - 1);
      g_autofree char *name = cak_period_format (period, self->lang);
      g_autofree char *iso = cak_period_to_iso (period);

      g_array_append_val (self->periods, period);
      gtk_string_list_append (period_names, name);
      if (g_strcmp0 (saved_period, iso) == 0)
        period_index = self->periods->len - 1;
    }

  /* A new dataset: the comparison periods are chosen afresh */
  g_clear_pointer (&self->data, cak_chart_data_unref);
  gtk_drop_down_set_model (self->province_dropdown, G_LIST_MODEL (province_names));
  gtk_drop_down_set_selected (self->province_dropdown, province_index);
  gtk_widget_set_visible (GTK_WIDGET (self->province_dropdown), self->provinces->len > 0);
  gtk_drop_down_set_model (self->period_dropdown, G_LIST_MODEL (period_names));
  gtk_drop_down_set_selected (self->period_dropdown, period_index);
  gtk_widget_set_visible (GTK_WIDGET (self->period_dropdown), self->periods->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->compare_dropdown), self->periods->len > 1);
  gtk_widget_set_visible (GTK_WIDGET (self->search_button), self->provinces->len > 0);
}

static void show_mapping (CakWindow *self);

static void
stop_progress (CakWindow *self)
{
  g_clear_handle_id (&self->pulse_source, g_source_remove);
  self->import_generation++;
}

/* The import the mapping step is for, kept so that a toast can offer the step again. */
static void
set_pending (CakWindow *self, GPtrArray *files, GPtrArray *choices, guint index, const char *reason)
{
  g_clear_pointer (&self->pending_files, g_ptr_array_unref);
  g_clear_pointer (&self->pending_choices, g_ptr_array_unref);
  g_clear_pointer (&self->pending_reason, g_free);
  self->pending_files = g_ptr_array_ref (files);
  self->pending_choices = cak_import_choices_array_copy (choices, files->len);
  self->pending_index = index;
  self->pending_reason = g_strdup (reason);
}

static void
dismiss_mapping_toast (CakWindow *self)
{
  if (self->mapping_toast)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->mapping_toast),
                                    (gpointer *)&self->mapping_toast);
      adw_toast_dismiss (self->mapping_toast);
      self->mapping_toast = NULL;
    }
}

static void
toast_with_mapping (CakWindow *self, const char *text)
{
  AdwToast *t = adw_toast_new (text);

  dismiss_mapping_toast (self);
  adw_toast_set_button_label (t, _ ("_Map Columns…"));
  adw_toast_set_action_name (t, "win.map-columns");
  adw_toast_set_timeout (t, 0);
  self->mapping_toast = t;
  g_object_add_weak_pointer (G_OBJECT (t), (gpointer *)&self->mapping_toast);
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

static void
import_finished_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  CakWindow *self = CAK_WINDOW (source);
  ImportData *import = g_task_get_task_data (G_TASK (result));
  GPtrArray *files = cak_import_session_get_files (import->session);
  int problem = cak_import_session_get_problem (import->session);
  gboolean unmatched = cak_import_session_get_unmatched (import->session);
  g_autoptr (GError) error = NULL;
  g_autofree char *names = NULL;
  guint n_errors;

  /* An import the user started another over, or a window closed meanwhile: nothing to show. */
  if (g_task_get_cancellable (G_TASK (result)) != self->cancellable)
    return;
  stop_progress (self);
  g_clear_object (&self->cancellable);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      gtk_stack_set_visible_child_name (self->stack, self->dataset ? "data" : "empty");
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      if (problem >= 0)
        {
          /* The importer cannot read the file on its own: the user says how. */
          set_pending (self, files, cak_import_session_get_choices (import->session), problem,
                       error->message);
          toast_with_mapping (self, error->message);
          show_mapping (self);
        }
      else
        cak_window_toast (self, error->message);
      return;
    }

  g_clear_object (&self->dataset);
  self->dataset = cak_import_session_steal_dataset (import->session);
  g_clear_pointer (&self->files, g_ptr_array_unref);
  self->files = g_ptr_array_ref (files);
  g_clear_pointer (&self->choices, g_ptr_array_unref);
  self->choices = cak_import_choices_array_copy (cak_import_session_get_choices (import->session),
                                                 files->len);
  remember_recent (self);

  names = cak_window_describe_files (self);
  adw_window_title_set_subtitle (self->window_title, names);

  if (problem >= 0 && unmatched)
    {
      g_autofree char *file = g_file_get_basename (g_ptr_array_index (files, problem));
      g_autofree char *reason = g_strdup_printf (
          _ ("Some region names in %s are not regions Cakupan knows, or could be more than one; "
             "their rows were not imported."),
          file);

      set_pending (self, files, cak_import_session_get_choices (import->session), problem, reason);
    }

  if (cak_dataset_is_empty (self->dataset))
    {
      g_autofree char *text = g_strdup_printf (_ ("%s holds no regency figures."), names);

      gtk_stack_set_visible_child_name (self->stack, "empty");
      if (problem >= 0 && unmatched)
        toast_with_mapping (self, text);
      else
        cak_window_toast (self, text);
      show_report (self);
      return;
    }

  fill_choosers (self);
  refresh (self);
  gtk_stack_set_visible_child_name (self->stack, "data");

  n_errors = cak_dataset_count_errors (self->dataset);
  if (n_errors > 0)
    {
      AdwToast *t;
      g_autofree char *text
          = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row could not be imported",
                                          "%u rows could not be imported", n_errors),
                             n_errors);

      if (problem >= 0 && unmatched)
        {
          /* Region names the user can settle in the mapping step; the report is in the menu. */
          toast_with_mapping (self, text);
          return;
        }
      t = adw_toast_new (text);
      adw_toast_set_button_label (t, _ ("_Details"));
      adw_toast_set_action_name (t, "win.show-report");
      adw_toast_set_timeout (t, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, t);
    }
}

static gboolean
pulse_cb (gpointer user_data)
{
  CakWindow *self = user_data;

  gtk_progress_bar_pulse (self->progress_bar);
  return G_SOURCE_CONTINUE;
}

/* Imports @files with their @choices (NULL entries, or NULL for none) in a worker thread. */
static void
start_import (CakWindow *self, GPtrArray *files, GPtrArray *choices)
{
  g_autoptr (GTask) task = NULL;
  g_autofree char *first = NULL;
  g_autofree char *text = NULL;
  ImportData *import;

  /* With a project open, files are added to it. */
  if (cak_window_project_add (self, files, choices))
    return;
  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  stop_progress (self);
  dismiss_mapping_toast (self);

  import = g_new0 (ImportData, 1);
  import->session = cak_import_session_new (files, choices);
  import->window = g_object_ref (self);
  import->generation = self->import_generation;
  cak_import_session_set_progress (import->session, import_progress_cb, import);
  if (self->settings)
    {
      g_autoptr (GVariant) remembered = g_settings_get_value (self->settings, "column-maps");

      if (g_variant_n_children (remembered) > 0)
        cak_import_session_set_remembered (import->session, remembered);
    }
  task = g_task_new (self, self->cancellable, import_finished_cb, NULL);
  g_task_set_source_tag (task, start_import);
  g_task_set_task_data (task, import, import_data_free);

  first = g_file_get_basename (g_ptr_array_index (files, 0));
  text = g_strdup_printf (_ ("Reading %s…"), first);
  gtk_label_set_text (self->loading_label, text);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  self->pulse_source = g_timeout_add (100, pulse_cb, self);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  g_task_run_in_thread (task, import_thread);
}

/* The places that can stand beside @data's: the country, then every other province of the
 * files; the one remembered selected when it is among them. The menu is rebuilt only when the
 * places change: never from within its own selection's notification. */
static void
fill_peers (CakWindow *self, const CakChartData *data)
{
  g_autoptr (GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  g_autofree char *saved = NULL;
  gboolean same;
  guint selected = 0;

  if (cak_chart_data_can_peer (data, self->dataset, CAK_CHART_PEER_COUNTRY))
    {
      g_ptr_array_add (codes, g_strdup (CAK_CHART_PEER_COUNTRY));
      g_ptr_array_add (names, (gpointer) "Indonesia");
    }
  for (guint i = 0; self->provinces && i < self->provinces->len; i++)
    {
      const CakRegion *province = g_ptr_array_index (self->provinces, i);

      if (province && cak_chart_data_can_peer (data, self->dataset, province->code))
        {
          g_ptr_array_add (codes, g_strdup (province->code));
          g_ptr_array_add (names, (gpointer)province->name);
        }
    }
  same = codes->len == self->peer_codes->len && gtk_drop_down_get_model (self->peer_dropdown);
  for (guint i = 0; same && i < codes->len; i++)
    same = g_str_equal (g_ptr_array_index (codes, i), g_ptr_array_index (self->peer_codes, i));
  saved = self->settings ? g_settings_get_string (self->settings, "peer") : NULL;
  for (guint i = 0; i < codes->len; i++)
    if (g_strcmp0 (saved, g_ptr_array_index (codes, i)) == 0)
      selected = i + 1;
  self->filling_peer = TRUE;
  if (!same)
    {
      g_autoptr (GtkStringList) list = gtk_string_list_new (NULL);

      /* TRANSLATORS: the first choice of the "Compare With Province" menu */
      gtk_string_list_append (list, _ ("No Province Beside"));
      for (guint i = 0; i < names->len; i++)
        gtk_string_list_append (list, g_ptr_array_index (names, i));
      g_ptr_array_set_size (self->peer_codes, 0);
      g_ptr_array_extend_and_steal (self->peer_codes, g_steal_pointer (&codes));
      gtk_drop_down_set_model (self->peer_dropdown, G_LIST_MODEL (list));
    }
  if (gtk_drop_down_get_selected (self->peer_dropdown) != selected)
    gtk_drop_down_set_selected (self->peer_dropdown, selected);
  self->filling_peer = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->peer_dropdown), self->peer_codes->len > 0);
}

static void
refresh (CakWindow *self)
{
  const CakRegion *province = NULL;
  CakPeriod period, compare;
  guint pi, ti;
  g_autofree char *sources = NULL;
  g_autofree char *iso = NULL;
  g_autoptr (CakChartData) data = NULL;
  const char *code;

  if (self->dataset == NULL || self->periods->len == 0 || self->filling_compare
      || self->filling_peer)
    return;
  pi = gtk_drop_down_get_selected (self->province_dropdown);
  ti = gtk_drop_down_get_selected (self->period_dropdown);
  if (self->provinces && pi < self->provinces->len)
    province = g_ptr_array_index (self->provinces, pi);
  period = g_array_index (self->periods, CakPeriod, MIN (ti, self->periods->len - 1));

  if (self->settings)
    {
      iso = cak_period_to_iso (period);
      g_settings_set_string (self->settings, "period", ti == 0 ? "" : iso);
      g_settings_set_string (self->settings, "province", province ? province->code : "");
    }

  if (self->data == NULL || !cak_period_equal (self->data->period, period))
    cak_window_charts_fill_compare (self, period);
  compare = cak_window_charts_get_compare (self);
  sources = cak_window_describe_files (self);
  if (province == NULL && self->provinces && self->provinces->len > 1)
    data = cak_chart_data_new_provinces (self->dataset, period, compare, sources, self->lang);
  else
    data = cak_chart_data_new (self->dataset, province ? province->code : NULL, period, compare,
                               sources, self->lang);
  fill_peers (self, data);
  {
    guint i = gtk_drop_down_get_selected (self->peer_dropdown);

    if (i != GTK_INVALID_LIST_POSITION && i > 0 && i <= self->peer_codes->len)
      cak_chart_data_set_peer (data, self->dataset, g_ptr_array_index (self->peer_codes, i - 1));
  }
  cak_window_charts_set_data (self, data);

  self->syncing_selection = TRUE;
  {
    g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

    /* All at once: appended one by one, the rows were sorted one by one, and the table stayed
     * on the first row appended, wherever the sort put it */
    for (guint i = 0; i < data->rows->len; i++)
      g_ptr_array_add (items, cak_region_row_new (&g_array_index (data->rows, CakIndicatorRow, i)));
    g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                         items->pdata, items->len);
  }
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  self->syncing_selection = FALSE;
  /* The selection outlives a change of period, when the region is still there */
  code = self->selected_code;
  if (code && cak_chart_data_find_code (data, code) >= 0)
    {
      g_autofree char *keep = g_strdup (code);

      g_clear_pointer (&self->selected_code, g_free);
      cak_window_select_code (self, keep);
    }
  else
    cak_window_select_code (self, NULL);
}

/**
 * cak_window_refresh:
 *
 * Computes what the charts, the table and the detail panel show afresh, for the same choices.
 */
void
cak_window_refresh (CakWindow *self)
{
  refresh (self);
}

/**
 * cak_window_show_dataset:
 *
 * Shows self->dataset afresh: the choosers, the charts and the table, or the empty page.
 */
void
cak_window_show_dataset (CakWindow *self)
{
  if (self->dataset == NULL || cak_dataset_is_empty (self->dataset))
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  fill_choosers (self);
  refresh (self);
  gtk_stack_set_visible_child_name (self->stack, "data");
}

static void
chooser_changed_cb (GObject *object, GParamSpec *pspec, gpointer user_data)
{
  refresh (CAK_WINDOW (user_data));
}

/* Remembered only when the user chooses: a province shown that hides the choice (itself) does not
 * forget it */
static void
peer_changed_cb (GObject *object, GParamSpec *pspec, gpointer user_data)
{
  CakWindow *self = CAK_WINDOW (user_data);
  guint i = gtk_drop_down_get_selected (self->peer_dropdown);

  if (self->filling_peer || self->peer_codes == NULL)
    return;
  if (self->settings)
    g_settings_set_string (
        self->settings, "peer",
        i > 0 && i <= self->peer_codes->len ? g_ptr_array_index (self->peer_codes, i - 1) : "");
  refresh (self);
}

/**
 * cak_window_sync_table:
 *
 * Selects @code's row in the table, as the charts did.
 */
void
cak_window_sync_table (CakWindow *self, const char *code)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (model);

  if (self->syncing_selection)
    return;
  self->syncing_selection = TRUE;
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  for (guint i = 0; code && i < n; i++)
    {
      g_autoptr (CakRegionRow) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (cak_region_row_get_row (item)->region->code, code) == 0)
        {
          gtk_single_selection_set_selected (self->selection, i);
          gtk_widget_activate_action (GTK_WIDGET (self->table), "list.scroll-to-item", "u", i);
          break;
        }
    }
  self->syncing_selection = FALSE;
}

static void
table_selection_changed_cb (GObject *object, GParamSpec *pspec, gpointer user_data)
{
  CakWindow *self = user_data;
  CakRegionRow *item;

  /* The table sorts again as its columns go, when the window is disposed of */
  if (self->syncing_selection || self->selection == NULL)
    return;
  item = gtk_single_selection_get_selected_item (self->selection);
  self->syncing_selection = TRUE;
  cak_window_select_code (self, item ? cak_region_row_get_row (item)->region->code : NULL);
  self->syncing_selection = FALSE;
}

/* Table columns */

typedef enum
{
  COLUMN_NAME,
  COLUMN_COVERAGE,
  COLUMN_PARTICIPANTS,
  COLUMN_WORKFORCE,
  COLUMN_UNCOVERED,
  COLUMN_TARGET,
  COLUMN_GAP,
} ColumnId;

static void
setup_cell_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  ColumnId id = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  if (id == COLUMN_NAME)
    {
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
    }
  else
    {
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_widget_add_css_class (label, "numeric");
    }
  gtk_list_item_set_child (list_item, label);
}

/* A screen reader hears each figure with its column's title ("Coverage: 27,68%"): GTK 4.8's
 * column view relates no cell to its header. */
static void
name_cell (GtkWidget *label, GtkSignalListItemFactory *factory, const char *text)
{
  const char *title = g_object_get_data (G_OBJECT (factory), "title");
  g_autofree char *name = g_strdup_printf (_ ("%s: %s"), title, text);

  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  ColumnId id = GPOINTER_TO_INT (user_data);
  CakWindow *self = g_object_get_data (G_OBJECT (factory), "window");
  const CakIndicatorRow *row = cak_region_row_get_row (gtk_list_item_get_item (list_item));
  GtkWidget *label = gtk_list_item_get_child (list_item);
  g_autofree char *text = NULL;
  double value = NAN;
  gboolean pct = FALSE;

  switch (id)
    {
      case COLUMN_NAME:
        gtk_label_set_text (GTK_LABEL (label), row->region->name);
        gtk_widget_set_tooltip_text (label, row->region->code);
        name_cell (label, factory, row->region->name);
        return;
      case COLUMN_COVERAGE:
        value = row->coverage_pct, pct = TRUE;
        break;
      case COLUMN_PARTICIPANTS:
        value = row->participants;
        break;
      case COLUMN_WORKFORCE:
        value = row->workforce;
        break;
      case COLUMN_UNCOVERED:
        value = row->uncovered;
        break;
      case COLUMN_TARGET:
        value = row->target_pct, pct = TRUE;
        break;
      case COLUMN_GAP:
        value = row->gap_to_target;
        break;
      default:
        g_assert_not_reached ();
    }
  if (isnan (value))
    text = g_strdup ("–");
  else if (pct)
    text = cak_number_format_percent (value, 2, self->lang);
  else
    text = cak_number_format (value, 0, self->lang);
  gtk_label_set_text (GTK_LABEL (label), text);
  name_cell (label, factory, isnan (value) ? _ ("no data") : text);
}

static GtkColumnViewColumn *
add_column (CakWindow *self, ColumnId id, const char *title, const char *property, gboolean expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;
  GtkSorter *sorter;
  GtkExpression *expression;

  g_object_set_data (G_OBJECT (factory), "window", self);
  g_object_set_data_full (G_OBJECT (factory), "title", g_strdup (title), g_free);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GINT_TO_POINTER (id));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GINT_TO_POINTER (id));
  column = gtk_column_view_column_new (title, factory);
  /* Figures as wide as they are; regency names ("Kabupaten Probolinggo") take the rest */
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);

  /* A click on a header sorts by it, and the header shows which way */
  expression = gtk_property_expression_new (CAK_TYPE_REGION_ROW, NULL, property);
  if (id == COLUMN_NAME)
    sorter = GTK_SORTER (gtk_string_sorter_new (expression));
  else
    sorter = GTK_SORTER (gtk_numeric_sorter_new (expression));
  gtk_column_view_column_set_sorter (column, sorter);
  g_object_unref (sorter);
  gtk_column_view_append_column (self->table, column);
  g_object_unref (column);
  return column;
}

static void
table_activate_cb (GtkColumnView *table, guint position, gpointer user_data)
{
  CakWindow *self = user_data;
  g_autoptr (CakRegionRow) item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (item == NULL)
    return;
  gtk_single_selection_set_selected (self->selection, position);
  cak_window_select_code (self, cak_region_row_get_row (item)->region->code);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-detail", NULL);
}

static void
setup_table (CakWindow *self)
{
  GtkSortListModel *sorted;
  GtkColumnViewColumn *coverage;

  self->rows = g_list_store_new (CAK_TYPE_REGION_ROW);
  add_column (self, COLUMN_NAME, _ ("Regency/City"), "name", TRUE);
  coverage = add_column (self, COLUMN_COVERAGE, _ ("Coverage"), "coverage", FALSE);
  add_column (self, COLUMN_PARTICIPANTS, _ ("Participants"), "participants", FALSE);
  add_column (self, COLUMN_WORKFORCE, _ ("Workforce"), "workforce", FALSE);
  add_column (self, COLUMN_UNCOVERED, _ ("Uncovered"), "uncovered", FALSE);
  add_column (self, COLUMN_TARGET, _ ("Target"), "target", FALSE);
  add_column (self, COLUMN_GAP, _ ("Gap to Target"), "gap", FALSE);

  sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->rows)),
                                    g_object_ref (gtk_column_view_get_sorter (self->table)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->table, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (table_selection_changed_cb), self, 0);
  /* By coverage, highest first, as the ranking: and the header says so */
  gtk_column_view_sort_by_column (self->table, coverage, GTK_SORT_DESCENDING);

  /* Enter (or a double click) on a row shows its details */
  g_signal_connect_object (self->table, "activate", G_CALLBACK (table_activate_cb), self, 0);
  /* The table is one Tab stop: the arrow keys move inside it, Tab leaves it */
  cak_accessible_single_tab_stop (GTK_WIDGET (self->table));
}

/* Actions */

static void
remember_folder (CakWindow *self, GFile *file)
{
  g_autoptr (GFile) parent = g_file_get_parent (file);
  g_autofree char *path = parent ? g_file_get_path (parent) : NULL;

  if (path && self->settings)
    g_settings_set_string (self->settings, "last-folder", path);
}

static void
files_chosen_cb (GtkNativeDialog *dialog, int response, gpointer user_data)
{
  CakWindow *self = user_data;
  gboolean add = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "add"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GListModel) chosen = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < g_list_model_get_n_items (chosen); i++)
        g_ptr_array_add (files, g_list_model_get_item (chosen, i));
      if (files->len > 0)
        remember_folder (self, g_ptr_array_index (files, 0));
      cak_window_open_files (self, (GFile **)files->pdata, files->len, add);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

/* The filters and the folder every file chooser of the window starts with. */
static const char *const table_suffixes[] = { "csv", "txt", "tsv", "xlsx", "xlsm", "xls", "ods",
                                               "cakupan" };

static void
setup_file_chooser (CakWindow *self, GtkFileChooser *chooser)
{
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr (GtkFileFilter) all = gtk_file_filter_new ();
  g_autofree char *folder
      = self->settings ? g_settings_get_string (self->settings, "last-folder") : NULL;

  /* Every kind of file Cakupan opens, first: tables of every format, and projects. */
  gtk_file_filter_set_name (filter, _ ("Tables and Projects"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  for (guint i = 0; i < G_N_ELEMENTS (table_suffixes); i++)
    gtk_file_filter_add_suffix (filter, table_suffixes[i]);
  gtk_file_chooser_add_filter (chooser, filter);
  cak_window_project_add_filter (chooser);
  gtk_file_filter_set_name (all, _ ("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, all);
  if (folder && *folder)
    {
      g_autoptr (GFile) dir = g_file_new_for_path (folder);

      gtk_file_chooser_set_current_folder (chooser, dir, NULL);
    }
}

static void
choose_files (CakWindow *self, gboolean add)
{
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (add ? _ ("Import Files") : _ ("Open Files"),
                                        GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                        add ? _ ("_Import") : _ ("_Open"), _ ("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (dialog), TRUE);
  setup_file_chooser (self, GTK_FILE_CHOOSER (dialog));
  g_object_set_data (G_OBJECT (dialog), "add", GINT_TO_POINTER (add));
  g_signal_connect (dialog, "response", G_CALLBACK (files_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
open_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  choose_files (CAK_WINDOW (widget), FALSE);
}

static void
import_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  choose_files (CAK_WINDOW (widget), TRUE);
}

static void
open_sample_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CakWindow *self = CAK_WINDOW (widget);
  g_autofree char *path = cak_application_find_sample ();
  g_autoptr (GFile) file = NULL;

  if (path == NULL)
    {
      cak_window_toast (self, _ ("The sample file is not installed."));
      return;
    }
  file = g_file_new_for_path (path);
  cak_window_open_files (self, &file, 1, FALSE);
}

static void
cancel_import_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CakWindow *self = CAK_WINDOW (widget);

  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
}

static void
show_report_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  show_report (CAK_WINDOW (widget));
}

static void
mapping_import_cb (CakMappingDialog *dialog, gpointer user_data)
{
  CakWindow *self = user_data;
  g_autoptr (GPtrArray) files = NULL;
  g_autoptr (GPtrArray) choices = NULL;

  if (self->pending_files == NULL)
    return;
  files = g_ptr_array_ref (self->pending_files);
  choices = cak_import_choices_array_copy (self->pending_choices, files->len);
  g_clear_pointer (&g_ptr_array_index (choices, self->pending_index), cak_import_choices_free);
  g_ptr_array_index (choices, self->pending_index) = cak_mapping_dialog_get_choices (dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));
  start_import (self, files, choices);
}

/* Shows the mapping step for the pending import's file. */
static void
show_mapping (CakWindow *self)
{
  GFile *file;
  const CakImportChoices *choices;

  if (self->pending_files == NULL || self->pending_index >= self->pending_files->len)
    return;
  if (self->mapping_dialog)
    gtk_window_destroy (GTK_WINDOW (self->mapping_dialog));
  file = g_ptr_array_index (self->pending_files, self->pending_index);
  choices = g_ptr_array_index (self->pending_choices, self->pending_index);
  self->mapping_dialog = cak_mapping_dialog_new (GTK_WINDOW (self), file, choices, self->settings,
                                                 self->lang, self->pending_reason);
  g_object_add_weak_pointer (G_OBJECT (self->mapping_dialog), (gpointer *)&self->mapping_dialog);
  g_signal_connect_object (self->mapping_dialog, "import", G_CALLBACK (mapping_import_cb), self, 0);
  gtk_window_present (GTK_WINDOW (self->mapping_dialog));
}

static void
map_columns_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  show_mapping (CAK_WINDOW (widget));
}

static void
file_to_map_chosen_cb (GtkNativeDialog *dialog, int response, gpointer user_data)
{
  CakWindow *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file)
        {
          remember_folder (self, file);
          cak_window_import_mapped (self, file);
        }
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
import_mapped_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CakWindow *self = CAK_WINDOW (widget);
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_ ("Import with Mapping"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Choose"), _ ("_Cancel"));
  setup_file_chooser (self, GTK_FILE_CHOOSER (dialog));
  g_signal_connect (dialog, "response", G_CALLBACK (file_to_map_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static gboolean
drop_cb (GtkDropTarget *target, const GValue *value, double x, double y, gpointer user_data)
{
  CakWindow *self = user_data;
  GSList *list;
  g_autoptr (GPtrArray) files = g_ptr_array_new ();

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  list = g_value_get_boxed (value);
  for (GSList *l = list; l; l = l->next)
    g_ptr_array_add (files, l->data);
  if (files->len == 0)
    return FALSE;
  cak_window_open_files (self, (GFile **)files->pdata, files->len, FALSE);
  return TRUE;
}

static void
style_dark_changed_cb (AdwStyleManager *manager, GParamSpec *pspec, gpointer user_data)
{
  CakWindow *self = user_data;

  cak_window_charts_set_theme (self, adw_style_manager_get_dark (manager) ? CAK_CHART_THEME_DARK
                                                                          : CAK_CHART_THEME_LIGHT);
}

static gboolean
cak_window_close_request (GtkWindow *window)
{
  CakWindow *self = CAK_WINDOW (window);

  /* An unsaved project holding something: the user says what becomes of it first. */
  if (cak_window_project_close_request (self))
    return TRUE;
  if (self->settings)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
    }
  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  return GTK_WINDOW_CLASS (cak_window_parent_class)->close_request (window);
}

static void
cak_window_dispose (GObject *object)
{
  CakWindow *self = CAK_WINDOW (object);

  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  stop_progress (self);
  dismiss_mapping_toast (self);
  if (self->mapping_dialog)
    gtk_window_destroy (GTK_WINDOW (self->mapping_dialog));
  g_clear_object (&self->settings);
  g_clear_object (&self->dataset);
  g_clear_object (&self->rows);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->files, g_ptr_array_unref);
  g_clear_pointer (&self->choices, g_ptr_array_unref);
  g_clear_pointer (&self->pending_files, g_ptr_array_unref);
  g_clear_pointer (&self->pending_choices, g_ptr_array_unref);
  g_clear_pointer (&self->pending_reason, g_free);
  g_clear_pointer (&self->provinces, g_ptr_array_unref);
  g_clear_pointer (&self->periods, g_array_unref);
  g_clear_pointer (&self->peer_codes, g_ptr_array_unref);
  cak_window_charts_dispose (self);
  cak_window_present_dispose (self);
  cak_window_report_dispose (self);
  cak_window_project_dispose (self);
  cak_window_monev_dispose (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CAK_TYPE_WINDOW);
  G_OBJECT_CLASS (cak_window_parent_class)->dispose (object);
}

static void
cak_window_class_init (CakWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = cak_window_dispose;
  window_class->close_request = cak_window_close_request;

  g_type_ensure (CAK_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/cak-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CakWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, CakWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CakWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, CakWindow, loading_label);
  gtk_widget_class_bind_template_child (widget_class, CakWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, CakWindow, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CakWindow, province_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CakWindow, pages);
  gtk_widget_class_bind_template_child (widget_class, CakWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, CakWindow, detail_revealer);
  gtk_widget_class_bind_template_child (widget_class, CakWindow, compare_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CakWindow, peer_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CakWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, CakWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, CakWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CakWindow, recent_menu);
  gtk_widget_class_bind_template_child (widget_class, CakWindow, recent_title);
  gtk_widget_class_bind_template_child (widget_class, CakWindow, recent_list);
  cak_window_charts_class_init (widget_class);
  cak_window_present_class_init (widget_class);
  cak_window_report_class_init (widget_class);
  cak_window_project_class_init (widget_class);
  cak_window_monev_class_init (widget_class);
  gtk_widget_class_bind_template_child (widget_class, CakWindow, table);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action_cb);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action_cb);
  gtk_widget_class_install_action (widget_class, "win.import-mapped", NULL,
                                   import_mapped_action_cb);
  gtk_widget_class_install_action (widget_class, "win.map-columns", NULL, map_columns_action_cb);
  gtk_widget_class_install_action (widget_class, "win.open-sample", NULL, open_sample_action_cb);
  gtk_widget_class_install_action (widget_class, "win.cancel-import", NULL,
                                   cancel_import_action_cb);
  gtk_widget_class_install_action (widget_class, "win.show-report", NULL, show_report_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK,
                                       "win.import-mapped", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.cancel-import", NULL);
}

static void
cak_window_init (CakWindow *self)
{
  GtkDropTarget *drop;
  AdwStyleManager *manager = adw_style_manager_get_default ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->main_thread = g_thread_self ();

  self->lang = cak_lang_from_environment ();
  self->periods = g_array_new (FALSE, FALSE, sizeof (CakPeriod));
  setup_table (self);
  cak_accessible_name_drop_down (self->province_dropdown, _ ("Province"));
  cak_accessible_name_drop_down (self->period_dropdown, _ ("Period"));
  cak_accessible_name_drop_down (self->compare_dropdown, _ ("Compare With"));
  cak_accessible_name_drop_down (self->peer_dropdown, _ ("Compare With Province"));
  self->peer_codes = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect_object (self->peer_dropdown, "notify::selected", G_CALLBACK (peer_changed_cb),
                           self, 0);

  g_signal_connect_object (self->province_dropdown, "notify::selected",
                           G_CALLBACK (chooser_changed_cb), self, 0);
  g_signal_connect_object (self->period_dropdown, "notify::selected",
                           G_CALLBACK (chooser_changed_cb), self, 0);
  g_signal_connect_object (self->compare_dropdown, "notify::selected",
                           G_CALLBACK (chooser_changed_cb), self, 0);
  cak_window_monev_init (self);
  cak_window_charts_init (self);
  cak_window_present_init (self);
  cak_window_report_init (self);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  g_signal_connect_object (manager, "notify::dark", G_CALLBACK (style_dark_changed_cb), self, 0);
  style_dark_changed_cb (manager, NULL, self);
}

/* Screens this narrow or narrower get the whole of it: the charts need the room. */
#define SMALL_SCREEN_WIDTH 1440

/* The first start: most of the screen, all of a small one, rather than a fixed size that
 * cuts the charts' subtitles on a laptop and leaves half of a Full HD screen unused. */
static void
size_to_screen (CakWindow *self)
{
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));
  g_autoptr (GdkMonitor) monitor = g_list_model_get_item (monitors, 0);
  GdkRectangle area;

  if (monitor == NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self), 1280, 720);
      return;
    }
  gdk_monitor_get_geometry (monitor, &area);
  /* Room for the desktop's own bars, and a window that can still be told from the screen */
  gtk_window_set_default_size (GTK_WINDOW (self), area.width * 9 / 10, area.height * 9 / 10);
  if (area.width <= SMALL_SCREEN_WIDTH)
    gtk_window_maximize (GTK_WINDOW (self));
}

/**
 * cak_window_new:
 *
 * Returns: (transfer none): a new window, sized as the settings remember, or to the screen
 *   the first time.
 */
CakWindow *
cak_window_new (CakApplication *application)
{
  CakWindow *self;
  GSettings *settings;

  g_return_val_if_fail (CAK_IS_APPLICATION (application), NULL);

  self = g_object_new (CAK_TYPE_WINDOW, "application", application, NULL);
  if (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (self)))
    cak_accessible_mend_shortcuts_window (
        GTK_WINDOW (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (self))));
  settings = cak_application_get_settings (application);
  if (settings)
    self->settings = g_object_ref (settings);
  if (settings && g_settings_get_int (settings, "window-width") > 0
      && g_settings_get_int (settings, "window-height") > 0)
    {
      gtk_window_set_default_size (GTK_WINDOW (self), g_settings_get_int (settings, "window-width"),
                                   g_settings_get_int (settings, "window-height"));
      if (g_settings_get_boolean (settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }
  else
    size_to_screen (self);
  cak_window_project_init_recent (self);
  return self;
}

/**
 * cak_window_open_files:
 * @add: add the files to those already shown, rather than replace them
 *
 * Imports the files in a worker thread and shows them.
 */
void
cak_window_open_files (CakWindow *self, GFile **files, int n_files, gboolean add)
{
  g_autoptr (GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) choices = cak_import_choices_array_copy (NULL, 0);

  g_return_if_fail (CAK_IS_WINDOW (self));
  g_return_if_fail (n_files == 0 || files != NULL);

  /* A .cakupan file is opened as the project the window shows. */
  if (cak_window_project_open_files (self, files, n_files))
    return;
  /* Files shown already are imported again as they were. */
  if (add && self->files)
    for (guint i = 0; i < self->files->len; i++)
      {
        const CakImportChoices *c
            = self->choices && i < self->choices->len ? g_ptr_array_index (self->choices, i) : NULL;

        g_ptr_array_add (all, g_object_ref (g_ptr_array_index (self->files, i)));
        g_ptr_array_add (choices, c ? cak_import_choices_copy (c) : NULL);
      }
  for (int i = 0; i < n_files; i++)
    {
      gboolean dup = FALSE;

      for (guint j = 0; j < all->len && !dup; j++)
        dup = g_file_equal (g_ptr_array_index (all, j), files[i]);
      if (!dup)
        {
          g_ptr_array_add (all, g_object_ref (files[i]));
          g_ptr_array_add (choices, NULL);
        }
    }
  if (all->len > 0)
    start_import (self, all, choices);
}

/**
 * cak_window_import_mapped:
 *
 * Shows the mapping step for @file, then imports it beside the files shown.
 */
void
cak_window_import_mapped (CakWindow *self, GFile *file)
{
  g_autoptr (GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) choices = NULL;
  int index = -1;

  g_return_if_fail (CAK_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  for (guint i = 0; self->files && i < self->files->len; i++)
    {
      g_ptr_array_add (all, g_object_ref (g_ptr_array_index (self->files, i)));
      if (g_file_equal (g_ptr_array_index (self->files, i), file))
        index = i;
    }
  choices = cak_import_choices_array_copy (self->choices, all->len);
  if (index < 0)
    {
      index = all->len;
      g_ptr_array_add (all, g_object_ref (file));
      g_ptr_array_add (choices, NULL);
    }
  set_pending (self, all, choices, index, NULL);
  show_mapping (self);
}

/**
 * cak_window_get_mapping_dialog:
 *
 * Returns: (transfer none) (nullable): the mapping step, when it is shown
 */
CakMappingDialog *
cak_window_get_mapping_dialog (CakWindow *self)
{
  g_return_val_if_fail (CAK_IS_WINDOW (self), NULL);

  return self->mapping_dialog;
}

/**
 * cak_window_get_dataset:
 *
 * Returns: (transfer none) (nullable): the data shown.
 */
CakDataset *
cak_window_get_dataset (CakWindow *self)
{
  g_return_val_if_fail (CAK_IS_WINDOW (self), NULL);

  return self->dataset;
}

static void
style_row_selected_cb (AdwComboRow *row, GParamSpec *pspec, gpointer user_data)
{
  const char *const schemes[] = { "default", "light", "dark" };
  GSettings *settings = g_object_get_data (G_OBJECT (row), "settings");
  guint selected = adw_combo_row_get_selected (row);

  if (settings && selected < G_N_ELEMENTS (schemes))
    g_settings_set_string (settings, "color-scheme", schemes[selected]);
}

/**
 * cak_window_show_preferences:
 *
 * Shows the preferences: the style of the window and its charts, and what heads and signs
 * the reports.
 */
void
cak_window_show_preferences (CakWindow *self)
{
  AdwPreferencesWindow *prefs;
  AdwPreferencesPage *page;
  AdwPreferencesGroup *group;
  AdwComboRow *row;
  const char *const styles[] = { N_ ("Follow System"), N_ ("Light"), N_ ("Dark"), NULL };
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *current = NULL;

  g_return_if_fail (CAK_IS_WINDOW (self));

  for (guint i = 0; styles[i]; i++)
    gtk_string_list_append (names, _ (styles[i]));

  prefs = ADW_PREFERENCES_WINDOW (adw_preferences_window_new ());
  gtk_window_set_transient_for (GTK_WINDOW (prefs), GTK_WINDOW (self));
  gtk_window_set_modal (GTK_WINDOW (prefs), TRUE);
  page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _ ("Appearance"));
  row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _ ("Style"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               _ ("Charts follow the style: dark charts on a dark window"));
  adw_combo_row_set_model (row, G_LIST_MODEL (names));
  if (self->settings)
    {
      current = g_settings_get_string (self->settings, "color-scheme");
      adw_combo_row_set_selected (row, g_strcmp0 (current, "light") == 0  ? 1
                                       : g_strcmp0 (current, "dark") == 0 ? 2
                                                                          : 0);
      g_object_set_data_full (G_OBJECT (row), "settings", g_object_ref (self->settings),
                              g_object_unref);
      g_signal_connect (row, "notify::selected", G_CALLBACK (style_row_selected_cb), NULL);
    }
  else
    gtk_widget_set_sensitive (GTK_WIDGET (row), FALSE);
  adw_preferences_group_add (group, GTK_WIDGET (row));
  adw_preferences_page_add (page, group);
  cak_window_report_add_preferences (self, page);
  adw_preferences_window_add (prefs, page);
  cak_accessible_name_search_button (GTK_WINDOW (prefs), _ ("Search Preferences"));
  gtk_window_present (GTK_WINDOW (prefs));
}

/**
 * cak_window_open_province:
 * @code: a province's code
 *
 * Shows @code's province, as choosing it in the header does: the drill-down from the country.
 *
 * Returns: whether the files hold that province
 */
gboolean
cak_window_open_province (CakWindow *self, const char *code)
{
  for (guint i = 0; self->provinces && i < self->provinces->len; i++)
    {
      const CakRegion *province = g_ptr_array_index (self->provinces, i);

      if (province && g_strcmp0 (province->code, code) == 0)
        {
          if (gtk_drop_down_get_selected (self->province_dropdown) != i)
            gtk_drop_down_set_selected (self->province_dropdown, i);
          return TRUE;
        }
    }
  return FALSE;
}
