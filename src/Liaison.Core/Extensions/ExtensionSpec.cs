namespace Liaison.Core.Extensions;

/// <summary>The facts that make up one Liaison extension, from which its definition object is written.</summary>
internal sealed record ExtensionSpec(
    string Id,
    string ShortName,
    string Name,
    string Description,
    StixExtensionType ExtensionType,
    string? DefinesType,
    IReadOnlyList<string> AppliesTo,
    LiaisonExtensionRules.Rule? Rule);
