/* cak-import-session.h: reading a set of files, with what the user said about each
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cak-import-choices.h"
#include "cak-import.h"

G_BEGIN_DECLS

/* An import of several files into one new dataset, so that a failure leaves the one shown
 * intact: the files, the user's choices for each (the mapping step), and the choices remembered
 * for headers seen before. After a run, the session says which file the mapping step is for.
 * It knows nothing of windows: the window, the command line and the tests use it alike. */
typedef struct _CakImportSession CakImportSession;

/* Called from the thread running the session: @file_index of @n_files is being read,
 * @file_fraction of it is done (negative when not known). */
typedef void (*CakImportSessionProgress) (guint file_index, guint n_files, double file_fraction,
                                          gpointer user_data);

CakImportSession *cak_import_session_new (GPtrArray *files, GPtrArray *choices);
void cak_import_session_free (CakImportSession *session);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CakImportSession, cak_import_session_free)

void cak_import_session_set_remembered (CakImportSession *session, GVariant *remembered);
void cak_import_session_set_progress (CakImportSession *session, CakImportSessionProgress func,
                                      gpointer user_data);
void cak_import_session_set_choices (CakImportSession *session, guint index,
                                     CakImportChoices *choices);

gboolean cak_import_session_run (CakImportSession *session, GCancellable *cancellable,
                                 GError **error);

GPtrArray *cak_import_session_get_files (CakImportSession *session);
GPtrArray *cak_import_session_get_choices (CakImportSession *session);
const CakImportChoices *cak_import_session_get_file_choices (CakImportSession *session,
                                                             guint index);
CakDataset *cak_import_session_get_dataset (CakImportSession *session);
CakDataset *cak_import_session_steal_dataset (CakImportSession *session);
int cak_import_session_get_problem (CakImportSession *session);
gboolean cak_import_session_get_unmatched (CakImportSession *session);

GPtrArray *cak_import_choices_array_copy (GPtrArray *choices, guint n);

G_END_DECLS
