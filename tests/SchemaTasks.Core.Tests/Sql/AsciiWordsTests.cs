using SchemaTasks.Sql;

namespace SchemaTasks.Core.Tests.Sql;

public class AsciiWordsTests
{
    [Theory]
    [InlineData("SET search_path = app", "search_path", true)]
    [InlineData("set SEARCH_PATH to app", "search_path", true)]
    [InlineData("BEGIN CREATE trigger t", "TRIGGER", true)]
    [InlineData("ends with TrIgGeR", "TRIGGER", true)]
    [InlineData("ttrigge trigge", "TRIGGER", false)]
    [InlineData("TRIGGE", "TRIGGER", false)]
    [InlineData("", "TRIGGER", false)]
    [InlineData("search-path", "search_path", false)] // An underscore is not a letter: no case to fold.
    [InlineData("SEARCH\u005FPATH", "search_path", true)]
    [InlineData("\u017Fearch_path", "search_path", false)] // Long s: the servers fold ASCII letters only.
    [InlineData("TR\u0130GGER", "TRIGGER", false)] // Dotted capital I.
    [InlineData("function", "FUNCTION", true)]
    public void Finds_the_word_in_any_case_of_its_ASCII_letters(string text, string word, bool found)
        => Assert.Equal(found, AsciiWords.Contains(text, word));
}
