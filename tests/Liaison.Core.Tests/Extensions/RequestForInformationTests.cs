namespace Liaison.Core.Tests.Extensions;

public sealed class RequestForInformationTests
{
    [Fact]
    public void An_open_request_is_accepted() => Assert.Empty(Examples.Check(Examples.RequestForInformation()));

    [Fact]
    public void An_answered_request_lists_its_answers()
    {
        var answered = Examples.RequestForInformation()
            .Set("status", "\"answered\"")
            .Set("answer_refs", "[\"note--2753b7a2-8af7-40e5-b5ce-cbca01ded987\"]");
        Assert.Empty(Examples.Check(answered));
    }

    [Theory]
    [InlineData("question")]
    [InlineData("requester_ref")]
    [InlineData("addressee_ref")]
    [InlineData("due")]
    [InlineData("status")]
    public void Each_required_property_is_reported_missing_at_its_path(string property)
    {
        var errors = Examples.Check(Examples.RequestForInformation().Set(property, null));
        Examples.SingleError(errors, $"$.{property}", $"required property '{property}' is missing");
    }

    [Fact]
    public void An_answered_request_without_answers_is_refused()
    {
        var errors = Examples.Check(Examples.RequestForInformation().Set("status", "\"answered\""));
        Examples.SingleError(errors, "$.answer_refs", "required property 'answer_refs' is missing (when status is 'answered')");
    }

    [Theory]
    [InlineData("status", "\"pending\"", "$.status", "is not one of the allowed values: 'open', 'answered', 'overdue', 'closed'")]
    [InlineData("due", "\"next week\"", "$.due", "is not a STIX timestamp")]
    [InlineData("question", "\"\"", "$.question", "must not be empty")]
    [InlineData("addressee_ref", "\"location--0edda6fb-ff85-40fa-bf72-9b63b0113ef3\"", "$.addressee_ref", "is not the identifier of an identity object")]
    [InlineData("about_refs/0", "\"Daech\"", "$.about_refs[0]", "is not a STIX identifier")]
    [InlineData("about_refs", "[]", "$.about_refs", "must have at least 1 item, it has 0")]
    [InlineData("answer_refs", "\"note--2753b7a2-8af7-40e5-b5ce-cbca01ded987\"", "$.answer_refs", "must be an array, not a string")]
    public void Wrong_values_are_rejected_at_their_path_with_a_reason(string location, string json, string path, string reason)
    {
        var errors = Examples.Check(Examples.RequestForInformation().Set(location, json));
        Examples.SingleError(errors, path, reason);
    }
}
