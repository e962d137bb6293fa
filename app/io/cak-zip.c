/* cak-zip.c: the parts of an XLSX or ODS package, read with libzip within safe limits
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A workbook is a zip archive of XML parts. Nothing here trusts the sizes the archive declares:
 * every part is inflated through cak_zip_part_read(), which stops at CAK_SHEET_MAX_PART_SIZE
 * and at CAK_SHEET_MAX_RATIO times the part's compressed size, so a zip bomb ends in an error
 * rather than in memory or time.
 */
#define G_LOG_DOMAIN "cak-zip"

#include "config.h"

#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>

#include "cak-zip.h"

struct _CakZip
{
  zip_t *archive;
  char *display_name;
};

struct _CakZipPart
{
  CakZip *zip;
  char *name;
  zip_file_t *file;
  guint64 size;            /* as declared */
  guint64 compressed_size; /* as declared */
  guint64 read;            /* inflated so far */
  GError *error;           /* kept for the XML reader's callbacks */
};

/* What a file that libzip would not open is: libzip finds no zip archive in a workbook cut
 * short, and an inconsistent one in some files that are no zip archive at all (old .xls files
 * among them). A file that begins as a zip archive is a damaged one. */
static void
set_open_error (const char *path, const char *display_name, int code, GError **error)
{
  char start[4] = { 0 };
  gssize n = -1;
  int fd = g_open (path, O_RDONLY, 0);
  gboolean zip_like;
  zip_error_t ze;

  if (fd >= 0)
    {
      n = read (fd, start, sizeof start);
      close (fd);
    }
  zip_like = n == sizeof start && memcmp (start, "PK\3\4", 4) == 0;

  zip_error_init_with_code (&ze, code);
  if (n == 0)
    g_set_error (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_EMPTY, _ ("“%s” is empty."),
                 display_name);
  else if ((code == ZIP_ER_NOZIP || code == ZIP_ER_INCONS) && !zip_like)
    g_set_error (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_NOT_A_SPREADSHEET,
                 _ ("“%s” is not a spreadsheet: it is neither a workbook nor text."), display_name);
  else if (code == ZIP_ER_NOZIP)
    g_set_error (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_CORRUPT,
                 _ ("“%s” is a damaged or incomplete workbook: the end of the zip archive is "
                    "missing."),
                 display_name);
  else if (code == ZIP_ER_OPEN || code == ZIP_ER_READ || code == ZIP_ER_NOENT)
    g_set_error (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_UNREADABLE,
                 _ ("“%s” could not be opened: %s"), display_name, zip_error_strerror (&ze));
  else
    g_set_error (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_CORRUPT,
                 _ ("“%s” is a damaged or incomplete workbook (%s)."), display_name,
                 zip_error_strerror (&ze));
  zip_error_fini (&ze);
}

/**
 * cak_zip_open:
 * @path: a file in the local file system
 * @display_name: the file's name as the user knows it, for messages
 *
 * Opens a zip package. Files that are not zip archives give
 * %CAK_IMPORT_ERROR_NOT_A_SPREADSHEET (%CAK_IMPORT_ERROR_EMPTY when they have no bytes);
 * truncated ones and ones whose central directory is inconsistent %CAK_IMPORT_ERROR_CORRUPT.
 *
 * Returns: (transfer full) (nullable): the package
 */
CakZip *
cak_zip_open (const char *path, const char *display_name, GError **error)
{
  CakZip *zip;
  zip_t *archive;
  int code = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  archive = zip_open (path, ZIP_RDONLY | ZIP_CHECKCONS, &code);
  if (archive == NULL)
    {
      set_open_error (path, display_name, code, error);
      return NULL;
    }

  zip = g_new0 (CakZip, 1);
  zip->archive = archive;
  zip->display_name = g_strdup (display_name);
  return zip;
}

void
cak_zip_close (CakZip *zip)
{
  if (zip == NULL)
    return;
  zip_discard (zip->archive);
  g_free (zip->display_name);
  g_free (zip);
}

const char *
cak_zip_get_display_name (CakZip *zip)
{
  g_return_val_if_fail (zip != NULL, NULL);
  return zip->display_name;
}

/* The Open Packaging Conventions compare part names without regard to case, and some writers
 * name a part "xl/SharedStrings.xml" that the relationships call "xl/sharedStrings.xml"; others
 * separate folders with backslashes, which Excel accepts too. */
static zip_int64_t
locate (CakZip *zip, const char *name)
{
  zip_int64_t index = zip_name_locate (zip->archive, name, 0);

  if (index < 0)
    index = zip_name_locate (zip->archive, name, ZIP_FL_NOCASE);
  if (index < 0 && strchr (name, '/'))
    {
      g_autofree char *windows = g_strdelimit (g_strdup (name), "/", '\\');

      index = zip_name_locate (zip->archive, windows, ZIP_FL_NOCASE);
    }
  return index;
}

/**
 * cak_zip_has:
 * @name: a part's name, without a leading slash ("xl/workbook.xml")
 */
gboolean
cak_zip_has (CakZip *zip, const char *name)
{
  g_return_val_if_fail (zip != NULL, FALSE);
  return name && *name && locate (zip, name) >= 0;
}

/**
 * cak_zip_part_open:
 * @name: a part's name; a leading slash is ignored, as package relationships may give one
 *
 * Opens a part for reading. A missing part gives %CAK_IMPORT_ERROR_CORRUPT, an encrypted one
 * %CAK_IMPORT_ERROR_ENCRYPTED.
 *
 * Returns: (transfer full) (nullable): the part
 */
CakZipPart *
cak_zip_part_open (CakZip *zip, const char *name, GError **error)
{
  CakZipPart *part;
  zip_stat_t st;
  zip_int64_t index;

  g_return_val_if_fail (zip != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  while (*name == '/')
    name++;
  index = locate (zip, name);
  if (index < 0)
    {
      g_set_error (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_CORRUPT,
                   _ ("“%s” is a damaged workbook: its part “%s” is missing."), zip->display_name,
                   name);
      return NULL;
    }
  zip_stat_init (&st);
  if (zip_stat_index (zip->archive, index, 0, &st) != 0)
    {
      g_set_error (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_CORRUPT,
                   _ ("“%s” is a damaged workbook: its part “%s” cannot be read (%s)."),
                   zip->display_name, name, zip_strerror (zip->archive));
      return NULL;
    }
  if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
    {
      g_set_error (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_ENCRYPTED,
                   _ ("“%s” is protected by a password. Open it in your spreadsheet program, "
                      "remove the password, save it, and import it again."),
                   zip->display_name);
      return NULL;
    }

  part = g_new0 (CakZipPart, 1);
  part->zip = zip;
  part->name = g_strdup (name);
  part->size = (st.valid & ZIP_STAT_SIZE) ? st.size : 0;
  part->compressed_size = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0;
  part->file = zip_fopen_index (zip->archive, index, 0);
  if (part->file == NULL)
    {
      int code = zip_error_code_zip (zip_get_error (zip->archive));

      if (code == ZIP_ER_NOPASSWD || code == ZIP_ER_WRONGPASSWD || code == ZIP_ER_ENCRNOTSUPP)
        g_set_error (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_ENCRYPTED,
                     _ ("“%s” is protected by a password. Open it in your spreadsheet program, "
                        "remove the password, save it, and import it again."),
                     zip->display_name);
      else
        g_set_error (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_CORRUPT,
                     _ ("“%s” is a damaged workbook: its part “%s” cannot be read (%s)."),
                     zip->display_name, name, zip_strerror (zip->archive));
      cak_zip_part_close (part);
      return NULL;
    }
  return part;
}

/**
 * cak_zip_part_read:
 *
 * Inflates up to @size bytes of the part.
 *
 * Returns: the number of bytes read, 0 at the end, -1 with @error set when the part is damaged
 * or inflates beyond the limits.
 */
gssize
cak_zip_part_read (CakZipPart *part, void *buffer, gsize size, GError **error)
{
  zip_int64_t n;
  guint64 ratio_limit;

  g_return_val_if_fail (part != NULL, -1);

  n = zip_fread (part->file, buffer, size);
  if (n < 0)
    {
      g_set_error (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_CORRUPT,
                   _ ("“%s” is a damaged or incomplete workbook: its part “%s” cannot be "
                      "inflated (%s)."),
                   part->zip->display_name, part->name, zip_file_strerror (part->file));
      return -1;
    }
  part->read += n;

  /* Small parts compress extremely well when they are mostly the same bytes, so the ratio only
   * counts beyond the first megabyte. */
  ratio_limit = MAX (part->compressed_size, 1) * (guint64)CAK_SHEET_MAX_RATIO;
  if (part->read > CAK_SHEET_MAX_PART_SIZE || (part->read > (1u << 20) && part->read > ratio_limit))
    {
      g_set_error (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_TOO_LARGE,
                   _ ("“%s” was not read: its part “%s” inflates to more than %s times its "
                      "packed size or beyond %s, which no real workbook does."),
                   part->zip->display_name, part->name, "1000", "2 GiB");
      return -1;
    }
  return n;
}

/* The part's name as the package has it, for messages. */
const char *
cak_zip_part_get_name (CakZipPart *part)
{
  g_return_val_if_fail (part != NULL, NULL);
  return part->name;
}

/* The size the archive declares; only for progress, never trusted for allocation. */
guint64
cak_zip_part_get_size (CakZipPart *part)
{
  g_return_val_if_fail (part != NULL, 0);
  return part->size;
}

guint64
cak_zip_part_get_read (CakZipPart *part)
{
  g_return_val_if_fail (part != NULL, 0);
  return part->read;
}

void
cak_zip_part_close (CakZipPart *part)
{
  if (part == NULL)
    return;
  if (part->file)
    zip_fclose (part->file);
  g_clear_error (&part->error);
  g_free (part->name);
  g_free (part);
}

/**
 * cak_zip_read_all:
 * @max_size: parts larger than this give %CAK_IMPORT_ERROR_TOO_LARGE
 *
 * Reads a small part whole (relationships, workbook.xml).
 *
 * Returns: (transfer full) (nullable): the part's bytes, NUL-terminated beyond the length
 */
GBytes *
cak_zip_read_all (CakZip *zip, const char *name, gsize max_size, GError **error)
{
  g_autoptr (CakZipPart) part = NULL;
  g_autoptr (GByteArray) out = g_byte_array_new ();
  guint8 buffer[16384];
  gssize n;
  gsize length;

  part = cak_zip_part_open (zip, name, error);
  if (part == NULL)
    return NULL;
  while ((n = cak_zip_part_read (part, buffer, sizeof buffer, error)) > 0)
    {
      if (out->len + (gsize)n > max_size)
        {
          g_set_error (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_TOO_LARGE,
                       _ ("“%s” was not read: its part “%s” is larger than any workbook needs."),
                       zip->display_name, part->name);
          return NULL;
        }
      g_byte_array_append (out, buffer, n);
    }
  if (n < 0)
    return NULL;
  length = out->len;
  g_byte_array_append (out, (const guint8 *)"", 1);
  return g_bytes_new_from_bytes (g_byte_array_free_to_bytes (g_steal_pointer (&out)), 0, length);
}

static int
xml_read_cb (void *context, char *buffer, int len)
{
  CakZipPart *part = context;
  gssize n;

  if (part->error)
    return -1;
  n = cak_zip_part_read (part, buffer, len, &part->error);
  return n < 0 ? -1 : (int)n;
}

static int
xml_close_cb (void *context)
{
  return 0;
}

static void
xml_error_cb (void *arg, const char *msg, xmlParserSeverities severity,
              xmlTextReaderLocatorPtr locator)
{
  CakZipPart *part = arg;

  if (part->error == NULL
      && (severity == XML_PARSER_SEVERITY_ERROR || severity == XML_PARSER_SEVERITY_VALIDITY_ERROR))
    {
      g_autofree char *text = g_strstrip (g_strdup (msg));

      g_set_error (&part->error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_CORRUPT,
                   _ ("“%s” is a damaged workbook: its part “%s” is not well-formed XML near line "
                      "%d (%s)."),
                   part->zip->display_name, part->name, xmlTextReaderLocatorLineNumber (locator),
                   text);
    }
}

/**
 * cak_zip_part_xml_reader:
 *
 * A libxml2 streaming reader over the part, which the part must outlive. It loads no DTD,
 * substitutes no entities and never touches the network; an oversized or damaged part stops
 * it, and cak_zip_xml_error() then tells why.
 *
 * Returns: (transfer full): the reader; free it with xmlFreeTextReader()
 */
xmlTextReaderPtr
cak_zip_part_xml_reader (CakZipPart *part)
{
  xmlTextReaderPtr reader;

  g_return_val_if_fail (part != NULL, NULL);

  reader = xmlReaderForIO (xml_read_cb, xml_close_cb, part, part->name, NULL,
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING
                               | XML_PARSE_COMPACT);
  if (reader)
    xmlTextReaderSetErrorHandler (reader, xml_error_cb, part);
  return reader;
}

/**
 * cak_zip_xml_error:
 *
 * Call it after xmlTextReaderRead() returned 0 or -1.
 *
 * Returns: %TRUE with @error set when the reader stopped on an error rather than at the end
 */
gboolean
cak_zip_xml_error (CakZipPart *part, xmlTextReaderPtr reader, GError **error)
{
  g_return_val_if_fail (part != NULL, TRUE);

  if (part->error)
    {
      g_propagate_error (error, g_steal_pointer (&part->error));
      return TRUE;
    }
  if (reader == NULL || xmlTextReaderReadState (reader) == XML_TEXTREADER_MODE_ERROR)
    {
      g_set_error (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_CORRUPT,
                   _ ("“%s” is a damaged workbook: its part “%s” could not be read."),
                   part->zip->display_name, part->name);
      return TRUE;
    }
  return FALSE;
}
