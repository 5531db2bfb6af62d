namespace Liaison.Core.Extensions;

// The identifiers below are persisted and exchanged with partners: they are frozen. A changed schema gets a new
// "version" in its definition, never a new id; an incompatible redesign gets a new extension with a new id.
public sealed partial class LiaisonExtensions
{
    /// <summary>The Liaison project's own identity, <c>created_by_ref</c> of every Liaison extension definition.</summary>
    public const string ProjectIdentityId = "identity--be430ffe-9ca7-4c2f-a4ca-09f3da803ced";

    /// <summary>Id of the strike assessment extension (<c>new-sdo</c> <see cref="StrikeAssessmentType"/>).</summary>
    public const string StrikeAssessmentId = "extension-definition--4e561719-7d4f-4012-a48f-6313c0e343a4";

    /// <summary>Object type of a strike assessment.</summary>
    public const string StrikeAssessmentType = "x-liaison-strike-assessment";

    /// <summary>Id of the casualty claims extension (<c>property-extension</c> on <c>incident</c>).</summary>
    public const string CasualtyClaimsId = "extension-definition--12527e46-6eea-4d1b-8e04-4c04d130a1dc";

    /// <summary>Id of the person of interest extension (<c>property-extension</c> on <c>identity</c> and <c>threat-actor</c>).</summary>
    public const string PersonOfInterestId = "extension-definition--1f2fba30-f580-4b23-a500-7ad45e6707ef";

    /// <summary>Id of the activity notice extension (<c>new-sdo</c> <see cref="ActivityNoticeType"/>).</summary>
    public const string ActivityNoticeId = "extension-definition--14429fd2-e8e3-4778-9449-d553beff187c";

    /// <summary>Object type of a deconfliction activity notice.</summary>
    public const string ActivityNoticeType = "x-liaison-activity-notice";

    /// <summary>Id of the protected site extension (<c>property-extension</c> on <c>location</c>).</summary>
    public const string ProtectedSiteId = "extension-definition--5f235251-9b36-405d-83d4-5b964461fd20";

    /// <summary>Id of the request for information extension (<c>new-sdo</c> <see cref="RequestForInformationType"/>).</summary>
    public const string RequestForInformationId = "extension-definition--a2995926-e222-4563-acfb-fcd9a70d7c7a";

    /// <summary>Object type of a request for information.</summary>
    public const string RequestForInformationType = "x-liaison-rfi";

    /// <summary>Id of the ledger checkpoint extension (<c>new-sdo</c> <see cref="LedgerCheckpointType"/>).</summary>
    public const string LedgerCheckpointId = "extension-definition--c4c44f2c-17f3-40e6-ac62-64f0bf841c56";

    /// <summary>Object type of a signed ledger checkpoint.</summary>
    public const string LedgerCheckpointType = "x-liaison-ledger-checkpoint";

    /// <summary>Id of the receipt extension (<c>new-sdo</c> <see cref="ReceiptType"/>).</summary>
    public const string ReceiptId = "extension-definition--57c8ccc3-76d8-4224-8c56-e77097998d46";

    /// <summary>Object type of a signed receipt.</summary>
    public const string ReceiptType = "x-liaison-receipt";

    /// <summary>Id of the source reliability extension (<c>property-extension</c> on <c>identity</c>).</summary>
    public const string SourceReliabilityId = "extension-definition--77fd4530-e33d-47ec-9212-f2d40dae36b0";

    /// <summary>Id of the conflict report extension (<c>new-sdo</c> <see cref="ConflictReportType"/>).</summary>
    public const string ConflictReportId = "extension-definition--3b8e0f4c-9d27-4a61-b5c3-7e2f1a9d4c86";

    /// <summary>Object type of a deconfliction conflict report sent to the partner whose notice is involved.</summary>
    public const string ConflictReportType = "x-liaison-conflict-report";

    /// <summary><c>created</c> and <c>modified</c> of the version 1.0 definitions and of the project identity.</summary>
    public const string DefinitionsTimestamp = "2026-11-26T00:00:00.000Z";

    /// <summary>Where the schemas are published: the folder of the schema files in the Liaison repository.</summary>
    public const string SchemaBaseUrl = "https://github.com/liaison-project/liaison/blob/main/src/Liaison.Core/Extensions/Schemas/";
}
