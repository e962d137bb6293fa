/* cak-window-private.h: the main window's state, shared by its source files
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cak-chart-view.h"
#include "cak-mapping-dialog.h"
#include "cak-project.h"
#include "cak-window.h"

G_BEGIN_DECLS

struct _CakWindow
{
  AdwApplicationWindow parent_instance;

  /* template children */
  AdwWindowTitle *window_title;
  AdwToastOverlay *toast_overlay;
  GtkStack *stack;
  GtkLabel *loading_label;
  GtkProgressBar *progress_bar;
  GtkDropDown *period_dropdown;
  GtkDropDown *province_dropdown;
  GtkColumnView *table;
  GtkStack *pages;
  GtkStackSidebar *sidebar;
  GtkRevealer *detail_revealer;
  GtkDropDown *compare_dropdown;
  GtkDropDown *peer_dropdown; /* a province (or the country) beside the one shown */
  GtkToggleButton *search_button;
  GtkSearchBar *search_bar;
  GtkSearchEntry *search_entry;
  GMenu *recent_menu;     /* Open Recent: the projects of the recent-projects setting */
  GtkLabel *recent_title; /* the start page's list of them */
  GtkListBox *recent_list;

  /* Charts: one page per kind, and the overview's three */
  CakChartView *chart_view; /* the ranking's page, which leads */
  CakChartView *views[CAK_N_CHART_KINDS];
  CakChartView *overview[3];
  CakChartData *data;      /* what every chart shows */
  GArray *compare_periods; /* CakPeriod, after "no comparison" in the dropdown */
  char *selected_code;     /* the region selected everywhere */
  gboolean filling_compare;
  GPtrArray *peer_codes; /* char *, the peer dropdown's places after "none" */
  gboolean filling_peer;

  /* The detail panel of the selected regency */
  GtkLabel *detail_title;
  GtkLabel *detail_subtitle;
  GtkGrid *detail_grid;
  CakChartView *detail_trend;
  CakChartView *detail_segments;

  GSettings *settings;
  CakLang lang;
  CakDataset *dataset;
  GPtrArray *files;   /* GFile, what the dataset was imported from */
  GPtrArray *choices; /* CakImportChoices* or NULL, how each file was imported */
  GCancellable *cancellable;
  guint import_generation; /* progress reports of other imports are dropped */
  guint pulse_source;      /* pulses the progress bar while the fraction is not known */

  /* The import the mapping step is for: its files, their choices, and the one to map. */
  GPtrArray *pending_files;
  GPtrArray *pending_choices;
  guint pending_index;
  char *pending_reason;
  CakMappingDialog *mapping_dialog;
  AdwToast *mapping_toast; /* offers the mapping step again, until the next import */
  GPtrArray *provinces;    /* const CakRegion*, those in the dropdown */
  GArray *periods;         /* CakPeriod, those in the dropdown, newest first */
  GListStore *rows;        /* CakRegionRow */
  GtkSingleSelection *selection;
  gboolean syncing_selection;

  /* The presentation (cak-window-present.c): the show, its dialog, and the dialog's choices */
  GtkWindow *presentation;
  GtkWindow *deck_dialog;
  char *present_connector; /* NULL: the projector when one is connected */
  gboolean present_dark;
  guint present_advance; /* seconds; 0: by hand */
  /* cak-window-report.c: the workbook being written, and its bar */
  GtkActionBar *report_bar;
  GtkLabel *report_label;
  GtkProgressBar *report_progress;
  GCancellable *report_cancellable;
  /* cak-window-project.c: the project shown, the files being added to it, and its dialogs */
  CakProject *project;
  GThread *main_thread; /* the window's: a project also changes in the threads that add files */
  gpointer project_add;       /* the files read, waiting for the user's word on conflicts */
  GtkWidget *project_dialog;  /* the conflicts or the question on closing */
  int project_then;           /* what to do once the project is saved or discarded */
  GFile *project_then_file;   /* the project to open then */
  gboolean project_discarded; /* the user let the unsaved project go */
  /* cak-window-monev.c: what was typed before the project of the files shown was made, the
   * detail panel's monev part, and the meeting "Since the last meeting" is offered for */
  GPtrArray *monev_pending;
  guint monev_idle;
  GtkBox *detail_monev;
  gint64 compare_meeting;      /* offered in the comparison drop-down, or 0 */
  gint64 compare_meeting_seen; /* the last meeting when it was filled, and its period */
  guint32 compare_meeting_period;
};

/* cak-window-charts.c: the chart pages, the detail panel, search, export and copy */
void cak_window_charts_class_init (GtkWidgetClass *widget_class);
void cak_window_charts_init (CakWindow *self);
void cak_window_charts_dispose (CakWindow *self);
void cak_window_charts_fill_compare (CakWindow *self, CakPeriod period);
CakPeriod cak_window_charts_get_compare (CakWindow *self);
void cak_window_charts_set_data (CakWindow *self, CakChartData *data);
void cak_window_charts_set_theme (CakWindow *self, CakChartThemeKind kind);
void cak_window_select_code (CakWindow *self, const char *code);
void cak_window_toast_saved (CakWindow *self, const char *text, const char *path);
AdwComboRow *cak_window_combo_row (AdwPreferencesGroup *group, const char *title,
                                   const char *const *items, guint n);

/* cak-window-report.c: the monev workbook, the table as CSV */
void cak_window_report_class_init (GtkWidgetClass *widget_class);
void cak_window_report_init (CakWindow *self);
void cak_window_report_dispose (CakWindow *self);
void cak_window_report_add_preferences (CakWindow *self, AdwPreferencesPage *page);

/* cak-window-present.c: the presentation and the deck dialog */
void cak_window_present_class_init (GtkWidgetClass *widget_class);
void cak_window_present_init (CakWindow *self);
void cak_window_present_dispose (CakWindow *self);

/* cak-window-project.c: projects: open, add files, conflicts, save, the question on closing */
void cak_window_project_class_init (GtkWidgetClass *widget_class);
void cak_window_project_dispose (CakWindow *self);
gboolean cak_window_project_open_files (CakWindow *self, GFile **files, int n_files);
gboolean cak_window_project_add (CakWindow *self, GPtrArray *files, GPtrArray *choices);
gboolean cak_window_project_close_request (CakWindow *self);
void cak_window_project_add_filter (GtkFileChooser *chooser);
void cak_window_project_init_recent (CakWindow *self);

/* cak-window-monev.c: targets, notes, actions, the Inpres 2/2021 checklist and meetings */
void cak_window_monev_class_init (GtkWidgetClass *widget_class);
void cak_window_monev_init (CakWindow *self);
void cak_window_monev_dispose (CakWindow *self);
void cak_window_monev_fill_detail (CakWindow *self, const CakRegion *region);
void cak_window_monev_changed (CakWindow *self);
void cak_window_monev_project_made (CakWindow *self, gboolean made);
gboolean cak_window_project_make_unsaved (CakWindow *self);
void cak_window_charts_refill_compare (CakWindow *self);

/* cak-window.c */
void cak_window_refresh (CakWindow *self);
void cak_window_show_dataset (CakWindow *self);
void cak_window_sync_table (CakWindow *self, const char *code);
gboolean cak_window_open_province (CakWindow *self, const char *code);
void cak_window_toast (CakWindow *self, const char *text);
char *cak_window_describe_files (CakWindow *self);

G_END_DECLS
