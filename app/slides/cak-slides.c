/* cak-slides.c: the presentation deck, its text form, drawing a slide and exporting the deck
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cak-slides"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "cak-slides-private.h"

struct _CakDeck
{
  GArray *slides; /* CakSlide */
};

/* The PDF page: 16:9, in points */
#define PDF_WIDTH 960.0
#define PDF_HEIGHT 540.0
#define N_SPOTLIGHTS 3

/* Helpers */

static void
slide_clear (gpointer p)
{
  CakSlide *slide = p;

  g_clear_pointer (&slide->code, g_free);
}

static void
append (CakDeck *deck, CakSlideKind kind, CakChartKind chart, const char *code)
{
  CakSlide slide = { kind, chart, g_strdup (code), 0 };

  g_array_append_val (deck->slides, slide);
}

static gboolean
has_segments (const CakChartData *data)
{
  for (guint i = 0; i < data->rows->len; i++)
    {
      const CakIndicatorRow *row = &g_array_index (data->rows, CakIndicatorRow, i);

      for (guint k = 0; k < CAK_N_SEGMENTS; k++)
        {
          double value = cak_indicator_row_get (row, cak_measure_segments[k]);

          if (!isnan (value) && value > 0)
            return TRUE;
        }
    }
  return FALSE;
}

static double
gap_key (const CakIndicatorRow *row)
{
  return isnan (row->gap_to_target) || row->gap_to_target <= 0 ? NAN : row->gap_to_target;
}

static double
uncovered_key (const CakIndicatorRow *row)
{
  return isnan (row->uncovered) || row->uncovered <= 0 ? NAN : row->uncovered;
}

/**
 * cak_slide_neediest_items:
 *
 * Returns: (transfer full) (element-type int): up to @n regencies, the most workers still to
 * enrol to reach target first; when no regency has a target, the most uncovered first
 */
GArray *
cak_slide_neediest_items (const CakChartData *data, guint n)
{
  gboolean targets = cak_chart_has_targets (data);
  g_autoptr (GArray) order = cak_chart_sort_items (data, targets ? gap_key : uncovered_key);
  GArray *items = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint i = 0; i < order->len && items->len < n; i++)
    {
      int item = g_array_index (order, int, i);
      const CakIndicatorRow *row = &g_array_index (data->rows, CakIndicatorRow, item);

      if (isnan ((targets ? gap_key : uncovered_key) (row)))
        break;
      g_array_append_val (items, item);
    }
  return items;
}

double
cak_slide_font_px (double width, double height)
{
  /* Whole pixels, rounded up so that 3% is never 2.9% */
  return ceil (MIN (height * CAK_SLIDE_BODY_EM, width / 30.0) - 0.01);
}

void
cak_slide_theme (const CakChartTheme *theme, double width, double height, CakChartTheme *out_theme)
{
  double px = cak_slide_font_px (width, height);

  *out_theme = *theme;
  out_theme->title_scale = ceil (height * CAK_SLIDE_TITLE_EM) / px;
  out_theme->label_min_scale = CAK_SLIDE_LABEL_MIN;
}

/* What the slide picks out: the presenter's regency, nothing hovered. */
static CakChartFocus
focus_for_slide (const CakChartData *data, const CakSlideInfo *info)
{
  CakChartFocus focus = cak_chart_focus_none ();

  if (info && info->highlight >= 0 && (guint)info->highlight < data->rows->len)
    focus.selected = info->highlight;
  return focus;
}

static CakChartLayout *
composition_layout_new (PangoContext *context, double width, double height)
{
  CakChartLayout *layout = g_new0 (CakChartLayout, 1);

  layout->kind = CAK_CHART_KPI; /* not read: the composition is no chart */
  layout->width = width;
  layout->height = height;
  layout->font_px = cak_slide_font_px (width, height);
  layout->pad = round (layout->font_px * 1.4);
  layout->hits = g_array_new (FALSE, FALSE, sizeof (CakChartHit));
  layout->labels = g_array_new (FALSE, FALSE, sizeof (CakRect));
  layout->placed = g_ptr_array_new_with_free_func (g_free);
  layout->context = g_object_ref (context);
  layout->texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  return layout;
}

/* The slide number of an export: small, in the bottom right corner, in the footer's line. */
static void
draw_number (cairo_t *cr, const CakChartTheme *theme, guint index, guint total, double width,
             double height)
{
  PangoContext *context = cak_chart_create_context (cr);
  g_autoptr (CakChartLayout) layout = composition_layout_new (context, width, height);
  g_autofree char *text = g_strdup_printf ("%u / %u", index + 1, total);
  double px = layout->font_px * 0.75;

  g_object_unref (context);

  cak_chart_set_color (cr, theme->muted);
  cak_chart_show_text (cr, layout, theme, px, PANGO_WEIGHT_NORMAL, text, width - layout->pad * 0.6,
                       height - layout->pad * 0.55, 1, 0);
}

static void
draw_for_export (cairo_t *cr, const CakDeck *deck, guint index, const CakChartData *data,
                 const CakSlideInfo *info, const CakChartTheme *theme, double width, double height)
{
  cak_slide_draw (cr, &g_array_index (deck->slides, CakSlide, index), data, info, theme, width,
                  height);
  draw_number (cr, theme, index, deck->slides->len, width, height);
}

static cairo_status_t
append_bytes_cb (void *closure, const unsigned char *bytes, unsigned int length)
{
  g_byte_array_append (closure, bytes, length);
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
check_cancelled (GCancellable *cancellable, GError **error)
{
  return g_cancellable_set_error_if_cancelled (cancellable, error);
}

/* Public API */

/**
 * cak_deck_new:
 *
 * Returns: (transfer full): a deck without slides
 */
CakDeck *
cak_deck_new (void)
{
  CakDeck *deck = g_new0 (CakDeck, 1);

  deck->slides = g_array_new (FALSE, TRUE, sizeof (CakSlide));
  g_array_set_clear_func (deck->slides, slide_clear);
  return deck;
}

/**
 * cak_deck_new_default:
 *
 * The deck a coordination meeting needs from @data: the title, the key figures, the ranking,
 * the map, coverage against the workforce, the segments (when the files have them), the trend (with
 * more than one period), the change (with a comparison period), the three regencies with the most
 * workers still to enrol (or the most uncovered without targets), and the summary.
 *
 * Returns: (transfer full): the deck
 */
CakDeck *
cak_deck_new_default (const CakChartData *data)
{
  return cak_deck_new_default_with_monev (data, NULL);
}

static int
compare_agreed (gconstpointer a, gconstpointer b)
{
  /* What is done first, then what is under way, then what is still to start; dropped last */
  static const int rank[CAK_N_ACTION_STATUSES] = {
    [CAK_ACTION_DONE] = 0,
    [CAK_ACTION_IN_PROGRESS] = 1,
    [CAK_ACTION_PLANNED] = 2,
    [CAK_ACTION_DROPPED] = 3,
  };
  const CakAction *aa = *(const CakAction *const *)a;
  const CakAction *ab = *(const CakAction *const *)b;
  int c = rank[MIN (aa->status, CAK_ACTION_DROPPED)] - rank[MIN (ab->status, CAK_ACTION_DROPPED)];

  if (c == 0)
    c = strcmp (aa->region->code, ab->region->code);
  return c != 0 ? c : (aa->id > ab->id) - (aa->id < ab->id);
}

/**
 * cak_slide_agreed_actions:
 * @monev: (nullable): the project's
 * @out_meeting: (out) (optional): the last meeting, or %NULL
 *
 * Returns: (transfer container) (nullable) (element-type CakAction): the actions the last
 * meeting agreed for the regencies of @data (all of them for the whole country), done first,
 * then in progress, planned and dropped; %NULL without a monev or a meeting
 */
GPtrArray *
cak_slide_agreed_actions (const CakChartData *data, CakMonev *monev, const CakMeeting **out_meeting)
{
  const CakMeeting *meeting = monev ? cak_monev_get_last_meeting (monev) : NULL;
  g_autoptr (GPtrArray) listed = NULL;
  GPtrArray *actions;

  if (out_meeting)
    *out_meeting = meeting;
  if (meeting == NULL)
    return NULL;
  listed = cak_monev_list_actions (monev, NULL, meeting->id);
  actions = g_ptr_array_new ();
  for (guint i = 0; i < listed->len; i++)
    {
      CakAction *a = g_ptr_array_index (listed, i);

      if (data->province == NULL || g_strcmp0 (a->region->province_code, data->province->code) == 0)
        g_ptr_array_add (actions, a);
    }
  g_ptr_array_sort (actions, compare_agreed);
  return actions;
}

static gboolean
has_checklist (const CakChartData *data, CakMonev *monev)
{
  g_autoptr (GPtrArray) all = cak_monev_get_checklists (monev);

  for (guint i = 0; i < all->len; i++)
    {
      const CakChecklist *c = g_ptr_array_index (all, i);

      if (cak_chart_data_find_code (data, c->region->code) >= 0)
        return TRUE;
    }
  return FALSE;
}

/**
 * cak_deck_new_default_with_monev:
 * @monev: (nullable): the project's
 *
 * As cak_deck_new_default(), with before the summary what the last meeting agreed (on as many
 * slides as its actions need) when it agreed any, and the Inpres 2/2021 checklist when one of
 * @data's regencies has one.
 *
 * Returns: (transfer full): the deck
 */
CakDeck *
cak_deck_new_default_with_monev (const CakChartData *data, CakMonev *monev)
{
  CakDeck *deck;
  g_autoptr (GArray) spotlights = NULL;
  g_autoptr (GPtrArray) agreed = NULL;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (monev == NULL || CAK_IS_MONEV (monev), NULL);

  deck = cak_deck_new ();
  append (deck, CAK_SLIDE_TITLE, 0, NULL);
  append (deck, CAK_SLIDE_CHART, CAK_CHART_KPI, NULL);
  append (deck, CAK_SLIDE_CHART, CAK_CHART_RANKING, NULL);
  append (deck, CAK_SLIDE_CHART, CAK_CHART_MAP, NULL);
  append (deck, CAK_SLIDE_CHART, CAK_CHART_COVERAGE_WORKFORCE, NULL);
  if (has_segments (data))
    append (deck, CAK_SLIDE_CHART, CAK_CHART_SEGMENTS, NULL);
  if (data->periods->len > 1)
    append (deck, CAK_SLIDE_CHART, CAK_CHART_TREND, NULL);
  if (cak_period_is_valid (data->compare))
    append (deck, CAK_SLIDE_CHART, CAK_CHART_CHANGE, NULL);
  spotlights = cak_slide_neediest_items (data, N_SPOTLIGHTS);
  for (guint i = 0; i < spotlights->len; i++)
    append (deck, CAK_SLIDE_SPOTLIGHT, 0,
            g_array_index (data->rows, CakIndicatorRow, g_array_index (spotlights, int, i))
                .region->code);
  agreed = cak_slide_agreed_actions (data, monev, NULL);
  for (guint page = 0; agreed && page * CAK_SLIDE_ACTIONS_PER_PAGE < agreed->len; page++)
    {
      append (deck, CAK_SLIDE_ACTIONS, 0, NULL);
      g_array_index (deck->slides, CakSlide, deck->slides->len - 1).page = page;
    }
  if (monev && has_checklist (data, monev))
    append (deck, CAK_SLIDE_CHECKLIST, 0, NULL);
  append (deck, CAK_SLIDE_SUMMARY, 0, NULL);
  return deck;
}

CakDeck *
cak_deck_copy (const CakDeck *deck)
{
  CakDeck *copy;

  g_return_val_if_fail (deck != NULL, NULL);

  copy = cak_deck_new ();
  for (guint i = 0; i < deck->slides->len; i++)
    cak_deck_insert (copy, -1, &g_array_index (deck->slides, CakSlide, i));
  return copy;
}

void
cak_deck_free (CakDeck *deck)
{
  if (deck == NULL)
    return;
  g_array_unref (deck->slides);
  g_free (deck);
}

guint
cak_deck_get_n_slides (const CakDeck *deck)
{
  g_return_val_if_fail (deck != NULL, 0);

  return deck->slides->len;
}

/**
 * cak_deck_get_slide:
 *
 * Returns: (transfer none) (nullable): the @index-th slide, %NULL past the end
 */
const CakSlide *
cak_deck_get_slide (const CakDeck *deck, guint index)
{
  g_return_val_if_fail (deck != NULL, NULL);

  if (index >= deck->slides->len)
    return NULL;
  return &g_array_index (deck->slides, CakSlide, index);
}

/**
 * cak_deck_insert:
 * @position: where the copy of @slide goes; -1 or past the end: at the end
 */
void
cak_deck_insert (CakDeck *deck, int position, const CakSlide *slide)
{
  CakSlide copy;

  g_return_if_fail (deck != NULL);
  g_return_if_fail (slide != NULL);

  copy = *slide;
  copy.code = g_strdup (slide->code);
  if (position < 0 || (guint)position >= deck->slides->len)
    g_array_append_val (deck->slides, copy);
  else
    g_array_insert_val (deck->slides, position, copy);
}

void
cak_deck_remove (CakDeck *deck, guint index)
{
  g_return_if_fail (deck != NULL);
  g_return_if_fail (index < deck->slides->len);

  g_array_remove_index (deck->slides, index);
}

/**
 * cak_deck_move:
 *
 * Moves the slide at @from so that it ends up at @to, the others closing up behind it.
 */
void
cak_deck_move (CakDeck *deck, guint from, guint to)
{
  CakSlide slide;

  g_return_if_fail (deck != NULL);
  g_return_if_fail (from < deck->slides->len);
  g_return_if_fail (to < deck->slides->len);

  if (from == to)
    return;
  /* Taken out without clearing: its code moves with it. */
  slide = g_array_index (deck->slides, CakSlide, from);
  g_array_index (deck->slides, CakSlide, from).code = NULL;
  g_array_remove_index (deck->slides, from);
  g_array_insert_val (deck->slides, to, slide);
}

/**
 * cak_deck_to_string:
 *
 * Returns: (transfer full): one line per slide ("title", "chart:ranking", "spotlight:35.05",
 * "summary"), each ending in a newline
 */
char *
cak_deck_to_string (const CakDeck *deck)
{
  GString *out;

  g_return_val_if_fail (deck != NULL, NULL);

  out = g_string_new (NULL);
  for (guint i = 0; i < deck->slides->len; i++)
    {
      const CakSlide *slide = &g_array_index (deck->slides, CakSlide, i);

      switch (slide->kind)
        {
          case CAK_SLIDE_TITLE:
            g_string_append (out, "title\n");
            break;
          case CAK_SLIDE_CHART:
            g_string_append_printf (out, "chart:%s\n", cak_chart_kind_to_id (slide->chart));
            break;
          case CAK_SLIDE_SPOTLIGHT:
            g_string_append_printf (out, "spotlight:%s\n", slide->code ? slide->code : "");
            break;
          case CAK_SLIDE_ACTIONS:
            if (slide->page == 0)
              g_string_append (out, "actions\n");
            else
              g_string_append_printf (out, "actions:%u\n", slide->page + 1);
            break;
          case CAK_SLIDE_CHECKLIST:
            g_string_append (out, "checklist\n");
            break;
          case CAK_SLIDE_SUMMARY:
          default:
            g_string_append (out, "summary\n");
            break;
        }
    }
  return g_string_free (out, FALSE);
}

/**
 * cak_deck_new_from_string:
 * @text: (nullable): lines as cak_deck_to_string() writes them
 * @data: (nullable): when given, spotlights on regencies it does not hold are dropped
 *
 * Lines are read forgiving: blank space around them is ignored, and lines that name no slide
 * (a chart kind this version does not know, a regency of another province) are dropped.
 *
 * Returns: (transfer full): the deck, empty when nothing was understood
 */
CakDeck *
cak_deck_new_from_string (const char *text, const CakChartData *data)
{
  CakDeck *deck = cak_deck_new ();
  g_auto (GStrv) lines = NULL;

  if (text == NULL)
    return deck;
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      char *line = g_strstrip (lines[i]);
      CakChartKind chart;

      if (g_ascii_strcasecmp (line, "title") == 0)
        append (deck, CAK_SLIDE_TITLE, 0, NULL);
      else if (g_ascii_strcasecmp (line, "summary") == 0)
        append (deck, CAK_SLIDE_SUMMARY, 0, NULL);
      else if (g_ascii_strcasecmp (line, "checklist") == 0)
        append (deck, CAK_SLIDE_CHECKLIST, 0, NULL);
      else if (g_ascii_strcasecmp (line, "actions") == 0
               || g_ascii_strncasecmp (line, "actions:", 8) == 0)
        {
          guint64 number = 1;

          if (line[7] == ':'
              && (!g_ascii_string_to_unsigned (g_strstrip (line + 8), 10, 1, 99, &number, NULL)))
            continue;
          append (deck, CAK_SLIDE_ACTIONS, 0, NULL);
          g_array_index (deck->slides, CakSlide, deck->slides->len - 1).page = number - 1;
        }
      else if (g_ascii_strncasecmp (line, "chart:", 6) == 0
               && cak_chart_kind_from_id (g_strstrip (line + 6), &chart))
        append (deck, CAK_SLIDE_CHART, chart, NULL);
      else if (g_ascii_strncasecmp (line, "spotlight:", 10) == 0)
        {
          const char *code = g_strstrip (line + 10);

          if (*code == '\0')
            continue;
          if (data && cak_chart_data_find_code (data, code) < 0)
            continue;
          append (deck, CAK_SLIDE_SPOTLIGHT, 0, code);
        }
    }
  return deck;
}

/**
 * cak_slide_get_name:
 * @data: (nullable): for the names of regencies
 *
 * Returns: (transfer full): "Title", "Ranking", "Spotlight: Kabupaten Blitar", "Summary"
 */
char *
cak_slide_get_name (const CakSlide *slide, const CakChartData *data)
{
  g_return_val_if_fail (slide != NULL, NULL);

  switch (slide->kind)
    {
      case CAK_SLIDE_TITLE:
        return g_strdup (_ ("Title"));
      case CAK_SLIDE_CHART:
        return g_strdup (cak_chart_kind_get_name (slide->chart));
      case CAK_SLIDE_SPOTLIGHT:
        {
          int item = data ? cak_chart_data_find_code (data, slide->code) : CAK_CHART_ITEM_NONE;
          const CakIndicatorRow *row = item >= 0 ? cak_chart_data_get_row (data, item) : NULL;

          /* TRANSLATORS: a slide about one regency, e.g. "Spotlight: Kabupaten Blitar" */
          return g_strdup_printf (_ ("Spotlight: %s"), row           ? row->region->name
                                                       : slide->code ? slide->code
                                                                     : "");
        }
      case CAK_SLIDE_ACTIONS:
        if (slide->page == 0)
          return g_strdup (_ ("Agreed last time"));
        /* TRANSLATORS: the list of last meeting's actions, continued on its second slide */
        return g_strdup_printf (_ ("Agreed last time (%u)"), slide->page + 1);
      case CAK_SLIDE_CHECKLIST:
        return g_strdup (_ ("Inpres 2/2021 checklist"));
      case CAK_SLIDE_SUMMARY:
      default:
        return g_strdup (_ ("Summary"));
    }
}

/**
 * cak_slide_layout_new:
 *
 * Returns: (transfer full): where every text of @slide goes at @width x @height
 */
CakChartLayout *
cak_slide_layout_new (const CakSlide *slide, const CakChartData *data, const CakSlideInfo *info,
                      const CakChartTheme *theme, PangoContext *context, double width,
                      double height)
{
  CakChartFocus focus;
  CakChartTheme slide_theme;
  CakChartLayout *layout;

  g_return_val_if_fail (slide != NULL && data != NULL && theme != NULL, NULL);

  focus = focus_for_slide (data, info);
  cak_slide_theme (theme, width, height, &slide_theme);
  if (slide->kind == CAK_SLIDE_CHART)
    return cak_chart_layout_new (slide->chart, data, &focus, &slide_theme, context, width, height,
                                 cak_slide_font_px (width, height));
  layout = composition_layout_new (context, width, height);
  cak_slide_compose (NULL, layout, slide, data, &focus, info, &slide_theme);
  return layout;
}

/**
 * cak_slide_draw:
 * @info: (nullable): the agency, the date and the regency to pick out
 *
 * Draws @slide filling @width x @height. Type is scaled to the frame, not to the theme: body
 * text at 3% of the height, titles above 5%, so that a slide reads the same from the back of
 * the room at 1024×768 as at 1920×1080.
 */
void
cak_slide_draw (cairo_t *cr, const CakSlide *slide, const CakChartData *data,
                const CakSlideInfo *info, const CakChartTheme *theme, double width, double height)
{
  CakChartFocus focus;
  CakChartTheme slide_theme;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (slide != NULL);
  g_return_if_fail (data != NULL);
  g_return_if_fail (theme != NULL);

  focus = focus_for_slide (data, info);
  cak_slide_theme (theme, width, height, &slide_theme);
  cairo_save (cr);
  if (slide->kind == CAK_SLIDE_CHART)
    cak_chart_draw (cr, slide->chart, data, &focus, &slide_theme, width, height,
                    cak_slide_font_px (width, height));
  else
    {
      PangoContext *context = cak_chart_create_context (cr);
      g_autoptr (CakChartLayout) layout = composition_layout_new (context, width, height);

      g_object_unref (context);
      cak_slide_compose (cr, layout, slide, data, &focus, info, &slide_theme);
    }
  cairo_restore (cr);
}

/**
 * cak_deck_export_pdf:
 * @path: the PDF to write
 *
 * Writes every slide on a 16:9 page of 960×540 points, as vectors, with its number in the
 * corner. Nothing is written when @cancellable is cancelled or drawing fails.
 */
gboolean
cak_deck_export_pdf (const CakDeck *deck, const CakChartData *data, const CakSlideInfo *info,
                     const CakChartTheme *theme, const char *path, GCancellable *cancellable,
                     CakDeckProgress progress, gpointer user_data, GError **error)
{
  g_autoptr (GByteArray) array = g_byte_array_new ();
  g_autofree char *title = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  guint n;

  g_return_val_if_fail (deck != NULL && data != NULL && theme != NULL && path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  n = deck->slides->len;
  if (n == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _ ("The presentation has no slides"));
      return FALSE;
    }
  surface = cairo_pdf_surface_create_for_stream (append_bytes_cb, array, PDF_WIDTH, PDF_HEIGHT);
  title = g_strdup_printf ("%s · %s", data->place, _ ("Presentation"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Cakupan " PACKAGE_VERSION);
  cr = cairo_create (surface);
  for (guint i = 0; i < n; i++)
    {
      if (check_cancelled (cancellable, error))
        {
          cairo_destroy (cr);
          cairo_surface_destroy (surface);
          return FALSE;
        }
      draw_for_export (cr, deck, i, data, info, theme, PDF_WIDTH, PDF_HEIGHT);
      cairo_show_page (cr);
      if (progress)
        progress (i + 1, n, user_data);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _ ("Could not draw the slides: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }
  if (check_cancelled (cancellable, error))
    return FALSE;
  /* g_file_set_contents writes a temporary file and renames it over @path. */
  return g_file_set_contents (path, (const char *)array->data, array->len, error);
}

/**
 * cak_deck_export_pngs:
 * @prefix: the files are "@prefix-01.png", "@prefix-02.png"…
 *
 * Writes every slide as a PNG of @width x @height pixels, with its number in the corner. The
 * images are drawn first and written only when all are ready, so a cancelled export leaves no
 * file; a failure while writing removes those already written.
 */
gboolean
cak_deck_export_pngs (const CakDeck *deck, const CakChartData *data, const CakSlideInfo *info,
                      const CakChartTheme *theme, const char *prefix, double width, double height,
                      GCancellable *cancellable, CakDeckProgress progress, gpointer user_data,
                      GError **error)
{
  g_autoptr (GPtrArray) images = g_ptr_array_new_with_free_func ((GDestroyNotify)g_bytes_unref);
  guint n;

  g_return_val_if_fail (deck != NULL && data != NULL && theme != NULL && prefix != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  n = deck->slides->len;
  if (n == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _ ("The presentation has no slides"));
      return FALSE;
    }
  if (width < 320 || height < 240 || width > 8192 || height > 8192)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _ ("Slides must be between 320×240 and 8192×8192 pixels"));
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    {
      cairo_surface_t *surface;
      GByteArray *bytes;
      cairo_status_t status;
      cairo_t *cr;

      if (check_cancelled (cancellable, error))
        return FALSE;
      surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int)width, (int)height);
      cr = cairo_create (surface);
      draw_for_export (cr, deck, i, data, info, theme, (int)width, (int)height);
      cairo_destroy (cr);
      bytes = g_byte_array_new ();
      status = cairo_surface_write_to_png_stream (surface, append_bytes_cb, bytes);
      cairo_surface_destroy (surface);
      if (status != CAIRO_STATUS_SUCCESS)
        {
          g_byte_array_unref (bytes);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _ ("Could not draw the slides: %s"),
                       cairo_status_to_string (status));
          return FALSE;
        }
      g_ptr_array_add (images, g_byte_array_free_to_bytes (bytes));
      if (progress)
        progress (i + 1, n, user_data);
    }
  if (check_cancelled (cancellable, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s-%02u.png", prefix, i + 1);
      GBytes *image = g_ptr_array_index (images, i);

      if (!g_file_set_contents (path, g_bytes_get_data (image, NULL), g_bytes_get_size (image),
                                error))
        {
          for (guint j = 0; j < i; j++)
            {
              g_autofree char *written = g_strdup_printf ("%s-%02u.png", prefix, j + 1);

              g_unlink (written);
            }
          return FALSE;
        }
    }
  return TRUE;
}
