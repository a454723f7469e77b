namespace SchemaTasks.Sql;

// ALTER TABLE: a comma-separated list of actions. PostgreSQL and MySQL share the common
// actions; each has its own few (ALTER COLUMN ... TYPE versus MODIFY/CHANGE).
internal sealed partial class DdlParser
{
    private SqlStatement AlterTable(SqlToken at)
    {
        var ifExists = !_mySql && IfExists();
        var only = !_mySql && _c.TryWord("ONLY");
        var name = TableName();
        if (!_mySql) _c.TrySymbol('*');
        var actions = new List<AlterAction>();
        if (_c.AtEnd) return new AlterTableStatement(at, name, ifExists, actions) { Only = only };
        IReadOnlyList<string>? partitionColumns = null;
        do
        {
            // MySQL: PARTITION BY or REMOVE PARTITIONING ends the statement, alone or after the actions, without a comma.
            if (_mySql && IsMySqlPartitioning()) break;
            var action = _mySql ? MySqlAlterAction() : PostgresAlterAction();
            if (action is not null) actions.Add(action);
            if (!_c.AtEnd && !_c.IsSymbol(',') && !(_mySql && IsMySqlPartitioning())) throw _c.Error("expected ',' or the end of the statement after the ALTER TABLE action");
        }
        while (_c.TrySymbol(','));
        if (_mySql && IsMySqlPartitioning()) partitionColumns = MySqlPartitioning();
        _c.ExpectEnd();
        return new AlterTableStatement(at, name, ifExists, actions) { Only = only, PartitionColumns = partitionColumns };
    }

    private AlterAction? PostgresAlterAction()
    {
        var at = _c.Current;
        if (_c.TryWord("ADD"))
        {
            if (IsTableConstraintStart()) return AddConstraint(at);
            _c.TryWord("COLUMN");
            var ifNotExists = IfNotExists();
            return new AddColumnAction(at, ColumnDefinition(), ifNotExists);
        }

        if (_c.TryWord("DROP"))
        {
            if (_c.TryWord("CONSTRAINT"))
            {
                var ifExists = IfExists();
                var constraint = _c.Identifier();
                var cascade = DropBehaviour();
                return new DropConstraintAction(at, constraint, ifExists, null) { Cascade = cascade };
            }

            _c.TryWord("COLUMN");
            var columnIfExists = IfExists();
            var column = _c.Identifier();
            var dropCascade = DropBehaviour();
            return new DropColumnAction(at, column, columnIfExists) { Cascade = dropCascade };
        }

        if (_c.TryWord("RENAME"))
        {
            if (_c.TryWord("CONSTRAINT"))
            {
                var from = _c.Identifier();
                _c.ExpectWord("TO");
                return new RenameConstraintAction(at, from, _c.Identifier());
            }

            if (_c.TryWord("TO"))
            {
                var newName = _c.Identifier();
                return new RenameTableAction(at, new Schema.QualifiedName(string.Empty, newName));
            }

            _c.TryWord("COLUMN");
            var column = _c.Identifier();
            _c.ExpectWord("TO");
            return new RenameColumnAction(at, column, _c.Identifier());
        }

        if (_c.TryWords("SET", "SCHEMA"))
        {
            return new RenameTableAction(at, new Schema.QualifiedName(_c.Identifier(), string.Empty));
        }

        if (_c.TryWord("ALTER"))
        {
            if (_c.TryWord("CONSTRAINT"))
            {
                SkipAction();
                return null;
            }

            _c.TryWord("COLUMN");
            var column = _c.Identifier();
            if (_c.TryWords("SET", "DATA") || _c.IsWord("TYPE"))
            {
                _c.ExpectWord("TYPE");
                var type = DataType();
                if (_c.TryWord("COLLATE")) _c.QualifiedName();
                if (_c.TryWord("USING")) SkipAction();
                return new AlterColumnTypeAction(at, column, type);
            }

            if (_c.TryWords("SET", "NOT"))
            {
                _c.ExpectWord("NULL");
                return new SetNotNullAction(at, column, true);
            }

            if (_c.TryWords("DROP", "NOT"))
            {
                _c.ExpectWord("NULL");
                return new SetNotNullAction(at, column, false);
            }

            if (_c.TryWords("SET", "DEFAULT")) return new SetDefaultAction(at, column, DefaultExpression());
            if (_c.TryWords("DROP", "DEFAULT")) return new SetDefaultAction(at, column, null);
            if (_c.TryWord("ADD") && _c.IsWord("GENERATED"))
            {
                SkipAction(); // ALWAYS or BY DEFAULT, and the sequence options: not tracked.
                return new AddIdentityAction(at, column);
            }

            if (_c.TryWords("DROP", "IDENTITY")) return new DropIdentityAction(at, column, IfExists());
            if (_c.TryWords("DROP", "EXPRESSION")) return new DropExpressionAction(at, column, IfExists());

            if (_c.IsWord("SET") || _c.IsWord("RESET") || _c.IsWord("DROP") || _c.IsWord("RESTART"))
            {
                SkipAction(); // Statistics, storage, compression, identity and expression options.
                return null;
            }

            throw _c.Error($"expected TYPE, SET/DROP NOT NULL, SET/DROP DEFAULT or another column change for column {column}");
        }

        if (_c.IsWord("NO") && _c.IsWord("INHERIT", 1))
        {
            _c.Next();
            _c.Next();
            return new NoInheritAction(at, TableName());
        }

        if (PartitionAction(at) is { } partitionAction) return partitionAction;
        if (_c.TryWord("OF")) return new TableOfTypeAction(at, _c.QualifiedName());
        if (_c.TryWords("NOT", "OF")) return new TableOfTypeAction(at, null);

        if (IsHarmlessPostgresAction())
        {
            SkipAction();
            return null;
        }

        throw _c.Unsupported(
            $"the ALTER TABLE action '{SqlTokenText.ForMessage(_c.Source, _c.Current)}' is not one SchemaTasks understands, so the table after it would be a guess",
            _c.Current);
    }

    // Actions that change nothing SchemaTasks tracks (ownership, storage, security, partitions, inheritance of rows).
    private bool IsHarmlessPostgresAction()
        => _c.IsWord("OWNER") || _c.IsWord("ENABLE") || _c.IsWord("DISABLE") || _c.IsWord("FORCE") || _c.IsWord("NO")
           || _c.IsWord("SET") || _c.IsWord("RESET") || _c.IsWord("CLUSTER") || _c.IsWord("REPLICA") || _c.IsWord("ATTACH")
           || _c.IsWord("DETACH") || _c.IsWord("VALIDATE") || _c.IsWord("NOT");

    private AlterAction? MySqlAlterAction()
    {
        var at = _c.Current;
        if (_c.TryWord("ADD"))
        {
            if (IsTableConstraintStart()) return AddConstraint(at);

            // MariaDB's ADD PERIOD FOR SYSTEM_TIME (start, end) and ADD SYSTEM VERSIONING: no column of their own.
            if (TrySystemTimePeriod()) return null;
            if (_rules.Dialect == SqlDialect.MariaDb && _c.IsWord("SYSTEM") && _c.IsWord("VERSIONING", 1))
            {
                SkipAction();
                return null;
            }

            _c.TryWord("COLUMN");
            var ifNotExists = AlterIfNotExists("ADD COLUMN");
            if (_c.IsSymbol('('))
            {
                // ADD COLUMN (a ..., b ...): several columns in one action.
                _c.Next();
                var first = new AddColumnAction(at, ColumnDefinition(), ifNotExists);
                _pendingColumns.Clear();
                while (_c.TrySymbol(',')) _pendingColumns.Add(new AddColumnAction(_c.Current, ColumnDefinition(), ifNotExists));
                _c.ExpectSymbol(')');
                return _pendingColumns.Count == 0 ? first : new AddColumnsAction(at, [first, .. _pendingColumns]);
            }

            return new AddColumnAction(at, ColumnDefinition(), ifNotExists);
        }

        if (_c.TryWord("DROP"))
        {
            var (dropCheck, kindAt) = (_c.IsWord("CHECK"), _c.Current);
            if (_c.TryWord("CHECK") || _c.TryWord("CONSTRAINT"))
            {
                if (dropCheck) RefuseDropCheckUnderMariaDb(kindAt);
                var ifExists = AlterIfExists(dropCheck ? "DROP CHECK" : "DROP CONSTRAINT");
                return new DropConstraintAction(at, _c.Identifier(), ifExists, null);
            }

            if (_c.TryWords("FOREIGN", "KEY"))
            {
                var ifExists = AlterIfExists("DROP FOREIGN KEY");
                return new DropConstraintAction(at, _c.Identifier(), ifExists, ConstraintKind.ForeignKey);
            }

            if (_c.TryWords("PRIMARY", "KEY"))
            {
                return new DropIndexAction(at, "PRIMARY", false);
            }

            if (_c.TryWord("INDEX") || _c.TryWord("KEY"))
            {
                var indexIfExists = AlterIfExists("DROP INDEX");
                return new DropIndexAction(at, _c.Identifier(), indexIfExists);
            }

            _c.TryWord("COLUMN");
            var columnIfExists = AlterIfExists("DROP COLUMN");
            return new DropColumnAction(at, _c.Identifier(), columnIfExists);
        }

        if (_c.TryWord("MODIFY"))
        {
            _c.TryWord("COLUMN");
            var ifExists = AlterIfExists("MODIFY COLUMN");
            var definition = ColumnDefinition();
            return new ReplaceColumnAction(at, definition.Name, definition) { IfExists = ifExists };
        }

        if (_c.TryWord("CHANGE"))
        {
            _c.TryWord("COLUMN");
            var ifExists = AlterIfExists("CHANGE COLUMN");
            var old = _c.Identifier();
            return new ReplaceColumnAction(at, old, ColumnDefinition()) { IfExists = ifExists };
        }

        if (_c.TryWord("RENAME"))
        {
            if (_c.TryWord("COLUMN"))
            {
                var from = _c.Identifier();
                _c.ExpectWord("TO");
                return new RenameColumnAction(at, from, _c.Identifier());
            }

            if (_c.TryWord("INDEX") || _c.TryWord("KEY"))
            {
                var from = _c.Identifier();
                _c.ExpectWord("TO");
                return new RenameIndexAction(at, from, _c.Identifier());
            }

            if (!_c.TryWord("TO")) _c.TryWord("AS");
            return new RenameTableAction(at, TableName());
        }

        if (_c.TryWord("ALTER"))
        {
            if (_c.TryWord("INDEX") || _c.TryWord("KEY"))
            {
                var ifExists = _c.TryWords("IF", "EXISTS");
                var index = _c.Identifier();
                SkipAction(); // [NOT] IGNORED, VISIBLE, INVISIBLE: not tracked.
                return ifExists ? null : new AlterIndexAction(at, index);
            }

            if (_c.TryWord("CHECK") || _c.TryWord("CONSTRAINT"))
            {
                SkipAction();
                return null;
            }

            _c.TryWord("COLUMN");
            var column = _c.Identifier();
            if (_c.TryWords("SET", "DEFAULT"))
            {
                // MySQL requires parentheses around non-literal defaults here.
                return new SetDefaultAction(at, column, DefaultExpression()) { DefaultName = _defaultName };
            }

            if (_c.TryWords("DROP", "DEFAULT")) return new SetDefaultAction(at, column, null);
            if (_c.TryWord("SET"))
            {
                SkipAction(); // SET VISIBLE / INVISIBLE
                return null;
            }

            throw _c.Error($"expected SET DEFAULT or DROP DEFAULT for column {column}");
        }

        if (IsMySqlTableOptionStart()) return MySqlTableOptions(at);
        if (IsHarmlessMySqlAction())
        {
            SkipAction();
            return null;
        }

        throw _c.Unsupported(
            $"the ALTER TABLE action '{SqlTokenText.ForMessage(_c.Source, _c.Current)}' is not one SchemaTasks understands, so the table after it would be a guess",
            _c.Current);
    }

    // Table options, algorithm/lock clauses, key management and partitioning do not change tracked facts.
    private bool IsHarmlessMySqlAction()
        => _c.IsWord("ALGORITHM") || _c.IsWord("LOCK") || _c.IsWord("ENGINE") || _c.IsWord("AUTO_INCREMENT") || _c.IsWord("COMMENT")
           || _c.IsWord("DEFAULT") || _c.IsWord("CHARACTER") || _c.IsWord("CHARSET") || _c.IsWord("COLLATE") || _c.IsWord("CONVERT")
           || _c.IsWord("ROW_FORMAT") || _c.IsWord("KEY_BLOCK_SIZE") || _c.IsWord("ORDER") || _c.IsWord("FORCE") || _c.IsWord("ENABLE")
           || _c.IsWord("DISABLE") || _c.IsWord("DISCARD") || _c.IsWord("IMPORT") || _c.IsWord("PARTITION") || _c.IsWord("REMOVE")
           || _c.IsWord("TRUNCATE") || _c.IsWord("COALESCE") || _c.IsWord("REORGANIZE") || _c.IsWord("EXCHANGE") || _c.IsWord("ANALYZE")
           || _c.IsWord("CHECK") || _c.IsWord("OPTIMIZE") || _c.IsWord("REBUILD") || _c.IsWord("REPAIR") || _c.IsWord("WITH")
           || _c.IsWord("WITHOUT") || _c.IsWord("STATS_PERSISTENT") || _c.IsWord("STATS_AUTO_RECALC") || _c.IsWord("PACK_KEYS")
           || _c.IsWord("MAX_ROWS") || _c.IsWord("MIN_ROWS") || _c.IsWord("CHECKSUM") || _c.IsWord("COMPRESSION") || _c.IsWord("ENCRYPTION");

    private readonly List<AddColumnAction> _pendingColumns = [];

    private AlterAction AddConstraint(SqlToken at)
    {
        var constraint = TableConstraint(alterAdd: true);
        if (!_mySql) _c.TryWords("NOT", "VALID");
        return new AddConstraintAction(at, constraint) { IfNotExists = constraint.IfNotExists };
    }
}
