/* cak-cli.h: the command line, which needs no display
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit statuses of the command line. */
enum
{
  CAK_EXIT_OK = 0,
  CAK_EXIT_INPUT = 1, /* input that cannot be read */
  CAK_EXIT_USAGE = 2, /* wrong usage */
};

/* What the command line asked for. When is_gui is TRUE the caller opens the window on files. */
typedef struct
{
  gboolean is_gui;
  GStrv files;
  int exit_status; /* when !is_gui */
} CakCliResult;

void cak_cli_run (int argc, char **argv, CakCliResult *out_result);
void cak_cli_result_clear (CakCliResult *result);

G_END_DECLS
