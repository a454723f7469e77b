using SchemaTasks.Diagnostics;

namespace SchemaTasks.Sql;

// MySQL and MariaDB views, read for their names and for the tables their queries read: a view
// takes a name in the tables' namespace, and the server refuses a query that reads a table
// that is not there.
internal sealed partial class DdlParser
{
    // ALGORITHM = x DEFINER = `user`@`host` SQL SECURITY INVOKER: the VIEW word comes within as many tokens.
    private const int ViewOptionsWithin = 16;

    /// <summary>
    /// Whether the words at the cursor (after CREATE [OR REPLACE] or ALTER) are a view's options
    /// or VIEW itself. DEFINER also comes before PROCEDURE, FUNCTION, TRIGGER and EVENT, so the
    /// options are looked through for VIEW rather than read.
    /// </summary>
    private bool IsMySqlViewStart()
    {
        if (_c.IsWord("VIEW")) return true;
        if (!(_c.IsWord("ALGORITHM") || _c.IsWord("DEFINER") || _c.IsWord("SQL"))) return false;
        for (var ahead = 1; ahead < ViewOptionsWithin && _c.HasAhead(ahead); ahead++)
        {
            if (_c.IsWord("VIEW", ahead)) return true;
            if (_c.IsWord("PROCEDURE", ahead) || _c.IsWord("FUNCTION", ahead) || _c.IsWord("TRIGGER", ahead) || _c.IsWord("EVENT", ahead) || _c.IsWord("AGGREGATE", ahead)) return false;
        }

        return false;
    }

    /// <summary>
    /// <c>CREATE [OR REPLACE] [options] VIEW [IF NOT EXISTS] name [(columns)] AS query [WITH ... CHECK OPTION]</c>
    /// and <c>ALTER [options] VIEW name [(columns)] AS query</c>.
    /// </summary>
    private SqlStatement CreateMySqlView(SqlToken at, bool alter, bool orReplace)
    {
        while (!_c.TryWord("VIEW")) _c.Next();
        var ifNotExists = !alter && AlterIfNotExists("CREATE VIEW"); // MariaDB only: MySQL 8 has no IF NOT EXISTS here.
        var name = TableName();
        if (_c.IsSymbol('(')) _c.Parenthesised();
        _c.ExpectWord("AS");
        return new MySqlCreateViewStatement(at, name, alter, orReplace, ifNotExists, MySqlViewReads(_c.Position, _c.End));
    }

    /// <summary><c>DROP VIEW [IF EXISTS] v [, ...] [RESTRICT | CASCADE]</c>.</summary>
    private SqlStatement DropMySqlView(SqlToken at)
    {
        var ifExists = IfExists();
        var names = NameList();
        DropBehaviour();
        return new MySqlDropViewStatement(at, names, ifExists);
    }

    // The tables the query reads. A name qualified by a database other than a system one is
    // refused: the migration fails in any database that lacks it, and the engine cannot know
    // which database it runs in.
    private List<(Schema.QualifiedName Name, SqlToken At)> MySqlViewReads(int start, int end)
    {
        var reads = new List<(Schema.QualifiedName Name, SqlToken At)>();
        foreach (var (name, at) in MySqlViewQueryTables.Read(_c.Source, _c.Tokens, start, end, _rules))
        {
            if (name.Schema.Length == 0)
            {
                reads.Add((name, at));
                continue;
            }

            if (MySqlViewQueryTables.IsSystemDatabase(name.Schema)) continue;
            throw new SqlParseException(
                DiagnosticCodes.DatabaseQualifiedName,
                $"the view's query reads {_rules.Quote(name.Schema)}.{_rules.Quote(name.Name)}, which names the database {_rules.Quote(name.Schema)}. SchemaTasks models the one database the migrations run in, without knowing its name, so it cannot tell whether that is {_rules.Quote(name.Schema)}; in any other database the server refuses the view (error 1146, Table doesn't exist). Write the name without the database ({_rules.Quote(name.Name)}); the connection chooses the database",
                at);
        }

        return reads;
    }
}
