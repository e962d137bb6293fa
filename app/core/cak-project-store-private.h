/* cak-project-store-private.h: what the project's file and its snapshot share
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "cak-project-store.h"

G_BEGIN_DECLS

struct _CakProjectStore
{
  sqlite3 *db;
  char *path;
};

/* cak-project-store.c: SQLite's error as the user reads it, always returning %FALSE. */
gboolean cak_project_store_fail (CakProjectStore *store, GError **error);
gboolean cak_project_store_exec (CakProjectStore *store, const char *sql, GError **error);
gboolean cak_project_store_prepare (CakProjectStore *store, const char *sql, sqlite3_stmt **stmt,
                                    GError **error);
const char *cak_project_store_column_text (sqlite3_stmt *stmt, int index);

/* cak-project-snapshot.c: each runs inside the caller's transaction. */
guint64 cak_project_snapshot_checksum (const guint8 *data, gsize length);
gboolean cak_project_snapshot_rebuild (CakProjectStore *store, const char *period, GError **error);
gboolean cak_project_snapshot_mark_whole (CakProjectStore *store, GError **error);
gboolean cak_project_snapshot_is_whole (CakProjectStore *store, gboolean *whole, gint64 *n_blobs,
                                        gint64 *n_figures, GError **error);
gboolean cak_project_snapshot_counts_agree (CakProjectStore *store, gint64 n_blobs,
                                            gint64 n_figures, gboolean *agree, GError **error);
gboolean cak_project_snapshot_load (CakProjectStore *store, CakDataset *dataset, GHashTable *names,
                                    gboolean *whole, GCancellable *cancellable, GError **error);

G_END_DECLS
