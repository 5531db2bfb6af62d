using System.Text.Json;
using System.Text.Json.Nodes;
using Liaison.Core.Extensions;
using Liaison.Core.Stix;

namespace Liaison.Core.Tests.Extensions;

/// <summary>A valid example of every Liaison extension, and helpers to break one in a single place.</summary>
internal static class Examples
{
    public const string Assessor = "identity--86f834a7-790a-48fe-966d-245b75888bc7";
    public const string Partner = "identity--c1d0fd0e-6f06-4e73-8930-80bbbf1c5a79";
    public const string Place = "location--0edda6fb-ff85-40fa-bf72-9b63b0113ef3";
    public const string Article = "report--099d5ac9-64ad-4123-9cbc-80656c206d46";
    public const string Group = "intrusion-set--40cebc78-15ef-4394-87ee-ce362b998b34";
    public const string Signature = "+M4Tol5T9zlV5AgvcUa9yxRseERKgHFlYqIoT83H5tEHcIkGfo7Xw1td74qkMmiQe+oVrrgMGvcExUdpuVDdkg==";
    public const string RootHash = "0fb1b14b762b900e2fbf581c6d255d32a98adc6ea1a818f02f78ecddd89c1578";

    public static JsonObject StrikeAssessment() => Parse($$"""
        {
          "type": "x-liaison-strike-assessment", "spec_version": "2.1",
          "id": "x-liaison-strike-assessment--22f5d4b4-6e42-485b-ae40-5bf9db18164c",
          "created": "2015-12-14T18:00:00.000Z", "modified": "2015-12-14T18:00:00.000Z",
          "created_by_ref": "{{Assessor}}", "confidence": 70,
          "name": "Strike on a tanker convoy", "description": "Six tanker trucks hit at a fuel loading point.",
          "strike_time": "2015-12-13T21:40:00Z", "strike_time_precision": "minute",
          "location_ref": "{{Place}}", "target_category": "oil-transport", "assessed_effect": "destroyed",
          "civilian_harm": { "assessment": "possible", "injured": 2, "description": "Drivers may have been near the trucks." },
          "assessor_ref": "{{Assessor}}", "platform": "Rafale M", "munition": "GBU-12",
          "x_internal_ticket": "BDA-1207",
          "extensions": { "{{LiaisonExtensions.StrikeAssessmentId}}": { "extension_type": "new-sdo" } }
        }
        """);

    public static JsonObject Incident() => Parse($$"""
        {
          "type": "incident", "spec_version": "2.1",
          "id": "incident--81847e12-93e2-44c6-a0db-23cf385deff8",
          "created": "2015-12-15T08:00:00.000Z", "modified": "2015-12-15T08:00:00.000Z",
          "name": "Rockets on Suqaylabiyah",
          "extensions": {
            "{{LiaisonExtensions.CasualtyClaimsId}}": {
              "extension_type": "property-extension",
              "event_time": "2015-12-14T00:00:00Z", "event_time_precision": "day",
              "location_ref": "{{Place}}",
              "claims": [
                { "source_ref": "{{Assessor}}", "killed": 2, "injured": 8, "reported_at": "2015-12-14T00:00:00Z",
                  "reported_at_precision": "day", "report_ref": "{{Article}}", "credibility": 3,
                  "quote": "des roquettes qui ont causé la mort de deux civils et blessé huit personnes" },
                { "source_ref": "{{Partner}}", "injured": 25, "reported_at": "2015-12-14T00:00:00Z", "reported_at_precision": "day" },
                { "source_ref": "{{Partner}}", "injured_text": "plusieurs", "reported_at": "2015-12-14T00:00:00Z" }
              ]
            }
          }
        }
        """);

    public static JsonObject PersonOfInterest() => Parse($$"""
        {
          "type": "identity", "spec_version": "2.1",
          "id": "identity--4f74ae25-ed2e-4d67-b671-ea7e604279c4",
          "created": "2015-12-15T08:00:00.000Z", "modified": "2015-12-15T08:00:00.000Z",
          "name": "Person of interest 17", "identity_class": "individual",
          "extensions": {
            "{{LiaisonExtensions.PersonOfInterestId}}": {
              "extension_type": "property-extension",
              "names": [
                { "value": "Абу Умар", "script": "Cyrl" },
                { "value": "Abu Umar", "script": "Latn", "transliteration_of": "Абу Умар", "system": "BGN/PCGN" }
              ],
              "nationalities": ["RU"], "languages": ["ru", "ar-SY"], "birth_year": 1988,
              "affiliation_refs": ["{{Group}}"], "last_known_location_ref": "{{Place}}",
              "review_by": "2016-06-15T00:00:00Z"
            }
          }
        }
        """);

    public static JsonObject ActivityNotice() => Parse($$"""
        {
          "type": "x-liaison-activity-notice", "spec_version": "2.1",
          "id": "x-liaison-activity-notice--0ae1eba0-b916-4d44-9f68-11aa1e8d0406",
          "created": "2015-12-15T08:00:00.000Z", "modified": "2015-12-15T08:00:00.000Z",
          "created_by_ref": "{{Assessor}}",
          "name": "Air activity east of Palmyra", "domain": "air",
          "area": { "type": "Polygon", "coordinates": [[[38.2, 34.5], [38.8, 34.5], [38.8, 34.9], [38.2, 34.9], [38.2, 34.5]]] },
          "altitude_band": { "lower_m": 3000, "upper_m": 9000 },
          "start_time": "2015-12-16T02:00:00Z", "end_time": "2015-12-16T05:00:00Z",
          "status": "planned",
          "contact": { "channel": "radio", "address": "243.000 MHz", "name": "ops desk" },
          "mission": "CHAMMAL-2291", "unit": "EC 2/30",
          "extensions": { "{{LiaisonExtensions.ActivityNoticeId}}": { "extension_type": "new-sdo" } }
        }
        """);

    public static JsonObject ProtectedSite() => Parse($$"""
        {
          "type": "location", "spec_version": "2.1",
          "id": "location--0eb9a70e-ed70-4b27-8ee2-b98b8f8c5f65",
          "created": "2015-12-15T08:00:00.000Z", "modified": "2015-12-15T08:00:00.000Z",
          "name": "Field hospital", "latitude": 35.2, "longitude": 36.4,
          "extensions": {
            "{{LiaisonExtensions.ProtectedSiteId}}": {
              "extension_type": "property-extension",
              "category": "hospital", "radius_m": 300,
              "valid_from": "2015-12-01T00:00:00Z", "valid_until": "2016-03-01T00:00:00Z"
            }
          }
        }
        """);

    public static JsonObject RequestForInformation() => Parse($$"""
        {
          "type": "x-liaison-rfi", "spec_version": "2.1",
          "id": "x-liaison-rfi--3276f1ab-17d4-4d62-be2d-8d7e3f2ff034",
          "created": "2015-12-15T08:00:00.000Z", "modified": "2015-12-15T08:00:00.000Z",
          "created_by_ref": "{{Assessor}}",
          "name": "French speakers in a group", "question": "Which French speakers are known in this group?",
          "about_refs": ["{{Group}}"], "requester_ref": "{{Assessor}}", "addressee_ref": "{{Partner}}",
          "due": "2015-12-22T00:00:00Z", "status": "open",
          "extensions": { "{{LiaisonExtensions.RequestForInformationId}}": { "extension_type": "new-sdo" } }
        }
        """);

    public static JsonObject LedgerCheckpoint() => Parse($$"""
        {
          "type": "x-liaison-ledger-checkpoint", "spec_version": "2.1",
          "id": "x-liaison-ledger-checkpoint--bd6a2a9e-4377-44eb-961a-1ce0b164e1a8",
          "created": "2015-12-15T08:00:00.000Z", "modified": "2015-12-15T08:00:00.000Z",
          "created_by_ref": "{{Assessor}}",
          "origin": "liaison.fra.example/ledger", "tree_size": 1207, "root_hash": "{{RootHash}}",
          "checkpoint_time": "2015-12-15T08:00:00Z", "key_id": "fra-ledger-2015", "signature": "{{Signature}}",
          "extensions": { "{{LiaisonExtensions.LedgerCheckpointId}}": { "extension_type": "new-sdo" } }
        }
        """);

    public static JsonObject Receipt() => Parse($$"""
        {
          "type": "x-liaison-receipt", "spec_version": "2.1",
          "id": "x-liaison-receipt--ac1d40d0-b58e-49bd-bf84-4ed5f1e4fd15",
          "created": "2015-12-15T08:00:05.000Z", "modified": "2015-12-15T08:00:05.000Z",
          "created_by_ref": "{{Partner}}",
          "checkpoint_ref": "x-liaison-ledger-checkpoint--bd6a2a9e-4377-44eb-961a-1ce0b164e1a8",
          "received": [
            { "object_ref": "incident--81847e12-93e2-44c6-a0db-23cf385deff8", "object_modified": "2015-12-15T08:00:00.000Z",
              "content_hash": "d4191834714542dcf3e5d8a6ab386c9b72259430730157b6e5c76469cbb6a622" }
          ],
          "key_id": "rus-ledger-2015", "signature": "{{Signature}}",
          "extensions": { "{{LiaisonExtensions.ReceiptId}}": { "extension_type": "new-sdo" } }
        }
        """);

    public static JsonObject SourceReliability() => Parse($$"""
        {
          "type": "identity", "spec_version": "2.1",
          "id": "identity--80a38d65-d1cd-427e-a48d-031d37e2f77f",
          "created": "2015-12-15T08:00:00.000Z", "modified": "2015-12-15T08:00:00.000Z",
          "name": "Observatoire syrien des droits de l'homme", "identity_class": "organization",
          "extensions": {
            "{{LiaisonExtensions.SourceReliabilityId}}": {
              "extension_type": "property-extension", "reliability": "C", "rationale": "Network of local informants; figures often revised."
            }
          }
        }
        """);

    /// <summary>The extension body of a property extension inside an example.</summary>
    public static JsonObject Body(JsonObject stixObject, string extensionId) => stixObject["extensions"]![extensionId]!.AsObject();

    /// <summary>The path prefix of a property extension's body.</summary>
    public static string BodyPath(string extensionId) => $"$.extensions['{extensionId}']";

    /// <summary>
    /// Validates an object with the catalog, as the node's validator would, after asserting that the compiled schemas
    /// and JsonSchema.Net decide each of its extensions alike (so every fixture of these tests is an equivalence case).
    /// </summary>
    public static IReadOnlyList<StixError> Check(JsonNode stixObject)
    {
        using var document = JsonDocument.Parse(stixObject.ToJsonString());
        var root = document.RootElement.Clone();
        foreach (var (schemaFile, subject) in SchemaVerdicts.Subjects(root))
        {
            SchemaVerdicts.AssertAgree(schemaFile, subject);
        }

        return LiaisonExtensions.Instance.ValidateExtensions(root, 0);
    }

    /// <summary>Replaces (or with null JSON text, removes) the value at a '/'-separated path inside <paramref name="root"/>.</summary>
    public static JsonObject Set(this JsonObject root, string path, string? json)
    {
        var segments = path.Split('/');
        JsonNode parent = root;
        foreach (var segment in segments[..^1])
        {
            parent = parent is JsonArray array ? array[int.Parse(segment, System.Globalization.CultureInfo.InvariantCulture)]! : parent[segment]!;
        }

        var last = segments[^1];
        if (parent is JsonArray list)
        {
            var index = int.Parse(last, System.Globalization.CultureInfo.InvariantCulture);
            if (json is null)
            {
                list.RemoveAt(index);
            }
            else
            {
                list[index] = JsonNode.Parse(json);
            }
        }
        else if (json is null)
        {
            parent.AsObject().Remove(last);
        }
        else
        {
            parent[last] = JsonNode.Parse(json);
        }

        return root;
    }

    /// <summary>Asserts exactly one error, at <paramref name="path"/>, whose reason contains <paramref name="reasonPart"/>.</summary>
    public static StixError SingleError(IReadOnlyList<StixError> errors, string path, string reasonPart)
    {
        Assert.True(errors.Count == 1, $"expected one error at {path}, got {errors.Count}:\n{string.Join("\n", errors)}");
        var error = errors[0];
        Assert.Equal(path, error.Path);
        Assert.Contains(reasonPart, error.Reason, StringComparison.Ordinal);
        return error;
    }

    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();
}
