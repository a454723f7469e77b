namespace SchemaTasks.Tool;

/// <summary>
/// The arguments of one command: positional values and <c>--name value</c> options. Small on
/// purpose: the tool has few options, and a dependency for parsing them would outweigh them.
/// </summary>
internal sealed class Arguments
{
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);
    private readonly List<string> _positional = [];
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public Arguments(IEnumerable<string> args)
    {
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var arg = e.Current;
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                _positional.Add(arg);
                continue;
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                _options[arg.Substring(2, equals - 2)] = arg.Substring(equals + 1);
            }
            else if (e.MoveNext())
            {
                _options[arg.Substring(2)] = e.Current;
            }
            else
            {
                throw new UsageException($"option '{arg}' needs a value.");
            }
        }
    }

    public IReadOnlyList<string> Positional => _positional;

    public string? Option(string name)
    {
        _read.Add(name);
        return _options.TryGetValue(name, out var value) ? value : null;
    }

    /// <summary>Fails on options the command did not read, so a typo is never silently ignored.</summary>
    public void RejectUnknown()
    {
        var unknown = _options.Keys.Where(k => !_read.Contains(k)).OrderBy(k => k, StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new UsageException($"unknown option {string.Join(", ", unknown.Select(k => "--" + k))}.");
        }
    }
}
