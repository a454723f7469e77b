using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>A label ALTER TYPE ... ADD VALUE added in the current transaction.</summary>
/// <param name="Type">The enum type, under its current name.</param>
/// <param name="Label">The label, under its current spelling (RENAME VALUE follows it).</param>
/// <param name="At">The ADD VALUE statement.</param>
/// <param name="TypeIsNew">Whether the type was created in the same transaction.</param>
internal sealed record UncommittedLabel(QualifiedName Type, string Label, SqlToken At, bool TypeIsNew);

/// <summary>
/// The enum labels a PostgreSQL migration added and has not committed yet. The server refuses
/// to read such a label as a value of its type until the transaction that added it commits
/// (SQLSTATE 55P04): a label keeps that state under a new spelling after RENAME VALUE, and loses
/// it at COMMIT. A label added to a type created in the same transaction is refused by
/// PostgreSQL 12 to 16 and accepted from 17 (<see cref="UncommittedLabel.TypeIsNew"/>).
/// </summary>
internal sealed class UncommittedEnumLabels
{
    private readonly Dictionary<(QualifiedName Type, string Label), UncommittedLabel> _labels = new();
    private readonly HashSet<QualifiedName> _createdTypes = new();

    /// <summary>Whether no label waits for its commit: nothing to look for.</summary>
    public bool IsEmpty => _labels.Count == 0;

    /// <summary>The label <paramref name="label"/> of <paramref name="type"/> when it is not committed.</summary>
    public UncommittedLabel? Find(QualifiedName type, string label) => _labels.TryGetValue((type, label), out var added) ? added : null;

    /// <summary>Whether some type has an uncommitted label spelled <paramref name="label"/>.</summary>
    public bool HasSpelling(string label) => _labels.Keys.Any(k => string.Equals(k.Label, label, StringComparison.Ordinal));

    public void TypeCreated(QualifiedName type)
    {
        Forget(type);
        _createdTypes.Add(type);
    }

    public void LabelAdded(QualifiedName type, string label, SqlToken at)
        => _labels[(type, label)] = new UncommittedLabel(type, label, at, _createdTypes.Contains(type));

    public void LabelRenamed(QualifiedName type, string from, string to)
    {
        if (!_labels.TryGetValue((type, from), out var added)) return;
        _labels.Remove((type, from));
        _labels[(type, to)] = added with { Label = to };
    }

    public void TypeRenamed(QualifiedName from, QualifiedName to)
    {
        foreach (var added in _labels.Values.Where(l => l.Type == from).ToList())
        {
            _labels.Remove((from, added.Label));
            _labels[(to, added.Label)] = added with { Type = to };
        }

        if (_createdTypes.Remove(from)) _createdTypes.Add(to);
    }

    public void TypeDropped(QualifiedName type) => Forget(type);

    /// <summary>The transaction committed (or ended): every label is now safe to use.</summary>
    public void Committed()
    {
        _labels.Clear();
        _createdTypes.Clear();
    }

    private void Forget(QualifiedName type)
    {
        foreach (var key in _labels.Keys.Where(k => k.Type == type).ToList()) _labels.Remove(key);
    }
}
