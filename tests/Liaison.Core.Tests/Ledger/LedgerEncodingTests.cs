using CsCheck;
using Liaison.Core.Canonical;
using Liaison.Core.Ledger;

namespace Liaison.Core.Tests.Ledger;

public sealed class LedgerEncodingTests
{
    // These bytes are hashed into the log and signed in checkpoints: if this test fails, every existing ledger breaks.
    private const string GoldenRelease =
        "01" + "01" + "000000000000002a" + "000526eb2d232000" + "03"
        + "0003" + "525553"
        + "002e" + "696e636964656e742d2d38313834376531322d393365322d343463362d613064622d323363663338356465666638"
        + "000526ea568f7c00"
        + "0011" + "5255532076332072656c656173655b315d"
        + "d4191834714542dcf3e5d8a6ab386c9b72259430730157b6e5c76469cbb6a622"
        + "0000";

    // A received conflict report (kind 11), encoded and hashed independently of this code.
    private const string GoldenDeconflictionReport =
        "01" + "0b" + "0000000000000007" + "000526eb2d232000" + "03"
        + "0003" + "465241"
        + "003f" + "782d6c696169736f6e2d636f6e666c6963742d7265706f72742d2d63633839663765642d623936392d353063392d616439612d663031383366366263346362"
        + "000526d7e5df6400"
        + "0045" + "61626f757420782d6c696169736f6e2d61637469766974792d6e6f746963652d2d33326432383731612d336230352d353931372d383962352d616533346139336165376566"
        + "8b1e6a3c5d7f90214365879abcdef0123456789abcdef0fedcba9876543210f1"
        + "0000";

    [Fact]
    public void A_release_entry_encodes_to_its_golden_bytes()
    {
        Assert.Equal(GoldenRelease, Convert.ToHexStringLower(LedgerEncoding.Encode(42, SampleEntries.Release())));
    }

    [Fact]
    public void A_release_entry_has_its_golden_leaf_hash()
    {
        Assert.Equal("b403e401baf79d8db894681fd8619c165201e5cf08f6a88a964c7b2f65429ed6", MerkleHash.Leaf(Convert.FromHexString(GoldenRelease)).ToString());
    }

    [Fact]
    public void A_deconfliction_report_entry_encodes_to_its_golden_bytes_and_leaf_hash()
    {
        var entry = new LedgerEntry(LedgerEntryKind.DeconflictionReport, SampleEntries.Time, "FRA",
            "x-liaison-conflict-report--cc89f7ed-b969-50c9-ad9a-f0183f6bc4cb", 1_450_083_600_000_000,
            "about x-liaison-activity-notice--32d2871a-3b05-5917-89b5-ae34a93ae7ef",
            ContentHash.Parse("8b1e6a3c5d7f90214365879abcdef0123456789abcdef0fedcba9876543210f1"));

        Assert.Equal(GoldenDeconflictionReport, Convert.ToHexStringLower(LedgerEncoding.Encode(7, entry)));
        Assert.Equal("ad0360a3801a6bb0372ef942481e57394d17c107c1c002d272777ff674736b8e", MerkleHash.Leaf(Convert.FromHexString(GoldenDeconflictionReport)).ToString());
    }

    [Fact]
    public void Golden_bytes_decode_to_the_entry_they_came_from()
    {
        Assert.True(LedgerEncoding.TryDecode(Convert.FromHexString(GoldenRelease), out var index, out var entry, out var failure), failure);

        Assert.Equal(42, index);
        Assert.Equal(LedgerEntryKind.Release, entry.Kind);
        Assert.Equal(SampleEntries.Time, entry.TimeMicroseconds);
        Assert.Equal("RUS", entry.Partner);
        Assert.Equal(SampleEntries.Incident, entry.ObjectId);
        Assert.Equal(SampleEntries.Time - 3_600_000_000, entry.ObjectVersion);
        Assert.Equal("RUS v3 release[1]", entry.Clause);
        Assert.Equal(SampleEntries.IncidentHash, entry.ContentHash);
        Assert.True(entry.Payload.IsEmpty);
    }

    [Theory]
    [InlineData("02", "format version 2 is not known")]
    [InlineData("01ff", "255 is not a ledger entry kind")]
    public void Unknown_versions_and_kinds_are_refused_not_guessed(string prefix, string reason)
    {
        var bytes = Convert.FromHexString(prefix + GoldenRelease[prefix.Length..]);

        Assert.False(LedgerEncoding.TryDecode(bytes, out _, out _, out var failure));
        Assert.Contains(reason, failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Trailing_bytes_truncation_and_stray_flags_are_refused()
    {
        var bytes = Convert.FromHexString(GoldenRelease);
        Assert.False(LedgerEncoding.TryDecode([.. bytes, 0], out _, out _, out var trailing));
        Assert.Contains("1 bytes follow the end of the entry", trailing, StringComparison.Ordinal);
        for (var length = 0; length < bytes.Length; length++)
        {
            Assert.False(LedgerEncoding.TryDecode(bytes.AsSpan(0, length), out _, out _, out _), $"decoded a prefix of {length} bytes");
        }

        var flagged = (byte[])bytes.Clone();
        flagged[18] |= 0x80;
        Assert.False(LedgerEncoding.TryDecode(flagged, out _, out _, out var flags));
        Assert.Contains("unknown flag bits", flags, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_in_a_text_is_refused()
    {
        var bytes = Convert.FromHexString(GoldenRelease);
        bytes[21] = 0xff; // first byte of the partner name

        Assert.False(LedgerEncoding.TryDecode(bytes, out _, out _, out var failure));
        Assert.Contains("invalid UTF-8", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(LedgerEntryKind.Release, null, "needs partner")]
    [InlineData(LedgerEntryKind.KeyRotation, "RUS", "has no partner")]
    public void Entries_missing_what_their_kind_needs_cannot_be_made(LedgerEntryKind kind, string? partner, string reason)
    {
        var error = Assert.Throws<ArgumentException>(() => new LedgerEntry(kind, 0, partner, SampleEntries.Incident, null, null, SampleEntries.IncidentHash));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_release_without_a_content_hash_or_with_a_control_character_cannot_be_made()
    {
        Assert.Contains("needs the content hash", Assert.Throws<ArgumentException>(() => new LedgerEntry(LedgerEntryKind.Release, 0, "RUS", SampleEntries.Incident)).Message, StringComparison.Ordinal);
        Assert.Contains("control character", Assert.Throws<ArgumentException>(() => new LedgerEntry(LedgerEntryKind.Release, 0, "R\nUS", SampleEntries.Incident, contentHash: SampleEntries.IncidentHash)).Message, StringComparison.Ordinal);
        Assert.Contains("lone surrogate", Assert.Throws<ArgumentException>(() => new LedgerEntry(LedgerEntryKind.Release, 0, "RUS\ud800", SampleEntries.Incident, contentHash: SampleEntries.IncidentHash)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_entry_decodes_to_itself_and_every_decodable_encoding_is_the_only_one()
    {
        var texts = Gen.Select(Gen.Int[0, 2], Gen.String[Gen.Char.AlphaNumeric, 1, 40])
            .Select((choice, text) => choice switch { 0 => null, 1 => text, _ => "Şam – دمشق 🛰" });
        var kinds = Gen.Int[1, 11].Where(k => k != (int)LedgerEntryKind.KeyRotation).Select(k => (LedgerEntryKind)k);
        var versions = Gen.Select(Gen.Bool, Gen.Long[0, long.MaxValue]).Select((has, version) => has ? version : (long?)null);
        var entries = Gen.Select(kinds, Gen.Long, texts, versions, texts, Gen.Byte.Array[32], Gen.Long[0, 1L << 40])
            .Select((kind, time, clause, version, partner, hash, index) =>
                (Index: index, Entry: new LedgerEntry(kind, time, partner ?? "RUS", SampleEntries.Incident, version, clause, ContentHash.FromBytes(hash))));
        entries.Sample(e =>
        {
            var bytes = LedgerEncoding.Encode(e.Index, e.Entry);
            Assert.True(LedgerEncoding.TryDecode(bytes, out var index, out var decoded, out var failure), failure);
            Assert.Equal(e.Index, index);
            Assert.Equal(bytes, LedgerEncoding.Encode(index, decoded));
        }, iter: 2_000);
    }

    [Fact]
    public void Kind_names_are_stable()
    {
        Assert.Equal(
            ["release", "receipt", "withdrawal", "approval", "rejection", "agreement-applied", "key-rotation", "deconfliction-conflict", "deconfliction-acknowledgement", "rfi", "deconfliction-report"],
            Enum.GetValues<LedgerEntryKind>().Select(LedgerEntryKinds.Name));
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], Enum.GetValues<LedgerEntryKind>().Select(k => (int)k));
    }

    [Fact]
    public void An_agreement_entry_needs_no_object_but_its_document_hash()
    {
        var entry = new LedgerEntry(LedgerEntryKind.AgreementApplied, SampleEntries.Time, "RUS", clause: "RUS v3", contentHash: ContentHash.Parse(new string('a', 64)));

        Assert.True(LedgerEncoding.TryDecode(LedgerEncoding.Encode(0, entry), out _, out var decoded, out _));
        Assert.Null(decoded.ObjectId);
        Assert.Equal("RUS v3", decoded.Clause);
    }
}
