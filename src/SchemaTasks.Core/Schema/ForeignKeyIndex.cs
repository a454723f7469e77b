using System.Collections.Immutable;

namespace SchemaTasks.Schema;

/// <summary>
/// MySQL: an index kept with a foreign key rather than under its own name in
/// <see cref="CatalogTable.Keys"/>, as the foreign key holds that name: an index the migrations
/// named like the foreign key, or the one the server made because no index served it.
/// </summary>
/// <param name="Name">The index's name.</param>
/// <param name="Columns">Its columns, in order.</param>
/// <param name="Implicit">Whether the server made it; it then drops it without a word when another index comes to serve the foreign key.</param>
internal sealed record ForeignKeyIndex(string Name, ImmutableArray<string> Columns, bool Implicit)
{
    /// <summary>Whether it cannot serve a foreign key (<see cref="TableKey.Unfit"/>).</summary>
    public bool Unfit { get; init; }
}
