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
  CAK_NUMBER_FLAG_POINTS = 1 << 2,  /* "1,5 pp" or "1,5 poin persen": a difference of percentages */
} CakNumberFlags;

/* The unit a cell or a header names. At most one per cell: "Rp5 jiwa" is not a number. */
typedef enum
{
  CAK_NUMBER_UNIT_NONE,
  CAK_NUMBER_UNIT_PEOPLE,       /* "jiwa", "orang", "org", "people", "persons" */
  CAK_NUMBER_UNIT_WORKERS,      /* "pekerja", "tenaga kerja", "TK", "workers" */
  CAK_NUMBER_UNIT_PARTICIPANTS, /* "peserta", "participants" */
  CAK_NUMBER_UNIT_HOUSEHOLDS,   /* "KK" (kepala keluarga), "households": not people */
  CAK_NUMBER_UNIT_RUPIAH,       /* "Rp", "Rp.", "IDR", "rupiah" */
  CAK_NUMBER_UNIT_PERCENT,      /* "%", "persen", "percent", "pct" */
  CAK_NUMBER_UNIT_POINTS,       /* "pp", "p.p.", "poin", "poin persen", "percentage points" */
} CakNumberUnit;

/* What reading a cell gave. BLANK is a cell that says "no value" ("", "-", "n/a", "tidak ada
 * data"): it is not zero, and not an error either. */
typedef enum
{
  CAK_NUMBER_RESULT_VALUE,
  CAK_NUMBER_RESULT_BLANK,
  CAK_NUMBER_RESULT_INVALID,
  CAK_NUMBER_RESULT_NOT_WHOLE, /* cak_number_read_count () only: a number, but not a whole one */
} CakNumberResult;

/* One cell, read: enough to say how a figure was understood ("1,6 juta" read as 1.600.000). */
typedef struct
{
  double value;         /* the number, scaled: 1600000 for "1,6 juta", 27.68 for "27,68%" */
  CakNumberFlags flags; /* the same flags cak_number_parse () gives */
  CakNumberUnit unit;   /* the unit named in the cell, %CAK_NUMBER_UNIT_NONE if none */
  int exponent;         /* the power of ten of the magnitude word: 6 for "juta", 0 if none */
} CakNumberReading;

/* How a percentage column writes 30%. */
typedef enum
{
  CAK_NUMBER_PERCENT_FORM_UNKNOWN,  /* nothing settles it */
  CAK_NUMBER_PERCENT_FORM_PERCENT,  /* 30 */
  CAK_NUMBER_PERCENT_FORM_FRACTION, /* 0.30: multiply by 100, and say so */
} CakNumberPercentForm;

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
CakNumberResult cak_number_read (const char *text, CakNumberStyle style,
                                 CakNumberReading *out_reading);
CakNumberResult cak_number_read_count (const char *text, CakNumberStyle style,
                                       CakNumberReading *out_reading);
gboolean cak_number_is_blank (const char *text);
gboolean cak_number_is_whole (double value, double *out_whole);
char *cak_number_to_code (const char *text);
gboolean cak_number_read_unit (const char *text, CakNumberUnit *out_unit, int *out_exponent);

CakNumberPercentForm cak_number_percent_form_by_range (const double *values, gsize n_values,
                                                       gboolean header_says_percent);
CakNumberPercentForm cak_number_percent_form_by_ratio (const double *stated,
                                                       const double *numerators,
                                                       const double *denominators, gsize n_rows);

char *cak_number_format (double value, int decimals, CakLang lang);
char *cak_number_format_percent (double value, int decimals, CakLang lang);
char *cak_number_format_short (double value, CakLang lang);
char *cak_number_format_rupiah (double value, CakLang lang);

G_END_DECLS
