using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>A routine whose header names a type: DROP TYPE of it is refused without CASCADE (2BP01), and takes the routine with it.</summary>
/// <param name="Name">The routine's name.</param>
/// <param name="Kind">A function or a procedure.</param>
/// <param name="Signature">Its argument list, as <see cref="RoutineSignature"/> writes it.</param>
/// <param name="Certain">
/// False when a DROP or rename may have taken this overload of several (its argument list was
/// written otherwise than at its creation): the engine cannot tell whether it is still there.
/// </param>
internal sealed record RoutineTypeUser(QualifiedName Name, RoutineKind Kind, string Signature, bool Certain)
{
    /// <summary>The routine as a person reads it: <c>function f(x e)</c>.</summary>
    public string Describe(IdentifierRules rules)
    {
        var arguments = Signature.Trim().Replace("( ", "(").Replace(" )", ")").Replace(" ,", ",").Replace(" [ ]", "[]");
        return $"{(Kind == RoutineKind.Procedure ? "procedure" : "function")} {rules.Quote(Name)}{arguments}";
    }
}

/// <summary>
/// The user types the headers of the PostgreSQL functions and procedures the migrations created
/// name (<see cref="RoutineHeaderTypes"/>), by routine and argument list, kept as CREATE [OR
/// REPLACE], DROP FUNCTION, ALTER FUNCTION ... RENAME / SET SCHEMA, DROP SCHEMA ... CASCADE and
/// ALTER TYPE ... RENAME / SET SCHEMA change them (<see cref="RoutineOverloads"/> calls each), so
/// that DROP TYPE knows the routines that depend on the type. Shared by the whole run.
/// </summary>
internal sealed class RoutineTypeUses
{
    private sealed record Header(RoutineKind Kind, List<QualifiedName> Types, bool Certain);

    private readonly Dictionary<QualifiedName, Dictionary<string, Header>> _headers = [];

    /// <summary>Records the types a CREATE [OR REPLACE] of the overload names (OR REPLACE keeps the argument list, so the entry is the same).</summary>
    public void Define(QualifiedName name, string signature, RoutineKind kind, List<QualifiedName> types)
    {
        if (!_headers.TryGetValue(name, out var overloads))
        {
            if (types.Count == 0) return;
            _headers[name] = overloads = new Dictionary<string, Header>(StringComparer.Ordinal);
        }

        overloads[signature] = new Header(kind, types, Certain: true);
    }

    /// <summary>
    /// A DROP of <paramref name="name"/>: the overload written with <paramref name="arguments"/>
    /// goes; without a list (or with the only overload) all go; a list written otherwise among
    /// several leaves each of them uncertain.
    /// </summary>
    public void Dropped(QualifiedName name, string? arguments, bool overloaded)
    {
        if (!_headers.TryGetValue(name, out var overloads)) return;
        if (arguments is null || !overloaded) _headers.Remove(name);
        else if (!overloads.Remove(arguments)) MakeUncertain(overloads);
    }

    /// <summary>Forgets every overload of <paramref name="name"/> (DROP SCHEMA ... CASCADE).</summary>
    public void Forget(QualifiedName name) => _headers.Remove(name);

    /// <summary>ALTER FUNCTION ... RENAME TO / SET SCHEMA: one overload of several moved, which is not known, so both names' entries become uncertain.</summary>
    public void Renamed(QualifiedName name, QualifiedName newName, bool moved)
    {
        if (!_headers.TryGetValue(name, out var overloads)) return;
        if (!_headers.TryGetValue(newName, out var target)) _headers[newName] = target = new Dictionary<string, Header>(StringComparer.Ordinal);
        foreach (var (signature, header) in overloads) target[signature] = header;
        if (moved)
        {
            _headers.Remove(name);
            return;
        }

        MakeUncertain(overloads);
        MakeUncertain(target);
    }

    /// <summary>ALTER TYPE ... RENAME TO / SET SCHEMA: the server keeps the dependency on the type itself.</summary>
    public void TypeRenamed(QualifiedName type, QualifiedName newName)
    {
        foreach (var overloads in _headers.Values)
        {
            foreach (var header in overloads.Values)
            {
                for (var i = 0; i < header.Types.Count; i++)
                {
                    if (header.Types[i] == type) header.Types[i] = newName;
                }
            }
        }
    }

    /// <summary>The routines whose header names <paramref name="type"/>.</summary>
    public List<RoutineTypeUser> UsersOf(QualifiedName type)
    {
        var users = new List<RoutineTypeUser>();
        foreach (var (name, overloads) in _headers)
        {
            foreach (var (signature, header) in overloads)
            {
                if (header.Types.Contains(type)) users.Add(new RoutineTypeUser(name, header.Kind, signature, header.Certain));
            }
        }

        return users;
    }

    private static void MakeUncertain(Dictionary<string, Header> overloads)
    {
        foreach (var signature in overloads.Keys.ToList()) overloads[signature] = overloads[signature] with { Certain = false };
    }
}
