namespace Liaison.Core.Canonical;

/// <summary>
/// Orders member names as RFC 8785 §3.2.3 requires, by their UTF-16 code units, while comparing their UTF-8
/// bytes (which the arena holds), so that no name is transcoded.
/// </summary>
/// <remarks>
/// UTF-8 byte order is code point order, and code point order equals UTF-16 code unit order except in one place:
/// U+E000..U+FFFF (UTF-8 lead bytes 0xEE, 0xEF) sort <em>after</em> supplementary characters (lead bytes
/// 0xF0..0xF4) in UTF-16, whose surrogates are 0xD800..0xDFFF. At the first differing byte both names are at a
/// character boundary when either byte is such a lead byte (they are never continuation bytes), so swapping the
/// order of those two classes there is enough.
/// </remarks>
internal readonly struct MemberNameComparer(byte[] names) : IComparer<PendingMember>
{
    public int Compare(PendingMember x, PendingMember y) =>
        CompareUtf16Order(names.AsSpan(x.NameStart, x.NameLength), names.AsSpan(y.NameStart, y.NameLength));

    /// <summary>Sorts members by name; allocation-free for the small objects that dominate STIX.</summary>
    public static void Sort(Span<PendingMember> members, byte[] names)
    {
        var comparer = new MemberNameComparer(names);
        if (members.Length > 32)
        {
            // Span.Sort boxes the comparer and wraps it in a delegate: fine once per large object.
            members.Sort(comparer);
            return;
        }

        for (var i = 1; i < members.Length; i++)
        {
            var current = members[i];
            var j = i - 1;
            while (j >= 0 && comparer.Compare(members[j], current) > 0)
            {
                members[j + 1] = members[j];
                j--;
            }

            members[j + 1] = current;
        }
    }

    /// <summary>Compares two valid UTF-8 strings in the order of their UTF-16 code units.</summary>
    public static int CompareUtf16Order(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        var common = left.CommonPrefixLength(right);
        if (common == left.Length || common == right.Length)
        {
            return left.Length.CompareTo(right.Length);
        }

        int a = left[common];
        int b = right[common];
        if (a is 0xEE or 0xEF && b >= 0xF0)
        {
            return 1;
        }

        if (b is 0xEE or 0xEF && a >= 0xF0)
        {
            return -1;
        }

        return a - b;
    }
}
