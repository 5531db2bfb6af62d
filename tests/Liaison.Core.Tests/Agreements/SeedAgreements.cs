namespace Liaison.Core.Tests.Agreements;

/// <summary>The seed's two orientations as agreement documents (the worked example of docs/agreements.md).</summary>
internal static class SeedAgreements
{
    /// <summary>What France releases to Russia.</summary>
    public const string FranceToRussia = """
        # France -> Russia: strike assessments and hostile group positions, coarse and late; nothing else.
        partner: RUS
        version: 1
        references: drop
        release:
          - name: strike-assessments
            kinds: [strike-assessment]
            approval: manual
            redact: [platform, munition, x_internal_ticket]
            location: { precision_km: 10 }
            time: { round: 1h, delay: 6h, from: [strike_time, modified] }
            sources: pseudonymise
            add_markings: [TLP:AMBER, "REL TO FRA, RUS"]
          - name: group-positions
            kinds: [sighting, intrusion-set, location]
            min_confidence: 50
            region: { bbox: [35.0, 32.0, 42.5, 37.5] }
            location: { precision_km: 5 }
            time: { round: 1h }
            sources: pseudonymise
            add_markings: [TLP:AMBER]
          - name: groups
            kinds: [intrusion-set]
            redact: [description]
        accept:
          kinds: [sighting, incident, location, intrusion-set, x-liaison-strike-assessment, identity]
        """;

    /// <summary>Russia's document for France: smaller, other choices.</summary>
    public const string RussiaToFrance = """
        partner: FRA
        version: 1
        references: hold
        release:
          - name: incidents
            kinds: [incident, location]
            location: { precision_km: 2 }
        accept:
          kinds: [x-liaison-strike-assessment, sighting, location, intrusion-set, identity, marking-definition]
          min_confidence: 30
        """;
}
