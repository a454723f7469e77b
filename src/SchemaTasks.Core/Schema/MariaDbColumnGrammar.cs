using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// Where MariaDB's grammar lets a column attribute stand; MySQL 8 takes them in any order. In
/// MariaDB a column's CHECK comes after its other attributes, and only REFERENCES (then, in
/// ALTER TABLE, FIRST or AFTER) may follow it. A generated column has only its type (with
/// COLLATE or CHARACTER SET) before <c>[GENERATED ALWAYS] AS (...)</c>, and after it only
/// <c>UNIQUE [KEY]</c>, <c>COMMENT</c> and <c>INVISIBLE</c>, then its CHECK: no NULL or NOT NULL
/// anywhere, no DEFAULT, PRIMARY KEY or REFERENCES. Anything else is error 1064 (verified on
/// MariaDB 10.11).
/// </summary>
internal static class MariaDbColumnGrammar
{
    /// <summary>Reports the first attribute of <paramref name="column"/> that MariaDB's grammar has no place for.</summary>
    public static void Report(ColumnSpec column, ApplyContext context)
    {
        if (context.Rules.Dialect != SqlDialect.MariaDb || column.Attributes.Count < 2) return;
        var generated = IndexOf(column.Attributes, ColumnAttributeKind.Generated);
        var last = -1;
        for (var i = 0; i < column.Attributes.Count; i++)
        {
            var attribute = column.Attributes[i];
            var rank = generated < 0 ? PlainRank(attribute.Kind) : GeneratedRank(attribute.Kind, i < generated);
            // A rank below the one before, or a second CHECK or REFERENCES, has no place.
            if (rank is { } r && (r > last || (r == last && MayRepeat(r, generated >= 0))))
            {
                last = r;
                continue;
            }

            context.Error(DiagnosticCodes.MariaDbColumnAttributeOrder, Message(column, attribute.Kind, generated >= 0, i < generated), attribute.At);
            return;
        }
    }

    private static int IndexOf(IReadOnlyList<ColumnAttribute> attributes, ColumnAttributeKind kind)
    {
        for (var i = 0; i < attributes.Count; i++)
        {
            if (attributes[i].Kind == kind) return i;
        }

        return -1;
    }

    // The ranks that hold several attributes: those before a plain column's CHECK; a generated
    // column's type options and the attributes after its expression.
    private static bool MayRepeat(int rank, bool generated) => generated ? rank is 0 or 2 : rank == 0;

    // A plain column: attributes, then CHECK, then REFERENCES, then FIRST / AFTER.
    private static int? PlainRank(ColumnAttributeKind kind) => kind switch
    {
        ColumnAttributeKind.Check => 1,
        ColumnAttributeKind.References => 2,
        ColumnAttributeKind.Placement => 3,
        _ => 0,
    };

    // A generated column: type options, the expression, UNIQUE / COMMENT / INVISIBLE, CHECK,
    // FIRST / AFTER; null for an attribute it cannot have where it is.
    private static int? GeneratedRank(ColumnAttributeKind kind, bool beforeExpression) => kind switch
    {
        ColumnAttributeKind.TypeOption when beforeExpression => 0,
        ColumnAttributeKind.Generated => 1,
        ColumnAttributeKind.Unique or ColumnAttributeKind.Comment or ColumnAttributeKind.Invisible when !beforeExpression => 2,
        ColumnAttributeKind.Check => 3,
        ColumnAttributeKind.Placement => 4,
        _ => null,
    };

    private static string Message(ColumnSpec column, ColumnAttributeKind kind, bool generated, bool beforeExpression)
    {
        var what = Describe(kind);
        var name = column.Name;
        if (generated && kind == ColumnAttributeKind.Nullability)
        {
            return $"MariaDB refuses {what} in the definition of generated column {name} (error 1064, syntax error): its grammar has no NULL or NOT NULL for a generated column, before or after the expression (MySQL 8 takes it after). Remove it; the column is NULL where its expression is.";
        }

        if (generated && beforeExpression)
        {
            return $"MariaDB refuses {what} before the generation clause of column {name} (error 1064, syntax error): only the type, with COLLATE or CHARACTER SET, comes before [GENERATED ALWAYS] AS (...). Move it after the expression if MariaDB allows it there (UNIQUE, COMMENT, INVISIBLE, CHECK), or remove it.";
        }

        if (generated)
        {
            return $"MariaDB refuses {what} in the definition of generated column {name} (error 1064, syntax error): after the expression it takes only UNIQUE [KEY], COMMENT and INVISIBLE, then CHECK. Remove it, or declare it as a table constraint where MariaDB allows one.";
        }

        if (kind is ColumnAttributeKind.Check or ColumnAttributeKind.References)
        {
            return $"MariaDB refuses {what} in the definition of column {name} (error 1064, syntax error): a column has one CHECK and one REFERENCES there, in that order. Write the other one as a table constraint after the columns.";
        }

        return $"MariaDB refuses {what} after the CHECK or REFERENCES of column {name} (error 1064, syntax error): a column's CHECK comes after its other attributes, and only REFERENCES may follow it. Move {what} before the CHECK.";
    }

    private static string Describe(ColumnAttributeKind kind) => kind switch
    {
        ColumnAttributeKind.Nullability => "NULL / NOT NULL",
        ColumnAttributeKind.Default => "DEFAULT",
        ColumnAttributeKind.Check => "CHECK",
        ColumnAttributeKind.PrimaryKey => "PRIMARY KEY",
        ColumnAttributeKind.Unique => "UNIQUE",
        ColumnAttributeKind.References => "REFERENCES",
        ColumnAttributeKind.Generated => "the generation clause",
        ColumnAttributeKind.TypeOption => "COLLATE / CHARACTER SET",
        ColumnAttributeKind.Comment => "COMMENT",
        ColumnAttributeKind.Invisible => "INVISIBLE",
        ColumnAttributeKind.AutoIncrement => "AUTO_INCREMENT",
        ColumnAttributeKind.Placement => "FIRST / AFTER",
        _ => "this attribute",
    };
}
