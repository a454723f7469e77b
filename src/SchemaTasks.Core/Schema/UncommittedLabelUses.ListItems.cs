using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

internal static partial class UncommittedLabelUses
{
    private sealed partial class Scan
    {
        // The last constant of a row found to be no use, and its column: rows of a long VALUES
        // list repeat their values.
        private (int Start, int Length, CatalogColumn? Column) _lastPlainValue;

        /// <summary>
        /// Whether the constant at <paramref name="i"/> stands alone between <c>(</c> or <c>,</c>
        /// and <c>)</c> or <c>,</c> (a value of a VALUES row, an argument, an item of a list), where
        /// the statement has no <c>ARRAY</c> and names no routine the migrations created, and the
        /// constant is no array literal: then nothing but the column it is inserted into (or an
        /// <c>IN</c> list, which the caller tells) makes it a value of a type, and the other rules
        /// are not asked, nor is it unquoted. A long VALUES list is mostly such constants.
        /// </summary>
        private bool IsPlainListItem(int i)
        {
            if (i == 0 || i + 1 >= tokens.Count) return false;
            var (previous, next) = (tokens[i - 1], tokens[i + 1]);
            if (!(SqlTokenText.IsSymbol(sql, previous, '(') || SqlTokenText.IsSymbol(sql, previous, ','))) return false;
            if (!(SqlTokenText.IsSymbol(sql, next, ')') || SqlTokenText.IsSymbol(sql, next, ','))) return false;
            if (sql.AsSpan(tokens[i].Start, tokens[i].Length).IndexOf('{') >= 0) return false;
            return !HasArray && CallsNeedARoutineName && !MayCallARoutine();
        }

        // A plain value inserted into column: a use when its type lacks (or has not committed) the label.
        private UncommittedLabelUse? InsertedUse(int i, CatalogColumn column)
        {
            var token = tokens[i];
            var (start, length, last) = _lastPlainValue;
            if (ReferenceEquals(last, column) && length == token.Length && sql.AsSpan(start, length).SequenceEqual(sql.AsSpan(token.Start, token.Length))) return null;
            if (OfColumn(column, SqlTokenText.Unquote(sql, token)) is { } label) return new UncommittedLabelUse(label, token);
            _lastPlainValue = (token.Start, token.Length, column);
            return null;
        }
    }
}
