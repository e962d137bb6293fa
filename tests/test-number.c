/* test-number.c: reading and writing numbers, and the interface language
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-number"

#include "config.h"

#include <math.h>

#include "cak-lang.h"
#include "cak-number.h"

#define ID CAK_NUMBER_STYLE_ID
#define EN CAK_NUMBER_STYLE_EN
#define UNK CAK_NUMBER_STYLE_UNKNOWN
#define NONE CAK_NUMBER_FLAG_NONE
#define PCT CAK_NUMBER_FLAG_PERCENT
#define RP CAK_NUMBER_FLAG_RUPIAH
#define PTS CAK_NUMBER_FLAG_POINTS

#define VALUE CAK_NUMBER_RESULT_VALUE
#define BLANK CAK_NUMBER_RESULT_BLANK
#define INVALID CAK_NUMBER_RESULT_INVALID
#define NOT_WHOLE CAK_NUMBER_RESULT_NOT_WHOLE

#define U_NONE CAK_NUMBER_UNIT_NONE
#define U_PEOPLE CAK_NUMBER_UNIT_PEOPLE
#define U_WORKERS CAK_NUMBER_UNIT_WORKERS
#define U_PART CAK_NUMBER_UNIT_PARTICIPANTS
#define U_KK CAK_NUMBER_UNIT_HOUSEHOLDS
#define U_RP CAK_NUMBER_UNIT_RUPIAH
#define U_PCT CAK_NUMBER_UNIT_PERCENT
#define U_PTS CAK_NUMBER_UNIT_POINTS

#define F_UNKNOWN CAK_NUMBER_PERCENT_FORM_UNKNOWN
#define F_PERCENT CAK_NUMBER_PERCENT_FORM_PERCENT
#define F_FRACTION CAK_NUMBER_PERCENT_FORM_FRACTION

typedef struct
{
  const char *text;
  CakNumberStyle style;
  double value;
  CakNumberFlags flags;
} ParseCase;

static void
check_parse_cases (const ParseCase *cases, gsize n_cases)
{
  for (gsize i = 0; i < n_cases; i++)
    {
      double value = -42.0;
      CakNumberFlags flags = 0xff;
      gboolean ok = cak_number_parse (cases[i].text, cases[i].style, &value, &flags);

      g_test_message ("parse \"%s\" style %d", cases[i].text, cases[i].style);
      g_assert_true (ok);
      /* Values are compared exactly: the parser scales in decimal, so "1,2 miliar" is exactly
       * 1200000000 and "27,68" is the double nearest to 27.68. */
      g_assert_cmpfloat (value, ==, cases[i].value);
      g_assert_cmpint (flags, ==, cases[i].flags);
    }
}

static void
test_parse_plain (void)
{
  static const ParseCase cases[] = {
    { "0", UNK, 0, NONE },
    { "7", UNK, 7, NONE },
    { "1234567", UNK, 1234567, NONE },
    { "1234567", ID, 1234567, NONE },
    { "1234567", EN, 1234567, NONE },
    { "007", UNK, 7, NONE },
    { "  42  ", UNK, 42, NONE },
    { "\t42\n", UNK, 42, NONE },
    { "\u00a042\u00a0", UNK, 42, NONE }, /* no-break space */
    { "\u202f42\u202f", UNK, 42, NONE }, /* narrow no-break space */
    { "+42", UNK, 42, NONE },
    { "-42", UNK, -42, NONE },
    { "- 42", UNK, -42, NONE },
    { "\u221242", UNK, -42, NONE }, /* minus sign */
    { "(42)", UNK, -42, NONE },
    { "( 42 )", UNK, -42, NONE },
    { "-0", UNK, 0, NONE },
  };

  check_parse_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_parse_indonesian (void)
{
  static const ParseCase cases[] = {
    /* DOMAIN.md */
    { "1.234.567", ID, 1234567, NONE },
    { "1.234.567", UNK, 1234567, NONE },
    { "27,68", ID, 27.68, NONE },
    { "27,68", UNK, 27.68, NONE },
    { "1.234.567,89", ID, 1234567.89, NONE },
    { "1.234.567,89", UNK, 1234567.89, NONE },
    /* Figures from public reporting */
    { "114.377", ID, 114377, NONE },
    { "335.340", UNK, 335340, NONE },
    { "352.284", ID, 352284, NONE },
    { "5,08", ID, 5.08, NONE },
    { "41,38", UNK, 41.38, NONE },
    { "1.234", ID, 1234, NONE },
    { "1.234,5", ID, 1234.5, NONE },
    { "0,5", ID, 0.5, NONE },
    { "0,5", UNK, 0.5, NONE },
    { "12,500", ID, 12.5, NONE },
    { "-1.234", ID, -1234, NONE },
    { "-1.234", UNK, -1234, NONE },
    { "(1.234)", ID, -1234, NONE },
    { "(1.234,5)", UNK, -1234.5, NONE },
    { "+1.234", ID, 1234, NONE },
    { "1.000.000.000", ID, 1e9, NONE },
    /* A single dot that cannot be grouping is a decimal point even in an Indonesian column:
     * machine-written numbers look like that. */
    { "1234567.5", ID, 1234567.5, NONE },
    { "12.5", ID, 12.5, NONE },
    { "0.123", ID, 0.123, NONE },
    { "1234.567", ID, 1234.567, NONE },
  };

  check_parse_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_parse_english (void)
{
  static const ParseCase cases[] = {
    { "1,234,567.89", EN, 1234567.89, NONE },
    { "1,234,567.89", UNK, 1234567.89, NONE },
    { "1,234,567", EN, 1234567, NONE },
    { "1,234,567", UNK, 1234567, NONE },
    { "27.68", EN, 27.68, NONE },
    { "27.68", UNK, 27.68, NONE },
    { "1,234.5", UNK, 1234.5, NONE },
    { "1,234", EN, 1234, NONE },
    { "1.234", EN, 1.234, NONE },
    { "0.5", EN, 0.5, NONE },
    { "-1,234.5", EN, -1234.5, NONE },
    { "(1,234.5)", EN, -1234.5, NONE },
    { "1234567.5", EN, 1234567.5, NONE },
    /* The mirror of the Indonesian rule: a lone comma that cannot be grouping is decimal. */
    { "27,68", EN, 27.68, NONE },
  };

  check_parse_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_parse_ambiguous (void)
{
  /* With no column style, one separator followed by exactly three digits is grouping. */
  static const ParseCase cases[] = {
    { "1.234", UNK, 1234, NONE },
    { "1,234", UNK, 1234, NONE },
    { "999.999", UNK, 999999, NONE },
    { "1.2345", UNK, 1.2345, NONE },
    { "1.23", UNK, 1.23, NONE },
    { "1234.567", UNK, 1234.567, NONE }, /* four digits before: cannot be grouping */
    { "0.123", UNK, 0.123, NONE },       /* grouping never starts with zero */
    { "0,123", UNK, 0.123, NONE },
  };

  check_parse_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_parse_percent (void)
{
  static const ParseCase cases[] = {
    { "27,68%", UNK, 27.68, PCT },       { "27,68%", ID, 27.68, PCT },
    { "27,68 %", ID, 27.68, PCT },       { "27,68 persen", ID, 27.68, PCT },
    { "27,68 PERSEN", UNK, 27.68, PCT }, { "27,68\u00a0%", UNK, 27.68, PCT },
    { "27.68%", EN, 27.68, PCT },        { "27.68 percent", EN, 27.68, PCT },
    { "5,08%", UNK, 5.08, PCT },         { "100%", UNK, 100, PCT },
    { "-1,5%", ID, -1.5, PCT },          { "(1,5%)", ID, -1.5, PCT },
  };

  check_parse_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_parse_rupiah (void)
{
  static const ParseCase cases[] = {
    { "Rp1.234.567", UNK, 1234567, RP },
    { "Rp1.234.567", ID, 1234567, RP },
    { "Rp 1.234.567", ID, 1234567, RP },
    { "RP 1.234.567", ID, 1234567, RP },
    { "Rp. 1.234.567", ID, 1234567, RP },
    { "Rp1.234.567,-", ID, 1234567, RP },
    { "Rp 50.000,-", UNK, 50000, RP },
    { "Rp16.800", UNK, 16800, RP },
    { "Rp146 miliar", UNK, 146e9, RP },
    { "Rp146 miliar", ID, 146e9, RP },
    { "Rp146 milyar", ID, 146e9, RP },
    { "Rp6,25 triliun", UNK, 6.25e12, RP },
    { "Rp6,25 triliun", ID, 6.25e12, RP },
    { "Rp648,4 juta", ID, 648.4e6, RP },
    { "Rp1,2 miliar", ID, 1.2e9, RP },
    { "Rp31,9 miliar", UNK, 31.9e9, RP },
    { "Rp304 miliar", UNK, 304e9, RP },
    { "Rp42 juta", UNK, 42e6, RP },
    { "Rp 1,2 M", UNK, 1.2e9, RP },
    { "Rp 1,2 M", ID, 1.2e9, RP },
    { "Rp15 M", UNK, 15e9, RP }, /* "Rp" settles "M" as miliar */
    { "Rp1,2 jt", ID, 1.2e6, RP },
    { "Rp1,2 jt.", ID, 1.2e6, RP },
    { "Rp12,5 rb", ID, 12500, RP },
    { "Rp12 ribu", ID, 12000, RP },
    { "Rp6,25 T", ID, 6.25e12, RP },
    { "Rp6,25T", UNK, 6.25e12, RP },
    { "-Rp1.234", ID, -1234, RP },
    { "Rp-1.234", ID, -1234, RP },
    { "Rp -1.234", ID, -1234, RP },
    { "(Rp1.234)", ID, -1234, RP },
    { "1.234.567 rupiah", ID, 1234567, RP },
    { "1,2 juta rupiah", ID, 1.2e6, RP },
    { "IDR 1,234,567", UNK, 1234567, RP },
    { "IDR 146 billion", UNK, 146e9, RP },
    { "IDR 6.25 trillion", UNK, 6.25e12, RP },
    { "IDR 648.4 million", EN, 648.4e6, RP },
    { "IDR 15M", UNK, 15e6, RP }, /* "IDR" settles "M" as million */
  };

  check_parse_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_parse_scale (void)
{
  static const ParseCase cases[] = {
    { "1,2 juta", UNK, 1.2e6, NONE },
    { "1,2 juta", ID, 1.2e6, NONE },
    { "1,2juta", ID, 1.2e6, NONE },
    { "12,5 rb", ID, 12500, NONE },
    { "15 jt", UNK, 15e6, NONE },
    { "3,4 M", UNK, 3.4e9, NONE },
    { "3,4 M", ID, 3.4e9, NONE },
    { "15 M", ID, 15e9, NONE },
    { "6,25 T", ID, 6.25e12, NONE },
    { "4,3 juta", ID, 4.3e6, NONE },
    { "41,38 juta", UNK, 41.38e6, NONE },
    { "1.234 juta", ID, 1234e6, NONE },
    { "12.5K", EN, 12500, NONE },
    { "12.5k", UNK, 12500, NONE },
    { "1.2M", UNK, 1.2e6, NONE },
    { "1.2M", EN, 1.2e6, NONE },
    { "15M", EN, 15e6, NONE },
    { "3.4B", UNK, 3.4e9, NONE },
    { "3.4 bn", EN, 3.4e9, NONE },
    { "6.25T", EN, 6.25e12, NONE },
    { "1.5 million", UNK, 1.5e6, NONE },
    { "15 million", ID, 15e6, NONE }, /* a word that means one thing is read in any column */
    { "-1,2 juta", ID, -1.2e6, NONE },
  };

  check_parse_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_parse_reject (void)
{
  static const struct
  {
    const char *text;
    CakNumberStyle style;
  } cases[] = {
    { "", UNK },
    { "   ", UNK },
    { "\xc2\xa0", UNK },
    { "-", UNK },
    { "+", UNK },
    { "()", UNK },
    { "%", UNK },
    { "Rp", UNK },
    { "Rp -", UNK },
    { "n/a", UNK },
    { "N/A", ID },
    { "abc", UNK },
    { "12abc", UNK },
    { "12 orangtua", ID }, /* a unit is a whole word: "orang" is read, "orangtua" is not */
    { "nan", UNK },
    { "NaN", EN },
    { "inf", UNK },
    { "-inf", UNK },
    { "infinity", UNK },
    { "1e5", UNK },
    { "0x1A", UNK },
    { "1,2,3.4.5", UNK },
    { "1,5,5", ID },   /* two decimal marks */
    { "1.5.5", EN },   /* two decimal marks */
    { "1,5.5", ID },   /* a dot after the decimal comma */
    { "1.23.4", ID },  /* misplaced grouping */
    { "1.23.4", UNK }, /* misplaced grouping */
    { "12.34.567", ID },
    { "1.2345.678", UNK },
    { "0.123.456", ID },
    { "1,234,567", ID }, /* an English number in an Indonesian column */
    { "1.234.567", EN }, /* and the other way round */
    { "1.234,5", EN },
    { "1,234.5", ID },
    { "12.", UNK },
    { "12,", ID },
    { ".5", UNK },
    { ",5", ID },
    { "1..2", UNK },
    { "--1", UNK },
    { "+-1", UNK },
    { "(-1)", UNK },
    { "(1", UNK },
    { "1)", UNK },
    { "1 2", UNK },
    { "1 234 567", UNK },
    { "15 M", UNK }, /* miliar or million: nothing says */
    { "15M", UNK },
    { "Rp5%", UNK },
    { "5 juta %", UNK },
    { "12 %%", UNK },
    { "27,68 persen persen", UNK },
    { "Rp Rp 5", UNK },
    { "1,2 juta juta", UNK },
    { "2023-12", UNK },
    { "12/2023", UNK },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double value = -42.0;
      CakNumberFlags flags = 0xff;

      g_test_message ("reject \"%s\" style %d", cases[i].text, cases[i].style);
      g_assert_false (cak_number_parse (cases[i].text, cases[i].style, &value, &flags));
      g_assert_cmpfloat (value, ==, 0.0);
      g_assert_cmpint (flags, ==, CAK_NUMBER_FLAG_NONE);
    }
}

static void
test_parse_limits (void)
{
  g_autoptr (GString) big = g_string_new ("1");
  double value;

  /* 300 digits is still a finite double. */
  for (int i = 0; i < 299; i++)
    g_string_append_c (big, '0');
  g_assert_true (cak_number_parse (big->str, UNK, &value, NULL));
  g_assert_cmpfloat (value, ==, 1e299);

  /* 320 digits overflows to infinity, and longer bodies are not read at all. */
  for (int i = 0; i < 20; i++)
    g_string_append_c (big, '0');
  g_assert_false (cak_number_parse (big->str, UNK, &value, NULL));
  g_string_append (big, "0000000000");
  g_assert_false (cak_number_parse (big->str, UNK, &value, NULL));

  /* Both out arguments are optional. */
  g_assert_true (cak_number_parse ("1.234", ID, NULL, NULL));
  g_assert_false (cak_number_parse ("x", ID, NULL, NULL));
}

static void
test_parse_precondition (void)
{
  double value = -42.0;

  g_test_expect_message ("cak-number", G_LOG_LEVEL_CRITICAL, "*text != NULL*");
  g_assert_false (cak_number_parse (NULL, UNK, &value, NULL));
  g_test_assert_expected_messages ();
  g_assert_cmpfloat (value, ==, 0.0);

  g_test_expect_message ("cak-number", G_LOG_LEVEL_CRITICAL, "*vote != NULL*");
  cak_number_vote (NULL, "1.234.567");
  g_test_assert_expected_messages ();
}

static void
test_vote_cells (void)
{
  static const struct
  {
    const char *text;
    CakNumberStyle vote; /* UNKNOWN: no vote */
  } cases[] = {
    { "1.234.567", ID },
    { "1,234,567", EN },
    { "12,5", ID },
    { "12.5", EN },
    { "1.234,5", ID },
    { "1,234.5", EN },
    { "1.234.567,89", ID },
    { "1,234,567.89", EN },
    { "27,68%", ID },
    { "Rp1.234.567", ID },
    { "Rp6,25 triliun", ID },
    { "0,123", ID },
    { "1234567.5", EN },
    { "1234", UNK },
    { "1.234", UNK },
    { "1,234", UNK },
    { "Rp1.234", UNK },
    { "-1.234", UNK },
    { "", UNK },
    { "JUMLAH", UNK },
    { "Desember 2023", UNK },
    { "1.23.4", UNK },
    { "1,5,5", UNK },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CakNumberVote vote = { 0, 0 };

      g_test_message ("vote \"%s\"", cases[i].text);
      cak_number_vote (&vote, cases[i].text);
      g_assert_cmpuint (vote.id_votes, ==, cases[i].vote == ID ? 1 : 0);
      g_assert_cmpuint (vote.en_votes, ==, cases[i].vote == EN ? 1 : 0);
      g_assert_cmpint (cak_number_vote_result (&vote), ==, cases[i].vote);
    }
}

static void
test_vote_column (void)
{
  static const char *const indonesian[] = {
    "KAB. BLITAR", "114.377", "1.234", "335.340", "27,68", "999", "1.234.567", NULL,
  };
  static const char *const english[] = { "1,234", "12.5", "352,284", "17,920", "5.08", NULL };
  static const char *const undecided[] = { "1.234", "1,234", "2023", "", NULL };
  static const char *const tied[] = { "1.234.567", "1,234,567", NULL };
  CakNumberVote vote = { 0, 0 };

  for (gsize i = 0; indonesian[i] != NULL; i++)
    cak_number_vote (&vote, indonesian[i]);
  g_assert_cmpint (cak_number_vote_result (&vote), ==, ID);
  g_assert_cmpuint (vote.id_votes, ==, 2);
  g_assert_cmpuint (vote.en_votes, ==, 0);

  /* The column's style then reads its ambiguous cells. */
  {
    double value;

    g_assert_true (cak_number_parse ("1.234", cak_number_vote_result (&vote), &value, NULL));
    g_assert_cmpfloat (value, ==, 1234);
  }

  vote = (CakNumberVote){ 0, 0 };
  for (gsize i = 0; english[i] != NULL; i++)
    cak_number_vote (&vote, english[i]);
  g_assert_cmpint (cak_number_vote_result (&vote), ==, EN);
  g_assert_cmpuint (vote.en_votes, ==, 2);

  vote = (CakNumberVote){ 0, 0 };
  for (gsize i = 0; undecided[i] != NULL; i++)
    cak_number_vote (&vote, undecided[i]);
  g_assert_cmpint (cak_number_vote_result (&vote), ==, UNK);

  vote = (CakNumberVote){ 0, 0 };
  for (gsize i = 0; tied[i] != NULL; i++)
    cak_number_vote (&vote, tied[i]);
  g_assert_cmpint (cak_number_vote_result (&vote), ==, UNK);
}

/* ---- Reading cells with units, magnitudes and placeholders ---------------------------- */

typedef struct
{
  const char *text;
  CakNumberStyle style;
  CakNumberResult result;
  double value; /* ignored unless the result is VALUE or NOT_WHOLE */
  CakNumberFlags flags;
  CakNumberUnit unit;
  int exponent;
} ReadCase;

static void
check_read_case (const ReadCase *c, CakNumberResult result, const CakNumberReading *reading)
{
  g_assert_cmpint (result, ==, c->result);
  if (result == VALUE || result == NOT_WHOLE)
    g_assert_cmpfloat (reading->value, ==, c->value);
  else
    g_assert_true (isnan (reading->value));
  g_assert_cmpint (reading->flags, ==, c->flags);
  g_assert_cmpint (reading->unit, ==, c->unit);
  g_assert_cmpint (reading->exponent, ==, c->exponent);
}

static void
check_read_cases (const ReadCase *cases, gsize n_cases)
{
  for (gsize i = 0; i < n_cases; i++)
    {
      CakNumberReading reading = { -42.0, 0xff, 0xff, -42 };
      CakNumberResult result = cak_number_read (cases[i].text, cases[i].style, &reading);
      double value = -42.0;
      CakNumberFlags flags = 0xff;
      gboolean parsed = cak_number_parse (cases[i].text, cases[i].style, &value, &flags);

      g_test_message ("read \"%s\" style %d", cases[i].text, cases[i].style);
      check_read_case (&cases[i], result, &reading);

      /* cak_number_parse () is the same reading, with blank and invalid both FALSE. */
      g_assert_cmpint (parsed, ==, result == VALUE);
      g_assert_cmpfloat (value, ==, parsed ? cases[i].value : 0.0);
      g_assert_cmpint (flags, ==, parsed ? cases[i].flags : NONE);
    }
}

static void
test_read_units (void)
{
  static const ReadCase cases[] = {
    /* The cell from issue 12, and its kin: the unit after the number, any case, any spacing. */
    { "647.000 jiwa", UNK, VALUE, 647000, NONE, U_PEOPLE },
    { "647.000 jiwa", ID, VALUE, 647000, NONE, U_PEOPLE },
    { "647.000jiwa", ID, VALUE, 647000, NONE, U_PEOPLE },
    { "647.000 JIWA", ID, VALUE, 647000, NONE, U_PEOPLE },
    { "647.000\u00a0Jiwa", ID, VALUE, 647000, NONE, U_PEOPLE },
    { "647.000 (jiwa)", ID, VALUE, 647000, NONE, U_PEOPLE },
    { "647.000 ( Jiwa )", ID, VALUE, 647000, NONE, U_PEOPLE },
    { "647.000(jiwa)", UNK, VALUE, 647000, NONE, U_PEOPLE },
    { "647,000 jiwa", UNK, VALUE, 647000, NONE, U_PEOPLE },
    { "647,000 jiwa", EN, VALUE, 647000, NONE, U_PEOPLE },
    { "1.234.567,89 jiwa", ID, VALUE, 1234567.89, NONE, U_PEOPLE },
    { "1,234,567.89 jiwa", EN, VALUE, 1234567.89, NONE, U_PEOPLE },
    /* ... or before it. */
    { "jiwa 647.000", ID, VALUE, 647000, NONE, U_PEOPLE },
    { "(Jiwa) 647.000", ID, VALUE, 647000, NONE, U_PEOPLE },
    { "1.234 orang", ID, VALUE, 1234, NONE, U_PEOPLE },
    { "1,234 orang", EN, VALUE, 1234, NONE, U_PEOPLE },
    { "12 org", UNK, VALUE, 12, NONE, U_PEOPLE },
    { "12 org.", UNK, VALUE, 12, NONE, U_PEOPLE },
    { "12 Orang", UNK, VALUE, 12, NONE, U_PEOPLE },
    { "1,234,567 people", EN, VALUE, 1234567, NONE, U_PEOPLE },
    { "15.000.000 pekerja", ID, VALUE, 15e6, NONE, U_WORKERS },
    { "15.000.000 tenaga kerja", ID, VALUE, 15e6, NONE, U_WORKERS },
    { "15.000.000 Tenaga  Kerja", ID, VALUE, 15e6, NONE, U_WORKERS },
    { "15,000,000 TK", EN, VALUE, 15e6, NONE, U_WORKERS },
    { "15.000.000TK", ID, VALUE, 15e6, NONE, U_WORKERS },
    { "15,000,000 workers", EN, VALUE, 15e6, NONE, U_WORKERS },
    { "4.300.000 peserta", ID, VALUE, 4.3e6, NONE, U_PART },
    { "4,300,000 participants", EN, VALUE, 4.3e6, NONE, U_PART },
    { "567 KK", UNK, VALUE, 567, NONE, U_KK },
    { "1.567 kk", ID, VALUE, 1567, NONE, U_KK },
    /* Rupiah, percent and points, with their flags. */
    { "Rp 1.234.567", ID, VALUE, 1234567, RP, U_RP },
    { "1.234.567 Rp", ID, VALUE, 1234567, RP, U_RP },
    { "1.234.567 (Rp)", ID, VALUE, 1234567, RP, U_RP },
    { "IDR 1,234,567.89", EN, VALUE, 1234567.89, RP, U_RP },
    { "1,234,567 IDR", EN, VALUE, 1234567, RP, U_RP },
    { "27,68 %", ID, VALUE, 27.68, PCT, U_PCT },
    { "27,68 (%)", ID, VALUE, 27.68, PCT, U_PCT },
    { "27,68 pct", ID, VALUE, 27.68, PCT, U_PCT },
    { "27.68 PCT", EN, VALUE, 27.68, PCT, U_PCT },
    { "27.68 percent", EN, VALUE, 27.68, PCT, U_PCT },
    { "1,5 pp", ID, VALUE, 1.5, PTS, U_PTS },
    { "1.5 pp", EN, VALUE, 1.5, PTS, U_PTS },
    { "1,5pp", UNK, VALUE, 1.5, PTS, U_PTS },
    { "1,5 p.p.", ID, VALUE, 1.5, PTS, U_PTS },
    { "1,5 poin", ID, VALUE, 1.5, PTS, U_PTS },
    { "1,5 poin persen", ID, VALUE, 1.5, PTS, U_PTS },
    { "1,5 Poin Persen", ID, VALUE, 1.5, PTS, U_PTS },
    { "1,5 persen poin", ID, VALUE, 1.5, PTS, U_PTS },
    { "1.5 percentage points", EN, VALUE, 1.5, PTS, U_PTS },
    { "-1,5 pp", ID, VALUE, -1.5, PTS, U_PTS },
    { "(1,5 pp)", ID, VALUE, -1.5, PTS, U_PTS },
    /* Signs. */
    { "+1.234 jiwa", ID, VALUE, 1234, NONE, U_PEOPLE },
    { "+1,234 jiwa", EN, VALUE, 1234, NONE, U_PEOPLE },
    { "-1.234.567,89", ID, VALUE, -1234567.89, NONE, U_NONE },
    { "-1,234,567.89", EN, VALUE, -1234567.89, NONE, U_NONE },
    { "(1.234.567,89)", ID, VALUE, -1234567.89, NONE, U_NONE },
    { "(1,234,567.89)", EN, VALUE, -1234567.89, NONE, U_NONE },
    { "(1.234 jiwa)", ID, VALUE, -1234, NONE, U_PEOPLE },
    { "\u22121.234", ID, VALUE, -1234, NONE, U_NONE },
    /* Zero is a value, not a blank. */
    { "0", UNK, VALUE, 0, NONE, U_NONE },
    { "0 jiwa", UNK, VALUE, 0, NONE, U_PEOPLE },
    { "Rp 0", UNK, VALUE, 0, RP, U_RP },
    { "0,00%", ID, VALUE, 0, PCT, U_PCT },
  };

  check_read_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_read_magnitude (void)
{
  static const ReadCase cases[] = {
    { "1,6 juta", ID, VALUE, 1.6e6, NONE, U_NONE, 6 },
    { "1,6 juta", UNK, VALUE, 1.6e6, NONE, U_NONE, 6 },
    { "1.6 million", EN, VALUE, 1.6e6, NONE, U_NONE, 6 },
    { "1,6 jt", ID, VALUE, 1.6e6, NONE, U_NONE, 6 },
    { "1,6 juta jiwa", ID, VALUE, 1.6e6, NONE, U_PEOPLE, 6 },
    { "1,6jt jiwa", ID, VALUE, 1.6e6, NONE, U_PEOPLE, 6 },
    { "1.6 million people", EN, VALUE, 1.6e6, NONE, U_PEOPLE, 6 },
    { "114,4 ribu orang", ID, VALUE, 114400, NONE, U_PEOPLE, 3 },
    { "114.4 thousand", EN, VALUE, 114400, NONE, U_NONE, 3 },
    { "12 rb", ID, VALUE, 12000, NONE, U_NONE, 3 },
    { "12 rbu", ID, VALUE, 12000, NONE, U_NONE, 3 },
    { "12 RIBU", ID, VALUE, 12000, NONE, U_NONE, 3 },
    { "Rp146 miliar", ID, VALUE, 146e9, RP, U_RP, 9 },
    { "Rp146miliar", UNK, VALUE, 146e9, RP, U_RP, 9 },
    { "Rp 146 milyar", ID, VALUE, 146e9, RP, U_RP, 9 },
    { "Rp 3 Mrd", ID, VALUE, 3e9, RP, U_RP, 9 },
    { "3 Mrd", UNK, VALUE, 3e9, NONE, U_NONE, 9 },
    { "IDR 146 billion", EN, VALUE, 146e9, RP, U_RP, 9 },
    { "2.5 billion", EN, VALUE, 2.5e9, NONE, U_NONE, 9 },
    { "Rp6,25 triliun", ID, VALUE, 6.25e12, RP, U_RP, 12 },
    { "Rp6,25 T", UNK, VALUE, 6.25e12, RP, U_RP, 12 },
    { "6,25 triliun rupiah", ID, VALUE, 6.25e12, RP, U_RP, 12 },
    { "IDR 6.25 trillion", EN, VALUE, 6.25e12, RP, U_RP, 12 },
    /* "M": miliar with Rp, million with IDR; else the column or the separators decide. */
    { "Rp1,2 M", ID, VALUE, 1.2e9, RP, U_RP, 9 },
    { "Rp1,2 M", EN, VALUE, 1.2e6, RP, U_RP, 6 }, /* the column said English */
    { "Rp 15 M", UNK, VALUE, 15e9, RP, U_RP, 9 },
    { "IDR 15M", UNK, VALUE, 15e6, RP, U_RP, 6 },
    { "1,2 M", ID, VALUE, 1.2e9, NONE, U_NONE, 9 }, /* Cakupan's own axis label reads back */
    { "1,2 M", UNK, VALUE, 1.2e9, NONE, U_NONE, 9 },
    { "1.2M", EN, VALUE, 1.2e6, NONE, U_NONE, 6 },
    { "1.2M people", EN, VALUE, 1.2e6, NONE, U_PEOPLE, 6 },
    { "1.2M people", UNK, VALUE, 1.2e6, NONE, U_PEOPLE, 6 },
    /* A thousand million people is a slip, not a figure; and nothing says which "15 M" is. */
    { "1,2 M jiwa", ID, INVALID, 0, NONE, U_NONE },
    { "1,2 M jiwa", UNK, INVALID, 0, NONE, U_NONE },
    { "15 M orang", UNK, INVALID, 0, NONE, U_NONE },
    { "15 M", UNK, INVALID, 0, NONE, U_NONE },
    /* Magnitudes scale counts and amounts, not shares. */
    { "5 juta %", ID, INVALID, 0, NONE, U_NONE },
    { "5 juta pp", ID, INVALID, 0, NONE, U_NONE },
    { "5 rb persen", ID, INVALID, 0, NONE, U_NONE },
    { "1,2 juta juta", ID, INVALID, 0, NONE, U_NONE },
    { "1,2 juta M", ID, INVALID, 0, NONE, U_NONE },
  };

  check_read_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_read_blank (void)
{
  static const ReadCase cases[] = {
    { "", UNK, BLANK },
    { "   ", ID, BLANK },
    { "\u00a0", EN, BLANK },
    { "-", UNK, BLANK },
    { " - ", ID, BLANK },
    { "--", UNK, BLANK },
    { "---", UNK, BLANK },
    { "\u2013", UNK, BLANK }, /* en dash */
    { "\u2014", UNK, BLANK }, /* em dash */
    { "\u2212", UNK, BLANK }, /* minus sign */
    { "n/a", UNK, BLANK },
    { "N/A", ID, BLANK },
    { "NA", EN, BLANK },
    { "na", UNK, BLANK },
    { "n.a.", UNK, BLANK },
    { "tidak ada data", UNK, BLANK },
    { "Tidak Ada Data", ID, BLANK },
    { "tidak  ada data", ID, BLANK },
    { "data tidak tersedia", ID, BLANK },
    { "\u2026", UNK, BLANK }, /* ellipsis */
    { "...", UNK, BLANK },
    { "..", UNK, BLANK },
    /* A placeholder with a unit says "no value" all the same, and the unit is kept. */
    { "Rp -", ID, BLANK, 0, NONE, U_RP },
    { "Rp-", ID, BLANK, 0, NONE, U_RP },
    { "(Rp) -", ID, BLANK, 0, NONE, U_RP },
    { "- jiwa", ID, BLANK, 0, NONE, U_PEOPLE },
    { "- (jiwa)", ID, BLANK, 0, NONE, U_PEOPLE },
    { "-%", UNK, BLANK, 0, NONE, U_PCT },
    { "n/a %", UNK, BLANK, 0, NONE, U_PCT },
  };

  check_read_cases (cases, G_N_ELEMENTS (cases));

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_true (cak_number_is_blank (cases[i].text));
  g_assert_false (cak_number_is_blank ("0"));
  g_assert_false (cak_number_is_blank ("0 jiwa"));
  g_assert_false (cak_number_is_blank ("abc"));
  g_assert_false (cak_number_is_blank ("Rp"));
  g_assert_false (cak_number_is_blank ("jiwa"));
  g_assert_false (cak_number_is_blank ("----"));
}

static void
test_read_invalid (void)
{
  static const ReadCase cases[] = {
    { "12 abc", ID, INVALID },
    { "12 abc", EN, INVALID },
    { "12abc", UNK, INVALID },
    { "1.2.3,4,5", ID, INVALID },
    { "1.2.3,4,5", EN, INVALID },
    { "1.2.3,4,5", UNK, INVALID },
    { "1,2,3.4.5", UNK, INVALID },
    { "Rp", UNK, INVALID },
    { "Rp.", ID, INVALID },
    { "IDR", EN, INVALID },
    { "jiwa", UNK, INVALID },
    { "(jiwa)", ID, INVALID },
    { "Jiwa", EN, INVALID },
    { "%", UNK, INVALID },
    { "(%)", UNK, INVALID },
    { "pp", UNK, INVALID },
    { "TK", UNK, INVALID },
    { "KK", UNK, INVALID },
    { "tenaga kerja", ID, INVALID },
    /* One unit to a cell. */
    { "12 jiwa orang", ID, INVALID },
    { "Rp 5 jiwa", ID, INVALID },
    { "5 % jiwa", ID, INVALID },
    { "5%%", ID, INVALID },
    { "jiwa 5 jiwa", ID, INVALID },
    { "Rp 5 rupiah", ID, INVALID },
    /* A unit is a whole word, and brackets close. */
    { "12 orangtua", ID, INVALID },
    { "12 jiwanya", ID, INVALID },
    { "12 tka", ID, INVALID },
    { "12 pct.x", ID, INVALID },
    { "647.000 (jiwa", ID, INVALID },
    { "647.000 jiwa)", ID, INVALID },
    { "647.000 ((jiwa))", ID, INVALID },
    { "647.000 (abc)", ID, INVALID },
    /* Placeholders are whole cells, not prefixes. */
    { "----", UNK, INVALID },
    { "- -", UNK, INVALID },
    { "na 5", UNK, INVALID },
    { "nan", UNK, INVALID },
    { "tidak ada", ID, INVALID }, /* "none" may mean zero: not guessed */
    { "nihil", ID, INVALID },
    { "#N/A", UNK, INVALID },
    { "1e5", UNK, INVALID },
    { "x", UNK, INVALID },
  };

  check_read_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_read_count (void)
{
  static const ReadCase cases[] = {
    { "114377", UNK, VALUE, 114377 },
    { "114.377", ID, VALUE, 114377 },
    { "114,377", EN, VALUE, 114377 },
    { "114377.0", ID, VALUE, 114377 },
    { "114377.0", EN, VALUE, 114377 },
    { "114377,0", ID, VALUE, 114377 },
    { "114.377 jiwa", ID, VALUE, 114377, NONE, U_PEOPLE },
    { "114,4 ribu", ID, VALUE, 114400, NONE, U_NONE, 3 },
    { "1,6 juta jiwa", ID, VALUE, 1.6e6, NONE, U_PEOPLE, 6 },
    { "-1.234", ID, VALUE, -1234 }, /* the caller checks signs */
    /* Numbers, but not whole ones: the value is kept so the report can name it. */
    { "114377.4", EN, NOT_WHOLE, 114377.4 },
    { "114377,4", ID, NOT_WHOLE, 114377.4 },
    { "114.377,4 jiwa", ID, NOT_WHOLE, 114377.4, NONE, U_PEOPLE },
    { "114,377.4 people", EN, NOT_WHOLE, 114377.4, NONE, U_PEOPLE },
    { "1,2345 ribu", ID, NOT_WHOLE, 1234.5, NONE, U_NONE, 3 },
    { "1.234 jiwa", EN, NOT_WHOLE, 1.234, NONE, U_PEOPLE }, /* an English column says so */
    /* Not counts at all. */
    { "27,68%", ID, INVALID, 27.68, PCT, U_PCT },
    { "1,5 pp", ID, INVALID, 1.5, PTS, U_PTS },
    { "Rp 5.000", ID, INVALID, 5000, RP, U_RP },
    { "abc", ID, INVALID },
    { "-", ID, BLANK },
    { "", ID, BLANK },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CakNumberReading reading = { -42.0, 0xff, 0xff, -42 };
      CakNumberResult result = cak_number_read_count (cases[i].text, cases[i].style, &reading);

      g_test_message ("count \"%s\" style %d", cases[i].text, cases[i].style);
      g_assert_cmpint (result, ==, cases[i].result);
      if (result == VALUE || result == NOT_WHOLE || (result == INVALID && cases[i].unit != U_NONE))
        g_assert_cmpfloat (reading.value, ==, cases[i].value);
      else
        g_assert_true (isnan (reading.value));
      g_assert_cmpint (reading.flags, ==, cases[i].flags);
      g_assert_cmpint (reading.unit, ==, cases[i].unit);
      g_assert_cmpint (reading.exponent, ==, cases[i].exponent);
    }
}

static void
test_is_whole (void)
{
  static const struct
  {
    double value;
    gboolean whole;
    double rounded;
  } cases[] = {
    { 114377.0, TRUE, 114377 },
    { 114376.99999999999, TRUE, 114377 },
    { 114377.00000000001, TRUE, 114377 },
    { 0.1 + 0.2 + 0.7, TRUE, 1 },
    { -3, TRUE, -3 },
    { 0, TRUE, 0 },
    { 1e15, TRUE, 1e15 },
    { 114377.4, FALSE },
    { 114377.001, FALSE },
    { 0.5, FALSE },
    { NAN, FALSE },
    { INFINITY, FALSE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double rounded = -42.0;

      g_test_message ("whole %.17g", cases[i].value);
      g_assert_cmpint (cak_number_is_whole (cases[i].value, &rounded), ==, cases[i].whole);
      if (cases[i].whole)
        g_assert_cmpfloat (rounded, ==, cases[i].rounded);
      else
        g_assert_true (isnan (rounded));
    }
  g_assert_true (cak_number_is_whole (7, NULL));
}

static void
test_to_code (void)
{
  static const struct
  {
    const char *text;
    const char *code; /* NULL: not a code */
  } cases[] = {
    { "3201", "3201" },
    { "3201.0", "3201" },
    { "3201.00", "3201" },
    { "3201,0", "3201" },
    { " 3201.0 ", "3201" },
    { "3.201E3", "3201" },
    { "3.201e+03", "3201" },
    { "32.01E2", "3201" },
    { "0.3201E4", "3201" },
    { "3201E0", "3201" },
    { "11.0", "11" },
    { "11", "11" },
    { "1107", "1107" },
    { "0101", "0101" }, /* text keeps its digits */
    { "3201010001", "3201010001" },
    { "3201010001.0", "3201010001" },
    /* Not whole numbers, or not numbers. */
    { "3201.5", NULL },
    { "3201.05", NULL },
    { "3.2015E3", NULL },
    { "11.07", NULL }, /* a Kemendagri code: the region catalogue reads it */
    { "32.10", NULL },
    { "1.10701E+11", NULL }, /* Excel's display dropped digits */
    { "3.2E3", NULL },
    { "1E3", NULL },
    { "1E-3", NULL },
    { "3201E", NULL },
    { "-3201", NULL },
    { "+3201", NULL },
    { "3 201", NULL },
    { "3.201.000", NULL },
    { "3,201.0", NULL },
    { "3201.", NULL },
    { ".5", NULL },
    { "3201.0.0", NULL },
    { "ID3201", NULL },
    { "3201a", NULL },
    { "", NULL },
    { "-", NULL },
    { "123456789012345678901234567890123", NULL }, /* 33 digits */
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *code = cak_number_to_code (cases[i].text);

      g_test_message ("code \"%s\"", cases[i].text);
      g_assert_cmpstr (code, ==, cases[i].code);
    }
}

static void
test_read_unit (void)
{
  static const struct
  {
    const char *text;
    gboolean ok;
    CakNumberUnit unit;
    int exponent;
  } cases[] = {
    { "(Jiwa)", TRUE, U_PEOPLE, 0 },
    { "jiwa", TRUE, U_PEOPLE, 0 },
    { "(orang)", TRUE, U_PEOPLE, 0 },
    { "( Orang )", TRUE, U_PEOPLE, 0 },
    { "(tenaga kerja)", TRUE, U_WORKERS, 0 },
    { "(TK)", TRUE, U_WORKERS, 0 },
    { "(peserta)", TRUE, U_PART, 0 },
    { "(KK)", TRUE, U_KK, 0 },
    { "(%)", TRUE, U_PCT, 0 },
    { "%", TRUE, U_PCT, 0 },
    { "(persen)", TRUE, U_PCT, 0 },
    { "(pp)", TRUE, U_PTS, 0 },
    { "(Rp)", TRUE, U_RP, 0 },
    { "(Rp.)", TRUE, U_RP, 0 },
    { "(Rp juta)", TRUE, U_RP, 6 },
    { "(juta rupiah)", TRUE, U_RP, 6 },
    { "(Rp miliar)", TRUE, U_RP, 9 },
    { "(Rp M)", TRUE, U_RP, 9 },
    { "(IDR M)", TRUE, U_RP, 6 },
    { "(IDR million)", TRUE, U_RP, 6 },
    { "(ribu jiwa)", TRUE, U_PEOPLE, 3 },
    { "Ribu Orang", TRUE, U_PEOPLE, 3 },
    { "(juta)", TRUE, U_NONE, 6 },
    { "(ribu)", TRUE, U_NONE, 3 },
    { "(thousand people)", TRUE, U_PEOPLE, 3 },
    { "(M)", FALSE },
    { "(M jiwa)", FALSE },
    { "(juta %)", FALSE },
    { "(jiwa orang)", FALSE },
    { "(Rp rupiah)", FALSE },
    { "Tenaga Kerja (Jiwa)", FALSE },
    { "(2024)", FALSE },
    { "()", FALSE },
    { "", FALSE },
    { "abc", FALSE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CakNumberUnit unit = 0xff;
      int exponent = -42;

      g_test_message ("unit \"%s\"", cases[i].text);
      g_assert_cmpint (cak_number_read_unit (cases[i].text, &unit, &exponent), ==, cases[i].ok);
      g_assert_cmpint (unit, ==, cases[i].ok ? cases[i].unit : U_NONE);
      g_assert_cmpint (exponent, ==, cases[i].ok ? cases[i].exponent : 0);
    }
  g_assert_true (cak_number_read_unit ("(jiwa)", NULL, NULL));
}

#define N_MAX 6

static void
test_percent_form_range (void)
{
  static const struct
  {
    const char *what;
    double values[N_MAX];
    gsize n;
    gboolean header_says_percent;
    CakNumberPercentForm form;
  } cases[] = {
    { "targets written 0.30", { 0.30, 0.25, NAN, 0.4 }, 4, TRUE, F_FRACTION },
    { "fractions with 100%", { 1.0, 0.5, 0.0 }, 3, TRUE, F_FRACTION },
    { "no % in the header", { 0.30, 0.25 }, 2, FALSE, F_UNKNOWN },
    { "percent", { 30, 25, 41.38 }, 3, TRUE, F_PERCENT },
    { "one value above 1", { 0.3, 0.2, 1.5 }, 3, TRUE, F_PERCENT },
    { "a negative value", { -0.2, 0.3 }, 2, TRUE, F_PERCENT },
    { "zeros and ones", { 0, 1, 1 }, 3, TRUE, F_UNKNOWN },
    { "blank cells only", { NAN, NAN }, 2, TRUE, F_UNKNOWN },
    { "no values", { 0 }, 0, TRUE, F_UNKNOWN },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("range: %s", cases[i].what);
      g_assert_cmpint (cak_number_percent_form_by_range (cases[i].values, cases[i].n,
                                                         cases[i].header_says_percent),
                       ==, cases[i].form);
    }
  g_assert_cmpint (cak_number_percent_form_by_range (NULL, 0, TRUE), ==, F_UNKNOWN);
}

static void
test_percent_form_ratio (void)
{
  static const struct
  {
    const char *what;
    double stated[N_MAX];
    double numerators[N_MAX];
    double denominators[N_MAX];
    gsize n;
    CakNumberPercentForm form;
  } cases[] = {
    /* Jawa Timur from issue 12: 4.300.000 of 15.000.000 is 28,67%. */
    { "fractions",
      { 0.2867, 0.30, 0.25 },
      { 4.3e6, 30400, 2510 },
      { 15e6, 1e5, 1e4 },
      3,
      F_FRACTION },
    { "percent", { 28.67, 30.4, 25.1 }, { 4.3e6, 30400, 2510 }, { 15e6, 1e5, 1e4 }, 3, F_PERCENT },
    /* Real percentages below 1% that the range rule would take for fractions. */
    { "small percentages", { 0.5, 0.8, 0.25 }, { 50, 80, 25 }, { 1e4, 1e4, 1e4 }, 3, F_PERCENT },
    /* 0,3 stands for 25..35%: one decimal of a fraction is a coarse figure, but a fair one. */
    { "one decimal", { 0.3, 0.3 }, { 27, 33 }, { 100, 100 }, 2, F_FRACTION },
    { "a zero ratio says nothing", { 0, 0.3 }, { 0, 30 }, { 100, 100 }, 2, F_FRACTION },
    { "most rows, not all",
      { 0.3, 0.2, 0.9, 0.5 },
      { 30, 20, 10, 50 },
      { 100, 100, 100, 100 },
      4,
      F_FRACTION },
    { "half is not most", { 0.3, 0.9 }, { 30, 10 }, { 100, 100 }, 2, F_UNKNOWN },
    { "neither reading", { 27.68 }, { 4.3e6 }, { 15e6 }, 1, F_UNKNOWN },
    { "no denominators", { 0.3, 0.2 }, { 30, 20 }, { 0, NAN }, 2, F_UNKNOWN },
    { "blank stated", { NAN, NAN }, { 30, 20 }, { 100, 100 }, 2, F_UNKNOWN },
    { "no rows", { 0 }, { 0 }, { 0 }, 0, F_UNKNOWN },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("ratio: %s", cases[i].what);
      g_assert_cmpint (cak_number_percent_form_by_ratio (cases[i].stated, cases[i].numerators,
                                                         cases[i].denominators, cases[i].n),
                       ==, cases[i].form);
    }
}

static void
test_vote_units (void)
{
  static const struct
  {
    const char *text;
    CakNumberStyle vote;
  } cases[] = {
    /* A count of people is whole, so its one mark before three digits is grouping. */
    { "647.000 jiwa", ID },
    { "647.000 (Jiwa)", ID },
    { "647.000jiwa", ID },
    { "1.234 orang", ID },
    { "1.234 TK", ID },
    { "1.234 peserta", ID },
    { "1.234 KK", ID },
    { "647,000 jiwa", EN },
    { "1,234 people", EN },
    /* Units do not hide what the number shows. */
    { "1,6 juta", ID },
    { "1,6 juta jiwa", ID },
    { "1.6 million", EN },
    { "1.234.567 jiwa", ID },
    { "1,234,567 workers", EN },
    { "27,68 pp", ID },
    { "12.5 pp", EN },
    /* Silent: a magnitude may follow a decimal, rupiah is not a count, blanks say nothing. */
    { "1.234 juta jiwa", UNK },
    { "Rp1.234", UNK },
    { "1.234 %", UNK },
    { "- jiwa", UNK },
    { "jiwa", UNK },
    { "647 jiwa", UNK },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CakNumberVote vote = { 0, 0 };

      g_test_message ("vote \"%s\"", cases[i].text);
      cak_number_vote (&vote, cases[i].text);
      g_assert_cmpuint (vote.id_votes, ==, cases[i].vote == ID ? 1 : 0);
      g_assert_cmpuint (vote.en_votes, ==, cases[i].vote == EN ? 1 : 0);
    }

  /* A column of counts with units votes Indonesian and is then read so. */
  {
    static const char *const column[] = {
      "647.000 jiwa", "1.234 jiwa", "335.340 jiwa", "12 jiwa", "-", "Jumlah", NULL,
    };
    CakNumberVote vote = { 0, 0 };
    CakNumberReading reading;

    for (gsize i = 0; column[i] != NULL; i++)
      cak_number_vote (&vote, column[i]);
    g_assert_cmpint (cak_number_vote_result (&vote), ==, ID);
    g_assert_cmpint (cak_number_read_count ("1.234 jiwa", cak_number_vote_result (&vote), &reading),
                     ==, VALUE);
    g_assert_cmpfloat (reading.value, ==, 1234);
  }
}

static void
test_read_precondition (void)
{
  CakNumberReading reading = { -42.0, 0xff, 0xff, -42 };

  g_test_expect_message ("cak-number", G_LOG_LEVEL_CRITICAL, "*text != NULL*");
  g_assert_cmpint (cak_number_read (NULL, UNK, &reading), ==, INVALID);
  g_test_assert_expected_messages ();
  g_assert_true (isnan (reading.value));
  g_assert_cmpint (reading.unit, ==, U_NONE);

  g_test_expect_message ("cak-number", G_LOG_LEVEL_CRITICAL, "*text != NULL*");
  g_assert_null (cak_number_to_code (NULL));
  g_test_assert_expected_messages ();

  g_test_expect_message ("cak-number", G_LOG_LEVEL_CRITICAL, "*text != NULL*");
  g_assert_false (cak_number_is_blank (NULL));
  g_test_assert_expected_messages ();

  /* The reading is optional. */
  g_assert_cmpint (cak_number_read ("647.000 jiwa", ID, NULL), ==, VALUE);
  g_assert_cmpint (cak_number_read_count ("1,5", ID, NULL), ==, NOT_WHOLE);
}

typedef struct
{
  double value;
  int decimals;
  const char *id;
  const char *en;
} FormatCase;

static void
test_format_number (void)
{
  static const FormatCase cases[] = {
    { 0, 0, "0", "0" },
    { 0, 2, "0,00", "0.00" },
    { 7, 0, "7", "7" },
    { 999, 0, "999", "999" },
    { 1000, 0, "1.000", "1,000" },
    { 1234567, 0, "1.234.567", "1,234,567" },
    { 114377, 0, "114.377", "114,377" },
    { 27.68, 2, "27,68", "27.68" },
    { 1234567.89, 2, "1.234.567,89", "1,234,567.89" },
    { 1234567.89, 0, "1.234.568", "1,234,568" },
    { 1234567.89, 1, "1.234.567,9", "1,234,567.9" },
    { 0.5, 3, "0,500", "0.500" },
    { 0.004, 2, "0,00", "0.00" },
    { 123456789012.0, 0, "123.456.789.012", "123,456,789,012" },
    { 1e15, 0, "1.000.000.000.000.000", "1,000,000,000,000,000" },
    { -1234.5, 1, "-1.234,5", "-1,234.5" },
    { -0.001, 2, "0,00", "0.00" }, /* no "-0,00" */
    { -0.0, 0, "0", "0" },
    /* Half away from zero, in decimal. */
    { 0.5, 0, "1", "1" },
    { 1.5, 0, "2", "2" },
    { 2.5, 0, "3", "3" },
    { -2.5, 0, "-3", "-3" },
    { 0.125, 2, "0,13", "0.13" },
    { 2.675, 2, "2,68", "2.68" },
    { 1.005, 2, "1,01", "1.01" },
    { 28.665, 2, "28,67", "28.67" },
    { 999.5, 0, "1.000", "1,000" },
    { 999999.995, 2, "1.000.000,00", "1,000,000.00" },
    { 9.96, 1, "10,0", "10.0" },
    { 0.05, 1, "0,1", "0.1" },
    { 0.049, 1, "0,0", "0.0" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *id = cak_number_format (cases[i].value, cases[i].decimals, CAK_LANG_ID);
      g_autofree char *en = cak_number_format (cases[i].value, cases[i].decimals, CAK_LANG_EN);

      g_assert_cmpstr (id, ==, cases[i].id);
      g_assert_cmpstr (en, ==, cases[i].en);
    }
}

static void
test_format_not_a_number (void)
{
  g_autofree char *nan_text = cak_number_format (NAN, 2, CAK_LANG_ID);
  g_autofree char *inf_text = cak_number_format_percent (INFINITY, 2, CAK_LANG_EN);
  g_autofree char *short_text = cak_number_format_short (-INFINITY, CAK_LANG_EN);
  g_autofree char *rupiah_text = cak_number_format_rupiah (NAN, CAK_LANG_ID);

  g_assert_cmpstr (nan_text, ==, "\xe2\x80\x93");
  g_assert_cmpstr (inf_text, ==, "\xe2\x80\x93");
  g_assert_cmpstr (short_text, ==, "\xe2\x80\x93");
  g_assert_cmpstr (rupiah_text, ==, "\xe2\x80\x93");
}

static void
test_format_percent (void)
{
  static const FormatCase cases[] = {
    { 27.68, 2, "27,68%", "27.68%" }, { 28.666666, 2, "28,67%", "28.67%" },
    { 5.08, 2, "5,08%", "5.08%" },    { 19, 0, "19%", "19%" },
    { 100, 1, "100,0%", "100.0%" },   { -1.25, 1, "-1,3%", "-1.3%" },
    { 0, 2, "0,00%", "0.00%" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *id
          = cak_number_format_percent (cases[i].value, cases[i].decimals, CAK_LANG_ID);
      g_autofree char *en
          = cak_number_format_percent (cases[i].value, cases[i].decimals, CAK_LANG_EN);

      g_assert_cmpstr (id, ==, cases[i].id);
      g_assert_cmpstr (en, ==, cases[i].en);
    }
}

static void
test_format_short (void)
{
  static const FormatCase cases[] = {
    { 0, 0, "0", "0" },
    { 950, 0, "950", "950" },
    { 999, 0, "999", "999" },
    { 999.4, 0, "999", "999" },
    { 999.6, 0, "1 rb", "1K" },
    { 1000, 0, "1 rb", "1K" },
    { 12500, 0, "12,5 rb", "12.5K" },
    { 123456, 0, "123 rb", "123K" },
    { 999960, 0, "1 jt", "1M" },
    { 1.2e6, 0, "1,2 jt", "1.2M" },
    { 1234567, 0, "1,23 jt", "1.23M" },
    { 15e6, 0, "15 jt", "15M" },
    { 41.38e6, 0, "41,4 jt", "41.4M" },
    { 3.4e9, 0, "3,4 M", "3.4B" },
    { 6.25e12, 0, "6,25 T", "6.25T" },
    { 1.5e15, 0, "1.500 T", "1,500T" },
    { 12.5, 0, "12,5", "12.5" },
    { 1.234, 0, "1,23", "1.23" },
    { 0.5, 0, "0,5", "0.5" },
    { 0.01234, 0, "0,0123", "0.0123" },
    { 9.996, 0, "10", "10" },
    { 99.96, 0, "100", "100" },
    { -12500, 0, "-12,5 rb", "-12.5K" },
    { -3.4e9, 0, "-3,4 M", "-3.4B" },
    { 20e6, 0, "20 jt", "20M" },
    { 100e6, 0, "100 jt", "100M" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *id = cak_number_format_short (cases[i].value, CAK_LANG_ID);
      g_autofree char *en = cak_number_format_short (cases[i].value, CAK_LANG_EN);

      g_test_message ("short %g", cases[i].value);
      g_assert_cmpstr (id, ==, cases[i].id);
      g_assert_cmpstr (en, ==, cases[i].en);
    }
}

static void
test_format_rupiah (void)
{
  static const FormatCase cases[] = {
    { 0, 0, "Rp0", "IDR 0" },
    { 16800, 0, "Rp16.800", "IDR 16,800" },
    { 1234567, 0, "Rp1,23 juta", "IDR 1.23 million" },
    { 999999, 0, "Rp999.999", "IDR 999,999" },
    { 999999.4, 0, "Rp999.999", "IDR 999,999" },
    { 999999.6, 0, "Rp1 juta", "IDR 1 million" },
    { 1e6, 0, "Rp1 juta", "IDR 1 million" },
    { 42e6, 0, "Rp42 juta", "IDR 42 million" },
    { 146e9, 0, "Rp146 miliar", "IDR 146 billion" },
    { 6.25e12, 0, "Rp6,25 triliun", "IDR 6.25 trillion" },
    { 648.4e6, 0, "Rp648,4 juta", "IDR 648.4 million" },
    { 467.5e6, 0, "Rp467,5 juta", "IDR 467.5 million" },
    { 247.2e6, 0, "Rp247,2 juta", "IDR 247.2 million" },
    { 31.9e9, 0, "Rp31,9 miliar", "IDR 31.9 billion" },
    { 27.6e9, 0, "Rp27,6 miliar", "IDR 27.6 billion" },
    { 3.4e9, 0, "Rp3,4 miliar", "IDR 3.4 billion" },
    { 304e9, 0, "Rp304 miliar", "IDR 304 billion" },
    { 1.2e9, 0, "Rp1,2 miliar", "IDR 1.2 billion" },
    { 999.96e9, 0, "Rp1 triliun", "IDR 1 trillion" },
    { 1234.5e12, 0, "Rp1.235 triliun", "IDR 1,235 trillion" },
    { -1234, 0, "-Rp1.234", "-IDR 1,234" },
    { -146e9, 0, "-Rp146 miliar", "-IDR 146 billion" },
    { -0.3, 0, "Rp0", "IDR 0" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *id = cak_number_format_rupiah (cases[i].value, CAK_LANG_ID);
      g_autofree char *en = cak_number_format_rupiah (cases[i].value, CAK_LANG_EN);

      g_test_message ("rupiah %g", cases[i].value);
      g_assert_cmpstr (id, ==, cases[i].id);
      g_assert_cmpstr (en, ==, cases[i].en);
    }
}

/* A formatted value reads back as itself, in the column style of its language and, where the
 * text settles it, with no style at all. */
static void
check_round_trip (const char *text, CakLang lang, double expected, CakNumberFlags expected_flags)
{
  CakNumberStyle style = lang == CAK_LANG_ID ? ID : EN;
  CakNumberFlags flags;
  double value;

  g_test_message ("round trip \"%s\"", text);
  g_assert_true (cak_number_parse (text, style, &value, &flags));
  g_assert_cmpfloat (fabs (value - expected), <=, fabs (expected) * 1e-12);
  g_assert_cmpint (flags, ==, expected_flags);
}

static void
check_round_trip_within (const char *text, CakLang lang, double expected, double tolerance,
                         CakNumberFlags expected_flags)
{
  CakNumberFlags flags;
  double value;

  g_test_message ("round trip \"%s\"", text);
  g_assert_true (cak_number_parse (text, lang == CAK_LANG_ID ? ID : EN, &value, &flags));
  g_assert_cmpfloat (fabs (value - expected), <=, tolerance);
  g_assert_cmpint (flags, ==, expected_flags);
}

static void
test_round_trip (void)
{
  static const double values[] = {
    0,      1,      7,      12.5,    27.68,      950,   999,     1000,   1234,    12500,
    114377, 335340, 999999, 1.2e6,   1234567.89, 15e6,  41.38e6, 3.4e9,  6.25e12, -1234.5,
    -27.68, 0.5,    0.0123, 648.4e6, 146e9,      304e9, 1.5e15,  -3.4e9, 16800,   42e6,
  };

  for (gsize i = 0; i < G_N_ELEMENTS (values); i++)
    {
      for (CakLang lang = CAK_LANG_EN; lang <= CAK_LANG_ID; lang++)
        {
          g_autofree char *plain = cak_number_format (values[i], 4, lang);
          g_autofree char *whole = cak_number_format (round (values[i]), 0, lang);
          g_autofree char *percent = cak_number_format_percent (values[i], 4, lang);
          g_autofree char *shortened = cak_number_format_short (values[i], lang);
          g_autofree char *rupiah = cak_number_format_rupiah (values[i], lang);

          check_round_trip (plain, lang, round (values[i] * 1e4) / 1e4, NONE);
          check_round_trip (whole, lang, round (values[i]), NONE);
          check_round_trip (percent, lang, round (values[i] * 1e4) / 1e4, PCT);

          /* Short labels and rupiah words lose digits: three and four significant ones. */
          check_round_trip_within (shortened, lang, values[i], fabs (values[i]) * 0.005, NONE);
          /* Whole rupiah below a million; above, two decimals of the word, at most four digits. */
          check_round_trip_within (rupiah, lang, values[i], MAX (0.5, fabs (values[i]) * 0.005),
                                   RP);
        }
    }
}

static void
test_round_trip_exact (void)
{
  /* Texts from DOMAIN.md read and written back unchanged. */
  static const struct
  {
    const char *text;
    CakLang lang;
    int kind; /* 0 number (0 decimals), 2 number (2 decimals), 'p' percent, 'r' rupiah, 's' short */
  } cases[] = {
    { "1.234.567", CAK_LANG_ID, 0 },
    { "27,68", CAK_LANG_ID, 2 },
    { "27,68%", CAK_LANG_ID, 'p' },
    { "Rp1.234", CAK_LANG_ID, 'r' },
    { "Rp146 miliar", CAK_LANG_ID, 'r' },
    { "Rp6,25 triliun", CAK_LANG_ID, 'r' },
    { "Rp648,4 juta", CAK_LANG_ID, 'r' },
    { "1,234,567.89", CAK_LANG_EN, 2 },
    { "27.68%", CAK_LANG_EN, 'p' },
    { "IDR 146 billion", CAK_LANG_EN, 'r' },
    { "IDR 6.25 trillion", CAK_LANG_EN, 'r' },
    { "12,5 rb", CAK_LANG_ID, 's' },
    { "1,2 jt", CAK_LANG_ID, 's' },
    { "15 jt", CAK_LANG_ID, 's' },
    { "3,4 M", CAK_LANG_ID, 's' },
    { "6,25 T", CAK_LANG_ID, 's' },
    { "12.5K", CAK_LANG_EN, 's' },
    { "1.2M", CAK_LANG_EN, 's' },
    { "15M", CAK_LANG_EN, 's' },
    { "3.4B", CAK_LANG_EN, 's' },
    { "6.25T", CAK_LANG_EN, 's' },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CakNumberStyle style = cases[i].lang == CAK_LANG_ID ? ID : EN;
      g_autofree char *again = NULL;
      double value;

      g_assert_true (cak_number_parse (cases[i].text, style, &value, NULL));
      switch (cases[i].kind)
        {
          case 'p':
            again = cak_number_format_percent (value, 2, cases[i].lang);
            break;
          case 'r':
            again = cak_number_format_rupiah (value, cases[i].lang);
            break;
          case 's':
            again = cak_number_format_short (value, cases[i].lang);
            break;
          default:
            again = cak_number_format (value, cases[i].kind, cases[i].lang);
            break;
        }
      g_assert_cmpstr (again, ==, cases[i].text);
    }
}

static void
test_format_precondition (void)
{
  g_test_expect_message ("cak-number", G_LOG_LEVEL_CRITICAL, "*decimals*");
  g_assert_null (cak_number_format (1, -1, CAK_LANG_ID));
  g_test_assert_expected_messages ();

  g_test_expect_message ("cak-number", G_LOG_LEVEL_CRITICAL, "*decimals*");
  g_assert_null (cak_number_format_percent (1, 16, CAK_LANG_EN));
  g_test_assert_expected_messages ();
}

static void
set_locale_environment (const char *language, const char *lc_all, const char *lang)
{
  if (language != NULL)
    g_setenv ("LANGUAGE", language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  if (lc_all != NULL)
    g_setenv ("LC_ALL", lc_all, TRUE);
  else
    g_unsetenv ("LC_ALL");
  g_unsetenv ("LC_MESSAGES");
  if (lang != NULL)
    g_setenv ("LANG", lang, TRUE);
  else
    g_unsetenv ("LANG");
}

static void
test_lang_environment (void)
{
  static const struct
  {
    const char *language;
    const char *lc_all;
    const char *lang;
    CakLang expected;
  } cases[] = {
    { "id", NULL, NULL, CAK_LANG_ID },
    { "id_ID", NULL, NULL, CAK_LANG_ID },
    { "id_ID.UTF-8", NULL, NULL, CAK_LANG_ID },
    { "in", NULL, NULL, CAK_LANG_ID },
    { "id:en", NULL, "en_US.UTF-8", CAK_LANG_ID },
    { "en:id", NULL, NULL, CAK_LANG_EN },
    { "en_US", NULL, "id_ID.UTF-8", CAK_LANG_EN },
    { "ida", NULL, NULL, CAK_LANG_EN },
    { "C", NULL, NULL, CAK_LANG_EN },
    { "", "id_ID.UTF-8", NULL, CAK_LANG_ID }, /* an empty LANGUAGE is unset */
    { NULL, "id_ID.UTF-8", "en_US.UTF-8", CAK_LANG_ID },
    { NULL, NULL, "id_ID.UTF-8", CAK_LANG_ID },
    { NULL, NULL, "en_GB.UTF-8", CAK_LANG_EN },
    { NULL, NULL, "C.UTF-8", CAK_LANG_EN },
    { NULL, NULL, NULL, CAK_LANG_EN },
  };
  const char *saved_language = g_getenv ("LANGUAGE");
  const char *saved_lc_all = g_getenv ("LC_ALL");
  const char *saved_lang = g_getenv ("LANG");
  g_autofree char *language = g_strdup (saved_language);
  g_autofree char *lc_all = g_strdup (saved_lc_all);
  g_autofree char *lang = g_strdup (saved_lang);

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("LANGUAGE=%s LC_ALL=%s LANG=%s", cases[i].language, cases[i].lc_all,
                      cases[i].lang);
      set_locale_environment (cases[i].language, cases[i].lc_all, cases[i].lang);
      g_assert_cmpint (cak_lang_from_environment (), ==, cases[i].expected);
    }

  set_locale_environment (language, lc_all, lang);
}

static void
test_lang_name (void)
{
  static const struct
  {
    const char *name;
    CakLang expected;
  } cases[] = {
    { "id", CAK_LANG_ID },    { "id_ID", CAK_LANG_ID }, { "in", CAK_LANG_ID },
    { "ID", CAK_LANG_ID },    { "id-ID", CAK_LANG_ID }, { "id_ID.UTF-8", CAK_LANG_ID },
    { "in_ID", CAK_LANG_ID }, { "en", CAK_LANG_EN },    { "en_US", CAK_LANG_EN },
    { "", CAK_LANG_EN },      { "C", CAK_LANG_EN },     { "ind", CAK_LANG_EN },
    { "i", CAK_LANG_EN },     { "ms_MY", CAK_LANG_EN }, { "jv", CAK_LANG_EN },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (cak_lang_from_name (cases[i].name), ==, cases[i].expected);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/number/parse/plain", test_parse_plain);
  g_test_add_func ("/number/parse/indonesian", test_parse_indonesian);
  g_test_add_func ("/number/parse/english", test_parse_english);
  g_test_add_func ("/number/parse/ambiguous", test_parse_ambiguous);
  g_test_add_func ("/number/parse/percent", test_parse_percent);
  g_test_add_func ("/number/parse/rupiah", test_parse_rupiah);
  g_test_add_func ("/number/parse/scale", test_parse_scale);
  g_test_add_func ("/number/parse/reject", test_parse_reject);
  g_test_add_func ("/number/parse/limits", test_parse_limits);
  g_test_add_func ("/number/parse/precondition", test_parse_precondition);
  g_test_add_func ("/number/vote/cells", test_vote_cells);
  g_test_add_func ("/number/vote/column", test_vote_column);
  g_test_add_func ("/number/vote/units", test_vote_units);
  g_test_add_func ("/number/read/units", test_read_units);
  g_test_add_func ("/number/read/magnitude", test_read_magnitude);
  g_test_add_func ("/number/read/blank", test_read_blank);
  g_test_add_func ("/number/read/invalid", test_read_invalid);
  g_test_add_func ("/number/read/count", test_read_count);
  g_test_add_func ("/number/read/precondition", test_read_precondition);
  g_test_add_func ("/number/whole", test_is_whole);
  g_test_add_func ("/number/code", test_to_code);
  g_test_add_func ("/number/unit", test_read_unit);
  g_test_add_func ("/number/percent-form/range", test_percent_form_range);
  g_test_add_func ("/number/percent-form/ratio", test_percent_form_ratio);
  g_test_add_func ("/number/format/number", test_format_number);
  g_test_add_func ("/number/format/not-a-number", test_format_not_a_number);
  g_test_add_func ("/number/format/percent", test_format_percent);
  g_test_add_func ("/number/format/short", test_format_short);
  g_test_add_func ("/number/format/rupiah", test_format_rupiah);
  g_test_add_func ("/number/format/precondition", test_format_precondition);
  g_test_add_func ("/number/round-trip/values", test_round_trip);
  g_test_add_func ("/number/round-trip/texts", test_round_trip_exact);
  g_test_add_func ("/lang/environment", test_lang_environment);
  g_test_add_func ("/lang/name", test_lang_name);

  return g_test_run ();
}
