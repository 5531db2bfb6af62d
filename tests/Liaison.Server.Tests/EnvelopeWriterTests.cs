using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using static Liaison.Server.Tests.Stix;

namespace Liaison.Server.Tests;

/// <summary>
/// POSTs arriving together: the node's one writer commits several envelopes per transaction, and each request must
/// still get exactly its own complete status, as if it had been alone.
/// </summary>
public sealed class EnvelopeWriterTests
{
    [Fact]
    public async Task Concurrent_envelopes_are_all_stored_and_each_status_lists_only_its_own_objects()
    {
        await using var server = await TaxiiTestServer.StartAsync(maxContentLength: 8 << 20);
        var client = server.Client();
        const int Envelopes = 12;
        const int PerEnvelope = 150;

        // Envelope e holds notes e*1000+1.. and, every third envelope, one invalid note (modified before created).
        var posts = Enumerable.Range(0, Envelopes).Select(async e =>
        {
            var objects = Enumerable.Range(1, PerEnvelope).Select(i => (JsonNode)Note(e * 1000 + i, $"note {i} of envelope {e}")).ToList();
            if (e % 3 == 0)
            {
                objects.Add(Note(e * 1000 + 999, "bad").With("modified", "2015-01-01T00:00:00.000Z"));
            }

            var response = await client.PostAsync(server.CollectionUrl("shared") + "objects/", TaxiiTestServer.Envelope([.. objects]));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            return (Envelope: e, Status: await TaxiiTestServer.Json(response));
        }).ToList();
        var answered = await Task.WhenAll(posts);

        foreach (var (e, status) in answered)
        {
            Assert.Equal("complete", status.GetProperty("status").GetString());
            var successes = status.GetProperty("successes").EnumerateArray().Select(s => s.GetProperty("id").GetString()!).ToList();
            Assert.Equal(Enumerable.Range(1, PerEnvelope).Select(i => Id("note", e * 1000 + i)), successes);
            if (e % 3 == 0)
            {
                var failure = Assert.Single(status.GetProperty("failures").EnumerateArray());
                Assert.Equal(Id("note", e * 1000 + 999), failure.GetProperty("id").GetString());
            }
            else
            {
                Assert.False(status.TryGetProperty("failures", out _));
            }

            // The saved status is the one the request was answered with.
            var saved = await TaxiiTestServer.Json(await client.GetAsync($"/api/status/{status.GetProperty("id").GetString()}/"));
            Assert.Equal(status.GetRawText(), saved.GetRawText());
        }

        using var connection = new SqliteConnection($"Data Source={server.DatabasePath}");
        connection.Open();
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM objects";
        Assert.Equal(Envelopes * PerEnvelope, Convert.ToInt32(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Versions_posted_together_in_any_order_keep_the_newest_as_the_latest()
    {
        await using var server = await TaxiiTestServer.StartAsync();
        var client = server.Client();
        var modified = Enumerable.Range(1, 6).Select(day => $"2016-01-{day:D2}T00:00:00.000Z").ToList();

        // Newest first, all at once: the order the writer sees them in is not the order of their versions.
        var statuses = await Task.WhenAll(modified.AsEnumerable().Reverse().Select(async m =>
            await TaxiiTestServer.Json(await client.PostAsync(server.CollectionUrl("shared") + "objects/", TaxiiTestServer.Envelope(Note(1, $"as of {m}", m))))));

        Assert.All(statuses, s => Assert.Equal(1, s.GetProperty("success_count").GetInt32()));
        var latest = await TaxiiTestServer.Json(await client.GetAsync(server.CollectionUrl("shared") + $"objects/{Id("note", 1)}/"));
        Assert.Equal(DateTimeOffset.Parse(modified[^1]), DateTimeOffset.Parse(Assert.Single(latest.GetProperty("objects").EnumerateArray()).GetProperty("modified").GetString()!));
        var versions = await TaxiiTestServer.Json(await client.GetAsync(server.CollectionUrl("shared") + $"objects/{Id("note", 1)}/versions/"));
        // Every version is kept (listed in the order they were added, which here is newest first).
        Assert.Equal(modified.Select(DateTimeOffset.Parse), versions.GetProperty("versions").EnumerateArray().Select(v => DateTimeOffset.Parse(v.GetString()!)).Order());
    }

    [Fact]
    public async Task An_envelope_that_fails_in_a_shared_transaction_fails_alone_and_the_others_are_kept()
    {
        await using var server = await TaxiiTestServer.StartAsync();
        using (var store = server.OpenStore())
        {
            store.ApplyAgreement(Core.Agreements.AgreementParser.Parse("partner: RUS\nversion: 1\naccept:\n  kinds: [threat-actor]\n"), "admin");
        }

        var fra = server.Client();
        var rus = server.Client("partner-rus");
        // Requests borrow open stores; opening one checks the schema, which would wait for the lock taken below.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => (i % 2 == 0 ? fra : rus).GetAsync("/api/collections/")));

        using var holder = new SqliteConnection($"Data Source={server.DatabasePath}");
        holder.Open();
        using (var damage = holder.CreateCommand())
        {
            // A stored agreement that no longer parses: every envelope the partner sends fails in the writer.
            damage.CommandText = "UPDATE agreements SET text = 'partner: [RUS' WHERE partner = 'RUS'; BEGIN IMMEDIATE;";
            damage.ExecuteNonQuery();
        }

        // The write lock is held, so the writer waits while the envelopes queue up behind the first one; once it is
        // released they share a transaction, which the partner's envelope makes fail.
        var ours = Enumerable.Range(1, 4).Select(n => fra.PostAsync(server.CollectionUrl("shared") + "objects/", TaxiiTestServer.Envelope(ThreatActor(n, $"actor {n}")))).ToList();
        var theirs = rus.PostAsync(server.CollectionUrl("from-rus") + "objects/", TaxiiTestServer.Envelope(ThreatActor(100, "Katiba")));
        // Each request first verifies a slow password hash; give them all time to reach the queue.
        await Task.Delay(TimeSpan.FromSeconds(1));
        using (var release = holder.CreateCommand())
        {
            release.CommandText = "COMMIT";
            release.ExecuteNonQuery();
        }

        var failed = await theirs;
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal("500", (await TaxiiTestServer.Json(failed)).GetProperty("http_status").GetString());
        foreach (var response in await Task.WhenAll(ours))
        {
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            Assert.Equal(1, (await TaxiiTestServer.Json(response)).GetProperty("success_count").GetInt32());
        }

        using var check = server.OpenStore();
        Assert.All(Enumerable.Range(1, 4), n => Assert.True(check.Contains(Id("threat-actor", n))));
        Assert.False(check.Contains(Id("threat-actor", 100)));
        Assert.Empty(check.Quarantine("RUS"));
    }
}
