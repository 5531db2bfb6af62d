using System.Buffers.Text;
using System.Diagnostics;
using System.Text;
using Liaison.Storage.Taxii;

namespace Liaison.Storage.Tests.Taxii;

public sealed class PrincipalTests
{
    [Fact]
    public void A_new_principal_gets_a_strong_generated_password_and_a_bearer_token()
    {
        using var test = new TestStore();

        var credentials = test.Store.CreatePrincipal("rus-liaison");

        Assert.Equal("rus-liaison", credentials.Principal);
        Assert.NotNull(credentials.Password);
        Assert.True(credentials.Password.Length >= 24);
        Assert.True(Base64Url.DecodeFromChars(credentials.Password).Length >= 18);
        Assert.StartsWith("lsn_", credentials.BearerToken, StringComparison.Ordinal);
        Assert.True(Base64Url.DecodeFromChars(credentials.BearerToken.AsSpan(4)).Length >= 32);
        Assert.NotEqual(credentials.BearerToken, test.Store.CreatePrincipal("unhcr").BearerToken);
    }

    [Fact]
    public void A_chosen_password_is_not_handed_back()
    {
        using var test = new TestStore();

        var credentials = test.Store.CreatePrincipal("rus-liaison", "correct horse battery staple");

        Assert.Null(credentials.Password);
        Assert.Equal("rus-liaison", test.Store.AuthenticatePassword("rus-liaison", "correct horse battery staple"));
    }

    [Fact]
    public void Only_slow_salted_hashes_are_stored()
    {
        using var test = new TestStore();
        var one = test.Store.CreatePrincipal("one", "the same password for both");
        var two = test.Store.CreatePrincipal("two", "the same password for both");
        var generated = test.Store.CreatePrincipal("three");

        var hashOne = (string)test.Sql("SELECT password_hash FROM principals WHERE name = 'one'")!;
        var hashTwo = (string)test.Sql("SELECT password_hash FROM principals WHERE name = 'two'")!;
        Assert.StartsWith("$argon2id$v=19$m=19456,t=2,p=1$", hashOne, StringComparison.Ordinal);
        Assert.StartsWith("$argon2id$v=19$m=19456,t=2,p=1$", (string)test.Sql("SELECT token_hash FROM principals WHERE name = 'one'")!, StringComparison.Ordinal);
        Assert.NotEqual(hashOne, hashTwo);
        Assert.NotEqual(hashOne.Split('$')[4], hashTwo.Split('$')[4]);

        test.Store.Dispose();
        var file = Encoding.UTF8.GetString(File.ReadAllBytes(test.DatabasePath)) + Encoding.UTF8.GetString(ReadIfExists(test.DatabasePath + "-wal"));
        foreach (var secret in new[] { "the same password for both", one.BearerToken, two.BearerToken, generated.Password!, generated.BearerToken, generated.BearerToken[4..] })
        {
            Assert.DoesNotContain(secret, file, StringComparison.Ordinal);
        }

        test.Reopen();
    }

    [Fact]
    public void The_password_authenticates_and_a_wrong_one_does_not()
    {
        using var test = new TestStore();
        var credentials = test.Store.CreatePrincipal("rus-liaison");
        var password = credentials.Password!;

        Assert.Equal("rus-liaison", test.Store.AuthenticatePassword("rus-liaison", password));
        Assert.Equal("rus-liaison", test.Store.AuthenticatePassword("RUS-Liaison", password));
        Assert.Null(test.Store.AuthenticatePassword("rus-liaison", password[..^1]));
        Assert.Null(test.Store.AuthenticatePassword("rus-liaison", password + "x"));
        Assert.Null(test.Store.AuthenticatePassword("rus-liaison", password.ToUpperInvariant()));
        Assert.Null(test.Store.AuthenticatePassword("rus-liaison", credentials.BearerToken));
        Assert.Null(test.Store.AuthenticatePassword("unknown", password));
    }

    [Fact]
    public void The_token_authenticates_and_nothing_close_to_it_does()
    {
        using var test = new TestStore();
        var rus = test.Store.CreatePrincipal("rus-liaison");
        var unhcr = test.Store.CreatePrincipal("unhcr");

        Assert.Equal("rus-liaison", test.Store.AuthenticateToken(rus.BearerToken));
        Assert.Equal("unhcr", test.Store.AuthenticateToken(unhcr.BearerToken));
        Assert.Null(test.Store.AuthenticateToken(rus.BearerToken[..^1]));
        Assert.Null(test.Store.AuthenticateToken(rus.BearerToken + "A"));
        Assert.Null(test.Store.AuthenticateToken(rus.BearerToken[4..]));
        Assert.Null(test.Store.AuthenticateToken(rus.BearerToken[..24] + unhcr.BearerToken[24..]));
        Assert.Null(test.Store.AuthenticateToken("lsn_" + new string('A', 43)));
        Assert.Null(test.Store.AuthenticateToken(rus.Password));
    }

    [Fact]
    public void A_token_that_finds_another_principals_row_is_still_refused()
    {
        using var test = new TestStore();
        test.Store.CreatePrincipal("rus-liaison");
        var forged = "lsn_" + new string('B', 43);
        // Simulate a lookup collision: the forged token now points at rus-liaison's row. Argon2id must still say no.
        test.Sql($"UPDATE principals SET token_lookup = '{SecretHasher.TokenLookup(forged)}' WHERE name = 'rus-liaison'");

        Assert.Null(test.Store.AuthenticateToken(forged));
    }

    [Fact]
    public void Every_byte_of_the_stored_hash_is_compared()
    {
        using var test = new TestStore();
        var credentials = test.Store.CreatePrincipal("rus-liaison");
        var stored = (string)test.Sql("SELECT password_hash FROM principals")!;
        var parts = stored.Split('$');
        var hash = Convert.FromBase64String(parts[5] + "=");

        hash[^1] ^= 1;
        test.Sql($"UPDATE principals SET password_hash = '{string.Join('$', parts[..5])}${Convert.ToBase64String(hash).TrimEnd('=')}'");
        Assert.Null(test.Store.AuthenticatePassword("rus-liaison", credentials.Password));

        test.Sql($"UPDATE principals SET password_hash = '{string.Join('$', parts[..5])}${Convert.ToBase64String(hash[..16]).TrimEnd('=')}'");
        Assert.Null(test.Store.AuthenticatePassword("rus-liaison", credentials.Password));

        test.Sql($"UPDATE principals SET password_hash = '{stored}'");
        Assert.Equal("rus-liaison", test.Store.AuthenticatePassword("rus-liaison", credentials.Password));
    }

    [Fact]
    public void A_malformed_stored_hash_refuses_instead_of_throwing()
    {
        using var test = new TestStore();
        var credentials = test.Store.CreatePrincipal("rus-liaison");

        foreach (var broken in new[] { "", "$argon2id$v=19$m=19456,t=2,p=2$AAAA$AAAA", "$argon2id$v=19$m=99999999,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAA", "$argon2i$v=19$m=19456,t=2,p=1$x$y", "not a hash" })
        {
            test.Sql($"UPDATE principals SET password_hash = '{broken}'");
            Assert.Null(test.Store.AuthenticatePassword("rus-liaison", credentials.Password));
        }
    }

    [Fact]
    public void An_unknown_name_takes_as_long_as_a_wrong_password()
    {
        using var test = new TestStore();
        test.Store.CreatePrincipal("rus-liaison");
        test.Store.AuthenticatePassword("rus-liaison", "warm up the hasher");

        static double Median(Func<string?> attempt)
        {
            var times = new List<double>();
            for (var i = 0; i < 7; i++)
            {
                var watch = Stopwatch.StartNew();
                Assert.Null(attempt());
                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            return times.Order().ElementAt(3);
        }

        var wrongPassword = Median(() => test.Store.AuthenticatePassword("rus-liaison", "not the password at all"));
        var unknownName = Median(() => test.Store.AuthenticatePassword("nobody-here", "not the password at all"));

        // Without the dummy hash an unknown name answers in microseconds, about a thousand times sooner; with it, in the
        // same tens of milliseconds. The margin (twenty times) keeps a loaded machine's scheduling out of the verdict.
        Assert.True(unknownName > wrongPassword / 20, $"unknown name {unknownName:F1} ms, wrong password {wrongPassword:F1} ms");
    }

    [Theory]
    [InlineData(null, "whatever password")]
    [InlineData("rus-liaison", null)]
    [InlineData("", "")]
    [InlineData("bad name with spaces", "whatever password")]
    [InlineData("rus-liaison", "")]
    public void Bad_password_input_is_refused_without_throwing(string? name, string? password)
    {
        using var test = new TestStore();
        test.Store.CreatePrincipal("rus-liaison");

        Assert.Null(test.Store.AuthenticatePassword(name, password));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("lsn_")]
    [InlineData("Bearer lsn_abc")]
    [InlineData("\0\u00ff\ud800")]
    public void Bad_token_input_is_refused_without_throwing(string? token)
    {
        using var test = new TestStore();
        test.Store.CreatePrincipal("rus-liaison");

        Assert.Null(test.Store.AuthenticateToken(token));
        Assert.Null(test.Store.AuthenticateToken("lsn_" + new string('x', 100_000)));
    }

    [Fact]
    public void A_revoked_principal_cannot_authenticate_and_keeps_its_name()
    {
        using var test = new TestStore();
        var credentials = test.Store.CreatePrincipal("rus-liaison");

        Assert.True(test.Store.RevokePrincipal("RUS-liaison"));

        Assert.Null(test.Store.AuthenticatePassword("rus-liaison", credentials.Password));
        Assert.Null(test.Store.AuthenticateToken(credentials.BearerToken));
        Assert.False(test.Store.RevokePrincipal("rus-liaison"));
        Assert.True(test.Store.FindPrincipal("rus-liaison")!.Revoked);
        var error = Assert.Throws<StoreException>(() => test.Store.CreatePrincipal("rus-liaison"));
        Assert.Contains("revoked", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Revoking_an_unknown_principal_changes_nothing()
    {
        using var test = new TestStore();

        Assert.False(test.Store.RevokePrincipal("nobody"));
        Assert.Empty(test.Store.Principals());
    }

    [Fact]
    public void Names_are_unique_regardless_of_case()
    {
        using var test = new TestStore();
        test.Store.CreatePrincipal("rus-liaison");

        var error = Assert.Throws<StoreException>(() => test.Store.CreatePrincipal("Rus-Liaison"));

        Assert.Contains("principal 'rus-liaison' already exists", error.Message, StringComparison.Ordinal);
        Assert.Single(test.Store.Principals());
    }

    [Fact]
    public void Principals_are_listed_by_name_with_creation_time_and_state()
    {
        using var test = new TestStore();
        test.Store.CreatePrincipal("unhcr");
        test.Clock.UtcNow = test.Clock.UtcNow.AddMinutes(1);
        test.Store.CreatePrincipal("rus-liaison");
        test.Store.RevokePrincipal("unhcr");

        var created = (test.Clock.UtcNow - DateTimeOffset.UnixEpoch).Ticks / 10;
        Assert.Equal(
            [new PrincipalInfo("rus-liaison", created, false), new PrincipalInfo("unhcr", created - 60_000_000, true)],
            test.Store.Principals());
    }

    [Theory]
    [InlineData("")]
    [InlineData("with space")]
    [InlineData("colon:inside")]
    [InlineData("émile")]
    [InlineData("a-name-that-is-far-too-long-for-a-principal-because-it-has-65-chr")]
    public void A_bad_name_is_a_programming_error(string name)
    {
        using var test = new TestStore();

        Assert.Throws<ArgumentException>(() => test.Store.CreatePrincipal(name));
        Assert.Empty(test.Store.Principals());
    }

    [Fact]
    public void A_name_may_use_letters_digits_and_a_few_signs()
    {
        Assert.Null(TaxiiNames.PrincipalNameProblem("ops.team_2-fr@example.org"));
        Assert.Null(TaxiiNames.PrincipalNameProblem(new string('a', 64)));
    }

    [Theory]
    [InlineData("Hunter2!")]
    [InlineData("has a\nline break")]
    public void A_weak_password_is_refused_without_repeating_it(string password)
    {
        using var test = new TestStore();

        var error = Assert.Throws<ArgumentException>(() => test.Store.CreatePrincipal("rus-liaison", password));

        Assert.DoesNotContain(password, error.Message, StringComparison.Ordinal);
        Assert.Empty(test.Store.Principals());
    }

    private static byte[] ReadIfExists(string path) => File.Exists(path) ? File.ReadAllBytes(path) : [];
}
