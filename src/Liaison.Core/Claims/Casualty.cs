namespace Liaison.Core.Claims;

/// <summary>The two figures a casualty claim may give (the casualty-claims extension's <c>killed</c> and <c>injured</c>).</summary>
public enum Casualty
{
    /// <summary>People killed.</summary>
    Killed,

    /// <summary>People injured.</summary>
    Injured,
}
