namespace Liaison.Storage.Taxii;

/// <summary>
/// What the store accepts as principal names, passwords, collection titles and aliases. Each check returns why a
/// value is refused (in words a person can act on, never echoing a secret), or null when it is fine; the store
/// throws <see cref="ArgumentException"/> with the same words, so callers that take input from people check first.
/// </summary>
public static class TaxiiNames
{
    /// <summary>Longest principal name or alias.</summary>
    public const int MaxNameLength = 64;

    /// <summary>Shortest password a person may choose (generated ones are longer).</summary>
    public const int MinPasswordLength = 12;

    /// <summary>Longest password accepted.</summary>
    public const int MaxPasswordLength = 1024;

    /// <summary>Longest collection title.</summary>
    public const int MaxTitleLength = 256;

    /// <summary>
    /// A principal name: 1–64 ASCII letters, digits and <c>- _ . @</c> (it is an HTTP Basic user name and appears in
    /// logs, so nothing that could be confused or break a header). Unique regardless of case.
    /// </summary>
    public static string? PrincipalNameProblem(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "a principal name must not be empty";
        }

        if (name.Length > MaxNameLength)
        {
            return $"a principal name has at most {MaxNameLength} characters";
        }

        return name.All(IsNameCharacter) ? null : "a principal name may only use ASCII letters, digits and - _ . @";
    }

    /// <summary>A chosen password: 12–1024 characters, on one line (it is read as one line).</summary>
    public static string? PasswordProblem(string? password)
    {
        if (password is null || password.Length < MinPasswordLength)
        {
            return $"the password is too short: at least {MinPasswordLength} characters";
        }

        if (password.Length > MaxPasswordLength)
        {
            return $"the password is too long: at most {MaxPasswordLength} characters";
        }

        return password.Any(char.IsControl) ? "the password must not contain control characters (line breaks, tabs...)" : null;
    }

    /// <summary>A collection title: 1–256 characters, not blank, no control characters.</summary>
    public static string? TitleProblem(string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return "a collection title must not be empty";
        }

        if (title.Length > MaxTitleLength)
        {
            return $"a collection title has at most {MaxTitleLength} characters";
        }

        return title.Any(char.IsControl) ? "a collection title must not contain control characters" : null;
    }

    /// <summary>
    /// A collection alias: 1–64 ASCII letters, digits and <c>- _ .</c>, not shaped like a UUID (it may stand in for the
    /// id in URLs, so it must be URL-safe and never mistaken for an id). Unique regardless of case.
    /// </summary>
    public static string? AliasProblem(string? alias)
    {
        if (string.IsNullOrEmpty(alias))
        {
            return "a collection alias must not be empty";
        }

        if (alias.Length > MaxNameLength)
        {
            return $"a collection alias has at most {MaxNameLength} characters";
        }

        if (!alias.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            return "a collection alias may only use ASCII letters, digits and - _ .";
        }

        return Guid.TryParse(alias, out _) ? "a collection alias must not look like a collection id (a UUID)" : null;
    }

    private static bool IsNameCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '@';
}
