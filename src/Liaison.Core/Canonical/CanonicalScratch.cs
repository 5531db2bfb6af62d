using System.Buffers;
using System.Text.Json;

namespace Liaison.Core.Canonical;

/// <summary>One object member waiting to be sorted: its unescaped UTF-8 name in the arena, and its value.</summary>
internal readonly record struct PendingMember(int NameStart, int NameLength, JsonElement Value);

/// <summary>
/// Per-thread working memory for canonicalisation, so the hot path allocates nothing: an arena of unescaped
/// member names and a stack of pending members (both used last-in first-out by nested objects), the JSON path
/// stack for error messages, and an output buffer for callers that hash or copy the result.
/// </summary>
/// <remarks>
/// <see cref="Rent"/> takes the thread's instance out of its slot, so a re-entrant call (say, from a custom
/// <see cref="IBufferWriter{T}"/>) gets a fresh one instead of corrupting the outer call's state.
/// </remarks>
internal sealed class CanonicalScratch
{
    // Buffers that grew beyond these are dropped on return rather than kept alive by the thread.
    private const int RetainedBytes = 1 << 20;
    private const int RetainedMembers = 1 << 14;

    [ThreadStatic]
    private static CanonicalScratch? t_cached;

    private int _membersHighWater;

    public byte[] Names { get; private set; } = new byte[1024];

    public PendingMember[] Members { get; private set; } = new PendingMember[64];

    public int[] Path { get; private set; } = new int[32];

    public ArrayBufferWriter<byte> Output { get; private set; } = new(4096);

    public static CanonicalScratch Rent()
    {
        var scratch = t_cached ?? new CanonicalScratch();
        t_cached = null;
        return scratch;
    }

    public static void Return(CanonicalScratch scratch)
    {
        // Members hold JsonElements, which reference their JsonDocument: clear them so no document stays reachable.
        Array.Clear(scratch.Members, 0, scratch._membersHighWater);
        scratch._membersHighWater = 0;
        if (scratch.Names.Length > RetainedBytes)
        {
            scratch.Names = new byte[1024];
        }

        if (scratch.Members.Length > RetainedMembers)
        {
            scratch.Members = new PendingMember[64];
        }

        if (scratch.Output.Capacity > RetainedBytes)
        {
            scratch.Output = new ArrayBufferWriter<byte>(4096);
        }

        t_cached = scratch;
    }

    /// <summary>Makes the name arena hold at least <paramref name="required"/> bytes, keeping its contents.</summary>
    public byte[] GrowNames(int required)
    {
        var grown = new byte[Math.Max(required, Names.Length * 2)];
        Names.CopyTo(grown, 0);
        Names = grown;
        return grown;
    }

    /// <summary>Makes room for member slot <paramref name="index"/> and records how far slots were used.</summary>
    public void ReserveMember(int index)
    {
        if (index >= Members.Length)
        {
            var grown = new PendingMember[Members.Length * 2];
            Members.CopyTo(grown, 0);
            Array.Clear(Members);
            Members = grown;
        }

        _membersHighWater = Math.Max(_membersHighWater, index + 1);
    }

    /// <summary>Makes room for path segment <paramref name="index"/>.</summary>
    public void ReservePath(int index)
    {
        if (index >= Path.Length)
        {
            var grown = new int[Path.Length * 2];
            Path.CopyTo(grown, 0);
            Path = grown;
        }
    }
}
