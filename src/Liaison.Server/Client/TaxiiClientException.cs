namespace Liaison.Server.Client;

/// <summary>A TAXII server answered with an error, or could not be reached after retries; the message says which and why.</summary>
public sealed class TaxiiClientException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TaxiiClientException(string message, int? httpStatus = null, Exception? innerException = null)
        : base(message, innerException) => HttpStatus = httpStatus;

    /// <summary>Creates the exception.</summary>
    public TaxiiClientException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public TaxiiClientException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public TaxiiClientException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The HTTP status of the last answer, when there was one.</summary>
    public int? HttpStatus { get; }
}
