namespace SchemaTasks.Tool;

/// <summary>The command line asks for something the tool cannot do; the message says what to type instead.</summary>
internal sealed class UsageException(string message) : Exception(message);
