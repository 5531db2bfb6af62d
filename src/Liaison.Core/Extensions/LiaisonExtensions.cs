using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Liaison.Core.Stix;
using Liaison.Core.Validation;

namespace Liaison.Core.Extensions;

/// <summary>
/// The STIX 2.1 extensions Liaison defines (strike assessments, casualty claims, persons of interest, deconfliction
/// notices, protected sites, requests for information, ledger checkpoints, receipts, source reliability, conflict
/// reports): their
/// <c>extension-definition</c> objects to publish, and the check of objects that carry them against the embedded JSON
/// schemas. Use <see cref="Instance"/>; it is immutable and thread-safe, and builds its schemas once, on first use.
/// </summary>
public sealed partial class LiaisonExtensions : IExtensionCatalog
{
    private readonly Dictionary<string, LiaisonExtension> _byId;
    private readonly Dictionary<string, LiaisonExtension> _byType;

    private LiaisonExtensions()
    {
        var schemas = new Lazy<ExtensionSchemaSet>(ExtensionSchemaSet.LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);
        All = [.. Specs().Select(spec => new LiaisonExtension(spec, schemas))];
        _byId = All.ToDictionary(e => e.Id, StringComparer.Ordinal);
        _byType = All.Where(e => e.DefinesType is not null).ToDictionary(e => e.DefinesType!, StringComparer.Ordinal);
        Definitions = [.. All.Select(e => e.Definition)];
        ProjectIdentity = ExtensionDefinitionWriter.WriteProjectIdentity();
    }

    /// <summary>The catalog.</summary>
    public static LiaisonExtensions Instance { get; } = new();

    /// <summary>Every Liaison extension, in a fixed order.</summary>
    public IReadOnlyList<LiaisonExtension> All { get; }

    /// <summary>The <c>extension-definition</c> objects of <see cref="All"/>, in the same order, for a node to publish.</summary>
    public IReadOnlyList<JsonElement> Definitions { get; }

    /// <summary>The Liaison project's <c>identity</c> object (<see cref="ProjectIdentityId"/>), the definitions' creator.</summary>
    public JsonElement ProjectIdentity { get; }

    /// <inheritdoc />
    public bool TryGet(string extensionDefinitionId, [NotNullWhen(true)] out IKnownExtension? extension)
    {
        var found = TryGetExtension(extensionDefinitionId, out var liaison);
        extension = liaison;
        return found;
    }

    /// <summary>Finds a Liaison extension by its <c>extension-definition--UUID</c> id.</summary>
    public bool TryGetExtension(string extensionDefinitionId, [NotNullWhen(true)] out LiaisonExtension? extension)
    {
        ArgumentNullException.ThrowIfNull(extensionDefinitionId);
        return _byId.TryGetValue(extensionDefinitionId, out extension);
    }

    /// <summary>Finds the extension that defines an object type, e.g. <see cref="StrikeAssessmentType"/>.</summary>
    public bool TryGetByType(string objectType, [NotNullWhen(true)] out LiaisonExtension? extension)
    {
        ArgumentNullException.ThrowIfNull(objectType);
        return _byType.TryGetValue(objectType, out extension);
    }

    /// <summary>
    /// Checks every Liaison extension an object carries, and that an object of a Liaison type declares its extension
    /// (spec §7.3: a new SDO names its extension definition in <c>extensions</c>). Other extensions are ignored.
    /// </summary>
    /// <param name="stixObject">The STIX object.</param>
    /// <param name="objectIndex">Its position in its bundle, for the errors.</param>
    /// <returns>The problems found; empty when there are none.</returns>
    public IReadOnlyList<StixError> ValidateExtensions(JsonElement stixObject, int? objectIndex = null)
    {
        var errors = new List<StixError>();
        if (stixObject.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new StixError(objectIndex, null, "$", "a STIX object must be a JSON object"));
            return errors;
        }

        var id = stixObject.TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString() : null;
        var hasExtensions = stixObject.TryGetProperty("extensions", out var extensions) && extensions.ValueKind == JsonValueKind.Object;
        if (hasExtensions)
        {
            var extensionsPath = JsonPathText.Property("$", "extensions");
            foreach (var property in extensions.EnumerateObject())
            {
                if (TryGetExtension(property.Name, out var extension))
                {
                    extension.Validate(stixObject, property.Value, JsonPathText.Property(extensionsPath, property.Name), objectIndex, id, errors);
                }
            }
        }

        if (stixObject.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String
            && TryGetByType(type.GetString()!, out var definer) && !(hasExtensions && extensions.TryGetProperty(definer.Id, out _)))
        {
            errors.Add(new StixError(objectIndex, id, "$.extensions",
                $"a {definer.DefinesType} object must declare its extension definition: \"extensions\": {{\"{definer.Id}\": {{\"extension_type\": \"new-sdo\"}}}}"));
        }

        return errors;
    }

    private static IEnumerable<ExtensionSpec> Specs()
    {
        yield return new(StrikeAssessmentId, "strike-assessment", "Liaison strike assessment",
            "A new SDO, x-liaison-strike-assessment: the assessed result of one strike - time, location, target category, " +
            "effect achieved, civilian harm assessment and assessor; confidence is the STIX common property. " +
            "platform and munition are sensitive and usually redacted before release.",
            StixExtensionType.NewSdo, StrikeAssessmentType, [StrikeAssessmentType], LiaisonExtensionRules.StrikeAssessment);
        yield return new(CasualtyClaimsId, "incident-casualty-claims", "Liaison incident casualty claims",
            "A property extension on incident: when and where it happened and, side by side, what each source claimed " +
            "(killed, injured, the source's own words when it gave no number, when and where it said so, credibility 1-6).",
            StixExtensionType.PropertyExtension, null, ["incident"], LiaisonExtensionRules.CasualtyClaims);
        yield return new(PersonOfInterestId, "person-of-interest", "Liaison person of interest",
            "A property extension on identity (identity_class individual) and threat-actor: names in their scripts, " +
            "nationalities, languages, birth year, affiliations, last known location, and a mandatory review-by date.",
            StixExtensionType.PropertyExtension, null, ["identity", "threat-actor"], LiaisonExtensionRules.PersonOfInterest);
        yield return new(ActivityNoticeId, "activity-notice", "Liaison activity notice",
            "A new SDO, x-liaison-activity-notice: a planned or active activity notified for deconfliction, as a GeoJSON " +
            "area, an altitude band and a half-open time window [start_time, end_time), with its domain, status and contact.",
            StixExtensionType.NewSdo, ActivityNoticeType, [ActivityNoticeType], LiaisonExtensionRules.ActivityNotice);
        yield return new(ProtectedSiteId, "protected-site", "Liaison protected site",
            "A property extension on location: a site protected under international humanitarian law (hospital, school, " +
            "aid convoy...), its extent as a radius or a GeoJSON polygon, and its validity window.",
            StixExtensionType.PropertyExtension, null, ["location"], LiaisonExtensionRules.ProtectedSite);
        yield return new(RequestForInformationId, "request-for-information", "Liaison request for information",
            "A new SDO, x-liaison-rfi: a question from a requester to an addressee about some objects, due by a date, " +
            "tracked from open to closed, answered by the objects listed in answer_refs.",
            StixExtensionType.NewSdo, RequestForInformationType, [RequestForInformationType], null);
        yield return new(LedgerCheckpointId, "ledger-checkpoint", "Liaison ledger checkpoint",
            "A new SDO, x-liaison-ledger-checkpoint: a signed checkpoint (origin, tree size, root hash, time) of a node's " +
            "append-only Merkle log, for inclusion and consistency proofs between partners.",
            StixExtensionType.NewSdo, LedgerCheckpointType, [LedgerCheckpointType], null);
        yield return new(ReceiptId, "receipt", "Liaison receipt",
            "A new SDO, x-liaison-receipt: a signed acknowledgement of the object versions a node received and stored " +
            "(id, modified, content hash), tied to a checkpoint of its ledger.",
            StixExtensionType.NewSdo, ReceiptType, [ReceiptType], LiaisonExtensionRules.Receipt);
        yield return new(SourceReliabilityId, "source-reliability", "Liaison source reliability",
            "A property extension on identity: the Admiralty reliability grade (A-F) of an information source and why. " +
            "Where a number is needed, A-E map to STIX confidence as Admiralty credibility 1-5 does (Appendix A): " +
            "A 90, B 70, C 50, D 30, E 10; F has no value.",
            StixExtensionType.PropertyExtension, null, ["identity"], null);
        yield return new(ConflictReportId, "conflict-report", "Liaison conflict report",
            "A new SDO, x-liaison-conflict-report: a deconfliction conflict told to the partner whose activity notice is " +
            "involved - the notice as that partner knows it, where, how high and when the two activities meet (a box, a band " +
            "and a half-open window), the contact channels and the category of a protected site involved; nothing else.",
            StixExtensionType.NewSdo, ConflictReportType, [ConflictReportType], ConflictReportRules.Check);
    }
}
