using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

internal static partial class UncommittedLabelUses
{
    private sealed partial class Scan
    {
        // f('c'), CALL p(n => 'c'): the server resolves the routine, and an argument of unknown
        // type takes its parameter's type. Only routines the migrations created are known; when
        // their overloads disagree on the parameter, which one the call resolves to is not.
        private UncommittedLabelUse? ArgumentAt(int i, string value)
        {
            if (routines is null || i < 2 || i + 1 >= tokens.Count) return null;
            if (!SqlTokenText.IsSymbol(sql, tokens[i + 1], ')') && !SqlTokenText.IsSymbol(sql, tokens[i + 1], ',')) return null;
            var named = SqlTokenText.IsSymbol(sql, tokens[i - 1], "=>") && SqlTokenText.IsName(tokens[i - 2]) ? rules.Name(sql, tokens[i - 2]) : null;
            var start = named is null ? i : i - 2;
            if (!SqlTokenText.IsSymbol(sql, tokens[start - 1], '(') && !SqlTokenText.IsSymbol(sql, tokens[start - 1], ',')) return null;
            if (!MayCallARoutine() || CallOf(start) is not { } call) return null;
            var signatures = routines.SignaturesOf(call.Routine);
            if (signatures.Count == 0) return null;

            UncommittedLabel? found = null;
            var others = 0;
            foreach (var signature in signatures)
            {
                var type = ParameterType(signature, call.Position, named);
                if (OfType(type, value) is { } label) found ??= label;
                else others++;
            }

            if (found is null) return null;
            var undecided = others == 0 ? null
                : $"{call.Routine.Name} has overloads the migrations created whose parameter there is of another type: which one the call resolves to decides whether PostgreSQL reads it as a value of the enum type";
            return new UncommittedLabelUse(found, tokens[i], undecided);
        }

        // The routine whose argument list holds the token at start, and the argument's position.
        private (QualifiedName Routine, int Position)? CallOf(int start)
        {
            var (depth, position) = (0, 0);
            for (var open = start - 1; open >= 1; open--)
            {
                if (SqlTokenText.IsSymbol(sql, tokens[open], ')') || SqlTokenText.IsSymbol(sql, tokens[open], ']')) depth++;
                else if (SqlTokenText.IsSymbol(sql, tokens[open], '[')) depth--;
                else if (depth == 0 && SqlTokenText.IsSymbol(sql, tokens[open], ',')) position++;
                else if (SqlTokenText.IsSymbol(sql, tokens[open], '(') && depth-- == 0)
                {
                    if (!SqlTokenText.IsName(tokens[open - 1])) return null;
                    var name = rules.Name(sql, tokens[open - 1]);
                    var routine = open >= 3 && SqlTokenText.IsSymbol(sql, tokens[open - 2], '.') && SqlTokenText.IsName(tokens[open - 3])
                        ? new QualifiedName(rules.Name(sql, tokens[open - 3]), name)
                        : new QualifiedName(rules.DefaultSchema, name);
                    return (routine, position);
                }
            }

            return null;
        }

        // The type of the parameter at position (or of that name) in a signature as RoutineOverloads
        // keeps it; null for an array, a type of several words, or an OUT parameter before it.
        private QualifiedName? ParameterType(string signature, int position, string? named)
        {
            var words = signature.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries);
            var (depth, index, start) = (0, 0, 1);
            for (var w = 1; w < words.Length; w++)
            {
                if (words[w] == "(") depth++;
                else if (words[w] == ")" && depth > 0) depth--;
                else if (depth == 0 && (words[w] == "," || words[w] == ")"))
                {
                    var parameter = new List<string>();
                    for (var p = start; p < w && words[p] is not ("default" or "="); p++) parameter.Add(words[p]);
                    if (parameter.Count > 0 && parameter[0] is "out" or "inout") return null; // Which arguments a call passes then differs for functions and procedures.
                    if (parameter.Count > 0 && parameter[0] is "in" or "variadic") parameter.RemoveAt(0);
                    string? name = null;
                    if (parameter.Count == 2 || (parameter.Count == 4 && parameter[2] == "."))
                    {
                        name = Unquoted(parameter[0]);
                        parameter.RemoveAt(0);
                    }

                    if (named is null ? index == position : name == named) return TypeOf(parameter);
                    (index, start) = (index + 1, w + 1);
                    if (words[w] == ")") return null;
                }
            }

            return null;
        }

        private QualifiedName? TypeOf(List<string> type) => type.Count switch
        {
            1 => ResolveUnqualified(Unquoted(type[0])),
            3 when type[1] == "." => new QualifiedName(Unquoted(type[0]), Unquoted(type[2])),
            _ => null,
        };

        // The signature keeps a quoted name's quotes, folded to lower case: the name is matched as folded.
        private static string Unquoted(string word) => word.Length > 1 && word[0] == '"' ? word.Substring(1, word.Length - 2).Replace("\"\"", "\"") : word;
    }
}
