using System.Text.Json;
using System.Text.Json.Nodes;

namespace Liaison.Core.Policy;

/// <summary>
/// One sanitisation step of a release clause (redaction, coarsening, rounding, pseudonymisation, markings). A transform
/// never changes its input: <see cref="Apply(JsonObject)"/> works on a deep copy and returns it. It is deterministic:
/// the same object and the same configuration (including a partner's secret) give the same output, byte for byte.
/// </summary>
/// <remarks>
/// Instances are immutable and thread safe. Expected failures (a clause that would break the object) are
/// <see cref="TransformResult.Errors"/>, never exceptions; exceptions mean misuse (e.g. a non-object input).
/// Several transforms run over one copy through <see cref="TransformSet"/>.
/// </remarks>
public abstract class StixTransform
{
    /// <summary>Applies the transform to a copy of <paramref name="stixObject"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="stixObject"/> is null.</exception>
    public TransformResult Apply(JsonObject stixObject)
    {
        ArgumentNullException.ThrowIfNull(stixObject);
        var copy = (JsonObject)stixObject.DeepClone();
        var context = new TransformContext();
        ApplyTo(copy, context);
        return context.Finish(copy);
    }

    /// <summary>Applies the transform to a copy of <paramref name="stixObject"/>, which must be a JSON object.</summary>
    /// <exception cref="ArgumentException"><paramref name="stixObject"/> is not a JSON object.</exception>
    public TransformResult Apply(JsonElement stixObject)
    {
        // A node over an element is already a private copy: changing it never changes the element.
        var copy = TransformSet.ToNode(stixObject);
        var context = new TransformContext();
        ApplyTo(copy, context);
        return context.Finish(copy);
    }

    /// <summary>Changes <paramref name="target"/>, a private copy; reports problems and companions to <paramref name="context"/>.</summary>
    internal abstract void ApplyTo(JsonObject target, TransformContext context);
}

/// <summary>What one run of transforms collects besides the object: errors and companion objects.</summary>
internal sealed class TransformContext
{
    private List<TransformError>? _errors;
    private SortedDictionary<string, JsonObject>? _companions;

    public bool HasErrors => _errors is { Count: > 0 };

    public int ErrorCount => _errors?.Count ?? 0;

    public void Error(string transform, string path, string reason) =>
        (_errors ??= []).Add(new TransformError(transform, path, reason));

    public void Companion(string id, Func<JsonObject> build)
    {
        _companions ??= new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
        if (!_companions.ContainsKey(id))
        {
            _companions[id] = build();
        }
    }

    public TransformResult Finish(JsonObject result) => HasErrors
        ? new TransformResult(null, _errors!, [])
        : new TransformResult(result, [], _companions is null ? [] : [.. _companions.Values]);
}
