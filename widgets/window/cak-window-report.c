/* cak-window-report.c: the window's monitoring-and-evaluation workbook and its table as CSV
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cak-window-report"

#include "config.h"

#include <glib/gi18n.h>

#include "cak-report.h"
#include "cak-accessible.h"
#include "cak-window-private.h"

/* A workbook being written. The job holds its own dataset: without a project an import made
 * meanwhile fills a new dataset, which the window takes up in place of this one; with one, the
 * worker reads a copy, since the project's changes as files are added and targets typed. */
typedef struct
{
  CakWindow *window;         /* the task's source object, which keeps it */
  GApplication *application; /* held until the workbook is written or its part removed */
  CakDataset *dataset;
  GCancellable *cancellable; /* the task's */
  char *path;
  char *province_code;
  char *agency, *place, *position, *name, *nip, *sources;
  GDateTime *date;
  CakMonev *monev;          /* a copy of the project's: the window may edit it meanwhile */
  CakReportOptions options; /* points into the fields above */
  double reported;          /* the last fraction handed to the window; worker thread only */
} ReportJob;

/* A progress report on its way from the worker thread to the window. */
typedef struct
{
  CakWindow *window;
  GCancellable *cancellable; /* the report it is about */
  double fraction;
} ReportProgress;

/* The sheets one may leave out; the regency sheet and the data sheet are always written. */
static const struct
{
  CakReportSheets sheet;
  const char *title;
  const char *subtitle;
} optional_sheets[] = {
  { CAK_REPORT_SUMMARY, N_ ("Summary"),
    N_ ("Key figures, a ranking chart, definitions and sources, and the signature block") },
  { CAK_REPORT_TREND, N_ ("Trend"),
    N_ ("Coverage period by period, the province and each "
        "regency") },
  { CAK_REPORT_SEGMENTS, N_ ("Segments"),
    N_ ("Participants by segment: wage earners, informal, construction and migrant workers") },
  { CAK_REPORT_TARGET, N_ ("Gap to Target"),
    N_ ("The participants each regency still needs to reach its target") },
  { CAK_REPORT_NOTES, N_ ("Import Notes"), N_ ("How every row of the imported files was read") },
  /* Only with a project: what its monev recorded */
  { CAK_REPORT_ACTIONS, N_ ("Action Plan"),
    N_ ("Every follow-up action, by regency: office, due date, status, where it stands") },
  { CAK_REPORT_CHECKLIST, N_ ("Inpres 2/2021"),
    N_ ("Each regency’s regulation, APBD and village funds, and how many have each item") },
};

/* The settings that head the summary and sign it off, as Preferences shows them. */
static const struct
{
  const char *key;
  const char *title;
} signature_keys[] = {
  { "agency-name", N_ ("Agency") },
  { "signature-place", N_ ("Place of signing") },
  { "signature-position", N_ ("Position of the signatory") },
  { "signature-name", N_ ("Name of the signatory") },
  { "signature-nip", N_ ("NIP of the signatory") },
};

static void
report_job_free (gpointer data)
{
  ReportJob *job = data;

  g_clear_object (&job->dataset);
  g_clear_object (&job->application);
  g_free (job->path);
  g_free (job->province_code);
  g_free (job->agency);
  g_free (job->place);
  g_free (job->position);
  g_free (job->name);
  g_free (job->nip);
  g_free (job->sources);
  g_clear_pointer (&job->date, g_date_time_unref);
  g_clear_object (&job->monev);
  g_free (job);
}

static void
report_progress_free (gpointer data)
{
  ReportProgress *progress = data;

  g_object_unref (progress->window);
  g_object_unref (progress->cancellable);
  g_free (progress);
}

/* "Jawa Timur" -> "jawa-timur", for file names */
static char *
slug (const char *text)
{
  g_autofree char *plain = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);
  GString *out = g_string_new (NULL);

  for (const char *p = plain; p && *p; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (out, g_ascii_tolower (*p));
      else if (!(*p & 0x80) && out->len > 0 && out->str[out->len - 1] != '-')
        g_string_append_c (out, '-');
    }
  while (out->len > 0 && out->str[out->len - 1] == '-')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

static char *
default_name (const char *prefix, const CakRegion *province, CakPeriod period, const char *ext)
{
  g_autofree char *place = slug (province ? province->name : "Indonesia");
  g_autofree char *iso = cak_period_to_iso (period);
  g_autofree char *when = g_ascii_strdown (iso, -1);

  return g_strdup_printf ("%s-%s-%s.%s", prefix, place, when, ext);
}

static char *
with_suffix (const char *path, const char *suffix)
{
  g_autofree char *down = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (down, suffix))
    return g_strdup (path);
  return g_strconcat (path, suffix, NULL);
}

static char *
get_setting (CakWindow *self, const char *key)
{
  return self->settings ? g_settings_get_string (self->settings, key) : NULL;
}

static void
update_actions (CakWindow *self)
{
  gboolean shown = self->data != NULL && self->dataset != NULL
                   && g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "data") == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-report",
                                 shown && self->report_cancellable == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-table", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-report",
                                 self->report_cancellable != NULL);
}

static void
stack_changed_cb (GObject *object, GParamSpec *pspec, gpointer user_data)
{
  update_actions (CAK_WINDOW (user_data));
}

static void
show_error (CakWindow *self, const char *heading, const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _ ("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Writing the workbook */

static gboolean
report_progress_idle_cb (gpointer data)
{
  ReportProgress *progress = data;
  CakWindow *self = progress->window;

  /* A report that has ended, or a window that has closed, shows nothing more */
  if (progress->cancellable == self->report_cancellable && self->report_progress)
    gtk_progress_bar_set_fraction (self->report_progress, progress->fraction);
  return G_SOURCE_REMOVE;
}

/* Worker thread: hands the fraction to the window when it has moved enough to be seen. */
static void
report_progress_cb (double fraction, gpointer user_data)
{
  ReportJob *job = user_data;
  ReportProgress *progress;

  if (fraction < 1.0 && fraction - job->reported < 0.01)
    return;
  job->reported = fraction;
  progress = g_new0 (ReportProgress, 1);
  progress->window = g_object_ref (job->window);
  progress->cancellable = g_object_ref (job->cancellable);
  progress->fraction = fraction;
  g_idle_add_full (G_PRIORITY_DEFAULT, report_progress_idle_cb, progress, report_progress_free);
}

static void
report_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  ReportJob *job = task_data;
  GError *error = NULL;

  if (cak_report_write (job->dataset, &job->options, job->path, cancellable, report_progress_cb,
                        job, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
report_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  CakWindow *self = CAK_WINDOW (source);
  ReportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  if (job->application)
    g_application_release (job->application);
  /* The window closed meanwhile: nothing to show */
  if (g_task_get_cancellable (G_TASK (result)) != self->report_cancellable)
    return;
  g_clear_object (&self->report_cancellable);
  gtk_action_bar_set_revealed (self->report_bar, FALSE);
  update_actions (self);

  if (ok)
    {
      g_autofree char *base = g_path_get_basename (job->path);
      g_autofree char *text = g_strdup_printf (_ ("Report saved as “%s”"), base);

      cak_window_toast_saved (self, text, job->path);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_error (self, _ ("The Report Was Not Saved"), error->message);
}

static void
cancel_report_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CakWindow *self = CAK_WINDOW (widget);

  if (self->report_cancellable == NULL)
    return;
  g_cancellable_cancel (self->report_cancellable);
  gtk_label_set_text (self->report_label, _ ("Cancelling the report…"));
  gtk_widget_action_set_enabled (widget, "win.cancel-report", FALSE);
}

/* The bar under the pages that shows a report being written, with its Cancel button: the
 * window stays in use meanwhile. */
static void
build_bar (CakWindow *self)
{
  GtkWidget *content = gtk_widget_get_parent (GTK_WIDGET (self->toast_overlay));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_ ("_Cancel"));

  self->report_bar = GTK_ACTION_BAR (gtk_action_bar_new ());
  gtk_widget_set_name (GTK_WIDGET (self->report_bar), "report-bar");
  self->report_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_ellipsize (self->report_label, PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_xalign (self->report_label, 0);
  /* Room for the file's name: a bar's start takes no more than it asks for */
  gtk_label_set_width_chars (self->report_label, 56);
  gtk_label_set_max_width_chars (self->report_label, 72);
  self->report_progress = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_widget_set_size_request (GTK_WIDGET (self->report_progress), 280, -1);
  gtk_widget_set_valign (GTK_WIDGET (self->report_progress), GTK_ALIGN_CENTER);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->report_progress),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->report_label, NULL,
                                  -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->report_label));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->report_progress));
  gtk_action_bar_pack_start (self->report_bar, box);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "win.cancel-report");
  gtk_widget_set_tooltip_text (cancel, _ ("Stop writing the report; no file is left behind"));
  gtk_action_bar_pack_end (self->report_bar, cancel);
  gtk_action_bar_set_revealed (self->report_bar, FALSE);

  if (GTK_IS_BOX (content))
    gtk_box_insert_child_after (GTK_BOX (content), GTK_WIDGET (self->report_bar),
                                GTK_WIDGET (self->toast_overlay));
  else
    g_warning ("The report bar has no place in the window");
}

/* The dialog: what the report covers, which sheets, in which language, then where */

typedef struct
{
  CakWindow *window;
  GtkWindow *dialog;
  CakDataset *dataset;
  GPtrArray *provinces; /* const CakRegion*, NULL for the whole country, as listed */
  GArray *periods;      /* CakPeriod, as listed, newest first */
  GArray *compares;     /* CakPeriod, as listed after "No comparison" */
  AdwComboRow *province;
  AdwComboRow *period;
  AdwComboRow *compare;
  AdwComboRow *language;
  GtkSwitch *sheets[G_N_ELEMENTS (optional_sheets)];
} ReportDialog;

static void
report_dialog_free (gpointer data)
{
  ReportDialog *d = data;

  g_clear_object (&d->dataset);
  g_clear_pointer (&d->provinces, g_ptr_array_unref);
  g_clear_pointer (&d->periods, g_array_unref);
  g_clear_pointer (&d->compares, g_array_unref);
  g_free (d);
}

static CakPeriod
chosen_period (ReportDialog *d)
{
  guint i = adw_combo_row_get_selected (d->period);

  return g_array_index (d->periods, CakPeriod, MIN (i, d->periods->len - 1));
}

/* Offers the periods before the one chosen, of its kind; @preferred chosen when there. */
static void
fill_compare (ReportDialog *d, CakPeriod preferred)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  CakPeriod period = chosen_period (d);
  guint selected = 0;

  g_array_set_size (d->compares, 0);
  gtk_string_list_append (names, _ ("No comparison"));
  for (guint i = 0; i < d->periods->len; i++)
    {
      CakPeriod p = g_array_index (d->periods, CakPeriod, i);
      g_autofree char *name = NULL;

      if (p.kind != period.kind || cak_period_compare (p, period) >= 0)
        continue;
      name = cak_period_format (p, d->window->lang);
      g_array_append_val (d->compares, p);
      gtk_string_list_append (names, name);
      if (cak_period_equal (p, preferred))
        selected = d->compares->len;
    }
  adw_combo_row_set_model (d->compare, G_LIST_MODEL (names));
  adw_combo_row_set_selected (d->compare, selected);
}

static void
period_changed_cb (AdwComboRow *row, GParamSpec *pspec, gpointer user_data)
{
  ReportDialog *d = user_data;

  fill_compare (d, cak_chart_default_compare (d->dataset, chosen_period (d)));
}

static void
get_options (ReportDialog *d, CakReportOptions *options)
{
  guint p = adw_combo_row_get_selected (d->province);
  guint c = adw_combo_row_get_selected (d->compare);
  const CakRegion *province = p < d->provinces->len ? g_ptr_array_index (d->provinces, p) : NULL;

  *options = (CakReportOptions){ 0 };
  options->lang = adw_combo_row_get_selected (d->language) == 0 ? CAK_LANG_ID : CAK_LANG_EN;
  options->province_code = province ? province->code : NULL;
  options->period = chosen_period (d);
  options->compare = c > 0 && c <= d->compares->len ? g_array_index (d->compares, CakPeriod, c - 1)
                                                    : (CakPeriod)CAK_PERIOD_INIT_NONE;
  options->sheets = CAK_REPORT_REGENCIES | CAK_REPORT_DATA;
  for (guint i = 0; i < G_N_ELEMENTS (optional_sheets); i++)
    if (d->sheets[i] && gtk_switch_get_active (d->sheets[i]))
      options->sheets |= optional_sheets[i].sheet;
}

static void
report_file_chosen_cb (GtkNativeDialog *chooser, int response, gpointer user_data)
{
  ReportDialog *d = user_data;
  CakWindow *self = d->window;
  g_autoptr (GFile) file = NULL;
  g_autofree char *chosen = NULL;
  g_autofree char *path = NULL;
  g_autofree char *province_code = NULL;
  CakReportOptions options;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  if (file == NULL || (chosen = g_file_get_path (file)) == NULL)
    return;
  path = with_suffix (chosen, ".xlsx");
  get_options (d, &options);
  /* The dialog goes, and its choices with it: the window writes from a copy */
  province_code = g_strdup (options.province_code);
  options.province_code = province_code;
  gtk_window_destroy (d->dialog);
  if (!cak_window_export_report_to (self, path, &options))
    cak_window_toast (self, _ ("A report is being written already"));
}

static void
report_export_clicked_cb (GtkButton *button, gpointer user_data)
{
  ReportDialog *d = user_data;
  GtkFileChooserNative *chooser;
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  guint p = adw_combo_row_get_selected (d->province);
  g_autofree char *name = default_name (
      "monev-cakupan", p < d->provinces->len ? g_ptr_array_index (d->provinces, p) : NULL,
      chosen_period (d), "xlsx");

  chooser = gtk_file_chooser_native_new (_ ("Export Report"), d->dialog,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Export"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _ ("Excel Workbooks"));
  gtk_file_filter_add_suffix (filter, "xlsx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (report_file_chosen_cb), d);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* What the summary will be headed and signed with, or where to set it. */
static char *
describe_signature (CakWindow *self)
{
  g_autofree char *agency = get_setting (self, "agency-name");
  g_autofree char *name = get_setting (self, "signature-name");
  gboolean has_agency = agency && *agency, has_name = name && *name;

  if (has_agency && has_name)
    return g_strdup_printf (_ ("%s; signed by %s. Change them in Preferences."), agency, name);
  if (has_agency)
    return g_strdup_printf (_ ("%s; no signatory yet: add one in Preferences."), agency);
  if (has_name)
    return g_strdup_printf (_ ("Signed by %s; no agency yet: add it in Preferences."), name);
  return g_strdup (_ ("Not set yet: add the agency and the signatory in Preferences."));
}

static void
export_report_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CakWindow *self = CAK_WINDOW (widget);
  ReportDialog *d;
  GtkWidget *window, *box, *header, *page, *button, *row;
  AdwPreferencesGroup *group;
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *languages[] = { _ ("Indonesian"), _ ("English") };
  guint selected = 0;

  if (self->data == NULL || self->dataset == NULL || self->periods == NULL
      || self->periods->len == 0 || self->report_cancellable)
    return;

  d = g_new0 (ReportDialog, 1);
  d->window = self;
  d->dataset = g_object_ref (self->dataset);
  d->provinces = g_ptr_array_new ();
  d->periods = g_array_copy (self->periods);
  d->compares = g_array_new (FALSE, FALSE, sizeof (CakPeriod));

  window = adw_window_new ();
  d->dialog = GTK_WINDOW (window);
  g_object_set_data_full (G_OBJECT (window), "report-dialog", d, report_dialog_free);
  gtk_window_set_title (d->dialog, _ ("Export Report"));
  gtk_window_set_transient_for (d->dialog, GTK_WINDOW (self));
  gtk_window_set_modal (d->dialog, TRUE);
  gtk_window_set_default_size (d->dialog, 560, 640);
  gtk_window_set_destroy_with_parent (d->dialog, TRUE);
  cak_accessible_close_on_escape (d->dialog);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_title_widget (
      ADW_HEADER_BAR (header),
      adw_window_title_new (_ ("Export Report"), _ ("Monitoring and evaluation workbook")));
  /* Cancel and Export, both in the Tab order; the title bar's own close button is not */
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  button = gtk_button_new_with_mnemonic (_ ("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), button);
  button = gtk_button_new_with_mnemonic (_ ("_Export…"));
  gtk_widget_add_css_class (button, "suggested-action");
  g_signal_connect (button, "clicked", G_CALLBACK (report_export_clicked_cb), d);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), button);
  gtk_box_append (GTK_BOX (box), header);
  page = adw_preferences_page_new ();
  gtk_widget_set_vexpand (page, TRUE);

  /* What it covers: the window's choices first */
  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _ ("Region and Period"));
  for (guint i = 0; self->provinces && i < self->provinces->len; i++)
    {
      const CakRegion *province = g_ptr_array_index (self->provinces, i);

      /* The country (NULL) is offered last, as every province */
      if (province == NULL)
        continue;
      g_ptr_array_add (d->provinces, (gpointer)province);
      g_ptr_array_add (names, g_strdup (province->name));
      if (self->data->province == province)
        selected = d->provinces->len - 1;
    }
  if (d->provinces->len > 1)
    {
      g_ptr_array_add (d->provinces, NULL);
      g_ptr_array_add (names, g_strdup (_ ("Indonesia (every province)")));
      if (self->data->province == NULL)
        selected = d->provinces->len - 1;
    }
  d->province
      = cak_window_combo_row (group, _ ("Province"), (const char *const *)names->pdata, names->len);
  adw_combo_row_set_selected (d->province, selected);

  g_ptr_array_set_size (names, 0);
  selected = 0;
  for (guint i = 0; i < d->periods->len; i++)
    {
      CakPeriod p = g_array_index (d->periods, CakPeriod, i);

      g_ptr_array_add (names, cak_period_format (p, self->lang));
      if (cak_period_equal (p, self->data->period))
        selected = i;
    }
  d->period
      = cak_window_combo_row (group, _ ("Period"), (const char *const *)names->pdata, names->len);
  adw_combo_row_set_selected (d->period, selected);
  d->compare = cak_window_combo_row (group, _ ("Compared with"), NULL, 0);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (d->compare),
                               _ ("The change in coverage since then"));
  fill_compare (d, self->data->compare);
  g_signal_connect (d->period, "notify::selected", G_CALLBACK (period_changed_cb), d);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);

  /* The workbook's language, heading and signature */
  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _ ("Workbook"));
  d->language = cak_window_combo_row (group, _ ("Language"), languages, G_N_ELEMENTS (languages));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (d->language),
                               _ ("Of the sheet names, headings, notes and number formats"));
  adw_combo_row_set_selected (d->language, self->lang == CAK_LANG_ID ? 0 : 1);
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _ ("Heading and Signature"));
  {
    g_autofree char *text = describe_signature (self);

    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
  }
  adw_preferences_group_add (group, row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);

  /* Which sheets */
  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _ ("Sheets"));
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _ ("Regencies and Data"));
  adw_action_row_set_subtitle (
      ADW_ACTION_ROW (row),
      _ ("Always included: the other sheets’ formulas refer to the regency sheet, and opening "
         "the workbook in Cakupan reads its data sheet"));
  {
    GtkWidget *on = gtk_switch_new ();

    gtk_switch_set_active (GTK_SWITCH (on), TRUE);
    gtk_widget_set_sensitive (on, FALSE);
    gtk_widget_set_valign (on, GTK_ALIGN_CENTER);
    cak_accessible_name (on, _ ("Regencies and Data"));
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), on);
  }
  adw_preferences_group_add (group, row);
  for (guint i = 0; i < G_N_ELEMENTS (optional_sheets); i++)
    {
      /* The monev's sheets need a project that recorded it */
      if ((optional_sheets[i].sheet & (CAK_REPORT_ACTIONS | CAK_REPORT_CHECKLIST))
          && self->project == NULL)
        continue;
      row = adw_action_row_new ();
      d->sheets[i] = GTK_SWITCH (gtk_switch_new ());
      gtk_switch_set_active (d->sheets[i], TRUE);
      gtk_widget_set_valign (GTK_WIDGET (d->sheets[i]), GTK_ALIGN_CENTER);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _ (optional_sheets[i].title));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _ (optional_sheets[i].subtitle));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (d->sheets[i]));
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (d->sheets[i]));
      adw_preferences_group_add (group, row);
    }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);

  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_set_default_widget (d->dialog, button);
  gtk_window_present (d->dialog);
}

/* The table as CSV */

static void
table_file_chosen_cb (GtkNativeDialog *chooser, int response, gpointer user_data)
{
  CakWindow *self = user_data;
  g_autoptr (GFile) file = NULL;
  g_autofree char *chosen = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  if (file == NULL || (chosen = g_file_get_path (file)) == NULL)
    return;
  path = with_suffix (chosen, ".csv");
  if (!cak_window_export_table_to (self, path, &error))
    show_error (self, _ ("The Table Was Not Saved"), error->message);
}

static void
export_table_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CakWindow *self = CAK_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  if (self->data == NULL)
    return;
  name = default_name ("cakupan", self->data->province, self->data->period, "csv");
  chooser = gtk_file_chooser_native_new (_ ("Export Table as CSV"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Export"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _ ("CSV Files"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (table_file_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Internal API */

void
cak_window_report_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export-report", NULL,
                                   export_report_action_cb);
  gtk_widget_class_install_action (widget_class, "win.cancel-report", NULL,
                                   cancel_report_action_cb);
  gtk_widget_class_install_action (widget_class, "win.export-table", NULL, export_table_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK,
                                       "win.export-report", NULL);
}

void
cak_window_report_init (CakWindow *self)
{
  build_bar (self);
  g_signal_connect_object (self->stack, "notify::visible-child", G_CALLBACK (stack_changed_cb),
                           self, 0);
  update_actions (self);
}

void
cak_window_report_dispose (CakWindow *self)
{
  if (self->report_cancellable)
    g_cancellable_cancel (self->report_cancellable);
  g_clear_object (&self->report_cancellable);
  /* The bar goes with the window's content */
  self->report_bar = NULL;
  self->report_label = NULL;
  self->report_progress = NULL;
}

/* Preferences: what heads the summary and signs it off */
void
cak_window_report_add_preferences (CakWindow *self, AdwPreferencesPage *page)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  adw_preferences_group_set_title (group, _ ("Reports"));
  adw_preferences_group_set_description (
      group, _ ("The agency heads the summary of the Excel report; the place, the position, the "
                "name and the NIP end it as the signature block, under the date. Empty fields "
                "are left out."));
  for (guint i = 0; i < G_N_ELEMENTS (signature_keys); i++)
    {
      GtkWidget *row = adw_entry_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _ (signature_keys[i].title));
      gtk_widget_set_name (row, signature_keys[i].key);
      if (self->settings)
        g_settings_bind (self->settings, signature_keys[i].key, row, "text",
                         G_SETTINGS_BIND_DEFAULT);
      else
        gtk_widget_set_sensitive (row, FALSE);
      adw_preferences_group_add (group, row);
    }
  adw_preferences_page_add (page, group);
}

/* Public API */

/**
 * cak_window_export_report_to:
 * @path: the .xlsx file to write
 * @options: what the report covers, its sheets and language; the fields from Preferences, the
 *   sources and the date are filled in where NULL
 *
 * Writes the monev workbook of the data shown in a worker thread, showing its progress in the
 * window with a Cancel button, then a toast when it is saved.
 *
 * Returns: %FALSE when there is no data, or a report is being written already
 */
gboolean
cak_window_export_report_to (CakWindow *self, const char *path, const CakReportOptions *options)
{
  g_autoptr (GTask) task = NULL;
  g_autofree char *base = NULL;
  g_autofree char *text = NULL;
  ReportJob *job;

  g_return_val_if_fail (CAK_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (cak_period_is_valid (options->period), FALSE);

  if (self->dataset == NULL || self->report_cancellable != NULL)
    return FALSE;

  job = g_new0 (ReportJob, 1);
  job->window = self;
  /* A project's dataset goes on changing while the workbook is written (files added in a
   * thread, targets typed): the worker reads a copy of it as it stands now */
  job->dataset = self->project ? cak_dataset_copy (self->dataset) : g_object_ref (self->dataset);
  job->path = g_strdup (path);
  job->options = *options;
  job->options.province_code = job->province_code = g_strdup (options->province_code);
#define FILL(field, store, key)                                                                    \
  job->options.field = job->store                                                                  \
      = options->field ? g_strdup (options->field) : get_setting (self, key)
  FILL (agency, agency, "agency-name");
  FILL (place, place, "signature-place");
  FILL (signer_position, position, "signature-position");
  FILL (signer_name, name, "signature-name");
  FILL (signer_nip, nip, "signature-nip");
#undef FILL
  job->options.sources = job->sources
      = options->sources ? g_strdup (options->sources) : cak_window_describe_files (self);
  job->options.date = job->date
      = options->date ? g_date_time_ref (options->date) : g_date_time_new_now_local ();
  /* The project's monev, as it is now: the worker reads a copy the window does not change */
  if (options->monev)
    job->monev = cak_monev_copy (options->monev);
  else if (self->project)
    job->monev = cak_monev_copy (cak_project_get_monev (self->project));
  job->options.monev = job->monev;

  /* Closing the window cancels the report; the application waits for the worker to remove
   * the part it wrote */
  if (gtk_window_get_application (GTK_WINDOW (self)))
    {
      job->application
          = G_APPLICATION (g_object_ref (gtk_window_get_application (GTK_WINDOW (self))));
      g_application_hold (job->application);
    }
  self->report_cancellable = g_cancellable_new ();
  job->cancellable = self->report_cancellable;
  task = g_task_new (self, self->report_cancellable, report_done_cb, NULL);
  g_task_set_source_tag (task, cak_window_export_report_to);
  /* A report finished before the cancel came is saved, and said so */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, job, report_job_free);

  base = g_path_get_basename (path);
  /* Translators: %s is the workbook's file name */
  text = g_strdup_printf (_ ("Writing the report “%s”…"), base);
  gtk_label_set_text (self->report_label, text);
  gtk_progress_bar_set_fraction (self->report_progress, 0);
  gtk_action_bar_set_revealed (self->report_bar, TRUE);
  update_actions (self);
  g_task_run_in_thread (task, report_thread);
  return TRUE;
}

/**
 * cak_window_is_writing_report:
 *
 * Returns: whether a report is being written
 */
gboolean
cak_window_is_writing_report (CakWindow *self)
{
  g_return_val_if_fail (CAK_IS_WINDOW (self), FALSE);

  return self->report_cancellable != NULL;
}

/**
 * cak_window_export_table_to:
 * @path: the .csv file to write
 *
 * Writes the table shown (its province, period and comparison) as CSV in the interface
 * language, then says so in a toast.
 *
 * Returns: %TRUE when the file was written
 */
gboolean
cak_window_export_table_to (CakWindow *self, const char *path, GError **error)
{
  CakReportOptions options = { 0 };
  g_autofree char *sources = NULL;
  g_autofree char *base = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (CAK_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->data == NULL || self->dataset == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _ ("There is no table to export: open a file first."));
      return FALSE;
    }
  sources = cak_window_describe_files (self);
  options.lang = self->lang;
  options.province_code = self->data->province ? self->data->province->code : NULL;
  options.period = self->data->period;
  options.compare = self->data->compare;
  options.sources = sources;
  if (!cak_report_write_csv (self->dataset, &options, path, error))
    return FALSE;
  base = g_path_get_basename (path);
  text = g_strdup_printf (_ ("Table saved as “%s”"), base);
  cak_window_toast_saved (self, text, path);
  return TRUE;
}
