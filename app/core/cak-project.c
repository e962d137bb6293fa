/* cak-project.c: the document: every file imported, every figure with where it came from, kept in
 * a .cakupan file
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A project is what a monitoring office works in month after month: the files imported into
 * it, and every figure they gave with its file, sheet, row and column. A project bound to a
 * .cakupan file (an SQLite database, see cak-project-store.c) writes each change in one
 * transaction, so that a crash at any moment leaves the state before or after the change: a
 * file added at once, before the figures in memory change; what a person edits (the deck)
 * within AUTOSAVE_MS, so that a run of edits is one transaction, and at the latest when the
 * project is saved elsewhere or disposed of. A new project lives in memory until it is saved.
 *
 * Adding a file is two steps, so that the window can read in a worker thread and ask the user
 * about conflicts on the main one: cak_project_prepare_import () reads the file into a dataset
 * of its own and compares it with the project (the same content again, figures that differ from
 * those held), then cak_project_commit_import () adds it.
 */
#define G_LOG_DOMAIN "cak-project"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "cak-project-store.h"
#include "cak-project.h"

struct _CakProjectImport
{
  CakDataset *staging; /* the file's figures and its import report */
  char *name;          /* as the user knows the file */
  char *sha256;
  gint64 size;
  char *duplicate_of; /* the source with the same content, or NULL */
  GArray *conflicts;  /* CakConflict */
  GHashTable *same;   /* value_key () of the figures the project holds with the same value */
  guint n_new;        /* figures the project does not hold yet */
  guint n_same;       /* figures it holds with the same value */
};

struct _CakProject
{
  GObject parent_instance;

  CakRegionCatalog *catalog;
  CakDataset *dataset;
  GPtrArray *sources; /* CakProjectSource* */
  GArray *alternates; /* CakProjectAlternate: figures kept but not used */
  GStrv deck;
  GFile *file;
  CakProjectStore *store; /* NULL until saved */
  CakMonev *monev;        /* what people typed: targets, notes, actions, checklist, meetings */
  gboolean modified;      /* an unsaved project holds something */
  gboolean deck_pending;  /* the deck changed since it was written to the file */
  GSource *autosave;      /* writes what is pending, AUTOSAVE_MS after the first change */
};

/* A change a person makes is written to a saved project's file this long after it, at most:
 * a run of changes (slides moved one after another) is one transaction, and none waits longer
 * than this for the file. */
#define AUTOSAVE_MS 1000

G_DEFINE_FINAL_TYPE (CakProject, cak_project, G_TYPE_OBJECT)

G_DEFINE_QUARK (cak - project - error - quark, cak_project_error)

enum
{
  PROP_0,
  PROP_FILE,
  PROP_MODIFIED,
  N_PROPS
};

enum
{
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
source_free (gpointer data)
{
  CakProjectSource *source = data;

  g_free (source->name);
  g_free (source->sha256);
  g_free (source->imported_at);
  g_free (source);
}

static void
set_modified (CakProject *self, gboolean modified)
{
  if (self->modified == modified)
    return;
  self->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
changed (CakProject *self)
{
  set_modified (self, self->store == NULL);
  g_signal_emit (self, signals[CHANGED], 0);
}

static char *
now_iso (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

static gboolean
autosave_cb (gpointer user_data)
{
  CakProject *self = user_data;
  g_autoptr (GError) error = NULL;

  g_clear_pointer (&self->autosave, g_source_unref);
  /* What could not be written stays pending: the next change, saving or closing tries again. */
  if (!cak_project_flush (self, &error))
    g_warning ("%s", error->message);
  return G_SOURCE_REMOVE;
}

/* The clock starts at the first change not yet written, and is not restarted by the next. */
static void
schedule_autosave (CakProject *self)
{
  if (self->autosave)
    return;
  self->autosave = g_timeout_source_new (AUTOSAVE_MS);
  g_source_set_name (self->autosave, "[cakupan] project autosave");
  g_source_set_callback (self->autosave, autosave_cb, self, NULL);
  g_source_attach (self->autosave, g_main_context_get_thread_default ());
}

static void
monev_changed_cb (CakProject *self)
{
  changed (self);
}

static void
cak_project_dispose (GObject *object)
{
  CakProject *self = CAK_PROJECT (object);
  g_autoptr (GError) error = NULL;

  if (self->store && !cak_project_flush (self, &error))
    g_warning ("%s", error->message);
  if (self->autosave)
    {
      g_source_destroy (self->autosave);
      g_clear_pointer (&self->autosave, g_source_unref);
    }
  if (self->monev)
    cak_monev_set_store (self->monev, NULL);
  g_clear_pointer (&self->store, cak_project_store_close);
  g_clear_object (&self->monev);
  g_clear_object (&self->dataset);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (cak_project_parent_class)->dispose (object);
}

static void
cak_project_finalize (GObject *object)
{
  CakProject *self = CAK_PROJECT (object);

  g_clear_pointer (&self->sources, g_ptr_array_unref);
  g_clear_pointer (&self->alternates, g_array_unref);
  g_clear_pointer (&self->deck, g_strfreev);

  G_OBJECT_CLASS (cak_project_parent_class)->finalize (object);
}

static void
cak_project_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CakProject *self = CAK_PROJECT (object);

  switch (prop_id)
    {
      case PROP_FILE:
        g_value_set_object (value, self->file);
        break;
      case PROP_MODIFIED:
        g_value_set_boolean (value, self->modified);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cak_project_class_init (CakProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cak_project_dispose;
  object_class->finalize = cak_project_finalize;
  object_class->get_property = cak_project_get_property;

  /**
   * CakProject:file:
   *
   * The .cakupan file the project is kept in, or %NULL before it is saved.
   */
  properties[PROP_FILE]
      = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                             G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * CakProject:modified:
   *
   * Whether a project that is not yet saved holds something worth saving. A saved project
   * writes each change within a second (see cak_project_flush ()) and is never modified.
   */
  properties[PROP_MODIFIED]
      = g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                              G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CakProject::changed:
   *
   * A file was added, a conflict settled or the deck changed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                   NULL, NULL, G_TYPE_NONE, 0);
}

static void
cak_project_init (CakProject *self)
{
  self->sources = g_ptr_array_new_with_free_func (source_free);
  self->alternates = g_array_new (FALSE, TRUE, sizeof (CakProjectAlternate));
}

/**
 * cak_project_new:
 * @catalog: the regions; must outlive the project
 *
 * Returns: (transfer full): an empty project that is not yet kept in a file
 */
CakProject *
cak_project_new (CakRegionCatalog *catalog)
{
  CakProject *self;

  g_return_val_if_fail (catalog != NULL, NULL);

  self = g_object_new (CAK_TYPE_PROJECT, NULL);
  self->catalog = catalog;
  self->dataset = cak_dataset_new (catalog);
  self->monev = cak_monev_new (self->dataset);
  g_signal_connect_object (self->monev, "changed", G_CALLBACK (monev_changed_cb), self,
                           G_CONNECT_SWAPPED);
  return self;
}

/**
 * cak_project_is_project_file:
 *
 * Returns: whether @file starts as an SQLite database does; whether it is one of Cakupan's
 *   projects only opening it tells
 */
gboolean
cak_project_is_project_file (GFile *file)
{
  g_autoptr (GFileInputStream) stream = NULL;
  char magic[16] = { 0 };
  gsize n = 0;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  stream = g_file_read (file, NULL, NULL);
  if (stream == NULL)
    return FALSE;
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), magic, sizeof magic, &n, NULL, NULL))
    return FALSE;
  return n == sizeof magic && memcmp (magic, "SQLite format 3", 16) == 0;
}

/**
 * cak_project_open:
 * @catalog: the regions; must outlive the project
 *
 * Opens a .cakupan file: every figure, the import report of every file added, and the deck.
 * The original files are not needed.
 *
 * Returns: (transfer full): the project, bound to @file, or %NULL with @error set
 */
CakProject *
cak_project_open (GFile *file, CakRegionCatalog *catalog, GCancellable *cancellable, GError **error)
{
  g_autoptr (CakProject) self = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (catalog != NULL, NULL);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (error, CAK_PROJECT_ERROR, CAK_PROJECT_ERROR_FAILED,
                   _ ("“%s” is not a local file; projects are kept on this computer."), uri);
      return NULL;
    }
  self = cak_project_new (catalog);
  self->store = cak_project_store_open (path, FALSE, error);
  if (self->store == NULL)
    return NULL;
  if (!cak_project_store_load (self->store, self->dataset, self->sources, self->alternates,
                               &self->deck, cancellable, error)
      || !cak_monev_load (self->monev, self->store, error))
    return NULL;
  cak_monev_set_store (self->monev, self->store);
  self->file = g_object_ref (file);
  return g_steal_pointer (&self);
}

/**
 * cak_project_save_as:
 *
 * Writes the whole project into @file, through a file beside it that replaces @file only once
 * complete, and keeps the project in it from then on: each later change is written as it is made.
 */
gboolean
cak_project_save_as (CakProject *self, GFile *file, GError **error)
{
  g_autofree char *path = NULL;
  g_autofree char *partial = NULL;
  CakProjectStore *store;

  g_return_val_if_fail (CAK_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (error, CAK_PROJECT_ERROR, CAK_PROJECT_ERROR_FAILED,
                   _ ("“%s” is not a local file; projects are kept on this computer."), uri);
      return FALSE;
    }
  /* What is pending goes into the file before it is copied. */
  if (!cak_project_flush (self, error))
    return FALSE;
  partial = g_strdup_printf ("%s.partial", path);
  cak_project_store_remove_files (partial);
  if (self->store)
    {
      /* A saved project is copied whole, as SQLite holds it. */
      if (!cak_project_store_copy_to (self->store, partial, error))
        {
          cak_project_store_remove_files (partial);
          return FALSE;
        }
    }
  else
    {
      store = cak_project_store_open (partial, TRUE, error);
      if (store == NULL)
        return FALSE;
      if (!cak_project_store_write_all (store, self->dataset, self->sources, self->alternates,
                                        (const char *const *)self->deck, error)
          || !cak_monev_write_all (self->monev, store, error))
        {
          cak_project_store_close (store);
          cak_project_store_remove_files (partial);
          return FALSE;
        }
      cak_project_store_close (store);
    }
  /* The new file takes the name only once it is whole. */
  cak_project_store_remove_files (path);
  if (g_rename (partial, path) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _ ("Could not save the project as “%s”: %s"), path, g_strerror (saved));
      cak_project_store_remove_files (partial);
      return FALSE;
    }
  store = cak_project_store_open (path, FALSE, error);
  if (store == NULL)
    return FALSE;
  cak_monev_set_store (self->monev, store);
  g_clear_pointer (&self->store, cak_project_store_close);
  self->store = store;
  g_set_object (&self->file, file);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  set_modified (self, FALSE);
  return TRUE;
}

/**
 * cak_project_get_file:
 *
 * Returns: (transfer none) (nullable): the .cakupan file, or %NULL before the project is saved
 */
GFile *
cak_project_get_file (CakProject *self)
{
  g_return_val_if_fail (CAK_IS_PROJECT (self), NULL);

  return self->file;
}

/**
 * cak_project_dup_title:
 *
 * Returns: (transfer full): the project's name for a window title: its file's name without
 *   ".cakupan", or "New Project"
 */
char *
cak_project_dup_title (CakProject *self)
{
  g_autofree char *base = NULL;

  g_return_val_if_fail (CAK_IS_PROJECT (self), NULL);

  if (self->file == NULL)
    return g_strdup (_ ("New Project"));
  base = g_file_get_basename (self->file);
  if (g_str_has_suffix (base, ".cakupan"))
    base[strlen (base) - strlen (".cakupan")] = '\0';
  return g_steal_pointer (&base);
}

gboolean
cak_project_get_modified (CakProject *self)
{
  g_return_val_if_fail (CAK_IS_PROJECT (self), FALSE);

  return self->modified;
}

/**
 * cak_project_get_dataset:
 *
 * Returns: (transfer none): the figures in use (one per region, period and measure) and the
 *   import report of every file added
 */
CakDataset *
cak_project_get_dataset (CakProject *self)
{
  g_return_val_if_fail (CAK_IS_PROJECT (self), NULL);

  return self->dataset;
}

/**
 * cak_project_get_sources:
 *
 * Returns: (transfer none) (element-type CakProjectSource): the files added, oldest first
 */
GPtrArray *
cak_project_get_sources (CakProject *self)
{
  g_return_val_if_fail (CAK_IS_PROJECT (self), NULL);

  return self->sources;
}

/**
 * cak_project_get_monev:
 *
 * Returns: (transfer none): what people typed into the project: targets, notes, the action
 *   plan, the Inpres 2/2021 checklist and the meetings; each change is kept as it is made
 */
CakMonev *
cak_project_get_monev (CakProject *self)
{
  g_return_val_if_fail (CAK_IS_PROJECT (self), NULL);

  return self->monev;
}

/**
 * cak_project_dup_deck:
 *
 * Returns: (transfer full) (nullable): the presentation's slides in their text form, a slide a
 *   line, or %NULL when the project keeps none (the default deck)
 */
GStrv
cak_project_dup_deck (CakProject *self)
{
  g_return_val_if_fail (CAK_IS_PROJECT (self), NULL);

  return self->deck ? g_strdupv (self->deck) : NULL;
}

/**
 * cak_project_set_deck:
 * @deck: (nullable): the slides, a slide a string; %NULL or empty for the default deck
 * @error: unused: the deck is written later (see cak_project_flush ())
 *
 * Changes the deck at once in the project; a saved project writes it to its file within
 * a second, in one transaction with the changes made in that second, from the thread-default
 * main context of the caller; saving and disposing of the project write it too.
 *
 * Returns: %TRUE
 */
gboolean
cak_project_set_deck (CakProject *self, const char *const *deck, GError **error)
{
  g_return_val_if_fail (CAK_IS_PROJECT (self), FALSE);

  g_clear_pointer (&self->deck, g_strfreev);
  if (deck && deck[0])
    self->deck = g_strdupv ((GStrv)deck);
  if (self->store)
    {
      self->deck_pending = TRUE;
      schedule_autosave (self);
    }
  changed (self);
  return TRUE;
}

/**
 * cak_project_flush:
 *
 * Writes now, in one transaction, the changes of a saved project that are waiting for their
 * autosave (the deck); files added are written as they are added and never wait. Nothing to do
 * for a project not yet saved.
 *
 * Returns: %FALSE with @error set when the file cannot be written; the changes stay pending
 */
gboolean
cak_project_flush (CakProject *self, GError **error)
{
  g_return_val_if_fail (CAK_IS_PROJECT (self), FALSE);

  if (self->autosave)
    {
      g_source_destroy (self->autosave);
      g_clear_pointer (&self->autosave, g_source_unref);
    }
  if (self->store == NULL || !self->deck_pending)
    return TRUE;
  if (!cak_project_store_write_deck (self->store, (const char *const *)self->deck, error))
    return FALSE;
  self->deck_pending = FALSE;
  return TRUE;
}

/**
 * cak_project_has_pending:
 *
 * Returns: whether a saved project has changes waiting for their autosave
 */
gboolean
cak_project_has_pending (CakProject *self)
{
  g_return_val_if_fail (CAK_IS_PROJECT (self), FALSE);

  return self->store && self->deck_pending;
}

/* ---- Adding files ---------------------------------------------------------------------- */

static char *
value_key (const CakRegion *region, CakPeriod period, CakMeasure measure)
{
  return g_strdup_printf ("%s|%u|%u", region->code, cak_period_to_key (period), measure);
}

typedef struct
{
  CakProject *project;
  CakProjectImport *import;
} Compare;

static void
compare_value_cb (const CakRegion *region, CakPeriod period, CakMeasure measure,
                  const CakValue *value, gpointer user_data)
{
  Compare *compare = user_data;
  CakValue held;

  if (!cak_dataset_get (compare->project->dataset, region, period, measure, &held))
    {
      compare->import->n_new++;
      return;
    }
  if (fabs (held.value - value->value) <= 1e-9 * MAX (1.0, fabs (value->value)))
    {
      compare->import->n_same++;
      g_hash_table_add (compare->import->same, value_key (region, period, measure));
      return;
    }
  {
    CakConflict conflict = { region, period, measure, held, *value, CAK_CONFLICT_KEEP };

    g_array_append_val (compare->import->conflicts, conflict);
  }
}

static int
compare_conflicts (gconstpointer a, gconstpointer b)
{
  const CakConflict *ca = a, *cb = b;
  int order = strcmp (ca->region->code, cb->region->code);

  if (order == 0)
    order = cak_period_compare (ca->period, cb->period);
  if (order == 0)
    order = (int)ca->measure - (int)cb->measure;
  return order;
}

static gboolean
find_duplicate (CakProject *self, CakProjectImport *import)
{
  g_clear_pointer (&import->duplicate_of, g_free);
  for (guint i = 0; i < self->sources->len; i++)
    {
      const CakProjectSource *source = g_ptr_array_index (self->sources, i);

      if (strcmp (source->sha256, import->sha256) == 0)
        {
          import->duplicate_of = g_strdup (source->name);
          return TRUE;
        }
    }
  return FALSE;
}

static void
compare_with_project (CakProject *self, CakProjectImport *import)
{
  Compare compare = { self, import };

  g_array_set_size (import->conflicts, 0);
  g_hash_table_remove_all (import->same);
  import->n_new = import->n_same = 0;
  cak_dataset_foreach_value (import->staging, compare_value_cb, &compare);
  g_array_sort (import->conflicts, compare_conflicts);
}

/* Two files of one name (this month's "rekap.xlsx" and last month's) are told apart in the
 * report and in every figure's source: "rekap.xlsx (2)". */
static char *
unique_name (CakProject *self, const char *name)
{
  for (guint n = 1;; n++)
    {
      g_autofree char *candidate = n == 1 ? g_strdup (name) : g_strdup_printf ("%s (%u)", name, n);
      gboolean taken = FALSE;

      for (guint i = 0; i < self->sources->len && !taken; i++)
        taken = strcmp (((CakProjectSource *)g_ptr_array_index (self->sources, i))->name, candidate)
                == 0;
      if (!taken)
        return g_steal_pointer (&candidate);
    }
}

static CakProjectImport *
prepare (CakProject *self, GBytes *bytes, const char *name, const CakImportOptions *options,
         GCancellable *cancellable, GError **error)
{
  g_autoptr (CakProjectImport) import = g_new0 (CakProjectImport, 1);
  import->staging = cak_dataset_new (self->catalog);
  import->conflicts = g_array_new (FALSE, TRUE, sizeof (CakConflict));
  import->same = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import->name = unique_name (self, name);
  import->size = g_bytes_get_size (bytes);
  import->sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);

  if (find_duplicate (self, import))
    return g_steal_pointer (&import);
  if (!cak_import_bytes (import->staging, bytes, import->name, options, cancellable, error))
    return NULL;
  compare_with_project (self, import);
  return g_steal_pointer (&import);
}

/**
 * cak_project_prepare_import:
 *
 * Reads @file into a dataset of its own and compares it with the project: whether its content
 * was added before, and which of its figures differ from those the project holds. The project
 * is not changed; the dataset and the project are only read, so that this may run in a worker
 * thread while nothing changes the project.
 *
 * Returns: (transfer full): the file, ready for cak_project_commit_import (), or %NULL with
 *   @error set when it cannot be read
 */
CakProjectImport *
cak_project_prepare_import (CakProject *self, GFile *file, const CakImportOptions *options,
                            GCancellable *cancellable, GError **error)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (CAK_IS_PROJECT (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  bytes = g_file_load_bytes (file, cancellable, NULL, error);
  if (bytes == NULL)
    return NULL;
  name = g_file_get_basename (file);
  return prepare (self, bytes, name, options, cancellable, error);
}

/**
 * cak_project_prepare_import_bytes:
 *
 * Like cak_project_prepare_import (), for a file's contents.
 */
CakProjectImport *
cak_project_prepare_import_bytes (CakProject *self, GBytes *bytes, const char *display_name,
                                  const CakImportOptions *options, GCancellable *cancellable,
                                  GError **error)
{
  g_return_val_if_fail (CAK_IS_PROJECT (self), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  return prepare (self, bytes, display_name, options, cancellable, error);
}

/**
 * cak_project_refresh_import:
 *
 * Compares a file read earlier with the project again, as it is now: after other files were
 * added since. The choices made on its conflicts are reset.
 */
void
cak_project_refresh_import (CakProject *self, CakProjectImport *import)
{
  g_return_if_fail (CAK_IS_PROJECT (self));
  g_return_if_fail (import != NULL);

  if (!find_duplicate (self, import))
    compare_with_project (self, import);
}

/**
 * cak_project_import_is_duplicate:
 *
 * Returns: whether the project already holds a file with exactly this content; adding it again
 *   changes nothing
 */
gboolean
cak_project_import_is_duplicate (CakProjectImport *import)
{
  g_return_val_if_fail (import != NULL, FALSE);

  return import->duplicate_of != NULL;
}

/**
 * cak_project_import_get_duplicate_of:
 *
 * Returns: (nullable): the name of the file added before with the same content
 */
const char *
cak_project_import_get_duplicate_of (CakProjectImport *import)
{
  g_return_val_if_fail (import != NULL, NULL);

  return import->duplicate_of;
}

/**
 * cak_project_import_get_dataset:
 *
 * Returns: (transfer none): the file's own figures and its import report
 */
CakDataset *
cak_project_import_get_dataset (CakProjectImport *import)
{
  g_return_val_if_fail (import != NULL, NULL);

  return import->staging;
}

/**
 * cak_project_import_get_conflicts:
 *
 * Returns: (transfer none) (element-type CakConflict): the figures the file gives differently
 *   from those the project holds, by region, period and measure; set each one's choice before
 *   committing (%CAK_CONFLICT_KEEP unless changed)
 */
GArray *
cak_project_import_get_conflicts (CakProjectImport *import)
{
  g_return_val_if_fail (import != NULL, NULL);

  return import->conflicts;
}

/**
 * cak_project_import_count_new:
 *
 * Returns: how many of the file's figures the project does not hold yet
 */
guint
cak_project_import_count_new (CakProjectImport *import)
{
  g_return_val_if_fail (import != NULL, 0);

  return import->n_new;
}

void
cak_project_import_free (CakProjectImport *import)
{
  if (import == NULL)
    return;
  g_clear_object (&import->staging);
  g_clear_pointer (&import->conflicts, g_array_unref);
  g_clear_pointer (&import->same, g_hash_table_unref);
  g_free (import->name);
  g_free (import->sha256);
  g_free (import->duplicate_of);
  g_free (import);
}

typedef struct
{
  CakProject *project;
  CakProjectImport *import;
  GHashTable *replaced; /* "code|period|measure" of the conflicts settled for the new figure */
} Apply;


static void
apply_value_cb (const CakRegion *region, CakPeriod period, CakMeasure measure,
                const CakValue *value, gpointer user_data)
{
  Apply *apply = user_data;
  g_autofree char *key = value_key (region, period, measure);

  if (g_hash_table_contains (apply->replaced, key))
    cak_dataset_replace (apply->project->dataset, region, period, measure, value->value,
                         &value->source);
  else
    /* New figures are added; a figure held (the same, or a conflict kept) stays. */
    cak_dataset_set (apply->project->dataset, region, period, measure, value->value, &value->source,
                     NULL);
}

/* What the file states for provinces joins the project's, beside the figures summed from the
 * regencies; a province and period stated already keeps its first figures (the import report
 * of the file has its own lines). */
static void
append_stated (CakDataset *to, CakDataset *from)
{
  g_autoptr (GPtrArray) stated = cak_dataset_get_stated_all (from);

  for (guint i = 0; i < stated->len; i++)
    cak_dataset_set_stated (to, g_ptr_array_index (stated, i), NULL);
}

/* The file's import report joins the project's: its sheets, columns and lines. */
static void
append_report (CakDataset *to, CakDataset *from)
{
  GPtrArray *sheets = cak_dataset_get_sheet_reports (from);
  const GArray *issues = cak_dataset_get_issues (from);

  for (guint i = 0; i < sheets->len; i++)
    {
      const CakSheetReport *sheet = g_ptr_array_index (sheets, i);
      CakSheetReport *copy = cak_dataset_add_sheet_report (to, sheet->file, sheet->sheet);

      copy->rows = sheet->rows;
      copy->imported = sheet->imported;
      copy->skipped = sheet->skipped;
      copy->rejected = sheet->rejected;
      for (guint k = 0; sheet->columns && k < sheet->columns->len; k++)
        {
          const CakColumnReport *column = g_ptr_array_index (sheet->columns, k);

          cak_sheet_report_add_column (copy, column->column, column->header, column->use,
                                       column->what, column->why);
        }
    }
  for (guint i = 0; i < issues->len; i++)
    {
      const CakIssue *issue = &g_array_index (issues, CakIssue, i);

      cak_dataset_add_issue (to, issue->severity, &issue->source, issue->has_column,
                             issue->message);
    }
}

/**
 * cak_project_commit_import:
 *
 * Adds a file read with cak_project_prepare_import (): its new figures, the conflicts settled
 * as each one's choice says (both figures are kept in the project, with their sources; the one
 * chosen is used), and its import report; a saved project writes all of it in one transaction
 * before the figures in memory change. A file added before with the same content changes
 * nothing.
 */
gboolean
cak_project_commit_import (CakProject *self, CakProjectImport *import, GError **error)
{
  g_autoptr (GHashTable) replaced = NULL;
  CakProjectSource *source;
  Apply apply;

  g_return_val_if_fail (CAK_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (import != NULL, FALSE);

  if (import->duplicate_of)
    return TRUE;

  source = g_new0 (CakProjectSource, 1);
  source->name = g_strdup (import->name);
  source->sha256 = g_strdup (import->sha256);
  source->size = import->size;
  source->imported_at = now_iso ();
  source->n_values = import->n_new + import->n_same + import->conflicts->len;

  if (self->store
      && !cak_project_store_add_source (self->store, source, import->staging, import->conflicts,
                                        import->same,
                                        error))
    {
      source_free (source);
      return FALSE;
    }
  if (self->store == NULL)
    source->id = self->sources->len + 1;
  g_ptr_array_add (self->sources, source);

  replaced = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < import->conflicts->len; i++)
    {
      const CakConflict *conflict = &g_array_index (import->conflicts, CakConflict, i);

      CakProjectAlternate alternate
          = { conflict->region, conflict->period, conflict->measure,
              conflict->choice == CAK_CONFLICT_REPLACE ? conflict->held : conflict->incoming };

      if (conflict->choice == CAK_CONFLICT_REPLACE)
        g_hash_table_add (replaced,
                          value_key (conflict->region, conflict->period, conflict->measure));
      /* The figure not used stays in the project, with its source. */
      g_array_append_val (self->alternates, alternate);
    }
  apply = (Apply){ self, import, replaced };
  cak_dataset_foreach_value (import->staging, apply_value_cb, &apply);
  append_stated (self->dataset, import->staging);
  append_report (self->dataset, import->staging);
  changed (self);
  return TRUE;
}
