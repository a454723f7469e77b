using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>A label ALTER TYPE ... ADD VALUE added in the current transaction.</summary>
/// <param name="Type">The enum type, under its current name.</param>
/// <param name="Label">The label, under its current spelling (RENAME VALUE follows it).</param>
/// <param name="At">The ADD VALUE statement.</param>
/// <param name="TypeIsNew">Whether the type was created in the same transaction.</param>
/// <param name="Migration">The migration that added it, when a run of several migrations is followed (drizzle's).</param>
internal sealed record UncommittedLabel(QualifiedName Type, string Label, SqlToken At, bool TypeIsNew, string? Migration = null);

/// <summary>
/// The enum labels a PostgreSQL migration added and has not committed yet. The server refuses
/// to read such a label as a value of its type until the transaction that added it commits
/// (SQLSTATE 55P04): a label keeps that state under a new spelling after RENAME VALUE, and loses
/// it at COMMIT. A label added to a type created in the same transaction is refused by
/// PostgreSQL 12 to 16 and accepted from 17 (<see cref="UncommittedLabel.TypeIsNew"/>).
/// </summary>
internal sealed class UncommittedEnumLabels : ISoughtLabels
{
    // Indexed by type and by spelling, so a migration that adds thousands of labels is followed in
    // time proportional to it: each statement asks about its own constants only.
    private readonly Dictionary<QualifiedName, Dictionary<string, UncommittedLabel>> _byType = new();
    private readonly Dictionary<string, int> _spellings = new(StringComparer.Ordinal);
    private readonly HashSet<QualifiedName> _createdTypes = new();

    // Bit n: a label of n characters (63: of 63 or more) may be waiting. Bits stay set when their
    // labels commit or go, until no label waits: a constant is only ever compared needlessly.
    private ulong _lengths;

    /// <summary>The migration being read, whose ADD VALUE statements the labels are added by.</summary>
    public string? Migration { get; private set; }

    /// <summary>
    /// Starts reading <paramref name="migration"/>, in the same transaction as the migrations before
    /// it (drizzle's run). A type an earlier migration created counts as existing: whether that
    /// migration is applied in the same run is not known, and on PostgreSQL before 17 it makes no
    /// difference.
    /// </summary>
    public void StartMigration(string? migration)
    {
        Migration = migration;
        _createdTypes.Clear();
    }

    /// <summary>Whether no label waits for its commit: nothing to look for.</summary>
    public bool IsEmpty => _spellings.Count == 0;

    /// <summary>The label <paramref name="label"/> of <paramref name="type"/> when it is not committed.</summary>
    public UncommittedLabel? Find(QualifiedName type, string label)
        => _byType.TryGetValue(type, out var labels) && labels.TryGetValue(label, out var added) ? added : null;

    /// <summary>Whether a type named <paramref name="name"/> (in any schema) has an uncommitted label.</summary>
    public bool HasTypeNamed(string name)
    {
        foreach (var type in _byType.Keys)
        {
            if (type.Name == name) return true;
        }

        return false;
    }

    /// <summary>Whether some type has an uncommitted label spelled <paramref name="label"/>.</summary>
    public bool HasSpelling(string label) => _spellings.ContainsKey(label);

    /// <inheritdoc/>
    bool ILabelSpellings.Spells(string text) => HasSpelling(text);

    /// <inheritdoc/>
    bool ISoughtLabels.NeedsSingleTable => false;

    /// <inheritdoc/>
    bool ISoughtLabels.SearchesOtherSchemas => true;

    /// <inheritdoc/>
    public bool MayHaveLength(int length) => (_lengths & LengthBit(length)) != 0;

    private static ulong LengthBit(int length) => 1UL << Math.Min(length, 63);

    public void TypeCreated(QualifiedName type)
    {
        Forget(type);
        _createdTypes.Add(type);
    }

    public void LabelAdded(QualifiedName type, string label, SqlToken at)
        => Put(new UncommittedLabel(type, label, at, _createdTypes.Contains(type), Migration));

    public void LabelRenamed(QualifiedName type, string from, string to)
    {
        if (Take(type, from) is { } added) Put(added with { Label = to });
    }

    public void TypeRenamed(QualifiedName from, QualifiedName to)
    {
        if (_createdTypes.Remove(from)) _createdTypes.Add(to);
        if (!_byType.TryGetValue(from, out var labels)) return;
        Forget(from);
        foreach (var added in labels.Values) Put(added with { Type = to });
    }

    public void TypeDropped(QualifiedName type) => Forget(type);

    /// <summary>The transaction committed (or ended): every label is now safe to use.</summary>
    public void Committed()
    {
        _byType.Clear();
        _spellings.Clear();
        _createdTypes.Clear();
        _lengths = 0;
    }

    private void Put(UncommittedLabel added)
    {
        if (!_byType.TryGetValue(added.Type, out var labels)) _byType[added.Type] = labels = new Dictionary<string, UncommittedLabel>(StringComparer.Ordinal);
        if (labels.ContainsKey(added.Label)) return;
        labels[added.Label] = added;
        _spellings[added.Label] = _spellings.TryGetValue(added.Label, out var count) ? count + 1 : 1;
        _lengths |= LengthBit(added.Label.Length);
    }

    private UncommittedLabel? Take(QualifiedName type, string label)
    {
        if (Find(type, label) is not { } added) return null;
        _byType[type].Remove(label);
        Unspell(label);
        return added;
    }

    private void Forget(QualifiedName type)
    {
        if (!_byType.TryGetValue(type, out var labels)) return;
        _byType.Remove(type);
        foreach (var label in labels.Keys) Unspell(label);
    }

    private void Unspell(string label)
    {
        if (_spellings[label] == 1) _spellings.Remove(label);
        else _spellings[label]--;
        if (_spellings.Count == 0) _lengths = 0;
    }
}
