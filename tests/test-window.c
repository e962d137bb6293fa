/* test-window.c: the window opens empty, then on the sample, and draws its chart
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "cak-application.h"
#include "cak-chart-view.h"
#include "cak-import-choices.h"
#include "cak-mapping-dialog.h"
#include "cak-summary.h"
#include "cak-window.h"

#include "ui-test-util.h"

static CakApplication *app;

static gboolean
dataset_loaded (gpointer data)
{
  CakWindow *window = data;
  GtkStack *stack = g_object_get_data (G_OBJECT (window), "test-stack");

  return cak_window_get_dataset (window) != NULL
         && g_strcmp0 (gtk_stack_get_visible_child_name (stack), "data") == 0;
}

static gboolean
drawn (gpointer data)
{
  return gtk_widget_get_height (GTK_WIDGET (data)) > 0 && gtk_widget_get_mapped (GTK_WIDGET (data));
}

static GtkWidget *
find_child_of_type (GtkWidget *widget, GType type)
{
  /* The window's own stack is the one with a "loading" page; drop-downs have stacks too. */
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type)
      && (type != GTK_TYPE_STACK || gtk_stack_get_child_by_name (GTK_STACK (widget), "loading")))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_child_of_type (child, type);

      if (found)
        return found;
    }
  return NULL;
}

static void
test_window_sample (void)
{
  CakWindow *window = cak_window_new (app);
  GtkStack *stack = GTK_STACK (find_child_of_type (GTK_WIDGET (window), GTK_TYPE_STACK));
  CakChartView *chart
      = CAK_CHART_VIEW (find_child_of_type (GTK_WIDGET (window), CAK_TYPE_CHART_VIEW));
  GtkColumnView *table
      = GTK_COLUMN_VIEW (find_child_of_type (GTK_WIDGET (window), GTK_TYPE_COLUMN_VIEW));
  g_autofree char *sample = cak_application_find_sample ();
  g_autoptr (GFile) file = NULL;
  CakChartData *data;
  GtkSnapshot *snapshot;
  GskRenderNode *node;

  g_assert_nonnull (stack);
  g_assert_nonnull (chart);
  g_assert_nonnull (table);
  g_object_set_data (G_OBJECT (window), "test-stack", stack);
  gtk_window_present (GTK_WINDOW (window));
  uitu_wait_until (drawn, stack);

  /* empty state first */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_null (cak_window_get_dataset (window));

  g_assert_nonnull (sample);
  file = g_file_new_for_path (sample);
  cak_window_open_files (window, &file, 1, FALSE);
  /* the import runs in a worker thread: the window shows it is loading meanwhile */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "loading");
  uitu_wait_until (dataset_loaded, window);

  data = cak_chart_view_get_data (chart);
  g_assert_nonnull (data);
  g_assert_cmpuint (data->rows->len, ==, 38);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (table))), ==,
                    38);

  uitu_wait_until (drawn, chart);
  /* the chart draws something real: a cairo node of its size */
  snapshot = gtk_snapshot_new ();
  GTK_WIDGET_GET_CLASS (chart)->snapshot (GTK_WIDGET (chart), snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  g_assert_cmpint (gsk_render_node_get_node_type (node), ==, GSK_CAIRO_NODE);
  gsk_render_node_unref (node);

  /* selecting a region in the chart selects it in the table */
  cak_chart_view_select_code (chart, "35.05");
  g_assert_cmpstr (cak_chart_view_get_selected_code (chart), ==, "35.05");
  g_assert_cmpuint (
      gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (gtk_column_view_get_model (table))),
      !=, GTK_INVALID_LIST_POSITION);

  /* the accessible description says what the chart shows */
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_bad_file (void)
{
  CakWindow *window = cak_window_new (app);
  GtkStack *stack = GTK_STACK (find_child_of_type (GTK_WIDGET (window), GTK_TYPE_STACK));
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "cakupan-test-empty.csv", NULL);
  g_autoptr (GFile) file = NULL;
  gint64 deadline;

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  file = g_file_new_for_path (path);
  gtk_window_present (GTK_WINDOW (window));
  cak_window_open_files (window, &file, 1, FALSE);
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (g_strcmp0 (gtk_stack_get_visible_child_name (stack), "loading") == 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
    }
  /* back to the empty state, nothing lost, no crash */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_null (cak_window_get_dataset (window));
  g_unlink (path);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- The mapping step ------------------------------------------------------------------ */

static char *
write_file (const char *name, const char *contents)
{
  char *path = g_build_filename (g_get_tmp_dir (), name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

static gboolean
import_done (gpointer data)
{
  CakWindow *window = data;
  GtkStack *stack = g_object_get_data (G_OBJECT (window), "test-stack");

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), "loading") != 0;
}

/* The mapping step is shown, has read its file and waits for the user. */
static gboolean
mapping_ready (gpointer data)
{
  CakMappingDialog *dialog = cak_window_get_mapping_dialog (data);

  return dialog && gtk_widget_get_mapped (GTK_WIDGET (dialog))
         && !cak_mapping_dialog_is_busy (dialog) && cak_mapping_dialog_get_n_columns (dialog) > 0;
}

static gboolean
mapping_settled (gpointer data)
{
  return !cak_mapping_dialog_is_busy (data);
}

static CakWindow *
new_window (void)
{
  CakWindow *window = cak_window_new (app);
  GtkStack *stack = GTK_STACK (find_child_of_type (GTK_WIDGET (window), GTK_TYPE_STACK));

  g_object_set_data (G_OBJECT (window), "test-stack", stack);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static double
value_of (CakWindow *window, const char *code, const char *period_text, CakMeasure measure)
{
  CakDataset *dataset = cak_window_get_dataset (window);
  CakRegionCatalog *catalog = cak_dataset_get_catalog (dataset);
  CakPeriod period;
  CakValue value;

  g_assert_true (cak_period_parse (period_text, &period));
  if (!cak_dataset_get (dataset, cak_region_catalog_lookup_code (catalog, code), period, measure,
                        &value))
    return -1;
  return value.value;
}

static void
test_choices_text (void)
{
  g_autoptr (CakImportChoices) choices = cak_import_choices_new ();
  g_autoptr (CakImportChoices) back = NULL;
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;

  g_assert_true (cak_import_choices_is_empty (choices));
  cak_import_choices_set_role (choices, "PESERTA AKTIF / PU", CAK_COLUMN_MEASURE, CAK_MEASURE_PU);
  cak_import_choices_set_role (choices, "Kab/Kota", CAK_COLUMN_REGION_NAME, 0);
  cak_import_choices_set_role (choices, "No.", CAK_COLUMN_NONE, 0);
  /* the same header said again replaces the role */
  cak_import_choices_set_role (choices, "kab kota", CAK_COLUMN_REGION_CODE, 0);
  choices->header_row = 5;
  g_hash_table_insert (choices->region_map, g_strdup ("kab blitaar"), g_strdup ("35.05"));
  choices->default_period = cak_period_month (2024, 12);
  g_assert_false (cak_import_choices_is_empty (choices));
  g_assert_cmpuint (choices->column_map->len, ==, 3);

  text = cak_import_choices_serialize (choices);
  g_assert_cmpstr (text, ==,
                   "peserta aktif pu=pu\x1ekab kota=region-code\x1eno=ignore\x1e@header-row=5"
                   "\x1e@region:kab blitaar=35.05");
  back = cak_import_choices_deserialize (text);
  g_assert_cmpuint (back->column_map->len, ==, 3);
  g_assert_cmpint (((CakColumnMapping *)g_ptr_array_index (back->column_map, 0))->measure, ==,
                   CAK_MEASURE_PU);
  g_assert_cmpuint (back->header_row, ==, 5);
  g_assert_cmpstr (g_hash_table_lookup (back->region_map, "kab blitaar"), ==, "35.05");
  /* the period is for one file, not for the next one of the same shape */
  g_assert_false (cak_period_is_valid (back->default_period));
  again = cak_import_choices_serialize (back);
  g_assert_cmpstr (again, ==, text);

  /* records from elsewhere are left out, not misread */
  g_clear_pointer (&back, cak_import_choices_free);
  back = cak_import_choices_deserialize ("x=no-such-role\x1e=region\x1e@future=1\x1eKODE=region");
  g_assert_cmpuint (back->column_map->len, ==, 1);
  g_assert_cmpuint (back->header_row, ==, 0);
  g_clear_pointer (&back, cak_import_choices_free);
  back = cak_import_choices_deserialize ("");
  g_assert_true (cak_import_choices_is_empty (back));
}

/* The loading page names the file and shows a bar while the import runs. */
static void
test_window_progress (void)
{
  CakWindow *window = new_window ();
  GtkStack *stack = g_object_get_data (G_OBJECT (window), "test-stack");
  GtkWidget *loading = gtk_stack_get_child_by_name (stack, "loading");
  GtkProgressBar *bar = GTK_PROGRESS_BAR (find_child_of_type (loading, GTK_TYPE_PROGRESS_BAR));
  GtkLabel *label = GTK_LABEL (find_child_of_type (loading, GTK_TYPE_LABEL));
  g_autoptr (GString) text = g_string_new ("Kode Wilayah,Periode,Peserta Aktif,Penduduk Bekerja\n");
  g_autofree char *path = NULL;

  for (guint y = 1990; y < 2030; y++)
    for (guint m = 1; m <= 12; m++)
      for (guint r = 1; r <= 9; r++)
        g_string_append_printf (text, "35.0%u,%u-%02u,%u,%u\n", r, y, m, r * 1000 + m, r * 9000);
  path = write_file ("cakupan-test-besar.csv", text->str);

  g_assert_nonnull (bar);
  g_assert_nonnull (label);
  uitu_open_path (window, path);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "loading");
  g_assert_cmpstr (gtk_label_get_text (label), ==, "Reading cakupan-test-besar.csv…");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (bar)));
  uitu_wait_until (dataset_loaded, window);
  g_assert_cmpfloat (value_of (window, "35.09", "2029-12", CAK_MEASURE_PARTICIPANTS), ==, 9012);
  g_unlink (path);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Headers that mean nothing to the importer: the step opens, the user says what each column
 * is and gives the period, and the figures are imported. */
static void
test_mapping_unknown_headers (void)
{
  CakWindow *window = new_window ();
  g_autofree char *path
      = write_file ("cakupan-test-tanpa-judul.csv", "Daerah X;Jml TK;Jml Peserta\n"
                                                    "Kab. Blitar;449.717;114.377\n"
                                                    "Kota Blitar;80.000;27.000\n"
                                                    "Kab. Malang;1.400.000;430.000\n");
  CakMappingDialog *dialog;

  uitu_open_path (window, path);
  uitu_wait_until (mapping_ready, window);
  g_assert_null (cak_window_get_dataset (window));
  dialog = cak_window_get_mapping_dialog (window);
  g_assert_cmpuint (cak_mapping_dialog_get_n_columns (dialog), ==, 3);
  g_assert_cmpint (cak_mapping_dialog_get_role (dialog, 0, NULL), ==, CAK_COLUMN_NONE);
  /* nothing to import yet */
  g_assert_false (cak_mapping_dialog_import (dialog));

  cak_mapping_dialog_set_role (dialog, 0, CAK_COLUMN_REGION_NAME, 0);
  cak_mapping_dialog_set_role (dialog, 1, CAK_COLUMN_MEASURE, CAK_MEASURE_WORKFORCE);
  cak_mapping_dialog_set_role (dialog, 2, CAK_COLUMN_MEASURE, CAK_MEASURE_PARTICIPANTS);
  uitu_wait_until (mapping_settled, dialog);
  /* the roles are complete, but the file names no period */
  g_assert_false (cak_mapping_dialog_import (dialog));
  cak_mapping_dialog_set_period (dialog, "Smarch 2024");
  g_assert_false (cak_mapping_dialog_import (dialog));
  cak_mapping_dialog_set_period (dialog, "2024-12");
  uitu_wait_until (mapping_settled, dialog);
  g_assert_true (cak_mapping_dialog_import (dialog));

  uitu_wait_until (dataset_loaded, window);
  g_assert_null (cak_window_get_mapping_dialog (window));
  g_assert_cmpfloat (value_of (window, "35.05", "2024-12", CAK_MEASURE_PARTICIPANTS), ==, 114377);
  g_assert_cmpfloat (value_of (window, "35.72", "2024-12", CAK_MEASURE_WORKFORCE), ==, 80000);
  g_assert_cmpfloat (value_of (window, "35.07", "2024-12", CAK_MEASURE_PARTICIPANTS), ==, 430000);
  g_unlink (path);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A file the importer reads but for its period: the step opens with the roles it found, and a
 * typed period imports it. A failure leaves the data shown. */
static void
test_mapping_no_period (void)
{
  CakWindow *window = new_window ();
  g_autofree char *sample = cak_application_find_sample ();
  g_autofree char *path = write_file ("cakupan-test-tanpa-periode.csv",
                                      "Kode Wilayah;Kabupaten/Kota;Peserta Aktif;Penduduk Bekerja\n"
                                      "35.05;Kab. Blitar;114377;449717\n"
                                      "35.72;Kota Blitar;27000;80000\n");
  CakMappingDialog *dialog;
  CakMeasure measure;
  CakDataset *before;

  uitu_open_path (window, sample);
  uitu_wait_until (dataset_loaded, window);
  before = cak_window_get_dataset (window);

  uitu_open_path (window, path);
  uitu_wait_until (mapping_ready, window);
  /* the sample is still shown */
  g_assert_true (cak_window_get_dataset (window) == before);
  dialog = cak_window_get_mapping_dialog (window);
  g_assert_cmpint (cak_mapping_dialog_get_role (dialog, 0, NULL), ==, CAK_COLUMN_REGION_CODE);
  g_assert_cmpint (cak_mapping_dialog_get_role (dialog, 2, &measure), ==, CAK_COLUMN_MEASURE);
  g_assert_cmpint (measure, ==, CAK_MEASURE_PARTICIPANTS);
  g_assert_false (cak_mapping_dialog_import (dialog));
  cak_mapping_dialog_set_period (dialog, "Desember 2023");
  uitu_wait_until (mapping_settled, dialog);
  g_assert_true (cak_mapping_dialog_import (dialog));

  uitu_wait_until (import_done, window);
  uitu_wait_until (dataset_loaded, window);
  g_assert_true (cak_window_get_dataset (window) != before);
  g_assert_cmpfloat (value_of (window, "35.05", "2023-12", CAK_MEASURE_PARTICIPANTS), ==, 114377);
  g_assert_cmpfloat (value_of (window, "35.72", "2023-12", CAK_MEASURE_WORKFORCE), ==, 80000);
  g_unlink (path);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Choices made for one file are used for the next with the same header: in a plain import, and
 * as the mapping step's starting point. */
static void
test_mapping_remembered (void)
{
  CakWindow *window = new_window ();
  g_autofree char *first
      = write_file ("cakupan-test-bulan-1.csv", "POSISI NOVEMBER 2024\n"
                                                "Daerah Y;Jumlah A;Jumlah B;Ket\n"
                                                "Kab. Blitar;449.717;114.377;\n"
                                                "Kota Blitar;80.000;27.000;baru\n");
  g_autofree char *second
      = write_file ("cakupan-test-bulan-2.csv", "POSISI DESEMBER 2024\n"
                                                "Daerah Y;Jumlah A;Jumlah B;Ket\n"
                                                "Kab. Blitar;449.717;120.000;\n"
                                                "Kota Blitar;80.000;28.000;\n");
  g_autoptr (GFile) second_file = g_file_new_for_path (second);
  CakMappingDialog *dialog;
  CakMeasure measure;

  uitu_open_path (window, first);
  uitu_wait_until (mapping_ready, window);
  dialog = cak_window_get_mapping_dialog (window);
  cak_mapping_dialog_set_role (dialog, 0, CAK_COLUMN_REGION_NAME, 0);
  cak_mapping_dialog_set_role (dialog, 1, CAK_COLUMN_MEASURE, CAK_MEASURE_WORKFORCE);
  cak_mapping_dialog_set_role (dialog, 2, CAK_COLUMN_MEASURE, CAK_MEASURE_PARTICIPANTS);
  uitu_wait_until (mapping_settled, dialog);
  g_assert_true (cak_mapping_dialog_import (dialog));
  uitu_wait_until (dataset_loaded, window);
  g_assert_cmpfloat (value_of (window, "35.05", "2024-11", CAK_MEASURE_PARTICIPANTS), ==, 114377);

  /* The next month's file goes straight in. */
  uitu_open_path (window, second);
  uitu_wait_until (import_done, window);
  g_assert_null (cak_window_get_mapping_dialog (window));
  uitu_wait_until (dataset_loaded, window);
  g_assert_cmpfloat (value_of (window, "35.05", "2024-12", CAK_MEASURE_PARTICIPANTS), ==, 120000);
  g_assert_cmpfloat (value_of (window, "35.72", "2024-12", CAK_MEASURE_WORKFORCE), ==, 80000);

  /* Import with Mapping starts from the remembered roles. */
  cak_window_import_mapped (window, second_file);
  uitu_wait_until (mapping_ready, window);
  dialog = cak_window_get_mapping_dialog (window);
  g_assert_cmpint (cak_mapping_dialog_get_role (dialog, 0, NULL), ==, CAK_COLUMN_REGION_NAME);
  g_assert_cmpint (cak_mapping_dialog_get_role (dialog, 2, &measure), ==, CAK_COLUMN_MEASURE);
  g_assert_cmpint (measure, ==, CAK_MEASURE_PARTICIPANTS);
  g_assert_cmpint (cak_mapping_dialog_get_role (dialog, 3, NULL), ==, CAK_COLUMN_NONE);
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_null (cak_window_get_mapping_dialog (window));

  g_unlink (first);
  g_unlink (second);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Region names the catalog cannot settle: the import goes through without their rows, and the
 * mapping step lets the user say which regions they are. */
static void
test_mapping_regions (void)
{
  CakWindow *window = new_window ();
  g_autofree char *path
      = write_file ("cakupan-test-wilayah.csv", "Kabupaten/Kota;Periode;Peserta Aktif\n"
                                                "Kab. Blitar;2024-12;114377\n"
                                                "Kab. Malangg;2024-12;430000\n");
  CakMappingDialog *dialog;

  uitu_open_path (window, path);
  uitu_wait_until (dataset_loaded, window);
  g_assert_cmpfloat (value_of (window, "35.05", "2024-12", CAK_MEASURE_PARTICIPANTS), ==, 114377);
  g_assert_cmpfloat (value_of (window, "35.07", "2024-12", CAK_MEASURE_PARTICIPANTS), ==, -1);

  /* as the toast's button does */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.map-columns", NULL));
  uitu_wait_until (mapping_ready, window);
  dialog = cak_window_get_mapping_dialog (window);
  g_assert_cmpuint (cak_mapping_dialog_get_n_unmatched (dialog), ==, 1);
  g_assert_false (cak_mapping_dialog_set_region (dialog, "Kab. Malangg", "11.01"));
  g_assert_true (cak_mapping_dialog_set_region (dialog, "Kab. Malangg", "35.07"));
  g_assert_true (cak_mapping_dialog_import (dialog));

  uitu_wait_until (import_done, window);
  uitu_wait_until (dataset_loaded, window);
  g_assert_cmpfloat (value_of (window, "35.07", "2024-12", CAK_MEASURE_PARTICIPANTS), ==, 430000);
  g_assert_cmpuint (cak_dataset_count_errors (cak_window_get_dataset (window)), ==, 0);
  g_unlink (path);
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
has_texture (gpointer data)
{
  GdkContentFormats *formats = gdk_clipboard_get_formats (GDK_CLIPBOARD (data));

  return gdk_content_formats_contain_gtype (formats, GDK_TYPE_TEXTURE);
}

static GtkWidget *
find_page_stack (GtkWidget *window)
{
  g_autoptr (GPtrArray) stacks = g_ptr_array_new ();

  uitu_collect_of_type (window, GTK_TYPE_STACK, stacks);
  for (guint i = 0; i < stacks->len; i++)
    if (gtk_stack_get_child_by_name (g_ptr_array_index (stacks, i), "overview"))
      return g_ptr_array_index (stacks, i);
  return NULL;
}

/* Every chart has its page and draws; a regency found by name is selected everywhere and its
 * details shown; the comparison period is chosen; a chart goes to the clipboard as an image. */
static void
test_window_charts (void)
{
  CakWindow *window = cak_window_new (app);
  GtkStack *stack = GTK_STACK (find_child_of_type (GTK_WIDGET (window), GTK_TYPE_STACK));
  g_autofree char *sample = cak_application_find_sample ();
  g_autoptr (GFile) file = g_file_new_for_path (sample);
  g_autoptr (GPtrArray) views = g_ptr_array_new ();
  GtkStack *pages;
  GtkSearchEntry *entry;
  GtkRevealer *revealer = NULL;
  GtkDropDown *compare = NULL;
  g_autoptr (GPtrArray) dropdowns = g_ptr_array_new ();
  CakChartData *data;
  GdkClipboard *clipboard;

  g_object_set_data (G_OBJECT (window), "test-stack", stack);
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  cak_window_open_files (window, &file, 1, FALSE);
  uitu_wait_until (dataset_loaded, window);

  pages = GTK_STACK (find_page_stack (GTK_WIDGET (window)));
  g_assert_nonnull (pages);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (pages), ==, "overview");
  uitu_collect_of_type (GTK_WIDGET (window), CAK_TYPE_CHART_VIEW, views);
  /* the overview's three, a page for each of the eight charts (the map and the tile map among
   * them), and the detail panel's two */
  g_assert_cmpuint (views->len, ==, 13);

  for (guint k = 0; k < CAK_N_CHART_KINDS; k++)
    {
      GtkWidget *page;
      CakChartView *view;
      const CakChartLayout *layout;

      if (k == CAK_CHART_KPI)
        continue;
      page = gtk_stack_get_child_by_name (pages, cak_chart_kind_to_id (k));
      g_assert_nonnull (page);
      gtk_stack_set_visible_child (pages, page);
      view = CAK_CHART_VIEW (find_child_of_type (page, CAK_TYPE_CHART_VIEW));
      uitu_wait_until (drawn, view);
      g_assert_cmpint (cak_chart_view_get_kind (view), ==, k);
      layout = cak_chart_view_get_layout (view);
      g_assert_nonnull (layout);
      g_assert_cmpuint (layout->labels->len, >, 3);
      /* the accessible description says what the chart shows, in words */
      data = cak_chart_view_get_data (view);
      g_assert_cmpuint (data->rows->len, ==, 38);
    }
  g_assert_nonnull (gtk_stack_get_child_by_name (pages, "table"));

  /* The comparison period: a year before December 2024, and the change known */
  uitu_collect_of_type (GTK_WIDGET (window), GTK_TYPE_DROP_DOWN, dropdowns);
  for (guint i = 0; i < dropdowns->len; i++)
    {
      GListModel *model = gtk_drop_down_get_model (g_ptr_array_index (dropdowns, i));

      if (model && g_list_model_get_n_items (model) > 0
          && g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), 0), "No comparison")
                 == 0)
        compare = g_ptr_array_index (dropdowns, i);
    }
  g_assert_nonnull (compare);
  g_assert_cmpuint (gtk_drop_down_get_selected (compare), >, 0);
  data = cak_chart_view_get_data (g_ptr_array_index (views, 0));
  g_assert_cmpint (data->compare.year, ==, 2023);
  g_assert_false (isnan (data->total.change_pp));
  gtk_drop_down_set_selected (compare, 0);
  data = cak_chart_view_get_data (g_ptr_array_index (views, 0));
  g_assert_false (cak_period_is_valid (data->compare));

  /* Selecting a regency in one chart selects it in every chart; Enter (item-activated) shows
   * its details, whose charts show that one regency */
  cak_chart_view_select_code (g_ptr_array_index (views, 1), "35.05");
  for (guint i = 0; i < 11; i++)
    g_assert_cmpstr (cak_chart_view_get_selected_code (g_ptr_array_index (views, i)), ==, "35.05");
  g_signal_emit_by_name (g_ptr_array_index (views, 1), "item-activated", "35.05");
  {
    /* The search bar has a revealer of its own: the detail panel's slides from the right */
    g_autoptr (GPtrArray) revealers = g_ptr_array_new ();

    uitu_collect_of_type (GTK_WIDGET (window), GTK_TYPE_REVEALER, revealers);
    for (guint i = 0; i < revealers->len; i++)
      if (gtk_revealer_get_transition_type (g_ptr_array_index (revealers, i))
          == GTK_REVEALER_TRANSITION_TYPE_SLIDE_LEFT)
        revealer = g_ptr_array_index (revealers, i);
  }
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  data = cak_chart_view_get_data (g_ptr_array_index (views, 11));
  g_assert_nonnull (data);
  g_assert_cmpuint (data->rows->len, ==, 1);
  g_assert_cmpstr (g_array_index (data->rows, CakIndicatorRow, 0).region->code, ==, "35.05");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close-detail", NULL);
  g_assert_false (gtk_revealer_get_reveal_child (revealer));
  /* Search: the entry in the search bar (drop-downs have entries of their own) */
  entry = GTK_SEARCH_ENTRY (gtk_search_bar_get_child (
      GTK_SEARCH_BAR (find_child_of_type (GTK_WIDGET (window), GTK_TYPE_SEARCH_BAR))));
  gtk_editable_set_text (GTK_EDITABLE (entry), "kota bli");
  g_signal_emit_by_name (entry, "search-changed");
  for (guint i = 0; i < 11; i++)
    g_assert_cmpstr (cak_chart_view_get_selected_code (g_ptr_array_index (views, i)), ==, "35.72");
  g_signal_emit_by_name (entry, "activate");
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  gtk_editable_set_text (GTK_EDITABLE (entry), "atlantis");
  g_signal_emit_by_name (entry, "search-changed");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));

  /* Copy as image: the ranking's page, to the clipboard */
  gtk_stack_set_visible_child_name (pages, "ranking");
  clipboard = gtk_widget_get_clipboard (GTK_WIDGET (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.copy-chart", NULL);
  uitu_wait_until (has_texture, clipboard);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- The report, the table as CSV, Preferences ------------------------------------------ */

static GtkWidget *
find_named (GtkWidget *widget, const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found)
        return found;
    }
  return NULL;
}

/* The window's dialog of @type, or one titled @title */
static GtkWindow *
find_dialog (CakWindow *window, GType type, const char *title)
{
  g_autoptr (GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l; l = l->next)
    if (gtk_window_get_transient_for (l->data) == GTK_WINDOW (window)
        && G_TYPE_CHECK_INSTANCE_TYPE (l->data, type)
        && (title == NULL || g_strcmp0 (gtk_window_get_title (l->data), title) == 0))
      return l->data;
  return NULL;
}

static CakWindow *
window_on_sample (void)
{
  CakWindow *window = new_window ();
  g_autofree char *sample = cak_application_find_sample ();

  g_assert_nonnull (sample);
  uitu_open_path (window, sample);
  uitu_wait_until (dataset_loaded, window);
  return window;
}

static gboolean
report_finished (gpointer data)
{
  return !cak_window_is_writing_report (data);
}

static gboolean
count_cb (gpointer data)
{
  (*(guint *)data)++;
  return G_SOURCE_CONTINUE;
}

static void
fraction_cb (GObject *object, GParamSpec *pspec, gpointer data)
{
  double *max = data;

  *max = MAX (*max, gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (object)));
}

/* No file and no part of one is left in the temporary folder under @base */
static gboolean
leaves_nothing (const char *base)
{
  g_autoptr (GDir) dir = g_dir_open (g_get_tmp_dir (), 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    if (g_str_has_prefix (name, base))
      return FALSE;
  return TRUE;
}

/* The workbook is written in a worker thread while the window goes on; its progress shows in
 * the window and is gone at the end; a cancelled one leaves no file; the dialog opens on the
 * window's choices. */
static void
test_window_export_report (void)
{
  CakWindow *window = window_on_sample ();
  const char *base = "cakupan-test-monev.xlsx";
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), base, NULL);
  CakReportOptions options = { 0 };
  GtkWidget *bar = find_named (GTK_WIDGET (window), "report-bar");
  GtkWidget *progress;
  g_autofree char *contents = NULL;
  gsize length = 0;
  guint ticks = 0, tick;
  double fraction = 0;
  GtkWindow *dialog;
  g_autoptr (GPtrArray) combos = g_ptr_array_new ();
  g_autoptr (GPtrArray) switches = g_ptr_array_new ();

  g_unlink (path);
  g_assert_nonnull (bar);
  g_assert_false (gtk_action_bar_get_revealed (GTK_ACTION_BAR (bar)));
  progress = find_child_of_type (bar, GTK_TYPE_PROGRESS_BAR);
  g_assert_nonnull (progress);
  g_signal_connect (progress, "notify::fraction", G_CALLBACK (fraction_cb), &fraction);

  options.lang = CAK_LANG_ID;
  options.province_code = "35";
  options.sheets = CAK_REPORT_ALL_SHEETS;
  g_assert_true (cak_period_parse ("2024-12", &options.period));
  g_assert_true (cak_period_parse ("2023-12", &options.compare));
  tick = g_timeout_add (1, count_cb, &ticks);
  g_assert_true (cak_window_export_report_to (window, path, &options));
  g_assert_true (cak_window_is_writing_report (window));
  g_assert_true (gtk_action_bar_get_revealed (GTK_ACTION_BAR (bar)));
  /* one report at a time */
  g_assert_false (cak_window_export_report_to (window, path, &options));
  uitu_wait_until (report_finished, window);
  g_source_remove (tick);
  /* the main loop ran while the workbook was written, and the bar showed how far it was */
  g_assert_cmpuint (ticks, >, 0);
  g_assert_cmpfloat (fraction, >, 0);
  g_assert_false (gtk_action_bar_get_revealed (GTK_ACTION_BAR (bar)));
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (contents[0] == 'P' && contents[1] == 'K');
  g_unlink (path);

  /* Cancelled at once: no workbook, no part of one */
  g_assert_true (cak_window_export_report_to (window, path, &options));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-report", NULL);
  uitu_wait_until (report_finished, window);
  g_assert_false (gtk_action_bar_get_revealed (GTK_ACTION_BAR (bar)));
  g_assert_true (leaves_nothing (base));

  /* The dialog: the province, the period and its comparison as the window shows them */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export-report", NULL);
  dialog = find_dialog (window, ADW_TYPE_WINDOW, "Export Report");
  g_assert_nonnull (dialog);
  uitu_collect_of_type (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, combos);
  g_assert_cmpuint (combos->len, ==, 4);
  {
    AdwComboRow *province = g_ptr_array_index (combos, 0);
    AdwComboRow *period = g_ptr_array_index (combos, 1);
    AdwComboRow *compare = g_ptr_array_index (combos, 2);
    AdwComboRow *language = g_ptr_array_index (combos, 3);
    GtkStringList *names;

    names = GTK_STRING_LIST (adw_combo_row_get_model (province));
    g_assert_cmpstr (gtk_string_list_get_string (names, adw_combo_row_get_selected (province)), ==,
                     "Jawa Timur");
    names = GTK_STRING_LIST (adw_combo_row_get_model (period));
    g_assert_cmpstr (gtk_string_list_get_string (names, adw_combo_row_get_selected (period)), ==,
                     "December 2024");
    names = GTK_STRING_LIST (adw_combo_row_get_model (compare));
    g_assert_cmpstr (gtk_string_list_get_string (names, 0), ==, "No comparison");
    g_assert_cmpstr (gtk_string_list_get_string (names, adw_combo_row_get_selected (compare)), ==,
                     "December 2023");
    /* the interface is in English */
    g_assert_cmpuint (adw_combo_row_get_selected (language), ==, 1);
    /* another period: a year before it to compare with */
    adw_combo_row_set_selected (period, 12);
    names = GTK_STRING_LIST (adw_combo_row_get_model (period));
    g_assert_cmpstr (gtk_string_list_get_string (names, 12), ==, "December 2023");
    names = GTK_STRING_LIST (adw_combo_row_get_model (compare));
    g_assert_cmpstr (gtk_string_list_get_string (names, adw_combo_row_get_selected (compare)), ==,
                     "December 2022");
  }
  /* the regency and data sheets, always there, and the five one may leave out */
  uitu_collect_of_type (GTK_WIDGET (dialog), GTK_TYPE_SWITCH, switches);
  g_assert_cmpuint (switches->len, ==, 6);
  g_assert_false (gtk_widget_get_sensitive (g_ptr_array_index (switches, 0)));
  gtk_window_destroy (dialog);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The table as CSV: its header in the interface language, a line per regency and the total */
static void
test_window_export_table (void)
{
  CakWindow *window = window_on_sample ();
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "cakupan-test-table.csv", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  g_auto (GStrv) lines = NULL;
  CakLang lang = cak_lang_from_environment ();
  const char *sep = lang == CAK_LANG_ID ? ";" : ",";
  g_autofree char *header = g_strconcat (cak_lang_gettext (lang, "Code"), sep,
                                         cak_lang_gettext (lang, "Regency/city"), sep, NULL);

  g_unlink (path);
  g_assert_true (cak_window_export_table_to (window, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\r\n", -1);
  g_assert_true (g_str_has_prefix (lines[0], header));
  /* the header, 38 regencies, the total and the empty string after the last line end */
  g_assert_cmpuint (g_strv_length (lines), ==, 41);
  g_assert_true (g_str_has_prefix (lines[1], "35.01"));
  g_unlink (path);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Preferences: the entries that head and sign the report follow their settings, both ways */
static void
test_window_preferences (void)
{
  CakWindow *window = new_window ();
  GSettings *settings = cak_application_get_settings (app);
  const char *const keys[] = { "agency-name", "signature-place", "signature-position",
                               "signature-name", "signature-nip" };
  g_autofree char *nip = NULL;
  GtkWindow *prefs;
  GtkWidget *entry;

  if (settings == NULL)
    {
      g_test_skip ("The settings schema is not compiled");
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }
  cak_window_show_preferences (window);
  prefs = find_dialog (window, ADW_TYPE_PREFERENCES_WINDOW, NULL);
  g_assert_nonnull (prefs);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      entry = find_named (GTK_WIDGET (prefs), keys[i]);
      g_assert_nonnull (entry);
      g_assert_true (ADW_IS_ENTRY_ROW (entry));
    }
  g_settings_set_string (settings, "signature-name", "Dr. Siti Rahayu, S.E., M.M.");
  entry = find_named (GTK_WIDGET (prefs), "signature-name");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Dr. Siti Rahayu, S.E., M.M.");
  entry = find_named (GTK_WIDGET (prefs), "signature-nip");
  gtk_editable_set_text (GTK_EDITABLE (entry), "19700101 199503 2 001");
  nip = g_settings_get_string (settings, "signature-nip");
  g_assert_cmpstr (nip, ==, "19700101 199503 2 001");
  g_settings_reset (settings, "signature-name");
  g_settings_reset (settings, "signature-nip");
  gtk_window_destroy (prefs);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- Projects --------------------------------------------------------------------------- */

static const char project_december[]
    = "Kode,Kabupaten/Kota,Periode,Peserta Aktif,Penduduk Bekerja\n"
      "35.05,Kabupaten Blitar,2023-12,114377,449717\n"
      "35.72,Kota Blitar,2023-12,27000,80000\n";
/* Gives Kabupaten Blitar's December participants differently, and adds January */
static const char project_january[] = "Kode,Kabupaten/Kota,Periode,Peserta Aktif\n"
                                      "35.05,Kabupaten Blitar,2023-12,114400\n"
                                      "35.05,Kabupaten Blitar,2024-01,115000\n"
                                      "35.72,Kota Blitar,2024-01,27100\n";

/* A folder of its own in the temporary folder, and a file's path in it */
static char *
project_temp_path (char **dir, const char *name)
{
  *dir = g_dir_make_tmp ("cakupan-window-project-XXXXXX", NULL);
  g_assert_nonnull (*dir);
  return g_build_filename (*dir, name, NULL);
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

static double
project_value (CakProject *project, const char *code, const char *period_text)
{
  CakDataset *dataset = cak_project_get_dataset (project);
  CakPeriod period;
  CakValue value;

  g_assert_true (cak_period_parse (period_text, &period));
  return cak_dataset_get (dataset,
                          cak_region_catalog_lookup_code (cak_dataset_get_catalog (dataset), code),
                          period, CAK_MEASURE_PARTICIPANTS, &value)
             ? value.value
             : -1;
}

static gboolean
message_shown (gpointer data)
{
  GtkWindow *dialog = find_dialog (data, ADW_TYPE_MESSAGE_DIALOG, NULL);

  return dialog && gtk_widget_get_mapped (GTK_WIDGET (dialog));
}

static gboolean
january_added (gpointer data)
{
  return import_done (data) && dataset_loaded (data)
         && value_of (data, "35.05", "2024-01", CAK_MEASURE_PARTICIPANTS) == 115000;
}

static gboolean
project_saved (gpointer data)
{
  CakProject *project = cak_window_get_project (data);

  return project && cak_project_get_file (project) != NULL && import_done (data);
}

static gboolean
project_modified (gpointer data)
{
  CakProject *project = cak_window_get_project (data);

  return project && cak_project_get_modified (project) && import_done (data);
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

/* Opening a .cakupan shows its figures and its title; a file added with a figure that differs
 * asks, and "Use New Figures" uses the new one and writes it to the file at once; the same file
 * again changes nothing; a saved project closes without a question. */
static void
test_window_project_open_add (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = project_temp_path (&dir, "blitar.cakupan");
  g_autofree char *december_path = g_build_filename (dir, "blitar-desember.csv", NULL);
  g_autofree char *january_path = g_build_filename (dir, "blitar-januari.csv", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFile) december = g_file_new_for_path (december_path);
  g_autoptr (CakProject) made = cak_project_new (cak_region_catalog_get_default ());
  g_autoptr (CakProject) reopened = NULL;
  g_autoptr (CakProjectImport) import = NULL;
  g_autoptr (GError) error = NULL;
  CakWindow *window;
  AdwWindowTitle *title;
  GtkWindow *dialog;
  gboolean destroyed = FALSE;

  g_assert_true (g_file_set_contents (december_path, project_december, -1, NULL));
  g_assert_true (g_file_set_contents (january_path, project_january, -1, NULL));
  import = cak_project_prepare_import (made, december, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (cak_project_commit_import (made, import, &error));
  g_assert_true (cak_project_save_as (made, file, &error));
  g_assert_no_error (error);
  g_clear_object (&made);

  window = new_window ();
  uitu_open_path (window, path);
  uitu_wait_until (dataset_loaded, window);
  g_assert_nonnull (cak_window_get_project (window));
  g_assert_cmpfloat (value_of (window, "35.05", "2023-12", CAK_MEASURE_PARTICIPANTS), ==, 114377);
  g_assert_cmpfloat (value_of (window, "35.72", "2023-12", CAK_MEASURE_WORKFORCE), ==, 80000);
  title = ADW_WINDOW_TITLE (find_child_of_type (GTK_WIDGET (window), ADW_TYPE_WINDOW_TITLE));
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "blitar");
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "blitar-desember.csv");

  /* January gives December differently: the user is asked, and takes the new figure */
  uitu_open_path (window, january_path);
  uitu_wait_until (message_shown, window);
  dialog = find_dialog (window, ADW_TYPE_MESSAGE_DIALOG, NULL);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Figures Differ");
  g_assert_nonnull (
      strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "Kabupaten Blitar"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "keep");
  g_assert_cmpstr (adw_message_dialog_get_close_response (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "cancel");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "replace");
  uitu_wait_until (january_added, window);
  if ((dialog = find_dialog (window, ADW_TYPE_MESSAGE_DIALOG, NULL)))
    gtk_window_destroy (dialog);
  g_assert_cmpfloat (value_of (window, "35.05", "2023-12", CAK_MEASURE_PARTICIPANTS), ==, 114400);
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==,
                   "blitar-desember.csv, blitar-januari.csv");

  /* Written to the file as it was added */
  reopened = cak_project_open (file, cak_region_catalog_get_default (), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cak_project_get_sources (reopened)->len, ==, 2);
  g_assert_cmpfloat (project_value (reopened, "35.05", "2023-12"), ==, 114400);
  g_assert_cmpfloat (project_value (reopened, "35.05", "2024-01"), ==, 115000);
  g_assert_cmpfloat (project_value (reopened, "35.72", "2024-01"), ==, 27100);
  g_clear_object (&reopened);

  /* The same file again changes nothing and asks nothing */
  uitu_open_path (window, january_path);
  uitu_wait_until (import_done, window);
  g_assert_null (find_dialog (window, ADW_TYPE_MESSAGE_DIALOG, NULL));
  g_assert_cmpuint (cak_project_get_sources (cak_window_get_project (window))->len, ==, 2);

  /* Saved: closing does not ask */
  g_signal_connect (window, "destroy", G_CALLBACK (destroyed_cb), &destroyed);
  gtk_window_close (GTK_WINDOW (window));
  uitu_wait_until (is_true, &destroyed);
  remove_dir (dir);
}

/* Save Project As makes a project of the files shown and writes it; it opens as it was shown */
static void
test_window_project_save_as (void)
{
  CakWindow *window = window_on_sample ();
  g_autofree char *dir = NULL;
  g_autofree char *path = project_temp_path (&dir, "jatim.cakupan");
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (CakProject) reopened = NULL;
  g_autoptr (GError) error = NULL;
  CakSummaryOptions options = { CAK_PERIOD_INIT_NONE, TRUE, NULL, CAK_LANG_EN };
  g_autofree char *shown = NULL;
  g_autofree char *saved = NULL;
  AdwWindowTitle *title;

  g_assert_null (cak_window_get_project (window));
  shown = cak_summary_to_json (cak_window_get_dataset (window), &options);
  g_assert_true (cak_window_save_project_to (window, file));
  uitu_wait_until (project_saved, window);
  g_assert_false (cak_project_get_modified (cak_window_get_project (window)));
  title = ADW_WINDOW_TITLE (find_child_of_type (GTK_WIDGET (window), ADW_TYPE_WINDOW_TITLE));
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "jatim");

  reopened = cak_project_open (file, cak_region_catalog_get_default (), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cak_project_get_sources (reopened)->len, ==, 1);
  saved = cak_summary_to_json (cak_project_get_dataset (reopened), &options);
  g_assert_cmpstr (saved, ==, shown);
  g_clear_object (&reopened);
  gtk_window_destroy (GTK_WINDOW (window));
  remove_dir (dir);
}

/* Closing an unsaved project that holds something asks; Cancel keeps the window, Discard
 * closes it */
static void
test_window_project_close_question (void)
{
  CakWindow *window = new_window ();
  g_autofree char *dir = NULL;
  g_autofree char *csv = project_temp_path (&dir, "blitar.csv");
  GtkWindow *dialog;
  gboolean destroyed = FALSE;

  g_assert_true (g_file_set_contents (csv, project_december, -1, NULL));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-project", NULL);
  g_assert_nonnull (cak_window_get_project (window));
  g_assert_false (cak_project_get_modified (cak_window_get_project (window)));
  uitu_open_path (window, csv);
  uitu_wait_until (project_modified, window);
  g_assert_cmpfloat (value_of (window, "35.05", "2023-12", CAK_MEASURE_PARTICIPANTS), ==, 114377);
  g_signal_connect (window, "destroy", G_CALLBACK (destroyed_cb), &destroyed);

  gtk_window_close (GTK_WINDOW (window));
  uitu_wait_until (message_shown, window);
  dialog = find_dialog (window, ADW_TYPE_MESSAGE_DIALOG, NULL);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Save the project before closing?");
  g_assert_cmpstr (adw_message_dialog_get_close_response (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "cancel");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  if (dialog)
    gtk_window_destroy (dialog);
  g_assert_false (destroyed);

  gtk_window_close (GTK_WINDOW (window));
  uitu_wait_until (message_shown, window);
  dialog = find_dialog (window, ADW_TYPE_MESSAGE_DIALOG, NULL);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "discard");
  uitu_wait_until (is_true, &destroyed);
  remove_dir (dir);
}

/* A file added to a project that the importer cannot read on its own opens the mapping step;
 * the choices made there add it to the project. */
static void
test_window_project_mapping (void)
{
  CakWindow *window = new_window ();
  g_autofree char *dir = NULL;
  g_autofree char *csv = project_temp_path (&dir, "tanpa-judul.csv");
  CakMappingDialog *dialog;

  g_assert_true (g_file_set_contents (csv,
                                      "Daerah X;Jml TK;Jml Peserta\n"
                                      "Kab. Blitar;449.717;114.377\n"
                                      "Kota Blitar;80.000;27.000\n",
                                      -1, NULL));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-project", NULL);
  uitu_open_path (window, csv);
  uitu_wait_until (mapping_ready, window);
  dialog = cak_window_get_mapping_dialog (window);
  cak_mapping_dialog_set_role (dialog, 0, CAK_COLUMN_REGION_NAME, 0);
  cak_mapping_dialog_set_role (dialog, 1, CAK_COLUMN_MEASURE, CAK_MEASURE_WORKFORCE);
  cak_mapping_dialog_set_role (dialog, 2, CAK_COLUMN_MEASURE, CAK_MEASURE_PARTICIPANTS);
  cak_mapping_dialog_set_period (dialog, "2024-12");
  uitu_wait_until (mapping_settled, dialog);
  g_assert_true (cak_mapping_dialog_import (dialog));
  uitu_wait_until (project_modified, window);
  g_assert_cmpuint (cak_project_get_sources (cak_window_get_project (window))->len, ==, 1);
  g_assert_cmpfloat (value_of (window, "35.05", "2024-12", CAK_MEASURE_PARTICIPANTS), ==, 114377);
  /* Unsaved: destroyed without the question, as a test may */
  gtk_window_destroy (GTK_WINDOW (window));
  remove_dir (dir);
}

/* A project saved is first in Open Recent and on the start page; choosing it opens it; one
 * gone since is said and taken off the list */
static gboolean
project_opened (gpointer data)
{
  CakProject *project = cak_window_get_project (data);

  return project && cak_project_get_file (project) != NULL && dataset_loaded (data);
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row;
       row = gtk_widget_get_next_sibling (row))
    n++;
  return n;
}

static void
test_window_project_recent (void)
{
  CakWindow *window = window_on_sample ();
  CakWindow *second;
  GSettings *settings = cak_application_get_settings (app);
  g_autofree char *dir = NULL;
  g_autofree char *path = project_temp_path (&dir, "jatim recent.cakupan");
  g_autofree char *gone = g_build_filename (dir, "gone.cakupan", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_auto (GStrv) recent = NULL;
  GtkListBox *list;
  AdwActionRow *row;
  const char *with_gone[] = { NULL, NULL, NULL };

  g_assert_true (cak_window_save_project_to (window, file));
  uitu_wait_until (project_saved, window);
  recent = g_settings_get_strv (settings, "recent-projects");
  g_assert_cmpstr (recent[0], ==, path);
  gtk_window_destroy (GTK_WINDOW (window));

  /* A new window lists it on its start page, by name and folder */
  second = new_window ();
  list = GTK_LIST_BOX (find_child_of_type (GTK_WIDGET (second), GTK_TYPE_LIST_BOX));
  g_assert_nonnull (list);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (list)));
  row = ADW_ACTION_ROW (gtk_widget_get_first_child (GTK_WIDGET (list)));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "jatim recent");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (row)), ==, "win.open-recent");

  /* Chosen, it opens */
  gtk_widget_activate_action (GTK_WIDGET (second), "win.open-recent", "s", path);
  uitu_wait_until (project_opened, second);
  g_assert_true (g_file_equal (cak_project_get_file (cak_window_get_project (second)), file));

  /* A project gone since is taken off the list */
  with_gone[0] = gone;
  with_gone[1] = path;
  g_settings_set_strv (settings, "recent-projects", with_gone);
  g_assert_cmpuint (count_rows (list), ==, 2);
  gtk_widget_activate_action (GTK_WIDGET (second), "win.open-recent", "s", gone);
  g_clear_pointer (&recent, g_strfreev);
  recent = g_settings_get_strv (settings, "recent-projects");
  g_assert_cmpuint (g_strv_length (recent), ==, 1);
  g_assert_cmpstr (recent[0], ==, path);
  g_assert_cmpuint (count_rows (list), ==, 1);

  gtk_window_destroy (GTK_WINDOW (second));
  g_settings_set_strv (settings, "recent-projects", NULL);
  remove_dir (dir);
}

/* A file of several provinces opens on the whole country, compared by province; a province
 * activated opens it; a search for a regency of another province goes there */
static const char national_csv[] = "Kode,Kabupaten/Kota,Periode,Peserta Aktif,Penduduk Bekerja\n"
                                   "11.01,Kabupaten Aceh Selatan,2024-12,21000,110000\n"
                                   "11.02,Kabupaten Aceh Tenggara,2024-12,18000,95000\n"
                                   "35.05,Kabupaten Blitar,2024-12,114377,449717\n"
                                   "35.09,Kabupaten Jember,2024-12,190000,1250000\n"
                                   "51.01,Kabupaten Jembrana,2024-12,45000,170000\n"
                                   "51.03,Kabupaten Badung,2024-12,160000,330000\n";

static CakChartView *
ranking_view (CakWindow *window)
{
  g_autoptr (GPtrArray) views = g_ptr_array_new ();

  uitu_collect_of_type (GTK_WIDGET (window), CAK_TYPE_CHART_VIEW, views);
  for (guint i = 0; i < views->len; i++)
    if (cak_chart_view_get_kind (g_ptr_array_index (views, i)) == CAK_CHART_RANKING
        && cak_chart_view_get_data (g_ptr_array_index (views, i)))
      return g_ptr_array_index (views, i);
  return NULL;
}

static gboolean
shows_jatim (gpointer data)
{
  CakChartView *view = ranking_view (data);
  CakChartData *chart = view ? cak_chart_view_get_data (view) : NULL;

  return chart && chart->province && g_strcmp0 (chart->province->code, "35") == 0;
}

static gboolean
shows_country (gpointer data)
{
  CakChartView *view = ranking_view (data);
  CakChartData *chart = view ? cak_chart_view_get_data (view) : NULL;

  return chart && chart->by_province;
}

static void
test_window_national (void)
{
  CakWindow *window = new_window ();
  GSettings *settings = cak_application_get_settings (app);
  g_autofree char *dir = NULL;
  g_autofree char *path = project_temp_path (&dir, "nasional.csv");
  g_autoptr (GPtrArray) dropdowns = g_ptr_array_new ();
  GtkDropDown *provinces = NULL;
  GtkSearchEntry *entry;
  CakChartData *data;
  CakChartView *view;

  g_settings_set_string (settings, "province", "");
  g_assert_true (g_file_set_contents (path, national_csv, -1, NULL));
  uitu_open_path (window, path);
  uitu_wait_until (dataset_loaded, window);

  uitu_collect_of_type (GTK_WIDGET (window), GTK_TYPE_DROP_DOWN, dropdowns);
  for (guint i = 0; i < dropdowns->len && provinces == NULL; i++)
    {
      GListModel *model = gtk_drop_down_get_model (g_ptr_array_index (dropdowns, i));

      if (model && g_list_model_get_n_items (model) == 4
          && g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), 0), "Indonesia") == 0)
        provinces = g_ptr_array_index (dropdowns, i);
    }
  g_assert_nonnull (provinces);
  g_assert_cmpuint (gtk_drop_down_get_selected (provinces), ==, 0);
  uitu_wait_until (shows_country, window);
  view = ranking_view (window);
  data = cak_chart_view_get_data (view);
  g_assert_cmpuint (data->rows->len, ==, 38);
  g_assert_cmpint (
      g_array_index (data->rows, CakIndicatorRow, cak_chart_data_find_code (data, "51")).rank, ==,
      1);

  /* Drill down: a province activated in the country's ranking opens it */
  g_signal_emit_by_name (view, "item-activated", "35");
  uitu_wait_until (shows_jatim, window);
  g_assert_cmpuint (gtk_drop_down_get_selected (provinces), ==, 2);

  /* Back to the country, then a search for a regency of Bali opens Bali and selects it */
  gtk_drop_down_set_selected (provinces, 0);
  uitu_wait_until (shows_country, window);
  /* The header's search entry: the one Ctrl+F focuses (drop-downs have their own) */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL);
  entry = GTK_SEARCH_ENTRY (
      gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (window)), GTK_TYPE_SEARCH_ENTRY));
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Jembrana");
  g_signal_emit_by_name (entry, "search-changed");
  g_assert_cmpuint (gtk_drop_down_get_selected (provinces), ==, 3);
  data = cak_chart_view_get_data (ranking_view (window));
  g_assert_cmpstr (data->province->code, ==, "51");
  g_assert_cmpstr (cak_chart_view_get_selected_code (ranking_view (window)), ==, "51.01");

  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_set_string (settings, "province", "");
  remove_dir (dir);
}

static gboolean
shows_bali (gpointer data)
{
  CakChartView *view = ranking_view (data);
  CakChartData *chart = view ? cak_chart_view_get_data (view) : NULL;

  return chart && chart->province && g_strcmp0 (chart->province->code, "51") == 0;
}

/* Two provinces side by side: the "Compare With Province" menu offers the country and the other
 * provinces of the files, puts the one chosen beside the province shown (its own totals),
 * remembers it, and keeps it through a visit to that province */
static void
test_window_peer (void)
{
  CakWindow *window = new_window ();
  GSettings *settings = cak_application_get_settings (app);
  g_autofree char *dir = NULL;
  g_autofree char *path = project_temp_path (&dir, "nasional.csv");
  GtkDropDown *peers, *provinces;
  GListModel *model;
  CakChartData *data;

  g_settings_set_string (settings, "province", "");
  g_settings_set_string (settings, "peer", "");
  g_assert_true (g_file_set_contents (path, national_csv, -1, NULL));
  uitu_open_path (window, path);
  uitu_wait_until (dataset_loaded, window);
  uitu_wait_until (shows_country, window);

  peers = GTK_DROP_DOWN (
      gtk_widget_get_template_child (GTK_WIDGET (window), CAK_TYPE_WINDOW, "peer_dropdown"));
  provinces = GTK_DROP_DOWN (
      gtk_widget_get_template_child (GTK_WIDGET (window), CAK_TYPE_WINDOW, "province_dropdown"));
  /* The country by province: any province beside it, not the country itself */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (peers)));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (peers)), ==, 4);
  gtk_drop_down_set_selected (provinces, 2);
  uitu_wait_until (shows_jatim, window);
  model = gtk_drop_down_get_model (peers);
  /* None, Indonesia, Aceh, Bali: not Jawa Timur itself */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), 1), ==, "Indonesia");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), 2), ==, "Aceh");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), 3), ==, "Bali");
  g_assert_cmpuint (gtk_drop_down_get_selected (peers), ==, 0);
  data = cak_chart_view_get_data (ranking_view (window));
  g_assert_false (data->has_peer);

  gtk_drop_down_set_selected (peers, 3);
  data = cak_chart_view_get_data (ranking_view (window));
  g_assert_true (data->has_peer);
  g_assert_cmpstr (data->peer_place, ==, "Bali");
  g_assert_cmpfloat (data->peer.participants, ==, 45000 + 160000);
  g_assert_cmpfloat (data->peer.workforce, ==, 170000 + 330000);
  {
    g_autofree char *peer = g_settings_get_string (settings, "peer");

    g_assert_cmpstr (peer, ==, "51");
  }

  /* Bali shown: nothing beside it by default (it cannot stand beside itself), the choice kept */
  gtk_drop_down_set_selected (provinces, 3);
  uitu_wait_until (shows_bali, window);
  data = cak_chart_view_get_data (ranking_view (window));
  g_assert_false (data->has_peer);
  g_assert_cmpuint (gtk_drop_down_get_selected (peers), ==, 0);
  {
    g_autofree char *peer = g_settings_get_string (settings, "peer");

    g_assert_cmpstr (peer, ==, "51");
  }
  gtk_drop_down_set_selected (provinces, 2);
  uitu_wait_until (shows_jatim, window);
  data = cak_chart_view_get_data (ranking_view (window));
  g_assert_true (data->has_peer);
  g_assert_cmpstr (data->peer_code, ==, "51");

  /* The country beside it */
  gtk_drop_down_set_selected (peers, 1);
  data = cak_chart_view_get_data (ranking_view (window));
  g_assert_cmpstr (data->peer_place, ==, "Indonesia");
  g_assert_cmpfloat (data->peer.participants, ==, 21000 + 18000 + 114377 + 190000 + 45000 + 160000);

  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_set_string (settings, "province", "");
  g_settings_set_string (settings, "peer", "");
  remove_dir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  app = cak_application_new ();

  g_test_add_func ("/window/charts", test_window_charts);
  g_test_add_func ("/window/sample", test_window_sample);
  g_test_add_func ("/window/bad-file", test_window_bad_file);
  g_test_add_func ("/window/progress", test_window_progress);
  g_test_add_func ("/window/choices-text", test_choices_text);
  g_test_add_func ("/window/mapping/unknown-headers", test_mapping_unknown_headers);
  g_test_add_func ("/window/mapping/no-period", test_mapping_no_period);
  g_test_add_func ("/window/mapping/remembered", test_mapping_remembered);
  g_test_add_func ("/window/mapping/regions", test_mapping_regions);
  g_test_add_func ("/window/export-report", test_window_export_report);
  g_test_add_func ("/window/export-table", test_window_export_table);
  g_test_add_func ("/window/preferences", test_window_preferences);
  g_test_add_func ("/window/project/open-add", test_window_project_open_add);
  g_test_add_func ("/window/project/save-as", test_window_project_save_as);
  g_test_add_func ("/window/project/close-question", test_window_project_close_question);
  g_test_add_func ("/window/project/mapping", test_window_project_mapping);
  g_test_add_func ("/window/project/recent", test_window_project_recent);
  g_test_add_func ("/window/national", test_window_national);
  g_test_add_func ("/window/peer", test_window_peer);

  return uitu_run (app, argv[0]);
}
