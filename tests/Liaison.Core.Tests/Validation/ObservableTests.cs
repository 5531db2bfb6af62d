using System.Text.Json.Nodes;
using static Liaison.Core.Tests.Validation.StixBuilder;

namespace Liaison.Core.Tests.Validation;

public sealed class ObservableTests
{
    [Theory]
    [InlineData("ipv4-addr", "256.1.1.1")]
    [InlineData("ipv4-addr", "10.0.0.1/33")]
    [InlineData("ipv4-addr", "010.0.0.1")]
    [InlineData("ipv6-addr", "2001:db8::g")]
    [InlineData("ipv6-addr", "198.51.100.1")]
    [InlineData("mac-addr", "D2:FB:49:24:37:18")]
    public void Address_values_must_be_well_formed(string type, string value)
    {
        ValidationAssert.HasError(Minimal(type).With("value", value).Validate(), "$.value", $"value must be ");
    }

    [Theory]
    [InlineData("ipv4-addr", "198.51.100.0/24")]
    [InlineData("ipv6-addr", "2001:db8::/32")]
    [InlineData("ipv6-addr", "::ffff:198.51.100.1")]
    public void Address_values_with_cidr_suffixes_are_accepted(string type, string value)
    {
        ValidationAssert.Valid(Minimal(type).With("value", value).Validate());
    }

    [Fact]
    public void Artifact_by_url_needs_hashes_and_not_a_payload()
    {
        var result = Minimal("artifact").With("url", "https://example.org/a.bin").Validate();

        ValidationAssert.HasError(result, "$", "an artifact must have payload_bin or url, not both");
        ValidationAssert.HasError(result, "$", "an artifact given by url must also have hashes");
    }

    [Fact]
    public void Artifact_payload_must_be_base64()
    {
        ValidationAssert.SingleError(Minimal("artifact").With("payload_bin", "not base64!").Validate(), "$.payload_bin", "payload_bin must be base64 (RFC 4648, with padding), found 'not base64!'");
    }

    [Fact]
    public void Email_body_is_not_allowed_on_a_multipart_message()
    {
        ValidationAssert.SingleError(
            Minimal("email-message").With("is_multipart", true).With("body", "hi").Validate(),
            "$.body",
            "body must not be present when is_multipart is true (use body_multipart)");
    }

    [Fact]
    public void Mime_part_needs_body_or_body_raw_ref()
    {
        var result = Minimal("email-message").With("is_multipart", true).With("body_multipart", Array(new JsonObject { ["content_type"] = "text/plain" })).Validate();

        ValidationAssert.SingleError(result, "$.body_multipart[0]", "a MIME part must have body or body_raw_ref; neither is present");
    }

    [Fact]
    public void Active_network_traffic_has_no_end()
    {
        ValidationAssert.SingleError(
            Minimal("network-traffic").With("is_active", true).With("end", Created).Validate(),
            "$.end",
            "end must not be present when is_active is true");
    }

    [Fact]
    public void Network_traffic_port_must_be_in_range()
    {
        ValidationAssert.SingleError(
            Minimal("network-traffic").With("dst_port", 70000).Validate(),
            "$.dst_port",
            "dst_port must be an integer between 0 and 65535 inclusive, found 70000");
    }

    [Fact]
    public void Process_needs_at_least_one_own_property()
    {
        ValidationAssert.HasError(Minimal("process").Without("pid").Validate(), "$", "every process must have at least one of extensions, is_hidden, pid");
    }

    [Fact]
    public void File_needs_a_name_or_hashes()
    {
        ValidationAssert.SingleError(Minimal("file").Without("name").With("size", 3).Validate(), "$", "every file must have at least one of hashes, name; none is present");
    }

    [Fact]
    public void Registry_key_must_use_the_full_hive_name()
    {
        ValidationAssert.SingleError(
            Minimal("windows-registry-key").With("key", "HKLM\\Software").Validate(),
            "$.key",
            "key must be a registry key with its full hive name (e.g. 'HKEY_LOCAL_MACHINE\\...'), not an abbreviation such as HKLM, found 'HKLM\\Software'");
    }

    [Fact]
    public void Predefined_extension_enumerations_are_checked()
    {
        var json = Minimal("network-traffic").With("extensions", new JsonObject { ["socket-ext"] = new JsonObject { ["address_family"] = "AF_MARS" } });

        ValidationAssert.HasError(json.Validate(), "$.extensions.socket-ext.address_family", "address_family must be one of");
    }
}
