namespace Liaison.Core.Tests.Extensions;

public sealed class ReceiptTests
{
    private const string Checkpoint = $$"""
        { "origin": "liaison.rus.example/ledger", "tree_size": 88, "root_hash": "{{Examples.RootHash}}",
          "checkpoint_time": "2015-12-15T08:00:04Z", "key_id": "rus-ledger-2015", "signature": "{{Examples.Signature}}" }
        """;

    [Fact]
    public void A_receipt_referring_to_a_checkpoint_is_accepted() => Assert.Empty(Examples.Check(Examples.Receipt()));

    [Fact]
    public void A_receipt_may_embed_its_checkpoint()
    {
        var receipt = Examples.Receipt().Set("checkpoint_ref", null).Set("checkpoint", Checkpoint);
        Assert.Empty(Examples.Check(receipt));
    }

    [Fact]
    public void An_unversioned_object_is_received_without_a_modified_timestamp()
    {
        Assert.Empty(Examples.Check(Examples.Receipt().Set("received/0/object_modified", null)));
    }

    [Theory]
    [InlineData("received")]
    [InlineData("key_id")]
    [InlineData("signature")]
    public void Each_required_property_is_reported_missing_at_its_path(string property)
    {
        var errors = Examples.Check(Examples.Receipt().Set(property, null));
        Examples.SingleError(errors, $"$.{property}", $"required property '{property}' is missing");
    }

    [Theory]
    [InlineData("object_ref")]
    [InlineData("content_hash")]
    public void Each_required_property_of_a_received_entry_is_reported_missing(string property)
    {
        var errors = Examples.Check(Examples.Receipt().Set($"received/0/{property}", null));
        Examples.SingleError(errors, $"$.received[0].{property}", $"required property '{property}' is missing");
    }

    [Theory]
    [InlineData("received", "[]", "$.received", "must have at least 1 item, it has 0")]
    [InlineData("received/0/content_hash", "\"abc\"", "$.received[0].content_hash", "is not a SHA-256 digest")]
    [InlineData("received/0/object_ref", "\"incident\"", "$.received[0].object_ref", "is not a STIX identifier")]
    [InlineData("received/0/object_modified", "\"yesterday\"", "$.received[0].object_modified", "is not a STIX timestamp")]
    [InlineData("checkpoint_ref", "\"report--099d5ac9-64ad-4123-9cbc-80656c206d46\"", "$.checkpoint_ref", "is not the identifier of a ledger checkpoint")]
    [InlineData("signature", "\"\"", "$.signature", "is not an Ed25519 signature")]
    public void Wrong_values_are_rejected_at_their_path_with_a_reason(string location, string json, string path, string reason)
    {
        var errors = Examples.Check(Examples.Receipt().Set(location, json));
        Examples.SingleError(errors, path, reason);
    }

    [Fact]
    public void An_embedded_checkpoint_is_checked_field_by_field()
    {
        var receipt = Examples.Receipt().Set("checkpoint_ref", null).Set("checkpoint", Checkpoint)
            .Set("checkpoint/tree_size", "-1").Set("checkpoint/extra", "1");
        var errors = Examples.Check(receipt);
        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.Path == "$.checkpoint.tree_size" && e.Reason.Contains("must be at least 0", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Path == "$.checkpoint.extra" && e.Reason.Contains("'extra' is not a property of checkpoint", StringComparison.Ordinal));
    }

    [Fact]
    public void A_receipt_needs_exactly_one_checkpoint()
    {
        Examples.SingleError(Examples.Check(Examples.Receipt().Set("checkpoint_ref", null)), "$", "the ledger checkpoint is missing");
        Examples.SingleError(Examples.Check(Examples.Receipt().Set("checkpoint", Checkpoint)), "$", "either checkpoint_ref or checkpoint, not both");
    }
}
