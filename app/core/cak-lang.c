/* cak-lang.c: the interface language, passed to every formatter
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cak-lang"

#include "config.h"

#include <string.h>

#include "cak-lang.h"

/* The length of the language part of a locale or language name: "id" in "id_ID.UTF-8@euro". */
static gsize
language_part_length (const char *name)
{
  g_assert (name != NULL);

  return strcspn (name, "_-.@");
}

/* "in" is the code Indonesian had before ISO 639 renamed it in 1989; Java and old Android
 * systems still report it. */
static gboolean
is_indonesian (const char *name)
{
  gsize len = language_part_length (name);

  g_assert (name != NULL);

  return len == 2
         && (g_ascii_strncasecmp (name, "id", 2) == 0 || g_ascii_strncasecmp (name, "in", 2) == 0);
}

static gboolean
is_c_locale (const char *name)
{
  gsize len = language_part_length (name);

  return (len == 1 && name[0] == 'C') || (len == 5 && strncmp (name, "POSIX", 5) == 0);
}

/**
 * cak_lang_from_environment:
 *
 * The interface language the user asked for through LANGUAGE, LC_ALL, LC_MESSAGES or LANG
 * (in that order, as gettext reads them). Only the first preference counts: a user with
 * LANGUAGE=en:id wants English even though Indonesian is listed.
 *
 * Returns: %CAK_LANG_ID for Indonesian, else %CAK_LANG_EN
 */
CakLang
cak_lang_from_environment (void)
{
  const char *const *names = g_get_language_names ();

  for (gsize i = 0; names[i] != NULL; i++)
    {
      /* GLib always ends the list with "C"; a list of only that means nothing was asked. */
      if (names[i][0] == '\0' || is_c_locale (names[i]))
        continue;

      return is_indonesian (names[i]) ? CAK_LANG_ID : CAK_LANG_EN;
    }

  return CAK_LANG_EN;
}

/**
 * cak_lang_from_name:
 * @name: a language or locale name: "id", "id_ID", "id_ID.UTF-8", "in", "en_US"
 *
 * Case does not matter, and anything after the language part (territory, codeset, modifier)
 * is ignored, so a setting or command-line option may hold a full locale name.
 *
 * Returns: %CAK_LANG_ID for Indonesian, %CAK_LANG_EN for everything else
 */
CakLang
cak_lang_from_name (const char *name)
{
  g_return_val_if_fail (name != NULL, CAK_LANG_EN);

  return is_indonesian (name) ? CAK_LANG_ID : CAK_LANG_EN;
}
