using SchemaTasks.Schema;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// pg_dump writes table data as COPY ... FROM stdin followed by rows and a line '\.': the rows are
/// data, and read as SQL they joined the statement after them, which was then passed over.
/// </summary>
public class CopyDataTests
{
    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void RowsAfterCopyFromStdin_AreNotReadAsSql(string newline)
    {
        var sql = string.Join(newline,
            "CREATE TABLE public.t (id int PRIMARY KEY, note text);",
            "COPY public.t (id, note) FROM stdin;",
            "1\tit's; ALTER TABLE t DROP COLUMN note;",
            "2\t\\N",
            "\\.",
            "CREATE TABLE public.after_data (k int);",
            "COPY public.t (id, note) FROM STDIN WITH (FORMAT csv);",
            "3,\"x\"",
            "\\.",
            "ALTER TABLE public.t ADD COLUMN later int;");
        var catalog = Clean(sql);
        Assert.Equal(["id", "note", "later"], catalog.FindTable(Pg("t"))!.Columns.Select(c => c.Name));
        Assert.NotNull(catalog.FindTable(Pg("after_data")));
    }

    [Fact]
    public void CopyToStdout_AndCopyFromAFile_HaveNoRows()
    {
        var catalog = Clean("CREATE TABLE t (id int);\nCOPY t TO STDOUT;\nCOPY t FROM '/data/t.csv';\nALTER TABLE t ADD COLUMN b int;");
        Assert.Equal(["id", "b"], catalog.FindTable(Pg("t"))!.Columns.Select(c => c.Name));
    }
}
