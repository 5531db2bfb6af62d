using Liaison.Core.Ledger;

namespace Liaison.Core.Tests.Ledger;

public sealed class KeyRotationTests
{
    [Fact]
    public void A_rotation_signed_by_the_pinned_key_travels_in_an_entry_and_verifies()
    {
        using var old = TestKeys.Fra();
        using var next = TestKeys.Rus();
        var rotation = KeyRotation.Create(TestKeys.FraOrigin, old, next.PublicKeyBase64, SampleEntries.Time);

        var bytes = LedgerEncoding.Encode(9, LedgerEntry.ForKeyRotation(rotation));

        Assert.True(LedgerEncoding.TryDecode(bytes, out _, out var entry, out var failure), failure);
        Assert.Equal(LedgerEntryKind.KeyRotation, entry.Kind);
        Assert.True(KeyRotation.TryDecode(entry.Payload.Span, out var read, out failure), failure);
        Assert.Equal(next.PublicKeyBase64, read.NewPublicKey);
        Assert.True(read.Verify(old.PublicKeyBase64, TestKeys.FraOrigin, out failure), failure);
    }

    [Fact]
    public void A_rotation_is_refused_for_another_log_another_pinned_key_or_a_changed_new_key()
    {
        using var old = TestKeys.Fra();
        using var next = TestKeys.Rus();
        var rotation = KeyRotation.Create(TestKeys.FraOrigin, old, next.PublicKeyBase64, SampleEntries.Time);

        Assert.False(rotation.Verify(old.PublicKeyBase64, TestKeys.RusOrigin, out var otherLog));
        Assert.Contains("is for log", otherLog, StringComparison.Ordinal);
        Assert.False(rotation.Verify(next.PublicKeyBase64, TestKeys.FraOrigin, out var otherKey));
        Assert.Contains("not the pinned key", otherKey, StringComparison.Ordinal);

        var payload = rotation.Encode();
        payload[3 + TestKeys.FraOrigin.Length + 32] ^= 1; // first byte of the new key
        Assert.True(KeyRotation.TryDecode(payload, out var tampered, out _));
        Assert.False(tampered.Verify(old.PublicKeyBase64, TestKeys.FraOrigin, out var forged));
        Assert.Contains("does not verify", forged, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_payload_is_refused()
    {
        Assert.False(KeyRotation.TryDecode([1, 0, 3], out _, out var failure));
        Assert.Contains("malformed", failure, StringComparison.Ordinal);
    }
}
