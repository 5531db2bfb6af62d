using Liaison.Core.Validation;
using static Liaison.Core.Tests.Validation.StixBuilder;

namespace Liaison.Core.Tests.Validation;

/// <summary>
/// Guards the hot path's shape rather than its speed (timings vary between machines; allocations do not): validating a
/// typical object must stay within a small, fixed allocation budget, which LINQ, regexes or per-property path strings
/// would blow. Measured at about 1.3 KB per object (mostly the strings read for ids and timestamps, and the result).
/// </summary>
public sealed class ValidatorCostTests
{
    [Fact]
    public void Validating_a_typical_object_allocates_less_than_three_kilobytes()
    {
        var element = Minimal("indicator")
            .With("name", "Known malicious IP address")
            .With("indicator_types", Array("malicious-activity"))
            .With("object_marking_refs", Array(WellKnownMarkings.Tlp2AmberId))
            .With("kill_chain_phases", Array(new System.Text.Json.Nodes.JsonObject { ["kill_chain_name"] = "lockheed-martin-cyber-kill-chain", ["phase_name"] = "delivery" }))
            .ToElement();
        var validator = new StixValidator();
        for (var i = 0; i < 100; i++)
        {
            Assert.True(validator.Validate(element).IsValid);
        }

        const int Count = 2_000;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Count; i++)
        {
            validator.Validate(element);
        }

        var perObject = (GC.GetAllocatedBytesForCurrentThread() - before) / Count;
        Assert.True(perObject < 3_072, $"Validate allocated {perObject} bytes per object");
    }
}
