using System.Text.Json;
using Liaison.Core.Canonical;
using Liaison.Core.Extensions;
using Liaison.Core.Input;
using Liaison.Core.Stix;
using Liaison.Core.Validation;

namespace Liaison.Benchmarks.Corpus;

/// <summary>An object as the ingest pipeline hands it to the writer: validated, hashed, compacted, its index facts read.</summary>
internal sealed record PreparedObject(StixObject Object, ContentHash Hash, byte[] Utf8Json, IndexFacts Facts);

/// <summary>
/// Turns a generated bundle into the inputs of each stage. Every step fails loudly: a benchmark that silently measured
/// the error path (say, after a validator change rejects the corpus) would report nonsense.
/// </summary>
internal static class CorpusObjects
{
    /// <summary>The objects of <paramref name="bundle"/> exactly as <see cref="StixBundleReader"/> yields them.</summary>
    public static List<JsonElement> Read(byte[] bundle) => [.. Stream(bundle)];

    /// <summary>Validates every element (with the Liaison extensions, as ingest does, unless told otherwise).</summary>
    public static List<StixObject> Validate(IEnumerable<JsonElement> elements, StixValidator? validator = null) =>
        [.. ValidateLazily(elements, validator ?? new StixValidator(LiaisonExtensions.Instance))];

    /// <summary>Prepares a bundle as ingest's reading thread does, one object at a time, so a large one never sits in memory whole.</summary>
    public static IEnumerable<PreparedObject> Prepare(byte[] bundle) =>
        ValidateLazily(Stream(bundle), new StixValidator(LiaisonExtensions.Instance))
            .Select(o => new PreparedObject(o, ContentHash.Of(o.Json), o.ToUtf8Bytes(), IndexFacts.Of(o)));

    private static IEnumerable<JsonElement> Stream(byte[] bundle)
    {
        using var stream = new MemoryStream(bundle, writable: false);
        foreach (var item in new StixBundleReader(stream).Read())
        {
            yield return item.Element ?? throw new InvalidOperationException($"the generated corpus does not read: {item.Error}");
        }
    }

    private static IEnumerable<StixObject> ValidateLazily(IEnumerable<JsonElement> elements, StixValidator validator)
    {
        foreach (var element in elements)
        {
            var result = validator.Validate(element);
            yield return result.Object ?? throw new InvalidOperationException(
                $"the generated corpus is invalid: {string.Join("; ", result.Errors.Take(3))} in {element.GetRawText()}");
        }
    }
}
