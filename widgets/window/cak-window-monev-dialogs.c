/* cak-window-monev-dialogs.c: the monev's dialogs: targets, a note, an action, a regency's
 * checklist, the checklist table and meetings
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cak-window-monev-dialogs"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "cak-indicators.h"
#include "cak-number.h"
#include "cak-window-monev-private.h"

/* ---- Dialogs ---------------------------------------------------------------------------- */

/* Open monev dialogs are told of every change with this: they show it at once. */
typedef void (*RefreshFunc) (GtkWindow *dialog);

/* A modal dialog over the window, closed by Escape, with @title in its header bar; its
 * content goes into the box returned in @out_box. */
static GtkWindow *
new_dialog (CakWindow *self, const char *title, const char *subtitle, int width, int height,
            GtkWidget **out_header, GtkBox **out_box)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_window_set_title (GTK_WINDOW (window), title);
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (self));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (title, subtitle));
  gtk_box_append (GTK_BOX (box), header);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_shortcut_controller_add_shortcut (
      GTK_SHORTCUT_CONTROLLER (shortcuts),
      gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                        gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, shortcuts);
  g_object_set_data (G_OBJECT (window), "cak-window", self);
  if (out_header)
    *out_header = header;
  *out_box = GTK_BOX (box);
  return GTK_WINDOW (window);
}

/* Cancel at the start of the header bar, @label (suggested, the default) at its end. */
static GtkWidget *
add_dialog_buttons (GtkWindow *dialog, GtkWidget *header, const char *label)
{
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_ ("_Cancel"));
  GtkWidget *save = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  gtk_widget_add_css_class (save, "suggested-action");
  gtk_widget_set_name (save, "save");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_window_set_default_widget (dialog, save);
  return save;
}

static GtkWidget *
scrolled_page (GtkBox *box)
{
  GtkWidget *page = adw_preferences_page_new ();

  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (box, page);
  return page;
}

/* A line that says what went wrong, under the dialog's rows */
static GtkLabel *
add_error_label (AdwPreferencesGroup *group)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_visible (label, FALSE);
  adw_preferences_group_add (group, label);
  return GTK_LABEL (label);
}

static void
show_error (GtkLabel *label, const char *text)
{
  gtk_label_set_text (label, text);
  gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
}

static AdwEntryRow *
add_entry_row (AdwPreferencesGroup *group, const char *title, const char *name, const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_name (row, name);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  adw_preferences_group_add (group, row);
  return ADW_ENTRY_ROW (row);
}

static void
entry_activated_cb (AdwEntryRow *row, gpointer user_data)
{
  gtk_widget_activate (GTK_WIDGET (user_data));
}

/* Enter in any entry row of @group saves, as the default button would. */
static void
entries_activate (GtkWidget *widget, GtkWidget *save)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      if (ADW_IS_ENTRY_ROW (c))
        g_signal_connect_object (c, "entry-activated", G_CALLBACK (entry_activated_cb), save, 0);
      else
        entries_activate (c, save);
    }
}

/* Every open monev dialog of the window shows the project as it is now. */
void
cak_window_monev_refresh_dialogs (CakWindow *self)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) w = g_list_model_get_item (toplevels, i);
      RefreshFunc refresh = g_object_get_data (G_OBJECT (w), "cak-monev-refresh");

      if (refresh && gtk_window_get_transient_for (w) == GTK_WINDOW (self))
        refresh (w);
    }
}

/* ---- Targets ---------------------------------------------------------------------------- */

typedef struct
{
  CakWindow *window;
  GtkWindow *dialog;
  const CakRegion *province;
  GtkSpinButton *year;
  AdwComboRow *month;
  AdwComboRow *preset;
  AdwActionRow *copy_row;
  AdwPreferencesGroup *regencies;
  GPtrArray *rows;    /* AdwActionRow, the province's first */
  GPtrArray *regions; /* const CakRegion*, one per row */
  gboolean filling;
} TargetsDialog;

static void
targets_dialog_free (gpointer p)
{
  TargetsDialog *d = p;

  g_ptr_array_unref (d->rows);
  g_ptr_array_unref (d->regions);
  g_free (d);
}

static CakPeriod
targets_period (TargetsDialog *d)
{
  guint year = gtk_spin_button_get_value_as_int (d->year);
  guint month = adw_combo_row_get_selected (d->month);

  return month == 0 || month > 12 ? cak_period_year (year) : cak_period_month (year, month);
}

/* Where the target that applies to @region comes from, in words. */
static char *
describe_origin (CakWindow *self, const CakRegion *region, CakPeriod period)
{
  CakTargetOrigin origin = CAK_TARGET_NONE;
  double pct
      = self->dataset ? cak_indicators_find_target (self->dataset, region, period, &origin) : NAN;
  g_autofree char *value = NULL;
  CakValue file_value;
  gboolean has_file
      = self->dataset
        && cak_dataset_get (self->dataset, region, period, CAK_MEASURE_TARGET_PCT, &file_value);
  gboolean is_province = g_strcmp0 (region->code, region->province_code) == 0;

  if (origin == CAK_TARGET_NONE || isnan (pct))
    return g_strdup (is_province ? _ ("No target: type one for the whole province")
                                 : _ ("No target"));
  value = cak_window_monev_format_pct (self, pct);
  if ((origin == CAK_TARGET_TYPED || origin == CAK_TARGET_TYPED_PROVINCE) && has_file)
    {
      g_autofree char *file = cak_window_monev_format_pct (self, file_value.value);

      /* Translators: the target that applies, then the one a file gives */
      return g_strdup_printf (origin == CAK_TARGET_TYPED
                                  ? _ ("%s, typed; it wins over the %s a file gives")
                                  : _ ("%s, the province's, typed; it wins over the %s a file "
                                       "gives"),
                              value, file);
    }
  switch (origin)
    {
      case CAK_TARGET_TYPED:
        /* Translators: %s is a target, "34,99%" */
        return g_strdup_printf (
            is_province ? _ ("%s, typed for the province") : _ ("%s, its own, typed"), value);
      case CAK_TARGET_TYPED_PROVINCE:
        /* Translators: %s is a target, "34,99%" */
        return g_strdup_printf (_ ("%s, the province's"), value);
      case CAK_TARGET_FILE:
        /* Translators: %s is a target, "34,99%" */
        return g_strdup_printf (_ ("%s, from an imported file"), value);
      case CAK_TARGET_NONE:
      default:
        return g_strdup (_ ("No target"));
    }
}

static GtkEditable *
row_entry (AdwActionRow *row)
{
  return g_object_get_data (G_OBJECT (row), "cak-entry");
}

/* The rows show the targets typed for the period chosen and where each that applies comes
 * from; an entry being typed in is left as it is. */
static void
targets_refresh (GtkWindow *dialog)
{
  TargetsDialog *d = g_object_get_data (G_OBJECT (dialog), "cak-targets");
  CakWindow *self = d->window;
  CakMonev *monev = cak_window_monev_get (self);
  CakPeriod period = targets_period (d);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (dialog));
  g_autofree char *copy_title = NULL;

  for (guint i = 0; i < d->rows->len; i++)
    {
      AdwActionRow *row = g_ptr_array_index (d->rows, i);
      const CakRegion *region = g_ptr_array_index (d->regions, i);
      GtkEditable *entry = row_entry (row);
      const CakTarget *typed = monev ? cak_monev_find_target (monev, region, period) : NULL;
      g_autofree char *origin = describe_origin (self, region, period);

      adw_action_row_set_subtitle (row, origin);
      if (focus != GTK_WIDGET (entry)
          && !(focus && gtk_widget_is_ancestor (focus, GTK_WIDGET (entry))))
        {
          g_autofree char *text
              = typed ? cak_number_format (typed->pct, 2, self->lang) : g_strdup ("");

          gtk_editable_set_text (entry, text);
          gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
        }
    }
  /* Translators: copy the targets of a year to the next */
  copy_title = g_strdup_printf (_ ("Copy the targets of %u to %u"),
                                gtk_spin_button_get_value_as_int (d->year),
                                gtk_spin_button_get_value_as_int (d->year) + 1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (d->copy_row), copy_title);
}

/* What was typed in @entry becomes its region's target for the period chosen. */
static void
commit_target (TargetsDialog *d, GtkEditable *entry)
{
  CakWindow *self = d->window;
  const CakRegion *region = g_object_get_data (G_OBJECT (entry), "cak-region");
  CakMonev *monev = cak_window_monev_get (self);
  CakPeriod period = targets_period (d);
  const CakTarget *typed = monev ? cak_monev_find_target (monev, region, period) : NULL;
  TargetEdit *t;
  double pct;
  g_autoptr (GError) error = NULL;

  if (d->filling)
    return;
  if (!cak_window_monev_parse_pct (gtk_editable_get_text (entry), &pct)
      || (!isnan (pct) && (pct <= 0 || pct > 100)))
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      cak_window_toast (self, _ ("A coverage target is a percentage above 0 and at most 100."));
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  if ((typed == NULL && isnan (pct)) || (typed && !isnan (pct) && fabs (typed->pct - pct) < 1e-9))
    return;
  t = g_new0 (TargetEdit, 1);
  t->region = region;
  t->period = period;
  t->pct = pct;
  if (!cak_window_monev_apply_edit (self, cak_window_monev_set_target_edit, t,
                                    cak_window_monev_target_edit_free, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      cak_window_toast (self, error->message);
    }
}

static void
target_activate_cb (GtkEntry *entry, gpointer user_data)
{
  commit_target (user_data, GTK_EDITABLE (entry));
}

static void
target_focus_leave_cb (GtkEventControllerFocus *focus, gpointer user_data)
{
  commit_target (user_data,
                 GTK_EDITABLE (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (focus))));
}

static AdwActionRow *
add_target_row (TargetsDialog *d, AdwPreferencesGroup *group, const CakRegion *region)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *unit = gtk_label_new ("%");
  GtkEventController *focus = gtk_event_controller_focus_new ();
  g_autofree char *name = g_strconcat ("target-", region->code, NULL);
  g_autofree char *markup = g_markup_escape_text (region->name, -1);
  /* Translators: the accessible name of a target's entry; %s is a region */
  g_autofree char *label = g_strdup_printf (_ ("Target for %s, in percent"), region->name);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), markup);
  gtk_entry_set_max_length (GTK_ENTRY (entry), 8);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 6);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), 6);
  gtk_entry_set_alignment (GTK_ENTRY (entry), 1);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_NUMBER);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_widget_set_name (entry, name);
  gtk_widget_add_css_class (entry, "numeric");
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data (G_OBJECT (entry), "cak-region", (gpointer)region);
  g_signal_connect (entry, "activate", G_CALLBACK (target_activate_cb), d);
  g_signal_connect (focus, "leave", G_CALLBACK (target_focus_leave_cb), d);
  gtk_widget_add_controller (entry, focus);
  gtk_widget_add_css_class (unit, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), entry);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), unit);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), entry);
  g_object_set_data (G_OBJECT (row), "cak-entry", entry);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (d->rows, row);
  g_ptr_array_add (d->regions, (gpointer)region);
  return ADW_ACTION_ROW (row);
}

static void
fill_month_names (TargetsDialog *d)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  guint year = gtk_spin_button_get_value_as_int (d->year);
  guint selected = adw_combo_row_get_selected (d->month);

  gtk_string_list_append (names, _ ("The whole year"));
  for (guint m = 1; m <= 12; m++)
    {
      g_autofree char *name = cak_period_format (cak_period_month (year, m), d->window->lang);

      gtk_string_list_append (names, name);
    }
  d->filling = TRUE;
  adw_combo_row_set_model (d->month, G_LIST_MODEL (names));
  adw_combo_row_set_selected (d->month, selected == GTK_INVALID_LIST_POSITION ? 0 : selected);
  d->filling = FALSE;
}

static void
targets_period_changed_cb (GObject *object, GParamSpec *pspec, gpointer user_data)
{
  TargetsDialog *d = user_data;

  if (d->filling)
    return;
  if (GTK_IS_SPIN_BUTTON (object))
    fill_month_names (d);
  d->filling = TRUE;
  for (guint i = 0; i < d->rows->len; i++)
    gtk_editable_set_text (row_entry (g_ptr_array_index (d->rows, i)), "");
  d->filling = FALSE;
  targets_refresh (d->dialog);
}

static void
apply_preset_clicked_cb (GtkButton *button, gpointer user_data)
{
  TargetsDialog *d = user_data;
  guint n, i = adw_combo_row_get_selected (d->preset);
  const CakTargetPreset *presets = cak_target_presets (&n);
  TargetEdit *t;

  if (i >= n || d->province == NULL)
    return;
  t = g_new0 (TargetEdit, 1);
  t->region = d->province;
  t->period = cak_period_year (presets[i].year);
  t->pct = presets[i].pct;
  t->note = g_strdup (presets[i].label);
  gtk_spin_button_set_value (d->year, presets[i].year);
  adw_combo_row_set_selected (d->month, 0);
  cak_window_monev_apply_edit_or_toast (d->window, cak_window_monev_set_target_edit, t,
                                        cak_window_monev_target_edit_free);
  targets_refresh (d->dialog);
}

static void
copy_forward_clicked_cb (GtkButton *button, gpointer user_data)
{
  TargetsDialog *d = user_data;
  CopyEdit *c = g_new0 (CopyEdit, 1);

  c->from = gtk_spin_button_get_value_as_int (d->year);
  c->to = c->from + 1;
  cak_window_monev_apply_edit_or_toast (d->window, cak_window_monev_copy_forward_edit, c, g_free);
}

void
cak_window_monev_show_targets (CakWindow *self)
{
  const CakRegion *province = cak_window_monev_shown_province (self);
  CakPeriod period = cak_window_monev_shown_period (self);
  TargetsDialog *d;
  GtkBox *box;
  GtkWidget *page, *button, *spin;
  AdwPreferencesGroup *group;
  g_autoptr (GtkStringList) preset_names = gtk_string_list_new (NULL);
  g_autoptr (GPtrArray) regencies = NULL;
  const CakTargetPreset *presets;
  guint n_presets;

  if (province == NULL || !cak_period_is_valid (period))
    return;
  d = g_new0 (TargetsDialog, 1);
  d->window = self;
  d->province = province;
  d->rows = g_ptr_array_new ();
  d->regions = g_ptr_array_new ();
  d->dialog = new_dialog (self, _ ("Targets"), province->name, 640, 720, NULL, &box);
  g_object_set_data_full (G_OBJECT (d->dialog), "cak-targets", d, targets_dialog_free);
  page = scrolled_page (box);

  /* The period */
  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _ ("Period"));
  adw_preferences_group_set_description (
      group, _ ("A target is a coverage percentage for a year, or for a month of it."));
  {
    GtkWidget *row = adw_action_row_new ();

    spin = gtk_spin_button_new_with_range (2000, 2100, 1);
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), period.year);
    gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
    gtk_widget_set_name (spin, "year");
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _ ("_Year"));
    adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
    adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
    gtk_accessible_update_relation (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_RELATION_LABELLED_BY, row,
                                    NULL, -1);
    adw_preferences_group_add (group, row);
    d->year = GTK_SPIN_BUTTON (spin);
  }
  d->month = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (d->month), _ ("_Month"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (d->month), TRUE);
  gtk_widget_set_name (GTK_WIDGET (d->month), "month");
  fill_month_names (d);
  adw_combo_row_set_selected (d->month, 0);
  adw_preferences_group_add (group, GTK_WIDGET (d->month));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);

  /* The province, its presets, and copying a year forward */
  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _ ("Province-wide"));
  adw_preferences_group_set_description (
      group, _ ("Applies to every regency of the province that has no target of its own."));
  add_target_row (d, group, province);
  presets = cak_target_presets (&n_presets);
  for (guint i = 0; i < n_presets; i++)
    {
      g_autofree char *pct = cak_window_monev_format_pct (self, presets[i].pct);
      /* Translators: a national target's name, then its percentage */
      g_autofree char *name = g_strdup_printf (_ ("%s: %s"), _ (presets[i].label), pct);

      gtk_string_list_append (preset_names, name);
    }
  d->preset = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (d->preset), _ ("National _target"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (d->preset), TRUE);
  adw_combo_row_set_model (d->preset, G_LIST_MODEL (preset_names));
  /* The plans' names are long: the one chosen is shown under the title, in full */
  adw_combo_row_set_use_subtitle (d->preset, TRUE);
  button = gtk_button_new_with_mnemonic (_ ("_Apply"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_name (button, "apply-preset");
  g_signal_connect (button, "clicked", G_CALLBACK (apply_preset_clicked_cb), d);
  adw_action_row_add_suffix (ADW_ACTION_ROW (d->preset), button);
  adw_preferences_group_add (group, GTK_WIDGET (d->preset));
  d->copy_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_action_row_set_subtitle (d->copy_row, _ ("Targets already typed for the next year stay."));
  button = gtk_button_new_with_mnemonic (_ ("Co_py"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_name (button, "copy-forward");
  g_signal_connect (button, "clicked", G_CALLBACK (copy_forward_clicked_cb), d);
  adw_action_row_add_suffix (d->copy_row, button);
  adw_preferences_group_add (group, GTK_WIDGET (d->copy_row));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);

  /* Each regency's own */
  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _ ("Each Regency's Own"));
  adw_preferences_group_set_description (
      group, _ ("Which target applies: one typed wins over one from a file; a regency's own over "
                "its province's; a month's over its year's. Leave a target empty to remove it."));
  regencies = cak_region_catalog_list_regencies (cak_region_catalog_get_default (), province->code);
  for (guint i = 0; i < regencies->len; i++)
    add_target_row (d, group, g_ptr_array_index (regencies, i));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);
  d->regencies = group;

  g_signal_connect (d->year, "notify::value", G_CALLBACK (targets_period_changed_cb), d);
  g_signal_connect (d->month, "notify::selected", G_CALLBACK (targets_period_changed_cb), d);
  g_object_set_data (G_OBJECT (d->dialog), "cak-monev-refresh", targets_refresh);
  targets_refresh (d->dialog);
  gtk_window_present (d->dialog);
  gtk_widget_grab_focus (GTK_WIDGET (row_entry (g_ptr_array_index (d->rows, 0))));
}

/* ---- Notes ------------------------------------------------------------------------------ */

typedef struct
{
  CakWindow *window;
  const CakRegion *region;
  GtkTextView *text;
} NoteDialog;

static void
note_save_clicked_cb (GtkButton *button, gpointer user_data)
{
  NoteDialog *d = user_data;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (d->text);
  GtkTextIter start, end;
  NoteEdit *n = g_new0 (NoteEdit, 1);
  GtkWindow *dialog = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (button)));

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  n->region = d->region;
  n->text = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  cak_window_monev_apply_edit_or_toast (d->window, cak_window_monev_set_note_edit, n,
                                        cak_window_monev_note_edit_free);
  gtk_window_destroy (dialog);
}

void
cak_window_monev_show_note (CakWindow *self, const CakRegion *region)
{
  CakMonev *monev = cak_window_monev_get (self);
  const char *note = monev ? cak_monev_get_note (monev, region) : NULL;
  NoteDialog *d = g_new0 (NoteDialog, 1);
  GtkWidget *header, *save, *scroller, *text;
  GtkWindow *dialog;
  GtkBox *box;

  d->window = self;
  d->region = region;
  dialog = new_dialog (self, _ ("Note"), region->name, 480, 320, &header, &box);
  g_object_set_data_full (G_OBJECT (dialog), "cak-note", d, g_free);
  save = add_dialog_buttons (dialog, header, _ ("_Save"));
  g_signal_connect (save, "clicked", G_CALLBACK (note_save_clicked_cb), d);
  text = gtk_text_view_new ();
  gtk_widget_set_name (text, "note");
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (text), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (text), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (text), 12);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (text), 12);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (text), 12);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text)), note ? note : "", -1);
  {
    /* Translators: the accessible name of a note's text; %s is a regency */
    g_autofree char *label = g_strdup_printf (_ ("Note on %s"), region->name);

    gtk_accessible_update_property (GTK_ACCESSIBLE (text), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                    -1);
  }
  d->text = GTK_TEXT_VIEW (text);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), text);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (box, scroller);
  gtk_window_present (dialog);
  gtk_widget_grab_focus (text);
}

/* ---- Actions ---------------------------------------------------------------------------- */

typedef struct
{
  CakWindow *window;
  CakAction *action; /* as it was, or a new one */
  AdwEntryRow *what, *office, *due, *note;
  AdwComboRow *status, *meeting;
  GArray *meeting_ids; /* gint64, after "None" */
  GtkLabel *error;
} ActionDialog;

static void
action_dialog_free (gpointer p)
{
  ActionDialog *d = p;

  cak_action_free (d->action);
  g_array_unref (d->meeting_ids);
  g_free (d);
}

static void
action_save_clicked_cb (GtkButton *button, gpointer user_data)
{
  ActionDialog *d = user_data;
  GtkWindow *dialog = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (button)));
  g_autoptr (CakAction) action = cak_action_copy (d->action);
  g_autoptr (GError) error = NULL;
  guint m = adw_combo_row_get_selected (d->meeting);

  g_free (action->action);
  action->action = cak_window_monev_dup_text (GTK_EDITABLE (d->what));
  g_free (action->office);
  action->office = cak_window_monev_dup_text (GTK_EDITABLE (d->office));
  g_free (action->due);
  action->due = cak_window_monev_dup_text (GTK_EDITABLE (d->due));
  g_free (action->note);
  action->note = cak_window_monev_dup_text (GTK_EDITABLE (d->note));
  action->status = MIN (adw_combo_row_get_selected (d->status), CAK_N_ACTION_STATUSES - 1);
  action->meeting_id
      = m > 0 && m <= d->meeting_ids->len ? g_array_index (d->meeting_ids, gint64, m - 1) : 0;
  if (action->action == NULL)
    {
      show_error (d->error, _ ("Say what is to be done."));
      gtk_widget_grab_focus (GTK_WIDGET (d->what));
      return;
    }
  if (!cak_window_monev_apply_edit (d->window, cak_window_monev_save_action_edit,
                                    g_steal_pointer (&action), (GDestroyNotify)cak_action_free,
                                    &error))
    {
      show_error (d->error, error->message);
      return;
    }
  gtk_window_destroy (dialog);
}

void
cak_window_monev_show_action (CakWindow *self, const CakRegion *region, const CakAction *existing)
{
  CakMonev *monev = cak_window_monev_get (self);
  ActionDialog *d = g_new0 (ActionDialog, 1);
  GtkWidget *header, *save, *page;
  AdwPreferencesGroup *group;
  GtkWindow *dialog;
  GtkBox *box;
  g_autoptr (GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autoptr (GtkStringList) meetings = gtk_string_list_new (NULL);
  GPtrArray *all = monev ? cak_monev_get_meetings (monev) : NULL;
  guint meeting_index = 0;

  d->window = self;
  if (existing)
    d->action = cak_action_copy (existing);
  else
    {
      const CakMeeting *last = monev ? cak_monev_get_last_meeting (monev) : NULL;

      d->action = g_new0 (CakAction, 1);
      d->action->region = region;
      d->action->status = CAK_ACTION_PLANNED;
      /* A new action is most often agreed at the meeting just recorded */
      d->action->meeting_id = last ? last->id : 0;
    }
  d->meeting_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  dialog = new_dialog (self, existing ? _ ("Edit Action") : _ ("New Action"), region->name, 520,
                       480, &header, &box);
  g_object_set_data_full (G_OBJECT (dialog), "cak-action", d, action_dialog_free);
  save = add_dialog_buttons (dialog, header, existing ? _ ("_Save") : _ ("_Add"));
  g_signal_connect (save, "clicked", G_CALLBACK (action_save_clicked_cb), d);
  page = scrolled_page (box);
  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  d->what = add_entry_row (group, _ ("What is to be done"), "action-text", d->action->action);
  d->office
      = add_entry_row (group, _ ("Responsible office (OPD)"), "action-office", d->action->office);
  d->due = add_entry_row (group, _ ("Due date (YYYY-MM-DD)"), "action-due", d->action->due);
  for (guint i = 0; i < CAK_N_ACTION_STATUSES; i++)
    gtk_string_list_append (statuses, cak_action_status_get_label (i));
  d->status = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (d->status), _ ("Status"));
  adw_combo_row_set_model (d->status, G_LIST_MODEL (statuses));
  adw_combo_row_set_selected (d->status, d->action->status);
  gtk_widget_set_name (GTK_WIDGET (d->status), "action-status");
  adw_preferences_group_add (group, GTK_WIDGET (d->status));
  gtk_string_list_append (meetings, _ ("None"));
  for (guint i = 0; all && i < all->len; i++)
    {
      const CakMeeting *m = g_ptr_array_index (all, i);
      g_autofree char *date = cak_window_monev_format_date (self, m->held_on);
      g_autofree char *name
          = m->title && *m->title ? g_strdup_printf ("%s, %s", m->title, date) : g_strdup (date);

      g_array_append_val (d->meeting_ids, m->id);
      gtk_string_list_append (meetings, name);
      if (m->id == d->action->meeting_id)
        meeting_index = d->meeting_ids->len;
    }
  d->meeting = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (d->meeting), _ ("Agreed at the meeting"));
  adw_combo_row_set_model (d->meeting, G_LIST_MODEL (meetings));
  adw_combo_row_set_selected (d->meeting, meeting_index);
  gtk_widget_set_name (GTK_WIDGET (d->meeting), "action-meeting");
  adw_preferences_group_add (group, GTK_WIDGET (d->meeting));
  d->note = add_entry_row (group, _ ("Where it stands"), "action-note", d->action->note);
  d->error = add_error_label (group);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);
  entries_activate (page, save);
  gtk_window_present (dialog);
  gtk_widget_grab_focus (GTK_WIDGET (d->what));
}

/* ---- The checklist of one regency ------------------------------------------------------- */

typedef struct
{
  CakWindow *window;
  const CakRegion *region;
  GtkSwitch *items[CAK_CHECKLIST_N_ITEMS];
  AdwEntryRow *ref, *date, *rupiah, *workers, *village_workers, *villages, *notes;
  GtkLabel *error;
} ChecklistDialog;

static void
set_item (CakChecklist *c, guint item, gboolean value)
{
  switch (item)
    {
      case 0:
        c->regulation = value;
        break;
      case 1:
        c->apbd = value;
        break;
      case 2:
        c->village_funds = value;
        break;
      case 3:
        c->non_asn = value;
        break;
      default:
        c->village_officials = value;
        break;
    }
}

/* A regency's checklist, or an empty one with no amounts */
static CakChecklist *
checklist_of (CakWindow *self, const CakRegion *region)
{
  CakMonev *monev = cak_window_monev_get (self);
  const CakChecklist *held = monev ? cak_monev_get_checklist (monev, region) : NULL;
  CakChecklist *c;

  if (held)
    return cak_checklist_copy (held);
  c = g_new0 (CakChecklist, 1);
  c->region = region;
  c->apbd_rupiah = c->apbd_workers = c->village_workers = c->villages = NAN;
  return c;
}

static gboolean
read_amount (ChecklistDialog *d, AdwEntryRow *row, double *out)
{
  if (cak_window_monev_parse_amount (d->window, gtk_editable_get_text (GTK_EDITABLE (row)), out))
    return TRUE;
  {
    /* Translators: %s is a field's name, "APBD amount (Rp)" */
    g_autofree char *text = g_strdup_printf (
        _ ("“%s” is not a number."), adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));

    show_error (d->error, text);
    gtk_widget_grab_focus (GTK_WIDGET (row));
  }
  return FALSE;
}

static void
checklist_save_clicked_cb (GtkButton *button, gpointer user_data)
{
  ChecklistDialog *d = user_data;
  GtkWindow *dialog = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (button)));
  g_autoptr (CakChecklist) c = checklist_of (d->window, d->region);
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < CAK_CHECKLIST_N_ITEMS; i++)
    set_item (c, i, gtk_switch_get_active (d->items[i]));
  g_free (c->regulation_ref);
  c->regulation_ref = cak_window_monev_dup_text (GTK_EDITABLE (d->ref));
  g_free (c->regulation_date);
  c->regulation_date = cak_window_monev_dup_text (GTK_EDITABLE (d->date));
  g_free (c->notes);
  c->notes = cak_window_monev_dup_text (GTK_EDITABLE (d->notes));
  if (!read_amount (d, d->rupiah, &c->apbd_rupiah) || !read_amount (d, d->workers, &c->apbd_workers)
      || !read_amount (d, d->village_workers, &c->village_workers)
      || !read_amount (d, d->villages, &c->villages))
    return;
  if (!cak_window_monev_apply_edit (d->window, cak_window_monev_set_checklist_edit,
                                    g_steal_pointer (&c), (GDestroyNotify)cak_checklist_free,
                                    &error))
    {
      show_error (d->error, error->message);
      return;
    }
  gtk_window_destroy (dialog);
}

void
cak_window_monev_show_checklist (CakWindow *self, const CakRegion *region)
{
  g_autoptr (CakChecklist) c = checklist_of (self, region);
  ChecklistDialog *d = g_new0 (ChecklistDialog, 1);
  GtkWidget *header, *save, *page;
  AdwPreferencesGroup *group;
  GtkWindow *dialog;
  GtkBox *box;
  g_autofree char *rupiah = cak_window_monev_format_amount (self, c->apbd_rupiah);
  g_autofree char *workers = cak_window_monev_format_amount (self, c->apbd_workers);
  g_autofree char *village_workers = cak_window_monev_format_amount (self, c->village_workers);
  g_autofree char *villages = cak_window_monev_format_amount (self, c->villages);

  d->window = self;
  d->region = region;
  dialog = new_dialog (self, _ ("Inpres 2/2021 Checklist"), region->name, 560, 700, &header, &box);
  g_object_set_data_full (G_OBJECT (dialog), "cak-checklist", d, g_free);
  save = add_dialog_buttons (dialog, header, _ ("_Save"));
  g_signal_connect (save, "clicked", G_CALLBACK (checklist_save_clicked_cb), d);
  page = scrolled_page (box);

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _ ("What the Regency Has Done"));
  for (guint i = 0; i < CAK_CHECKLIST_N_ITEMS; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *sw = gtk_switch_new ();
      g_autofree char *name = g_strdup_printf ("checklist-item-%u", i);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cak_checklist_item_get_label (i));
      gtk_switch_set_active (GTK_SWITCH (sw), cak_checklist_has_item (c, i));
      gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
      gtk_widget_set_name (sw, name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (sw), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      cak_checklist_item_get_label (i), -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
      adw_preferences_group_add (group, row);
      d->items[i] = GTK_SWITCH (sw);
    }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _ ("Figures"));
  d->ref = add_entry_row (group, _ ("Regulation (e.g. Perbup 25/2021)"), "checklist-ref",
                          c->regulation_ref);
  d->date = add_entry_row (group, _ ("Regulation date (YYYY-MM-DD)"), "checklist-date",
                           c->regulation_date);
  d->rupiah = add_entry_row (group, _ ("APBD amount (Rp)"), "checklist-apbd-rupiah", rupiah);
  d->workers
      = add_entry_row (group, _ ("Workers the APBD covers"), "checklist-apbd-workers", workers);
  d->village_workers = add_entry_row (group, _ ("Workers covered by village funds"),
                                      "checklist-village-workers", village_workers);
  d->villages = add_entry_row (group, _ ("Villages"), "checklist-villages", villages);
  d->notes = add_entry_row (group, _ ("Notes"), "checklist-notes", c->notes);
  d->error = add_error_label (group);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);
  entries_activate (page, save);
  gtk_window_present (dialog);
  gtk_widget_grab_focus (GTK_WIDGET (d->items[0]));
}

/* ---- The checklist of the province's regencies, as a table ------------------------------ */

enum
{
  TABLE_REF = CAK_CHECKLIST_N_ITEMS,
  TABLE_DATE,
  TABLE_RUPIAH,
  TABLE_WORKERS,
  TABLE_VILLAGE_WORKERS,
  TABLE_VILLAGES,
  TABLE_NOTES,
  TABLE_N_COLUMNS
};

typedef struct
{
  CakWindow *window;
  GPtrArray *regions; /* const CakRegion*, one per line */
  GPtrArray *cells;   /* GtkWidget*, TABLE_N_COLUMNS per line */
  gboolean filling;
} ChecklistTable;

static void
checklist_table_free (gpointer p)
{
  ChecklistTable *t = p;

  g_ptr_array_unref (t->regions);
  g_ptr_array_unref (t->cells);
  g_free (t);
}

static void
checklist_table_refresh (GtkWindow *dialog)
{
  ChecklistTable *t = g_object_get_data (G_OBJECT (dialog), "cak-checklist-table");
  CakWindow *self = t->window;

  t->filling = TRUE;
  for (guint line = 0; line < t->regions->len; line++)
    {
      g_autoptr (CakChecklist) c = checklist_of (self, g_ptr_array_index (t->regions, line));
      GtkWidget **cells = (GtkWidget **)t->cells->pdata + line * TABLE_N_COLUMNS;
      g_autofree char *date = cak_window_monev_format_date (self, c->regulation_date);
      g_autofree char *rupiah = isnan (c->apbd_rupiah)
                                    ? g_strdup ("")
                                    : cak_number_format_rupiah (c->apbd_rupiah, self->lang);
      g_autofree char *workers = cak_window_monev_format_amount (self, c->apbd_workers);
      g_autofree char *village_workers = cak_window_monev_format_amount (self, c->village_workers);
      g_autofree char *villages = cak_window_monev_format_amount (self, c->villages);

      for (guint i = 0; i < CAK_CHECKLIST_N_ITEMS; i++)
        gtk_check_button_set_active (GTK_CHECK_BUTTON (cells[i]), cak_checklist_has_item (c, i));
      gtk_label_set_text (GTK_LABEL (cells[TABLE_REF]), c->regulation_ref ? c->regulation_ref : "");
      gtk_label_set_text (GTK_LABEL (cells[TABLE_DATE]), date ? date : "");
      gtk_label_set_text (GTK_LABEL (cells[TABLE_RUPIAH]), rupiah);
      gtk_label_set_text (GTK_LABEL (cells[TABLE_WORKERS]), workers);
      gtk_label_set_text (GTK_LABEL (cells[TABLE_VILLAGE_WORKERS]), village_workers);
      gtk_label_set_text (GTK_LABEL (cells[TABLE_VILLAGES]), villages);
      gtk_label_set_text (GTK_LABEL (cells[TABLE_NOTES]), c->notes ? c->notes : "");
    }
  t->filling = FALSE;
}

static void
table_item_toggled_cb (GtkCheckButton *check, gpointer user_data)
{
  ChecklistTable *t = user_data;
  const CakRegion *region = g_object_get_data (G_OBJECT (check), "cak-region");
  guint item = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "cak-item"));
  CakChecklist *c;

  if (t->filling)
    return;
  c = checklist_of (t->window, region);
  set_item (c, item, gtk_check_button_get_active (check));
  cak_window_monev_apply_edit_or_toast (t->window, cak_window_monev_set_checklist_edit, c,
                                        (GDestroyNotify)cak_checklist_free);
}

static void
table_edit_clicked_cb (GtkButton *button, gpointer user_data)
{
  cak_window_monev_show_checklist (user_data, g_object_get_data (G_OBJECT (button), "cak-region"));
}

/* A cell of the table: @chars wide at least, cut short with an ellipsis beyond; 0: as wide as
 * its text. */
static GtkWidget *
table_label (const char *text, gboolean numeric, int chars)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1 : 0);
  if (chars > 0)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), chars);
      gtk_label_set_max_width_chars (GTK_LABEL (label), chars);
    }
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  return label;
}

/* How wide each column after the tick boxes is, in characters */
static const int table_chars[TABLE_N_COLUMNS - CAK_CHECKLIST_N_ITEMS] = { 12, 12, 12, 8, 8, 6, 10 };

void
cak_window_monev_show_checklist_table (CakWindow *self)
{
  const CakRegion *province = cak_window_monev_shown_province (self);
  static const char *const short_items[CAK_CHECKLIST_N_ITEMS]
      = { N_ ("Regulation"), N_ ("APBD"), N_ ("Village funds"), N_ ("Non-ASN"),
          N_ ("Village officials") };
  const char *heads[TABLE_N_COLUMNS - CAK_CHECKLIST_N_ITEMS] = {
    _ ("Number"),   _ ("Date"), _ ("APBD (Rp)"), _ ("APBD workers"), _ ("Village-fund workers"),
    _ ("Villages"), _ ("Notes")
  };
  g_autoptr (GPtrArray) regencies = NULL;
  ChecklistTable *t;
  GtkWindow *dialog;
  GtkWidget *scroller, *grid, *intro;
  GtkBox *box;

  if (province == NULL)
    return;
  t = g_new0 (ChecklistTable, 1);
  t->window = self;
  t->regions = g_ptr_array_new ();
  t->cells = g_ptr_array_new ();
  dialog = new_dialog (self, _ ("Inpres 2/2021 Checklist"), province->name, 1320, 640, NULL, &box);
  g_object_set_data_full (G_OBJECT (dialog), "cak-checklist-table", t, checklist_table_free);

  intro = gtk_label_new (
      _ ("What each regency has done under Presidential Instruction 2/2021. Tick an item here; "
         "the regulation's number and the amounts are typed with Edit."));
  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_label_set_xalign (GTK_LABEL (intro), 0);
  gtk_widget_set_margin_start (intro, 18);
  gtk_widget_set_margin_end (intro, 18);
  gtk_widget_set_margin_top (intro, 12);
  gtk_widget_set_margin_bottom (intro, 6);
  gtk_box_append (box, intro);

  grid = gtk_grid_new ();
  gtk_widget_set_name (grid, "checklist-table");
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  gtk_widget_set_margin_start (grid, 18);
  gtk_widget_set_margin_end (grid, 18);
  gtk_widget_set_margin_top (grid, 6);
  gtk_widget_set_margin_bottom (grid, 18);
  gtk_accessible_update_property (GTK_ACCESSIBLE (grid), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Inpres 2/2021 checklist of each regency"), -1);
  {
    GtkWidget *head = table_label (_ ("Regency"), FALSE, 0);

    gtk_widget_add_css_class (head, "heading");
    gtk_widget_set_valign (head, GTK_ALIGN_END);
    gtk_grid_attach (GTK_GRID (grid), head, 0, 0, 1, 1);
  }
  for (guint i = 0; i < TABLE_N_COLUMNS; i++)
    {
      const char *text
          = i < CAK_CHECKLIST_N_ITEMS ? _ (short_items[i]) : heads[i - CAK_CHECKLIST_N_ITEMS];
      GtkWidget *head = table_label (text, i >= TABLE_RUPIAH && i <= TABLE_VILLAGES, 0);

      gtk_widget_add_css_class (head, "heading");
      gtk_widget_set_valign (head, GTK_ALIGN_END);
      gtk_label_set_wrap (GTK_LABEL (head), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (head), i >= CAK_CHECKLIST_N_ITEMS
                                                           ? table_chars[i - CAK_CHECKLIST_N_ITEMS]
                                                           : 9);
      if (i < CAK_CHECKLIST_N_ITEMS)
        gtk_label_set_justify (GTK_LABEL (head), GTK_JUSTIFY_CENTER);
      if (i < CAK_CHECKLIST_N_ITEMS)
        gtk_widget_set_tooltip_text (head, cak_checklist_item_get_label (i));
      gtk_grid_attach (GTK_GRID (grid), head, i + 1, 0, 1, 1);
    }
  regencies = cak_region_catalog_list_regencies (cak_region_catalog_get_default (), province->code);
  for (guint line = 0; line < regencies->len; line++)
    {
      const CakRegion *region = g_ptr_array_index (regencies, line);
      GtkWidget *edit = gtk_button_new_with_label (_ ("Edit…"));
      /* Translators: the accessible name of a button; %s is a regency */
      g_autofree char *edit_label = g_strdup_printf (_ ("Edit the checklist of %s"), region->name);

      g_ptr_array_add (t->regions, (gpointer)region);
      gtk_grid_attach (GTK_GRID (grid), table_label (region->name, FALSE, 0), 0, line + 1, 1, 1);
      for (guint i = 0; i < TABLE_N_COLUMNS; i++)
        {
          GtkWidget *cell;

          if (i < CAK_CHECKLIST_N_ITEMS)
            {
              /* Translators: the accessible name of a tick box: an item, then a regency */
              g_autofree char *label
                  = g_strdup_printf (_ ("%s, %s"), cak_checklist_item_get_label (i), region->name);
              g_autofree char *name = g_strdup_printf ("check-%s-%u", region->code, i);

              cell = gtk_check_button_new ();
              gtk_widget_set_halign (cell, GTK_ALIGN_CENTER);
              gtk_widget_set_name (cell, name);
              gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                              label, -1);
              g_object_set_data (G_OBJECT (cell), "cak-region", (gpointer)region);
              g_object_set_data (G_OBJECT (cell), "cak-item", GUINT_TO_POINTER (i));
              g_signal_connect (cell, "toggled", G_CALLBACK (table_item_toggled_cb), t);
            }
          else
            cell = table_label ("", i >= TABLE_RUPIAH && i <= TABLE_VILLAGES,
                                table_chars[i - CAK_CHECKLIST_N_ITEMS]);
          g_ptr_array_add (t->cells, cell);
          gtk_grid_attach (GTK_GRID (grid), cell, i + 1, line + 1, 1, 1);
        }
      gtk_widget_add_css_class (edit, "flat");
      gtk_accessible_update_property (GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      edit_label, -1);
      g_object_set_data (G_OBJECT (edit), "cak-region", (gpointer)region);
      g_signal_connect (edit, "clicked", G_CALLBACK (table_edit_clicked_cb), self);
      gtk_grid_attach (GTK_GRID (grid), edit, TABLE_N_COLUMNS + 1, line + 1, 1, 1);
    }
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), grid);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (box, scroller);
  g_object_set_data (G_OBJECT (dialog), "cak-monev-refresh", checklist_table_refresh);
  checklist_table_refresh (dialog);
  gtk_window_present (dialog);
}

/* ---- Meetings --------------------------------------------------------------------------- */

typedef struct
{
  CakWindow *window;
  AdwEntryRow *date, *title, *notes;
  AdwComboRow *period, *compare;
  GArray *periods; /* CakPeriod, newest first */
  AdwPreferencesGroup *list;
  GPtrArray *list_rows;
  GtkLabel *error;
} MeetingsDialog;

static void
meetings_dialog_free (gpointer p)
{
  MeetingsDialog *d = p;

  g_array_unref (d->periods);
  g_ptr_array_unref (d->list_rows);
  g_free (d);
}

static void
remove_meeting_clicked_cb (GtkButton *button, gpointer user_data)
{
  gint64 id = *(gint64 *)g_object_get_data (G_OBJECT (button), "cak-id");

  cak_window_monev_apply_edit_or_toast (user_data, cak_window_monev_remove_meeting_edit,
                                        cak_window_monev_id_new (id), g_free);
}

static void
meetings_refresh (GtkWindow *dialog)
{
  MeetingsDialog *d = g_object_get_data (G_OBJECT (dialog), "cak-meetings");
  CakWindow *self = d->window;
  CakMonev *monev = cak_window_monev_get (self);
  GPtrArray *all = monev ? cak_monev_get_meetings (monev) : NULL;

  for (guint i = 0; i < d->list_rows->len; i++)
    adw_preferences_group_remove (d->list, g_ptr_array_index (d->list_rows, i));
  g_ptr_array_set_size (d->list_rows, 0);
  for (guint i = all ? all->len : 0; i > 0; i--)
    {
      const CakMeeting *m = g_ptr_array_index (all, i - 1);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      g_autofree char *date = cak_window_monev_format_date (self, m->held_on);
      g_autofree char *period
          = cak_period_is_valid (m->period) ? cak_period_format (m->period, self->lang) : NULL;
      g_autofree char *compare
          = cak_period_is_valid (m->compare) ? cak_period_format (m->compare, self->lang) : NULL;
      g_autofree char *title = g_markup_escape_text (m->title && *m->title ? m->title : date, -1);
      g_autoptr (GString) sub = g_string_new (date);
      /* Translators: the accessible name of a button; %s is a meeting */
      g_autofree char *remove_label = g_strdup_printf (_ ("Remove %s"), title);

      if (period)
        /* Translators: the period a meeting reviewed */
        g_string_append_printf (sub, _ (" · reviewed %s"), period);
      if (compare)
        /* Translators: the period a meeting compared with */
        g_string_append_printf (sub, _ (" · compared with %s"), compare);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sub->str);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _ ("Remove the meeting; its actions stay"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      remove_label, -1);
      g_object_set_data_full (G_OBJECT (remove), "cak-id", cak_window_monev_id_new (m->id), g_free);
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_meeting_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      adw_preferences_group_add (d->list, row);
      g_ptr_array_add (d->list_rows, row);
    }
  if (d->list_rows->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _ ("No meeting recorded yet"));
      adw_preferences_group_add (d->list, row);
      g_ptr_array_add (d->list_rows, row);
    }
}

static void
record_meeting_clicked_cb (GtkButton *button, gpointer user_data)
{
  MeetingsDialog *d = user_data;
  g_autoptr (CakMeeting) m = g_new0 (CakMeeting, 1);
  g_autoptr (GError) error = NULL;
  guint p = adw_combo_row_get_selected (d->period);
  guint c = adw_combo_row_get_selected (d->compare);

  m->held_on = cak_window_monev_dup_text (GTK_EDITABLE (d->date));
  m->title = cak_window_monev_dup_text (GTK_EDITABLE (d->title));
  m->notes = cak_window_monev_dup_text (GTK_EDITABLE (d->notes));
  m->period = p < d->periods->len ? g_array_index (d->periods, CakPeriod, p) : CAK_PERIOD_INIT_NONE;
  m->compare = c > 0 && c <= d->periods->len ? g_array_index (d->periods, CakPeriod, c - 1)
                                             : CAK_PERIOD_INIT_NONE;
  if (!cak_window_monev_apply_edit (d->window, cak_window_monev_add_meeting_edit,
                                    g_steal_pointer (&m), (GDestroyNotify)cak_meeting_free, &error))
    {
      show_error (d->error, error->message);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (d->error), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (d->title), "");
  gtk_editable_set_text (GTK_EDITABLE (d->notes), "");
  cak_window_toast (d->window, _ ("Meeting recorded"));
}

void
cak_window_monev_show_meetings (CakWindow *self)
{
  MeetingsDialog *d = g_new0 (MeetingsDialog, 1);
  g_autoptr (GtkStringList) periods = gtk_string_list_new (NULL);
  g_autoptr (GtkStringList) compares = gtk_string_list_new (NULL);
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  CakPeriod shown = cak_window_monev_shown_period (self);
  CakPeriod compare = cak_window_charts_get_compare (self);
  guint period_index = 0, compare_index = 0;
  GtkWidget *page, *button;
  AdwPreferencesGroup *group;
  GtkWindow *dialog;
  GtkBox *box;

  d->window = self;
  d->periods = g_array_new (FALSE, FALSE, sizeof (CakPeriod));
  d->list_rows = g_ptr_array_new ();
  dialog = new_dialog (self, _ ("Meetings"), NULL, 560, 700, NULL, &box);
  g_object_set_data_full (G_OBJECT (dialog), "cak-meetings", d, meetings_dialog_free);
  page = scrolled_page (box);

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _ ("Record a Meeting"));
  adw_preferences_group_set_description (
      group, _ ("The last meeting recorded is what “Since the last meeting” compares with."));
  d->date = add_entry_row (group, _ ("Held on (YYYY-MM-DD)"), "meeting-date", today);
  d->title = add_entry_row (group, _ ("Title"), "meeting-title", NULL);
  gtk_string_list_append (compares, _ ("None"));
  for (guint i = 0; self->periods && i < self->periods->len; i++)
    {
      CakPeriod p = g_array_index (self->periods, CakPeriod, i);
      g_autofree char *name = cak_period_format (p, self->lang);

      g_array_append_val (d->periods, p);
      gtk_string_list_append (periods, name);
      gtk_string_list_append (compares, name);
      if (cak_period_equal (p, shown))
        period_index = i;
      if (cak_period_equal (p, compare))
        compare_index = i + 1;
    }
  d->period = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (d->period), _ ("Period reviewed"));
  adw_combo_row_set_model (d->period, G_LIST_MODEL (periods));
  adw_combo_row_set_selected (d->period, period_index);
  gtk_widget_set_name (GTK_WIDGET (d->period), "meeting-period");
  adw_preferences_group_add (group, GTK_WIDGET (d->period));
  d->compare = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (d->compare), _ ("Compared with"));
  adw_combo_row_set_model (d->compare, G_LIST_MODEL (compares));
  adw_combo_row_set_selected (d->compare, compare_index);
  gtk_widget_set_name (GTK_WIDGET (d->compare), "meeting-compare");
  adw_preferences_group_add (group, GTK_WIDGET (d->compare));
  d->notes = add_entry_row (group, _ ("Notes"), "meeting-notes", NULL);
  d->error = add_error_label (group);
  button = gtk_button_new_with_mnemonic (_ ("_Record Meeting"));
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_set_name (button, "save");
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_set_margin_top (button, 12);
  g_signal_connect (button, "clicked", G_CALLBACK (record_meeting_clicked_cb), d);
  adw_preferences_group_add (group, button);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);
  entries_activate (GTK_WIDGET (group), button);
  gtk_window_set_default_widget (dialog, button);

  d->list = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (d->list, _ ("Meetings Held"));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), d->list);

  g_object_set_data (G_OBJECT (dialog), "cak-monev-refresh", meetings_refresh);
  meetings_refresh (dialog);
  gtk_window_present (dialog);
  gtk_widget_grab_focus (GTK_WIDGET (d->title));
}
