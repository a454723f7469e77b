namespace SchemaTasks.Sql;

/// <summary>The enum labels a statement's constants are compared with (<see cref="LabelConstants"/>).</summary>
internal interface ILabelSpellings
{
    /// <summary>Whether <paramref name="text"/> spells one of the labels.</summary>
    bool Spells(string text);

    /// <summary>
    /// Whether a label may be <paramref name="length"/> characters long; <see langword="false"/>
    /// only when none is, so a constant of that length is passed over without being unquoted.
    /// </summary>
    bool MayHaveLength(int length);
}
