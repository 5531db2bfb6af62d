using Liaison.Storage.Taxii;

namespace Liaison.Storage.Tests.Taxii;

public sealed class CollectionTests
{
    [Fact]
    public void A_new_collection_gets_a_random_id_and_keeps_its_title_description_and_alias()
    {
        using var test = new TestStore();

        var created = test.Store.CreateCollection("Outbound RUS", "What Russia may read", "to-rus");
        var other = test.Store.CreateCollection("Outbound UNHCR");

        Assert.NotEqual(Guid.Empty, created.Id);
        Assert.NotEqual(created.Id, other.Id);
        Assert.Equal(new CollectionInfo(created.Id, "Outbound RUS", "What Russia may read", "to-rus"), test.Store.FindCollection(created.Id.ToString()));
        Assert.Equal(new CollectionInfo(other.Id, "Outbound UNHCR", null, null), other);
    }

    [Fact]
    public void Collections_are_listed_oldest_first_and_survive_a_reopen()
    {
        using var test = new TestStore();
        var first = test.Store.CreateCollection("B first");
        var second = test.Store.CreateCollection("A second");

        test.Reopen();

        Assert.Equal([first, second], test.Store.Collections());
    }

    [Fact]
    public void A_collection_is_found_by_id_in_any_spelling_or_by_alias_in_any_case()
    {
        using var test = new TestStore();
        var created = test.Store.CreateCollection("Outbound RUS", alias: "to-rus");

        Assert.Equal(created, test.Store.FindCollection(created.Id.ToString("D").ToUpperInvariant()));
        Assert.Equal(created, test.Store.FindCollection(created.Id.ToString("N")));
        Assert.Equal(created, test.Store.FindCollection("to-rus"));
        Assert.Equal(created, test.Store.FindCollection("TO-RUS"));
        Assert.Null(test.Store.FindCollection("to-fra"));
        Assert.Null(test.Store.FindCollection(Guid.NewGuid().ToString()));
    }

    [Fact]
    public void An_alias_is_unique_regardless_of_case_and_the_error_names_its_holder()
    {
        using var test = new TestStore();
        var holder = test.Store.CreateCollection("Outbound RUS", alias: "to-rus");

        var error = Assert.Throws<StoreException>(() => test.Store.CreateCollection("Another", alias: "To-Rus"));

        Assert.Contains("alias 'To-Rus' is already used by collection", error.Message, StringComparison.Ordinal);
        Assert.Contains(holder.Id.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Single(test.Store.Collections());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("line\nbreak")]
    public void A_blank_or_multiline_title_is_a_programming_error(string title)
    {
        using var test = new TestStore();

        Assert.Throws<ArgumentException>(() => test.Store.CreateCollection(title));
        Assert.Empty(test.Store.Collections());
    }

    [Theory]
    [InlineData("with space")]
    [InlineData("slash/inside")]
    [InlineData("")]
    [InlineData("0b9a6c2e-0c35-4a52-8f3b-8d3a4b8e9f10")]
    public void An_alias_that_is_not_url_safe_or_looks_like_an_id_is_a_programming_error(string alias)
    {
        using var test = new TestStore();

        var error = Assert.Throws<ArgumentException>(() => test.Store.CreateCollection("Title", alias: alias));

        Assert.Equal(TaxiiNames.AliasProblem(alias) + " (Parameter 'alias')", error.Message);
    }

    [Fact]
    public void A_long_alias_or_title_is_refused()
    {
        Assert.NotNull(TaxiiNames.AliasProblem(new string('a', 65)));
        Assert.Null(TaxiiNames.AliasProblem(new string('a', 64)));
        Assert.NotNull(TaxiiNames.TitleProblem(new string('t', 257)));
        Assert.Null(TaxiiNames.TitleProblem("Outbound — RUS (été)"));
    }

    [Fact]
    public void Collections_live_in_the_database_file()
    {
        using var test = new TestStore();
        var created = test.NewCollection("Outbound RUS", alias: "to-rus");

        Assert.Equal("Outbound RUS", test.Sql($"SELECT title FROM collections WHERE id = '{created}'"));
    }
}
