using System.Text;
using System.Text.Json;
using Liaison.Core.Input;

namespace Liaison.Core.Tests.Input;

public sealed class StixBundleReaderTests
{
    private const string Indicator = """{"type":"indicator","id":"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f","n":1.50}""";

    private static List<StixInputItem> Read(string json, int chunk = 1 << 20, StixReaderOptions? options = null) =>
        new StixBundleReader(new ChunkedStream(Encoding.UTF8.GetBytes(json), chunk), options).Read().ToList();

    private static string Bundle(int count) =>
        "{\n  \"type\": \"bundle\",\n  \"id\": \"bundle--5d0092c5-5f74-4287-9642-33f4c354e56d\",\n  \"objects\": [\n" +
        string.Join(",\n", Enumerable.Range(0, count).Select(i => $"    {{\"type\":\"note\",\"i\":{i},\"text\":\"é{new string('x', i % 97)}\"}}")) +
        "\n  ]\n}\n";

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    public void Objects_come_out_in_order_whatever_the_read_sizes(int chunk)
    {
        var items = Read(Bundle(500), chunk);

        Assert.Equal(500, items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            Assert.Null(items[i].Error);
            Assert.Equal(i, items[i].Index);
            Assert.Equal(i, items[i].Element!.Value.GetProperty("i").GetInt32());
            Assert.Equal(5 + i, items[i].Line);
        }
    }

    [Fact]
    public void Number_text_is_kept_as_written()
    {
        var item = Assert.Single(Read($$"""{"type":"bundle","id":"bundle--5d0092c5-5f74-4287-9642-33f4c354e56d","objects":[{{Indicator}}]}"""));
        Assert.Equal("1.50", item.Element!.Value.GetProperty("n").GetRawText());
    }

    [Fact]
    public void Members_after_the_objects_and_a_leading_byte_order_mark_are_accepted()
    {
        var items = Read("\uFEFF{\"objects\":[" + Indicator + "],\"id\":\"bundle--5d0092c5-5f74-4287-9642-33f4c354e56d\",\"spec_version\":\"2.0\",\"type\":\"bundle\"}");
        Assert.Null(Assert.Single(items).Error);
    }

    [Fact]
    public void Truncated_json_is_a_fatal_error_after_the_complete_objects()
    {
        var json = Bundle(3);
        var items = Read(json[..(json.Length - 40)], chunk: 16);

        Assert.Equal(3, items.Count);
        Assert.True(items[^1].IsFatal);
        Assert.Contains("truncated", items[^1].Error!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bare_object_is_refused_and_told_how_to_wrap_it()
    {
        var item = Assert.Single(Read(Indicator));
        Assert.True(item.IsFatal);
        Assert.Contains("single object of type 'indicator'", item.Error!.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[1,2]", "found an array")]
    [InlineData("", "empty")]
    [InlineData("{\"id\":\"x\"}", "no \"type\"")]
    [InlineData("{\"type\":\"bundle\",\"objects\":{}}", "must be an array")]
    [InlineData("{\"type\":\"bundle\",\"objects\":[]} {}", "after the end of the bundle")]
    public void A_top_level_that_is_not_a_bundle_is_refused(string json, string expected)
    {
        var item = Assert.Single(Read(json));
        Assert.True(item.IsFatal);
        Assert.Contains(expected, item.Error!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_non_object_in_objects_is_an_error_for_that_entry_only()
    {
        var items = Read("{\"type\":\"bundle\",\"objects\":[42," + Indicator + "]}");
        Assert.Equal(2, items.Count);
        Assert.Contains("objects[0] must be a JSON object", items[0].Error!.Reason, StringComparison.Ordinal);
        Assert.Null(items[1].Error);
        Assert.Equal(1, items[1].Index);
    }

    [Fact]
    public void Duplicate_keys_in_an_object_are_refused()
    {
        var items = Read("{\"type\":\"bundle\",\"objects\":[{\"type\":\"note\",\"type\":\"indicator\"}]}");
        var error = Assert.Single(items).Error!;
        Assert.Equal(0, error.ObjectIndex);
        Assert.Contains("property 'type' appears twice", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_is_refused_with_its_position()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"type\":\"bundle\",\"objects\":[{\"type\":\"note\",\"content\":\"ab\"}]}");
        var at = Array.LastIndexOf(bytes, (byte)'b');
        bytes[at] = 0xC3; // a lead byte followed by '"' is not UTF-8
        var item = Assert.Single(new StixBundleReader(new MemoryStream(bytes)).Read());
        Assert.Contains("invalid UTF-8", item.Error!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_outside_the_objects_is_a_fatal_error()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"type\":\"bundle\",\"objects\":[]}");
        bytes[Array.IndexOf(bytes, (byte)'u')] = 0xFF;
        var item = Assert.Single(new StixBundleReader(new MemoryStream(bytes)).Read());
        Assert.True(item.IsFatal);
        Assert.Contains("invalid UTF-8", item.Error!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_refused_without_exhausting_the_stack()
    {
        var deep = string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000);
        var items = Read("{\"type\":\"bundle\",\"objects\":[" + deep + "]}", chunk: 4096);
        var item = Assert.Single(items);
        Assert.True(item.IsFatal);
        Assert.Contains("object #0 nests deeper than the 64-level limit", item.Error!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_100_MB_string_is_refused_at_the_object_size_limit_without_buffering_it_all()
    {
        var prefix = Encoding.UTF8.GetBytes("{\"type\":\"bundle\",\"objects\":[{\"type\":\"note\",\"content\":\"");
        var suffix = Encoding.UTF8.GetBytes("\"}]}");
        var stream = new RepeatingStream(prefix, (byte)'a', 100L * 1024 * 1024, suffix);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var item = Assert.Single(new StixBundleReader(stream).Read());
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(item.IsFatal);
        Assert.Contains("larger than the 16 MiB limit", item.Error!.Reason, StringComparison.Ordinal);
        Assert.True(stream.Position < 20L * 1024 * 1024, $"read {stream.Position} bytes before refusing");
        Assert.True(allocated < 80L * 1024 * 1024, $"allocated {allocated} bytes");
    }

    [Fact]
    public void Elements_outlive_the_read_buffer()
    {
        var items = Read(Bundle(300), chunk: 64);
        var texts = items.Select(i => i.Element!.Value.GetProperty("text").GetString()).ToList();
        Assert.Equal("é" + new string('x', 299 % 97), texts[299]);
        Assert.Equal("é", texts[0]);
        Assert.Equal(JsonValueKind.Object, items[0].Element!.Value.ValueKind);
    }
}
