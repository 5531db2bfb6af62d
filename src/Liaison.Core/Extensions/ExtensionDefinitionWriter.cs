using System.Buffers;
using System.Text.Json;
using Liaison.Core.Stix;

namespace Liaison.Core.Extensions;

/// <summary>Writes the STIX 2.1 objects Liaison publishes about its own extensions (spec §7.3).</summary>
internal static class ExtensionDefinitionWriter
{
    public static JsonElement Write(LiaisonExtension extension) => Build(writer =>
    {
        writer.WriteString("type", "extension-definition");
        writer.WriteString("spec_version", "2.1");
        writer.WriteString("id", extension.Id);
        writer.WriteString("created_by_ref", LiaisonExtensions.ProjectIdentityId);
        writer.WriteString("created", LiaisonExtensions.DefinitionsTimestamp);
        writer.WriteString("modified", LiaisonExtensions.DefinitionsTimestamp);
        writer.WriteString("name", extension.Name);
        writer.WriteString("description", extension.Description);
        writer.WriteString("schema", extension.SchemaUrl);
        writer.WriteString("version", extension.Version);
        writer.WriteStartArray("extension_types");
        writer.WriteStringValue(extension.ExtensionType.ToWireName());
        writer.WriteEndArray();
    });

    public static JsonElement WriteProjectIdentity() => Build(writer =>
    {
        writer.WriteString("type", "identity");
        writer.WriteString("spec_version", "2.1");
        writer.WriteString("id", LiaisonExtensions.ProjectIdentityId);
        writer.WriteString("created", LiaisonExtensions.DefinitionsTimestamp);
        writer.WriteString("modified", LiaisonExtensions.DefinitionsTimestamp);
        writer.WriteString("name", "Liaison project");
        writer.WriteString("description", "The authors of the Liaison node software and of its STIX 2.1 extension definitions.");
        writer.WriteString("identity_class", "organization");
    });

    private static JsonElement Build(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, StixObject.CompactWriterOptions))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }
}
