namespace Liaison.Core.Deconfliction;

/// <summary>The state of an activity notice. A cancelled activity takes no room and conflicts with nothing.</summary>
public enum NoticeStatus
{
    /// <summary>Announced, not started: <c>planned</c>.</summary>
    Planned,

    /// <summary>Under way: <c>active</c>.</summary>
    Active,

    /// <summary>Called off: <c>cancelled</c>.</summary>
    Cancelled,
}
