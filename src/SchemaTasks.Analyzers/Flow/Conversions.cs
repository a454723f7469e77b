using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SchemaTasks.Analyzers.Flow;

/// <summary>Implicit and explicit conversions change a value's type, not which value or member it is.</summary>
internal static class Conversions
{
    /// <summary><paramref name="operation"/> without the conversions around it.</summary>
    public static IOperation? Strip(IOperation? operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }
}
