/* fuzz-harness.c: a libFuzzer harness for one target of cak-fuzz.c, named by CAK_FUZZ_TARGET
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "fuzz-harness"

#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "cak-fuzz.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);
const char *__asan_default_options (void);
const char *__ubsan_default_options (void);

static const CakFuzzTarget *target;

/* The sanitizers' defaults when run by hand as in the suite: undefined behaviour is a finding
 * (UBSan only prints by default), leaks are not (GLib keeps memory on purpose; CI's ASan build
 * does not check them either). */
const char *
__asan_default_options (void)
{
  return "detect_leaks=0";
}

const char *
__ubsan_default_options (void)
{
  return "halt_on_error=1:print_stacktrace=1";
}

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  /* Messages in English, whatever the machine's language. A warning or a critical (a failed
   * g_return_if_fail) is a finding, as it is in the regression test under GTest. */
  g_setenv ("LANGUAGE", "en", TRUE);
  g_log_set_always_fatal (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  target = cak_fuzz_target_find (CAK_FUZZ_TARGET);
  if (target == NULL)
    g_error ("No fuzz target named %s", CAK_FUZZ_TARGET);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  target->run (data, size);
  return 0;
}
