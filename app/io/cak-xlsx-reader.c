/* cak-xlsx-reader.c: rows of cells from the worksheets of an Excel workbook (.xlsx, .xlsm)
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An XLSX file is a zip package of XML parts tied together by relationships: the package's
 * _rels/.rels names the workbook part, the workbook's own relationships name its worksheets,
 * its shared strings and its styles. Worksheets, where nearly all the time goes, are streamed
 * through libxml2's SAX2 push parser, so memory holds one row however long the sheet is; the
 * smaller parts are read with its xmlTextReader. The shared strings and one flag per cell style
 * (does its number format show a date?) are the only tables kept.
 *
 * Password-protected workbooks are not zip packages at all but OLE2 compound files holding an
 * "EncryptedPackage" stream; those are recognised and reported as encrypted.
 */
#define G_LOG_DOMAIN "cak-xlsx-reader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include "cak-xlsx-reader.h"
#include "cak-zip.h"

/* Rows between two looks at the cancellable and two progress reports. */
#define ROWS_PER_CHECK 1024

/* While a cell's text sits in the row buffer, whose address may still move, its type carries
 * this flag and its offset in the buffer; the pointer is set just before the row is handed on. */
#define IN_ROW_TEXT 0x80

typedef struct
{
  char *id;
  char *type;   /* the type URI's last segment: "officeDocument", "worksheet", ... */
  char *target; /* the part's name in the package; NULL for an external target */
} Relationship;

typedef struct
{
  char *name;
  char *part; /* NULL for chart sheets, dialog sheets and macro sheets, which have no cells */
  guint index;
  gboolean hidden;
  guint64 size;        /* inflated size as declared, for progress */
  char *computed_from; /* marked by a Cakupan report as computed from that sheet */
} Sheet;

typedef struct
{
  CakZipPart *part;
  xmlTextReaderPtr reader;
  gboolean doctype; /* stopped at a document type declaration */
} XmlPart;

/* A cell's kind, from its t attribute. */
typedef enum
{
  KIND_NUMBER,
  KIND_SHARED_STRING,
  KIND_INLINE_STRING,
  KIND_FORMULA_STRING,
  KIND_BOOLEAN,
  KIND_ERROR,
  KIND_ISO_DATE,
} CellKind;

typedef enum
{
  LEVEL_WORKSHEET,
  LEVEL_SHEET_DATA,
  LEVEL_ROW,
  LEVEL_CELL,
} Level;

typedef struct
{
  CakZip *zip;
  const char *display_name;
  const CakSheetCallbacks *callbacks;
  GCancellable *cancellable;

  gboolean date1904;
  GArray *sheets; /* Sheet */
  char *shared_strings_part;
  char *styles_part;

  /* The shared strings end to end, each ending in NUL, and where each begins. */
  GString *strings;
  GArray *string_starts; /* gsize */

  /* One entry per cell style (cellXfs): TRUE when its number format shows a date or a time. */
  GByteArray *style_is_date;

  guint64 total_size, done_size;
  gboolean stopped;
} Xlsx;

/* The state of one worksheet being streamed. */
typedef struct
{
  Xlsx *x;
  const Sheet *sheet;
  CakZipPart *part;
  xmlParserCtxtPtr parser;
  GError *error; /* the first error, which stopped the parser */

  /* Where the parser is */
  Level level;
  GString *collect; /* where the text of the current element goes, if anywhere */
  gboolean in_inline, in_rph;

  /* Names interned in the parser's dictionary, compared by address. */
  const xmlChar *n_sheet_data, *n_row, *n_c, *n_v, *n_is, *n_t, *n_rph, *n_merge_cell, *n_r, *n_s;

  /* The row being built */
  guint row;
  gboolean row_from_file; /* the row element gave its number */
  guint last_row;
  guint rows_read;
  guint64 sheet_cells; /* spanned by the rows handed on, see CAK_SHEET_MAX_CELLS */
  guint n_cells, capacity;
  const char **cells;
  guint8 *types;
  gsize *starts;
  GString *row_text;

  /* The cell being read */
  int column; /* 0-based; -1 before a row's first cell */
  CellKind kind;
  guint style;
  gboolean has_inline;
  GString *value, *inline_text;

  GArray *merges; /* CakMerge */
} SheetReader;

static void
clear_relationship (gpointer data)
{
  Relationship *rel = data;

  g_free (rel->id);
  g_free (rel->type);
  g_free (rel->target);
}

static void
clear_sheet (gpointer data)
{
  Sheet *sheet = data;

  g_free (sheet->name);
  g_free (sheet->computed_from);
  g_free (sheet->part);
}

/* The text of an attribute node: its text children end to end. Entity references are left
 * out, never expanded. */
static char *
attribute_dup (xmlAttrPtr attr)
{
  GString *text = g_string_new (NULL);

  for (xmlNodePtr child = attr->children; child; child = child->next)
    if (child->type == XML_TEXT_NODE && child->content)
      g_string_append (text, (const char *)child->content);
  return g_string_free (text, FALSE);
}

/* The value of the current element's attribute @local_name, whatever its namespace prefix. */
static char *
get_attribute (xmlTextReaderPtr reader, const char *local_name)
{
  xmlNodePtr node = xmlTextReaderCurrentNode (reader);

  if (node == NULL || node->type != XML_ELEMENT_NODE)
    return NULL;
  for (xmlAttrPtr attr = node->properties; attr; attr = attr->next)
    if (xmlStrEqual (attr->name, BAD_CAST local_name))
      return attribute_dup (attr);
  return NULL;
}

static gboolean
is_element (xmlTextReaderPtr reader, const char *local_name)
{
  return xmlTextReaderNodeType (reader) == XML_READER_TYPE_ELEMENT
         && xmlStrEqual (xmlTextReaderConstLocalName (reader), BAD_CAST local_name);
}

static gboolean
is_text_node (int type)
{
  return type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA
         || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE || type == XML_READER_TYPE_WHITESPACE;
}

static gboolean
xml_part_open (Xlsx *x, const char *name, XmlPart *xp, GError **error)
{
  xp->reader = NULL;
  xp->doctype = FALSE;
  xp->part = cak_zip_part_open (x->zip, name, error);
  if (xp->part == NULL)
    return FALSE;
  xp->reader = cak_zip_part_xml_reader (xp->part);
  if (xp->reader == NULL)
    {
      cak_zip_xml_error (xp->part, NULL, error);
      g_clear_pointer (&xp->part, cak_zip_part_close);
      return FALSE;
    }
  return TRUE;
}

static void
xml_part_close (XmlPart *xp)
{
  g_clear_pointer (&xp->reader, xmlFreeTextReader);
  g_clear_pointer (&xp->part, cak_zip_part_close);
}

/* xmlTextReaderRead(), stopping at a document type declaration: no spreadsheet program writes
 * one, and one is where entity tricks (billion laughs, external entities) begin. libxml2 is
 * already told not to expand entities nor load anything; this does not depend on it. */
static int
xml_part_read (XmlPart *xp)
{
  int ret = xmlTextReaderRead (xp->reader);

  if (ret == 1 && xmlTextReaderNodeType (xp->reader) == XML_READER_TYPE_DOCUMENT_TYPE)
    {
      xp->doctype = TRUE;
      return -1;
    }
  return ret;
}

/* After the last read, which returned @ret: did the part end well? */
static gboolean
xml_part_ended_well (Xlsx *x, XmlPart *xp, int ret, GError **error)
{
  if (xp->doctype)
    {
      g_set_error (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_CORRUPT,
                   _ ("“%s” was not read: its part “%s” declares a document type, which no "
                      "spreadsheet program writes."),
                   x->display_name, (const char *)xmlTextReaderConstBaseUri (xp->reader));
      return FALSE;
    }
  if (cak_zip_xml_error (xp->part, xp->reader, error))
    return FALSE;
  if (ret < 0)
    {
      g_set_error (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_CORRUPT,
                   _ ("“%s” is a damaged workbook: its part “%s” could not be read."),
                   x->display_name, (const char *)xmlTextReaderConstBaseUri (xp->reader));
      return FALSE;
    }
  return TRUE;
}

/* Closes a part after its last read, which returned @ret. */
static gboolean
xml_part_finish (Xlsx *x, XmlPart *xp, int ret, GError **error)
{
  gboolean ok = xml_part_ended_well (x, xp, ret, error);

  xml_part_close (xp);
  return ok;
}

/* Where a relationship's target lies: relative to the folder of the part that names it, or
 * from the package's root when it begins with a slash. */
static char *
resolve_target (const char *source, const char *target)
{
  g_autofree char *joined = NULL;
  g_autofree char *unescaped = NULL;
  g_auto (GStrv) segments = NULL;
  g_autoptr (GPtrArray) kept = g_ptr_array_new ();
  const char *slash;

  if (target[0] == '/')
    joined = g_strdup (target);
  else if ((slash = strrchr (source, '/')) != NULL)
    joined = g_strdup_printf ("%.*s/%s", (int)(slash - source), source, target);
  else
    joined = g_strdup (target);

  /* Targets are URIs: a space in a part's name comes as %20. */
  if (strchr (joined, '%') && (unescaped = g_uri_unescape_string (joined, NULL)) != NULL)
    {
      g_free (joined);
      joined = g_steal_pointer (&unescaped);
    }

  segments = g_strsplit (joined, "/", -1);
  for (guint i = 0; segments[i]; i++)
    {
      if (segments[i][0] == '\0' || strcmp (segments[i], ".") == 0)
        continue;
      if (strcmp (segments[i], "..") == 0)
        {
          if (kept->len > 0)
            g_ptr_array_remove_index (kept, kept->len - 1);
          continue;
        }
      g_ptr_array_add (kept, segments[i]);
    }
  g_ptr_array_add (kept, NULL);
  return g_strjoinv ("/", (char **)kept->pdata);
}

/* The relationships of @source ("" for the package itself); none when it has no part for them. */
static GArray *
read_relationships (Xlsx *x, const char *source, GError **error)
{
  g_autoptr (GArray) rels = g_array_new (FALSE, TRUE, sizeof (Relationship));
  g_autofree char *name = NULL;
  const char *slash = strrchr (source, '/');
  XmlPart xp;
  int ret;

  g_array_set_clear_func (rels, clear_relationship);
  if (slash)
    name = g_strdup_printf ("%.*s/_rels/%s.rels", (int)(slash - source), source, slash + 1);
  else
    name = g_strdup_printf ("_rels/%s.rels", source);
  if (!cak_zip_has (x->zip, name))
    return g_steal_pointer (&rels);

  if (!xml_part_open (x, name, &xp, error))
    return NULL;
  while ((ret = xml_part_read (&xp)) == 1)
    {
      g_autofree char *id = NULL, *type = NULL, *target = NULL, *mode = NULL;
      Relationship rel;
      const char *last;

      if (!is_element (xp.reader, "Relationship"))
        continue;
      id = get_attribute (xp.reader, "Id");
      type = get_attribute (xp.reader, "Type");
      target = get_attribute (xp.reader, "Target");
      mode = get_attribute (xp.reader, "TargetMode");
      if (id == NULL || type == NULL || target == NULL)
        continue;
      last = strrchr (type, '/');
      rel.id = g_steal_pointer (&id);
      rel.type = g_strdup (last ? last + 1 : type);
      rel.target = (mode && g_ascii_strcasecmp (mode, "External") == 0)
                       ? NULL
                       : resolve_target (source, target);
      g_array_append_val (rels, rel);
    }
  if (!xml_part_finish (x, &xp, ret, error))
    return NULL;
  return g_steal_pointer (&rels);
}

static const Relationship *
find_relationship (GArray *rels, const char *id, const char *type)
{
  for (guint i = 0; i < rels->len; i++)
    {
      const Relationship *rel = &g_array_index (rels, Relationship, i);

      if ((id == NULL || strcmp (rel->id, id) == 0)
          && (type == NULL || strcmp (rel->type, type) == 0))
        return rel;
    }
  return NULL;
}

static gboolean
set_not_a_workbook (Xlsx *x, GError **error)
{
  g_set_error (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_NOT_A_SPREADSHEET,
               _ ("“%s” is not an XLSX workbook: the package holds no workbook."), x->display_name);
  return FALSE;
}

static gboolean
set_binary_workbook (Xlsx *x, GError **error)
{
  g_set_error (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_UNSUPPORTED,
               _ ("“%s” is an Excel binary workbook (.xlsb), which Cakupan does not read. Open "
                  "it in your spreadsheet program, save it as an Excel workbook (.xlsx), and "
                  "import that."),
               x->display_name);
  return FALSE;
}

/* Finds the workbook part through the package's relationships. */
static char *
find_workbook (Xlsx *x, GError **error)
{
  g_autoptr (GArray) rels = read_relationships (x, "", error);
  const Relationship *rel;

  if (rels == NULL)
    return NULL;
  rel = find_relationship (rels, NULL, "officeDocument");
  if (rel && rel->target)
    {
      if (g_str_has_suffix (rel->target, ".bin"))
        set_binary_workbook (x, error);
      else if (!cak_zip_has (x->zip, rel->target))
        set_not_a_workbook (x, error);
      else
        return g_strdup (rel->target);
      return NULL;
    }

  /* A package without relationships of its own may still have its workbook where Excel puts
   * it. */
  if (cak_zip_has (x->zip, "xl/workbook.xml"))
    return g_strdup ("xl/workbook.xml");
  if (cak_zip_has (x->zip, "xl/workbook.bin"))
    set_binary_workbook (x, error);
  else
    set_not_a_workbook (x, error);
  return NULL;
}

static gboolean
parse_boolean (const char *text)
{
  return text && (strcmp (text, "1") == 0 || g_ascii_strcasecmp (text, "true") == 0);
}

/* The sheet a reference such as "'Import Notes'!$A$1" or "Data!$A$1" points into. */
static char *
sheet_of_reference (const char *text)
{
  const char *bang = strrchr (text, '!');
  g_autoptr (GString) name = g_string_new (NULL);

  if (bang == NULL || bang == text)
    return NULL;
  if (text[0] == '\'' && bang > text + 1 && bang[-1] == '\'')
    {
      for (const char *p = text + 1; p < bang - 1; p++)
        {
          g_string_append_c (name, *p);
          if (*p == '\'' && p[1] == '\'')
            p++;
        }
    }
  else
    g_string_append_len (name, text, bang - text);
  return g_string_free (g_steal_pointer (&name), FALSE);
}

/* The workbook part: the date system, and the sheets in the order of their tabs. */
static gboolean
read_workbook (Xlsx *x, const char *workbook, GError **error)
{
  g_autoptr (GArray) rels = read_relationships (x, workbook, error);
  const Relationship *rel;
  XmlPart xp;
  gboolean seen_root = FALSE, in_sheets = FALSE;
  guint n_sheets = 0;
  g_autoptr (GArray) computed = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GPtrArray) computed_from = g_ptr_array_new_with_free_func (g_free);
  int ret;

  if (rels == NULL)
    return FALSE;
  if ((rel = find_relationship (rels, NULL, "sharedStrings")) && rel->target)
    x->shared_strings_part = g_strdup (rel->target);
  if ((rel = find_relationship (rels, NULL, "styles")) && rel->target)
    x->styles_part = g_strdup (rel->target);

  if (!xml_part_open (x, workbook, &xp, error))
    return FALSE;
  while ((ret = xml_part_read (&xp)) == 1)
    {
      int type = xmlTextReaderNodeType (xp.reader);
      const char *name = (const char *)xmlTextReaderConstLocalName (xp.reader);

      if (type == XML_READER_TYPE_END_ELEMENT && strcmp (name, "sheets") == 0)
        in_sheets = FALSE;
      if (type != XML_READER_TYPE_ELEMENT)
        continue;
      if (!seen_root)
        {
          seen_root = TRUE;
          if (strcmp (name, "workbook") != 0)
            {
              xml_part_close (&xp);
              return set_not_a_workbook (x, error);
            }
        }
      else if (strcmp (name, "workbookPr") == 0)
        {
          g_autofree char *date1904 = get_attribute (xp.reader, "date1904");

          x->date1904 = parse_boolean (date1904);
        }
      else if (strcmp (name, "sheets") == 0)
        in_sheets = !xmlTextReaderIsEmptyElement (xp.reader);
      else if (strcmp (name, "definedName") == 0)
        {
          g_autofree char *defined = get_attribute (xp.reader, "name");
          g_autofree char *local = get_attribute (xp.reader, "localSheetId");

          /* A Cakupan report marks each computed sheet with a name local to it that points
           * into the sheet of figures. */
          if (defined && local && strcmp (defined, "Cakupan_Computed") == 0
              && !xmlTextReaderIsEmptyElement (xp.reader))
            {
              g_autoptr (GString) text = g_string_new (NULL);

              while ((ret = xml_part_read (&xp)) == 1
                     && xmlTextReaderNodeType (xp.reader) != XML_READER_TYPE_END_ELEMENT)
                if (xmlTextReaderNodeType (xp.reader) == XML_READER_TYPE_TEXT)
                  g_string_append (text, (const char *)xmlTextReaderConstValue (xp.reader));
              g_array_append_val (computed, (guint){ (guint)g_ascii_strtoull (local, NULL, 10) });
              g_ptr_array_add (computed_from, sheet_of_reference (text->str));
              if (ret != 1)
                break;
            }
        }
      else if (in_sheets && strcmp (name, "sheet") == 0)
        {
          g_autofree char *sheet_name = get_attribute (xp.reader, "name");
          g_autofree char *state = get_attribute (xp.reader, "state");
          g_autofree char *id = get_attribute (xp.reader, "id"); /* r:id */
          Sheet sheet = { 0 };

          if (sheet_name == NULL)
            sheet_name = g_strdup_printf ("%u", n_sheets + 1);
          rel = id ? find_relationship (rels, id, NULL) : NULL;
          if (rel == NULL || (strcmp (rel->type, "worksheet") == 0 && rel->target == NULL))
            {
              g_set_error (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_CORRUPT,
                           _ ("“%s” is a damaged workbook: sheet “%s” has no part."),
                           x->display_name, sheet_name);
              xml_part_close (&xp);
              return FALSE;
            }
          sheet.name = g_steal_pointer (&sheet_name);
          sheet.index = n_sheets++;
          sheet.hidden
              = state && (strcmp (state, "hidden") == 0 || strcmp (state, "veryHidden") == 0);
          if (strcmp (rel->type, "worksheet") == 0)
            sheet.part = g_strdup (rel->target);
          g_array_append_val (x->sheets, sheet);
        }
    }
  if (!xml_part_finish (x, &xp, ret, error))
    return FALSE;
  if (!seen_root)
    return set_not_a_workbook (x, error);
  for (guint i = 0; i < computed->len; i++)
    {
      guint index = g_array_index (computed, guint, i);

      if (index < x->sheets->len && g_ptr_array_index (computed_from, i))
        {
          Sheet *sheet = &g_array_index (x->sheets, Sheet, index);

          g_free (sheet->computed_from);
          sheet->computed_from = g_strdup (g_ptr_array_index (computed_from, i));
        }
    }
  return TRUE;
}

/* Whether a number format shows a date or a time: a d, m, y, h or s that is not in quotes, not
 * escaped and not in brackets, or an elapsed time in brackets ([h], [mm], [ss]). "[Red]0.00",
 * "#,##0" and "0 \"days\"" are not dates. */
static gboolean
format_is_date (const char *code)
{
  for (const char *p = code; *p; p++)
    switch (*p)
      {
        case '"':
          p = strchr (p + 1, '"');
          if (p == NULL)
            return FALSE;
          break;
        case '\\':
        case '_':
        case '*':
          if (p[1] == '\0')
            return FALSE;
          p++;
          break;
        case '[':
          {
            const char *close = strchr (p, ']');
            gboolean elapsed = TRUE;

            if (close == NULL)
              return FALSE;
            for (const char *q = p + 1; q < close; q++)
              if (!strchr ("hHmMsS", *q))
                elapsed = FALSE;
            if (elapsed && close > p + 1)
              return TRUE;
            p = close;
          }
          break;
        case 'd':
        case 'D':
        case 'm':
        case 'M':
        case 'y':
        case 'Y':
        case 'h':
        case 'H':
        case 's':
        case 'S':
          return TRUE;
        default:
          break;
      }
  return FALSE;
}

static gboolean
builtin_format_is_date (guint id)
{
  return (id >= 14 && id <= 22) || (id >= 45 && id <= 47);
}

static gboolean
parse_uint (const char *text, guint *out)
{
  guint64 value = 0;

  if (text == NULL || *text == '\0')
    return FALSE;
  for (; *text; text++)
    {
      if (!g_ascii_isdigit (*text))
        return FALSE;
      value = value * 10 + (*text - '0');
      if (value > G_MAXUINT)
        return FALSE;
    }
  *out = (guint)value;
  return TRUE;
}

/* styles.xml: which cell styles show dates. Custom formats (numFmts) may redefine built-in ids. */
static gboolean
read_styles (Xlsx *x, GError **error)
{
  g_autoptr (GHashTable) custom = g_hash_table_new (NULL, NULL); /* id -> 1 + is_date */
  g_autoptr (GArray) xf_formats = g_array_new (FALSE, FALSE, sizeof (guint));
  XmlPart xp;
  int ret;
  enum
  {
    NONE,
    NUM_FMTS,
    CELL_XFS
  } in
      = NONE;

  if (x->styles_part == NULL || !cak_zip_has (x->zip, x->styles_part))
    return TRUE;
  if (!xml_part_open (x, x->styles_part, &xp, error))
    return FALSE;
  while ((ret = xml_part_read (&xp)) == 1)
    {
      int type = xmlTextReaderNodeType (xp.reader);
      int depth = xmlTextReaderDepth (xp.reader);
      const char *name = (const char *)xmlTextReaderConstLocalName (xp.reader);

      if (depth == 1 && type == XML_READER_TYPE_END_ELEMENT)
        in = NONE;
      if (type != XML_READER_TYPE_ELEMENT)
        continue;
      if (depth == 1)
        {
          if (xmlTextReaderIsEmptyElement (xp.reader))
            in = NONE;
          else if (strcmp (name, "numFmts") == 0)
            in = NUM_FMTS;
          else if (strcmp (name, "cellXfs") == 0)
            in = CELL_XFS;
          else
            in = NONE;
        }
      else if (depth == 2 && in == NUM_FMTS && strcmp (name, "numFmt") == 0)
        {
          g_autofree char *id_text = get_attribute (xp.reader, "numFmtId");
          g_autofree char *code = get_attribute (xp.reader, "formatCode");
          guint id;

          if (parse_uint (id_text, &id) && code)
            g_hash_table_insert (custom, GUINT_TO_POINTER (id),
                                 GUINT_TO_POINTER (1 + format_is_date (code)));
        }
      else if (depth == 2 && in == CELL_XFS && strcmp (name, "xf") == 0)
        {
          g_autofree char *id_text = get_attribute (xp.reader, "numFmtId");
          guint id = 0;

          parse_uint (id_text, &id);
          g_array_append_val (xf_formats, id);
        }
    }
  if (!xml_part_finish (x, &xp, ret, error))
    return FALSE;

  for (guint i = 0; i < xf_formats->len; i++)
    {
      guint id = g_array_index (xf_formats, guint, i);
      gpointer found = g_hash_table_lookup (custom, GUINT_TO_POINTER (id));
      guint8 is_date = found ? GPOINTER_TO_UINT (found) - 1 : (guint)builtin_format_is_date (id);

      g_byte_array_append (x->style_is_date, &is_date, 1);
    }
  return TRUE;
}

/* Appends @text, decoding the _xHHHH_ escapes by which Excel writes characters XML cannot hold
 * (_x000D_ for a carriage return, _x005F_ for an underscore that would start one). */
static void
append_unescaped (GString *out, const char *text, gsize length)
{
  const char *p = text, *end = text + length;

  while (p < end)
    {
      const char *u = memchr (p, '_', end - p);
      gunichar c;
      gsize used = 7;

      if (u == NULL)
        break;
      if (end - u < 7 || u[1] != 'x' || !g_ascii_isxdigit (u[2]) || !g_ascii_isxdigit (u[3])
          || !g_ascii_isxdigit (u[4]) || !g_ascii_isxdigit (u[5]) || u[6] != '_')
        {
          g_string_append_len (out, p, u + 1 - p);
          p = u + 1;
          continue;
        }
      g_string_append_len (out, p, u - p);
      c = g_ascii_xdigit_value (u[2]) << 12 | g_ascii_xdigit_value (u[3]) << 8
          | g_ascii_xdigit_value (u[4]) << 4 | g_ascii_xdigit_value (u[5]);
      /* A character beyond the BMP comes as two escaped UTF-16 halves. */
      if (c >= 0xD800 && c < 0xDC00 && end - u >= 14 && u[7] == '_' && u[8] == 'x'
          && g_ascii_isxdigit (u[9]) && g_ascii_isxdigit (u[10]) && g_ascii_isxdigit (u[11])
          && g_ascii_isxdigit (u[12]) && u[13] == '_')
        {
          gunichar low = g_ascii_xdigit_value (u[9]) << 12 | g_ascii_xdigit_value (u[10]) << 8
                         | g_ascii_xdigit_value (u[11]) << 4 | g_ascii_xdigit_value (u[12]);

          if (low >= 0xDC00 && low < 0xE000)
            {
              c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
              used = 14;
            }
        }
      if (c >= 0xD800 && c < 0xE000)
        c = 0xFFFD;
      if (c != 0)
        g_string_append_unichar (out, c);
      p = u + used;
    }
  g_string_append_len (out, p, end - p);
}

/* sharedStrings.xml: the text of each si, plain or in rich-text runs, without the phonetic
 * guides (rPh) of East Asian text. */
static gboolean
read_shared_strings (Xlsx *x, GError **error)
{
  g_autoptr (GString) text = g_string_new (NULL);
  XmlPart xp;
  gboolean in_si = FALSE, in_t = FALSE, in_rph = FALSE;
  int ret;

  if (x->shared_strings_part == NULL || !cak_zip_has (x->zip, x->shared_strings_part))
    return TRUE;
  if (!xml_part_open (x, x->shared_strings_part, &xp, error))
    return FALSE;
  while ((ret = xml_part_read (&xp)) == 1)
    {
      int type = xmlTextReaderNodeType (xp.reader);

      if (type == XML_READER_TYPE_ELEMENT)
        {
          const char *name = (const char *)xmlTextReaderConstLocalName (xp.reader);
          gboolean empty = xmlTextReaderIsEmptyElement (xp.reader);

          if (strcmp (name, "si") == 0)
            {
              in_si = !empty;
              in_t = in_rph = FALSE;
              g_string_truncate (text, 0);
              if (empty)
                {
                  gsize start = x->strings->len;

                  g_string_append_c (x->strings, '\0');
                  g_array_append_val (x->string_starts, start);
                }
            }
          else if (in_si && strcmp (name, "rPh") == 0)
            in_rph = !empty;
          else if (in_si && !in_rph && strcmp (name, "t") == 0)
            in_t = !empty;
        }
      else if (type == XML_READER_TYPE_END_ELEMENT)
        {
          const char *name = (const char *)xmlTextReaderConstLocalName (xp.reader);

          if (in_si && strcmp (name, "si") == 0)
            {
              gsize start = x->strings->len;

              append_unescaped (x->strings, text->str, text->len);
              g_string_append_c (x->strings, '\0');
              g_array_append_val (x->string_starts, start);
              in_si = FALSE;
            }
          else if (strcmp (name, "rPh") == 0)
            in_rph = FALSE;
          else if (strcmp (name, "t") == 0)
            in_t = FALSE;
        }
      else if (in_t && is_text_node (type))
        g_string_append (text, (const char *)xmlTextReaderConstValue (xp.reader));
    }
  if (!xml_part_finish (x, &xp, ret, error))
    return FALSE;
  return TRUE;
}

typedef enum
{
  REF_INVALID,
  REF_VALID,
  REF_BEYOND_COLUMNS,
  REF_BEYOND_ROWS,
} RefCheck;

/* A cell reference such as "AB12": the column (0-based) and the row (1-based, 0 when the
 * reference has none), when they lie within a sheet. */
static RefCheck
parse_reference (const char *ref, guint *out_column, guint *out_row)
{
  const char *p = ref;
  guint64 column = 0, row = 0;
  guint n_letters = 0, n_digits = 0;

  for (; g_ascii_isalpha (*p); p++, n_letters++)
    if (column <= CAK_SHEET_MAX_COLUMNS)
      column = column * 26 + ((*p & ~0x20) - 'A' + 1); /* an ASCII letter in upper case */
  for (; g_ascii_isdigit (*p); p++, n_digits++)
    if (row <= CAK_SHEET_MAX_ROWS)
      row = row * 10 + (*p - '0');
  if (*p != '\0' || n_letters == 0 || (n_digits > 0 && row == 0))
    return REF_INVALID;
  if (column > CAK_SHEET_MAX_COLUMNS)
    return REF_BEYOND_COLUMNS;
  if (row > CAK_SHEET_MAX_ROWS)
    return REF_BEYOND_ROWS;
  *out_column = (guint)(column - 1);
  *out_row = (guint)row;
  return REF_VALID;
}

/* "A" for column 0, "XFD" for column 16383. */
static void
format_column (guint column, char out[8])
{
  char reversed[8];
  guint n = 0;

  for (guint64 c = (guint64)column + 1; c > 0 && n < sizeof reversed - 1; c = (c - 1) / 26)
    reversed[n++] = 'A' + (c - 1) % 26;
  for (guint i = 0; i < n; i++)
    out[i] = reversed[n - 1 - i];
  out[n] = '\0';
}

/* Howard Hinnant's civil_from_days: the proleptic Gregorian date of a day counted from
 * 1970-01-01. */
static void
civil_from_days (gint64 z, int *y, guint *m, guint *d)
{
  gint64 era, yoe, doy, mp;
  guint64 doe;

  z += 719468;
  era = (z >= 0 ? z : z - 146096) / 146097;
  doe = (guint64)(z - era * 146097);
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  *d = (guint)(doy - (153 * mp + 2) / 5 + 1);
  *m = (guint)(mp < 10 ? mp + 3 : mp - 9);
  *y = (int)(yoe + era * 400 + (*m <= 2));
}

/* Days from 1970-01-01 to the epochs of the two date systems. */
#define DAYS_TO_1899_12_30 (-25569)
#define DAYS_TO_1899_12_31 (-25568)
#define DAYS_TO_1904_01_01 (-24107)

/* A serial date as ISO 8601 text: "2023-12-31", "2023-12-31T08:30:00", or "08:30:00" for a
 * time of day alone (serial below 1). In the 1900 system, serial 1 is 1900-01-01 and Excel
 * counts a 29 February 1900 that never was as serial 60, so serials below 61 are a day later
 * than a plain count and serial 60 is no date at all. Returns FALSE when @serial is no date. */
static gboolean
format_serial_date (double serial, gboolean date1904, char *out, gsize size)
{
  gint64 seconds, days, time_of_day;
  int y;
  guint m, d;

  if (!isfinite (serial) || serial < 0 || serial >= 2958466)
    return FALSE;
  seconds = llround (serial * 86400.0);
  days = seconds / 86400;
  time_of_day = seconds % 86400;
  if (days == 0)
    {
      g_snprintf (out, size, "%02u:%02u:%02u", (guint)(time_of_day / 3600),
                  (guint)(time_of_day / 60 % 60), (guint)(time_of_day % 60));
      return TRUE;
    }
  if (date1904)
    days += DAYS_TO_1904_01_01;
  else if (days < 60)
    days += DAYS_TO_1899_12_31;
  else if (days == 60)
    return FALSE;
  else
    days += DAYS_TO_1899_12_30;
  civil_from_days (days, &y, &m, &d);
  if (y > 9999)
    return FALSE;
  if (time_of_day == 0)
    g_snprintf (out, size, "%04d-%02u-%02u", y, m, d);
  else
    g_snprintf (out, size, "%04d-%02u-%02uT%02u:%02u:%02u", y, m, d, (guint)(time_of_day / 3600),
                (guint)(time_of_day / 60 % 60), (guint)(time_of_day % 60));
  return TRUE;
}

static gboolean
scan_digits (const char **p, guint n, guint *out)
{
  guint value = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit ((*p)[i]))
        return FALSE;
      value = value * 10 + ((*p)[i] - '0');
    }
  *p += n;
  *out = value;
  return TRUE;
}

/* A t="d" cell's ISO 8601 value, as "2023-12-31", "2023-12-31T08:30:00" or "08:30:00":
 * fractions of a second and a time zone are dropped, a midnight time too. */
static gboolean
format_iso_date (const char *text, char *out, gsize size)
{
  const char *p = text;
  guint y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  gboolean has_date = FALSE, has_time = FALSE;

  if (scan_digits (&p, 4, &y) && *p == '-')
    {
      p++;
      if (!scan_digits (&p, 2, &mo) || *p++ != '-' || !scan_digits (&p, 2, &d))
        return FALSE;
      if (mo < 1 || mo > 12 || d < 1 || d > 31)
        return FALSE;
      has_date = TRUE;
      if (*p == 'T' || *p == ' ')
        p++;
    }
  else
    p = text;
  if (*p != '\0')
    {
      if (!scan_digits (&p, 2, &h) || *p++ != ':' || !scan_digits (&p, 2, &mi))
        return FALSE;
      if (*p == ':')
        {
          p++;
          if (!scan_digits (&p, 2, &s))
            return FALSE;
          if (*p == '.' || *p == ',')
            for (p++; g_ascii_isdigit (*p); p++)
              ;
        }
      if (*p == 'Z')
        p++;
      else if (*p == '+' || *p == '-')
        for (p++; g_ascii_isdigit (*p) || *p == ':'; p++)
          ;
      if (*p != '\0' || h > 24 || mi > 59 || s > 60)
        return FALSE;
      has_time = h != 0 || mi != 0 || s != 0 || !has_date;
    }
  if (has_date && has_time)
    g_snprintf (out, size, "%04u-%02u-%02uT%02u:%02u:%02u", y, mo, d, h, mi, s);
  else if (has_date)
    g_snprintf (out, size, "%04u-%02u-%02u", y, mo, d);
  else
    g_snprintf (out, size, "%02u:%02u:%02u", h, mi, s);
  return TRUE;
}

/* Writes the decimal number @text as "%.15g" writes the double it reads as, without going
 * through a double: strtod and printf cost more than all the rest of a cell. The digits are
 * rounded to 15 where the 16th and 17th digits decide. The double nearest a decimal D lies within
 * D * 2^-53 of it, which is less than (L + 1) / 1000 * 0.11103 units of D's 15th digit, L being
 * D's first three digits; the digits beyond the 15th, read as a fraction of that unit, lie within
 * [t, t + 0.01] where t is the 16th and 17th digits. Unless the two ranges could meet around
 * one half, the double rounds as the decimal does. When they could, for exponents near the
 * double's limits and for anything that is not a plain decimal, this gives up and returns
 * FALSE. */
static gboolean
format_decimal (const char *text, gsize length, char *out, gsize size)
{
  const char *p = text, *end = text + length;
  char digits[17];
  guint n = 0;
  int exponent = -1; /* of the first significant digit */
  gboolean negative = FALSE, seen_digit = FALSE, seen_point = FALSE;
  char *o = out;

  g_assert (size >= 32);
  if (p < end && *p == '-')
    {
      negative = TRUE;
      p++;
    }
  for (; p < end; p++)
    {
      if (*p == '.' && !seen_point)
        {
          seen_point = TRUE;
          continue;
        }
      if (!g_ascii_isdigit (*p))
        break;
      seen_digit = TRUE;
      if (n == 0 && *p == '0')
        {
          if (seen_point)
            exponent--;
          continue;
        }
      if (n < G_N_ELEMENTS (digits))
        digits[n++] = *p;
      if (!seen_point)
        exponent++;
    }
  if (!seen_digit)
    return FALSE;
  if (p < end && (*p == 'e' || *p == 'E'))
    {
      int sign = 1, value = 0;

      p++;
      if (p < end && (*p == '+' || *p == '-'))
        sign = *p++ == '-' ? -1 : 1;
      if (p == end)
        return FALSE;
      for (; p < end && g_ascii_isdigit (*p); p++)
        if ((value = value * 10 + (*p - '0')) > 1000)
          return FALSE;
      exponent += sign * value;
    }
  if (p != end)
    return FALSE;

  if (n == 0)
    {
      g_strlcpy (out, negative ? "-0" : "0", size);
      return TRUE;
    }
  if (exponent <= -300 || exponent >= 300)
    return FALSE;
  if (n > 15)
    {
      double tail = (digits[15] - '0') / 10.0 + (n > 16 ? (digits[16] - '0') / 100.0 : 0.0);
      double lead = (digits[0] - '0') * 100 + (digits[1] - '0') * 10 + (digits[2] - '0');
      double bound = (lead + 1) / 1000 * 0.1111 + 0.001;

      if (tail < 0.5 + bound && tail + 0.01 > 0.5 - bound)
        return FALSE;
      n = 15;
      if (tail > 0.5)
        {
          int i = 14;

          for (; i >= 0 && digits[i] == '9'; i--)
            digits[i] = '0';
          if (i >= 0)
            digits[i]++;
          else
            {
              digits[0] = '1';
              exponent++;
            }
        }
    }
  while (n > 1 && digits[n - 1] == '0')
    n--;

  if (negative)
    *o++ = '-';
  if (exponent < -4 || exponent >= 15)
    {
      *o++ = digits[0];
      if (n > 1)
        {
          *o++ = '.';
          memcpy (o, digits + 1, n - 1);
          o += n - 1;
        }
      g_snprintf (o, size - (o - out), "e%c%02d", exponent < 0 ? '-' : '+', ABS (exponent));
      return TRUE;
    }
  if (exponent < 0)
    {
      *o++ = '0';
      *o++ = '.';
      for (int i = -1; i > exponent; i--)
        *o++ = '0';
      memcpy (o, digits, n);
      o += n;
    }
  else
    {
      for (int i = 0; i <= exponent; i++)
        *o++ = (guint)i < n ? digits[i] : '0';
      if (n > (guint)exponent + 1)
        {
          *o++ = '.';
          memcpy (o, digits + exponent + 1, n - exponent - 1);
          o += n - exponent - 1;
        }
    }
  *o = '\0';
  return TRUE;
}

static gboolean
parse_number (const char *text, double *out)
{
  char *end = NULL;

  while (g_ascii_isspace (*text))
    text++;
  if (*text == '\0')
    return FALSE;
  *out = g_ascii_strtod (text, &end);
  while (end && g_ascii_isspace (*end))
    end++;
  return end && *end == '\0' && isfinite (*out);
}

/* g_string_append_len() without the call into GLib when the text fits, as it nearly always
 * does: it runs for every cell. */
static inline void
append_text (GString *string, const char *text, gsize length)
{
  if (G_LIKELY (string->len + length < string->allocated_len))
    {
      memcpy (string->str + string->len, text, length);
      string->len += length;
      string->str[string->len] = '\0';
    }
  else
    g_string_append_len (string, text, length);
}

static void
sheet_reader_grow (SheetReader *s, guint column)
{
  guint capacity = MAX (s->capacity, 64);

  while (capacity <= column)
    capacity *= 2;
  capacity = MIN (capacity, CAK_SHEET_MAX_COLUMNS);
  s->cells = g_renew (const char *, s->cells, capacity);
  s->types = g_renew (guint8, s->types, capacity);
  s->starts = g_renew (gsize, s->starts, capacity);
  s->capacity = capacity;
}

/* Puts a cell in the row being built; the columns before it that have nothing stay empty. */
static void
put_cell (SheetReader *s, guint column, guint8 type, const char *text, gsize start)
{
  if (column >= s->capacity)
    sheet_reader_grow (s, column);
  for (guint i = s->n_cells; i < column; i++)
    {
      s->cells[i] = "";
      s->types[i] = CAK_CELL_EMPTY;
    }
  if (column >= s->n_cells)
    s->n_cells = column + 1;
  s->cells[column] = text;
  s->types[column] = type;
  s->starts[column] = start;
}

/* Puts a cell whose text goes into the row buffer. */
static void
put_text_cell (SheetReader *s, guint column, guint8 type, const char *text, gsize length,
               gboolean unescape)
{
  gsize start = s->row_text->len;

  if (length == 0)
    return;
  if (unescape)
    append_unescaped (s->row_text, text, length);
  else
    append_text (s->row_text, text, length);
  if (s->row_text->len == start)
    return;
  g_string_append_c (s->row_text, '\0');
  put_cell (s, column, type | IN_ROW_TEXT, NULL, start);
}

static void
put_number_cell (SheetReader *s, guint column, const char *text, gsize length)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  double value;

  if (s->style < s->x->style_is_date->len && s->x->style_is_date->data[s->style]
      && parse_number (text, &value)
      && format_serial_date (value, s->x->date1904, buffer, sizeof buffer))
    put_text_cell (s, column, CAK_CELL_DATE, buffer, strlen (buffer), FALSE);
  else if (format_decimal (text, length, buffer, sizeof buffer))
    put_text_cell (s, column, CAK_CELL_NUMBER, buffer, strlen (buffer), FALSE);
  else if (parse_number (text, &value))
    {
      g_ascii_formatd (buffer, sizeof buffer, "%.15g", value);
      put_text_cell (s, column, CAK_CELL_NUMBER, buffer, strlen (buffer), FALSE);
    }
  else
    put_text_cell (s, column, CAK_CELL_TEXT, text, length, FALSE);
}

static const char *
sheet_reader_cell_name (SheetReader *s, char *out, gsize size)
{
  char letters[8];

  format_column ((guint)s->column, letters);
  g_snprintf (out, size, "%s%u", letters, s->row);
  return out;
}

/* At a cell's end: its value, by its kind, into the row. */
static gboolean
finish_cell (SheetReader *s, GError **error)
{
  const char *value = s->value->str;
  gsize length = s->value->len;
  guint column = (guint)s->column;
  char buffer[32];

  switch (s->kind)
    {
      case KIND_NUMBER:
        if (length > 0)
          put_number_cell (s, column, value, length);
        break;
      case KIND_SHARED_STRING:
        if (length > 0)
          {
            Xlsx *x = s->x;
            guint index;

            if (!parse_uint (value, &index) || index >= x->string_starts->len)
              {
                g_autofree char *shown = g_utf8_make_valid (value, MIN (length, 16));

                g_set_error (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_CORRUPT,
                             _ ("“%s” is a damaged workbook: sheet “%s”, cell %s refers to shared "
                                "text %s, which the workbook does not have."),
                             x->display_name, s->sheet->name,
                             sheet_reader_cell_name (s, buffer, sizeof buffer), shown);
                return FALSE;
              }
            value = x->strings->str + g_array_index (x->string_starts, gsize, index);
            if (*value)
              put_cell (s, column, CAK_CELL_TEXT, value, 0);
          }
        break;
      case KIND_INLINE_STRING:
        if (s->has_inline)
          put_text_cell (s, column, CAK_CELL_TEXT, s->inline_text->str, s->inline_text->len, TRUE);
        else
          put_text_cell (s, column, CAK_CELL_TEXT, value, length, TRUE);
        break;
      case KIND_FORMULA_STRING:
        put_text_cell (s, column, CAK_CELL_TEXT, value, length, TRUE);
        break;
      case KIND_BOOLEAN:
        if (length > 0)
          put_cell (s, column, CAK_CELL_BOOLEAN, parse_boolean (value) ? "TRUE" : "FALSE", 0);
        break;
      case KIND_ERROR:
        put_text_cell (s, column, CAK_CELL_ERROR, value, length, FALSE);
        break;
      case KIND_ISO_DATE:
        if (format_iso_date (value, buffer, sizeof buffer))
          put_text_cell (s, column, CAK_CELL_DATE, buffer, strlen (buffer), FALSE);
        else
          put_text_cell (s, column, CAK_CELL_TEXT, value, length, FALSE);
        break;
      default:
        g_assert_not_reached ();
    }
  return TRUE;
}

static CellKind
parse_kind (const char *t)
{
  switch (t[0])
    {
      case 's':
        return t[1] == '\0' ? KIND_SHARED_STRING : KIND_FORMULA_STRING; /* "s", "str" */
      case 'i':
        return KIND_INLINE_STRING;
      case 'b':
        return KIND_BOOLEAN;
      case 'e':
        return KIND_ERROR;
      case 'd':
        return KIND_ISO_DATE;
      default:
        return KIND_NUMBER; /* "n", and anything unknown */
    }
}

static gboolean
set_beyond_row (SheetReader *s, const char *shown, GError **error)
{
  g_set_error (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_CORRUPT,
               _ ("“%s” is a damaged workbook: sheet “%s”, row %s lies beyond the last row, %u."),
               s->x->display_name, s->sheet->name, shown, (guint)CAK_SHEET_MAX_ROWS);
  return FALSE;
}

static gboolean
set_beyond_column (SheetReader *s, const char *shown, GError **error)
{
  g_set_error (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_CORRUPT,
               _ ("“%s” is a damaged workbook: sheet “%s”, cell %s lies beyond the last column, "
                  "XFD."),
               s->x->display_name, s->sheet->name, shown);
  return FALSE;
}

/* An attribute's value from libxml2's SAX2 attribute array (local name, prefix, URI, value, end
 * of value), NUL-terminated in @buffer when it fits and in *@heap, to be freed, when it does not:
 * the values read here are a few bytes long, except in hostile files. */
static const char *
attribute_value (const xmlChar *const *attribute, char *buffer, gsize size, char **heap)
{
  gsize length = (gsize)(attribute[4] - attribute[3]);
  char *out = buffer;

  if (length >= size)
    out = *heap = g_malloc (length + 1);
  memcpy (out, attribute[3], length);
  out[length] = '\0';
  return out;
}

/* At a <c>: where it goes, its kind and its style. */
static gboolean
begin_cell (SheetReader *s, int n_attributes, const xmlChar **attributes, GError **error)
{
  g_autofree char *heap = NULL;
  char ref_buffer[32];
  const char *ref = NULL;
  guint column = 0, row = 0;
  RefCheck check = REF_INVALID;

  s->kind = KIND_NUMBER;
  s->style = 0;
  s->has_inline = FALSE;
  g_string_truncate (s->value, 0);
  g_string_truncate (s->inline_text, 0);

  for (int i = 0; i < n_attributes; i++)
    {
      const xmlChar *const *attribute = attributes + 5 * i;
      const xmlChar *name = attribute[0];

      if (name == s->n_r)
        {
          g_clear_pointer (&heap, g_free);
          ref = attribute_value (attribute, ref_buffer, sizeof ref_buffer, &heap);
          check = parse_reference (ref, &column, &row);
        }
      else if (name == s->n_t || name == s->n_s)
        {
          g_autofree char *long_value = NULL;
          char buffer[16];
          const char *text = attribute_value (attribute, buffer, sizeof buffer, &long_value);

          if (name == s->n_t)
            s->kind = parse_kind (text);
          else
            parse_uint (text, &s->style);
        }
    }

  /* Out of the sheet: named as the file has it, which is then letters and digits. */
  if (check == REF_BEYOND_COLUMNS)
    {
      g_autofree char *shown = g_strndup (ref, 16);

      return set_beyond_column (s, shown, error);
    }
  if (check == REF_BEYOND_ROWS)
    {
      const char *digits = ref;
      g_autofree char *shown = NULL;

      while (g_ascii_isalpha (*digits))
        digits++;
      shown = g_strndup (digits, 16);
      return set_beyond_row (s, shown, error);
    }
  if (check == REF_INVALID)
    {
      if (s->column + 1 >= CAK_SHEET_MAX_COLUMNS)
        {
          char name[32];

          s->column++;
          return set_beyond_column (s, sheet_reader_cell_name (s, name, sizeof name), error);
        }
      s->column++;
      return TRUE;
    }
  s->column = (int)column;
  /* A row without a number takes it from its cells when they have one. */
  if (row > 0 && !s->row_from_file)
    s->row = row;
  return TRUE;
}

static gboolean
begin_row (SheetReader *s, int n_attributes, const xmlChar **attributes, GError **error)
{
  g_autofree char *heap = NULL;
  char buffer[32];
  const char *ref = NULL;

  for (int i = 0; i < n_attributes; i++)
    if (attributes[5 * i] == s->n_r)
      {
        g_clear_pointer (&heap, g_free);
        ref = attribute_value (attributes + 5 * i, buffer, sizeof buffer, &heap);
      }

  s->n_cells = 0;
  s->column = -1;
  g_string_truncate (s->row_text, 0);
  s->row_from_file = FALSE;
  /* A number that is no row number is no number: the row follows the one before. */
  if (ref && *ref && ref[strspn (ref, "0123456789")] == '\0' && *ref != '0')
    {
      guint64 row;

      if (!g_ascii_string_to_unsigned (ref, 10, 1, CAK_SHEET_MAX_ROWS, &row, NULL))
        {
          g_autofree char *shown = g_strndup (ref, 16);

          return set_beyond_row (s, shown, error);
        }
      s->row = (guint)row;
      s->row_from_file = TRUE;
    }
  else if (s->last_row >= CAK_SHEET_MAX_ROWS)
    {
      char shown[16];

      g_snprintf (shown, sizeof shown, "%u", s->last_row + 1);
      return set_beyond_row (s, shown, error);
    }
  else
    s->row = s->last_row + 1;
  return TRUE;
}

/* Progress is the part of all the worksheets' inflated bytes read so far. */
static void
report_progress (Xlsx *x, guint64 done)
{
  if (x->callbacks->progress && x->total_size > 0)
    x->callbacks->progress (MIN ((double)done / (double)x->total_size, 1.0),
                            x->callbacks->user_data);
}

/* At a row's end: hands it on. */
static gboolean
finish_row (SheetReader *s, GError **error)
{
  Xlsx *x = s->x;
  CakRow row;

  s->sheet_cells += s->n_cells;
  if (s->sheet_cells > CAK_SHEET_MAX_CELLS)
    {
      g_autofree char *shown = g_strdup_printf ("%u", s->row);

      g_set_error (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_TOO_LARGE,
                   _ ("“%s” was not read: by row %s, sheet “%s” spans more than %u million cells "
                      "(counting the empty cells between those with content), more than any "
                      "table of figures needs."),
                   x->display_name, shown, s->sheet->name, CAK_SHEET_MAX_CELLS_MILLIONS);
      return FALSE;
    }
  for (guint i = 0; i < s->n_cells; i++)
    if (s->types[i] & IN_ROW_TEXT)
      {
        s->cells[i] = s->row_text->str + s->starts[i];
        s->types[i] &= ~IN_ROW_TEXT;
      }
  row.row = s->row;
  row.n_cells = s->n_cells;
  row.cells = s->cells;
  row.types = s->types;
  s->last_row = s->row;
  if (!x->callbacks->row (&row, x->callbacks->user_data))
    {
      x->stopped = TRUE;
      return TRUE;
    }
  if (++s->rows_read % ROWS_PER_CHECK == 0)
    {
      if (g_cancellable_set_error_if_cancelled (x->cancellable, error))
        return FALSE;
      report_progress (x, x->done_size + MIN (cak_zip_part_get_read (s->part), s->sheet->size));
    }
  return TRUE;
}

static void
add_merge (SheetReader *s, int n_attributes, const xmlChar **attributes)
{
  g_autofree char *ref = NULL;
  char *colon;
  guint c1, r1, c2, r2;
  CakMerge merge;

  for (int i = 0; i < n_attributes; i++)
    if (xmlStrEqual (attributes[5 * i], BAD_CAST "ref"))
      {
        g_free (ref);
        ref = g_strndup ((const char *)attributes[5 * i + 3],
                         attributes[5 * i + 4] - attributes[5 * i + 3]);
      }
  if (ref == NULL)
    return;
  colon = strchr (ref, ':');
  if (colon)
    *colon = '\0';
  if (parse_reference (ref, &c1, &r1) != REF_VALID || r1 == 0)
    return;
  if (colon == NULL)
    {
      c2 = c1;
      r2 = r1;
    }
  else if (parse_reference (colon + 1, &c2, &r2) != REF_VALID || r2 == 0)
    return;
  merge.first_row = MIN (r1, r2);
  merge.last_row = MAX (r1, r2);
  merge.first_column = MIN (c1, c2);
  merge.last_column = MAX (c1, c2);
  g_array_append_val (s->merges, merge);
}

/* Keeps the first error, which read_worksheet() then reports. From then on the callbacks do
 * nothing and the parser is given no more input, so it soon ends. */
static void
sheet_reader_fail (SheetReader *s, GError *error)
{
  if (s->error == NULL)
    s->error = error;
  else
    g_error_free (error);
}

/* The same, from a SAX callback where libxml2 allows stopping the parser at once (not from its
 * error or input callbacks, where it may still hold the input it would free). */
static void
sheet_reader_stop (SheetReader *s, GError *error)
{
  sheet_reader_fail (s, error);
  xmlStopParser (s->parser);
}

static void
sheet_start_element_cb (void *user_data, const xmlChar *name, const xmlChar *prefix,
                        const xmlChar *uri, int n_namespaces, const xmlChar **namespaces,
                        int n_attributes, int n_defaulted, const xmlChar **attributes)
{
  SheetReader *s = user_data;
  GError *error = NULL;

  if (s->error || s->x->stopped)
    return;
  switch (s->level)
    {
      case LEVEL_CELL:
        if (name == s->n_v)
          s->collect = s->value;
        else if (name == s->n_is)
          {
            s->has_inline = TRUE;
            s->in_inline = TRUE;
          }
        else if (name == s->n_rph)
          s->in_rph = TRUE;
        else if (name == s->n_t && s->in_inline && !s->in_rph)
          s->collect = s->inline_text;
        break;
      case LEVEL_ROW:
        if (name == s->n_c)
          {
            if (!begin_cell (s, n_attributes, attributes, &error))
              {
                sheet_reader_stop (s, error);
                return;
              }
            s->level = LEVEL_CELL;
            s->in_inline = s->in_rph = FALSE;
            s->collect = NULL;
          }
        break;
      case LEVEL_SHEET_DATA:
        if (name == s->n_row)
          {
            if (!begin_row (s, n_attributes, attributes, &error))
              {
                sheet_reader_stop (s, error);
                return;
              }
            s->level = LEVEL_ROW;
          }
        break;
      case LEVEL_WORKSHEET:
        if (name == s->n_sheet_data)
          s->level = LEVEL_SHEET_DATA;
        else if (name == s->n_merge_cell)
          add_merge (s, n_attributes, attributes);
        break;
      default:
        g_assert_not_reached ();
    }
}

static void
sheet_end_element_cb (void *user_data, const xmlChar *name, const xmlChar *prefix,
                      const xmlChar *uri)
{
  SheetReader *s = user_data;
  GError *error = NULL;

  if (s->error || s->x->stopped)
    return;
  switch (s->level)
    {
      case LEVEL_CELL:
        if (name == s->n_c)
          {
            s->collect = NULL;
            s->level = LEVEL_ROW;
            if (!finish_cell (s, &error))
              sheet_reader_stop (s, error);
          }
        else if (name == s->n_v || name == s->n_t)
          s->collect = NULL;
        else if (name == s->n_is)
          s->in_inline = FALSE;
        else if (name == s->n_rph)
          s->in_rph = FALSE;
        break;
      case LEVEL_ROW:
        if (name == s->n_row)
          {
            s->level = LEVEL_SHEET_DATA;
            if (!finish_row (s, &error))
              sheet_reader_stop (s, error);
            else if (s->x->stopped)
              xmlStopParser (s->parser);
          }
        break;
      case LEVEL_SHEET_DATA:
        if (name == s->n_sheet_data)
          s->level = LEVEL_WORKSHEET;
        break;
      case LEVEL_WORKSHEET:
        break;
      default:
        g_assert_not_reached ();
    }
}

/* Text, CDATA and white space alike; libxml2 hands a node's text on in pieces (at most a few
 * hundred bytes, and a piece ends where an input chunk does), which add up here. */
static void
sheet_characters_cb (void *user_data, const xmlChar *text, int length)
{
  SheetReader *s = user_data;

  if (s->collect == NULL || s->error || s->x->stopped)
    return;
  /* The tree the xmlTextReader builds refuses a text node beyond XML_MAX_TEXT_LENGTH (without
   * XML_PARSE_HUGE, which stays off); the same limit holds for a cell's text here, so that one
   * cell cannot fill the memory, and gives the message the reader gave. */
  if (s->collect->len + (gsize)length > XML_MAX_TEXT_LENGTH)
    {
      sheet_reader_stop (
          s, g_error_new (CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_CORRUPT,
                          _ ("“%s” is a damaged workbook: its part “%s” is not well-formed XML "
                             "near line %d (%s)."),
                          s->x->display_name, cak_zip_part_get_name (s->part),
                          xmlSAX2GetLineNumber (s->parser), "xmlSAX2Characters: huge text node"));
      return;
    }
  append_text (s->collect, (const char *)text, length);
}

/* No spreadsheet program writes a document type declaration, and one is where entity tricks
 * (billion laughs, external entities) begin. libxml2 is already told not to expand entities nor
 * load anything; this does not depend on it: the parser stops before the internal subset. */
static void
sheet_internal_subset_cb (void *user_data, const xmlChar *name, const xmlChar *external_id,
                          const xmlChar *system_id)
{
  SheetReader *s = user_data;

  sheet_reader_stop (s, g_error_new (CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_CORRUPT,
                                     _ ("“%s” was not read: its part “%s” declares a document "
                                        "type, which no spreadsheet program writes."),
                                     s->x->display_name, cak_zip_part_get_name (s->part)));
}

/* Any error, even one the parser could recover from (an undeclared namespace prefix), stops the
 * import, as the xmlTextReader's did; warnings do not. */
static void
sheet_error_cb (void *user_data, xmlErrorPtr xml_error)
{
  SheetReader *s = user_data;
  g_autofree char *text = NULL;

  if (xml_error == NULL || xml_error->level < XML_ERR_ERROR || s->error)
    return;
  text = g_strstrip (g_strdup (xml_error->message ? xml_error->message : ""));
  sheet_reader_fail (s, g_error_new (CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_CORRUPT,
                                     _ ("“%s” is a damaged workbook: its part “%s” is not "
                                        "well-formed XML near line %d (%s)."),
                                     s->x->display_name, cak_zip_part_get_name (s->part),
                                     xml_error->line, text));
}

/* libxml2 pulls the inflated worksheet through this; an error (a zip bomb, a damaged part) is
 * kept to be reported rather than libxml2's "read error". */
static int
sheet_read_cb (void *user_data, char *buffer, int length)
{
  SheetReader *s = user_data;
  GError *error = NULL;
  gssize n;

  if (s->error)
    return -1;
  n = cak_zip_part_read (s->part, buffer, (gsize)length, &error);
  if (n < 0)
    {
      sheet_reader_fail (s, error);
      return -1;
    }
  return (int)n;
}

static int
sheet_close_cb (void *user_data)
{
  return 0;
}

/* Streams one worksheet's rows to the row callback and gathers its merged ranges. The worksheet,
 * where nearly all the time goes, is parsed with libxml2's SAX2 parser pulling the inflated part
 * through cak_zip_part_read(): no tree, no node per cell, no copy of a value but into the row.
 * (The push parser, fed with the same chunks, does about a tenth more work in its state machine
 * for the same result.) */
static gboolean
read_worksheet (SheetReader *s, GError **error)
{
  xmlSAXHandler sax = { 0 };

  sax.initialized = XML_SAX2_MAGIC;
  sax.startElementNs = sheet_start_element_cb;
  sax.endElementNs = sheet_end_element_cb;
  /* The same function for both spares libxml2 its test for ignorable blanks. */
  sax.characters = sheet_characters_cb;
  sax.ignorableWhitespace = sheet_characters_cb;
  sax.cdataBlock = sheet_characters_cb;
  sax.internalSubset = sheet_internal_subset_cb;
  sax.serror = sheet_error_cb;

  s->parser
      = xmlCreateIOParserCtxt (&sax, s, sheet_read_cb, sheet_close_cb, s, XML_CHAR_ENCODING_NONE);
  if (s->parser == NULL)
    {
      g_set_error (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_CORRUPT,
                   _ ("“%s” is a damaged workbook: its part “%s” could not be read."),
                   s->x->display_name, cak_zip_part_get_name (s->part));
      return FALSE;
    }
  /* No XML_PARSE_NOENT nor XML_PARSE_DTDLOAD: entities stay unexpanded and nothing is loaded. */
  xmlCtxtUseOptions (s->parser, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);

#define INTERN(name) xmlDictLookup (s->parser->dict, BAD_CAST (name), -1)
  s->n_sheet_data = INTERN ("sheetData");
  s->n_row = INTERN ("row");
  s->n_c = INTERN ("c");
  s->n_v = INTERN ("v");
  s->n_is = INTERN ("is");
  s->n_t = INTERN ("t");
  s->n_rph = INTERN ("rPh");
  s->n_merge_cell = INTERN ("mergeCell");
  s->n_r = INTERN ("r");
  s->n_s = INTERN ("s");
#undef INTERN

  if (xmlParseDocument (s->parser) != 0 && s->error == NULL && !s->x->stopped)
    g_set_error (&s->error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_CORRUPT,
                 _ ("“%s” is a damaged workbook: its part “%s” could not be read."),
                 s->x->display_name, cak_zip_part_get_name (s->part));

  g_clear_pointer (&s->parser, xmlFreeParserCtxt);
  if (s->error)
    {
      g_propagate_error (error, g_steal_pointer (&s->error));
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_sheet (Xlsx *x, const Sheet *sheet, GError **error)
{
  const CakSheetCallbacks *callbacks = x->callbacks;
  CakSheetInfo info = { sheet->name, sheet->index, sheet->hidden, sheet->computed_from };
  SheetReader s = { 0 };
  gboolean ok;

  if (g_cancellable_set_error_if_cancelled (x->cancellable, error))
    return FALSE;
  if (callbacks->sheet_begin && !callbacks->sheet_begin (&info, callbacks->user_data))
    {
      x->done_size += sheet->size;
      return TRUE;
    }
  s.part = cak_zip_part_open (x->zip, sheet->part, error);
  if (s.part == NULL)
    return FALSE;

  s.x = x;
  s.sheet = sheet;
  s.row_text = g_string_sized_new (4096);
  s.value = g_string_sized_new (64);
  s.inline_text = g_string_sized_new (64);
  s.merges = g_array_new (FALSE, FALSE, sizeof (CakMerge));
  sheet_reader_grow (&s, 0);

  ok = read_worksheet (&s, error);
  if (ok && !x->stopped)
    {
      x->done_size += sheet->size;
      report_progress (x, x->done_size);
      if (callbacks->sheet_end)
        callbacks->sheet_end (&info, (const CakMerge *)(void *)s.merges->data, s.merges->len,
                              callbacks->user_data);
    }

  g_free (s.cells);
  g_free (s.types);
  g_free (s.starts);
  g_string_free (s.row_text, TRUE);
  g_string_free (s.value, TRUE);
  g_string_free (s.inline_text, TRUE);
  g_array_unref (s.merges);
  g_clear_pointer (&s.part, cak_zip_part_close);
  return ok;
}

/* An OLE2 compound file whose first directory sector lists an "EncryptedPackage" stream: how
 * Excel saves a workbook protected by a password to open. */
static gboolean
is_encrypted_package (const char *path)
{
  static const char magic[8] = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
  static const char name[] = "EncryptedPackage";
  g_autofree guint8 *sector = NULL;
  guint8 header[512];
  FILE *file;
  guint shift;
  guint32 directory;
  guint64 offset;
  gsize size;
  gboolean found = FALSE;

  file = g_fopen (path, "rb");
  if (file == NULL)
    return FALSE;
  if (fread (header, 1, sizeof header, file) != sizeof header || memcmp (header, magic, 8) != 0)
    {
      fclose (file);
      return FALSE;
    }
  shift = header[30] | header[31] << 8;
  if (shift != 9 && shift != 12)
    {
      fclose (file);
      return FALSE;
    }
  size = (gsize)1 << shift;
  memcpy (&directory, header + 48, sizeof directory);
  offset = ((guint64)GUINT32_FROM_LE (directory) + 1) << shift;
  sector = g_malloc (size);
  if (fseeko (file, (off_t)offset, SEEK_SET) == 0 && fread (sector, 1, size, file) == size)
    for (gsize entry = 0; entry + 128 <= size && !found; entry += 128)
      {
        const guint8 *e = sector + entry;
        guint length = e[64] | e[65] << 8;

        if (length != 2 * sizeof name)
          continue;
        found = TRUE;
        for (guint i = 0; i < sizeof name - 1; i++)
          if (e[2 * i] != (guint8)name[i] || e[2 * i + 1] != 0)
            found = FALSE;
      }
  fclose (file);
  return found;
}

/**
 * cak_xlsx_read:
 * @path: a file in the local file system
 * @display_name: the file's name as the user knows it, for messages
 * @callbacks: called for each worksheet and each of its rows, in the order of the tabs
 *
 * Reads the worksheets of an Office Open XML workbook (.xlsx, .xlsm), finding its parts
 * through the package's relationships. Chart sheets and other sheets without cells are left
 * out, though CakSheetInfo.index counts them, so that it is the position of the sheet's tab;
 * hidden sheets are read and marked hidden. Cells come typed: shared, rich and inline text as
 * TEXT, numbers as "%.15g" gives them, numbers in a date or time format and t="d" cells as ISO
 * 8601 DATE text (1900 and 1904 date systems; a time of day alone, a serial below 1, as
 * "08:30:00"; serial 60 of the 1900 system, a 29 February 1900 that never was, stays a NUMBER),
 * booleans as TRUE or FALSE, errors as Excel shows them. A formula gives the value Excel last
 * computed for it. Every row element of the file comes, even one without values.
 *
 * When @callbacks' sheet_begin returns %FALSE the sheet's rows are not read and its sheet_end
 * is not called; when its row function returns %FALSE reading stops there, without a sheet_end
 * for that sheet, and the function returns %TRUE.
 *
 * Returns: %FALSE with @error set in the %CAK_IMPORT_ERROR domain when the file is not an
 * XLSX workbook (%CAK_IMPORT_ERROR_NOT_A_SPREADSHEET), is a binary one (.xlsb,
 * %CAK_IMPORT_ERROR_UNSUPPORTED), is protected by a password, damaged or too large; with
 * %G_IO_ERROR_CANCELLED when @cancellable was cancelled.
 */
gboolean
cak_xlsx_read (const char *path, const char *display_name, const CakSheetCallbacks *callbacks,
               GCancellable *cancellable, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (CakZip) zip = NULL;
  g_autofree char *workbook = NULL;
  Xlsx x = { 0 };
  gboolean ok = FALSE, has_worksheet = FALSE;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (display_name != NULL, FALSE);
  g_return_val_if_fail (callbacks != NULL && callbacks->row != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  zip = cak_zip_open (path, display_name, &local_error);
  if (zip == NULL)
    {
      if (g_error_matches (local_error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_NOT_A_SPREADSHEET)
          && is_encrypted_package (path))
        {
          g_set_error (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_ENCRYPTED,
                       _ ("“%s” is protected by a password. Open it in your spreadsheet program, "
                          "remove the password, save it, and import it again."),
                       display_name);
          return FALSE;
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  x.zip = zip;
  x.display_name = display_name;
  x.callbacks = callbacks;
  x.cancellable = cancellable;
  x.sheets = g_array_new (FALSE, TRUE, sizeof (Sheet));
  g_array_set_clear_func (x.sheets, clear_sheet);
  x.strings = g_string_new (NULL);
  x.string_starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  x.style_is_date = g_byte_array_new ();

  workbook = find_workbook (&x, error);
  if (workbook == NULL || !read_workbook (&x, workbook, error))
    goto out;

  /* Every worksheet's part is looked at before any row is read: a missing or encrypted one
   * fails the whole file rather than half of it, and the sizes give the progress. */
  for (guint i = 0; i < x.sheets->len; i++)
    {
      Sheet *sheet = &g_array_index (x.sheets, Sheet, i);
      CakZipPart *part;

      if (sheet->part == NULL)
        continue;
      part = cak_zip_part_open (zip, sheet->part, error);
      if (part == NULL)
        goto out;
      sheet->size = cak_zip_part_get_size (part);
      x.total_size += sheet->size;
      has_worksheet = TRUE;
      cak_zip_part_close (part);
    }
  if (!has_worksheet)
    {
      g_set_error (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_EMPTY,
                   _ ("“%s” has no worksheet: no sheet in it holds cells."), display_name);
      goto out;
    }

  if (!read_styles (&x, error) || !read_shared_strings (&x, error))
    goto out;

  for (guint i = 0; i < x.sheets->len && !x.stopped; i++)
    {
      const Sheet *sheet = &g_array_index (x.sheets, Sheet, i);

      if (sheet->part && !read_sheet (&x, sheet, error))
        goto out;
    }
  ok = TRUE;

out:
  g_array_unref (x.sheets);
  g_free (x.shared_strings_part);
  g_free (x.styles_part);
  g_string_free (x.strings, TRUE);
  g_array_unref (x.string_starts);
  g_byte_array_unref (x.style_is_date);
  return ok;
}
