/* cak-period.c: months, quarters, semesters and years
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cak-period"

#include "config.h"

#include <string.h>

#include "cak-period.h"

#define MIN_YEAR 1990
#define MAX_YEAR 2100

/* No period needs more: "posisi s.d. triwulan ke-4 tahun 2023" is nine. */
#define MAX_TOKENS 12
#define MAX_TOKEN_LEN 15

typedef enum
{
  TOKEN_WORD,
  TOKEN_NUMBER,
} TokenKind;

typedef struct
{
  TokenKind kind;
  char sep_before; /* the punctuation before the token: '-', '/', '.', ':', ','; ' ' or '\0' */
  guint8 len;
  char text[MAX_TOKEN_LEN + 1]; /* lower case */
} Token;

/* Names as files write them, in Indonesian (with the older spellings Pebruari and Nopember) and
 * English. Agustus has three short forms in use. */
static const struct
{
  const char *name;
  guint month;
} month_names[] = {
  { "januari", 1 },  { "jan", 1 },       { "january", 1 },   { "februari", 2 },  { "feb", 2 },
  { "pebruari", 2 }, { "peb", 2 },       { "february", 2 },  { "maret", 3 },     { "mar", 3 },
  { "march", 3 },    { "april", 4 },     { "apr", 4 },       { "mei", 5 },       { "may", 5 },
  { "juni", 6 },     { "jun", 6 },       { "june", 6 },      { "juli", 7 },      { "jul", 7 },
  { "july", 7 },     { "agustus", 8 },   { "agu", 8 },       { "agt", 8 },       { "ags", 8 },
  { "aug", 8 },      { "august", 8 },    { "september", 9 }, { "sep", 9 },       { "sept", 9 },
  { "oktober", 10 }, { "okt", 10 },      { "oct", 10 },      { "october", 10 },  { "november", 11 },
  { "nov", 11 },     { "nopember", 11 }, { "nop", 11 },      { "desember", 12 }, { "des", 12 },
  { "dec", 12 },     { "december", 12 },
};

/* Words that name a quarter or a semester before its number: "TW IV", "Q4", "Smt II", "H1". */
static const struct
{
  const char *name;
  CakPeriodKind kind;
} part_names[] = {
  { "q", CAK_PERIOD_QUARTER },       { "tw", CAK_PERIOD_QUARTER },
  { "trw", CAK_PERIOD_QUARTER },     { "triwulan", CAK_PERIOD_QUARTER },
  { "kuartal", CAK_PERIOD_QUARTER }, { "quarter", CAK_PERIOD_QUARTER },
  { "qtr", CAK_PERIOD_QUARTER },     { "s", CAK_PERIOD_SEMESTER },
  { "h", CAK_PERIOD_SEMESTER },      { "smt", CAK_PERIOD_SEMESTER },
  { "sem", CAK_PERIOD_SEMESTER },    { "semester", CAK_PERIOD_SEMESTER },
};

/* Words that may stand before a period and say nothing about it: "Posisi Desember 2023",
 * "periode: TW IV 2023", "s.d. Desember 2023" (a running total up to that month). */
static const char *const noise_words[] = { "posisi", "periode", "bulan", "tahun", "per", "sd" };

static const char *const month_names_id[] = {
  "Januari", "Februari", "Maret",     "April",   "Mei",      "Juni",
  "Juli",    "Agustus",  "September", "Oktober", "November", "Desember",
};

static const char *const month_names_en[] = {
  "January", "February", "March",     "April",   "May",      "June",
  "July",    "August",   "September", "October", "November", "December",
};

static const char *const roman[] = { "I", "II", "III", "IV" };

/* Spaces and dashes beyond ASCII that spreadsheets put in: no-break space, narrow no-break
 * space, en dash (read as '-'). Returns the length, 0 if none. */
static gsize
unicode_separator_at (const char *p, char *sep)
{
  if (memcmp (p, "\xc2\xa0", 2) == 0)
    {
      *sep = ' ';
      return 2;
    }
  if (p[0] != '\0' && p[1] != '\0'
      && (memcmp (p, "\xe2\x80\xaf", 3) == 0 || memcmp (p, "\xe2\x80\x89", 3) == 0))
    {
      *sep = ' ';
      return 3;
    }
  if (p[0] != '\0' && p[1] != '\0' && memcmp (p, "\xe2\x80\x93", 3) == 0)
    {
      *sep = '-';
      return 3;
    }

  return 0;
}

/* Splits text into words and numbers, remembering the punctuation between them. Any other
 * character ends the attempt: a period is never written with brackets, quotes or letters
 * outside ASCII. */
static gboolean
tokenize (const char *text, Token *tokens, gsize *n_tokens)
{
  const char *p = text;
  char sep = '\0';
  gsize n = 0;

  g_assert (text != NULL);

  while (*p != '\0')
    {
      char c = *p;
      gsize skip;

      if (g_ascii_isalpha (c) || g_ascii_isdigit (c))
        {
          gboolean digit = g_ascii_isdigit (c);
          Token *token;

          if (n == MAX_TOKENS)
            return FALSE;

          token = &tokens[n++];
          token->kind = digit ? TOKEN_NUMBER : TOKEN_WORD;
          token->sep_before = sep;
          token->len = 0;
          while (*p != '\0' && (digit ? g_ascii_isdigit (*p) : g_ascii_isalpha (*p)))
            {
              if (token->len == MAX_TOKEN_LEN)
                return FALSE;
              token->text[token->len++] = g_ascii_tolower (*p++);
            }
          token->text[token->len] = '\0';
          sep = '\0';
        }
      else if (g_ascii_isspace (c))
        {
          if (sep == '\0')
            sep = ' ';
          p++;
        }
      else if (strchr ("-/.:,", c) != NULL)
        {
          sep = c;
          p++;
        }
      else if ((skip = unicode_separator_at (p, &c)) > 0)
        {
          if (c != ' ' || sep == '\0')
            sep = c;
          p += skip;
        }
      else
        return FALSE;
    }

  *n_tokens = n;
  return TRUE;
}

static gboolean
token_is (const Token *token, const char *word)
{
  return token->kind == TOKEN_WORD && strcmp (token->text, word) == 0;
}

static gboolean
read_year (const Token *token, guint *year)
{
  guint value;

  if (token->kind != TOKEN_NUMBER || token->len != 4)
    return FALSE;

  value = (guint)g_ascii_strtoull (token->text, NULL, 10);
  if (value < MIN_YEAR || value > MAX_YEAR)
    return FALSE;

  *year = value;
  return TRUE;
}

static gboolean
read_month_number (const Token *token, guint *month)
{
  guint value;

  if (token->kind != TOKEN_NUMBER || token->len > 2)
    return FALSE;

  value = (guint)g_ascii_strtoull (token->text, NULL, 10);
  if (value < 1 || value > 12)
    return FALSE;

  *month = value;
  return TRUE;
}

static gboolean
read_day (const Token *token)
{
  guint value;

  if (token->kind != TOKEN_NUMBER || token->len > 2)
    return FALSE;
  value = (guint)g_ascii_strtoull (token->text, NULL, 10);
  return value >= 1 && value <= 31;
}

static gboolean
read_month_name (const Token *token, guint *month)
{
  if (token->kind != TOKEN_WORD)
    return FALSE;

  for (gsize i = 0; i < G_N_ELEMENTS (month_names); i++)
    if (strcmp (token->text, month_names[i].name) == 0)
      {
        *month = month_names[i].month;
        return TRUE;
      }

  return FALSE;
}

static gboolean
read_part_name (const Token *token, CakPeriodKind *kind)
{
  if (token->kind != TOKEN_WORD)
    return FALSE;

  for (gsize i = 0; i < G_N_ELEMENTS (part_names); i++)
    if (strcmp (token->text, part_names[i].name) == 0)
      {
        *kind = part_names[i].kind;
        return TRUE;
      }

  return FALSE;
}

/* "4" or "IV", within the number of quarters or semesters in a year. */
static gboolean
read_part_index (const Token *token, CakPeriodKind kind, guint *index)
{
  guint max = kind == CAK_PERIOD_QUARTER ? 4 : 2;
  guint value = 0;

  if (token->kind == TOKEN_NUMBER && token->len == 1)
    value = token->text[0] - '0';
  else if (token->kind == TOKEN_WORD)
    {
      for (gsize i = 0; i < G_N_ELEMENTS (roman); i++)
        if (g_ascii_strcasecmp (token->text, roman[i]) == 0)
          value = i + 1;
    }

  if (value < 1 || value > max)
    return FALSE;

  *index = value;
  return TRUE;
}

static gsize
skip_noise (const Token *tokens, gsize n)
{
  gsize i = 0;

  for (;;)
    {
      gboolean skipped = FALSE;

      for (gsize w = 0; i < n && w < G_N_ELEMENTS (noise_words); w++)
        if (token_is (&tokens[i], noise_words[w]))
          {
            i++;
            skipped = TRUE;
            break;
          }

      /* "s.d." and "s/d" come apart into two words. */
      if (!skipped && i + 1 < n
          && ((token_is (&tokens[i], "s") && token_is (&tokens[i + 1], "d"))
              || (token_is (&tokens[i], "sampai") && token_is (&tokens[i + 1], "dengan"))))
        {
          i += 2;
          skipped = TRUE;
        }

      if (!skipped)
        return i;
    }
}

static gboolean
is_date_separator (char sep)
{
  return sep == '-' || sep == '/' || sep == '.';
}

/* Matches what is left after the noise words against the forms of each kind of period. */
static gboolean
match_period (const Token *t, gsize n, CakPeriod *out)
{
  CakPeriodKind kind;
  guint year, month, index;
  gsize i = 0;

  /* "2023" */
  if (n == 1 && read_year (&t[0], &year))
    {
      *out = cak_period_year (year);
      return TRUE;
    }

  /* "2023-12", "2023/12"; "12/2023", "12-2023". The numbers must be joined by punctuation, so
   * "2023 12" (two figures from a table row) is not taken for a month. */
  if (n == 2 && is_date_separator (t[1].sep_before))
    {
      if (read_year (&t[0], &year) && read_month_number (&t[1], &month))
        {
          *out = cak_period_month (year, month);
          return TRUE;
        }
      if (read_month_number (&t[0], &month) && read_year (&t[1], &year))
        {
          *out = cak_period_month (year, month);
          return TRUE;
        }
    }

  /* A day stands for its month: "2023-12-31" (as date cells come from workbooks, with or
   * without a time "T00:00:00"), "31/12/2023", "31-12-2023", "31 Desember 2023". */
  if (n >= 3 && read_year (&t[0], &year) && is_date_separator (t[1].sep_before)
      && read_month_number (&t[1], &month) && is_date_separator (t[2].sep_before)
      && read_day (&t[2]) && (n == 3 || token_is (&t[3], "t")))
    {
      *out = cak_period_month (year, month);
      return TRUE;
    }
  if (n == 3 && read_day (&t[0]) && is_date_separator (t[1].sep_before)
      && read_month_number (&t[1], &month) && is_date_separator (t[2].sep_before)
      && read_year (&t[2], &year))
    {
      *out = cak_period_month (year, month);
      return TRUE;
    }
  if (n >= 3 && read_day (&t[0]) && read_month_name (&t[1], &month))
    {
      i = 2;
      if (i < n && token_is (&t[i], "tahun"))
        i++;
      if (i + 1 == n && read_year (&t[i], &year))
        {
          *out = cak_period_month (year, month);
          return TRUE;
        }
      return FALSE;
    }

  /* "Desember 2023", "DES-2023", "Desember Tahun 2023" */
  if (n >= 2 && read_month_name (&t[0], &month))
    {
      i = 1;
      if (i < n && token_is (&t[i], "tahun"))
        i++;
      if (i + 1 == n && read_year (&t[i], &year))
        {
          *out = cak_period_month (year, month);
          return TRUE;
        }
      return FALSE;
    }

  /* "2023-Q4", "2023 S1", "2023 H1" */
  if (n == 3 && read_year (&t[0], &year) && read_part_name (&t[1], &kind)
      && read_part_index (&t[2], kind, &index))
    goto found_part;

  /* "TW IV 2023", "Q4 2023", "Triwulan ke-4 Tahun 2023", "Semester I 2024", "H1 2024" */
  if (n >= 3 && read_part_name (&t[0], &kind))
    {
      i = 1;
      if (token_is (&t[i], "ke"))
        i++;
      if (i < n && read_part_index (&t[i], kind, &index))
        {
          i++;
          if (i < n && token_is (&t[i], "tahun"))
            i++;
          if (i + 1 == n && read_year (&t[i], &year))
            goto found_part;
        }
    }

  return FALSE;

found_part:
  out->year = year;
  out->kind = kind;
  out->index = index;
  return TRUE;
}

/**
 * cak_period_parse:
 * @text: a cell or a sheet title
 * @out: (out) (optional): the period
 *
 * Reads a month ("Desember 2023", "Des 2023", "DES-2023", "Dec 2023", "2023-12", "12/2023"),
 * a quarter ("TW IV 2023", "Triwulan 4 Tahun 2023", "Q4 2023", "2023-Q4"), a semester
 * ("Semester I 2024", "Smt II 2024", "S1 2024", "H1 2024", "2023-S1") or a year ("2023",
 * "Tahun 2023"), in any case and with any spacing, between 1990 and 2100.
 *
 * The whole text must be the period, optionally after "posisi", "periode", "bulan", "tahun",
 * "per", "s.d.", "s/d", "sd" or "sampai dengan" (a running total up to the period is read as
 * the period). A title that merely contains a year, "DATA PESERTA KAB BLITAR 2023", is not a
 * period: guessing there would mislabel whole sheets.
 *
 * Returns: %TRUE if @text is a period
 */
gboolean
cak_period_parse (const char *text, CakPeriod *out)
{
  Token tokens[MAX_TOKENS];
  CakPeriod period = CAK_PERIOD_INIT_NONE;
  gsize n, start;

  if (out != NULL)
    *out = CAK_PERIOD_INIT_NONE;

  g_return_val_if_fail (text != NULL, FALSE);

  if (!tokenize (text, tokens, &n))
    return FALSE;

  start = skip_noise (tokens, n);
  if (!match_period (tokens + start, n - start, &period) || !cak_period_is_valid (period))
    return FALSE;

  if (out != NULL)
    *out = period;

  return TRUE;
}

/**
 * cak_period_month:
 * @year: 1990 to 2100
 * @month: 1 to 12
 *
 * Returns: the month, or %CAK_PERIOD_NONE if out of range
 */
CakPeriod
cak_period_month (guint year, guint month)
{
  g_return_val_if_fail (year >= MIN_YEAR && year <= MAX_YEAR, CAK_PERIOD_INIT_NONE);
  g_return_val_if_fail (month >= 1 && month <= 12, CAK_PERIOD_INIT_NONE);

  return (CakPeriod){ year, CAK_PERIOD_MONTH, month };
}

/**
 * cak_period_year:
 * @year: 1990 to 2100
 *
 * Returns: the year, or %CAK_PERIOD_NONE if out of range
 */
CakPeriod
cak_period_year (guint year)
{
  g_return_val_if_fail (year >= MIN_YEAR && year <= MAX_YEAR, CAK_PERIOD_INIT_NONE);

  return (CakPeriod){ year, CAK_PERIOD_YEAR, 0 };
}

/**
 * cak_period_is_valid:
 * @period: a period
 *
 * A year has index 0; a semester 1-2, a quarter 1-4, a month 1-12; the year is 1990 to 2100.
 *
 * Returns: %TRUE for a real period, %FALSE for %CAK_PERIOD_NONE and anything out of range
 */
gboolean
cak_period_is_valid (CakPeriod period)
{
  if (period.year < MIN_YEAR || period.year > MAX_YEAR)
    return FALSE;

  switch (period.kind)
    {
      case CAK_PERIOD_YEAR:
        return period.index == 0;
      case CAK_PERIOD_SEMESTER:
        return period.index >= 1 && period.index <= 2;
      case CAK_PERIOD_QUARTER:
        return period.index >= 1 && period.index <= 4;
      case CAK_PERIOD_MONTH:
        return period.index >= 1 && period.index <= 12;
      case CAK_PERIOD_NONE:
      default:
        return FALSE;
    }
}

/**
 * cak_period_to_iso:
 * @period: a valid period
 *
 * Returns: (transfer full): "2023-12", "2023-Q4", "2023-S1" or "2023"
 */
char *
cak_period_to_iso (CakPeriod period)
{
  g_return_val_if_fail (cak_period_is_valid (period), NULL);

  switch (period.kind)
    {
      case CAK_PERIOD_MONTH:
        return g_strdup_printf ("%04u-%02u", period.year, period.index);
      case CAK_PERIOD_QUARTER:
        return g_strdup_printf ("%04u-Q%u", period.year, period.index);
      case CAK_PERIOD_SEMESTER:
        return g_strdup_printf ("%04u-S%u", period.year, period.index);
      case CAK_PERIOD_YEAR:
      default:
        return g_strdup_printf ("%04u", period.year);
    }
}

/**
 * cak_period_format:
 * @period: a valid period
 * @lang: the language
 *
 * Writes the period for people, in @lang whatever the process locale: "Desember 2023",
 * "Triwulan IV 2023", "Semester I 2024", "2023" in Indonesian; "December 2023", "Q4 2023",
 * "H1 2024", "2023" in English. cak_period_parse () reads all of them back.
 *
 * Returns: (transfer full): the text
 */
char *
cak_period_format (CakPeriod period, CakLang lang)
{
  gboolean id = lang == CAK_LANG_ID;

  g_return_val_if_fail (cak_period_is_valid (period), NULL);

  switch (period.kind)
    {
      case CAK_PERIOD_MONTH:
        return g_strdup_printf (
            "%s %u", id ? month_names_id[period.index - 1] : month_names_en[period.index - 1],
            period.year);
      case CAK_PERIOD_QUARTER:
        if (id)
          return g_strdup_printf ("Triwulan %s %u", roman[period.index - 1], period.year);
        return g_strdup_printf ("Q%u %u", period.index, period.year);
      case CAK_PERIOD_SEMESTER:
        if (id)
          return g_strdup_printf ("Semester %s %u", roman[period.index - 1], period.year);
        return g_strdup_printf ("H%u %u", period.index, period.year);
      case CAK_PERIOD_YEAR:
      default:
        return g_strdup_printf ("%u", period.year);
    }
}

/* Months in a period, and its first month counted from January of year 0. */
static guint
first_and_length (CakPeriod period, guint *length)
{
  g_assert (cak_period_is_valid (period));

  switch (period.kind)
    {
      case CAK_PERIOD_MONTH:
        *length = 1;
        return period.year * 12 + period.index - 1;
      case CAK_PERIOD_QUARTER:
        *length = 3;
        return period.year * 12 + (period.index - 1) * 3;
      case CAK_PERIOD_SEMESTER:
        *length = 6;
        return period.year * 12 + (period.index - 1) * 6;
      case CAK_PERIOD_YEAR:
      default:
        *length = 12;
        return period.year * 12;
    }
}

/**
 * cak_period_first_month:
 * @period: a valid period
 *
 * Returns: the period's first month as year * 12 + (month - 1), so months of different years
 *   compare and subtract
 */
guint
cak_period_first_month (CakPeriod period)
{
  guint length;

  g_return_val_if_fail (cak_period_is_valid (period), 0);

  return first_and_length (period, &length);
}

/**
 * cak_period_last_month:
 * @period: a valid period
 *
 * Returns: the period's last month as year * 12 + (month - 1); for a month, its first month
 */
guint
cak_period_last_month (CakPeriod period)
{
  guint length;
  guint first;

  g_return_val_if_fail (cak_period_is_valid (period), 0);

  first = first_and_length (period, &length);
  return first + length - 1;
}

/**
 * cak_period_compare:
 * @a: a period
 * @b: another
 *
 * Orders by the last month, then by the first month descending: the periods that end in
 * December 2023 sort as Desember 2023, TW IV 2023, Semester II 2023, 2023, so a year comes
 * after its December, as a count "posisi Desember" is known before the year's figure. Then
 * comes January 2024. %CAK_PERIOD_NONE and invalid periods sort first and are equal to each
 * other. Usable with qsort () through a wrapper, and never warns.
 *
 * Returns: negative, zero or positive
 */
int
cak_period_compare (CakPeriod a, CakPeriod b)
{
  gboolean a_valid = cak_period_is_valid (a);
  gboolean b_valid = cak_period_is_valid (b);
  guint a_length, b_length;
  guint a_first, b_first;
  guint a_last, b_last;

  if (!a_valid || !b_valid)
    return (int)a_valid - (int)b_valid;

  a_first = first_and_length (a, &a_length);
  b_first = first_and_length (b, &b_length);
  a_last = a_first + a_length - 1;
  b_last = b_first + b_length - 1;

  if (a_last != b_last)
    return a_last < b_last ? -1 : 1;
  if (a_first != b_first)
    return a_first > b_first ? -1 : 1;

  return 0;
}

/**
 * cak_period_equal:
 * @a: a period
 * @b: another
 *
 * Returns: %TRUE if both are the same period, or both are not valid periods
 */
gboolean
cak_period_equal (CakPeriod a, CakPeriod b)
{
  return cak_period_to_key (a) == cak_period_to_key (b);
}

/**
 * cak_period_to_key:
 * @period: a period, or %CAK_PERIOD_NONE
 *
 * A number that stands for the period in hash tables and in files: year << 16 | kind << 8 |
 * index. %CAK_PERIOD_NONE and every invalid period give 0, which no valid period gives.
 *
 * Returns: the key
 */
guint32
cak_period_to_key (CakPeriod period)
{
  if (!cak_period_is_valid (period))
    return 0;

  return ((guint32)period.year << 16) | ((guint32)period.kind << 8) | period.index;
}

/**
 * cak_period_from_key:
 * @key: a key from cak_period_to_key ()
 *
 * Returns: the period, or %CAK_PERIOD_NONE for 0 and any key no period gives
 */
CakPeriod
cak_period_from_key (guint32 key)
{
  CakPeriod period = { key >> 16, (key >> 8) & 0xff, key & 0xff };

  if (!cak_period_is_valid (period))
    return CAK_PERIOD_INIT_NONE;

  return period;
}

/* Words that name a regulation or its number: what follows them is no period. */
static gboolean
is_regulation_word (const char *word)
{
  static const char *const words[] = {
    "inpres", "instruksi", "perpres", "keppres", "pp",    "perda",   "perbup", "perwali",
    "pergub", "permen",    "permenaker", "kepmen", "uu",  "undang-undang", "se", "nomor",
    "no",     "no.",       "nomor:",  "no:",   "sk",
  };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_ascii_strcasecmp (word, words[i]) == 0)
      return TRUE;
  return FALSE;
}

/**
 * cak_period_find_in_text:
 * @text: a title line or a sheet name, any text
 * @out: (out) (optional): the period
 *
 * Finds a period written inside a longer text: "REKAPITULASI KEPESERTAAN POSISI DESEMBER 2023",
 * "Data per 31 Desember 2023 (sumber: BPJS)", "Lampiran TW IV 2023". A month, quarter or
 * semester counts wherever it stands; a bare year only after "tahun", "posisi", "periode" or
 * "per", since titles name years for many reasons ("RENCANA KERJA 2024-2026"); a regulation's
 * number is no period ("MONEV INPRES 2/2021 - DESEMBER 2023" is December 2023).
 *
 * Returns: %TRUE if exactly one period is found (the same one written twice counts once)
 */
gboolean
cak_period_find_in_text (const char *text, CakPeriod *out)
{
  g_autofree char *clean = NULL;
  g_auto (GStrv) words = NULL;
  g_autoptr (GPtrArray) kept = NULL;
  g_autofree gboolean *reference = NULL;
  CakPeriod found = CAK_PERIOD_INIT_NONE;

  if (out != NULL)
    *out = CAK_PERIOD_INIT_NONE;
  g_return_val_if_fail (text != NULL, FALSE);

  if (cak_period_parse (text, out))
    return TRUE;

  /* Anything the period grammar does not use becomes a space, then windows of up to seven
   * words are tried, longest first at each place. */
  clean = g_strdup (text);
  for (char *p = clean; *p; p++)
    if (!g_ascii_isalnum (*p) && strchr ("-/.:", *p) == NULL)
      *p = ' ';
  words = g_strsplit_set (clean, " ", -1);
  kept = g_ptr_array_new ();
  for (guint i = 0; words[i]; i++)
    if (*words[i])
      g_ptr_array_add (kept, words[i]);

  /* A regulation's number and year are no period: "Inpres 2/2021", "Inpres No. 2 Tahun 2021",
   * "Perbup Nomor 25 Tahun 2021". */
  reference = g_new0 (gboolean, kept->len + 1);
  for (guint i = 0; i < kept->len; i++)
    if (is_regulation_word (g_ptr_array_index (kept, i)))
      for (guint k = i + 1; k < kept->len && k <= i + 5; k++)
        {
          const char *w = g_ptr_array_index (kept, k);

          if (!g_ascii_isdigit (*w) && !is_regulation_word (w) && g_ascii_strcasecmp (w, "tahun") != 0
              && g_ascii_strcasecmp (w, "th") != 0 && g_ascii_strcasecmp (w, "thn") != 0
              && g_ascii_strcasecmp (w, "presiden") != 0)
            break;
          reference[k] = TRUE;
        }

  for (guint i = 0; i < kept->len; i++)
    for (guint len = MIN (7, kept->len - i); len >= 1; len--)
      {
        g_autoptr (GString) window = g_string_new (NULL);
        const char *first = g_ptr_array_index (kept, i);
        CakPeriod period;

        if (reference[i])
          break;

        for (guint k = i; k < i + len; k++)
          {
            if (k > i)
              g_string_append_c (window, ' ');
            g_string_append (window, g_ptr_array_index (kept, k));
          }
        if (!cak_period_parse (window->str, &period))
          continue;
        if (period.kind == CAK_PERIOD_YEAR && g_ascii_strcasecmp (first, "tahun") != 0
            && g_ascii_strcasecmp (first, "posisi") != 0
            && g_ascii_strcasecmp (first, "periode") != 0 && g_ascii_strcasecmp (first, "per") != 0)
          continue;
        if (cak_period_is_valid (found) && !cak_period_equal (found, period))
          return FALSE;
        found = period;
        i += len - 1;
        break;
      }

  if (!cak_period_is_valid (found))
    return FALSE;
  if (out != NULL)
    *out = found;
  return TRUE;
}

/**
 * cak_period_format_date:
 * @date: (nullable): a day; %NULL for today
 *
 * Returns: the day as reports and slides date themselves: "22 November 2026", "3 Desember 2026"
 */
char *
cak_period_format_date (GDateTime *date, CakLang lang)
{
  g_autoptr (GDateTime) day = date ? g_date_time_ref (date) : g_date_time_new_now_local ();
  CakPeriod month = cak_period_month (g_date_time_get_year (day), g_date_time_get_month (day));
  g_autofree char *month_name = cak_period_format (month, lang);

  return g_strdup_printf ("%d %s", g_date_time_get_day_of_month (day), month_name);
}
