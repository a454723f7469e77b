using SchemaTasks.Diagnostics;
using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// What applying statements needs besides the catalog: naming rules, where to report, and the
/// migration tool's own tables (<see cref="ToolHistoryTables"/>).
/// </summary>
internal sealed class ApplyContext(IdentifierRules rules, string? file, List<SchemaDiagnostic> diagnostics, IReadOnlyList<QualifiedName> toolTables, HashSet<QualifiedName>? unknownShapes = null, UndecidedTypes? undecidedTypes = null, RoutineOverloads? overloads = null, MySqlSession? session = null, HashSet<string>? temporaryTables = null, QueryShapedTables? queryShaped = null)
{
    /// <summary>
    /// The naming rules; for a PostgreSQL statement under a search_path the engine follows, set to
    /// rules that read its unqualified names in the schema the path gives (<see cref="PostgresSearchPath"/>)
    /// while it is applied.
    /// </summary>
    public IdentifierRules Rules { get; set; } = rules;

    /// <summary>The file named in diagnostics.</summary>
    public string? File { get; } = file;

    /// <summary>The tables the layout's tool creates before the migrations run; not tracked.</summary>
    public IReadOnlyList<QualifiedName> ToolTables { get; } = toolTables;

    /// <summary>
    /// Tables that a statement SchemaTasks refused (CREATE TABLE ... AS, LIKE, INHERITS,
    /// PARTITION OF) created with columns it cannot know; shared by the whole run. That refusal
    /// is the one error: later statements on them are passed over, not reported as naming a
    /// table no migration creates.
    /// </summary>
    public HashSet<QualifiedName> UnknownShapes { get; } = unknownShapes ?? [];

    /// <summary>The tables of <see cref="UnknownShapes"/> made from a query and not yet depended on; shared by the whole run.</summary>
    public QueryShapedTables QueryShaped { get; } = queryShaped ?? new();

    /// <summary>Types a DO block that SchemaTasks could not decide may have created; shared by the whole run.</summary>
    public UndecidedTypes UndecidedTypes { get; } = undecidedTypes ?? new();

    /// <summary>The overloads of the functions the migrations created; shared by the whole run.</summary>
    public RoutineOverloads Overloads { get; } = overloads ?? new();

    /// <summary>MySQL/MariaDB session settings the migrations set; shared by the whole run.</summary>
    public MySqlSession Session { get; } = session ?? new();

    /// <summary>
    /// The enum labels this migration added and has not committed, when its tool runs it in one
    /// transaction (or may); <see langword="null"/> when nothing needs them.
    /// </summary>
    public UncommittedEnumLabels? UncommittedLabels { get; init; }

    /// <summary>MariaDB: the numbers of the current statement's unnamed foreign keys.</summary>
    public InnoDbForeignKeyNumbers ForeignKeyNumbers { get; } = new();

    /// <summary>Whether <paramref name="name"/>, absent from the catalog, is one of the tool's own tables or one of <see cref="UnknownShapes"/>.</summary>
    public bool IsPassedOver(QualifiedName name) => ToolTables.Contains(name) || UnknownShapes.Contains(name);

    /// <summary>
    /// A context for statements elsewhere in the same run (a DO block's, a procedure body's): the
    /// same rules and passed-over tables, and the same temporary tables, since they run in the
    /// migration's session.
    /// </summary>
    public ApplyContext For(string? otherFile, List<SchemaDiagnostic> otherDiagnostics) => new(Rules, otherFile, otherDiagnostics, ToolTables, UnknownShapes, UndecidedTypes, Overloads, Session, TemporaryTables, QueryShaped);

    public bool IsPostgres => Rules.Dialect == SqlDialect.Postgres;

    /// <summary>The temporary tables the migration created so far; they end with its session.</summary>
    public HashSet<string> TemporaryTables { get; } = temporaryTables ?? new(StringComparer.Ordinal);

    public void Error(string code, string message, SqlToken at)
        => diagnostics.Add(SchemaDiagnostic.Error(code, message, File, at.Line, at.Column));

    public void Warning(string code, string message, SqlToken at)
        => diagnostics.Add(SchemaDiagnostic.Warning(code, message, File, at.Line, at.Column));

    /// <summary>Where <paramref name="at"/> is, as <c>file(line,col)</c>, for a message that points back at it from a later statement.</summary>
    public string Where(SqlToken at) => $"{File ?? "the migration"}({at.Line},{at.Column})";

    /// <summary>A name as SQL writes it, for messages.</summary>
    public string Show(QualifiedName name) => Rules.Quote(name);

    public string Show(string identifier) => Rules.Quote(identifier);

    public string ShowValue(string value) => Rules.QuoteString(value);
}
