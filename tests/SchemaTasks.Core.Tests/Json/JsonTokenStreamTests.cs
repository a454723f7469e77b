using System.Text.Json;
using SchemaTasks.Json;

namespace SchemaTasks.Core.Tests.Json;

/// <summary>JSON read a token at a time from text that arrives in pieces.</summary>
public sealed class JsonTokenStreamTests
{
    [Fact]
    public void Read_GivesTheTokensOfTheWholeText_WhateverItsLength()
    {
        // Strings longer than a piece, and characters of two, three and four UTF-8 bytes, so
        // that tokens and characters fall across the pieces' ends.
        var values = Enumerable.Range(0, 3000).Select(i => i % 7 == 0 ? new string('ü', 5000 + i) : $"väl€ue 😀 {i}").ToList();
        var json = JsonSerializer.Serialize(new { name = "list", count = values.Count, values });
        var stream = new JsonTokenStream(new StringReader(json));

        var read = new List<string>();
        Assert.True(stream.Read());
        Assert.Equal(JsonTokenType.StartObject, stream.TokenType);
        Assert.True(stream.Read());
        Assert.Equal("name", stream.Text);
        stream.SkipValue();
        Assert.True(stream.Read());
        Assert.Equal("count", stream.Text);
        Assert.True(stream.Read());
        Assert.Equal(values.Count, stream.Int32);
        Assert.True(stream.Read());
        Assert.Equal("values", stream.Text);
        Assert.True(stream.Read());
        Assert.Equal(JsonTokenType.StartArray, stream.TokenType);
        while (stream.Read() && stream.TokenType == JsonTokenType.String)
        {
            read.Add(stream.Text!);
        }

        Assert.Equal(values, read);
        Assert.Equal(JsonTokenType.EndArray, stream.TokenType);
        Assert.True(stream.Read());
        Assert.Equal(JsonTokenType.EndObject, stream.TokenType);
        Assert.False(stream.Read());
    }

    [Fact]
    public void SkipValue_PassesOverNestedObjectsAndArrays()
    {
        var stream = new JsonTokenStream(new StringReader("""{"skip": {"a": [1, {"b": [[], {}]}], "c": "}"}, "next": 7}"""));

        stream.Read();
        stream.Read();
        stream.SkipValue();
        stream.Read();

        Assert.Equal("next", stream.Text);
        stream.Read();
        Assert.Equal(7, stream.Int32);
    }

    [Theory]
    [InlineData("""{"a": 1""")]
    [InlineData("""{"a": tru}""")]
    [InlineData("""{"a": "unterminated}""")]
    public void Read_ThrowsForTextThatIsNotJson(string text)
    {
        var stream = new JsonTokenStream(new StringReader(text));

        Assert.ThrowsAny<JsonException>(() =>
        {
            while (stream.Read())
            {
            }
        });
    }
}
