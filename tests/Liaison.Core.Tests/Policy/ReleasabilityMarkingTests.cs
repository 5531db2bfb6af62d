using Liaison.Core.Policy;

namespace Liaison.Core.Tests.Policy;

public sealed class ReleasabilityMarkingTests
{
    [Fact]
    public void A_releasability_statement_has_the_same_text_and_id_whatever_the_order_given()
    {
        var a = ReleasabilityMarking.RelTo("RUS", "FRA");
        var b = ReleasabilityMarking.RelTo("FRA", "RUS", "FRA");

        Assert.Equal("REL TO FRA, RUS", a.Statement);
        Assert.Equal(a.Id, b.Id);
        Assert.NotEqual(a.Id, ReleasabilityMarking.RelTo("FRA").Id);
    }

    [Fact]
    public void A_releasability_id_is_the_uuid_v5_of_its_text_in_the_stix_namespace()
    {
        // uuid.uuid5(uuid.UUID("00abedb4-aa42-466c-9c01-fed23315a9b7"), "REL TO FRA, RUS") in Python.
        Assert.Equal("marking-definition--" + Uuid5RelToFraRus, ReleasabilityMarking.RelTo("FRA", "RUS").Id);
    }

    [Theory]
    [InlineData("fra")]
    [InlineData("FR")]
    [InlineData("FRANCE")]
    [InlineData("")]
    public void A_code_that_is_not_three_or_four_capitals_is_misuse(string code)
    {
        Assert.Throws<ArgumentException>(() => ReleasabilityMarking.RelTo(code));
    }

    private const string Uuid5RelToFraRus = "1506538e-d5f2-5c94-8295-6aeadd65a8a7";
}
