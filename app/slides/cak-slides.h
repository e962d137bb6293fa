/* cak-slides.h: the presentation deck, its slides and how each is drawn, with no GTK in it
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A deck is an ordered list of slides. A slide names what it shows (a chart kind, a regency), not
 * the figures: the figures come from the CakChartData it is drawn with, so one deck serves every
 * period and province. The window's presentation, the PDF and the PNG files all draw through
 * cak_slide_draw(), so what is exported is what was shown.
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "cak-chart.h"
#include "cak-monev.h"

G_BEGIN_DECLS

typedef enum
{
  CAK_SLIDE_TITLE,     /* province, period, agency, date */
  CAK_SLIDE_CHART,     /* one chart: kpi, ranking, coverage-workforce, segments, trend, scatter,
                          change */
  CAK_SLIDE_SPOTLIGHT, /* one regency: its figures, its trend and its gap to target */
  CAK_SLIDE_SUMMARY,   /* closing: the regencies furthest from target, the workers still to enrol */
  CAK_SLIDE_ACTIONS,   /* what the last meeting agreed, and where each action stands */
  CAK_SLIDE_CHECKLIST, /* how many regencies have done each item of Inpres 2/2021 */
} CakSlideKind;

typedef struct
{
  CakSlideKind kind;
  CakChartKind chart; /* CAK_SLIDE_CHART only */
  char *code;         /* CAK_SLIDE_SPOTLIGHT only: the regency's Kemendagri code, "35.05" */
  guint page;         /* CAK_SLIDE_ACTIONS only: 0, or 1... for the slides continuing the list */
} CakSlide;

/* What a slide shows besides the data: from Preferences and the moment of showing. */
typedef struct
{
  const char *agency; /* may be NULL or empty: then left out */
  GDateTime *date;    /* the date on the title slide; NULL: today */
  int highlight;      /* an item of the data highlighted on every slide, CAK_CHART_ITEM_NONE */
  CakMonev *monev;    /* the project's actions and checklist; NULL: files without a project */
} CakSlideInfo;

/* The actions one slide lists; more continue on the next. */
#define CAK_SLIDE_ACTIONS_PER_PAGE 6

typedef struct _CakDeck CakDeck;

CakDeck *cak_deck_new (void);
CakDeck *cak_deck_new_default (const CakChartData *data);
CakDeck *cak_deck_new_default_with_monev (const CakChartData *data, CakMonev *monev);
CakDeck *cak_deck_copy (const CakDeck *deck);
void cak_deck_free (CakDeck *deck);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CakDeck, cak_deck_free)

guint cak_deck_get_n_slides (const CakDeck *deck);
const CakSlide *cak_deck_get_slide (const CakDeck *deck, guint index);
/* @slide is copied; @position -1 puts it at the end. */
void cak_deck_insert (CakDeck *deck, int position, const CakSlide *slide);
void cak_deck_remove (CakDeck *deck, guint index);
void cak_deck_move (CakDeck *deck, guint from, guint to);

/* One line per slide: "title", "chart:ranking", "spotlight:35.05", "summary", "actions" (its
 * continuations "actions:2"...), "checklist". Parsing drops lines
 * it does not know and regencies that are not in @data (when @data is not NULL), so a deck kept
 * in the settings survives a change of province; an empty result means "use the default". */
char *cak_deck_to_string (const CakDeck *deck);
CakDeck *cak_deck_new_from_string (const char *text, const CakChartData *data);

/* The slide's name for lists, in the interface language: "Ranking", "Spotlight: Kabupaten
 * Blitar". */
char *cak_slide_get_name (const CakSlide *slide, const CakChartData *data);

/* Draws @slide filling width x height (device units, origin at 0,0) in @theme. Type is scaled to
 * the frame: titles at least 5% of the height, labels at least 2.5%. */
void cak_slide_draw (cairo_t *cr, const CakSlide *slide, const CakChartData *data,
                     const CakSlideInfo *info, const CakChartTheme *theme, double width,
                     double height);

/* The whole deck as a 16:9 vector PDF, one page per slide, and as PNG files
 * "<prefix>-01.png"... Both write through a temporary file and honour @cancellable;
 * @progress, when given, is called after each slide with (done, total). */
typedef void (*CakDeckProgress) (guint done, guint total, gpointer user_data);

gboolean cak_deck_export_pdf (const CakDeck *deck, const CakChartData *data,
                              const CakSlideInfo *info, const CakChartTheme *theme,
                              const char *path, GCancellable *cancellable, CakDeckProgress progress,
                              gpointer user_data, GError **error);
gboolean cak_deck_export_pngs (const CakDeck *deck, const CakChartData *data,
                               const CakSlideInfo *info, const CakChartTheme *theme,
                               const char *prefix, double width, double height,
                               GCancellable *cancellable, CakDeckProgress progress,
                               gpointer user_data, GError **error);

G_END_DECLS
