/* cak-window-monev.c: what a monev decides, typed in the window: targets, notes, the action
 * plan, the Inpres 2/2021 checklist and meetings
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything typed here goes to the project's CakMonev, which writes it to the project's file
 * at once. A window showing files without a project has nowhere to keep it: the first value
 * typed makes the unsaved project of the files shown (as Save Project As does, reading them in
 * a worker thread), and is kept in self->monev_pending until the project is there. The project's
 * "changed" signal re-computes what the window shows, once the changes of a moment are done.
 */
#define G_LOG_DOMAIN "cak-window-monev"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "cak-indicators.h"
#include "cak-number.h"
#include "cak-window-monev-private.h"

typedef struct
{
  EditFunc func;
  gpointer data;
  GDestroyNotify free;
} Edit;

static void
edit_free (gpointer p)
{
  Edit *edit = p;

  if (edit->free)
    edit->free (edit->data);
  g_free (edit);
}

/* ---- Helpers ---------------------------------------------------------------------------- */

CakMonev *
cak_window_monev_get (CakWindow *self)
{
  return self->project ? cak_project_get_monev (self->project) : NULL;
}

static const CakRegion *
lookup (const char *code)
{
  return cak_region_catalog_lookup_code (cak_region_catalog_get_default (), code);
}

/* The province the window shows */
const CakRegion *
cak_window_monev_shown_province (CakWindow *self)
{
  guint pi = gtk_drop_down_get_selected (self->province_dropdown);

  if (self->provinces && pi < self->provinces->len)
    return g_ptr_array_index (self->provinces, pi);
  return NULL;
}

/* The period the window shows */
CakPeriod
cak_window_monev_shown_period (CakWindow *self)
{
  guint ti = gtk_drop_down_get_selected (self->period_dropdown);

  if (self->periods == NULL || self->periods->len == 0)
    return CAK_PERIOD_INIT_NONE;
  return g_array_index (self->periods, CakPeriod, MIN (ti, self->periods->len - 1));
}

/* "34,99", "34.99", "34,99 %": a percentage as typed in either language; "" is none (NAN). */
gboolean
cak_window_monev_parse_pct (const char *text, double *out)
{
  g_autofree char *copy = g_strstrip (g_strdup (text ? text : ""));
  char *end = NULL;
  gsize n;

  n = strlen (copy);
  if (n > 0 && copy[n - 1] == '%')
    copy[--n] = '\0';
  g_strstrip (copy);
  if (*copy == '\0')
    {
      *out = NAN;
      return TRUE;
    }
  g_strdelimit (copy, ",", '.');
  if (strchr (copy, '.') != strrchr (copy, '.'))
    return FALSE;
  *out = g_ascii_strtod (copy, &end);
  return end && *end == '\0' && isfinite (*out);
}

/* An amount or a count as typed: "5.000" in Indonesian, "5,000" in English, "Rp1.500.000";
 * "" is none (NAN). */
gboolean
cak_window_monev_parse_amount (CakWindow *self, const char *text, double *out)
{
  g_autofree char *copy = g_strstrip (g_strdup (text ? text : ""));
  const char *p = copy;

  if (g_ascii_strncasecmp (p, "rp", 2) == 0)
    p += 2;
  while (*p == ' ' || *p == '.')
    p++;
  if (*p == '\0')
    {
      *out = NAN;
      return TRUE;
    }
  return cak_number_parse (p, self->lang == CAK_LANG_ID ? CAK_NUMBER_STYLE_ID : CAK_NUMBER_STYLE_EN,
                           out, NULL)
         && *out >= 0;
}

char *
cak_window_monev_format_amount (CakWindow *self, double value)
{
  return isnan (value) ? g_strdup ("") : cak_number_format (value, 0, self->lang);
}

char *
cak_window_monev_format_pct (CakWindow *self, double pct)
{
  return cak_number_format_percent (pct, 2, self->lang);
}

/* A date as the window's language writes it: "31 Maret 2026", or the text as typed. */
char *
cak_window_monev_format_date (CakWindow *self, const char *iso)
{
  g_autofree char *full = NULL;
  g_autoptr (GDateTime) date = NULL;

  if (iso == NULL || *iso == '\0')
    return NULL;
  full = g_strconcat (iso, "T00:00:00Z", NULL);
  date = g_date_time_new_from_iso8601 (full, NULL);
  return date ? cak_period_format_date (date, self->lang) : g_strdup (iso);
}

char *
cak_window_monev_dup_text (GtkEditable *editable)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  return *text ? g_steal_pointer (&text) : NULL;
}

/* ---- Edits ------------------------------------------------------------------------------ */

/* Runs @func on the project's monev now, or once the project of the files shown is made.
 * Returns FALSE with @error set when it was run and failed. */
gboolean
cak_window_monev_apply_edit (CakWindow *self, EditFunc func, gpointer data,
                             GDestroyNotify free_data, GError **error)
{
  Edit *edit;

  if (self->project)
    {
      gboolean ok = func (self, cak_window_monev_get (self), data, error);

      if (free_data)
        free_data (data);
      return ok;
    }
  edit = g_new0 (Edit, 1);
  edit->func = func;
  edit->data = data;
  edit->free = free_data;
  if (self->monev_pending == NULL)
    self->monev_pending = g_ptr_array_new_with_free_func (edit_free);
  g_ptr_array_add (self->monev_pending, edit);
  /* The first value typed: the files shown become a project, which takes it once made. */
  if (self->monev_pending->len == 1 && !cak_window_project_make_unsaved (self))
    {
      g_clear_pointer (&self->monev_pending, g_ptr_array_unref);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _ ("Open or import files first: what is typed is kept in their "
                              "project."));
      return FALSE;
    }
  return TRUE;
}

/* As cak_window_monev_apply_edit (), saying what went wrong in a toast. */
void
cak_window_monev_apply_edit_or_toast (CakWindow *self, EditFunc func, gpointer data,
                                      GDestroyNotify free_data)
{
  g_autoptr (GError) error = NULL;

  if (!cak_window_monev_apply_edit (self, func, data, free_data, &error))
    cak_window_toast (self, error->message);
}

void
cak_window_monev_target_edit_free (gpointer p)
{
  TargetEdit *t = p;

  g_free (t->note);
  g_free (t);
}

gboolean
cak_window_monev_set_target_edit (CakWindow *self, CakMonev *monev, gpointer data, GError **error)
{
  TargetEdit *t = data;

  return cak_monev_set_target (monev, t->region, t->period, t->pct, t->note, error);
}

gboolean
cak_window_monev_copy_forward_edit (CakWindow *self, CakMonev *monev, gpointer data, GError **error)
{
  CopyEdit *c = data;
  GError *local = NULL;
  guint n = cak_monev_copy_targets_forward (monev, c->from, c->to, &local);
  g_autofree char *text = NULL;

  if (local)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u target copied from %u to %u",
                                       "%u targets copied from %u to %u", n),
                          n, c->from, c->to);
  cak_window_toast (self, text);
  return TRUE;
}

void
cak_window_monev_note_edit_free (gpointer p)
{
  NoteEdit *n = p;

  g_free (n->text);
  g_free (n);
}

gboolean
cak_window_monev_set_note_edit (CakWindow *self, CakMonev *monev, gpointer data, GError **error)
{
  NoteEdit *n = data;

  return cak_monev_set_note (monev, n->region, n->text, error);
}

gboolean
cak_window_monev_save_action_edit (CakWindow *self, CakMonev *monev, gpointer data, GError **error)
{
  CakAction *action = data;

  if (action->id == 0 || cak_monev_get_action (monev, action->id) == NULL)
    return cak_monev_add_action (monev, action, error) != 0;
  return cak_monev_update_action (monev, action, error);
}

static gboolean
remove_action_edit (CakWindow *self, CakMonev *monev, gpointer data, GError **error)
{
  return cak_monev_remove_action (monev, *(gint64 *)data, error);
}

gboolean
cak_window_monev_set_checklist_edit (CakWindow *self, CakMonev *monev, gpointer data,
                                     GError **error)
{
  return cak_monev_set_checklist (monev, data, error);
}

gboolean
cak_window_monev_add_meeting_edit (CakWindow *self, CakMonev *monev, gpointer data, GError **error)
{
  return cak_monev_add_meeting (monev, data, error) != 0;
}

gboolean
cak_window_monev_remove_meeting_edit (CakWindow *self, CakMonev *monev, gpointer data,
                                      GError **error)
{
  return cak_monev_remove_meeting (monev, *(gint64 *)data, error);
}

gint64 *
cak_window_monev_id_new (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

/* ---- The detail panel ------------------------------------------------------------------- */

static GtkWidget *
heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 6);
  return label;
}

static GtkWidget *
small_button (const char *label, const char *action, const char *code)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", code);
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  return button;
}

static void
status_selected_cb (GtkDropDown *dropdown, GParamSpec *pspec, gpointer user_data)
{
  CakWindow *self = user_data;
  CakMonev *monev = cak_window_monev_get (self);
  gint64 id = *(gint64 *)g_object_get_data (G_OBJECT (dropdown), "cak-id");
  const CakAction *held = monev ? cak_monev_get_action (monev, id) : NULL;
  guint status = gtk_drop_down_get_selected (dropdown);
  CakAction *changed;

  if (held == NULL || status >= CAK_N_ACTION_STATUSES || status == held->status)
    return;
  changed = cak_action_copy (held);
  changed->status = status;
  cak_window_monev_apply_edit_or_toast (self, cak_window_monev_save_action_edit, changed,
                                        (GDestroyNotify)cak_action_free);
}

static char *
describe_action (CakWindow *self, const CakAction *a)
{
  CakMonev *monev = cak_window_monev_get (self);
  const CakMeeting *m
      = monev && a->meeting_id ? cak_monev_get_meeting (monev, a->meeting_id) : NULL;
  g_autoptr (GString) text = g_string_new (NULL);
  g_autofree char *due = cak_window_monev_format_date (self, a->due);

  if (a->office && *a->office)
    g_string_append (text, a->office);
  if (due)
    {
      if (text->len)
        g_string_append (text, " · ");
      /* Translators: %s is a date */
      g_string_append_printf (text, _ ("due %s"), due);
    }
  if (m)
    {
      g_autofree char *date = cak_window_monev_format_date (self, m->held_on);

      if (text->len)
        g_string_append (text, " · ");
      /* Translators: %s is a meeting, its title or its date */
      g_string_append_printf (text, _ ("agreed at %s"), m->title && *m->title ? m->title : date);
    }
  if (a->note && *a->note)
    {
      if (text->len)
        g_string_append (text, "\n");
      g_string_append (text, a->note);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GtkWidget *
action_row (CakWindow *self, const CakAction *a)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *what = gtk_label_new (a->action);
  g_autofree char *about = describe_action (self, a);
  GtkWidget *sub = gtk_label_new (about);
  GtkWidget *status;
  GtkWidget *edit = gtk_button_new_from_icon_name ("document-edit-symbolic");
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  const char *labels[CAK_N_ACTION_STATUSES + 1] = { NULL };
  /* Translators: accessible names of an action's buttons; %s is the action */
  g_autofree char *status_label = g_strdup_printf (_ ("Status of “%s”"), a->action);
  g_autofree char *edit_label = g_strdup_printf (_ ("Edit “%s”"), a->action);
  g_autofree char *remove_label = g_strdup_printf (_ ("Remove “%s”"), a->action);

  for (guint i = 0; i < CAK_N_ACTION_STATUSES; i++)
    labels[i] = cak_action_status_get_label (i);
  status = gtk_drop_down_new_from_strings (labels);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (status), a->status);
  g_object_set_data_full (G_OBJECT (status), "cak-id", cak_window_monev_id_new (a->id), g_free);
  g_signal_connect_object (status, "notify::selected", G_CALLBACK (status_selected_cb), self, 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (status), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  status_label, -1);
  gtk_widget_set_hexpand (status, TRUE);
  gtk_widget_set_halign (status, GTK_ALIGN_START);

  gtk_label_set_wrap (GTK_LABEL (what), TRUE);
  gtk_label_set_xalign (GTK_LABEL (what), 0);
  gtk_label_set_wrap (GTK_LABEL (sub), TRUE);
  gtk_label_set_xalign (GTK_LABEL (sub), 0);
  gtk_widget_add_css_class (sub, "dim-label");
  gtk_widget_add_css_class (sub, "caption");
  gtk_widget_set_visible (sub, *about != '\0');

  gtk_actionable_set_action_name (GTK_ACTIONABLE (edit), "win.edit-action");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (edit), "x", a->id);
  gtk_widget_add_css_class (edit, "flat");
  gtk_widget_set_tooltip_text (edit, _ ("Edit the action"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_PROPERTY_LABEL, edit_label,
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "win.remove-action");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "x", a->id);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _ ("Remove the action"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  remove_label, -1);

  gtk_box_append (GTK_BOX (buttons), status);
  gtk_box_append (GTK_BOX (buttons), edit);
  gtk_box_append (GTK_BOX (buttons), remove);
  gtk_box_append (GTK_BOX (box), what);
  gtk_box_append (GTK_BOX (box), sub);
  gtk_box_append (GTK_BOX (box), buttons);
  gtk_widget_set_name (box, "action");
  return box;
}

static GtkWidget *
checklist_line (CakWindow *self, const CakChecklist *c, guint item)
{
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gboolean done = c && cak_checklist_has_item (c, item);
  GtkWidget *icon
      = gtk_image_new_from_icon_name (done ? "object-select-symbolic" : "window-close-symbolic");
  g_autoptr (GString) text = g_string_new (cak_checklist_item_get_label (item));
  GtkWidget *label;

  if (c && item == 0 && (c->regulation_ref || c->regulation_date))
    {
      g_autofree char *date = cak_window_monev_format_date (self, c->regulation_date);

      g_string_append_printf (text, " (%s%s%s)", c->regulation_ref ? c->regulation_ref : "",
                              c->regulation_ref && date ? ", " : "", date ? date : "");
    }
  if (c && item == 1 && (!isnan (c->apbd_rupiah) || !isnan (c->apbd_workers)))
    {
      g_autofree char *rp
          = isnan (c->apbd_rupiah) ? NULL : cak_number_format_rupiah (c->apbd_rupiah, self->lang);
      g_autofree char *w
          = isnan (c->apbd_workers) ? NULL : cak_number_format (c->apbd_workers, 0, self->lang);

      g_string_append (text, ": ");
      if (rp)
        g_string_append (text, rp);
      if (w)
        /* Translators: workers covered, after an amount */
        g_string_append_printf (text, rp ? _ (", %s workers") : _ ("%s workers"), w);
    }
  if (c && item == 2 && (!isnan (c->village_workers) || !isnan (c->villages)))
    {
      g_autofree char *w = isnan (c->village_workers)
                               ? NULL
                               : cak_number_format (c->village_workers, 0, self->lang);
      g_autofree char *v
          = isnan (c->villages) ? NULL : cak_number_format (c->villages, 0, self->lang);

      g_string_append (text, ": ");
      if (w)
        g_string_append_printf (text, _ ("%s workers"), w);
      if (v)
        /* Translators: villages, after a number of workers */
        g_string_append_printf (text, w ? _ (" in %s villages") : _ ("%s villages"), v);
    }
  label = gtk_label_new (text->str);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  if (!done)
    {
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (icon, "dim-label");
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  done ? _ ("Done") : _ ("Not done"), -1);
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (line), icon);
  gtk_box_append (GTK_BOX (line), label);
  return line;
}

/**
 * cak_window_monev_fill_detail:
 * @region: (nullable): the regency the detail panel is for
 *
 * Shows the regency's note, its actions and its checklist in the detail panel.
 */
void
cak_window_monev_fill_detail (CakWindow *self, const CakRegion *region)
{
  CakMonev *monev = cak_window_monev_get (self);
  GtkWidget *child;
  const char *note;
  const CakChecklist *checklist;
  g_autoptr (GPtrArray) actions = NULL;
  gboolean has_data = self->data != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.targets", has_data);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.checklist", has_data);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.meetings", has_data);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-action", has_data);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->detail_monev))))
    gtk_box_remove (self->detail_monev, child);
  if (region == NULL)
    return;

  /* The note */
  note = monev ? cak_monev_get_note (monev, region) : NULL;
  gtk_box_append (self->detail_monev, heading (_ ("Note")));
  {
    GtkWidget *label = gtk_label_new (note ? note : _ ("No note yet."));

    gtk_label_set_wrap (GTK_LABEL (label), TRUE);
    gtk_label_set_xalign (GTK_LABEL (label), 0);
    gtk_label_set_selectable (GTK_LABEL (label), TRUE);
    gtk_widget_set_name (label, "detail-note");
    if (note == NULL)
      gtk_widget_add_css_class (label, "dim-label");
    gtk_box_append (self->detail_monev, label);
  }
  gtk_box_append (self->detail_monev,
                  small_button (_ ("Edit _Note…"), "win.edit-note", region->code));

  /* The actions */
  gtk_box_append (self->detail_monev, heading (_ ("Follow-up Actions")));
  actions = monev ? cak_monev_list_actions (monev, region, 0) : g_ptr_array_new ();
  if (actions->len == 0)
    {
      GtkWidget *label = gtk_label_new (_ ("No action agreed yet."));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (self->detail_monev, label);
    }
  for (guint i = 0; i < actions->len; i++)
    gtk_box_append (self->detail_monev, action_row (self, g_ptr_array_index (actions, i)));
  gtk_box_append (self->detail_monev,
                  small_button (_ ("_Add Action…"), "win.add-action", region->code));

  /* The checklist */
  gtk_box_append (self->detail_monev, heading (_ ("Inpres 2/2021")));
  checklist = monev ? cak_monev_get_checklist (monev, region) : NULL;
  for (guint i = 0; i < CAK_CHECKLIST_N_ITEMS; i++)
    gtk_box_append (self->detail_monev, checklist_line (self, checklist, i));
  if (checklist && checklist->notes && *checklist->notes)
    {
      GtkWidget *label = gtk_label_new (checklist->notes);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (self->detail_monev, label);
    }
  gtk_box_append (self->detail_monev,
                  small_button (_ ("Edit _Checklist…"), "win.edit-checklist", region->code));
}

/* ---- Actions of the window -------------------------------------------------------------- */

static const CakRegion *
region_of_parameter (CakWindow *self, GVariant *parameter)
{
  const char *code = parameter ? g_variant_get_string (parameter, NULL) : "";

  return lookup (*code ? code : self->selected_code);
}

static void
targets_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  cak_window_monev_show_targets (CAK_WINDOW (widget));
}

static void
checklist_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  cak_window_monev_show_checklist_table (CAK_WINDOW (widget));
}

static void
meetings_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  cak_window_monev_show_meetings (CAK_WINDOW (widget));
}

static void
edit_note_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CakWindow *self = CAK_WINDOW (widget);
  const CakRegion *region = region_of_parameter (self, parameter);

  if (region)
    cak_window_monev_show_note (self, region);
}

static void
add_action_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CakWindow *self = CAK_WINDOW (widget);
  const CakRegion *region = region_of_parameter (self, parameter);

  if (region)
    cak_window_monev_show_action (self, region, NULL);
  else
    cak_window_toast (self, _ ("Choose a regency first: its actions are agreed for it."));
}

static void
edit_action_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CakWindow *self = CAK_WINDOW (widget);
  CakMonev *monev = cak_window_monev_get (self);
  const CakAction *action
      = monev ? cak_monev_get_action (monev, g_variant_get_int64 (parameter)) : NULL;

  if (action)
    cak_window_monev_show_action (self, action->region, action);
}

static void
remove_action_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CakWindow *self = CAK_WINDOW (widget);

  cak_window_monev_apply_edit_or_toast (
      self, remove_action_edit, cak_window_monev_id_new (g_variant_get_int64 (parameter)), g_free);
}

static void
edit_checklist_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CakWindow *self = CAK_WINDOW (widget);
  const CakRegion *region = region_of_parameter (self, parameter);

  if (region)
    cak_window_monev_show_checklist (self, region);
}

/* ---- Changes ---------------------------------------------------------------------------- */

static gboolean
changed_idle_cb (gpointer user_data)
{
  CakWindow *self = user_data;
  CakMonev *monev = cak_window_monev_get (self);
  const CakMeeting *last = monev ? cak_monev_get_last_meeting (monev) : NULL;

  self->monev_idle = 0;
  /* A meeting recorded or removed: "Since the last meeting" follows it */
  if ((last ? last->id : 0) != self->compare_meeting_seen
      || (last && cak_period_to_key (last->period) != self->compare_meeting_period))
    cak_window_charts_refill_compare (self);
  cak_window_refresh (self);
  cak_window_monev_refresh_dialogs (self);
  return G_SOURCE_REMOVE;
}

/**
 * cak_window_monev_changed:
 *
 * The project changed: what the window shows is computed afresh once the changes of the
 * moment are made.
 */
void
cak_window_monev_changed (CakWindow *self)
{
  /* Files being added change the project in the thread that reads them, while the window may
   * read it: the window takes them in when the adding ends, in its own thread. A window being
   * closed computes nothing more. */
  if (g_thread_self () != self->main_thread || gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;
  if (self->monev_idle == 0)
    self->monev_idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, changed_idle_cb, self, NULL);
}

/**
 * cak_window_monev_project_made:
 * @made: whether the project of the files shown was made
 *
 * Applies what was typed while the project of the files shown was being made.
 */
void
cak_window_monev_project_made (CakWindow *self, gboolean made)
{
  g_autoptr (GPtrArray) pending = g_steal_pointer (&self->monev_pending);

  for (guint i = 0; made && pending && i < pending->len; i++)
    {
      Edit *edit = g_ptr_array_index (pending, i);
      g_autoptr (GError) error = NULL;

      if (!edit->func (self, cak_window_monev_get (self), edit->data, &error))
        cak_window_toast (self, error->message);
    }
  cak_window_monev_changed (self);
}

void
cak_window_monev_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.targets", NULL, targets_action_cb);
  gtk_widget_class_install_action (widget_class, "win.checklist", NULL, checklist_action_cb);
  gtk_widget_class_install_action (widget_class, "win.meetings", NULL, meetings_action_cb);
  gtk_widget_class_install_action (widget_class, "win.edit-note", "s", edit_note_action_cb);
  gtk_widget_class_install_action (widget_class, "win.add-action", "s", add_action_action_cb);
  gtk_widget_class_install_action (widget_class, "win.edit-action", "x", edit_action_action_cb);
  gtk_widget_class_install_action (widget_class, "win.remove-action", "x", remove_action_action_cb);
  gtk_widget_class_install_action (widget_class, "win.edit-checklist", "s",
                                   edit_checklist_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "win.targets",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.checklist", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.meetings", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.add-action", "s", "");
}

void
cak_window_monev_init (CakWindow *self)
{
  self->detail_monev = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));
  gtk_widget_set_name (GTK_WIDGET (self->detail_monev), "detail-monev");
  cak_window_monev_fill_detail (self, NULL);
}

void
cak_window_monev_dispose (CakWindow *self)
{
  g_clear_handle_id (&self->monev_idle, g_source_remove);
  g_clear_pointer (&self->monev_pending, g_ptr_array_unref);
}
