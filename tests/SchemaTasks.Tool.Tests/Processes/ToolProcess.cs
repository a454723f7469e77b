using System.Diagnostics;
using System.Text;

namespace SchemaTasks.Tool.Tests.Processes;

/// <summary>
/// The built <c>schematasks</c> tool run as an operating-system process, as a deploy step or a
/// container entry point runs it. The build copies the tool's assembly, with its runtime
/// configuration, next to the test assembly (project reference), so this works with
/// <c>dotnet test --no-build</c> in any configuration.
/// </summary>
internal sealed class ToolProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();
    private readonly Task _outputRead;
    private readonly Task _errorRead;

    private ToolProcess(Process process)
    {
        _process = process;
        _outputRead = CopyAsync(process.StandardOutput, _output);
        _errorRead = CopyAsync(process.StandardError, _error);
    }

    /// <summary>The tool's assembly, beside the test assembly.</summary>
    public static string ToolAssembly => typeof(CommandLine).Assembly.Location;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Starts <c>dotnet SchemaTasks.Tool.dll &lt;arguments&gt;</c>; the connection string goes in the environment, as the docs advise.</summary>
    public static ToolProcess Start(string connectionString, params string[] arguments)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ToolAssembly);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["SCHEMATASKS_CONNECTION"] = connectionString;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return new ToolProcess(Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}."));
    }

    /// <summary>Waits for the exit; kills the process (only this one) if it outlives <paramref name="timeout"/>.</summary>
    public async Task<(int Exit, string Output, string Error)> WaitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        await Task.WhenAll(_outputRead, _errorRead);
        return (_process.ExitCode, Text(_output), Text(_error));
    }

    /// <summary>What the process printed so far, for failure messages.</summary>
    public string Printed => $"[{Id}] {Text(_output)}{Text(_error)}";

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill();
        _process.Dispose();
    }

    // The dotnet CLI tells the processes it starts where it is; a test host run some other way
    // is itself started by dotnet, or dotnet is on the PATH.
    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)) return host;
        var self = Environment.ProcessPath;
        return self is not null && Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase) ? self : "dotnet";
    }

    private static async Task CopyAsync(StreamReader reader, StringBuilder into)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (into) into.AppendLine(line);
        }
    }

    private static string Text(StringBuilder builder)
    {
        lock (builder) return builder.ToString();
    }
}
