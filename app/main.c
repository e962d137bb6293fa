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

/* Run from the build tree, the translations are those built there, not installed ones. */
static const char *
find_localedir (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);

  if (exe && g_str_has_prefix (exe, BUILD_ROOT "/"))
    return BUILD_LOCALEDIR;
  return LOCALEDIR;
}

int
main (int argc, char *argv[])
{
  CakCliResult result;
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, find_localedir ());
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
