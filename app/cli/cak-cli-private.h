/* cak-cli-private.h: what the commands in other files share with cak-cli.c
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cak-chart.h"
#include "cak-cli.h"
#include "cak-monev.h"

G_BEGIN_DECLS

/* Reads @files as --chart does (the period, the comparison, the province, the column map) and
 * builds the charts' model. Returns CAK_EXIT_OK and sets @out_data, or the exit status after
 * saying why on stderr. */
int cak_cli_load_chart_data (GStrv files, const char *period_text, const char *compare_text,
                             const char *province_text, gboolean by_province, GStrv maps,
                             CakChartData **out_data);
/* @peer_text: (nullable): --peer, the province (or "indonesia") put beside the one shown */
int cak_cli_load_chart_data_and_deck (GStrv files, const char *period_text,
                                      const char *compare_text, const char *province_text,
                                      const char *peer_text, gboolean by_province, GStrv maps,
                                      CakChartData **out_data, GStrv *out_deck,
                                      CakMonev **out_monev);

/* --slides: the deck of @files (a project's own, or the default) as a PDF, or as PNGs when @output
 * ends in .png. */
int cak_cli_run_slides (GStrv files, const char *output, const char *size_text,
                        const char *theme_text, const char *agency, const char *period_text,
                        const char *compare_text, const char *province_text, const char *peer_text,
                        gboolean by_province, GStrv maps);

/* --map's values, or FALSE after saying why on stderr. */
gboolean cak_cli_parse_maps (GStrv maps, GPtrArray **out_map);

/* --add: files into a project, created when absent. */
int cak_cli_run_add (const char *project_path, GStrv files, gboolean replace,
                     const char *period_text, GStrv maps, GStrv targets);

G_END_DECLS
