/* cak-monev.h: what a monev decides, typed in and kept in the project: targets, notes, the
 * action plan, the Inpres 2/2021 checklist and the meetings
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "cak-dataset.h"
#include "cak-lang.h"

G_BEGIN_DECLS

/* A coverage target a person typed, for a province (applying to its regencies that have none
 * of their own) or a regency, for a year or a month. */
typedef struct
{
  const CakRegion *region;
  CakPeriod period;
  double pct;
  char *note;   /* where it comes from: "RPJMD", "RKP 2026"; may be empty */
  char *set_at; /* ISO 8601, UTC */
} CakTarget;

/* The national path, as presets: never interpolated between the years stated. */
typedef struct
{
  const char *id;
  const char *label; /* untranslated: "RPJMN 2025–2029, 2025" */
  guint year;
  double pct;
} CakTargetPreset;

const CakTargetPreset *cak_target_presets (guint *out_n);

typedef enum
{
  CAK_ACTION_PLANNED,
  CAK_ACTION_IN_PROGRESS,
  CAK_ACTION_DONE,
  CAK_ACTION_DROPPED,
  CAK_N_ACTION_STATUSES
} CakActionStatus;

const char *cak_action_status_to_id (CakActionStatus status);
gboolean cak_action_status_from_id (const char *id, CakActionStatus *out_status);
const char *cak_action_status_get_label (CakActionStatus status);

/* A follow-up action (rencana tindak lanjut) agreed for a regency. */
typedef struct
{
  gint64 id; /* 0 before it is added */
  const CakRegion *region;
  char *action; /* "Sosialisasi BPU ke 12 desa" */
  char *office; /* the responsible office (OPD): "Disnaker" */
  char *due;    /* YYYY-MM-DD, or NULL */
  CakActionStatus status;
  gint64 meeting_id; /* the meeting it was agreed at, 0 for none */
  char *note;        /* where it stands, in words */
  char *created_at;  /* ISO 8601, UTC */
  char *updated_at;
} CakAction;

void cak_action_free (CakAction *action);
CakAction *cak_action_copy (const CakAction *action);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CakAction, cak_action_free)

/* What a regency has done under Presidential Instruction 2/2021. Amounts are NAN when not
 * given. */
typedef struct
{
  const CakRegion *region;
  gboolean regulation;   /* a Perbup/Perwali issued */
  char *regulation_ref;  /* "Perbup 25/2021" */
  char *regulation_date; /* YYYY-MM-DD, or NULL */
  gboolean apbd;         /* APBD allocated for vulnerable workers */
  double apbd_rupiah;
  double apbd_workers;
  gboolean village_funds; /* village funds used */
  double village_workers;
  double villages;
  gboolean non_asn;           /* non-civil-servant staff enrolled */
  gboolean village_officials; /* village officials enrolled */
  char *notes;
  char *updated_at;
} CakChecklist;

#define CAK_CHECKLIST_N_ITEMS 5 /* regulation, APBD, village funds, non-ASN, village officials */

void cak_checklist_free (CakChecklist *checklist);
CakChecklist *cak_checklist_copy (const CakChecklist *checklist);
gboolean cak_checklist_has_item (const CakChecklist *checklist, guint item);
const char *cak_checklist_item_get_label (guint item);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CakChecklist, cak_checklist_free)

/* A monev meeting: the period it reviewed and what it compared with. */
typedef struct
{
  gint64 id;
  char *held_on; /* YYYY-MM-DD */
  char *title;   /* "Rakor monev semester I" */
  CakPeriod period;
  CakPeriod compare; /* invalid for none */
  char *notes;
} CakMeeting;

void cak_meeting_free (CakMeeting *meeting);
CakMeeting *cak_meeting_copy (const CakMeeting *meeting);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CakMeeting, cak_meeting_free)

/* Where the monev is written as it changes: a project's open SQLite file. */
typedef struct _CakProjectStore CakProjectStore;

#define CAK_TYPE_MONEV (cak_monev_get_type ())
G_DECLARE_FINAL_TYPE (CakMonev, cak_monev, CAK, MONEV, GObject)

CakMonev *cak_monev_new (CakDataset *dataset);
void cak_monev_set_store (CakMonev *self, CakProjectStore *store);
gboolean cak_monev_load (CakMonev *self, CakProjectStore *store, GError **error);
gboolean cak_monev_write_all (CakMonev *self, CakProjectStore *store, GError **error);
gboolean cak_monev_is_empty (CakMonev *self);
CakMonev *cak_monev_copy (CakMonev *self);

/* Targets */
gboolean cak_monev_set_target (CakMonev *self, const CakRegion *region, CakPeriod period,
                               double pct, const char *note, GError **error);
GArray *cak_monev_get_targets (CakMonev *self);
const CakTarget *cak_monev_find_target (CakMonev *self, const CakRegion *region, CakPeriod period);
guint cak_monev_copy_targets_forward (CakMonev *self, guint from_year, guint to_year,
                                      GError **error);

/* Notes */
gboolean cak_monev_set_note (CakMonev *self, const CakRegion *region, const char *text,
                             GError **error);
const char *cak_monev_get_note (CakMonev *self, const CakRegion *region);
GPtrArray *cak_monev_get_noted_regions (CakMonev *self);

/* The action plan */
gint64 cak_monev_add_action (CakMonev *self, const CakAction *action, GError **error);
gboolean cak_monev_update_action (CakMonev *self, const CakAction *action, GError **error);
gboolean cak_monev_remove_action (CakMonev *self, gint64 id, GError **error);
GPtrArray *cak_monev_get_actions (CakMonev *self);
GPtrArray *cak_monev_list_actions (CakMonev *self, const CakRegion *region, gint64 meeting_id);
const CakAction *cak_monev_get_action (CakMonev *self, gint64 id);

/* The Inpres 2/2021 checklist */
gboolean cak_monev_set_checklist (CakMonev *self, const CakChecklist *checklist, GError **error);
const CakChecklist *cak_monev_get_checklist (CakMonev *self, const CakRegion *region);
GPtrArray *cak_monev_get_checklists (CakMonev *self);

/* Meetings */
gint64 cak_monev_add_meeting (CakMonev *self, const CakMeeting *meeting, GError **error);
gboolean cak_monev_update_meeting (CakMonev *self, const CakMeeting *meeting, GError **error);
gboolean cak_monev_remove_meeting (CakMonev *self, gint64 id, GError **error);
GPtrArray *cak_monev_get_meetings (CakMonev *self);
const CakMeeting *cak_monev_get_meeting (CakMonev *self, gint64 id);
const CakMeeting *cak_monev_get_last_meeting (CakMonev *self);

G_END_DECLS
