/* cak-monev.c: what a monev decides, typed in and kept in the project
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything here is written through to the project's file as it changes, one statement (and
 * so one transaction) per change: a typed target is on disk before the call returns. An unsaved
 * project keeps it in memory until cak_monev_write_all() writes the whole into its first file.
 * Targets are also handed to the dataset, so that every chart, slide and report uses them.
 */
#define G_LOG_DOMAIN "cak-monev"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <sqlite3.h>
#include <string.h>

#include "cak-monev.h"
#include "cak-project-store.h"

struct _CakMonev
{
  GObject parent_instance;

  CakDataset *dataset;
  CakProjectStore *store; /* not owned: the project's, NULL while unsaved */
  GArray *targets;        /* CakTarget, by region code and period */
  GHashTable *notes;      /* const CakRegion* -> char* */
  GPtrArray *actions;     /* CakAction*, in the order added */
  GHashTable *checklists; /* const CakRegion* -> CakChecklist* */
  GPtrArray *meetings;    /* CakMeeting*, by date */
  gint64 next_id;         /* ids of actions and meetings made before the project is saved */
};

G_DEFINE_FINAL_TYPE (CakMonev, cak_monev, G_TYPE_OBJECT)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const CakTargetPreset presets[] = {
  { "rpjmn-2025", N_ ("RPJMN 2025–2029, for 2025"), 2025, 32.15 },
  { "rkp-2026", N_ ("RKP 2026"), 2026, 34.99 },
  { "rpjmn-2029", N_ ("RPJMN 2025–2029, for 2029"), 2029, 43.92 },
};

static const char *const status_ids[CAK_N_ACTION_STATUSES] = {
  "planned",
  "in-progress",
  "done",
  "dropped",
};

/* ---- Values --------------------------------------------------------------------------- */

/**
 * cak_target_presets:
 *
 * Returns: (array length=out_n): the national targets as the plans state them, for a year each
 */
const CakTargetPreset *
cak_target_presets (guint *out_n)
{
  g_return_val_if_fail (out_n != NULL, NULL);

  *out_n = G_N_ELEMENTS (presets);
  return presets;
}

const char *
cak_action_status_to_id (CakActionStatus status)
{
  g_return_val_if_fail (status < CAK_N_ACTION_STATUSES, NULL);

  return status_ids[status];
}

gboolean
cak_action_status_from_id (const char *id, CakActionStatus *out_status)
{
  for (guint i = 0; id && i < CAK_N_ACTION_STATUSES; i++)
    if (g_ascii_strcasecmp (id, status_ids[i]) == 0)
      {
        if (out_status)
          *out_status = i;
        return TRUE;
      }
  return FALSE;
}

/**
 * cak_action_status_get_label:
 *
 * Returns: the status in the interface language ("In progress")
 */
const char *
cak_action_status_get_label (CakActionStatus status)
{
  switch (status)
    {
      case CAK_ACTION_PLANNED:
        return _ ("Planned");
      case CAK_ACTION_IN_PROGRESS:
        return _ ("In progress");
      case CAK_ACTION_DONE:
        return _ ("Done");
      case CAK_ACTION_DROPPED:
        return _ ("Dropped");
      case CAK_N_ACTION_STATUSES:
      default:
        g_return_val_if_reached (NULL);
    }
}

void
cak_action_free (CakAction *action)
{
  if (action == NULL)
    return;
  g_free (action->action);
  g_free (action->office);
  g_free (action->due);
  g_free (action->note);
  g_free (action->created_at);
  g_free (action->updated_at);
  g_free (action);
}

CakAction *
cak_action_copy (const CakAction *action)
{
  CakAction *copy;

  g_return_val_if_fail (action != NULL, NULL);

  copy = g_memdup2 (action, sizeof *action);
  copy->action = g_strdup (action->action);
  copy->office = g_strdup (action->office);
  copy->due = g_strdup (action->due);
  copy->note = g_strdup (action->note);
  copy->created_at = g_strdup (action->created_at);
  copy->updated_at = g_strdup (action->updated_at);
  return copy;
}

void
cak_checklist_free (CakChecklist *checklist)
{
  if (checklist == NULL)
    return;
  g_free (checklist->regulation_ref);
  g_free (checklist->regulation_date);
  g_free (checklist->notes);
  g_free (checklist->updated_at);
  g_free (checklist);
}

CakChecklist *
cak_checklist_copy (const CakChecklist *checklist)
{
  CakChecklist *copy;

  g_return_val_if_fail (checklist != NULL, NULL);

  copy = g_memdup2 (checklist, sizeof *checklist);
  copy->regulation_ref = g_strdup (checklist->regulation_ref);
  copy->regulation_date = g_strdup (checklist->regulation_date);
  copy->notes = g_strdup (checklist->notes);
  copy->updated_at = g_strdup (checklist->updated_at);
  return copy;
}

/**
 * cak_checklist_has_item:
 * @item: 0 regulation, 1 APBD, 2 village funds, 3 non-ASN staff, 4 village officials
 */
gboolean
cak_checklist_has_item (const CakChecklist *checklist, guint item)
{
  g_return_val_if_fail (checklist != NULL, FALSE);
  g_return_val_if_fail (item < CAK_CHECKLIST_N_ITEMS, FALSE);

  switch (item)
    {
      case 0:
        return checklist->regulation;
      case 1:
        return checklist->apbd;
      case 2:
        return checklist->village_funds;
      case 3:
        return checklist->non_asn;
      default:
        return checklist->village_officials;
    }
}

/**
 * cak_checklist_item_get_label:
 *
 * Returns: the item's name in the interface language
 */
const char *
cak_checklist_item_get_label (guint item)
{
  g_return_val_if_fail (item < CAK_CHECKLIST_N_ITEMS, NULL);

  switch (item)
    {
      case 0:
        return _ ("Regulation issued (Perbup/Perwali)");
      case 1:
        return _ ("APBD allocated for vulnerable workers");
      case 2:
        return _ ("Village funds used");
      case 3:
        return _ ("Non-ASN staff enrolled");
      default:
        return _ ("Village officials enrolled");
    }
}

void
cak_meeting_free (CakMeeting *meeting)
{
  if (meeting == NULL)
    return;
  g_free (meeting->held_on);
  g_free (meeting->title);
  g_free (meeting->notes);
  g_free (meeting);
}

CakMeeting *
cak_meeting_copy (const CakMeeting *meeting)
{
  CakMeeting *copy;

  g_return_val_if_fail (meeting != NULL, NULL);

  copy = g_memdup2 (meeting, sizeof *meeting);
  copy->held_on = g_strdup (meeting->held_on);
  copy->title = g_strdup (meeting->title);
  copy->notes = g_strdup (meeting->notes);
  return copy;
}

static void
target_clear (gpointer p)
{
  CakTarget *target = p;

  g_free (target->note);
  g_free (target->set_at);
}

static char *
now_iso (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format_iso8601 (now);
}

/* A date as YYYY-MM-DD, the only form kept. */
static gboolean
is_date (const char *text)
{
  g_autoptr (GDateTime) date = NULL;
  g_autofree char *iso = NULL;

  if (text == NULL || strlen (text) != 10)
    return FALSE;
  iso = g_strconcat (text, "T00:00:00Z", NULL);
  date = g_date_time_new_from_iso8601 (iso, NULL);
  return date != NULL;
}

static const CakRegion *
lookup_region (CakMonev *self, const char *code)
{
  return code ? cak_region_catalog_lookup_code (cak_dataset_get_catalog (self->dataset), code)
              : NULL;
}

static void
emit_changed (CakMonev *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

/* ---- SQL -------------------------------------------------------------------------------- */

static sqlite3 *
db_of (CakProjectStore *store)
{
  return (sqlite3 *)cak_project_store_get_db (store);
}

static gboolean
prepare (CakProjectStore *store, const char *sql, sqlite3_stmt **stmt, GError **error)
{
  if (sqlite3_prepare_v2 (db_of (store), sql, -1, stmt, NULL) != SQLITE_OK)
    return cak_project_store_fail (store, error);
  return TRUE;
}

static gboolean
finish (CakProjectStore *store, sqlite3_stmt *stmt, GError **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return cak_project_store_fail (store, error);
  return TRUE;
}

static void
bind_text (sqlite3_stmt *stmt, int index, const char *text)
{
  if (text)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

static void
bind_double (sqlite3_stmt *stmt, int index, double value)
{
  if (isnan (value))
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_double (stmt, index, value);
}

static void
bind_period (sqlite3_stmt *stmt, int index, CakPeriod period)
{
  g_autofree char *iso = cak_period_is_valid (period) ? cak_period_to_iso (period) : NULL;

  bind_text (stmt, index, iso);
}

static char *
column_dup (sqlite3_stmt *stmt, int index)
{
  return g_strdup ((const char *)sqlite3_column_text (stmt, index));
}

static double
column_double (sqlite3_stmt *stmt, int index)
{
  return sqlite3_column_type (stmt, index) == SQLITE_NULL ? NAN
                                                          : sqlite3_column_double (stmt, index);
}

static CakPeriod
column_period (sqlite3_stmt *stmt, int index)
{
  CakPeriod period = CAK_PERIOD_INIT_NONE;
  const char *text = (const char *)sqlite3_column_text (stmt, index);

  if (text && !cak_period_parse (text, &period))
    period = CAK_PERIOD_INIT_NONE;
  return period;
}

static gboolean
write_target (CakProjectStore *store, const CakTarget *target, GError **error)
{
  sqlite3_stmt *stmt = NULL;

  if (!prepare (store,
                "INSERT OR REPLACE INTO targets (region, period, pct, note, set_at)"
                " VALUES (?, ?, ?, ?, ?)",
                &stmt, error))
    return FALSE;
  bind_text (stmt, 1, target->region->code);
  bind_period (stmt, 2, target->period);
  sqlite3_bind_double (stmt, 3, target->pct);
  bind_text (stmt, 4, target->note ? target->note : "");
  bind_text (stmt, 5, target->set_at);
  return finish (store, stmt, error);
}

static gboolean
delete_target (CakProjectStore *store, const CakRegion *region, CakPeriod period, GError **error)
{
  sqlite3_stmt *stmt = NULL;

  if (!prepare (store, "DELETE FROM targets WHERE region = ? AND period = ?", &stmt, error))
    return FALSE;
  bind_text (stmt, 1, region->code);
  bind_period (stmt, 2, period);
  return finish (store, stmt, error);
}

static gboolean
write_note (CakProjectStore *store, const CakRegion *region, const char *text,
            const char *updated_at, GError **error)
{
  sqlite3_stmt *stmt = NULL;

  if (text == NULL || text[0] == '\0')
    {
      if (!prepare (store, "DELETE FROM notes WHERE region = ?", &stmt, error))
        return FALSE;
      bind_text (stmt, 1, region->code);
      return finish (store, stmt, error);
    }
  if (!prepare (store, "INSERT OR REPLACE INTO notes (region, text, updated_at) VALUES (?, ?, ?)",
                &stmt, error))
    return FALSE;
  bind_text (stmt, 1, region->code);
  bind_text (stmt, 2, text);
  bind_text (stmt, 3, updated_at);
  return finish (store, stmt, error);
}

static gboolean
write_action (CakProjectStore *store, const CakAction *action, GError **error)
{
  sqlite3_stmt *stmt = NULL;

  if (!prepare (store,
                "INSERT OR REPLACE INTO actions (id, region, action, office, due, status,"
                " meeting_id, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                &stmt, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, action->id);
  bind_text (stmt, 2, action->region->code);
  bind_text (stmt, 3, action->action);
  bind_text (stmt, 4, action->office ? action->office : "");
  bind_text (stmt, 5, action->due);
  bind_text (stmt, 6, status_ids[action->status]);
  if (action->meeting_id > 0)
    sqlite3_bind_int64 (stmt, 7, action->meeting_id);
  else
    sqlite3_bind_null (stmt, 7);
  bind_text (stmt, 8, action->note ? action->note : "");
  bind_text (stmt, 9, action->created_at);
  bind_text (stmt, 10, action->updated_at);
  return finish (store, stmt, error);
}

static gboolean
delete_by_id (CakProjectStore *store, const char *sql, gint64 id, GError **error)
{
  sqlite3_stmt *stmt = NULL;

  if (!prepare (store, sql, &stmt, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return finish (store, stmt, error);
}

static gboolean
write_checklist (CakProjectStore *store, const CakChecklist *c, GError **error)
{
  sqlite3_stmt *stmt = NULL;

  if (!prepare (store,
                "INSERT OR REPLACE INTO checklist (region, regulation, regulation_ref,"
                " regulation_date, apbd, apbd_rupiah, apbd_workers, village_funds,"
                " village_workers, villages, non_asn, village_officials, notes, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                &stmt, error))
    return FALSE;
  bind_text (stmt, 1, c->region->code);
  sqlite3_bind_int (stmt, 2, c->regulation != FALSE);
  bind_text (stmt, 3, c->regulation_ref ? c->regulation_ref : "");
  bind_text (stmt, 4, c->regulation_date);
  sqlite3_bind_int (stmt, 5, c->apbd != FALSE);
  bind_double (stmt, 6, c->apbd_rupiah);
  bind_double (stmt, 7, c->apbd_workers);
  sqlite3_bind_int (stmt, 8, c->village_funds != FALSE);
  bind_double (stmt, 9, c->village_workers);
  bind_double (stmt, 10, c->villages);
  sqlite3_bind_int (stmt, 11, c->non_asn != FALSE);
  sqlite3_bind_int (stmt, 12, c->village_officials != FALSE);
  bind_text (stmt, 13, c->notes ? c->notes : "");
  bind_text (stmt, 14, c->updated_at);
  return finish (store, stmt, error);
}

static gboolean
write_meeting (CakProjectStore *store, const CakMeeting *m, GError **error)
{
  sqlite3_stmt *stmt = NULL;

  if (!prepare (store,
                "INSERT OR REPLACE INTO meetings (id, held_on, title, period, compare, notes)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                &stmt, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, m->id);
  bind_text (stmt, 2, m->held_on);
  bind_text (stmt, 3, m->title ? m->title : "");
  bind_period (stmt, 4, m->period);
  bind_period (stmt, 5, m->compare);
  bind_text (stmt, 6, m->notes ? m->notes : "");
  return finish (store, stmt, error);
}

/* ---- The object ------------------------------------------------------------------------- */

static int
compare_targets (gconstpointer a, gconstpointer b)
{
  const CakTarget *ta = a, *tb = b;
  int c = strcmp (ta->region->code, tb->region->code);

  return c != 0 ? c : cak_period_compare (ta->period, tb->period);
}

static int
compare_meetings (gconstpointer a, gconstpointer b)
{
  const CakMeeting *ma = *(const CakMeeting *const *)a;
  const CakMeeting *mb = *(const CakMeeting *const *)b;
  int c = g_strcmp0 (ma->held_on, mb->held_on);

  return c != 0 ? c : (ma->id > mb->id) - (ma->id < mb->id);
}

static void
clear_all (CakMonev *self)
{
  for (guint i = 0; i < self->targets->len; i++)
    cak_dataset_set_typed_target (self->dataset, g_array_index (self->targets, CakTarget, i).region,
                                  g_array_index (self->targets, CakTarget, i).period, NAN);
  g_array_set_size (self->targets, 0);
  g_hash_table_remove_all (self->notes);
  g_ptr_array_set_size (self->actions, 0);
  g_hash_table_remove_all (self->checklists);
  g_ptr_array_set_size (self->meetings, 0);
  self->next_id = 1;
}

static void
cak_monev_finalize (GObject *object)
{
  CakMonev *self = CAK_MONEV (object);

  g_clear_object (&self->dataset);
  g_clear_pointer (&self->targets, g_array_unref);
  g_clear_pointer (&self->notes, g_hash_table_unref);
  g_clear_pointer (&self->actions, g_ptr_array_unref);
  g_clear_pointer (&self->checklists, g_hash_table_unref);
  g_clear_pointer (&self->meetings, g_ptr_array_unref);

  G_OBJECT_CLASS (cak_monev_parent_class)->finalize (object);
}

static void
cak_monev_class_init (CakMonevClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cak_monev_finalize;

  /**
   * CakMonev::changed:
   *
   * Something typed changed: a target, a note, an action, a checklist or a meeting.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                   NULL, NULL, G_TYPE_NONE, 0);
}

static void
cak_monev_init (CakMonev *self)
{
  self->targets = g_array_new (FALSE, TRUE, sizeof (CakTarget));
  g_array_set_clear_func (self->targets, target_clear);
  self->notes = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->actions = g_ptr_array_new_with_free_func ((GDestroyNotify)cak_action_free);
  self->checklists = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)cak_checklist_free);
  self->meetings = g_ptr_array_new_with_free_func ((GDestroyNotify)cak_meeting_free);
  self->next_id = 1;
}

/**
 * cak_monev_new:
 * @dataset: the project's figures: typed targets are handed to it
 *
 * Returns: (transfer full): an empty monev, kept in memory until it is given a store
 */
CakMonev *
cak_monev_new (CakDataset *dataset)
{
  CakMonev *self;

  g_return_val_if_fail (CAK_IS_DATASET (dataset), NULL);

  self = g_object_new (CAK_TYPE_MONEV, NULL);
  self->dataset = g_object_ref (dataset);
  return self;
}

/**
 * cak_monev_set_store:
 * @store: (nullable): the project's open file, which outlives its use here
 *
 * Every change from now on is written to @store as it is made.
 */
void
cak_monev_set_store (CakMonev *self, CakProjectStore *store)
{
  g_return_if_fail (CAK_IS_MONEV (self));

  self->store = store;
}

/**
 * cak_monev_load:
 *
 * Replaces what is held with what @store holds.
 */
gboolean
cak_monev_load (CakMonev *self, CakProjectStore *store, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (CAK_IS_MONEV (self), FALSE);
  g_return_val_if_fail (store != NULL, FALSE);

  clear_all (self);

  if (!prepare (store, "SELECT region, period, pct, note, set_at FROM targets", &stmt, error))
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CakTarget target = { lookup_region (self, (const char *)sqlite3_column_text (stmt, 0)),
                           column_period (stmt, 1), sqlite3_column_double (stmt, 2) };

      /* A code the catalog no longer knows is not guessed at; the row stays in the file. */
      if (target.region == NULL || !cak_period_is_valid (target.period))
        continue;
      target.note = column_dup (stmt, 3);
      target.set_at = column_dup (stmt, 4);
      g_array_append_val (self->targets, target);
      cak_dataset_set_typed_target (self->dataset, target.region, target.period, target.pct);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return cak_project_store_fail (store, error);
  g_array_sort (self->targets, compare_targets);

  if (!prepare (store, "SELECT region, text FROM notes", &stmt, error))
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const CakRegion *region = lookup_region (self, (const char *)sqlite3_column_text (stmt, 0));

      if (region)
        g_hash_table_replace (self->notes, (gpointer)region, column_dup (stmt, 1));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return cak_project_store_fail (store, error);

  if (!prepare (store, "SELECT id, held_on, title, period, compare, notes FROM meetings", &stmt,
                error))
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CakMeeting *m = g_new0 (CakMeeting, 1);

      m->id = sqlite3_column_int64 (stmt, 0);
      m->held_on = column_dup (stmt, 1);
      m->title = column_dup (stmt, 2);
      m->period = column_period (stmt, 3);
      m->compare = column_period (stmt, 4);
      m->notes = column_dup (stmt, 5);
      self->next_id = MAX (self->next_id, m->id + 1);
      g_ptr_array_add (self->meetings, m);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return cak_project_store_fail (store, error);
  g_ptr_array_sort (self->meetings, compare_meetings);

  if (!prepare (store,
                "SELECT id, region, action, office, due, status, meeting_id, note, created_at,"
                " updated_at FROM actions ORDER BY id",
                &stmt, error))
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const CakRegion *region = lookup_region (self, (const char *)sqlite3_column_text (stmt, 1));
      CakAction *a;

      if (region == NULL)
        continue;
      a = g_new0 (CakAction, 1);
      a->id = sqlite3_column_int64 (stmt, 0);
      a->region = region;
      a->action = column_dup (stmt, 2);
      a->office = column_dup (stmt, 3);
      a->due = column_dup (stmt, 4);
      if (!cak_action_status_from_id ((const char *)sqlite3_column_text (stmt, 5), &a->status))
        a->status = CAK_ACTION_PLANNED;
      a->meeting_id = sqlite3_column_int64 (stmt, 6);
      a->note = column_dup (stmt, 7);
      a->created_at = column_dup (stmt, 8);
      a->updated_at = column_dup (stmt, 9);
      self->next_id = MAX (self->next_id, a->id + 1);
      g_ptr_array_add (self->actions, a);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return cak_project_store_fail (store, error);

  if (!prepare (store,
                "SELECT region, regulation, regulation_ref, regulation_date, apbd, apbd_rupiah,"
                " apbd_workers, village_funds, village_workers, villages, non_asn,"
                " village_officials, notes, updated_at FROM checklist",
                &stmt, error))
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const CakRegion *region = lookup_region (self, (const char *)sqlite3_column_text (stmt, 0));
      CakChecklist *c;

      if (region == NULL)
        continue;
      c = g_new0 (CakChecklist, 1);
      c->region = region;
      c->regulation = sqlite3_column_int (stmt, 1) != 0;
      c->regulation_ref = column_dup (stmt, 2);
      c->regulation_date = column_dup (stmt, 3);
      c->apbd = sqlite3_column_int (stmt, 4) != 0;
      c->apbd_rupiah = column_double (stmt, 5);
      c->apbd_workers = column_double (stmt, 6);
      c->village_funds = sqlite3_column_int (stmt, 7) != 0;
      c->village_workers = column_double (stmt, 8);
      c->villages = column_double (stmt, 9);
      c->non_asn = sqlite3_column_int (stmt, 10) != 0;
      c->village_officials = sqlite3_column_int (stmt, 11) != 0;
      c->notes = column_dup (stmt, 12);
      c->updated_at = column_dup (stmt, 13);
      g_hash_table_replace (self->checklists, (gpointer)region, c);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return cak_project_store_fail (store, error);
  return TRUE;
}

/**
 * cak_monev_write_all:
 *
 * Writes everything held into @store, a project's new file (inside the caller's transaction,
 * when there is one).
 */
gboolean
cak_monev_write_all (CakMonev *self, CakProjectStore *store, GError **error)
{
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (CAK_IS_MONEV (self), FALSE);
  g_return_val_if_fail (store != NULL, FALSE);

  for (guint i = 0; i < self->targets->len; i++)
    if (!write_target (store, &g_array_index (self->targets, CakTarget, i), error))
      return FALSE;
  g_hash_table_iter_init (&iter, self->notes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autofree char *now = now_iso ();

      if (!write_note (store, key, value, now, error))
        return FALSE;
    }
  for (guint i = 0; i < self->meetings->len; i++)
    if (!write_meeting (store, g_ptr_array_index (self->meetings, i), error))
      return FALSE;
  for (guint i = 0; i < self->actions->len; i++)
    if (!write_action (store, g_ptr_array_index (self->actions, i), error))
      return FALSE;
  g_hash_table_iter_init (&iter, self->checklists);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!write_checklist (store, value, error))
      return FALSE;
  return TRUE;
}

/**
 * cak_monev_is_empty:
 *
 * Returns: whether nothing at all has been typed
 */
gboolean
cak_monev_is_empty (CakMonev *self)
{
  g_return_val_if_fail (CAK_IS_MONEV (self), TRUE);

  return self->targets->len == 0 && g_hash_table_size (self->notes) == 0 && self->actions->len == 0
         && g_hash_table_size (self->checklists) == 0 && self->meetings->len == 0;
}

/* ---- Targets ---------------------------------------------------------------------------- */

static int
find_target_index (CakMonev *self, const CakRegion *region, CakPeriod period)
{
  for (guint i = 0; i < self->targets->len; i++)
    {
      const CakTarget *t = &g_array_index (self->targets, CakTarget, i);

      if (t->region == region && cak_period_equal (t->period, period))
        return i;
    }
  return -1;
}

static gboolean
check_target (const CakRegion *region, CakPeriod period, double pct, GError **error)
{
  if (period.kind != CAK_PERIOD_YEAR && period.kind != CAK_PERIOD_MONTH)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _ ("A target is set for a year or a month, not for a quarter or a semester."));
      return FALSE;
    }
  if (!isnan (pct) && (pct <= 0 || pct > 100))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _ ("A coverage target is a percentage above 0 and at most 100."));
      return FALSE;
    }
  return TRUE;
}

/**
 * cak_monev_set_target:
 * @region: a province (its target then applies to its regencies that have none of their own)
 *   or a regency
 * @period: a year, or a month
 * @pct: the target in percent (above 0, at most 100), or NAN to remove it
 * @note: (nullable): where it comes from ("RPJMD", "RKP 2026")
 */
gboolean
cak_monev_set_target (CakMonev *self, const CakRegion *region, CakPeriod period, double pct,
                      const char *note, GError **error)
{
  int index;

  g_return_val_if_fail (CAK_IS_MONEV (self), FALSE);
  g_return_val_if_fail (region != NULL, FALSE);

  if (!check_target (region, period, pct, error))
    return FALSE;
  index = find_target_index (self, region, period);
  if (isnan (pct))
    {
      if (index < 0)
        return TRUE;
      if (self->store && !delete_target (self->store, region, period, error))
        return FALSE;
      g_array_remove_index (self->targets, index);
    }
  else
    {
      CakTarget target = { region, period, pct, g_strdup (note ? note : ""), now_iso () };

      if (self->store && !write_target (self->store, &target, error))
        {
          target_clear (&target);
          return FALSE;
        }
      if (index >= 0)
        g_array_remove_index (self->targets, index);
      g_array_append_val (self->targets, target);
      g_array_sort (self->targets, compare_targets);
    }
  cak_dataset_set_typed_target (self->dataset, region, period, pct);
  emit_changed (self);
  return TRUE;
}

/**
 * cak_monev_get_targets:
 *
 * Returns: (transfer none) (element-type CakTarget): every typed target, by region and period
 */
GArray *
cak_monev_get_targets (CakMonev *self)
{
  g_return_val_if_fail (CAK_IS_MONEV (self), NULL);

  return self->targets;
}

/**
 * cak_monev_find_target:
 *
 * Returns: (nullable): the target typed for @region in exactly @period
 */
const CakTarget *
cak_monev_find_target (CakMonev *self, const CakRegion *region, CakPeriod period)
{
  int index;

  g_return_val_if_fail (CAK_IS_MONEV (self), NULL);

  index = find_target_index (self, region, period);
  return index < 0 ? NULL : &g_array_index (self->targets, CakTarget, index);
}

/**
 * cak_monev_copy_targets_forward:
 *
 * Copies every target typed for the year @from_year to @to_year, for each region that has
 * none typed for @to_year yet (a target already typed is never overwritten).
 *
 * Returns: how many were copied; 0 with @error set when writing failed
 */
guint
cak_monev_copy_targets_forward (CakMonev *self, guint from_year, guint to_year, GError **error)
{
  g_autoptr (GArray) copy = NULL;
  guint copied = 0;

  g_return_val_if_fail (CAK_IS_MONEV (self), 0);

  copy = g_array_copy (self->targets);
  g_array_set_clear_func (copy, NULL);
  for (guint i = 0; i < copy->len; i++)
    {
      const CakTarget *t = &g_array_index (copy, CakTarget, i);
      CakPeriod to = cak_period_year (to_year);
      g_autofree char *note = g_strdup (t->note);

      if (t->period.kind != CAK_PERIOD_YEAR || t->period.year != from_year
          || find_target_index (self, t->region, to) >= 0)
        continue;
      if (!cak_monev_set_target (self, t->region, to, t->pct, note, error))
        return 0;
      copied++;
    }
  return copied;
}

/* ---- Notes ------------------------------------------------------------------------------ */

/**
 * cak_monev_set_note:
 * @text: (nullable): the note; %NULL or empty removes it
 */
gboolean
cak_monev_set_note (CakMonev *self, const CakRegion *region, const char *text, GError **error)
{
  g_autofree char *now = now_iso ();

  g_return_val_if_fail (CAK_IS_MONEV (self), FALSE);
  g_return_val_if_fail (region != NULL, FALSE);

  if (self->store && !write_note (self->store, region, text, now, error))
    return FALSE;
  if (text == NULL || text[0] == '\0')
    g_hash_table_remove (self->notes, region);
  else
    g_hash_table_replace (self->notes, (gpointer)region, g_strdup (text));
  emit_changed (self);
  return TRUE;
}

const char *
cak_monev_get_note (CakMonev *self, const CakRegion *region)
{
  g_return_val_if_fail (CAK_IS_MONEV (self), NULL);

  return g_hash_table_lookup (self->notes, region);
}

static int
compare_regions (gconstpointer a, gconstpointer b)
{
  return strcmp ((*(const CakRegion *const *)a)->code, (*(const CakRegion *const *)b)->code);
}

/**
 * cak_monev_get_noted_regions:
 *
 * Returns: (transfer container) (element-type CakRegion): the regions with a note, by code
 */
GPtrArray *
cak_monev_get_noted_regions (CakMonev *self)
{
  GPtrArray *regions;
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (CAK_IS_MONEV (self), NULL);

  regions = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, self->notes);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (regions, key);
  g_ptr_array_sort (regions, compare_regions);
  return regions;
}

/* ---- Actions ---------------------------------------------------------------------------- */

/* By region, then in the order added */
static int
compare_actions (gconstpointer a, gconstpointer b)
{
  const CakAction *aa = *(const CakAction *const *)a;
  const CakAction *ab = *(const CakAction *const *)b;
  int c = strcmp (aa->region->code, ab->region->code);

  return c != 0 ? c : (aa->id > ab->id) - (aa->id < ab->id);
}

static gboolean
is_blank (const char *text)
{
  while (text && g_ascii_isspace (*text))
    text++;
  return text == NULL || *text == '\0';
}

static int
find_action_index (CakMonev *self, gint64 id)
{
  for (guint i = 0; i < self->actions->len; i++)
    if (((CakAction *)g_ptr_array_index (self->actions, i))->id == id)
      return i;
  return -1;
}

static gboolean
check_action (CakMonev *self, const CakAction *action, GError **error)
{
  if (action->region == NULL || is_blank (action->action))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _ ("An action needs a regency and what is to be done."));
      return FALSE;
    }
  if (action->due && !is_date (action->due))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _ ("“%s” is not a date; write it as 2026-03-31."), action->due);
      return FALSE;
    }
  if (action->status >= CAK_N_ACTION_STATUSES)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _ ("An action is planned, in progress, done or dropped."));
      return FALSE;
    }
  if (action->meeting_id > 0 && cak_monev_get_meeting (self, action->meeting_id) == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _ ("The meeting the action was agreed at is not in the project."));
      return FALSE;
    }
  return TRUE;
}

/**
 * cak_monev_add_action:
 *
 * Adds a copy of @action (its id is ignored) to the action plan.
 *
 * Returns: the new action's id, 0 with @error set when it was not added
 */
gint64
cak_monev_add_action (CakMonev *self, const CakAction *action, GError **error)
{
  g_autoptr (CakAction) copy = NULL;

  g_return_val_if_fail (CAK_IS_MONEV (self), 0);
  g_return_val_if_fail (action != NULL, 0);

  if (!check_action (self, action, error))
    return 0;
  copy = cak_action_copy (action);
  copy->id = self->next_id;
  g_free (copy->created_at);
  copy->created_at = now_iso ();
  g_free (copy->updated_at);
  copy->updated_at = g_strdup (copy->created_at);
  if (self->store && !write_action (self->store, copy, error))
    return 0;
  self->next_id++;
  g_ptr_array_add (self->actions, copy);
  emit_changed (self);
  return ((CakAction *)g_steal_pointer (&copy))->id;
}

/**
 * cak_monev_update_action:
 *
 * Replaces the action with @action's id by a copy of @action: where it stands, its office, its
 * due date.
 */
gboolean
cak_monev_update_action (CakMonev *self, const CakAction *action, GError **error)
{
  g_autoptr (CakAction) copy = NULL;
  int index;

  g_return_val_if_fail (CAK_IS_MONEV (self), FALSE);
  g_return_val_if_fail (action != NULL, FALSE);

  index = find_action_index (self, action->id);
  g_return_val_if_fail (index >= 0, FALSE);
  if (!check_action (self, action, error))
    return FALSE;
  copy = cak_action_copy (action);
  g_free (copy->created_at);
  copy->created_at = g_strdup (((CakAction *)g_ptr_array_index (self->actions, index))->created_at);
  g_free (copy->updated_at);
  copy->updated_at = now_iso ();
  if (self->store && !write_action (self->store, copy, error))
    return FALSE;
  cak_action_free (g_ptr_array_index (self->actions, index));
  g_ptr_array_index (self->actions, index) = g_steal_pointer (&copy);
  emit_changed (self);
  return TRUE;
}

gboolean
cak_monev_remove_action (CakMonev *self, gint64 id, GError **error)
{
  int index;

  g_return_val_if_fail (CAK_IS_MONEV (self), FALSE);

  index = find_action_index (self, id);
  if (index < 0)
    return TRUE;
  if (self->store && !delete_by_id (self->store, "DELETE FROM actions WHERE id = ?", id, error))
    return FALSE;
  g_ptr_array_remove_index (self->actions, index);
  emit_changed (self);
  return TRUE;
}

/**
 * cak_monev_get_actions:
 *
 * Returns: (transfer none) (element-type CakAction): the whole action plan, in the order added
 */
GPtrArray *
cak_monev_get_actions (CakMonev *self)
{
  g_return_val_if_fail (CAK_IS_MONEV (self), NULL);

  return self->actions;
}

/**
 * cak_monev_list_actions:
 * @region: (nullable): only this regency's, or every one
 * @meeting_id: only those agreed at this meeting, or 0 for every one
 *
 * Returns: (transfer container) (element-type CakAction): the actions, by region code then in
 *   the order added
 */
GPtrArray *
cak_monev_list_actions (CakMonev *self, const CakRegion *region, gint64 meeting_id)
{
  GPtrArray *list;

  g_return_val_if_fail (CAK_IS_MONEV (self), NULL);

  list = g_ptr_array_new ();
  for (guint i = 0; i < self->actions->len; i++)
    {
      CakAction *a = g_ptr_array_index (self->actions, i);

      if ((region == NULL || a->region == region)
          && (meeting_id == 0 || a->meeting_id == meeting_id))
        g_ptr_array_add (list, a);
    }
  g_ptr_array_sort (list, compare_actions);
  return list;
}

const CakAction *
cak_monev_get_action (CakMonev *self, gint64 id)
{
  int index;

  g_return_val_if_fail (CAK_IS_MONEV (self), NULL);

  index = find_action_index (self, id);
  return index < 0 ? NULL : g_ptr_array_index (self->actions, index);
}

/* ---- The checklist ---------------------------------------------------------------------- */

/**
 * cak_monev_set_checklist:
 *
 * Keeps a copy of @checklist as its regency's.
 */
gboolean
cak_monev_set_checklist (CakMonev *self, const CakChecklist *checklist, GError **error)
{
  g_autoptr (CakChecklist) copy = NULL;
  const CakRegion *region;

  g_return_val_if_fail (CAK_IS_MONEV (self), FALSE);
  g_return_val_if_fail (checklist != NULL && checklist->region != NULL, FALSE);

  if (checklist->regulation_date && !is_date (checklist->regulation_date))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _ ("“%s” is not a date; write it as 2021-06-30."), checklist->regulation_date);
      return FALSE;
    }
  copy = cak_checklist_copy (checklist);
  g_free (copy->updated_at);
  copy->updated_at = now_iso ();
  if (self->store && !write_checklist (self->store, copy, error))
    return FALSE;
  region = copy->region;
  g_hash_table_replace (self->checklists, (gpointer)region, g_steal_pointer (&copy));
  emit_changed (self);
  return TRUE;
}

/**
 * cak_monev_get_checklist:
 *
 * Returns: (nullable): what @region has done, %NULL when nothing was recorded
 */
const CakChecklist *
cak_monev_get_checklist (CakMonev *self, const CakRegion *region)
{
  g_return_val_if_fail (CAK_IS_MONEV (self), NULL);

  return g_hash_table_lookup (self->checklists, region);
}

static int
compare_checklists (gconstpointer a, gconstpointer b)
{
  return strcmp ((*(const CakChecklist *const *)a)->region->code,
                 (*(const CakChecklist *const *)b)->region->code);
}

/**
 * cak_monev_get_checklists:
 *
 * Returns: (transfer container) (element-type CakChecklist): every regency's, by code
 */
GPtrArray *
cak_monev_get_checklists (CakMonev *self)
{
  GPtrArray *all;
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (CAK_IS_MONEV (self), NULL);

  all = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, self->checklists);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (all, value);
  g_ptr_array_sort (all, compare_checklists);
  return all;
}

/* ---- Meetings --------------------------------------------------------------------------- */

static int
find_meeting_index (CakMonev *self, gint64 id)
{
  for (guint i = 0; i < self->meetings->len; i++)
    if (((CakMeeting *)g_ptr_array_index (self->meetings, i))->id == id)
      return i;
  return -1;
}

static gboolean
check_meeting (const CakMeeting *meeting, GError **error)
{
  if (!is_date (meeting->held_on))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _ ("“%s” is not a date; write it as 2026-03-31."),
                   meeting->held_on ? meeting->held_on : "");
      return FALSE;
    }
  return TRUE;
}

/**
 * cak_monev_add_meeting:
 *
 * Returns: the new meeting's id, 0 with @error set when it was not added
 */
gint64
cak_monev_add_meeting (CakMonev *self, const CakMeeting *meeting, GError **error)
{
  g_autoptr (CakMeeting) copy = NULL;
  gint64 id;

  g_return_val_if_fail (CAK_IS_MONEV (self), 0);
  g_return_val_if_fail (meeting != NULL, 0);

  if (!check_meeting (meeting, error))
    return 0;
  copy = cak_meeting_copy (meeting);
  copy->id = self->next_id;
  if (self->store && !write_meeting (self->store, copy, error))
    return 0;
  self->next_id++;
  id = copy->id;
  g_ptr_array_add (self->meetings, g_steal_pointer (&copy));
  g_ptr_array_sort (self->meetings, compare_meetings);
  emit_changed (self);
  return id;
}

gboolean
cak_monev_update_meeting (CakMonev *self, const CakMeeting *meeting, GError **error)
{
  int index;

  g_return_val_if_fail (CAK_IS_MONEV (self), FALSE);
  g_return_val_if_fail (meeting != NULL, FALSE);

  index = find_meeting_index (self, meeting->id);
  g_return_val_if_fail (index >= 0, FALSE);
  if (!check_meeting (meeting, error))
    return FALSE;
  if (self->store && !write_meeting (self->store, meeting, error))
    return FALSE;
  cak_meeting_free (g_ptr_array_index (self->meetings, index));
  g_ptr_array_index (self->meetings, index) = cak_meeting_copy (meeting);
  g_ptr_array_sort (self->meetings, compare_meetings);
  emit_changed (self);
  return TRUE;
}

/**
 * cak_monev_remove_meeting:
 *
 * Removes a meeting; the actions agreed at it stay, agreed at no meeting.
 */
gboolean
cak_monev_remove_meeting (CakMonev *self, gint64 id, GError **error)
{
  int index;

  g_return_val_if_fail (CAK_IS_MONEV (self), FALSE);

  index = find_meeting_index (self, id);
  if (index < 0)
    return TRUE;
  for (guint i = 0; i < self->actions->len; i++)
    {
      CakAction *a = g_ptr_array_index (self->actions, i);

      if (a->meeting_id == id)
        {
          g_autoptr (CakAction) loose = cak_action_copy (a);

          loose->meeting_id = 0;
          if (self->store && !write_action (self->store, loose, error))
            return FALSE;
          a->meeting_id = 0;
        }
    }
  if (self->store && !delete_by_id (self->store, "DELETE FROM meetings WHERE id = ?", id, error))
    return FALSE;
  g_ptr_array_remove_index (self->meetings, index);
  emit_changed (self);
  return TRUE;
}

/**
 * cak_monev_get_meetings:
 *
 * Returns: (transfer none) (element-type CakMeeting): the meetings, oldest first
 */
GPtrArray *
cak_monev_get_meetings (CakMonev *self)
{
  g_return_val_if_fail (CAK_IS_MONEV (self), NULL);

  return self->meetings;
}

const CakMeeting *
cak_monev_get_meeting (CakMonev *self, gint64 id)
{
  int index;

  g_return_val_if_fail (CAK_IS_MONEV (self), NULL);

  index = find_meeting_index (self, id);
  return index < 0 ? NULL : g_ptr_array_index (self->meetings, index);
}

/**
 * cak_monev_get_last_meeting:
 *
 * Returns: (nullable): the latest meeting held, the one "since the last meeting" means
 */
const CakMeeting *
cak_monev_get_last_meeting (CakMonev *self)
{
  g_return_val_if_fail (CAK_IS_MONEV (self), NULL);

  return self->meetings->len ? g_ptr_array_index (self->meetings, self->meetings->len - 1) : NULL;
}

/* ---- Copies ----------------------------------------------------------------------------- */

/**
 * cak_monev_copy:
 *
 * A copy of everything recorded, in memory and written nowhere, for a reader that must not see
 * it change: a report written in a worker thread while the window goes on editing. Its targets
 * are not handed to the dataset again (the dataset has them already): read it, do not edit it.
 *
 * Returns: (transfer full): the copy
 */
CakMonev *
cak_monev_copy (CakMonev *self)
{
  CakMonev *copy;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (CAK_IS_MONEV (self), NULL);

  copy = g_object_new (CAK_TYPE_MONEV, NULL);
  copy->dataset = g_object_ref (self->dataset);
  for (guint i = 0; i < self->targets->len; i++)
    {
      CakTarget target = g_array_index (self->targets, CakTarget, i);

      target.note = g_strdup (target.note);
      target.set_at = g_strdup (target.set_at);
      g_array_append_val (copy->targets, target);
    }
  g_hash_table_iter_init (&iter, self->notes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->notes, key, g_strdup (value));
  for (guint i = 0; i < self->actions->len; i++)
    g_ptr_array_add (copy->actions, cak_action_copy (g_ptr_array_index (self->actions, i)));
  g_hash_table_iter_init (&iter, self->checklists);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->checklists, key, cak_checklist_copy (value));
  for (guint i = 0; i < self->meetings->len; i++)
    g_ptr_array_add (copy->meetings, cak_meeting_copy (g_ptr_array_index (self->meetings, i)));
  copy->next_id = self->next_id;
  return copy;
}
