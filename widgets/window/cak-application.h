/* cak-application.h: the application: actions, settings, windows
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CAK_TYPE_APPLICATION (cak_application_get_type ())
G_DECLARE_FINAL_TYPE (CakApplication, cak_application, CAK, APPLICATION, AdwApplication)

CakApplication *cak_application_new (void);
GSettings *cak_application_get_settings (CakApplication *self);
char *cak_application_find_sample (void);

G_END_DECLS
