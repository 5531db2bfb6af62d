using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Liaison.Core.Canonical;

namespace Liaison.Core.Tests.Canonical;

public sealed class ContentHashTests
{
    private const string LineSeparator = "\u2028";
    private const string VariationSelector16 = "\ufe0f";
    private const string Delete = "\u007f";
    private const string NonCharacter = "\uffff";

    // THESE BYTES MUST NEVER CHANGE. The ledger stores and signs content hashes of released objects; if this
    // test fails, canonicalisation changed and every hash already recorded would stop verifying. Fix the code,
    // never the expectation. (Cross-checked once against an independent ECMAScript implementation of RFC 8785.)
    // Written across lines for reading; the canonical text is one line, and the invisible characters are
    // spliced in by name.
    private static readonly string GoldenIndicatorCanonical = string.Concat($$$"""
        {"confidence":85,"created":"2024-03-14T09:26:53.000Z","created_by_ref":"identity--f431f809-377b-45e0-aa1c-6a4751cae5ff",
        "description":"Phishing domain seen in a campaign against the ministry’s VPN portal.\nReported by the CERT on 2024-03-14; confidence raised after sandboxing.\tSee \"Annex B\" \\ appendix.{{{LineSeparator}}}Séance №2, 東京 liaison, emoji 🛰{{{VariationSelector16}}}.",
        "extensions":{"extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e":{"extension_type":"property-extension",
        "x_liaison_flags":[true,false,null],"x_liaison_location":{"lat":48.856614,"lon":2.3522219,
        "precision_m":250},"x_liaison_null":null,"x_liaison_score":0.75,"x_liaison_seen":{"count":12,
        "first":"2024-03-14T09:26:53Z","sightings":[]},"x_liaison_weights":[1,4.5,0,1000,2.5e-7,1e+21,1.2345678901234569e+23,0.1,1.7976931348623157e+308]}},
        "external_references":[{"external_id":"CL-2024-0042","hashes":{"SHA-256":"6db3b1bdbd7d2b1d4c36ae0bd7b3cd24e3a8b0fbe8c2e2c3d4a1f1e9f0b3c2d1"},
        "source_name":"CERT-Liaison","url":"https://cert.example/advisories/CL-2024-0042"}],"granular_markings":[{"marking_ref":"marking-definition--f88d31f6-486f-44da-b317-01333bde0b82",
        "selectors":["description","external_references.[0].url"]}],"id":"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
        "indicator_types":["malicious-activity","attribution"],"kill_chain_phases":[{"kill_chain_name":"lockheed-martin-cyber-kill-chain",
        "phase_name":"delivery"},{"kill_chain_name":"mitre-attack","phase_name":"initial-access"}],
        "labels":["phishing","vpn","été-2024"],"lang":"fr","modified":"2024-03-15T17:02:11.250Z","name":"Domaine d’hameçonnage « vpn-update » — Фишинговый домен",
        "object_marking_refs":["marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da"],"pattern":"[domain-name:value = 'vpn-update.example' OR url:value = 'https://vpn-update.example/login?next=%2F&lang=fr']",
        "pattern_type":"stix","pattern_version":"2.1","spec_version":"2.1","type":"indicator","valid_from":"2024-03-14T09:26:53Z",
        "valid_until":"2024-09-14T00:00:00Z","x_liaison_note":"control chars: \u0000\u0001\u001f{{{Delete}}} and non-characters {{{NonCharacter}}} 😀"}
        """.Split('\n'));

    private const string GoldenIndicatorHash = "bac297fd831cf49ecbd2be353814af9585cb89a6d0f4884d483b4654e6820b54";

    private static ContentHash HashOf(string json)
    {
        using var document = JsonDocument.Parse(json);
        return ContentHash.Of(document.RootElement);
    }

    [Fact]
    public void The_golden_indicator_canonicalises_to_its_frozen_bytes_and_hash()
    {
        using var document = JsonDocument.Parse(GoldenFiles.Read("indicator.json"));

        var canonical = CanonicalJson.Canonicalize(document.RootElement);

        Assert.Equal(GoldenIndicatorCanonical, Encoding.UTF8.GetString(canonical));
        Assert.Equal(Encoding.UTF8.GetBytes(GoldenIndicatorCanonical), canonical);
        Assert.Equal(GoldenIndicatorHash, Convert.ToHexStringLower(SHA256.HashData(canonical)));
        Assert.Equal(GoldenIndicatorHash, ContentHash.Of(document.RootElement).ToString());
    }

    [Fact]
    public void The_hash_is_sha256_of_the_canonical_bytes()
    {
        const string json = """{"b": [1.50, "\u00e9"], "a": null}""";
        var canonical = Encoding.UTF8.GetBytes("""{"a":null,"b":[1.5,"é"]}""");

        Assert.Equal(SHA256.HashData(canonical), HashOf(json).Bytes.ToArray());
    }

    [Fact]
    public void The_same_value_written_differently_has_the_same_hash()
    {
        var first = HashOf("""{"type": "indicator", "confidence": 85, "labels": ["a", "b"]}""");
        var second = HashOf("""{ "labels" : [ "\u0061" , "b" ] , "confidence" : 8.5e1 , "type" : "indicator" }""");

        Assert.Equal(first, second);
        Assert.True(first == second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
    }

    [Fact]
    public void A_different_value_has_a_different_hash()
    {
        Assert.NotEqual(HashOf("""{"labels": ["a", "b"]}"""), HashOf("""{"labels": ["b", "a"]}"""));
        Assert.NotEqual(HashOf("""{"confidence": 85}"""), HashOf("""{"confidence": "85"}"""));
    }

    [Fact]
    public void The_text_form_is_64_lower_case_hex_digits_that_parse_back()
    {
        var hash = HashOf("""{"type": "indicator"}""");
        var text = hash.ToString();

        Assert.Matches("^[0-9a-f]{64}$", text);
        Assert.Equal(hash, ContentHash.Parse(text));
        Assert.Equal(hash, ContentHash.Parse(text.ToUpperInvariant()));
        Assert.True(ContentHash.TryParse(text.AsSpan(), out var parsed));
        Assert.Equal(hash, parsed);

        Span<char> buffer = stackalloc char[ContentHash.Length * 2];
        Assert.True(hash.TryFormat(buffer, out var written));
        Assert.Equal(text, buffer[..written].ToString());
        Assert.False(hash.TryFormat(stackalloc char[63], out _));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85")]
    [InlineData("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b8555")]
    [InlineData("g3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData(" 3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    public void Anything_but_64_hex_digits_does_not_parse(string? text)
    {
        Assert.False(ContentHash.TryParse(text, out var hash));
        Assert.Equal(default, hash);
        if (text is not null)
        {
            Assert.Throws<FormatException>(() => ContentHash.Parse(text));
        }
    }

    [Fact]
    public void Bytes_round_trip_and_must_be_exactly_32()
    {
        var hash = HashOf("[]");

        Assert.Equal(ContentHash.Length, hash.Bytes.Length);
        Assert.Equal(hash, ContentHash.FromBytes(hash.Bytes));
        Assert.Throws<ArgumentException>(() => ContentHash.FromBytes(new byte[31]));
        Assert.Throws<ArgumentException>(() => ContentHash.FromBytes(new byte[33]));
    }

    [Fact]
    public void The_default_hash_is_all_zeros()
    {
        Assert.Equal(new string('0', 64), default(ContentHash).ToString());
        Assert.Equal(default, ContentHash.FromBytes(new byte[32]));
    }

    [Fact]
    public void An_object_without_a_canonical_form_has_no_hash()
    {
        using var document = JsonDocument.Parse("""{"x_score": 1e400}""");

        var error = Assert.Throws<CanonicalizationException>(() => ContentHash.Of(document.RootElement));

        Assert.Equal("$.x_score", error.JsonPath);
    }

    [Fact]
    public void Hashing_is_safe_from_many_threads_at_once()
    {
        using var document = JsonDocument.Parse(GoldenFiles.Read("indicator.json"));
        var root = document.RootElement;

        var results = new string[64];
        Parallel.For(0, results.Length, i =>
        {
            for (var round = 0; round < 50; round++)
            {
                results[i] = ContentHash.Of(root).ToString();
            }
        });

        Assert.All(results, hash => Assert.Equal(GoldenIndicatorHash, hash));
    }
}
