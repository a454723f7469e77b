using SchemaTasks.Sql;

namespace SchemaTasks.Schema;

internal static partial class UncommittedLabelUses
{
    private sealed partial class Scan
    {
        // The words without which a rule passes over every constant without searching back from it
        // (or, for INSERT, without looking for the columns of inserted rows).
        [Flags]
        private enum DecidingWords
        {
            Read = 1,
            Array = 2,
            CommonTypeCall = 4,
            SetOperation = 8,
            Insert = 16,
            All = Read | Array | CommonTypeCall | SetOperation | Insert,
        }

        private DecidingWords _decidingWords;

        private bool HasArray => Has(DecidingWords.Array);

        private bool HasCommonTypeCall => Has(DecidingWords.CommonTypeCall);

        private bool HasSetOperation => Has(DecidingWords.SetOperation);

        private bool HasInsert => Has(DecidingWords.Insert);

        // All four are found in one pass over the statement, the first time the scan asks about
        // one: a pass for each cost as much again, on every statement with a constant.
        private bool Has(DecidingWords word)
        {
            if (_decidingWords == 0) _decidingWords = ReadDecidingWords();
            return (_decidingWords & word) != 0;
        }

        private DecidingWords ReadDecidingWords()
        {
            var found = DecidingWords.Read;
            for (var i = 0; i < tokens.Count && found != DecidingWords.All; i++)
            {
                var token = tokens[i];
                if (!DecidingWordFilter.Words.MayBe(sql, token)) continue;
                if (SqlTokenText.IsWord(sql, token, "ARRAY")) found |= DecidingWords.Array;
                else if (IsOneOf(token, CommonTypeCalls)) found |= DecidingWords.CommonTypeCall;
                else if (IsOneOf(token, SetOperationWords)) found |= DecidingWords.SetOperation;
                else if (SqlTokenText.IsWord(sql, token, "INSERT")) found |= DecidingWords.Insert;
            }

            return found;
        }

        // A type of its own, so the lists it is made of (in the other parts of Scan) are set when it is.
        private static class DecidingWordFilter
        {
            public static readonly KeywordFilter Words = new(["ARRAY", "INSERT"], CommonTypeCalls, SetOperationWords);
        }
    }
}
