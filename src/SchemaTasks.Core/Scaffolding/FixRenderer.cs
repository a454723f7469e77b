using SchemaTasks.Sql;
using SchemaTasks.ValueSets;

namespace SchemaTasks.Scaffolding;

/// <summary>
/// Turns the values the code needs into the SQL of one migration. Values for the same object
/// share one statement where the statement takes a list (MODIFY COLUMN, CHECK, domain), so
/// MySQL's ENUM is restated once with every new value; <c>ADD VALUE</c> takes one value per
/// statement and is repeated. The analyzer's messages render through the same code.
/// </summary>
internal static class FixRenderer
{
    /// <summary>The statements, one per line, in the order the templates first appear.</summary>
    public static string Render(IEnumerable<ValueFix> fixes, SqlDialect dialect)
        => FixSql.Render(fixes.Select(f => (f.Template, f.Value)), dialect.IsMySqlFamily() ? QuotingStyle.MySql : QuotingStyle.Postgres);
}
