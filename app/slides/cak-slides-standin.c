/* cak-slides-standin.c: TEMPORARY stand-in for cak-slides.c, to drop before merge
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only so that the presentation can be built and tested before the real deck is merged: plain
 * titles, each chart drawn whole with cak_chart_draw.
 */
#define G_LOG_DOMAIN "cak-slides-standin"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <string.h>

#include "cak-slides.h"

struct _CakDeck
{
  GArray *slides;
};

static void
clear_slide (gpointer p)
{
  g_free (((CakSlide *)p)->code);
}

CakDeck *
cak_deck_new (void)
{
  CakDeck *deck = g_new0 (CakDeck, 1);

  deck->slides = g_array_new (FALSE, TRUE, sizeof (CakSlide));
  g_array_set_clear_func (deck->slides, clear_slide);
  return deck;
}

CakDeck *
cak_deck_new_default (const CakChartData *data)
{
  CakDeck *deck = cak_deck_new ();
  const CakChartKind kinds[]
      = { CAK_CHART_KPI,      CAK_CHART_RANKING, CAK_CHART_COVERAGE_WORKFORCE,
          CAK_CHART_SEGMENTS, CAK_CHART_TREND,   CAK_CHART_CHANGE };
  CakSlide s = { CAK_SLIDE_TITLE };

  cak_deck_insert (deck, -1, &s);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      CakSlide c = { CAK_SLIDE_CHART, kinds[i] };

      cak_deck_insert (deck, -1, &c);
    }
  s.kind = CAK_SLIDE_SUMMARY;
  cak_deck_insert (deck, -1, &s);
  return deck;
}

CakDeck *
cak_deck_copy (const CakDeck *deck)
{
  CakDeck *copy = cak_deck_new ();

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
  return deck->slides->len;
}

const CakSlide *
cak_deck_get_slide (const CakDeck *deck, guint index)
{
  g_return_val_if_fail (index < deck->slides->len, NULL);
  return &g_array_index (deck->slides, CakSlide, index);
}

void
cak_deck_insert (CakDeck *deck, int position, const CakSlide *slide)
{
  CakSlide copy = *slide;

  copy.code = g_strdup (slide->code);
  if (position < 0 || (guint)position > deck->slides->len)
    g_array_append_val (deck->slides, copy);
  else
    g_array_insert_val (deck->slides, position, copy);
}

void
cak_deck_remove (CakDeck *deck, guint index)
{
  g_return_if_fail (index < deck->slides->len);
  g_array_remove_index (deck->slides, index);
}

void
cak_deck_move (CakDeck *deck, guint from, guint to)
{
  CakSlide s;

  g_return_if_fail (from < deck->slides->len && to < deck->slides->len);
  s = g_array_index (deck->slides, CakSlide, from);
  /* steal: the clear func must not free the code */
  g_array_index (deck->slides, CakSlide, from).code = NULL;
  g_array_remove_index (deck->slides, from);
  g_array_insert_val (deck->slides, to, s);
}

char *
cak_deck_to_string (const CakDeck *deck)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < deck->slides->len; i++)
    {
      const CakSlide *slide = &g_array_index (deck->slides, CakSlide, i);

      switch (slide->kind)
        {
          case CAK_SLIDE_TITLE:
            g_string_append (s, "title\n");
            break;
          case CAK_SLIDE_CHART:
            g_string_append_printf (s, "chart:%s\n", cak_chart_kind_to_id (slide->chart));
            break;
          case CAK_SLIDE_SPOTLIGHT:
            g_string_append_printf (s, "spotlight:%s\n", slide->code);
            break;
          case CAK_SLIDE_SUMMARY:
            g_string_append (s, "summary\n");
            break;
        }
    }
  return g_string_free (s, FALSE);
}

CakDeck *
cak_deck_new_from_string (const char *text, const CakChartData *data)
{
  CakDeck *deck = cak_deck_new ();
  g_auto (GStrv) lines = g_strsplit (text ? text : "", "\n", -1);

  for (guint i = 0; lines[i]; i++)
    {
      const char *line = g_strstrip (lines[i]);
      CakSlide s = { 0 };

      if (strcmp (line, "title") == 0)
        s.kind = CAK_SLIDE_TITLE;
      else if (strcmp (line, "summary") == 0)
        s.kind = CAK_SLIDE_SUMMARY;
      else if (g_str_has_prefix (line, "chart:")
               && cak_chart_kind_from_id (line + strlen ("chart:"), &s.chart))
        s.kind = CAK_SLIDE_CHART;
      else if (g_str_has_prefix (line, "spotlight:")
               && (data == NULL
                   || cak_chart_data_find_code (data, line + strlen ("spotlight:")) >= 0))
        {
          s.kind = CAK_SLIDE_SPOTLIGHT;
          s.code = (char *)line + strlen ("spotlight:");
        }
      else
        continue;
      cak_deck_insert (deck, -1, &s);
    }
  return deck;
}

char *
cak_slide_get_name (const CakSlide *slide, const CakChartData *data)
{
  switch (slide->kind)
    {
      case CAK_SLIDE_TITLE:
        return g_strdup (_ ("Title"));
      case CAK_SLIDE_CHART:
        return g_strdup (cak_chart_kind_get_name (slide->chart));
      case CAK_SLIDE_SPOTLIGHT:
        {
          int item = data ? cak_chart_data_find_code (data, slide->code) : -1;

          return g_strdup_printf (_ ("Spotlight: %s"),
                                  item >= 0 ? cak_chart_data_get_row (data, item)->region->name
                                            : slide->code);
        }
      case CAK_SLIDE_SUMMARY:
      default:
        return g_strdup (_ ("Summary"));
    }
}

static void
plain_text (cairo_t *cr, const CakChartTheme *theme, double width, double height, const char *text)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string (theme->font_family);
  int w, h;

  pango_font_description_set_absolute_size (font, height * 0.06 * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, width * 0.8 * PANGO_SCALE);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_set_source_rgba (cr, theme->text.r, theme->text.g, theme->text.b, theme->text.a);
  cairo_move_to (cr, width * 0.1, (height - h) / 2);
  pango_cairo_show_layout (cr, layout);
  pango_font_description_free (font);
  g_object_unref (layout);
}

void
cak_slide_draw (cairo_t *cr, const CakSlide *slide, const CakChartData *data,
                const CakSlideInfo *info, const CakChartTheme *theme, double width, double height)
{
  CakChartData *d = (CakChartData *)data;
  int saved = d->highlighted;
  double font_px = cak_chart_font_px_for_size (width, height, theme);

  cairo_save (cr);
  cairo_set_source_rgba (cr, theme->background.r, theme->background.g, theme->background.b, 1);
  cairo_paint (cr);
  d->highlighted = info ? info->highlight : CAK_CHART_ITEM_NONE;
  switch (slide->kind)
    {
      case CAK_SLIDE_CHART:
        cak_chart_draw (cr, slide->chart, data, theme, width, height, font_px);
        break;
      case CAK_SLIDE_SPOTLIGHT:
        {
          int item = cak_chart_data_find_code (data, slide->code);
          g_autoptr (CakChartData) one
              = item >= 0 ? cak_chart_data_new_for_item (data, item) : NULL;

          if (one)
            cak_chart_draw (cr, CAK_CHART_TREND, one, theme, width, height, font_px);
          break;
        }
      case CAK_SLIDE_TITLE:
        {
          g_autofree char *period = cak_period_format (data->period, data->lang);
          g_autofree char *text = g_strdup_printf (
              "%s\n%s%s%s", data->place, period, info && info->agency && *info->agency ? "\n" : "",
              info && info->agency ? info->agency : "");

          plain_text (cr, theme, width, height, text);
          break;
        }
      case CAK_SLIDE_SUMMARY:
        plain_text (cr, theme, width, height, _ ("Summary"));
        break;
    }
  d->highlighted = saved;
  cairo_restore (cr);
}

static gboolean export(const CakDeck *deck, const CakChartData *data, const CakSlideInfo *info,
                       const CakChartTheme *theme, const char *path, const char *prefix,
                       double width, double height, GCancellable *cancellable,
                       CakDeckProgress progress, gpointer user_data, GError **error)
{
  cairo_surface_t *pdf = path ? cairo_pdf_surface_create (path, 1920, 1080) : NULL;

  for (guint i = 0; i < deck->slides->len; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          if (pdf)
            cairo_surface_destroy (pdf);
          return FALSE;
        }
      if (pdf)
        {
          cairo_t *cr = cairo_create (pdf);

          cak_slide_draw (cr, cak_deck_get_slide (deck, i), data, info, theme, 1920, 1080);
          cairo_show_page (cr);
          cairo_destroy (cr);
        }
      else
        {
          cairo_surface_t *s
              = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int)width, (int)height);
          cairo_t *cr = cairo_create (s);
          g_autofree char *name = g_strdup_printf ("%s-%02u.png", prefix, i + 1);

          cak_slide_draw (cr, cak_deck_get_slide (deck, i), data, info, theme, width, height);
          cairo_destroy (cr);
          cairo_surface_write_to_png (s, name);
          cairo_surface_destroy (s);
        }
      g_usleep (150000); /* stand-in: slow enough to see the progress */
      if (progress)
        progress (i + 1, deck->slides->len, user_data);
    }
  if (pdf)
    cairo_surface_destroy (pdf);
  return TRUE;
}

gboolean
cak_deck_export_pdf (const CakDeck *deck, const CakChartData *data, const CakSlideInfo *info,
                     const CakChartTheme *theme, const char *path, GCancellable *cancellable,
                     CakDeckProgress progress, gpointer user_data, GError **error)
{
  return export(deck, data, info, theme, path, NULL, 0, 0, cancellable, progress, user_data, error);
}

gboolean
cak_deck_export_pngs (const CakDeck *deck, const CakChartData *data, const CakSlideInfo *info,
                      const CakChartTheme *theme, const char *prefix, double width, double height,
                      GCancellable *cancellable, CakDeckProgress progress, gpointer user_data,
                      GError **error)
{
  return export(deck, data, info, theme, NULL, prefix, width, height, cancellable, progress,
                user_data, error);
}
