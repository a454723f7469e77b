using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

/// <summary>
/// Applies one parsed statement to a catalog, the way the server would, and returns the new
/// catalog. A statement the server would reject (an ALTER of a missing type, a label added
/// twice) is reported and leaves the catalog as it was.
/// </summary>
internal static class CatalogApplier
{
    public static Catalog Apply(Catalog catalog, SqlStatement statement, ApplyContext context)
    {
        ServerLimits.ReportTruncated(statement, context);
        if (context.QueryShaped.Count > 0 && context.QueryShaped.Check(statement, context)) return catalog;
        if (!context.IsPostgres && !catalog.Relations.Named.IsEmpty && MySqlViews.RefusesAsTable(catalog, statement, context)) return catalog;
        var cascade = ViewCascade.Plan(catalog, statement, context);
        var after = ApplyStatement(catalog, statement, context);
        if (context.IsPostgres && statement is CreateTableStatement or AlterTableStatement && !ReferenceEquals(after, catalog) && PartitionedUniqueKeys.Refuses(catalog, after, statement, context)) return catalog;
        if (statement.HasDoubleQuotedNames && context.Rules.Dialect == SqlDialect.MariaDb && !ReferenceEquals(after, catalog))
        {
            if (RefusesDoubleQuotedName(after, statement, context)) return catalog;
            after = DoubleQuotedNamesSpelled(after, statement, context);
        }
        if (context.Rules.Dialect == SqlDialect.MariaDb && !ReferenceEquals(after, catalog) && RefusesIndexedVirtualColumn(after, statement, context)) return catalog;
        if (context.Rules.Dialect.IsMySqlFamily() && MySqlAutoIncrementReferences.MayMake(statement) && !ReferenceEquals(after, catalog) && RefusesAutoIncrementReference(after, statement, context)) return catalog;
        if (context.Rules.Dialect == SqlDialect.MariaDb && MariaDbColumnExpressions.MayConcern(statement) && !ReferenceEquals(after, catalog) && RefusesColumnExpression(after, statement, context)) return catalog;
        if (context.Rules.Dialect.IsMySqlFamily() && RefusesPartitioning(after, statement, context)) return catalog;
        if (!catalog.Relations.IsEmpty) after = RelationStatements.After(catalog, after, statement);
        return cascade is null ? after : cascade.Follow(catalog, after);
    }

    // MariaDB under ANSI_QUOTES refuses a "x" in a DEFAULT or CHECK that names no column of the table.
    private static bool RefusesDoubleQuotedName(Catalog after, SqlStatement statement, ApplyContext context) => statement switch
    {
        CreateTableStatement s => after.FindTable(s.Name) is { } table && MariaDbDoubleQuotedNames.Refuses(table, s, context),
        AlterTableStatement s => after.FindTable(s.Name) is { } table && MariaDbDoubleQuotedNames.Refuses(table, s, context),
        _ => false,
    };

    // And keeps such a name, which it runs, spelled as the column it names.
    private static Catalog DoubleQuotedNamesSpelled(Catalog after, SqlStatement statement, ApplyContext context) => statement switch
    {
        CreateTableStatement s => MariaDbDoubleQuotedNames.Spelled(after, s.Name, s, context),
        AlterTableStatement s => MariaDbDoubleQuotedNames.Spelled(after, s.Name, s, context),
        _ => after,
    };

    // MariaDB refuses the statement that leaves an index over a VIRTUAL column whose value is not the row's alone.
    private static bool RefusesIndexedVirtualColumn(Catalog after, SqlStatement statement, ApplyContext context) => statement switch
    {
        CreateTableStatement s => after.FindTable(s.Name) is { } table && MySqlGeneratedColumnFunctions.RefusesIndexed(table, s.At, context),
        AlterTableStatement s => after.FindTable(s.Name) is { } table && MySqlGeneratedColumnFunctions.RefusesIndexed(table, s.At, context),
        _ => false,
    };

    // MySQL and MariaDB refuse the statement that leaves a generated column, a DEFAULT or a CHECK over the AUTO_INCREMENT column.
    private static bool RefusesAutoIncrementReference(Catalog after, SqlStatement statement, ApplyContext context) => statement switch
    {
        CreateTableStatement s => after.FindTable(s.Name) is { } table && MySqlAutoIncrementReferences.Refuses(table, s.At, context),
        AlterTableStatement s => after.FindTable(s.Name) is { } table && MySqlAutoIncrementReferences.Refuses(table, s.At, context),
        _ => false,
    };

    // MariaDB refuses the statement that leaves a DEFAULT, generated column or CHECK naming no column, or one not computed yet.
    private static bool RefusesColumnExpression(Catalog after, SqlStatement statement, ApplyContext context) => statement switch
    {
        CreateTableStatement s => after.FindTable(s.Name) is { } table && MariaDbColumnExpressions.Refuses(table, s, context),
        AlterTableStatement s => after.FindTable(s.Name) is { } table && MariaDbColumnExpressions.Refuses(table, s, context),
        _ => false,
    };

    // MySQL and MariaDB refuse a PARTITION BY whose columns a unique key of the table lacks.
    private static bool RefusesPartitioning(Catalog after, SqlStatement statement, ApplyContext context) => statement switch
    {
        CreateTableStatement { PartitionColumns: { Count: > 0 } names } s => after.FindTable(s.Name) is { } table && MySqlPartitionKeys.Refuses(table, names, s.At, context),
        AlterTableStatement { PartitionColumns: { Count: > 0 } names } s => after.FindTable(s.Name) is { } table && MySqlPartitionKeys.Refuses(table, names, s.At, context),
        _ => false,
    };

    private static Catalog AggregatesUnfollowed(Catalog catalog, ApplyContext context)
    {
        context.Overloads.Returns.AggregatesUnfollowed();
        return catalog;
    }

    private static Catalog ApplyStatement(Catalog catalog, SqlStatement statement, ApplyContext context) => statement switch
    {
        CreateSchemaStatement s => SchemaStatements.Create(catalog, s, context),
        DropSchemaStatement s => SchemaStatements.Drop(catalog, s, context),
        RenameSchemaStatement s => SchemaStatements.Rename(catalog, s, context),
        CreateEnumTypeStatement s => TypeStatements.CreateEnum(catalog, s, context),
        CreateOtherTypeStatement s => TypeStatements.CreateOther(catalog, s, context),
        AddEnumValueStatement s => TypeStatements.AddValue(catalog, s, context),
        RenameEnumValueStatement s => TypeStatements.RenameValue(catalog, s, context),
        RenameTypeStatement s => TypeStatements.Rename(catalog, s, context),
        AlterCompositeTypeStatement s => CompositeTypeStatements.Alter(catalog, s, context),
        DropTypeStatement s => TypeStatements.Drop(catalog, s, context),
        CreateDomainStatement s => DomainStatements.Create(catalog, s, context),
        AlterDomainStatement s => DomainStatements.Alter(catalog, s, context),
        CreateTableStatement s when TemporaryTables.IsTemporarySchema(s.Name, context) => TemporaryTables.Create(catalog, new CreateTemporaryTableStatement(s.At, s.Name.Name, s.IfNotExists), context),
        CreateTableStatement { OfType: not null } s => TypedTables.Create(catalog, s, context),
        CreateTableStatement { PartitionOf: true } s => TriggerClones.AfterPartitionCreated(TableStatements.Create(catalog, s, context), s.Name),
        CreateTableStatement s => TableStatements.Create(catalog, s, context),
        CreateTemporaryTableStatement s => TemporaryTables.Create(catalog, s, context),
        CreateTableCopyStatement s => TableCopies.Create(catalog, s, context),
        CreateTableLikeStatement s => MySqlTableLikes.Create(catalog, s, context),
        AlterTableStatement s when TemporaryTables.Names(s.Name, s, context) => TemporaryTables.Alter(catalog, s, context),
        AlterTableStatement s => AlterTableActions.Apply(catalog, s, context),
        RenameTablesStatement s => TableStatements.Rename(catalog, TemporaryTables.RenameTemporary(s, context), context),
        DropTableStatement s => TableStatements.Drop(catalog, TemporaryTables.DropTemporary(s, context), context),
        CreateUniqueIndexStatement s => PartitionedUniqueKeys.RefusesIndex(catalog, s.Table, s.Only, s.UniqueElements, s.At, context) ? catalog : PostgresIndexes.Create(catalog, s, context),
        DropIndexStatement s => PostgresIndexes.Drop(catalog, s, context),
        RenameIndexStatement s => PostgresIndexes.Rename(catalog, s),
        CreateIndexStatement s => ExtensionObjectUse.RefusesOperatorClasses(catalog, s, context) || PartitionedUniqueKeys.RefusesIndex(catalog, s.Table, s.Only, s.UniqueElements, s.At, context) ? catalog : RelationStatements.CreateIndex(catalog, s, context),
        RenameSequenceStatement s => RelationStatements.Rename(SequenceStatements.Rename(catalog, s, context), s.Name, s.NewName),
        DropSequenceStatement s => RelationStatements.Drop(SequenceStatements.Drop(catalog, s, context), s.Names),
        SequenceOwnerStatement s => RelationStatements.SetOwner(catalog, s),
        CreateRelationStatement s => RelationStatements.Create(catalog, s, context),
        RenameRelationStatement s => RelationStatements.Rename(catalog, s.Name, s.NewName),
        RenameRelationColumnStatement s => catalog.WithRelations(RelationStatements.ForgetColumns(catalog.Relations, s.Name)),
        DropRelationStatement s => ViewDependencies.AllowsRelationDrop(catalog, s, context) ? RelationStatements.Drop(catalog, s.Names) : catalog,
        UnreadRelationStatement s => RelationStatements.Unread(catalog, s),
        MySqlCreateViewStatement s => MySqlViews.Create(catalog, s, context),
        MySqlDropViewStatement s => MySqlViews.Drop(catalog, s, context),
        CreatePolicyStatement s => PolicyStatements.Create(catalog, s, context),
        AlterPolicyStatement s => PolicyStatements.Alter(catalog, s, context),
        RenamePolicyStatement s => PolicyStatements.Rename(catalog, s),
        DropPolicyStatement s => PolicyStatements.Drop(catalog, s),
        CreateTriggerStatement s => TriggerStatements.Create(catalog, s, context),
        DropTriggerStatement s => TriggerStatements.Drop(catalog, s, context),
        RenameTriggerStatement s => TriggerStatements.Rename(catalog, s, context),
        DropRoutinesStatement { Cascade: true } s => TriggerStatements.DropRoutineUsers(PolicyStatements.ForgetRoutineUsers(RoutineDependents.Drop(catalog, s, context)), s, context),
        DropRoutinesStatement s => TriggerStatements.RefusesRoutineDrop(catalog, s, context) ? catalog : RoutineDependents.Drop(catalog, s, context),
        RenameRoutineStatement s => TriggerStatements.FollowRenamedRoutine(RoutineDependents.Rename(catalog, s, context), s, context.Overloads.IsOverloaded(s.NewName)),
        AlterAggregateStatement => AggregatesUnfollowed(catalog, context),
        CreateExtensionStatement s => ExtensionStatements.Create(catalog, s, context),
        DropExtensionStatement s => ExtensionStatements.Drop(catalog, s, context),
        MoveExtensionStatement s => ExtensionStatements.Move(catalog, s, context),
        CommentOnStatement s => CommentTargets.Check(catalog, s, context),
        _ => catalog,
    };
}
