namespace Liaison.Core.Extensions;

/// <summary>
/// The Admiralty (NATO) grading system and STIX confidence. Information credibility 1-6 maps to confidence as STIX
/// 2.1 Appendix A states: 1 → 90 (80-100), 2 → 70 (60-79), 3 → 50 (40-59), 4 → 30 (20-39), 5 → 10 (0-19),
/// 6 (truth cannot be judged) → no value. Source reliability A-F has no STIX mapping; Liaison uses the same bands:
/// A → 90, B → 70, C → 50, D → 30, E → 10, F (cannot be judged) → no value. Pure functions, thread-safe.
/// </summary>
public static class AdmiraltyScale
{
    /// <summary>The STIX confidence for a credibility grade, or null for 6 (truth cannot be judged).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The grade is not 1 to 6.</exception>
    public static int? CredibilityToConfidence(int credibility) => credibility switch
    {
        1 => 90,
        2 => 70,
        3 => 50,
        4 => 30,
        5 => 10,
        6 => null,
        _ => throw new ArgumentOutOfRangeException(nameof(credibility), credibility, "an Admiralty credibility grade is 1 to 6"),
    };

    /// <summary>The credibility grade (1-5) whose Appendix A range holds a STIX confidence value.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The confidence is not 0 to 100.</exception>
    public static int ConfidenceToCredibility(int confidence) => confidence switch
    {
        >= 80 and <= 100 => 1,
        >= 60 and < 80 => 2,
        >= 40 and < 60 => 3,
        >= 20 and < 40 => 4,
        >= 0 and < 20 => 5,
        _ => throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "a STIX confidence is 0 to 100"),
    };

    /// <summary>The STIX confidence Liaison uses for a reliability grade, or null for F (cannot be judged).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The grade is not A to F.</exception>
    public static int? ReliabilityToConfidence(char reliability) => reliability switch
    {
        'A' => 90,
        'B' => 70,
        'C' => 50,
        'D' => 30,
        'E' => 10,
        'F' => null,
        _ => throw new ArgumentOutOfRangeException(nameof(reliability), reliability, "an Admiralty reliability grade is A to F"),
    };

    /// <summary>The reliability grade (A-E) whose band holds a STIX confidence value.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The confidence is not 0 to 100.</exception>
    public static char ConfidenceToReliability(int confidence) => (char)('A' + ConfidenceToCredibility(confidence) - 1);

    /// <summary>The meaning of a credibility grade, e.g. "possibly true" for 3.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The grade is not 1 to 6.</exception>
    public static string DescribeCredibility(int credibility) => credibility switch
    {
        1 => "confirmed by other sources",
        2 => "probably true",
        3 => "possibly true",
        4 => "doubtful",
        5 => "improbable",
        6 => "truth cannot be judged",
        _ => throw new ArgumentOutOfRangeException(nameof(credibility), credibility, "an Admiralty credibility grade is 1 to 6"),
    };

    /// <summary>The meaning of a reliability grade, e.g. "usually reliable" for B.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The grade is not A to F.</exception>
    public static string DescribeReliability(char reliability) => reliability switch
    {
        'A' => "completely reliable",
        'B' => "usually reliable",
        'C' => "fairly reliable",
        'D' => "not usually reliable",
        'E' => "unreliable",
        'F' => "reliability cannot be judged",
        _ => throw new ArgumentOutOfRangeException(nameof(reliability), reliability, "an Admiralty reliability grade is A to F"),
    };
}
