/* cak-slides-private.h: what the slide compositions and the tests share
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cak-chart-private.h"
#include "cak-slides.h"

G_BEGIN_DECLS

/* Type on a slide, as fractions of the frame's height: body text, and the title of every slide.
 * Painters draw their smallest labels (axis ticks) at 0.85 of the body, which keeps them above
 * 2.5% of the height; label_min_scale stops row labels shrinking below that. */
#define CAK_SLIDE_BODY_EM 0.03
#define CAK_SLIDE_TITLE_EM 0.056
#define CAK_SLIDE_LABEL_MIN 0.85

/* The body text size of a slide @width x @height. */
double cak_slide_font_px (double width, double height);

/* @theme as slides draw it: the title and the smallest labels raised for @height. */
void cak_slide_theme (const CakChartTheme *theme, double width, double height,
                      CakChartTheme *out_theme);

/* Where every text of the slide goes, for the tests: a chart slide's chart layout, or the
 * composition of a title, spotlight or summary slide (its texts in labels, no hits). */
CakChartLayout *cak_slide_layout_new (const CakSlide *slide, const CakChartData *data,
                                      const CakSlideInfo *info, const CakChartTheme *theme,
                                      PangoContext *context, double width, double height);

/* What a composition draws with: @cr NULL lays out only, into @layout. Shared by the
 * compositions of cak-slides-draw.c and cak-slides-monev.c. */
typedef struct
{
  cairo_t *cr;
  CakChartLayout *layout;
  const CakChartData *data;
  const CakChartFocus *focus;
  const CakSlideInfo *info;
  const CakChartTheme *theme;
  double px; /* body text */
  double width, height;
} CakSlideCompose;

CakRect cak_slide_put_text (CakSlideCompose *c, double px, PangoWeight weight, CakColor color,
                            const char *text, double x, double y, double align, double max_width);
double cak_slide_fit_px (CakSlideCompose *c, double px, double min_px, PangoWeight weight,
                         const char *text, double width);
void cak_slide_fill_rect (CakSlideCompose *c, CakColor color, double x, double y, double w,
                          double h);
void cak_slide_fill_bar (CakSlideCompose *c, CakColor color, double x, double y, double w,
                         double h);

/* The compositions, in cak-slides-draw.c: with @cr NULL they only lay out into @layout. */
void cak_slide_compose (cairo_t *cr, CakChartLayout *layout, const CakSlide *slide,
                        const CakChartData *data, const CakChartFocus *focus,
                        const CakSlideInfo *info, const CakChartTheme *theme);

/* The regencies a deck spotlights and a summary lists: the furthest from target in people
 * still to enrol, or the most uncovered when there are no targets. */
GArray *cak_slide_neediest_items (const CakChartData *data, guint n);

/* The actions of the last meeting that a deck of @data lists, grouped by status (transfer
 * container); NULL when @monev is NULL or holds no meeting. */
GPtrArray *cak_slide_agreed_actions (const CakChartData *data, CakMonev *monev,
                                     const CakMeeting **out_meeting);

/* In cak-slides-monev.c: the slides of the monev. */
void cak_slide_compose_monev (cairo_t *cr, CakChartLayout *layout, const CakSlide *slide,
                              const CakChartData *data, const CakSlideInfo *info,
                              const CakChartTheme *theme);

G_END_DECLS
