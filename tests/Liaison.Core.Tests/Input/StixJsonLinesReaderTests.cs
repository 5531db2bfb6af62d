using System.Text;
using Liaison.Core.Input;

namespace Liaison.Core.Tests.Input;

public sealed class StixJsonLinesReaderTests
{
    private static List<StixInputItem> Read(string text, int chunk = 1 << 20, StixReaderOptions? options = null) =>
        new StixJsonLinesReader(new ChunkedStream(Encoding.UTF8.GetBytes(text), chunk), options).Read().ToList();

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(8192)]
    public void Each_line_is_one_object_and_blank_lines_are_skipped(int chunk)
    {
        var items = Read("{\"type\":\"note\",\"i\":0}\r\n\n  \n{\"type\":\"note\",\"i\":1}\n{\"type\":\"note\",\"i\":2}", chunk);

        Assert.Equal([0, 1, 2], items.Select(i => i.Element!.Value.GetProperty("i").GetInt32()));
        Assert.Equal([1L, 4L, 5L], items.Select(i => i.Line));
    }

    [Fact]
    public void A_bad_line_is_reported_with_its_number_and_reading_goes_on()
    {
        var items = Read("{\"type\":\"note\"}\n{\"type\":\n[1]\n{\"type\":\"bundle\",\"objects\":[]}\n{\"type\":\"note\"}\n");

        Assert.Equal(5, items.Count);
        Assert.Contains("line 2 is not valid JSON", items[1].Error!.Reason, StringComparison.Ordinal);
        Assert.Contains("line 3 must hold one JSON object", items[2].Error!.Reason, StringComparison.Ordinal);
        Assert.Contains("line 4 holds a bundle", items[3].Error!.Reason, StringComparison.Ordinal);
        Assert.Null(items[4].Error);
        Assert.All(items, i => Assert.False(i.IsFatal));
    }

    [Fact]
    public void An_over_long_line_is_refused_and_the_next_line_is_read()
    {
        var options = new StixReaderOptions { MaxObjectBytes = 1024 };
        var items = Read("{\"type\":\"note\",\"c\":\"" + new string('a', 5000) + "\"}\n{\"type\":\"note\"}\n", chunk: 100, options);

        Assert.Equal(2, items.Count);
        Assert.Contains("line 1 is longer than", items[0].Error!.Reason, StringComparison.Ordinal);
        Assert.Null(items[1].Error);
        Assert.Equal(2, items[1].Line);
    }

    [Fact]
    public void Duplicate_keys_are_refused_naming_the_key()
    {
        var item = Assert.Single(Read("{\"type\":\"note\",\"abc\":1,\"abc\":2}\n"));
        Assert.Contains("property 'abc' appears twice", item.Error!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_last_line_is_called_truncated()
    {
        var items = Read("{\"type\":\"note\"}\n{\"type\":\"note\"");
        Assert.Contains("line 2 is not valid JSON: ends early (truncated JSON)", items[1].Error!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Deep_nesting_is_refused_naming_the_limit()
    {
        var deep = string.Concat(Enumerable.Repeat("{\"a\":", 100)) + "1" + new string('}', 100);
        var item = Assert.Single(Read(deep));
        Assert.Contains("nests deeper than the 64-level limit", item.Error!.Reason, StringComparison.Ordinal);
    }
}
