/* cak-window.h: the main window
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cak-application.h"
#include "cak-dataset.h"
#include "cak-mapping-dialog.h"
#include "cak-project.h"
#include "cak-report.h"

G_BEGIN_DECLS

#define CAK_TYPE_WINDOW (cak_window_get_type ())
G_DECLARE_FINAL_TYPE (CakWindow, cak_window, CAK, WINDOW, AdwApplicationWindow)

CakWindow *cak_window_new (CakApplication *application);
void cak_window_open_files (CakWindow *self, GFile **files, int n_files, gboolean add);
void cak_window_import_mapped (CakWindow *self, GFile *file);
CakMappingDialog *cak_window_get_mapping_dialog (CakWindow *self);
CakDataset *cak_window_get_dataset (CakWindow *self);
void cak_window_show_preferences (CakWindow *self);
gboolean cak_window_export_report_to (CakWindow *self, const char *path,
                                      const CakReportOptions *options);
gboolean cak_window_is_writing_report (CakWindow *self);
CakProject *cak_window_get_project (CakWindow *self);
gboolean cak_window_save_project_to (CakWindow *self, GFile *file);
gboolean cak_window_export_table_to (CakWindow *self, const char *path, GError **error);

G_END_DECLS
