/* cak-window-monev-private.h: what the window's two monev files share: the edits of the
 * project's monev (applied at once, or once the project of the files shown is made) and the
 * dialogs
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cak-window-private.h"

G_BEGIN_DECLS

/* An edit of the monev, applied at once or once the project is made */
typedef gboolean (*EditFunc) (CakWindow *self, CakMonev *monev, gpointer data, GError **error);

typedef struct
{
  const CakRegion *region;
  CakPeriod period;
  double pct;
  char *note;
} TargetEdit;

typedef struct
{
  guint from, to;
} CopyEdit;

typedef struct
{
  const CakRegion *region;
  char *text;
} NoteEdit;

/* cak-window-monev.c */
CakMonev *cak_window_monev_get (CakWindow *self);
const CakRegion *cak_window_monev_shown_province (CakWindow *self);
CakPeriod cak_window_monev_shown_period (CakWindow *self);
gboolean cak_window_monev_parse_pct (const char *text, double *out);
gboolean cak_window_monev_parse_amount (CakWindow *self, const char *text, double *out);
char *cak_window_monev_format_amount (CakWindow *self, double value);
char *cak_window_monev_format_pct (CakWindow *self, double pct);
char *cak_window_monev_format_date (CakWindow *self, const char *iso);
char *cak_window_monev_dup_text (GtkEditable *editable);
gboolean cak_window_monev_apply_edit (CakWindow *self, EditFunc func, gpointer data,
                                      GDestroyNotify free_data, GError **error);
void cak_window_monev_apply_edit_or_toast (CakWindow *self, EditFunc func, gpointer data,
                                           GDestroyNotify free_data);
void cak_window_monev_target_edit_free (gpointer p);
gboolean cak_window_monev_set_target_edit (CakWindow *self, CakMonev *monev, gpointer data,
                                           GError **error);
gboolean cak_window_monev_copy_forward_edit (CakWindow *self, CakMonev *monev, gpointer data,
                                             GError **error);
void cak_window_monev_note_edit_free (gpointer p);
gboolean cak_window_monev_set_note_edit (CakWindow *self, CakMonev *monev, gpointer data,
                                         GError **error);
gboolean cak_window_monev_save_action_edit (CakWindow *self, CakMonev *monev, gpointer data,
                                            GError **error);
gboolean cak_window_monev_set_checklist_edit (CakWindow *self, CakMonev *monev, gpointer data,
                                              GError **error);
gboolean cak_window_monev_add_meeting_edit (CakWindow *self, CakMonev *monev, gpointer data,
                                            GError **error);
gboolean cak_window_monev_remove_meeting_edit (CakWindow *self, CakMonev *monev, gpointer data,
                                               GError **error);
gint64 *cak_window_monev_id_new (gint64 id);

/* cak-window-monev-dialogs.c */
void cak_window_monev_refresh_dialogs (CakWindow *self);
void cak_window_monev_show_targets (CakWindow *self);
void cak_window_monev_show_note (CakWindow *self, const CakRegion *region);
void cak_window_monev_show_action (CakWindow *self, const CakRegion *region,
                                   const CakAction *existing);
void cak_window_monev_show_checklist (CakWindow *self, const CakRegion *region);
void cak_window_monev_show_checklist_table (CakWindow *self);
void cak_window_monev_show_meetings (CakWindow *self);

G_END_DECLS
