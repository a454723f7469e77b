using System.Diagnostics;
using System.Text;

namespace SchemaTasks.Tool.Tests;

/// <summary>
/// The real <c>schematasks</c> in a process of its own (<c>dotnet SchemaTasks.Tool.dll ...</c>),
/// for what a process can only show from outside: being killed half-way.
/// </summary>
internal sealed class ToolProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();

    private ToolProcess(Process process)
    {
        _process = process;
    }

    /// <summary>
    /// The tool's entry assembly. The project reference copies it, with its runtimeconfig, beside
    /// the tests, so it is found in whatever configuration the tests were built.
    /// </summary>
    public static string DllPath
    {
        get
        {
            var dll = Path.Combine(AppContext.BaseDirectory, "SchemaTasks.Tool.dll");
            if (!File.Exists(dll) || !File.Exists(Path.ChangeExtension(dll, ".runtimeconfig.json")))
            {
                throw new InvalidOperationException($"SchemaTasks.Tool.dll and its runtimeconfig are not in {AppContext.BaseDirectory}; build the test project.");
            }

            return dll;
        }
    }

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    public string Error
    {
        get
        {
            lock (_error) return _error.ToString();
        }
    }

    public static ToolProcess Start(params string[] args)
    {
        // dotnet test names the host it runs under; a plain `dotnet` on the PATH otherwise.
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path && File.Exists(path) ? path : "dotnet";
        var info = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(DllPath);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        var process = new Process { StartInfo = info };
        var tool = new ToolProcess(process);
        process.OutputDataReceived += (_, e) => Append(tool._output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(tool._error, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return tool;
    }

    /// <summary>Kills the process as the kernel would an out-of-memory one: SIGKILL on Linux, no chance to clean up.</summary>
    public async Task<int> KillAsync()
    {
        _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync();
        return _process.ExitCode;
    }

    public async Task<int> WaitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill();
        _process.Dispose();
    }

    private static void Append(StringBuilder builder, string? line)
    {
        if (line is null) return;
        lock (builder) builder.Append(line).Append('\n');
    }
}
