using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace SchemaTasks.ValueSets;

/// <summary>
/// The value-set file, <c>schematasks.valuesets</c>: the build writes it from the migrated
/// schema, the analyzer reads it while compiling (format in docs/value-sets-format.md). Writer
/// and reader are one type, compiled into both, so they cannot drift. A line format rather
/// than JSON keeps the analyzer free of dependencies the compiler host may not have.
/// </summary>
internal static class ValueSetFile
{
    /// <summary>The file name the analyzer looks for among its additional files.</summary>
    public const string FileName = "schematasks.valuesets";

    /// <summary>The format written; a reader refuses any other (the build and the analyzer ship in one package).</summary>
    public const int Version = 1;

    private const string Header = "schematasks-value-sets";
    private const string ObjectLine = "object";
    private const string ValueLine = "value";
    private const string EnumKind = "enum";
    private const string ColumnKind = "column";

    private static readonly char[] Escaped = ['\t', '\n', '\r', '\\'];

    /// <summary>The file for <paramref name="contents"/>; deterministic, LF line endings.</summary>
    public static string Write(ValueSetContents contents)
    {
        var output = new StringWriter(CultureInfo.InvariantCulture);
        Write(contents, output);
        return output.ToString();
    }

    /// <summary>
    /// Writes the file for <paramref name="contents"/> to <paramref name="output"/> as it goes:
    /// the build task writes it straight to disk, without holding the whole text.
    /// </summary>
    public static void Write(ValueSetContents contents, TextWriter output)
    {
        output.Write(Header);
        output.Write('\t');
        output.Write(Version.ToString(CultureInfo.InvariantCulture));
        output.Write('\t');
        output.Write(contents.Dialect);
        output.Write('\n');
        foreach (var o in contents.Objects)
        {
            output.Write(ObjectLine);
            output.Write('\t');
            output.Write(o.IsEnumType ? EnumKind : ColumnKind);
            foreach (var field in new[] { o.Schema, o.Name, o.Column, o.Description, o.FixTemplate })
            {
                output.Write('\t');
                WriteEscaped(output, field);
            }

            output.Write('\n');
            foreach (var value in o.Values)
            {
                output.Write(ValueLine);
                output.Write('\t');
                WriteEscaped(output, value);
                output.Write('\n');
            }
        }
    }

    /// <summary>The contents of <paramref name="text"/>, or an error message saying what is wrong and what to do.</summary>
    public static (ValueSetContents? Contents, string? Error) Read(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var header = lines[0].Split('\t');
        if (header.Length < 2 || header[0] != Header)
        {
            return (null, "the value-set file does not start with its header; rebuild the project");
        }

        if (header[1] != Version.ToString(CultureInfo.InvariantCulture))
        {
            return (null, $"the value-set file is in format {header[1]}, and this analyzer reads format {Version}; the build and the analyzer come from different SchemaTasks.Build versions: restore and rebuild with one version");
        }

        if (header.Length != 3)
        {
            return (null, "line 1 of the value-set file is not understood; rebuild the project");
        }

        var objects = new List<ValueSetObject>();
        string[]? current = null;
        var values = new List<string>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            var fields = lines[i].Split('\t');
            switch (fields[0])
            {
                case ObjectLine when fields.Length == 7 && fields[1] is EnumKind or ColumnKind:
                    Flush();
                    current = fields;
                    break;
                case ValueLine when fields.Length == 2 && current is not null:
                    values.Add(Unescape(fields[1]));
                    break;
                default:
                    return (null, $"line {i + 1} of the value-set file is not understood; rebuild the project");
            }
        }

        Flush();
        return (new ValueSetContents(header[2], objects), null);

        void Flush()
        {
            if (current is null)
            {
                return;
            }

            var kind = current[1] == EnumKind ? ValueSetObjectKind.EnumType : ValueSetObjectKind.Column;
            objects.Add(new ValueSetObject(
                kind, Unescape(current[2]), Unescape(current[3]), Unescape(current[4]),
                Unescape(current[5]), Unescape(current[6]), values.ToArray()));
            values.Clear();
        }
    }

    // Fields are tab-separated, one object or value per line: tabs, newlines and the escape itself are escaped.
    private static void WriteEscaped(TextWriter output, string text)
    {
        if (text.IndexOfAny(Escaped) < 0)
        {
            output.Write(text);
            return;
        }

        foreach (var c in text)
        {
            switch (c)
            {
                case '\t': output.Write(@"\t"); break;
                case '\n': output.Write(@"\n"); break;
                case '\r': output.Write(@"\r"); break;
                case '\\': output.Write(@"\\"); break;
                default: output.Write(c); break;
            }
        }
    }

    private static string Unescape(string field)
    {
        if (field.IndexOf('\\') < 0)
        {
            return field;
        }

        var result = new StringBuilder(field.Length);
        for (var i = 0; i < field.Length; i++)
        {
            if (field[i] == '\\' && i + 1 < field.Length)
            {
                i++;
                result.Append(field[i] switch { 't' => '\t', 'n' => '\n', 'r' => '\r', _ => field[i] });
            }
            else
            {
                result.Append(field[i]);
            }
        }

        return result.ToString();
    }
}
