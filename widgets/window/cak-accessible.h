/* cak-accessible.h: names a screen reader can say, for controls GTK 4.8 leaves unnamed
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void cak_accessible_init (void);
void cak_accessible_name (GtkWidget *widget, const char *name);
void cak_accessible_name_drop_down (GtkDropDown *drop_down, const char *title);
void cak_accessible_name_search_button (GtkWindow *window, const char *name);
void cak_accessible_mend_shortcuts_window (GtkWindow *window);
void cak_accessible_single_tab_stop (GtkWidget *widget);
void cak_accessible_announce (GtkWidget *widget, const char *text);
void cak_accessible_close_on_escape (GtkWindow *window);

G_END_DECLS
