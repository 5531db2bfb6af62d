namespace Liaison.Core.Deconfliction;

/// <summary>Where an activity takes place; each domain has its own separation minima.</summary>
public enum ActivityDomain
{
    /// <summary>In the air: <c>air</c>.</summary>
    Air,

    /// <summary>At sea (on or under the surface): <c>sea</c>.</summary>
    Sea,

    /// <summary>On land: <c>land</c>.</summary>
    Land,
}
