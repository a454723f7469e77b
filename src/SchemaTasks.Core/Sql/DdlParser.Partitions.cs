using System.Collections.Immutable;
using SchemaTasks.Schema;

namespace SchemaTasks.Sql;

// PostgreSQL CREATE TABLE ... PARTITION OF: the parent's columns, with options of the partition's own.
internal sealed partial class DdlParser
{
    // The type a partition's column option stands for: none of its own, as the column is the parent's.
    private static readonly TypeSpec ParentsType = new(string.Empty, null, false, null, false);

    /// <summary>
    /// <c>PARTITION OF parent [ ( column [WITH OPTIONS] constraints | table constraint, ... ) ]
    /// { FOR VALUES ... | DEFAULT } [PARTITION BY ...] [USING ...] [WITH ...] [TABLESPACE ...]</c>,
    /// read after the table's name.
    /// </summary>
    private CreateTableStatement PartitionOf(SqlToken at, QualifiedName name, bool ifNotExists)
    {
        var partitionAt = _c.Next();
        _c.Next();
        var parent = TableName();
        var columns = new List<ColumnSpec>();
        var constraints = new List<ConstraintSpec>();
        if (_c.TrySymbol('('))
        {
            do
            {
                if (IsTableConstraintStart()) constraints.Add(TableConstraint());
                else columns.Add(ColumnDefinition(partitionOptions: true));
            }
            while (_c.TrySymbol(','));
            _c.ExpectSymbol(')');
        }

        var isDefault = _c.TryWord("DEFAULT");
        var bound = isDefault ? null : Bound();
        var partitioned = false;
        PartitionKey? key = null;
        while (!_c.AtEnd)
        {
            if (_c.IsWord("PARTITION") && _c.IsWord("BY", 1))
            {
                (partitioned, key) = (true, PartitionBy());
                continue;
            }

            if (_c.IsSymbol('(')) _c.Parenthesised();
            else _c.Next();
        }

        return new CreateTableStatement(at, name, ifNotExists, false, columns, constraints)
        {
            Inherits = [parent],
            InheritsAt = partitionAt,
            PartitionOf = true,
            DefaultPartition = isDefault,
            Partitioned = partitioned,
            PartitionKey = key,
            Bound = bound,
        };
    }

    /// <summary>
    /// <c>PARTITION BY {RANGE | LIST | HASH} (element [COLLATE c] [opclass], ...)</c>; the key, or
    /// <see langword="null"/> for a form not read (the rest of the clause is then skipped).
    /// </summary>
    private PartitionKey? PartitionBy()
    {
        _c.Next();
        _c.Next();
        PartitionStrategy? strategy = _c.TryWord("RANGE") ? PartitionStrategy.Range : _c.TryWord("LIST") ? PartitionStrategy.List : _c.TryWord("HASH") ? PartitionStrategy.Hash : null;
        if (strategy is null || !_c.IsSymbol('(')) return null;
        var (start, end) = _c.Parenthesised();
        var parts = new List<PartitionKeyPart>();
        var (depth, elementStart) = (0, start);
        for (var i = start; i <= end; i++)
        {
            var token = _c.Tokens[i];
            if (i < end && SqlTokenText.IsSymbol(_c.Source, token, '(')) depth++;
            else if (i < end && SqlTokenText.IsSymbol(_c.Source, token, ')')) depth--;
            if (i < end && (depth > 0 || !SqlTokenText.IsSymbol(_c.Source, token, ','))) continue;

            // A column is a name alone, or a name followed by COLLATE or an operator class (words).
            var first = _c.Tokens[elementStart];
            var column = first.Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier
                         && (i == elementStart + 1 || _c.Tokens[elementStart + 1].Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier)
                ? PostgresNames.Stored(_rules, _rules.Name(_c.Source, first))
                : null;
            parts.Add(new PartitionKeyPart(column, column is not null && i > elementStart + 1));
            elementStart = i + 1;
        }

        return new PartitionKey(strategy.Value, [.. parts]);
    }

    /// <summary>
    /// <c>FOR VALUES FROM (...) TO (...) | IN (...) | WITH (MODULUS m, REMAINDER r)</c>, if next;
    /// <see langword="null"/> when it is not (the statement's end is then left to the caller).
    /// </summary>
    private PartitionBound? Bound()
    {
        if (!_c.IsWord("FOR") || !_c.IsWord("VALUES", 1)) return null;
        _c.Next();
        _c.Next();
        if (_c.TryWord("IN")) return new PartitionBound(PartitionStrategy.List, BoundValues(), []);
        if (_c.TryWord("FROM"))
        {
            var lower = BoundValues();
            _c.ExpectWord("TO");
            return new PartitionBound(PartitionStrategy.Range, lower, BoundValues());
        }

        _c.ExpectWord("WITH");
        _c.ExpectSymbol('(');
        var values = new BoundValue[2];
        do
        {
            var slot = _c.TryWord("MODULUS") ? 0 : _c.TryWord("REMAINDER") ? 1 : -1;
            var start = _c.Position;
            _c.SkipToListEnd();
            if (slot >= 0) values[slot] = BoundValueAt(start, _c.Position);
        }
        while (_c.TrySymbol(','));
        _c.ExpectSymbol(')');
        return new PartitionBound(PartitionStrategy.Hash, [values[0], values[1]], []);
    }

    private ImmutableArray<BoundValue> BoundValues()
    {
        _c.ExpectSymbol('(');
        var values = ImmutableArray.CreateBuilder<BoundValue>();
        do
        {
            var start = _c.Position;
            _c.SkipToListEnd();
            values.Add(BoundValueAt(start, _c.Position));
        }
        while (_c.TrySymbol(','));
        _c.ExpectSymbol(')');
        return values.ToImmutable();
    }

    // A bound value from its tokens: [-]number, 'string', 'string'::type, type 'string', NULL,
    // MINVALUE, MAXVALUE; anything else is an expression the engine does not evaluate.
    private BoundValue BoundValueAt(int start, int end)
    {
        var other = new BoundValue(BoundValueKind.Other, string.Empty);
        if (end <= start) return other;
        var tokens = _c.Tokens;
        var first = tokens[start];
        var count = end - start;
        if (count == 1 && first.Kind == SqlTokenKind.Word)
        {
            var word = SqlTokenText.Raw(_c.Source, first).ToUpperInvariant();
            return word switch
            {
                "NULL" => new BoundValue(BoundValueKind.Null, string.Empty),
                "MINVALUE" => new BoundValue(BoundValueKind.MinValue, string.Empty),
                "MAXVALUE" => new BoundValue(BoundValueKind.MaxValue, string.Empty),
                _ => other,
            };
        }

        if (count == 1 && first.Kind == SqlTokenKind.Number) return new BoundValue(BoundValueKind.Number, SqlTokenText.Raw(_c.Source, first));
        if (count == 2 && tokens[end - 1].Kind == SqlTokenKind.Number && (SqlTokenText.IsSymbol(_c.Source, first, '-') || SqlTokenText.IsSymbol(_c.Source, first, '+')))
        {
            return new BoundValue(BoundValueKind.Number, SqlTokenText.Raw(_c.Source, first) + SqlTokenText.Raw(_c.Source, tokens[end - 1]));
        }

        // 'text', 'text'::type and type 'text': the type is the column's, so the string alone counts.
        var literal = first.Kind == SqlTokenKind.String ? first : count == 2 && first.Kind == SqlTokenKind.Word && tokens[end - 1].Kind == SqlTokenKind.String ? tokens[end - 1] : default;
        if (literal.Kind != SqlTokenKind.String || !IsPlainString(literal)) return other;
        var cast = first.Kind == SqlTokenKind.String && (count == 1 || (count == 3 && SqlTokenText.IsSymbol(_c.Source, tokens[start + 1], "::") && tokens[start + 2].Kind == SqlTokenKind.Word));
        return cast || first.Kind == SqlTokenKind.Word ? new BoundValue(BoundValueKind.String, SqlTokenText.Unquote(_c.Source, literal)) : other;
    }

    // A plain '...' literal: E'...', dollar quotes and the like are read as expressions.
    private bool IsPlainString(SqlToken token) => _c.Source[token.Start] == '\'';

    /// <summary>
    /// <c>ATTACH PARTITION name {FOR VALUES ... | DEFAULT}</c>, <c>DETACH PARTITION name
    /// [CONCURRENTLY | FINALIZE]</c> and <c>INHERIT parent</c>; <see langword="null"/> for any
    /// other action.
    /// </summary>
    private AlterAction? PartitionAction(SqlToken at)
    {
        if (_c.IsWord("INHERIT"))
        {
            _c.Next();
            return new InheritAction(at, TableName());
        }

        if (!(_c.IsWord("ATTACH") || _c.IsWord("DETACH")) || !_c.IsWord("PARTITION", 1)) return null;
        var attach = _c.TryWord("ATTACH");
        if (!attach) _c.Next();
        _c.Next();
        var partition = TableName();
        if (!attach)
        {
            SkipAction();
            return new DetachPartitionAction(at, partition);
        }

        var isDefault = _c.TryWord("DEFAULT");
        var bound = isDefault ? null : Bound();
        SkipAction();
        return new AttachPartitionAction(at, partition, isDefault, bound);
    }

    /// <summary>PostgreSQL <c>LIKE source [{INCLUDING | EXCLUDING} option ...]</c> in a CREATE TABLE's list.</summary>
    private TableLikeSpec LikeClause(int position)
    {
        var at = _c.Next();
        var source = TableName();
        var options = TableLikeOptions.None;
        while (_c.IsWord("INCLUDING") || _c.IsWord("EXCLUDING"))
        {
            var including = _c.TryWord("INCLUDING");
            if (!including) _c.Next();
            var option = SqlTokenText.Raw(_c.Source, _c.Next()).ToUpperInvariant() switch
            {
                "DEFAULTS" => TableLikeOptions.Defaults,
                "CONSTRAINTS" => TableLikeOptions.Constraints,
                "INDEXES" => TableLikeOptions.Indexes,
                "IDENTITY" => TableLikeOptions.Identity,
                "GENERATED" => TableLikeOptions.Generated,
                "ALL" => TableLikeOptions.All,
                _ => TableLikeOptions.None, // COMMENTS, COMPRESSION, STATISTICS, STORAGE: nothing tracked.
            };
            options = including ? options | option : options & ~option;
        }

        return new TableLikeSpec(at, source, options, position);
    }

    private TypeSpec PartitionColumnType()
    {
        _c.TryWords("WITH", "OPTIONS");
        return ParentsType;
    }
}
