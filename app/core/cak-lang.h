/* cak-lang.h: the interface language, passed to every formatter
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Numbers, percentages and periods are written in the interface language, not the C locale:
 * the id_ID locale is often not generated on the machines we run on. */
typedef enum
{
  CAK_LANG_EN,
  CAK_LANG_ID,
} CakLang;

CakLang cak_lang_from_environment (void);
CakLang cak_lang_from_name (const char *name);

/* A translation into @lang, whatever the interface language is: for documents written in a
 * language chosen at export time. Mark the string with N_() where it is written. */
const char *cak_lang_gettext (CakLang lang, const char *msgid) G_GNUC_FORMAT (2);

G_END_DECLS
