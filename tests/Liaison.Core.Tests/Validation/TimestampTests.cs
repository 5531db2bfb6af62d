using static Liaison.Core.Tests.Validation.StixBuilder;

namespace Liaison.Core.Tests.Validation;

public sealed class TimestampTests
{
    [Fact]
    public void The_known_bad_tlp_2_0_example_timestamp_is_rejected_with_the_expected_form()
    {
        var result = Minimal("relationship").With("created", "2022-101-27T13:49:54.326Z").With("modified", "2022-10-27T13:49:54.326Z").Validate();

        ValidationAssert.SingleError(result, "$.created", "created: '2022-101-27T13:49:54.326Z' is not an RFC 3339 UTC timestamp of the form YYYY-MM-DDTHH:MM:SS[.s+]Z");
    }

    [Fact]
    public void Modified_before_created_is_rejected_naming_the_property()
    {
        var result = Minimal("campaign").With("created", "2024-03-02T10:00:00.000Z").With("modified", "2024-03-01T10:00:00.000Z").Validate();

        ValidationAssert.SingleError(result, "$.modified", "modified '2024-03-01T10:00:00.000Z' must be later than or equal to created '2024-03-02T10:00:00.000Z'");
    }

    [Fact]
    public void Modified_equal_to_created_is_accepted()
    {
        ValidationAssert.Valid(Minimal("campaign").With("modified", Created).Validate());
    }

    [Fact]
    public void Created_without_milliseconds_is_rejected_on_sdos()
    {
        var result = Minimal("identity").With("created", "2024-03-01T10:00:00Z").Validate();

        ValidationAssert.SingleError(result, "$.created", "created '2024-03-01T10:00:00Z' must be precise to at least the millisecond (YYYY-MM-DDTHH:MM:SS.sssZ)");
    }

    [Fact]
    public void Marking_definition_created_needs_no_milliseconds()
    {
        ValidationAssert.Valid(Minimal("marking-definition").With("created", "2024-03-01T10:00:00Z").Validate());
    }

    [Fact]
    public void Timestamp_that_is_not_a_string_is_rejected()
    {
        ValidationAssert.SingleError(
            Minimal("indicator").With("valid_from", 1709287200).Validate(),
            "$.valid_from",
            "valid_from must be a timestamp string of the form YYYY-MM-DDTHH:MM:SS[.s+]Z, found the number 1709287200");
    }

    [Fact]
    public void Timestamp_with_an_impossible_date_is_rejected()
    {
        ValidationAssert.SingleError(
            Minimal("report").With("published", "2023-02-29T00:00:00Z").Validate(),
            "$.published",
            "published: '2023-02-29T00:00:00Z' is not a valid calendar date and time");
    }

    [Fact]
    public void Valid_until_must_be_strictly_after_valid_from()
    {
        var result = Minimal("indicator").With("valid_from", "2024-03-01T10:00:00Z").With("valid_until", "2024-03-01T10:00:00Z").Validate();

        ValidationAssert.SingleError(result, "$.valid_until", "valid_until '2024-03-01T10:00:00Z' must be later than valid_from '2024-03-01T10:00:00Z'");
    }

    [Theory]
    [InlineData("sighting", "first_seen", "last_seen")]
    [InlineData("campaign", "first_seen", "last_seen")]
    [InlineData("threat-actor", "first_seen", "last_seen")]
    [InlineData("intrusion-set", "first_seen", "last_seen")]
    [InlineData("infrastructure", "first_seen", "last_seen")]
    [InlineData("malware", "first_seen", "last_seen")]
    [InlineData("observed-data", "first_observed", "last_observed")]
    [InlineData("network-traffic", "start", "end")]
    public void Later_time_before_earlier_time_is_rejected(string type, string earlier, string later)
    {
        var result = Minimal(type).With(earlier, "2015-12-02T00:00:00Z").With(later, "2015-12-01T00:00:00Z").Validate();

        ValidationAssert.SingleError(result, $"$.{later}", $"{later} '2015-12-01T00:00:00Z' must be later than or equal to {earlier} '2015-12-02T00:00:00Z'");
    }

    [Fact]
    public void Relationship_stop_time_must_be_after_start_time()
    {
        var result = Minimal("relationship").With("start_time", "2015-12-01T00:00:00Z").With("stop_time", "2015-12-01T00:00:00Z").Validate();

        ValidationAssert.SingleError(result, "$.stop_time", "stop_time '2015-12-01T00:00:00Z' must be later than start_time '2015-12-01T00:00:00Z'");
    }
}
