using SchemaTasks.Diagnostics;
using static SchemaTasks.Core.Tests.Schema.CatalogBuild;

namespace SchemaTasks.Core.Tests.Schema;

/// <summary>
/// CREATE DOMAIN's clauses as PostgreSQL 15 takes them: a second DEFAULT, or NULL with NOT NULL
/// in either order, is refused (42601); a repeated NULL or NOT NULL is taken.
/// </summary>
public class PostgresDomainClauseTests
{
    [Theory]
    [InlineData("CREATE DOMAIN d AS int DEFAULT 1 DEFAULT 2;", "DEFAULT 2")]
    [InlineData("CREATE DOMAIN d AS int DEFAULT 1 CHECK (VALUE > 0) DEFAULT 2;", "DEFAULT 2")]
    [InlineData("CREATE DOMAIN d AS int NOT NULL NULL;", "NULL;")]
    [InlineData("CREATE DOMAIN d AS int NULL NOT NULL;", "NOT NULL")]
    [InlineData("CREATE DOMAIN d AS int NULL CONSTRAINT nn NOT NULL;", "NOT NULL")]
    public void AConflictingClause_IsRefusedWhereItIsWritten(string create, string at)
    {
        var (catalog, diagnostics) = Run(create);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.SyntaxError, diagnostic.Code);
        Assert.Contains("42601", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(create.LastIndexOf(at, StringComparison.Ordinal) + 1, diagnostic.Column);
        Assert.Empty(catalog.Domains);
    }

    [Theory]
    [InlineData("CREATE DOMAIN d AS int NOT NULL NOT NULL DEFAULT 1;", true)]
    [InlineData("CREATE DOMAIN d AS int NULL NULL DEFAULT 1;", false)]
    public void ARepeatedNullClause_IsTaken(string create, bool notNull)
    {
        var domain = Assert.Single(Clean(create).Domains).Value;
        Assert.Equal(notNull, domain.IsNotNull);
        Assert.Equal("1", domain.Default);
    }
}
