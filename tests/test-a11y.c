/* test-a11y.c: every dialog closes with Escape, every control has a name a screen reader can
 * say, the table is one Tab stop, and the shortcuts window lists the window's shortcuts
 *
 * CAK_A11Y_DUMP=1 prints every control's name as the test computes it, and the Tab chain.
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-a11y"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cak-application.h"
#include "cak-chart-view.h"
#include "cak-slide-view.h"
#include "cak-window.h"

#include "ui-test-util.h"

static CakApplication *app;

/* ---- Running the main loop ------------------------------------------------------------- */

/* Lets the main loop settle: layouts, idles and transitions done. */
static void
settle (void)
{
  uitu_spin (500);
}

static GtkWidget *
find_of_type (GtkWidget *widget, GType type)
{
  g_autoptr (GPtrArray) found = g_ptr_array_new ();

  uitu_collect_of_type (widget, type, found);
  return found->len > 0 ? g_ptr_array_index (found, 0) : NULL;
}

static GtkStack *
find_stack_with (GtkWidget *root, const char *page)
{
  g_autoptr (GPtrArray) stacks = g_ptr_array_new ();

  uitu_collect_of_type (root, GTK_TYPE_STACK, stacks);
  for (guint i = 0; i < stacks->len; i++)
    if (gtk_stack_get_child_by_name (g_ptr_array_index (stacks, i), page))
      return g_ptr_array_index (stacks, i);
  return NULL;
}

static gboolean
dataset_loaded (gpointer data)
{
  GtkStack *stack = find_stack_with (data, "loading");

  return cak_window_get_dataset (data) != NULL
         && g_strcmp0 (gtk_stack_get_visible_child_name (stack), "data") == 0;
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static CakWindow *
window_on_sample (void)
{
  CakWindow *window = cak_window_new (app);
  g_autofree char *sample = cak_application_find_sample ();
  g_autoptr (GFile) file = NULL;

  g_assert_nonnull (sample);
  file = g_file_new_for_path (sample);
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  cak_window_open_files (window, &file, 1, FALSE);
  uitu_wait_until (dataset_loaded, window);
  return window;
}

/* ---- What a screen reader hears -------------------------------------------------------- */

/* The accessible LABEL property of @accessible, or NULL. GTK 4.8 has no public getter: the
 * test API hands the value back when it differs from the one asked for. */
static char *
label_of (GtkAccessible *accessible)
{
  if (!gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL))
    return NULL;
  return gtk_test_accessible_check_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                             "\x01 not this \x01");
}

static void
collect_all (GtkWidget *widget, GPtrArray *out)
{
  g_ptr_array_add (out, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    collect_all (child, out);
}

/* The parts of the name GTK 4.8 gives @widget over AT-SPI (gtk_at_context_get_name): its
 * label, then the labels of the widgets it is labelled by; with neither, its type's name,
 * which is what Orca then says ("GtkImage"). */
static GPtrArray *
name_parts (GtkWidget *widget, GPtrArray *everyone)
{
  GPtrArray *parts = g_ptr_array_new_with_free_func (g_free);
  char *label = label_of (GTK_ACCESSIBLE (widget));

  if (label)
    g_ptr_array_add (parts, label);
  if (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget),
                                        GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    {
      gboolean found = FALSE;

      for (guint i = 0; i < everyone->len && !found; i++)
        {
          GtkWidget *other = g_ptr_array_index (everyone, i);
          g_autofree char *differs = gtk_test_accessible_check_relation (
              GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY, other, NULL);

          if (differs == NULL)
            {
              char *other_label = label_of (GTK_ACCESSIBLE (other));

              found = TRUE;
              if (other_label)
                g_ptr_array_add (parts, other_label);
              else if (parts->len == 0)
                g_ptr_array_add (parts, g_strdup (G_OBJECT_TYPE_NAME (other)));
            }
        }
      /* Labelled by several widgets: counted as named, by something this test cannot read */
      if (!found && parts->len == 0)
        g_ptr_array_add (parts, g_strdup ("(labelled by several)"));
    }
  if (parts->len == 0)
    g_ptr_array_add (parts, g_strdup (G_OBJECT_TYPE_NAME (widget)));
  return parts;
}

static gboolean
is_control_role (GtkAccessibleRole role)
{
  switch (role)
    {
      case GTK_ACCESSIBLE_ROLE_BUTTON:
      case GTK_ACCESSIBLE_ROLE_CHECKBOX:
      case GTK_ACCESSIBLE_ROLE_COMBO_BOX:
      case GTK_ACCESSIBLE_ROLE_LINK:
      case GTK_ACCESSIBLE_ROLE_MENU_ITEM:
      case GTK_ACCESSIBLE_ROLE_RADIO:
      case GTK_ACCESSIBLE_ROLE_SEARCH_BOX:
      case GTK_ACCESSIBLE_ROLE_SLIDER:
      case GTK_ACCESSIBLE_ROLE_SPIN_BUTTON:
      case GTK_ACCESSIBLE_ROLE_SWITCH:
      case GTK_ACCESSIBLE_ROLE_TEXT_BOX:
        return TRUE;
      default:
        return FALSE;
    }
}

/* Whether @name is what GTK says for a widget nobody named: a type's name */
static gboolean
is_type_name (const char *name)
{
  return g_type_from_name (name) != 0;
}

/* The same words said twice ("_Open… Open…"): a label with its mnemonic and the child label */
static gboolean
says_twice (GPtrArray *parts)
{
  for (guint i = 0; i < parts->len; i++)
    for (guint j = i + 1; j < parts->len; j++)
      {
        g_autoptr (GString) a = g_string_new (g_ptr_array_index (parts, i));
        g_autoptr (GString) b = g_string_new (g_ptr_array_index (parts, j));

        g_string_replace (a, "_", "", 0);
        g_string_replace (b, "_", "", 0);
        if (g_strcmp0 (a->str, b->str) == 0)
          return TRUE;
      }
  return FALSE;
}

/* Every control of @root that is shown and can be reached (focused or clicked) has a name of
 * its own, said once; the faults are added to @faults as "Type: what is said". */
static void
check_names (GtkWidget *root, GPtrArray *faults)
{
  g_autoptr (GPtrArray) everyone = g_ptr_array_new ();

  collect_all (root, everyone);
  for (guint i = 0; i < everyone->len; i++)
    {
      GtkWidget *widget = g_ptr_array_index (everyone, i);
      GtkAccessibleRole role = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget));
      g_autoptr (GPtrArray) parts = NULL;
      g_autofree char *said = NULL;

      if (g_getenv ("CAK_A11Y_DUMP") && CAK_IS_CHART_VIEW (widget))
        g_printerr ("# chart %d mapped %d childvis %d focusable %d role %d\n",
                    cak_chart_view_get_kind (CAK_CHART_VIEW (widget)),
                    gtk_widget_get_mapped (widget), gtk_widget_get_child_visible (widget),
                    gtk_widget_get_focusable (widget), role);
      if (!gtk_widget_get_mapped (widget) || !gtk_widget_get_child_visible (widget))
        continue;
      /* Controls, and anything else the keyboard stops at (the charts) */
      if (!is_control_role (role)
          && !(gtk_widget_get_focusable (widget) && role == GTK_ACCESSIBLE_ROLE_IMG))
        continue;
      parts = name_parts (widget, everyone);
      g_ptr_array_add (parts, NULL);
      said = g_strjoinv (" ", (char **)parts->pdata);
      g_ptr_array_remove_index (parts, parts->len - 1);
      if (g_getenv ("CAK_A11Y_DUMP"))
        g_printerr ("# %s [%d]: %s\n", G_OBJECT_TYPE_NAME (widget), role, said);
      if (g_getenv ("CAK_A11Y_DUMP") && GTK_IS_BUTTON (widget))
        {
          GtkWidget *child = gtk_button_get_child (GTK_BUTTON (widget));

          g_printerr ("#   child %s, icon %s, tooltip %s, css %s\n",
                      child ? G_OBJECT_TYPE_NAME (child) : "none",
                      gtk_button_get_icon_name (GTK_BUTTON (widget)),
                      gtk_widget_get_tooltip_text (widget), gtk_widget_get_css_name (widget));
        }
      if (is_type_name (said) || *said == '\0' || says_twice (parts))
        g_ptr_array_add (
            faults, g_strdup_printf ("%s in %s: “%s”", G_OBJECT_TYPE_NAME (widget),
                                     G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)), said));
    }
}

static void
assert_no_faults (const char *where, GPtrArray *faults)
{
  for (guint i = 0; i < faults->len; i++)
    g_printerr ("# %s: unnamed or doubled: %s\n", where, (char *)g_ptr_array_index (faults, i));
  g_assert_cmpuint (faults->len, ==, 0);
}

/* The window on the sample, page by page, with the detail panel and the search bar open */
static void
test_names_window (void)
{
  CakWindow *window = window_on_sample ();
  GtkStack *pages = find_stack_with (GTK_WIDGET (window), "overview");
  g_autoptr (GPtrArray) faults = g_ptr_array_new_with_free_func (g_free);
  GtkSelectionModel *model;

  g_assert_nonnull (pages);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL);
  for (GtkWidget *page = gtk_widget_get_first_child (GTK_WIDGET (pages)); page;
       page = gtk_widget_get_next_sibling (page))
    {
      gtk_stack_set_visible_child (pages, page);
      settle ();
      check_names (GTK_WIDGET (window), faults);
    }
  /* The detail panel of a regency */
  gtk_stack_set_visible_child_name (pages, "table");
  model = gtk_column_view_get_model (
      GTK_COLUMN_VIEW (find_of_type (GTK_WIDGET (window), GTK_TYPE_COLUMN_VIEW)));
  gtk_selection_model_select_item (model, 3, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-detail", NULL);
  settle ();
  check_names (GTK_WIDGET (window), faults);
  assert_no_faults ("window", faults);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The window before anything is opened */
static void
test_names_empty (void)
{
  CakWindow *window = cak_window_new (app);
  g_autoptr (GPtrArray) faults = g_ptr_array_new_with_free_func (g_free);

  gtk_window_present (GTK_WINDOW (window));
  uitu_wait_until (is_mapped, window);
  settle ();
  check_names (GTK_WIDGET (window), faults);
  assert_no_faults ("empty window", faults);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- Every dialog closes with Escape --------------------------------------------------- */

static gboolean
is_escape (GtkShortcutTrigger *trigger)
{
  if (GTK_IS_KEYVAL_TRIGGER (trigger))
    return gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == GDK_KEY_Escape
           && gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0;
  if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    return is_escape (gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)))
           || is_escape (gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)));
  return FALSE;
}

/* Presses Escape in @window as GTK delivers it to shortcuts: from the focused widget up to the
 * window, the first shortcut for Escape that acts wins. GTK 4 has no public way to make a key
 * event; a key controller that would take Escape first is not seen here. */
static gboolean
press_escape (GtkWindow *window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  for (GtkWidget *w = focus ? focus : GTK_WIDGET (window); w; w = gtk_widget_get_parent (w))
    {
      g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (w);

      for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
        {
          g_autoptr (GtkEventController) controller = g_list_model_get_item (controllers, i);

          if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
            continue;
          for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
            {
              g_autoptr (GtkShortcut) shortcut
                  = g_list_model_get_item (G_LIST_MODEL (controller), j);

              if (!is_escape (gtk_shortcut_get_trigger (shortcut)))
                continue;
              /* The action may close the window, and @w with it */
              g_test_message ("Escape offered to %s", G_OBJECT_TYPE_NAME (w));
              if (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                GTK_SHORTCUT_ACTION_EXCLUSIVE, w,
                                                gtk_shortcut_get_arguments (shortcut)))
                return TRUE;
            }
        }
    }
  return FALSE;
}

typedef struct
{
  CakWindow *window;
  GtkWindow *dialog;
  GPtrArray *before; /* the toplevels shown before the dialog was asked for */
} DialogWait;

static gboolean
new_dialog_mapped (gpointer data)
{
  DialogWait *wait = data;
  g_autoptr (GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l; l = l->next)
    if (!g_ptr_array_find (wait->before, l->data, NULL) && gtk_widget_get_mapped (l->data))
      {
        wait->dialog = l->data;
        return TRUE;
      }
  return FALSE;
}

static gboolean
dialog_gone (gpointer data)
{
  DialogWait *wait = data;

  return wait->dialog == NULL || !gtk_widget_get_mapped (GTK_WIDGET (wait->dialog));
}

static const char project_december[]
    = "Kode,Kabupaten/Kota,Periode,Peserta Aktif,Penduduk Bekerja\n"
      "35.05,Kabupaten Blitar,2023-12,114377,449717\n"
      "35.72,Kota Blitar,2023-12,27000,80000\n";
static const char project_january[] = "Kode,Kabupaten/Kota,Periode,Peserta Aktif\n"
                                      "35.05,Kabupaten Blitar,2023-12,114400\n"
                                      "35.05,Kabupaten Blitar,2024-01,115000\n";

static char *
temp_file (const char *name, const char *contents)
{
  char *path = g_build_filename (g_get_tmp_dir (), name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

static gboolean
project_modified (gpointer data)
{
  CakProject *project = cak_window_get_project (data);
  GtkStack *stack = find_stack_with (data, "loading");

  return project && cak_project_get_modified (project)
         && g_strcmp0 (gtk_stack_get_visible_child_name (stack), "loading") != 0;
}

/* A new project holding December: unsaved, so closing asks */
static void
fill_project (CakWindow *window)
{
  g_autofree char *december = temp_file ("cakupan-a11y-desember.csv", project_december);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-project", NULL);
  uitu_open_path (window, december);
  uitu_wait_until (project_modified, window);
}

static void
open_figures_differ (CakWindow *window)
{
  g_autofree char *january = temp_file ("cakupan-a11y-januari.csv", project_january);

  fill_project (window);
  uitu_open_path (window, january);
}

static void
open_close_question (CakWindow *window)
{
  fill_project (window);
  gtk_window_close (GTK_WINDOW (window));
}

static void
open_mapping (CakWindow *window)
{
  g_autofree char *path
      = temp_file ("cakupan-a11y-tanpa-judul.csv", "Daerah X;Jml TK;Jml Peserta\n"
                                                   "Kab. Blitar;449.717;114.377\n");
  g_autoptr (GFile) file = g_file_new_for_path (path);

  cak_window_import_mapped (window, file);
}

static void
open_export_chart_overview (CakWindow *window)
{
  gtk_stack_set_visible_child_name (find_stack_with (GTK_WIDGET (window), "overview"), "overview");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export-chart", NULL);
}

static void
open_export_chart_trend (CakWindow *window)
{
  gtk_stack_set_visible_child_name (find_stack_with (GTK_WIDGET (window), "overview"), "trend");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export-chart", NULL);
}

typedef struct
{
  const char *name;
  const char *action; /* the window's or the application's action that opens it, or NULL */
  void (*open) (CakWindow *window);
  gboolean on_sample; /* opened on a window showing the sample */
} DialogCase;

static const DialogCase dialog_cases[] = {
  { "export-chart-overview", NULL, open_export_chart_overview, TRUE },
  { "export-chart-trend", NULL, open_export_chart_trend, TRUE },
  { "export-report", "win.export-report", NULL, TRUE },
  { "import-report", "win.show-report", NULL, TRUE },
  { "deck", "win.edit-presentation", NULL, TRUE },
  { "shortcuts", "win.show-help-overlay", NULL, TRUE },
  { "preferences", "app.preferences", NULL, FALSE },
  { "about", "app.about", NULL, FALSE },
  { "mapping", NULL, open_mapping, FALSE },
  { "figures-differ", NULL, open_figures_differ, FALSE },
  { "close-question", NULL, open_close_question, FALSE },
};

/* Each dialog opens, every control in it is named, and Escape closes it, leaving the window */
static void
test_dialog (gconstpointer data)
{
  const DialogCase *c = data;
  CakWindow *window = NULL;
  DialogWait wait = { 0 };
  g_autoptr (GPtrArray) faults = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GList) toplevels = NULL;

  if (c->on_sample)
    window = window_on_sample ();
  else
    {
      window = cak_window_new (app);
      gtk_window_present (GTK_WINDOW (window));
      uitu_wait_until (is_mapped, window);
    }
  wait.window = window;
  wait.before = g_ptr_array_new ();
  toplevels = gtk_window_list_toplevels ();
  /* The shortcuts window is made with the window, and only shown when asked for */
  for (GList *l = toplevels; l; l = l->next)
    if (gtk_widget_get_mapped (l->data))
      g_ptr_array_add (wait.before, l->data);

  if (c->action && g_str_has_prefix (c->action, "app."))
    g_action_group_activate_action (G_ACTION_GROUP (app), c->action + 4, NULL);
  else if (c->action)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), c->action, NULL));
  else
    c->open (window);
  uitu_wait_until (new_dialog_mapped, &wait);
  g_object_add_weak_pointer (G_OBJECT (wait.dialog), (gpointer *)&wait.dialog);
  settle ();

  check_names (GTK_WIDGET (wait.dialog), faults);
  assert_no_faults (c->name, faults);

  g_assert_true (press_escape (wait.dialog));
  uitu_wait_until (dialog_gone, &wait);
  /* Escape cancels: the window stays */
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));
  if (wait.dialog)
    g_object_remove_weak_pointer (G_OBJECT (wait.dialog), (gpointer *)&wait.dialog);
  g_ptr_array_unref (wait.before);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- The shortcuts window ------------------------------------------------------------- */

/* Adds to @out "keyval mods" for each key of @trigger */
static void
trigger_keys (GtkShortcutTrigger *trigger, GPtrArray *out)
{
  if (GTK_IS_KEYVAL_TRIGGER (trigger))
    g_ptr_array_add (
        out, g_strdup_printf (
                 "%u %u",
                 gdk_keyval_to_lower (gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger))),
                 gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger))));
  else if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    {
      trigger_keys (gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)), out);
      trigger_keys (gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)), out);
    }
}

/* Every shortcut of the window and the application that runs one of their actions */
static void
collect_shortcuts (GtkWidget *widget, GHashTable *keys)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr (GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);
          g_autoptr (GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
          const char *name;

          if (!GTK_IS_NAMED_ACTION (action))
            continue;
          name = gtk_named_action_get_action_name (GTK_NAMED_ACTION (action));
          if (!g_str_has_prefix (name, "win.") && !g_str_has_prefix (name, "app."))
            continue;
          trigger_keys (gtk_shortcut_get_trigger (shortcut), found);
          for (guint k = 0; k < found->len; k++)
            g_hash_table_insert (keys, g_strdup (g_ptr_array_index (found, k)), g_strdup (name));
        }
    }
}

/* The keys the shortcuts window lists, as "keyval mods" */
static GHashTable *
listed_keys (GtkWidget *overlay)
{
  GHashTable *listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GPtrArray) shortcuts = g_ptr_array_new ();

  uitu_collect_of_type (overlay, GTK_TYPE_SHORTCUTS_SHORTCUT, shortcuts);
  for (guint i = 0; i < shortcuts->len; i++)
    {
      g_autofree char *accelerator = NULL;
      g_auto (GStrv) tokens = NULL;

      g_object_get (g_ptr_array_index (shortcuts, i), "accelerator", &accelerator, NULL);
      tokens = g_strsplit (accelerator ? accelerator : "", " ", -1);
      for (guint t = 0; tokens[t]; t++)
        {
          guint keyval;
          GdkModifierType mods;

          if (*tokens[t] && gtk_accelerator_parse (tokens[t], &keyval, &mods))
            g_hash_table_add (listed,
                              g_strdup_printf ("%u %u", gdk_keyval_to_lower (keyval), mods));
        }
    }
  return listed;
}

/* Every shortcut the window and the application have is in the shortcuts window, and its keys
 * are shown as keyboards print them ("Page Down", "Esc"; not "Page_Down", "Escape") */
static void
test_shortcuts_window (void)
{
  CakWindow *window = cak_window_new (app);
  GtkWidget *overlay
      = GTK_WIDGET (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_autoptr (GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GHashTable) listed = NULL;
  g_autoptr (GPtrArray) labels = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key, action;
  guint missing = 0;

  g_assert_nonnull (overlay);
  collect_shortcuts (GTK_WIDGET (window), keys);
  g_assert_cmpuint (g_hash_table_size (keys), >, 10);
  listed = listed_keys (overlay);
  g_hash_table_iter_init (&iter, keys);
  while (g_hash_table_iter_next (&iter, &key, &action))
    if (!g_hash_table_contains (listed, key))
      {
        guint keyval, mods;
        g_autofree char *label = NULL;

        sscanf (key, "%u %u", &keyval, &mods);
        label = gtk_accelerator_get_label (keyval, mods);
        g_printerr ("# %s (%s) is not in the shortcuts window\n", label, (char *)action);
        missing++;
      }
  g_assert_cmpuint (missing, ==, 0);

  /* What the keys say: never a key's raw name */
  uitu_collect_of_type (overlay, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      const char *text = gtk_label_get_text (g_ptr_array_index (labels, i));

      if (strchr (text, '_') && gdk_keyval_from_name (text) != GDK_KEY_VoidSymbol)
        g_error ("The key %s is shown by its raw name", text);
      g_assert_cmpstr (text, !=, "Escape");
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- Tab reaches every chart ---------------------------------------------------------- */

/* Presses Tab (or Shift+Tab) as GTK handles it: the key controllers that Cakupan puts in its
 * way first, from the window down to the focused widget (capture phase), then GTK's own move
 * of the focus. Other key controllers are not offered the key: they need a real event. */
static void
press_tab (CakWindow *window, GtkDirectionType direction)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  g_autoptr (GPtrArray) path = g_ptr_array_new ();
  gboolean handled = FALSE;

  for (GtkWidget *w = focus; w; w = gtk_widget_get_parent (w))
    g_ptr_array_insert (path, 0, w);
  for (guint i = 0; i < path->len && !handled; i++)
    {
      g_autoptr (GListModel) controllers
          = gtk_widget_observe_controllers (g_ptr_array_index (path, i));

      for (guint c = 0; c < g_list_model_get_n_items (controllers) && !handled; c++)
        {
          g_autoptr (GtkEventController) controller = g_list_model_get_item (controllers, c);

          if (g_strcmp0 (gtk_event_controller_get_name (controller), "cak-single-tab-stop") == 0)
            g_signal_emit_by_name (
                controller, "key-pressed",
                direction == GTK_DIR_TAB_FORWARD ? GDK_KEY_Tab : GDK_KEY_ISO_Left_Tab, 0,
                direction == GTK_DIR_TAB_FORWARD ? 0 : GDK_SHIFT_MASK, &handled);
        }
    }
  if (!handled)
    gtk_widget_child_focus (GTK_WIDGET (window), direction);
}

/* The widgets Tab goes through, from the page list of the sidebar, once round the window */
static GPtrArray *
tab_chain (CakWindow *window, GtkWidget *start)
{
  GPtrArray *chain = g_ptr_array_new ();

  gtk_widget_grab_focus (start);
  for (guint i = 0; i < 60; i++)
    {
      GtkWidget *focus;

      press_tab (window, GTK_DIR_TAB_FORWARD);
      focus = gtk_root_get_focus (GTK_ROOT (window));
      if (focus == NULL || g_ptr_array_find (chain, focus, NULL))
        break;
      g_ptr_array_add (chain, focus);
      if (g_getenv ("CAK_A11Y_DUMP"))
        g_printerr ("# tab %u: %s\n", i, G_OBJECT_TYPE_NAME (focus));
    }
  return chain;
}

/* On every page, Tab from the sidebar reaches each chart the page shows */
static void
test_tab_reaches_charts (void)
{
  CakWindow *window = window_on_sample ();
  GtkStack *pages = find_stack_with (GTK_WIDGET (window), "overview");
  GtkWidget *sidebar = find_of_type (GTK_WIDGET (window), GTK_TYPE_STACK_SIDEBAR);
  GtkWidget *list = find_of_type (sidebar, GTK_TYPE_LIST_BOX);

  for (GtkWidget *page = gtk_widget_get_first_child (GTK_WIDGET (pages)); page;
       page = gtk_widget_get_next_sibling (page))
    {
      g_autoptr (GPtrArray) views = g_ptr_array_new ();
      g_autoptr (GPtrArray) chain = NULL;

      gtk_stack_set_visible_child (pages, page);
      settle ();
      uitu_collect_of_type (page, CAK_TYPE_CHART_VIEW, views);
      chain = tab_chain (window, gtk_widget_get_first_child (list));
      for (guint i = 0; i < views->len; i++)
        if (!g_ptr_array_find (chain, g_ptr_array_index (views, i), NULL))
          g_error ("Tab does not reach the chart %s on the page %s",
                   cak_chart_kind_get_name (cak_chart_view_get_kind (g_ptr_array_index (views, i))),
                   gtk_stack_get_visible_child_name (pages));
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkRevealer *
detail_revealer (CakWindow *window)
{
  g_autoptr (GPtrArray) revealers = g_ptr_array_new ();

  /* The search bar has a revealer of its own: the detail panel's slides from the right */
  uitu_collect_of_type (GTK_WIDGET (window), GTK_TYPE_REVEALER, revealers);
  for (guint i = 0; i < revealers->len; i++)
    if (gtk_revealer_get_transition_type (g_ptr_array_index (revealers, i))
        == GTK_REVEALER_TRANSITION_TYPE_SLIDE_LEFT)
      return g_ptr_array_index (revealers, i);
  return NULL;
}

/* ---- The table ------------------------------------------------------------------------ */

static gboolean
focus_in_table (gpointer data)
{
  GtkWidget *table = data;
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (table));

  return focus && gtk_widget_is_ancestor (focus, table);
}

static gboolean
press_key (GtkWidget *widget, guint keyval, GdkModifierType state)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr (GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
    }
  return handled;
}

/* The table: highest coverage first, said so by its header; each figure named with its column;
 * one Tab stop; Enter on a row shows its details */
static void
test_table (void)
{
  CakWindow *window = window_on_sample ();
  GtkStack *pages = find_stack_with (GTK_WIDGET (window), "overview");
  GtkColumnView *table = GTK_COLUMN_VIEW (find_of_type (GTK_WIDGET (window), GTK_TYPE_COLUMN_VIEW));
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (table));
  g_autoptr (GPtrArray) labels = g_ptr_array_new ();
  GtkRevealer *revealer = NULL;
  GtkWidget *focus;
  double previous = INFINITY;
  guint named = 0;

  gtk_stack_set_visible_child_name (pages, "table");
  settle ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 38);
  /* The top of the table shown, not where the first row read was sorted to */
  g_assert_cmpfloat (
      gtk_adjustment_get_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (table))), ==, 0);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (GObject) row = g_list_model_get_item (model, i);
      double coverage;

      g_object_get (row, "coverage", &coverage, NULL);
      g_assert_cmpfloat (coverage, <=, previous);
      previous = coverage;
    }

  uitu_collect_of_type (GTK_WIDGET (table), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      g_autofree char *name = label_of (g_ptr_array_index (labels, i));

      if (name && g_str_has_prefix (name, "Coverage: ") && strchr (name, '%'))
        named++;
    }
  g_assert_cmpuint (named, >, 5);

  /* One Tab stop: Tab from a row leaves the table for what follows it */
  gtk_widget_grab_focus (GTK_WIDGET (table));
  uitu_wait_until (focus_in_table, table);
  press_tab (window, GTK_DIR_TAB_FORWARD);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_false (gtk_widget_is_ancestor (focus, GTK_WIDGET (table)));
  g_assert_true (GTK_IS_BUTTON (focus));
  /* ... and Shift+Tab from a row for what comes before it */
  gtk_widget_grab_focus (GTK_WIDGET (table));
  uitu_wait_until (focus_in_table, table);
  press_tab (window, GTK_DIR_TAB_BACKWARD);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_false (gtk_widget_is_ancestor (focus, GTK_WIDGET (table)));

  /* Enter on a row: its details */
  g_signal_emit_by_name (table, "activate", 0);
  {
    g_autoptr (GPtrArray) revealers = g_ptr_array_new ();

    uitu_collect_of_type (GTK_WIDGET (window), GTK_TYPE_REVEALER, revealers);
    for (guint i = 0; i < revealers->len; i++)
      if (gtk_revealer_get_transition_type (g_ptr_array_index (revealers, i))
          == GTK_REVEALER_TRANSITION_TYPE_SLIDE_LEFT)
        revealer = g_ptr_array_index (revealers, i);
  }
  g_assert_nonnull (revealer);
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (model)), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- The detail panel ----------------------------------------------------------------- */

/* Down on the key figures selects the province; Enter shows the province's own figures, not an
 * empty panel */
static void
test_detail_province (void)
{
  CakWindow *window = window_on_sample ();
  g_autoptr (GPtrArray) views = g_ptr_array_new ();
  g_autoptr (GPtrArray) labels = g_ptr_array_new ();
  GtkRevealer *revealer = detail_revealer (window);
  CakChartView *kpi = NULL;
  gboolean title = FALSE, workforce = FALSE;

  uitu_collect_of_type (GTK_WIDGET (window), CAK_TYPE_CHART_VIEW, views);
  for (guint i = 0; i < views->len; i++)
    if (cak_chart_view_get_kind (g_ptr_array_index (views, i)) == CAK_CHART_KPI)
      kpi = g_ptr_array_index (views, i);
  g_assert_nonnull (kpi);
  uitu_wait_until (is_mapped, kpi);
  settle ();
  gtk_widget_grab_focus (GTK_WIDGET (kpi));
  g_assert_true (press_key (GTK_WIDGET (kpi), GDK_KEY_Down, 0));
  g_assert_cmpstr (cak_chart_view_get_selected_code (kpi), ==, "35");
  g_assert_true (press_key (GTK_WIDGET (kpi), GDK_KEY_Return, 0));
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  uitu_collect_of_type (GTK_WIDGET (revealer), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      const char *text = gtk_label_get_text (g_ptr_array_index (labels, i));

      title = title || g_strcmp0 (text, "Jawa Timur") == 0;
      workforce = workforce || g_strcmp0 (text, "Workforce") == 0;
    }
  g_assert_true (title);
  g_assert_true (workforce);
  /* The Overview with the panel open fits a 1024-pixel screen: the window need not grow past it */
  settle ();
  {
    int min;

    gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL,
                        NULL);
    g_assert_cmpint (min, <=, 1024);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- Said to a screen reader, and where the keyboard goes ------------------------------ */

/* A regency found with Ctrl+F and Enter: the keyboard goes on in the chart that shows it, not
 * in the sidebar; the search says what it found; the chart's name says the regency selected
 * while its description still says what the whole chart shows; the detail panel is named */
static void
test_search_focus_and_words (void)
{
  CakWindow *window = window_on_sample ();
  GtkStack *pages = find_stack_with (GTK_WIDGET (window), "overview");
  GtkWidget *entry = NULL;
  GtkWidget *focus;
  g_autoptr (GPtrArray) entries = g_ptr_array_new ();
  g_autofree char *label = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *differs = NULL;
  CakChartView *view;

  gtk_stack_set_visible_child_name (pages, "ranking");
  settle ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL));
  uitu_collect_of_type (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY, entries);
  for (guint i = 0; i < entries->len; i++)
    if (gtk_widget_get_ancestor (g_ptr_array_index (entries, i), GTK_TYPE_SEARCH_BAR))
      entry = g_ptr_array_index (entries, i);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "kota bli");
  g_signal_emit_by_name (entry, "search-changed");
  g_signal_emit_by_name (entry, "activate");
  settle ();

  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (CAK_IS_CHART_VIEW (focus));
  view = CAK_CHART_VIEW (focus);
  g_assert_cmpint (cak_chart_view_get_kind (view), ==, CAK_CHART_RANKING);
  g_assert_cmpstr (cak_chart_view_get_selected_code (view), ==, "35.72");

  label = label_of (GTK_ACCESSIBLE (view));
  g_assert_nonnull (strstr (label, "Kota Blitar"));
  summary = cak_chart_describe (CAK_CHART_RANKING, cak_chart_view_get_data (view));
  differs = gtk_test_accessible_check_property (GTK_ACCESSIBLE (view),
                                                GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary);
  g_assert_null (differs);
#if !GTK_CHECK_VERSION(4, 14, 0)
  {
    g_autofree char *found = gtk_test_accessible_check_property (
        GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "Found Kota Blitar");

    g_assert_null (found);
  }
#endif
  {
    GtkWidget *panel = gtk_revealer_get_child (detail_revealer (window));
    g_autofree char *name = label_of (GTK_ACCESSIBLE (panel));

    g_assert_cmpstr (name, ==, "Details of Kota Blitar");
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Every slide of the default deck has a description of its own; the last (the summary) does
 * not repeat the one before it */
static void
test_slide_descriptions (void)
{
  CakWindow *window = window_on_sample ();
  CakChartView *ranking = NULL;
  g_autoptr (GPtrArray) views = g_ptr_array_new ();
  g_autoptr (CakDeck) deck = NULL;
  g_autofree char *previous = NULL;
  CakSlideView *slides = CAK_SLIDE_VIEW (g_object_ref_sink (cak_slide_view_new ()));
  CakChartData *data;
  guint n;

  uitu_collect_of_type (GTK_WIDGET (window), CAK_TYPE_CHART_VIEW, views);
  ranking = g_ptr_array_index (views, 0);
  data = cak_chart_view_get_data (ranking);
  deck = cak_deck_new_default (data);
  cak_slide_view_set_deck (slides, deck);
  cak_slide_view_set_data (slides, data);
  n = cak_slide_view_get_n_slides (slides);
  g_assert_cmpuint (n, >, 3);
  for (guint i = 0; i < n; i++)
    {
      char *description;

      cak_slide_view_set_index (slides, i);
      g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (slides),
                                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
      description = gtk_test_accessible_check_property (
          GTK_ACCESSIBLE (slides), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "\x01 not this \x01");
      g_assert_nonnull (description);
      g_assert_cmpstr (description, !=, "");
      g_assert_cmpstr (description, !=, previous);
      g_free (previous);
      previous = description;
    }
  g_object_unref (slides);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- Export Chart on the Overview ------------------------------------------------------ */

static gboolean
export_dialog_shown (gpointer data)
{
  g_autoptr (GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l; l = l->next)
    if (g_strcmp0 (gtk_window_get_title (l->data), "Export Chart") == 0
        && gtk_widget_get_mapped (l->data))
      {
        *(GtkWindow **)data = l->data;
        return TRUE;
      }
  return FALSE;
}

/* The Overview shows three charts: Export Chart offers each, not only the ranking */
static void
test_export_overview_charts (void)
{
  CakWindow *window = window_on_sample ();
  GtkWindow *dialog = NULL;
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();
  AdwComboRow *chart = NULL;
  GListModel *names;

  gtk_stack_set_visible_child_name (find_stack_with (GTK_WIDGET (window), "overview"), "overview");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export-chart", NULL);
  uitu_wait_until (export_dialog_shown, &dialog);
  uitu_collect_of_type (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (g_ptr_array_index (rows, i)), "Chart") == 0)
      chart = g_ptr_array_index (rows, i);
  g_assert_nonnull (chart);
  names = adw_combo_row_get_model (chart);
  g_assert_cmpuint (g_list_model_get_n_items (names), ==, 3);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 0), ==,
                   cak_chart_kind_get_name (CAK_CHART_KPI));
  g_assert_cmpstr (
      gtk_string_list_get_string (GTK_STRING_LIST (names), adw_combo_row_get_selected (chart)), ==,
      cak_chart_kind_get_name (CAK_CHART_RANKING));
  gtk_window_destroy (dialog);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- Contrast ------------------------------------------------------------------------- */

static double
luminance (const GdkRGBA *c)
{
  double rgb[3] = { c->red, c->green, c->blue };

  for (guint i = 0; i < 3; i++)
    rgb[i] = rgb[i] <= 0.03928 ? rgb[i] / 12.92 : pow ((rgb[i] + 0.055) / 1.055, 2.4);
  return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
}

/* WCAG's contrast ratio of @fg, drawn with its alpha over @bg */
static double
contrast (const GdkRGBA *fg, const GdkRGBA *bg)
{
  GdkRGBA seen = { fg->red * fg->alpha + bg->red * (1 - fg->alpha),
                   fg->green * fg->alpha + bg->green * (1 - fg->alpha),
                   fg->blue * fg->alpha + bg->blue * (1 - fg->alpha), 1 };
  double a = luminance (&seen), b = luminance (bg);

  return (MAX (a, b) + 0.05) / (MIN (a, b) + 0.05);
}

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
/* The contrast of @label's text on the table's background */
static double
label_contrast (GtkWidget *label)
{
  GtkStyleContext *context = gtk_widget_get_style_context (label);
  GdkRGBA fg, bg;
  double alpha = 1;

  gtk_style_context_get_color (context, &fg);
  g_assert_true (gtk_style_context_lookup_color (context, "view_bg_color", &bg));
  /* Opacity on the way up dims the text as much */
  for (GtkWidget *w = label; w; w = gtk_widget_get_parent (w))
    alpha *= gtk_widget_get_opacity (w);
  fg.alpha *= alpha;
  return contrast (&fg, &bg);
}
G_GNUC_END_IGNORE_DEPRECATIONS

/* The table's column titles meet WCAG AA for text (4.5:1), in the light and the dark style */
static void
test_table_header_contrast (void)
{
  CakWindow *window = window_on_sample ();
  GtkStack *pages = find_stack_with (GTK_WIDGET (window), "overview");
  GtkWidget *table = find_of_type (GTK_WIDGET (window), GTK_TYPE_COLUMN_VIEW);
  AdwStyleManager *manager = adw_style_manager_get_default ();
  const AdwColorScheme schemes[] = { ADW_COLOR_SCHEME_FORCE_LIGHT, ADW_COLOR_SCHEME_FORCE_DARK };
  AdwColorScheme before = adw_style_manager_get_color_scheme (manager);

  gtk_stack_set_visible_child_name (pages, "table");
  for (guint s = 0; s < G_N_ELEMENTS (schemes); s++)
    {
      GtkWidget *header = NULL;
      g_autoptr (GPtrArray) labels = g_ptr_array_new ();

      adw_style_manager_set_color_scheme (manager, schemes[s]);
      settle ();
      for (GtkWidget *child = gtk_widget_get_first_child (table); child;
           child = gtk_widget_get_next_sibling (child))
        if (g_strcmp0 (gtk_widget_get_css_name (child), "header") == 0)
          header = child;
      g_assert_nonnull (header);
      uitu_collect_of_type (header, GTK_TYPE_LABEL, labels);
      g_assert_cmpuint (labels->len, ==, 7);
      for (guint i = 0; i < labels->len; i++)
        {
          double ratio = label_contrast (g_ptr_array_index (labels, i));

          g_test_message ("%s, %s: %.2f:1", s ? "dark" : "light",
                          gtk_label_get_text (g_ptr_array_index (labels, i)), ratio);
          g_assert_cmpfloat (ratio, >=, 4.5);
        }
    }
  adw_style_manager_set_color_scheme (manager, before);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- The window's size ---------------------------------------------------------------- */

/* The first time, the window takes most of the screen (1366 × 768 in the tests); then the size
 * it had when it was closed */
static void
test_window_size (void)
{
  GSettings *settings = cak_application_get_settings (app);
  CakWindow *window;
  int width, height;

  if (settings == NULL)
    {
      g_test_skip ("The settings schema is not compiled");
      return;
    }
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
  window = cak_window_new (app);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, >=, 1366 * 85 / 100);
  g_assert_cmpint (height, >=, 768 * 85 / 100);
  g_assert_cmpint (width, <=, 1366);
  g_assert_cmpint (height, <=, 768);
  gtk_window_present (GTK_WINDOW (window));
  uitu_wait_until (is_mapped, window);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 640);
  gtk_window_close (GTK_WINDOW (window));
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1000);

  window = cak_window_new (app);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 1000);
  g_assert_cmpint (height, ==, 640);
  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
  g_settings_reset (settings, "window-maximized");
}

/* A national file with a province beside the one shown: the "Compare With Province" menu is
 * named, and reached with Tab like the other choosers */
static void
test_names_peer (void)
{
  CakWindow *window = cak_window_new (app);
  g_autofree char *path = g_build_filename (g_getenv ("CAKUPAN_SOURCE_DIR"), "tests", "data",
                                            "gauntlet", "06-nasional-segmen-target.csv", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GPtrArray) faults = g_ptr_array_new_with_free_func (g_free);
  GtkDropDown *peers, *provinces;
  g_autofree char *label = NULL;

  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  cak_window_open_files (window, &file, 1, FALSE);
  uitu_wait_until (dataset_loaded, window);
  peers = GTK_DROP_DOWN (
      gtk_widget_get_template_child (GTK_WIDGET (window), CAK_TYPE_WINDOW, "peer_dropdown"));
  provinces = GTK_DROP_DOWN (
      gtk_widget_get_template_child (GTK_WIDGET (window), CAK_TYPE_WINDOW, "province_dropdown"));
  /* Jawa Timur (after Indonesia, Aceh, Lampung, Jawa Barat, Jawa Tengah) beside Jawa Tengah
   * (after none, Indonesia, Aceh, Lampung, Jawa Barat) */
  gtk_drop_down_set_selected (provinces, 5);
  settle ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (peers)));
  gtk_drop_down_set_selected (peers, 5);
  settle ();
  g_assert_cmpstr (
      gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (peers)), 5), ==,
      "Jawa Tengah");
  label = label_of (GTK_ACCESSIBLE (peers));
  g_assert_nonnull (label);
  g_assert_nonnull (strstr (label, "Compare With Province"));
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (peers))
                 || gtk_widget_get_focusable (gtk_widget_get_first_child (GTK_WIDGET (peers))));
  check_names (GTK_WIDGET (window), faults);
  assert_no_faults ("window with a province beside", faults);
  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_set_string (cak_application_get_settings (app), "peer", "");
  g_settings_set_string (cak_application_get_settings (app), "province", "");
}

/* The Map page zoomed in: its zoom buttons are named, say their keys, and the map says it is
 * zoomed and how to move it */
static void
test_names_map_zoomed (void)
{
  CakWindow *window = window_on_sample ();
  GtkStack *pages = find_stack_with (GTK_WIDGET (window), "overview");
  GtkWidget *page = gtk_stack_get_child_by_name (pages, "map");
  const char *actions[] = { "win.map-zoom-in", "win.map-zoom-out", "win.map-zoom-reset" };
  const char *names[] = { "Zoom In", "Zoom Out", "Show Whole Map" };
  g_autoptr (GPtrArray) faults = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) buttons = g_ptr_array_new ();
  CakChartView *map = CAK_CHART_VIEW (find_of_type (page, CAK_TYPE_CHART_VIEW));
  g_autofree char *description = NULL;

  gtk_stack_set_visible_child (pages, page);
  settle ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.map-zoom-in", NULL));
  settle ();
  g_assert_cmpfloat (cak_chart_view_get_zoom (map), >, 1);
  uitu_collect_of_type (page, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      GtkWidget *button = NULL;
      g_autofree char *label = NULL;

      for (guint j = 0; j < buttons->len; j++)
        if (g_strcmp0 (gtk_actionable_get_action_name (g_ptr_array_index (buttons, j)), actions[i])
            == 0)
          button = g_ptr_array_index (buttons, j);
      g_assert_nonnull (button);
      g_assert_true (gtk_widget_get_sensitive (button));
      label = label_of (GTK_ACCESSIBLE (button));
      g_assert_cmpstr (label, ==, names[i]);
      g_assert_true (g_str_has_prefix (gtk_widget_get_tooltip_text (button), names[i]));
    }
  description = gtk_test_accessible_check_property (
      GTK_ACCESSIBLE (map), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "\x01 not this \x01");
  g_assert_true (g_str_has_prefix (description, "Zoomed in 1.5×.")
                 || g_str_has_prefix (description, "Zoomed in 1,5×."));
  check_names (GTK_WIDGET (window), faults);
  assert_no_faults ("the map zoomed in", faults);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  app = cak_application_new ();

  g_test_add_func ("/a11y/names/empty", test_names_empty);
  g_test_add_func ("/a11y/names/window", test_names_window);
  g_test_add_func ("/a11y/names/peer", test_names_peer);
  g_test_add_func ("/a11y/names/map-zoomed", test_names_map_zoomed);
  g_test_add_func ("/a11y/shortcuts-window", test_shortcuts_window);
  g_test_add_func ("/a11y/window-size", test_window_size);
  g_test_add_func ("/a11y/table", test_table);
  g_test_add_func ("/a11y/tab-reaches-charts", test_tab_reaches_charts);
  g_test_add_func ("/a11y/detail/province", test_detail_province);
  g_test_add_func ("/a11y/search", test_search_focus_and_words);
  g_test_add_func ("/a11y/slide-descriptions", test_slide_descriptions);
  g_test_add_func ("/a11y/export-overview", test_export_overview_charts);
  g_test_add_func ("/a11y/table-header-contrast", test_table_header_contrast);
  for (guint i = 0; i < G_N_ELEMENTS (dialog_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/a11y/dialog/%s", dialog_cases[i].name);

      g_test_add_data_func (path, &dialog_cases[i], test_dialog);
    }

  return uitu_run (app, argv[0]);
}
