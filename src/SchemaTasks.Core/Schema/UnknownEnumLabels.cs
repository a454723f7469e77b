using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// The spellings a PostgreSQL catalog's enum types do not have, as <see cref="UncommittedLabelUses"/>
/// looks for them: a statement that reads such a constant as a value of the type is refused when
/// the server parses it (SQLSTATE 22P02, invalid input value for enum), whether or not a row is
/// touched. Any constant may be one, so a compared column is decided only where the statement
/// reads a single table, or its scopes make it certain (<see cref="ISoughtLabels.NeedsSingleTable"/>).
/// </summary>
internal sealed class UnknownEnumLabels(Catalog catalog) : ISoughtLabels
{
    /// <inheritdoc/>
    public bool HasSpelling(string label) => true;

    /// <inheritdoc/>
    public bool Spells(string text) => true;

    /// <inheritdoc/>
    public bool MayHaveLength(int length) => true;

    /// <inheritdoc/>
    public bool NeedsSingleTable => true;

    /// <inheritdoc/>
    public bool HasTypeNamed(string name) => false;

    /// <summary>
    /// No: an unqualified type name is read in the default schema only, as the engine reads every
    /// name (PostgresSearchPath reports a path that would make the server read it elsewhere). A
    /// name that is not there is one the server does not find either (42704), not a label a type
    /// lacks; and no search of every type is made for each word before a constant.
    /// </summary>
    public bool SearchesOtherSchemas => false;

    /// <summary>The spelling as a label <paramref name="type"/> lacks (its <see cref="UncommittedLabel.At"/> is no statement), or <see langword="null"/>.</summary>
    public UncommittedLabel? Find(QualifiedName type, string label)
        => catalog.FindEnumType(type) is { } found && !found.HasLabel(label) ? new UncommittedLabel(type, label, default, TypeIsNew: false) : null;
}
