/* cak-slide-view.h: one slide of a deck at a time, filling the widget, with a thin progress bar
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cak-slides.h"

G_BEGIN_DECLS

typedef enum
{
  CAK_BLANK_NONE,
  CAK_BLANK_BLACK,
  CAK_BLANK_WHITE,
} CakBlank;

#define CAK_TYPE_SLIDE_VIEW (cak_slide_view_get_type ())
G_DECLARE_FINAL_TYPE (CakSlideView, cak_slide_view, CAK, SLIDE_VIEW, GtkWidget)

GtkWidget *cak_slide_view_new (void);
void cak_slide_view_set_deck (CakSlideView *self, const CakDeck *deck);
const CakDeck *cak_slide_view_get_deck (CakSlideView *self);
void cak_slide_view_set_data (CakSlideView *self, CakChartData *data);
CakChartData *cak_slide_view_get_data (CakSlideView *self);
void cak_slide_view_set_theme_kind (CakSlideView *self, CakChartThemeKind kind);
void cak_slide_view_set_agency (CakSlideView *self, const char *agency);
void cak_slide_view_set_monev (CakSlideView *self, CakMonev *monev);
CakMonev *cak_slide_view_get_monev (CakSlideView *self);
guint cak_slide_view_get_n_slides (CakSlideView *self);
void cak_slide_view_set_index (CakSlideView *self, guint index);
guint cak_slide_view_get_index (CakSlideView *self);
void cak_slide_view_set_blank (CakSlideView *self, CakBlank blank);
CakBlank cak_slide_view_get_blank (CakSlideView *self);
void cak_slide_view_set_highlight (CakSlideView *self, int item);
int cak_slide_view_get_highlight (CakSlideView *self);
int cak_slide_view_hit_test (CakSlideView *self, double x, double y);

G_END_DECLS
