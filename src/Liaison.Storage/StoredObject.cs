using System.Text.Json;

namespace Liaison.Storage;

/// <summary>One stored version of an object, as read back.</summary>
/// <param name="Id">The STIX id.</param>
/// <param name="Type">The STIX type.</param>
/// <param name="Version">The version timestamp in Unix microseconds (<see cref="long.MinValue"/> when unversioned).</param>
/// <param name="AddedAtMicroseconds">When this node stored it (Unix microseconds; unique and increasing).</param>
/// <param name="IsLatest">Whether it is the latest version of its id.</param>
/// <param name="Revoked">Whether this version revokes the object.</param>
/// <param name="ContentHash">SHA-256 of the RFC 8785 canonical JSON.</param>
/// <param name="Utf8Json">The object's JSON exactly as stored.</param>
public sealed record StoredObject(
    string Id,
    string Type,
    long Version,
    long AddedAtMicroseconds,
    bool IsLatest,
    bool Revoked,
    byte[] ContentHash,
    byte[] Utf8Json)
{
    /// <summary>Parses the stored JSON.</summary>
    public JsonElement ToJsonElement()
    {
        using var document = JsonDocument.Parse(Utf8Json);
        return document.RootElement.Clone();
    }
}
