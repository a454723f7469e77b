namespace SchemaTasks.Sql;

/// <summary>
/// Shares the strings of names and type texts that a history repeats thousands of times
/// (<c>id</c>, <c>created_at</c>, <c>text</c>): a wide table's columns then point at one string
/// each instead of a copy per column. The catalogs the engine keeps for every migration hold
/// these strings, so sharing them makes what a build keeps alive, and what the garbage
/// collector copies, smaller.
/// </summary>
/// <remarks>
/// A fixed table of slots per thread, each slot holding the last string that hashed there. A
/// miss simply replaces the slot, so memory stays bounded and a lookup costs one hash and one
/// comparison. Strings are immutable, so sharing them between builds is safe.
/// </remarks>
internal static class NamePool
{
    private const int Slots = 2048; // A power of two; more than the distinct names of a large history.
    private const int LongestPooled = 64;

    [ThreadStatic]
    private static string?[]? t_slots;

    /// <summary>The string for <paramref name="text"/>, folded to lower case when <paramref name="lower"/> (ASCII letters only are folded here; other text is folded by the runtime and not pooled).</summary>
    public static string Get(ReadOnlySpan<char> text, bool lower) => Lookup(text, lower, null);

    /// <summary>The pooled string equal to <paramref name="text"/>, for a string built elsewhere that catalogs keep; <paramref name="text"/> itself when none is pooled yet.</summary>
    public static string Get(string text) => Lookup(text.AsSpan(), lower: false, text);

    private static string Lookup(ReadOnlySpan<char> text, bool lower, string? built)
    {
        if (text.Length == 0) return string.Empty;
        if (text.Length > LongestPooled) return built ?? Create(text, lower);

        var hash = 2166136261u;
        foreach (var c in text)
        {
            if (c > 0x7F) return built ?? Create(text, lower);
            var folded = lower && c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c;
            hash = (hash ^ folded) * 16777619u;
        }

        var slots = t_slots ??= new string?[Slots];
        ref var slot = ref slots[hash & (Slots - 1)];
        if (slot is { } pooled && Matches(pooled, text, lower)) return pooled;
        return slot = built ?? Create(text, lower);
    }

    private static bool Matches(string pooled, ReadOnlySpan<char> text, bool lower)
    {
        if (pooled.Length != text.Length) return false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (lower && c is >= 'A' and <= 'Z') c = (char)(c | 0x20);
            if (pooled[i] != c) return false;
        }

        return true;
    }

    private static string Create(ReadOnlySpan<char> text, bool lower)
        => lower ? text.ToString().ToLowerInvariant() : text.ToString();
}
