using System.Text.Json;
using System.Text.Json.Nodes;

namespace Liaison.Core.Policy;

/// <summary>
/// The transforms of one release clause, applied in order to a single copy of the object (one deep copy however many
/// steps). The first step that reports errors stops the run: the object is not released. Immutable and thread safe.
/// </summary>
public sealed class TransformSet : StixTransform
{
    private readonly StixTransform[] _steps;

    /// <summary>Creates a set from its steps, applied in the given order.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="steps"/> or one of them is null.</exception>
    public TransformSet(IEnumerable<StixTransform> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        _steps = [.. steps];
        foreach (var step in _steps)
        {
            ArgumentNullException.ThrowIfNull(step, nameof(steps));
        }
    }

    /// <summary>The set that changes nothing.</summary>
    public static TransformSet Identity { get; } = new([]);

    /// <summary>The steps in order.</summary>
    public IReadOnlyList<StixTransform> Steps => _steps;

    internal override void ApplyTo(JsonObject target, TransformContext context)
    {
        foreach (var step in _steps)
        {
            step.ApplyTo(target, context);
            if (context.HasErrors)
            {
                return;
            }
        }
    }

    /// <summary>A mutable node for <paramref name="element"/> that does not depend on its document staying alive.</summary>
    internal static JsonObject ToNode(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException($"a STIX object must be a JSON object, not {element.ValueKind}", nameof(element));
        }

        return JsonObject.Create(element.Clone())!;
    }
}
