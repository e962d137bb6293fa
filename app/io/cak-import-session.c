/* cak-import-session.c: reading a set of files, with what the user said about each
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cak-import-session"

#include "config.h"

#include "cak-import-session.h"

struct _CakImportSession
{
  GPtrArray *files;     /* GFile */
  GPtrArray *choices;   /* CakImportChoices* or NULL per file; remembered ones are added */
  GVariant *remembered; /* a{ss}: a header's signature -> choices, or NULL */
  CakDataset *dataset;
  int problem;        /* the file the mapping step is for, or -1 */
  gboolean unmatched; /* ... because of region names, the import having gone through */

  CakImportSessionProgress progress;
  gpointer progress_data;
  guint current;
};

/**
 * cak_import_choices_array_copy:
 * @choices: (nullable): CakImportChoices* or NULL per file
 *
 * Returns: (transfer full): a copy of @choices as long as @n, NULL entries where there are none.
 */
GPtrArray *
cak_import_choices_array_copy (GPtrArray *choices, guint n)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func ((GDestroyNotify)cak_import_choices_free);

  for (guint i = 0; i < n; i++)
    {
      const CakImportChoices *c
          = choices && i < choices->len ? g_ptr_array_index (choices, i) : NULL;

      g_ptr_array_add (copy, c ? cak_import_choices_copy (c) : NULL);
    }
  return copy;
}

/**
 * cak_import_session_new:
 * @files: GFile, in the order they are read
 * @choices: (nullable): CakImportChoices* or NULL for each file; copied
 *
 * Returns: (transfer full): a session that has not run yet
 */
CakImportSession *
cak_import_session_new (GPtrArray *files, GPtrArray *choices)
{
  CakImportSession *session;

  g_return_val_if_fail (files != NULL, NULL);

  session = g_new0 (CakImportSession, 1);
  session->files = g_ptr_array_ref (files);
  session->choices = cak_import_choices_array_copy (choices, files->len);
  session->problem = -1;
  return session;
}

void
cak_import_session_free (CakImportSession *session)
{
  if (session == NULL)
    return;
  g_clear_pointer (&session->files, g_ptr_array_unref);
  g_clear_pointer (&session->choices, g_ptr_array_unref);
  g_clear_pointer (&session->remembered, g_variant_unref);
  g_clear_object (&session->dataset);
  g_free (session);
}

/**
 * cak_import_session_set_remembered:
 * @remembered: (nullable): a{ss}, a header's signature to choices as
 *   cak_import_choices_serialize() writes them
 *
 * Choices remembered for headers seen before, used only for a file that needs them.
 */
void
cak_import_session_set_remembered (CakImportSession *session, GVariant *remembered)
{
  g_return_if_fail (session != NULL);
  g_return_if_fail (remembered == NULL
                    || g_variant_is_of_type (remembered, G_VARIANT_TYPE ("a{ss}")));

  g_clear_pointer (&session->remembered, g_variant_unref);
  session->remembered = remembered ? g_variant_ref_sink (remembered) : NULL;
}

void
cak_import_session_set_progress (CakImportSession *session, CakImportSessionProgress func,
                                 gpointer user_data)
{
  g_return_if_fail (session != NULL);

  session->progress = func;
  session->progress_data = user_data;
}

/**
 * cak_import_session_set_choices:
 * @choices: (transfer full) (nullable): what the user said about file @index
 *
 * Replaces the choices of one file, for the next run.
 */
void
cak_import_session_set_choices (CakImportSession *session, guint index, CakImportChoices *choices)
{
  g_return_if_fail (session != NULL);
  g_return_if_fail (index < session->files->len);

  g_clear_pointer (&g_ptr_array_index (session->choices, index), cak_import_choices_free);
  g_ptr_array_index (session->choices, index) = choices;
}

static void
report (CakImportSession *session, double fraction)
{
  if (session->progress)
    session->progress (session->current, session->files->len, fraction, session->progress_data);
}

static void
file_progress_cb (double fraction, gpointer user_data)
{
  report (user_data, fraction);
}

static gboolean
needs_mapping (const GError *error)
{
  return g_error_matches (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_NO_HEADER)
         || g_error_matches (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_NO_PERIOD);
}

/* The choices remembered for a file with the header of @preview, if any. */
static gboolean
adopt_remembered (CakImportSession *session, guint i, const CakImportPreview *preview)
{
  const char *text;

  if (session->remembered == NULL || preview == NULL || preview->signature == NULL
      || !g_variant_lookup (session->remembered, preview->signature, "&s", &text))
    return FALSE;
  cak_import_session_set_choices (session, i, cak_import_choices_deserialize (text));
  g_debug ("Choices remembered for the header of %s applied", preview->file);
  return TRUE;
}

/* How many rows of the sheets from @first on were rejected. */
static guint
count_rejected (CakDataset *dataset, guint first)
{
  GPtrArray *sheets = cak_dataset_get_sheet_reports (dataset);
  guint rejected = 0;

  for (guint i = first; i < sheets->len; i++)
    rejected += ((const CakSheetReport *)g_ptr_array_index (sheets, i))->rejected;
  return rejected;
}

/**
 * cak_import_session_run:
 *
 * Imports every file into a new dataset. Choices remembered for a file's header are used only
 * when the file needs them: when the importer finds no header or period in it, or region names
 * it cannot settle. Finding the header takes reading the file, so files read without trouble
 * are read once. When remembered choices are taken up, the import starts over, at most once per
 * file. May run in a worker thread.
 *
 * When a file needs the mapping step, cak_import_session_get_problem() names it: with an error
 * (no header, no period) or, the import having gone through, with rows rejected for region
 * names the step can settle (cak_import_session_get_unmatched()).
 *
 * Returns: %TRUE when every file was imported
 */
gboolean
cak_import_session_run (CakImportSession *session, GCancellable *cancellable, GError **error)
{
  gboolean again = TRUE;

  g_return_val_if_fail (session != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  while (again)
    {
      again = FALSE;
      g_clear_object (&session->dataset);
      session->dataset = cak_dataset_new (cak_region_catalog_get_default ());
      session->problem = -1;
      session->unmatched = FALSE;

      for (guint i = 0; i < session->files->len && !again; i++)
        {
          GFile *file = g_ptr_array_index (session->files, i);
          CakImportChoices *choices = g_ptr_array_index (session->choices, i);
          CakImportOptions options = { CAK_PERIOD_INIT_NONE };
          g_autoptr (GError) local_error = NULL;
          g_autoptr (CakImportPreview) preview = NULL;
          guint first_sheet = cak_dataset_get_sheet_reports (session->dataset)->len;
          gboolean may_adopt;

          cak_import_choices_to_options (choices, &options);
          options.progress = file_progress_cb;
          options.progress_data = session;
          session->current = i;
          report (session, -1);

          if (!cak_import_file (session->dataset, file, &options, cancellable, &local_error))
            {
              if (needs_mapping (local_error))
                {
                  if (choices == NULL && session->remembered)
                    {
                      preview = cak_import_preview_file (file, NULL, cancellable, NULL);
                      if (adopt_remembered (session, i, preview))
                        {
                          again = TRUE;
                          continue;
                        }
                    }
                  session->problem = i;
                }
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }

          may_adopt = choices == NULL && session->remembered != NULL;
          if (count_rejected (session->dataset, first_sheet) == 0
              || (session->problem >= 0 && !may_adopt))
            continue;
          /* Rows were rejected: for region names the mapping step can settle? */
          options.progress = NULL;
          preview = cak_import_preview_file (file, choices ? &options : NULL, cancellable, NULL);
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          if (preview == NULL || preview->unmatched->len == 0)
            continue;
          if (choices == NULL && adopt_remembered (session, i, preview))
            again = TRUE;
          else if (session->problem < 0)
            {
              session->problem = i;
              session->unmatched = TRUE;
            }
        }
    }
  return TRUE;
}

GPtrArray *
cak_import_session_get_files (CakImportSession *session)
{
  g_return_val_if_fail (session != NULL, NULL);

  return session->files;
}

/**
 * cak_import_session_get_choices:
 *
 * Returns: (transfer none): CakImportChoices* or NULL per file, remembered ones taken up included
 */
GPtrArray *
cak_import_session_get_choices (CakImportSession *session)
{
  g_return_val_if_fail (session != NULL, NULL);

  return session->choices;
}

const CakImportChoices *
cak_import_session_get_file_choices (CakImportSession *session, guint index)
{
  g_return_val_if_fail (session != NULL, NULL);
  g_return_val_if_fail (index < session->files->len, NULL);

  return g_ptr_array_index (session->choices, index);
}

/**
 * cak_import_session_get_dataset:
 *
 * Returns: (transfer none) (nullable): what the last run read, %NULL before a run
 */
CakDataset *
cak_import_session_get_dataset (CakImportSession *session)
{
  g_return_val_if_fail (session != NULL, NULL);

  return session->dataset;
}

/**
 * cak_import_session_steal_dataset:
 *
 * Returns: (transfer full) (nullable): what the last run read; the session keeps none
 */
CakDataset *
cak_import_session_steal_dataset (CakImportSession *session)
{
  g_return_val_if_fail (session != NULL, NULL);

  return g_steal_pointer (&session->dataset);
}

/**
 * cak_import_session_get_problem:
 *
 * Returns: the file the mapping step is for after the last run, or -1
 */
int
cak_import_session_get_problem (CakImportSession *session)
{
  g_return_val_if_fail (session != NULL, -1);

  return session->problem;
}

gboolean
cak_import_session_get_unmatched (CakImportSession *session)
{
  g_return_val_if_fail (session != NULL, FALSE);

  return session->unmatched;
}
