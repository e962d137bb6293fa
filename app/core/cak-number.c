/* cak-number.c: reading and writing numbers in Indonesian and English forms
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cak-number"

#include "config.h"

#include <math.h>
#include <string.h>

#include "cak-number.h"

/* A cell taken apart: "(Rp 1.234,5 juta)" is negative, rupiah, body "1.234,5", scale juta. */
typedef struct
{
  const char *body; /* digits, '.' and ',' only; not NUL-terminated */
  gsize body_len;
  gboolean negative;
  CakNumberUnit unit;
  CakNumberStyle currency_style; /* "Rp" hints Indonesian, "IDR" English */
  int scale_id;                  /* power of ten for the scale word, 0 when none */
  int scale_en;                  /* differs from scale_id only for "M" */
} Parts;

/* How the digits of a body were read. */
typedef struct
{
  CakNumberStyle read_as; /* the convention the separators were read in, UNKNOWN if none */
  gboolean ambiguous;     /* one separator followed by three digits, read as grouping */
} Reading;

/* "M" is miliar (10^9) in Indonesian writing and million (10^6) in English, so it is the one
 * word whose value depends on the convention; every other word means one thing. */
static const struct
{
  const char *word;
  int exp_id;
  int exp_en;
} scale_words[] = {
  { "rb", 3, 3 },         { "rbu", 3, 3 },     { "ribu", 3, 3 },      { "k", 3, 3 },
  { "thousand", 3, 3 },   { "mrd", 9, 9 },     { "jt", 6, 6 },        { "juta", 6, 6 },
  { "mn", 6, 6 },         { "million", 6, 6 }, { "m", 9, 6 },         { "miliar", 9, 9 },
  { "milyar", 9, 9 },     { "b", 9, 9 },       { "bn", 9, 9 },        { "billion", 9, 9 },
  { "t", 12, 12 },        { "tn", 12, 12 },    { "triliun", 12, 12 }, { "trilyun", 12, 12 },
  { "trillion", 12, 12 },
};

/* Units, as officials write them after (or before) a figure, with or without a space and in any
 * case. A space in a phrase stands for any run of spaces. A phrase comes before the shorter
 * phrases it begins with, so that "poin persen" is one unit rather than points and a percent. */
static const struct
{
  const char *phrase;
  CakNumberUnit unit;
  CakNumberStyle style; /* the convention the word hints at, which settles "M" */
} unit_words[] = {
  { "percentage points", CAK_NUMBER_UNIT_POINTS },
  { "percentage point", CAK_NUMBER_UNIT_POINTS },
  { "poin persen", CAK_NUMBER_UNIT_POINTS },
  { "persen poin", CAK_NUMBER_UNIT_POINTS },
  { "tenaga kerja", CAK_NUMBER_UNIT_WORKERS },
  { "p.p.", CAK_NUMBER_UNIT_POINTS },
  { "pp", CAK_NUMBER_UNIT_POINTS },
  { "poin", CAK_NUMBER_UNIT_POINTS },
  { "%", CAK_NUMBER_UNIT_PERCENT },
  { "persen", CAK_NUMBER_UNIT_PERCENT },
  { "percent", CAK_NUMBER_UNIT_PERCENT },
  { "pct", CAK_NUMBER_UNIT_PERCENT },
  { "jiwa", CAK_NUMBER_UNIT_PEOPLE },
  { "orang", CAK_NUMBER_UNIT_PEOPLE },
  { "org", CAK_NUMBER_UNIT_PEOPLE },
  { "people", CAK_NUMBER_UNIT_PEOPLE },
  { "persons", CAK_NUMBER_UNIT_PEOPLE },
  { "pekerja", CAK_NUMBER_UNIT_WORKERS },
  { "tk", CAK_NUMBER_UNIT_WORKERS },
  { "workers", CAK_NUMBER_UNIT_WORKERS },
  { "peserta", CAK_NUMBER_UNIT_PARTICIPANTS },
  { "participants", CAK_NUMBER_UNIT_PARTICIPANTS },
  { "kk", CAK_NUMBER_UNIT_HOUSEHOLDS },
  { "households", CAK_NUMBER_UNIT_HOUSEHOLDS },
  { "rp", CAK_NUMBER_UNIT_RUPIAH, CAK_NUMBER_STYLE_ID },
  { "idr", CAK_NUMBER_UNIT_RUPIAH, CAK_NUMBER_STYLE_EN },
  { "rupiah", CAK_NUMBER_UNIT_RUPIAH },
};

/* Cells that say there is no value. BPS tables write "-" for nil and "..." for data not
 * available; Cakupan reads both as no value rather than zero, so that nothing is computed from
 * them (a "-" workforce is never a denominator). Runs of dashes are handled apart. */
static const char *const placeholder_words[] = {
  "tidak ada data",
  "data tidak ada",
  "data tidak tersedia",
  "tidak tersedia",
  "belum ada data",
  "n/a",
  "n.a.",
  "n.a",
  "na",
  "\xe2\x80\xa6",
  "...",
  "..",
};

/* Dashes that stand for no value: hyphen-minus, en dash, em dash and the minus sign. */
static const char *const dashes[] = { "-", "\xe2\x80\x93", "\xe2\x80\x94", "\xe2\x88\x92" };

/* Above this many digits a code is not a region code anyone wrote. */
#define MAX_CODE_DIGITS 32

/* Allowance when a stated percentage is compared with the row's own ratio, on top of the
 * rounding of the stated figure itself: files compute from figures they show rounded. */
#define PERCENT_TOLERANCE_PP 0.05

/* Longer bodies are not numbers anyone typed; the limit keeps the work buffer on the stack. */
#define MAX_BODY 320

/* Spaces that spreadsheets and word processors put around numbers: no-break space (U+00A0),
 * figure space (U+2007), thin space (U+2009) and narrow no-break space (U+202F). */
static const char *const unicode_spaces[] = {
  "\xc2\xa0",
  "\xe2\x80\x87",
  "\xe2\x80\x89",
  "\xe2\x80\xaf",
};

static gsize
space_length_at (const char *p, const char *end)
{
  if (p >= end)
    return 0;
  if (g_ascii_isspace (*p))
    return 1;
  /* Every one of them begins with 0xc2 or 0xe2: most cells are done here. */
  if ((guchar)*p != 0xc2 && (guchar)*p != 0xe2)
    return 0;
  for (gsize i = 0; i < G_N_ELEMENTS (unicode_spaces); i++)
    {
      gsize len = strlen (unicode_spaces[i]);

      if ((gsize)(end - p) >= len && memcmp (p, unicode_spaces[i], len) == 0)
        return len;
    }

  return 0;
}

static gsize
space_length_before (const char *start, const char *end)
{
  if (end <= start)
    return 0;
  if (g_ascii_isspace (end[-1]))
    return 1;
  /* Every one of them ends with 0xa0, 0x87, 0x89 or 0xaf: plain ASCII is done here. */
  if ((guchar)end[-1] < 0x80)
    return 0;
  for (gsize i = 0; i < G_N_ELEMENTS (unicode_spaces); i++)
    {
      gsize len = strlen (unicode_spaces[i]);

      if ((gsize)(end - start) >= len && memcmp (end - len, unicode_spaces[i], len) == 0)
        return len;
    }

  return 0;
}

static const char *
skip_space (const char *p, const char *end)
{
  gsize len;

  while ((len = space_length_at (p, end)) > 0)
    p += len;

  return p;
}

static const char *
trim_end (const char *start, const char *end)
{
  gsize len;

  while ((len = space_length_before (start, end)) > 0)
    end -= len;

  return end;
}

/* ASCII hyphen-minus, or the real minus sign (U+2212) that typeset reports use. */
static gsize
minus_length_at (const char *p, const char *end)
{
  if (p < end && *p == '-')
    return 1;
  if (end - p >= 3 && memcmp (p, "\xe2\x88\x92", 3) == 0)
    return 3;

  return 0;
}

/* The length of the run of ASCII letters at @p. */
static gsize
word_length_at (const char *p, const char *end)
{
  const char *q = p;

  while (q < end && g_ascii_isalpha (*q))
    q++;

  return q - p;
}

static gboolean
word_is (const char *p, gsize len, const char *word)
{
  return strlen (word) == len && g_ascii_strncasecmp (p, word, len) == 0;
}

/* Reads an optional '+' or minus sign. A minus inside parentheses would be a double negative
 * that no one writes on purpose. */
static gboolean
read_sign (const char **p, const char *end, gboolean parenthesised, gboolean *signed_, Parts *parts)
{
  gsize len = minus_length_at (*p, end);

  if (*p < end && **p == '+')
    len = 1;
  else if (len > 0 && parenthesised)
    return FALSE;
  else if (len > 0)
    parts->negative = TRUE;

  if (len > 0)
    {
      *signed_ = TRUE;
      *p = skip_space (*p + len, end);
    }

  return TRUE;
}

/* The length of @phrase at @p (see unit_words), or 0. A phrase that ends in a letter must not
 * run on into another letter: "percent" is not read from "percentage". */
static gsize
phrase_length_at (const char *p, const char *end, const char *phrase)
{
  const char *q = p;
  const char *w;

  for (w = phrase; *w != '\0'; w++)
    {
      if (*w == ' ')
        {
          if (space_length_at (q, end) == 0)
            return 0;
          q = skip_space (q, end);
        }
      else if (q < end && g_ascii_tolower (*q) == *w)
        q++;
      else
        return 0;
    }

  if (g_ascii_isalpha (w[-1]) && q < end && g_ascii_isalpha (*q))
    return 0;

  return q - p;
}

/* The length of a unit at @p, "jiwa" or "Rp." or "(Jiwa)", or 0. An abbreviation may carry a
 * full stop ("Rp.", "org."). */
static gsize
unit_length_at (const char *p, const char *end, CakNumberUnit *out_unit, CakNumberStyle *out_style)
{
  char first;

  g_assert (out_unit != NULL);
  g_assert (out_style != NULL);

  /* Most cells are digits: no unit begins with one. */
  if (p >= end || g_ascii_isdigit (*p))
    return 0;

  if (*p == '(')
    {
      const char *q = skip_space (p + 1, end);
      gsize len = unit_length_at (q, end, out_unit, out_style);

      if (len == 0 || q[0] == '(')
        return 0;
      q = skip_space (q + len, end);
      if (q < end && *q == ')')
        return q + 1 - p;

      return 0;
    }

  first = g_ascii_tolower (*p);
  for (gsize i = 0; i < G_N_ELEMENTS (unit_words); i++)
    {
      gsize len;

      if (first != unit_words[i].phrase[0])
        continue;
      len = phrase_length_at (p, end, unit_words[i].phrase);
      if (len == 0)
        continue;
      if (g_ascii_isalpha (p[len - 1]) && p + len < end && p[len] == '.')
        len++;
      *out_unit = unit_words[i].unit;
      *out_style = unit_words[i].style;

      return len;
    }

  return 0;
}

/* Whether [@p, @end) is exactly one unit. */
static gboolean
unit_fills (const char *p, const char *end, CakNumberUnit *out_unit)
{
  CakNumberStyle style;

  return p < end && unit_length_at (p, end, out_unit, &style) == (gsize)(end - p);
}

/* Records a unit; a second one makes the cell something other than one number. */
static gboolean
add_unit (Parts *parts, CakNumberUnit unit, CakNumberStyle style)
{
  if (parts->unit != CAK_NUMBER_UNIT_NONE)
    return FALSE;
  parts->unit = unit;
  parts->currency_style = style;

  return TRUE;
}

/* Units that count people or households: their figures are whole numbers. */
static gboolean
unit_is_count (CakNumberUnit unit)
{
  return unit == CAK_NUMBER_UNIT_PEOPLE || unit == CAK_NUMBER_UNIT_WORKERS
         || unit == CAK_NUMBER_UNIT_PARTICIPANTS || unit == CAK_NUMBER_UNIT_HOUSEHOLDS;
}

/* The length of a placeholder at @p ("-", "---", "n/a", "tidak ada data", "…"), or 0. */
static gsize
placeholder_length_at (const char *p, const char *end)
{
  const char *q = p;
  char first;

  if (p >= end || g_ascii_isdigit (*p))
    return 0;

  for (guint run = 0; run < 3 && q < end && (*q == '-' || (guchar)*q == 0xe2); run++)
    {
      gsize len = 0;

      for (gsize i = 0; i < G_N_ELEMENTS (dashes) && len == 0; i++)
        if ((gsize)(end - q) >= strlen (dashes[i])
            && memcmp (q, dashes[i], strlen (dashes[i])) == 0)
          len = strlen (dashes[i]);
      if (len == 0)
        break;
      q += len;
    }
  if (q > p)
    return q - p;

  first = g_ascii_tolower (*p);
  for (gsize i = 0; i < G_N_ELEMENTS (placeholder_words); i++)
    {
      gsize len;

      if (first != placeholder_words[i][0])
        continue;
      len = phrase_length_at (p, end, placeholder_words[i]);
      if (len > 0)
        return len;
    }

  return 0;
}

/* Whether @text says "no value": empty, a placeholder, or a placeholder with a unit ("Rp -",
 * "- jiwa", "(Rp) -"). A unit alone ("Rp", "jiwa") is not: it is a figure that is missing its
 * number, and is reported as such. */
static gboolean
is_placeholder (const char *text, CakNumberUnit *out_unit)
{
  const char *end = text + strlen (text);
  const char *p = skip_space (text, end);
  const char *q;
  CakNumberStyle style;
  gsize len;

  g_assert (out_unit != NULL);

  *out_unit = CAK_NUMBER_UNIT_NONE;
  end = trim_end (p, end);
  if (p == end)
    return TRUE;

  len = unit_length_at (p, end, out_unit, &style);
  if (len > 0)
    {
      q = skip_space (p + len, end);
      if (q < end && placeholder_length_at (q, end) == (gsize)(end - q))
        return TRUE;
      *out_unit = CAK_NUMBER_UNIT_NONE;
    }

  len = placeholder_length_at (p, end);
  if (len == 0)
    return FALSE;
  q = skip_space (p + len, end);

  return q == end || unit_fills (q, end, out_unit);
}

/* Splits a cell into sign, unit, digits and the words after them. Knows nothing of which
 * separator is which: that is read_body ()'s job. */
static gboolean
split_number (const char *text, Parts *parts)
{
  const char *p = text;
  const char *end = text + strlen (text);
  gboolean parenthesised = FALSE;
  gboolean signed_ = FALSE;
  CakNumberUnit unit;
  CakNumberStyle style;
  gsize len;

  g_assert (text != NULL);
  g_assert (parts != NULL);

  memset (parts, 0, sizeof *parts);

  p = skip_space (p, end);
  end = trim_end (p, end);

  /* Accounting writes losses as (1.234). */
  if (end - p >= 2 && *p == '(' && end[-1] == ')')
    {
      parenthesised = TRUE;
      parts->negative = TRUE;
      p = skip_space (p + 1, end - 1);
      end = trim_end (p, end - 1);
    }

  /* The sign may come before or after a unit: "-Rp1.234" and "Rp-1.234" both occur. */
  if (!read_sign (&p, end, parenthesised, &signed_, parts))
    return FALSE;

  len = unit_length_at (p, end, &unit, &style);
  if (len > 0)
    {
      add_unit (parts, unit, style);
      p = skip_space (p + len, end);
    }

  if (!signed_ && !read_sign (&p, end, parenthesised, &signed_, parts))
    return FALSE;

  if (p >= end || !g_ascii_isdigit (*p))
    return FALSE;

  parts->body = p;
  while (p < end && (g_ascii_isdigit (*p) || *p == '.' || *p == ','))
    p++;
  parts->body_len = p - parts->body;

  /* "Rp50.000,-" says there are no cents. */
  if ((p[-1] == ',' || p[-1] == '.') && p < end && *p == '-')
    {
      parts->body_len--;
      p++;
    }

  if (parts->body_len > MAX_BODY)
    return FALSE;

  p = skip_space (p, end);

  len = word_length_at (p, end);
  for (gsize i = 0; len > 0 && i < G_N_ELEMENTS (scale_words); i++)
    {
      if (word_is (p, len, scale_words[i].word))
        {
          parts->scale_id = scale_words[i].exp_id;
          parts->scale_en = scale_words[i].exp_en;
          p += len;
          /* Abbreviations may carry a full stop: "1,2 jt." */
          if (p < end && *p == '.')
            p++;
          p = skip_space (p, end);
          break;
        }
    }

  /* One unit in all: "Rp5%" and "5 jiwa orang" are not amounts anyone means. */
  while (p < end)
    {
      len = unit_length_at (p, end, &unit, &style);
      if (len == 0 || !add_unit (parts, unit, style))
        return FALSE;
      p = skip_space (p + len, end);
    }

  /* Nor is "5 juta %": a magnitude word scales counts and amounts, not shares. */
  if ((parts->unit == CAK_NUMBER_UNIT_PERCENT || parts->unit == CAK_NUMBER_UNIT_POINTS)
      && parts->scale_id != 0)
    return FALSE;

  return TRUE;
}

/* Checks grouping in an integer part: "1.234.567" has a first group of one to three digits,
 * not starting with zero, and then groups of exactly three. */
static gboolean
valid_grouping (const char *s, gsize len, char group)
{
  gsize run = 0;
  gboolean first = TRUE;

  g_assert (s != NULL);

  if (len == 0 || s[0] == '0')
    return FALSE;

  for (gsize i = 0; i <= len; i++)
    {
      if (i == len || s[i] == group)
        {
          if (first ? (run < 1 || run > 3) : run != 3)
            return FALSE;
          first = FALSE;
          run = 0;
        }
      else if (g_ascii_isdigit (s[i]))
        run++;
      else
        return FALSE;
    }

  return TRUE;
}

static guint
count_char (const char *s, gsize len, char c)
{
  guint n = 0;

  for (gsize i = 0; i < len; i++)
    n += s[i] == c;

  return n;
}

static char
last_mark (const char *s, gsize len)
{
  for (gsize i = len; i > 0; i--)
    if (s[i - 1] == '.' || s[i - 1] == ',')
      return s[i - 1];

  return '\0';
}

/* Reads the digits of a body in @style and writes them as a C number ("1234567.89") into @buf.
 *
 * With %CAK_NUMBER_STYLE_UNKNOWN the body decides when it can: both marks present means the
 * last one is the decimal mark; a mark that occurs twice is grouping. A single mark followed by
 * exactly three digits ("1.234", "1,234") is read as grouping, since that is how Indonesian
 * files mostly write whole counts; anything else with a single mark ("27,68", "27.68") is a
 * decimal.
 *
 * With a known style a single grouping mark that cannot be grouping ("1234567.5" or "12.5" in an
 * Indonesian column) is read as a decimal point: there is no other reading, and machine-written
 * numbers (CSV exported from a formula column) look like that. A grouping mark that can be
 * grouping always is, so "1.234" is 1234 in an Indonesian column and 1.234 in an English one. */
static gboolean
read_body (const char *body, gsize len, CakNumberStyle style, char *buf, gsize buf_size,
           Reading *reading)
{
  guint dots = count_char (body, len, '.');
  guint commas = count_char (body, len, ',');
  char group, decimal;
  const char *mark;
  gsize int_len;
  gsize out = 0;

  g_assert (body != NULL);
  g_assert (buf_size > len + 1);

  reading->read_as = CAK_NUMBER_STYLE_UNKNOWN;
  reading->ambiguous = FALSE;

  if (style == CAK_NUMBER_STYLE_UNKNOWN)
    {
      if (dots > 0 && commas > 0)
        style = last_mark (body, len) == ',' ? CAK_NUMBER_STYLE_ID : CAK_NUMBER_STYLE_EN;
      else if (dots > 0)
        style = CAK_NUMBER_STYLE_ID;
      else if (commas > 0)
        style = CAK_NUMBER_STYLE_EN;
    }

  group = style == CAK_NUMBER_STYLE_EN ? ',' : '.';
  decimal = style == CAK_NUMBER_STYLE_EN ? '.' : ',';

  if (count_char (body, len, decimal) > 1)
    return FALSE;

  if (count_char (body, len, decimal) == 0 && count_char (body, len, group) == 1)
    {
      if (valid_grouping (body, len, group))
        reading->ambiguous = TRUE;
      else
        {
          char swap = group;

          group = decimal;
          decimal = swap;
        }
    }

  mark = memchr (body, decimal, len);
  int_len = mark != NULL ? (gsize)(mark - body) : len;

  if (int_len == 0)
    return FALSE;

  if (memchr (body, group, int_len) != NULL)
    {
      if (!valid_grouping (body, int_len, group))
        return FALSE;
      reading->read_as = group == '.' ? CAK_NUMBER_STYLE_ID : CAK_NUMBER_STYLE_EN;
    }

  for (gsize i = 0; i < int_len; i++)
    {
      if (g_ascii_isdigit (body[i]))
        buf[out++] = body[i];
      else if (body[i] != group)
        return FALSE;
    }

  if (mark != NULL)
    {
      gsize frac_len = len - int_len - 1;

      if (frac_len == 0)
        return FALSE;

      buf[out++] = '.';
      for (gsize i = int_len + 1; i < len; i++)
        {
          if (!g_ascii_isdigit (body[i]))
            return FALSE;
          buf[out++] = body[i];
        }
      reading->read_as = decimal == ',' ? CAK_NUMBER_STYLE_ID : CAK_NUMBER_STYLE_EN;
    }

  buf[out] = '\0';

  return TRUE;
}

/**
 * cak_number_vote:
 * @vote: the votes so far for one column
 * @text: one cell
 *
 * Adds a vote when the cell shows its convention: "1.234.567", "12,5" and "1.234,5" vote
 * Indonesian; "1,234,567", "12.5" and "1,234.5" vote English. "1234", "1.234" and "1,234" could
 * be either and do not vote, nor does a cell that is not a number or says there is none.
 *
 * Units do not hide the number: "647.000 jiwa" is read as "647.000" is. More than that, a
 * count of people or households ("jiwa", "orang", "pekerja", "peserta", "TK", "KK") is whole,
 * so its one mark followed by three digits is grouping and votes: "647.000 jiwa" Indonesian,
 * "647,000 orang" English. Amounts in rupiah do not vote that way ("Rp1.234" stays silent).
 */
void
cak_number_vote (CakNumberVote *vote, const char *text)
{
  char buf[MAX_BODY + 8];
  Parts parts;
  Reading reading;

  g_return_if_fail (vote != NULL);
  g_return_if_fail (text != NULL);

  if (!split_number (text, &parts))
    return;
  if (!read_body (parts.body, parts.body_len, CAK_NUMBER_STYLE_UNKNOWN, buf, sizeof buf, &reading))
    return;

  /* A count of people is whole, so in "647.000 jiwa" the mark can only be grouping: the cell
   * shows its convention after all. With a magnitude word ("1.234 juta jiwa") it could be a
   * decimal, and the cell keeps its silence. */
  if (reading.ambiguous && unit_is_count (parts.unit) && parts.scale_id == 0)
    {
      if (memchr (parts.body, '.', parts.body_len) != NULL)
        vote->id_votes++;
      else
        vote->en_votes++;
      return;
    }
  if (reading.ambiguous)
    return;

  if (reading.read_as == CAK_NUMBER_STYLE_ID)
    vote->id_votes++;
  else if (reading.read_as == CAK_NUMBER_STYLE_EN)
    vote->en_votes++;
}

/**
 * cak_number_vote_result:
 * @vote: the votes gathered over a column
 *
 * Returns: the convention with more votes; %CAK_NUMBER_STYLE_UNKNOWN when there are none or
 *   the votes are tied, so that each cell is then read on its own
 */
CakNumberStyle
cak_number_vote_result (const CakNumberVote *vote)
{
  g_return_val_if_fail (vote != NULL, CAK_NUMBER_STYLE_UNKNOWN);

  if (vote->id_votes > vote->en_votes)
    return CAK_NUMBER_STYLE_ID;
  if (vote->en_votes > vote->id_votes)
    return CAK_NUMBER_STYLE_EN;

  return CAK_NUMBER_STYLE_UNKNOWN;
}

static CakNumberFlags
flags_for_unit (CakNumberUnit unit)
{
  switch (unit)
    {
      case CAK_NUMBER_UNIT_PERCENT:
        return CAK_NUMBER_FLAG_PERCENT;
      case CAK_NUMBER_UNIT_RUPIAH:
        return CAK_NUMBER_FLAG_RUPIAH;
      case CAK_NUMBER_UNIT_POINTS:
        return CAK_NUMBER_FLAG_POINTS;
      case CAK_NUMBER_UNIT_NONE:
      case CAK_NUMBER_UNIT_PEOPLE:
      case CAK_NUMBER_UNIT_WORKERS:
      case CAK_NUMBER_UNIT_PARTICIPANTS:
      case CAK_NUMBER_UNIT_HOUSEHOLDS:
      default:
        return CAK_NUMBER_FLAG_NONE;
    }
}

/**
 * cak_number_read:
 * @text: one cell
 * @style: the column's convention, or %CAK_NUMBER_STYLE_UNKNOWN to let the cell decide
 * @out_reading: (out) (optional): the value, flags, unit and magnitude; the value is NaN unless
 *   the result is %CAK_NUMBER_RESULT_VALUE
 *
 * Reads one cell as officials write figures, and says which of three things it is:
 *
 * - %CAK_NUMBER_RESULT_VALUE: "1.234.567", "27,68%", "Rp6,25 triliun", "1,6 juta",
 *   "647.000 jiwa", "(1.234)", "+12", "1,234,567.89"; see read_body () for how "1.234" is read.
 * - %CAK_NUMBER_RESULT_BLANK: the cell says there is no value: empty or spaces, one to three
 *   dashes ("-", "–", "—", "−"), "n/a", "NA", "n.a.", "…", "...", "tidak ada data", "data tidak
 *   tersedia", also with a unit ("Rp -", "- jiwa"). Not zero: nothing may be computed from it.
 * - %CAK_NUMBER_RESULT_INVALID: anything else ("12 abc", "1.2.3,4,5", "Rp" or "jiwa" alone,
 *   "1e5", "#N/A"): the cell is a figure Cakupan could not read, and must be reported.
 *
 * Units may stand after the number or before it, with or without a space, in any case, and in
 * brackets ("647.000 (jiwa)"); at most one per cell. They are: people ("jiwa", "orang", "org"),
 * workers ("pekerja", "tenaga kerja", "TK"), participants ("peserta"), households ("KK"),
 * rupiah ("Rp", "Rp.", "IDR", "rupiah"), percent ("%", "persen", "percent", "pct") and
 * percentage points ("pp", "p.p.", "poin", "poin persen"); @out_reading's unit says which.
 *
 * Magnitude words follow the number: "ribu", "rb", "rbu", "k", "thousand" (10^3); "juta", "jt",
 * "mn", "million" (10^6); "miliar", "milyar", "Mrd", "b", "bn", "billion" (10^9); "triliun",
 * "T", "tn", "trillion" (10^12). They scale counts and amounts ("1,6 juta jiwa",
 * "Rp146 miliar"), never percentages or points ("5 juta %" is invalid).
 *
 * "M" alone is the one word whose value depends on the convention: miliar (10^9) in Indonesian,
 * where it is written for money and in Cakupan's own axis labels ("3,4 M"), million (10^6) in
 * English. It follows @style, else the separators ("1,2 M" is Indonesian, "1.2M" English),
 * else the currency ("Rp15 M" miliar, "IDR 15M" million); "15 M" with nothing to go by is
 * invalid rather than guessed. With a count of people the Indonesian reading is refused
 * ("1,2 M jiwa" is invalid): Indonesian writes "jt" for millions of people, and a thousand
 * million people in one region is not a figure but a slip. "1.2M people" in English is 1.2e6.
 *
 * Returns: which of the three the cell is
 */
CakNumberResult
cak_number_read (const char *text, CakNumberStyle style, CakNumberReading *out_reading)
{
  char buf[MAX_BODY + 16];
  CakNumberReading result = { NAN, CAK_NUMBER_FLAG_NONE, CAK_NUMBER_UNIT_NONE, 0 };
  Parts parts;
  Reading reading;
  char *end = NULL;
  double value;
  int exponent;

  if (out_reading != NULL)
    *out_reading = result;

  g_return_val_if_fail (text != NULL, CAK_NUMBER_RESULT_INVALID);
  g_return_val_if_fail (style <= CAK_NUMBER_STYLE_EN, CAK_NUMBER_RESULT_INVALID);

  if (is_placeholder (text, &result.unit))
    {
      if (out_reading != NULL)
        *out_reading = result;
      return CAK_NUMBER_RESULT_BLANK;
    }

  if (!split_number (text, &parts))
    return CAK_NUMBER_RESULT_INVALID;
  if (!read_body (parts.body, parts.body_len, style, buf, sizeof buf, &reading))
    return CAK_NUMBER_RESULT_INVALID;

  exponent = parts.scale_id;
  if (parts.scale_id != parts.scale_en)
    {
      CakNumberStyle decider = style;

      if (decider == CAK_NUMBER_STYLE_UNKNOWN)
        decider = reading.read_as;
      if (decider == CAK_NUMBER_STYLE_UNKNOWN)
        decider = parts.currency_style;
      if (decider == CAK_NUMBER_STYLE_UNKNOWN)
        return CAK_NUMBER_RESULT_INVALID;
      if (decider == CAK_NUMBER_STYLE_ID && unit_is_count (parts.unit))
        return CAK_NUMBER_RESULT_INVALID;
      exponent = decider == CAK_NUMBER_STYLE_ID ? parts.scale_id : parts.scale_en;
    }

  /* Scaling in the text rather than multiplying keeps "1,2 miliar" exactly 1200000000. */
  if (exponent != 0)
    g_snprintf (buf + strlen (buf), sizeof buf - strlen (buf), "e%d", exponent);

  value = g_ascii_strtod (buf, &end);
  if (end == NULL || *end != '\0' || !isfinite (value))
    return CAK_NUMBER_RESULT_INVALID;

  if (parts.negative && value != 0.0)
    value = -value;

  result.value = value;
  result.unit = parts.unit;
  result.flags = flags_for_unit (parts.unit);
  result.exponent = exponent;
  if (out_reading != NULL)
    *out_reading = result;

  return CAK_NUMBER_RESULT_VALUE;
}

/**
 * cak_number_parse:
 * @text: one cell
 * @style: the column's convention, or %CAK_NUMBER_STYLE_UNKNOWN to let the cell decide
 * @out_value: (out) (optional): the value; rupiah for amounts, 27.68 for "27,68%"; 0 when the
 *   cell is not a number
 * @out_flags: (out) (optional): whether the cell was a percentage, points or an amount in rupiah
 *
 * cak_number_read () for callers that need only the value: a cell that says "no value" ("-",
 * "n/a") and a cell that is not a number both give %FALSE here. Callers that must tell them
 * apart (the importer does) use cak_number_read () or cak_number_is_blank ().
 *
 * Returns: %TRUE if the whole cell is one finite number
 */
gboolean
cak_number_parse (const char *text, CakNumberStyle style, double *out_value,
                  CakNumberFlags *out_flags)
{
  CakNumberReading reading;

  if (out_value != NULL)
    *out_value = 0.0;
  if (out_flags != NULL)
    *out_flags = CAK_NUMBER_FLAG_NONE;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (style <= CAK_NUMBER_STYLE_EN, FALSE);

  if (cak_number_read (text, style, &reading) != CAK_NUMBER_RESULT_VALUE)
    return FALSE;

  if (out_value != NULL)
    *out_value = reading.value;
  if (out_flags != NULL)
    *out_flags = reading.flags;

  return TRUE;
}

/**
 * cak_number_is_blank:
 * @text: one cell
 *
 * Whether the cell says there is no value: what cak_number_read () calls
 * %CAK_NUMBER_RESULT_BLANK ("", spaces, "-", "–", "—", "n/a", "NA", "…", "tidak ada data",
 * "Rp -"). A zero is a value; "abc" is not blank but invalid.
 *
 * Returns: %TRUE for a cell with no value
 */
gboolean
cak_number_is_blank (const char *text)
{
  CakNumberUnit unit;

  g_return_val_if_fail (text != NULL, FALSE);

  return is_placeholder (text, &unit);
}

/**
 * cak_number_is_whole:
 * @value: a figure
 * @out_whole: (out) (optional): the whole number nearest @value, when it is one
 *
 * Whether @value is a whole number, allowing for the last bits of noise that sums of fractions
 * leave in a spreadsheet (114376.99999999999 is 114377); 114377.4 is not whole. Use it on a
 * cell the reader typed as a number, whose text is a machine number with a decimal point.
 *
 * Returns: %TRUE if @value is finite and whole
 */
gboolean
cak_number_is_whole (double value, double *out_whole)
{
  double whole = round (value);

  if (out_whole != NULL)
    *out_whole = NAN;

  if (!isfinite (value) || fabs (value - whole) > MAX (1e-6, fabs (value) * 1e-13))
    return FALSE;

  if (out_whole != NULL)
    *out_whole = whole;

  return TRUE;
}

/**
 * cak_number_read_count:
 * @text: one cell that holds a count of people (workforce, participants)
 * @style: the column's convention
 * @out_reading: (out) (optional): as for cak_number_read (); for a whole count the value is
 *   exactly whole
 *
 * cak_number_read (), then the rule for counts: a number of people is whole.
 * "114.377", "114377.0" and "114,4 ribu" are counts; "114377,4" is a number but not a whole one
 * (%CAK_NUMBER_RESULT_NOT_WHOLE, with the value kept so the report can name it). A percentage,
 * points or an amount in rupiah is not a count (%CAK_NUMBER_RESULT_INVALID, with the unit
 * kept). Negative counts are left to the caller, which checks signs for every figure.
 *
 * Returns: the result of cak_number_read (), or %CAK_NUMBER_RESULT_NOT_WHOLE
 */
CakNumberResult
cak_number_read_count (const char *text, CakNumberStyle style, CakNumberReading *out_reading)
{
  CakNumberReading reading;
  CakNumberResult result;

  result = cak_number_read (text, style, &reading);
  if (result == CAK_NUMBER_RESULT_VALUE)
    {
      if (reading.unit == CAK_NUMBER_UNIT_PERCENT || reading.unit == CAK_NUMBER_UNIT_POINTS
          || reading.unit == CAK_NUMBER_UNIT_RUPIAH)
        result = CAK_NUMBER_RESULT_INVALID;
      else if (!cak_number_is_whole (reading.value, NULL))
        result = CAK_NUMBER_RESULT_NOT_WHOLE;
      else
        reading.value = round (reading.value);
    }

  if (out_reading != NULL)
    *out_reading = reading;

  return result;
}

/**
 * cak_number_to_code:
 * @text: a cell that holds a code, possibly stored as a number
 *
 * A region code as text, from a cell that may have been stored as a number: "3201" stays
 * "3201"; "3201.0", "3201,00" and "3.201E3" become "3201"; "11.0" becomes "11". Only whole
 * numbers are codes: "3201.5" is not one, and gives %NULL. Nor is a code in E notation whose
 * digits had to be made up ("1.10701E+11" is 110701000000 only if the display dropped no
 * digits, which it usually did), nor one with a sign, spaces or grouping inside.
 *
 * Digits written as text are kept as written ("0101" stays "0101"); the leading zeros of a
 * number are not part of it ("0.3201E4" is "3201"). Dotted codes such as "11.07" (Kemendagri)
 * are not numbers: they give %NULL here, and are the region catalogue's to read.
 *
 * Returns: (transfer full) (nullable): the code's digits, or %NULL
 */
char *
cak_number_to_code (const char *text)
{
  g_autoptr (GString) digits = NULL;
  const char *end;
  const char *p;
  gsize int_digits;
  gsize point;
  int exponent = 0;
  gboolean numeric = FALSE;

  g_return_val_if_fail (text != NULL, NULL);

  end = text + strlen (text);
  p = skip_space (text, end);
  end = trim_end (p, end);

  digits = g_string_new (NULL);
  while (p < end && g_ascii_isdigit (*p))
    g_string_append_c (digits, *p++);
  int_digits = digits->len;
  if (int_digits == 0)
    return NULL;

  if (p < end && (*p == '.' || *p == ','))
    {
      numeric = TRUE;
      p++;
      if (p >= end || !g_ascii_isdigit (*p))
        return NULL;
      while (p < end && g_ascii_isdigit (*p))
        g_string_append_c (digits, *p++);
    }

  if (p < end && (*p == 'e' || *p == 'E'))
    {
      const char *start;

      numeric = TRUE;
      p++;
      if (p < end && *p == '+')
        p++;
      start = p;
      while (p < end && g_ascii_isdigit (*p) && p - start < 3)
        exponent = exponent * 10 + (*p++ - '0');
      if (p == start)
        return NULL;
    }

  if (p != end || digits->len > MAX_CODE_DIGITS)
    return NULL;

  /* Digits the text does not hold would be made up. */
  point = int_digits + exponent;
  if (point > digits->len)
    return NULL;
  for (gsize i = point; i < digits->len; i++)
    if (digits->str[i] != '0')
      return NULL;
  g_string_truncate (digits, point);

  if (numeric)
    {
      gsize zeros = 0;

      while (zeros + 1 < digits->len && digits->str[zeros] == '0')
        zeros++;
      g_string_erase (digits, 0, zeros);
    }

  return g_string_free (g_steal_pointer (&digits), FALSE);
}

/**
 * cak_number_read_unit:
 * @text: the unit part of a header: "(Jiwa)", "%", "(Rp juta)", "ribu orang"
 * @out_unit: (out) (optional): the unit, %CAK_NUMBER_UNIT_NONE for a magnitude alone ("(ribu)")
 * @out_exponent: (out) (optional): the power of ten of the magnitude word, 0 if none
 *
 * Reads a unit as a header writes it, with the words cak_number_read () knows: at most one
 * unit, before or after at most one magnitude word, the whole optionally in brackets. A column
 * headed "(ribu jiwa)" holds thousands of people, so its "647" is 647.000 jiwa. As in cells,
 * "M" is miliar only beside "Rp", million beside "IDR", and otherwise not read; a percentage
 * takes no magnitude.
 *
 * Returns: %TRUE if the whole of @text is a unit, a magnitude or both
 */
gboolean
cak_number_read_unit (const char *text, CakNumberUnit *out_unit, int *out_exponent)
{
  const char *end;
  const char *p;
  Parts parts;
  CakNumberUnit unit;
  CakNumberStyle style;
  gsize len;
  int exponent;

  if (out_unit != NULL)
    *out_unit = CAK_NUMBER_UNIT_NONE;
  if (out_exponent != NULL)
    *out_exponent = 0;

  g_return_val_if_fail (text != NULL, FALSE);

  memset (&parts, 0, sizeof parts);
  end = text + strlen (text);
  p = skip_space (text, end);
  end = trim_end (p, end);
  if (end - p >= 2 && *p == '(' && end[-1] == ')')
    {
      p = skip_space (p + 1, end - 1);
      end = trim_end (p, end - 1);
    }
  if (p == end)
    return FALSE;

  len = unit_length_at (p, end, &unit, &style);
  if (len > 0)
    {
      add_unit (&parts, unit, style);
      p = skip_space (p + len, end);
    }

  len = word_length_at (p, end);
  for (gsize i = 0; len > 0 && i < G_N_ELEMENTS (scale_words); i++)
    if (word_is (p, len, scale_words[i].word))
      {
        parts.scale_id = scale_words[i].exp_id;
        parts.scale_en = scale_words[i].exp_en;
        p += len;
        if (p < end && *p == '.')
          p++;
        p = skip_space (p, end);
        break;
      }

  if (p < end)
    {
      len = unit_length_at (p, end, &unit, &style);
      if (len == 0 || !add_unit (&parts, unit, style))
        return FALSE;
      p = skip_space (p + len, end);
    }

  if (p != end)
    return FALSE;
  if ((parts.unit == CAK_NUMBER_UNIT_PERCENT || parts.unit == CAK_NUMBER_UNIT_POINTS)
      && parts.scale_id != 0)
    return FALSE;

  exponent = parts.scale_id;
  if (parts.scale_id != parts.scale_en)
    {
      if (parts.currency_style == CAK_NUMBER_STYLE_UNKNOWN)
        return FALSE;
      exponent = parts.currency_style == CAK_NUMBER_STYLE_ID ? parts.scale_id : parts.scale_en;
    }

  if (out_unit != NULL)
    *out_unit = parts.unit;
  if (out_exponent != NULL)
    *out_exponent = exponent;

  return TRUE;
}

/**
 * cak_number_percent_form_by_range:
 * @values: (array length=n_values): the values of one percentage column as read (NaN for a
 *   blank cell, which is skipped)
 * @n_values: the number of values
 * @header_says_percent: whether the column's header says "%" (or "persen")
 *
 * Decides from the values alone whether a percentage column writes 30% as 0.30. The rules:
 *
 * - without a "%" in the header nothing is decided (%CAK_NUMBER_PERCENT_FORM_UNKNOWN): a column
 *   of values under 1 might be a ratio, and its header must say what it is;
 * - a value below 0 or above 1 shows the column is in percent (%CAK_NUMBER_PERCENT_FORM_PERCENT);
 * - every value within 0..1, at least one of them strictly between (0.30), is a column of
 *   fractions (%CAK_NUMBER_PERCENT_FORM_FRACTION): multiply by 100 and say so in the report;
 * - only zeros and ones, or no values, settle nothing (1 may be 1% or 100%).
 *
 * A column whose real percentages are all below 1% (coverage of a small segment) looks like
 * fractions by this rule: where the rows hold their own numerator and denominator,
 * cak_number_percent_form_by_ratio () knows better, and its answer comes first.
 *
 * Returns: the form, or %CAK_NUMBER_PERCENT_FORM_UNKNOWN
 */
CakNumberPercentForm
cak_number_percent_form_by_range (const double *values, gsize n_values,
                                  gboolean header_says_percent)
{
  gboolean between = FALSE;

  g_return_val_if_fail (values != NULL || n_values == 0, CAK_NUMBER_PERCENT_FORM_UNKNOWN);

  if (!header_says_percent)
    return CAK_NUMBER_PERCENT_FORM_UNKNOWN;

  for (gsize i = 0; i < n_values; i++)
    {
      if (!isfinite (values[i]))
        continue;
      if (values[i] < 0.0 || values[i] > 1.0)
        return CAK_NUMBER_PERCENT_FORM_PERCENT;
      if (values[i] > 0.0 && values[i] < 1.0)
        between = TRUE;
    }

  return between ? CAK_NUMBER_PERCENT_FORM_FRACTION : CAK_NUMBER_PERCENT_FORM_UNKNOWN;
}

/* Half a unit in the last decimal @value is written with, up to six decimals: 0.05 for 0.3,
 * 0.005 for 27.68. A stated figure is that far from its exact value at most. */
static double
half_last_decimal (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  const char *dot;
  gsize len;
  int decimals = 0;

  g_ascii_formatd (buf, sizeof buf, "%.6f", fabs (value));
  len = strlen (buf);
  while (len > 0 && buf[len - 1] == '0')
    len--;
  dot = strchr (buf, '.');
  if (dot != NULL && (gsize)(dot - buf) < len - 1)
    decimals = (int)(len - 1 - (gsize)(dot - buf));

  return 0.5 * pow (10.0, -decimals);
}

/**
 * cak_number_percent_form_by_ratio:
 * @stated: (array length=n_rows): the stated percentage of each row as read (NaN if blank)
 * @numerators: (array length=n_rows): each row's numerator (participants)
 * @denominators: (array length=n_rows): each row's denominator (workforce)
 * @n_rows: the number of rows
 *
 * Decides whether a percentage column writes 30% as 0.30 by comparing each row's stated figure
 * with the row's own ratio, 100 × numerator / denominator. The rules:
 *
 * - a row counts only when all three figures are there and its denominator is above zero;
 * - a stated figure matches a reading when it is within its own rounding (half a unit in its
 *   last decimal: 0.3 stands for 0.25..0.35) plus 0.05 percentage points of the ratio: as
 *   percent when stated is near the ratio, as a fraction when stated × 100 is;
 * - a row that matches both readings (a ratio near zero) says nothing and is left out; a row
 *   that matches neither still counts, against both;
 * - the column is fractions (%CAK_NUMBER_PERCENT_FORM_FRACTION) when more than half of the
 *   counted rows match only as fractions, percent (%CAK_NUMBER_PERCENT_FORM_PERCENT) when more
 *   than half match only as percent, and undecided otherwise.
 *
 * This outranks cak_number_percent_form_by_range (): the rows' own figures are evidence, the
 * range is a guess.
 *
 * Returns: the form, or %CAK_NUMBER_PERCENT_FORM_UNKNOWN
 */
CakNumberPercentForm
cak_number_percent_form_by_ratio (const double *stated, const double *numerators,
                                  const double *denominators, gsize n_rows)
{
  gsize counted = 0;
  gsize fractions = 0;
  gsize percents = 0;

  g_return_val_if_fail (n_rows == 0
                            || (stated != NULL && numerators != NULL && denominators != NULL),
                        CAK_NUMBER_PERCENT_FORM_UNKNOWN);

  for (gsize i = 0; i < n_rows; i++)
    {
      double ratio, half;
      gboolean as_percent, as_fraction;

      if (!isfinite (stated[i]) || !isfinite (numerators[i]) || !isfinite (denominators[i])
          || denominators[i] <= 0.0)
        continue;

      ratio = 100.0 * numerators[i] / denominators[i];
      half = half_last_decimal (stated[i]);
      as_percent = fabs (stated[i] - ratio) <= half + PERCENT_TOLERANCE_PP;
      as_fraction = fabs (100.0 * stated[i] - ratio) <= 100.0 * half + PERCENT_TOLERANCE_PP;
      if (as_percent && as_fraction)
        continue;

      counted++;
      if (as_fraction)
        fractions++;
      else if (as_percent)
        percents++;
    }

  if (counted > 0 && fractions * 2 > counted)
    return CAK_NUMBER_PERCENT_FORM_FRACTION;
  if (counted > 0 && percents * 2 > counted)
    return CAK_NUMBER_PERCENT_FORM_PERCENT;

  return CAK_NUMBER_PERCENT_FORM_UNKNOWN;
}

/* The digits of round (@abs_value * 10^@decimals), rounding half away from zero in decimal.
 *
 * The value is first written with 15 significant digits, the most a double holds faithfully, so
 * 2.675 (stored as 2.67499999...) rounds to 2.68 as the person who typed it expects. */
static GString *
round_decimal (double abs_value, int decimals)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char digits[15];
  GString *s = g_string_new (NULL);
  int exp10;
  int n;
  char next;

  g_assert (isfinite (abs_value) && abs_value >= 0.0);

  if (abs_value == 0.0)
    {
      g_string_append_c (s, '0');
      return s;
    }

  /* "d.dddddddddddddde+XX" */
  g_ascii_formatd (buf, sizeof buf, "%.14e", abs_value);
  digits[0] = buf[0];
  memcpy (digits + 1, buf + 2, 14);
  exp10 = (int)g_ascii_strtoll (buf + 17, NULL, 10);

  /* Digit k of the result has the weight of digit k of the mantissa. */
  n = exp10 + 1 + decimals;
  for (int k = 0; k < n; k++)
    g_string_append_c (s, k < 15 ? digits[k] : '0');

  next = n >= 0 && n < 15 ? digits[n] : '0';
  if (next >= '5')
    {
      gssize i = (gssize)s->len - 1;

      while (i >= 0 && s->str[i] == '9')
        s->str[i--] = '0';
      if (i >= 0)
        s->str[i]++;
      else
        g_string_prepend_c (s, '1');
    }

  if (s->len == 0)
    g_string_append_c (s, '0');

  return s;
}

static gboolean
all_zeros (const char *s)
{
  for (; *s != '\0'; s++)
    if (*s != '0')
      return FALSE;

  return TRUE;
}

/* A value that could not be computed (a coverage with no workforce) is shown as a dash
 * rather than "nan". */
#define NOT_A_NUMBER "\xe2\x80\x93"

static GString *
format_fixed (double value, int decimals, CakLang lang)
{
  g_autoptr (GString) digits = NULL;
  GString *out = g_string_new (NULL);
  char group = lang == CAK_LANG_ID ? '.' : ',';
  char decimal = lang == CAK_LANG_ID ? ',' : '.';
  gsize int_len;

  g_assert (isfinite (value));
  g_assert (decimals >= 0);

  digits = round_decimal (fabs (value), decimals);
  while (digits->len < (gsize)decimals + 1)
    g_string_prepend_c (digits, '0');

  if (value < 0.0 && !all_zeros (digits->str))
    g_string_append_c (out, '-');

  int_len = digits->len - decimals;
  for (gsize i = 0; i < int_len; i++)
    {
      if (i > 0 && (int_len - i) % 3 == 0)
        g_string_append_c (out, group);
      g_string_append_c (out, digits->str[i]);
    }

  if (decimals > 0)
    {
      g_string_append_c (out, decimal);
      g_string_append (out, digits->str + int_len);
    }

  return out;
}

static void
drop_trailing_zeros (GString *s, CakLang lang)
{
  char decimal = lang == CAK_LANG_ID ? ',' : '.';

  if (strchr (s->str, decimal) == NULL)
    return;

  while (s->len > 0 && s->str[s->len - 1] == '0')
    g_string_truncate (s, s->len - 1);
  if (s->len > 0 && s->str[s->len - 1] == decimal)
    g_string_truncate (s, s->len - 1);
}

/* Decimals that give @scaled (> 0) at most @significant significant digits, never fewer than
 * the whole part has and never more than @max_decimals. */
static int
decimals_for (double scaled, int significant, int max_decimals)
{
  int int_digits = (int)floor (log10 (scaled)) + 1;

  g_assert (scaled > 0.0);

  return CLAMP (significant - int_digits, 0, max_decimals);
}

static double
round_to (double value, int decimals)
{
  double factor = pow (10.0, decimals);

  return round (value * factor) / factor;
}

typedef struct
{
  double factor;
  const char *id;
  const char *en;
} Scale;

/* Picks the largest scale not above @abs_value (the last one, of factor 1, if none is) and its
 * decimals; moves one scale up when rounding reaches the next, so 999.960 reads "1 jt" rather
 * than "1.000 rb". */
static gsize
pick_scale (const Scale *scales, gsize n_scales, double abs_value, int significant,
            int max_decimals, int *out_decimals)
{
  gsize s = n_scales - 1;

  g_assert (abs_value > 0.0);

  for (gsize i = 0; i < n_scales; i++)
    if (abs_value >= scales[i].factor)
      {
        s = i;
        break;
      }

  for (;;)
    {
      double scaled = abs_value / scales[s].factor;
      int decimals = decimals_for (scaled, significant, max_decimals);

      if (s > 0 && round_to (scaled, decimals) * scales[s].factor >= scales[s - 1].factor)
        {
          s--;
          continue;
        }

      *out_decimals = decimals;
      return s;
    }
}

/**
 * cak_number_format:
 * @value: the number
 * @decimals: digits after the decimal mark, 0 to 15
 * @lang: the convention
 *
 * "1.234.567" and "27,68" in Indonesian, "1,234,567" and "27.68" in English, rounding half away
 * from zero. The minus sign is ASCII '-' so that the text pastes into a spreadsheet as a number.
 * The C locale plays no part. A NaN or infinity gives an en dash.
 *
 * Returns: (transfer full): the text
 */
char *
cak_number_format (double value, int decimals, CakLang lang)
{
  g_return_val_if_fail (decimals >= 0 && decimals <= 15, NULL);

  if (!isfinite (value))
    return g_strdup (NOT_A_NUMBER);

  return g_string_free (format_fixed (value, decimals, lang), FALSE);
}

/**
 * cak_number_format_percent:
 * @value: the percentage, 27.68 for 27.68%
 * @decimals: digits after the decimal mark, 0 to 15
 * @lang: the convention
 *
 * "27,68%" or "27.68%": no space before the sign, as PUEBI and English style guides write it.
 *
 * Returns: (transfer full): the text
 */
char *
cak_number_format_percent (double value, int decimals, CakLang lang)
{
  GString *s;

  g_return_val_if_fail (decimals >= 0 && decimals <= 15, NULL);

  if (!isfinite (value))
    return g_strdup (NOT_A_NUMBER);

  s = format_fixed (value, decimals, lang);
  g_string_append_c (s, '%');

  return g_string_free (s, FALSE);
}

/**
 * cak_number_format_short:
 * @value: the number
 * @lang: the convention
 *
 * A compact label for chart axes, with at most three significant digits and no trailing zeros:
 * "950", "12,5 rb", "1,2 jt", "15 jt", "3,4 M", "6,25 T" in Indonesian; "950", "12.5K", "1.2M",
 * "15M", "3.4B", "6.25T" in English. cak_number_parse () reads them back (the English "15M"
 * only with %CAK_NUMBER_STYLE_EN, since "M" alone is ambiguous).
 *
 * Returns: (transfer full): the text
 */
char *
cak_number_format_short (double value, CakLang lang)
{
  static const Scale scales[] = {
    { 1e12, "T", "T" }, { 1e9, "M", "B" }, { 1e6, "jt", "M" }, { 1e3, "rb", "K" }, { 1, "", "" },
  };
  double abs_value = fabs (value);
  GString *s;
  gsize i;
  int decimals;

  if (!isfinite (value))
    return g_strdup (NOT_A_NUMBER);

  if (abs_value == 0.0)
    return g_strdup ("0");

  i = pick_scale (scales, G_N_ELEMENTS (scales), abs_value, 3, 15, &decimals);
  s = format_fixed (value / scales[i].factor, decimals, lang);
  drop_trailing_zeros (s, lang);

  if (lang == CAK_LANG_ID && scales[i].id[0] != '\0')
    g_string_append_printf (s, " %s", scales[i].id);
  else if (lang != CAK_LANG_ID)
    g_string_append (s, scales[i].en);

  return g_string_free (s, FALSE);
}

/**
 * cak_number_format_rupiah:
 * @value: an amount in rupiah
 * @lang: the convention
 *
 * Below one million the amount is written in full, rounded to whole rupiah: "Rp16.800",
 * "IDR 16,800". From one million on it is written with a word and at most four significant
 * digits and two decimals, as reports write amounts: "Rp648,4 juta", "Rp146 miliar",
 * "Rp6,25 triliun"; "IDR 648.4 million", "IDR 146 billion", "IDR 6.25 trillion". A negative
 * amount puts the minus sign first ("-Rp1.234"), which cak_number_parse () reads back.
 *
 * Returns: (transfer full): the text
 */
char *
cak_number_format_rupiah (double value, CakLang lang)
{
  static const Scale scales[] = {
    { 1e12, "triliun", "trillion" },
    { 1e9, "miliar", "billion" },
    { 1e6, "juta", "million" },
    { 1, NULL, NULL },
  };
  const char *prefix = lang == CAK_LANG_ID ? "Rp" : "IDR ";
  double abs_value = fabs (value);
  g_autoptr (GString) number = NULL;
  GString *s;
  gsize i;
  int decimals = 0;

  if (!isfinite (value))
    return g_strdup (NOT_A_NUMBER);

  i = G_N_ELEMENTS (scales) - 1;
  if (abs_value > 0.0)
    i = pick_scale (scales, G_N_ELEMENTS (scales), abs_value, 4, 2, &decimals);

  if (scales[i].id == NULL)
    {
      /* Whole rupiah: the four-digit rule is only for amounts written with a word. */
      number = format_fixed (abs_value, 0, lang);
    }
  else
    {
      number = format_fixed (abs_value / scales[i].factor, decimals, lang);
      drop_trailing_zeros (number, lang);
    }

  s = g_string_new (NULL);
  if (value < 0.0 && !all_zeros (number->str))
    g_string_append_c (s, '-');
  g_string_append (s, prefix);
  g_string_append (s, number->str);
  if (scales[i].id != NULL)
    g_string_append_printf (s, " %s", lang == CAK_LANG_ID ? scales[i].id : scales[i].en);

  return g_string_free (s, FALSE);
}
