namespace SchemaTasks.Benchmarks.Corpus;

/// <summary>MySQL migrations: wide tables with ENUM columns, MODIFY/CHANGE/ADD/DROP, CHECKs, and noise.</summary>
internal sealed class MySqlCorpus(int seed, int noise) : CorpusGenerator(seed, noise)
{
    private static readonly string[] ColumnTypes =
    [
        "bigint unsigned", "int", "varchar(191)", "text", "datetime(3)", "decimal(12,2)", "tinyint(1)",
        "json", "char(36)", "date", "varchar(64)", "smallint", "double", "timestamp",
    ];

    // Noise draws from its own generator, so every noise level yields the same schema.
    private readonly Random _noise = new(seed + 1);

    protected override void Migration(int index)
    {
        Sql.Append("-- Migration ").Append(index).Append(": generated for the SchemaTasks benchmarks.\n");
        Sql.Append("/*!40101 SET NAMES utf8mb4 */;\n\n");
        if (index < 20 || Random.Next(10) < 4)
        {
            CreateTable(index);
        }
        else
        {
            AlterExisting();
        }

        var blocks = Noise * (1 + _noise.Next(3));
        for (var i = 0; i < blocks; i++)
        {
            NoiseBlock(index, i);
        }
    }

    private void CreateTable(int index)
    {
        var table = new GeneratedTable($"{Word()}s_{index}");
        var values = 4 + Random.Next(8);
        for (var i = 0; i < values; i++) table.EnumValues.Add(Labels[i]);

        Sql.Append("CREATE TABLE IF NOT EXISTS `").Append(table.Name).Append("` (\n");
        Sql.Append("  `id` bigint unsigned NOT NULL AUTO_INCREMENT,\n");
        Sql.Append("  `status` ").Append(EnumType(table)).Append(" NOT NULL DEFAULT 'pending',\n");
        Sql.Append("  `kind` varchar(20) NOT NULL,\n");
        var columns = 14 + Random.Next(22);
        for (var i = 0; i < columns; i++)
        {
            var name = $"{Word()}_{i}";
            var columnType = ColumnTypes[Random.Next(ColumnTypes.Length)];
            Sql.Append("  `").Append(name).Append("` ").Append(columnType);
            if (columnType == "int") table.Integers.Add(name);
            var required = false;
            switch (Random.Next(5))
            {
                case 0:
                    Sql.Append(" NOT NULL");
                    required = true;
                    break;
                case 1 when columnType is "int" or "smallint":
                    Sql.Append(" NOT NULL DEFAULT '0'");
                    break;
                case 2 when columnType.StartsWith("varchar", StringComparison.Ordinal):
                    Sql.Append(" CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci DEFAULT NULL COMMENT 'free text; trimmed'");
                    break;
            }

            // A later CHANGE makes an int column NOT NULL, which the server refuses while a row
            // holds NULL there (error 1265), so the INSERTs give those columns a value too.
            if (required || columnType == "int") table.Given.Add((name, ValueOf(columnType)));
            Sql.Append(",\n");
        }

        Sql.Append("  `created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),\n");
        Sql.Append("  PRIMARY KEY (`id`),\n");
        Sql.Append("  KEY `idx_").Append(table.Name).Append("_status` (`status`, `created_at`),\n");
        Sql.Append("  CONSTRAINT `").Append(table.Name).Append("_kind_check` CHECK (`kind` in ('alpha','beta','gamma','delta'))\n");
        Sql.Append(") ENGINE=InnoDB AUTO_INCREMENT=1 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;\n\n");
        Tables.Add(table);
    }

    /// <summary>A constant of <paramref name="columnType"/>, for a column every INSERT gives a value.</summary>
    private static string ValueOf(string columnType) => columnType switch
    {
        "datetime(3)" or "timestamp" or "date" => "'2024-01-10'",
        "json" => "'{}'",
        "varchar(191)" or "varchar(64)" or "text" or "char(36)" => "'x'",
        _ => "0",
    };

    private string EnumType(GeneratedTable table) => "enum(" + string.Join(",", table.EnumValues.Select(v => $"'{v}'")) + ")";

    private void AlterExisting()
    {
        var table = Pick(Tables);
        table.EnumValues.Add($"extra_{table.EnumValues.Count}");
        Sql.Append("ALTER TABLE `").Append(table.Name).Append("` MODIFY COLUMN `status` ").Append(EnumType(table)).Append(" NOT NULL DEFAULT 'pending';\n\n");

        var n = table.Counter++;
        Sql.Append("ALTER TABLE `").Append(table.Name).Append("`\n");
        Sql.Append("  ADD COLUMN `note_").Append(n).Append("` varchar(255) DEFAULT NULL AFTER `id`,\n");
        Sql.Append("  ADD COLUMN `level_").Append(n).Append("` varchar(20) NOT NULL DEFAULT 'low',\n");
        Sql.Append("  ADD CONSTRAINT `").Append(table.Name).Append("_level_").Append(n).Append("_check` CHECK (`level_").Append(n).Append("` in ('low','medium','high')),\n");
        Sql.Append("  ADD INDEX `idx_").Append(table.Name).Append("_note_").Append(n).Append("` (`note_").Append(n).Append("`);\n\n");
        table.Added.Add($"note_{n}");

        if (table.Integers.Count > 0 && Random.Next(2) == 0)
        {
            var column = table.Integers[^1];
            table.Integers.RemoveAt(table.Integers.Count - 1);
            table.Given.RemoveAll(given => given.Name == column); // Its new column has a default.
            Sql.Append("ALTER TABLE `").Append(table.Name).Append("` CHANGE COLUMN `").Append(column).Append("` `").Append(column).Append("_wide` bigint NOT NULL DEFAULT '0';\n\n");
        }

        if (table.Added.Count > 2)
        {
            Sql.Append("ALTER TABLE `").Append(table.Name).Append("` DROP COLUMN `").Append(table.Added[0]).Append("`;\n\n");
            table.Added.RemoveAt(0);
        }
    }

    private void AppendValues(List<(string Name, string Value)> given)
    {
        foreach (var (_, value) in given) Sql.Append(", ").Append(value);
    }

    private void NoiseBlock(int index, int block)
    {
        var picked = Tables.Count > 0 ? Tables[_noise.Next(Tables.Count)] : null;
        var table = picked?.Name ?? "audit_log";
        switch (_noise.Next(6))
        {
            case 0:
                Sql.Append($"""
                    DROP PROCEDURE IF EXISTS `archive_{index}_{block}`;
                    DELIMITER $$
                    CREATE PROCEDURE `archive_{index}_{block}`(IN batch INT)
                    BEGIN
                      -- A body is not DDL to us: CREATE TABLE ghost (id int); stays inside.
                      DECLARE done INT DEFAULT 0;
                      DECLARE n INT DEFAULT 0;
                      WHILE n < batch DO
                        UPDATE `{table}` SET `status` = 'archived' WHERE `status` = 'completed' LIMIT 100;
                        SET n = n + 100;
                      END WHILE;
                      IF n > 1000 THEN
                        INSERT INTO audit_log (entity, message) VALUES ('{table}', 'archived; it\'s big');
                      END IF;
                    END$$
                    DELIMITER ;


                    """);
                break;
            case 1:
                Sql.Append($"""
                    CREATE TRIGGER `trg_{index}_{block}` BEFORE INSERT ON `{table}` FOR EACH ROW
                    BEGIN
                      IF NEW.kind IS NULL THEN
                        SET NEW.kind = 'alpha';
                      END IF;
                      CASE NEW.status WHEN 'failed' THEN SET NEW.kind = 'beta'; ELSE SET NEW.kind = NEW.kind; END CASE;
                    END;


                    """);
                break;
            case 2:
                // Every NOT NULL column without a default gets a value: MySQL and MariaDB in a
                // strict sql_mode refuse a row that leaves one out (error 1364).
                var given = picked?.Given ?? [];
                Sql.Append("INSERT INTO `").Append(table).Append("` (`kind`, `status`, `created_at`");
                foreach (var (name, _) in given) Sql.Append(", `").Append(name).Append('`');
                Sql.Append(") VALUES\n");
                for (var row = 0; row < 12; row++)
                {
                    Sql.Append("  ('alpha', 'pending', '2024-01-").Append(10 + row).Append(" 10:00:00'");
                    AppendValues(given);
                    Sql.Append("), # row ").Append(row).Append(", with; punctuation\n");
                }

                Sql.Append("  ('beta', 'running', NOW()");
                AppendValues(given);
                Sql.Append(");\n\n");
                break;
            case 3:
                Sql.Append($"""
                    CREATE INDEX `idx_{index}_{block}_kind` ON `{table}` (`kind`, `id`) USING BTREE;
                    CREATE OR REPLACE VIEW `v_{index}_{block}` AS SELECT `id`, `status` FROM `{table}` WHERE `status` <> 'archived';
                    GRANT SELECT, INSERT ON `app`.`{table}` TO 'reader'@'%';


                    """);
                break;
            case 4:
                Sql.Append("""
                    /*
                     * Rollout notes. The statements below were once written as
                     *   CREATE TABLE legacy (id int);  ALTER TABLE x MODIFY y ENUM('a');
                     * and are kept here for history only.
                     */
                    # Reviewed: ops, data, security. Do not reorder.
                    -- ALTER TABLE jobs DROP COLUMN state; -- (done in an earlier release)


                    """);
                break;
            default:
                Sql.Append($"""
                    UPDATE `{table}` SET `kind` = 'beta' WHERE `kind` = 'alpha' AND `created_at` < '2023-01-01';
                    DELETE FROM `{table}` WHERE `status` = 'archived' AND `created_at` < NOW() - INTERVAL 90 DAY;
                    SET @rows = (SELECT COUNT(*) FROM `{table}`);


                    """);
                break;
        }
    }
}
