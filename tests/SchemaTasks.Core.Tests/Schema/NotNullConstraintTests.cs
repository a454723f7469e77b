using SchemaTasks.Diagnostics;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>PostgreSQL 18 writes NOT NULL as a named table constraint too; the engine says it does not model it rather than leave the column nullable.</summary>
public class NotNullConstraintTests
{
    [Theory]
    [InlineData("CREATE TABLE n (s text);\nALTER TABLE n ADD CONSTRAINT n_s_nn NOT NULL s;", 2, 19)]
    [InlineData("CREATE TABLE n (s text, CONSTRAINT n_s_nn NOT NULL s);", 1, 25)]
    public void NamedNotNullTableConstraint_IsReportedWhereItIsWritten(string sql, int line, int column)
    {
        var (_, diagnostics) = Run(sql);
        var error = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.UnsupportedStatement, line, column), (error.Code, error.Line, error.Column));
        Assert.Contains("SET NOT NULL", error.Message, StringComparison.Ordinal);
    }
}
