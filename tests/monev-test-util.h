/* monev-test-util.h: a monev as a province records it, for the tests of the report and slides
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <math.h>

#include "cak-monev.h"

static inline const CakRegion *
mtu_region (const char *code)
{
  const CakRegion *r = cak_region_catalog_lookup_code (cak_region_catalog_get_default (), code);

  g_assert_nonnull (r);
  return r;
}

/* Two meetings; at the last, @n_actions actions for Jawa Timur's regencies in every status
 * (one with a long text), one before it, one in Jakarta; the Inpres checklist of Kabupaten
 * Blitar, Banyuwangi and Jember. In memory: no target, so the dataset is left as it is. */
static inline void
mtu_fill_monev (CakMonev *monev, guint n_actions)
{
  static const char *const codes[] = { "35.05", "35.10", "35.09", "35.78", "35.22", "35.16" };
  static const char *const what[] = {
    "Sosialisasi BPU ke 12 desa",
    "Surat edaran bupati untuk pekerja rentan",
    "Pendataan perangkat desa yang belum terdaftar",
    "Perjanjian kerja sama dengan BPJS Ketenagakerjaan cabang tentang pendaftaran pekerja "
    "informal di pasar tradisional dan terminal",
    "Alokasi APBD perubahan untuk 2.000 nelayan",
    "Integrasi data pekerja jasa konstruksi",
  };
  static const char *const offices[]
      = { "Disnaker", "Bagian Hukum", "DPMD", "Bappeda", "BPKAD", "Dinas PU" };
  CakMeeting before = { 0,
                        (char *)"2026-01-20",
                        (char *)"Rakor monev semester I",
                        CAK_PERIOD_INIT_NONE,
                        CAK_PERIOD_INIT_NONE,
                        NULL };
  CakMeeting last = { 0,
                      (char *)"2026-06-15",
                      (char *)"Rakor monev semester II",
                      CAK_PERIOD_INIT_NONE,
                      CAK_PERIOD_INIT_NONE,
                      NULL };
  CakChecklist blitar = { 0 }, banyuwangi = { 0 }, jember = { 0 };
  g_autoptr (GError) error = NULL;
  gint64 before_id, last_id;

  before.period = cak_period_month (2024, 6);
  last.period = cak_period_month (2024, 12);
  last.compare = cak_period_month (2024, 6);
  before_id = cak_monev_add_meeting (monev, &before, &error);
  g_assert_no_error (error);
  last_id = cak_monev_add_meeting (monev, &last, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n_actions; i++)
    {
      CakAction a = { 0 };

      a.region = mtu_region (codes[i % G_N_ELEMENTS (codes)]);
      a.action = (char *)what[i % G_N_ELEMENTS (what)];
      a.office = (char *)offices[i % G_N_ELEMENTS (offices)];
      a.due = (char *)(i % 3 == 0 ? "2026-03-31" : i % 3 == 1 ? "2026-09-30" : NULL);
      a.status = i % CAK_N_ACTION_STATUSES;
      a.meeting_id = last_id;
      a.note = (char *)(i % 2 ? "Draf di Bagian Hukum" : NULL);
      g_assert_cmpint (cak_monev_add_action (monev, &a, &error), >, 0);
      g_assert_no_error (error);
    }
  {
    CakAction earlier = { 0 };
    CakAction jakarta = { 0 };

    earlier.region = mtu_region ("35.05");
    earlier.action = (char *)"Rapat dengan camat";
    earlier.status = CAK_ACTION_DONE;
    earlier.meeting_id = before_id;
    g_assert_cmpint (cak_monev_add_action (monev, &earlier, &error), >, 0);
    jakarta.region = mtu_region ("31.71");
    jakarta.action = (char *)"Pendataan PPSU";
    jakarta.status = CAK_ACTION_PLANNED;
    jakarta.meeting_id = last_id;
    g_assert_cmpint (cak_monev_add_action (monev, &jakarta, &error), >, 0);
  }

  blitar.region = mtu_region ("35.05");
  blitar.regulation = TRUE;
  blitar.regulation_ref = (char *)"Perbup 25/2021";
  blitar.regulation_date = (char *)"2021-06-30";
  blitar.non_asn = TRUE;
  blitar.apbd_rupiah = blitar.apbd_workers = blitar.village_workers = blitar.villages = NAN;
  g_assert_true (cak_monev_set_checklist (monev, &blitar, &error));
  banyuwangi.region = mtu_region ("35.10");
  banyuwangi.regulation = TRUE;
  banyuwangi.regulation_ref = (char *)"Perbup 7/2022";
  banyuwangi.apbd = TRUE;
  banyuwangi.apbd_rupiah = 1008000000;
  banyuwangi.apbd_workers = 5000;
  banyuwangi.village_workers = banyuwangi.villages = NAN;
  banyuwangi.notes = (char *)"5.000 nelayan";
  g_assert_true (cak_monev_set_checklist (monev, &banyuwangi, &error));
  jember.region = mtu_region ("35.09");
  jember.village_funds = TRUE;
  jember.village_workers = 12000;
  jember.villages = 226;
  jember.village_officials = TRUE;
  jember.apbd_rupiah = jember.apbd_workers = NAN;
  g_assert_true (cak_monev_set_checklist (monev, &jember, &error));
  g_assert_no_error (error);
}

static inline CakMonev *
mtu_sample_monev (CakDataset *dataset, guint n_actions)
{
  CakMonev *monev = cak_monev_new (dataset);

  mtu_fill_monev (monev, n_actions);
  return monev;
}
