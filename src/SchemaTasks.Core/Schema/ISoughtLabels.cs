using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// The enum labels <see cref="UncommittedLabelUses"/> looks for where a statement reads a constant
/// as a value of an enum type: labels not committed yet (<see cref="UncommittedEnumLabels"/>), or
/// spellings a type does not have at all (<see cref="UnknownEnumLabels"/>).
/// </summary>
internal interface ISoughtLabels : ILabelSpellings
{
    /// <summary>Whether some type may make <paramref name="label"/> a use; a cheap filter asked of every constant.</summary>
    bool HasSpelling(string label);

    /// <summary>What a use of <paramref name="label"/> as a value of <paramref name="type"/> finds, or <see langword="null"/> when it is no use.</summary>
    UncommittedLabel? Find(QualifiedName type, string label);

    /// <summary>Whether a type named <paramref name="name"/> (in any schema) may make a use.</summary>
    bool HasTypeNamed(string name);

    /// <summary>
    /// Whether an unqualified type name the default schema lacks is looked for in the other
    /// schemas (the one enum type or domain of that name), rather than left unresolved.
    /// </summary>
    bool SearchesOtherSchemas { get; }

    /// <summary>
    /// Whether a column compared with a constant is decided only when the statement reads a single
    /// table it knows, or in a data or WITH statement only where its scopes make the column certain
    /// (<see cref="DataStatementRelations"/>): an unknown spelling is found in any constant, so a
    /// column another relation of the statement might own is not guessed.
    /// </summary>
    bool NeedsSingleTable { get; }
}
