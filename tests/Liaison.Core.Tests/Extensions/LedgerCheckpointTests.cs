namespace Liaison.Core.Tests.Extensions;

public sealed class LedgerCheckpointTests
{
    [Fact]
    public void A_signed_checkpoint_is_accepted() => Assert.Empty(Examples.Check(Examples.LedgerCheckpoint()));

    [Fact]
    public void An_empty_log_has_tree_size_zero() => Assert.Empty(Examples.Check(Examples.LedgerCheckpoint().Set("tree_size", "0")));

    [Theory]
    [InlineData("origin")]
    [InlineData("tree_size")]
    [InlineData("root_hash")]
    [InlineData("checkpoint_time")]
    [InlineData("key_id")]
    [InlineData("signature")]
    public void Each_required_property_is_reported_missing_at_its_path(string property)
    {
        var errors = Examples.Check(Examples.LedgerCheckpoint().Set(property, null));
        Examples.SingleError(errors, $"$.{property}", $"required property '{property}' is missing");
    }

    [Theory]
    [InlineData("tree_size", "-1", "must be at least 0, not -1")]
    [InlineData("tree_size", "12.5", "must be an integer, not a number with a fraction (12.5)")]
    [InlineData("tree_size", "\"1207\"", "must be an integer, not a string ('1207')")]
    [InlineData("root_hash", "\"0FB1B14B762B900E2FBF581C6D255D32A98ADC6EA1A818F02F78ECDDD89C1578\"", "is not a SHA-256 digest as 64 lower-case hexadecimal digits")]
    [InlineData("root_hash", "\"0fb1b14b\"", "is not a SHA-256 digest")]
    [InlineData("signature", "\"c2lnbmF0dXJl\"", "is not an Ed25519 signature: 64 bytes in standard padded base64")]
    [InlineData("checkpoint_time", "\"2015-12-15T08:00:00+01:00\"", "is not a STIX timestamp")]
    [InlineData("origin", "\"\"", "is not the log's origin")]
    [InlineData("origin", "\"two\\nlines\"", "is not the log's origin")]
    [InlineData("key_id", "\"key with spaces\"", "is not a key identifier")]
    public void Wrong_values_are_rejected_at_their_path_with_a_reason(string property, string json, string reason)
    {
        var errors = Examples.Check(Examples.LedgerCheckpoint().Set(property, json));
        Examples.SingleError(errors, $"$.{property}", reason);
    }

    [Fact]
    public void A_bad_field_does_not_make_the_other_fields_look_unknown()
    {
        var errors = Examples.Check(Examples.LedgerCheckpoint().Set("root_hash", "\"nope\"").Set("tree_size", "-4"));
        Assert.Equal(["$.root_hash", "$.tree_size"], errors.Select(e => e.Path).Order(StringComparer.Ordinal));
    }
}
