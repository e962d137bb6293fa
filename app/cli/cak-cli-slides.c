/* cak-cli-slides.c: --slides, the default presentation written without a display
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cak-cli-slides"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "cak-cli-private.h"
#include "cak-slides.h"

static gboolean
parse_size (const char *text, double *out_width, double *out_height)
{
  unsigned int w = 0, h = 0;
  char x = 0, rest = 0;

  if (sscanf (text, "%u%c%u%c", &w, &x, &h, &rest) != 3 || (x != 'x' && x != 'X'))
    return FALSE;
  *out_width = w;
  *out_height = h;
  return TRUE;
}

/**
 * cak_cli_run_slides:
 * @output: a .pdf (one 16:9 page per slide), or a .png: then "NAME-01.png", "NAME-02.png"…
 *   beside it, one per slide
 * @size_text: (nullable): the PNGs' size, "1920x1080" by default
 *
 * Returns: the exit status: 0, 1 when the files cannot be read or written, 2 for wrong usage
 */
int
cak_cli_run_slides (GStrv files, const char *output, const char *size_text, const char *theme_text,
                    const char *agency, const char *period_text, const char *compare_text,
                    const char *province_text, const char *peer_text, gboolean by_province,
                    GStrv maps)
{
  g_autoptr (CakChartData) data = NULL;
  g_autoptr (CakDeck) deck = NULL;
  g_auto (GStrv) kept = NULL;
  g_autoptr (CakMonev) monev = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *lower = NULL;
  CakChartThemeKind theme_kind = CAK_CHART_THEME_PROJECTOR;
  CakChartTheme theme;
  CakSlideInfo info = { agency, NULL, CAK_CHART_ITEM_NONE };
  double width = 1920, height = 1080;
  gboolean png;
  gboolean ok;
  int status;

  g_return_val_if_fail (output != NULL, CAK_EXIT_USAGE);

  lower = g_ascii_strdown (output, -1);
  png = g_str_has_suffix (lower, ".png");
  if (!png && !g_str_has_suffix (lower, ".pdf"))
    {
      g_printerr (_ ("cakupan: --slides writes a .pdf, or .png files; “%s” is neither.\n"), output);
      return CAK_EXIT_USAGE;
    }
  if (size_text && (!png || !parse_size (size_text, &width, &height)))
    {
      g_printerr (_ ("cakupan: with --slides, --size sets the size of PNG slides, as WIDTHxHEIGHT, "
                     "for example 1024x768.\n"));
      return CAK_EXIT_USAGE;
    }
  if (theme_text && !cak_chart_theme_kind_from_name (theme_text, &theme_kind))
    {
      g_printerr (_ ("cakupan: “%s” is not a theme; choose light, dark, projector or "
                     "projector-dark.\n"),
                  theme_text);
      return CAK_EXIT_USAGE;
    }
  if (period_text && g_ascii_strcasecmp (period_text, "all") == 0)
    {
      g_printerr (_ ("cakupan: slides show one period; give it as 2023-12, 2023-Q4 or 2023.\n"));
      return CAK_EXIT_USAGE;
    }
  status = cak_cli_load_chart_data_and_deck (files, period_text, compare_text, province_text,
                                             peer_text, by_province, maps, &data, &kept, &monev);
  if (status != CAK_EXIT_OK)
    return status;

  cak_chart_theme_init (&theme, theme_kind);
  /* A project's own deck, as its presenter arranged it; slides it names that the figures do not
   * have (a regency of another province) are left out. */
  if (kept && kept[0])
    {
      g_autofree char *text = g_strjoinv ("\n", kept);

      deck = cak_deck_new_from_string (text, data);
    }
  if (deck == NULL || cak_deck_get_n_slides (deck) == 0)
    {
      g_clear_pointer (&deck, cak_deck_free);
      deck = cak_deck_new_default_with_monev (data, monev);
    }
  info.monev = monev;
  if (png)
    {
      g_autofree char *prefix = g_strndup (output, strlen (output) - strlen (".png"));

      ok = cak_deck_export_pngs (deck, data, &info, &theme, prefix, width, height, NULL, NULL, NULL,
                                 &error);
    }
  else
    ok = cak_deck_export_pdf (deck, data, &info, &theme, output, NULL, NULL, NULL, &error);
  if (!ok)
    {
      g_printerr ("cakupan: %s\n", error->message);
      return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT) ? CAK_EXIT_USAGE
                                                                              : CAK_EXIT_INPUT;
    }
  return CAK_EXIT_OK;
}
