using System.Diagnostics;
using System.Text;

namespace SchemaTasks.Tool.Tests;

/// <summary>
/// The built <c>schematasks</c> tool run as an operating-system process (<c>dotnet
/// SchemaTasks.Tool.dll ...</c>), as a deploy step or a container entry point runs it: for what
/// only a process shows from outside, being killed half-way or many starting together. The
/// project reference copies the tool's assembly, with its runtime configuration, beside the test
/// assembly, so this works with <c>dotnet test --no-build</c> in any configuration.
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

    /// <summary>What the process printed on standard output so far.</summary>
    public string Output => Text(_output);

    /// <summary>What the process printed on standard error so far.</summary>
    public string Error => Text(_error);

    /// <summary>Everything the process printed so far, for failure messages.</summary>
    public string Printed => $"[{Id}] {Output}{Error}";

    /// <summary>
    /// Starts <c>dotnet SchemaTasks.Tool.dll &lt;arguments&gt;</c>. A <paramref name="connectionString"/>
    /// goes in <c>SCHEMATASKS_CONNECTION</c>, as the docs advise, rather than on the command line.
    /// </summary>
    public static ToolProcess Start(string[] arguments, string? connectionString = null)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ToolAssembly);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        if (connectionString is not null) start.Environment["SCHEMATASKS_CONNECTION"] = connectionString;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return new ToolProcess(Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}."));
    }

    /// <summary>Kills the process as the kernel would an out-of-memory one: SIGKILL on Linux, no chance to clean up.</summary>
    public async Task<int> KillAsync()
    {
        _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync();
        return _process.ExitCode;
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
        return (_process.ExitCode, Output, Error);
    }

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
            lock (into) into.Append(line).Append('\n');
        }
    }

    private static string Text(StringBuilder builder)
    {
        lock (builder) return builder.ToString();
    }
}
