/* cak-mapping-dialog.h: the mapping step: which column holds what, where the header is, the
 * period and the region names the catalog does not settle
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cak-import-choices.h"
#include "cak-lang.h"

G_BEGIN_DECLS

#define CAK_TYPE_MAPPING_DIALOG (cak_mapping_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CakMappingDialog, cak_mapping_dialog, CAK, MAPPING_DIALOG, AdwWindow)

CakMappingDialog *cak_mapping_dialog_new (GtkWindow *parent, GFile *file,
                                          const CakImportChoices *choices, GSettings *settings,
                                          CakLang lang, const char *reason);
GFile *cak_mapping_dialog_get_file (CakMappingDialog *self);
CakImportChoices *cak_mapping_dialog_get_choices (CakMappingDialog *self);
gboolean cak_mapping_dialog_is_busy (CakMappingDialog *self);

/* For the tests, and for anything that drives the step as a user would: each goes through the
 * widget a user would change. */
guint cak_mapping_dialog_get_n_columns (CakMappingDialog *self);
CakColumnRole cak_mapping_dialog_get_role (CakMappingDialog *self, guint column,
                                           CakMeasure *out_measure);
void cak_mapping_dialog_set_role (CakMappingDialog *self, guint column, CakColumnRole role,
                                  CakMeasure measure);
void cak_mapping_dialog_set_header_row (CakMappingDialog *self, guint row);
void cak_mapping_dialog_set_period (CakMappingDialog *self, const char *text);
guint cak_mapping_dialog_get_n_unmatched (CakMappingDialog *self);
gboolean cak_mapping_dialog_set_region (CakMappingDialog *self, const char *text, const char *code);
gboolean cak_mapping_dialog_import (CakMappingDialog *self);

G_END_DECLS
