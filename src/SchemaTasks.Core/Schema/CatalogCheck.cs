using System.Collections.Immutable;

namespace SchemaTasks.Schema;

/// <summary>
/// A CHECK constraint of a table or domain. When the expression restricts one column to a list
/// of values (<c>col IN (...)</c>, <c>col = ANY (ARRAY[...])</c>, <c>col = 'a' OR col = 'b'</c>,
/// <c>VALUE IN (...)</c>), <see cref="Column"/> and <see cref="Values"/> say so; any other
/// shape is kept as opaque text and never guessed at.
/// </summary>
/// <param name="Name">The constraint name, given or as the server generates it.</param>
/// <param name="Expression">
/// The expression: for a value set, rendered canonically as <c>column IN ('a', 'b')</c> whatever
/// form was written; otherwise the text as written, whitespace-normalised.
/// </param>
/// <param name="Column">The restricted column (<c>VALUE</c> for a domain), or <see langword="null"/> when opaque.</param>
/// <param name="Values">The allowed values in written order; empty when opaque.</param>
public sealed record CatalogCheck(string Name, string Expression, string? Column, ImmutableArray<string> Values)
{
    /// <summary>Whether the check is a value set on <see cref="Column"/>.</summary>
    public bool IsValueSet => Column is not null;

    /// <summary>
    /// The column a MariaDB column-level CHECK belongs to (written in that column's definition), or
    /// <see langword="null"/> for a table-level CHECK and in the other dialects. MariaDB drops the
    /// check when MODIFY or CHANGE COLUMN redefines that column, and keeps the name it was given
    /// (the column's name then) when the column is renamed.
    /// </summary>
    public string? OwnerColumn { get; init; }

    /// <summary>
    /// The names an opaque expression mentions, other than functions and cast types (folded), as
    /// the parser found them when the check was added, so that DROP and RENAME COLUMN need not read
    /// the text again; default (not known) for a check read from a snapshot.
    /// </summary>
    internal ImmutableArray<string> Identifiers { get; init; }

    /// <summary>
    /// PostgreSQL: a value set's expression as written (<c>c::e IN ('a', 'b')</c>), whose casts the
    /// canonical <see cref="Expression"/> leaves out but the server records as dependencies on
    /// the type, so that DROP TYPE sees them; <see langword="null"/> when not kept (an opaque
    /// check, whose <see cref="Expression"/> is the written text, or a check read from a snapshot).
    /// </summary>
    internal string? WrittenExpression { get; init; }

    /// <summary>PostgreSQL <c>NO INHERIT</c>: tables that inherit this one do not get the check (<see cref="TableInheritance"/>).</summary>
    internal bool NoInherit { get; init; }
}
