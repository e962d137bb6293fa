/* test-period.c: months, quarters, semesters and years
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-period"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cak-period.h"

#define M CAK_PERIOD_MONTH
#define Q CAK_PERIOD_QUARTER
#define S CAK_PERIOD_SEMESTER
#define Y CAK_PERIOD_YEAR

typedef struct
{
  const char *text;
  guint year;
  CakPeriodKind kind;
  guint index;
} ParseCase;

static void
check_parse_cases (const ParseCase *cases, gsize n_cases)
{
  for (gsize i = 0; i < n_cases; i++)
    {
      CakPeriod period = { 1, 1, 1 };

      g_test_message ("parse \"%s\"", cases[i].text);
      g_assert_true (cak_period_parse (cases[i].text, &period));
      g_assert_cmpuint (period.year, ==, cases[i].year);
      g_assert_cmpuint (period.kind, ==, cases[i].kind);
      g_assert_cmpuint (period.index, ==, cases[i].index);
      g_assert_true (cak_period_is_valid (period));
    }
}

static void
test_parse_iso (void)
{
  static const ParseCase cases[] = {
    { "2023-12", 2023, M, 12 }, { "2023-01", 2023, M, 1 },  { "2023-1", 2023, M, 1 },
    { "2023-Q4", 2023, Q, 4 },  { "2023-q1", 2023, Q, 1 },  { "2023-S1", 2023, S, 1 },
    { "2023-S2", 2023, S, 2 },  { "2023-H1", 2023, S, 1 },  { "2023", 2023, Y, 0 },
    { "1990", 1990, Y, 0 },     { "2100", 2100, Y, 0 },     { "2023/12", 2023, M, 12 },
    { "2023.12", 2023, M, 12 }, { "12/2023", 2023, M, 12 }, { "12-2023", 2023, M, 12 },
    { "1/2024", 2024, M, 1 },   { "01/2024", 2024, M, 1 },  { "2023 Q4", 2023, Q, 4 },
    { "2023Q4", 2023, Q, 4 },   { "2023 S1", 2023, S, 1 },  { " 2023-12 ", 2023, M, 12 },
  };

  check_parse_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_parse_months (void)
{
  static const ParseCase cases[] = {
    /* DOMAIN.md */
    { "Desember 2023", 2023, M, 12 },
    /* A day stands for its month: date cells and "posisi 31 Desember 2023". */
    { "31-12-2023", 2023, M, 12 },
    { "31/12/2023", 2023, M, 12 },
    { "2023-12-31", 2023, M, 12 },
    { "2023-12-01T00:00:00", 2023, M, 12 },
    { "31 Desember 2023", 2023, M, 12 },
    { "Posisi 31 Desember 2023", 2023, M, 12 },
    { "Des 2023", 2023, M, 12 },
    { "posisi Desember 2023", 2023, M, 12 },
    /* Every Indonesian name, full and short. */
    { "Januari 2024", 2024, M, 1 },
    { "Februari 2024", 2024, M, 2 },
    { "Maret 2024", 2024, M, 3 },
    { "April 2024", 2024, M, 4 },
    { "Mei 2024", 2024, M, 5 },
    { "Juni 2024", 2024, M, 6 },
    { "Juli 2024", 2024, M, 7 },
    { "Agustus 2024", 2024, M, 8 },
    { "September 2024", 2024, M, 9 },
    { "Oktober 2024", 2024, M, 10 },
    { "November 2024", 2024, M, 11 },
    { "Desember 2024", 2024, M, 12 },
    { "Jan 2024", 2024, M, 1 },
    { "Feb 2024", 2024, M, 2 },
    { "Mar 2024", 2024, M, 3 },
    { "Apr 2024", 2024, M, 4 },
    { "Jun 2024", 2024, M, 6 },
    { "Jul 2024", 2024, M, 7 },
    { "Agu 2024", 2024, M, 8 },
    { "Agt 2024", 2024, M, 8 },
    { "Ags 2024", 2024, M, 8 },
    { "Sep 2024", 2024, M, 9 },
    { "Okt 2024", 2024, M, 10 },
    { "Nov 2024", 2024, M, 11 },
    { "Pebruari 2024", 2024, M, 2 },
    { "Nopember 2024", 2024, M, 11 },
    /* English */
    { "January 2022", 2022, M, 1 },
    { "February 2022", 2022, M, 2 },
    { "March 2022", 2022, M, 3 },
    { "May 2022", 2022, M, 5 },
    { "June 2022", 2022, M, 6 },
    { "July 2022", 2022, M, 7 },
    { "August 2022", 2022, M, 8 },
    { "October 2022", 2022, M, 10 },
    { "December 2022", 2022, M, 12 },
    { "Aug 2022", 2022, M, 8 },
    { "Oct 2022", 2022, M, 10 },
    { "Dec 2023", 2023, M, 12 },
    { "Sept 2022", 2022, M, 9 },
    /* Case, punctuation and spacing */
    { "DES-2023", 2023, M, 12 },
    { "DESEMBER 2023", 2023, M, 12 },
    { "desember 2023", 2023, M, 12 },
    { "Des. 2023", 2023, M, 12 },
    { "Des/2023", 2023, M, 12 },
    { "Desember, 2023", 2023, M, 12 },
    { "Des2023", 2023, M, 12 },
    { "  Desember    2023  ", 2023, M, 12 },
    { "Desember\u00a02023", 2023, M, 12 },
    { "\tDesember\n2023", 2023, M, 12 },
    /* Noise before the period */
    { "Posisi Desember 2023", 2023, M, 12 },
    { "POSISI DESEMBER 2023", 2023, M, 12 },
    { "posisi: Des 2023", 2023, M, 12 },
    { "Periode Desember 2023", 2023, M, 12 },
    { "Periode: 2023-12", 2023, M, 12 },
    { "Bulan Desember 2023", 2023, M, 12 },
    { "Bulan Desember Tahun 2023", 2023, M, 12 },
    { "per Desember 2023", 2023, M, 12 },
    { "s.d. Desember 2023", 2023, M, 12 },
    { "s/d Desember 2023", 2023, M, 12 },
    { "sd Desember 2023", 2023, M, 12 },
    { "sampai dengan Desember 2023", 2023, M, 12 },
    { "Posisi s.d. Desember 2023", 2023, M, 12 },
    { "posisi per 12/2023", 2023, M, 12 },
  };

  check_parse_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_parse_quarters (void)
{
  static const ParseCase cases[] = {
    { "TW IV 2023", 2023, Q, 4 },
    { "Triwulan IV 2023", 2023, Q, 4 },
    { "TW 4 2023", 2023, Q, 4 },
    { "TW4 2023", 2023, Q, 4 },
    { "TW I 2023", 2023, Q, 1 },
    { "TW II 2023", 2023, Q, 2 },
    { "TW III 2023", 2023, Q, 3 },
    { "tw iv 2023", 2023, Q, 4 },
    { "TW-IV/2023", 2023, Q, 4 },
    { "Triwulan 4 Tahun 2023", 2023, Q, 4 },
    { "Triwulan ke-4 2023", 2023, Q, 4 },
    { "Triwulan ke-4 Tahun 2023", 2023, Q, 4 },
    { "Triwulan III 2022", 2022, Q, 3 },
    { "Kuartal II 2022", 2022, Q, 2 },
    { "Q4 2023", 2023, Q, 4 },
    { "q1 2023", 2023, Q, 1 },
    { "Q4-2023", 2023, Q, 4 },
    { "2023 Q4", 2023, Q, 4 },
    { "Quarter 3 2023", 2023, Q, 3 },
    { "Posisi TW IV 2023", 2023, Q, 4 },
    { "s.d. Triwulan III 2023", 2023, Q, 3 },
    { "periode: Q2 2021", 2021, Q, 2 },
  };

  check_parse_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_parse_semesters (void)
{
  static const ParseCase cases[] = {
    { "Semester I 2024", 2024, S, 1 },
    { "Semester II 2024", 2024, S, 2 },
    { "Semester 1 2024", 2024, S, 1 },
    { "Semester I Tahun 2024", 2024, S, 1 },
    { "Semester ke-2 2024", 2024, S, 2 },
    { "SEMESTER II 2023", 2023, S, 2 },
    { "Smt II 2024", 2024, S, 2 },
    { "Sem I 2024", 2024, S, 1 },
    { "S1 2024", 2024, S, 1 },
    { "S2 2024", 2024, S, 2 },
    { "H1 2024", 2024, S, 1 },
    { "H2 2024", 2024, S, 2 },
    { "s.d. Semester I 2024", 2024, S, 1 },
    { "s.d. S1 2024", 2024, S, 1 },
  };

  check_parse_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_parse_years (void)
{
  static const ParseCase cases[] = {
    { "2023", 2023, Y, 0 },        { "Tahun 2023", 2023, Y, 0 },   { "TAHUN 2023", 2023, Y, 0 },
    { "tahun: 2023", 2023, Y, 0 }, { "Periode 2023", 2023, Y, 0 }, { "s.d. 2023", 2023, Y, 0 },
    { " 2022 ", 2022, Y, 0 },
  };

  check_parse_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_parse_reject (void)
{
  static const char *const cases[] = {
    "",
    "   ",
    "Desember",
    "Des",
    "TW IV",
    "Tahun",
    "posisi",
    "s.d.",
    "1989",
    "2101",
    "0000",
    "23",
    "20231",
    "Desember 23",
    "Desember 1989",
    "Desember 2101",
    "2023-13",
    "2023-00",
    "13/2023",
    "0/2023",
    "2023-123",
    "123/2023",
    "2023 12",
    "12 2023",
    "32/12/2023",
    "2023-12-32",
    "2023-2024",
    "2022/2023",
    "TW V 2023",
    "TW 0 2023",
    "TW 5 2023",
    "Q5 2023",
    "Q0 2023",
    "2023-Q5",
    "Semester III 2024",
    "S3 2024",
    "H3 2024",
    "2023-S3",
    "Triwulan IIII 2023",
    "Triwulan 12 2023",
    "Dezember 2023",
    "Decembre 2023",
    "Desember 2023 revisi",
    "Desember 2023 s.d.",
    "2023 Desember",
    "Januari-Desember 2023",
    "Januari s.d. Desember 2023",
    "Desember 2023 - Januari 2024",
    "DATA PESERTA KAB BLITAR 2023 HAL 3",
    "Data Peserta 2023",
    "Jumlah 2023",
    "KAB. BLITAR",
    "JUMLAH",
    "Rp 2023",
    "2023%",
    "(2023)",
    "'2023",
    "2023*",
    "Desember 2023 (revisi)",
    "Des\u201923",
    "Tahun Tahun",
    "Triwulan Tahun 2023",
    "s d",
    "sampai Desember 2023",
    "TW IV 2023 2024",
    "1.234",
    "27,68",
    "\xff\xfe",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CakPeriod period = { 1, 1, 1 };

      g_autofree char *shown = g_utf8_make_valid (cases[i], -1);

      g_test_message ("reject \"%s\"", shown);
      g_assert_false (cak_period_parse (cases[i], &period));
      g_assert_cmpuint (period.kind, ==, CAK_PERIOD_NONE);
      g_assert_cmpuint (cak_period_to_key (period), ==, 0);
    }

  /* The out argument is optional. */
  g_assert_true (cak_period_parse ("2023-12", NULL));
  g_assert_false (cak_period_parse ("2023-13", NULL));
}

static void
test_find_in_text (void)
{
  const struct
  {
    const char *text;
    const char *iso; /* NULL: no period */
  } cases[] = {
    { "REKAPITULASI KEPESERTAAN POSISI DESEMBER 2023", "2023-12" },
    { "Data BPJS Posisi Per 31 Desember 2023", "2023-12" },
    { "REKAPITULASI KEPESERTAAN BPJS KETENAGAKERJAAN (TW IV 2023)", "2023-Q4" },
    { "Keadaan Agustus 2023", "2023-08" },
    { "TW IV 2023", "2023-Q4" },
    { "Des 2023", "2023-12" },
    { "Jumlah Tahun 2023", "2023" },
    { "Lampiran Semester I 2024 (angka sementara)", "2024-S1" },
    { "Desember 2023 dan Desember 2023", "2023-12" },
    /* Years alone say too little; two periods say too much. */
    { "RENCANA KERJA 2024-2026", NULL },
    /* A regulation's number and year are no period. */
    { "MONEV INPRES 2/2021 - DESEMBER 2023", "2023-12" },
    { "Pelaksanaan Inpres No. 2 Tahun 2021 posisi Juni 2024", "2024-06" },
    { "Perbup Nomor 25 Tahun 2021", NULL },
    { "MONEV PELAKSANAAN INPRES 2/2021", NULL },
    { "DATA PESERTA KAB BLITAR 2023", NULL },
    { "Desember 2023 s.d. Januari 2024", NULL },
    { "Sheet1", NULL },
    { "", NULL },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CakPeriod period;
      gboolean found = cak_period_find_in_text (cases[i].text, &period);

      g_test_message ("find in \"%s\"", cases[i].text);
      g_assert_cmpint (found, ==, cases[i].iso != NULL);
      if (found)
        {
          g_autofree char *iso = cak_period_to_iso (period);

          g_assert_cmpstr (iso, ==, cases[i].iso);
        }
    }
}

static void
test_parse_precondition (void)
{
  CakPeriod period;

  g_test_expect_message ("cak-period", G_LOG_LEVEL_CRITICAL, "*text != NULL*");
  g_assert_false (cak_period_parse (NULL, &period));
  g_test_assert_expected_messages ();
  g_assert_cmpuint (period.kind, ==, CAK_PERIOD_NONE);
}

typedef struct
{
  CakPeriod period;
  const char *iso;
  const char *id;
  const char *en;
} FormatCase;

static void
test_format (void)
{
  static const FormatCase cases[] = {
    { { 2023, M, 12 }, "2023-12", "Desember 2023", "December 2023" },
    { { 2024, M, 1 }, "2024-01", "Januari 2024", "January 2024" },
    { { 2024, M, 5 }, "2024-05", "Mei 2024", "May 2024" },
    { { 2022, M, 8 }, "2022-08", "Agustus 2022", "August 2022" },
    { { 2023, Q, 4 }, "2023-Q4", "Triwulan IV 2023", "Q4 2023" },
    { { 2023, Q, 1 }, "2023-Q1", "Triwulan I 2023", "Q1 2023" },
    { { 2023, Q, 3 }, "2023-Q3", "Triwulan III 2023", "Q3 2023" },
    { { 2024, S, 1 }, "2024-S1", "Semester I 2024", "H1 2024" },
    { { 2024, S, 2 }, "2024-S2", "Semester II 2024", "H2 2024" },
    { { 2023, Y, 0 }, "2023", "2023", "2023" },
    { { 1990, Y, 0 }, "1990", "1990", "1990" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *iso = cak_period_to_iso (cases[i].period);
      g_autofree char *id = cak_period_format (cases[i].period, CAK_LANG_ID);
      g_autofree char *en = cak_period_format (cases[i].period, CAK_LANG_EN);

      g_assert_cmpstr (iso, ==, cases[i].iso);
      g_assert_cmpstr (id, ==, cases[i].id);
      g_assert_cmpstr (en, ==, cases[i].en);
    }
}

static void
test_format_precondition (void)
{
  CakPeriod bad_month = { 2023, M, 13 };

  g_test_expect_message ("cak-period", G_LOG_LEVEL_CRITICAL, "*cak_period_is_valid*");
  g_assert_null (cak_period_to_iso (CAK_PERIOD_INIT_NONE));
  g_test_assert_expected_messages ();

  g_test_expect_message ("cak-period", G_LOG_LEVEL_CRITICAL, "*cak_period_is_valid*");
  g_assert_null (cak_period_format (bad_month, CAK_LANG_ID));
  g_test_assert_expected_messages ();
}

/* Calls @func with every valid period of the years from @first to @last. */
static void
foreach_period (guint first, guint last, void (*func) (CakPeriod period, gpointer data),
                gpointer data)
{
  for (guint year = first; year <= last; year++)
    {
      func (cak_period_year (year), data);
      for (guint8 i = 1; i <= 2; i++)
        func ((CakPeriod){ year, S, i }, data);
      for (guint8 i = 1; i <= 4; i++)
        func ((CakPeriod){ year, Q, i }, data);
      for (guint i = 1; i <= 12; i++)
        func (cak_period_month (year, i), data);
    }
}

static void
check_text_round_trip (CakPeriod period, gpointer data)
{
  g_autofree char *iso = cak_period_to_iso (period);
  g_autofree char *id = cak_period_format (period, CAK_LANG_ID);
  g_autofree char *en = cak_period_format (period, CAK_LANG_EN);
  g_autofree char *posisi = g_strdup_printf ("Posisi %s", id);
  const char *const texts[] = { iso, id, en, posisi };
  guint *count = data;

  g_assert_true (cak_period_is_valid (period));
  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      CakPeriod again;

      g_assert_true (cak_period_parse (texts[i], &again));
      g_assert_true (cak_period_equal (again, period));
      g_assert_cmpint (cak_period_compare (again, period), ==, 0);
    }
  (*count)++;
}

static void
test_round_trip_text (void)
{
  guint count = 0;

  foreach_period (1990, 2100, check_text_round_trip, &count);
  g_assert_cmpuint (count, ==, 111 * 19);
}

static void
check_key_round_trip (CakPeriod period, gpointer data)
{
  GHashTable *seen = data;
  guint32 key = cak_period_to_key (period);
  CakPeriod again = cak_period_from_key (key);

  g_assert_cmpuint (key, !=, 0);
  g_assert_cmpuint (again.year, ==, period.year);
  g_assert_cmpuint (again.kind, ==, period.kind);
  g_assert_cmpuint (again.index, ==, period.index);
  g_assert_false (g_hash_table_contains (seen, GUINT_TO_POINTER (key)));
  g_hash_table_add (seen, GUINT_TO_POINTER (key));
}

static void
test_round_trip_key (void)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (NULL, NULL);
  static const CakPeriod invalid[] = {
    { 0, CAK_PERIOD_NONE, 0 },
    { 2023, CAK_PERIOD_NONE, 0 },
    { 2023, M, 0 },
    { 2023, M, 13 },
    { 2023, Q, 5 },
    { 2023, S, 3 },
    { 2023, Y, 1 },
    { 1989, Y, 0 },
    { 2101, M, 1 },
    { 2023, 7, 1 },
    { 0, M, 1 },
  };

  foreach_period (1990, 2100, check_key_round_trip, seen);
  g_assert_cmpuint (g_hash_table_size (seen), ==, 111 * 19);

  g_assert_cmpuint (cak_period_to_key (CAK_PERIOD_INIT_NONE), ==, 0);
  g_assert_cmpuint (cak_period_from_key (0).kind, ==, CAK_PERIOD_NONE);
  g_assert_true (cak_period_equal (cak_period_from_key (0), CAK_PERIOD_INIT_NONE));

  for (gsize i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_assert_false (cak_period_is_valid (invalid[i]));
      g_assert_cmpuint (cak_period_to_key (invalid[i]), ==, 0);
      g_assert_true (cak_period_equal (invalid[i], CAK_PERIOD_INIT_NONE));
    }

  /* Keys no period gives read as none. */
  g_assert_cmpuint (cak_period_from_key (0xffffffff).kind, ==, CAK_PERIOD_NONE);
  g_assert_cmpuint (cak_period_from_key ((2023u << 16) | (M << 8) | 13).kind, ==, CAK_PERIOD_NONE);
  g_assert_cmpuint (cak_period_from_key ((2023u << 16) | (9 << 8) | 1).kind, ==, CAK_PERIOD_NONE);
  g_assert_cmpuint (cak_period_from_key (12).kind, ==, CAK_PERIOD_NONE);
}

static void
test_months (void)
{
  static const struct
  {
    CakPeriod period;
    guint first;
    guint last;
  } cases[] = {
    { { 2023, M, 1 }, 2023 * 12, 2023 * 12 },
    { { 2023, M, 12 }, 2023 * 12 + 11, 2023 * 12 + 11 },
    { { 2023, Q, 1 }, 2023 * 12, 2023 * 12 + 2 },
    { { 2023, Q, 4 }, 2023 * 12 + 9, 2023 * 12 + 11 },
    { { 2024, S, 1 }, 2024 * 12, 2024 * 12 + 5 },
    { { 2024, S, 2 }, 2024 * 12 + 6, 2024 * 12 + 11 },
    { { 2023, Y, 0 }, 2023 * 12, 2023 * 12 + 11 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_cmpuint (cak_period_first_month (cases[i].period), ==, cases[i].first);
      g_assert_cmpuint (cak_period_last_month (cases[i].period), ==, cases[i].last);
    }

  /* December and the next January are one month apart. */
  g_assert_cmpuint (cak_period_first_month (cak_period_month (2024, 1))
                        - cak_period_last_month (cak_period_month (2023, 12)),
                    ==, 1);

  g_test_expect_message ("cak-period", G_LOG_LEVEL_CRITICAL, "*cak_period_is_valid*");
  g_assert_cmpuint (cak_period_first_month (CAK_PERIOD_INIT_NONE), ==, 0);
  g_test_assert_expected_messages ();
}

static int
compare_cb (const void *a, const void *b)
{
  return cak_period_compare (*(const CakPeriod *)a, *(const CakPeriod *)b);
}

static void
test_compare (void)
{
  /* In order: none first, then by last month, and at the same last month the shorter first. */
  static const CakPeriod sorted[] = {
    { 0, CAK_PERIOD_NONE, 0 },
    { 2022, Y, 0 },
    { 2023, M, 1 },
    { 2023, Q, 1 },
    { 2023, M, 4 },
    { 2023, M, 6 },
    { 2023, Q, 2 },
    { 2023, S, 1 },
    { 2023, M, 11 },
    { 2023, M, 12 },
    { 2023, Q, 4 },
    { 2023, S, 2 },
    { 2023, Y, 0 },
    { 2024, M, 1 },
    { 2100, Y, 0 },
  };
  CakPeriod shuffled[G_N_ELEMENTS (sorted)];
  GRand *rand = g_rand_new_with_seed (2023);

  for (gsize i = 0; i < G_N_ELEMENTS (sorted); i++)
    for (gsize j = 0; j < G_N_ELEMENTS (sorted); j++)
      {
        int expected = i < j ? -1 : i > j ? 1 : 0;
        int got = cak_period_compare (sorted[i], sorted[j]);

        g_assert_cmpint ((got > 0) - (got < 0), ==, expected);
        g_assert_cmpint (cak_period_equal (sorted[i], sorted[j]), ==, i == j);
      }

  for (int round = 0; round < 20; round++)
    {
      memcpy (shuffled, sorted, sizeof sorted);
      for (gsize i = G_N_ELEMENTS (shuffled) - 1; i > 0; i--)
        {
          gsize j = g_rand_int_range (rand, 0, i + 1);
          CakPeriod tmp = shuffled[i];

          shuffled[i] = shuffled[j];
          shuffled[j] = tmp;
        }
      qsort (shuffled, G_N_ELEMENTS (shuffled), sizeof (CakPeriod), compare_cb);
      for (gsize i = 0; i < G_N_ELEMENTS (sorted); i++)
        g_assert_true (cak_period_equal (shuffled[i], sorted[i]));
    }

  g_rand_free (rand);
}

static void
test_constructors (void)
{
  CakPeriod period = cak_period_month (2023, 12);

  g_assert_cmpuint (period.year, ==, 2023);
  g_assert_cmpuint (period.kind, ==, M);
  g_assert_cmpuint (period.index, ==, 12);

  period = cak_period_year (2023);
  g_assert_cmpuint (period.kind, ==, Y);
  g_assert_cmpuint (period.index, ==, 0);

  g_test_expect_message ("cak-period", G_LOG_LEVEL_CRITICAL, "*month >= 1*");
  period = cak_period_month (2023, 13);
  g_test_assert_expected_messages ();
  g_assert_cmpuint (period.kind, ==, CAK_PERIOD_NONE);

  g_test_expect_message ("cak-period", G_LOG_LEVEL_CRITICAL, "*year >= MIN_YEAR*");
  period = cak_period_year (1900);
  g_test_assert_expected_messages ();
  g_assert_false (cak_period_is_valid (period));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/period/parse/iso", test_parse_iso);
  g_test_add_func ("/period/parse/months", test_parse_months);
  g_test_add_func ("/period/parse/quarters", test_parse_quarters);
  g_test_add_func ("/period/parse/semesters", test_parse_semesters);
  g_test_add_func ("/period/parse/years", test_parse_years);
  g_test_add_func ("/period/parse/reject", test_parse_reject);
  g_test_add_func ("/period/parse/precondition", test_parse_precondition);
  g_test_add_func ("/period/find-in-text", test_find_in_text);
  g_test_add_func ("/period/format/text", test_format);
  g_test_add_func ("/period/format/precondition", test_format_precondition);
  g_test_add_func ("/period/round-trip/text", test_round_trip_text);
  g_test_add_func ("/period/round-trip/key", test_round_trip_key);
  g_test_add_func ("/period/months", test_months);
  g_test_add_func ("/period/compare", test_compare);
  g_test_add_func ("/period/constructors", test_constructors);

  return g_test_run ();
}
