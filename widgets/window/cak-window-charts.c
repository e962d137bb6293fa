/* cak-window-charts.c: the window's chart pages, detail panel, search, export and copy
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cak-window-charts"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "cak-accessible.h"
#include "cak-number.h"
#include "cak-region-find.h"
#include "cak-window-private.h"

/* The overview: key figures above, the ranking and where the uncovered are below. */
static const CakChartKind overview_kinds[3]
    = { CAK_CHART_KPI, CAK_CHART_RANKING, CAK_CHART_COVERAGE_WORKFORCE };

static void reveal_detail (CakWindow *self, gboolean reveal);

static GtkWidget *
scrolled (CakChartView *view)
{
  GtkWidget *sw = gtk_scrolled_window_new ();

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (sw), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (sw), GTK_WIDGET (view));
  gtk_widget_set_hexpand (sw, TRUE);
  gtk_widget_set_vexpand (sw, TRUE);
  return sw;
}

static void
view_selection_changed_cb (GObject *object, GParamSpec *pspec, gpointer user_data)
{
  CakWindow *self = user_data;

  cak_window_select_code (self, cak_chart_view_get_selected_code (CAK_CHART_VIEW (object)));
}

static void
view_item_activated_cb (CakChartView *view, const char *code, gpointer user_data)
{
  CakWindow *self = user_data;

  /* In the country's view, a province opens: its regencies, as the header would show them */
  if (self->data && self->data->by_province && cak_window_open_province (self, code))
    return;
  cak_window_select_code (self, code);
  reveal_detail (self, TRUE);
}

static CakChartView *
new_view (CakWindow *self, CakChartKind kind)
{
  CakChartView *view = CAK_CHART_VIEW (cak_chart_view_new (kind));

  g_signal_connect_object (view, "notify::selected-code", G_CALLBACK (view_selection_changed_cb),
                           self, 0);
  g_signal_connect_object (view, "item-activated", G_CALLBACK (view_item_activated_cb), self, 0);
  return view;
}

/* The chart the export and copy actions work on: the visible page's; on the overview, the
 * focused one or the ranking (the export dialog offers the others). */
static CakChartView *
current_view (CakWindow *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->pages);
  CakChartKind kind;

  if (self->data == NULL || name == NULL)
    return NULL;
  if (g_strcmp0 (name, "overview") == 0)
    {
      /* The overview's chart the keyboard is on, else its ranking */
      for (guint i = 0; i < G_N_ELEMENTS (self->overview); i++)
        if (gtk_widget_has_focus (GTK_WIDGET (self->overview[i])))
          return self->overview[i];
      return self->overview[1];
    }
  if (cak_chart_kind_from_id (name, &kind))
    return self->views[kind];
  return NULL;
}

/* The map's zoom buttons: each can act only short of its limit */
static void
update_map_actions (CakWindow *self)
{
  CakChartView *map = self->views[CAK_CHART_MAP];
  gboolean shown = map && cak_chart_view_get_data (map) != NULL;
  double zoom = map ? cak_chart_view_get_zoom (map) : 1;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.map-zoom-in",
                                 shown && zoom < CAK_CHART_ZOOM_MAX);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.map-zoom-out", shown && zoom > 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.map-zoom-reset", shown && zoom > 1);
}

static void
map_zoom_changed_cb (GObject *object, GParamSpec *pspec, gpointer user_data)
{
  update_map_actions (CAK_WINDOW (user_data));
}

static void
map_zoom_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CakWindow *self = CAK_WINDOW (widget);
  CakChartView *map = self->views[CAK_CHART_MAP];

  if (map == NULL)
    return;
  if (g_strcmp0 (action_name, "win.map-zoom-in") == 0)
    cak_chart_view_zoom_in (map);
  else if (g_strcmp0 (action_name, "win.map-zoom-out") == 0)
    cak_chart_view_zoom_out (map);
  else
    cak_chart_view_zoom_reset (map);
}

static GtkWidget *
zoom_button (const char *icon, const char *name, const char *key, const char *action)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);
  /* The button's name, and its key on the map */
  g_autofree char *tooltip = g_strdup_printf ("%s (%s)", name, key);

  gtk_widget_set_tooltip_text (button, tooltip);
  cak_accessible_name (button, name);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  /* The keyboard stays on the map, whose keys do the same */
  gtk_widget_set_focus_on_click (button, FALSE);
  return button;
}

/* The zoom buttons go in the top right corner of the map itself, below its title and legend
 * however long they are */
static gboolean
map_buttons_position_cb (GtkOverlay *overlay, GtkWidget *buttons, GdkRectangle *allocation,
                         gpointer user_data)
{
  CakChartView *map = user_data;
  const CakChartLayout *layout = cak_chart_view_get_layout (map);
  int width, height;
  double x, y;

  if (layout == NULL
      || !gtk_widget_translate_coordinates (GTK_WIDGET (map), GTK_WIDGET (overlay),
                                            layout->plot.x + layout->plot.width, layout->plot.y, &x,
                                            &y))
    return FALSE;
  gtk_widget_measure (buttons, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &width, NULL, NULL);
  gtk_widget_measure (buttons, GTK_ORIENTATION_VERTICAL, width, NULL, &height, NULL, NULL);
  allocation->width = width;
  allocation->height = height;
  allocation->x = MAX (0, (int)floor (x) - width);
  allocation->y = MAX (0, (int)ceil (y));
  return TRUE;
}

/* The map's page: the map, and its zoom buttons over its top right corner */
static GtkWidget *
map_page (CakWindow *self, CakChartView *map)
{
  GtkWidget *overlay = gtk_overlay_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_overlay_set_child (GTK_OVERLAY (overlay), scrolled (map));
  gtk_widget_add_css_class (buttons, "linked");
  gtk_widget_add_css_class (buttons, "osd");
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_widget_set_valign (buttons, GTK_ALIGN_START);
  gtk_widget_set_margin_top (buttons, 12);
  gtk_widget_set_margin_end (buttons, 12);
  gtk_box_append (GTK_BOX (buttons),
                  zoom_button ("zoom-in-symbolic", _ ("Zoom In"), "+", "win.map-zoom-in"));
  gtk_box_append (GTK_BOX (buttons),
                  zoom_button ("zoom-out-symbolic", _ ("Zoom Out"), "−", "win.map-zoom-out"));
  gtk_box_append (GTK_BOX (buttons), zoom_button ("zoom-original-symbolic", _ ("Show Whole Map"),
                                                  "0", "win.map-zoom-reset"));
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), buttons);
  g_signal_connect_object (overlay, "get-child-position", G_CALLBACK (map_buttons_position_cb), map,
                           0);
  g_signal_connect_object (map, "notify::zoom", G_CALLBACK (map_zoom_changed_cb), self, 0);
  return overlay;
}

static void
update_actions (CakWindow *self)
{
  gboolean has_chart = current_view (self) != NULL;

  update_map_actions (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-chart", has_chart);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.copy-chart", has_chart);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.find", self->data != NULL);
}

static void
page_changed_cb (GObject *object, GParamSpec *pspec, gpointer user_data)
{
  update_actions (CAK_WINDOW (user_data));
}

/* The detail panel */

static void
add_figure (CakWindow *self, int line, const char *name, const char *value)
{
  GtkWidget *label = gtk_label_new (name);
  GtkWidget *figure = gtk_label_new (value);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (figure), 1);
  gtk_label_set_selectable (GTK_LABEL (figure), TRUE);
  gtk_widget_add_css_class (figure, "numeric");
  gtk_widget_set_hexpand (figure, TRUE);
  gtk_grid_attach (self->detail_grid, label, 0, line, 1, 1);
  gtk_grid_attach (self->detail_grid, figure, 1, line, 1, 1);
}

static void
update_detail (CakWindow *self)
{
  int item = self->data ? cak_chart_data_find_code (self->data, self->selected_code)
                        : CAK_CHART_ITEM_NONE;
  const CakIndicatorRow *row;
  GtkWidget *child;
  CakLang lang;
  int line = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->detail_grid))))
    gtk_grid_remove (self->detail_grid, child);
  if (item == CAK_CHART_ITEM_NONE || cak_chart_data_get_row (self->data, item) == NULL)
    {
      reveal_detail (self, FALSE);
      cak_chart_view_set_data (self->detail_trend, NULL);
      cak_chart_view_set_data (self->detail_segments, NULL);
      cak_window_monev_fill_detail (self, NULL);
      return;
    }
  row = cak_chart_data_get_row (self->data, item);
  lang = self->data->lang;
  {
    g_autofree char *period = cak_period_format (self->data->period, lang);
    g_autofree char *sub = NULL;

    /* The province itself (Down on the key figures): its own figures, those of the key
     * figures, and no charts of one regency */
    if (item == CAK_CHART_ITEM_TOTAL)
      {
        gtk_label_set_text (self->detail_title, self->data->place);
        sub = g_strdup_printf ("%s · %s", _ ("All regencies and cities"), period);
      }
    else
      {
        gtk_label_set_text (self->detail_title, row->region->name);
        sub = g_strdup_printf ("%s · %s", self->data->place, period);
      }
    gtk_label_set_text (self->detail_subtitle, sub);
  }
  {
    g_autofree char *wf = cak_number_format (row->workforce, 0, lang);
    g_autofree char *pa = cak_number_format (row->participants, 0, lang);
    g_autofree char *co = cak_chart_format_pct (row->coverage_pct, 2, lang);
    g_autofree char *un = cak_number_format (row->uncovered, 0, lang);

    add_figure (self, line++, _ ("Workforce"), isnan (row->workforce) ? _ ("no data") : wf);
    add_figure (self, line++, _ ("Participants"), isnan (row->participants) ? _ ("no data") : pa);
    add_figure (self, line++, _ ("Coverage"), co);
    add_figure (self, line++, _ ("Not yet covered"), isnan (row->uncovered) ? _ ("no data") : un);
  }
  if (!isnan (row->target_pct))
    {
      g_autofree char *t = cak_number_format_percent (row->target_pct, 2, lang);
      g_autofree char *g = cak_number_format (row->gap_to_target, 0, lang);

      add_figure (self, line++, _ ("Target"), t);
      /* The province's overall gap is named apart from the sum of its regencies' gaps */
      add_figure (self, line++,
                  item == CAK_CHART_ITEM_TOTAL ? _ ("Overall gap to target")
                                               : _ ("Participants still needed"),
                  row->gap_to_target > 0 ? g : _ ("target reached"));
    }
  if (item == CAK_CHART_ITEM_TOTAL && !isnan (row->regency_gaps))
    {
      g_autofree char *sum = cak_number_format (row->regency_gaps, 0, lang);

      add_figure (self, line++, _ ("Sum of regency gaps"), sum);
    }
  if (row->rank > 0)
    {
      g_autofree char *rank = g_strdup_printf (_ ("%u of %u"), row->rank, self->data->rows->len);

      add_figure (self, line++, _ ("Rank in the province"), rank);
    }
  if (cak_period_is_valid (self->data->compare))
    {
      g_autofree char *since = cak_period_format (self->data->compare, lang);
      g_autofree char *name = g_strdup_printf (_ ("Change since %s"), since);
      g_autofree char *pp = cak_chart_format_pp (row->change_pp, lang);

      add_figure (self, line++, name, pp);
    }
  cak_window_monev_fill_detail (self, row->region);

  gtk_widget_set_visible (GTK_WIDGET (self->detail_trend), item >= 0);
  gtk_widget_set_visible (GTK_WIDGET (self->detail_segments), item >= 0);
  if (item >= 0)
    {
      g_autoptr (CakChartData) one = cak_chart_data_new_for_item (self->data, item);

      cak_chart_view_set_data (self->detail_trend, one);
      cak_chart_view_set_data (self->detail_segments, one);
      /* The regency's own line in colour, the province's beside it */
      cak_chart_view_select_code (self->detail_trend, row->region->code);
    }
  else
    {
      cak_chart_view_set_data (self->detail_trend, NULL);
      cak_chart_view_set_data (self->detail_segments, NULL);
    }
}

static void
detail_revealed_cb (GObject *object, GParamSpec *pspec, gpointer user_data)
{
  GtkRevealer *revealer = GTK_REVEALER (object);

  if (!gtk_revealer_get_child_revealed (revealer) && !gtk_revealer_get_reveal_child (revealer))
    gtk_widget_set_visible (GTK_WIDGET (revealer), FALSE);
}

static void
reveal_detail (CakWindow *self, gboolean reveal)
{
  if (reveal)
    gtk_widget_set_visible (GTK_WIDGET (self->detail_revealer), TRUE);
  if (reveal && !gtk_revealer_get_reveal_child (self->detail_revealer))
    {
      /* Translators: said to a screen reader as the detail panel opens; %s is a regency */
      g_autofree char *text
          = g_strdup_printf (_ ("Details of %s"), gtk_label_get_text (self->detail_title));

      /* The panel is a region named after its regency, which a screen reader can go to */
      gtk_accessible_update_property (
          GTK_ACCESSIBLE (gtk_revealer_get_child (self->detail_revealer)),
          GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
      cak_accessible_announce (gtk_revealer_get_child (self->detail_revealer), text);
    }
  gtk_revealer_set_reveal_child (self->detail_revealer, reveal);
}

static void
close_detail_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CakWindow *self = CAK_WINDOW (widget);

  reveal_detail (self, FALSE);
}

static void
show_detail_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CakWindow *self = CAK_WINDOW (widget);

  if (self->selected_code)
    reveal_detail (self, TRUE);
}

static GtkWidget *
build_detail (CakWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *close = gtk_button_new_from_icon_name ("window-close-symbolic");
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *outer = g_object_new (GTK_TYPE_BOX, "orientation", GTK_ORIENTATION_HORIZONTAL,
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_REGION, NULL);

  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_size_request (box, 360, -1);

  self->detail_title = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->detail_title, 0);
  gtk_label_set_wrap (self->detail_title, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->detail_title), "title-2");
  self->detail_subtitle = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->detail_subtitle, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->detail_subtitle), "dim-label");
  gtk_box_append (GTK_BOX (titles), GTK_WIDGET (self->detail_title));
  gtk_box_append (GTK_BOX (titles), GTK_WIDGET (self->detail_subtitle));
  gtk_widget_set_hexpand (titles, TRUE);
  gtk_widget_set_valign (close, GTK_ALIGN_START);
  gtk_widget_add_css_class (close, "flat");
  gtk_widget_set_tooltip_text (close, _ ("Close the Details"));
  cak_accessible_name (close, _ ("Close the Details"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (close), "win.close-detail");
  gtk_box_append (GTK_BOX (header), titles);
  gtk_box_append (GTK_BOX (header), close);
  gtk_box_append (GTK_BOX (box), header);

  self->detail_grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_row_spacing (self->detail_grid, 6);
  gtk_grid_set_column_spacing (self->detail_grid, 18);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->detail_grid));
  /* The regency's note, actions and checklist (cak-window-monev.c) */
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->detail_monev));

  self->detail_trend = CAK_CHART_VIEW (cak_chart_view_new (CAK_CHART_TREND));
  gtk_widget_set_size_request (GTK_WIDGET (self->detail_trend), -1, 260);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->detail_trend));
  self->detail_segments = CAK_CHART_VIEW (cak_chart_view_new (CAK_CHART_SEGMENTS));
  gtk_widget_set_size_request (GTK_WIDGET (self->detail_segments), -1, 240);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->detail_segments));

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (outer), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  gtk_box_append (GTK_BOX (outer), scroller);
  gtk_widget_add_css_class (outer, "background");
  return outer;
}

/* Search */

static int
find_region (CakWindow *self, const char *text)
{
  int item = cak_region_find (self->data, text);
  const CakRegion *elsewhere;

  if (item >= 0)
    return item;
  /* A regency of another province (or any regency, from the country's view): its province
   * opens, and the regency is found there */
  elsewhere = cak_region_find_in_dataset (self->dataset, text);
  if (elsewhere == NULL || !cak_window_open_province (self, elsewhere->province_code))
    return CAK_CHART_ITEM_NONE;
  return cak_region_find (self->data, text);
}

static void
search_changed_cb (GtkSearchEntry *entry, gpointer user_data)
{
  CakWindow *self = user_data;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  int item = find_region (self, text);

  if (item >= 0)
    {
      const CakRegion *region = g_array_index (self->data->rows, CakIndicatorRow, item).region;
      /* Translators: said to a screen reader as a search finds a regency */
      g_autofree char *found = g_strdup_printf (_ ("Found %s"), region->name);

      gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
      cak_window_select_code (self, region->code);
      cak_accessible_announce (GTK_WIDGET (entry), found);
    }
  else if (*text)
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      cak_accessible_announce (GTK_WIDGET (entry), _ ("No regency or city matches"));
    }
  else
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
}

/* The keyboard goes on where the selected regency is shown: the page's chart, or the table */
static void
focus_selection (CakWindow *self)
{
  CakChartView *view = current_view (self);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->pages), "table") == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->table));
  else if (view)
    gtk_widget_grab_focus (GTK_WIDGET (view));
}

static void
search_activate_cb (GtkSearchEntry *entry, gpointer user_data)
{
  CakWindow *self = user_data;

  if (find_region (self, gtk_editable_get_text (GTK_EDITABLE (entry))) >= 0)
    {
      reveal_detail (self, TRUE);
      gtk_search_bar_set_search_mode (self->search_bar, FALSE);
      focus_selection (self);
    }
}

static void
find_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CakWindow *self = CAK_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Export and copy */

typedef struct
{
  CakChartKind kind;
  CakChartData *data;
  CakChartTheme theme;
  double width, height, scale;
  char *path;
  GBytes *png;
} ExportJob;

static void
export_job_free (gpointer p)
{
  ExportJob *job = p;

  cak_chart_data_unref (job->data);
  g_free (job->path);
  g_clear_pointer (&job->png, g_bytes_unref);
  g_free (job);
}

static void
export_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  ExportJob *job = task_data;
  GError *error = NULL;

  if (job->path)
    {
      if (!cak_chart_export (job->kind, job->data, &job->theme, job->path, job->width, job->height,
                             job->scale, &error))
        g_task_return_error (task, error);
      else
        g_task_return_boolean (task, TRUE);
      return;
    }
  job->png = cak_chart_render_png (job->kind, job->data, &job->theme, job->width, job->height,
                                   job->scale, &error);
  if (job->png == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static ExportJob *
new_job (CakWindow *self, CakChartView *view)
{
  ExportJob *job = g_new0 (ExportJob, 1);

  job->kind = cak_chart_view_get_kind (view);
  /* The export is drawn from its own copy of the selection: the view keeps drawing meanwhile */
  job->data = cak_chart_data_ref (cak_chart_view_get_data (view));
  job->width = 1920;
  job->height = 1080;
  job->scale = 1;
  cak_chart_theme_init (&job->theme, CAK_CHART_THEME_LIGHT);
  return job;
}

static void
copy_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  CakWindow *self = CAK_WINDOW (source);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  g_autoptr (GdkTexture) texture = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      cak_window_toast (self, error->message);
      return;
    }
  texture = gdk_texture_new_from_bytes (job->png, &error);
  if (texture == NULL)
    {
      cak_window_toast (self, error->message);
      return;
    }
  gdk_clipboard_set_texture (gtk_widget_get_clipboard (GTK_WIDGET (self)), texture);
  cak_window_toast (self, _ ("Chart copied: paste it into a slide or a document"));
}

static void
copy_chart_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CakWindow *self = CAK_WINDOW (widget);
  CakChartView *view = current_view (self);
  g_autoptr (GTask) task = NULL;

  if (view == NULL || cak_chart_view_get_data (view) == NULL)
    return;
  task = g_task_new (self, NULL, copy_done_cb, NULL);
  g_task_set_task_data (task, new_job (self, view), export_job_free);
  g_task_run_in_thread (task, export_thread);
}

/* The export dialog: format, size, scale and colours, then where. */

typedef struct
{
  CakWindow *window;
  GtkWindow *dialog;
  AdwComboRow *format;
  AdwComboRow *size;
  AdwComboRow *scale;
  AdwComboRow *theme;
  AdwWindowTitle *title;
  AdwComboRow *chart; /* on a page of several charts: which one; else NULL */
  CakChartView *views[G_N_ELEMENTS (overview_kinds)];
  CakChartView *view;
} ExportDialog;

static const struct
{
  int width, height;
  const char *name;
} sizes[] = {
  { 1920, 1080, N_ ("Full HD slide, 1920 × 1080") },
  { 1280, 720, N_ ("HD slide, 1280 × 720") },
  { 1024, 768, N_ ("Projector 4:3, 1024 × 768") },
  { 1600, 1200, N_ ("Document page, 1600 × 1200") },
  { 3840, 2160, N_ ("4K, 3840 × 2160") },
};

static const char *const formats[] = { "png", "svg", "pdf" };

static void
export_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  CakWindow *self = CAK_WINDOW (source);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  g_autofree char *base = NULL;
  g_autofree char *text = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      cak_window_toast (self, error->message);
      return;
    }
  base = g_path_get_basename (job->path);
  text = g_strdup_printf (_ ("Saved “%s”"), base);
  cak_window_toast_saved (self, text, job->path);
}

/**
 * cak_window_toast_saved:
 * @path: the file written
 *
 * Says @text, with a button that opens the folder @path was saved in.
 */
void
cak_window_toast_saved (CakWindow *self, const char *text, const char *path)
{
  AdwToast *t = adw_toast_new (text);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *uri = g_filename_to_uri (dir, NULL, NULL);

  if (uri)
    {
      adw_toast_set_button_label (t, _ ("Open Folder"));
      adw_toast_set_action_name (t, "win.open-folder");
      adw_toast_set_action_target_value (t, g_variant_new_string (uri));
    }
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

static void
open_folder_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  gtk_show_uri (GTK_WINDOW (widget), g_variant_get_string (parameter, NULL), GDK_CURRENT_TIME);
}

static void
save_chosen_cb (GtkNativeDialog *chooser, int response, gpointer user_data)
{
  ExportDialog *d = user_data;
  CakWindow *self = d->window;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GTask) task = NULL;
  ExportJob *job;
  guint size = adw_combo_row_get_selected (d->size);
  guint format = adw_combo_row_get_selected (d->format);

  if (response != GTK_RESPONSE_ACCEPT)
    {
      g_object_unref (chooser);
      return;
    }
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  job = new_job (self, d->view);
  job->path = g_file_get_path (file);
  if (!g_str_has_suffix (job->path, formats[format]))
    {
      char *with = g_strconcat (job->path, ".", formats[format], NULL);

      g_free (job->path);
      job->path = with;
    }
  job->width = sizes[MIN (size, G_N_ELEMENTS (sizes) - 1)].width;
  job->height = sizes[MIN (size, G_N_ELEMENTS (sizes) - 1)].height;
  job->scale = adw_combo_row_get_selected (d->scale) == 1 ? 2 : 1;
  cak_chart_theme_init (&job->theme, adw_combo_row_get_selected (d->theme));
  gtk_window_destroy (d->dialog);
  task = g_task_new (self, NULL, export_done_cb, NULL);
  g_task_set_task_data (task, job, export_job_free);
  g_task_run_in_thread (task, export_thread);
}

static void
export_clicked_cb (GtkButton *button, gpointer user_data)
{
  ExportDialog *d = user_data;
  GtkFileChooserNative *chooser;
  guint format = adw_combo_row_get_selected (d->format);
  g_autofree char *name = NULL;
  g_autofree char *period = NULL;
  CakChartData *data = cak_chart_view_get_data (d->view);

  chooser = gtk_file_chooser_native_new (_ ("Export Chart"), d->dialog,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Export"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  period = cak_period_to_iso (data->period);
  name = g_strdup_printf ("cakupan-%s-%s.%s",
                          cak_chart_kind_to_id (cak_chart_view_get_kind (d->view)), period,
                          formats[format]);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (save_chosen_cb), d);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* A row of @group to choose one of @items, the first chosen. */
AdwComboRow *
cak_window_combo_row (AdwPreferencesGroup *group, const char *title, const char *const *items,
                      guint n)
{
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());
  g_autoptr (GtkStringList) list = gtk_string_list_new (NULL);

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (list, items[i]);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (row, G_LIST_MODEL (list));
  adw_preferences_group_add (group, GTK_WIDGET (row));
  return row;
}

static void
format_changed_cb (AdwComboRow *row, GParamSpec *pspec, gpointer user_data)
{
  ExportDialog *d = user_data;

  /* Only a PNG has pixels to double; SVG and PDF are sharp at any size */
  gtk_widget_set_sensitive (GTK_WIDGET (d->scale), adw_combo_row_get_selected (row) == 0);
}

static void
chart_changed_cb (AdwComboRow *row, GParamSpec *pspec, gpointer user_data)
{
  ExportDialog *d = user_data;
  guint i = adw_combo_row_get_selected (row);

  if (i >= G_N_ELEMENTS (d->views) || d->views[i] == NULL)
    return;
  d->view = d->views[i];
  adw_window_title_set_subtitle (d->title,
                                 cak_chart_kind_get_name (cak_chart_view_get_kind (d->view)));
}

static void
export_chart_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CakWindow *self = CAK_WINDOW (widget);
  CakChartView *view = current_view (self);
  ExportDialog *d;
  GtkWidget *window, *box, *header, *page, *button;
  AdwPreferencesGroup *group;
  const char *format_names[] = { _ ("PNG image"), _ ("SVG drawing"), _ ("PDF document") };
  const char *size_names[G_N_ELEMENTS (sizes)];
  const char *scale_names[] = { _ ("Normal (1×)"), _ ("Sharp on HiDPI screens (2×)") };
  const char *theme_names[] = { _ ("Light"), _ ("Dark"), _ ("Projector") };

  if (view == NULL || cak_chart_view_get_data (view) == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    size_names[i] = _ (sizes[i].name);

  d = g_new0 (ExportDialog, 1);
  d->window = self;
  d->view = view;
  /* The overview shows three charts: each can be exported */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->pages), "overview") == 0)
    for (guint i = 0; i < G_N_ELEMENTS (self->overview); i++)
      d->views[i] = self->overview[i];
  window = adw_window_new ();
  d->dialog = GTK_WINDOW (window);
  g_object_set_data_full (G_OBJECT (window), "export-dialog", d, g_free);
  gtk_window_set_title (d->dialog, _ ("Export Chart"));
  gtk_window_set_transient_for (d->dialog, GTK_WINDOW (self));
  gtk_window_set_modal (d->dialog, TRUE);
  gtk_window_set_default_size (d->dialog, 460, -1);
  gtk_window_set_destroy_with_parent (d->dialog, TRUE);

  cak_accessible_close_on_escape (d->dialog);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  d->title = ADW_WINDOW_TITLE (adw_window_title_new (
      _ ("Export Chart"), cak_chart_kind_get_name (cak_chart_view_get_kind (view))));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (d->title));
  /* Cancel and Export, both in the Tab order; the title bar's own close button is not */
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  button = gtk_button_new_with_mnemonic (_ ("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), button);
  button = gtk_button_new_with_mnemonic (_ ("_Export…"));
  gtk_widget_add_css_class (button, "suggested-action");
  g_signal_connect (button, "clicked", G_CALLBACK (export_clicked_cb), d);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), button);
  gtk_box_append (GTK_BOX (box), header);

  page = adw_preferences_page_new ();
  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  if (d->views[0])
    {
      const char *chart_names[G_N_ELEMENTS (overview_kinds)];
      guint selected = 0;

      for (guint i = 0; i < G_N_ELEMENTS (overview_kinds); i++)
        {
          chart_names[i] = cak_chart_kind_get_name (overview_kinds[i]);
          if (d->views[i] == view)
            selected = i;
        }
      d->chart = cak_window_combo_row (group, _ ("Chart"), chart_names, G_N_ELEMENTS (chart_names));
      adw_combo_row_set_selected (d->chart, selected);
      g_signal_connect (d->chart, "notify::selected", G_CALLBACK (chart_changed_cb), d);
    }
  d->format = cak_window_combo_row (group, _ ("Format"), format_names, G_N_ELEMENTS (format_names));
  d->size = cak_window_combo_row (group, _ ("Size"), size_names, G_N_ELEMENTS (size_names));
  d->scale
      = cak_window_combo_row (group, _ ("Pixel density"), scale_names, G_N_ELEMENTS (scale_names));
  d->theme = cak_window_combo_row (group, _ ("Colours"), theme_names, G_N_ELEMENTS (theme_names));
  g_signal_connect (d->format, "notify::selected", G_CALLBACK (format_changed_cb), d);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_set_default_widget (d->dialog, button);
  /* The keyboard starts on the first choice, not on Cancel */
  gtk_window_set_focus (d->dialog, GTK_WIDGET (d->chart ? d->chart : d->format));
  gtk_window_present (d->dialog);
}

/* Public */

void
cak_window_charts_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export-chart", NULL, export_chart_action_cb);
  gtk_widget_class_install_action (widget_class, "win.copy-chart", NULL, copy_chart_action_cb);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action_cb);
  gtk_widget_class_install_action (widget_class, "win.close-detail", NULL, close_detail_action_cb);
  gtk_widget_class_install_action (widget_class, "win.show-detail", NULL, show_detail_action_cb);
  gtk_widget_class_install_action (widget_class, "win.open-folder", "s", open_folder_action_cb);
  gtk_widget_class_install_action (widget_class, "win.map-zoom-in", NULL, map_zoom_action_cb);
  gtk_widget_class_install_action (widget_class, "win.map-zoom-out", NULL, map_zoom_action_cb);
  gtk_widget_class_install_action (widget_class, "win.map-zoom-reset", NULL, map_zoom_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "win.export-chart", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.copy-chart", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
}

void
cak_window_charts_init (CakWindow *self)
{
  GtkWidget *overview = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *lower = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  self->compare_periods = g_array_new (FALSE, FALSE, sizeof (CakPeriod));

  /* Overview: the key figures in a band, two charts side by side below */
  for (guint i = 0; i < G_N_ELEMENTS (overview_kinds); i++)
    self->overview[i] = new_view (self, overview_kinds[i]);
  gtk_widget_set_size_request (GTK_WIDGET (self->overview[0]), -1, 290);
  gtk_widget_set_vexpand (GTK_WIDGET (self->overview[0]), FALSE);
  gtk_box_append (GTK_BOX (overview), GTK_WIDGET (self->overview[0]));
  gtk_box_append (GTK_BOX (overview), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (lower), scrolled (self->overview[1]));
  gtk_box_append (GTK_BOX (lower), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  gtk_box_append (GTK_BOX (lower), scrolled (self->overview[2]));
  gtk_widget_set_vexpand (lower, TRUE);
  gtk_box_append (GTK_BOX (overview), lower);
  gtk_stack_add_titled (self->pages, overview, "overview", _ ("Overview"));

  /* A page per chart, in the order of the sidebar */
  for (guint k = 0; k < CAK_N_CHART_KINDS; k++)
    {
      if (k == CAK_CHART_KPI || !cak_chart_kind_from_id (cak_chart_kind_to_id (k), NULL))
        continue;
      self->views[k] = new_view (self, k);
      gtk_stack_add_titled (self->pages,
                            k == CAK_CHART_MAP ? map_page (self, self->views[k])
                                               : scrolled (self->views[k]),
                            cak_chart_kind_to_id (k), cak_chart_kind_get_name (k));
    }
  self->chart_view = self->views[CAK_CHART_RANKING];
  /* The table last, and the overview first */
  {
    GtkWidget *table_page = gtk_stack_get_child_by_name (self->pages, "table");

    g_object_ref (table_page);
    {
      g_autofree char *title
          = g_strdup (gtk_stack_page_get_title (gtk_stack_get_page (self->pages, table_page)));

      gtk_stack_remove (self->pages, table_page);
      gtk_stack_add_titled (self->pages, table_page, "table", title);
    }
    g_object_unref (table_page);
  }
  gtk_stack_set_visible_child (self->pages, overview);
  gtk_stack_sidebar_set_stack (self->sidebar, self->pages);
  /* Tab goes from the list of pages to the page shown, not to the next page */
  cak_accessible_single_tab_stop (GTK_WIDGET (self->sidebar));
  g_signal_connect_object (self->pages, "notify::visible-child", G_CALLBACK (page_changed_cb), self,
                           0);

  gtk_revealer_set_child (self->detail_revealer, build_detail (self));
  /* A closed panel takes no room at all once it has slid away */
  gtk_widget_set_visible (GTK_WIDGET (self->detail_revealer), FALSE);
  g_signal_connect_object (self->detail_revealer, "notify::child-revealed",
                           G_CALLBACK (detail_revealed_cb), self, 0);

  cak_accessible_name (GTK_WIDGET (self->search_entry), _ ("Find a Regency"));
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb),
                           self, 0);
  g_signal_connect_object (self->search_entry, "activate", G_CALLBACK (search_activate_cb), self,
                           0);
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self->pages));
  update_actions (self);
}

void
cak_window_charts_dispose (CakWindow *self)
{
  g_clear_pointer (&self->data, cak_chart_data_unref);
  g_clear_pointer (&self->compare_periods, g_array_unref);
  g_clear_pointer (&self->selected_code, g_free);
}

/* "Since the last meeting": the period the last meeting reviewed, when it is one of @all of
 * @period's kind before it. */
static void
add_last_meeting (CakWindow *self, CakPeriod period, GArray *all, GtkStringList *names)
{
  CakMonev *monev = self->project ? cak_project_get_monev (self->project) : NULL;
  const CakMeeting *last = monev ? cak_monev_get_last_meeting (monev) : NULL;
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;
  gboolean found = FALSE;

  self->compare_meeting = last ? last->id : 0;
  self->compare_meeting_seen = self->compare_meeting;
  self->compare_meeting_period = last ? cak_period_to_key (last->period) : 0;
  if (last == NULL || !cak_period_is_valid (last->period) || last->period.kind != period.kind
      || cak_period_compare (last->period, period) >= 0)
    {
      self->compare_meeting = 0;
      return;
    }
  for (guint i = 0; i < all->len && !found; i++)
    found = cak_period_equal (g_array_index (all, CakPeriod, i), last->period);
  if (!found)
    {
      self->compare_meeting = 0;
      return;
    }
  name = cak_period_format (last->period, self->lang);
  /* Translators: %s is the period the last monev meeting reviewed */
  label = g_strdup_printf (_ ("Since the last meeting (%s)"), name);
  g_array_append_val (self->compare_periods, last->period);
  gtk_string_list_append (names, label);
}

/**
 * cak_window_charts_fill_compare:
 *
 * Offers the periods before @period, of the same kind, to compare with; chooses a year
 * earlier when there is one.
 */
void
cak_window_charts_fill_compare (CakWindow *self, CakPeriod period)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr (GArray) all = cak_dataset_get_reporting_periods (self->dataset);
  CakPeriod preferred = cak_chart_default_compare (self->dataset, period);
  guint selected = 0;

  g_array_set_size (self->compare_periods, 0);
  gtk_string_list_append (names, _ ("No comparison"));
  add_last_meeting (self, period, all, names);
  for (guint i = all->len; i > 0; i--)
    {
      CakPeriod p = g_array_index (all, CakPeriod, i - 1);
      g_autofree char *name = NULL;
      g_autofree char *label = NULL;

      if (p.kind != period.kind || cak_period_compare (p, period) >= 0)
        continue;
      name = cak_period_format (p, self->lang);
      label = g_strdup_printf (_ ("Since %s"), name);
      g_array_append_val (self->compare_periods, p);
      gtk_string_list_append (names, label);
      if (cak_period_equal (p, preferred))
        selected = self->compare_periods->len;
    }
  self->filling_compare = TRUE;
  gtk_drop_down_set_model (self->compare_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->compare_dropdown, selected);
  self->filling_compare = FALSE;
}

/**
 * cak_window_charts_refill_compare:
 *
 * Offers the comparisons afresh (a meeting was recorded), keeping the one chosen.
 */
void
cak_window_charts_refill_compare (CakWindow *self)
{
  guint i = gtk_drop_down_get_selected (self->compare_dropdown);
  gboolean was_meeting = self->compare_meeting != 0 && i == 1;
  CakPeriod chosen = cak_window_charts_get_compare (self);
  guint select = 0;

  if (self->data == NULL || self->dataset == NULL)
    {
      self->compare_meeting = 0;
      return;
    }
  cak_window_charts_fill_compare (self, self->data->period);
  if (was_meeting && self->compare_meeting != 0)
    select = 1;
  else if (i == 0)
    select = 0;
  else
    for (guint k = self->compare_meeting != 0 ? 1 : 0; k < self->compare_periods->len; k++)
      if (cak_period_equal (g_array_index (self->compare_periods, CakPeriod, k), chosen))
        {
          select = k + 1;
          break;
        }
  self->filling_compare = TRUE;
  gtk_drop_down_set_selected (self->compare_dropdown, select);
  self->filling_compare = FALSE;
}

CakPeriod
cak_window_charts_get_compare (CakWindow *self)
{
  guint i = gtk_drop_down_get_selected (self->compare_dropdown);

  if (i == 0 || i == GTK_INVALID_LIST_POSITION || i > self->compare_periods->len)
    return CAK_PERIOD_INIT_NONE;
  return g_array_index (self->compare_periods, CakPeriod, i - 1);
}

void
cak_window_charts_set_data (CakWindow *self, CakChartData *data)
{
  g_clear_pointer (&self->data, cak_chart_data_unref);
  self->data = cak_chart_data_ref (data);
  for (guint i = 0; i < G_N_ELEMENTS (self->overview); i++)
    cak_chart_view_set_data (self->overview[i], data);
  for (guint k = 0; k < CAK_N_CHART_KINDS; k++)
    if (self->views[k])
      cak_chart_view_set_data (self->views[k], data);
  update_detail (self);
  update_actions (self);
}

void
cak_window_charts_set_theme (CakWindow *self, CakChartThemeKind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->overview); i++)
    cak_chart_view_set_theme_kind (self->overview[i], kind);
  for (guint k = 0; k < CAK_N_CHART_KINDS; k++)
    if (self->views[k])
      cak_chart_view_set_theme_kind (self->views[k], kind);
  cak_chart_view_set_theme_kind (self->detail_trend, kind);
  cak_chart_view_set_theme_kind (self->detail_segments, kind);
}

/**
 * cak_window_select_code:
 * @code: (nullable): a regency's code
 *
 * Selects a regency in every chart, the table and the detail panel at once.
 */
void
cak_window_select_code (CakWindow *self, const char *code)
{
  if (g_strcmp0 (code, self->selected_code) == 0)
    return;
  g_free (self->selected_code);
  self->selected_code = g_strdup (code);
  for (guint i = 0; i < G_N_ELEMENTS (self->overview); i++)
    cak_chart_view_select_code (self->overview[i], code);
  for (guint k = 0; k < CAK_N_CHART_KINDS; k++)
    if (self->views[k])
      cak_chart_view_select_code (self->views[k], code);
  cak_window_sync_table (self, code);
  update_detail (self);
}
