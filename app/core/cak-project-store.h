/* cak-project-store.h: a project's SQLite file
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cak-dataset.h"
#include "cak-project.h"

G_BEGIN_DECLS

typedef struct _CakProjectStore CakProjectStore;

/* A figure kept in the project but not used: the other side of a settled conflict. */
typedef struct
{
  const CakRegion *region;
  CakPeriod period;
  CakMeasure measure;
  CakValue value;
} CakProjectAlternate;

CakProjectStore *cak_project_store_open (const char *path, gboolean create, GError **error);
void cak_project_store_close (CakProjectStore *store);
void cak_project_store_remove_files (const char *path);
int cak_project_store_get_version (CakProjectStore *store);

gboolean cak_project_store_load (CakProjectStore *store, CakDataset *dataset, GPtrArray *sources,
                                 GArray *alternates, GStrv *deck, GCancellable *cancellable,
                                 GError **error);
gboolean cak_project_store_rebuild_snapshot (CakProjectStore *store, GError **error);
gboolean cak_project_store_write_all (CakProjectStore *store, CakDataset *dataset,
                                      GPtrArray *sources, GArray *alternates,
                                      const char *const *deck, GError **error);
gboolean cak_project_store_add_source (CakProjectStore *store, CakProjectSource *source,
                                       CakDataset *staging, GArray *conflicts, GHashTable *same,
                                       GError **error);
gboolean cak_project_store_write_deck (CakProjectStore *store, const char *const *deck,
                                       GError **error);
gboolean cak_project_store_copy_to (CakProjectStore *store, const char *path, GError **error);

/* For the monev's tables (cak-monev.c): the open database, and its last error as a GError. */
struct sqlite3 *cak_project_store_get_db (CakProjectStore *store);
gboolean cak_project_store_fail (CakProjectStore *store, GError **error);

G_END_DECLS
