/* main.c: the cakupan program: the command line, or the window
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cakupan"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "cak-application.h"
#include "cak-cli.h"

int
main (int argc, char *argv[])
{
  CakCliResult result;
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  cak_cli_run (argc, argv, &result);
  if (result.is_gui)
    {
      g_autoptr (CakApplication) app = cak_application_new ();
      GPtrArray *args = g_ptr_array_new ();

      /* The options are parsed already: the application is given the program and the files. */
      g_ptr_array_add (args, argv[0]);
      for (guint i = 0; result.files && result.files[i]; i++)
        g_ptr_array_add (args, result.files[i]);
      g_ptr_array_add (args, NULL);
      status = g_application_run (G_APPLICATION (app), args->len - 1, (char **)args->pdata);
      g_ptr_array_free (args, TRUE);
    }
  else
    status = result.exit_status;

  cak_cli_result_clear (&result);
  return status;
}
