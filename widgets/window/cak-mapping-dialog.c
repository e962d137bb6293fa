/* cak-mapping-dialog.c: the mapping step: which column holds what, where the header is, the
 * period and the region names the catalog does not settle
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The step shows the first rows of a sheet as the importer read them, each with what it turned
 * out to be (title, header, data, total...), and a role above each column. Every change of a
 * role, the header row or the period reads the file again in a worker thread, so that the row
 * kinds say what an import with these choices would do. Region names are not part of that
 * reading: the list of names the catalog does not know stays put while the user works through
 * it, and the choices go to the import only.
 */
#define G_LOG_DOMAIN "cak-mapping-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cak-accessible.h"
#include "cak-import-choices.h"
#include "cak-mapping-dialog.h"
#include "cak-region-catalog.h"

/* Beyond this many columns a table is not a table of regencies; the rest are not shown. */
#define MAX_COLUMNS 40
/* Files of this many headers are remembered at most. */
#define MAX_REMEMBERED 50
/* Longer cell texts are cut in the preview; the tooltip has them whole. */
#define MAX_CELL_CHARS 28
#define MAX_SPAN_CHARS 90
/* The header is guessed among the first rows when the importer found none. */
#define GUESS_ROWS 15
/* A change waits this long for the next before the file is read again. */
#define REFRESH_DELAY_MS 250

struct _CakMappingDialog
{
  AdwWindow parent_instance;

  /* template children */
  AdwWindowTitle *window_title;
  GtkButton *import_button;
  GtkStack *stack;
  GtkLabel *loading_label;
  AdwStatusPage *error_page;
  GtkWidget *reason_box;
  GtkLabel *reason_label;
  GtkBox *sheet_box;
  GtkDropDown *sheet_dropdown;
  GtkSpinButton *header_spin;
  GtkBox *period_box;
  GtkEntry *period_entry;
  GtkLabel *period_message;
  GtkLabel *hint_label;
  GtkScrolledWindow *head_scroller;
  GtkScrolledWindow *body_scroller;
  GtkGrid *head_grid;
  GtkGrid *body_grid;
  GtkBox *unmatched_box;
  GtkListBox *unmatched_list;
  GtkCheckButton *remember_check;

  GFile *file;
  GSettings *settings;
  CakLang lang;
  CakImportChoices *initial; /* given, or remembered for the file's header */
  char *signature;           /* of the file read without choices */
  CakImportPreview *preview; /* the latest reading */
  guint sheet_index;

  GPtrArray *dropdowns; /* GtkDropDown per column shown */
  GPtrArray *row_cells; /* GPtrArray of GtkWidget per preview row: number, kind, cells */
  GHashTable *picks;    /* cak_import_normalize (region text) -> code */

  gboolean roles_set;      /* the user chose a role: every column's role goes to the import */
  gboolean header_row_set; /* the user said where the header is */
  gboolean period_typed;   /* the user typed in the period entry */
  gboolean updating;       /* widgets are being set from a reading, not by the user */

  GCancellable *cancellable;
  guint generation;
  gboolean reading;
  guint refresh_source;
};

G_DEFINE_FINAL_TYPE (CakMappingDialog, cak_mapping_dialog, ADW_TYPE_WINDOW)

enum
{
  SIGNAL_IMPORT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The roles a column can be given, in the order the dropdowns list them. */
static const struct
{
  CakColumnRole role;
  CakMeasure measure;
} role_choices[] = {
  { CAK_COLUMN_NONE, 0 },
  { CAK_COLUMN_REGION_CODE, 0 },
  { CAK_COLUMN_REGION_NAME, 0 },
  { CAK_COLUMN_PROVINCE, 0 },
  { CAK_COLUMN_PERIOD, 0 },
  { CAK_COLUMN_MEASURE, CAK_MEASURE_WORKFORCE },
  { CAK_COLUMN_MEASURE, CAK_MEASURE_PARTICIPANTS },
  { CAK_COLUMN_MEASURE, CAK_MEASURE_PU },
  { CAK_COLUMN_MEASURE, CAK_MEASURE_BPU },
  { CAK_COLUMN_MEASURE, CAK_MEASURE_JAKON },
  { CAK_COLUMN_MEASURE, CAK_MEASURE_PMI },
  { CAK_COLUMN_MEASURE, CAK_MEASURE_TARGET_PCT },
  { CAK_COLUMN_COVERAGE_PCT, 0 },
  { CAK_COLUMN_MEASURE_NAME, 0 },
  { CAK_COLUMN_VALUE, 0 },
  { CAK_COLUMN_SEGMENT, 0 },
  { CAK_COLUMN_STATUS, 0 },
  { CAK_COLUMN_NOTE, 0 },
  { CAK_COLUMN_ROW_NUMBER, 0 },
};

typedef struct
{
  GFile *file;
  CakImportChoices *choices; /* NULL: read as the importer would on its own */
  guint generation;
} PreviewJob;

static void schedule_refresh (CakMappingDialog *self);
static void update_state (CakMappingDialog *self);

static void
preview_job_free (gpointer data)
{
  PreviewJob *job = data;

  g_clear_object (&job->file);
  g_clear_pointer (&job->choices, cak_import_choices_free);
  g_free (job);
}

static guint
role_choice_index (CakColumnRole role, CakMeasure measure)
{
  for (guint i = 0; i < G_N_ELEMENTS (role_choices); i++)
    if (role_choices[i].role == role
        && (role != CAK_COLUMN_MEASURE || role_choices[i].measure == measure))
      return i;
  return 0;
}

static const CakSheetPreview *
current_sheet (CakMappingDialog *self)
{
  if (self->preview == NULL || self->preview->sheets->len == 0)
    return NULL;
  return g_ptr_array_index (self->preview->sheets,
                            MIN (self->sheet_index, self->preview->sheets->len - 1));
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text ? text : ""; *p; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

/* The row the preview holds with this number, or -1. */
static int
preview_row_index (const CakSheetPreview *sheet, guint row)
{
  for (guint r = 0; sheet && r < sheet->row_numbers->len; r++)
    if (g_array_index (sheet->row_numbers, guint, r) == row)
      return r;
  return -1;
}

/* Where the header probably is when the importer found none: the first of the first rows with
 * the most cells filled in. */
static guint
guess_header_row (const CakSheetPreview *sheet)
{
  guint best = 0, best_count = 0;

  for (guint r = 0; r < MIN (sheet->rows->len, GUESS_ROWS); r++)
    {
      GStrv cells = g_ptr_array_index (sheet->rows, r);
      guint count = 0;

      for (guint c = 0; cells[c]; c++)
        if (!is_blank (cells[c]))
          count++;
      if (count > best_count)
        {
          best = g_array_index (sheet->row_numbers, guint, r);
          best_count = count;
        }
    }
  return best > 0 ? best : 1;
}

/* The header of a column as the importer names it, which is what the user's role is keyed on:
 * the importer's own reading when it found the header on the row chosen, else the cell of that
 * row. */
static char *
column_header (CakMappingDialog *self, guint column)
{
  const CakSheetPreview *sheet = current_sheet (self);
  guint row = (guint)gtk_spin_button_get_value_as_int (self->header_spin);
  int index;
  GStrv cells;

  if (sheet == NULL)
    return g_strdup ("");
  if (sheet->header_last == row && column < sheet->headers->len)
    return g_strdup (g_ptr_array_index (sheet->headers, column));
  index = preview_row_index (sheet, row);
  if (index < 0)
    return g_strdup ("");
  cells = g_ptr_array_index (sheet->rows, index);
  if (column >= g_strv_length (cells))
    return g_strdup ("");
  return g_strstrip (g_strdup (cells[column]));
}

static void
dropdown_role (GtkDropDown *dropdown, CakColumnRole *role, CakMeasure *measure)
{
  guint i = gtk_drop_down_get_selected (dropdown);

  if (i >= G_N_ELEMENTS (role_choices))
    i = 0;
  *role = role_choices[i].role;
  *measure = role_choices[i].measure;
}

static void
set_dropdown_role (CakMappingDialog *self, GtkDropDown *dropdown, CakColumnRole role,
                   CakMeasure measure)
{
  gboolean was = self->updating;

  self->updating = TRUE;
  gtk_drop_down_set_selected (dropdown, role_choice_index (role, measure));
  self->updating = was;
}

static gboolean
has_role (CakMappingDialog *self, CakColumnRole wanted)
{
  for (guint c = 0; c < self->dropdowns->len; c++)
    {
      CakColumnRole role;
      CakMeasure measure;

      dropdown_role (g_ptr_array_index (self->dropdowns, c), &role, &measure);
      if (role == wanted)
        return TRUE;
    }
  return FALSE;
}

/* Whether the roles make a table the importer can read: a region and some figures, as the
 * importer's own layouts ask. */
static gboolean
roles_are_complete (CakMappingDialog *self)
{
  gboolean region
      = has_role (self, CAK_COLUMN_REGION_CODE) || has_role (self, CAK_COLUMN_REGION_NAME);
  gboolean figures
      = has_role (self, CAK_COLUMN_MEASURE) || has_role (self, CAK_COLUMN_SEGMENT)
        || (has_role (self, CAK_COLUMN_MEASURE_NAME) && has_role (self, CAK_COLUMN_VALUE));

  return region && figures;
}

/* The period typed, when one is; FALSE when the text is not a period. */
static gboolean
typed_period (CakMappingDialog *self, CakPeriod *out)
{
  g_autofree char *text
      = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->period_entry))));

  *out = CAK_PERIOD_INIT_NONE;
  if (*text == '\0')
    return TRUE;
  return cak_period_parse (text, out);
}

static void
copy_region_names (GHashTable *to, GHashTable *from)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, from);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (to, g_strdup (key), g_strdup (value));
}

static CakImportChoices *
build_choices (CakMappingDialog *self, gboolean with_regions)
{
  CakImportChoices *choices = cak_import_choices_new ();
  CakPeriod period;

  if (self->roles_set || (self->initial && self->initial->column_map->len > 0))
    for (guint c = 0; c < self->dropdowns->len; c++)
      {
        g_autofree char *header = column_header (self, c);
        CakColumnRole role;
        CakMeasure measure;

        if (is_blank (header))
          continue;
        dropdown_role (g_ptr_array_index (self->dropdowns, c), &role, &measure);
        cak_import_choices_set_role (choices, header, role, measure);
      }
  if (self->header_row_set)
    choices->header_row = (guint)gtk_spin_button_get_value_as_int (self->header_spin);
  if (with_regions)
    copy_region_names (choices->region_map, self->picks);
  if (gtk_widget_get_visible (GTK_WIDGET (self->period_box)) && typed_period (self, &period))
    choices->default_period = period;
  return choices;
}

/* ---- Reading the file ---------------------------------------------------------------- */

static void
preview_thread (GTask *task, gpointer source_object, gpointer task_data, GCancellable *cancellable)
{
  PreviewJob *job = task_data;
  CakImportOptions options = { CAK_PERIOD_INIT_NONE };
  CakImportPreview *preview;
  GError *error = NULL;

  cak_import_choices_to_options (job->choices, &options);
  preview
      = cak_import_preview_file (job->file, job->choices ? &options : NULL, cancellable, &error);
  if (preview == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, preview, (GDestroyNotify)cak_import_preview_free);
}

static void
read_file (CakMappingDialog *self, CakImportChoices *choices, GAsyncReadyCallback callback)
{
  g_autoptr (GTask) task = NULL;
  PreviewJob *job = g_new0 (PreviewJob, 1);

  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  job->file = g_object_ref (self->file);
  job->choices = choices;
  job->generation = ++self->generation;
  self->reading = TRUE;

  task = g_task_new (self, self->cancellable, callback, NULL);
  g_task_set_source_tag (task, read_file);
  g_task_set_task_data (task, job, preview_job_free);
  g_task_run_in_thread (task, preview_thread);
}

/* The reading this task gave, or NULL when a newer one is on its way or it failed. */
static CakImportPreview *
finish_reading (CakMappingDialog *self, GAsyncResult *result, GError **error)
{
  PreviewJob *job = g_task_get_task_data (G_TASK (result));
  CakImportPreview *preview = g_task_propagate_pointer (G_TASK (result), error);

  if (job->generation != self->generation)
    {
      g_clear_pointer (&preview, cak_import_preview_free);
      g_clear_error (error);
      return NULL;
    }
  self->reading = FALSE;
  return preview;
}

/* ---- The preview grid ---------------------------------------------------------------- */

static void
label_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (user_data))
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 16);
      gtk_label_set_width_chars (GTK_LABEL (label), 16);
    }
  gtk_list_item_set_child (item, label);
}

static void
label_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (string));
}

static GtkListItemFactory *
label_factory_new (gboolean ellipsize)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (label_setup_cb), GINT_TO_POINTER (ellipsize));
  g_signal_connect (factory, "bind", G_CALLBACK (label_bind_cb), NULL);
  return factory;
}

static void
remove_children (GtkWidget *widget)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (widget)) != NULL)
    {
      if (GTK_IS_GRID (widget))
        gtk_grid_remove (GTK_GRID (widget), child);
      else if (GTK_IS_LIST_BOX (widget))
        gtk_list_box_remove (GTK_LIST_BOX (widget), child);
      else
        gtk_widget_unparent (child);
    }
}

static void
role_selected_cb (GObject *object, GParamSpec *pspec, gpointer user_data)
{
  CakMappingDialog *self = user_data;

  if (self->updating)
    return;
  self->roles_set = TRUE;
  update_state (self);
  schedule_refresh (self);
}

static GtkWidget *
new_role_dropdown (CakMappingDialog *self, guint column)
{
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr (GtkListItemFactory) factory = label_factory_new (TRUE);
  g_autoptr (GtkListItemFactory) list_factory = label_factory_new (FALSE);
  GtkWidget *dropdown;

  for (guint i = 0; i < G_N_ELEMENTS (role_choices); i++)
    gtk_string_list_append (
        labels, cak_column_role_get_label (role_choices[i].role, role_choices[i].measure));
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL);
  gtk_drop_down_set_factory (GTK_DROP_DOWN (dropdown), factory);
  gtk_drop_down_set_list_factory (GTK_DROP_DOWN (dropdown), list_factory);
  g_object_set_data (G_OBJECT (dropdown), "column", GUINT_TO_POINTER (column));
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (role_selected_cb), self, 0);
  return dropdown;
}

/* A cell of the preview. Long texts are cut here rather than ellipsized, so that a column is
 * as wide as its texts and the grid scrolls sideways rather than squeeze them. */
static GtkWidget *
new_cell (const char *text, guint max_chars, gboolean numeric)
{
  GtkWidget *label;

  if (g_utf8_strlen (text, -1) > max_chars)
    {
      g_autofree char *cut = g_utf8_substring (text, 0, max_chars - 1);
      g_autofree char *shown = g_strconcat (g_strchomp (cut), "…", NULL);

      label = gtk_label_new (shown);
      gtk_widget_set_tooltip_text (label, text);
    }
  else
    label = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1 : 0);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "mapping-cell");
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  return label;
}

static gboolean
looks_numeric (const char *text)
{
  gboolean digit = FALSE;

  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        digit = TRUE;
      else if (!strchr (" .,%-+()", *p))
        return FALSE;
    }
  return digit;
}

/* Builds the grid of the current sheet: a role above each column, then the rows. */
static void
build_grid (CakMappingDialog *self)
{
  const CakSheetPreview *sheet = current_sheet (self);
  g_autoptr (GPtrArray) groups = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_columns;
  GtkWidget *corner;

  remove_children (GTK_WIDGET (self->head_grid));
  remove_children (GTK_WIDGET (self->body_grid));
  g_ptr_array_set_size (self->dropdowns, 0);
  g_ptr_array_set_size (self->row_cells, 0);
  if (sheet == NULL)
    return;

  n_columns = MIN (sheet->n_columns, MAX_COLUMNS);
  for (guint c = 0; c < n_columns + 2; c++)
    g_ptr_array_add (groups, gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL));

  corner = gtk_label_new (_ ("Row"));
  gtk_label_set_xalign (GTK_LABEL (corner), 1);
  gtk_widget_set_valign (corner, GTK_ALIGN_END);
  gtk_widget_add_css_class (corner, "caption-heading");
  gtk_widget_add_css_class (corner, "mapping-cell");
  gtk_size_group_add_widget (g_ptr_array_index (groups, 0), corner);
  gtk_grid_attach (self->head_grid, corner, 0, 0, 1, 1);
  corner = gtk_label_new (_ ("Read as"));
  gtk_label_set_xalign (GTK_LABEL (corner), 0);
  gtk_widget_set_valign (corner, GTK_ALIGN_END);
  gtk_widget_add_css_class (corner, "caption-heading");
  gtk_widget_add_css_class (corner, "mapping-cell");
  gtk_size_group_add_widget (g_ptr_array_index (groups, 1), corner);
  gtk_grid_attach (self->head_grid, corner, 1, 0, 1, 1);

  for (guint c = 0; c < n_columns; c++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      g_autofree char *letter = cak_source_column_name (c);
      GtkWidget *label = gtk_label_new (letter);
      GtkWidget *dropdown = new_role_dropdown (self, c);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "caption-heading");
      gtk_widget_set_margin_start (label, 2);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), dropdown);
      gtk_widget_add_css_class (box, "mapping-column-head");
      gtk_size_group_add_widget (g_ptr_array_index (groups, c + 2), box);
      gtk_grid_attach (self->head_grid, box, c + 2, 0, 1, 1);
      g_ptr_array_add (self->dropdowns, dropdown);
    }

  for (guint r = 0; r < sheet->rows->len; r++)
    {
      GStrv cells = g_ptr_array_index (sheet->rows, r);
      guint n_cells = g_strv_length (cells);
      GPtrArray *widgets = g_ptr_array_new ();
      g_autofree char *number
          = g_strdup_printf ("%u", g_array_index (sheet->row_numbers, guint, r));
      GtkWidget *label = new_cell (number, MAX_CELL_CHARS, TRUE);
      int last;

      gtk_widget_add_css_class (label, "dim-label");
      gtk_size_group_add_widget (g_ptr_array_index (groups, 0), label);
      gtk_grid_attach (self->body_grid, label, 0, r, 1, 1);
      g_ptr_array_add (widgets, label);

      label = new_cell ("", MAX_CELL_CHARS, FALSE);
      gtk_widget_add_css_class (label, "mapping-kind");
      gtk_size_group_add_widget (g_ptr_array_index (groups, 1), label);
      gtk_grid_attach (self->body_grid, label, 1, r, 1, 1);
      g_ptr_array_add (widgets, label);

      last = -1;
      for (guint c = 0; c < MIN (n_cells, n_columns); c++)
        if (!is_blank (cells[c]))
          last = c;
      for (guint c = 0; c < n_columns; c++)
        {
          const char *text = c < n_cells ? cells[c] : "";
          gboolean numeric = looks_numeric (text);

          /* A title or a note runs over the empty cells to its right, as in a spreadsheet,
           * rather than widen its column. */
          if ((int)c == last && !numeric && c + 1 < n_columns)
            {
              label = new_cell (text, MAX_SPAN_CHARS, FALSE);
              gtk_grid_attach (self->body_grid, label, c + 2, r, n_columns - c, 1);
              g_ptr_array_add (widgets, label);
              break;
            }
          label = new_cell (text, MAX_CELL_CHARS, numeric);
          gtk_size_group_add_widget (g_ptr_array_index (groups, c + 2), label);
          gtk_grid_attach (self->body_grid, label, c + 2, r, 1, 1);
          g_ptr_array_add (widgets, label);
        }
      g_ptr_array_add (self->row_cells, widgets);
    }
}

/* What each column is called, in tooltips and for screen readers; a column without a header
 * cannot be given a role, since roles go to the importer by header. */
static void
update_column_names (CakMappingDialog *self)
{
  for (guint c = 0; c < self->dropdowns->len; c++)
    {
      GtkWidget *dropdown = g_ptr_array_index (self->dropdowns, c);
      g_autofree char *header = column_header (self, c);
      g_autofree char *letter = cak_source_column_name (c);
      g_autofree char *name = NULL;

      if (is_blank (header))
        {
          /* Translators: the accessible name of a column's role; %s is its letter */
          name = g_strdup_printf (_ ("Role of column %s, which has no header"), letter);
          gtk_widget_set_tooltip_text (dropdown,
                                       _ ("This column has no header on the header row, so it "
                                          "cannot be given a role"));
        }
      else
        {
          /* Translators: the accessible name of a column's role; the column's letter and its
           * header */
          name = g_strdup_printf (_ ("Role of column %s, “%s”"), letter, header);
          gtk_widget_set_tooltip_text (dropdown, name);
        }
      gtk_widget_set_sensitive (dropdown, !is_blank (header));
      gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      name, -1);
    }
}

static void
set_class (GtkWidget *widget, const char *css_class, gboolean on)
{
  if (on)
    gtk_widget_add_css_class (widget, css_class);
  else
    gtk_widget_remove_css_class (widget, css_class);
}

/* Each row's kind from the latest reading; skipped rows dim, rejected rows marked. */
static void
update_row_kinds (CakMappingDialog *self)
{
  const CakSheetPreview *sheet = current_sheet (self);

  for (guint r = 0; sheet && r < self->row_cells->len && r < sheet->row_kinds->len; r++)
    {
      GPtrArray *widgets = g_ptr_array_index (self->row_cells, r);
      CakRowKind kind = g_array_index (sheet->row_kinds, CakRowKind, r);
      gboolean known = sheet->header_last > 0;
      gboolean skipped = known && kind != CAK_ROW_DATA && kind != CAK_ROW_REJECTED;
      GtkWidget *kind_label = g_ptr_array_index (widgets, 1);

      gtk_label_set_text (GTK_LABEL (kind_label), known ? cak_row_kind_get_label (kind) : "—");
      set_class (kind_label, "error", known && kind == CAK_ROW_REJECTED);
      set_class (kind_label, "accent", known && kind == CAK_ROW_HEADER);
      for (guint i = 1; i < widgets->len; i++)
        set_class (g_ptr_array_index (widgets, i), "mapping-skipped", skipped);
    }
}

/* The roles the importer gave each column, when it found the header; without a header the
 * user's choices so far stand. */
static void
sync_roles (CakMappingDialog *self)
{
  const CakSheetPreview *sheet = current_sheet (self);

  if (sheet == NULL || sheet->header_last == 0)
    return;
  for (guint c = 0; c < self->dropdowns->len; c++)
    {
      CakColumnRole role = CAK_COLUMN_NONE;
      CakMeasure measure = 0;

      if (c < sheet->roles->len)
        {
          role = g_array_index (sheet->roles, CakColumnRole, c);
          measure = g_array_index (sheet->measures, CakMeasure, c);
        }
      set_dropdown_role (self, g_ptr_array_index (self->dropdowns, c), role, measure);
      /* Why the importer chose the role: the words, the unit and the period it read. */
      if (sheet->reasons && c < sheet->reasons->len
          && *(const char *)g_ptr_array_index (sheet->reasons, c))
        {
          GtkWidget *dropdown = g_ptr_array_index (self->dropdowns, c);
          g_autofree char *why = g_strdup_printf (_ ("Read from %s"),
                                                  (const char *)g_ptr_array_index (sheet->reasons, c));

          gtk_widget_set_tooltip_text (dropdown, why);
          gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown),
                                          GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, why, -1);
        }
    }
}

/* The initial choices, put on the columns whose header they name. */
static void
apply_initial_roles (CakMappingDialog *self)
{
  if (self->initial == NULL)
    return;
  for (guint c = 0; c < self->dropdowns->len; c++)
    {
      g_autofree char *header = column_header (self, c);
      g_autofree char *norm = cak_import_normalize (header);

      if (*norm == '\0')
        continue;
      for (guint i = 0; i < self->initial->column_map->len; i++)
        {
          const CakColumnMapping *mapping = g_ptr_array_index (self->initial->column_map, i);
          g_autofree char *other = cak_import_normalize (mapping->header);

          if (strcmp (norm, other) == 0)
            {
              set_dropdown_role (self, g_ptr_array_index (self->dropdowns, c), mapping->role,
                                 mapping->measure);
              break;
            }
        }
    }
}

static void
set_header_spin (CakMappingDialog *self)
{
  const CakSheetPreview *sheet = current_sheet (self);
  gboolean was = self->updating;
  guint last = 1;

  if (sheet == NULL)
    return;
  if (sheet->row_numbers->len > 0)
    last = g_array_index (sheet->row_numbers, guint, sheet->row_numbers->len - 1);
  self->updating = TRUE;
  gtk_spin_button_set_range (self->header_spin, 1, MAX (last, 1));
  if (!self->header_row_set)
    gtk_spin_button_set_value (
        self->header_spin, sheet->header_last > 0 ? sheet->header_last : guess_header_row (sheet));
  self->updating = was;
}

/* ---- Region names -------------------------------------------------------------------- */

static void
region_selected_cb (GObject *object, GParamSpec *pspec, gpointer user_data)
{
  CakMappingDialog *self = user_data;
  AdwComboRow *row = ADW_COMBO_ROW (object);
  GStrv codes = g_object_get_data (object, "codes");
  const char *key = g_object_get_data (object, "key");
  guint selected = adw_combo_row_get_selected (row);

  if (self->updating)
    return;
  if (selected > 0 && selected < g_strv_length (codes))
    g_hash_table_insert (self->picks, g_strdup (key), g_strdup (codes[selected]));
  else
    g_hash_table_remove (self->picks, key);
}

static GtkWidget *
new_region_row (CakMappingDialog *self, const CakUnmatchedRegion *unmatched)
{
  CakRegionCatalog *catalog = cak_region_catalog_get_default ();
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr (GStrvBuilder) codes = g_strv_builder_new ();
  g_autofree char *key = cak_import_normalize (unmatched->text);
  g_autofree char *subtitle = NULL;
  g_autofree char *rows = NULL;
  const char *picked = g_hash_table_lookup (self->picks, key);
  GtkWidget *row = adw_combo_row_new ();
  guint selected = 0, n = 1;

  gtk_string_list_append (names, _ ("Leave its rows out"));
  g_strv_builder_add (codes, "");
  for (guint i = 0; i < unmatched->candidates->len; i++, n++)
    {
      const CakRegion *region = g_ptr_array_index (unmatched->candidates, i);
      g_autofree char *name = g_strdup_printf ("%s (%s)", region->name, region->code);

      gtk_string_list_append (names, name);
      g_strv_builder_add (codes, region->code);
      if (g_strcmp0 (picked, region->code) == 0)
        selected = n;
    }
  /* A choice remembered from an earlier file may name a region not among the suggestions. */
  if (picked && selected == 0)
    {
      const CakRegion *region = cak_region_catalog_lookup_code (catalog, picked);

      if (region)
        {
          g_autofree char *name = g_strdup_printf ("%s (%s)", region->name, region->code);

          gtk_string_list_append (names, name);
          g_strv_builder_add (codes, region->code);
          selected = n;
        }
    }

  rows = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row, the first on row %u",
                                       "%u rows, the first on row %u", unmatched->n_rows),
                          unmatched->n_rows, unmatched->row);
  subtitle = g_strdup_printf ("%s · %s",
                              unmatched->ambiguous ? _ ("Could be more than one region")
                                                   : _ ("Not a region Cakupan knows"),
                              rows);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), unmatched->text);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (names));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  g_object_set_data_full (G_OBJECT (row), "codes", g_strv_builder_end (codes),
                          (GDestroyNotify)g_strfreev);
  g_object_set_data_full (G_OBJECT (row), "key", g_steal_pointer (&key), g_free);
  g_object_set_data_full (G_OBJECT (row), "text", g_strdup (unmatched->text), g_free);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (region_selected_cb), self, 0);
  return row;
}

static void
update_unmatched (CakMappingDialog *self)
{
  GPtrArray *unmatched = self->preview ? self->preview->unmatched : NULL;

  remove_children (GTK_WIDGET (self->unmatched_list));
  for (guint i = 0; unmatched && i < unmatched->len; i++)
    gtk_list_box_append (self->unmatched_list,
                         new_region_row (self, g_ptr_array_index (unmatched, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->unmatched_box), unmatched && unmatched->len > 0);
}

/* ---- State --------------------------------------------------------------------------- */

static void
update_state (CakMappingDialog *self)
{
  const CakSheetPreview *sheet = current_sheet (self);
  gboolean period_column = has_role (self, CAK_COLUMN_PERIOD);
  gboolean complete = roles_are_complete (self);
  gboolean period_ok = TRUE;
  g_autofree char *message = NULL;
  gboolean message_is_error = FALSE;
  CakPeriod period;

  gtk_widget_set_visible (GTK_WIDGET (self->period_box), !period_column);
  if (!period_column && sheet)
    {
      if (!typed_period (self, &period))
        {
          period_ok = FALSE;
          message_is_error = TRUE;
          message = g_strdup_printf (
              _ ("“%s” is not a period: write a month (2024-12 or Desember 2024), a quarter "
                 "(2024-Q4) or a year (2024)."),
              gtk_editable_get_text (GTK_EDITABLE (self->period_entry)));
        }
      else if (!cak_period_is_valid (period) && sheet->header_last > 0
               && !cak_period_is_valid (sheet->period))
        {
          period_ok = FALSE;
          message_is_error = TRUE;
          message = g_strdup (_ ("The file names no period in a column, a title line or the "
                                 "sheet’s name: give the period the figures are for."));
        }
      else if (cak_period_is_valid (period) && cak_period_is_valid (sheet->period)
               && !cak_period_equal (period, sheet->period) && !self->reading)
        {
          g_autofree char *own = cak_period_format (sheet->period, self->lang);

          message = g_strdup_printf (_ ("The file itself names the period %s, in a title line or "
                                        "the sheet’s name; that period is used."),
                                     own);
        }
    }
  gtk_label_set_text (self->period_message, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->period_message), message != NULL);
  set_class (GTK_WIDGET (self->period_message), "error", message_is_error);
  set_class (GTK_WIDGET (self->period_message), "dim-label", !message_is_error);
  set_class (GTK_WIDGET (self->period_entry), "error", message_is_error);

  if (sheet == NULL)
    gtk_label_set_text (self->hint_label, "");
  else if (!complete)
    gtk_label_set_text (self->hint_label,
                        _ ("Choose the column that names the region or holds its code, and the "
                           "columns of figures. Roles go by the header, so the header row must "
                           "name the columns."));
  else if (sheet->header_last == 0)
    gtk_label_set_text (self->hint_label, _ ("Reading the file with these roles…"));
  else
    {
      g_autofree char *hint = NULL;

      if (sheet->header_first < sheet->header_last)
        hint = g_strdup_printf (_ ("Rows %u to %u are the header. Rows read as Data are "
                                   "imported; the others are left out."),
                                sheet->header_first, sheet->header_last);
      else
        hint = g_strdup_printf (_ ("Row %u is the header. Rows read as Data are imported; the "
                                   "others are left out."),
                                sheet->header_last);
      gtk_label_set_text (self->hint_label, hint);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "mapping.import",
                                 sheet != NULL && complete && period_ok);
}

/* Puts the keyboard where the user has something to say first: the period when it is all
 * that is missing, else the first column's role. */
static void
focus_first_question (CakMappingDialog *self)
{
  GtkWidget *focus = NULL;

  if (roles_are_complete (self) && gtk_widget_get_visible (GTK_WIDGET (self->period_box))
      && gtk_widget_get_visible (GTK_WIDGET (self->period_message)))
    focus = GTK_WIDGET (self->period_entry);
  else if (self->dropdowns->len > 0)
    focus = g_ptr_array_index (self->dropdowns, 0);
  if (focus)
    gtk_widget_grab_focus (focus);
}

static void
show_sheet (CakMappingDialog *self)
{
  build_grid (self);
  set_header_spin (self);
  apply_initial_roles (self);
  sync_roles (self);
  update_column_names (self);
  update_row_kinds (self);
  update_state (self);
}

static void
show_reading (CakMappingDialog *self, CakImportPreview *preview)
{
  const CakSheetPreview *old = current_sheet (self);
  gboolean same_shape = FALSE;
  const CakSheetPreview *sheet;
  g_autoptr (GtkStringList) sheet_names = gtk_string_list_new (NULL);

  if (old && preview->sheets->len > self->sheet_index)
    {
      sheet = g_ptr_array_index (preview->sheets, self->sheet_index);
      same_shape = sheet->n_columns == old->n_columns && sheet->rows->len == old->rows->len
                   && self->preview->sheets->len == preview->sheets->len;
    }
  g_clear_pointer (&self->preview, cak_import_preview_free);
  self->preview = preview;

  if (same_shape)
    {
      /* The same rows read again: only what they turned out to be changes. */
      set_header_spin (self);
      sync_roles (self);
      update_column_names (self);
      update_row_kinds (self);
      update_state (self);
    }
  else
    {
      self->sheet_index = 0;
      for (guint i = 0; i < preview->sheets->len; i++)
        {
          sheet = g_ptr_array_index (preview->sheets, i);
          if (sheet->header_last > 0)
            {
              self->sheet_index = i;
              break;
            }
        }
      for (guint i = 0; i < preview->sheets->len; i++)
        {
          sheet = g_ptr_array_index (preview->sheets, i);
          gtk_string_list_append (sheet_names, sheet->sheet ? sheet->sheet : preview->file);
        }
      self->updating = TRUE;
      gtk_drop_down_set_model (self->sheet_dropdown, G_LIST_MODEL (sheet_names));
      gtk_drop_down_set_selected (self->sheet_dropdown, self->sheet_index);
      self->updating = FALSE;
      gtk_widget_set_visible (GTK_WIDGET (self->sheet_box), preview->sheets->len > 1);
      show_sheet (self);
    }

  sheet = current_sheet (self);
  /* A period the file gives in a title line fills the entry, for the user to see. */
  if (sheet && !self->period_typed && cak_period_is_valid (sheet->period)
      && *gtk_editable_get_text (GTK_EDITABLE (self->period_entry)) == '\0')
    {
      g_autofree char *text = cak_period_format (sheet->period, self->lang);

      self->updating = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->period_entry), text);
      self->updating = FALSE;
      update_state (self);
    }
  update_unmatched (self);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "content") != 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "content");
      focus_first_question (self);
    }
}

static void
refreshed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  CakMappingDialog *self = CAK_MAPPING_DIALOG (source);
  g_autoptr (GError) error = NULL;
  CakImportPreview *preview = finish_reading (self, result, &error);

  if (preview)
    show_reading (self, preview);
  else if (error && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    gtk_label_set_text (self->hint_label, error->message);
}

static gboolean
refresh_cb (gpointer user_data)
{
  CakMappingDialog *self = user_data;

  self->refresh_source = 0;
  read_file (self, build_choices (self, FALSE), refreshed_cb);
  return G_SOURCE_REMOVE;
}

static void
schedule_refresh (CakMappingDialog *self)
{
  /* A reading under way is for choices that no longer stand. */
  self->generation++;
  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  self->refresh_source = g_timeout_add (REFRESH_DELAY_MS, refresh_cb, self);
}

/* The widgets take up the choices the step starts from; the column roles go on the columns
 * once the grid is built. */
static void
take_up_initial (CakMappingDialog *self)
{
  if (self->initial == NULL)
    return;
  self->header_row_set = self->initial->header_row > 0;
  if (self->header_row_set)
    {
      self->updating = TRUE;
      gtk_spin_button_set_range (self->header_spin, 1, MAX (self->initial->header_row, 40));
      gtk_spin_button_set_value (self->header_spin, self->initial->header_row);
      self->updating = FALSE;
    }
  copy_region_names (self->picks, self->initial->region_map);
  if (cak_period_is_valid (self->initial->default_period))
    {
      g_autofree char *text = cak_period_format (self->initial->default_period, self->lang);

      self->updating = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->period_entry), text);
      self->updating = FALSE;
      self->period_typed = TRUE;
    }
}

static void
first_reading_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  CakMappingDialog *self = CAK_MAPPING_DIALOG (source);
  g_autoptr (GError) error = NULL;
  CakImportPreview *preview = finish_reading (self, result, &error);

  if (preview == NULL)
    {
      if (error && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          adw_status_page_set_description (self->error_page, error->message);
          gtk_stack_set_visible_child_name (self->stack, "error");
        }
      return;
    }

  g_free (self->signature);
  self->signature = g_strdup (preview->signature);
  if (self->initial == NULL && self->settings && self->signature)
    {
      g_autoptr (GVariant) maps = g_settings_get_value (self->settings, "column-maps");
      const char *text;

      if (g_variant_lookup (maps, self->signature, "&s", &text))
        {
          self->initial = cak_import_choices_deserialize (text);
          gtk_widget_set_visible (self->reason_box, TRUE);
          if (*gtk_label_get_text (self->reason_label) == '\0')
            gtk_label_set_text (self->reason_label,
                                _ ("The choices made for the last file with this header are "
                                   "filled in."));
        }
    }

  take_up_initial (self);
  if (self->initial == NULL
      || (self->initial->column_map->len == 0 && self->initial->header_row == 0
          && !cak_period_is_valid (self->initial->default_period)))
    {
      show_reading (self, preview);
      return;
    }

  /* Read again with the choices, to show what they make of the file; region names are not
   * part of the reading. */
  cak_import_preview_free (preview);
  {
    CakImportChoices *choices = cak_import_choices_copy (self->initial);

    g_hash_table_remove_all (choices->region_map);
    read_file (self, choices, refreshed_cb);
  }
}

/* ---- Callbacks ----------------------------------------------------------------------- */

static void
header_row_changed_cb (GtkSpinButton *spin, gpointer user_data)
{
  CakMappingDialog *self = user_data;

  if (self->updating)
    return;
  self->header_row_set = TRUE;
  update_column_names (self);
  update_state (self);
  schedule_refresh (self);
}

static void
period_changed_cb (GtkEditable *editable, gpointer user_data)
{
  CakMappingDialog *self = user_data;
  CakPeriod period;

  if (self->updating)
    return;
  self->period_typed = TRUE;
  update_state (self);
  if (typed_period (self, &period))
    schedule_refresh (self);
}

static void
sheet_selected_cb (GObject *object, GParamSpec *pspec, gpointer user_data)
{
  CakMappingDialog *self = user_data;

  if (self->updating || self->preview == NULL)
    return;
  self->sheet_index = gtk_drop_down_get_selected (self->sheet_dropdown);
  show_sheet (self);
}

/* Keeps the choices for files with this header, in place of those kept before; choices that
 * change nothing are forgotten. */
static void
remember (CakMappingDialog *self, const CakImportChoices *choices)
{
  g_autoptr (GVariant) maps = NULL;
  g_autofree char *text = NULL;
  GVariantBuilder builder;
  GVariantIter iter;
  const char *key, *value;
  gsize skip;

  if (self->settings == NULL || self->signature == NULL || *self->signature == '\0')
    return;
  maps = g_settings_get_value (self->settings, "column-maps");
  text = cak_import_choices_serialize (choices);
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{ss}"));
  g_variant_iter_init (&iter, maps);
  /* The newest last; the oldest go when there are too many. */
  skip = g_variant_n_children (maps) >= MAX_REMEMBERED
             ? g_variant_n_children (maps) + 1 - MAX_REMEMBERED
             : 0;
  while (g_variant_iter_next (&iter, "{&s&s}", &key, &value))
    {
      if (strcmp (key, self->signature) == 0)
        continue;
      if (skip > 0)
        {
          skip--;
          continue;
        }
      g_variant_builder_add (&builder, "{ss}", key, value);
    }
  if (*text)
    g_variant_builder_add (&builder, "{ss}", self->signature, text);
  g_settings_set_value (self->settings, "column-maps", g_variant_builder_end (&builder));
}

static void
import_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CakMappingDialog *self = CAK_MAPPING_DIALOG (widget);

  if (gtk_check_button_get_active (self->remember_check))
    {
      g_autoptr (CakImportChoices) choices = build_choices (self, TRUE);

      remember (self, choices);
    }
  g_signal_emit (self, signals[SIGNAL_IMPORT], 0);
}

/* ---- Overrides ----------------------------------------------------------------------- */

static void
cak_mapping_dialog_dispose (GObject *object)
{
  CakMappingDialog *self = CAK_MAPPING_DIALOG (object);

  /* A reading still under way finds nothing to show. */
  self->generation++;
  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_object (&self->file);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->initial, cak_import_choices_free);
  g_clear_pointer (&self->signature, g_free);
  g_clear_pointer (&self->preview, cak_import_preview_free);
  g_clear_pointer (&self->dropdowns, g_ptr_array_unref);
  g_clear_pointer (&self->row_cells, g_ptr_array_unref);
  g_clear_pointer (&self->picks, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), CAK_TYPE_MAPPING_DIALOG);
  G_OBJECT_CLASS (cak_mapping_dialog_parent_class)->dispose (object);
}

static void
cak_mapping_dialog_class_init (CakMappingDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cak_mapping_dialog_dispose;

  /**
   * CakMappingDialog::import:
   *
   * The user chose to import with the choices cak_mapping_dialog_get_choices() gives.
   */
  signals[SIGNAL_IMPORT] = g_signal_new ("import", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                         NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/cak-mapping-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CakMappingDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, CakMappingDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, CakMappingDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, CakMappingDialog, loading_label);
  gtk_widget_class_bind_template_child (widget_class, CakMappingDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, CakMappingDialog, reason_box);
  gtk_widget_class_bind_template_child (widget_class, CakMappingDialog, reason_label);
  gtk_widget_class_bind_template_child (widget_class, CakMappingDialog, sheet_box);
  gtk_widget_class_bind_template_child (widget_class, CakMappingDialog, sheet_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CakMappingDialog, header_spin);
  gtk_widget_class_bind_template_child (widget_class, CakMappingDialog, period_box);
  gtk_widget_class_bind_template_child (widget_class, CakMappingDialog, period_entry);
  gtk_widget_class_bind_template_child (widget_class, CakMappingDialog, period_message);
  gtk_widget_class_bind_template_child (widget_class, CakMappingDialog, hint_label);
  gtk_widget_class_bind_template_child (widget_class, CakMappingDialog, head_scroller);
  gtk_widget_class_bind_template_child (widget_class, CakMappingDialog, body_scroller);
  gtk_widget_class_bind_template_child (widget_class, CakMappingDialog, head_grid);
  gtk_widget_class_bind_template_child (widget_class, CakMappingDialog, body_grid);
  gtk_widget_class_bind_template_child (widget_class, CakMappingDialog, unmatched_box);
  gtk_widget_class_bind_template_child (widget_class, CakMappingDialog, unmatched_list);
  gtk_widget_class_bind_template_child (widget_class, CakMappingDialog, remember_check);

  gtk_widget_class_install_action (widget_class, "mapping.import", NULL, import_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "mapping.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "mapping.import", NULL);
}

static void
cak_mapping_dialog_init (CakMappingDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cak_accessible_name_drop_down (self->sheet_dropdown, _ ("Sheet"));

  self->dropdowns = g_ptr_array_new ();
  self->row_cells = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  self->picks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  /* The roles stay above the rows as they scroll down, and move with them sideways. */
  gtk_scrolled_window_set_hadjustment (self->head_scroller,
                                       gtk_scrolled_window_get_hadjustment (self->body_scroller));
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->import_button));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "mapping.import", FALSE);

  g_signal_connect_object (self->header_spin, "value-changed", G_CALLBACK (header_row_changed_cb),
                           self, 0);
  g_signal_connect_object (self->period_entry, "changed", G_CALLBACK (period_changed_cb), self, 0);
  g_signal_connect_object (self->sheet_dropdown, "notify::selected", G_CALLBACK (sheet_selected_cb),
                           self, 0);
}

/* ---- Public API ---------------------------------------------------------------------- */

/**
 * cak_mapping_dialog_new:
 * @choices: (nullable): the choices to start from; %NULL for those remembered for files with
 *   the same header, if any
 * @settings: (nullable): where choices are remembered
 * @reason: (nullable): why the step is shown, such as the importer's error
 *
 * Returns: (transfer none): the mapping step for @file, reading it; present it
 */
CakMappingDialog *
cak_mapping_dialog_new (GtkWindow *parent, GFile *file, const CakImportChoices *choices,
                        GSettings *settings, CakLang lang, const char *reason)
{
  CakMappingDialog *self;
  g_autofree char *name = NULL;
  g_autofree char *loading = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  self = g_object_new (CAK_TYPE_MAPPING_DIALOG, "transient-for", parent, NULL);
  self->file = g_object_ref (file);
  self->settings = settings ? g_object_ref (settings) : NULL;
  self->lang = lang;
  self->initial = choices ? cak_import_choices_copy (choices) : NULL;

  name = g_file_get_basename (file);
  adw_window_title_set_subtitle (self->window_title, name);
  /* Translators: %s is a file's name */
  loading = g_strdup_printf (_ ("Reading %s…"), name);
  gtk_label_set_text (self->loading_label, loading);
  if (reason && *reason)
    {
      gtk_label_set_text (self->reason_label, reason);
      gtk_widget_set_visible (self->reason_box, TRUE);
    }
  gtk_stack_set_visible_child_name (self->stack, "loading");
  read_file (self, NULL, first_reading_cb);
  return self;
}

/**
 * cak_mapping_dialog_get_file:
 *
 * Returns: (transfer none): the file being mapped
 */
GFile *
cak_mapping_dialog_get_file (CakMappingDialog *self)
{
  g_return_val_if_fail (CAK_IS_MAPPING_DIALOG (self), NULL);

  return self->file;
}

/**
 * cak_mapping_dialog_get_choices:
 *
 * Returns: (transfer full): the user's choices as they stand
 */
CakImportChoices *
cak_mapping_dialog_get_choices (CakMappingDialog *self)
{
  g_return_val_if_fail (CAK_IS_MAPPING_DIALOG (self), NULL);

  return build_choices (self, TRUE);
}

/**
 * cak_mapping_dialog_is_busy:
 *
 * Returns: whether the file is being read, or will be after the last change
 */
gboolean
cak_mapping_dialog_is_busy (CakMappingDialog *self)
{
  g_return_val_if_fail (CAK_IS_MAPPING_DIALOG (self), FALSE);

  return self->reading || self->refresh_source != 0;
}

guint
cak_mapping_dialog_get_n_columns (CakMappingDialog *self)
{
  g_return_val_if_fail (CAK_IS_MAPPING_DIALOG (self), 0);

  return self->dropdowns->len;
}

/**
 * cak_mapping_dialog_get_role:
 *
 * Returns: the role the column's dropdown shows
 */
CakColumnRole
cak_mapping_dialog_get_role (CakMappingDialog *self, guint column, CakMeasure *out_measure)
{
  CakColumnRole role;
  CakMeasure measure;

  g_return_val_if_fail (CAK_IS_MAPPING_DIALOG (self), CAK_COLUMN_NONE);
  g_return_val_if_fail (column < self->dropdowns->len, CAK_COLUMN_NONE);

  dropdown_role (g_ptr_array_index (self->dropdowns, column), &role, &measure);
  if (out_measure)
    *out_measure = measure;
  return role;
}

/**
 * cak_mapping_dialog_set_role:
 *
 * Chooses a role in the column's dropdown, as a user would.
 */
void
cak_mapping_dialog_set_role (CakMappingDialog *self, guint column, CakColumnRole role,
                             CakMeasure measure)
{
  g_return_if_fail (CAK_IS_MAPPING_DIALOG (self));
  g_return_if_fail (column < self->dropdowns->len);

  gtk_drop_down_set_selected (g_ptr_array_index (self->dropdowns, column),
                              role_choice_index (role, measure));
}

/**
 * cak_mapping_dialog_set_header_row:
 * @row: 1-based, the last row of the header
 */
void
cak_mapping_dialog_set_header_row (CakMappingDialog *self, guint row)
{
  g_return_if_fail (CAK_IS_MAPPING_DIALOG (self));

  gtk_spin_button_set_value (self->header_spin, row);
}

/**
 * cak_mapping_dialog_set_period:
 *
 * Types @text in the period entry.
 */
void
cak_mapping_dialog_set_period (CakMappingDialog *self, const char *text)
{
  g_return_if_fail (CAK_IS_MAPPING_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->period_entry), text ? text : "");
}

guint
cak_mapping_dialog_get_n_unmatched (CakMappingDialog *self)
{
  guint n = 0;

  g_return_val_if_fail (CAK_IS_MAPPING_DIALOG (self), 0);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->unmatched_list)); row;
       row = gtk_widget_get_next_sibling (row))
    n++;
  return n;
}

/**
 * cak_mapping_dialog_set_region:
 * @text: a region name as the file writes it, among those not recognised
 * @code: (nullable): the region it stands for, among the choices offered; %NULL to leave its
 *   rows out
 *
 * Returns: whether the name and the region were offered
 */
gboolean
cak_mapping_dialog_set_region (CakMappingDialog *self, const char *text, const char *code)
{
  g_return_val_if_fail (CAK_IS_MAPPING_DIALOG (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->unmatched_list)); row;
       row = gtk_widget_get_next_sibling (row))
    {
      GStrv codes = g_object_get_data (G_OBJECT (row), "codes");

      if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "text"), text) != 0)
        continue;
      for (guint i = 0; codes && codes[i]; i++)
        if (g_strcmp0 (codes[i], code ? code : "") == 0)
          {
            adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
            return TRUE;
          }
      return FALSE;
    }
  return FALSE;
}

/**
 * cak_mapping_dialog_import:
 *
 * Imports with the choices as they stand, as the Import button does.
 *
 * Returns: %FALSE when the choices are not complete, and the Import button is disabled
 */
gboolean
cak_mapping_dialog_import (CakMappingDialog *self)
{
  g_return_val_if_fail (CAK_IS_MAPPING_DIALOG (self), FALSE);

  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->import_button)))
    return FALSE;
  return gtk_widget_activate_action (GTK_WIDGET (self), "mapping.import", NULL);
}
