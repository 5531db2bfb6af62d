using System.Text;
using Liaison.Core.Crypto;
using Liaison.Core.Ledger;

namespace Liaison.Core.Tests.Ledger;

public sealed class SignedReceiptTests
{
    internal static SignedReceipt Make(NodeKey receiver, params ReceivedObject[] received)
    {
        var checkpoint = SignedCheckpoint.Sign(new Checkpoint(TestKeys.RusOrigin, 3, MerkleHash.Empty, SampleEntries.Time), receiver);
        return SignedReceipt.Sign(new Receipt(checkpoint, SampleEntries.Time + 5, received), receiver);
    }

    [Fact]
    public void The_signed_bytes_bind_the_checkpoint_and_every_version_received()
    {
        using var rus = TestKeys.Rus();
        var receipt = Make(rus, new ReceivedObject(SampleEntries.Incident, 7, SampleEntries.IncidentHash), new ReceivedObject("ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd", null, SampleEntries.HashOf(1)));

        Assert.Equal(
            $"liaison-receipt/v1\n{TestKeys.RusOrigin}\n3\n{MerkleHash.Empty}\n{SampleEntries.Time}\n{SampleEntries.Time + 5}\n2\n"
            + $"{SampleEntries.Incident} 7 {SampleEntries.IncidentHash}\nipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd - {SampleEntries.HashOf(1)}\n",
            Encoding.UTF8.GetString(receipt.Receipt.SignedBytes()));
        Assert.True(receipt.Verify(rus.PublicKeyBase64, out var failure), failure);
    }

    [Fact]
    public void A_receipt_with_a_changed_hash_or_from_another_key_does_not_verify()
    {
        using var rus = TestKeys.Rus();
        using var fra = TestKeys.Fra();
        var receipt = Make(rus, new ReceivedObject(SampleEntries.Incident, 7, SampleEntries.IncidentHash));
        var altered = receipt with { Receipt = new Receipt(receipt.Receipt.Checkpoint, receipt.Receipt.TimeMicroseconds, [new ReceivedObject(SampleEntries.Incident, 7, SampleEntries.HashOf(2))]) };

        Assert.False(altered.Verify(rus.PublicKeyBase64, out var changed));
        Assert.Contains("signature of the receipt", changed, StringComparison.Ordinal);
        Assert.False(receipt.Verify(fra.PublicKeyBase64, out _));
    }

    [Fact]
    public void A_receipt_acknowledges_at_least_one_object()
    {
        using var rus = TestKeys.Rus();
        Assert.Throws<ArgumentException>(() => Make(rus));
    }
}
