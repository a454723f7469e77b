using System.Globalization;

namespace SchemaTasks.Migrations;

/// <summary>
/// The order Prisma applies migration folders in. Prisma's CLI lists them in
/// <c>packages/migrate/src/utils/listMigrations.ts</c> and sorts the folder names with
/// JavaScript's <c>localeCompare</c>: Unicode collation, where case is compared last
/// (<c>add</c> before <c>Add</c> before <c>b</c>) and punctuation before digits before
/// letters (<c>a_1</c> before <c>a1</c>). .NET compares with the same ICU collation.
/// Names that collate equal keep an ordinal order, so the order never depends on the disk.
/// </summary>
internal sealed class PrismaMigrationOrder : IComparer<string>
{
    public static readonly PrismaMigrationOrder Instance = new();

    private static readonly CompareInfo Collation = CultureInfo.InvariantCulture.CompareInfo;

    public int Compare(string? x, string? y)
    {
        var collated = Collation.Compare(x, y, CompareOptions.None);
        return collated != 0 ? collated : string.CompareOrdinal(x, y);
    }
}
