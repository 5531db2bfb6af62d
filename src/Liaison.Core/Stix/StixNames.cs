namespace Liaison.Core.Stix;

/// <summary>The syntax rules for STIX 2.1 type names and property names (spec §3.1).</summary>
public static class StixNames
{
    /// <summary>
    /// A type name has 3–250 characters: lower-case ASCII letters, digits and single hyphens, no leading or trailing
    /// hyphen, no "--". Custom object types start with "x-" by convention but the spec no longer requires it.
    /// </summary>
    public static bool IsValidTypeName(string name, out string? reason)
    {
        if (name.Length is < 3 or > 250)
        {
            reason = $"type name '{name}' must have 3 to 250 characters, it has {name.Length}";
            return false;
        }

        if (name[0] == '-' || name[^1] == '-' || name.Contains("--", StringComparison.Ordinal))
        {
            reason = $"type name '{name}' must not start or end with a hyphen nor contain '--'";
            return false;
        }

        if (name[0] is not (>= 'a' and <= 'z'))
        {
            reason = $"type name '{name}' must start with a letter a-z";
            return false;
        }

        foreach (var c in name)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
            {
                reason = $"type name '{name}' may contain only a-z, 0-9 and '-', not '{c}'";
                return false;
            }
        }

        reason = null;
        return true;
    }

    /// <summary>
    /// A property name has 3–250 characters: lower-case ASCII letters, digits and underscores, starting with a
    /// letter (spec §3.1 and the official schemas). "id" is the one shorter name the spec itself defines.
    /// </summary>
    public static bool IsValidPropertyName(string name, out string? reason)
    {
        if ((name.Length < 3 && name != "id") || name.Length > 250)
        {
            reason = $"property name '{Shorten(name)}' must have 3 to 250 characters, it has {name.Length}";
            return false;
        }

        foreach (var c in name)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '_'))
            {
                reason = $"property name '{Shorten(name)}' may contain only a-z, 0-9 and '_', not '{c}'";
                return false;
            }
        }

        if (name[0] is not (>= 'a' and <= 'z'))
        {
            reason = $"property name '{Shorten(name)}' must start with a letter a-z";
            return false;
        }

        reason = null;
        return true;
    }

    private static string Shorten(string name) => name.Length <= 60 ? name : string.Concat(name.AsSpan(0, 57), "...");
}
