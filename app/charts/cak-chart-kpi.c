/* cak-chart-kpi.c: the province's key figures as six tiles
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cak-chart-kpi"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cak-chart-private.h"
#include "cak-number.h"

/* The big figure is at most this many font sizes, and a figure of people is written short
 * ("15,3 jt") only when in full it would have to be smaller than SHORT_BELOW. */
#define VALUE_MAX_EM 4.4
#define SHORT_BELOW_EM 1.8
/* The tiles are laid out three by two when the plot is at least this much wider than tall. */
#define WIDE_RATIO 1.25

typedef enum
{
  TONE_TEXT,
  TONE_MUTED,
  TONE_GAIN,
  TONE_LOSS,
} Tone;

typedef struct
{
  char *caption;
  char *short_caption; /* said instead when the caption does not fit; NULL when none */
  char *value;         /* in full */
  char *short_value; /* NULL when there is no shorter form */
  double people;     /* the figure of a tile in people, NAN for the others */
  char *context;
  char *context2; /* the context's second line, when a large theme wraps it */
  Tone tone;
  double progress; /* coverage as a fraction of the target; NAN for no bar */
  /* The compared province's figure, under the figure: "Jawa Tengah: 25,31%"; NULL when none */
  char *peer;
  char *peer_value;       /* its figure alone, in full */
  char *peer_short_value; /* NULL when there is no shorter form */
  double peer_people;     /* NAN for a figure not of people */

  /* Where it goes */
  CakRect rect;
  const char *shown; /* value or short_value */
  double text_x, inner_w;
  double caption_px, value_px, context_px, peer_px;
  double caption_y, value_y, context_y, peer_y;
  char *peer2; /* the peer's figure on a line of its own, when name and figure do not fit one */
  double peer_x, peer_align; /* under the figure at the left, or beside it at the right */
  CakRect bar;
  gboolean has_context, has_bar, has_peer; /* FALSE in a tile too low for them */
} Tile;

typedef struct
{
  guint n_cols, n_rows;
  Tile tiles[CAK_CHART_KPI_N_TILES];
} Kpi;

static void
kpi_free (gpointer data)
{
  Kpi *k = data;

  for (guint i = 0; i < CAK_CHART_KPI_N_TILES; i++)
    {
      g_free (k->tiles[i].caption);
      g_free (k->tiles[i].short_caption);
      g_free (k->tiles[i].value);
      g_free (k->tiles[i].short_value);
      g_free (k->tiles[i].context);
      g_free (k->tiles[i].context2);
      g_free (k->tiles[i].peer);
      g_free (k->tiles[i].peer_value);
      g_free (k->tiles[i].peer_short_value);
      g_free (k->tiles[i].peer2);
    }
  g_free (k);
}

static char *
title_of (void)
{
  return g_strdup (_ ("Key figures"));
}

static char *
format_people (double value, CakLang lang)
{
  if (isnan (value))
    return g_strdup ("—");
  return cak_number_format (value, 0, lang);
}

static char *
format_signed_people (double value, CakLang lang)
{
  g_autofree char *number = cak_number_format (fabs (value), 0, lang);

  return g_strconcat (value > 0.5 ? "+" : value < -0.5 ? "−" : "", number, NULL);
}

static void
set_people (Tile *t, double value, CakLang lang)
{
  t->value = format_people (value, lang);
  t->people = value;
  if (isnan (value))
    t->tone = TONE_MUTED;
}

/* The province's coverage as the imported file states it, under Cakupan's own: "The file
 * states: 27,68% (4.300.000 of 15.000.000)". */
static char *
format_stated (const CakStatedFigures *stated, CakLang lang)
{
  double participants = cak_stated_figures_participants (stated);
  double workforce = cak_stated_figures_get (stated, CAK_MEASURE_WORKFORCE);
  g_autofree char *pct = NULL;
  g_autofree char *p = NULL;
  g_autofree char *w = NULL;

  if (stated->has_coverage)
    pct = cak_number_format_percent (stated->coverage_pct.value, 2, lang);
  if (!isnan (participants) && !isnan (workforce))
    {
      p = cak_number_format (participants, 0, lang);
      w = cak_number_format (workforce, 0, lang);
    }
  if (pct && p)
    /* TRANSLATORS: under the coverage: "The file states: 27,68% (4.300.000 of 15.000.000)" */
    return g_strdup_printf (_ ("The file states: %s (%s of %s)"), pct, p, w);
  if (pct)
    return g_strdup_printf (_ ("The file states: %s"), pct);
  if (p)
    /* TRANSLATORS: "The file states: 4.300.000 of 15.000.000" (participants of workforce) */
    return g_strdup_printf (_ ("The file states: %s of %s"), p, w);
  return NULL;
}

static void
set_peer_people (Tile *t, double value, CakLang lang)
{
  t->peer_value = format_people (value, lang);
  t->peer_people = value;
}

/* The compared province's figure of each tile, as the tile writes its own */
static void
fill_peer (Tile tiles[CAK_CHART_KPI_N_TILES], const CakChartData *data)
{
  const CakIndicatorRow *peer = &data->peer;
  CakLang lang = data->lang;

  set_peer_people (&tiles[0], peer->workforce, lang);
  set_peer_people (&tiles[1], peer->participants, lang);
  tiles[2].peer_value = cak_chart_format_pct (peer->coverage_pct, 2, lang);
  set_peer_people (&tiles[3], peer->uncovered, lang);
  if (isnan (peer->target_pct) || isnan (peer->gap_to_target))
    tiles[4].peer_value = g_strdup ("—");
  else if (peer->gap_to_target <= 0)
    tiles[4].peer_value = g_strdup (_ ("Reached"));
  else
    set_peer_people (&tiles[4], peer->gap_to_target, lang);
  if (cak_period_is_valid (data->compare) && !isnan (peer->change_pp)
      && !isnan (data->peer_compare.coverage_pct))
    tiles[5].peer_value = cak_chart_format_pp (peer->change_pp, lang);
  else
    tiles[5].peer_value = g_strdup ("—");
}

/* What the six tiles say, in reading order. */
static void
fill_tiles (Tile tiles[CAK_CHART_KPI_N_TILES], const CakChartData *data)
{
  const CakIndicatorRow *total = &data->total;
  const CakIndicatorRow *before = &data->compare_total;
  CakLang lang = data->lang;
  gboolean has_compare = cak_period_is_valid (data->compare);
  /* The country's coverage beside a province's, unless the country is the peer (shown already) */
  gboolean show_national
      = data->has_national
        && !(data->has_peer && g_strcmp0 (data->peer_code, CAK_CHART_PEER_COUNTRY) == 0);
  g_autofree char *since = has_compare ? cak_period_format (data->compare, lang) : NULL;
  g_autofree char *target = NULL;
  CakChartPeople people;
  Tile *t;

  memset (tiles, 0, sizeof (Tile) * CAK_CHART_KPI_N_TILES);
  for (guint i = 0; i < CAK_CHART_KPI_N_TILES; i++)
    tiles[i].progress = tiles[i].people = tiles[i].peer_people = NAN;
  if (!isnan (total->target_pct))
    target = cak_number_format_percent (total->target_pct, 2, lang);

  t = &tiles[0];
  t->caption = g_strdup (_ ("Workforce"));
  set_people (t, total->workforce, lang);
  if (cak_period_is_valid (total->workforce_period))
    {
      g_autofree char *year = cak_period_format (total->workforce_period, lang);

      /* TRANSLATORS: below the workforce; %s is the year of the BPS figures */
      t->context = g_strdup_printf (_ ("employed residents · BPS %s"), year);
    }
  else
    t->context = g_strdup (_ ("employed residents · BPS"));

  t = &tiles[1];
  t->caption = g_strdup (_ ("Active participants"));
  set_people (t, total->participants, lang);
  if (has_compare && !isnan (total->participants) && !isnan (before->participants))
    {
      g_autofree char *diff
          = format_signed_people (total->participants - before->participants, lang);

      /* TRANSLATORS: "+274.312 since Desember 2023" */
      t->context = g_strdup_printf (_ ("%s since %s"), diff, since);
    }
  else
    t->context = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "in %u regency or city",
                                               "in %u regencies and cities", total->n_regencies),
                                  total->n_regencies);

  t = &tiles[2];
  t->caption = g_strdup (_ ("Coverage"));
  t->value = cak_chart_format_pct (total->coverage_pct, 2, lang);
  if (isnan (total->coverage_pct))
    t->tone = TONE_MUTED;
  if (target && !isnan (total->coverage_pct))
    {
      t->progress = CLAMP (total->coverage_pct / total->target_pct, 0, 1);
      if (total->coverage_pct >= total->target_pct)
        t->context = g_strdup_printf (_ ("target %s reached"), target);
      else
        t->context = g_strdup_printf (_ ("target %s"), target);
    }
  else if (target)
    t->context = g_strdup_printf (_ ("target %s"), target);
  else if (show_national)
    t->context = NULL;
  else
    t->context = g_strdup (_ ("active participants ÷ workforce"));
  /* Beside a province, the whole country's coverage, for reference */
  if (show_national)
    {
      g_autofree char *national = cak_chart_format_pct (data->national.coverage_pct, 2, lang);
      g_autofree char *with = g_strdup_printf ("Indonesia %s", national);

      if (t->context)
        {
          g_autofree char *first = t->context;

          t->context = g_strdup_printf ("%s · %s", first, with);
        }
      else
        t->context = g_steal_pointer (&with);
    }
  if (data->has_stated)
    t->context2 = format_stated (&data->stated, lang);

  t = &tiles[3];
  t->caption = g_strdup (_ ("Not yet covered"));
  set_people (t, total->uncovered, lang);
  if (!isnan (total->coverage_pct))
    {
      g_autofree char *share = cak_number_format_percent (100 - total->coverage_pct, 2, lang);

      t->context = g_strdup_printf (_ ("%s of the workforce"), share);
    }
  else
    t->context = g_strdup (_ ("no data"));

  t = &tiles[4];
  /* The overall gap, named apart from the sum of the regencies' gaps that the summary slide and
   * the workbook's gap sheet show: the regencies above target offset those below in this one. */
  t->caption = g_strdup (_ ("Overall gap to target"));
  /* TRANSLATORS: the tile's caption where "Overall gap to target" does not fit */
  t->short_caption = g_strdup (_ ("Overall gap"));
  if (target == NULL)
    {
      t->value = g_strdup ("—");
      t->tone = TONE_MUTED;
      t->context = g_strdup (_ ("no target set"));
    }
  else if (isnan (total->gap_to_target))
    {
      t->value = g_strdup ("—");
      t->tone = TONE_MUTED;
      t->context = g_strdup (_ ("no data"));
    }
  else if (total->gap_to_target <= 0)
    {
      t->value = g_strdup (_ ("Reached"));
      t->tone = TONE_GAIN;
      t->context = g_strdup_printf (_ ("coverage at or above %s"), target);
    }
  else
    {
      set_people (t, total->gap_to_target, lang);
      /* TRANSLATORS: under the overall gap to target, its definition: "40,00% × workforce −
       * participants" of the province as a whole */
      t->context = g_strdup_printf (_ ("%s × workforce − participants"), target);
    }

  t = &tiles[5];
  if (!has_compare)
    {
      t->caption = g_strdup (_ ("Change"));
      t->value = g_strdup ("—");
      t->tone = TONE_MUTED;
      t->context = g_strdup (_ ("no comparison period"));
    }
  else
    {
      /* TRANSLATORS: a tile's caption; %s is the comparison period, "Desember 2023" */
      t->caption = g_strdup_printf (_ ("Change since %s"), since);
      /* The context names the period too ("Desember 2023: 30,13%"): never cut the caption's */
      t->short_caption = g_strdup (_ ("Change"));
      if (isnan (total->change_pp) || isnan (before->coverage_pct))
        {
          t->value = g_strdup ("—");
          t->tone = TONE_MUTED;
          t->context = g_strdup_printf (_ ("no figures for %s"), since);
        }
      else
        {
          g_autofree char *then = cak_number_format_percent (before->coverage_pct, 2, lang);

          t->value = cak_chart_format_pp (total->change_pp, lang);
          t->tone = round (total->change_pp * 10) > 0   ? TONE_GAIN
                    : round (total->change_pp * 10) < 0 ? TONE_LOSS
                                                        : TONE_TEXT;
          /* TRANSLATORS: coverage in the comparison period: "Desember 2023: 30,12%" */
          t->context = g_strdup_printf (_ ("%s: %s"), since, then);
        }
    }

  /* The short forms, should the figures be written short, all with one precision: "15,5 jt"
   * beside "4,9 jt", never "4,88 jt" */
  if (data->has_peer)
    fill_peer (tiles, data);
  cak_chart_people_init (&people);
  for (guint i = 0; i < CAK_CHART_KPI_N_TILES; i++)
    {
      cak_chart_people_add (&people, tiles[i].people);
      cak_chart_people_add (&people, tiles[i].peer_people);
    }
  for (guint i = 0; i < CAK_CHART_KPI_N_TILES; i++)
    {
      if (!isnan (tiles[i].people))
        tiles[i].short_value = cak_chart_people_format (&people, tiles[i].people, lang);
      if (!isnan (tiles[i].peer_people))
        tiles[i].peer_short_value = cak_chart_people_format (&people, tiles[i].peer_people, lang);
    }
  for (guint i = 0; i < CAK_CHART_KPI_N_TILES && data->has_peer; i++)
    /* TRANSLATORS: the compared province's figure under a key figure: "Jawa Tengah: 25,31%" */
    tiles[i].peer = g_strdup_printf (_ ("%s: %s"), data->peer_place, tiles[i].peer_value);
}

/* The size at which @text is as large as it may be and still fits @width; never cut. */
static double
fit_px (CakChartLayout *layout, const CakChartTheme *theme, PangoWeight weight, const char *text,
        double px, double width)
{
  for (guint i = 0; i < 4; i++)
    {
      double w = cak_chart_text_width (layout, theme, px, weight, text);

      if (w <= width)
        break;
      px = floor (px * width / w * 0.98 * 10) / 10;
    }
  return px;
}

static double
text_height (const CakChartLayout *layout, const CakChartTheme *theme, double px,
             PangoWeight weight, const char *text)
{
  return cak_chart_text_rect (layout, theme, px, weight, text, 0, 0, 0, 0).height;
}

/* The peer's line at the largest size up to the context's that fits the tile: in full, else
 * with its figure short, else the name and the figure on two lines; never cut. */
static void
fit_peer (CakChartLayout *layout, const CakChartTheme *theme, Tile *t, const char *place)
{
  double px = layout->font_px * 0.92;
  double min_px = layout->font_px * cak_chart_label_min (theme, 0.72);
  g_autofree char *name = NULL;

  t->peer_px = fit_px (layout, theme, PANGO_WEIGHT_NORMAL, t->peer, px, t->inner_w);
  if (t->peer_px >= min_px)
    return;
  if (t->peer_short_value)
    {
      g_autofree char *shorter = g_strdup_printf (_ ("%s: %s"), place, t->peer_short_value);
      double short_px = fit_px (layout, theme, PANGO_WEIGHT_NORMAL, shorter, px, t->inner_w);

      if (short_px >= min_px)
        {
          g_free (t->peer);
          t->peer = g_steal_pointer (&shorter);
          t->peer_px = short_px;
          return;
        }
    }
  /* TRANSLATORS: the compared province's name on a line of its own, above its figure */
  name = g_strdup_printf (_ ("%s:"), place);
  g_free (t->peer);
  t->peer = g_steal_pointer (&name);
  t->peer2 = g_strdup (t->peer_short_value ? t->peer_short_value : t->peer_value);
  t->peer_px = MIN (fit_px (layout, theme, PANGO_WEIGHT_NORMAL, t->peer, px, t->inner_w),
                    fit_px (layout, theme, PANGO_WEIGHT_NORMAL, t->peer2, px, t->inner_w));
}

/* A context too long for its tile at the smallest size a large theme allows goes on two lines,
 * broken at the space nearest its middle that lets both lines fit. */
static void
wrap_context (CakChartLayout *layout, const CakChartTheme *theme, Tile *t)
{
  g_autofree char *text = NULL;
  double px = layout->font_px * 0.92;
  const char *best = NULL;
  glong n, best_d = G_MAXLONG;

  if (t->context == NULL || t->context2 != NULL
      || cak_chart_text_width (layout, theme, t->context_px, PANGO_WEIGHT_NORMAL, t->context)
             <= t->inner_w)
    return;
  n = g_utf8_strlen (t->context, -1);
  for (const char *p = strchr (t->context, ' '); p; p = strchr (p + 1, ' '))
    {
      glong d = ABS (g_utf8_pointer_to_offset (t->context, p) - n / 2);
      g_autofree char *first = g_strndup (t->context, p - t->context);

      /* A line never starts with the separator "·" */
      if (g_str_has_prefix (p + 1, "·"))
        continue;
      if (d < best_d
          && cak_chart_text_width (layout, theme, px, PANGO_WEIGHT_NORMAL, first) <= t->inner_w
          && cak_chart_text_width (layout, theme, px, PANGO_WEIGHT_NORMAL, p + 1) <= t->inner_w)
        {
          best = p;
          best_d = d;
        }
    }
  if (best == NULL)
    return;
  text = g_steal_pointer (&t->context);
  t->context = g_strndup (text, best - text);
  t->context2 = g_strdup (best + 1);
  t->context_px = px;
}

/* Caption and context at their size, smaller when long; ellipsized only past that. The figure's
 * largest size is what the tile leaves it. */
static void
measure_tile (CakChartLayout *layout, const CakChartTheme *theme, Tile *t, const char *peer_place,
              double *out_value_max)
{
  double px = layout->font_px;
  double ipad = round (px * MIN (1.2, t->rect.width / (px * 14)));
  double cap_h, ctx_h, bar_h = 0, bar_gap = 0, half, peer_h = 0;

  t->text_x = t->rect.x + ipad;
  t->inner_w = t->rect.width - 2 * ipad;
  if (t->short_caption
      && fit_px (layout, theme, PANGO_WEIGHT_BOLD, t->caption, px, t->inner_w)
             < px * cak_chart_label_min (theme, 0.75))
    {
      g_free (t->caption);
      t->caption = g_steal_pointer (&t->short_caption);
    }
  t->caption_px = MAX (px * cak_chart_label_min (theme, 0.75),
                       fit_px (layout, theme, PANGO_WEIGHT_BOLD, t->caption, px, t->inner_w));
  t->context_px
      = MAX (px * cak_chart_label_min (theme, 0.72),
             fit_px (layout, theme, PANGO_WEIGHT_NORMAL, t->context, px * 0.92, t->inner_w));
  cap_h = text_height (layout, theme, t->caption_px, PANGO_WEIGHT_BOLD, t->caption);
  /* Wrapped rather than cut: a context holds figures */
  wrap_context (layout, theme, t);
  ctx_h = text_height (layout, theme, t->context_px, PANGO_WEIGHT_NORMAL, t->context);
  if (t->context2)
    ctx_h = 2 * (ceil (ctx_h) + 1);
  if (t->peer)
    {
      fit_peer (layout, theme, t, peer_place);
      peer_h = ceil (text_height (layout, theme, t->peer_px, PANGO_WEIGHT_NORMAL, t->peer)) + 1;
      if (t->peer2)
        peer_h *= 2;
      peer_h += px * 0.25;
    }
  if (!isnan (t->progress))
    {
      bar_h = MAX (3.0, round (px * 0.45));
      bar_gap = px * 0.5;
    }
  t->caption_y = t->rect.y + ipad + cap_h / 2;
  t->has_context = TRUE;
  t->has_bar = !isnan (t->progress);
  t->has_peer = t->peer != NULL;
  for (;;)
    {
      double bottom = t->rect.y + t->rect.height - ipad;
      double above; /* the top of what is under the figure, the bar aside */

      if (t->has_context)
        {
          t->context_y = bottom - ctx_h / 2;
          bottom -= ctx_h;
        }
      if (t->has_peer)
        {
          /* The compared figure right under the tile's own, the bar (the tile's own) above */
          t->peer_y = bottom - peer_h / 2 + px * 0.125;
          t->peer_x = t->text_x;
          t->peer_align = 0;
          bottom -= peer_h;
        }
      above = bottom;
      if (t->has_context && t->has_bar)
        {
          t->bar = (CakRect){ t->text_x, round (bottom - bar_gap - bar_h), t->inner_w, bar_h };
          bottom = t->bar.y;
        }
      /* The figure sits midway between caption and context, at the same height in every tile
       * of a row, as large as the room above it and below it (down to the bar) allows. */
      t->value_y = (t->caption_y + cap_h / 2 + above) / 2;
      half = MIN (t->value_y - (t->caption_y + cap_h / 2), bottom - t->value_y) - px * 0.2;
      /* In a tile too low for all, the figure matters most, then the compared figure, then the
       * context, then the bar. */
      if (2 * half / 1.3 >= px * 0.9 || !(t->has_context || t->has_peer))
        break;
      if (t->has_bar && t->has_context)
        t->has_bar = FALSE;
      else if (t->has_context)
        t->has_context = FALSE;
      else
        t->has_peer = FALSE;
    }
  *out_value_max = MAX (6.0, MIN (px * VALUE_MAX_EM, 2 * half / 1.3));
}

/* The height of one line of a wrapped context */
static double
context_line (const CakChartLayout *layout, const CakChartTheme *theme, const Tile *t)
{
  /* Whole pixels and one more, so that the two lines never touch once placed on pixels */
  return ceil (text_height (layout, theme, t->context_px, PANGO_WEIGHT_NORMAL, t->context)) + 1;
}

/* In a tile too low for a line under the figure (the Overview's), the compared figure goes
 * beside it at the right, when the room left there takes it whole */
static void
peer_beside_value (CakChartLayout *layout, const CakChartTheme *theme, Tile *t, const char *place)
{
  double px = layout->font_px;
  double min_px = px * cak_chart_label_min (theme, 0.72);
  double room = t->inner_w - px
                - cak_chart_text_width (layout, theme, t->value_px, PANGO_WEIGHT_BOLD, t->shown);
  const char *values[] = { t->peer_value, t->peer_short_value };

  for (guint i = 0; i < G_N_ELEMENTS (values) && room > 0; i++)
    {
      g_autofree char *text = NULL;
      double fit;

      if (values[i] == NULL)
        continue;
      text = g_strdup_printf (_ ("%s: %s"), place, values[i]);
      fit = fit_px (layout, theme, PANGO_WEIGHT_NORMAL, text, px * 0.92, room);
      if (fit < min_px)
        continue;
      g_free (t->peer);
      g_clear_pointer (&t->peer2, g_free);
      t->peer = g_steal_pointer (&text);
      t->peer_px = fit;
      t->peer_x = t->text_x + t->inner_w;
      t->peer_align = 1;
      t->peer_y = t->value_y;
      t->has_peer = TRUE;
      return;
    }
}

static double
peer_line (const CakChartLayout *layout, const CakChartTheme *theme, const Tile *t)
{
  return ceil (text_height (layout, theme, t->peer_px, PANGO_WEIGHT_NORMAL, t->peer)) + 1;
}

static void
place_tile (CakChartLayout *layout, const CakChartTheme *theme, Tile *t)
{
  cak_chart_place_text (layout, theme, t->caption_px, PANGO_WEIGHT_BOLD, t->caption, t->text_x,
                        t->caption_y, 0, t->inner_w);
  cak_chart_place_text (layout, theme, t->value_px, PANGO_WEIGHT_BOLD, t->shown, t->text_x,
                        t->value_y, 0, 0);
  if (t->has_peer)
    {
      double lh = t->peer2 ? peer_line (layout, theme, t) : 0;

      cak_chart_place_text (layout, theme, t->peer_px, PANGO_WEIGHT_NORMAL, t->peer, t->peer_x,
                            t->peer_y - lh / 2, t->peer_align, t->inner_w);
      if (t->peer2)
        cak_chart_place_text (layout, theme, t->peer_px, PANGO_WEIGHT_NORMAL, t->peer2, t->peer_x,
                              t->peer_y + lh / 2, t->peer_align, t->inner_w);
    }
  if (t->has_context)
    {
      double lh = t->context2 ? context_line (layout, theme, t) : 0;

      cak_chart_place_text (layout, theme, t->context_px, PANGO_WEIGHT_NORMAL, t->context,
                            t->text_x, t->context_y - lh / 2, 0, t->inner_w);
      if (t->context2)
        cak_chart_place_text (layout, theme, t->context_px, PANGO_WEIGHT_NORMAL, t->context2,
                              t->text_x, t->context_y + lh / 2, 0, t->inner_w);
    }
  cak_chart_add_hit (layout, t->rect, CAK_CHART_ITEM_TOTAL);
}

static void
kpi_layout (CakChartLayout *layout, const CakChartData *data, const CakChartTheme *theme)
{
  Kpi *k = g_new0 (Kpi, 1);
  g_autofree char *title = title_of ();
  g_autofree char *subtitle = cak_chart_subtitle (data, NULL);
  g_autofree char *footer = cak_chart_footer (data);
  double px = layout->font_px;
  double gap = round (px * 0.9), tile_w, tile_h, common = px;
  double value_max[CAK_CHART_KPI_N_TILES];

  layout->priv = k;
  layout->priv_free = kpi_free;
  fill_tiles (k->tiles, data);
  cak_chart_frame_layout (layout, theme, title, subtitle, footer, FALSE);
  layout->plot.y += px * 0.4;
  layout->plot.height -= px * 0.4;

  k->n_cols = layout->plot.width >= layout->plot.height * WIDE_RATIO ? 3 : 2;
  k->n_rows = CAK_CHART_KPI_N_TILES / k->n_cols;
  tile_w = floor ((layout->plot.width - gap * (k->n_cols - 1)) / k->n_cols);
  tile_h = floor ((layout->plot.height - gap * (k->n_rows - 1)) / k->n_rows);
  for (guint i = 0; i < CAK_CHART_KPI_N_TILES; i++)
    {
      Tile *t = &k->tiles[i];

      t->rect = (CakRect){ layout->plot.x + (i % k->n_cols) * (tile_w + gap),
                           layout->plot.y + (i / k->n_cols) * (tile_h + gap), tile_w, tile_h };
      measure_tile (layout, theme, t, data->peer_place, &value_max[i]);
    }

  /* Every figure at one size, the largest at which all fit: the tiles read as a set. Figures of
   * people are written short only when in full they would all be too small. */
  for (guint pass = 0; pass < 2; pass++)
    {
      common = INFINITY;
      for (guint i = 0; i < CAK_CHART_KPI_N_TILES; i++)
        {
          Tile *t = &k->tiles[i];

          t->shown = pass == 1 && t->short_value ? t->short_value : t->value;
          common = MIN (common, fit_px (layout, theme, PANGO_WEIGHT_BOLD, t->shown, value_max[i],
                                        t->inner_w));
        }
      if (common >= px * SHORT_BELOW_EM)
        break;
    }
  for (guint i = 0; i < CAK_CHART_KPI_N_TILES; i++)
    {
      k->tiles[i].value_px = common;
      if (k->tiles[i].peer && !k->tiles[i].has_peer)
        peer_beside_value (layout, theme, &k->tiles[i], data->peer_place);
      place_tile (layout, theme, &k->tiles[i]);
    }
}

static void
rounded_rect (cairo_t *cr, CakRect r, double radius)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, r.x + r.width - radius, r.y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, r.x + r.width - radius, r.y + r.height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, r.x + radius, r.y + r.height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, r.x + radius, r.y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static CakColor
tone_color (const CakChartTheme *theme, Tone tone)
{
  switch (tone)
    {
      case TONE_MUTED:
        return theme->muted;
      case TONE_GAIN:
        return theme->gain;
      case TONE_LOSS:
        return theme->loss;
      case TONE_TEXT:
      default:
        return theme->text;
    }
}

static void
kpi_paint (cairo_t *cr, const CakChartLayout *layout, const CakChartData *data,
           const CakChartFocus *focus, const CakChartTheme *theme)
{
  const Kpi *k = layout->priv;
  double px = layout->font_px;
  CakColor card = cak_chart_mix (theme->background, theme->grid, 0.35);

  cak_chart_fill_background (cr, theme, layout);
  cak_chart_frame_paint (cr, layout, theme);

  for (guint i = 0; i < CAK_CHART_KPI_N_TILES; i++)
    {
      const Tile *t = &k->tiles[i];

      rounded_rect (cr, t->rect, px * 0.5);
      cak_chart_set_color (cr, card);
      cairo_fill_preserve (cr);
      cak_chart_set_color (cr, theme->grid);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);

      cak_chart_set_color (cr, theme->muted);
      cak_chart_show_text (cr, layout, theme, t->caption_px, PANGO_WEIGHT_BOLD, t->caption,
                           t->text_x, t->caption_y, 0, t->inner_w);
      cak_chart_set_color (cr, tone_color (theme, t->tone));
      cak_chart_show_text (cr, layout, theme, t->value_px, PANGO_WEIGHT_BOLD, t->shown, t->text_x,
                           t->value_y, 0, 0);
      if (t->has_peer)
        {
          double lh = t->peer2 ? peer_line (layout, theme, t) : 0;

          cak_chart_set_color (cr, theme->text);
          cak_chart_show_text (cr, layout, theme, t->peer_px, PANGO_WEIGHT_NORMAL, t->peer,
                               t->peer_x, t->peer_y - lh / 2, t->peer_align, t->inner_w);
          if (t->peer2)
            cak_chart_show_text (cr, layout, theme, t->peer_px, PANGO_WEIGHT_NORMAL, t->peer2,
                                 t->peer_x, t->peer_y + lh / 2, t->peer_align, t->inner_w);
        }
      if (!t->has_context)
        continue;
      if (t->has_bar)
        {
          /* The way to the target: the track is the target, the fill is how far coverage got. */
          cak_chart_set_color (cr, theme->track);
          rounded_rect (cr, t->bar, t->bar.height / 2);
          cairo_fill (cr);
          if (t->progress > 0)
            {
              CakRect fill = t->bar;

              fill.width = MAX (fill.height, t->bar.width * t->progress);
              cak_chart_set_color (cr, cak_chart_coverage_color (theme, data, &data->total));
              rounded_rect (cr, fill, fill.height / 2);
              cairo_fill (cr);
            }
          /* The end of the track is the target: marked as in the ranking. */
          cak_chart_set_color (cr, theme->target);
          cairo_set_line_width (cr, MAX (2.0, px * 0.16));
          cairo_move_to (cr, t->bar.x + t->bar.width - 1, t->bar.y - t->bar.height * 0.6);
          cairo_line_to (cr, t->bar.x + t->bar.width - 1, t->bar.y + t->bar.height * 1.6);
          cairo_stroke (cr);
        }
      cak_chart_set_color (cr, theme->muted);
      {
        double lh = t->context2 ? context_line (layout, theme, t) : 0;

        cak_chart_show_text (cr, layout, theme, t->context_px, PANGO_WEIGHT_NORMAL, t->context,
                             t->text_x, t->context_y - lh / 2, 0, t->inner_w);
        if (t->context2)
          cak_chart_show_text (cr, layout, theme, t->context_px, PANGO_WEIGHT_NORMAL, t->context2,
                               t->text_x, t->context_y + lh / 2, 0, t->inner_w);
      }
    }
}

static char *
kpi_describe (const CakChartData *data)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_autofree char *title = title_of ();
  g_autofree char *subtitle = cak_chart_subtitle (data, NULL);
  Tile tiles[CAK_CHART_KPI_N_TILES];

  fill_tiles (tiles, data);
  g_string_append_printf (out, "%s. %s.", title, subtitle);
  for (guint i = 0; i < CAK_CHART_KPI_N_TILES; i++)
    {
      if (tiles[i].peer)
        {
          g_autofree char *own = tiles[i].value;

          tiles[i].value = g_strdup_printf ("%s, %s", own, tiles[i].peer);
        }
      if (tiles[i].context2)
        g_string_append_printf (out, " %s: %s (%s; %s).", tiles[i].caption, tiles[i].value,
                                tiles[i].context, tiles[i].context2);
      else
        g_string_append_printf (out, " %s: %s (%s).", tiles[i].caption, tiles[i].value,
                                tiles[i].context);
      g_free (tiles[i].context2);
      g_free (tiles[i].caption);
      g_free (tiles[i].short_caption);
      g_free (tiles[i].value);
      g_free (tiles[i].short_value);
      g_free (tiles[i].context);
      g_free (tiles[i].peer);
      g_free (tiles[i].peer_value);
      g_free (tiles[i].peer_short_value);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * cak_chart_kpi_get_tile:
 * @out_rect: (out) (optional): the tile's box
 *
 * Returns: (nullable): the figure the @index-th tile of a KPI @layout shows, as drawn (in full
 * or short); %NULL past the last tile
 */
const char *
cak_chart_kpi_get_tile (const CakChartLayout *layout, guint index, CakRect *out_rect)
{
  const Kpi *k;

  g_return_val_if_fail (layout != NULL && layout->kind == CAK_CHART_KPI, NULL);

  k = layout->priv;
  if (index >= CAK_CHART_KPI_N_TILES)
    return NULL;
  if (out_rect)
    *out_rect = k->tiles[index].rect;
  return k->tiles[index].shown;
}

const CakChartPainter cak_chart_kpi_painter = {
  .layout = kpi_layout,
  .paint = kpi_paint,
  .describe = kpi_describe,
  .natural_height = NULL,
};
