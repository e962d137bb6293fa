/* cak-deck-dialog.h: the presentation's slides, screen, colours and exports
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cak-project.h"
#include "cak-slides.h"

G_BEGIN_DECLS

#define CAK_TYPE_DECK_DIALOG (cak_deck_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CakDeckDialog, cak_deck_dialog, CAK, DECK_DIALOG, AdwWindow)

CakDeckDialog *cak_deck_dialog_new (GtkWindow *parent, CakChartData *data, GSettings *settings,
                                    CakProject *project);
const CakDeck *cak_deck_dialog_get_deck (CakDeckDialog *self);
const char *cak_deck_dialog_get_connector (CakDeckDialog *self);
void cak_deck_dialog_set_connector (CakDeckDialog *self, const char *connector);
gboolean cak_deck_dialog_get_dark (CakDeckDialog *self);
void cak_deck_dialog_set_dark (CakDeckDialog *self, gboolean dark);
guint cak_deck_dialog_get_advance_seconds (CakDeckDialog *self);
void cak_deck_dialog_set_advance_seconds (CakDeckDialog *self, guint seconds);
void cak_deck_dialog_export (CakDeckDialog *self, const char *path, gboolean pdf);
gboolean cak_deck_dialog_get_exporting (CakDeckDialog *self);

/* The deck kept in @settings' "deck" key, or the default one for @data */
CakDeck *cak_deck_dialog_load_deck (GSettings *settings, CakProject *project,
                                    const CakChartData *data);

G_END_DECLS
