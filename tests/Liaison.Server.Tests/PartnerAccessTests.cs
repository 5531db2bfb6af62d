using System.Net;

namespace Liaison.Server.Tests;

/// <summary>
/// Every principal × every collection × every verb: a partner reads only its outbound collection, writes only its
/// inbound one, and never learns that any other collection exists.
/// </summary>
public sealed class PartnerAccessTests
{
    private static readonly string[] Principals = ["partner-rus", "partner-usa", "fra", "rus"];
    private static readonly string[] CollectionNames = ["to-rus", "from-rus", "to-usa", "from-usa", "shared", "feed", "inbound", "hidden"];

    // The grants the fixture gives, and nothing else.
    private static readonly HashSet<(string, string)> Reads = [("fra", "shared"), ("fra", "feed"), ("partner-rus", "to-rus"), ("partner-usa", "to-usa")];
    private static readonly HashSet<(string, string)> Writes = [("fra", "shared"), ("rus", "inbound"), ("partner-rus", "from-rus"), ("partner-usa", "from-usa")];

    [Fact]
    public async Task Every_principal_collection_and_verb_gets_exactly_its_grant()
    {
        await using var server = await TaxiiTestServer.StartAsync();
        var failures = new List<string>();
        foreach (var principal in Principals)
        {
            using var client = server.Client(principal);
            var listed = (await TaxiiTestServer.Json(await client.GetAsync("/api/collections/"))).TryGetProperty("collections", out var list)
                ? list.EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToHashSet()
                : [];
            foreach (var name in CollectionNames)
            {
                var canRead = Reads.Contains((principal, name));
                var canWrite = Writes.Contains((principal, name));
                var visible = canRead || canWrite;
                var url = server.CollectionUrl(name);
                Expect($"list {name}", listed.Contains(server.Collections[name].Id.ToString()), visible);
                Expect($"GET {name}", (await client.GetAsync(url)).StatusCode, visible ? HttpStatusCode.OK : HttpStatusCode.NotFound);
                var readStatus = canRead ? HttpStatusCode.OK : visible ? HttpStatusCode.Forbidden : HttpStatusCode.NotFound;
                Expect($"GET {name}/objects", (await client.GetAsync(url + "objects/")).StatusCode, readStatus);
                Expect($"GET {name}/manifest", (await client.GetAsync(url + "manifest/")).StatusCode, readStatus);
                var post = await client.PostAsync(url + "objects/", TaxiiTestServer.Envelope(Stix.ThreatActor(1, "Katiba")));
                Expect($"POST {name}/objects", post.StatusCode, canWrite ? HttpStatusCode.Accepted : visible ? HttpStatusCode.Forbidden : HttpStatusCode.NotFound);
                Expect($"DELETE {name}/objects/id", (await client.DeleteAsync(url + $"objects/{Stix.Id("threat-actor", 1)}/")).StatusCode,
                    canRead && canWrite ? HttpStatusCode.OK : visible ? HttpStatusCode.Forbidden : HttpStatusCode.NotFound);

                void Expect<T>(string what, T actual, T expected)
                {
                    if (!EqualityComparer<T>.Default.Equals(actual, expected))
                    {
                        failures.Add($"{principal}: {what} gave {actual}, expected {expected}");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task What_a_partner_posts_outside_its_agreement_is_quarantined_and_the_rest_carries_its_provenance()
    {
        await using var server = await TaxiiTestServer.StartAsync();
        using (var store = server.OpenStore())
        {
            store.ApplyAgreement(Core.Agreements.AgreementParser.Parse("partner: RUS\nversion: 1\naccept:\n  kinds: [threat-actor]\n"), "admin");
        }

        using var client = server.Client("partner-rus");
        var response = await client.PostAsync(server.CollectionUrl("from-rus") + "objects/", TaxiiTestServer.Envelope(Stix.ThreatActor(1, "Katiba"), Stix.Note(2, "internal")));
        var status = await TaxiiTestServer.Json(response);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(1, status.GetProperty("success_count").GetInt32());
        var failure = Assert.Single(status.GetProperty("failures").EnumerateArray());
        Assert.Contains("quarantined: kind note is not accepted", failure.GetProperty("message").GetString(), StringComparison.Ordinal);
        using var check = server.OpenStore();
        Assert.Equal(Stix.Id("note", 2), Assert.Single(check.Quarantine("RUS")).ObjectId);
        Assert.False(check.Contains(Stix.Id("note", 2)));
        Assert.Equal("RUS", Assert.Single(check.ProvenanceOf(Stix.Id("threat-actor", 1))).Remote);
    }
}
