using System;
using System.Collections.Generic;
using System.Linq;

namespace SchemaTasks.Diagnostics;

/// <summary>
/// The names a wrong name was probably meant to be, for "did you mean" in messages: the same
/// name in another case first, then those a few edits away, then those it starts or ends.
/// The engine's messages and the analyzer's (wrong values, unknown <c>[DbEnum]</c> targets)
/// use this one rule.
/// </summary>
internal static class SimilarNames
{
    private const int MaxSuggestions = 3;

    public static IReadOnlyList<string> Suggest(string wrong, IEnumerable<string> candidates)
        => candidates
            .Distinct(StringComparer.Ordinal)
            .Where(c => !string.Equals(c, wrong, StringComparison.Ordinal))
            .Select(c => (Candidate: c, Score: Score(wrong, c)))
            .Where(x => x.Score >= 0)
            .OrderBy(x => x.Score)
            .ThenBy(x => x.Candidate, StringComparer.Ordinal)
            .Take(MaxSuggestions)
            .Select(x => x.Candidate)
            .ToList();

    /// <summary>Lower is closer; -1 means not close enough to suggest.</summary>
    private static int Score(string wrong, string candidate)
    {
        if (string.Equals(wrong, candidate, StringComparison.OrdinalIgnoreCase)) return 0;
        var a = wrong.ToLowerInvariant();
        var b = candidate.ToLowerInvariant();
        var allowed = Math.Max(1, Math.Min(a.Length, b.Length) / 3);
        if (Math.Abs(a.Length - b.Length) <= allowed)
        {
            var distance = Distance(a, b);
            if (distance <= allowed) return distance;
        }

        var shorter = a.Length <= b.Length ? a : b;
        var longer = a.Length <= b.Length ? b : a;
        return shorter.Length >= 4 && (longer.StartsWith(shorter, StringComparison.Ordinal) || longer.EndsWith(shorter, StringComparison.Ordinal)) ? allowed + 1 : -1;
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
