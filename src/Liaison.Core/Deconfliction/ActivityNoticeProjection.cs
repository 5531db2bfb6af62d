using System.Text.Json;
using System.Text.Json.Nodes;
using Liaison.Core.Extensions;
using Liaison.Core.Policy;

namespace Liaison.Core.Deconfliction;

/// <summary>
/// <see cref="NoticeRelease"/> as a step of a release clause: activity notices become their release projection, other
/// objects pass through unchanged. A notice that cannot be projected is an error of the clause (it is not released),
/// never released with more detail. Immutable and thread safe.
/// </summary>
public sealed class ActivityNoticeProjection : StixTransform
{
    /// <summary>Creates the step with <paramref name="options"/> (defaults when null).</summary>
    public ActivityNoticeProjection(NoticeReleaseOptions? options = null) => Options = options ?? NoticeReleaseOptions.Default;

    /// <summary>How much of a notice is shown.</summary>
    public NoticeReleaseOptions Options { get; }

    internal override void ApplyTo(JsonObject target, TransformContext context)
    {
        if ((string?)target["type"] != LiaisonExtensions.ActivityNoticeType)
        {
            return;
        }

        var element = JsonSerializer.SerializeToElement(target);
        if (!NoticeRelease.TryProject(element, Options, out var released, out var failure))
        {
            context.Error("activity-notice-projection", failure.Path, failure.Reason);
            return;
        }

        target.Clear();
        foreach (var (name, value) in released.ToList())
        {
            released.Remove(name);
            target[name] = value;
        }
    }
}
