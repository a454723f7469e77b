namespace SchemaTasks.Build.Tests.Infrastructure;

/// <summary>What a <c>dotnet</c> command printed and returned.</summary>
internal sealed record DotnetResult(int ExitCode, string Output, string Error)
{
    public string All => Output + Error;

    /// <summary>Text to attach to a failed assertion, so the log explains the failure.</summary>
    public override string ToString() => $"exit code {ExitCode}\n--- stdout ---\n{Output}\n--- stderr ---\n{Error}";
}
