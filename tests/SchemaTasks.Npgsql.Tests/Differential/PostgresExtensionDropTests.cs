using SchemaTasks.Npgsql.Tests.Infrastructure;
using SchemaTasks.Testing;

namespace SchemaTasks.Npgsql.Tests.Differential;

/// <summary>
/// DROP EXTENSION ... CASCADE drops the defaults, generated columns and CHECKs that call the
/// extension's functions, and leaves a call that resolves to PostgreSQL's own namesake: the engine
/// and the server end with the same catalog.
/// </summary>
public sealed class PostgresExtensionDropTests
{
    [PostgresTheory]
    [InlineData("uuid-ossp and unaccent dropped with what calls them", """
        CREATE EXTENSION "uuid-ossp"; CREATE EXTENSION unaccent; CREATE EXTENSION fuzzystrmatch;
        CREATE TABLE t (a uuid DEFAULT uuid_generate_v4(), c text, n int DEFAULT 0, CONSTRAINT ck CHECK (unaccent(c) <> ''), CONSTRAINT lv CHECK (levenshtein(c, 'x') < 10));
        DROP EXTENSION "uuid-ossp" CASCADE;
        DROP EXTENSION unaccent CASCADE;
        """)]
    [InlineData("pgcrypto dropped, an unqualified gen_random_uuid() kept", """
        CREATE EXTENSION pgcrypto;
        CREATE TABLE t (a uuid DEFAULT gen_random_uuid(), b uuid DEFAULT public.gen_random_uuid(), d text DEFAULT encode(gen_random_bytes(4), 'hex'));
        DROP EXTENSION pgcrypto CASCADE;
        """)]
    public Task The_catalog_after_the_drop_matches_the_server(string behaviour, string sql)
        => PostgresServerAgreement.AssertEngineMatchesServerAsync(behaviour, sql);
}
