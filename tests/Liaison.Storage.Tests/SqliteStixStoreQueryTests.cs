using static Liaison.Storage.Tests.StixFixtures;

namespace Liaison.Storage.Tests;

public sealed class SqliteStixStoreQueryTests
{
    [Fact]
    public void Text_search_finds_names_and_aliases_ignoring_case_and_accents()
    {
        using var test = new TestStore();
        test.Add(Valid(ThreatActor(1, "Jaysh al-Islam", "Armée de l'islam")));
        test.Add(Valid(ThreatActor(2, "Islamic State", "Daech")));

        Assert.Equal([Id("threat-actor", 1)], test.Store.Query(new ObjectQuery { Text = "jaysh" }).Select(o => o.Id));
        Assert.Equal([Id("threat-actor", 1)], test.Store.Query(new ObjectQuery { Text = "armee" }).Select(o => o.Id));
        Assert.Equal([Id("threat-actor", 2)], test.Store.Query(new ObjectQuery { Text = "DAECH" }).Select(o => o.Id));
        Assert.Equal([Id("threat-actor", 1)], test.Store.Query(new ObjectQuery { Text = "islam" }).Select(o => o.Id));
        Assert.Equal([Id("threat-actor", 2)], test.Store.Query(new ObjectQuery { Text = "islamic state" }).Select(o => o.Id));
    }

    [Fact]
    public void Text_with_query_syntax_characters_is_searched_literally()
    {
        using var test = new TestStore();
        test.Add(Valid(ThreatActor(1, "Jaysh al-Islam")));

        Assert.Empty(test.Store.Query(new ObjectQuery { Text = "\"unbalanced AND OR ( NEAR" }));
        Assert.Single(test.Store.Query(new ObjectQuery { Text = "al-Islam" }));
    }

    [Fact]
    public void Text_search_sees_only_the_latest_version()
    {
        using var test = new TestStore();
        test.Add(Valid(Note(1, "mortar fire on Barza", modified: Stamp(1))));
        test.Add(Valid(Note(1, "rockets on Aleppo", modified: Stamp(2))));

        Assert.Empty(test.Store.Query(new ObjectQuery { Text = "Barza" }));
        Assert.Single(test.Store.Query(new ObjectQuery { Text = "Aleppo" }));
    }

    [Fact]
    public void Type_filters_are_ored_and_limit_caps_the_results()
    {
        using var test = new TestStore();
        for (var i = 0; i < 5; i++)
        {
            test.Add(Valid(Note(i, $"note {i}")));
            test.Add(Valid(ThreatActor(i, $"group {i}")));
        }

        test.Add(Valid(Location(1, 35, 36)));

        Assert.Equal(10, test.Store.Query(new ObjectQuery { Types = ["note", "threat-actor"] }).Count);
        Assert.Equal(3, test.Store.Query(new ObjectQuery { Types = ["note"], Limit = 3 }).Count);
        Assert.Equal(11, test.Store.Statistics().Objects);
    }
}
