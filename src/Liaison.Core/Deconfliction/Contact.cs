namespace Liaison.Core.Deconfliction;

/// <summary>How to reach the people running an activity: the only thing of a notice a conflict report names.</summary>
/// <param name="Channel">The channel (open vocabulary): radio, phone, email, chat, liaison-officer…</param>
/// <param name="Address">Where on that channel: a frequency, a call sign, a number, an address.</param>
/// <param name="Name">Who answers, when given.</param>
public sealed record Contact(string Channel, string Address, string? Name = null)
{
    /// <inheritdoc />
    public override string ToString() => Name is null ? $"{Channel} {Address}" : $"{Channel} {Address} ({Name})";
}
