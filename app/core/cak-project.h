/* cak-project.h: the document: every file imported, every figure with where it came from, kept in
 * a .cakupan file
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cak-dataset.h"
#include "cak-import.h"
#include "cak-monev.h"

G_BEGIN_DECLS

#define CAK_PROJECT_ERROR (cak_project_error_quark ())

typedef enum
{
  CAK_PROJECT_ERROR_NOT_A_PROJECT, /* not an SQLite file, or not one of Cakupan's */
  CAK_PROJECT_ERROR_TOO_NEW,       /* written by a newer Cakupan */
  CAK_PROJECT_ERROR_DAMAGED,       /* SQLite says the file is damaged */
  CAK_PROJECT_ERROR_FAILED,        /* reading or writing failed */
} CakProjectError;

GQuark cak_project_error_quark (void);

/* The version of the file format this Cakupan writes (PRAGMA user_version). */
#define CAK_PROJECT_SCHEMA_VERSION 4

/* A file imported into the project. */
typedef struct
{
  gint64 id;
  char *name;        /* the file's name, as the user knows it */
  char *sha256;      /* of its bytes: the same content is not imported twice */
  gint64 size;       /* bytes */
  char *imported_at; /* ISO 8601, UTC */
  guint n_values;    /* figures it gave */
} CakProjectSource;

/* What to do with a figure a new file gives differently from the one the project holds. */
typedef enum
{
  CAK_CONFLICT_KEEP,    /* keep the figure held; the new one is kept in the file, not used */
  CAK_CONFLICT_REPLACE, /* use the new figure; the one held is kept in the file, not used */
} CakConflictChoice;

typedef struct
{
  const CakRegion *region;
  CakPeriod period;
  CakMeasure measure;
  CakValue held;     /* with the source it came from */
  CakValue incoming; /* from the file being added */
  CakConflictChoice choice;
} CakConflict;

/* A file read and compared with the project, not yet added: see cak_project_prepare_import (). */
typedef struct _CakProjectImport CakProjectImport;

#define CAK_TYPE_PROJECT (cak_project_get_type ())
G_DECLARE_FINAL_TYPE (CakProject, cak_project, CAK, PROJECT, GObject)

CakProject *cak_project_new (CakRegionCatalog *catalog);
CakProject *cak_project_open (GFile *file, CakRegionCatalog *catalog, GCancellable *cancellable,
                              GError **error);
gboolean cak_project_save_as (CakProject *self, GFile *file, GError **error);
gboolean cak_project_is_project_file (GFile *file);

GFile *cak_project_get_file (CakProject *self);
char *cak_project_dup_title (CakProject *self);
gboolean cak_project_get_modified (CakProject *self);
CakDataset *cak_project_get_dataset (CakProject *self);
GPtrArray *cak_project_get_sources (CakProject *self);

CakMonev *cak_project_get_monev (CakProject *self);
GStrv cak_project_dup_deck (CakProject *self);
gboolean cak_project_set_deck (CakProject *self, const char *const *deck, GError **error);
gboolean cak_project_flush (CakProject *self, GError **error);
gboolean cak_project_has_pending (CakProject *self);

CakProjectImport *cak_project_prepare_import (CakProject *self, GFile *file,
                                              const CakImportOptions *options,
                                              GCancellable *cancellable, GError **error);
CakProjectImport *cak_project_prepare_import_bytes (CakProject *self, GBytes *bytes,
                                                    const char *display_name,
                                                    const CakImportOptions *options,
                                                    GCancellable *cancellable, GError **error);
void cak_project_refresh_import (CakProject *self, CakProjectImport *import);
gboolean cak_project_import_is_duplicate (CakProjectImport *import);
const char *cak_project_import_get_duplicate_of (CakProjectImport *import);
CakDataset *cak_project_import_get_dataset (CakProjectImport *import);
GArray *cak_project_import_get_conflicts (CakProjectImport *import);
guint cak_project_import_count_new (CakProjectImport *import);
gboolean cak_project_commit_import (CakProject *self, CakProjectImport *import, GError **error);
void cak_project_import_free (CakProjectImport *import);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CakProjectImport, cak_project_import_free)

G_END_DECLS
