using System.Globalization;
using System.Text;

namespace Liaison.Core.Ledger;

/// <summary>
/// A receiver's acknowledgement of what it received and logged: the object versions with their content hashes, tied
/// to a signed checkpoint of the receiver's own log that includes the receipt entries. Immutable.
/// </summary>
public sealed class Receipt
{
    /// <summary>Makes a receipt.</summary>
    /// <exception cref="ArgumentException">Nothing is acknowledged.</exception>
    public Receipt(SignedCheckpoint checkpoint, long timeMicroseconds, IEnumerable<ReceivedObject> received)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentNullException.ThrowIfNull(received);
        Checkpoint = checkpoint;
        TimeMicroseconds = timeMicroseconds;
        Received = [.. received];
        Preconditions.CheckArgument(Received.Count > 0, "a receipt acknowledges at least one object");
    }

    /// <summary>The receiver's signed checkpoint.</summary>
    public SignedCheckpoint Checkpoint { get; }

    /// <summary>When the receipt was made, in microseconds since the Unix epoch.</summary>
    public long TimeMicroseconds { get; }

    /// <summary>What was received, in the receiver's order.</summary>
    public IReadOnlyList<ReceivedObject> Received { get; }

    /// <summary>
    /// The bytes signed: <c>liaison-receipt/v1</c>, the checkpoint's origin, size, root and time, the receipt's time,
    /// the count, then one line <c>id version-or-minus hash</c> per object; every line ends with a line feed.
    /// </summary>
    public byte[] SignedBytes()
    {
        var c = Checkpoint.Checkpoint;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"liaison-receipt/v1\n{c.Origin}\n{c.TreeSize}\n{c.RootHash}\n{c.TimeMicroseconds}\n{TimeMicroseconds}\n{Received.Count}\n");
        foreach (var r in Received)
        {
            text.Append(CultureInfo.InvariantCulture, $"{r.ObjectId} {(r.ObjectVersion is { } v ? v.ToString(CultureInfo.InvariantCulture) : "-")} {r.ContentHash}\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
