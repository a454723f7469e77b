using SchemaTasks.Diagnostics;

namespace SchemaTasks.Core.Tests.Diagnostics;

public class SchemaDiagnosticTests
{
    [Fact]
    public void AnyError_IsTrueOnlyWhenAnErrorIsAmongThem()
    {
        var warning = SchemaDiagnostic.Warning("ST3001", "a warning");
        var info = new SchemaDiagnostic("ST4100", DiagnosticSeverity.Info, "a note");
        var error = SchemaDiagnostic.Error("ST2010", "an error", "1_init.sql", 3, 7);

        Assert.False(SchemaDiagnostic.AnyError([]));
        Assert.False(SchemaDiagnostic.AnyError([warning, info]));
        Assert.True(SchemaDiagnostic.AnyError([warning, error, info]));
    }
}
