using Liaison.Storage.Taxii;

namespace Liaison.Storage.Tests.Taxii;

public sealed class GrantTests : IDisposable
{
    private readonly TestStore _test = new();
    private readonly Guid _toRussia;
    private readonly Guid _toUnhcr;

    public GrantTests()
    {
        _toRussia = _test.NewCollection("Outbound RUS");
        _toUnhcr = _test.NewCollection("Outbound UNHCR");
        _test.Store.CreatePrincipal("rus-liaison");
        _test.Store.CreatePrincipal("unhcr");
    }

    public void Dispose() => _test.Dispose();

    [Fact]
    public void Without_a_grant_a_principal_has_no_access()
    {
        Assert.Null(_test.Store.Access("rus-liaison", _toRussia));
        Assert.Empty(_test.Store.Grants());
    }

    [Fact]
    public void A_grant_gives_exactly_what_it_says_on_that_collection_only()
    {
        _test.Store.Grant("rus-liaison", _toRussia, canRead: true, canWrite: false);

        Assert.Equal(new CollectionGrant("rus-liaison", _toRussia, true, false), _test.Store.Access("rus-liaison", _toRussia));
        Assert.Null(_test.Store.Access("rus-liaison", _toUnhcr));
        Assert.Null(_test.Store.Access("unhcr", _toRussia));
    }

    [Fact]
    public void Granting_again_replaces_the_rights()
    {
        _test.Store.Grant("rus-liaison", _toRussia, canRead: true, canWrite: true);
        _test.Store.Grant("rus-liaison", _toRussia, canRead: false, canWrite: true);

        Assert.Equal([new CollectionGrant("rus-liaison", _toRussia, false, true)], _test.Store.Grants());
    }

    [Fact]
    public void The_principal_name_is_matched_regardless_of_case()
    {
        _test.Store.Grant("RUS-Liaison", _toRussia, canRead: true, canWrite: false);

        Assert.Equal("rus-liaison", _test.Store.Access("Rus-Liaison", _toRussia)!.Principal);
    }

    [Fact]
    public void Grants_are_listed_by_principal_then_collection_and_filtered_by_principal()
    {
        _test.Store.Grant("unhcr", _toUnhcr, canRead: true, canWrite: false);
        _test.Store.Grant("rus-liaison", _toUnhcr, canRead: true, canWrite: false);
        _test.Store.Grant("rus-liaison", _toRussia, canRead: true, canWrite: true);

        Assert.Equal(
            [
                new CollectionGrant("rus-liaison", _toRussia, true, true),
                new CollectionGrant("rus-liaison", _toUnhcr, true, false),
                new CollectionGrant("unhcr", _toUnhcr, true, false),
            ],
            _test.Store.Grants());
        Assert.Equal([new CollectionGrant("unhcr", _toUnhcr, true, false)], _test.Store.Grants("unhcr"));
        Assert.Empty(_test.Store.Grants("nobody"));
    }

    [Fact]
    public void Revoking_a_grant_takes_the_access_away_once()
    {
        _test.Store.Grant("rus-liaison", _toRussia, canRead: true, canWrite: false);

        Assert.True(_test.Store.RevokeGrant("rus-liaison", _toRussia));

        Assert.Null(_test.Store.Access("rus-liaison", _toRussia));
        Assert.False(_test.Store.RevokeGrant("rus-liaison", _toRussia));
        Assert.False(_test.Store.RevokeGrant("nobody", _toRussia));
        Assert.False(_test.Store.RevokeGrant("rus-liaison", Guid.NewGuid()));
    }

    [Fact]
    public void A_grant_to_an_unknown_principal_or_collection_names_what_is_missing()
    {
        var missing = Guid.NewGuid();

        Assert.Contains("no principal 'nobody'", Assert.Throws<StoreException>(() => _test.Store.Grant("nobody", _toRussia, true, false)).Message, StringComparison.Ordinal);
        Assert.Contains($"no collection {missing}", Assert.Throws<StoreException>(() => _test.Store.Grant("rus-liaison", missing, true, false)).Message, StringComparison.Ordinal);
        Assert.Empty(_test.Store.Grants());
    }

    [Fact]
    public void A_grant_of_nothing_is_a_programming_error()
    {
        Assert.Throws<ArgumentException>(() => _test.Store.Grant("rus-liaison", _toRussia, false, false));
    }

    [Fact]
    public void A_revoked_principal_loses_its_access_and_takes_no_new_grant()
    {
        _test.Store.Grant("rus-liaison", _toRussia, canRead: true, canWrite: true);

        _test.Store.RevokePrincipal("rus-liaison");

        Assert.Null(_test.Store.Access("rus-liaison", _toRussia));
        Assert.Single(_test.Store.Grants("rus-liaison"));
        Assert.Contains("revoked", Assert.Throws<StoreException>(() => _test.Store.Grant("rus-liaison", _toUnhcr, true, false)).Message, StringComparison.Ordinal);
    }
}
