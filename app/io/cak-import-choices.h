/* cak-import-choices.h: what the user said about a file in the mapping step, kept and remembered
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "cak-import.h"

G_BEGIN_DECLS

/* The options of one file that the user chose: column roles, the header row, region names and
 * the period. They live as long as the file is shown, so that adding files later imports it
 * the same way again. */
typedef struct
{
  GPtrArray *column_map;  /* CakColumnMapping*; headers as the importer names the columns */
  GHashTable *region_map; /* cak_import_normalize (text) -> region code */
  guint header_row;       /* 0 to detect */
  CakPeriod default_period;
} CakImportChoices;

#define CAK_TYPE_IMPORT_CHOICES (cak_import_choices_get_type ())

GType cak_import_choices_get_type (void) G_GNUC_CONST;
CakImportChoices *cak_import_choices_new (void);
CakImportChoices *cak_import_choices_copy (const CakImportChoices *choices);
void cak_import_choices_free (CakImportChoices *choices);
gboolean cak_import_choices_is_empty (const CakImportChoices *choices);
void cak_import_choices_set_role (CakImportChoices *choices, const char *header, CakColumnRole role,
                                  CakMeasure measure);
void cak_import_choices_to_options (const CakImportChoices *choices, CakImportOptions *options);
char *cak_import_choices_serialize (const CakImportChoices *choices);
CakImportChoices *cak_import_choices_deserialize (const char *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CakImportChoices, cak_import_choices_free)

G_END_DECLS
