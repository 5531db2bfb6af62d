using System.Text.Json;

namespace Liaison.Core.Validation;

/// <summary>The spec's rules that tie several properties of one object together.</summary>
internal static class CrossChecks
{
    /// <summary>§4.10: region, country or latitude+longitude; latitude and longitude together; precision only with them.</summary>
    public static void Location(ValidationContext context, JsonElement value, Loc path, ulong seen)
    {
        var hasLatitude = value.TryGetProperty("latitude", out _);
        var hasLongitude = value.TryGetProperty("longitude", out _);
        if (hasLatitude != hasLongitude)
        {
            var (present, absent) = hasLatitude ? ("latitude", "longitude") : ("longitude", "latitude");
            context.Error(path.Prop(present), $"{present} is present without {absent}; a location's coordinates must have both");
        }

        if (value.TryGetProperty("precision", out _) && !(hasLatitude && hasLongitude))
        {
            context.Error(path.Prop("precision"), "precision applies to coordinates, so it requires both latitude and longitude");
        }

        if (!value.TryGetProperty("region", out _) && !value.TryGetProperty("country", out _) && !(hasLatitude && hasLongitude))
        {
            context.Error(path, "a location must have region, country, or latitude and longitude; none is present");
        }
    }

    /// <summary>§4.11: a malware family must be named.</summary>
    public static void Malware(ValidationContext context, JsonElement value, Loc path, ulong seen)
    {
        if (value.TryGetProperty("is_family", out var isFamily) && isFamily.ValueKind == JsonValueKind.True && !value.TryGetProperty("name", out _))
        {
            context.Error(path, "a malware family (is_family true) must have a name");
        }
    }

    /// <summary>§4.14: exactly one of objects (deprecated) and object_refs.</summary>
    public static void ObservedData(ValidationContext context, JsonElement value, Loc path, ulong seen)
    {
        var hasObjects = value.TryGetProperty("objects", out _);
        var hasRefs = value.TryGetProperty("object_refs", out _);
        if (hasObjects == hasRefs)
        {
            context.Error(path, hasObjects
                ? "observed-data must have object_refs or the deprecated objects, not both"
                : "observed-data must have object_refs (or the deprecated objects); neither is present");
        }
    }

    /// <summary>§6.1: payload_bin or url (url needs hashes); decryption_key needs encryption_algorithm.</summary>
    public static void Artifact(ValidationContext context, JsonElement value, Loc path, ulong seen)
    {
        var hasPayload = value.TryGetProperty("payload_bin", out _);
        var hasUrl = value.TryGetProperty("url", out _);
        if (hasPayload == hasUrl)
        {
            context.Error(path, hasPayload
                ? "an artifact must have payload_bin or url, not both"
                : "an artifact must have payload_bin or url; neither is present");
        }

        if (hasUrl && !value.TryGetProperty("hashes", out _))
        {
            context.Error(path, "an artifact given by url must also have hashes");
        }

        if (value.TryGetProperty("decryption_key", out _) && !value.TryGetProperty("encryption_algorithm", out _))
        {
            context.Error(path.Prop("decryption_key"), "decryption_key requires encryption_algorithm");
        }
    }

    /// <summary>§6.6: body only when not multipart, body_multipart only when multipart.</summary>
    public static void EmailMessage(ValidationContext context, JsonElement value, Loc path, ulong seen)
    {
        if (!value.TryGetProperty("is_multipart", out var multipart) || multipart.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            return;
        }

        if (multipart.ValueKind == JsonValueKind.True && value.TryGetProperty("body", out _))
        {
            context.Error(path.Prop("body"), "body must not be present when is_multipart is true (use body_multipart)");
        }

        if (multipart.ValueKind == JsonValueKind.False && value.TryGetProperty("body_multipart", out _))
        {
            context.Error(path.Prop("body_multipart"), "body_multipart must not be present when is_multipart is false (use body)");
        }
    }

    /// <summary>§6.6.2: a MIME part has body or body_raw_ref, not both.</summary>
    public static void MimePart(ValidationContext context, JsonElement value, Loc path, ulong seen)
    {
        var hasBody = value.TryGetProperty("body", out _);
        if (hasBody == value.TryGetProperty("body_raw_ref", out _))
        {
            context.Error(path, hasBody
                ? "a MIME part must have body or body_raw_ref, not both"
                : "a MIME part must have body or body_raw_ref; neither is present");
        }
    }

    /// <summary>§6.12: an active flow has no end.</summary>
    public static void NetworkTraffic(ValidationContext context, JsonElement value, Loc path, ulong seen)
    {
        if (value.TryGetProperty("is_active", out var active) && active.ValueKind == JsonValueKind.True && value.TryGetProperty("end", out _))
        {
            context.Error(path.Prop("end"), "end must not be present when is_active is true");
        }
    }

    /// <summary>§7.3: extension_properties only for toplevel-property-extension.</summary>
    public static void ExtensionDefinition(ValidationContext context, JsonElement value, Loc path, ulong seen)
    {
        if (!value.TryGetProperty("extension_properties", out _))
        {
            return;
        }

        if (value.TryGetProperty("extension_types", out var types) && types.ValueKind == JsonValueKind.Array)
        {
            foreach (var type in types.EnumerateArray())
            {
                if (type.ValueKind == JsonValueKind.String && type.ValueEquals("toplevel-property-extension"))
                {
                    return;
                }
            }
        }

        context.Error(path.Prop("extension_properties"), "extension_properties is only allowed when extension_types contains 'toplevel-property-extension'");
    }
}
