namespace Liaison.Core.Canonical;

/// <summary>
/// Thrown when a JSON value has no RFC 8785 canonical form: a number that is not a finite IEEE-754 double
/// (such as <c>1e400</c>), a string that is not valid Unicode (a lone surrogate, invalid UTF-8), or an object
/// with a duplicate member name. Such input is outside I-JSON (RFC 7493), which RFC 8785 requires.
/// </summary>
/// <remarks>
/// This is an expected outcome for untrusted input, not a programming error: callers that canonicalise
/// received objects catch it and map it to a validation error, quoting <see cref="JsonPath"/> and the message.
/// </remarks>
public sealed class CanonicalizationException : Exception
{
    /// <summary>Creates the exception with a generic message and the root path <c>$</c>.</summary>
    public CanonicalizationException()
        : this("the JSON value has no RFC 8785 canonical form")
    {
    }

    /// <summary>Creates the exception with the given message and the root path <c>$</c>.</summary>
    public CanonicalizationException(string message)
        : this(message, "$")
    {
    }

    /// <summary>Creates the exception with the given message, wrapping <paramref name="innerException"/>.</summary>
    public CanonicalizationException(string message, Exception innerException)
        : base(message, innerException)
    {
        JsonPath = "$";
    }

    /// <summary>Creates the exception for the value at <paramref name="jsonPath"/>; the message should name the path.</summary>
    public CanonicalizationException(string message, string jsonPath)
        : base(message)
    {
        JsonPath = jsonPath;
    }

    /// <summary>
    /// Where the offending value sits, as a JSONPath from the canonicalised root, e.g. <c>$.objects[3].name</c>
    /// or <c>$['x-acme-ext'].score</c>.
    /// </summary>
    public string JsonPath { get; }
}
