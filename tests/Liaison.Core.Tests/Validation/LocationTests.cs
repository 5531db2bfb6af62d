using static Liaison.Core.Tests.Validation.StixBuilder;

namespace Liaison.Core.Tests.Validation;

public sealed class LocationTests
{
    private static System.Text.Json.Nodes.JsonObject Location() => Sdo("location");

    [Fact]
    public void Coordinates_with_precision_are_accepted()
    {
        ValidationAssert.Valid(Location().With("latitude", 35.3683).With("longitude", 36.3939).With("precision", 5000).Validate());
    }

    [Fact]
    public void Latitude_without_longitude_is_rejected()
    {
        ValidationAssert.SingleError(
            Location().With("latitude", 35.0).With("country", "SY").Validate(),
            "$.latitude",
            "latitude is present without longitude; a location's coordinates must have both");
    }

    [Theory]
    [InlineData("latitude", 90.5, "latitude must be a number between -90 and 90 inclusive, found 90.5")]
    [InlineData("longitude", -180.01, "longitude must be a number between -180 and 180 inclusive, found -180.01")]
    public void Coordinates_out_of_range_are_rejected(string property, double value, string message)
    {
        var json = Location().With("latitude", 10).With("longitude", 10).With(property, value);

        ValidationAssert.SingleError(json.Validate(), $"$.{property}", message);
    }

    [Fact]
    public void Negative_precision_is_rejected()
    {
        ValidationAssert.SingleError(
            Location().With("latitude", 10).With("longitude", 10).With("precision", -1).Validate(),
            "$.precision",
            "precision must be a number greater than or equal to 0, found -1");
    }

    [Fact]
    public void Precision_without_coordinates_is_rejected()
    {
        ValidationAssert.SingleError(
            Location().With("country", "SY").With("precision", 10).Validate(),
            "$.precision",
            "precision applies to coordinates, so it requires both latitude and longitude");
    }

    [Fact]
    public void Location_needs_a_region_a_country_or_coordinates()
    {
        ValidationAssert.SingleError(
            Location().With("city", "Hama").Validate(),
            "$",
            "a location must have region, country, or latitude and longitude; none is present");
    }

    [Theory]
    [InlineData("region", "western-asia")]
    [InlineData("country", "SY")]
    public void Region_or_country_alone_is_enough(string property, string value)
    {
        ValidationAssert.Valid(Location().With(property, value).Validate());
    }
}
