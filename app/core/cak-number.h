/* cak-number.h: reading and writing numbers in Indonesian and English forms
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "cak-lang.h"

G_BEGIN_DECLS

/* How a column writes its numbers. Decided once per column (see cak_number_vote ()),
 * so that "1.234" reads as one thousand two hundred and thirty-four in an Indonesian column
 * and as one point two three four in an English one. */
typedef enum
{
  CAK_NUMBER_STYLE_UNKNOWN,
  CAK_NUMBER_STYLE_ID, /* 1.234.567,89 */
  CAK_NUMBER_STYLE_EN, /* 1,234,567.89 */
} CakNumberStyle;

typedef enum
{
  CAK_NUMBER_FLAG_NONE = 0,
  CAK_NUMBER_FLAG_PERCENT = 1 << 0, /* "27,68%" or "27,68 persen" */
  CAK_NUMBER_FLAG_RUPIAH = 1 << 1,  /* "Rp1,2 miliar" */
} CakNumberFlags;

/* Votes gathered over the cells of one column. */
typedef struct
{
  guint id_votes;
  guint en_votes;
} CakNumberVote;

void cak_number_vote (CakNumberVote *vote, const char *text);
CakNumberStyle cak_number_vote_result (const CakNumberVote *vote);

gboolean cak_number_parse (const char *text, CakNumberStyle style, double *out_value,
                           CakNumberFlags *out_flags);

char *cak_number_format (double value, int decimals, CakLang lang);
char *cak_number_format_percent (double value, int decimals, CakLang lang);
char *cak_number_format_short (double value, CakLang lang);
char *cak_number_format_rupiah (double value, CakLang lang);

G_END_DECLS
