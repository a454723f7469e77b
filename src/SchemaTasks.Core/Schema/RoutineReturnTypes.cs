using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// A PostgreSQL function the migrations created, as a call in a query needs it: the types of the
/// arguments it takes and the type of its value.
/// </summary>
/// <param name="Inputs">Each input parameter's type: a built-in type without modifier, or an enum or domain's qualified name.</param>
/// <param name="Required">How many inputs have no default: a call passes at least these.</param>
/// <param name="Variadic">Whether the last input is VARIADIC, so a call may pass any number.</param>
/// <param name="Type">The value's type as format_type shows it; null when not certain (a record, an array, a type not read).</param>
/// <param name="Reference">The enum or domain it is, when it is one.</param>
/// <param name="TypeState">That enum or domain as it was when the function was created: one renamed or changed since is not the one the function returns.</param>
/// <param name="Identity">What the server compares when CREATE OR REPLACE keeps the function: the result type and whether it is a set; null when not read.</param>
internal sealed record RoutineReturn(IReadOnlyList<string> Inputs, int Required, bool Variadic, string? Type, QualifiedName? Reference, object? TypeState, string? Identity)
{
    /// <summary>A function, a procedure (never called in a query) or an aggregate.</summary>
    public RoutineKind Kind { get; init; } = RoutineKind.Function;

    /// <summary>Each input parameter's name as the server keeps it; null for one without.</summary>
    public IReadOnlyList<string?> InputNames { get; init; } = [];

    /// <summary>How many input parameters have a default.</summary>
    public int Defaults { get; init; }

    /// <summary>The row its OUT parameters make (names and types), empty when they make none; null when a type in it is not read.</summary>
    public string? Row { get; init; } = string.Empty;

    /// <summary>The pseudo-type it returns (<c>trigger</c>, <c>void</c>, <c>event_trigger</c>...), not as a set; null when it returns another.</summary>
    public string? Pseudo { get; init; }

    /// <summary>How many enums and domains had been renamed when its header was read against the catalog (<see cref="RoutineReturnTypes.TypeRenamed"/>): the names of types in it are as they were then.</summary>
    public int RenamesSeen { get; init; }
}

/// <summary>
/// The return types of the PostgreSQL functions the migrations create, kept as CREATE [OR
/// REPLACE] FUNCTION, DROP FUNCTION, ALTER FUNCTION ... RENAME / SET SCHEMA and DROP SCHEMA ...
/// CASCADE change them, so that a view or table made from a query that calls one knows its
/// column's type (<see cref="QueryColumns"/>). A call is resolved only where PostgreSQL's function
/// resolution is certain to choose one of them (<see cref="Resolve"/>); the value a view got from a
/// function stays, as the server refuses CREATE OR REPLACE FUNCTION that changes the return type
/// (SQLSTATE 42P13), which <see cref="Define"/> reports. Shared by the whole run.
/// A header is read when a query first calls a function of its name, or when CREATE OR REPLACE
/// names a function already there (the 42P13 check compares the two); until then only its tokens
/// and the catalog it was written against are kept, so that a history of functions no query calls
/// reads none of their headers.
/// </summary>
internal sealed class RoutineReturnTypes
{
    // Each function by name, then by its input types (the server's identity of an overload); a
    // header not read is kept under its text, so that it makes every call of the name uncertain.
    private readonly Dictionary<QualifiedName, Dictionary<string, RoutineReturn?>> _functions = [];

    // Names whose overloads are no longer known one by one (a DROP or rename that may have taken any of several).
    private readonly HashSet<QualifiedName> _uncertain = [];

    // Headers not read yet, by name, in the order they were created: each is read, and takes its
    // place among the name's overloads, when the name is next asked about (Settle). A name here
    // is in _functions too.
    private readonly Dictionary<QualifiedName, List<UnreadHeader>> _unread = [];

    // Set once a DO block may have created a function: its name and type are not followed, so no call is certain.
    private bool _madeUnseen;

    // The enums and domains renamed or moved to another schema, in order, by their names before and
    // after ("schema.name"): the server keeps a routine by the type itself, so a routine read
    // before a rename names the type by its new name from then on (Current).
    private readonly List<(string From, string To)> _typeRenames = [];

    // Set once an aggregate may have been renamed, moved or dropped (AggregatesUnfollowed).
    private bool _aggregatesUnfollowed;

    // A CREATE FUNCTION's parameter list and what follows it, copied from the statement's tokens
    // (which the reader reuses), with the catalog and rules it was written against: reading it
    // later gives what reading it then gave, as a catalog does not change.
    private sealed record UnreadHeader(Catalog Catalog, string Sql, List<SqlToken> Tokens, RoutineKind Kind, IdentifierRules Rules, int RenamesSeen);

    /// <summary>Whether a DO block may have created a function whose name the engine does not know.</summary>
    public bool MadeUnseen => _madeUnseen;

    /// <summary>A DO block about to run: one that may create a function (its text says FUNCTION) leaves every later call uncertain.</summary>
    public void CheckBlock(ReadOnlySpan<char> text)
    {
        if (!_madeUnseen && AsciiWords.Contains(text, "FUNCTION")) _madeUnseen = true;
        if (!_aggregatesUnfollowed && AsciiWords.Contains(text, "AGGREGATE")) _aggregatesUnfollowed = true;
    }

    /// <summary>
    /// Reads a <c>CREATE [OR REPLACE] FUNCTION | PROCEDURE | AGGREGATE</c>; true when the server
    /// refuses it because it would change the routine it replaces in a way the server does not
    /// allow (<see cref="RoutineReplacement"/>, reported): the routine stays as it was.
    /// </summary>
    public bool Define(Catalog catalog, string sql, List<SqlToken> tokens, CreatedKind created, ApplyContext context)
    {
        var orReplace = tokens.Count > 2 && SqlTokenText.IsWord(sql, tokens[1], "OR");
        var aggregate = orReplace ? 3 : 1;
        int last;
        RoutineKind routineKind;
        if (aggregate < tokens.Count && SqlTokenText.IsWord(sql, tokens[aggregate], "AGGREGATE"))
        {
            last = CreatedObjectName.LastPart(sql, tokens, aggregate + 1);
            routineKind = RoutineKind.Aggregate;
        }
        else
        {
            var kind = created.Within(6);
            if (kind < 0) return false;
            routineKind = SqlTokenText.IsWord(sql, tokens[kind], "FUNCTION") ? RoutineKind.Function
                : SqlTokenText.IsWord(sql, tokens[kind], "PROCEDURE") ? RoutineKind.Procedure
                : RoutineKind.Routine;
            if (routineKind == RoutineKind.Routine) return false;
            last = CreatedObjectName.NameAt(sql, tokens, kind);
        }

        if (last < 0 || last + 1 >= tokens.Count || !SqlTokenText.IsSymbol(sql, tokens[last + 1], '(')) return false;
        var defaults = IdentifierRules.For(SqlDialect.Postgres);
        var qualified = SqlTokenText.IsSymbol(sql, tokens[last - 1], '.');
        var name = new QualifiedName(qualified ? defaults.Name(sql, tokens[last - 2]) : defaults.DefaultSchema, defaults.Name(sql, tokens[last]));

        // Under a search_path that sends it elsewhere than public, where the routine goes is not followed here.
        if (!qualified && context.Rules.DefaultSchema != defaults.DefaultSchema) _uncertain.Add(name);

        var known = _functions.TryGetValue(name, out var found);
        var overloads = found ?? (_functions[name] = new Dictionary<string, RoutineReturn?>(StringComparer.Ordinal));

        // Nothing to compare with, and names read as the default rules read them (rules of a
        // search_path may note that a name was placed, which must happen now): read when asked.
        if (!known && ReferenceEquals(context.Rules, defaults))
        {
            if (!_unread.TryGetValue(name, out var unread)) _unread[name] = unread = [];
            unread.Add(new UnreadHeader(catalog, sql, tokens.GetRange(last + 1, tokens.Count - last - 1), routineKind, context.Rules, _typeRenames.Count));
            return false;
        }

        Settle(name, overloads);
        var (key, read) = ReadHeader(catalog, sql, tokens, last + 1, routineKind, context.Rules, _typeRenames.Count);

        // The overload of these input types, its types named as they are now (one read before a
        // type's rename is under its old name).
        var existingKey = key;
        RoutineReturn? existing = null;
        if (read is not null)
        {
            foreach (var (storedKey, stored) in overloads)
            {
                if (stored is null) continue;
                if (Current(stored) is not { } current)
                {
                    _uncertain.Add(name); // A renamed type's name not told apart in its row: which overload it is, is not known.
                    continue;
                }

                if (string.Join(",", current.Inputs) != key) continue;
                (existingKey, existing) = (storedKey, current);
                break;
            }
        }

        // A name some of whose overloads may be gone is not compared: the one replaced may no longer
        // be there; nor one a DO block may have dropped or made, nor an aggregate's once a statement
        // the engine does not follow (ALTER or DROP AGGREGATE, DROP ROUTINE) may have moved one.
        var comparable = read is not null && existing is not null && !_uncertain.Contains(name) && !_madeUnseen
            && !(_aggregatesUnfollowed && (existing.Kind == RoutineKind.Aggregate || read.Kind == RoutineKind.Aggregate));
        if (comparable && !orReplace)
        {
            RoutineReplacement.Exists(existing!, read!, name, tokens[0], context);
            return true;
        }

        if (comparable && orReplace && RoutineReplacement.Refuses(existing!, read!, name, tokens[0], context)) return true;

        if (existingKey != key) overloads.Remove(existingKey);
        Store(overloads, routineKind, key, read);
        return false;
    }

    /// <summary>After ALTER TYPE | DOMAIN ... RENAME TO / SET SCHEMA of an enum or domain: routines read before name it by its new name.</summary>
    public void TypeRenamed(QualifiedName type, QualifiedName newName)
        => _typeRenames.Add(($"{type.Schema}.{type.Name}", $"{newName.Schema}.{newName.Name}"));

    // The routine with the enums and domains it names renamed as they were since it was read; null
    // when a renamed type's name cannot be told apart in its row of OUT parameters.
    private RoutineReturn? Current(RoutineReturn routine)
    {
        if (routine.RenamesSeen == _typeRenames.Count) return routine;
        var inputs = routine.Inputs.ToList();
        var identity = routine.Identity;
        var row = routine.Row;
        for (var i = routine.RenamesSeen; i < _typeRenames.Count; i++)
        {
            var (from, to) = _typeRenames[i];
            for (var j = 0; j < inputs.Count; j++) if (inputs[j] == from) inputs[j] = to;
            if (identity == from) identity = to;
            else if (identity == "SETOF " + from) identity = "SETOF " + to;
            if (!string.IsNullOrEmpty(row) && row.Contains(from, StringComparison.Ordinal))
            {
                // Each column is "name type", joined by ", ".
                var columns = row.Split([", "], StringSplitOptions.None);
                if (columns.Any(c => c.Contains(from, StringComparison.Ordinal) && !c.EndsWith(" " + from, StringComparison.Ordinal))) return null;
                row = string.Join(", ", columns.Select(c => c.EndsWith(" " + from, StringComparison.Ordinal) ? c[..^from.Length] + to : c));
            }
        }

        return routine with { Inputs = inputs, Identity = identity, Row = row, RenamesSeen = _typeRenames.Count };
    }

    // The overload a header defines (its input types, or its text when not read) and what is read of it.
    private static (string Key, RoutineReturn? Read) ReadHeader(Catalog catalog, string sql, List<SqlToken> tokens, int open, RoutineKind kind, IdentifierRules rules, int renamesSeen)
    {
        var header = DdlParser.ReadFunctionHeader(sql, tokens, open, rules);
        var read = header is null ? null : Read(catalog, header, kind, rules) is { } routine ? routine with { RenamesSeen = renamesSeen } : null;
        return (read is null ? "?" + RoutineSignature.Text(sql, tokens, open) : string.Join(",", read.Inputs), read);
    }

    // An aggregate is kept as read, of its kind, which leaves every call of its name uncertain (Resolve).
    private static void Store(Dictionary<string, RoutineReturn?> overloads, RoutineKind kind, string key, RoutineReturn? read)
        => overloads[read is null && kind == RoutineKind.Aggregate ? "?aggregate" + key : key] = read;

    /// <summary>
    /// After a statement that may rename, move or drop an aggregate the engine does not follow
    /// (ALTER AGGREGATE, DROP AGGREGATE, DROP ROUTINE): no aggregate's signature is compared since.
    /// </summary>
    public void AggregatesUnfollowed() => _aggregatesUnfollowed = true;

    // Reads the headers of `name` not read yet, in the order they were created, into its overloads.
    private void Settle(QualifiedName name, Dictionary<string, RoutineReturn?> overloads)
    {
        if (!_unread.Remove(name, out var unread)) return;
        foreach (var header in unread)
        {
            var (key, read) = ReadHeader(header.Catalog, header.Sql, header.Tokens, 0, header.Kind, header.Rules, header.RenamesSeen);
            Store(overloads, header.Kind, key, read);
        }
    }

    private void Settle(QualifiedName name)
    {
        if (_functions.TryGetValue(name, out var overloads)) Settle(name, overloads);
    }

    /// <summary>After DROP FUNCTION: what <paramref name="overloads"/> still holds of the name stays, uncertain when a drop may have taken any.</summary>
    public void Dropped(QualifiedName name, RoutineOverloads overloads)
    {
        if (!_functions.ContainsKey(name)) return;
        if (overloads.SignaturesOf(name).Count == 0)
        {
            _functions.Remove(name);
            _unread.Remove(name);
            _uncertain.Remove(name);
        }
        else
        {
            _uncertain.Add(name);
        }
    }

    /// <summary>After ALTER FUNCTION ... RENAME TO / SET SCHEMA: the overloads follow the name when only one was there.</summary>
    public void Renamed(QualifiedName name, QualifiedName newName, RoutineOverloads overloads)
    {
        if (name == newName || !_functions.TryGetValue(name, out var moved)) return;
        Settle(name, moved);
        Settle(newName);
        if (overloads.SignaturesOf(name).Count > 0)
        {
            // One of several moved: which one is not known.
            _uncertain.Add(name);
            _uncertain.Add(newName);
            if (!_functions.ContainsKey(newName)) _functions[newName] = [];
            return;
        }

        _functions.Remove(name);
        if (_uncertain.Remove(name)) _uncertain.Add(newName);
        if (!_functions.TryGetValue(newName, out var target)) _functions[newName] = target = new Dictionary<string, RoutineReturn?>(StringComparer.Ordinal);
        foreach (var (key, value) in moved) target[key] = value;
    }

    /// <summary>After DROP SCHEMA ... CASCADE took the function.</summary>
    public void Forget(QualifiedName name)
    {
        _functions.Remove(name);
        _unread.Remove(name);
        _uncertain.Remove(name);
    }

    /// <summary>
    /// The function a call <c>name(arguments)</c> in <paramref name="schema"/>'s search path (or
    /// <c>schema.name(arguments)</c>) resolves to, when PostgreSQL surely chooses one the
    /// migrations created: no function of the name in <c>pg_catalog</c> (for an unqualified call)
    /// or in an extension that may have one, every overload of the name known and in
    /// <paramref name="schema"/> (of a qualified call, every one there), and either one overload that takes as many arguments
    /// (whose types, where known, convert to its parameters' implicitly) or, among several, exactly
    /// one whose parameters are the arguments' known types. Null otherwise.
    /// </summary>
    /// <param name="catalog">The schema at the call: its extensions, and the enums and domains the arguments are of.</param>
    /// <param name="name">The function's name as called, folded.</param>
    /// <param name="arguments">Each argument's type (built-in without modifier, or an enum or domain's qualified name); null when not known.</param>
    /// <param name="schema">The schema a qualified call names, or the one unqualified names find first (the search path's).</param>
    /// <param name="qualified">Whether the call names <paramref name="schema"/>: then only its functions are candidates, not pg_catalog's nor another schema's.</param>
    public RoutineReturn? Resolve(Catalog catalog, string name, IReadOnlyList<string?> arguments, string schema, bool qualified = false)
    {
        if (_functions.Count == 0 || (qualified ? MayBeUnseen(catalog, name) : MayBeOther(catalog, name))) return null;
        var candidates = new List<RoutineReturn>();
        foreach (var (function, overloads) in _functions)
        {
            if (function.Name != name || (qualified && function.Schema != schema)) continue;
            if (function.Schema != schema || _uncertain.Contains(function)) return null;
            Settle(function, overloads);
            foreach (var overload in overloads.Values)
            {
                if (overload is null || overload.Variadic || overload.Kind != RoutineKind.Function) return null;
                candidates.Add(overload);
            }
        }

        var count = arguments.Count;
        var fitting = candidates.Where(c => c.Required <= count && count <= c.Inputs.Count).ToList();
        if (candidates.Count == 1 && fitting.Count == 1)
        {
            var only = fitting[0];
            for (var i = 0; i < count; i++)
            {
                if (arguments[i] is { } argument && !Converts(argument, only.Inputs[i])) return null;
            }

            return only;
        }

        if (arguments.Any(a => a is null)) return null;
        var exact = fitting.Where(c => arguments.Select((a, i) => a == c.Inputs[i]).All(same => same)).ToList();
        return exact.Count == 1 ? exact[0] : null;
    }

    /// <summary>
    /// The type the function of no arguments <paramref name="name"/> returns, as a trigger's
    /// EXECUTE FUNCTION finds it (the server looks for exactly no arguments): when the migrations
    /// surely made it the one found (no function of the name in pg_catalog for an unqualified
    /// name, nor in an extension that may have one, nor made unseen; every overload read) and its
    /// type is read. Null otherwise, or when it is a procedure.
    /// </summary>
    public string? TriggerFunctionReturns(Catalog catalog, QualifiedName name, bool qualified)
    {
        if (_functions.Count == 0 || _uncertain.Contains(name) || !_functions.TryGetValue(name, out var overloads)) return null;
        if (qualified ? MayBeUnseen(catalog, name.Name) : MayBeOther(catalog, name.Name)) return null;
        Settle(name, overloads);
        RoutineReturn? found = null;
        foreach (var overload in overloads.Values)
        {
            if (overload is null) return null; // Not read, or an aggregate: it may take no arguments.
            if (overload.Inputs.Count == 0) found = overload;
        }

        if (found is not { Kind: RoutineKind.Function }) return null;
        return found.Pseudo ?? found.Identity;
    }

    /// <summary>
    /// Whether a call of <paramref name="name"/> may find a function the migrations did not create
    /// where the engine sees it: one of pg_catalog, of an extension that may have one, or one a DO
    /// block may have created.
    /// </summary>
    public bool MayBeOther(Catalog catalog, string name) => PostgresCatalogFunctions.Has(name) || MayBeUnseen(catalog, name);

    // A function of the name a DO block or an extension may have made.
    private bool MayBeUnseen(Catalog catalog, string name)
    {
        if (_madeUnseen) return true;
        foreach (var extension in catalog.Extensions.Keys)
        {
            if (extension == "plpgsql") continue;
            if (PostgresExtensionTypes.Find(extension)?.Functions is not { } functions || functions.Contains(name, StringComparer.Ordinal)) return true;
        }

        return false;
    }

    // A routine's parameters and value as the server records them.
    private static RoutineReturn? Read(Catalog catalog, FunctionHeader header, RoutineKind kind, IdentifierRules rules)
    {
        var inputs = new List<string>();
        var names = new List<string?>();
        var required = 0;
        var withDefault = 0;
        var variadic = false;
        foreach (var parameter in header.Parameters.Where(p => p.IsInput))
        {
            if (TypeIdentity(catalog, parameter.Type, rules) is not { } input) return null;
            inputs.Add(input);
            names.Add(parameter.Name);
            if (parameter.HasDefault) withDefault++;
            else required = inputs.Count;
            variadic = parameter.Mode == "VARIADIC";
        }

        // The value: RETURNS [SETOF] type, RETURNS TABLE of one column, or the one OUT parameter;
        // of several, a record whose row they make (a procedure's: a record of any).
        var outputs = header.TableColumns ?? [.. header.Parameters.Where(p => p.IsOutput)];
        var makesRow = kind == RoutineKind.Procedure ? outputs.Count > 0 : outputs.Count > 1;
        var row = makesRow ? Row(catalog, outputs, rules) : string.Empty;
        var single = header.Returns ?? (outputs.Count == 1 ? outputs[0].Type : null);
        string? identity = null;
        string? type = null;
        QualifiedName? reference = null;
        object? state = null;
        if (kind == RoutineKind.Procedure)
        {
            identity = outputs.Count > 0 ? "record" : "void";
        }
        else if (makesRow)
        {
            identity = (header.ReturnsSet ? "SETOF " : string.Empty) + "record";
        }
        else if (single is not null && TypeIdentity(catalog, single, rules) is { } id)
        {
            identity = (header.ReturnsSet ? "SETOF " : string.Empty) + id;
            (type, reference, state) = ValueType(catalog, single, rules);
        }

        var pseudo = kind == RoutineKind.Function && !makesRow && !header.ReturnsSet && single is { UserType: { } returned, IsQualified: false, IsArray: false, Inline: null } && PostgresBuiltinTypes.IsPseudo(returned.Name) ? returned.Name : null;
        return new RoutineReturn(inputs, required, variadic, type, reference, state, identity) { Kind = kind, InputNames = names, Defaults = withDefault, Row = row, Pseudo = pseudo };
    }

    // The row OUT parameters or RETURNS TABLE columns make, as names and types; null when a type is not read.
    private static string? Row(Catalog catalog, IReadOnlyList<FunctionParameter> outputs, IdentifierRules rules)
    {
        var columns = new List<string>();
        foreach (var output in outputs)
        {
            if (TypeIdentity(catalog, output.Type, rules) is not { } type) return null;
            columns.Add($"{output.Name} {type}");
        }

        return string.Join(", ", columns);
    }

    // The type as the server identifies it: a built-in one without its modifier, or an enum's or
    // domain's name; null for one not known here.
    private static string? TypeIdentity(Catalog catalog, TypeSpec type, IdentifierRules rules)
    {
        if (Polymorphic(type) is { } polymorphic) return polymorphic;
        if (type.Inline is not null || type.IsSerial) return null;
        if (type.UserType is null) return Bare(type.Text);
        var (_, reference) = ColumnFactory.ResolveType(catalog, type, rules);
        return reference is { } name && !type.IsArray ? $"{name.Schema}.{name.Name}" : null;
    }

    // The value's type as a view's column shows it: a built-in one without its modifier (where
    // format_type then shows the same name), an enum or a domain; arrays and the rest are not read.
    private static (string? Type, QualifiedName? Reference, object? State) ValueType(Catalog catalog, TypeSpec type, IdentifierRules rules)
    {
        if (Polymorphic(type) is { } polymorphic) return (polymorphic, null, null);
        if (type.IsArray || type.Inline is not null || type.IsSerial) return (null, null, null);
        if (type.UserType is null) return (ShownWithoutModifier(type.Text), null, null);
        var (text, reference) = ColumnFactory.ResolveType(catalog, type, rules);
        if (reference is not { } name) return (null, null, null);
        return catalog.EnumTypes.TryGetValue(name, out var enumType) ? (text, name, enumType)
            : catalog.Domains.TryGetValue(name, out var domain) ? (text, name, domain)
            : (null, null, null);
    }

    // A polymorphic pseudo-type (anyelement, anycompatible...) by its name, which a call's arguments
    // resolve (QueryColumns). Unqualified, the name is pg_catalog's, searched first.
    private static string? Polymorphic(TypeSpec type)
        => type is { UserType: { } name, IsQualified: false, IsArray: false, Inline: null } && name.Name.StartsWith("any", StringComparison.Ordinal) && PostgresBuiltinTypes.IsPseudo(name.Name)
            ? name.Name
            : null;

    /// <summary>Whether the enum or domain <paramref name="function"/> returns is still the one it was created with (<see cref="RoutineReturn.TypeState"/>).</summary>
    public static bool StillSame(Catalog catalog, RoutineReturn function)
        => function.Reference is not { } name
           || (catalog.EnumTypes.TryGetValue(name, out var enumType) ? ReferenceEquals(enumType, function.TypeState)
               : catalog.Domains.TryGetValue(name, out var domain) && ReferenceEquals(domain, function.TypeState));

    // The implicit conversions a call's argument is certain to take to a parameter of another
    // built-in type: up the number types, date to the timestamps, timestamp to timestamptz,
    // varchar to text. Enums and domains only to themselves.
    private static bool Converts(string from, string to)
    {
        if (from == to) return true;
        string[] numbers = ["smallint", "integer", "bigint", "numeric", "real", "double precision"];
        var f = Array.IndexOf(numbers, from);
        var t = Array.IndexOf(numbers, to);
        if (f >= 0 && t >= 0) return f < t;
        return (from, to) switch
        {
            ("date", "timestamp without time zone" or "timestamp with time zone") => true,
            ("timestamp without time zone", "timestamp with time zone") => true,
            ("character varying", "text") => true,
            _ => false,
        };
    }

    private static string Bare(string type)
    {
        var open = type.IndexOf('(');
        if (open < 0) return type;
        var close = type.IndexOf(')', open);
        return close < 0 ? type : type[..open] + type[(close + 1)..];
    }

    // A built-in type whose name format_type shows the same without a modifier; null for
    // character(n), bit(n) and interval fields, shown otherwise.
    private static string? ShownWithoutModifier(string type)
    {
        if (type.IndexOf('(') < 0) return type.StartsWith("character", StringComparison.Ordinal) && type != "character varying" || type.StartsWith("bit", StringComparison.Ordinal) || type.StartsWith("interval ", StringComparison.Ordinal) ? null : type;
        var bare = Bare(type);
        return bare is "character varying" or "numeric" or "timestamp without time zone" or "timestamp with time zone" or "time without time zone" or "time with time zone" ? bare : null;
    }
}
