using System.Text;
using Liaison.Core.Ledger;

namespace Liaison.Core.Tests.Ledger;

public sealed class CheckpointTests
{
    private const string Root8 = "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328";

    // Computed independently of this code base (another Ed25519 implementation): pins the signed bytes and the key id.
    private const string GoldenSignature = "gdN+MyS5BJsdfaT3b3H4qMvTy7zwzYQzj5lu3PPHZRwpjokKqAZTWrAE7sUo0eKzrNdKJeVtiRMCDMuUKERZBA==";
    private const string FraPublicKey = "WM/tcAdAhTtIrqWFrRn/t8kp90a/KOlDhyPZPc4/iqQ=";

    private static Checkpoint Sample => new(TestKeys.FraOrigin, 8, TreeHash.Parse(Root8), SampleEntries.Time);

    [Fact]
    public void The_signed_bytes_are_five_lines_of_text()
    {
        Assert.Equal($"liaison-checkpoint/v1\n{TestKeys.FraOrigin}\n8\n{Root8}\n1450166400000000\n", Encoding.UTF8.GetString(Sample.SignedBytes()));
    }

    [Fact]
    public void A_checkpoint_signed_with_a_fixed_key_has_its_golden_signature_and_key_id()
    {
        using var key = TestKeys.Fra();

        var signed = SignedCheckpoint.Sign(Sample, key);

        Assert.Equal(FraPublicKey, key.PublicKeyBase64);
        Assert.Equal("ed25519:53713291221f428c", signed.KeyId);
        Assert.Equal(GoldenSignature, signed.Signature);
        Assert.True(signed.Verify(FraPublicKey, out var failure), failure);
    }

    [Fact]
    public void Another_key_a_changed_field_or_a_bad_signature_text_fails_with_a_reason()
    {
        using var fra = TestKeys.Fra();
        using var rus = TestKeys.Rus();
        var signed = SignedCheckpoint.Sign(Sample, fra);

        Assert.False(signed.Verify(rus.PublicKeyBase64, out var otherKey));
        Assert.Contains("not the pinned key ed25519:32fbfcb43867a81b", otherKey, StringComparison.Ordinal);
        var forged = signed with { KeyId = LedgerKeyId.Of(rus.PublicKeyBase64) };
        Assert.False(forged.Verify(rus.PublicKeyBase64, out var forgedFailure));
        Assert.Contains("does not verify", forgedFailure, StringComparison.Ordinal);
        var grown = signed with { Checkpoint = new Checkpoint(TestKeys.FraOrigin, 9, TreeHash.Parse(Root8), SampleEntries.Time) };
        Assert.False(grown.Verify(fra.PublicKeyBase64, out _));
        Assert.False((signed with { Signature = "not base64" }).Verify(fra.PublicKeyBase64, out _));
        Assert.False(signed.Verify("AAAA", out var badKey));
        Assert.Contains("not usable", badKey, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" leading space")]
    [InlineData("two\nlines")]
    public void An_origin_must_be_one_line_of_text(string origin)
    {
        Assert.Throws<ArgumentException>(() => new Checkpoint(origin, 0, MerkleHash.Empty, 0));
    }
}
