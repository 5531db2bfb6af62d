using System.Text.Encodings.Web;
using System.Text.Json;
using CsCheck;
using Liaison.Core.Extensions;

namespace Liaison.Core.Tests.Extensions;

/// <summary>
/// The compiled extension schemas accept exactly what JsonSchema.Net accepts: on the examples and their variants, on
/// the demo data, and on instances mutated near the schemas' boundaries. (Every fixture of the other extension tests
/// is checked too, through <see cref="Examples.Check"/>.)
/// </summary>
public sealed class SchemaEquivalenceTests
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public void Every_extension_schema_has_seed_instances_that_both_evaluators_accept()
    {
        foreach (var extension in LiaisonExtensions.Instance.All)
        {
            Assert.Contains(SchemaSeeds.All, seed => seed.SchemaFile == extension.SchemaFileName);
        }

        foreach (var (schemaFile, subject) in SchemaSeeds.All)
        {
            using var document = JsonDocument.Parse(subject.ToJsonString());
            var compiled = SchemaVerdicts.Schemas.Value.Get(schemaFile).Compiled;
            Assert.True(compiled.IsValid(document.RootElement), $"{schemaFile} refuses its seed {subject.ToJsonString()}");
            SchemaVerdicts.AssertAgree(schemaFile, document.RootElement);
        }
    }

    [Fact]
    public void A_valid_instance_is_decided_without_allocating()
    {
        foreach (var (schemaFile, subject) in SchemaSeeds.All)
        {
            // Relaxed escaping keeps the strings free of escapes, the case the evaluator reads without copying.
            using var document = JsonDocument.Parse(subject.ToJsonString(Relaxed));
            var compiled = SchemaVerdicts.Schemas.Value.Get(schemaFile).Compiled;
            Assert.True(compiled.IsValid(document.RootElement));
            var before = GC.GetAllocatedBytesForCurrentThread();
            compiled.IsValid(document.RootElement);
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.True(allocated == 0, $"{schemaFile}: {allocated} bytes allocated deciding {subject.ToJsonString(Relaxed)}");
        }
    }

    [Fact]
    public void Every_extension_in_the_demo_data_gets_the_same_verdict()
    {
        var checkedSubjects = 0;
        foreach (var stixObject in SchemaSeeds.DemoObjects())
        {
            foreach (var (schemaFile, subject) in SchemaVerdicts.Subjects(stixObject))
            {
                SchemaVerdicts.AssertAgree(schemaFile, subject);
                checkedSubjects++;
            }
        }

        Assert.True(checkedSubjects >= 10, $"only {checkedSubjects} extension instances found in the demo data");
    }

    [Fact]
    public void Mutated_instances_get_the_same_verdict_from_both_evaluators()
    {
        var seeds = SchemaSeeds.All;
        var mutator = new InstanceMutator([.. seeds.Select(s => s.Subject)]);
        var verdicts = new int[2];
        Gen.Select(Gen.Int[0, seeds.Count - 1], Gen.Int.Array[1, 4], Gen.Bool).Sample(
            (which, plan, relaxed) =>
            {
                var (schemaFile, seed) = seeds[which];
                var mutated = mutator.Mutate(seed, plan);

                // Relaxed escaping leaves non-ASCII and '+' raw, the default escapes them: both string paths are exercised.
                using var document = JsonDocument.Parse(relaxed ? mutated.ToJsonString(Relaxed) : mutated.ToJsonString());
                SchemaVerdicts.AssertAgree(schemaFile, document.RootElement, $" (seed {which}, plan [{string.Join(", ", plan)}])");
                Interlocked.Increment(ref verdicts[SchemaVerdicts.Schemas.Value.Get(schemaFile).Compiled.IsValid(document.RootElement) ? 0 : 1]);
            },
            iter: 20_000);

        // Mutations that change nothing or stay inside the schema are fine, but most must land on the other side.
        Assert.True(verdicts[1] > verdicts[0], $"valid {verdicts[0]}, invalid {verdicts[1]}: the mutations are too timid");
        Assert.True(verdicts[0] > 500, $"valid {verdicts[0]}, invalid {verdicts[1]}: the mutations never stay valid");
    }
}
