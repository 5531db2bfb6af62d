using System.Text.Json;
using System.Text.Json.Nodes;
using Liaison.Core.Extensions;
using Liaison.Core.Ledger;
using Liaison.Core.Validation;

namespace Liaison.Core.Tests.Ledger;

public sealed class LedgerStixTests
{
    private const string Node = "identity--a6e3b4f0-1d3e-4c7a-9a57-0c6f3f1b2a10";
    private static readonly StixValidator Validator = new(LiaisonExtensions.Instance);

    [Fact]
    public void A_signed_checkpoint_becomes_a_valid_stix_object_and_comes_back_verifiable()
    {
        using var fra = TestKeys.Fra();
        var signed = SignedCheckpoint.Sign(new Checkpoint(TestKeys.FraOrigin, 1207, MerkleHash.Empty, SampleEntries.Time + 123_456), fra);

        var stix = LedgerStix.ToStix(signed, Node);

        AssertValid(stix);
        Assert.Equal("2015-12-15T08:00:00.123456Z", stix["checkpoint_time"]!.GetValue<string>());
        Assert.Equal(stix["id"]!.GetValue<string>(), LedgerStix.ToStix(signed, Node)["id"]!.GetValue<string>());
        Assert.True(LedgerStix.TryCheckpointFromStix(Element(stix), out var back, out var failure), failure);
        Assert.Equal(signed, back);
        Assert.True(back.Verify(fra.PublicKeyBase64, out failure), failure);
    }

    [Fact]
    public void A_signed_receipt_becomes_a_valid_stix_object_with_its_checkpoint_and_comes_back_verifiable()
    {
        using var rus = TestKeys.Rus();
        var receipt = SignedReceiptTests.Make(rus, new ReceivedObject(SampleEntries.Incident, SampleEntries.Time, SampleEntries.IncidentHash),
            new ReceivedObject("ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd", null, SampleEntries.HashOf(1)));

        var stix = LedgerStix.ToStix(receipt, Node);

        AssertValid(stix);
        Assert.Null(stix["received"]![1]!["object_modified"]);
        Assert.True(LedgerStix.TryReceiptFromStix(Element(stix), out var back, out var failure), failure);
        Assert.True(back.Verify(rus.PublicKeyBase64, out failure), failure);
        Assert.Equal(receipt.Receipt.SignedBytes(), back.Receipt.SignedBytes());
    }

    [Theory]
    [InlineData("tree_size", "-1", "$.tree_size must be a whole number")]
    [InlineData("root_hash", "\"zz\"", "$.root_hash is not 64 hex digits")]
    [InlineData("checkpoint_time", "\"yesterday\"", "$.checkpoint_time")]
    [InlineData("type", "\"x-liaison-receipt\"", "$.type must be 'x-liaison-ledger-checkpoint'")]
    public void A_malformed_checkpoint_object_is_refused_at_its_path(string property, string json, string reason)
    {
        using var fra = TestKeys.Fra();
        var stix = LedgerStix.ToStix(SignedCheckpoint.Sign(new Checkpoint(TestKeys.FraOrigin, 1, MerkleHash.Empty, 0), fra), Node);
        stix[property] = JsonNode.Parse(json);

        Assert.False(LedgerStix.TryCheckpointFromStix(Element(stix), out _, out var failure));
        Assert.Contains(reason, failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_receipt_that_only_refers_to_its_checkpoint_cannot_be_verified_alone()
    {
        using var rus = TestKeys.Rus();
        var stix = LedgerStix.ToStix(SignedReceiptTests.Make(rus, new ReceivedObject(SampleEntries.Incident, 1, SampleEntries.IncidentHash)), Node);
        stix.Remove("checkpoint");
        stix["checkpoint_ref"] = "x-liaison-ledger-checkpoint--bd6a2a9e-4377-44eb-961a-1ce0b164e1a8";
        AssertValid(stix);

        Assert.False(LedgerStix.TryReceiptFromStix(Element(stix), out _, out var failure));
        Assert.Contains("only a receipt with its checkpoint embedded", failure, StringComparison.Ordinal);
    }

    private static JsonElement Element(JsonObject stix) => JsonDocument.Parse(stix.ToJsonString()).RootElement.Clone();

    private static void AssertValid(JsonObject stix)
    {
        var result = Validator.Validate(Element(stix));
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
    }
}
