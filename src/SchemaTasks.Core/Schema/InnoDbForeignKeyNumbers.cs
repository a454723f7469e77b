using System.Globalization;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// MariaDB's (InnoDB's) numbers for unnamed foreign keys, <c>table_ibfk_N</c>: a statement
/// numbers its unnamed foreign keys on from the highest N among the foreign keys the table had
/// when the statement began, not from the lowest free number. Checked on MariaDB 10.11: after
/// <c>DROP FOREIGN KEY t_ibfk_2</c> on a table with _1 to _3 the next is <c>t_ibfk_4</c>; one
/// dropped in the same statement still counts; CREATE TABLE numbers 1, 2, ... whatever the names
/// it gives; only foreign keys named exactly <c>table_ibfk_</c> and digits without a leading zero
/// count (not <c>t_ibfk_05</c>, <c>t_ibfk_3x</c>, <c>T_IBFK_8</c>, nor a UNIQUE key or CHECK of
/// such a name). One statement's state: <see cref="Begin"/> starts it.
/// </summary>
internal sealed class InnoDbForeignKeyNumbers
{
    private QualifiedName? _table;
    private CatalogTable? _start;
    private int? _last;

    /// <summary>Starts a CREATE TABLE (<paramref name="start"/> null) or ALTER TABLE of <paramref name="table"/>.</summary>
    public void Begin(QualifiedName table, CatalogTable? start)
    {
        _table = table;
        _start = start;
        _last = null;
    }

    /// <summary>The name of the next unnamed foreign key of <paramref name="table"/> in this statement.</summary>
    public string Next(CatalogTable table)
    {
        // A statement that did not say Begin (or a table it renamed away from) numbers from the table as it is now.
        var start = _table is { } begun && begun == table.Name ? _start : table;
        _last ??= start is null ? 0 : Highest(start);
        _last++;
        return table.Name.Name + "_ibfk_" + _last.Value.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Remembers that the statement now goes on under the table's new name.</summary>
    public void Renamed(QualifiedName from, QualifiedName to)
    {
        if (_table is { } begun && begun == from) _table = to;
    }

    // The table as the statement found it, under the name its foreign keys then carried.
    private static int Highest(CatalogTable table)
    {
        var prefix = table.Name.Name + "_ibfk_";
        var highest = 0;
        foreach (var name in table.OtherConstraints)
        {
            if (table.Keys.TryGetValue(name, out var key) && key.Kind != ConstraintKind.ForeignKey) continue;
            if (!name.StartsWith(prefix, StringComparison.Ordinal) || name.Length == prefix.Length || name[prefix.Length] == '0') continue;
            var digits = name[prefix.Length..];
            if (digits.All(c => c is >= '0' and <= '9') && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                highest = Math.Max(highest, number);
            }
        }

        return highest;
    }
}
