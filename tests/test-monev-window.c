/* test-monev-window.c: typing a monev in the window: targets, actions, the checklist and a
 * meeting, kept in the project through closing, reopening and the next month's file
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-monev-window"

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "cak-application.h"
#include "cak-chart-view.h"
#include "cak-indicators.h"
#include "cak-window.h"

#include "ui-test-util.h"

static CakApplication *app;

static const char january[] = "Kode,Kabupaten/Kota,Periode,Peserta Aktif,Penduduk Bekerja\n"
                              "35.05,Kabupaten Blitar,2026-01,114377,449717\n"
                              "35.72,Kota Blitar,2026-01,27000,80000\n"
                              "35.10,Kabupaten Banyuwangi,2026-01,123000,647000\n"
                              "35.16,Kabupaten Mojokerto,2026-01,150000,560000\n";
static const char february[] = "Kode,Kabupaten/Kota,Periode,Peserta Aktif,Penduduk Bekerja\n"
                               "35.05,Kabupaten Blitar,2026-02,115000,449717\n"
                               "35.72,Kota Blitar,2026-02,27100,80000\n"
                               "35.10,Kabupaten Banyuwangi,2026-02,124000,647000\n"
                               "35.16,Kabupaten Mojokerto,2026-02,151000,560000\n";

/* Lets idle work (the window's refresh after a change) run. */
static void
settle (void)
{
  for (int i = 0; i < 50 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

static GtkWidget *
find_named (GtkWidget *widget, const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_named (c, name);

      if (found)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_of_type (GtkWidget *widget, GType type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type)
      && (type != GTK_TYPE_STACK || gtk_stack_get_child_by_name (GTK_STACK (widget), "loading")))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_of_type (c, type);

      if (found)
        return found;
    }
  return NULL;
}

/* A label under @widget whose text holds @text */
static GtkWidget *
find_label (GtkWidget *widget, const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_label (c, text);

      if (found)
        return found;
    }
  return NULL;
}

static GtkWindow *
find_dialog (CakWindow *window, const char *title)
{
  g_autoptr (GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l; l = l->next)
    if (gtk_window_get_transient_for (l->data) == GTK_WINDOW (window)
        && !GTK_IS_SHORTCUTS_WINDOW (l->data)
        && (title == NULL || g_strcmp0 (gtk_window_get_title (l->data), title) == 0))
      return l->data;
  return NULL;
}

static GtkWindow *
dialog_of (CakWindow *window, const char *title)
{
  GtkWindow *dialog = find_dialog (window, title);

  g_assert_nonnull (dialog);
  return dialog;
}

/* Escape closes @dialog: its shortcut is the window's close action, which is activated here. */
static void
escape (GtkWindow *dialog)
{
  gboolean found = FALSE;
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (dialog));

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !found; i++)
    {
      g_autoptr (GObject) c = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (c))
        continue;
      for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (c)) && !found; k++)
        {
          g_autoptr (GtkShortcut) s = g_list_model_get_item (G_LIST_MODEL (c), k);
          GtkShortcutTrigger *t = gtk_shortcut_get_trigger (s);
          GtkShortcutAction *a = gtk_shortcut_get_action (s);

          found = GTK_IS_KEYVAL_TRIGGER (t)
                  && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (t)) == GDK_KEY_Escape
                  && GTK_IS_NAMED_ACTION (a)
                  && g_strcmp0 (gtk_named_action_get_action_name (GTK_NAMED_ACTION (a)),
                                "window.close")
                         == 0;
        }
    }
  g_assert_true (found);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));
}

static gboolean
dataset_loaded (gpointer data)
{
  GtkStack *stack = g_object_get_data (G_OBJECT (data), "test-stack");

  return cak_window_get_dataset (data) != NULL
         && g_strcmp0 (gtk_stack_get_visible_child_name (stack), "data") == 0;
}

static CakWindow *
new_window (void)
{
  CakWindow *window = cak_window_new (app);

  g_object_set_data (G_OBJECT (window), "test-stack",
                     find_of_type (GTK_WIDGET (window), GTK_TYPE_STACK));
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static CakMonev *
monev_of (CakWindow *window)
{
  CakProject *project = cak_window_get_project (window);

  return project ? cak_project_get_monev (project) : NULL;
}

static gboolean
has_four_targets (gpointer data)
{
  CakMonev *monev = monev_of (data);

  return dataset_loaded (data) && monev && cak_monev_get_targets (monev)->len == 4;
}

static gboolean
project_has_target (gpointer data)
{
  CakMonev *monev = monev_of (data);

  return dataset_loaded (data) && monev && cak_monev_get_targets (monev)->len == 1;
}

/* Types @text in the entry named @name of @dialog and presses Enter. */
static void
type_target (GtkWindow *dialog, const char *name, const char *text)
{
  GtkWidget *entry = find_named (GTK_WIDGET (dialog), name);

  g_assert_nonnull (entry);
  gtk_widget_grab_focus (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "activate");
}

static void
set_text (GtkWindow *dialog, const char *name, const char *text)
{
  GtkWidget *row = find_named (GTK_WIDGET (dialog), name);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static double
target_of (CakWindow *window, const char *code, const char *period_text, CakTargetOrigin *origin)
{
  CakPeriod period;

  g_assert_true (cak_period_parse (period_text, &period));
  return cak_indicators_find_target (
      cak_window_get_dataset (window),
      cak_region_catalog_lookup_code (cak_region_catalog_get_default (), code), period, origin);
}

static void
check_targets (CakWindow *window, const char *period)
{
  static const struct
  {
    const char *code;
    double pct;
    CakTargetOrigin origin;
  } expected[] = {
    { "35.05", 40, CAK_TARGET_TYPED },
    { "35.72", 35.5, CAK_TARGET_TYPED },
    { "35.10", 30, CAK_TARGET_TYPED },
    { "35.16", 34.99, CAK_TARGET_TYPED_PROVINCE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      CakTargetOrigin origin = CAK_TARGET_NONE;

      g_assert_cmpfloat_with_epsilon (target_of (window, expected[i].code, period, &origin),
                                      expected[i].pct, 1e-9);
      g_assert_cmpint (origin, ==, expected[i].origin);
    }
}

static gboolean
no_dialog (gpointer data)
{
  GtkWindow *left = find_dialog (data, NULL);

  if (left && g_test_verbose ())
    g_printerr ("# still open: %s, %s\n", G_OBJECT_TYPE_NAME (left), gtk_window_get_title (left));
  return left == NULL;
}

/* Adds an action for @code through its dialog: @enter presses Enter in a field, else the Add
 * button is clicked. */
static void
add_action (CakWindow *window, const char *code, const char *what, const char *office,
            const char *due, gboolean enter)
{
  GtkWindow *dialog;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-action", "s", code);
  dialog = dialog_of (window, "New Action");
  set_text (dialog, "action-text", what);
  set_text (dialog, "action-office", office);
  set_text (dialog, "action-due", due);
  if (enter)
    g_signal_emit_by_name (find_named (GTK_WIDGET (dialog), "action-due"), "entry-activated");
  else
    gtk_widget_activate (gtk_window_get_default_widget (dialog));
  uitu_wait_until (no_dialog, window);
}

static void
select_region (CakWindow *window, const char *code)
{
  CakChartView *chart = CAK_CHART_VIEW (find_of_type (GTK_WIDGET (window), CAK_TYPE_CHART_VIEW));

  cak_chart_view_select_code (chart, code);
  settle ();
}

static GtkWidget *
detail (CakWindow *window)
{
  GtkWidget *box = find_named (GTK_WIDGET (window), "detail-monev");

  g_assert_nonnull (box);
  return box;
}

static gboolean
message_shown (gpointer data)
{
  g_autoptr (GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_mapped (l->data))
      return TRUE;
  return FALSE;
}

static gboolean
project_saved (gpointer data)
{
  CakProject *project = cak_window_get_project (data);

  return project && cak_project_get_file (project) != NULL && dataset_loaded (data);
}

static gboolean
february_added (gpointer data)
{
  CakTargetOrigin origin;

  return dataset_loaded (data) && !isnan (target_of (data, "35.05", "2026-02", &origin))
         && cak_dataset_get_reporting_periods (cak_window_get_dataset (data))->len == 2;
}

static void
destroyed_cb (GtkWidget *widget, gpointer data)
{
  *(gboolean *)data = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *)data;
}

static void
remove_dir (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

static const CakAction *
action_of (CakMonev *monev, const char *code)
{
  g_autoptr (GPtrArray) list = cak_monev_list_actions (
      monev, cak_region_catalog_lookup_code (cak_region_catalog_get_default (), code), 0);

  g_assert_cmpuint (list->len, ==, 1);
  return g_ptr_array_index (list, 0);
}

static void
test_monev_window_cycle (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cakupan-monev-window-XXXXXX", NULL);
  g_autofree char *january_path = g_build_filename (dir, "jatim-januari.csv", NULL);
  g_autofree char *february_path = g_build_filename (dir, "jatim-februari.csv", NULL);
  g_autofree char *project_path = g_build_filename (dir, "monev.cakupan", NULL);
  g_autoptr (GFile) project_file = g_file_new_for_path (project_path);
  const CakRegion *blitar
      = cak_region_catalog_lookup_code (cak_region_catalog_get_default (), "35.05");
  CakWindow *window;
  GtkWindow *dialog, *question;
  GtkWidget *check, *status;
  CakMonev *monev;
  const CakChecklist *checklist;
  const CakMeeting *meeting;
  GListModel *compares;
  gboolean destroyed = FALSE;

  g_assert_true (g_file_set_contents (january_path, january, -1, NULL));
  g_assert_true (g_file_set_contents (february_path, february, -1, NULL));

  /* Files without a project: the first target typed makes the unsaved project of them */
  window = new_window ();
  uitu_open_path (window, january_path);
  uitu_wait_until (dataset_loaded, window);
  g_assert_null (cak_window_get_project (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.targets", NULL);
  dialog = dialog_of (window, "Targets");
  type_target (dialog, "target-35", "34,99");
  uitu_wait_until (project_has_target, window);
  g_assert_true (cak_project_get_modified (cak_window_get_project (window)));
  g_assert_null (cak_project_get_file (cak_window_get_project (window)));

  /* Three regencies' own, in either way of writing a decimal */
  type_target (dialog, "target-35.05", "40");
  type_target (dialog, "target-35.72", "35.5");
  type_target (dialog, "target-35.10", "30 %");
  uitu_wait_until (has_four_targets, window);
  settle ();
  check_targets (window, "2026-01");
  /* The dialog says where each comes from */
  g_assert_nonnull (find_label (GTK_WIDGET (dialog), "34.99%, the province's"));
  g_assert_nonnull (find_label (GTK_WIDGET (dialog), "40.00%, its own, typed"));
  escape (dialog);
  uitu_wait_until (no_dialog, window);

  /* A meeting, then an action agreed at it for two regencies, by the button and by Enter */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.meetings", NULL);
  dialog = dialog_of (window, "Meetings");
  set_text (dialog, "meeting-date", "2026-02-10");
  set_text (dialog, "meeting-title", "Rakor monev Januari");
  g_signal_emit_by_name (find_named (GTK_WIDGET (dialog), "save"), "clicked");
  settle ();
  g_assert_cmpuint (cak_monev_get_meetings (monev_of (window))->len, ==, 1);
  g_assert_nonnull (find_label (GTK_WIDGET (dialog), "Rakor monev Januari"));
  escape (dialog);
  uitu_wait_until (no_dialog, window);
  add_action (window, "35.05", "Sosialisasi BPU ke 12 desa", "Disnaker", "2026-03-31", FALSE);
  add_action (window, "35.10", "Daftarkan 5.000 nelayan dari APBD", "Dinas Perikanan", "2026-06-30",
              TRUE);
  monev = monev_of (window);
  g_assert_cmpuint (cak_monev_get_actions (monev)->len, ==, 2);
  meeting = cak_monev_get_last_meeting (monev);
  g_assert_cmpint (action_of (monev, "35.05")->meeting_id, ==, meeting->id);
  g_assert_cmpstr (action_of (monev, "35.10")->office, ==, "Dinas Perikanan");

  /* A date that is not one is said in the dialog, which stays open */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-action", "s", "35.16");
  dialog = dialog_of (window, "New Action");
  set_text (dialog, "action-text", "Rapat OPD");
  set_text (dialog, "action-due", "akhir Maret");
  g_signal_emit_by_name (gtk_window_get_default_widget (dialog), "clicked");
  g_assert_nonnull (find_label (GTK_WIDGET (dialog), "is not a date"));
  escape (dialog);
  uitu_wait_until (no_dialog, window);
  g_assert_cmpuint (cak_monev_get_actions (monev)->len, ==, 2);

  /* The checklist of one regency, in its dialog and as a tick in the table */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-checklist", "s", "35.05");
  dialog = dialog_of (window, "Inpres 2/2021 Checklist");
  gtk_switch_set_active (GTK_SWITCH (find_named (GTK_WIDGET (dialog), "checklist-item-0")), TRUE);
  set_text (dialog, "checklist-ref", "Perbup 25/2021");
  set_text (dialog, "checklist-date", "2021-06-30");
  gtk_switch_set_active (GTK_SWITCH (find_named (GTK_WIDGET (dialog), "checklist-item-1")), TRUE);
  set_text (dialog, "checklist-apbd-workers", "5000");
  gtk_widget_activate (gtk_window_get_default_widget (dialog));
  uitu_wait_until (no_dialog, window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.checklist", NULL);
  dialog = dialog_of (window, "Inpres 2/2021 Checklist");
  settle ();
  check = find_named (GTK_WIDGET (dialog), "check-35.05-0");
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_nonnull (find_label (GTK_WIDGET (dialog), "Perbup 25/2021"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_named (GTK_WIDGET (dialog), "check-35.05-3")),
                               TRUE);
  escape (dialog);
  uitu_wait_until (no_dialog, window);
  checklist = cak_monev_get_checklist (monev, blitar);
  g_assert_nonnull (checklist);
  g_assert_true (checklist->regulation && checklist->apbd && checklist->non_asn);
  g_assert_false (checklist->village_funds);
  g_assert_cmpfloat (checklist->apbd_workers, ==, 5000);
  g_assert_true (isnan (checklist->apbd_rupiah));

  /* The detail panel shows them, and changes the status */
  select_region (window, "35.05");
  g_assert_nonnull (find_label (detail (window), "Sosialisasi BPU ke 12 desa"));
  g_assert_nonnull (find_label (detail (window), "Perbup 25/2021"));
  g_assert_nonnull (find_label (detail (window), "agreed at Rakor monev Januari"));
  status = find_of_type (find_named (detail (window), "action"), GTK_TYPE_DROP_DOWN);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (status), CAK_ACTION_IN_PROGRESS);
  settle ();
  g_assert_cmpint (action_of (monev, "35.05")->status, ==, CAK_ACTION_IN_PROGRESS);

  /* Closing the unsaved project asks; saved, it closes without a question */
  gtk_window_close (GTK_WINDOW (window));
  uitu_wait_until (message_shown, NULL);
  question = find_dialog (window, NULL);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (question));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (question), "cancel");
  settle ();
  g_assert_true (cak_window_save_project_to (window, project_file));
  uitu_wait_until (project_saved, window);
  g_signal_connect (window, "destroy", G_CALLBACK (destroyed_cb), &destroyed);
  gtk_window_close (GTK_WINDOW (window));
  uitu_wait_until (is_true, &destroyed);

  /* Reopened, then the next month's file: everything typed is there and applies */
  window = new_window ();
  uitu_open_path (window, project_path);
  uitu_wait_until (has_four_targets, window);
  monev = monev_of (window);
  g_assert_cmpuint (cak_monev_get_actions (monev)->len, ==, 2);
  g_assert_cmpint (action_of (monev, "35.05")->status, ==, CAK_ACTION_IN_PROGRESS);
  g_assert_nonnull (cak_monev_get_checklist (monev, blitar));
  check_targets (window, "2026-01");
  uitu_open_path (window, february_path);
  uitu_wait_until (february_added, window);
  settle ();
  check_targets (window, "2026-02");

  /* "Since the last meeting" compares February with the January the meeting reviewed */
  compares = gtk_drop_down_get_model (GTK_DROP_DOWN (
      gtk_widget_get_template_child (GTK_WIDGET (window), CAK_TYPE_WINDOW, "compare_dropdown")));
  g_assert_nonnull (compares);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (compares), 1), ==,
                   "Since the last meeting (January 2026)");

  /* What was agreed last time, and where it stands */
  select_region (window, "35.05");
  g_assert_nonnull (find_label (detail (window), "Sosialisasi BPU ke 12 desa"));
  status = find_of_type (find_named (detail (window), "action"), GTK_TYPE_DROP_DOWN);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (status)), ==,
                    CAK_ACTION_IN_PROGRESS);

  destroyed = FALSE;
  g_signal_connect (window, "destroy", G_CALLBACK (destroyed_cb), &destroyed);
  gtk_window_close (GTK_WINDOW (window));
  uitu_wait_until (is_true, &destroyed);
  remove_dir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  app = cak_application_new ();
  g_test_add_func ("/monev-window/cycle", test_monev_window_cycle);
  return uitu_run (app, argv[0]);
}
