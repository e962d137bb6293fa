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
  gboolean rupiah;
  gboolean percent;
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
  { "rb", 3, 3 },        { "ribu", 3, 3 },      { "k", 3, 3 },          { "thousand", 3, 3 },
  { "jt", 6, 6 },        { "juta", 6, 6 },      { "mn", 6, 6 },         { "million", 6, 6 },
  { "m", 9, 6 },         { "miliar", 9, 9 },    { "milyar", 9, 9 },     { "b", 9, 9 },
  { "bn", 9, 9 },        { "billion", 9, 9 },   { "t", 12, 12 },        { "tn", 12, 12 },
  { "triliun", 12, 12 }, { "trilyun", 12, 12 }, { "trillion", 12, 12 },
};

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

/* Splits a cell into sign, currency, digits and the words after them. Knows nothing of which
 * separator is which: that is read_body ()'s job. */
static gboolean
split_number (const char *text, Parts *parts)
{
  const char *p = text;
  const char *end = text + strlen (text);
  gboolean parenthesised = FALSE;
  gboolean signed_ = FALSE;
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

  /* The sign may come before or after the currency: "-Rp1.234" and "Rp-1.234" both occur. */
  if (!read_sign (&p, end, parenthesised, &signed_, parts))
    return FALSE;

  len = word_length_at (p, end);
  if (word_is (p, len, "rp"))
    {
      parts->rupiah = TRUE;
      parts->currency_style = CAK_NUMBER_STYLE_ID;
      p += len;
      /* "Rp." is an older spelling that is still common in letters. */
      if (p < end && *p == '.')
        p++;
      p = skip_space (p, end);
    }
  else if (word_is (p, len, "idr"))
    {
      parts->rupiah = TRUE;
      parts->currency_style = CAK_NUMBER_STYLE_EN;
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
          len = word_length_at (p, end);
          break;
        }
    }

  if (word_is (p, len, "rupiah"))
    {
      parts->rupiah = TRUE;
      p = skip_space (p + len, end);
      len = word_length_at (p, end);
    }

  if (p < end && *p == '%')
    {
      parts->percent = TRUE;
      p = skip_space (p + 1, end);
    }
  else if (word_is (p, len, "persen") || word_is (p, len, "percent"))
    {
      parts->percent = TRUE;
      p = skip_space (p + len, end);
    }

  if (p != end)
    return FALSE;

  /* "Rp5%" and "5 juta %" are not amounts anyone means. */
  if (parts->percent && (parts->rupiah || parts->scale_id != 0))
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
 * be either and do not vote, nor does a cell that is not a number.
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

/**
 * cak_number_parse:
 * @text: one cell
 * @style: the column's convention, or %CAK_NUMBER_STYLE_UNKNOWN to let the cell decide
 * @out_value: (out) (optional): the value; rupiah for amounts, 27.68 for "27,68%"
 * @out_flags: (out) (optional): whether the cell was a percentage or an amount in rupiah
 *
 * Reads "1.234.567", "27,68%", "27,68 persen", "Rp1.234.567", "Rp6,25 triliun", "1,2 juta",
 * "-1.234", "(1.234)", "1,234,567.89" and the like; see read_body () for how "1.234" is read.
 *
 * The scale word "M" means miliar in Indonesian and million in English: it follows @style,
 * else the separators ("1,2 M" is Indonesian), else the currency ("Rp" Indonesian, "IDR"
 * English). "15 M" with nothing else to go by is rejected rather than guessed.
 *
 * Returns: %TRUE if the whole cell is one finite number
 */
gboolean
cak_number_parse (const char *text, CakNumberStyle style, double *out_value,
                  CakNumberFlags *out_flags)
{
  char buf[MAX_BODY + 16];
  Parts parts;
  Reading reading;
  CakNumberFlags flags = CAK_NUMBER_FLAG_NONE;
  char *end = NULL;
  double value;
  int exponent;

  if (out_value != NULL)
    *out_value = 0.0;
  if (out_flags != NULL)
    *out_flags = CAK_NUMBER_FLAG_NONE;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (style <= CAK_NUMBER_STYLE_EN, FALSE);

  if (!split_number (text, &parts))
    return FALSE;
  if (!read_body (parts.body, parts.body_len, style, buf, sizeof buf, &reading))
    return FALSE;

  exponent = parts.scale_id;
  if (parts.scale_id != parts.scale_en)
    {
      CakNumberStyle decider = style;

      if (decider == CAK_NUMBER_STYLE_UNKNOWN)
        decider = reading.read_as;
      if (decider == CAK_NUMBER_STYLE_UNKNOWN)
        decider = parts.currency_style;
      if (decider == CAK_NUMBER_STYLE_UNKNOWN)
        return FALSE;
      exponent = decider == CAK_NUMBER_STYLE_ID ? parts.scale_id : parts.scale_en;
    }

  /* Scaling in the text rather than multiplying keeps "1,2 miliar" exactly 1200000000. */
  if (exponent != 0)
    g_snprintf (buf + strlen (buf), sizeof buf - strlen (buf), "e%d", exponent);

  value = g_ascii_strtod (buf, &end);
  if (end == NULL || *end != '\0' || !isfinite (value))
    return FALSE;

  if (parts.negative && value != 0.0)
    value = -value;

  if (parts.percent)
    flags |= CAK_NUMBER_FLAG_PERCENT;
  if (parts.rupiah)
    flags |= CAK_NUMBER_FLAG_RUPIAH;

  if (out_value != NULL)
    *out_value = value;
  if (out_flags != NULL)
    *out_flags = flags;

  return TRUE;
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
