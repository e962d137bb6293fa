/* cak-presentation.h: the deck shown full screen, driven by keys, a clicker or the mouse
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cak-slide-view.h"
#include "cak-slides.h"

G_BEGIN_DECLS

/* The projector's colours on a dark background. */
#define CAK_PRESENTATION_THEME_DARK CAK_CHART_THEME_PROJECTOR_DARK

#define CAK_TYPE_PRESENTATION (cak_presentation_get_type ())
G_DECLARE_FINAL_TYPE (CakPresentation, cak_presentation, CAK, PRESENTATION, GtkWindow)

CakPresentation *cak_presentation_new (const CakDeck *deck, CakChartData *data);
void cak_presentation_set_theme_kind (CakPresentation *self, CakChartThemeKind kind);
void cak_presentation_set_agency (CakPresentation *self, const char *agency);
void cak_presentation_set_monev (CakPresentation *self, CakMonev *monev);
void cak_presentation_set_advance_seconds (CakPresentation *self, guint seconds);
void cak_presentation_start (CakPresentation *self, GdkMonitor *monitor);
void cak_presentation_end (CakPresentation *self);

gboolean cak_presentation_handle_key (CakPresentation *self, guint keyval, GdkModifierType state);
void cak_presentation_go_to (CakPresentation *self, guint index);
guint cak_presentation_get_index (CakPresentation *self);
guint cak_presentation_get_n_slides (CakPresentation *self);
CakBlank cak_presentation_get_blank (CakPresentation *self);
int cak_presentation_get_highlight (CakPresentation *self);
gboolean cak_presentation_get_searching (CakPresentation *self);
CakSlideView *cak_presentation_get_view (CakPresentation *self);

/* Monitors: where to present, and how to name one in a list */
GdkMonitor *cak_presentation_choose_monitor (GdkDisplay *display, const char *connector,
                                             GtkWindow *main_window);
char *cak_presentation_describe_monitor (GdkMonitor *monitor);

G_END_DECLS
