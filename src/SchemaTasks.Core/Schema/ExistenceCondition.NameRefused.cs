using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

internal sealed partial class ExistenceCondition
{
    /// <summary>
    /// The server raises an error on a name argument instead of answering NULL: the statement
    /// holding the condition fails there, as any failing statement of a <c>DO</c> block does.
    /// </summary>
    internal sealed class NameRefused(SqlToken at, string sqlState, string message) : Exception(message)
    {
        /// <summary>The string constant the server refuses.</summary>
        public SqlToken At { get; } = at;

        /// <summary>The SQLSTATE the server raises, for the block's exception handlers.</summary>
        public string SqlState { get; } = sqlState;

        public static NameRefused InvalidSyntax(string function, string argument, SqlToken at)
            => new(at, "42602", $"{function}('{argument}') raises \"invalid name syntax\" (SQLSTATE 42602), because PostgreSQL reads the string as a dotted name, not as SQL, and a comment, an empty part or text after a part is no name");

        public static NameRefused TooManyDots(string function, string argument, SqlToken at)
            => new(at, "42601", $"{function}('{argument}') raises \"improper relation name (too many dotted names)\" (SQLSTATE 42601)");
    }
}
