/* cak-lang.c: the interface language, passed to every formatter
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cak-lang"

#include "config.h"

#include <glib/gi18n-lib.h>
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

/* The Indonesian catalogue, read once from the compiled .mo file where gettext looks for it:
 * gettext itself only translates into the process's language, and not at all in the C locale. */
static GHashTable *
load_catalogue (const char *lang_dir)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const char *base = bindtextdomain (GETTEXT_PACKAGE, NULL);
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  guint32 magic, n, originals, translations;
  gboolean swap;

  if (base == NULL)
    return table;
  path = g_build_filename (base, lang_dir, "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  if (!g_file_get_contents (path, &contents, &length, NULL) || length < 28)
    return table;

  memcpy (&magic, contents, 4);
  if (magic != 0x950412de && magic != 0xde120495)
    return table;
  swap = magic == 0xde120495;
#define READ32(offset)                                                                             \
  (swap ? GUINT32_SWAP_LE_BE (*(const guint32 *)(contents + (offset)))                             \
        : *(const guint32 *)(contents + (offset)))
  n = READ32 (8);
  originals = READ32 (12);
  translations = READ32 (16);
  if (originals > length || translations > length
      || n > (length - MAX (originals, translations)) / 8)
    return table;
  for (guint32 i = 0; i < n; i++)
    {
      guint32 olen = READ32 (originals + 8 * i), ooff = READ32 (originals + 8 * i + 4);
      guint32 tlen = READ32 (translations + 8 * i), toff = READ32 (translations + 8 * i + 4);

      if (ooff > length || olen >= length - ooff || toff > length || tlen >= length - toff)
        continue;
      /* Keys keep a context ("ctx\004msgid"); a plural keeps only its singular. */
      g_hash_table_replace (table, g_strndup (contents + ooff, strnlen (contents + ooff, olen)),
                            g_strndup (contents + toff, strnlen (contents + toff, tlen)));
    }
#undef READ32
  return table;
}

static GHashTable *
indonesian_catalogue (void)
{
  static GHashTable *table;

  if (g_once_init_enter (&table))
    g_once_init_leave (&table, load_catalogue ("id"));
  return table;
}

/**
 * cak_lang_gettext:
 * @msgid: an English string marked with N_()
 *
 * Returns: @msgid translated into @lang, or @msgid when there is no translation
 */
const char *
cak_lang_gettext (CakLang lang, const char *msgid)
{
  const char *translated;

  g_return_val_if_fail (msgid != NULL, NULL);

  if (lang == CAK_LANG_EN || msgid[0] == '\0')
    return msgid;
  translated = g_hash_table_lookup (indonesian_catalogue (), msgid);
  return translated && translated[0] ? translated : msgid;
}
