/* cak-application.c: the application: actions, settings, windows
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cak-application"

#include "config.h"

#include <glib/gi18n.h>

#include "cak-accessible.h"
#include "cak-application.h"
#include "cak-window.h"

struct _CakApplication
{
  AdwApplication parent_instance;

  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (CakApplication, cak_application, ADW_TYPE_APPLICATION)

static const char *const sample_name = "jatim-ilustratif-2022-2024.csv";

/* Run from the build tree the schema is not installed: use the one compiled in the build
 * tree, and go without settings when there is none, rather than abort. */
static GSettings *
create_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;
  g_autoptr (GSettingsSchemaSource) build_source = NULL;

  if (source)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL)
    {
      build_source
          = g_settings_schema_source_new_from_directory (BUILD_SCHEMA_DIR, source, FALSE, NULL);
      if (build_source)
        schema = g_settings_schema_source_lookup (build_source, APPLICATION_ID, FALSE);
    }
  if (schema == NULL)
    {
      g_warning ("The settings schema %s is not installed; settings will not be kept",
                 APPLICATION_ID);
      return NULL;
    }
  return g_settings_new_full (schema, NULL, NULL);
}

static CakWindow *
get_or_create_window (CakApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (cak_window_new (self));
  return CAK_WINDOW (window);
}

static void
about_activated_cb (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  CakApplication *self = user_data;
  const char *developers[] = { "The Cakupan authors", NULL };
  GtkWindow *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW, "transient-for",
                        gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-name", _ ("Cakupan"), "application-icon", APPLICATION_ID,
                        "developer-name", _ ("The Cakupan authors"), "version", PACKAGE_VERSION,
                        "comments",
                        _ ("Coverage of the workforce by BPJS Ketenagakerjaan, regency "
                           "by regency, for monitoring and evaluation meetings."),
                        "license-type", GTK_LICENSE_GPL_3_0, "developers", developers,
                        /* Translators: put your names here, one per line */
                        "translator-credits", _ ("translator-credits"), NULL);
  adw_about_window_add_legal_section (
      ADW_ABOUT_WINDOW (about), _ ("Region list"),
      _ ("Provinces, regencies and cities with their Kemendagri codes from the idn-area-data "
         "project by Fityan, made available under the Open Database License (ODbL) 1.0."),
      GTK_LICENSE_CUSTOM, NULL);
  adw_about_window_add_legal_section (
      ADW_ABOUT_WINDOW (about), _ ("BPS codes"),
      _ ("BPS codes of provinces and regencies: OCHA COD-AB (BPS), via the Indonesia "
         "administrative boundaries tabular data, made available under the Creative Commons "
         "Attribution 3.0 IGO licence (CC BY 3.0 IGO)."),
      GTK_LICENSE_CUSTOM, NULL);
  adw_about_window_add_legal_section (
      ADW_ABOUT_WINDOW (about), _ ("Map boundaries"),
      _ ("Boundaries: geoBoundaries / OCHA COD-AB (BPS), CC BY 3.0 IGO. Outlines of regencies and "
         "cities from geoBoundaries (gbOpen IDN ADM2), from HDX/OCHA COD-AB Indonesia (Badan "
         "Pusat Statistik, World Food Programme, OCHA ROAP), made available under the Creative "
         "Commons Attribution 3.0 IGO licence (CC BY 3.0 IGO)."),
      GTK_LICENSE_CUSTOM, NULL);
  gtk_window_present (about);
}

static void
quit_activated_cb (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (user_data));

  for (GList *l = windows; l; l = l->next)
    gtk_window_close (l->data);
}

static void
preferences_activated_cb (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  CakApplication *self = user_data;

  cak_window_show_preferences (get_or_create_window (self));
}

static const GActionEntry app_actions[] = {
  { "about", about_activated_cb },
  { "preferences", preferences_activated_cb },
  { "quit", quit_activated_cb },
};

static void
color_scheme_changed_cb (GSettings *settings, const char *key, gpointer user_data)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  g_autofree char *scheme = g_settings_get_string (settings, "color-scheme");

  if (g_strcmp0 (scheme, "light") == 0)
    adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  else if (g_strcmp0 (scheme, "dark") == 0)
    adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  else
    adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
}

static void
cak_application_startup (GApplication *app)
{
  CakApplication *self = CAK_APPLICATION (app);
  const char *quit_accels[] = { "<Control>q", NULL };
  const char *prefs_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (cak_application_parent_class)->startup (app);
  cak_accessible_init ();

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions),
                                   self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", prefs_accels);

  self->settings = create_settings ();
  if (self->settings)
    {
      g_signal_connect_object (self->settings, "changed::color-scheme",
                               G_CALLBACK (color_scheme_changed_cb), self, 0);
      color_scheme_changed_cb (self->settings, "color-scheme", self);
    }
}

static void
cak_application_activate (GApplication *app)
{
  gtk_window_present (GTK_WINDOW (get_or_create_window (CAK_APPLICATION (app))));
}

static void
cak_application_open (GApplication *app, GFile **files, int n_files, const char *hint)
{
  CakWindow *window = get_or_create_window (CAK_APPLICATION (app));

  cak_window_open_files (window, files, n_files, FALSE);
  gtk_window_present (GTK_WINDOW (window));
}

static void
cak_application_dispose (GObject *object)
{
  CakApplication *self = CAK_APPLICATION (object);

  g_clear_object (&self->settings);
  G_OBJECT_CLASS (cak_application_parent_class)->dispose (object);
}

static void
cak_application_class_init (CakApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = cak_application_dispose;
  app_class->startup = cak_application_startup;
  app_class->activate = cak_application_activate;
  app_class->open = cak_application_open;
}

static void
cak_application_init (CakApplication *self)
{
}

CakApplication *
cak_application_new (void)
{
  return g_object_new (CAK_TYPE_APPLICATION, "application-id", APPLICATION_ID, "flags",
                       G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE, "resource-base-path",
                       RESOURCE_BASE, NULL);
}

/**
 * cak_application_get_settings:
 *
 * Returns: (transfer none) (nullable): the settings, or %NULL when the schema is missing.
 */
GSettings *
cak_application_get_settings (CakApplication *self)
{
  g_return_val_if_fail (CAK_IS_APPLICATION (self), NULL);

  return self->settings;
}

/**
 * cak_application_find_sample:
 *
 * Returns: (transfer full) (nullable): the path of the bundled sample, installed or in the
 * source tree.
 */
char *
cak_application_find_sample (void)
{
  const char *dirs[] = { PKGDATADIR "/samples", SOURCE_SAMPLES_DIR };

  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *path = g_build_filename (dirs[i], sample_name, NULL);

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&path);
    }
  return NULL;
}
